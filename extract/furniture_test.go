package extract

import "testing"

func TestIsFurniture(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Read more: The UK Defense Intelligence: russia Will Pull Troops", true},
		{"Keep reading", true},
		{"Soldiers of the Russian Volunteer Corps (RDK) / Photo credit: RDK", true},
		{"Screenshot of the post on Telegram", true},
		{"— Anton Gerashchenko (@Gerashchenko_en) May 22, 2023", true},
		{"Reportedly, the buildings were attacked by drones. pic.twitter.com/rJrN4QKfg6", true},
		{"Share this article on Facebook", true},
		{"Governor of Russia's Belgorod Region Vyacheslav Gladkov via Telegram/Handout via REUTERS", true},
		{"The governor of Belgorod Oblast, Vyacheslav Gladkov, said more would follow.", false},
		{"He read more than a hundred reports.", false},
		{"Photographers were kept away from the border.", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isFurniture(tt.line, furnitureCues); got != tt.want {
				t.Errorf("isFurniture(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestParseCuesErrors(t *testing.T) {
	for _, src := range []string{"starts", "matches foo", "regexp (", "contains "} {
		if _, err := parseCues(src); err == nil {
			t.Errorf("parseCues(%q) gave no error", src)
		}
	}
	if cues, err := parseCues("# comment\n\nstarts Read More\n"); err != nil || len(cues) != 1 || cues[0].text != "read more" {
		t.Errorf("parseCues: %v, %v", cues, err)
	}
}

// TestFurnitureGivesNoRelations checks that a caption is kept as a flagged
// sentence with its mentions but states no relation.
func TestFurnitureGivesNoRelations(t *testing.T) {
	story := "The governor of Belgorod Oblast, Vyacheslav Gladkov, said the town was shelled."
	caption := "Photo credit: the governor of Belgorod Oblast, Vyacheslav Gladkov, via Telegram"
	for _, tt := range []struct {
		text      string
		furniture bool
	}{{story, false}, {caption, true}} {
		res := testExtractor.Extract(tt.text)
		if len(res.Sentences) != 1 || res.Sentences[0].Furniture != tt.furniture {
			t.Fatalf("%q: sentences %+v, want one with Furniture %v", tt.text, res.Sentences, tt.furniture)
		}
		if len(res.Mentions) == 0 {
			t.Errorf("%q: no mentions", tt.text)
		}
		if got := len(res.Relations) > 0; got == tt.furniture {
			t.Errorf("%q: %d relations, furniture %v", tt.text, len(res.Relations), tt.furniture)
		}
	}
}
