package postag

import (
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract/internal/featurehash"
)

// Feature keys are 64-bit hashes: a template number mixed with the hashes of
// the token properties it looks at. Nothing here builds strings, so feature
// extraction allocates nothing once the scratch buffers have grown.

// Feature templates. The numbers are part of the model format: never
// renumber them, only add new ones.
const (
	tWord = iota + 1 // lower-cased word
	tSuf1
	tSuf2
	tSuf3
	tPre1
	tShape
	tFlags // capitalisation, digits, hyphen, first token
	tWordM1
	tWordM2
	tWordP1
	tWordP2
	tSufM1 // 3-letter suffix of the previous word
	tSufP1 // 3-letter suffix of the next word
	tTagWord
	tBias // the following depend on the previous tags only
	tTag1
	tTag2
	tTag12
	tSuf4
	tPre2
	tBigramM1 // previous word + word
	tBigramP1 // word + next word
	tTagSuf   // previous tag + 3-letter suffix
)

// nWordFeats is the number of keys wordKeys writes.
const nWordFeats = 19

// Token flags.
const (
	flagInitCap = 1 << iota
	flagAllCaps
	flagHasDigit
	flagHasHyphen
	flagLetters
	flagFirst // set per position, not by describe
)

// tokInfo holds the hashed properties of one token.
type tokInfo struct {
	lower, exact, shape, pre1, pre2 uint64
	suf                             [4]uint64
	flags                           uint8
}

// Padding before and after the sentence.
var (
	bosInfo = padInfo("-START-")
	eosInfo = padInfo("-END-")
)

func padInfo(s string) tokInfo {
	h := featurehash.HashString(s)
	return tokInfo{lower: h, exact: h, shape: h, pre1: h, pre2: h, suf: [4]uint64{h, h, h, h}}
}

// maxShape bounds the length of a shape; runs of one class are cut to two
// ("Washington" -> "Xxx", "2024" -> "dd", "anti-war" -> "xx-xx").
const maxShape = 12

// describe sets ti to the properties of word w.
func describe(w string, ti *tokInfo) {
	lower, exact, shape := uint64(featurehash.FNVOffset), uint64(featurehash.FNVOffset), uint64(featurehash.FNVOffset)
	var last [4]rune // the last four normalised runes, last[0] the latest
	var flags uint8
	var prev byte
	run, ns, n := 0, 0, 0
	upper, lowers := 0, 0
	for i := 0; i < len(w); {
		c := w[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
			exact = (exact ^ uint64(c)) * featurehash.FNVPrime
		} else {
			r, size = utf8.DecodeRuneInString(w[i:])
			for _, b := range []byte(w[i : i+size]) {
				exact = (exact ^ uint64(b)) * featurehash.FNVPrime
			}
		}
		i += size
		nr := featurehash.NormRune(r)
		lower = featurehash.HashRune(lower, nr)
		last[3], last[2], last[1], last[0] = last[2], last[1], last[0], nr
		if n == 0 {
			ti.pre1 = featurehash.HashRune(featurehash.FNVOffset, nr)
			ti.pre2 = ti.pre1
		} else if n == 1 {
			ti.pre2 = featurehash.HashRune(ti.pre1, nr)
		}
		sc := featurehash.ShapeRune(r)
		switch sc {
		case 'X':
			upper++
			flags |= flagLetters
			if n == 0 {
				flags |= flagInitCap
			}
		case 'x':
			lowers++
			flags |= flagLetters
		case 'd':
			flags |= flagHasDigit
		case '-':
			flags |= flagHasHyphen
		}
		if sc == prev {
			run++
		} else {
			run, prev = 1, sc
		}
		if run <= 2 && ns < maxShape {
			shape = (shape ^ uint64(sc)) * featurehash.FNVPrime
			ns++
		}
		n++
	}
	if upper > 0 && lowers == 0 {
		flags |= flagAllCaps
	}
	if n == 0 {
		ti.pre1, ti.pre2 = featurehash.FNVOffset, featurehash.FNVOffset
	}
	ti.lower, ti.exact, ti.shape, ti.flags = lower, exact, shape, flags
	h := uint64(featurehash.FNVOffset)
	for k := 0; k < 4; k++ {
		if k < n {
			// suffix of k+1 runes: hash last[k], ..., last[0]
			h = featurehash.FNVOffset
			for j := k; j >= 0; j-- {
				h = featurehash.HashRune(h, last[j])
			}
		}
		ti.suf[k] = h + uint64(k)
	}
}

// wordKeys writes the keys of the features of position i that do not
// depend on the previous tags (except tTagWord, which uses p1) into keys.
// infos is padded: token i is infos[i+2].
func wordKeys(infos []tokInfo, i int, p1 int, keys *[nWordFeats]uint64) {
	t := &infos[i+2]
	flags := t.flags
	if i == 0 {
		flags |= flagFirst
	}
	keys[0] = featurehash.Feat1(tWord, t.lower)
	keys[1] = featurehash.Feat1(tSuf1, t.suf[0])
	keys[2] = featurehash.Feat1(tSuf2, t.suf[1])
	keys[3] = featurehash.Feat1(tSuf3, t.suf[2])
	keys[4] = featurehash.Feat1(tPre1, t.pre1)
	keys[5] = featurehash.Feat1(tShape, t.shape)
	keys[6] = featurehash.Feat1(tFlags, uint64(flags))
	keys[7] = featurehash.Feat1(tWordM1, infos[i+1].lower)
	keys[8] = featurehash.Feat1(tWordM2, infos[i].lower)
	keys[9] = featurehash.Feat1(tWordP1, infos[i+3].lower)
	keys[10] = featurehash.Feat1(tWordP2, infos[i+4].lower)
	keys[11] = featurehash.Feat1(tSufM1, infos[i+1].suf[2])
	keys[12] = featurehash.Feat1(tSufP1, infos[i+3].suf[2])
	keys[13] = featurehash.Feat2(tTagWord, uint64(p1), t.lower)
	keys[14] = featurehash.Feat1(tSuf4, t.suf[3])
	keys[15] = featurehash.Feat1(tPre2, t.pre2)
	keys[16] = featurehash.Feat2(tBigramM1, infos[i+1].lower, t.lower)
	keys[17] = featurehash.Feat2(tBigramP1, t.lower, infos[i+3].lower)
	keys[18] = featurehash.Feat2(tTagSuf, uint64(p1), t.suf[2])
}

// describeAll fills buf with the padded properties of words and returns it.
func describeAll(buf []tokInfo, words []string) []tokInfo {
	n := len(words) + 4
	if cap(buf) < n {
		buf = make([]tokInfo, n, n+n/2)
	}
	buf = buf[:n]
	buf[0], buf[1] = bosInfo, bosInfo
	for i, w := range words {
		describe(w, &buf[i+2])
	}
	buf[n-2], buf[n-1] = eosInfo, eosInfo
	return buf
}
