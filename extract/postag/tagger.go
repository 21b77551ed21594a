package postag

import (
	"github.com/dossier-nlp/dossier/extract/internal/featurehash"
	"github.com/dossier-nlp/dossier/extract/internal/reuse"
)

// Model is a trained part-of-speech tagger. It is read-only once trained or
// loaded, so one Model serves any number of goroutines.
type Model struct {
	tags    []string  // tag names; index len(tags) is the sentence start
	dense   []float32 // (nt+1) x (nt+1) x nt: scores of the previous two tags (and the bias)
	feats   table     // feature key -> range of entries
	entries []entry   // sparse rows of weights
	dict    table     // hash of an unambiguous frequent word -> its tag in lo
	words   []string  // the words of dict, for Save
	// scratches are Tag's buffers and word caches (a reuse.Stack, not
	// a sync.Pool, so the caches outlive garbage collections).
	scratches reuse.Stack[scratch]
	exact     bool // scores sum exactly in any order (see sumsExact)
}

// entry is one non-zero weight of a feature.
type entry struct {
	w   float32
	tag uint32
}

// scratch holds the buffers of one Tag call, and the word cache of the
// calls that reuse it.
type scratch struct {
	infos  []tokInfo
	scores []float32
	cache  *wordCache
	slots  []int
	dictY  []int     // per token, its tag in the dictionary or -1 (tagCached)
	static []float32 // per token, the scores that do not depend on the previous tags (tagCached)
	cached []bool    // per token, whether its word holds its cache slot (tagCached)
}

func (m *Model) getScratch() *scratch {
	s := m.scratches.Get()
	if s.scores == nil {
		s.scores = make([]float32, len(m.tags))
	}
	return s
}

// Tag returns the part-of-speech tags of the tokens of one sentence, one
// tag per word. It allocates only the result.
func (m *Model) Tag(words []string) []string {
	if m.exact {
		return m.tagCached(words)
	}
	return m.tagOrdered(words)
}

// tagOrdered is Tag adding the weights of each token's features in order.
func (m *Model) tagOrdered(words []string) []string {
	out := make([]string, len(words))
	if len(words) == 0 {
		return out
	}
	s := m.getScratch()
	s.infos = describeAll(s.infos, words)
	nt := len(m.tags)
	p1, p2 := nt, nt
	scores := s.scores[:nt]
	var keys [nWordFeats]uint64
	for i := range words {
		y := -1
		if m.dict.n > 0 {
			if sl := m.dict.get(featurehash.Feat1(0, s.infos[i+2].exact)); sl != nil {
				y = int(sl.lo)
			}
		}
		if y < 0 {
			copy(scores, m.dense[(p1*(nt+1)+p2)*nt:])
			wordKeys(s.infos, i, p1, &keys)
			for _, k := range keys {
				if sl := m.feats.get(k); sl != nil {
					for _, e := range m.entries[sl.lo:sl.hi] {
						scores[e.tag] += e.w
					}
				}
			}
			y = argmax(scores)
		}
		out[i] = m.tags[y]
		p2, p1 = p1, y
	}
	m.scratches.Put(s)
	return out
}

// argmax returns the index of the highest score, the first on ties.
func argmax(scores []float32) int {
	best, bi := scores[0], 0
	for j, v := range scores[1:] {
		if v > best {
			best, bi = v, j+1
		}
	}
	return bi
}
