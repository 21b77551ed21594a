package tagger

import (
	"sort"
	"unicode"

	"github.com/dossier-nlp/dossier/extract/internal/featurehash"
)

// lexicon is what the model remembers of the words of its training data,
// beyond feature weights: each word's usual case, each word's usual entity
// label, and the names (entity spans) themselves.
type lexicon struct {
	cases   *table // lower-cased word -> case class (caseLower, ...)
	words   *table // lower-cased word -> 1 + 3*label + confidence bucket
	phrases *table // hash of a name's lower-cased words -> 1 + type
}

// maxName is the longest name, in tokens, that the phrase table holds.
const maxName = 6

// phraseHash extends the hash h of a word sequence with the next word.
func phraseHash(h, word uint64) uint64 {
	return featurehash.Mix(h*0x100000001b3 ^ word)
}

// annotate marks every token covered by a known name with the name's type
// and the token's position in it, preferring the longest name from the
// left. Outside sentences in capitals a name must start with a capital
// letter or a digit.
func (l *lexicon) annotate(infos []tokInfo) {
	if l.phrases.len() == 0 {
		return
	}
	caps := allCapsSentence(infos)
	for i := 0; i < len(infos); {
		best, typ := 0, int32(0)
		if caps || infos[i].flags&(flagInitCap|flagHasDigit) != 0 {
			h := uint64(featurehash.FNVOffset)
			for k := i; k < len(infos) && k < i+maxName; k++ {
				h = phraseHash(h, infos[k].lower)
				if v := l.phrases.get(h); v > 0 {
					best, typ = k+1-i, v
				}
			}
		}
		if best == 0 {
			i++
			continue
		}
		for k := i; k < i+best; k++ {
			infos[k].name = uint8(typ)
			switch {
			case best == 1:
				infos[k].namePos = 4
			case k == i:
				infos[k].namePos = 1
			case k == i+best-1:
				infos[k].namePos = 3
			default:
				infos[k].namePos = 2
			}
		}
		i += best
	}
}

// buildLexicon learns the lexicon of data; types are the model's entity
// types. Word case counts skip the first token of a sentence and sentences
// in capitals.
func buildLexicon(data []Example, types []string) *lexicon {
	type caseCounts struct{ lower, cap, upper int32 }
	cases := map[uint64]*caseCounts{}
	typeIdx := map[string]int{}
	for i, t := range types {
		typeIdx[t] = i + 1
	}
	nl := len(types) + 1
	labelCnt := map[uint64][]int32{} // word -> count per type (0: O)
	phraseCnt := map[uint64][]int32{}
	m := &Model{}
	s := new(scratch)
	for _, ex := range data {
		m.describeWith(s, ex.Words, nil)
		caps := allCapsSentence(s.infos)
		inSpan := make([]int, len(ex.Words))
		for _, sp := range SpansFromBIO(ex.Labels) {
			t := typeIdx[sp.Type]
			if t == 0 {
				continue
			}
			for k := sp.Start; k < sp.End; k++ {
				inSpan[k] = t
			}
			if sp.End-sp.Start <= maxName {
				h := uint64(featurehash.FNVOffset)
				for k := sp.Start; k < sp.End; k++ {
					h = phraseHash(h, s.infos[k].lower)
				}
				c := phraseCnt[h]
				if c == nil {
					c = make([]int32, nl)
					phraseCnt[h] = c
				}
				c[t]++
			}
		}
		for i := range ex.Words {
			ti := &s.infos[i]
			if ti.flags&flagLetters == 0 {
				continue
			}
			lc := labelCnt[ti.lower]
			if lc == nil {
				lc = make([]int32, nl)
				labelCnt[ti.lower] = lc
			}
			lc[inSpan[i]]++
			if i == 0 || caps {
				continue
			}
			c := cases[ti.lower]
			if c == nil {
				c = new(caseCounts)
				cases[ti.lower] = c
			}
			r := firstLetter(ex.Words[i])
			switch {
			case ti.flags&flagAllCaps != 0 && len(ex.Words[i]) > 1:
				c.upper++
			case unicode.IsUpper(r):
				c.cap++
			default:
				c.lower++
			}
		}
	}
	l := &lexicon{}
	l.cases = newTable(len(cases))
	for _, k := range sortedKeys(cases) {
		c := cases[k]
		n := c.lower + c.cap + c.upper
		var cls int32
		switch {
		case n < 3 && c.lower == n:
			cls = caseLowerRare
		case n < 3 && c.cap == n:
			cls = caseCapRare
		case n < 3:
			cls = caseMixed
		case c.lower*10 >= n*9:
			cls = caseLower
		case c.cap*10 >= n*9:
			cls = caseCap
		case c.upper*10 >= n*9:
			cls = caseUpper
		default:
			cls = caseMixed
		}
		l.cases.put(k, cls)
	}
	// Word labels: only words that are part of a name at least once.
	l.words = newTable(len(labelCnt) / 4)
	for _, k := range sortedKeys(labelCnt) {
		c := labelCnt[k]
		n, best := int32(0), 0
		for t, v := range c {
			n += v
			if v > c[best] {
				best = t
			}
		}
		if c[0] == n {
			continue
		}
		frac := float64(c[best]) / float64(n)
		bucket := 0
		switch {
		case n < 3:
			bucket = 2
		case frac >= 0.9:
			bucket = 0
		default:
			bucket = 1
		}
		l.words.put(k, int32(1+3*best+bucket))
	}
	l.phrases = newTable(len(phraseCnt))
	for _, k := range sortedKeys(phraseCnt) {
		c := phraseCnt[k]
		best := 1
		for t := 1; t < nl; t++ {
			if c[t] > c[best] {
				best = t
			}
		}
		l.phrases.put(k, int32(best))
	}
	return l
}

func sortedKeys[V any](m map[uint64]V) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
