package tagger

import "github.com/dossier-nlp/dossier/extract/internal/featurehash"

// Exact sums. Model weights are multiples of weightStep (1/64). When every
// weight is k*weightStep with |k| <= maxSteps, every partial sum of the
// at most 64 weights of one label at one token is a multiple of 1/64 below
// 2^24/64 in magnitude, which float32 holds exactly: adding the weights in
// any order gives the very same float32. So the tagger may sum them as
// integers, and sum the features of a word alone (the same wherever the
// word stands) once, and reuse that sum, and its scores are still bit for
// bit those of adding the rows one after another. Models whose weights do
// not qualify (none that Train or Load produce today) take the ordered
// path (emissionsOrdered).
const maxSteps = 1 << 15

// wordCacheSize is the number of words a scratch remembers (direct-mapped
// by the word's hash): their properties and the sums of their own
// features.
const wordCacheSize = 16384

// maxCachedWord is the longest word, in bytes, the word cache holds.
const maxCachedWord = 24

// wordCache remembers, per word, what depends on the word alone. It keeps
// copies of the words, so it holds no document in memory.
type wordCache struct {
	text  []byte  // slot i's word is text[i*maxCachedWord:][:lens[i]]
	lens  []uint8 // 0: empty slot (the empty word is not cached)
	infos []tokInfo
	// sums[((2*slot+caps)*nRoles+role)*nl:][:nl] are the summed weights,
	// in steps, of the features that look at the word in one role (its
	// own features, or those that look at it as a neighbour; see
	// roleFeatures), in a sentence not in capitals (caps 0) or in
	// capitals (1); bit caps*nRoles+role of has tells which are filled.
	sums []int32
	has  []uint16
	// A word may take either slot of a pair (2i, 2i+1); mru[i] is the
	// one used last, which a new word does not take.
	mru []uint8
	nl  int
}

// Roles of a word in the features of a token: the token itself, or its
// neighbour before, after, two before, two after.
const (
	roleOwn = iota
	roleM1
	roleP1
	roleM2
	roleP2
	nRoles
)

// roleOffsets are the positions of the word of each role from the token.
var roleOffsets = [nRoles]int{0, -1, 1, -2, 2}

func newWordCache(nl int) *wordCache {
	return &wordCache{
		text:  make([]byte, wordCacheSize*maxCachedWord),
		lens:  make([]uint8, wordCacheSize),
		infos: make([]tokInfo, wordCacheSize),
		sums:  make([]int32, 2*nRoles*wordCacheSize*nl),
		has:   make([]uint16, wordCacheSize),
		mru:   make([]uint8, wordCacheSize/2),
		nl:    nl,
	}
}

// holds reports whether slot holds w.
func (c *wordCache) holds(slot int, w string) bool {
	return int(c.lens[slot]) == len(w) && string(c.text[slot*maxCachedWord:slot*maxCachedWord+len(w)]) == w
}

// find returns the slot that holds w, or else the slot w is to take: of
// the two slots w may take, the one used less recently.
func (c *wordCache) find(w string) int {
	slot := int(featurehash.HashString(w) & (wordCacheSize - 1))
	if !c.holds(slot, w) {
		if c.holds(slot^1, w) || int(c.mru[slot>>1]) == slot&1 {
			slot ^= 1
		}
	}
	c.mru[slot>>1] = uint8(slot & 1)
	return slot
}

// describeCached is describe for Tag: the properties of a word seen before
// come from s's word cache. It records each token's cache slot in s.slots
// (-1 for a word too long to cache).
func (m *Model) describeCached(s *scratch, words []string) {
	if s.cache == nil {
		s.cache = newWordCache(m.nl)
	}
	c := s.cache
	if cap(s.infos) < len(words) {
		s.infos = make([]tokInfo, len(words), len(words)+len(words)/2)
	}
	s.infos = s.infos[:len(words)]
	s.slots = s.slots[:0]
	for i, w := range words {
		if len(w) == 0 || len(w) > maxCachedWord {
			m.describeWord(s, w, &s.infos[i], m.lex)
			if m.gaz != nil {
				s.infos[i].gaz = uint16(m.gaz.g.Word(w))
			}
			s.slots = append(s.slots, -1)
			continue
		}
		slot := c.find(w)
		if !c.holds(slot, w) {
			ti := &c.infos[slot]
			m.describeWord(s, w, ti, m.lex)
			if m.gaz != nil {
				ti.gaz = uint16(m.gaz.g.Word(w))
			}
			copy(c.text[slot*maxCachedWord:], w)
			c.lens[slot], c.has[slot] = uint8(len(w)), 0
		}
		s.infos[i] = c.infos[slot]
		s.slots = append(s.slots, slot)
	}
	if m.lex != nil {
		m.lex.annotate(s.infos)
	}
	if m.gaz != nil {
		m.gaz.annotateSpans(s, words, s.infos)
	}
}

// ownFeatures appends the keys of the features of token t that depend on
// its word alone (and on whether the sentence is in capitals).
func ownFeatures(keys []uint64, t *tokInfo, capsSent bool) []uint64 {
	var caps, sh uint64
	if capsSent {
		caps, sh = 1, capsTemplates
	}
	cs := uint64(t.caseCls)
	keys = append(keys,
		featurehash.Feat1(tBias, caps),
		featurehash.Feat1(tLower, t.lower),
		featurehash.Feat1(sh+tShape, t.shape),
		featurehash.Feat1(sh+tShort, t.short),
		featurehash.Feat1(tPre1, t.pre[0]),
		featurehash.Feat1(tPre2, t.pre[1]),
		featurehash.Feat1(tPre3, t.pre[2]),
		featurehash.Feat1(tPre4, t.pre[3]),
		featurehash.Feat1(tSuf1, t.suf[0]),
		featurehash.Feat1(tSuf2, t.suf[1]),
		featurehash.Feat1(tSuf3, t.suf[2]),
		featurehash.Feat1(tSuf4, t.suf[3]),
		featurehash.Feat1(tCase, cs),
		featurehash.Feat2(sh+tCaseShort, cs, t.short),
		featurehash.Feat2(sh+tCaseFlags, cs, uint64(t.flags)),
	)
	if !capsSent {
		keys = append(keys, featurehash.Feat1(tWord, t.word))
	}
	return keys
}

// roleFeatures appends the keys of the features of a token that look at
// the word w in role alone: ownFeatures for roleOwn, or w's properties as
// the token's neighbour.
func roleFeatures(keys []uint64, w *tokInfo, role int, capsSent bool) []uint64 {
	var caps, sh uint64
	if capsSent {
		caps, sh = 1, capsTemplates
	}
	switch role {
	case roleOwn:
		return ownFeatures(keys, w, capsSent)
	case roleM1:
		return append(keys,
			featurehash.Feat1(tLowerM1, w.lower),
			featurehash.Feat1(sh+tShortM1, w.short),
			featurehash.Feat2(tCaseM1, uint64(w.caseCls), caps))
	case roleP1:
		return append(keys,
			featurehash.Feat1(tLowerP1, w.lower),
			featurehash.Feat1(sh+tShortP1, w.short),
			featurehash.Feat2(tCaseP1, uint64(w.caseCls), caps))
	case roleM2:
		return append(keys,
			featurehash.Feat1(tLowerM2, w.lower),
			featurehash.Feat1(sh+tShortM2, w.short))
	default:
		return append(keys,
			featurehash.Feat1(tLowerP2, w.lower),
			featurehash.Feat1(sh+tShortP2, w.short))
	}
}

// The features of token i that look at more than one word, or at where
// it stands, are with roleFeatures of every role the keys of features (in
// another order; TestFeatureSplit): those of wordContextFeatures, which
// look at neighbouring words themselves, and those of
// shapeContextFeatures, which look only at properties with few values
// (shapes, case, gazetteer and lexicon classes).

// wordContextFeatures appends the keys of the context features of token
// i that look at the words around it.
func wordContextFeatures(keys []uint64, infos []tokInfo, i int, capsSent bool) []uint64 {
	t := &infos[i]
	m1, p1 := padInfo(infos, i-1), padInfo(infos, i+1)
	m2, p2 := padInfo(infos, i-2), padInfo(infos, i+2)
	var sh uint64
	if capsSent {
		sh = capsTemplates
	}
	return append(keys,
		featurehash.Feat2(tLowerM1_0, m1.lower, t.lower),
		featurehash.Feat2(tLower0_P1, t.lower, p1.lower),
		featurehash.Feat2(tLowerM2_M1, m2.lower, m1.lower),
		featurehash.Feat2(tLowerP1_P2, p1.lower, p2.lower),
		featurehash.Feat2(sh+tLowerM1Short, m1.lower, t.short),
		featurehash.Feat2(sh+tShortLowerP1, t.short, p1.lower),
	)
}

// shapeContextFeatures appends the keys of the context features of token
// i that look only at properties with few values: they are the same for
// every token with the same shapeKey.
func shapeContextFeatures(keys []uint64, infos []tokInfo, i int, capsSent bool) []uint64 {
	t := &infos[i]
	m1, p1 := padInfo(infos, i-1), padInfo(infos, i+1)
	var caps, sh uint64
	if capsSent {
		caps, sh = 1, capsTemplates
	}
	cs := uint64(t.caseCls)
	keys = append(keys,
		featurehash.Feat2(sh+tShortM1_0, m1.short, t.short),
		featurehash.Feat2(sh+tShort0_P1, t.short, p1.short),
		featurehash.Feat3(sh+tShortM1_0_P1, m1.short, t.short, p1.short),
		featurehash.Feat3(sh+tCaseM1_0_P1, uint64(m1.caseCls), cs, uint64(p1.caseCls)),
	)
	if t.wordType != 0 || t.name != 0 || m1.name != 0 || p1.name != 0 {
		wt := uint64(t.wordType)
		nm := uint64(t.name)<<8 | uint64(t.namePos)
		keys = append(keys,
			featurehash.Feat1(tWordType, wt),
			featurehash.Feat2(sh+tWordTypeShape, wt, t.short),
			featurehash.Feat2(tWordTypeM1, wt, uint64(m1.wordType)),
			featurehash.Feat2(tWordTypeP1, wt, uint64(p1.wordType)),
			featurehash.Feat1(tName, nm),
			featurehash.Feat2(tNameCaps, nm, caps<<1|uint64(t.flags&flagInitCap)),
			featurehash.Feat2(tNameM1, nm, uint64(m1.name)<<8|uint64(m1.namePos)),
			featurehash.Feat2(tNameP1, nm, uint64(p1.name)<<8|uint64(p1.namePos)),
		)
	}
	if i == 0 {
		keys = append(keys,
			featurehash.Feat1(sh+tFirstShort, t.short),
			featurehash.Feat1(tFirstCase, cs))
	}
	if t.gaz != 0 || m1.gaz != 0 || p1.gaz != 0 || t.gazSpan != 0 {
		g := uint64(t.gaz)
		keys = append(keys,
			featurehash.Feat1(tGaz, g),
			featurehash.Feat2(tGazCaps, g, caps|uint64(t.flags&flagInitCap)<<1),
			featurehash.Feat1(sh+tGazShort, g^t.short),
			featurehash.Feat2(tGazSpan, uint64(t.gazSpan), uint64(t.gazPos)),
			featurehash.Feat3(tGazSpanCase, uint64(t.gazSpan), uint64(t.gazPos), cs),
			featurehash.Feat1(tGazM1, uint64(m1.gaz)),
			featurehash.Feat1(tGazP1, uint64(p1.gaz)),
		)
	}
	return keys
}

// shapeKey is everything shapeContextFeatures looks at.
type shapeKey [6]uint64

func makeShapeKey(infos []tokInfo, i int, capsSent bool) shapeKey {
	t := &infos[i]
	m1, p1 := padInfo(infos, i-1), padInfo(infos, i+1)
	var bits uint64
	if capsSent {
		bits |= 1
	}
	if i == 0 {
		bits |= 2
	}
	bits |= uint64(t.flags&flagInitCap) << 2
	bits |= uint64(m1.caseCls)<<8 | uint64(t.caseCls)<<16 | uint64(p1.caseCls)<<24 |
		uint64(t.wordType)<<32 | uint64(m1.wordType)<<40 | uint64(p1.wordType)<<48
	names := uint64(t.name) | uint64(t.namePos)<<8 | uint64(m1.name)<<16 | uint64(m1.namePos)<<24 |
		uint64(p1.name)<<32 | uint64(p1.namePos)<<40 | uint64(t.gazPos)<<48
	gaz := uint64(t.gaz) | uint64(m1.gaz)<<16 | uint64(p1.gaz)<<32 | uint64(t.gazSpan)<<48
	return shapeKey{m1.short, t.short, p1.short, bits, names, gaz}
}

// shapeCacheSize is the number of shapeKeys a scratch remembers the
// summed weights of (direct-mapped).
const shapeCacheSize = 8192

// shapeCache remembers, per shapeKey, the summed weights in steps of the
// shape context features: tokens in news text have few distinct ones.
type shapeCache struct {
	keys []shapeKey
	full []bool
	sums []int32
	nl   int
}

// shapeSums returns the summed weights, in steps, of the shape context
// features of token i, from the cache or computed into it.
func (m *Model) shapeSums(s *scratch, i int, capsSent bool) []int32 {
	c := s.shapes
	if c == nil {
		c = &shapeCache{keys: make([]shapeKey, shapeCacheSize), full: make([]bool, shapeCacheSize),
			sums: make([]int32, shapeCacheSize*m.nl), nl: m.nl}
		s.shapes = c
	}
	k := makeShapeKey(s.infos, i, capsSent)
	h := featurehash.Mix(k[0] ^ featurehash.Mix(k[1]^k[3]*0x9E3779B97F4A7C15) ^ featurehash.Mix(k[2]^k[4]*0xC2B2AE3D27D4EB4F) ^ k[5]*0x165667B19E3779F9)
	slot := int(h & (shapeCacheSize - 1))
	sum := c.sums[slot*c.nl : (slot+1)*c.nl]
	if !c.full[slot] || c.keys[slot] != k {
		clear(sum)
		s.ownKeys = shapeContextFeatures(s.ownKeys[:0], s.infos, i, capsSent)
		m.addKeySteps(sum, s.ownKeys)
		c.keys[slot], c.full[slot] = k, true
	}
	return sum
}

// emissionsExact is emissionsOrdered for a model whose weights sum exactly
// (see maxSteps), after describeCached(s, words): the features that look
// at one word alone (in each of its roles) are summed once per cache slot,
// the others looked up per token, in two passes so the processor overlaps
// the lookups, most of which miss its cache.
func (m *Model) emissionsExact(s *scratch, words []string) {
	n, nl := len(s.infos), m.nl
	if cap(s.scores) < n*nl {
		s.scores = make([]float32, n*nl, 2*n*nl)
	}
	s.scores = s.scores[:n*nl]
	if cap(s.acc) < nl {
		s.acc = make([]int32, nl)
	}
	acc := s.acc[:nl]
	caps := allCapsSentence(s.infos)
	ci := 0
	if caps {
		ci = 1
	}
	c := s.cache
	s.keys = s.keys[:0]
	s.keyEnd = s.keyEnd[:0]
	for i := 0; i < n; i++ {
		s.keys = wordContextFeatures(s.keys, s.infos, i, caps)
		s.keyEnd = append(s.keyEnd, len(s.keys))
	}
	if cap(s.rows) < len(s.keys) {
		s.rows = make([]uint64, len(s.keys), 2*len(s.keys))
	}
	rows := s.rows[:len(s.keys)]
	for j, k := range s.keys {
		rows[j], _ = m.feats.get(k) // 0, an empty row, when absent
	}
	// Whether each token's word holds its cache slot (another word of
	// the sentence may have taken it): no slot changes words below.
	if cap(s.held) < n {
		s.held = make([]bool, n, 2*n)
	}
	held := s.held[:n]
	for j, slot := range s.slots {
		held[j] = slot >= 0 && c.holds(slot, words[j])
	}
	start := 0
	for i, end := range s.keyEnd {
		clear(acc)
		for role, off := range roleOffsets {
			j := i + off
			if j < 0 || j >= n {
				// Padding: its features are few, and hot in the cache.
				s.ownKeys = roleFeatures(s.ownKeys[:0], padInfo(s.infos, j), role, caps)
				m.addKeySteps(acc, s.ownKeys)
				continue
			}
			slot := s.slots[j]
			if !held[j] {
				// A word too long to cache, or another word of the
				// sentence took its slot: sum without keeping.
				s.ownKeys = roleFeatures(s.ownKeys[:0], &s.infos[j], role, caps)
				m.addKeySteps(acc, s.ownKeys)
				continue
			}
			bit := uint16(1) << (ci*nRoles + role)
			at := ((2*slot+ci)*nRoles + role) * nl
			sum := c.sums[at : at+nl]
			if c.has[slot]&bit == 0 {
				clear(sum)
				s.ownKeys = roleFeatures(s.ownKeys[:0], &c.infos[slot], role, caps)
				m.addKeySteps(sum, s.ownKeys)
				c.has[slot] |= bit
			}
			for y, v := range sum {
				acc[y] += v
			}
		}
		for _, info := range rows[start:end] {
			m.feats.addSteps(acc, info)
		}
		for y, v := range m.shapeSums(s, i, caps) {
			acc[y] += v
		}
		sc := s.scores[i*nl : (i+1)*nl]
		for y, v := range acc {
			sc[y] = float32(v) * weightStep
		}
		start = end
	}
}

// addKeySteps adds the weights of the features keys, in steps, to acc.
func (m *Model) addKeySteps(acc []int32, keys []uint64) {
	for _, k := range keys {
		if info, ok := m.feats.get(k); ok {
			m.feats.addSteps(acc, info)
		}
	}
}
