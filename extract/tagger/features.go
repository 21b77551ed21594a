package tagger

import (
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
	"github.com/dossier-nlp/dossier/extract/internal/featurehash"
)

// Feature keys are 64-bit hashes: a template number mixed with the hashes of
// the token properties it looks at. Nothing here builds strings, so feature
// extraction allocates nothing once its scratch buffers have grown.

// Token flags.
const (
	flagInitCap  = 1 << iota // first letter upper case
	flagAllCaps              // has letters, none lower case
	flagHasDigit             // contains a digit
	flagLetters              // contains a letter
	flagPunct                // only punctuation and symbols
)

// Word case classes learned from the training text (see lexicon).
const (
	caseUnknown   = iota // not seen often enough
	caseLower            // almost always lower case inside a sentence
	caseCap              // almost always capitalised inside a sentence
	caseMixed            // both
	caseUpper            // almost always all capitals (acronyms)
	caseLowerRare        // lower-case only, seen rarely
	caseCapRare          // capitalised only, seen rarely
)

// tokInfo holds the hashed properties of one token.
type tokInfo struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64
	flags                     uint8
	caseCls                   uint8
	gaz                       uint16 // gazetteer classes of the word
	gazSpan                   uint16 // class of the longest gazetteer match covering the token
	gazPos                    uint8  // position in that match: 0 none, 1 begin, 2 inside, 3 last, 4 unit
	wordType                  uint8  // usual entity label of the word in the training data
	name                      uint8  // 1 + type of the longest training name covering the token
	namePos                   uint8  // position in that name, as gazPos
}

// Padding properties for positions outside the sentence.
var (
	hashBOS = featurehash.HashString("<s>")
	hashEOS = featurehash.HashString("</s>")
)

const maxShape = 12

// scratch holds the buffers of one Tag or training call.
type scratch struct {
	lower  []byte
	bounds []int
	infos  []tokInfo
	keys   []uint64
	keyEnd []int    // token i's keys end at keys[keyEnd[i]]
	rows   []uint64 // the weight-table info of each key
	// Tag's word cache and the cache slot of each token; the keys of one
	// word's own features; integer sums of one token's weights.
	cache   *wordCache
	shapes  *shapeCache
	slots   []int
	ownKeys []uint64
	acc     []int32
	scores  []float32
	delta   []float32
	back    []int8
	alpha   []float64
	beta    []float64
	emit    []float64
	probs   []float64
	held    []bool // see emissionsExact
	tags    []int
	// matches are the gazetteer's matches of the sentence, when the
	// caller gave them (matched; see TagMatched).
	matches []gazetteer.Match
	matched bool
}

// describe fills s.infos with the properties of words.
func (m *Model) describe(s *scratch, words []string) {
	m.describeWith(s, words, m.lex)
}

// describeWith is describe with the lexicon lex.
func (m *Model) describeWith(s *scratch, words []string, lex *lexicon) {
	if cap(s.infos) < len(words) {
		s.infos = make([]tokInfo, len(words), len(words)+len(words)/2)
	}
	s.infos = s.infos[:len(words)]
	for i, w := range words {
		m.describeWord(s, w, &s.infos[i], lex)
	}
	if lex != nil {
		lex.annotate(s.infos)
	}
	if m.gaz != nil {
		m.gaz.annotate(s, words, s.infos)
	}
}

func (m *Model) describeWord(s *scratch, w string, ti *tokInfo, lex *lexicon) {
	*ti = tokInfo{}
	ti.word = featurehash.HashString(w)
	lower := s.lower[:0]
	bounds := s.bounds[:0]
	var shape [maxShape]byte
	var short [maxShape]byte
	ns, nss := 0, 0
	var flags uint8 = flagPunct
	upper, lowerCnt, first := 0, 0, true
	for _, r := range w {
		bounds = append(bounds, len(lower))
		nr := featurehash.NormRune(r)
		if nr < utf8.RuneSelf {
			lower = append(lower, byte(nr))
		} else {
			lower = utf8.AppendRune(lower, nr)
		}
		c := featurehash.ShapeRune(r)
		switch c {
		case 'X':
			upper++
			flags |= flagLetters
			flags &^= flagPunct
			if first {
				flags |= flagInitCap
			}
		case 'x':
			lowerCnt++
			flags |= flagLetters
			flags &^= flagPunct
		case 'd':
			flags |= flagHasDigit
			flags &^= flagPunct
		}
		first = false
		if ns < maxShape {
			shape[ns] = c
			ns++
		}
		if nss == 0 || (short[nss-1] != c && nss < maxShape) {
			short[nss] = c
			nss++
		}
	}
	if upper > 0 && lowerCnt == 0 {
		flags |= flagAllCaps
	}
	if w == "" {
		flags = 0
	}
	ti.flags = flags
	ti.lower = featurehash.HashBytes(lower)
	ti.shape = featurehash.HashBytes(shape[:ns]) + uint64(len(bounds))>>4 // long words differ from 12-letter ones
	ti.short = featurehash.HashBytes(short[:nss])
	n := len(bounds)
	for k := 0; k < 4; k++ {
		if k < n {
			end := len(lower)
			if k+1 < n {
				end = bounds[k+1]
			}
			ti.pre[k] = featurehash.HashBytes(lower[:end]) + uint64(k)
			ti.suf[k] = featurehash.HashBytes(lower[bounds[n-1-k]:]) + uint64(k)
		} else {
			ti.pre[k] = ti.lower + 7
			ti.suf[k] = ti.lower + 7
		}
	}
	if lex != nil {
		if v := lex.cases.get(ti.lower); v > 0 {
			ti.caseCls = uint8(v)
		}
		if v := lex.words.get(ti.lower); v > 0 {
			ti.wordType = uint8(v)
		}
	}
	s.lower, s.bounds = lower, bounds
}

// Feature templates. The numbers are part of the model format: never
// renumber them, only add new ones.
const (
	tBias = iota + 1
	tWord
	tLower
	tShape
	tShort
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShortM1
	tShortP1
	tShortM1_0
	tShort0_P1
	tShortM1_0_P1
	tLowerM1_0
	tLower0_P1
	tFirstShort
	tCapsSent
	tCapsSentShort
	tLowerM1Short
	tShortLowerP1
	tCase
	tCaseCaps
	tCaseM1
	tCaseP1
	tCaseM1_0_P1
	tGaz
	tGazSpan
	tGazM1
	tGazP1
	tGazSpanCase
	tShortM2
	tShortP2
	tLowerM2_M1
	tLowerP1_P2
	tCaseShort
	tGazCaps
	tFirstCase
	tCaseFlags
	tGazShort
	tWordType
	tWordTypeShape
	tWordTypeM1
	tWordTypeP1
	tName
	tNameCaps
	tNameM1
	tNameP1

	// capsTemplates is added to the number of a shape template in a
	// sentence written in capitals.
	capsTemplates = 1000
)

// padInfo returns the properties of token i, or padding outside the
// sentence.
func padInfo(infos []tokInfo, i int) *tokInfo {
	if i < 0 {
		return &bosInfo
	}
	if i >= len(infos) {
		return &eosInfo
	}
	return &infos[i]
}

var bosInfo, eosInfo = padding(hashBOS), padding(hashEOS)

func padding(h uint64) tokInfo {
	ti := tokInfo{word: h, lower: h, shape: h, short: h, caseCls: 15}
	for k := range ti.pre {
		ti.pre[k], ti.suf[k] = h, h
	}
	ti.gaz = 0xffff
	return ti
}

// features appends the feature keys of token i to keys.
func features(keys []uint64, infos []tokInfo, i int, capsSent bool) []uint64 {
	t := &infos[i]
	m1, p1 := padInfo(infos, i-1), padInfo(infos, i+1)
	m2, p2 := padInfo(infos, i-2), padInfo(infos, i+2)
	var caps uint64
	if capsSent {
		caps = 1
	}
	cs := uint64(t.caseCls)
	// Shape features mean different things in a sentence written in
	// capitals, so there they get templates of their own.
	var sh uint64
	if capsSent {
		sh = capsTemplates
	}
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
		featurehash.Feat1(tLowerM1, m1.lower),
		featurehash.Feat1(tLowerP1, p1.lower),
		featurehash.Feat1(tLowerM2, m2.lower),
		featurehash.Feat1(tLowerP2, p2.lower),
		featurehash.Feat1(sh+tShortM1, m1.short),
		featurehash.Feat1(sh+tShortP1, p1.short),
		featurehash.Feat1(sh+tShortM2, m2.short),
		featurehash.Feat1(sh+tShortP2, p2.short),
		featurehash.Feat2(sh+tShortM1_0, m1.short, t.short),
		featurehash.Feat2(sh+tShort0_P1, t.short, p1.short),
		featurehash.Feat3(sh+tShortM1_0_P1, m1.short, t.short, p1.short),
		featurehash.Feat2(tLowerM1_0, m1.lower, t.lower),
		featurehash.Feat2(tLower0_P1, t.lower, p1.lower),
		featurehash.Feat2(tLowerM2_M1, m2.lower, m1.lower),
		featurehash.Feat2(tLowerP1_P2, p1.lower, p2.lower),
		featurehash.Feat2(sh+tLowerM1Short, m1.lower, t.short),
		featurehash.Feat2(sh+tShortLowerP1, t.short, p1.lower),
		featurehash.Feat1(tCase, cs),
		featurehash.Feat2(sh+tCaseShort, cs, t.short),
		featurehash.Feat2(sh+tCaseFlags, cs, uint64(t.flags)),
		featurehash.Feat2(tCaseM1, uint64(m1.caseCls), caps),
		featurehash.Feat2(tCaseP1, uint64(p1.caseCls), caps),
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
	if !capsSent {
		keys = append(keys, featurehash.Feat1(tWord, t.word))
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

// allCapsSentence reports whether the sentence is written in capitals, as
// headlines are: it has at least two tokens with letters, and at least four
// in five of them have no lower-case letter.
func allCapsSentence(infos []tokInfo) bool {
	letters, caps := 0, 0
	for i := range infos {
		if infos[i].flags&flagLetters != 0 {
			letters++
			if infos[i].flags&flagAllCaps != 0 {
				caps++
			}
		}
	}
	return letters >= 2 && caps*5 >= letters*4
}
