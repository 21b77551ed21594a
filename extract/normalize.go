package extract

import (
	"strings"
	"unicode"
)

// NormalizeName returns the key under which two spellings of a name count as
// the same: case folded, curly quotes made straight, runs of white space
// collapsed, surrounding punctuation, a trailing possessive ('s, s') and a
// leading "the" removed. It is the one normalisation used for resolving
// entities within a document, linking them across documents and matching
// them against gold files.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\u2018', '\u2019', '\u02bc', '`':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	k := b.String()
	for {
		before := k
		k = strings.TrimFunc(k, isEdgePunct)
		k = strings.TrimSuffix(k, "'s")
		if strings.HasSuffix(k, "s'") {
			k = k[:len(k)-1]
		}
		k = strings.TrimPrefix(k, "the ")
		k = strings.TrimSpace(k)
		if k == before {
			return k
		}
	}
}

// isEdgePunct reports whether r is punctuation that never starts or ends a
// name: quotes, brackets, commas and the like. Periods, ampersands and a few
// other symbols are kept because they belong to names ("U.S.", "AT&T").
func isEdgePunct(r rune) bool {
	switch r {
	case '.', '&', '+', '#', '@':
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// inLower reports whether set holds strings.ToLower(w). A short ASCII word
// is lowered into a buffer on the stack, so the look-up allocates nothing.
func inLower(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return set[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}
