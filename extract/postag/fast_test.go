package postag

import (
	"slices"
	"strings"
	"testing"
)

// TestKeySplit checks that a word's own keys and its context keys are,
// together, the keys the model was trained with.
func TestKeySplit(t *testing.T) {
	for _, words := range seedSentences(t) {
		infos := describeAll(nil, words)
		for i := range words {
			for _, p1 := range []int{0, 3} {
				var want [nWordFeats]uint64
				wordKeys(infos, i, p1, &want)
				var own [8]uint64
				var ctx [nWordFeats - 8]uint64
				ownKeys(&infos[i+2], &own)
				contextKeys(infos, i, p1, &ctx)
				got := append(own[:], ctx[:]...)
				slices.Sort(got)
				w := want[:]
				slices.Sort(w)
				if !slices.Equal(got, w) {
					t.Fatalf("%q token %d: split keys differ from wordKeys", words, i)
				}
			}
		}
	}
}

// TestTagCached checks that tagging with the word cache gives the tags of
// adding every weight in order, over sentences tagged twice so the cache
// is used, with words too long for it.
func TestTagCached(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !m.exact {
		t.Fatal("the default model's sums are not exact")
	}
	sents := append([][]string(nil), seedSentences(t)...)
	for _, s := range seedSentences(t) {
		sents = append(sents, strings.Fields(strings.ToUpper(strings.Join(s, " "))))
	}
	sents = append(sents, strings.Fields("The Internationale-Arbeitsgemeinschaft-Verband said https://example.org/a/very/long/path ."))
	for round := 0; round < 2; round++ {
		for _, words := range sents {
			if got, want := m.tagCached(words), m.tagOrdered(words); !slices.Equal(got, want) {
				t.Fatalf("%q: tags %v, want %v", words, got, want)
			}
		}
	}
}
