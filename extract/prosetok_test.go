package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

// proseTokenTexts is what proseWords redoes: prose's own tokenizer.
// It panics on some words whose lower case is of another length in
// bytes ("K'll" with a Kelvin sign); the test is then skipped.
func proseTokenTexts(t testing.TB, text string) []string {
	defer func() {
		if r := recover(); r != nil {
			t.Skipf("prose's tokenizer panics: %v", r)
		}
	}()
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false), prose.WithTagging(false))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tok := range doc.Tokens() {
		out = append(out, tok.Text)
	}
	return out
}

// proseWordsCases are texts that exercise each of prose's splitting rules.
var proseWordsCases = []string{
	"",
	"   ",
	"Hello, world!",
	"\u201cWe won\u2019t,\u201d she said. He's here; they'll go (maybe) [soon]: isn't it?",
	"The U.S. and U.K. met Mr. Smith, Dr. Who and Gen. Lee in Washington, D.C. on Jan. 5.",
	"$5 ($10) \"quoted\" 'single' ['a'] ((x)) ...!? ?! a.b.c. A.B. a. Ab. Abc. Abcd.",
	"'s 's' 'll x'll I'M can't CAN'T won't n't xn't 're we're I'm 'm 'S Ol'Man",
	"&rsquo;s it&rsquo;s &rsquo; &amp; a&rsquo;b",
	"tab\tnew\nline\r\ncarriage\u00a0nbsp\u2003em  two  spaces \n\n para",
	"\u0130stanbul'S \u0130\u0130'S \u00c9cole's STRA\u00dfE's \u212aelvin's \u023a'll",
	"emoticons :) :-) :( xD (-8 8-) ¯\\(ツ)/¯ (╯°□°）╯︵┻━┻ :`( O.o o_O ^___^ [-: (ಠ_ಠ)",
	"end with space ",
	" start with space",
	"\nstart with newline",
	"a,b,c.,.,\"').",
	"https://example.org/a?b=c&d=e. user@example.com, #tag @name 3.5% 1,000,000.",
}

func TestProseWords(t *testing.T) {
	texts := append([]string(nil), proseWordsCases...)
	for e := range proseEmoticons {
		texts = append(texts, e, "x "+e+" y", "("+e+")")
	}
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed articles")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		want := proseTokenTexts(t, text)
		if got := proseWords(text, nil); !slices.Equal(got, want) {
			t.Errorf("%.60q:\n got %q\nwant %q", text, got, want)
		}
	}
}

func FuzzProseWords(f *testing.F) {
	for _, c := range proseWordsCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = cleanText(text) // splitTokens is given valid UTF-8
		got := proseWords(text, nil)
		if want := proseTokenTexts(t, text); !slices.Equal(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
	})
}
