package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

// companyDesignators end the names of companies and nothing else, written
// as companies write them: "Ford Motor Co", "Acme Inc.", "Siemens AG".
var companyDesignators = map[string]bool{
	"Co": true, "Co.": true, "Cos": true, "Cos.": true, "Corp": true, "Corp.": true, "Inc": true, "Inc.": true,
	"Ltd": true, "Ltd.": true, "PLC": true, "Plc": true, "plc": true, "AG": true, "GmbH": true, "NV": true,
	"N.V.": true, "LLC": true, "SpA": true, "S.p.A.": true, "S.A.": true, "Bhd": true, "Berhad": true, "Pty": true,
	// plural heads that only companies' names end in
	"Properties": true, "Holdings": true, "Industries": true, "Securities": true, "Enterprises": true,
}

// jobWords are the last words of job titles that are no person's title
// before a name: a signature's "Senior Regulatory Counsel".
var jobWords = wordSet(`counsel manager officer editor engineer administrator coordinator correspondent`)

// designatedCompanies makes the capitalised words before a company
// designator one organisation with it ("settling with Ford Motor Co last
// month", where the tagger found nothing or the person "Ford"): at most
// five words of the same line, proper nouns, "&" between them, a sentence's
// opening "The" left out. Mentions inside the name give way to it; a
// mention running across its edges keeps it from being made.
func (r docRules) designatedCompanies(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	var edits []spanEdit
	var idx mentionIndex
	for d := 1; d < len(toks); d++ {
		if !companyDesignators[toks[d].Text] {
			continue
		}
		if idx.ms == nil {
			idx = sortedMentions(ms)
		}
		first := d
		for j := d - 1; j >= 0 && d-j <= 5 && toks[j+1].Start-toks[j].End <= 1 && !strings.ContainsAny(text[toks[j].End:toks[j+1].Start], "\n\r"); j-- {
			t := toks[j]
			if (t.Text == "&" || t.Text == "of") && j < d-1 && j > 0 && properNoun(toks[j-1]) {
				continue // "Procter & Gamble Co", "Bank of New York Co"
			}
			if !properNoun(t) || inLower(leadingDeterminers, t.Text) || inLower(titleModifiers, t.Text) || inLower(jobWords, t.Text) ||
				r.gaz.Word(t.Text).Has(gazetteer.PersonTitle) {
				break // "Mary Hain Senior Regulatory Counsel ISO New England Inc."
			}
			first = j
		}
		for first < d && (toks[first].Text == "&" || toks[first].Text == "of") {
			first++
		}
		if first == d {
			continue
		}
		from, to := toks[first].Start, toks[d].End
		if n := len(edits); n > 0 && edits[n-1].to == toks[d-1].End {
			edits[n-1].to = to // "BHP Pty Ltd"
			continue
		}
		inside, crossing := idx.within(from, to)
		if crossing || len(inside) == 1 && inside[0].Start == from && inside[0].End == to && inside[0].Type == Organization {
			continue
		}
		edits = append(edits, spanEdit{from: from, to: to, typ: Organization})
	}
	return applyEdits(text, toks, sents, ms, edits)
}

// newsAgencyAt reports whether tokens n and n+1 are "news agency".
func newsAgencyAt(toks []Token, n int) bool {
	return n+1 < len(toks) && strings.EqualFold(toks[n].Text, "news") && strings.EqualFold(toks[n+1].Text, "agency")
}

// newsAgencies adds the name the tagger left out right before "news
// agency" ("Itar-Tass news agency said"): one to three capitalised words,
// hyphens between them, neither a country nor a nationality.
func (r docRules) newsAgencies(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	var added []Mention
	for n := 1; n+1 < len(toks); n++ {
		if !newsAgencyAt(toks, n) {
			continue
		}
		first, words := n, 0
		for j := n - 1; j >= 0 && words < 3 && toks[j+1].Start-toks[j].End <= 1; j-- {
			w := toks[j].Text
			if w == "-" && j > 0 && toks[j].Start == toks[j-1].End && toks[j].End == toks[j+1].Start {
				continue
			}
			if !startsUpper(w) || inLower(leadingDeterminers, w) {
				break
			}
			first, words = j, words+1
		}
		if first == n || toks[first].Text == "-" {
			continue
		}
		from, to := toks[first].Start, toks[n-1].End
		name := text[from:to]
		if covered(from, to) || r.gaz.Lookup(name).Has(gazetteer.Country|gazetteer.Demonym) {
			continue
		}
		if s := sents[sentenceOf(sents, from)]; s.FirstToken == first && !allCaps(toks[first:n]) {
			// Opening a sentence any word has a capital; only a proper
			// noun or a word with capitals inside ("Itar-Tass") counts.
			if w := toks[first].Text; !properNoun(toks[first]) && strings.IndexFunc(w[1:], unicode.IsUpper) < 0 {
				continue
			}
		}
		added = append(added, Mention{Start: from, End: to, Text: name, Type: Organization,
			Sentence: sentenceOf(sents, from), Source: SourceDocument, Confidence: 0.6})
	}
	return append(ms, added...)
}

// splitCompanyPairs cuts an organisation the tagger made of two companies
// joined by "and" ("Deutsche Bank and Siemens led the index lower") into
// the two, when the gazetteer knows each side as an organisation or a
// company and not the whole.
func (r docRules) splitCompanyPairs(text string, toks []Token, ms []Mention) []Mention {
	n := len(ms)
	for i := 0; i < n; i++ {
		m := ms[i]
		if m.Type != Organization {
			continue
		}
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if first < 0 || last-first < 2 {
			continue
		}
		and := -1
		for t := first + 1; t < last; t++ {
			if toks[t].Text == "and" {
				if and >= 0 {
					and = -1
					break
				}
				and = t
			}
		}
		if and < 0 {
			continue
		}
		left, right := text[m.Start:toks[and-1].End], text[toks[and+1].Start:m.End]
		if !r.companyName(left) || !r.companyName(right) || r.companyName(m.Text) {
			continue
		}
		ms[i].End, ms[i].Text = toks[and-1].End, left
		ms = append(ms, Mention{Start: toks[and+1].Start, End: m.End, Text: right, Type: Organization,
			Sentence: m.Sentence, Source: m.Source, Confidence: m.Confidence})
	}
	return ms
}

// companyName reports whether the gazetteer knows name as a company or an
// organisation.
func (r docRules) companyName(name string) bool {
	return r.gaz.Lookup(name).Has(gazetteer.Company|gazetteer.Org) || gazetteer.RuleOrgs().Lookup(name).Has(gazetteer.Org)
}

// companyAfter reports whether the words after token last make the name
// that ends there a company's: its shares or shareholders ("Roche shares
// closed higher"; a noun, not the verb of "Smith shares the view"), its
// chairman or chief executive ("Olivetti chairman Carlo De Benedetti").
func companyAfter(toks []Token, last int) bool {
	if last+1 >= len(toks) {
		return false
	}
	next := toks[last+1]
	if len(next.Text) < 5 || next.Text[0]|0x20 != 's' && next.Text[0]|0x20 != 'c' {
		return false // most words, at once
	}
	switch strings.ToLower(next.Text) {
	case "shares", "shareholders":
		return next.Tag == "NNS" || next.Tag == "NNPS"
	case "chairman":
		return next.Text == "chairman" // "a Village Chairman" is a title
	case "chief":
		return next.Text == "chief" && last+2 < len(toks) && toks[last+2].Text == "executive"
	}
	return false
}

// possessedBusiness are what a company has and a person does not: "Wipro
// 's profit rose", "Acer 's president" is not among them (a country has
// one too), "Acer 's chairman" is.
var possessedBusiness = wordSet(`profit profits sales revenue revenues earnings subsidiary subsidiaries unit units
	shareholders chairman board`)

// whichVerbs say what a company does, after ", which": "Sinopec, which owns
// 55 percent of the company".
var whichVerbs = wordSet(`owns makes builds operates produces sells runs employs controls supplies manufactures
	publishes distributes imports exports`)

// companyHasOrDoes reports whether the words after token last make the
// name that ends there a company's by what it has or does: a possessive and what only a company has
// ("Wipro 's profit"), or ", which" and what companies do ("Sinopec ,
// which owns").
func companyHasOrDoes(toks []Token, last int) bool {
	if last+2 >= len(toks) {
		return false
	}
	switch next := toks[last+1].Text; {
	case next == "'s" || next == "’s":
		w := toks[last+2].Text
		return possessedBusiness[w] || w == "chief" && last+3 < len(toks) && toks[last+3].Text == "executive"
	case next == "," && toks[last+2].Text == "which":
		return last+3 < len(toks) && whichVerbs[toks[last+3].Text]
	}
	return false
}

// companyPairs types the names joined by "and" to an organisation as
// organisations too, in the news of companies that the tagger takes for
// people or leaves out ("Lukoil and Yukos both reported", "Mediobanca and
// Generali held talks"), and adds the untagged names before a company's
// shares or chairman ("Renault shares"), its profit or what it does
// ("Sinopec , which owns"). A name changes only when the
// tagger was unsure it was a person (below personOrgPairConfidence), it
// is one word that is no given name or a pair of words that is no
// person's name, and the gazetteer does not know it as a place or a
// nationality. An untagged name is one to three capitalised proper nouns.
func (r docRules) companyPairs(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	idx := sortedMentions(ms)
	at := make(map[int]int, len(ms)) // first and last tokens -> index in ms + 1
	for i, m := range ms {
		if f, l := tokenAt(toks, m.Start), tokenAt(toks, m.End-1); f >= 0 && l >= 0 {
			at[f], at[-l-1] = i+1, i+1
		}
	}
	retypable := func(i int) bool {
		m := ms[i]
		f, l := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if m.Type != Person || m.Confidence >= personOrgPairConfidence || f < 0 || l-f > 1 {
			return false
		}
		if f == l && r.gaz.Word(toks[f].Text).Has(gazetteer.FirstName) || r.personName(toks[f:l+1]) {
			return false
		}
		return !r.gaz.Lookup(m.Text).Has(gazetteer.Place | gazetteer.Demonym)
	}
	// untagged returns the untagged name of proper nouns that ends at
	// token last (dir < 0) or starts at token first (dir > 0).
	untagged := func(t, dir int) (from, to int, ok bool) {
		a, b := t, t
		for k := t; k >= 0 && k < len(toks) && abs(k-t) < 3 && r.companyWord(toks[k]) && !inLower(leadingDeterminers, toks[k].Text); k += dir {
			if dir < 0 {
				a = k
			} else {
				b = k
			}
			ok = true
		}
		if !ok || a > 0 && dir < 0 && properNoun(toks[a-1]) || dir > 0 && b+1 < len(toks) && properNoun(toks[b+1]) {
			return 0, 0, false
		}
		if b+1 < len(toks) && toks[b+1].Start == toks[b].End && strings.Contains("-/&", toks[b+1].Text) {
			return 0, 0, false // "Systems Engineering E-mail"
		}
		from, to = toks[a].Start, toks[b].End
		if inside, crossing := idx.within(from, to); len(inside) > 0 || crossing || allCaps(toks[a:b+1]) {
			return 0, 0, false
		}
		if c := r.gaz.Lookup(text[from:to]); c.Has(gazetteer.Place|gazetteer.Demonym|gazetteer.FirstName) && !c.Has(gazetteer.Company) ||
			a == b && (c.Has(gazetteer.PersonTitle) || r.orgSuffix(toks[a].Text) && dir < 0) {
			return 0, 0, false // "Minister for Defence"
		}
		return from, to, true
	}
	var added []Mention
	add := func(from, to int) {
		if s := sents[sentenceOf(sents, from)]; !businessSentence(toks[s.FirstToken:s.EndToken]) {
			return // "the Institute of State and Law"
		}
		added = append(added, Mention{Start: from, End: to, Text: text[from:to], Type: Organization,
			Sentence: sentenceOf(sents, from), Source: SourceDocument, Confidence: 0.6})
	}
	for t := 1; t+1 < len(toks); t++ {
		if toks[t].Text != "and" {
			continue
		}
		left, right := at[-(t-1)-1], at[t+1]
		switch {
		case left > 0 && ms[left-1].Type == Organization && right > 0 && retypable(right-1):
			ms[right-1].Type = Organization
		case right > 0 && ms[right-1].Type == Organization && left > 0 && retypable(left-1):
			ms[left-1].Type = Organization
		case left > 0 && ms[left-1].Type == Organization && right == 0:
			from, to, ok := untagged(t+1, 1)
			switch {
			case ok && to == toks[t+1].End && (r.orgSuffix(toks[t+1].Text) ||
				strings.Contains(ms[left-1].Text, " ") && !r.companyName(toks[t+1].Text)):
				// "Baltimore Gas and Electric", "Florida Power and Light":
				// one company's name
				l := &ms[left-1]
				l.End, l.Text = to, text[l.Start:to]
				at[-(t+1)-1] = left // a later "and" sees the name's new end
			case ok:
				add(from, to)
			}
		case right > 0 && ms[right-1].Type == Organization && left == 0:
			if from, to, ok := untagged(t-1, -1); ok {
				add(from, to)
			}
		}
	}
	for t := 0; t+1 < len(toks); t++ {
		if (companyAfter(toks, t) || companyHasOrDoes(toks, t)) && at[-t-1] == 0 {
			if from, to, ok := untagged(t, -1); ok {
				add(from, to)
			}
		}
	}
	return append(ms, added...)
}

// businessWords say a sentence is business news.
var businessWords = wordSet(`shares share stake stakes profit profits loss losses sales revenue revenues earnings
	merger mergers deal deals takeover bid percent pct output market markets stock stocks
	dividend company companies firm firms alliance contract contracts order orders plant plants talks investors`)

// businessSentence reports whether a word of the sentence is one of
// businessWords.
func businessSentence(toks []Token) bool {
	for _, t := range toks {
		if isLowerWord(t.Text) && businessWords[t.Text] {
			return true
		}
	}
	return false
}

// personOrgPairConfidence is the tagger confidence under which a person
// joined by "and" to an organisation is one.
const personOrgPairConfidence = 0.6

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// companyWord reports whether t can be a word of a company's name: a
// proper noun, or a capitalised word the gazetteer knows from companies'
// names ("Renault", which opens a sentence as a common noun would).
func (r docRules) companyWord(t Token) bool {
	return properNoun(t) || startsUpper(t.Text) && r.gaz.Word(t.Text).Has(gazetteer.Company)
}

// particleNames extends an organisation over a Romance particle and the
// capitalised words after it, a place's name among them or none
// ("Telefonica de Argentina", "Banco do Brasil"): one to three words, no
// person among them, and an organisation only after a head word.
func (r docRules) particleNames(text string, toks []Token, ms []Mention) []Mention {
	idx := sortedMentions(ms)
	drop := map[[2]int]bool{}
	for i := range ms {
		m := &ms[i]
		last := tokenAt(toks, m.End-1)
		if m.Type != Organization || last < 0 || last+2 >= len(toks) || !romanceParticles[toks[last+1].Text] ||
			toks[last+1].Start != m.End+1 {
			continue
		}
		end := last + 2
		for end < len(toks) && end-last-2 < 3 && startsUpper(toks[end].Text) && toks[end].Start == toks[end-1].End+1 {
			end++
		}
		if end == last+2 || end < len(toks) && startsUpper(toks[end].Text) && toks[end].Start == toks[end-1].End+1 {
			continue
		}
		from, to := toks[last+2].Start, toks[end-1].End
		inside, crossing := idx.within(from, to)
		// After a head word ("Banco") the name may have been
		// found as an organisation of its own ("Brasil").
		head := r.orgSuffix(toks[last].Text)
		ok := !crossing
		for _, in := range inside {
			ok = ok && (in.Type == Location || head && in.Type == Organization)
		}
		if !ok {
			continue
		}
		for _, in := range inside {
			drop[[2]int{in.Start, in.End}] = true
		}
		m.End, m.Text = to, text[m.Start:to]
	}
	if len(drop) == 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if !drop[[2]int{m.Start, m.End}] || m.Type == Person {
			out = append(out, m)
		}
	}
	return out
}

// hyphenTailWords follow a name and a hyphen in English compounds, not in
// a name: "Clinton-led", "Kyiv-based".
var hyphenTailWords = wordSet(`led born based backed style era type like made run owned free wide appointed
	era linked allied friendly controlled funded held installed sponsored supported`)

// hyphenTails extends a person's name of two words or more over a hyphen
// and the lower-case syllable after it, which the tokenizer split off:
// "Han Sung" - "joo", "Kim Dae" - "jung". English compounds stay apart
// ("the Hillary Clinton-led campaign").
func hyphenTails(text string, toks []Token, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if m.Type != Person || first < 0 || last <= first || last+2 >= len(toks) || !startsUpper(toks[last].Text) {
			continue
		}
		h, tail := toks[last+1], toks[last+2]
		if h.Text != "-" || h.Start != m.End || tail.Start != h.End || !isLowerWord(tail.Text) ||
			len(tail.Text) > 6 || hyphenTailWords[tail.Text] {
			continue
		}
		if last+3 < len(toks) && toks[last+3].Start == tail.End && toks[last+3].Text == "-" {
			continue // "Sung-joo-style"
		}
		m.End, m.Text = tail.End, text[m.Start:tail.End]
	}
}

// bodyHeads end the names of public bodies, parties and armed forces,
// not those of works, shows or leagues ("Property Brothers", "Act of
// Union").
var bodyHeads = wordSet(`commission committee council ministry party police constabulary agency authority federation
	association court tribunal institute department office directorate bureau army navy command front movement
	coalition assembly parliament corporation`)

// suffixNames adds the names the tagger left out that end in a public
// body's head word, after "the": two to six capitalised words ("the Royal
// Ulster Constabulary", "The Election Commission in Islamabad"), "of",
// "for" and "and" between them, the whole run of capitalised words (a
// headline in title case runs on: "Election Commission Sets Date"), not
// in a line in capitals, and no mention over any of it; the owner of a
// possessive before it joins it ("Moody 's Investors Service").
func (r docRules) suffixNames(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	var edits []spanEdit
	for _, s := range sents {
		line := toks[s.FirstToken:s.EndToken]
		if len(line) == 0 || allCaps(line) {
			continue
		}
		for a := 0; a < len(line); {
			if !startsUpper(line[a].Text) || inLower(leadingDeterminers, line[a].Text) {
				a++
				continue
			}
			b := a // the run is line[a:b+1]
			for b+1 < len(line) && line[b+1].Start <= line[b].End+1 {
				n := line[b+1]
				if startsUpper(n.Text) && !inLower(leadingDeterminers, n.Text) {
					b++
					continue
				}
				if (n.Text == "of" || n.Text == "for" || n.Text == "and") && b+2 < len(line) && startsUpper(line[b+2].Text) &&
					!inLower(leadingDeterminers, line[b+2].Text) && line[b+2].Start <= n.End+1 {
					b += 2
					continue
				}
				break
			}
			words := b - a + 1
			// A heading in title case ("Poor Service", "GREAT Store
			// GREAT Service !") is no name.
			heading := a == 0 && (b == len(line)-1 || b == len(line)-2 && !hasLetterOrDigit(line, b+1, b+2))
			the := a > 0 && strings.EqualFold(line[a-1].Text, "the")
			owned := a >= 2 && (line[a-1].Text == "'s" || line[a-1].Text == "’s") && line[a-1].Start <= line[a-2].End+1 &&
				startsUpper(line[a-2].Text) && !r.gaz.Lookup(line[a-2].Text).Has(gazetteer.Place)
			head := the && inLower(bodyHeads, line[b].Text) || owned && r.orgSuffix(line[b].Text)
			if words >= 2 && words <= 6 && !heading && head && properNoun(line[b]) && !covered(line[a].Start, line[b].End) {
				from, to := line[a].Start, line[b].End
				if owned {
					from = line[a-2].Start // "Moody 's Investors Service"
				}
				if !r.gaz.Lookup(text[line[a].Start:to]).Has(gazetteer.Place) {
					edits = append(edits, spanEdit{from: from, to: to, typ: Organization})
				}
			}
			a = b + 1
		}
	}
	return applyEdits(text, toks, sents, ms, edits)
}

// basedNames tags the untagged name right after a place and "-based",
// which names what is based there: an organisation ("the Paris-based
// Reporters Without Borders", "the New York-based Committee to Protect
// Journalists"). The name is capitalised words, joined by small words
// (basedLinks; not "and": "the Seattle-based Amazon and Microsoft") that a
// capitalised word follows; not a person's name or title, not a place.
func (r docRules) basedNames(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	for t := 0; t+1 < len(toks); t++ {
		w := toks[t].Text
		based := len(w) > 6 && strings.HasSuffix(strings.ToLower(w), "-based") ||
			t >= 1 && strings.EqualFold(w, "based") && toks[t-1].Text == "-" && toks[t-1].End == toks[t].Start
		if !based {
			continue
		}
		first, end := t+1, t+1
		for k := first; k < len(toks) && k < first+8; k++ {
			if lw := toks[k].Text; startsUpper(lw) && !isCapsWord(lw) || isCapsWord(lw) && k > first {
				end = k + 1
				continue
			}
			if k > first && basedLinks[toks[k].Text] && k+1 < len(toks) && startsUpper(toks[k+1].Text) {
				continue
			}
			break
		}
		if end == first {
			continue
		}
		start, stop := toks[first].Start, toks[end-1].End
		c := r.gaz.Lookup(text[start:stop])
		if covered(start, stop) || c.Has(gazetteer.Place|gazetteer.Demonym|gazetteer.PersonTitle) ||
			r.gaz.Word(toks[first].Text).Has(gazetteer.PersonTitle) || r.personName(toks[first:end]) {
			continue
		}
		ms = append(ms, Mention{Start: start, End: stop, Text: text[start:stop], Type: Organization,
			Sentence: sentenceOf(sents, start), Source: SourceDocument, Confidence: 0.6})
	}
	return ms
}

// basedLinks may join the words of a name after "-based".
var basedLinks = wordSet(`of for to the de in on`)

// companiesOfCountries joins a company the tagger ended at its designator
// and the country after "of" into one name ("the Peanut Corporation of
// America", "Aluminum Company of America", "Ford Motor Co. of Canada"):
// a company's branch in a country is named so. A town stays apart ("Ford
// Motor Co. of Dearborn", splitCompanyPlace).
func (r docRules) companiesOfCountries(text string, toks []Token, ms []Mention) []Mention {
	byStart := make(map[int]int, len(ms)) // first token -> index in ms + 1
	for i, m := range ms {
		if t := tokenAt(toks, m.Start); t >= 0 {
			byStart[t] = i + 1
		}
	}
	for i := range ms {
		m := &ms[i]
		last := tokenAt(toks, m.End-1)
		if m.Type != Organization || last < 0 || last+2 >= len(toks) || !inLower(companySuffixes, toks[last].Text) ||
			toks[last+1].Text != "of" {
			continue
		}
		j := byStart[last+2] - 1
		if j < 0 || ms[j].Type != Location || !r.gaz.Lookup(ms[j].Text).Has(gazetteer.Country) {
			continue
		}
		if l := tokenAt(toks, ms[j].End-1); l+1 < len(toks) && startsUpper(toks[l+1].Text) {
			continue
		}
		m.End, m.Text = ms[j].End, text[m.Start:ms[j].End]
		ms[j].End = ms[j].Start // dropped below
	}
	return dropEmpty(ms)
}

// possessiveVerbs, after a name and "'s", show that the "'s" is part of a
// company's name, not a possessive ("Moody 's said", "Sainsbury 's
// reported"): a possessive is followed by what is owned.
var possessiveVerbs = wordSet(`said says reported reports posted cut cuts raised raises lowered downgraded upgraded
	rated announced`)

// possessiveNames makes a one-word name and the "'s" after it one
// organisation when a verb follows ("Moody 's said it might lower the
// rating"): the name the tagger found (a person only when it was unsure,
// below surePersonConfidence, and not a given name) or an untagged proper
// noun.
func (r docRules) possessiveNames(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	at := make(map[int]int, len(ms)) // first token of a one-token mention -> index in ms + 1
	covered := coverage(ms)
	for i, m := range ms {
		if f, l := tokenAt(toks, m.Start), tokenAt(toks, m.End-1); f >= 0 && f == l {
			at[f] = i + 1
		}
	}
	for t := 0; t+2 < len(toks); t++ {
		w := toks[t]
		if p := toks[t+2].Text; (toks[t+1].Text != "'s" && toks[t+1].Text != "’s") || !possessiveVerbs[p] ||
			!startsUpper(w.Text) || isCapsWord(w.Text) || r.gaz.Word(w.Text).Has(gazetteer.FirstName|gazetteer.Place|gazetteer.Demonym) {
			continue
		}
		end := toks[t+1].End
		if i := at[t] - 1; i >= 0 {
			m := &ms[i]
			if m.Type == Location || m.Type == Person && m.Confidence >= surePersonConfidence {
				continue
			}
			m.End, m.Text, m.Type = end, text[m.Start:end], Organization
			continue
		}
		if properNoun(w) && !covered(w.Start, end) {
			ms = append(ms, Mention{Start: w.Start, End: end, Text: text[w.Start:end], Type: Organization,
				Sentence: sentenceOf(sents, w.Start), Source: SourceDocument, Confidence: 0.6})
		}
	}
	return ms
}

// partNouns name a company's part, and the name after them is that part:
// "its insurance arm Eagle Star", "the subsidiary Nissan Mexicana".
var partNouns = wordSet(`unit subsidiary arm division affiliate`)

// companyParts tags the untagged name of one to three capitalised proper
// nouns right after a noun of partNouns as an organisation, when a
// determiner ("its", "the", "a") comes at most two words before the noun
// ("its insurance arm Eagle Star").
func (r docRules) companyParts(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	for t := 1; t+1 < len(toks); t++ {
		if !partNouns[toks[t].Text] || !properNoun(toks[t+1]) || isCapsWord(toks[t+1].Text) && len(toks[t+1].Text) > 5 {
			continue
		}
		det := false
		for k := t - 1; k >= 0 && k >= t-3; k-- {
			if inLower(leadingDeterminers, toks[k].Text) {
				det = true
				break
			}
			if !isLowerWord(toks[k].Text) {
				break
			}
		}
		end := t + 1
		for end < len(toks) && end < t+4 && properNoun(toks[end]) {
			end++
		}
		if !det || end < len(toks) && startsUpper(toks[end].Text) {
			continue
		}
		start, stop := toks[t+1].Start, toks[end-1].End
		if covered(start, stop) || r.gaz.Lookup(text[start:stop]).Has(gazetteer.Place|gazetteer.Demonym|gazetteer.PersonTitle) ||
			r.personName(toks[t+1:end]) {
			continue
		}
		ms = append(ms, Mention{Start: start, End: stop, Text: text[start:stop], Type: Organization,
			Sentence: sentenceOf(sents, start), Source: SourceDocument, Confidence: 0.6})
	}
	return ms
}

// unitsOf types a name followed by ", a unit of" and an organisation (at
// most two words between "a" and "unit") an organisation too: "AEG
// Daimler-Benz Industrie , a unit of Daimler-Benz AG". A park's "unit of
// the Tongass National Forest" stays a place: the owner must be an
// organisation.
func (r docRules) unitsOf(toks []Token, ms []Mention) {
	starts := mentionStarts(toks, ms)
	for i := range ms {
		m := &ms[i]
		last := tokenAt(toks, m.End-1)
		if m.Type == Organization || last < 0 || last+4 >= len(toks) || toks[last+1].Text != "," || !inLower(leadingDeterminers, toks[last+2].Text) {
			continue
		}
		t := last + 3
		for t < len(toks) && t < last+5 && toks[t].Text != "unit" && isLowerWord(toks[t].Text) {
			t++
		}
		if t+2 >= len(toks) || toks[t].Text != "unit" || toks[t+1].Text != "of" {
			continue
		}
		o := t + 2
		if inLower(leadingDeterminers, toks[o].Text) {
			o++
		}
		if j := starts[o] - 1; j >= 0 && ms[j].Type == Organization {
			m.Type = Organization
		}
	}
}
