package tagger

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testSentences returns the sentences of the seed articles and of
// benchSentences, split at full stops and white space.
func testSentences(t *testing.T) [][]string {
	paths, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed articles")
	}
	sents := append([][]string(nil), benchSentences...)
	// Words too long for the word cache.
	sents = append(sents, strings.Fields("The Internationale-Arbeitsgemeinschaft-Verband of Berlin said https://example.org/a/very/long/path ."))
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range strings.SplitAfter(string(text), ". ") {
			if f := strings.Fields(s); len(f) > 0 {
				sents = append(sents, f)
				sents = append(sents, strings.Fields(strings.ToUpper(s))) // sentences in capitals
			}
		}
	}
	return sents
}

// TestFeatureSplit checks that a word's own features and its context
// features are, together, the features the model was trained with.
func TestFeatureSplit(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := new(scratch)
	for _, words := range testSentences(t) {
		m.describe(s, words)
		caps := allCapsSentence(s.infos)
		for i := range s.infos {
			want := features(nil, s.infos, i, caps)
			got := contextFeatures(ownFeatures(nil, &s.infos[i], caps), s.infos, i, caps)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%q token %d: split features differ from features", words, i)
			}
		}
	}
}

// TestEmissionsExact checks that the cached, integer sums give bit for bit
// the scores of adding the weights in order, and the same spans and
// confidences, over sentences tagged twice so the word cache is used.
func TestEmissionsExact(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.feats.inexact {
		t.Fatal("the default model's weights do not sum exactly")
	}
	sents := testSentences(t)
	fast, slow := new(scratch), new(scratch)
	for round := 0; round < 2; round++ {
		for _, words := range sents {
			m.describeCached(fast, words)
			m.emissionsExact(fast, words)
			m.describe(slow, words)
			m.emissionsOrdered(slow)
			if !slices.Equal(fast.infos, slow.infos) {
				t.Fatalf("%q: token properties differ", words)
			}
			for j := range slow.scores {
				if math.Float32bits(fast.scores[j]) != math.Float32bits(slow.scores[j]) {
					t.Fatalf("%q: score %d is %v, want %v", words, j, fast.scores[j], slow.scores[j])
				}
			}
		}
	}
}

// TestWTable checks the weight table against the dense rows it stores.
func TestWTable(t *testing.T) {
	rows := [][]float32{
		{0, 0, 0},
		{0.5, 0, 0},
		{0, -1.25, 3},
		{1, 2, 3},
		{0, 1000, 0},  // too large for a slot
		{0.001, 0, 0}, // not a multiple of a step
		{0, 0, -0.015625},
	}
	for _, exact := range []bool{true, false} {
		tb := newWTable(1, 3)
		for i, r := range rows {
			if !exact || i != 4 && i != 5 {
				tb.put(uint64(i+1)*0x9E3779B97F4A7C15, r)
			}
		}
		if tb.inexact == exact {
			t.Errorf("inexact = %v with the inexact row %v", tb.inexact, !exact)
		}
		for i, r := range rows {
			info, ok := tb.get(uint64(i+1) * 0x9E3779B97F4A7C15)
			if exact && (i == 4 || i == 5) {
				if ok {
					t.Errorf("row %d: found a key never put", i)
				}
				continue
			}
			if !ok {
				t.Fatalf("row %d: key not found", i)
			}
			if got := tb.rowTo(make([]float32, 3), info); !slices.Equal(got, r) {
				t.Errorf("row %d = %v, want %v", i, got, r)
			}
			if exact {
				acc := make([]int32, 3)
				tb.addSteps(acc, info)
				for y, v := range acc {
					if float32(v)*weightStep != r[y] {
						t.Errorf("row %d label %d: %d steps, want %v", i, y, v, r[y])
					}
				}
			}
		}
		if _, ok := tb.get(12345); ok {
			t.Error("found a key never put")
		}
	}
}
