package extract

import (
	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

// seatWords end a line of election results after a number: "Yesh Atid 19
// seats".
var seatWords = wordSet(`seats seat votes`)

// seatLines reads the lines of election results, a party's name, a number
// and "seats" or "votes" and nothing else ("Jewish Home 12 seats"): the
// name is an organisation, tagged or not, when it is one to four
// capitalised words and no place.
func (r docRules) seatLines(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	for _, s := range sents {
		n := s.EndToken - s.FirstToken
		if n < 3 || n > 6 || !seatWords[toks[s.EndToken-1].Text] || !isDigits(toks[s.EndToken-2].Text) {
			continue
		}
		first, last := s.FirstToken, s.EndToken-3
		ok := true
		for t := first; t <= last; t++ {
			ok = ok && startsUpper(toks[t].Text)
		}
		start, stop := toks[first].Start, toks[last].End
		if !ok || r.gaz.Lookup(text[start:stop]).Has(gazetteer.Place) {
			continue
		}
		found := false
		for i := range ms {
			if ms[i].Start == start && ms[i].End == stop {
				ms[i].Type, found = Organization, true
			}
		}
		if !found && !covered(start, stop) {
			ms = append(ms, Mention{Start: start, End: stop, Text: text[start:stop], Type: Organization,
				Sentence: sentenceOf(sents, start), Source: SourceDocument, Confidence: 0.6})
		}
	}
	return ms
}

// isDigits reports whether w is one to seven digits, with thousands
// separated by commas ("12", "1,204").
func isDigits(w string) bool {
	if w == "" || len(w) > 9 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && (w[i] != ',' || i == 0) {
			return false
		}
	}
	return true
}
