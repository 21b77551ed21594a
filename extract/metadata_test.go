package extract

import "testing"

func TestDocumentMetadata(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		markdown bool
		want     Metadata
	}{
		{"front matter", "---\ntitle: \"Raid on Belgorod\"\ndate: 2023-05-24\nsource: https://example.org/raid\n---\n# Other\n\nText.", true,
			Metadata{"Raid on Belgorod", FromFrontMatter, "2023-05-24", FromFrontMatter, "https://example.org/raid", FromFrontMatter}},
		{"front matter date-time", "---\ndate: 2023-05-24T10:15:00Z\n---\nKyiv is far.", true,
			Metadata{"Kyiv is far.", FromFirstLine, "2023-05-24T10:15:00Z", FromFrontMatter, "", ""}},
		{"heading", "Intro line\n\n## Raid *on* Belgorod\n\nText.", true,
			Metadata{"Raid on Belgorod", FromHeading, "", "", "", ""}},
		{"first line and publication", "Anti-Kremlin Volunteers Launch Incursion\n\nPublication: Eurasia Daily Monitor Volume: 20 Issue: 87\n\n(Source: lenta.ua)\n\nOn May 22, fighters crossed.", false,
			Metadata{"Anti-Kremlin Volunteers Launch Incursion", FromFirstLine, "", "", "Eurasia Daily Monitor", FromPublication}},
		{"source line", "Title\nSource: Reuters\nText.", false,
			Metadata{"Title", FromFirstLine, "", "", "Reuters", FromSourceLine}},
		{"date near the top", "Title\nMay 24, 2023\nText about May 22.", false,
			Metadata{"Title", FromFirstLine, "2023-05-24", FromTopOfText, "", ""}},
		{"dated line", "Title\nBy A. Writer\nPublished: 24 May 2023\nText.", false,
			Metadata{"Title", FromFirstLine, "2023-05-24", FromDatedLine, "", ""}},
		{"dateline", "Title\n\nBELGOROD, Russia (AP) — Gov. Vyacheslav Gladkov said.", false,
			Metadata{"Title", FromFirstLine, "", "", "AP", FromDateline}},
		{"dateline with a date", "Title\n\nKYIV, Ukraine, May 24, 2023 (AP) — Drones hit Kyiv.", false,
			Metadata{"Title", FromFirstLine, "2023-05-24", FromDateline, "AP", FromDateline}},
		{"agency dateline", "Title\n\nWASHINGTON (Reuters) - The Pentagon said.", false,
			Metadata{"Title", FromFirstLine, "", "", "Reuters", FromDateline}},
		{"byline with a date", "Title\nBy Jane Doe | Updated May 24, 2023 10:15 AM\n\nText.", false,
			Metadata{"Title", FromFirstLine, "2023-05-24", FromTopOfText, "", ""}},
		{"a date later on is not the document's", "Title\nOne.\nTwo.\nThree.\nIt began on May 22, 2023.", false,
			Metadata{"Title", FromFirstLine, "", "", "", ""}},
		{"long first line", "A drone attack hit Russia's Belgorod region early on Wednesday, May 24, Moscow said. The Kremlin denounces that attackers in the border area use weapons supplied by the West, which it says shows their growing involvement.", false,
			Metadata{"A drone attack hit Russia's Belgorod region early on Wednesday, May 24, Moscow said.", FromFirstLine, "", "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res *Result
			if tt.markdown {
				res = testExtractor.ExtractMarkdown(tt.src)
			} else {
				res = testExtractor.Extract(tt.src)
			}
			if res.Metadata != tt.want {
				t.Errorf("metadata\n got %+v\nwant %+v", res.Metadata, tt.want)
			}
		})
	}
}
