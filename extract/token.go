package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract/postag"
)

var (
	posOnce  sync.Once
	posModel *postag.Model
)

// sharedPOSModel returns our part-of-speech model, decoded once.
func sharedPOSModel() *postag.Model {
	posOnce.Do(func() {
		m, err := postag.Default()
		if err != nil {
			panic("extract: embedded part-of-speech model: " + err.Error())
		}
		posModel = m
	})
	return posModel
}

// cleanText returns text with every byte that is not part of valid,
// printable UTF-8 (invalid sequences, NUL and other C0 controls apart from
// tab, newline and carriage return, DEL) and every byte order mark or
// zero-width space replaced by a space. The result has the same length and
// the same byte offsets as text, so spans found in it are spans of text too.
func cleanText(text string) string {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if blank(r, n) {
			break
		}
		i += n
	}
	if i == len(text) {
		return text
	}
	b := []byte(text)
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if blank(r, n) {
			for k := i; k < i+n; k++ {
				b[k] = ' '
			}
		}
		i += n
	}
	return string(b)
}

// blank reports whether the rune r, n bytes long, is read as white space.
func blank(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case r == 0x7f, r == 0xfeff, r == 0x200b:
		return true
	}
	return false
}

// tokenize splits text into tokens with part-of-speech tags, each aligned to
// the bytes of text. text must be valid UTF-8 (see cleanText).
func tokenize(text string) []Token {
	toks, _ := analyze(text)
	return toks
}

// analyze splits text into tokens and sentences and tags every sentence's
// tokens with their parts of speech. text must be valid UTF-8.
func analyze(text string) ([]Token, []Sentence) {
	toks := splitTokens(text)
	sents := segment(text, toks)
	m := sharedPOSModel()
	words := make([]string, 0, 64)
	for _, s := range sents {
		words = words[:0]
		for _, t := range toks[s.FirstToken:s.EndToken] {
			words = append(words, t.Text)
		}
		for i, tag := range m.Tag(words) {
			toks[s.FirstToken+i].Tag = tag
		}
	}
	return fixTags(toks), sents
}

// splitTokens cuts text into tokens (prose's tokenizer's words, see
// splitWords, then our own alignment and corrections), without tags.
func splitTokens(text string) []Token {
	wp := wordsPool.Get().(*[]string)
	words := splitWords((*wp)[:0], text)
	toks := mergeInitials(splitShortWords(splitHyphenated(alignProse(text, words))))
	clear(words) // hold no document in the pool
	*wp = words[:0]
	wordsPool.Put(wp)
	return toks
}

// wordsPool holds splitTokens's buffers of words.
var wordsPool = sync.Pool{New: func() any { return new([]string) }}

// auxiliaries make a following past tense a participle.
var auxiliaries = wordSet(`be is are was were been being am 's has have had having get got gets`)

// fixTags corrects common slips of the part-of-speech tagger: a past
// tense right after a form of "be" or "have" is a participle ("was killed",
// "has led").
//
// It also reads a relation verb between two proper nouns as a verb, not a
// noun ("Ruby shot/NN Oswald"), and a plural noun before "to" and a verb as
// a verb ("Ukraine wants/NNS to join"); and "oilman/JJ" is a noun.
func fixTags(toks []Token) []Token {
	for i := 1; i < len(toks); i++ {
		switch {
		case toks[i].Tag == "VBD" && inLower(auxiliaries, toks[i-1].Text):
			toks[i].Tag = "VBN"
		case strings.HasPrefix(toks[i].Tag, "NN") && !startsUpper(toks[i].Text) && i+1 < len(toks) &&
			toks[i-1].Tag == "NNP" && toks[i+1].Tag == "NNP":
			if verbTable[lemma(toks[i].Text, "VBD")] != nil {
				toks[i].Tag = "VBD"
			}
		case toks[i].Tag == "NNS" && i+2 < len(toks) && toks[i+1].Tag == "TO" && toks[i+2].Tag == "VB":
			toks[i].Tag = "VBZ" // "Ukraine wants to join"
		case toks[i].Tag == "JJ" && personNoun(toks[i].Text):
			toks[i].Tag = "NN" // "Texas oilman/JJ T. Boone Pickens"
		}
	}
	return toks
}

// personNoun reports whether w is a lower-case noun for a person formed
// with -man, -woman or -person ("oilman", "spokeswoman", "chairperson").
func personNoun(w string) bool {
	if !isLowerWord(w) || len(w) < 6 {
		return false
	}
	for _, suf := range []string{"man", "men", "woman", "women", "person", "people"} {
		if strings.HasSuffix(w, suf) && w != "human" && w != "german" && w != "roman" {
			return true
		}
	}
	return false
}

// mergeInitials joins a capital letter and the period right after it into
// one token, an initial ("John F. Kennedy"), as the tokenizer already does
// for "U.S."; so it does for the abbreviations it splits ("Corp.",
// "Calif.").
func mergeInitials(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// The period is tested first: most tokens have none after them,
		// and the abbreviation test lowers the word.
		if i+1 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == t.End && (isInitial(t.Text) || isMergedAbbrev(t.Text)) {
			t.Text += "."
			t.End++
			i++
		}
		out = append(out, t)
	}
	return out
}

// splitShortWords splits the period off a capitalised word of two or
// three letters that prose keeps with it as if it were an abbreviation
// ("Mr.", "Gen.") but that is none: a name ending a sentence ("met
// President Xi.", "into the Black Sea.", "said Abe."). Real abbreviations
// stay whole; those mergeInitials joins again are split here and joined
// there.
func splitShortWords(toks []Token) []Token {
	n := 0
	for _, t := range toks {
		if shortWordPeriod(t.Text) {
			n++
		}
	}
	if n == 0 {
		return toks
	}
	out := make([]Token, 0, len(toks)+n)
	for _, t := range toks {
		if !shortWordPeriod(t.Text) {
			out = append(out, t)
			continue
		}
		out = append(out, Token{Text: t.Text[:len(t.Text)-1], Start: t.Start, End: t.End - 1},
			Token{Text: ".", Start: t.End - 1, End: t.End})
	}
	return out
}

// shortWordPeriod reports whether w is a capitalised word of two or three
// letters and a period that is no abbreviation kept whole.
func shortWordPeriod(w string) bool {
	n := len(w)
	if n < 3 || n > 4 || w[n-1] != '.' || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < n-1; i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return !inLower(wholeAbbreviations, w[:n-1])
}

// wholeAbbreviations are the short abbreviations prose keeps with their
// period and dossier too: titles, days, street and reference words.
var wholeAbbreviations = wordSet(`mr ms mrs dr jr sr fr av ave rd pvt cpl esq vol fig op ed pp ph mon tue wed thu fri sat sun
	gen sen rep gov col lt sgt maj adm rev hon st mt ft inc co ltd jan feb mar apr jun jul aug sep oct nov dec no nos vs
	bros dept drs sts ste mme cie hwy sq ct ln pl tel ext est etc`)

// isInitial reports whether w is one capital letter.
func isInitial(w string) bool { return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' }

// isMergedAbbrev reports whether w is a capitalised abbreviation that
// mergeInitials joins to its period.
func isMergedAbbrev(w string) bool {
	if !startsUpper(w) {
		return false
	}
	return inLower(abbreviations, w) || inLower(stateAbbreviations, w)
}

// splitHyphenated splits a capitalised name joined by a hyphen to a
// lower-case word ("London-based", "NATO-trained", "Kremlin-backed") into
// the name, the hyphen and the word, so the name can be tagged on its own.
// Names joined to names ("Russian-Ukrainian", "Al-Qaeda") stay whole.
func splitHyphenated(toks []Token) []Token {
	split := func(t Token) int {
		h := strings.LastIndexByte(t.Text, '-')
		if h <= 0 || h+4 > len(t.Text) || !startsUpper(t.Text) || !isLowerWord(t.Text[h+1:]) {
			return -1
		}
		return h
	}
	extra := 0
	for _, t := range toks {
		if split(t) >= 0 {
			extra += 2
		}
	}
	if extra == 0 {
		return toks
	}
	n := len(toks)
	if cap(toks) < n+extra {
		toks = append(toks, make([]Token, extra)...)
	}
	toks = toks[:n+extra]
	// From the back, in place: token i goes to i plus the tokens added
	// before it, never before i.
	w := n + extra
	for i := n - 1; i >= 0; i-- {
		t := toks[i]
		h := split(t)
		if h < 0 {
			w--
			toks[w] = t
			continue
		}
		w -= 3
		toks[w] = Token{Text: t.Text[:h], Start: t.Start, End: t.Start + h}
		toks[w+1] = Token{Text: "-", Start: t.Start + h, End: t.Start + h + 1}
		toks[w+2] = Token{Text: t.Text[h+1:], Start: t.Start + h + 1, End: t.End}
	}
	return toks
}

// alignProse places prose's words in text. Tags come later (analyze).
func alignProse(text string, words []string) []Token {
	// Room for the tokens splitHyphenated adds, which it then adds in
	// place.
	toks := make([]Token, 0, len(words)+len(words)/16+8)
	align(text, len(words), func(i int) string { return words[i] }, func(_, start, end int) {
		toks = append(toks, Token{Text: text[start:end], Start: start, End: end})
	})
	return toks
}

// align finds n tokens, given by word(i), in the original text, in order, and
// calls found for each with its byte span. prose replaces curly quotes by
// straight ones and "&rsquo;" by an apostrophe before splitting, and drops
// white space, so every token is matched from the end of the previous one,
// treating those characters as equal. A token that cannot be found (which
// prose's splitting rules do not produce) is skipped rather than given a
// wrong span.
func align(text string, n int, word func(int) string, found func(i, start, end int)) {
	pos := 0
	for i := 0; i < n; i++ {
		w := word(i)
		if w == "" {
			continue
		}
		p := pos
		for p < len(text) {
			r, size := utf8.DecodeRuneInString(text[p:])
			if !unicode.IsSpace(r) {
				break
			}
			p += size
		}
		end, ok := matchToken(text, p, w)
		if !ok {
			// Search a little further, never far: a wrong span is worse
			// than a missing token.
			limit := min(len(text), p+64)
			for q := p + 1; q < limit && !ok; q++ {
				if utf8.RuneStart(text[q]) {
					if end, ok = matchToken(text, q, w); ok {
						p = q
					}
				}
			}
			if !ok {
				continue
			}
		}
		found(i, p, end)
		pos = end
	}
}

// matchToken reports whether tok occurs in text at byte p, allowing for
// prose's quote normalisation, and returns the end of the match in text.
func matchToken(text string, p int, tok string) (int, bool) {
	i := p
	for _, r := range tok {
		if i >= len(text) {
			return 0, false
		}
		t, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case t == r:
		case r == '"' && (t == '\u201c' || t == '\u201d'):
		case r == '\'' && (t == '\u2018' || t == '\u2019'):
		case r == '\'' && strings.HasPrefix(text[i:], "&rsquo;"):
			n = len("&rsquo;")
		default:
			return 0, false
		}
		i += n
	}
	return i, true
}
