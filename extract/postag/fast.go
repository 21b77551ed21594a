package postag

import (
	"math"

	"github.com/dossier-nlp/dossier/extract/internal/featurehash"
)

// Exact sums. Weights are multiples of weightStep (1/64). When every partial
// sum of a token's scores is such a multiple below 2^18 in magnitude,
// float32 holds each exactly, so adding the weights in any order gives the
// same scores, hence the same tags (a zero may come out -0 or +0, which
// compare equal). Then the features of a word alone are summed once per
// word (tagCached) rather than once per token.

// sumsExact reports whether m's weights sum exactly in any order: all are
// multiples of weightStep, no feature has two weights for one tag, and the
// largest dense score plus nWordFeats+1 of the largest sparse weights stays
// below 2^18.
func (m *Model) sumsExact() bool {
	multiple := func(w float32) bool {
		k := float64(w) / weightStep
		return k == math.Trunc(k)
	}
	maxDense, maxEntry := 0.0, 0.0
	for _, w := range m.dense {
		if !multiple(w) {
			return false
		}
		maxDense = max(maxDense, math.Abs(float64(w)))
	}
	for _, e := range m.entries {
		if !multiple(e.w) {
			return false
		}
		maxEntry = max(maxEntry, math.Abs(float64(e.w)))
	}
	// A feature adds at most one weight to each tag.
	seen := make([]int, len(m.tags))
	for i, sl := range m.feats.slots {
		for _, e := range m.entries[sl.lo:sl.hi] {
			if seen[e.tag] == i+1 {
				return false
			}
			seen[e.tag] = i + 1
		}
	}
	return maxDense+(nWordFeats+1)*maxEntry < 1<<18
}

// wordCacheSize is the number of words a scratch remembers (direct-mapped
// by the word's hash), and maxCachedWord the longest word, in bytes, it
// holds.
const (
	wordCacheSize = 8192
	maxCachedWord = 24
)

// wordCache remembers, per word, what depends on the word alone: its
// properties, its tag in the dictionary and the summed weights of its own
// features. It keeps copies of the words, so it holds no document in
// memory.
type wordCache struct {
	text  []byte  // slot i's word is text[i*maxCachedWord:][:lens[i]]
	lens  []uint8 // 0: empty slot (the empty word is not cached)
	infos []tokInfo
	dict  []int16   // tag in the dictionary, or -1
	own   []float32 // own[slot*nt:][:nt], when has[slot]
	has   []bool
	// nb[slot] are the entry ranges of the features that look at the
	// word as a neighbour (see neighbourKeys), when nbHas[slot].
	nb    [][nNeighbourKeys]span
	nbHas []bool
	// tg[slot*tagWays+p1%tagWays] are the entry ranges of the two
	// features that look at the word and the previous tag p1 (see
	// tagKeys), for the p1 in tgPrev (1 + p1; 0: empty).
	tg     [][2]span
	tgPrev []int16
}

// tagWays is the number of previous tags a word's slot remembers the
// tag features of.
const tagWays = 4

// span is a range [lo, hi) of a model's entries.
type span struct{ lo, hi uint32 }

func newWordCache(nt int) *wordCache {
	return &wordCache{
		text:   make([]byte, wordCacheSize*maxCachedWord),
		lens:   make([]uint8, wordCacheSize),
		infos:  make([]tokInfo, wordCacheSize),
		dict:   make([]int16, wordCacheSize),
		own:    make([]float32, wordCacheSize*nt),
		has:    make([]bool, wordCacheSize),
		nb:     make([][nNeighbourKeys]span, wordCacheSize),
		nbHas:  make([]bool, wordCacheSize),
		tg:     make([][2]span, wordCacheSize*tagWays),
		tgPrev: make([]int16, wordCacheSize*tagWays),
	}
}

// holds reports whether slot holds w.
func (c *wordCache) holds(slot int, w string) bool {
	return int(c.lens[slot]) == len(w) && string(c.text[slot*maxCachedWord:slot*maxCachedWord+len(w)]) == w
}

// dictTag returns the dictionary's tag of the word of ti, or -1.
func (m *Model) dictTag(ti *tokInfo) int {
	if m.dict.n > 0 {
		if sl := m.dict.get(featurehash.Feat1(0, ti.exact)); sl != nil {
			return int(sl.lo)
		}
	}
	return -1
}

// ownKeys writes the keys of the features of the word of t alone.
func ownKeys(t *tokInfo, keys *[8]uint64) {
	keys[0] = featurehash.Feat1(tWord, t.lower)
	keys[1] = featurehash.Feat1(tSuf1, t.suf[0])
	keys[2] = featurehash.Feat1(tSuf2, t.suf[1])
	keys[3] = featurehash.Feat1(tSuf3, t.suf[2])
	keys[4] = featurehash.Feat1(tPre1, t.pre1)
	keys[5] = featurehash.Feat1(tShape, t.shape)
	keys[6] = featurehash.Feat1(tSuf4, t.suf[3])
	keys[7] = featurehash.Feat1(tPre2, t.pre2)
}

// contextKeys writes the keys of the other features of position i (with
// ownKeys, those of wordKeys). infos is padded: token i is infos[i+2]. The
// first nStaticContext keys do not depend on the previous tag p1.
func contextKeys(infos []tokInfo, i int, p1 int, keys *[nWordFeats - 8]uint64) {
	t := &infos[i+2]
	flags := t.flags
	if i == 0 {
		flags |= flagFirst
	}
	keys[0] = featurehash.Feat1(tFlags, uint64(flags))
	keys[1] = featurehash.Feat1(tWordM1, infos[i+1].lower)
	keys[2] = featurehash.Feat1(tWordM2, infos[i].lower)
	keys[3] = featurehash.Feat1(tWordP1, infos[i+3].lower)
	keys[4] = featurehash.Feat1(tWordP2, infos[i+4].lower)
	keys[5] = featurehash.Feat1(tSufM1, infos[i+1].suf[2])
	keys[6] = featurehash.Feat1(tSufP1, infos[i+3].suf[2])
	keys[7] = featurehash.Feat2(tBigramM1, infos[i+1].lower, t.lower)
	keys[8] = featurehash.Feat2(tBigramP1, t.lower, infos[i+3].lower)
	tagKeys(infos, i, p1, (*[2]uint64)(keys[nStaticContext:]))
}

// nStaticContext is the number of contextKeys that do not depend on the
// previous tag.
const nStaticContext = nWordFeats - 8 - 2

// Of the static contextKeys, those that look at one neighbour alone
// (neighbourKeys) and the others (pairKeys).
const (
	nNeighbourKeys = 6
	nPairKeys      = nStaticContext - nNeighbourKeys
)

// Which neighbourKeys each neighbour of a token takes: the word before
// (keys 0 and 1), two before (2), after (3 and 4), two after (5).
var neighbourRoles = [4]struct{ off, lo, hi int }{{-1, 0, 2}, {-2, 2, 3}, {1, 3, 5}, {2, 5, 6}}

// neighbourKeys writes the keys of the static context features that look
// at the word of t alone, as each of the neighbours of a token: with
// pairKeys, those of contextKeys[:nStaticContext].
func neighbourKeys(t *tokInfo, keys *[nNeighbourKeys]uint64) {
	keys[0] = featurehash.Feat1(tWordM1, t.lower)
	keys[1] = featurehash.Feat1(tSufM1, t.suf[2])
	keys[2] = featurehash.Feat1(tWordM2, t.lower)
	keys[3] = featurehash.Feat1(tWordP1, t.lower)
	keys[4] = featurehash.Feat1(tSufP1, t.suf[2])
	keys[5] = featurehash.Feat1(tWordP2, t.lower)
}

// pairKeys writes the keys of the static context features of position i
// that are not neighbourKeys: its flags and the bigrams with its
// neighbours. infos is padded as for contextKeys.
func pairKeys(infos []tokInfo, i int, keys *[nPairKeys]uint64) {
	t := &infos[i+2]
	flags := t.flags
	if i == 0 {
		flags |= flagFirst
	}
	keys[0] = featurehash.Feat1(tFlags, uint64(flags))
	keys[1] = featurehash.Feat2(tBigramM1, infos[i+1].lower, t.lower)
	keys[2] = featurehash.Feat2(tBigramP1, t.lower, infos[i+3].lower)
}

// spanOf returns the entry range of key k (empty when absent).
func (m *Model) spanOf(k uint64) span {
	if sl := m.feats.get(k); sl != nil {
		return span{sl.lo, sl.hi}
	}
	return span{}
}

// addSpan adds the weights of the entries sp to scores.
func (m *Model) addSpan(scores []float32, sp span) {
	for _, e := range m.entries[sp.lo:sp.hi] {
		scores[e.tag] += e.w
	}
}

// tagKeys writes the keys of the features of position i that depend on the
// previous tag p1: the last of contextKeys.
func tagKeys(infos []tokInfo, i int, p1 int, keys *[2]uint64) {
	t := &infos[i+2]
	keys[0] = featurehash.Feat2(tTagWord, uint64(p1), t.lower)
	keys[1] = featurehash.Feat2(tTagSuf, uint64(p1), t.suf[2])
}

// addKeys adds the weights of the features keys to scores.
func (m *Model) addKeys(scores []float32, keys []uint64) {
	for _, k := range keys {
		if sl := m.feats.get(k); sl != nil {
			for _, e := range m.entries[sl.lo:sl.hi] {
				scores[e.tag] += e.w
			}
		}
	}
}

// tagCached is Tag for a model whose sums are exact: what depends on a
// word alone comes from the scratch's word cache.
func (m *Model) tagCached(words []string) []string {
	out := make([]string, len(words))
	if len(words) == 0 {
		return out
	}
	s := m.getScratch()
	nt := len(m.tags)
	if s.cache == nil {
		s.cache = newWordCache(nt)
	}
	c := s.cache
	n := len(words) + 4
	if cap(s.infos) < n {
		s.infos = make([]tokInfo, n, n+n/2)
	}
	infos := s.infos[:n]
	infos[0], infos[1] = bosInfo, bosInfo
	infos[n-2], infos[n-1] = eosInfo, eosInfo
	s.slots = s.slots[:0]
	for i, w := range words {
		if len(w) == 0 || len(w) > maxCachedWord {
			describe(w, &infos[i+2])
			s.slots = append(s.slots, -1)
			continue
		}
		slot := int(featurehash.HashString(w) & (wordCacheSize - 1))
		if !c.holds(slot, w) {
			describe(w, &c.infos[slot])
			c.dict[slot] = int16(m.dictTag(&c.infos[slot]))
			copy(c.text[slot*maxCachedWord:], w)
			c.lens[slot], c.has[slot], c.nbHas[slot] = uint8(len(w)), false, false
			clear(c.tgPrev[slot*tagWays : (slot+1)*tagWays])
		}
		infos[i+2] = c.infos[slot]
		s.slots = append(s.slots, slot)
	}
	// First what does not depend on the previous tags, for all tokens
	// at once: the features' look-ups, most of which miss the
	// processor's cache, are then independent of one another and
	// overlap. The sums are exact, so their order does not matter.
	if cap(s.dictY) < len(words) {
		s.dictY = make([]int, len(words), len(words)+len(words)/2)
	}
	dictY := s.dictY[:len(words)]
	if cap(s.static) < len(words)*nt {
		s.static = make([]float32, len(words)*nt, (len(words)+len(words)/2)*nt)
	}
	static := s.static[:len(words)*nt]
	// Whether each token's word holds its cache slot: another word of the
	// sentence may have taken it. No slot changes words after this.
	if cap(s.cached) < len(words) {
		s.cached = make([]bool, len(words), len(words)+len(words)/2)
	}
	held := s.cached[:len(words)]
	for i, w := range words {
		slot := s.slots[i]
		held[i] = slot >= 0 && c.holds(slot, w)
	}
	var own [8]uint64
	var pair [nPairKeys]uint64
	var nk [nNeighbourKeys]uint64
	for i := range words {
		slot := s.slots[i]
		cached := held[i]
		y := -1
		if cached {
			y = int(c.dict[slot])
		} else {
			y = m.dictTag(&infos[i+2])
		}
		dictY[i] = y
		if y >= 0 {
			continue
		}
		st := static[i*nt : (i+1)*nt]
		if cached {
			sum := c.own[slot*nt : (slot+1)*nt]
			if !c.has[slot] {
				clear(sum)
				ownKeys(&infos[i+2], &own)
				m.addKeys(sum, own[:])
				c.has[slot] = true
			}
			copy(st, sum)
		} else {
			clear(st)
			ownKeys(&infos[i+2], &own)
			m.addKeys(st, own[:])
		}
		pairKeys(infos, i, &pair)
		m.addKeys(st, pair[:])
		for _, r := range neighbourRoles {
			j := i + r.off
			switch {
			case j >= 0 && j < len(words) && held[j]:
				nb := s.slots[j]
				if !c.nbHas[nb] {
					neighbourKeys(&c.infos[nb], &nk)
					for k, key := range nk {
						c.nb[nb][k] = m.spanOf(key)
					}
					c.nbHas[nb] = true
				}
				for _, sp := range c.nb[nb][r.lo:r.hi] {
					m.addSpan(st, sp)
				}
			default:
				// Padding, or a word not in the cache.
				neighbourKeys(&infos[j+2], &nk)
				m.addKeys(st, nk[r.lo:r.hi])
			}
		}
	}
	p1, p2 := nt, nt
	scores := s.scores[:nt]
	var tk [2]uint64
	for i, y := range dictY {
		if y < 0 {
			copy(scores, m.dense[(p1*(nt+1)+p2)*nt:])
			for j, v := range static[i*nt : (i+1)*nt] {
				scores[j] += v
			}
			if held[i] {
				// The tag features' entries, from the word's slot: the
				// same entries added in the same order as addKeys.
				at := s.slots[i]*tagWays + p1%tagWays
				if int(c.tgPrev[at]) != p1+1 {
					tagKeys(infos, i, p1, &tk)
					c.tg[at] = [2]span{m.spanOf(tk[0]), m.spanOf(tk[1])}
					c.tgPrev[at] = int16(p1 + 1)
				}
				m.addSpan(scores, c.tg[at][0])
				m.addSpan(scores, c.tg[at][1])
			} else {
				tagKeys(infos, i, p1, &tk)
				m.addKeys(scores, tk[:])
			}
			y = argmax(scores)
		}
		out[i] = m.tags[y]
		p2, p1 = p1, y
	}
	m.scratches.Put(s)
	return out
}
