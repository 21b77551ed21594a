package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

// Sources of mentions found by the document-level rules rather than the
// tagger.
const (
	SourceAcronym   = "rule:acronym"    // an acronym defined in the text: "Russian Volunteer Corps (RDK)"
	SourceDocument  = "rule:document"   // another occurrence of a name tagged elsewhere in the document
	SourceCountry   = "rule:country"    // a country name written in lower case
	SourceGazetteer = "rule:gazetteer"  // a well-known organisation or country the tagger missed
	SourceDateline  = "rule:dateline"   // the place of a dateline: "AL-AIN , United Arab Emirates 1996-12-06"
	SourceCityState = "rule:city-state" // a town and its state's abbreviation: "Peoria, Ill."
	SourceOpening   = "rule:opening"    // a name opening a sentence before its apposition: "Irpin, a suburb of Kyiv"
)

// docRules are the rules the tagger cannot learn from little data, applied
// to the tagger's mentions of a whole document. They return the mentions
// to keep and add, sorted by start, and pairs of names (acronym, long form)
// that name one entity.
type docRules struct {
	gaz *gazetteer.Gazetteer
}

// apply runs the rules in order: drop nationality adjectives, type names by
// their head words, find acronym definitions, tag lower-case country names,
// then tag the other occurrences of every name found.
func (r docRules) apply(text string, toks []Token, sents []Sentence, ms []Mention, gm *sentenceMatches) ([]Mention, [][2]string) {
	ms = r.splitPossessives(text, toks, ms)
	ms = r.dropDemonyms(ms)
	ms = r.dropEvents(toks, ms)
	ms = r.dropTours(toks, ms)
	r.trimPlaces(text, toks, ms)
	r.trimTitleWords(text, toks, ms)
	r.typeKnownOrgs(ms)
	r.typeKnownPersonOrgs(ms)
	r.typeKnownPlaces(toks, sents, ms)
	r.typeByCueNoun(toks, ms)
	r.typeByApposition(toks, ms)
	r.unitsOf(toks, ms)
	r.typeByContext(toks, ms)
	r.typeByBusinessCue(toks, ms)
	r.typeListedPlaces(toks, ms)
	ms = r.splitCompanyPlace(text, toks, ms)
	ms = r.companiesOfCountries(text, toks, ms)
	ms = r.possessiveNames(text, toks, sents, ms)
	ms = r.splitCompanyPairs(text, toks, ms)
	ms = r.ampersandNames(text, toks, sents, ms)
	r.typeByHeadWord(toks, ms)
	r.typeFacilities(toks, ms)
	ms = r.joinPlaceOrgs(text, toks, ms)
	ms = r.designatedCompanies(text, toks, sents, ms)
	ms = r.particleNames(text, toks, ms)
	ms, links := r.acronyms(text, toks, sents, ms)
	ms = r.lowercaseCountries(text, toks, sents, ms)
	ms = r.knownNames(text, toks, sents, ms, gm)
	ms = r.newsAgencies(text, toks, sents, ms)
	ms = r.basedNames(text, toks, sents, ms)
	ms = r.companyParts(text, toks, sents, ms)
	ms = r.membersOf(text, toks, sents, ms)
	ms = r.suffixNames(text, toks, sents, ms)
	hyphenTails(text, toks, ms)
	ms = r.cuedPlaces(text, toks, sents, ms)
	ms = r.datelines(text, toks, sents, ms)
	ms = r.cityStates(text, toks, sents, ms)
	ms = r.openingNames(text, toks, sents, ms)
	ms = r.resultLines(text, toks, sents, ms)
	ms = r.sportsLists(text, toks, sents, ms)
	ms = r.seatLines(text, toks, sents, ms)
	r.extendOfNames(text, toks, ms)
	r.extendAndNames(text, toks, ms)
	ms = r.roleClubs(text, toks, sents, ms)
	ms = r.itsSubjects(text, toks, sents, ms)
	ms = r.companyPairs(text, toks, sents, ms)
	r.typeShortOrgNames(ms)
	ms, teams := r.teamNames(text, toks, sents, ms)
	r.clubSuffixNames(toks, sents, ms)
	r.clubTowns(toks, sents, ms)
	r.pluralSubjects(toks, sents, ms)
	clubs := r.typeClubs(toks, sents, ms)
	ms = r.clubTailNames(text, toks, sents, ms)
	for i := range teams {
		clubs[i] = true // "a Bolton side": as sure as a club by its score
	}
	r.unifyTypes(toks, ms, clubs)
	ms = r.propagate(text, toks, sents, ms)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms, links
}

// dropDemonyms removes mentions that are only a nationality word
// ("Russian", "Ukrainians"), or one followed by common nouns ("Ukrainian
// military"): the guide's types exclude them.
func (r docRules) dropDemonyms(ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if words := strings.Fields(m.Text); len(words) > 1 {
			// "Ukrainian military", "Russian territory": a nationality and
			// common nouns.
			if !r.gaz.Word(words[0]).Has(gazetteer.Demonym) || !allLower(words[1:]) {
				out = append(out, m)
			}
			continue
		}
		c := r.gaz.Word(m.Text)
		lw := strings.ToLower(m.Text)
		switch {
		case c.Has(gazetteer.Demonym) && !c.Has(gazetteer.Place), weekdays[lw], faiths[lw], commonAbbreviations[strings.TrimSuffix(lw, "s")]:
			continue
		case m.Type == Person && c.Has(gazetteer.PersonTitle) && !c.Has(gazetteer.FirstName) && !loneTitleNames(ms, m.Text):
			continue // "Pope names new cardinals": a title, no name
		case m.Type == Organization && c.Has(gazetteer.OrgSuffix) && !c.Has(gazetteer.Org):
			continue // "the Government", "the Bank": a common noun written with a capital
		}
		out = append(out, m)
	}
	return out
}

// loneTitleNames reports whether a person of ms has the title word w as the
// last word of a name of two words or more ("Alexander Pope").
func loneTitleNames(ms []Mention, w string) bool {
	for _, m := range ms {
		if m.Type == Person && strings.HasSuffix(m.Text, " "+w) {
			return true
		}
	}
	return false
}

// eventHeads end the names of events, prizes and tournaments ("Stuttgart
// Open", "Davis Cup", "Nobel Prize"), which are no person, place or
// organisation.
var eventHeads = wordSet(`open cup championship championships olympics marathon trophy prix invitational
	festival award awards prize`)

// dropEvents removes the mentions of two words or more whose last word
// names an event or a prize ("Stuttgart Open", "World Cup", "Cannes Film
// Festival"), those ending in "Games" after a place, a nationality or
// "Olympic" ("Asian Games"; "Epic Games" is a company), and a place right
// before such a word ("the U.S. Open").
func (r docRules) dropEvents(toks []Token, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		// "Hurricane Ike", "Typhoon Haiyan": storms are events.
		if first >= 0 && last > first && stormWords[toks[first].Text] {
			continue
		}
		if first >= 0 && last > first && startsUpper(toks[last].Text) {
			w := strings.ToLower(toks[last].Text)
			prev := toks[last-1].Text
			if eventHeads[w] || w == "games" && (r.gaz.Word(prev).Has(gazetteer.Place|gazetteer.Demonym) || strings.EqualFold(prev, "Olympic")) {
				continue
			}
		}
		// "the U.S. Open", "the Australian Open": the place names the
		// event after it, and is not a mention of its own.
		if last >= 0 && last+1 < len(toks) && m.Type == Location && toks[last+1].Start == m.End+1 &&
			startsUpper(toks[last+1].Text) && inLower(eventHeads, toks[last+1].Text) &&
			(last+2 >= len(toks) || !startsUpper(toks[last+2].Text)) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// stormWords begin the names of storms, which are events: "Hurricane Ike".
var stormWords = wordSet(`Hurricane Typhoon Cyclone Storm`)

// commonAbbreviations are abbreviations of common nouns, in the singular,
// that look like acronyms of names ("POWs", "MPs", "IDPs", "UAV").
var commonAbbreviations = wordSet(`pow mp idp ceo cfo vip gi nco pm uav apc ifv mlrs atgm manpads ied sam icbm
	ngo dj tv pc ai gdp`)

// directionWords may start a capitalised place phrase without being part
// of the place's name ("Northeast Ukraine", "Western Europe" is kept
// because the gazetteer knows it).
var directionWords = wordSet(`north south east west northeast northwest southeast southwest northern southern eastern western
	central northeastern northwestern southeastern southwestern upper lower greater`)

// trimPlaces drops a leading direction word or nationality adjective from a
// place mention when the rest is a place the gazetteer knows and the whole
// is not ("Northeast Ukraine" -> "Ukraine", "Russian Belgorod" ->
// "Belgorod").
func (r docRules) trimPlaces(text string, toks []Token, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Type != Location {
			continue
		}
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if first < 0 || last <= first {
			continue
		}
		w := toks[first].Text
		if !directionWords[strings.ToLower(w)] && !r.gaz.Word(w).Has(gazetteer.Demonym) {
			continue
		}
		rest := text[toks[first+1].Start:m.End]
		if r.gaz.Lookup(m.Text).Has(gazetteer.Place) || !r.gaz.Lookup(rest).Has(gazetteer.Place) {
			continue
		}
		m.Start, m.Text = toks[first+1].Start, rest
	}
}

// titleModifiers begin compound titles after an organisation's name ("the
// Department of Defense Press Secretary", "Kremlin Deputy Chief of Staff").
var titleModifiers = wordSet(`press deputy vice chief assistant acting senior principal`)

// trimTitleWords drops from the end of an organisation mention the first
// word of a title that follows it ("Department of Defense Press" before
// "Secretary"; "of Prime" before "Minister").
func (r docRules) trimTitleWords(text string, toks []Token, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Type != Organization {
			continue
		}
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if first < 0 || last <= first || last+1 >= len(toks) {
			continue
		}
		if inLower(titleModifiers, toks[last].Text) && r.gaz.Word(toks[last+1].Text).Has(gazetteer.PersonTitle) {
			m.End = toks[last-1].End
			m.Text = text[m.Start:m.End]
			continue
		}
		// "The Popular Party of Prime" Minister Jose Maria Aznar: the
		// party ends before "of" and a person's title.
		if last-first >= 2 && toks[last-1].Text == "of" &&
			r.gaz.Lookup(toks[last].Text+" "+toks[last+1].Text).Has(gazetteer.PersonTitle) && !r.knownOrg(m.Text) {
			m.End = toks[last-2].End
			m.Text = text[m.Start:m.End]
		}
	}
}

// faiths are religions and their adjectives, which are not entities of our
// types.
var faiths = wordSet(`christian christians christianity muslim muslims islam islamic jewish jews judaism catholic catholics
	catholicism protestant protestants anglican anglicans orthodox buddhist buddhists buddhism hindu hindus hinduism
	sikh sikhs sikhism sunni sunnis shia shiite shiites evangelical evangelicals
	tutsi tutsis hutu hutus pashtun pashtuns tajik tajiks uzbek uzbeks hazara hazaras baluch`)

// splitPossessives splits a mention that runs over a possessive ("Hong
// Kong's High Court", "Russia's Defense Ministry") into the owner, a place
// when the gazetteer knows it so, and the name after the possessive, which
// keeps the mention's type.
func (r docRules) splitPossessives(text string, toks []Token, ms []Mention) []Mention {
	n := len(ms)
	for i := 0; i < n; i++ {
		m := &ms[i]
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if first < 0 || last < 0 {
			continue
		}
		for t := first + 1; t < last; t++ {
			if w := toks[t].Text; w != "'s" && w != "’s" {
				continue
			}
			owner := text[m.Start:toks[t-1].End]
			ownerType := ""
			switch c := r.gaz.Lookup(owner); {
			case c.Has(gazetteer.Place):
				ownerType = Location
			case c.Has(gazetteer.Org):
				ownerType = Organization
			}
			if ownerType == "" {
				break
			}
			ms = append(ms, Mention{Start: m.Start, End: toks[t-1].End, Text: owner, Type: ownerType,
				Sentence: m.Sentence, Source: m.Source, Confidence: m.Confidence})
			m = &ms[i]
			m.Start = toks[t+1].Start
			m.Text = text[m.Start:m.End]
			break
		}
	}
	return ms
}

// typeKnownOrgs makes a place mention that the gazetteer knows only as a
// well-known organisation or a company an organisation ("White House",
// "Pentagon", "Norilsk Nickel").
func (r docRules) typeKnownOrgs(ms []Mention) {
	for i := range ms {
		if ms[i].Type != Location {
			continue
		}
		if c := r.gaz.Lookup(ms[i].Text); company(c) || r.knownOrgClass(ms[i].Text, c) {
			ms[i].Type = Organization
		}
	}
}

// company reports whether the gazetteer classes c are a company's and
// neither a place's nor a first name's.
func company(c gazetteer.Class) bool {
	return c.Has(gazetteer.Company) && !c.Has(gazetteer.Place|gazetteer.FirstName)
}

// knownOrg reports whether name is a well-known organisation of the
// gazetteer or of the rules' own list (news media, armed units) and not
// also a country or a region.
func (r docRules) knownOrg(name string) bool {
	return r.knownOrgClass(name, r.gaz.Lookup(name))
}

// knownOrgClass is knownOrg with the gazetteer's classes c of name.
func (r docRules) knownOrgClass(name string, c gazetteer.Class) bool {
	if c.Has(gazetteer.Country | gazetteer.Region) {
		return false
	}
	return c.Has(gazetteer.Org) || gazetteer.RuleOrgs().Lookup(name).Has(gazetteer.Org)
}

// typeKnownPersonOrgs makes a person mention the tagger was unsure of an
// organisation when the gazetteer or the rules' list knows the name as a
// well-known organisation and not as a first name ("Wagner", "Meduza",
// "Spetsnaz"), or as a company when no longer person's name in the
// document ends with it ("Siemens", but not "Ford" after "Gerald Ford").
func (r docRules) typeKnownPersonOrgs(ms []Mention) {
	var surnames map[string]bool
	for i := range ms {
		m := &ms[i]
		if m.Type != Person || m.Confidence >= personOrgConfidence {
			continue
		}
		c := r.gaz.Lookup(m.Text)
		if !c.Has(gazetteer.FirstName) && (c.Has(gazetteer.Org) || gazetteer.RuleOrgs().Lookup(m.Text).Has(gazetteer.Org)) {
			m.Type = Organization
			continue
		}
		if !company(c) {
			continue
		}
		if surnames == nil {
			surnames = make(map[string]bool)
			for _, o := range ms {
				if o.Type == Person {
					if k := strings.LastIndexByte(o.Text, ' '); k > 0 {
						surnames[o.Text[k+1:]] = true
					}
				}
			}
		}
		if !surnames[m.Text] {
			m.Type = Organization
		}
	}
}

// clubName reports whether a two-word name is a club's: a word that is
// neither a first name nor a place, then a town or region ("Sibir
// Novosibirsk", "Zorya Luhansk", "Metalist Kharkiv"), written in letters
// only.
func (r docRules) clubName(name string) bool {
	first, last, ok := strings.Cut(name, " ")
	if !ok || strings.Contains(last, " ") || !startsUpper(first) || !startsUpper(last) {
		return false
	}
	for _, c := range name {
		if c != ' ' && !unicode.IsLetter(c) {
			return false
		}
	}
	fc, lc := r.gaz.Word(first), r.gaz.Lookup(last)
	return lc.Has(gazetteer.City|gazetteer.Region) && !lc.Has(gazetteer.FirstName) &&
		!fc.Has(gazetteer.FirstName) && !fc.Has(gazetteer.Place) && !fc.Has(gazetteer.Demonym)
}

// personOrgConfidence is the tagger confidence under which a person
// mention known as an organisation is retyped.
const personOrgConfidence = 0.9

// cueNouns are common nouns that, right before a name, say its type: "the
// news agency Tass", "the town of Shebekino", "spokesman Peskov".
var cueNouns = func() map[string]string {
	m := make(map[string]string)
	for typ, words := range map[string]string{
		Organization: `agency newspaper daily weekly magazine broadcaster channel network company firm bank carrier airline
			group party union ministry militia movement organisation organization institute university`,
		Location: `city town village district region province county state country capital port island river`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = typ
		}
	}
	return m
}()

// typeByCueNoun types a mention the tagger was unsure of by the common noun
// right before it ("the news agency Tass", "the village of Kozinka"), or by
// a person's title before it ("spokesman Peskov").
func (r docRules) typeByCueNoun(toks []Token, ms []Mention) {
	for i := range ms {
		if ms[i].Confidence >= 0.7 {
			continue
		}
		if typ := cueType(toks, ms[i]); typ != "" {
			ms[i].Type = typ
		}
	}
	for i := range ms {
		if listOfPlaces(toks, ms[i]) {
			ms[i].Type = Location
		}
	}
	// "the official Petra news agency", "the Kommersant newspaper": a name
	// right before a news medium's noun is the medium, when the tagger
	// was unsure of another type and it is no country.
	for i := range ms {
		m := &ms[i]
		last := tokenAt(toks, m.End-1)
		if m.Type == Organization || m.Confidence >= 0.5 || last < 0 || last+1 >= len(toks) {
			continue
		}
		next := strings.ToLower(toks[last+1].Text)
		media := next == "newspaper" || next == "daily" || next == "weekly" || newsAgencyAt(toks, last+1)
		if media && !r.gaz.Lookup(m.Text).Has(gazetteer.Country) {
			m.Type = Organization
		}
	}
}

// appositionNouns are the head nouns of an apposition that say the type
// of the name before it: "Kazan, the capital of Tatarstan"; "Lyon,
// France's third-largest city"; "Rakuten, the Tokyo online retailer".
var appositionNouns = func() map[string]string {
	m := make(map[string]string)
	for typ, words := range map[string]string{
		Organization: `company firm maker carmaker automaker chipmaker drugmaker steelmaker retailer lender insurer
			airline carrier brokerage conglomerate startup manufacturer contractor publisher broadcaster nonprofit
			charity bank newspaper monopoly group concern utility exporter operator subsidiary affiliate division`,
		Location: `city town village capital port resort borough suburb county province region island
			township municipality`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = typ
		}
	}
	return m
}()

// appositionEnds are the words after which an apposition's last noun is
// its head: punctuation, prepositions and the words of a clause.
var appositionEnds = wordSet(`, . ; : ( in on of near off at from for with and that which where whose based
	headquartered known`)

// typeByApposition types a name by the apposition after it: a comma, "a",
// "an", "the" or a place and "'s", then at most four lower-case words
// (a place among them may qualify them), the last of them a noun of
// appositionNouns. A person's first name and surname are not retyped a
// place ("Jack Lee, a city councilman" stops at "councilman" anyway).
func (r docRules) typeByApposition(toks []Token, ms []Mention) {
	starts := mentionStarts(toks, ms)
	for i := range ms {
		last := tokenAt(toks, ms[i].End-1)
		if last < 0 {
			continue
		}
		typ := r.appositionType(toks, ms, starts, last)
		if typ == "" || typ == ms[i].Type {
			continue
		}
		first := tokenAt(toks, ms[i].Start)
		if typ == Location && (first < 0 || r.personName(toks[first:last+1]) || r.knownOrg(ms[i].Text)) {
			continue
		}
		ms[i].Type = typ
	}
}

// mentionStarts maps the first token of each mention of ms to its index + 1.
func mentionStarts(toks []Token, ms []Mention) map[int]int {
	starts := make(map[int]int)
	for i, m := range ms {
		if t := tokenAt(toks, m.Start); t >= 0 {
			starts[t] = i + 1
		}
	}
	return starts
}

// appositionType returns the type the apposition after token last says
// (see typeByApposition), or "": a nationality may qualify the nouns too.
// starts is mentionStarts(toks, ms).
func (r docRules) appositionType(toks []Token, ms []Mention, starts map[int]int, last int) string {
	if last+3 >= len(toks) || toks[last+1].Text != "," {
		return ""
	}
	t := last + 2
	switch w := strings.ToLower(toks[t].Text); {
	case w == "a" || w == "an" || w == "the":
		t++
	case starts[t] > 0 && ms[starts[t]-1].Type == Location:
		// "Lyon, France's third-largest city"
		t = tokenAt(toks, ms[starts[t]-1].End-1) + 1
		if t >= len(toks) || toks[t].Text != "'s" && toks[t].Text != "’s" {
			return ""
		}
		t++
	default:
		return ""
	}
	typ := ""
	for n := 0; t < len(toks) && n < 5; n++ {
		w := toks[t].Text
		if j := starts[t]; j > 0 && ms[j-1].Type == Location && n < 4 {
			t = tokenAt(toks, ms[j-1].End-1) + 1 // "the Tokyo online retailer"
			continue
		}
		if w == "and" && typ == "" && t+2 < len(toks) && isLowerWord(toks[t+1].Text) && isLowerWord(toks[t+2].Text) {
			t++ // "the Hungarian oil and gas group"
			continue
		}
		if appositionEnds[strings.ToLower(w)] {
			break
		}
		if !isLowerWord(w) && r.gaz.Word(w).Has(gazetteer.Demonym) && n < 4 {
			t++ // "the Norwegian state oil company"
			continue
		}
		if !isLowerWord(w) && !strings.Contains(w, "-") {
			return ""
		}
		typ = appositionNouns[w]
		t++
	}
	if t >= len(toks) || !inLower(appositionEnds, toks[t].Text) {
		return ""
	}
	return typ
}

// openingPreps introduce where a place that opens a sentence lies:
// "Hiroshima, in western Japan".
var openingPreps = wordSet(`in on at near just off`)

// openingNames tags a name of one to three proper nouns that opens a
// sentence before a comma, which the tagger, unsure of a capital there,
// left untagged: by its apposition ("Irpin, a suburb of Kyiv"; "Infineon,
// a chipmaker headquartered near Munich"), or a place when the gazetteer
// knows it and a preposition of place follows ("Hiroshima, in western
// Japan").
func (r docRules) openingNames(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	starts := mentionStarts(toks, ms)
	for _, s := range sents {
		t := s.FirstToken
		last := t - 1
		for k := t; k < s.EndToken && k < t+3 && (toks[k].Tag == "NNP" || toks[k].Tag == "NNPS") && startsUpper(toks[k].Text); k++ {
			last = k
		}
		if last < t || last+2 >= s.EndToken || toks[last+1].Text != "," || covered(toks[t].Start, toks[last].End) {
			continue
		}
		name := text[toks[t].Start:toks[last].End]
		typ := r.appositionType(toks, ms, starts, last)
		place := r.gaz.Lookup(name).Has(gazetteer.Place)
		switch {
		case typ == Location && r.personName(toks[t:last+1]):
			continue
		case typ == "" && place && inLower(openingPreps, toks[last+2].Text):
			typ = Location
		case typ == "":
			continue
		}
		ms = append(ms, Mention{Start: toks[t].Start, End: toks[last].End, Text: name, Type: typ,
			Sentence: sentenceOf(sents, toks[t].Start), Source: SourceOpening, Confidence: 0.7})
	}
	return ms
}

// companyRoles end a possessive that makes its owner a company: "Aurora
// Biotech's founder", "Pinecrest Capital's general counsel".
var companyRoles = map[string]string{"founder": "", "co-founder": "", "cofounder": "", "ceo": "", "cfo": "",
	"chairman": "", "chairwoman": "", "shareholders": "", "counsel": "general", "executive": "chief",
	"officer": "financial operating"}

// killingWords, right before a name ("killing Lacey Dunn", "the death of
// Kyle Dunn"), make a first name and surname the victim's: a person.
var killingWords = wordSet(`killing murdering shooting stabbing strangling slaying assassinating killed murdered shot
	stabbed strangled assassinated`)

// armedMembers, after a name, are its members: "Tupac Amaru rebels".
var armedMembers = wordSet(`rebels guerrillas militants militiamen insurgents fighters`)

// titledPlaceConfidence is the tagger confidence under which a one-word
// place after a person's title is the person ("Queen Sofia").
const titledPlaceConfidence = 0.6

// killingNouns are the nouns of "the killing of Rafael Ibarra".
var killingNouns = wordSet(`killing murder death shooting stabbing slaying assassination`)

// typeByContext types a name by the news shapes around it. The town of
// "John Miller, 44, of Yonkers," is a place; a name of two or more words
// that owns a company's role ("Aurora Biotech's founder", "Pinecrest
// Capital's general counsel") is an organisation, unless it is a person's
// first name and surname or a place the gazetteer knows; so is a name
// after "Tampa-based" ("Texas-based Rowan Telecom"), unless it is a place;
// and a first name and surname after a killing ("convicted of killing
// Lacey Dunn", "the stabbing death of Kyle Dunn") is a person. A person
// the tagger was unsure of before "rebels" or "guerrillas" is their
// organisation ("Tupac Amaru rebels"), and a one-word place it was unsure
// of after a person's title is a person ("Queen Sofia").
func (r docRules) typeByContext(toks []Token, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if first < 0 || last < 0 {
			continue
		}
		based := first >= 1 && strings.HasSuffix(strings.ToLower(toks[first-1].Text), "-based") ||
			first >= 2 && strings.EqualFold(toks[first-1].Text, "based") && toks[first-2].Text == "-" && toks[first-2].End == toks[first-1].Start
		if based && m.Type != Organization &&
			!r.gaz.Lookup(m.Text).Has(gazetteer.Place) && (m.Type != Person || last > first && !r.personName(toks[first:last+1])) {
			m.Type = Organization
			continue
		}
		if first >= 1 && m.Type != Person && last > first && r.personName(toks[first:last+1]) {
			w := strings.ToLower(toks[first-1].Text)
			if killingWords[w] || w == "of" && first >= 2 && inLower(killingNouns, toks[first-2].Text) {
				m.Type = Person
				continue
			}
		}
		// "Tupac Amaru rebels", "Tamil Tiger rebels": what rebels are
		// named after is their organisation, not a person.
		if m.Type == Person && last+1 < len(toks) && armedMembers[toks[last+1].Text] && m.Confidence < surePersonConfidence &&
			!r.personName(toks[first:last+1]) {
			m.Type = Organization
			continue
		}
		// "King Juan Carlos and Queen Sofia": a one-word place the
		// tagger was unsure of, right after a person's title, is a person.
		if m.Type == Location && first == last && first >= 1 && m.Confidence < titledPlaceConfidence &&
			startsUpper(toks[first-1].Text) && !isCapsWord(toks[first-1].Text) && toks[first-1].End < m.Start &&
			r.gaz.Word(toks[first-1].Text).Has(gazetteer.PersonTitle) {
			m.Type = Person
			continue
		}
		if m.Type != Location && first >= 5 && toks[first-1].Text == "of" && toks[first-2].Text == "," &&
			isNumber(toks[first-3].Text) && toks[first-4].Text == "," && !r.personName(toks[first:last+1]) {
			for j := range ms {
				if ms[j].Type == Person && ms[j].End == toks[first-5].End {
					m.Type = Location
					break
				}
			}
			continue
		}
		if m.Type == Organization || last == first || last+2 >= len(toks) {
			continue
		}
		if p := toks[last+1].Text; p != "'s" && p != "’s" {
			continue
		}
		for t := last + 2; t < len(toks) && t <= last+4 && isLowerWord(strings.ReplaceAll(toks[t].Text, "-", "")); t++ {
			before, ok := companyRoles[toks[t].Text]
			if !ok {
				continue
			}
			if before != "" && !strings.Contains(before, toks[t-1].Text) {
				break
			}
			if r.personName(toks[first:last+1]) || r.gaz.Lookup(m.Text).Has(gazetteer.Place) {
				break
			}
			m.Type = Organization
			break
		}
	}
}

// shareNouns before "of" or "in" name what one holds of a company:
// "shares in Lloyds", "a stake in Baker Hughes".
var shareNouns = wordSet(`shares share stake stakes holding holdings`)

// marketJobs before "at" or "with" are jobs at a firm: "analysts at Dean
// Witter", "an economist with Kleinwort Benson".
var marketJobs = wordSet(`analyst analysts economist economists strategist strategists trader traders dealer dealers
	broker brokers banker bankers`)

// typeByBusinessCue makes a person, or a place that is no country, an
// organisation where business news says it is a company: after "shares
// in" or "a stake in", after "analysts at" ("analysts at Dean Witter"),
// or, for a person, as the subject of a verb followed by "its" ("Johnson
// Matthey raised its dividend": people have no "its"). Verbs of saying
// are left out: "Putin said its army…" may speak of another.
func (r docRules) typeByBusinessCue(toks []Token, ms []Mention) {
	for i := range ms {
		if ms[i].Type != Organization && r.businessCue(toks, ms[i]) {
			ms[i].Type = Organization
		}
	}
}

// businessCue reports whether a business cue (see typeByBusinessCue) says
// m, a person or a place, is a company.
func (r docRules) businessCue(toks []Token, m Mention) bool {
	first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
	if first < 0 || last < 0 {
		return false
	}
	if first >= 2 {
		prep, noun := strings.ToLower(toks[first-1].Text), strings.ToLower(toks[first-2].Text)
		in, at := prep == "in" || prep == "of", prep == "at" || prep == "with"
		if in && shareNouns[noun] || at && marketJobs[noun] {
			// Shares are of companies, even one named like a region
			// ("shares in Lloyds"); a stake may be in a region's future.
			c := r.gaz.Lookup(m.Text)
			if !(m.Type == Location && c.Has(gazetteer.Country)) &&
				(at || noun == "shares" || noun == "share" || !c.Has(gazetteer.Region)) {
				return true
			}
		}
	}
	// "a spokesperson for Unison": one speaks for people too ("a
	// spokesman for Yeltsin"), so only for a name the tagger was unsure
	// was a person, and no full name.
	if m.Type == Person && m.Confidence < buyPersonConfidence && first >= 2 && toks[first-1].Text == "for" &&
		inLower(spokesNouns, toks[first-2].Text) && !r.personName(toks[first:last+1]) {
		return true
	}
	// "agreed to buy Manweb": what is bought is a company, unless the
	// tagger is fairly sure of a person (a player changing clubs) or it is
	// a person's full name.
	if m.Type == Person && m.Confidence < buyPersonConfidence && first >= 1 && inLower(acquireVerbs, toks[first-1].Text) &&
		!r.personName(toks[first:last+1]) {
		return true
	}
	// "Roche shares closed higher", "Olivetti chairman Carlo De
	// Benedetti": of a person's full name only when the gazetteer knows it
	// as a company.
	if m.Type == Person && (companyAfter(toks, last) || companyHasOrDoes(toks, last)) &&
		(!r.personName(toks[first:last+1]) || r.gaz.Lookup(m.Text).Has(gazetteer.Company)) {
		return true
	}
	// "Electrolux said it would close 25 plants", "Campbell said it
	// earned $184 million": one the tagger was unsure was a person that
	// speaks of itself as "it".
	if m.Type == Person && last+3 < len(toks) && toks[last+1].Text == "said" && toks[last+2].Text == "it" &&
		(m.Confidence < saidItConfidence && itAuxiliaries[toks[last+3].Text] ||
			m.Confidence < surePersonConfidence && itBusinessVerbs[toks[last+3].Text]) && !r.personName(toks[first:last+1]) {
		return true
	}
	// Places have "its" too: only a person is retyped by it.
	if m.Type == Person && last+2 < len(toks) {
		v, pron := toks[last+1], toks[last+2].Text
		return pron == "its" && isLowerWord(v.Text) && strings.HasPrefix(v.Tag, "VB") && !sayingVerbs[v.Text]
	}
	return false
}

// itsSubjects adds the organisation the tagger missed that opens a
// sentence and owns the "its" after its verb: "South African Breweries
// raised its stake"; and a proper noun ending in "bank" ("Bundesbank"). The name is one to four capitalised proper nouns no
// mention covers, not a place, a nationality alone or a person's name.
func (r docRules) itsSubjects(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	var added []Mention
	// A proper noun ending in "bank" that the tagger left out is a bank
	// too ("The Bundesbank held rates").
	for _, t := range toks {
		if bankWord(t.Text) && properNoun(t) && !covered(t.Start, t.End) {
			added = append(added, Mention{Start: t.Start, End: t.End, Text: t.Text, Type: Organization,
				Sentence: sentenceOf(sents, t.Start), Source: SourceDocument, Confidence: 0.6})
		}
	}
	for _, s := range sents {
		// Proper nouns, after capitalised adjectives ("South African
		// Breweries").
		end := s.FirstToken
		for end < s.EndToken && end-s.FirstToken < 4 && startsUpper(toks[end].Text) &&
			(properNoun(toks[end]) || toks[end].Tag == "JJ") {
			end++
		}
		if end == s.FirstToken || !properNoun(toks[end-1]) || end+1 >= s.EndToken || toks[end+1].Text != "its" {
			continue
		}
		if v := toks[end]; !isLowerWord(v.Text) || !strings.HasPrefix(v.Tag, "VB") || sayingVerbs[v.Text] {
			continue
		}
		from, to := toks[s.FirstToken].Start, toks[end-1].End
		name := text[from:to]
		c := r.gaz.Lookup(name)
		if covered(from, to) || c.Has(gazetteer.Place|gazetteer.Demonym|gazetteer.FirstName) || r.personName(toks[s.FirstToken:end]) {
			continue
		}
		added = append(added, Mention{Start: from, End: to, Text: name, Type: Organization,
			Sentence: sentenceOf(sents, from), Source: SourceDocument, Confidence: 0.6})
	}
	return append(ms, added...)
}

// saidItConfidence is the tagger confidence under which a person that
// "said it would" is a company.
const saidItConfidence = 0.5

// itAuxiliaries follow "said it" when "it" is the speaker: "said it would",
// "said it had".
var itAuxiliaries = wordSet(`would will had has was is expected planned plans intended intends could may might
	aimed aims hoped hopes wanted wants`)

// itBusinessVerbs, after "said it", are what a company reports of itself:
// "Campbell said it earned $184 million", "said it cut costs"; they retype
// a person the tagger was less than sure of (surePersonConfidence).
var itBusinessVerbs = wordSet(`earned posted reported lost cut raised sold bought agreed signed`)

// romanceParticles join the words of organisations' names in Romance
// languages: "Banco do Brasil", "Telefonica de Argentina", "Electricite de
// France".
var romanceParticles = wordSet(`de do da di del della des du`)

// buyPersonConfidence is the tagger confidence under which a person that
// is bought is a company.
const buyPersonConfidence = 0.6

// spokesNouns speak for an organisation or a person.
var spokesNouns = wordSet(`spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople`)

// acquireVerbs take a company as their object: "agreed to buy Manweb".
var acquireVerbs = wordSet(`buy buys bought buying acquire acquires acquired acquiring`)

// sayingVerbs report speech.
var sayingVerbs = wordSet(`said says say told tells added adds warned warns claimed claims stated states noted notes
	insisted insists announced announces`)

// placeLists are plural nouns that introduce a list of places: "the
// villages of Kozinka and Gora Podol", "the regions of Belgorod, Kursk and
// Bryansk".
var placeLists = wordSet(`cities towns villages settlements districts regions provinces oblasts counties states
	countries capitals ports islands`)

// listOfPlaces reports whether m is an item of a list of places after a
// plural noun and "of": the tagger's confidence does not matter there.
func listOfPlaces(toks []Token, m Mention) bool {
	t := tokenAt(toks, m.Start) - 1
	for items := 0; t >= 1 && items < 8; items++ {
		switch toks[t].Text {
		case "of":
			return placeLists[toks[t-1].Text]
		case "and", "or", ",":
			t--
			for n := 0; t >= 0 && n < 4 && startsUpper(toks[t].Text); n++ {
				t--
			}
		default:
			return false
		}
	}
	return false
}

// cueType returns the type that the word before m says m has (see
// typeByCueNoun), or "": or the noun of nature after it ("the Amazon
// rainforest", see cuedPlaces).
func cueType(toks []Token, m Mention) string {
	first := tokenAt(toks, m.Start)
	if first < 1 {
		return ""
	}
	if last := tokenAt(toks, m.End-1); last >= 0 && last+1 < len(toks) && natureNouns[toks[last+1].Text] &&
		strings.EqualFold(toks[first-1].Text, "the") {
		return Location
	}
	prev := toks[first-1].Text
	if strings.EqualFold(prev, "of") && first >= 2 {
		prev = toks[first-2].Text // "the town of X"
		if cueNouns[prev] != Location {
			return ""
		}
	}
	switch {
	case !isLowerWord(prev):
	case cueNouns[prev] != "":
		return cueNouns[prev]
	case personTitles[prev] && !strings.Contains(m.Text, " "):
		return Person
	}
	return ""
}

// sportsVerbs say that the names around them are teams: "Kharkiv beat
// Dnipro 2-1", "Leeds drew with Chelsea 1-1", "lost 0-3 to Porto".
var sportsVerbs = wordSet(`beat beats defeated defeat defeats drew draw draws edged edge thrashed thrash routed rout
	crushed crush overcame overcome outplayed held hosted host hosts lost lose loses trounced downed won win wins
	upset upsets stunned stun`)

// sportsGerunds are sportsVerbs' -ing forms, read only in a sentence with
// a score ("after beating Auxerre 2-1"): "winning an election" is not
// sport.
var sportsGerunds = wordSet(`beating defeating drawing edging thrashing routing crushing overcoming outplaying
	hosting losing trouncing downing upsetting stunning`)

// playerRoles, between a town and a person, say the town is a club
// ("Lazio striker Paolo Bianchi").
var playerRoles = wordSet(`striker midfielder defender goalkeeper keeper goalie forward winger fullback full-back
	playmaker coach manager captain skipper`)

// teamLinks may stand between a sports verb and the team after it.
var teamLinks = wordSet(`to with against over at by`)

// typeClubs makes a town or region an organisation where it names a club:
// in a sentence with a score ("2-1"), the name right before a sports verb
// or right after one (or after "to", "with", "against" that follow it);
// in any sentence, the name before a player's role and a person
// ("Lazio striker Paolo Bianchi").
// Countries stay places, as national teams do in the news-wire convention.
// It returns the indexes of the mentions it made clubs.
func (r docRules) typeClubs(toks []Token, sents []Sentence, ms []Mention) map[int]bool {
	clubs := make(map[int]bool)
	byStart := make(map[int]int, len(ms)) // first token -> mention
	byEnd := make(map[int]int, len(ms))   // last token -> mention
	for i, m := range ms {
		byStart[tokenAt(toks, m.Start)] = i
		byEnd[tokenAt(toks, m.End-1)] = i
	}
	tennis := false // the sentence being read has a tennis score
	retype := func(i int, ok bool) {
		// A town the tagger took for a person is a club there too ("a
		// 2-1 win over Kilmarnock"), unless the tagger was sure, the
		// score is a tennis score ("Becker beat Moya 6-2 6-3") or the
		// line is in capitals, where a headline's subject is as often an
		// athlete ("JOHNSON WINS").
		if ok && ms[i].Type == Organization && r.townName(ms[i].Text) && !isCapsWord(ms[i].Text) && !tennis {
			clubs[i] = true // a club already: it votes as one
			return
		}
		if !ok || ms[i].Type == Organization ||
			ms[i].Type == Person && (!r.townName(ms[i].Text) || isCapsWord(ms[i].Text) || tennis || ms[i].Confidence >= surePersonConfidence) ||
			r.gaz.Lookup(ms[i].Text).Has(gazetteer.Country) {
			return
		}
		ms[i].Type = Organization
		clubs[i] = true
	}
	for _, s := range sents {
		// A sports headline ("CRICKET - SUSSEX BEAT DERBYSHIRE") counts
		// as a sentence with a score; its verbs are in capitals. Two
		// scores in a row are a tennis match's sets ("6-2 6-3").
		scored := sportsHeadline(toks[s.FirstToken:s.EndToken])
		sporty, prevScore := false, false
		tennis = false
		for t := s.FirstToken; t < s.EndToken; t++ {
			score := isScore(toks[t].Text)
			scored = scored || score
			tennis = tennis || score && prevScore
			sporty = sporty || sportsVerbs[toks[t].Text]
			prevScore = score
		}
		if scored || sporty {
			// "Sibir Novosibirsk lost 1-3 to Rostov": a club, not a person.
			for t := s.FirstToken; t < s.EndToken; t++ {
				i, ok := byStart[t]
				if ok && ms[i].Type == Person && ms[i].End <= toks[s.EndToken-1].End && r.clubName(ms[i].Text) {
					ms[i].Type = Organization
					clubs[i] = true
				}
			}
		}
		// "Somerset v Essex": both sides of a fixture are teams.
		for t := s.FirstToken + 1; t+1 < s.EndToken; t++ {
			if w := toks[t].Text; w != "v" && w != "vs" && w != "vs." && w != "V" && w != "VS" {
				continue
			}
			a, okA := byEnd[t-1]
			b, okB := byStart[t+1]
			if okA && okB {
				retype(a, true)
				retype(b, true)
			}
		}
		// "Lazio striker Paolo Bianchi", "Valencia 's midfielder Jorge
		// Ruiz": a town before a player's role and a person is a club.
		player := false // the sentence names a player's role
		for t := s.FirstToken + 1; t+1 < s.EndToken; t++ {
			if !inLower(playerRoles, toks[t].Text) {
				continue
			}
			player = true
			if p, ok := byStart[t+1]; !ok || ms[p].Type != Person {
				continue
			}
			before := t - 1
			if toks[before].Text == "'s" || toks[before].Text == "’s" {
				before--
			}
			i, ok := byEnd[before]
			retype(i, ok && before >= s.FirstToken)
		}
		// "signed Brazil midfielder Ronaldo Souza from Gremio": in a
		// sentence about a player, the town a player comes from is a club.
		for u := s.FirstToken; player && u+1 < s.EndToken; u++ {
			if toks[u].Text == "from" {
				i, ok := byStart[u+1]
				retype(i, ok)
			}
		}
		if !scored {
			continue
		}
		objClub := false // a sports verb's object is a club
		for t := s.FirstToken; t < s.EndToken; t++ {
			if !inLower(sportsVerbs, toks[t].Text) && !inLower(sportsGerunds, toks[t].Text) {
				continue
			}
			i, ok := byEnd[t-1]
			retype(i, ok)
			next := t + 1
			if next < s.EndToken && isScore(toks[next].Text) {
				next++ // "lost 0-3 to Porto"
			}
			if next < s.EndToken && inLower(teamLinks, toks[next].Text) {
				next++
			}
			j, okj := byStart[next]
			retype(j, okj)
			objClub = objClub || okj && ms[j].Type == Organization
			// "Willem II beat NAC Breda 2-1": a club's opponent the tagger
			// took for a person, not by a given name, is a club too.
			if ok && okj && !isCapsWord(toks[t].Text) && !tennis {
				for _, k := range [][2]int{{i, j}, {j, i}} {
					if a, b := &ms[k[0]], ms[k[1]]; a.Type == Person && b.Type == Organization && (clubs[k[1]] || b.Confidence >= 0.8) {
						if f, l := tokenAt(toks, a.Start), tokenAt(toks, a.End-1); f >= 0 && l >= 0 && !r.personName(toks[f:l+1]) {
							a.Type = Organization
							clubs[k[0]] = true
						}
					}
				}
			}
		}
		// "Heerenveen and Vitesse Arnhem drew 0-0": a town joined to an
		// organisation in a sentence with a score is a club.
		for t := s.FirstToken + 1; t+1 < s.EndToken; t++ {
			if toks[t].Text != "and" {
				continue
			}
			a, okA := byEnd[t-1]
			b, okB := byStart[t+1]
			if okA && okB && ms[b].Type == Organization {
				retype(a, true)
			} else if okA && okB && ms[a].Type == Organization {
				retype(b, true)
			}
		}
		// "Pittsburgh scored three runs to beat Cincinnati 5-3": the town
		// that opens a sentence whose verb's object is a club, and that a
		// lower-case verb follows, is the other club.
		// So is one set off by a comma ("Barcelona , coached by Bobby
		// Robson , beat Espanyol 2-0").
		if i, ok := byStart[s.FirstToken]; ok && objClub {
			if e := tokenAt(toks, ms[i].End-1) + 1; e < s.EndToken && (isLowerWord(toks[e].Text) || toks[e].Text == ",") {
				retype(i, true)
			}
		}
		// "goals from Ronaldo and Luis Figo": a name the tagger was unsure
		// of, joined to a person, is a person in a match report.
		for t := s.FirstToken + 1; t+1 < s.EndToken; t++ {
			if toks[t].Text != "and" {
				continue
			}
			a, okA := byEnd[t-1]
			b, okB := byStart[t+1]
			if !okA || !okB || tennis {
				continue
			}
			for _, k := range [][2]int{{a, b}, {b, a}} {
				x, y := &ms[k[0]], ms[k[1]]
				if y.Type == Person && x.Type == Location && x.Confidence < unsurePlaceConfidence && !r.gaz.Lookup(x.Text).Has(gazetteer.Country|gazetteer.Region) {
					x.Type = Person
				}
			}
		}
	}
	return clubs
}

// unsurePlaceConfidence is the tagger confidence under which a place
// joined to a person in a match report is a person.
const unsurePlaceConfidence = 0.5

// companyRoles2 are jobs at an organisation that stand between it and a
// person: "Anglo American chairman Julian Ogilvie Thompson".
var companyRoles2 = wordSet(`chairman chairwoman spokesman spokeswoman executive ceo`)

// roleClubs adds the club the tagger missed before a player's role and a
// person: "Hibernian striker Darren Jackson", "Sevilla coach Luis Ortega";
// and so the organisation before a chairman or a spokesman ("Anglo
// American chairman Julian Ogilvie Thompson").
// The club is one to three capitalised words that the part-of-speech
// tagger takes for proper nouns, no mention covers and the gazetteer does
// not know as a country, a nationality or a given name.
func (r docRules) roleClubs(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	starts := mentionStarts(toks, ms)
	covered := coverage(ms)
	var added []Mention
	for _, s := range sents {
		for t := s.FirstToken + 1; t+1 < s.EndToken; t++ {
			if !isLowerWord(toks[t].Text) || !playerRoles[toks[t].Text] && !companyRoles2[toks[t].Text] {
				continue
			}
			if p := starts[t+1]; p == 0 || ms[p-1].Type != Person {
				continue
			}
			role := t // the role's first word: "chief executive"
			if toks[t].Text == "executive" && t-1 > s.FirstToken && toks[t-1].Text == "chief" {
				role = t - 1
			}
			first := role
			for first > s.FirstToken && t-first < 3 && properNoun(toks[first-1]) {
				first--
			}
			if first == role {
				continue
			}
			from, to := toks[first].Start, toks[role-1].End
			name := text[from:to]
			if covered(from, to) || r.gaz.Lookup(name).Has(gazetteer.Country|gazetteer.Demonym|gazetteer.FirstName) ||
				r.gaz.Word(toks[first].Text).Has(gazetteer.Demonym|gazetteer.FirstName) {
				continue
			}
			added = append(added, Mention{Start: from, End: to, Text: name, Type: Organization,
				Sentence: sentenceOf(sents, from), Source: SourceDocument, Confidence: 0.6})
		}
	}
	return append(ms, added...)
}

// surePersonConfidence is the tagger confidence from which a person
// beside a sports verb stays a person though the gazetteer knows the word
// as a town.
const surePersonConfidence = 0.8

// sportNames open a sports headline: "SOCCER - ...", "ICE HOCKEY - ...".
var sportNames = wordSet(`SOCCER FOOTBALL CRICKET BASEBALL BASKETBALL TENNIS GOLF RUGBY HOCKEY ATHLETICS BOXING
	CYCLING RACING NFL NBA NHL HANDBALL VOLLEYBALL`)

// sportsHeadline reports whether a sentence is a sports headline: in
// capitals, one to three words ending in a sport's name, then a dash.
func sportsHeadline(toks []Token) bool {
	for i := 0; i < len(toks) && i < 3; i++ {
		if sportNames[toks[i].Text] {
			return i+1 < len(toks) && (toks[i+1].Text == "-" || isDash(toks[i+1].Text)) && allCaps(toks)
		}
		if !isCapsWord(toks[i].Text) {
			return false
		}
	}
	return false
}

// townName reports whether name is one word the gazetteer knows as a town
// or a region, and not as a country or a given name.
func (r docRules) townName(name string) bool {
	if strings.Contains(name, " ") {
		return false
	}
	c := r.gaz.Lookup(name)
	return c.Has(gazetteer.City|gazetteer.Region) && !c.Has(gazetteer.Country|gazetteer.FirstName)
}

// isScore reports whether w is a match score: two numbers of one or two
// digits joined by a hyphen or a dash ("2-1", "10–0").
func isScore(w string) bool {
	if len(w) < 3 || w[0] < '0' || w[0] > '9' {
		return false // most words, at once
	}
	a, b, ok := strings.Cut(w, "-")
	if !ok {
		a, b, ok = strings.Cut(w, "–")
	}
	return ok && isSmallNumber(a) && isSmallNumber(b)
}

func isSmallNumber(s string) bool {
	if len(s) == 0 || len(s) > 2 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// unifyTypes gives every mention of one name in a document the same type:
// the type with the largest sum of confidences over the name's mentions,
// when one type has the most. A mention whose type the word before it
// states ("the city of Kharkiv" in a report on the Kharkiv club) keeps it
// and does not vote; the clubs typeClubs found (sure) keep their type and
// vote with weight 1.
func (r docRules) unifyTypes(toks []Token, ms []Mention, sure map[int]bool) {
	votes := make(map[uint64]map[string]float64)
	fixed := make([]bool, len(ms))
	keys := make([]uint64, len(ms)) // the names regardless of case
	for i, m := range ms {
		keys[i] = foldHash(m.Text)
	}
	for i, m := range ms {
		w := m.Confidence
		switch {
		case sure[i]:
			fixed[i], w = true, 1
		case m.Type == Organization && r.businessCue(toks, Mention{Start: m.Start, End: m.End, Text: m.Text, Type: Person}):
			// Retyped by a business cue: as sure as a club.
			fixed[i], w = true, 1
		case cueType(toks, m) == m.Type, m.Type == Location && datelinePlace(toks, m):
			// A dateline's place ("CHICAGO 1996-11-06") names the town,
			// whatever its club is called in the text below.
			fixed[i] = true
			continue
		}
		v := votes[keys[i]]
		if v == nil {
			v = make(map[string]float64)
			votes[keys[i]] = v
		}
		v[m.Type] += w
	}
	for i := range ms {
		v := votes[keys[i]]
		if len(v) < 2 || fixed[i] {
			continue
		}
		best, bestW := ms[i].Type, v[ms[i].Type]
		types := make([]string, 0, len(v))
		for typ := range v {
			types = append(types, typ)
		}
		sort.Strings(types) // the same answer in every run when two types tie
		for _, typ := range types {
			if w := v[typ]; w > bestW {
				best, bestW = typ, w
			}
		}
		ms[i].Type = best
	}
}

// extendOfNames extends an organisation the tagger ended before "of" and
// capitalised proper nouns no mention covers ("the Institute for the
// Study" of War), to the last of them when a lower-case word or
// punctuation follows.
func (r docRules) extendOfNames(text string, toks []Token, ms []Mention) {
	covered := coverage(ms)
	for i := range ms {
		m := &ms[i]
		last := tokenAt(toks, m.End-1)
		if m.Type != Organization || last < 0 || last+2 >= len(toks) || toks[last+1].Text != "of" {
			continue
		}
		end := last + 2
		for end < len(toks) && end-last-1 <= 3 && properNoun(toks[end]) {
			end++
		}
		if end == last+2 || end-last-1 > 3 || end < len(toks) && startsUpper(toks[end].Text) {
			continue
		}
		from, to := toks[last+2].Start, toks[end-1].End
		if covered(from, to) || text[m.End:toks[last+1].Start] != " " {
			continue
		}
		m.End, m.Text = to, text[m.Start:to]
	}
}

// extendAndNames extends an organisation of two words or more that the
// tagger began after "and" to the one untagged proper noun between "the"
// and "and" ("the Biotechnology and Biological Sciences Research
// Council", found as "Biological Sciences Research Council"), unless the
// gazetteer knows that word as a place, a nationality or a name of its own.
func (r docRules) extendAndNames(text string, toks []Token, ms []Mention) {
	covered := coverage(ms)
	for i := range ms {
		m := &ms[i]
		f := tokenAt(toks, m.Start)
		if m.Type != Organization || f < 3 || !strings.Contains(m.Text, " ") || toks[f-1].Text != "and" ||
			!strings.EqualFold(toks[f-3].Text, "the") {
			continue
		}
		w := toks[f-2]
		if !properNoun(w) || isCapsWord(w.Text) || covered(w.Start, w.End) ||
			r.gaz.Word(w.Text).Has(gazetteer.Place|gazetteer.Demonym|gazetteer.Org|gazetteer.Company|gazetteer.FirstName) {
			continue
		}
		m.Start, m.Text = w.Start, text[w.Start:m.End]
	}
}

// typeShortOrgNames makes a one-word place an organisation when the
// document also names the organisation in full with a designation the
// news drops ("Wagner fighters ..." beside "the Wagner Group", "Azov"
// beside "Azov Battalion"; OrganizationShortName), unless the word is a
// country's name. People are left alone: "Tinkoff" beside "Tinkoff Bank"
// is as often Oleg Tinkoff.
func (r docRules) typeShortOrgNames(ms []Mention) {
	short := make(map[string]bool)
	for _, m := range ms {
		if m.Type == Organization && strings.Contains(m.Text, " ") {
			if w := OrganizationShortName(NormalizeName(m.Text)); w != "" {
				short[w] = true
			}
		}
	}
	if len(short) == 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.Type == Location && !strings.Contains(m.Text, " ") && short[NormalizeName(m.Text)] &&
			!r.gaz.Lookup(m.Text).Has(gazetteer.Country) {
			m.Type = Organization
		}
	}
}

// foldHash hashes s with its letters in upper case (FNV-1a), without
// allocating: names equal regardless of case hash alike.
func foldHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
		} else {
			r = unicode.ToUpper(r)
		}
		h = (h ^ uint64(r)) * 1099511628211
	}
	return h
}

// typeKnownPlaces makes a one-word person mention the tagger was unsure of
// (confidence under 0.5) a place when the gazetteer knows the word as a
// country or a region ("Mayor Marion Barry of Washington"). Towns are left
// alone, too many surnames being also the name of some village, except a
// town that is no given name joined to a place by "to", "and", "or" or
// "via" outside sports news ("from Madrid to Ferrol").
//
// A one-word organisation mention the tagger was unsure of (confidence
// under placeOrgConfidence) is a place when the gazetteer knows the word as
// a country or a city and not as an organisation: a government named by
// its capital or country ("Kiev has denied any role") is the place, as the
// guide says; a city only in a sentence without numbers or sports verbs,
// where it may name its club.
func (r docRules) typeKnownPlaces(toks []Token, sents []Sentence, ms []Mention) {
	var places map[int]bool // first and last tokens (as -t-1) of place mentions
	for i := range ms {
		m := &ms[i]
		if strings.ContainsAny(m.Text, " \t\n") {
			// "in Ann Arbor": a town named like a person, after a
			// preposition of place.
			if first := tokenAt(toks, m.Start); m.Type == Person && first > 0 && inLower(placePreps, toks[first-1].Text) &&
				r.gaz.Lookup(m.Text).Has(gazetteer.City|gazetteer.Region) {
				m.Type = Location
			}
			continue
		}
		c := r.gaz.Word(m.Text)
		switch {
		case m.Type == Person && m.Confidence < 0.5 && c.Has(gazetteer.Country|gazetteer.Region):
			m.Type = Location
		case m.Type == Person && m.Confidence < 0.5 && c.Has(gazetteer.City) && !c.Has(gazetteer.FirstName):
			// "from Madrid to Ferrol", "Lviv and Ternopil": a town joined
			// to a place, outside sports news, where it may be a club.
			if places == nil {
				places = placeMentionEnds(toks, ms)
			}
			t := tokenAt(toks, m.Start)
			joined := t > 1 && inLower(routeLinks, toks[t-1].Text) && places[-(t-2)-1] ||
				t >= 0 && t+2 < len(toks) && inLower(routeLinks, toks[t+1].Text) && places[t+2]
			if joined && !sportsSentence(toks, sents[m.Sentence]) {
				m.Type = Location
			}
		case m.Type == Organization && m.Confidence < placeOrgConfidence && !r.knownOrg(m.Text) && !allCapitals(m.Text):
			if c.Has(gazetteer.Country) || c.Has(gazetteer.City) && !sportsSentence(toks, sents[m.Sentence]) {
				m.Type = Location
			}
		}
	}
}

// routeLinks join two places: "from Madrid to Ferrol", "Lviv and Ternopil".
var routeLinks = wordSet(`to and or via`)

// placeMentionEnds returns the first tokens of the place mentions of ms, and
// their last tokens t as -t-1.
func placeMentionEnds(toks []Token, ms []Mention) map[int]bool {
	at := make(map[int]bool)
	for _, m := range ms {
		if m.Type != Location {
			continue
		}
		if f, l := tokenAt(toks, m.Start), tokenAt(toks, m.End-1); f >= 0 && l >= 0 {
			at[f], at[-l-1] = true, true
		}
	}
	return at
}

// placePreps say that the name after them is a place: "in Ann Arbor".
var placePreps = wordSet(`in near`)

// sportsWords are the common words of sports reports besides sportsVerbs.
var sportsWords = wordSet(`match matches game games cup league season title final semifinal quarterfinal derby
	play plays played playing score scores scored scoring goal goals winner striker midfielder defender
	goalkeeper keeper forward coach manager captain club clubs team teams squad side fans supporters stadium
	signed signing transfer fixture fixtures tournament championship relegation promotion penalty penalties`)

// sportsSentence reports whether s has a number, a sports verb or another
// word of sports reports: a town there may well be its club.
func sportsSentence(toks []Token, s Sentence) bool {
	for t := s.FirstToken; t < s.EndToken; t++ {
		w := toks[t].Text
		if lw := strings.ToLower(w); sportsVerbs[lw] || sportsWords[lw] || w != "" && w[0] >= '0' && w[0] <= '9' {
			return true
		}
	}
	return false
}

// placeOrgConfidence is the tagger confidence under which an organisation
// mention known as a country or city is retyped a place.
const placeOrgConfidence = 0.7

// companySuffixes end companies' names.
var companySuffixes = wordSet(`co co. corp corp. inc inc. ltd ltd. llc plc ag sa nv gmbh company corporation industries enterprises holdings group motors airlines`)

// ampersandNames makes one organisation of capitalised names joined by
// "&" ("Marks & Spencer", "Ernst & Young", "Standard & Poor"), which the
// tagger often cuts into people: a person's name has no ampersand. Each
// side is one to three capitalised proper nouns, and the tagger must have
// found a name among them (a heading's "Retail Stores & Vendors" is none);
// names the gazetteer knows as a place ("Trinidad & Tobago") and joins of
// places are left alone.
func (r docRules) ampersandNames(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	var spans [][2]int // token ranges [first, end) of the joined names
	for _, s := range sents {
		for t := s.FirstToken + 1; t+1 < s.EndToken; t++ {
			if toks[t].Text != "&" || !startsUpper(toks[t-1].Text) || !startsUpper(toks[t+1].Text) {
				continue
			}
			first, end := t-1, t+2
			for first > s.FirstToken && t-first < 3 && properNoun(toks[first-1]) {
				first--
			}
			for end < s.EndToken && end-t <= 3 && properNoun(toks[end]) {
				end++
			}
			spans = append(spans, [2]int{first, end})
		}
	}
	if len(spans) == 0 {
		return ms
	}
	sorted := sortedMentions(ms)
	var edits []spanEdit
	for _, sp := range spans {
		from, to := toks[sp[0]].Start, toks[sp[1]-1].End
		name := text[from:to]
		amp := sp[0] + 1
		for toks[amp].Text != "&" {
			amp++
		}
		if r.gaz.Lookup(name).Has(gazetteer.Place) ||
			amp-sp[0] == 1 && r.gaz.Word(toks[sp[0]].Text).Has(gazetteer.FirstName) &&
				r.gaz.Word(toks[amp+1].Text).Has(gazetteer.FirstName) {
			continue // "Dean & Gene": two people by their given names
		}
		inside, crossing := sorted.within(from, to)
		places, people := 0, 0
		for _, m := range inside {
			switch {
			case m.Type == Location:
				places++
			case m.Type == Person && strings.Contains(m.Text, " "):
				people++ // a full name: "Sui Wenjing & Han Cong" are a pair of skaters
			}
		}
		if crossing || len(inside) == 0 || places == len(inside) || people == 2 && len(inside) == 2 {
			continue // a longer name runs over it, no name, places only, or two people
		}
		edits = append(edits, spanEdit{from: from, to: to, typ: Organization})
	}
	return applyEdits(text, toks, sents, ms, edits)
}

// spanEdit is a name a rule puts in place of the mentions over its span.
type spanEdit struct {
	from, to int
	typ      string
}

// applyEdits puts each edit's mention in place of the mentions over its
// span, in one pass over both sorted by start (edits that overlap an
// earlier one are dropped): a mention with the very span takes the edit's
// type and keeps the rest; one inside, or starting inside and running
// past, gives way; one running into the span from before is cut at its
// last capitalised word before it, or dropped when none is left. It
// returns the mentions sorted by start.
func applyEdits(text string, toks []Token, sents []Sentence, ms []Mention, edits []spanEdit) []Mention {
	if len(edits) == 0 {
		return ms
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].from < edits[j].from })
	kept := edits[:1]
	for _, e := range edits[1:] {
		if e.from >= kept[len(kept)-1].to {
			kept = append(kept, e)
		}
	}
	edits = kept
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	done := make([]bool, len(edits))
	out := ms[:0]
	e := 0
	for _, m := range ms {
		for e < len(edits) && edits[e].to <= m.Start {
			e++
		}
		if e == len(edits) || edits[e].from >= m.End {
			out = append(out, m) // over no edit
			continue
		}
		ed := edits[e]
		switch {
		case m.Start == ed.from && m.End == ed.to:
			m.Type = ed.typ
			done[e] = true
			out = append(out, m)
		case m.Start >= ed.from:
			// inside, or starting inside: gives way
		default:
			// Runs into the edit from before: cut at its last
			// capitalised word before the edit.
			first := tokenAt(toks, m.Start)
			k := tokenAt(toks, ed.from) - 1
			for k >= first && k >= 0 && !startsUpper(toks[k].Text) {
				k--
			}
			if first >= 0 && k >= first {
				m.End = toks[k].End
				m.Text = text[m.Start:m.End]
				out = append(out, m)
			}
		}
	}
	for i, ed := range edits {
		if !done[i] {
			out = append(out, Mention{Start: ed.from, End: ed.to, Text: text[ed.from:ed.to], Type: ed.typ,
				Sentence: sentenceOf(sents, ed.from), Source: SourceDocument, Confidence: 0.6})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// mentionIndex answers which mentions lie over a span, by binary search
// over the mentions sorted by start.
type mentionIndex struct {
	ms     []Mention // sorted by start
	maxEnd []int     // maxEnd[i]: the furthest end of ms[:i+1]
}

func sortedMentions(ms []Mention) mentionIndex {
	s := append([]Mention(nil), ms...)
	sort.SliceStable(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	maxEnd := make([]int, len(s))
	for i, m := range s {
		maxEnd[i] = m.End
		if i > 0 {
			maxEnd[i] = max(maxEnd[i], maxEnd[i-1])
		}
	}
	return mentionIndex{s, maxEnd}
}

// within returns the mentions inside [from, to) and whether another
// mention overlaps the span without lying inside it.
func (x mentionIndex) within(from, to int) (inside []Mention, crossing bool) {
	i := sort.Search(len(x.ms), func(i int) bool { return x.ms[i].Start >= from })
	crossing = i > 0 && x.maxEnd[i-1] > from
	for ; i < len(x.ms) && x.ms[i].Start < to; i++ {
		if x.ms[i].End <= to {
			inside = append(inside, x.ms[i])
		} else {
			crossing = true
		}
	}
	return inside, crossing
}

// properNoun reports whether t is a capitalised word tagged a proper noun.
func properNoun(t Token) bool {
	return startsUpper(t.Text) && (t.Tag == "NNP" || t.Tag == "NNPS")
}

// splitCompanyPlace splits "Ford Motor Co. of Dearborn" into the company
// and its town when the tagger took both for one name.
func (r docRules) splitCompanyPlace(text string, toks []Token, ms []Mention) []Mention {
	n := len(ms)
	for i := 0; i < n; i++ {
		if ms[i].Type != Organization {
			continue
		}
		first, last := tokenAt(toks, ms[i].Start), tokenAt(toks, ms[i].End-1)
		for t := first + 1; first >= 0 && t < last; t++ {
			if toks[t].Text != "of" || !inLower(companySuffixes, toks[t-1].Text) {
				continue
			}
			place := text[toks[t+1].Start:ms[i].End]
			if c := r.gaz.Lookup(place); !c.Has(gazetteer.Place) || c.Has(gazetteer.Country) {
				break // "Ford Motor Co. of Canada" is a company's name
			}
			ms = append(ms, Mention{Start: toks[t+1].Start, End: ms[i].End, Text: place, Type: Location,
				Sentence: ms[i].Sentence, Source: ms[i].Source, Confidence: ms[i].Confidence})
			ms[i].End = toks[t-1].End
			ms[i].Text = text[ms[i].Start:ms[i].End]
			break
		}
	}
	return ms
}

// facilityHeads end the names of places people build and travel through,
// which the news-wire convention (and Re-DocRED's, and GUM's) types as
// places, though the gazetteer lists "Airport" among organisations'
// words: "Glasgow Airport", "Heathrow Airport".
var facilityHeads = wordSet(`Airport Airfield Spaceport`)

// typeFacilities makes a name that ends in a facility's head a place.
func (r docRules) typeFacilities(toks []Token, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		if l := tokenAt(toks, m.End-1); l > 0 && m.Type != Location && facilityHeads[toks[l].Text] && tokenAt(toks, m.Start) < l {
			m.Type = Location
		}
	}
}

// weekdays are never names of entities.
var weekdays = wordSet(`monday tuesday wednesday thursday friday saturday sunday`)

// typeByHeadWord makes a name headed by an organisation word ("Ministry of
// Defense", "Border Guard Service", "Wagner Group"), or one word ending in
// "bank" ("Bundesbank"), an organisation, unless
// the gazetteer knows the whole name as a place or it is a person's given
// name and surname.
func (r docRules) typeByHeadWord(toks []Token, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		if m.Type == Organization {
			continue
		}
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if first >= 0 && first == last && bankWord(toks[first].Text) {
			m.Type = Organization // "Bundesbank", "Commerzbank"
			continue
		}
		if first < 0 || last < 0 || last == first {
			continue
		}
		head := r.orgSuffix(toks[last].Text) ||
			r.orgSuffix(toks[first].Text) && last > first+1 && (strings.EqualFold(toks[first+1].Text, "of") || romanceParticles[toks[first+1].Text])
		// "Jim Courier" is a person: a given name that is no place's
		// before the head word ("Charlotte Observer" is a newspaper).
		person := m.Type == Person && r.personName(toks[first:last+1]) && !r.gaz.Word(toks[first].Text).Has(gazetteer.Place)
		if head && !person && !r.gaz.Lookup(m.Text).Has(gazetteer.Place) {
			m.Type = Organization
		}
	}
}

// bankWord reports whether w is one word ending in "bank" ("Bundesbank",
// "Rabobank"): a bank's name, in every language that writes so.
func bankWord(w string) bool {
	return len(w) >= 7 && startsUpper(w) && strings.HasSuffix(strings.ToLower(w), "bank")
}

// orgSuffix reports whether w ends or heads organisations' names, for the
// gazetteer or the rules' list ("Council", "Exchange").
func (r docRules) orgSuffix(w string) bool {
	return r.gaz.Word(w).Has(gazetteer.OrgSuffix) || gazetteer.RuleOrgs().Word(w).Has(gazetteer.OrgSuffix)
}

// orgHead reports whether token j of toks is a word that heads an
// organisation's name: an organisation suffix ("Council", "Army", "Post"),
// the last of two such words with the token before it ("Air Force"), or a
// one-word organisation ("Duma", "Rada").
func (r docRules) orgHead(toks []Token, j int) bool {
	w := toks[j].Text
	if r.gaz.Word(w).Has(gazetteer.Org) || r.orgSuffix(w) {
		return true
	}
	return j > 0 && r.gaz.Lookup(toks[j-1].Text+" "+w).Has(gazetteer.OrgSuffix)
}

// nextWord reports whether token j follows token j-1 in the same line
// after one space and begins with a capital: a word that continues a name.
func nextWord(text string, toks []Token, j int) bool {
	return j > 0 && j < len(toks) && toks[j].Start == toks[j-1].End+1 && text[toks[j-1].End] == ' ' &&
		startsUpper(toks[j].Text) && toks[j].Text != "'s" && toks[j].Text != "’s"
}

// joinPlaceOrgs makes a place and the organisation words around it one
// organisation: "Belgorod Regional Duma", "Kiev Army", "Kyiv Post" (the
// place followed by capitalised words ending in an organisation's head
// word) and "Alliance for Donetsk", "National Bank of Ukraine" (an
// organisation's head word, "of" or "for", then the place). Mentions inside
// the joined name are dropped; a name that runs into another mention is
// left alone.
func (r docRules) joinPlaceOrgs(text string, toks []Token, ms []Mention) []Mention {
	drop := make(map[int]bool)
	byStart := make(map[int]int, len(ms)) // first token -> mention
	for i, m := range ms {
		byStart[tokenAt(toks, m.Start)] = i
	}
	// absorbs reports whether tokens [a, b] hold only whole mentions (other
	// than self), and collects them in inside.
	absorbs := func(a, b, self int, inside *[]int) bool {
		*inside = (*inside)[:0]
		for t := a; t <= b; t++ {
			k, ok := byStart[t]
			if !ok {
				continue
			}
			if k == self {
				return false
			}
			if tokenAt(toks, ms[k].End-1) > b {
				return false
			}
			*inside = append(*inside, k)
		}
		return true
	}
	var inside []int
	for i := range ms {
		m := &ms[i]
		if m.Type != Location && m.Type != Organization || drop[i] {
			continue
		}
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if first < 0 || last < 0 {
			continue
		}
		// Forward: "Belgorod Regional Duma"; after an organisation, only
		// its own head words the tagger left out ("Toyota Motor", "Acme
		// PLC"), not in a line written in capitals.
		org := m.Type == Organization
		end := -1
		for j := last + 1; j <= last+4 && nextWord(text, toks, j); j++ {
			if org && allCaps(toks[j:j+1]) && allCaps(toks[last:last+1]) {
				break // "ROSNEFT PROFIT JUMPS AS OPEC ..."
			}
			if org && inLower(titleModifiers, toks[j].Text) {
				break // "Department of Defense Press Secretary"
			}
			if !org && r.orgHead(toks, j) || org && r.orgSuffix(toks[j].Text) {
				end = j
			}
		}
		if end > 0 && absorbs(last+1, end, i, &inside) && (!org || len(inside) == 0) &&
			!r.gaz.Lookup(text[m.Start:toks[end].End]).Has(gazetteer.Place) {
			for _, k := range inside {
				drop[k] = true
			}
			m.End, m.Type = toks[end].End, Organization
			m.Text = text[m.Start:m.End]
			continue
		}
		// Backward: "Alliance for Donetsk", "National Bank of Ukraine".
		if m.Type != Location || first < 2 {
			continue
		}
		if link := toks[first-1].Text; link != "of" && link != "for" || !r.orgHead(toks, first-2) ||
			inLower(companySuffixes, toks[first-2].Text) || // "Ford Motor Co. of Dearborn"
			!startsUpper(toks[first-2].Text) || toks[first-1].Start != toks[first-2].End+1 {
			continue
		}
		start := first - 2
		for start > 0 && start > first-5 && nextWord(text, toks, start) {
			start--
		}
		for start < first-2 && (!startsUpper(toks[start].Text) || inLower(leadingDeterminers, toks[start].Text)) {
			start++
		}
		if !absorbs(start, first-1, i, &inside) {
			continue
		}
		for _, k := range inside {
			drop[k] = true
		}
		m.Start, m.Type = toks[start].Start, Organization
		m.Text = text[m.Start:m.End]
	}
	if len(drop) == 0 {
		return ms
	}
	out := ms[:0]
	for i, m := range ms {
		if !drop[i] {
			out = append(out, m)
		}
	}
	return out
}

// tokenAt returns the index of the token that covers byte offset off, or -1.
func tokenAt(toks []Token, off int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
	if i < len(toks) && toks[i].Start <= off {
		return i
	}
	return -1
}

// acronyms finds "Long Form (ACR)" where Long Form is a mention: ACR becomes
// a mention of the same type (or keeps its own mention, retyped), and the
// pair is returned so both name one entity.
func (r docRules) acronyms(text string, toks []Token, sents []Sentence, ms []Mention) ([]Mention, [][2]string) {
	var links [][2]string
	byEnd := make(map[int]int) // end token index of a mention -> mention index
	for i, m := range ms {
		if t := tokenAt(toks, m.End-1); t >= 0 {
			byEnd[t] = i
		}
	}
	n := len(ms)
	byStart := make(map[int]int, n) // start of a mention -> the first mention starting there
	for i := n - 1; i >= 0; i-- {
		byStart[ms[i].Start] = i
	}
	for t := 0; t+3 < len(toks); t++ {
		mi, ok := byEnd[t]
		if !ok || toks[t+1].Text != "(" || toks[t+3].Text != ")" {
			continue
		}
		acr := toks[t+2]
		if !isAcronym(acr.Text) {
			continue
		}
		// "Organisation for Security and Cooperation in Europe ( OSCE )"
		// the tagger cut at "in": the names joined by small words whose
		// initials are the acronym's, when the last name's alone are not,
		// are one name.
		if first, ok := r.acronymSpan(toks, ms, byEnd, mi, acr.Text); ok {
			typ := ms[mi].Type
			for k := tokenAt(toks, ms[first].Start); k <= t; k++ {
				if j, ok := byEnd[k]; ok && ms[j].Type == Organization {
					typ = Organization
				}
			}
			end := ms[mi].End
			for k := tokenAt(toks, ms[first].Start); k <= t; k++ {
				if j, ok := byEnd[k]; ok && j != first {
					ms[j].End = ms[j].Start // dropped below
				}
			}
			ms[first].End, ms[first].Type, ms[first].Source = end, typ, SourceDocument
			ms[first].Text = text[ms[first].Start:ms[first].End]
			byEnd[t] = first
			mi = first
		}
		if !strings.ContainsAny(ms[mi].Text, " ") {
			continue
		}
		long := ms[mi]
		links = append(links, [2]string{NormalizeName(acr.Text), NormalizeName(long.Text)})
		if j, ok := byStart[acr.Start]; ok {
			ms[j].Type = long.Type
			continue
		}
		ms = append(ms, Mention{Start: acr.Start, End: acr.End, Text: acr.Text, Type: long.Type,
			Sentence: sentenceOf(sents, acr.Start), Source: SourceAcronym, Confidence: long.Confidence})
	}
	return dropEmpty(ms), links
}

// acronymLinks are the small words that may join the parts of a long
// form the tagger cut: "Organisation for Security and Cooperation in
// Europe".
var acronymLinks = wordSet(`in of for and the de`)

// acronymSpan returns the first of the mentions, ending with mention mi,
// that are joined by small words (acronymLinks) and whose capitalised
// words' initials spell acr, when mi's alone do not.
func (r docRules) acronymSpan(toks []Token, ms []Mention, byEnd map[int]int, mi int, acr string) (int, bool) {
	letters := strings.Map(func(c rune) rune {
		if unicode.IsUpper(c) {
			return c
		}
		return -1
	}, acr)
	initials := func(from, to int) string {
		var b strings.Builder
		for k := from; k <= to; k++ {
			if w := toks[k].Text; startsUpper(w) {
				r, _ := utf8.DecodeRuneInString(w)
				b.WriteRune(unicode.ToUpper(r))
			}
		}
		return b.String()
	}
	last := tokenAt(toks, ms[mi].End-1)
	first := mi
	start := tokenAt(toks, ms[mi].Start)
	if start < 0 || last < 0 || initials(start, last) == letters {
		return 0, false
	}
	for hops := 0; hops < 2; hops++ {
		k := start - 1
		for k >= 0 && start-k <= 2 && acronymLinks[toks[k].Text] {
			k--
		}
		j, ok := byEnd[k]
		if k < 0 || k == start-1 || !ok {
			return 0, false
		}
		first, start = j, tokenAt(toks, ms[j].Start)
		if start < 0 {
			return 0, false
		}
		if initials(start, last) == letters {
			return first, true
		}
	}
	return 0, false
}

// isAcronym reports whether w looks like an acronym: two to eight letters,
// mostly capitals ("RDK", "ISW", "NATO", "GUR", "MoD").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	upper := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r), r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return upper >= 2 && upper*2 > utf8.RuneCountInString(w)
}

// sentenceOf returns the index of the sentence that contains byte off.
func sentenceOf(sents []Sentence, off int) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].End > off })
	if i == len(sents) {
		return len(sents) - 1
	}
	return i
}

// knownNames tags the well-known organisations ("Kremlin", "NATO") and
// the countries of the gazetteer, and the media and armed units of the
// rules' list (gazetteer.RuleOrgs: "Meduza", "Vympel"), that the tagger
// left untagged, when they are written with a capital letter.
func (r docRules) knownNames(text string, toks []Token, sents []Sentence, ms []Mention, gm *sentenceMatches) []Mention {
	var mainOf, ruleOf [][]gazetteer.Match
	if gm != nil {
		mainOf, ruleOf = gm.mainOf, gm.ruleOf
	}
	ms = r.matchKnown(text, toks, sents, ms, r.gaz, false, mainOf)
	return r.matchKnown(text, toks, sents, ms, gazetteer.RuleOrgs(), true, ruleOf)
}

// matchKnown is one pass of knownNames over the names of g. With ruleList,
// g is the rules' list of organisations, and a name the main gazetteer
// knows as a place, a nationality or a first name is left to the tagger.
// found, when not nil, holds g's matches of each sentence.
func (r docRules) matchKnown(text string, toks []Token, sents []Sentence, ms []Mention, g *gazetteer.Gazetteer, ruleList bool, found [][]gazetteer.Match) []Mention {
	covered := coverage(ms)
	var words []string
	for si, s := range sents {
		stoks := toks[s.FirstToken:s.EndToken]
		if len(stoks) == 0 || allCaps(stoks) {
			continue // headlines in capitals: every word would look like a name
		}
		words = words[:0]
		for _, t := range stoks {
			words = append(words, t.Text)
		}
		var matches []gazetteer.Match
		if found != nil {
			matches = found[si]
		} else {
			matches = g.Match(words)
		}
		for _, m := range matches {
			if ruleList && r.gaz.Lookup(strings.Join(words[m.Start:m.End], " ")).Has(gazetteer.Place|gazetteer.Demonym|gazetteer.FirstName) {
				continue
			}
			typ := ""
			switch {
			case m.Class.Has(gazetteer.Org) && !m.Class.Has(gazetteer.Country|gazetteer.Region):
				typ = Organization
			case m.Class.Has(gazetteer.Country) && !m.Class.Has(gazetteer.Demonym):
				typ = Location
			default:
				continue
			}
			if m.End-m.Start > 1 && leadingDeterminers[stoks[m.Start].Text] {
				m.Start++ // "the Kyiv Independent" for "The Kyiv Independent"
			}
			first, last := stoks[m.Start], stoks[m.End-1]
			if !startsUpper(first.Text) || insideLongerName(stoks, m.Start, m.End) {
				continue
			}
			if covered(first.Start, last.End) {
				// An organisation the tagger cut down to the place inside it
				// ("New York" of "New York Times"): the name replaces the
				// mentions it holds.
				if typ != Organization || !replaceInside(ms, first.Start, last.End) {
					continue
				}
			}
			ms = append(ms, Mention{Start: first.Start, End: last.End, Text: text[first.Start:last.End], Type: typ,
				Sentence: sentenceOf(sents, first.Start), Source: SourceGazetteer, Confidence: 0.7})
		}
	}
	return dropEmpty(ms)
}

// replaceInside empties the mentions inside [start, end) and reports
// whether they are all places or people shorter than it and no mention
// runs across its edges or is an organisation; otherwise it changes
// nothing. Emptied mentions (Start == End) are removed by dropEmpty.
func replaceInside(ms []Mention, start, end int) bool {
	var inside []int
	for i, m := range ms {
		if m.End <= start || m.Start >= end || m.Start == m.End {
			continue
		}
		if m.Start < start || m.End > end || m.Type == Organization || m.End-m.Start == end-start {
			return false
		}
		inside = append(inside, i)
	}
	for _, i := range inside {
		ms[i].End = ms[i].Start
	}
	return len(inside) > 0
}

// dropEmpty removes the mentions that replaceInside emptied.
func dropEmpty(ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if m.Start < m.End {
			out = append(out, m)
		}
	}
	return out
}

// datelines tags the place that opens a dateline, written in capitals and
// followed by a comma or a date, in a sentence that has a date or a news
// agency in its first tokens: "ROME 1996-12-06", "BELGOROD, Russia (AP) —";
// or, when the gazetteer knows it as a place, followed by a dash
// ("HOUSTON —"), or followed by a comma, a place the gazetteer knows and a
// dash ("MOGADISHU, Somalia —").
func (r docRules) datelines(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	for _, s := range sents {
		stoks := toks[s.FirstToken:s.EndToken]
		n := 0
		for n < len(stoks) && n < 4 && isCapsWord(stoks[n].Text) {
			n++
		}
		// A wire's dash may be a hyphen between spaces ("KYIV - The").
		dash := func(k int) bool {
			return isDash(stoks[k].Text) || stoks[k].Text == "-" && k > 0 && k+1 < len(stoks) &&
				stoks[k-1].End < stoks[k].Start && stoks[k].End < stoks[k+1].Start
		}
		if n == 0 || n == len(stoks) || stoks[n].Text != "," && !isDate(stoks[n].Text) && !dash(n) {
			continue
		}
		// "HOUSTON — A fire": a place the gazetteer knows; "MOGADISHU,
		// Somalia —": the country or state after the comma a place too.
		dated := dash(n) && n+1 < len(stoks) && startsUpper(stoks[n+1].Text) &&
			r.gaz.Lookup(text[stoks[0].Start:stoks[n-1].End]).Has(gazetteer.Place)
		for k := n + 1; !dated && stoks[n].Text == "," && k < len(stoks) && k <= n+4; k++ {
			if dash(k) {
				dated = k > n+1 && r.gaz.Lookup(text[stoks[n+1].Start:stoks[k-1].End]).Has(gazetteer.Place)
				break
			}
			if !startsUpper(stoks[k].Text) {
				break
			}
		}
		for _, t := range stoks[n:min(len(stoks), n+8)] {
			dated = dated || isDate(t.Text) || agencies[strings.ToLower(strings.Trim(t.Text, "()"))]
		}
		start, end := stoks[0].Start, stoks[n-1].End
		if !dated {
			continue
		}
		if covered(start, end) {
			// "KYIV, Ukraine 2023-05-12" tagged as an organisation: a
			// known place opening a dateline is the place; a name run on
			// over the dash ("WASHINGTON - House Speaker") ends before it.
			place := text[start:end]
			for i := range ms {
				if ms[i].Start == start && ms[i].End > end && dash(n) && ms[i].End > stoks[n].Start &&
					r.gaz.Lookup(place).Has(gazetteer.Place) && !r.knownOrg(place) {
					ms[i].End, ms[i].Text, ms[i].Type = end, place, Location
				}
				if ms[i].Start == start && ms[i].End == end && ms[i].Type != Location &&
					r.gaz.Lookup(ms[i].Text).Has(gazetteer.Place) && !r.knownOrg(ms[i].Text) {
					ms[i].Type = Location
				}
			}
			continue
		}
		ms = append(ms, Mention{Start: start, End: end, Text: text[start:end], Type: Location,
			Sentence: sentenceOf(sents, start), Source: SourceDateline, Confidence: 0.8})
	}
	return ms
}

// isDash reports whether w is a dash that sets off a dateline: "—", "–"
// or "--".
func isDash(w string) bool { return w == "—" || w == "–" || w == "--" }

// cityStates tags the town and the state of "Peoria, Ill." and "Little
// Rock, Ark.": a state's abbreviation with its period, after a comma and a
// run of one to three capitalised words that no mention but a place covers.
// The town is tagged too when nothing covers it, unless its words are a
// person's first name and surname. After "of", "in", "from", "near" or
// "outside" ("Ruth Bader, 90, of Scarsdale, N.Y."; "of Killeen, Texas")
// the town is a place even when the tagger took it for a person or an
// organisation, and a state's full one-word name ("Texas", "Ohio") counts
// as its abbreviation does.
func (r docRules) cityStates(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	placeAt := make(map[int]bool) // end offset of a place mention
	others := make(map[int]int)   // end offset of a mention of another type -> its index + 1
	for i, m := range ms {
		if m.Type == Location {
			placeAt[m.End] = true
		} else {
			others[m.End] = i + 1
		}
	}
	n := len(ms)
	for _, s := range sents {
		for t := s.FirstToken + 2; t < s.EndToken; t++ {
			abbr, end := strings.TrimSuffix(toks[t].Text, "."), toks[t].End
			full := false
			switch {
			case startsUpper(toks[t].Text) && inLower(usStates, toks[t].Text):
				// "Texas": already a place, or nothing yet
				full = true
				if covered(toks[t].Start, end) && !placeAt[end] {
					continue
				}
			case abbr == toks[t].Text:
				// "Ill" "." as two tokens
				if t+1 >= s.EndToken || toks[t+1].Text != "." || toks[t+1].Start != toks[t].End {
					continue
				}
				end = toks[t+1].End
			}
			if !full && strings.Contains(abbr, ".") && stateAbbreviations[strings.ToLower(abbr)] && toks[t-1].Text == "," &&
				placeAt[toks[t-2].End] && others[end] > 0 && others[end]-1 < n && ms[others[end]-1].Start == toks[t].Start {
				// "Asheville, N.C." with the state tagged a person
				ms[others[end]-1].Type, ms[others[end]-1].Source = Location, SourceCityState
				delete(others, end)
				placeAt[end] = true
				continue
			}
			if !full && (!startsUpper(abbr) || !stateAbbreviations[strings.ToLower(abbr)] || covered(toks[t].Start, end)) || toks[t-1].Text != "," {
				continue
			}
			// The town: capitalised words right before the comma.
			first := t - 1
			for first > s.FirstToken && t-1-first < 3 && startsUpper(toks[first-1].Text) {
				first--
			}
			if first == t-1 {
				continue
			}
			tStart, tEnd := toks[first].Start, toks[t-2].End
			afterPrep := first > s.FirstToken && inLower(townPrepositions, toks[first-1].Text)
			switch {
			case others[tEnd] > 0:
				// "Smith, Ill." of a person tagged so, but "of Scarsdale, N.Y.":
				// the mention of the town alone, after a preposition of place
				i := others[tEnd] - 1
				if i >= n || !afterPrep || ms[i].Start != tStart || r.personName(toks[first:t-1]) {
					continue
				}
				ms[i].Type, ms[i].Source = Location, SourceCityState
				delete(others, tEnd)
				placeAt[tEnd] = true
			case !placeAt[tEnd] && !covered(tStart, tEnd):
				if r.personName(toks[first:t-1]) || full && !afterPrep {
					continue
				}
				ms = append(ms, Mention{Start: tStart, End: tEnd, Text: text[tStart:tEnd], Type: Location,
					Sentence: sentenceOf(sents, tStart), Source: SourceCityState, Confidence: 0.8})
			case !placeAt[tEnd]:
				continue // part of a longer mention
			}
			if full && placeAt[end] {
				continue // the state was a place already
			}
			ms = append(ms, Mention{Start: toks[t].Start, End: end, Text: text[toks[t].Start:end], Type: Location,
				Sentence: sentenceOf(sents, toks[t].Start), Source: SourceCityState, Confidence: 0.8})
		}
	}
	return ms
}

// townPrepositions introduce a town ("of Peoria, Ill.").
var townPrepositions = wordSet(`of in from near outside`)

// usStates are the one-word names of the US states.
var usStates = wordSet(`alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
	idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
	missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
	washington wisconsin wyoming`)

// personName reports whether words are a first name the gazetteer knows
// and a surname, not a place it knows by those words.
func (r docRules) personName(words []Token) bool {
	if len(words) < 2 || !r.gaz.Word(words[0].Text).Has(gazetteer.FirstName) {
		return false
	}
	var name strings.Builder
	for i, w := range words {
		if i > 0 {
			name.WriteByte(' ')
		}
		name.WriteString(w.Text)
	}
	return !r.gaz.Lookup(name.String()).Has(gazetteer.Place)
}

// agencies are the news agencies that sign datelines.
var agencies = wordSet(`ap reuters afp upi dpa xinhua tass ria interfax efe ansa kyodo pa bloomberg`)

// isCapsWord reports whether w is a word in capitals of at least two
// letters ("ROME", "AL-AIN", "ST."), not a number or punctuation.
func isCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '-' || r == '.' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 2
}

// isDate reports whether w is a date written as digits: 1996-12-06,
// 12/06/1996, 2023-05-22.
func isDate(w string) bool {
	digits, seps := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '/' || r == '.':
			seps++
		default:
			return false
		}
	}
	return digits >= 6 && seps == 2
}

// nameLinks join the capitalised words of one name ("Tour de France",
// "Bank of England").
var nameLinks = wordSet(`of de du des la le di da del van von for and &`)

// insideLongerName reports whether tokens [start, end) continue a
// capitalised name around them, which the tagger left untagged on purpose
// ("Tour de France", "Church of England").
func insideLongerName(toks []Token, start, end int) bool {
	if start > 0 {
		p := toks[start-1].Text
		if start > 1 && nameLinks[strings.ToLower(p)] && startsUpper(toks[start-2].Text) || start > 1 && startsUpper(p) {
			return true
		}
	}
	return end < len(toks) && startsUpper(toks[end].Text)
}

// allCaps reports whether every token with letters is in capitals.
func allCaps(toks []Token) bool {
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// notCountryWords are country names that are also common lower-case words.
var notCountryWords = wordSet(`turkey chad china jordan guinea georgia niger mali peru cuba togo oman iran iraq`)

// lowercaseCountries tags country names written in lower case ("russia"),
// which the tagger, trained on edited text, misses.
func (r docRules) lowercaseCountries(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	for _, t := range toks {
		w := t.Text
		if len(w) < 4 || !isLowerWord(w) || notCountryWords[w] || covered(t.Start, t.End) {
			continue
		}
		if r.gaz.Word(w).Has(gazetteer.Country) {
			ms = append(ms, Mention{Start: t.Start, End: t.End, Text: w, Type: Location,
				Sentence: sentenceOf(sents, t.Start), Source: SourceCountry, Confidence: 0.6})
		}
	}
	return ms
}

func allLower(words []string) bool {
	for _, w := range words {
		if !isLowerWord(w) {
			return false
		}
	}
	return true
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// coverage returns a function telling whether a byte span overlaps one of
// ms (as they are when coverage is called).
func coverage(ms []Mention) func(start, end int) bool {
	spans := make([][2]int, len(ms))
	for i, m := range ms {
		spans[i] = [2]int{m.Start, m.End}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	// maxEnd[i] is the furthest end of spans[:i+1].
	maxEnd := make([]int, len(spans))
	longest := 0
	for i, sp := range spans {
		maxEnd[i] = sp[1]
		if i > 0 && maxEnd[i-1] > sp[1] {
			maxEnd[i] = maxEnd[i-1]
		}
		longest = max(longest, sp[1]-sp[0])
	}
	return func(start, end int) bool {
		i := sort.Search(len(spans), func(i int) bool { return spans[i][0] >= end })
		// The spans are looked at back to 64 KiB before end. When no span
		// is so long that one starting further back could reach start,
		// that is every span before i, and their furthest end answers.
		if longest+(end-start) <= 1<<16 {
			return i > 0 && maxEnd[i-1] > start
		}
		for j := i - 1; j >= 0; j-- {
			if spans[j][1] > start {
				return true
			}
			if end-spans[j][0] > 1<<16 {
				break
			}
		}
		return false
	}
}

// propagate tags every other occurrence of a name the document already
// tagged (a tagger misses "Gladkov" in one sentence and finds it in the
// next): the same tokens, written the same way, not inside another
// mention. Only names that begin with a capital letter, or acronyms, are
// propagated.
func (r docRules) propagate(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	type name struct {
		words      []string
		typ        string
		confidence float64
		rank       int  // place in its byFirst list
		caps       bool // the name in capitals, matched only in lines in capitals
		short      bool // a club's first word: not matched opening a sentence ("Real estate")
	}
	seen := make(map[string]*name)
	byFirst := make(map[string][]*name)
	for _, m := range ms {
		first, last := tokenAt(toks, m.Start), tokenAt(toks, m.End-1)
		if first < 0 || last < 0 || !startsUpper(toks[first].Text) {
			continue
		}
		words := make([]string, 0, last-first+1)
		for t := first; t <= last; t++ {
			words = append(words, toks[t].Text)
		}
		key := strings.Join(words, " ")
		if n, ok := seen[key]; ok {
			if m.Confidence > n.confidence && m.Type == n.typ {
				n.confidence = m.Confidence
			}
			continue
		}
		n := &name{words: words, typ: m.Type, confidence: m.Confidence}
		seen[key] = n
		byFirst[words[0]] = append(byFirst[words[0]], n)
		// A club named by a word and its town is named by the word alone
		// too ("Real" after "Real Madrid", "Dynamo" after "Dynamo Kiev"),
		// when the word is no place, name or nationality.
		if first := words[0]; m.Type == Organization && len(words) == 2 && len(first) > 2 && startsUpper(first) &&
			!isCapsWord(first) && seen[first] == nil && r.gaz.Word(words[1]).Has(gazetteer.City) &&
			!r.gaz.Word(first).Has(gazetteer.Place|gazetteer.FirstName|gazetteer.Demonym|gazetteer.OrgSuffix) {
			cn := &name{words: []string{first}, typ: Organization, confidence: m.Confidence * 0.9, short: true}
			seen[first] = cn
			byFirst[first] = append(byFirst[first], cn)
		}
		// A person's surname alone names them too ("Seagal" after "Steven
		// Seagal"), unless it is also a place or a title.
		if last := words[len(words)-1]; m.Type == Person && len(words) > 1 && len(last) > 2 && startsUpper(last) &&
			!personTitles[strings.ToLower(last)] && !r.gaz.Word(last).Has(gazetteer.Place|gazetteer.Org) && seen[last] == nil {
			sn := &name{words: []string{last}, typ: Person, confidence: m.Confidence * 0.9}
			seen[last] = sn
			byFirst[last] = append(byFirst[last], sn)
		}
	}
	if len(seen) == 0 {
		return ms
	}
	// A headline in capitals names what the text names ("BUNDESBANK
	// LEAVES RATES UNCHANGED" above "The Bundesbank left…").
	capsSent := make([]bool, len(sents))
	anyCaps := false
	for i, s := range sents {
		capsSent[i] = s.EndToken-s.FirstToken > 1 && allCaps(toks[s.FirstToken:s.EndToken])
		anyCaps = anyCaps || capsSent[i]
	}
	if anyCaps {
		keys := make([]string, 0, len(seen))
		for k := range seen {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the same names in every run
		for _, k := range keys {
			n := seen[k]
			up := make([]string, len(n.words))
			for i, w := range n.words {
				up[i] = strings.ToUpper(w)
			}
			uk := strings.Join(up, " ")
			if _, ok := seen[uk]; ok || n.caps {
				continue
			}
			cn := &name{words: up, typ: n.typ, confidence: n.confidence, caps: true}
			seen[uk] = cn
			byFirst[up[0]] = append(byFirst[up[0]], cn)
		}
	}
	// The name matched at a token is the first of its first word's list
	// (longest first) whose words follow: found by the hash of the words,
	// for each length the list has, so the work per token does not grow
	// with the number of names.
	lengths := make(map[string][]int) // first word -> lengths of its names, longest first
	byWords := make(map[uint64][]*name)
	for first, list := range byFirst {
		sort.Slice(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
		var ls []int
		for r, n := range list {
			n.rank = r
			if len(ls) == 0 || ls[len(ls)-1] != len(n.words) {
				ls = append(ls, len(n.words))
			}
			h := wordsHash(len(n.words), func(i int) string { return n.words[i] })
			byWords[h] = append(byWords[h], n)
		}
		lengths[first] = ls
	}
	covered := coverage(ms)
	var added []Mention
	for t := 0; t < len(toks); t++ {
		var n *name
		for _, l := range lengths[toks[t].Text] {
			end := t + l
			if end > len(toks) {
				continue
			}
			h := wordsHash(l, func(i int) string { return toks[t+i].Text })
			for _, c := range byWords[h] {
				if c.caps && !capsSent[sentenceOf(sents, toks[t].Start)] {
					continue
				}
				if len(c.words) == l && (n == nil || c.rank < n.rank) && sameWords(toks[t:end], c.words) {
					n = c
				}
			}
			if n != nil {
				break
			}
		}
		if n == nil {
			continue
		}
		end := t + len(n.words)
		start, stop := toks[t].Start, toks[end-1].End
		if covered(start, stop) || sentenceOf(sents, start) != sentenceOf(sents, stop-1) {
			continue
		}
		// A longer capitalised name continuing past the match is
		// another name ("Belgorod" in "Belgorod People's Republic").
		// A title after it does not make it longer ("Dnipropetrovsk
		// Governor Serhiy Lysak").
		if end < len(toks) && startsUpper(toks[end].Text) && toks[end].Start == stop+1 && len(n.words) == 1 && !n.caps &&
			!(n.typ == Location && inLower(personTitles, toks[end].Text)) {
			continue
		}
		if n.short && sents[sentenceOf(sents, start)].FirstToken == t {
			continue
		}
		added = append(added, Mention{Start: start, End: stop, Text: text[start:stop], Type: n.typ,
			Sentence: sentenceOf(sents, start), Source: SourceDocument, Confidence: n.confidence * 0.9})
		t = end - 1
	}
	return append(ms, added...)
}

// wordsHash hashes the n words word(0), ..., word(n-1) (FNV-1a, with a
// byte that UTF-8 never holds between words).
func wordsHash(n int, word func(int) string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < n; i++ {
		w := word(i)
		for j := 0; j < len(w); j++ {
			h = (h ^ uint64(w[j])) * 1099511628211
		}
		h = (h ^ 0xff) * 1099511628211
	}
	return h
}

func sameWords(toks []Token, words []string) bool {
	for i, w := range words {
		if toks[i].Text != w {
			return false
		}
	}
	return true
}

// typeListedPlaces makes a person mention the tagger was unsure of a place
// when it is an item of a list joined by "and" or "or" that holds a place
// the tagger is fairly sure of, and the gazetteer knows the name as a place
// and not as a first name: "along with Lugansk, Zaporizhia and Kherson".
func (r docRules) typeListedPlaces(toks []Token, ms []Mention) {
	order := make([]int, 0, len(ms))
	for i := range ms {
		order = append(order, i)
	}
	sort.SliceStable(order, func(a, b int) bool { return ms[order[a]].Start < ms[order[b]].Start })
	for a := 0; a < len(order); {
		b := a + 1
		for b < len(order) && listJoined(toks, ms[order[b-1]], ms[order[b]]) {
			b++
		}
		place, and := false, false
		for k, i := range order[a:b] {
			place = place || ms[i].Type == Location && ms[i].Confidence >= 0.6
			if k > 0 {
				for t := tokenAt(toks, ms[order[a+k-1]].End-1) + 1; t < tokenAt(toks, ms[i].Start); t++ {
					and = and || toks[t].Text != ","
				}
			}
		}
		if place && and {
			for _, i := range order[a:b] {
				c := r.gaz.Lookup(ms[i].Text)
				if ms[i].Type == Person && ms[i].Confidence < 0.6 && c.Has(gazetteer.Place) && !c.Has(gazetteer.FirstName) {
					ms[i].Type = Location
				}
			}
		}
		a = b
	}
}

// listJoined reports whether only a comma, "and" or "or" (or a comma and
// one of them) stand between mentions a and b.
func listJoined(toks []Token, a, b Mention) bool {
	ta, tb := tokenAt(toks, a.End-1), tokenAt(toks, b.Start)
	if tb-ta < 2 || tb-ta > 3 {
		return false
	}
	for t := ta + 1; t < tb; t++ {
		switch toks[t].Text {
		case ",", "and", "or":
		default:
			return false
		}
	}
	return true
}

// settlementCues are the placeCues of settlements, after which a name
// the gazetteer does not know is still a place: "the village of Lice".
var settlementCues = wordSet(`city town village settlement`)

// placeCues are the nouns that, followed by "of", name a place: "the
// region of Sumy".
var placeCues = wordSet(`city town village settlement region province oblast district county island port`)

// cuedPlaces tags a place the tagger missed after a place noun and "of"
// ("the northern Ukrainian region of Sumy"): capitalised words, at most
// three, that the gazetteer knows as a place.
func (r docRules) cuedPlaces(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	covered := coverage(ms)
	for t := 2; t < len(toks); t++ {
		if toks[t-1].Text != "of" || !inLower(placeCues, toks[t-2].Text) || !startsUpper(toks[t].Text) {
			continue
		}
		end := t
		for end < len(toks) && end < t+3 && startsUpper(toks[end].Text) && nextWordOrFirst(text, toks, t, end) {
			end++
		}
		for ; end > t; end-- {
			start, stop := toks[t].Start, toks[end-1].End
			if covered(start, stop) || !r.gaz.Lookup(text[start:stop]).Has(gazetteer.Place) {
				continue
			}
			if end < len(toks) && startsUpper(toks[end].Text) && nextWord(text, toks, end) {
				break // part of a longer name
			}
			ms = append(ms, Mention{Start: start, End: stop, Text: text[start:stop], Type: Location,
				Sentence: sentenceOf(sents, start), Source: SourceGazetteer, Confidence: 0.7})
			break
		}
		// "near the village of Lice in Diyarbakir province": one proper
		// noun after a settlement's noun is a place, known or not.
		if w := toks[t]; inLower(settlementCues, toks[t-2].Text) && properNoun(w) && !isCapsWord(w.Text) &&
			!covered(w.Start, w.End) && (t+1 == len(toks) || !startsUpper(toks[t+1].Text)) &&
			!r.gaz.Word(w.Text).Has(gazetteer.Demonym|gazetteer.PersonTitle|gazetteer.OrgSuffix) {
			ms = append(ms, Mention{Start: w.Start, End: w.End, Text: w.Text, Type: Location,
				Sentence: sentenceOf(sents, w.Start), Source: SourceDocument, Confidence: 0.6})
		}
	}
	// "the Eyjafjallajokull volcano", "the Swat valley": one or two
	// untagged proper nouns between "the" and a lower-case noun of
	// nature name a place, known to the gazetteer or not.
	for t := 1; t+1 < len(toks); t++ {
		if !strings.EqualFold(toks[t-1].Text, "the") {
			continue
		}
		end := t
		for end < len(toks) && end < t+2 && properNoun(toks[end]) && !isCapsWord(toks[end].Text) {
			end++
		}
		if end == t || end >= len(toks) || !natureNouns[toks[end].Text] {
			continue
		}
		start, stop := toks[t].Start, toks[end-1].End
		if covered(start, stop) {
			// "the Amazon rainforest": a company's or a person's name
			// there names the place.
			for i := range ms {
				if ms[i].Start == start && ms[i].End == stop && ms[i].Type != Location && ms[i].Source != SourceAcronym {
					ms[i].Type = Location
				}
			}
			continue
		}
		if r.gaz.Lookup(text[start:stop]).Has(gazetteer.Demonym | gazetteer.Org | gazetteer.Company) {
			continue
		}
		ms = append(ms, Mention{Start: start, End: stop, Text: text[start:stop], Type: Location,
			Sentence: sentenceOf(sents, start), Source: SourceDocument, Confidence: 0.7})
	}
	return ms
}

// natureNouns name places of nature after their name: "the Swat valley",
// "the Amazon rainforest".
var natureNouns = wordSet(`volcano river lake valley glacier desert mountains peninsula strait gulf bay canyon
	rainforest jungle basin delta`)

// nextWordOrFirst reports whether token j continues the name that starts
// at token first: it is the first one or follows the one before it after
// a single space.
func nextWordOrFirst(text string, toks []Token, first, j int) bool {
	return j == first || nextWord(text, toks, j)
}

// resultLines reads the lines of a sports page that are a result ("Leeds 2
// Chelsea 1", "Rotterdam 2 Utrecht 2 (halftime 1-0)") or a league-table row
// ("Benfica 28 17 7 4 49 22 58"): their names are teams. A town or region
// there is a club, and a name the tagger missed is tagged, a club unless
// the gazetteer knows it as a country (a national team stays a place). A
// line is the tokens between two line breaks; a name is one to four
// capitalised words, and one team of the line must be tagged or known to
// the gazetteer.
func (r docRules) resultLines(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	byStart := make(map[int]int, len(ms))
	for i, m := range ms {
		byStart[m.Start] = i
	}
	covered := coverage(ms)
	var added []Mention
	// A line is a result when one of its teams is a name the tagger or
	// the gazetteer knows (not "Chapter 1 Section 2"), or, on a page with
	// such a line, when it has a result's shape ("Wasps 31 Harlequins 17").
	type result struct {
		line  []Token
		teams [][2]int
		known bool
	}
	var results []result
	page := false
	for _, ln := range lineRanges(text, toks) {
		line := toks[ln[0]:ln[1]]
		teams := resultTeams(line)
		if teams == nil {
			continue
		}
		known := false
		for _, tm := range teams {
			from, to := line[tm[0]].Start, line[tm[1]-1].End
			_, tagged := byStart[from]
			known = known || tagged || r.gaz.Lookup(text[from:to]).Has(gazetteer.Place|gazetteer.Org) || r.knownOrg(text[from:to])
		}
		page = page || known
		if !known && !properNouns(line, teams) {
			continue
		}
		results = append(results, result{line, teams, known})
	}
	for _, res := range results {
		if !res.known && !page {
			continue
		}
		line, teams := res.line, res.teams
		for _, tm := range teams {
			from, to := line[tm[0]].Start, line[tm[1]-1].End
			name := text[from:to]
			c := r.gaz.Lookup(name)
			// A golfer's row ("Fred Couples 68 70 69 207") names a person.
			person := len(teams) == 1 && r.personName(line[tm[0]:tm[1]])
			if i, ok := byStart[from]; ok && ms[i].End == to {
				switch {
				case person:
					ms[i].Type = Person
				case ms[i].Type == Location && !c.Has(gazetteer.Country):
					ms[i].Type = Organization
				case ms[i].Type == Person && len(teams) == 2:
					ms[i].Type = Organization // "Roda JC 1 Heerenveen 1": both sides are teams
				}
				continue
			}
			if covered(from, to) || c.Has(gazetteer.Demonym|gazetteer.FirstName) && !c.Has(gazetteer.Place) {
				continue
			}
			typ := Organization
			switch {
			case person:
				typ = Person
			case c.Has(gazetteer.Country):
				typ = Location
			}
			added = append(added, Mention{Start: from, End: to, Text: name, Type: typ,
				Sentence: sentenceOf(sents, from), Source: SourceDocument, Confidence: 0.6})
		}
	}
	return append(ms, added...)
}

// listLabels open a line that lists people: "Scorers : Ravanelli 12 ,
// Vialli 45", "Bowling : Gough 20-4-65-3 , Cork 18-2-70-1".
var listLabels = wordSet(`scorers scorer goalscorers goalscorer goals bowling batting substitutes subs booked
	cautioned lineup line-up referee`)

// batting marks a cricket batsman's line: "M. Atherton c Stewart b Gough
// 45", "N. Hussain lbw b Wasim 12", "G. Thorpe not out 88".
var batting = wordSet(`c b lbw st`)

// sportsLists types the people and teams of a sports page's lists, which
// the tagger reads poorly: a line labelled "Scorers :", "Bowling :" and the
// like (a name before a dash there is a team: "Leeds - Ian Rush 23"), a
// team's line-up ("Arsenal : Seaman , Dixon , Adams , ..."; nine names or
// more with only punctuation and numbers between them, the team before the
// colon), a cricket innings line (the sides before their scores, the
// batsmen in brackets) and a cricket batsman's line. Each capitalised run
// between commas, numbers, brackets and the scorecard's words is a person;
// a country in brackets (a nationality) stays a place, and a team is a club
// unless it is a country. Mentions inside a run give way to it; one
// running into it from before is cut there (applyEdits).
func (r docRules) sportsLists(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	var people [][2]int // token ranges
	var teams [][2]int
	for _, ln := range lineRanges(text, toks) {
		lo, hi := ln[0], ln[1]
		if hi-lo < 3 || hi-lo > 120 {
			continue
		}
		colon := -1
		for t := lo; t < hi && t < lo+4; t++ {
			if toks[t].Text == ":" {
				colon = t
				break
			}
		}
		runs := nameRuns(toks, lo, hi)
		switch {
		case colon > lo && inLower(listLabels, strings.ToLower(toks[colon-1].Text)):
			for _, rn := range runs {
				switch {
				case rn[0] <= colon:
				case rn[1] < hi && toks[rn[1]].Text == "-":
					teams = append(teams, rn) // "Scorers : Leeds - Ian Rush 23"
				default:
					people = append(people, rn)
				}
			}
		case colon > lo:
			var items [][2]int
			for _, rn := range runs {
				if rn[0] > colon {
					items = append(items, rn)
				}
			}
			if len(items) < 9 || len(runs) == 0 || runs[0][0] != lo || runs[0][1] != colon || !onlySeparators(toks, items) {
				continue
			}
			teams = append(teams, runs[0])
			people = append(people, items...)
		case hi-lo <= 30 && len(runs) > 0 && runs[0][0] == lo && runs[0][1] < hi && isInnings(toks, runs[0][1], hi):
			// An innings: "Worcestershire 241-6 ( T. Moody 88 ) beat
			// Glamorgan 198 all out": the sides, and the batsmen in
			// brackets.
			for _, rn := range runs {
				switch {
				case isInnings(toks, rn[1], hi):
					teams = append(teams, rn)
				case rn[0] > lo && toks[rn[0]-1].Text == "(" && rn[1] < hi && isNumber(toks[rn[1]].Text):
					people = append(people, rn)
				}
			}
		default:
			// A batsman: a short line of a name, then c, b, lbw or st,
			// or "not out" or "run out", and a number at its end.
			if hi-lo > 16 || !isNumber(toks[hi-1].Text) || len(runs) == 0 || runs[0][0] != lo || runs[0][1]+1 >= hi {
				continue
			}
			w, next := toks[runs[0][1]].Text, toks[runs[0][1]+1].Text
			if batting[w] || (w == "not" || w == "run") && next == "out" {
				people = append(people, runs...)
			}
		}
	}
	if len(people) == 0 && len(teams) == 0 {
		return ms
	}
	var edits []spanEdit
	for _, rn := range teams {
		from, to := toks[rn[0]].Start, toks[rn[1]-1].End
		typ := Organization
		if r.gaz.Lookup(text[from:to]).Has(gazetteer.Country) {
			typ = Location
		}
		edits = append(edits, spanEdit{from: from, to: to, typ: typ})
	}
	for _, rn := range people {
		from, to := toks[rn[0]].Start, toks[rn[1]-1].End
		if rn[0] > 0 && toks[rn[0]-1].Text == "(" && r.gaz.Lookup(text[from:to]).Has(gazetteer.Country|gazetteer.Region|gazetteer.City) {
			continue // a nationality or a club in brackets
		}
		edits = append(edits, spanEdit{from: from, to: to, typ: Person})
	}
	return applyEdits(text, toks, sents, ms, edits)
}

// isInnings reports whether a cricket side's score starts at token t of a
// line ending before hi: runs and wickets ("241-6", "389-7 declared"), or
// runs "all out".
func isInnings(toks []Token, t, hi int) bool {
	w := toks[t].Text
	if runs, wk, ok := strings.Cut(w, "-"); ok {
		return len(runs) >= 2 && isNumber(runs) && isSmallNumber(wk)
	}
	return isNumber(w) && len(w) >= 2 && t+2 < hi && toks[t+1].Text == "all" && toks[t+2].Text == "out"
}

// onlySeparators reports whether only punctuation and numbers stand
// between consecutive runs.
func onlySeparators(toks []Token, runs [][2]int) bool {
	for i := 1; i < len(runs); i++ {
		for t := runs[i-1][1]; t < runs[i][0]; t++ {
			if w := toks[t].Text; w != "," && w != ";" && w != "-" && w != "(" && w != ")" && w != "." && !isNumber(w) {
				return false
			}
		}
	}
	return true
}

// nameRuns returns the runs [first, end) of capitalised words (with
// initials such as "M." and particles "de", "van", "del" inside) between
// lo and hi, at most four words each.
func nameRuns(toks []Token, lo, hi int) [][2]int {
	var runs [][2]int
	for t := lo; t < hi; {
		if !startsUpper(toks[t].Text) || isNumber(toks[t].Text) {
			t++
			continue
		}
		e := t + 1
		for e < hi && e-t < 4 && (startsUpper(toks[e].Text) || nameParticles[toks[e].Text] && e+1 < hi && startsUpper(toks[e+1].Text)) {
			e++
		}
		runs = append(runs, [2]int{t, e})
		t = e
	}
	return runs
}

// nameParticles may stand inside a person's name.
var nameParticles = wordSet(`de da di del van von der den le la dos das`)

// properNouns reports whether every word of the teams of a result line
// is tagged a proper noun.
func properNouns(line []Token, teams [][2]int) bool {
	for _, tm := range teams {
		for _, t := range line[tm[0]:tm[1]] {
			if !properNoun(t) {
				return false
			}
		}
	}
	return true
}

// lineRanges returns the token ranges [first, end) of the text's lines.
func lineRanges(text string, toks []Token) [][2]int {
	var out [][2]int
	for first := 0; first < len(toks); {
		end := first + 1
		for end < len(toks) && !strings.Contains(text[toks[end-1].End:toks[end].Start], "\n") {
			end++
		}
		out = append(out, [2]int{first, end})
		first = end
	}
	return out
}

// resultTeams returns the token ranges of the team names of a result line
// or a table row, or none when the line is neither.
func resultTeams(line []Token) [][2]int {
	name := func(i int) int { // end of a name starting at i, or i
		j := i
		for j < len(line) && j-i < 4 && startsUpper(line[j].Text) && !isNumber(line[j].Text) {
			j++
		}
		return j
	}
	a := name(0)
	if a == 0 || a >= len(line) || !isNumber(line[a].Text) {
		return nil
	}
	// A table row: a name and at least four numbers, nothing else.
	n := a
	for n < len(line) && isNumber(line[n].Text) {
		n++
	}
	if n == len(line) && n-a >= 4 {
		return [][2]int{{0, a}}
	}
	// A result: name, score, name, score, then nothing or a parenthesis
	// (scores of up to three digits: "Chicago 104 Detroit 98").
	if n != a+1 {
		return nil
	}
	b := name(n)
	if b == n || b >= len(line) || !isNumber(line[b].Text) {
		return nil
	}
	if b+1 < len(line) && line[b+1].Text != "(" {
		return nil
	}
	return [][2]int{{0, a}, {n, b}}
}

// isNumber reports whether w is one to three digits.
func isNumber(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
