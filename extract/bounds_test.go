package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// seedText returns the seed articles joined by blank lines.
func seedText(t testing.TB) string {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed articles")
	}
	var parts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, strings.TrimSpace(string(b)))
	}
	return strings.Join(parts, "\n\n")
}

// withoutPunctuation is text with its sentence punctuation, quotes and
// line breaks replaced by spaces: one endless sentence.
func withoutPunctuation(text string) string {
	return regexp.MustCompile(`[.!?…\n\r"“”]+`).ReplaceAllString(text, " ")
}

// repeatTo repeats text (joined by sep) until it is at least n bytes.
func repeatTo(text, sep string, n int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(text)
	}
	return b.String()
}

func TestLineBreaks(t *testing.T) {
	for _, tc := range []struct {
		gap  string
		want int
	}{
		{" ", 0}, {"\t ", 0}, {"\n", 1}, {"\r\n", 1}, {"\r", 1}, {" \r ", 1},
		{"\n\n", 2}, {"\r\n\r\n", 2}, {"\r\r", 2}, {"\n\r", 2}, {"\u2028", 1}, {"\u2029", 2}, {"\u0085", 1},
		{"\u00a0", 0},
	} {
		if got := lineBreaks(tc.gap); got != tc.want {
			t.Errorf("lineBreaks(%q) = %d, want %d", tc.gap, got, tc.want)
		}
	}
}

// TestCarriageReturnEndsLine: a lone "\r" (old Mac line ends) breaks lines
// as "\n" does, so no sentence or mention runs across it.
func TestCarriageReturnEndsLine(t *testing.T) {
	for _, text := range []string{
		"Fighting in Belgorod Region\rLiberty of Russia Legion fighters said on Monday.\r\rThe Kremlin denied it.",
		"Belgorod Region\rLiberty of Russia Legion",
		"Governor Vyacheslav Gladkov\rRussian Volunteer Corps\rVladimir Putin",
	} {
		res := testExtractor.Extract(text)
		checkResult(t, text, res)
		for _, m := range res.Mentions {
			if strings.ContainsRune(m.Text, '\r') {
				t.Errorf("%q: mention %q runs across a carriage return", text, m.Text)
			}
		}
		for _, s := range res.Sentences {
			if sent := text[s.Start:s.End]; strings.ContainsRune(sent, '\r') && !continuesAcross(sent) {
				t.Errorf("%q: sentence %q runs across a carriage return", text, sent)
			}
		}
	}
}

// continuesAcross reports whether every line break in s is followed by a
// lower-case letter (a wrapped line, which stays in its sentence).
func continuesAcross(s string) bool {
	for i := strings.IndexByte(s, '\r'); i >= 0; i = strings.IndexByte(s, '\r') {
		s = s[i+1:]
		if s == "" || s[0] < 'a' || s[0] > 'z' {
			return false
		}
	}
	return true
}

// TestSentenceCap: text without sentence punctuation is cut into sentences
// within the token and byte budgets, at commas where there are some.
func TestSentenceCap(t *testing.T) {
	words := strings.Fields(withoutPunctuation(seedText(t)))
	for _, tc := range []struct {
		name  string
		text  string
		comma bool // every cut follows a comma (or a stronger mark)
	}{
		{"no punctuation", strings.Join(words[:3000], " "), false},
		{"commas every 20 words", commaEvery(words[:3000], 20), true},
		{"one word", repeatTo("RDK", " ", 40000), false},
		{"long words", repeatTo(strings.Repeat("x", 500), " ", 60000), false},
		{"one huge token", strings.Repeat("y", 20000) + " Moscow", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clean := cleanText(tc.text)
			toks, sents := analyze(clean)
			if len(sents) == 0 {
				t.Fatal("no sentences")
			}
			next := 0
			for i, s := range sents {
				if s.FirstToken != next || s.EndToken <= s.FirstToken {
					t.Fatalf("sentence %d has tokens [%d,%d), want from %d", i, s.FirstToken, s.EndToken, next)
				}
				next = s.EndToken
				n := s.EndToken - s.FirstToken
				if n > maxSentenceTokens || n > 1 && s.End-s.Start > maxSentenceBytes {
					t.Errorf("sentence %d: %d tokens, %d bytes; bounds are %d and %d", i, n, s.End-s.Start, maxSentenceTokens, maxSentenceBytes)
				}
				if last := toks[s.EndToken-1].Text; tc.comma && i < len(sents)-1 && !strings.Contains(",;:—–", last) {
					t.Errorf("sentence %d ends with %q, not at a comma", i, last)
				}
			}
			if next != len(toks) {
				t.Errorf("sentences end at token %d of %d", next, len(toks))
			}
		})
	}
}

func commaEvery(words []string, n int) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			if i%n == 0 {
				b.WriteString(",")
			}
			b.WriteString(" ")
		}
		b.WriteString(w)
	}
	return b.String()
}

// TestBoundedOutput: whatever the text, no mention is longer than a name
// can be, co-occurrence evidence is a window, not a whole run-on sentence,
// and the relations grow linearly with the mentions.
func TestBoundedOutput(t *testing.T) {
	seeds := seedText(t)
	for _, tc := range []struct {
		name string
		text string
	}{
		{"repeated acronym", repeatTo("RDK", " ", 80000)},
		{"repeated name", repeatTo("Vyacheslav Gladkov", " ", 80000)},
		{"repeated name and place", repeatTo("Gladkov Belgorod", " ", 80000)},
		{"no punctuation", repeatTo(withoutPunctuation(seeds), " ", 200000)},
		{"list of names", repeatTo("Gladkov, Putin, Kyiv, Moscow, RDK, Shebekino, Peskov, NATO, Zelensky, Belgorod", ", ", 50000)},
		{"seeds", seeds},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := testExtractor.Extract(tc.text)
			checkResult(t, tc.text, res)
			for _, m := range res.Mentions {
				if m.End-m.Start > maxMentionBytes || len(strings.Fields(m.Text)) > maxMentionTokens {
					t.Errorf("mention of %d bytes: %.60q...", m.End-m.Start, m.Text)
					break
				}
			}
			evidence, cooc := 0, 0
			for _, r := range res.Relations {
				evidence += r.End - r.Start
				if r.Kind != KindCooccurrence {
					continue
				}
				cooc++
				if s := res.Sentences[r.Sentence]; r.End-r.Start > maxEvidenceBytes && r.End-r.Start != s.End-s.Start {
					t.Errorf("co-occurrence evidence of %d bytes", r.End-r.Start)
					break
				}
			}
			if cooc > 2*len(res.Mentions) {
				t.Errorf("%d co-occurrence relations for %d mentions", cooc, len(res.Mentions))
			}
			if evidence > 2*len(tc.text) {
				t.Errorf("evidence of %d bytes for a text of %d", evidence, len(tc.text))
			}
		})
	}
}

// TestExtractPieces: a large document is extracted in pieces, and the
// pieces join into one result as if it had been extracted whole. Three
// copies of an article, one a piece, give three times its mentions, its
// entities once and its relations once with three times the count.
func TestExtractPieces(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed articles")
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	one := strings.TrimSpace(string(b))
	text := one + "\n\n" + one + "\n\n" + one
	defer func(n int) { pieceBytes = n }(pieceBytes)
	pieceBytes = len(one) + 2

	whole := testExtractor.Extract(one)
	res := testExtractor.Extract(text)
	checkResult(t, text, res)
	if len(res.Tokens) != 3*len(whole.Tokens) || len(res.Sentences) != 3*len(whole.Sentences) ||
		len(res.Mentions) != 3*len(whole.Mentions) {
		t.Fatalf("%d tokens, %d sentences, %d mentions; want 3 x %d, %d, %d", len(res.Tokens), len(res.Sentences),
			len(res.Mentions), len(whole.Tokens), len(whole.Sentences), len(whole.Mentions))
	}
	for c := range 3 {
		shift, sents, toks := c*(len(one)+2), c*len(whole.Sentences), c*len(whole.Tokens)
		for i, m := range whole.Mentions {
			got := res.Mentions[c*len(whole.Mentions)+i]
			if got.Start != m.Start+shift || got.Sentence != m.Sentence+sents || got.Text != m.Text ||
				res.Entities[got.Entity].Name != whole.Entities[m.Entity].Name {
				t.Fatalf("copy %d, mention %d: %+v, want %+v shifted by %d", c, i, got, m, shift)
			}
		}
		for i, s := range whole.Sentences {
			got := res.Sentences[sents+i]
			if got.Start != s.Start+shift || got.FirstToken != s.FirstToken+toks || got.EndToken != s.EndToken+toks {
				t.Fatalf("copy %d, sentence %d: %+v, want %+v shifted", c, i, got, s)
			}
		}
	}
	if len(res.Entities) != len(whole.Entities) {
		t.Errorf("%d entities, want %d", len(res.Entities), len(whole.Entities))
	}
	for i, e := range res.Entities {
		if e.Mentions != 3*whole.Entities[i].Mentions {
			t.Errorf("entity %q: %d mentions, want %d", e.Name, e.Mentions, 3*whole.Entities[i].Mentions)
		}
	}
	if len(res.Relations) != len(whole.Relations) {
		t.Fatalf("%d relations, want %d", len(res.Relations), len(whole.Relations))
	}
	for i, r := range res.Relations {
		if w := whole.Relations[i]; r.Start != w.Start || r.Count != 3*max(w.Count, 1) {
			t.Errorf("relation %d: evidence at %d, count %d; want %d, %d", i, r.Start, r.Count, w.Start, 3*max(w.Count, 1))
		}
	}
}

func TestPieceEnd(t *testing.T) {
	defer func(n int) { pieceBytes = n }(pieceBytes)
	pieceBytes = 100
	for _, tc := range []struct {
		name, text string
		want       int
	}{
		{"short", "abc", 3},
		{"paragraph", strings.Repeat("a ", 30) + "\n\n" + strings.Repeat("b ", 40), 62},
		{"line", strings.Repeat("a ", 30) + "\n" + strings.Repeat("b ", 40), 61},
		{"word", strings.Repeat("abcd ", 40), 100},
		{"no space", strings.Repeat("x", 300), 100},
		{"no space, multibyte", strings.Repeat("ж", 300), 100},
		{"no space, odd multibyte", "x" + strings.Repeat("ж", 300), 99},
	} {
		if got := pieceEnd(tc.text, 0); got != tc.want {
			t.Errorf("%s: pieceEnd = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// BenchmarkBoundedInputs compares the cost per token of text that defeats
// sentence splitting and name tagging with that of normal articles, in
// one run: ns/token of each should stay within a small factor.
func BenchmarkBoundedInputs(b *testing.B) {
	seeds := seedText(b)
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		text string
	}{
		{"articles", repeatTo(seeds, "\n\n", 256<<10)},
		{"repeated-token", repeatTo("RDK", " ", 256<<10)},
		{"no-punctuation", repeatTo(withoutPunctuation(seeds), " ", 256<<10)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			tokens := 0
			for b.Loop() {
				tokens += len(x.Extract(bc.text).Tokens)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(tokens), "ns/token")
		})
	}
}
