// Package featurehash holds what the entity tagger (extract/tagger) and the
// part-of-speech tagger (extract/postag) share to turn tokens into feature
// keys without building strings: FNV-1a hashing, the splitmix64 finalizer,
// feature-key combination, and rune normalisation and shape classes.
//
// The values these functions compute are part of both models' file
// formats: changing any of them invalidates the embedded models.
package featurehash

import (
	"unicode"
	"unicode/utf8"
)

// FNV-1a parameters, for hashing a word rune by rune.
const (
	FNVOffset = 14695981039346656037
	FNVPrime  = 1099511628211
)

const golden = 0x9E3779B97F4A7C15

// Mix is the splitmix64 finalizer: it spreads every input bit over the
// output, so combined hashes do not collide systematically.
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// HashString is FNV-1a over the bytes of s.
func HashString(s string) uint64 {
	h := uint64(FNVOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= FNVPrime
	}
	return h
}

// HashBytes is FNV-1a over b; HashBytes(b) == HashString(string(b)).
func HashBytes(b []byte) uint64 {
	h := uint64(FNVOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= FNVPrime
	}
	return h
}

// HashRune continues the FNV-1a hash h with the UTF-8 bytes of r.
func HashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * FNVPrime
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	for _, c := range b[:n] {
		h = (h ^ uint64(c)) * FNVPrime
	}
	return h
}

// Feat1, Feat2 and Feat3 combine a template number t with one, two or three
// property hashes into a feature key. A key is never 0, the empty slot of
// the lookup tables.
func Feat1(t, a uint64) uint64 {
	k := Mix(a ^ t*golden)
	if k == 0 {
		k = 1
	}
	return k
}

// Feat2 is Feat1 for two property hashes.
func Feat2(t, a, b uint64) uint64 {
	return Feat1(t, Mix(a+t)^(b*0xff51afd7ed558ccd))
}

// Feat3 is Feat1 for three property hashes.
func Feat3(t, a, b, c uint64) uint64 {
	return Feat2(t, Mix(a^(b*0xc4ceb9fe1a85ec53)), c)
}

// NormRune maps a rune of a word to its normalised lower-case form: digits
// become 0, curly quotes and dashes become their ASCII forms.
func NormRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 32
	case r >= '0' && r <= '9':
		return '0'
	case r < utf8.RuneSelf:
		return r
	}
	switch r {
	case '‘', '’', '‛', '′':
		return '\''
	case '“', '”', '„', '″':
		return '"'
	case '–', '—', '‐', '‑', '−':
		return '-'
	}
	if unicode.IsDigit(r) {
		return '0'
	}
	return unicode.ToLower(r)
}

// ShapeRune maps a rune to its shape class: 'x' lower-case letter, 'X'
// capital, 'd' digit, the ASCII punctuation itself, quotes and dashes in
// their ASCII form, '*' anything else.
func ShapeRune(r rune) byte {
	switch {
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	switch NormRune(r) {
	case '\'':
		return '\''
	case '"':
		return '"'
	case '-':
		return '-'
	}
	return '*'
}
