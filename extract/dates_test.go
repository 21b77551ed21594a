package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDatesIn(t *testing.T) {
	tests := []struct {
		name, text, published string
		want                  []string // text=value[..end]/resolved
	}{
		{"stated", "It happened on May 31, 2023.", "", []string{"May 31, 2023=2023-05-31/stated"}},
		{"day first", "It happened on 31 May 2023.", "", []string{"31 May 2023=2023-05-31/stated"}},
		{"iso", "Filed 2023-05-24.", "", []string{"2023-05-24=2023-05-24/stated"}},
		{"year from publication", "On May 22, fighters crossed.", "2023-05-24", []string{"May 22=2023-05-22/publication date"}},
		{"last year's December", "On December 28, talks began.", "2024-01-03", []string{"December 28=2023-12-28/publication date"}},
		{"year from the text", "On May 22, fighters crossed. By May 31, 2023, they had left.", "",
			[]string{"May 22=2023-05-22/year in text", "May 31, 2023=2023-05-31/stated"}},
		{"no year", "On May 22, fighters crossed.", "", []string{"May 22=--05-22/no year"}},
		{"weekday", "Gladkov spoke on Wednesday.", "2023-05-26", []string{"Wednesday=2023-05-24/publication date"}},
		{"weekday unresolved", "Gladkov spoke on Wednesday.", "", nil},
		{"weekday and date", "The attack came on Wednesday, May 24.", "2023-05-26", []string{"Wednesday, May 24=2023-05-24/publication date"}},
		{"range", "Fighting lasted May 22-24.", "2023-06-01", []string{"May 22-24=2023-05-22..2023-05-24/publication date"}},
		{"range across months", "Talks ran from May 30 to June 2, 2023.", "", []string{"May 30 to June 2, 2023=2023-05-30..2023-06-02/stated"}},
		{"range with and", "Between May 22 and 24 the border was shelled.", "2023-06-01", []string{"May 22 and 24=2023-05-22..2023-05-24/publication date"}},
		{"backwards range", "Fighting lasted May 24-22.", "2023-06-01", nil},
		{"month", "In September 2022, Russia annexed the region.", "", []string{"September 2022=2022-09/stated"}},
		{"yesterday", "Yesterday the border was quiet.", "2023-05-24", []string{"Yesterday=2023-05-23/publication date"}},
		{"may is a verb", "It may 2 be so; May said.", "", nil},
		{"invalid day", "On February 30, 2023 nothing.", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, sents := analyze(tt.text)
			var got []string
			for _, d := range datesIn(tt.text, sents, tt.published) {
				if tt.text[d.Start:d.End] != d.Text {
					t.Errorf("date %q at [%d,%d) is %q in the text", d.Text, d.Start, d.End, tt.text[d.Start:d.End])
				}
				v := d.Value
				if d.EndValue != "" {
					v += ".." + d.EndValue
				}
				got = append(got, fmt.Sprintf("%s=%s/%s", d.Text, v, d.Resolved))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("dates\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestFindDates checks that findDates finds exactly the matches of the
// regexp package's own search, on the seed articles and on texts made to
// test the word boundaries and the starts of matches.
func TestFindDates(t *testing.T) {
	texts := []string{
		"",
		"on May 22-24, 2023 and 3 June",
		"xMay 22 _May 22 May22 May 2 2023-05-22T10:00Z",
		"Wednesday, May 31, 2023, Tuesday 4 of July, 12th-14th Sept. 2021",
		"Sept 3 to Oct 4, yesterday and Today, tomorrowland, holidays",
		"1999-12-31 12:00:00+0200 x2023-01-01 2023-01-011",
		"Mon Monday Mondays Jan. Janu 5 Jan.5 Fri., 6 Dec",
		"from March 2024 until April of 2025; June 1st and 2nd, 2024",
		"\u00e9May 5 \u2014Friday 6 May 2020 (March 3)",
	}
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, text := range texts {
		for i, re := range datePatterns {
			want := re.FindAllStringSubmatchIndex(text, -1)
			if got := findDates(re, text); !reflect.DeepEqual(got, want) {
				t.Errorf("pattern %d on %q: got %v, want %v", i, text, got, want)
			}
		}
	}
}
