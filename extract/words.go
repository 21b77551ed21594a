package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitWords appends to out the words of text exactly as prose's
// tokenizer (github.com/jdkato/prose/v2, iterTokenizer) gives them, in
// order, and returns it: text with curly quotes and "&rsquo;" made
// straight, cut at every change between white space and the rest, each
// run of non-space cut further by prose's rules (leading "$ ( \" [",
// contractions, "n't", trailing punctuation; abbreviations such as "U.S."
// and "Mr." and a list of emoticons kept whole).
//
// It is a reimplementation of that algorithm, step for step, that
// allocates nothing per word: the words are substrings of text (or, when
// a quote was replaced, of the replaced text). Its test compares it with
// prose on every text the tests have.
func splitWords(out []string, text string) []string {
	clean := straightQuotes(text)
	start, white := 0, false
	for i := 0; i < len(clean); {
		c := clean[i]
		size, space := 1, false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(clean[i:])
			space = unicode.IsSpace(r)
		}
		if i == 0 {
			white = space
		}
		if space != white {
			if start < i && !white {
				out = splitRun(out, clean[start:i])
			}
			// prose drops a first space from the run it starts; runs
			// of white space give no words either way.
			start = i
			white = !white
		}
		i += size
	}
	if start < len(clean) && !white {
		out = splitRun(out, clean[start:])
	}
	return out
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// straightQuotes returns text as prose's sanitizer leaves it, a
// strings.Replacer of “ and ” by ", ‘ and ’ by ' and "&rsquo;" by ', and
// text itself (no copy) when it has nothing to replace. No two of these
// overlap, so replacing each where it is found, from left to right, is
// what the Replacer does.
func straightQuotes(text string) string {
	var b strings.Builder
	done := 0 // text[:done] is in b
	for i := 0; i < len(text); i++ {
		n, with := 0, byte(0)
		switch text[i] {
		case 0xe2:
			if i+2 < len(text) && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0x9c, 0x9d:
					n, with = 3, '"'
				case 0x98, 0x99:
					n, with = 3, '\''
				}
			}
		case '&':
			if strings.HasPrefix(text[i:], "&rsquo;") {
				n, with = len("&rsquo;"), '\''
			}
		}
		if n == 0 {
			continue
		}
		if done == 0 {
			b.Grow(len(text))
		}
		b.WriteString(text[done:i])
		b.WriteByte(with)
		done = i + n
		i += n - 1
	}
	if done == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// splitRun is prose's doSplit for one run of characters that are not
// white space: it appends the run's words to out.
func splitRun(out []string, run string) []string {
	// token is run[a:b]; the trailing punctuation cut off is run[b:],
	// one word per byte (every such character is ASCII), after the rest.
	a, b := 0, len(run)
	last := 0
	for a < b {
		token := run[a:b]
		count := utf8.RuneCountInString(token)
		if count == last {
			break
		}
		if specialWord(token) {
			out = append(out, token)
			break
		}
		last = count
		if len(token) > 1 && isPrefixByte(token[0]) {
			out = append(out, token[:1])
			a++
		} else if idx := contractionIndex(token); idx > -1 {
			if idx > 0 {
				out = append(out, token[:idx])
			}
			a += idx
		} else if len(token) > 1 && isSuffixByte(token[len(token)-1]) {
			b--
		} else {
			out = append(out, token)
		}
	}
	for i := b; i < len(run); i++ {
		out = append(out, run[i:i+1])
	}
	return out
}

func isPrefixByte(c byte) bool { return c == '$' || c == '(' || c == '"' || c == '[' }

func isSuffixByte(c byte) bool {
	switch c {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		return true
	}
	return false
}

// contractionIndex is where prose cuts token before a contraction: the
// first of "'ll", "'s", "'re", "'m" (in that order of preference) found
// in the lower-cased token, else "n't", provided the token is longer than
// it; -1 if none. As in prose, the index is one into the lower-cased
// token.
func contractionIndex(token string) int {
	ascii := true
	quote := false
	for i := 0; i < len(token); i++ {
		switch c := token[i]; {
		case c >= utf8.RuneSelf:
			ascii = false
		case c == '\'':
			quote = true
		}
	}
	if !ascii {
		lower := strings.ToLower(token)
		for _, suf := range [...]string{"'ll", "'s", "'re", "'m", "n't"} {
			if idx := strings.Index(lower, suf); idx >= 0 && len(lower) > len(suf) {
				if idx > len(token) {
					// Lower-casing made the word longer ("ȺȺȺ's"):
					// prose cuts out of range here and panics; we do
					// not cut.
					return -1
				}
				return idx
			}
		}
		return -1
	}
	if !quote {
		return -1
	}
	for _, suf := range [...]string{"'ll", "'s", "'re", "'m", "n't"} {
		if len(token) > len(suf) {
			if idx := indexFold(token, suf); idx >= 0 {
				return idx
			}
		}
	}
	return -1
}

// indexFold is strings.Index(strings.ToLower(s), sub) for ASCII s and a
// lower-case ASCII sub.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerASCII(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// specialWord is prose's isSpecial: one of its emoticons, or a word of
// `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$` ("U.S.", "e.g.", "Mr.",
// "Gen.").
func specialWord(w string) bool {
	n := len(w)
	if n >= 4 && n%2 == 0 {
		ok := true
		for i := 0; i < n; i += 2 {
			if !isASCIILetter(w[i]) || w[i+1] != '.' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if (n == 3 || n == 4) && 'A' <= w[0] && w[0] <= 'Z' && w[n-1] == '.' {
		ok := true
		for i := 1; i < n-1; i++ {
			if w[i] < 'a' || w[i] > 'z' {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return emoticonStart[w[0]] && proseEmoticons[w]
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// proseEmoticons are the emoticons prose's tokenizer keeps whole (its
// list, from github.com/jdkato/prose/v2, MIT licence).
var proseEmoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true,
	"(o:": true, "(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true,
	"8-)": true, "8-D": true, "8D": true, ":(": true, ":((": true, ":(((": true,
	":()": true, ":)))": true, ":-)": true, ":-))": true, ":-)))": true, ":-*": true,
	":-/": true, ":-X": true, ":-]": true, ":-o": true, ":-p": true, ":-x": true,
	":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true,
	"V_V": true, "XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true,
	"o_o": true, "v_v": true, "xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}

// emoticonStart marks the first bytes of proseEmoticons.
var emoticonStart = func() (t [256]bool) {
	for e := range proseEmoticons {
		t[e[0]] = true
	}
	return t
}()
