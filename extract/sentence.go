package extract

import (
	"unicode"
	"unicode/utf8"
)

// abbreviations lists lowercased words that are usually followed by a period
// without ending a sentence. prose keeps short capitalised abbreviations
// ("Mr.", "Gen.", "U.S.") whole; these are the ones it splits.
var abbreviations = map[string]bool{
	"corp": true, "capt": true, "sgt": true, "lieut": true, "cmdr": true, "prof": true,
	"gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "mrs": true, "messrs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"e.g": true, "i.e": true, "etc": true, "vs": true, "approx": true, "no": true, "nos": true,
	"st": true, "mt": true, "ft": true, "inc": true, "ltd": true, "co": true, "bros": true,
	"gen": true, "col": true, "lt": true, "maj": true, "adm": true, "brig": true, "supt": true,
}

// stateAbbreviations are the US states' abbreviations of news style
// ("Dearborn, Mich."), which prose splits from their period.
var stateAbbreviations = wordSet(`ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
	neb nebr nev okla ore pa tenn tex va vt wash wis wyo n.y n.j n.h n.m n.c n.d s.c s.d r.i w.va d.c`)

// segment splits tokens into sentences. A sentence ends at a paragraph
// break; at a line break unless the line plainly continues on the next one
// (the next line starts in lowercase after a line that does not end a
// sentence); and after ".", "!" or "?" (and any closing quotes or brackets)
// when the next token starts a sentence. Single initials ("J. Smith") and the
// abbreviations above do not end a sentence. A lone carriage return is a
// line break too. A sentence longer than maxSentenceTokens tokens (text
// without sentence punctuation) is split at the best boundary within that
// budget (capSentences).
func segment(text string, toks []Token) []Sentence {
	var sents []Sentence
	first := 0
	closeAt := func(end int) {
		if end > first {
			sents = append(sents, Sentence{
				Start: toks[first].Start, End: toks[end-1].End,
				FirstToken: first, EndToken: end,
			})
		}
		first = end
	}
	for i := 0; i < len(toks); i++ {
		if i+1 == len(toks) {
			closeAt(len(toks))
			break
		}
		cur, next := toks[i], toks[i+1]
		gap := text[cur.End:next.Start]
		if nl := lineBreaks(gap); nl > 0 {
			if nl > 1 || !continuesLine(cur, next) {
				closeAt(i + 1)
			}
			continue
		}
		if !isTerminal(cur.Text) {
			continue
		}
		// Take closing quotes and brackets that follow the terminal mark.
		j := i + 1
		for j < len(toks) && isCloser(toks[j].Text) && lineBreaks(text[toks[j-1].End:toks[j].Start]) == 0 {
			j++
		}
		if j == len(toks) {
			closeAt(j)
			break
		}
		if lineBreaks(text[toks[j-1].End:toks[j].Start]) > 0 {
			// The line break after the closers ends the sentence on the
			// next round, which starts at the last closer.
			i = j - 2
			continue
		}
		if cur.Text == "." && i > first && isAbbreviation(toks[i-1].Text) && toks[i-1].End == cur.Start {
			continue
		}
		if startsSentence(toks, j) {
			closeAt(j)
			i = j - 1
		}
	}
	return capSentences(text, toks, sents)
}

// continuesLine reports whether a single line break between cur and next is
// a wrapped line inside a sentence rather than the end of one.
func continuesLine(cur, next Token) bool {
	if isTerminal(cur.Text) || isCloser(cur.Text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	if unicode.IsLower(r) {
		return true
	}
	c, _ := utf8.DecodeLastRuneInString(cur.Text)
	return c == ',' || c == '-'
}

func isTerminal(s string) bool {
	switch s {
	case ".", "!", "?", "...", "…", "?!", "!?":
		return true
	}
	return false
}

func isCloser(s string) bool {
	switch s {
	case `"`, "'", "\u201d", "\u2019", ")", "]", "»":
		return true
	}
	return false
}

// isAbbreviation reports whether the word before a period is an initial or a
// known abbreviation.
func isAbbreviation(w string) bool {
	if n := utf8.RuneCountInString(w); n == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return inLower(abbreviations, w)
}

// startsSentence reports whether toks[j] can begin a sentence: a capital
// letter, a digit, or an opening quote or bracket.
func startsSentence(toks []Token, j int) bool {
	r, _ := utf8.DecodeRuneInString(toks[j].Text)
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r):
		return true
	case r == '"' || r == '\u201c' || r == '\'' || r == '\u2018' || r == '(' || r == '[' || r == '-' || r == '\u2014':
		return true
	}
	return !unicode.IsLetter(r) && !unicode.IsPunct(r)
}
