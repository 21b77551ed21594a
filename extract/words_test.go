package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

// proseWords is what splitWords reimplements: prose's tokenizer alone.
func proseWords(t testing.TB, text string) []string {
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false),
		prose.WithExtraction(false), prose.WithTagging(false))
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, tok := range doc.Tokens() {
		words = append(words, tok.Text)
	}
	return words
}

// proseSanitizer is prose's replacer, which straightQuotes reimplements.
var proseSanitizer = strings.NewReplacer(
	"\u201c", `"`,
	"\u201d", `"`,
	"\u2018", "'",
	"\u2019", "'",
	"&rsquo;", "'")

func checkWords(t *testing.T, name, text string) {
	t.Helper()
	if got, want := straightQuotes(text), proseSanitizer.Replace(text); got != want {
		t.Errorf("%s: straightQuotes gives %q, prose's replacer %q", name, got, want)
	}
	got := splitWords(nil, text)
	var want []string
	if proseFails(func() { want = proseWords(t, text) }) {
		// prose cuts a word out of range when lower-casing it makes it
		// longer before a contraction ("ȺȺȺ's"); splitWords, which
		// got here, does not panic.
		return
	}
	if !slices.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s: splitWords differs from prose at word %d: got %q, prose %q",
			name, i, got[i:min(len(got), i+5)], want[i:min(len(want), i+5)])
	}
}

// wordCases are texts made to reach each of prose's rules and their
// corners.
var wordCases = []string{
	"", " ", "  ", "\n", " a", "a ", "  a  b\n\nc\t d ", "\u00a0x\u2003y\u3000",
	`He said "no." (Really?) [sic] $5, 10%; done: yes! 'quoted'`,
	"U.S. e.g. i.e. Mr. Mrs. Gen. Dr.. A.B.C. a.b ab. Abc. ABc. Ab.c. U.S.A.",
	"John's we'll they're I'm isn't can't won't JOHN'S WE'LL ISN'T 'sfoo 'll 's n't 'm 're",
	"o'clock rock'n'roll l'Oréal Ö'Sullivan's İstanbul's naïve'll ÀB'S KİM'S",
	"\u201cQuoted,\u201d she said. \u2018Single\u2019 and it&rsquo;s &rsquo;tis &rsquo &amp;",
	`(("nested")) [$100] $$ (( )) "" ' '' ... ?! .,;: "a" (b) [c]`,
	":-) :( (-_-) ¯\\(ツ)/¯ (╯°□°）╯︵┻━┻ xD XDD :P (: 8D :-)) :-).",
	"tab\tnew\nline\r\nvt\vff\fend", "a\x00b \xff\xfe c\u200bd \ufeffe",
	"Corp., Inc.\" Ltd.) Calif.; Jan. 5, 2024. No.1 3.5% 1,000.00",
	"don't DON'T Don't doesn't'll it's's o's's 'S'S",
}

// proseFails reports whether f panics.
func proseFails(f func()) (failed bool) {
	defer func() { failed = recover() != nil }()
	f()
	return false
}

// TestSplitWordsNoPanic: where prose's tokenizer panics, ours gives words.
func TestSplitWordsNoPanic(t *testing.T) {
	text := "The firm ȺȺȺ's office"
	if !proseFails(func() { proseWords(t, text) }) {
		t.Log("prose no longer panics on", text)
	}
	want := []string{"The", "firm", "ȺȺȺ's", "office"}
	if got := splitWords(nil, text); !slices.Equal(got, want) {
		t.Errorf("splitWords(%q) = %q, want %q", text, got, want)
	}
}

func TestSplitWordsMatchesProse(t *testing.T) {
	for i, c := range wordCases {
		checkWords(t, "case "+string(rune('A'+i)), c)
	}
	var paths []string
	for _, g := range []string{"../testdata/seeds/*.txt", "../testdata/relsents/*.txt", "testdata/fuzz/*/*"} {
		p, _ := filepath.Glob(g)
		paths = append(paths, p...)
	}
	if len(paths) < 5 {
		t.Fatalf("only %d texts", len(paths))
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkWords(t, p, string(b))
	}
	// Every case joined to every other, so that each rule meets its
	// neighbours' characters.
	checkWords(t, "all cases", strings.Join(wordCases, ""))
}

func FuzzSplitWords(f *testing.F) {
	for _, c := range wordCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkWords(t, "fuzz", text)
	})
}
