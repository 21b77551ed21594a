package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The word splitting of prose's tokenizer (github.com/jdkato/prose/v2,
// tokenize.go, MIT licence, copyright Joseph Kato), redone so that it
// builds no token objects: proseWords returns exactly the token texts that
// prose.NewDocument(text, WithSegmentation(false), WithTagging(false),
// WithExtraction(false)).Tokens() gives, as substrings of the text prose
// sanitises, without allocating per token. TestProseWords compares the
// two on the seed articles and on made-up texts, and FuzzProseWords on any
// text.

// proseSanitizer is prose's: curly quotes made straight, "&rsquo;" an
// apostrophe.
var proseSanitizer = strings.NewReplacer(
	"\u201c", `"`,
	"\u201d", `"`,
	"\u2018", "'",
	"\u2019", "'",
	"&rsquo;", "'")

// proseSuffixes and prosePrefixes are the characters prose splits off the
// end and the start of a word.
var (
	proseSuffixes = []string{",", ")", `"`, "]", "!", ";", ".", "?", ":", "'"}
	prosePrefixes = []string{"$", "(", `"`, "["}
)

// proseEmoticons are the words prose never splits (besides abbreviations
// such as "U.S." and "Mr.", see proseInternal).
var proseEmoticons = wordSet(`(-8 (-; (-_-) (._.) (: (= (o: (¬_¬) (ಠ_ಠ) (╯°□°）╯︵┻━┻ -__- 8-) 8-D 8D
	:( :(( :((( :() :))) :-) :-)) :-))) :-* :-/ :-X :-] :-o :-p :-x :-| :-} :0 :3 :P :] :` + "`" + `( :` + "`" + `)
	:` + "`" + `-( :o :o) =( =) =D =| @_@ O.o O_o V_V XDD [-: ^___^ o_0 o_O o_o v_v xD xDD ¯\(ツ)/¯`)

// emoticonStart tells the first bytes of proseEmoticons.
var emoticonStart = func() (starts [256]bool) {
	for e := range proseEmoticons {
		starts[e[0]] = true
	}
	return starts
}()

// proseWords appends to out the token texts prose's tokenizer finds in
// text, in order.
func proseWords(text string, out []string) []string {
	clean, white := proseSanitizer.Replace(text), false
	start, index := 0, 0
	for index <= len(clean) {
		uc, size := utf8.DecodeRuneInString(clean[index:])
		if size == 0 {
			break
		} else if index == 0 {
			white = unicode.IsSpace(uc)
		}
		if unicode.IsSpace(uc) != white {
			if start < index {
				out = proseSplit(clean[start:index], out)
			}
			if uc == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index {
		out = proseSplit(clean[start:index], out)
	}
	return out
}

// proseSplit appends the tokens of one run of text between spaces, as
// prose's doSplit cuts it: prefixes, then contractions, then suffixes are
// split off, one at a time, until nothing changes.
func proseSplit(token string, out []string) []string {
	end := len(token) // the suffixes split off are token's bytes from end on
	orig := token
	last := 0
	for token != "" && utf8.RuneCountInString(token) != last {
		if proseSpecial(token) {
			out = proseAdd(token, out)
			break
		}
		last = utf8.RuneCountInString(token)
		if proseHasAffix(token, prosePrefixes, strings.HasPrefix) {
			out = proseAdd(token[:1], out)
			token = token[1:]
		} else if idx := proseContraction(token); idx > -1 {
			out = proseAdd(token[:idx], out)
			token = token[idx:]
		} else if proseHasAffix(token, proseSuffixes, strings.HasSuffix) {
			token = token[:len(token)-1]
			end--
		} else {
			out = proseAdd(token, out)
		}
	}
	for i := end; i < len(orig); i++ {
		out = append(out, orig[i:i+1])
	}
	return out
}

// proseAdd is prose's addToken: s unless it is only white space.
func proseAdd(s string, out []string) []string {
	if strings.TrimSpace(s) != "" {
		out = append(out, s)
	}
	return out
}

// proseHasAffix is prose's hasAnyPrefix and hasAnySuffix: whether s is
// longer than one of affixes and has it (has is strings.HasPrefix or
// strings.HasSuffix).
func proseHasAffix(s string, affixes []string, has func(s, affix string) bool) bool {
	for _, a := range affixes {
		if len(s) > len(a) && has(s, a) {
			return true
		}
	}
	return false
}

// proseContraction is where prose splits a contraction off token: the
// index in strings.ToLower(token) of the first of "'ll", "'s", "'re", "'m",
// else of "n't", that it holds, when it is longer than that; or -1. A
// token in ASCII is lowered without allocating.
func proseContraction(token string) int {
	if strings.IndexByte(token, '\'') < 0 {
		return -1 // every contraction has an apostrophe, which no letter lowers to
	}
	var buf [64]byte
	lower := ""
	ascii := len(token) <= len(buf)
	for i := 0; ascii && i < len(token); i++ {
		c := token[i]
		if c >= utf8.RuneSelf {
			ascii = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	var lb []byte
	if ascii {
		lb = buf[:len(token)]
	} else {
		lower = strings.ToLower(token)
	}
	index := func(sub string) int {
		if ascii {
			return indexBytes(lb, sub)
		}
		return strings.Index(lower, sub)
	}
	n := len(token)
	if !ascii {
		n = len(lower)
	}
	for _, c := range [...]string{"'ll", "'s", "'re", "'m", "n't"} {
		if idx := index(c); idx >= 0 && n > len(c) {
			// Beyond the token only when lowering made it longer
			// (where prose's own tokenizer panics): not split.
			if idx > len(token) {
				return -1
			}
			return idx
		}
	}
	return -1
}

// indexBytes is strings.Index over a byte slice, without converting it.
func indexBytes(b []byte, sub string) int {
	for i := 0; i+len(sub) <= len(b); i++ {
		if string(b[i:i+len(sub)]) == sub {
			return i
		}
	}
	return -1
}

// proseSpecial is prose's isSpecial: an emoticon, or a word its regular
// expression `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$` matches ("U.S.",
// "Mr.").
func proseSpecial(token string) bool {
	if emoticonStart[token[0]] && proseEmoticons[token] {
		return true
	}
	isLetter := func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	if n := len(token); n >= 4 && n%2 == 0 {
		dotted := true
		for i := 0; i < n && dotted; i += 2 {
			dotted = isLetter(token[i]) && token[i+1] == '.'
		}
		if dotted {
			return true
		}
	}
	if n := len(token); (n == 3 || n == 4) && token[n-1] == '.' && 'A' <= token[0] && token[0] <= 'Z' {
		for i := 1; i < n-1; i++ {
			if token[i] < 'a' || token[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}
