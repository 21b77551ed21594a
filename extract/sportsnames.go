package extract

import (
	"strings"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

// teamWords, after a name, make it a team's: "his Williams team mate",
// "the Mapei team".
var teamWords = wordSet(`team teammate team-mate teams`)

// sportsTeamWords name a team in a sentence of sports news: "a Bolton
// side", "the Juventus squad" ("the Russian side" of talks is no team).
var sportsTeamWords = wordSet(`side squad`)

// teamNames types the name before a team word an organisation: a town the
// tagger took for a place or a person it was unsure of ("Williams team
// mate Jacques Villeneuve"), or an untagged proper noun after a determiner
// ("the Mapei team"); "side" and "squad" do so in a sentence with a sports
// word. A country stays a place, as national teams do. It returns the
// indexes of the mentions it retyped, which vote as clubs.
func (r docRules) teamNames(text string, toks []Token, sents []Sentence, ms []Mention) ([]Mention, map[int]bool) {
	teams := make(map[int]bool)        // the mentions retyped, by index
	ends := make(map[int]int, len(ms)) // last token -> index in ms + 1
	covered := coverage(ms)
	for i, m := range ms {
		if l := tokenAt(toks, m.End-1); l >= 0 {
			ends[l] = i + 1
		}
	}
	var sentOf []int // token -> sentence, for the sports words of "side" and "squad"
	for t := 1; t < len(toks); t++ {
		if !teamWords[toks[t].Text] {
			if !sportsTeamWords[toks[t].Text] {
				continue
			}
			if sentOf == nil {
				sentOf = make([]int, len(toks))
				for si, s := range sents {
					for k := s.FirstToken; k < s.EndToken; k++ {
						sentOf[k] = si
					}
				}
			}
			if !sportsWordsBesides(toks, sents[sentOf[t]], t) {
				continue
			}
		}
		if i := ends[t-1] - 1; i >= 0 {
			m := &ms[i]
			c := r.gaz.Lookup(m.Text)
			if c.Has(gazetteer.Country|gazetteer.Demonym) || m.Type == Organization ||
				m.Type == Person && m.Confidence >= surePersonConfidence {
				continue
			}
			if f := tokenAt(toks, m.Start); f >= 0 && m.Type == Person && r.personName(toks[f:t]) {
				continue
			}
			m.Type = Organization
			teams[i] = true
			continue
		}
		w := toks[t-1]
		if t < 2 || !inLower(leadingDeterminers, toks[t-2].Text) || !properNoun(w) || covered(w.Start, w.End) ||
			r.gaz.Word(w.Text).Has(gazetteer.Country|gazetteer.Demonym|gazetteer.FirstName|gazetteer.PersonTitle) {
			continue
		}
		ms = append(ms, Mention{Start: w.Start, End: w.End, Text: w.Text, Type: Organization,
			Sentence: sentenceOf(sents, w.Start), Source: SourceDocument, Confidence: 0.6})
	}
	return ms, teams
}

// dropTours removes the place in the name of a race ("the Tour of Spain",
// "TOUR OF SPAIN"), which is an event, not the place.
func (r docRules) dropTours(toks []Token, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if f := tokenAt(toks, m.Start); m.Type == Location && f >= 2 && strings.EqualFold(toks[f-1].Text, "of") &&
			(toks[f-2].Text == "Tour" || toks[f-2].Text == "TOUR") {
			continue
		}
		out = append(out, m)
	}
	return out
}

// clubTowns makes a town an organisation in a sentence with a sports verb
// or another word of sports reports when the document names a club after
// it, the town and a plural nickname ("Pippen added 22 points for Chicago"
// beside "the Chicago Bulls"), unless a preposition of place comes before
// it ("won 101-99 in Denver", "a team awarded to Cleveland").
func (r docRules) clubTowns(toks []Token, sents []Sentence, ms []Mention) {
	towns := make(map[string]bool) // "Chicago" of "Chicago Bulls"
	for _, m := range ms {
		k := strings.LastIndexByte(m.Text, ' ')
		if m.Type != Organization || k <= 0 {
			continue
		}
		town, last := m.Text[:k], m.Text[k+1:]
		// A club's nickname is a plural: "Bulls", "Knicks", "Rangers".
		if c := r.gaz.Lookup(town); c.Has(gazetteer.City) && !c.Has(gazetteer.Country) && startsUpper(last) && !r.orgSuffix(last) &&
			len(last) > 3 && last[len(last)-1] == 's' && !isCapsWord(last) {
			towns[town] = true
		}
	}
	if len(towns) == 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.Type != Location || !towns[m.Text] || m.Sentence < 0 || m.Sentence >= len(sents) || !sportsWordsIn(toks, sents[m.Sentence]) {
			continue
		}
		if f := tokenAt(toks, m.Start); f > 0 && (inLower(townPrepositions, toks[f-1].Text) || inLower(clubTownPreps, toks[f-1].Text)) {
			continue
		}
		m.Type = Organization
	}
}

// datelinePlace reports whether m is the place of a dateline: in capitals,
// followed by a date, or by a comma and a date within the next four words
// ("CHICAGO 1996-11-06", "SUZUKA , Japan 1996-10-13").
func datelinePlace(toks []Token, m Mention) bool {
	if m.Source == SourceDateline {
		return true
	}
	last := tokenAt(toks, m.End-1)
	if last < 0 || last+1 >= len(toks) || !allCaps(toks[tokenAt(toks, m.Start):last+1]) {
		return false
	}
	if isDate(toks[last+1].Text) {
		return true
	}
	if toks[last+1].Text != "," {
		return false
	}
	for k := last + 2; k < len(toks) && k <= last+5; k++ {
		if isDate(toks[k].Text) {
			return true
		}
	}
	return false
}

// sportsWordsIn reports whether s has a sports verb or another word of
// sports reports (sportsSentence without its numbers).
func sportsWordsIn(toks []Token, s Sentence) bool {
	return sportsWordsBesides(toks, s, -1)
}

// sportsWordsBesides is sportsWordsIn with token skip left out: "side"
// itself does not make "the Moscow side said" sports news.
func sportsWordsBesides(toks []Token, s Sentence, skip int) bool {
	for t := s.FirstToken; t < s.EndToken; t++ {
		if w := toks[t].Text; t != skip && (inLower(sportsVerbs, w) || inLower(sportsWords, w) || w == "points") {
			return true
		}
	}
	return false
}

// clubTownPreps, besides townPrepositions, put a town after them as a
// place in sports news: "moved to Cleveland", "played at Denver".
var clubTownPreps = wordSet(`to at into`)

// pluralVerbs after a singular name make it a team's or a company's, as
// British news writes of them: "Juventus have signed", "Parma are".
var pluralVerbs = wordSet(`have are were`)

// pluralSubjects types a name the tagger took for a person an
// organisation when "have", "are" or "were" follows it ("Juventus have
// signed Italy defender Luigi Apolloni"): a person takes "has", "is",
// "was". The name must open its sentence ("Students like Rai have", "his
// wife Julia have" are left alone) and be no plural ("The Rockefellers
// are"), no person's first name and surname, and the tagger unsure; a
// town before those verbs in sports news is its club, a country stays a
// place ("Italy have won").
func (r docRules) pluralSubjects(toks []Token, sents []Sentence, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		f, l := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if f < 0 || l < 0 || l+1 >= len(toks) || l-f > 1 || !pluralVerbs[toks[l+1].Text] || isCapsWord(toks[f].Text) {
			continue
		}
		// The subject opens its sentence, a name of one (not the
		// Rockefellers: NNPS).
		if m.Sentence < 0 || m.Sentence >= len(sents) || f != sents[m.Sentence].FirstToken || toks[l].Tag == "NNPS" {
			continue
		}
		if l+2 < len(toks) && toks[l+2].Text == "," {
			continue // "Smith were , he said ..."
		}
		switch m.Type {
		case Person:
			if m.Confidence < surePersonConfidence && !r.personName(toks[f:l+1]) {
				m.Type = Organization
			}
		case Location:
			if r.townName(m.Text) && m.Sentence >= 0 && m.Sentence < len(sents) && sportsWordsIn(toks, sents[m.Sentence]) {
				m.Type = Organization
			}
		}
	}
}

// clubTails end clubs' names after a town and stand for the club alone in
// a report: "City" for "Manchester City", "United", "Villa", "Forest".
var clubTails = wordSet(`city united rovers athletic wanderers albion hotspur villa forest palace county town`)

// clubTailNames tags the last word of a club named by a town and a word of
// clubTails when it stands alone in a sentence with a sports word and the
// document has one such club ending in it ("missing City's two previous
// matches" after "Manchester City"): not after or before another
// capitalised word ("Mexico City"), not before "of" ("the City of
// London").
func (r docRules) clubTailNames(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	clubs := make(map[string]int) // tail -> number of clubs ending in it
	seen := make(map[string]bool)
	for _, m := range ms {
		k := strings.LastIndexByte(m.Text, ' ')
		if m.Type != Organization || k <= 0 || !startsUpper(m.Text[k+1:]) || !inLower(clubTails, m.Text[k+1:]) {
			continue
		}
		if c := r.gaz.Lookup(m.Text[:k]); c.Has(gazetteer.City|gazetteer.Region) && !c.Has(gazetteer.Country) && !seen[m.Text] {
			seen[m.Text] = true
			clubs[m.Text[k+1:]]++
		}
	}
	if len(clubs) == 0 {
		return ms
	}
	covered := coverage(ms)
	for _, s := range sents {
		if !sportsWordsIn(toks, s) {
			continue
		}
		for t := s.FirstToken; t < s.EndToken; t++ {
			w := toks[t]
			if clubs[w.Text] != 1 || covered(w.Start, w.End) || t > s.FirstToken && startsUpper(toks[t-1].Text) ||
				t+1 < s.EndToken && (startsUpper(toks[t+1].Text) || toks[t+1].Text == "of") {
				continue
			}
			ms = append(ms, Mention{Start: w.Start, End: w.End, Text: w.Text, Type: Organization,
				Sentence: sentenceOf(sents, w.Start), Source: SourceDocument, Confidence: 0.6})
		}
	}
	return ms
}

// clubSuffixNames types a town's name and a word of clubTails an
// organisation in a sentence with a sports word ("against Stoke City",
// "Notts County"), unless the gazetteer knows the whole name as a place
// ("New York City") or a preposition of place comes before it: in sports
// news these are clubs.
func (r docRules) clubSuffixNames(toks []Token, sents []Sentence, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		k := strings.LastIndexByte(m.Text, ' ')
		if m.Type == Organization || k <= 0 || !startsUpper(m.Text[k+1:]) || !inLower(clubTails, m.Text[k+1:]) ||
			m.Sentence < 0 || m.Sentence >= len(sents) || !sportsWordsIn(toks, sents[m.Sentence]) {
			continue
		}
		if c := r.gaz.Lookup(m.Text[:k]); !c.Has(gazetteer.City|gazetteer.Region) || c.Has(gazetteer.Country) ||
			r.gaz.Lookup(m.Text).Has(gazetteer.Place) {
			continue // "New York City" is a city's own name
		}
		if f := tokenAt(toks, m.Start); f > 0 && (inLower(townPrepositions, toks[f-1].Text) || inLower(clubTownPreps, toks[f-1].Text)) {
			continue
		}
		m.Type = Organization
	}
}
