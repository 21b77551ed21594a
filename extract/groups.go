package extract

import (
	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

// membersOf tags the untagged name of one to three capitalised proper
// nouns after "fighters of", "militants of", "rebels of" or "members of"
// as their organisation ("Islamist fighters of Ansar Dine"), unless the
// gazetteer knows it as a place or a nationality.
func (r docRules) membersOf(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	for t := 2; t < len(toks); t++ {
		if toks[t-1].Text != "of" || !armedMembers[toks[t-2].Text] && toks[t-2].Text != "members" || !properNoun(toks[t]) {
			continue
		}
		end := t
		for end < len(toks) && end < t+3 && properNoun(toks[end]) {
			end++
		}
		if end < len(toks) && startsUpper(toks[end].Text) {
			continue
		}
		start, stop := toks[t].Start, toks[end-1].End
		if covered(start, stop) || r.gaz.Lookup(text[start:stop]).Has(gazetteer.Place|gazetteer.Demonym|gazetteer.PersonTitle) ||
			r.personName(toks[t:end]) {
			continue
		}
		ms = append(ms, Mention{Start: start, End: stop, Text: text[start:stop], Type: Organization,
			Sentence: sentenceOf(sents, start), Source: SourceDocument, Confidence: 0.6})
	}
	return ms
}
