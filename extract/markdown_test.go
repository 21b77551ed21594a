package extract

import (
	"strings"
	"testing"
)

func TestMarkdownText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"link", "Said [Vyacheslav Gladkov](https://t.me/vvgladkov) today.", "Said  Vyacheslav Gladkov                          today."},
		{"emphasis", "The *Russian Volunteer Corps* and **RDK**.", "The  Russian Volunteer Corps  and   RDK  ."},
		{"heading", "# Raid in Belgorod\n\nText.", "  Raid in Belgorod\n\nText."},
		{"setext heading", "Raid\n====\n", "Raid\n    \n"},
		{"image", "![Gladkov at a briefing](g.jpg) Gladkov spoke.", strings.Repeat(" ", 32) + "Gladkov spoke."},
		{"html", "<b>Kyiv</b> and <br/>Moscow", "   Kyiv     and      Moscow"},
		{"inline code", "Run `Putin` now", "Run         now"},
		{"fenced code", "```\nPutin\n```\nKyiv", "   \n     \n   \nKyiv"},
		{"bare url", "See https://example.com/Putin now", "See                           now"},
		{"list", "- Kyiv\n- Moscow", "  Kyiv\n  Moscow"},
		{"quote", "> Gladkov said", "  Gladkov said"},
		{"front matter", "---\ntitle: Raid\n---\nKyiv", "   \n           \n   \nKyiv"},
		{"escapes", `Gladkov \*said\* so`, "Gladkov  *said * so"},
		{"table", "| a | b |\n|---|---|\n| Kyiv | Moscow |", "  a   b  \n         \n  Kyiv   Moscow  "},
		{"html comment", "<!-- Putin -->\nKyiv", "              \nKyiv"},
		{"utf-8", "**Київ** — _Харків_", "  Київ   —  Харків "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MarkdownText(tt.src)
			if got != tt.want {
				t.Errorf("MarkdownText(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
			if len(got) != len(tt.src) {
				t.Errorf("length %d, want %d", len(got), len(tt.src))
			}
		})
	}
}

func TestExtractMarkdownNames(t *testing.T) {
	src := "---\ntitle: Raid on Belgorod\ndate: 2023-05-24\n---\n\n# Something else\n\n" +
		"The governor of Belgorod Oblast, [Vyacheslav Gladkov](https://t.me/vvgladkov), said so.\n\n" +
		"The *Russian Volunteer Corps* and the **Freedom of Russia Legion** announced that they had crossed the border.\n"
	res := testExtractor.ExtractMarkdown(src)
	checkResult(t, src, res)
	found := map[string]bool{}
	for _, m := range res.Mentions {
		if strings.ContainsAny(m.Text, "[]()*") {
			t.Errorf("mention %q carries markup", m.Text)
		}
		if src[m.Start:m.End] != m.Text {
			t.Errorf("mention %q at [%d,%d) is %q in the file", m.Text, m.Start, m.End, src[m.Start:m.End])
		}
		found[m.Text] = true
	}
	for _, want := range []string{"Vyacheslav Gladkov", "Russian Volunteer Corps"} {
		if !found[want] {
			t.Errorf("mention %q not found; got %v", want, found)
		}
	}
	md := res.Metadata
	if md.Title != "Raid on Belgorod" || md.TitleFrom != FromFrontMatter {
		t.Errorf("title = %q from %q, want front matter title", md.Title, md.TitleFrom)
	}
	if md.Published != "2023-05-24" || md.PublishedFrom != FromFrontMatter {
		t.Errorf("published = %q from %q, want 2023-05-24 from front matter", md.Published, md.PublishedFrom)
	}
}

// FuzzMarkdownText checks that the view keeps the length, the line breaks
// and, wherever it is not a space, the bytes of the source.
func FuzzMarkdownText(f *testing.F) {
	for _, s := range []string{"", "# a\n", "[a](b) *c* `d`", "---\nx: y\n---\n", "<a href=x>y</a>", "***\n> - [ ] x\n|a|b|\n|-|-|\n|c|d|", "\r\n# x\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		view := MarkdownText(src)
		if len(view) != len(src) {
			t.Fatalf("length %d, want %d", len(view), len(src))
		}
		for i := 0; i < len(src); i++ {
			if view[i] != src[i] && view[i] != ' ' {
				t.Fatalf("byte %d is %q, source has %q", i, view[i], src[i])
			}
			if (src[i] == '\n') != (view[i] == '\n') {
				t.Fatalf("byte %d: line break not kept", i)
			}
		}
		checkResult(t, src, testExtractor.ExtractMarkdown(src))
	})
}
