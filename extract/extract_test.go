package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// testExtractor is shared by the tests: building one loads the models.
var testExtractor = func() *Extractor {
	x, err := New(Options{})
	if err != nil {
		panic(err)
	}
	return x
}()

// checkResult verifies the offset contract of a Result for text: every
// token, sentence, mention and relation evidence is an in-bounds span on
// UTF-8 boundaries, mentions slice back to their text, indexes are valid.
func checkResult(t *testing.T, text string, res *Result) {
	t.Helper()
	span := func(what string, start, end int) bool {
		if start < 0 || end > len(text) || start > end {
			t.Errorf("%s [%d,%d) out of bounds (len %d)", what, start, end, len(text))
			return false
		}
		if !onRuneBoundary(text, start) || !onRuneBoundary(text, end) {
			t.Errorf("%s [%d,%d) not on UTF-8 boundaries", what, start, end)
			return false
		}
		return true
	}
	for i, tk := range res.Tokens {
		if span("token", tk.Start, tk.End) && (text[tk.Start:tk.End] != tk.Text || !utf8.ValidString(tk.Text)) {
			t.Errorf("token %d: text[%d:%d] = %q, want %q", i, tk.Start, tk.End, text[tk.Start:tk.End], tk.Text)
		}
	}
	for i, s := range res.Sentences {
		span("sentence", s.Start, s.End)
		if s.FirstToken > s.EndToken || s.EndToken > len(res.Tokens) {
			t.Errorf("sentence %d: bad token range [%d,%d)", i, s.FirstToken, s.EndToken)
		}
	}
	for i, m := range res.Mentions {
		if !span("mention", m.Start, m.End) || m.Start == m.End {
			continue
		}
		if text[m.Start:m.End] != m.Text || utf8.ValidString(text) && !utf8.ValidString(m.Text) {
			t.Errorf("mention %d: text[%d:%d] = %q, want %q", i, m.Start, m.End, text[m.Start:m.End], m.Text)
		}
		if m.Entity < 0 || m.Entity >= len(res.Entities) || m.Sentence < 0 || m.Sentence >= len(res.Sentences) {
			t.Errorf("mention %d: bad entity %d or sentence %d", i, m.Entity, m.Sentence)
			continue
		}
		s := res.Sentences[m.Sentence]
		if m.Start < s.Start || m.End > s.End {
			t.Errorf("mention %d %q outside its sentence", i, m.Text)
		}
	}
	for i, r := range res.Relations {
		if !span("evidence", r.Start, r.End) {
			continue
		}
		if r.Subject < 0 || r.Subject >= len(res.Entities) || r.Object < 0 || r.Object >= len(res.Entities) ||
			r.Sentence < 0 || r.Sentence >= len(res.Sentences) {
			t.Errorf("relation %d: bad index %+v", i, r)
			continue
		}
		s := res.Sentences[r.Sentence]
		if r.Start < s.Start || r.End > s.End {
			t.Errorf("relation %d: evidence [%d,%d) outside sentence [%d,%d)", i, r.Start, r.End, s.Start, s.End)
		}
	}
}

// onRuneBoundary reports whether byte offset p of text does not cut a
// valid UTF-8 sequence in two. (Invalid bytes are single characters.)
func onRuneBoundary(text string, p int) bool {
	for q := p - 1; q >= 0 && q >= p-3; q-- {
		if r, n := utf8.DecodeRuneInString(text[q:]); !(r == utf8.RuneError && n == 1) {
			return q+n <= p
		}
	}
	return true
}

func TestExtractOffsets(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		mentions []string // texts that must be found as mentions
	}{
		{"curly quotes", "“We will not stop,” said Vladimir Putin in Moscow on Tuesday.", []string{"Moscow"}},
		{"non-ASCII letters", "Volodymyr Zelenskyy met Olaf Scholz in Zürich and Kraków.", []string{"Zürich", "Kraków"}},
		{"CRLF line ends", "The governor, Vyacheslav Gladkov, spoke.\r\nGladkov said the town of Shebekino was shelled.\r\n", []string{"Vyacheslav Gladkov", "Gladkov"}},
		{"repeated names", "Putin spoke. Putin left. Then Putin returned to Moscow.", []string{"Putin"}},
		{"apostrophes", "Russia’s president Vladimir Putin’s spokesman, Dmitry Peskov, said so.", []string{"Dmitry Peskov"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := testExtractor.Extract(tc.text)
			checkResult(t, tc.text, res)
			for _, want := range tc.mentions {
				found := false
				for _, m := range res.Mentions {
					found = found || m.Text == want
				}
				if !found {
					t.Errorf("no mention %q; got %v", want, mentionTexts(res))
				}
			}
		})
	}
}

func mentionTexts(res *Result) []string {
	var out []string
	for _, m := range res.Mentions {
		out = append(out, m.Text+"/"+m.Type)
	}
	return out
}

func TestExtractSeeds(t *testing.T) {
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			res := testExtractor.Extract(text)
			checkResult(t, text, res)
			if len(res.Sentences) < 5 || len(res.Mentions) < 10 {
				t.Errorf("only %d sentences and %d mentions", len(res.Sentences), len(res.Mentions))
			}
		})
	}
}

func TestExtractSurnameJoinsFullName(t *testing.T) {
	text := "The governor, Vyacheslav Gladkov, spoke on Monday. Gladkov said nobody was hurt."
	res := testExtractor.Extract(text)
	var ids []int
	for _, m := range res.Mentions {
		if strings.Contains(m.Text, "Gladkov") {
			ids = append(ids, m.Entity)
		}
	}
	if len(ids) != 2 || ids[0] != ids[1] {
		t.Fatalf("Gladkov mentions %v should share one entity; mentions %v", ids, mentionTexts(res))
	}
	if got := res.Entities[ids[0]].Name; got != "Vyacheslav Gladkov" {
		t.Errorf("canonical name %q, want Vyacheslav Gladkov", got)
	}
}

func TestExtractEmptyAndBlank(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n\r\n", "\x00\x01", "...", "\xff\xfe"} {
		res := testExtractor.Extract(text)
		checkResult(t, text, res)
		if len(res.Mentions) != 0 {
			t.Errorf("Extract(%q) found mentions %v", text, mentionTexts(res))
		}
	}
}

// A short name that ends a sentence is a name without the period, though
// prose keeps the period with any capitalised word of two or three
// letters; abbreviations keep theirs.
func TestShortWordsEndingSentences(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Biden met President Xi.", "Xi"},
		{"Ships sailed into the Black Sea.", "Black Sea"},
		{"The talks were led by Gen. Mark Milley.", "Mark Milley"},
		{"Drs. Ali and Lee operated.", "Lee"},
	} {
		found := false
		for _, m := range testExtractor.Extract(tc.text).Mentions {
			found = found || m.Text == tc.want
			if strings.HasSuffix(m.Text, ".") && !strings.HasSuffix(m.Text, "Gen.") {
				t.Errorf("%q: mention %q ends in a period", tc.text, m.Text)
			}
		}
		if !found {
			t.Errorf("%q: no mention %q in %v", tc.text, tc.want, testExtractor.Extract(tc.text).Mentions)
		}
	}
	toks := splitTokens("Dr. Smith met Mr. Xi. Then")
	var words []string
	for _, tk := range toks {
		words = append(words, tk.Text)
	}
	if got := strings.Join(words, " "); got != "Dr. Smith met Mr. Xi . Then" {
		t.Errorf("tokens %q", got)
	}
}

// A club named by a word and its town is named by the word alone too, and
// both are one entity; a company's name before a town is not its branch.
func TestClubWordJoinsClub(t *testing.T) {
	text := "Real Madrid beat Valencia 3-1 . Davor Suker scored twice for Real . " +
		"Ubisoft Montreal made the game , and Ubisoft sold it . Real estate prices rose ."
	res := testExtractor.Extract(text)
	ent := map[string]int{}
	for _, m := range res.Mentions {
		ent[m.Text] = m.Entity
	}
	real, ok := ent["Real"]
	if !ok {
		t.Fatalf("no mention of Real: %v", mentionTexts(res))
	}
	if real != ent["Real Madrid"] {
		t.Errorf("Real and Real Madrid are two entities: %v", mentionTexts(res))
	}
	for _, m := range res.Mentions {
		if m.Text == "Real" && strings.HasPrefix(text[m.Start:], "Real estate") {
			t.Errorf("Real of \"Real estate\" tagged: %v", mentionTexts(res))
		}
	}
	if u, ok := ent["Ubisoft"]; ok && u == ent["Ubisoft Montreal"] {
		t.Errorf("Ubisoft joined Ubisoft Montreal: %v", mentionTexts(res))
	}
}
