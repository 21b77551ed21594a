package extract

import (
	"github.com/dossier-nlp/dossier/extract/gazetteer"
	"github.com/dossier-nlp/dossier/extract/relate"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Typed relations: who leads, speaks for or belongs to what, what lies or is
// based where, who lives where, who killed whom.
//
// The rules read one sentence at a time as a row of units: each entity
// mention is one unit, every other token is one unit. A rule is a named
// shape over that row, for example
//
//	title-appositive   [the] ROLE PREP [fill] OBJ [tail] [,] HOLDER
//	appositive         HOLDER , [who is] [a] ROLE PREP [fill] OBJ
//	title-premodifier  OBJ ROLE [,] HOLDER        ("Kremlin spokesman Dmitry Peskov")
//
// and the words are data: roleGroups maps role nouns to predicates,
// verbCues maps verbs to predicates, relDemonymList maps nationality
// adjectives to countries. To teach the rules a new role or verb, add a
// word to a table; a new shape is a new function in typedRules.
//
// Every candidate is checked against predicateTypes, so a shape never links
// entities of the wrong types: "Paris, London and Berlin" are places, but a
// list of people never yields located_in.
//
// Decisions worth knowing:
//   - "former"/"ex-" roles still count (the relation was true and is news),
//     at 0.7 times the confidence; "would-be", "future" and the like do not.
//   - A negated role or verb ("not a spokesman", "did not kill") yields
//     nothing.
//   - "deputy"/"vice"/"assistant" turn leads into member_of.
//   - Nested organisations ("the Main Directorate of Intelligence of the
//     Ministry of Defense") are never related by "of" alone: part_of needs
//     an explicit cue ("a part of", "a unit of").
//   - A person "from" a place lives there whatever the role ("a farmer
//     from Iowa"); a common noun between a place or organisation and a
//     person ("a Dallas lawyer", "Microsoft engineer John Smith") gives
//     lives_in or member_of at a lower confidence, unless it names a
//     relation that is no membership ("Kremlin critic", "a Russia expert").
//   - A country never lies in another place ("Russia, Ukraine" is a list).

// Predicates of typed relations (GUIDE.md, "Relation predicates").
const (
	predicateLeads     = "leads"
	predicateSpeaksFor = "speaks_for"
	predicateMemberOf  = "member_of"
	predicatePartOf    = "part_of"
	predicateLocatedIn = "located_in"
	predicateBasedIn   = "based_in"
	predicateLivesIn   = "lives_in"
	predicateKilled    = "killed"
	predicateBornIn    = "born_in"
)

// predicateTypes lists, for each typed predicate, the entity types its
// subject and its object may have.
var predicateTypes = map[string]struct{ subject, object []string }{
	predicateLeads:     {[]string{Person}, []string{Organization, Location}},
	predicateSpeaksFor: {[]string{Person}, []string{Organization, Person}},
	predicateMemberOf:  {[]string{Person}, []string{Organization}},
	predicatePartOf:    {[]string{Organization}, []string{Organization}},
	predicateLocatedIn: {[]string{Location}, []string{Location}},
	predicateBasedIn:   {[]string{Organization}, []string{Location}},
	predicateLivesIn:   {[]string{Person}, []string{Location}},
	predicateKilled:    {[]string{Person, Organization}, []string{Person}},
	predicateBornIn:    {[]string{Person}, []string{Location}},
}

// predicateFits reports whether pred may link an entity of type subj to one of
// type obj.
func predicateFits(pred, subj, obj string) bool {
	t, ok := predicateTypes[pred]
	return ok && slices.Contains(t.subject, subj) && slices.Contains(t.object, obj)
}

// Confidence of the rule shapes. Strong shapes state the relation outright;
// weak ones are usually but not always read that way.
const (
	relConfStrong = 0.9
	relConfGood   = 0.8
	relConfFair   = 0.7
	relConfWeak   = 0.6
	relConfPoor   = 0.55
)

// roleGroups are the role nouns. A role makes its holder (a person, an
// organisation or a place) the subject of the first of preds whose types
// fit, and the entity its preposition (one of preps) introduces, or the
// entity before it ("Kremlin spokesman"), the object. Multi-word roles are
// written with '_'. weight scales the confidence of the shape. A rank is
// the head of a title only when no other role word is in it ("Press
// Secretary Brigadier General Pat Ryder" speaks for, not serves in).
var roleGroups = []struct {
	words, preds, preps string
	weight              float64
	rank                bool
}{
	{`governor mayor president premier chancellor king queen monarch emperor ruler dictator
		leader head chief boss chairman chairwoman chairperson chair director director-general
		founder co-founder cofounder ceo chief_executive chief_executive_officer commander
		commander-in-chief owner publisher secretary-general secretary_general general_secretary
		managing_director executive_director editor-in-chief prime_minister
		governor-general gov gov. supremo warlord`,
		`leads`, `of at`, 1, false},
	{`spokesman spokeswoman spokesperson spokespeople spokesmen press_secretary press_officer
		mouthpiece envoy delegate ambassador representative`,
		`speaks_for`, `for of`, 1, false},
	{`analyst member researcher fellow official employee correspondent reporter journalist
		editor officer minister adviser advisor aide economist scientist professor lecturer
		staffer worker engineer executive partner consultant strategist expert specialist
		commentator columnist producer diplomat secretary treasurer vice_president
		vice-president vice_chairman deputy operative agent investigator prosecutor
		soldier fighter militant volunteer coach manager`,
		`member_of`, `of at for with in`, 0.95, false},
	{`senator sen sen. congressman congresswoman lawmaker legislator assemblyman
		councilman councilwoman mp rep rep. parliamentarian`,
		`member_of lives_in`, `of from for in`, 0.9, false},
	{`general gen gen. colonel col col. lieutenant lt lt. major maj maj. captain capt capt.
		sergeant sgt sgt. admiral adm adm. marshal brigadier corporal private
		lieutenant-general major-general colonel-general`,
		`member_of`, `of in with`, 0.85, true},
	{`assassin killer murderer slayer`, `killed`, `of`, 1, false},
	{`native natives`, `born_in lives_in`, `of`, 1, false},
	{`resident native citizen inhabitant residents natives citizens inhabitants`,
		`lives_in`, `of in from`, 1, false},
	{`city town village capital region province state district county oblast area suburb
		neighborhood neighbourhood port island republic territory settlement municipality
		hamlet borough raion krai slum township enclave resort`,
		`located_in`, `in of`, 1, false},
	{`part`, `part_of located_in`, `of`, 1, false},
	{`unit division subsidiary branch arm wing affiliate department directorate`,
		`part_of`, `of within`, 0.9, false},
	{`company firm corporation group agency bank newspaper institute university college
		think-tank think_tank consultancy organization organisation party network broadcaster
		station outlet charity foundation club team school hospital museum manufacturer maker
		airline retailer insurer lender conglomerate startup daily`,
		`based_in`, `in`, 0.9, false},
}

// nameBeforeTitle reports whether unit i, before a title, is a name (not
// a modifier of the title such as "Former" or "Deputy").
func (s *relSentence) nameBeforeTitle(i int) bool {
	w := s.word(i)
	return strings.HasPrefix(s.tag(i), "NNP") && !relFormer[w] && !relDeputy[w] && !relNotReal[w] &&
		!personTitles[w] && !titleModifiers[w]
}

// relPartisans name a person by party; "a Democrat from Texas" lives there.
var relPartisans = wordSet(`democrat democrats republican republicans conservative liberal socialist communist
	independent tory labourite`)

// fromRole is the reading of any common noun followed by "from": "a
// farmer from Iowa" lives there.
var fromRole = []roleDef{{preds: []string{predicateLivesIn}, preps: []string{"from"}, weight: 0.7}}

// nounRole is the reading of a common noun that is no role word but says
// what a person is, after an organisation or place: "a Dallas lawyer",
// "Microsoft engineer John Smith", "Texas oilman T. Boone Pickens".
var nounRole = []roleDef{{preds: []string{predicateMemberOf, predicateLivesIn}, preps: []string{"of"}, weight: 0.7}}

// relNotMembers are nouns that relate a person to an organisation or place
// without making them a member or an inhabitant: "Kremlin critic Alexei
// Navalny", "a Russia expert".
var relNotMembers = wordSet(`critic critics ally allies opponent opponents rival rivals foe foes supporter
	supporters enemy enemies adversary victim victims target fan fans customer customers client clients
	hostage hostages prisoner prisoners detainee captive defector visitor guest tourist investor donor
	expert experts scholar historian watcher observer specialist negotiator mediator envoy nominee
	lobbyist backer admirer biographer`)

// personNoun reports whether unit i is a singular common noun that may
// say what a person is (see nounRole).
func (s *relSentence) personNoun(i int) bool {
	return s.tag(i) == "NN" && !s.in(i, relNotMembers) && !s.in(i, relGeoNouns) &&
		lowerInitial(s.text[s.u[i].start:s.u[i].end])
}

func lowerInitial(w string) bool {
	return w != "" && !startsUpper(w) && w[0] >= 'a' && w[0] <= 'z'
}

// roleDef is one reading of a role word.
type roleDef struct {
	preds  []string
	preps  []string
	weight float64
	rank   bool
}

// roleTable maps a lower-cased role word (multi-word roles joined by a
// space) to its readings.
var roleTable = func() map[string][]roleDef {
	m := make(map[string][]roleDef)
	for _, g := range roleGroups {
		d := roleDef{preds: strings.Fields(g.preds), preps: strings.Fields(g.preps), weight: g.weight, rank: g.rank}
		for _, w := range strings.Fields(g.words) {
			w = strings.ReplaceAll(w, "_", " ")
			m[w] = append(m[w], d)
		}
	}
	return m
}()

// Modifiers of a role: relFormer lowers the confidence, relDeputy turns
// leads into member_of, relNotReal drops the relation.
var (
	relFormer  = wordSet(`former ex ex- onetime one-time erstwhile retired outgoing then late`)
	relDeputy  = wordSet(`deputy vice vice- assistant associate under`)
	relNotReal = wordSet(`would-be future prospective potential possible candidate aspiring wannabe
		designate fake hypothetical`)
	relNegation = wordSet(`not n't never no nor neither`)
)

// relRoleGerunds are the -ing words that may modify a role ("acting
// president", "managing director").
var relRoleGerunds = wordSet(`acting managing ruling reigning founding presiding outgoing incoming governing
	leading visiting serving`)

// relGeoNouns may follow a place name inside its noun phrase ("Belgorod
// region") without changing what it names.
var relGeoNouns = wordSet(`region oblast province district county state city town village area raion krai
	republic territory regions`)

// relNamingNouns name the place that follows "of" ("the town of Ojai"), so
// in "the California town of Ojai" the place before them is the larger
// one; other geographic nouns ("the Belgorod region of Russia") belong to
// the place before them.
var relNamingNouns = wordSet(`city town village hamlet borough municipality state province county district
	suburb neighborhood neighbourhood island commune port`)

// relDeterminers may open a noun phrase before a name.
var relDeterminers = wordSet(`the a an this that these those its his her their our my your both`)

// relCopulas link a holder to a role: "X is the head of Y", "X, who was named
// chairman of Y".
var relCopulas = wordSet(`is was are were be been being has have had became become becomes remains
	remained served serves serving as named appointed elected promoted`)

// relPronouns open a relative clause.
var relPronouns = wordSet(`who which that whom`)

// relPrepositions introduce the object of a role.
var relPrepositions = wordSet(`of at for with in from within`)

// relDemonymList maps nationality adjectives to the names of their
// country, one country a line: the demonyms, a colon, the names separated
// by '|'. Lines with "-" list countries only: every name here is a
// country, which place rules never take for a place inside another.
const relDemonymList = `
russian: russia|russian federation
ukrainian: ukraine
american: united states|u.s.|us|usa|u.s.a.|america|united states of america
british english scottish welsh: united kingdom|uk|u.k.|britain|great britain|england|scotland|wales
french: france
german: germany|west germany|east germany
italian: italy
spanish: spain
polish: poland
belarusian byelorussian: belarus
chinese: china|people's republic of china
japanese: japan
korean south-korean: south korea|korea
north-korean: north korea
indian: india
pakistani: pakistan
afghan: afghanistan
iranian: iran
iraqi: iraq
syrian: syria
israeli: israel
palestinian: palestine
egyptian: egypt
saudi: saudi arabia
turkish: turkey|türkiye
greek: greece
dutch: netherlands|holland
belgian: belgium
swiss: switzerland
austrian: austria
swedish: sweden
norwegian: norway
danish: denmark
finnish: finland
estonian: estonia
latvian: latvia
lithuanian: lithuania
moldovan: moldova
romanian: romania
hungarian: hungary
czech: czech republic|czechia
slovak: slovakia
serbian serb: serbia
croatian croat: croatia
bulgarian: bulgaria
georgian: georgia
armenian: armenia
azerbaijani azeri: azerbaijan
kazakh: kazakhstan
canadian: canada
mexican: mexico
cuban: cuba
brazilian: brazil
argentine argentinian: argentina
chilean: chile
colombian: colombia
venezuelan: venezuela
peruvian: peru
nicaraguan: nicaragua
panamanian: panama
australian: australia
irish: ireland
portuguese: portugal
libyan: libya
lebanese: lebanon
jordanian: jordan
yemeni: yemen
kuwaiti: kuwait
qatari: qatar
emirati: united arab emirates|uae
nigerian: nigeria
south-african: south africa
kenyan: kenya
ethiopian: ethiopia
sudanese: sudan
somali: somalia
algerian: algeria
moroccan: morocco
tunisian: tunisia
vietnamese: vietnam
thai: thailand
filipino philippine: philippines
indonesian: indonesia
malaysian: malaysia
soviet: soviet union|ussr|u.s.s.r.
-: equatorial guinea|papua new guinea|kiribati|new zealand|sri lanka|bangladesh|myanmar|burma|nepal
-: cambodia|laos|mongolia|singapore|taiwan|bolivia|ecuador|paraguay|uruguay|guatemala|honduras
-: el salvador|costa rica|haiti|dominican republic|jamaica|iceland|luxembourg|slovenia|albania
-: north macedonia|macedonia|bosnia and herzegovina|montenegro|kosovo|cyprus|malta|uzbekistan
-: turkmenistan|tajikistan|kyrgyzstan|oman|bahrain|ghana|senegal|mali|niger|chad|cameroon|angola
-: mozambique|zimbabwe|zambia|tanzania|uganda|rwanda|congo|democratic republic of the congo
-: madagascar|namibia|botswana|liberia|sierra leone|ivory coast|eritrea|south sudan|yugoslavia
`

// relDemonyms maps a lower-cased demonym to its country's names;
// relCountryNames holds every country name.
var relDemonyms, relCountryNames = func() (map[string][]string, map[string]bool) {
	dem := make(map[string][]string)
	names := make(map[string]bool)
	for _, line := range strings.Split(relDemonymList, "\n") {
		d, c, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		countries := strings.Split(strings.TrimSpace(c), "|")
		for _, n := range countries {
			names[n] = true
		}
		for _, w := range strings.Fields(d) {
			if w != "-" {
				dem[w] = countries
			}
		}
	}
	return dem, names
}()

// relUnit is one item of a sentence as the relation rules see it: an entity
// mention (m >= 0) or a plain token (m == -1).
type relUnit struct {
	m          int    // index into Result.Mentions, or -1
	typ        string // the mention's entity type
	ent        int    // the mention's entity
	word       string // a token's lower-cased text; "" for a mention
	tag        string // a token's Penn tag; "" for a mention
	start, end int    // byte span in the text
}

// relDoc holds what the rules share across the sentences of a document.
type relDoc struct {
	text      string
	res       *Result
	countries map[string]int // normalised country name -> LOCATION entity
	isCountry []bool         // per entity
	sents     []*relSentence // built once, by sentences
	units     *[]relUnit     // the units of sents, from unitsPool (see release)
	orgNames  map[string]int // one-word name of an organisation -> its entity; built when first asked
}

// relSentence is one sentence as a row of units.
type relSentence struct {
	*relDoc
	si    int
	start int // byte span of the sentence
	end   int
	u     []relUnit
}

func newRelDoc(text string, res *Result) *relDoc {
	d := &relDoc{text: text, res: res, countries: make(map[string]int), isCountry: make([]bool, len(res.Entities))}
	for e, ent := range res.Entities {
		if ent.Type != Location {
			continue
		}
		names := append([]string{ent.Name}, ent.Aliases...)
		for _, a := range names {
			k := NormalizeName(a)
			if relCountryNames[k] {
				d.isCountry[e] = true
				if _, ok := d.countries[k]; !ok {
					d.countries[k] = e
				}
			}
		}
	}
	return d
}

// sentences turns every sentence of the result into a row of units. A
// mention that is malformed (bad entity index, span outside its sentence)
// or overlaps an earlier mention is left out; a mention whose span cuts
// through a token takes the whole token's place in the row.
func (d *relDoc) sentences() []*relSentence {
	if d.sents != nil {
		return d.sents
	}
	d.sents = d.buildSentences()
	return d.sents
}

// unitsPool holds the units of documents whose relations are found, up
// to maxPooledUnits a document (a larger one's are left to the collector).
var unitsPool = sync.Pool{New: func() any { return new([]relUnit) }}

const maxPooledUnits = 1 << 16

// takeUnits returns an empty slice of units with room for n, for d's
// sentences.
func (d *relDoc) takeUnits(n int) []relUnit {
	d.units = unitsPool.Get().(*[]relUnit)
	if cap(*d.units) < n {
		*d.units = make([]relUnit, 0, n)
	}
	return (*d.units)[:0]
}

// release gives d's units back to the pool: d and its sentences must not
// be used after.
func (d *relDoc) release() {
	if d.units == nil {
		return
	}
	if cap(*d.units) <= maxPooledUnits {
		clear(*d.units) // hold no document's strings in the pool
		*d.units = (*d.units)[:0]
		unitsPool.Put(d.units)
	}
	d.units, d.sents = nil, nil
}

func (d *relDoc) buildSentences() []*relSentence {
	res, text := d.res, d.text
	bySent := make([][]int, len(res.Sentences))
	for i, m := range res.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(res.Sentences) || m.Entity < 0 || m.Entity >= len(res.Entities) {
			continue
		}
		s := res.Sentences[m.Sentence]
		if m.Start < s.Start || m.End > s.End || m.Start >= m.End || m.End > len(text) {
			continue
		}
		bySent[m.Sentence] = append(bySent[m.Sentence], i)
	}
	out := make([]*relSentence, 0, len(res.Sentences))
	// The units of all sentences, in one allocation: a sentence has at
	// most one unit per token.
	total := 0
	for _, s := range res.Sentences {
		if s.FirstToken >= 0 && s.EndToken <= len(res.Tokens) && s.FirstToken < s.EndToken {
			total += s.EndToken - s.FirstToken
		}
	}
	units := d.takeUnits(total)
	for si, s := range res.Sentences {
		rs := &relSentence{relDoc: d, si: si, start: s.Start, end: s.End}
		out = append(out, rs)
		if s.FirstToken < 0 || s.EndToken > len(res.Tokens) || s.FirstToken >= s.EndToken ||
			s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		toks := res.Tokens[s.FirstToken:s.EndToken]
		ms := bySent[si]
		sort.SliceStable(ms, func(a, b int) bool { return res.Mentions[ms[a]].Start < res.Mentions[ms[b]].Start })
		rs.u = units[len(units) : len(units) : len(units)+len(toks)]
		units = units[:len(units)+len(toks)]
		next := 0 // next mention of ms
		lastEnd := s.Start
		for t := 0; t < len(toks); {
			// Drop mentions that end before this token or start inside
			// the previous unit (overlaps, mentions in white space).
			for next < len(ms) && (res.Mentions[ms[next]].End <= toks[t].Start || res.Mentions[ms[next]].Start < lastEnd) {
				next++
			}
			if next < len(ms) && res.Mentions[ms[next]].Start < toks[t].End {
				mi := ms[next]
				m := res.Mentions[mi]
				e := t + 1
				for e < len(toks) && toks[e].Start < m.End {
					e++
				}
				rs.u = append(rs.u, relUnit{m: mi, typ: res.Entities[m.Entity].Type, ent: m.Entity, start: m.Start, end: m.End})
				next++
				t = e
				lastEnd = max(m.End, toks[e-1].End)
				continue
			}
			tk := toks[t]
			rs.u = append(rs.u, relUnit{m: -1, word: strings.ToLower(tk.Text), tag: tk.Tag, start: tk.Start, end: tk.End})
			lastEnd = tk.End
			t++
		}
	}
	*d.units = units // for release, which clears what was used
	return out
}

// mentions returns the number of s's units that are mentions.
func (s *relSentence) mentions() int {
	n := 0
	for i := range s.u {
		if s.u[i].m >= 0 {
			n++
		}
	}
	return n
}

// Tests on the units of a sentence. Each is false for an index outside
// the sentence.

func (s *relSentence) ok(i int) bool { return i >= 0 && i < len(s.u) }

// mention reports whether unit i is a mention of one of types (any type
// when none are given).
func (s *relSentence) mention(i int, types ...string) bool {
	if !s.ok(i) || s.u[i].m < 0 {
		return false
	}
	return len(types) == 0 || slices.Contains(types, s.u[i].typ)
}

// word returns unit i's lower-cased text, or "" for a mention or outside
// the sentence.
func (s *relSentence) word(i int) string {
	if !s.ok(i) {
		return ""
	}
	return s.u[i].word
}

func (s *relSentence) tag(i int) string {
	if !s.ok(i) {
		return ""
	}
	return s.u[i].tag
}

// is reports whether unit i is a token spelled as one of words.
func (s *relSentence) is(i int, words ...string) bool {
	w := s.word(i)
	if w == "" {
		return false
	}
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}

func (s *relSentence) in(i int, set map[string]bool) bool {
	w := s.word(i)
	return w != "" && set[w]
}

func (s *relSentence) comma(i int) bool { return s.is(i, ",") }

// possessive reports whether unit i is a possessive ending: 's, ' or their
// curly forms.
func (s *relSentence) possessive(i int) bool {
	return s.is(i, "'s", "’s", "'", "’") || (s.tag(i) == "POS" && s.word(i) != "")
}

// verb reports whether unit i is a verb or a modal.
func (s *relSentence) verb(i int) bool {
	t := s.tag(i)
	return strings.HasPrefix(t, "VB") || t == "MD"
}

// finiteVerb reports whether unit i is a verb that can head a clause.
func (s *relSentence) finiteVerb(i int) bool {
	switch s.tag(i) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

func (s *relSentence) noun(i int) bool { return strings.HasPrefix(s.tag(i), "NN") }

// adjective reports whether unit i is an adjective, a participle used as
// one, or a number.
func (s *relSentence) adjective(i int) bool {
	t := s.tag(i)
	return strings.HasPrefix(t, "JJ") || t == "VBN" || t == "CD"
}

// preposition reports whether unit i is a preposition or "to".
func (s *relSentence) preposition(i int) bool {
	t := s.tag(i)
	return t == "IN" || t == "TO"
}

// negated reports whether any unit in [i, j) is a negation.
func (s *relSentence) negated(i, j int) bool {
	for k := max(i, 0); k < j && k < len(s.u); k++ {
		if s.in(k, relNegation) {
			return true
		}
	}
	return false
}

// country returns the LOCATION entity a demonym at unit i stands for
// ("Ukrainian" -> Ukraine) when that country is an entity of the document.
func (s *relSentence) country(i int) (int, bool) {
	for _, name := range relDemonyms[s.word(i)] {
		if e, ok := s.countries[name]; ok {
			return e, true
		}
	}
	return 0, false
}

// skipParen returns the index after a parenthesised acronym or aside of at
// most three units that starts at i ("(RUSI)"), or i.
func (s *relSentence) skipParen(i int) int {
	if !s.is(i, "(", "[") {
		return i
	}
	for j := i + 1; j < i+5 && s.ok(j); j++ {
		if s.is(j, ")", "]") {
			return j + 1
		}
		if s.verb(j) || s.comma(j) {
			break
		}
	}
	return i
}

// basedAfter reports whether the place mention at unit i is followed by
// "-based" ("London-based", "London - based") and returns the unit after
// it.
func (s *relSentence) basedAfter(i int) (int, bool) { return s.placeSuffix(i, "based") }

// placeSuffix reports whether the place mention at unit i is followed by
// a hyphen and suffix ("London-based", "Texas - born") and returns the
// unit after it.
func (s *relSentence) placeSuffix(i int, suffix string) (int, bool) {
	if !s.mention(i, Location) {
		return 0, false
	}
	u := s.u[i]
	if strings.HasSuffix(strings.ToLower(s.text[u.start:u.end]), suffix) {
		return 0, false // the tagger took "London-based" for the name
	}
	// The mention may end inside the token "London-based".
	next := s.end
	if s.ok(i + 1) {
		next = s.u[i+1].start
	}
	if next < u.end {
		return 0, false
	}
	rest := strings.ToLower(strings.TrimSpace(s.text[u.end:next]))
	if dashPrefixed(rest) && strings.TrimLeft(rest, "-–— ") == "" {
		// "London" "-" "based": the dash is a separate unit.
		rest = ""
	}
	if r, ok := cutLeadingDash(rest); ok && r == suffix {
		return i + 1, true
	}
	if rest == "" {
		j := i + 1
		if w := s.word(j); w == "-" || w == "–" {
			j++
		} else if r, ok := cutLeadingDash(w); ok && r == suffix {
			return j + 1, true
		}
		if s.is(j, suffix) && j > i+1 {
			return j + 1, true
		}
	}
	return 0, false
}

func dashPrefixed(w string) bool {
	return strings.HasPrefix(w, "-") || strings.HasPrefix(w, "–") || strings.HasPrefix(w, "—")
}

// cutLeadingDash removes a leading hyphen or dash and the spaces after it.
func cutLeadingDash(w string) (string, bool) {
	for _, d := range []string{"-", "–", "—"} {
		if r, ok := strings.CutPrefix(w, d); ok {
			return strings.TrimSpace(r), true
		}
	}
	return w, false
}

// typedRelations finds relations with the fixed predicates (leads,
// speaks_for, member_of, part_of, located_in, based_in, lives_in, killed)
// in each sentence of res, by the shapes of typedRules. It reads
// res.Tokens, res.Sentences, res.Mentions and res.Entities and does not
// change res. Each relation's evidence is the smallest span of its
// sentence covering both mentions and the cue. A (subject, predicate,
// object) stated several times in the document is one relation: the
// evidence and rule of its most confident statement, the highest
// confidence, and Count = the number of sentences stating it.
func typedRelations(text string, res *Result) []Relation { return modelRelations(text, res, nil) }

// modelRelations is typedRelations with the learned model: each
// sentence's pattern relations are merged with the model's (see
// applyModel). A nil model gives the patterns alone.
func modelRelations(text string, res *Result, model *relate.Model) []Relation {
	if res == nil || len(res.Mentions) < 2 {
		return nil
	}
	return newRelDoc(text, res).modelRelations(model)
}

// modelRelations is modelRelations on a document whose sentence rows may
// be shared with the open relations.
func (d *relDoc) modelRelations(model *relate.Model) []Relation {
	var rels []Relation
	var sc modelScratch
	for _, s := range d.sentences() {
		if len(s.u) < 2 {
			continue
		}
		first := len(rels)
		rels = s.patternRelations(rels)
		// The model scores pairs of mentions and checks the patterns'
		// relations: a sentence with neither needs no features.
		if model != nil && (len(rels) > first || s.mentions() >= 2) {
			rels = append(rels[:first], s.applyModel(model, rels[first:], &sc)...)
		}
	}
	return collapseStatements(rels)
}

// patternRelations appends the relations the hand-written rules find in s
// to rels.
func (s *relSentence) patternRelations(rels []Relation) []Relation {
	runs := s.roleRuns()
	for _, rule := range typedRules {
		rule.match(s, runs, &rels)
	}
	return rels
}

// typedRules are the matchers, in the order they are tried, each with the
// rule names it gives its relations. Every matcher sees every sentence;
// when two rules state the same relation the more confident one is kept.
var typedRules = []struct {
	rules string
	match func(s *relSentence, runs []bool, out *[]Relation)
}{
	{"title-appositive / appositive / copula", (*relSentence).matchRolePrep},
	{"possessive-appositive / modifier-appositive / demonym-appositive", (*relSentence).matchAppositiveNoPrep},
	{"title-premodifier / possessive-title / demonym-title", (*relSentence).matchPremodifier},
	{"possessive-person / person-of / title-person-of / comma-of-place / party-state / age-of-place / home", (*relSentence).matchPersonPlace},
	{"place-comma / place-in / place-of / possessive-place / org-of-place / org-in-place / org-comma-place", (*relSentence).matchPlaces},
	{"X-based / X-born", (*relSentence).matchBased},
	{"possessive-bureau", (*relSentence).matchBureau},
	{"verb-active / verb-passive / verb-prep / killed-accused / killed-nominal / killed-died-after / verb-instrument / verb-life / verb-with-in / verb-move-base / verb-has-office / verb-appointed / verb-works-as", (*relSentence).matchVerbs},
	{"relative-killer / verb-to-death / appositive-from / appositive-in / appositive-for / own-home / both-of / appositive-place-noun / appositive-based / its-role / staff-including / bureau-of / place-noun-of", (*relSentence).matchNews},
}

// emit appends the relation pred(subject unit, object unit) when the types
// fit and the entities differ. The evidence covers units [lo, hi].
// cityLike reports whether the place mention at unit i names a town rather
// than a region or a country, as far as the gazetteer knows.
func (s *relSentence) cityLike(i int) bool {
	u := s.u[i]
	name := s.text[u.start:u.end]
	words := strings.Fields(strings.ToLower(name))
	if len(words) > 0 && regionWords[words[len(words)-1]] || i+1 < len(s.u) && regionWords[s.u[i+1].word] {
		return false // "Belgorod Oblast", "the Belgorod region"
	}
	c := gazetteer.Default().Lookup(name)
	return !c.Has(gazetteer.Country|gazetteer.Region) || c.Has(gazetteer.City)
}

func (s *relSentence) emit(out *[]Relation, subj, obj int, pred, rule string, conf float64, lo, hi int) {
	if !s.mention(subj) || !s.mention(obj) {
		return
	}
	s.emitEntities(out, s.u[subj].ent, s.u[subj].typ, s.u[obj].ent, s.u[obj].typ, pred, rule, conf, lo, hi)
}

func (s *relSentence) emitEntities(out *[]Relation, se int, st string, oe int, ot string, pred, rule string, conf float64, lo, hi int) {
	if se == oe || !predicateFits(pred, st, ot) || conf <= 0 {
		return
	}
	if pred == predicateLocatedIn && se < len(s.isCountry) && s.isCountry[se] {
		return // a country lies in no other place of the news
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	lo, hi = max(lo, 0), min(hi, len(s.u)-1)
	if lo > hi {
		return
	}
	start, end := s.u[lo].start, s.u[hi].end
	for k := lo; k <= hi; k++ {
		start, end = min(start, s.u[k].start), max(end, s.u[k].end)
	}
	start, end = max(start, s.start), min(end, s.end)
	if start >= end {
		start, end = s.start, s.end
	}
	*out = append(*out, Relation{
		Subject: se, Predicate: pred, Object: oe, Kind: KindTyped, Sentence: s.si,
		Start: start, End: end, Confidence: min(conf, 1), Rule: rule, Count: 1,
	})
}

// collapseStatements merges relations with the same subject, predicate,
// object and kind: the most confident statement's evidence and rule are
// kept, and Count becomes the number of distinct sentences stating it.
func collapseStatements(rels []Relation) []Relation {
	type key struct {
		s, o       int
		pred, kind string
	}
	index := make(map[key]int)
	sents := make(map[key]map[int]bool)
	var out []Relation
	for _, r := range rels {
		k := key{r.Subject, r.Object, r.Predicate, r.Kind}
		i, ok := index[k]
		if !ok {
			index[k] = len(out)
			sents[k] = map[int]bool{r.Sentence: true}
			out = append(out, r)
			continue
		}
		if !sents[k][r.Sentence] {
			sents[k][r.Sentence] = true
			out[i].Count++
		}
		if r.Confidence > out[i].Confidence {
			count := out[i].Count
			out[i] = r
			out[i].Count = count
		}
	}
	return out
}

// roleRuns marks the units that may belong to a role phrase: adjectives,
// nouns, participles and the role and modifier words of the tables (not
// names, determiners, prepositions or punctuation).
func (s *relSentence) roleRuns() []bool {
	runs := make([]bool, len(s.u))
	for i, u := range s.u {
		if u.m >= 0 || u.word == "" {
			continue
		}
		w := u.word
		f := roleRunWords[w]
		switch {
		case f&runBreak != 0, s.possessive(i), isPunctWord(w):
		case f&runRole != 0:
			runs[i] = true
		case strings.HasPrefix(u.tag, "JJ"), strings.HasPrefix(u.tag, "NN"), u.tag == "VBN":
			runs[i] = f&runCopula == 0 || u.tag != "VBN"
		case u.tag == "VBG":
			runs[i] = f&runGerund != 0
		}
	}
	return runs
}

// What roleRuns reads of a word, in one look-up: whether it is one of
// relDeterminers, relPrepositions, relPronouns or relNegation (runBreak),
// one of roleTable, relFormer, relDeputy or relNotReal (runRole), one of
// relCopulas, one of relRoleGerunds.
const (
	runBreak = 1 << iota
	runRole
	runCopula
	runGerund
)

var roleRunWords = func() map[string]uint8 {
	f := make(map[string]uint8)
	for _, set := range []map[string]bool{relDeterminers, relPrepositions, relPronouns, relNegation} {
		for w, ok := range set {
			if ok {
				f[w] |= runBreak
			}
		}
	}
	for w, defs := range roleTable {
		if defs != nil {
			f[w] |= runRole
		}
	}
	for _, set := range []map[string]bool{relFormer, relDeputy, relNotReal} {
		for w, ok := range set {
			if ok {
				f[w] |= runRole
			}
		}
	}
	for w, ok := range relCopulas {
		if ok {
			f[w] |= runCopula
		}
	}
	for w, ok := range relRoleGerunds {
		if ok {
			f[w] |= runGerund
		}
	}
	return f
}()

// runStart returns the first unit of the role phrase that ends at unit h
// ("a senior research fellow", "chairman and chief executive").
func (s *relSentence) runStart(runs []bool, h int) int {
	lo := h
	for lo > 0 && h-lo < 6 {
		switch {
		case runs[lo-1]:
			lo--
			continue
		case lo >= 2 && s.is(lo-1, "and", "&") && runs[lo-2]:
			lo -= 2
			continue
		}
		break
	}
	return lo
}

// runEnd returns the index after the role phrase that starts at unit i.
func (s *relSentence) runEnd(runs []bool, i int) int {
	j := i
	for j < len(runs) && j-i < 7 {
		switch {
		case runs[j]:
			j++
			continue
		case j > i && s.is(j, "and", "&") && j+1 < len(runs) && runs[j+1]:
			j += 2
			continue
		}
		break
	}
	return j
}

// roleAt returns the readings of the role whose last word is unit h, the
// first unit of that role word (multi-word roles such as "press
// secretary" start before h) — no earlier than lo.
func (s *relSentence) roleAt(h, lo int) ([]roleDef, int) {
	if !s.ok(h) {
		return nil, h
	}
	for n := 3; n >= 1; n-- {
		first := h - n + 1
		if first < lo || first < 0 {
			continue
		}
		words := make([]string, 0, n)
		for k := first; k <= h; k++ {
			words = append(words, s.word(k))
		}
		if defs := roleTable[strings.Join(words, " ")]; defs != nil {
			return defs, first
		}
	}
	return nil, h
}

// roleMods reads the modifiers in units [lo, hi): the weight they give the
// relation (0 when it must not be stated) and whether leads becomes
// member_of.
func (s *relSentence) roleMods(lo, hi int) (weight float64, deputy bool) {
	weight = 1
	for k := max(lo, 0); k < hi && k < len(s.u); k++ {
		w := s.word(k)
		switch {
		case relNotReal[w], relNegation[w]:
			return 0, false
		case relFormer[w], strings.HasPrefix(w, "ex-"):
			weight = 0.7
		case relDeputy[w], strings.HasPrefix(w, "vice-"), strings.HasPrefix(w, "deputy-"):
			deputy = true
		case w == "alleged" || w == "suspected" || w == "reported":
			weight = min(weight, 0.8)
		}
	}
	return weight, deputy
}

// pickRole chooses the predicate a role gives between a holder of type
// ht and an object of type ot, the object introduced by prep ("" when the
// object stands before the role). It returns the predicate and the role's
// weight, or ok == false. A person "from" a place lives there whatever the
// role.
func pickRole(defs []roleDef, prep, ht, ot string, deputy bool) (pred string, weight float64, ok bool) {
	for _, d := range defs {
		if prep != "" && !slices.Contains(d.preps, prep) {
			continue
		}
		for _, p := range d.preds {
			if deputy && p == predicateLeads {
				p = predicateMemberOf
			}
			if predicateFits(p, ht, ot) {
				return p, d.weight, true
			}
		}
	}
	if ht == Person && ot == Location && prep == "from" {
		// "a journalist from Iowa".
		return predicateLivesIn, 0.7, true
	}
	return "", 0, false
}

// objectAfter returns the mention that a preposition's noun phrase,
// starting at unit i, names: "the London-based consultancy Mayak" ->
// Mayak, "Russia's Belgorod region" -> Belgorod. It allows determiners,
// adjectives and at most three common nouns before the name, and returns
// -1 when the phrase names no entity.
func (s *relSentence) objectAfter(i int) int {
	nouns := 0
	for k := 0; k < 7 && s.ok(i); k++ {
		switch {
		case s.mention(i):
			if s.possessive(i + 1) {
				i += 2
				continue
			}
			if j, ok := s.basedAfter(i); ok {
				i = j
				continue
			}
			return i
		case s.in(i, relDeterminers), s.tag(i) == "PRP$", s.adjective(i), s.is(i, "-"):
		case s.noun(i) && !s.in(i, relPrepositions):
			nouns++
			if nouns > 3 {
				return -1
			}
		case k > 0 && s.is(i, "and", "&") && !s.mention(i+1):
		default:
			return -1
		}
		i++
	}
	return -1
}

// objectNear returns the mention at unit i, after at most three
// determiners (and, when titles is set, titles and adjectives: "killed
// President John F. Kennedy"), or -1.
func (s *relSentence) objectNear(i int, titles bool) int {
	for k := 0; k < 4 && s.ok(i); k++ {
		switch {
		case s.mention(i):
			return i
		case s.in(i, relDeterminers), s.tag(i) == "PRP$":
		case titles && (personTitles[s.word(i)] || roleTable[s.word(i)] != nil || strings.HasPrefix(s.tag(i), "JJ")):
		default:
			return -1
		}
		i++
	}
	return -1
}

// skipGeo returns the index after the geographic nouns that may follow a
// place name at unit i ("Belgorod region").
func (s *relSentence) skipGeo(i int) int {
	for k := 0; k < 2 && s.in(i, relGeoNouns); k++ {
		i++
	}
	return i
}

// matchRolePrep finds the shapes in which a preposition after a role
// introduces the object:
//
//	title-appositive  [the] ROLE PREP OBJ [,] HOLDER   "the governor of Belgorod Oblast, Vyacheslav Gladkov"
//	appositive        HOLDER, [who is] [a] ROLE PREP OBJ  "Neil Melvin, an analyst at the Royal United Services Institute"
//	copula            HOLDER is [the] ROLE PREP OBJ     "Smith is the president of IBM"
func (s *relSentence) matchRolePrep(runs []bool, out *[]Relation) {
	for p := 1; p < len(s.u); p++ {
		prep := s.word(p)
		if !relPrepositions[prep] || !runs[p-1] {
			continue
		}
		h := p - 1
		lo := s.runStart(runs, h)
		defs, first := s.roleAt(h, lo)
		if defs == nil && prep == "from" && (s.noun(h) && !strings.HasPrefix(s.tag(h), "NNP") || s.in(h, relPartisans)) {
			defs = fromRole // "John Smith, a farmer from Iowa", "a Republican from Columbus"
		}
		if defs == nil {
			continue
		}
		weight, deputy := s.roleMods(lo, first)
		if weight == 0 {
			continue
		}
		b := lo
		if s.in(b-1, relDeterminers) {
			b--
		}
		if s.in(b-2, relFormer) || s.in(b-1, relFormer) {
			weight = min(weight, 0.7)
		}
		o := s.objectAfter(p + 1)
		if o < 0 {
			continue
		}
		ot, oe := s.u[o].typ, s.u[o].ent

		// Title-appositive: the holder follows the object.
		t := s.skipParen(s.skipGeo(o + 1))
		if s.is(t, "of", "in") {
			if o2 := s.objectAfter(t + 1); o2 >= 0 && !s.possessive(o2+1) {
				t = s.skipParen(s.skipGeo(o2 + 1))
			}
		}
		comma := s.comma(t)
		if comma {
			t++
		}
		titled := false
		if s.mention(t) && !s.negated(b-2, b) {
			// "the city of Shebekino, Russia" and "the capital of Akwa
			// Ibom State, Nigeria" name a place and then the place it
			// lies in: for places the name after the comma is no holder.
			if pred, w, ok := pickRole(defs, prep, s.u[t].typ, ot, deputy); ok && pred != predicateLocatedIn {
				s.emitEntities(out, s.u[t].ent, s.u[t].typ, oe, ot, pred, "title-appositive", relConfStrong*w*weight, b, t)
				titled = !comma
			}
		}

		// Appositive and copula: the holder comes first. When the role
		// is a title of the name right after the object ("About Putin,
		// the head of Wagner Yevgeny Prigozhin said") it is not the
		// earlier name's.
		if titled {
			continue
		}
		if hd, comma, ok := s.holderBefore(b); ok && !s.negated(hd+1, p) {
			if pred, w, ok := pickRole(defs, prep, s.u[hd].typ, ot, deputy); ok {
				rule, conf := "appositive", relConfStrong
				if !comma {
					rule, conf = "copula", relConfGood
				}
				s.emitEntities(out, s.u[hd].ent, s.u[hd].typ, oe, ot, pred, rule, conf*w*weight, hd, o)
			}
		}
	}
}

// holderBefore finds the holder of a role phrase that starts at unit b in
// "HOLDER, [who] [is] ROLE" or "HOLDER is ROLE": it returns the holder's
// unit and whether a comma set the role off.
func (s *relSentence) holderBefore(b int) (h int, comma, ok bool) {
	j := b - 1
	cop := false
	for k := 0; k < 3 && s.in(j, relCopulas); k++ {
		cop = true
		j--
	}
	if s.in(j, relPronouns) {
		j--
	}
	if s.comma(j) {
		comma = true
		j--
		if s.tag(j) == "CD" && s.comma(j-1) { // "John Smith, 45, a farmer from Iowa"
			j -= 2
		}
	}
	if s.is(j, ")", "]") {
		for k := j - 1; k >= j-4 && k >= 0; k-- {
			if s.is(k, "(", "[") {
				j = k - 1
				break
			}
		}
	}
	if !s.mention(j) || !(comma || cop) {
		return 0, false, false
	}
	// "Pasadena, California, a suburb of Los Angeles": the appositive
	// is the first place's.
	for k := 0; k < 3 && s.u[j].typ == Location && s.comma(j-1) && s.mention(j-2, Location); k++ {
		j -= 2
	}
	return j, comma, true
}

// matchAppositiveNoPrep finds appositives whose role takes its object
// from before it:
//
//	possessive-appositive  HOLDER, [the] OBJ's ROLE      "Dmitry Peskov, Putin's spokesman"
//	modifier-appositive    HOLDER, [a] OBJ ROLE          "Bill Gates, Microsoft chairman"; "Ivan, a Shebekino resident"
//	demonym-appositive     HOLDER, the DEMONYM ROLE      "Zelensky, the Ukrainian president"
func (s *relSentence) matchAppositiveNoPrep(runs []bool, out *[]Relation) {
	for h := range s.u {
		if !s.mention(h) {
			continue
		}
		j := s.skipParen(h + 1)
		if !s.comma(j) {
			continue
		}
		j++
		if s.in(j, relPronouns) {
			j++
			for k := 0; k < 3 && s.in(j, relCopulas); k++ {
				j++
			}
		}
		if s.in(j, relDeterminers) {
			j++
		}
		weight := 1.0
		if s.in(j, relFormer) {
			weight = 0.7
			j++
		}
		ht := s.u[h].typ
		if s.mention(j) {
			o := j
			r := o + 1
			rule, conf := "modifier-appositive", relConfGood
			if s.possessive(r) {
				r++
				rule, conf = "possessive-appositive", relConfGood+0.05
			}
			if r >= len(runs) || !runs[r] {
				continue
			}
			e := s.runEnd(runs, r)
			defs, first := s.roleAt(e-1, r)
			if defs == nil && ht == Person && e-r <= 2 && s.personNoun(e-1) && rule == "modifier-appositive" {
				defs, first = nounRole, e-1 // "John Smith, a Dallas lawyer"
			}
			if defs == nil || s.possessive(e) || s.mention(e) || s.in(e, relPrepositions) && rule == "modifier-appositive" && !(s.is(e, "in") && s.is(e+1, "charge")) {
				continue // "About Putin, Kremlin spokesman Peskov said": the role is Peskov's
			}
			w2, deputy := s.roleMods(r, first)
			if pred, w, ok := pickRole(defs, "", ht, s.u[o].typ, deputy); ok {
				s.emit(out, h, o, pred, rule, conf*w*w2*weight, h, e-1)
			}
			continue
		}
		if j >= len(runs) || !runs[j] {
			continue
		}
		e := s.runEnd(runs, j)
		defs, first := s.roleAt(e-1, j)
		if defs == nil || s.in(e, relPrepositions) || s.possessive(e) || s.mention(e) {
			continue
		}
		for k := j; k < first; k++ {
			ce, ok := s.country(k)
			if !ok || ht == Person && !s.onlyModifiers(k+1, first) {
				continue // "Tass, the Soviet news agency" but not "X, the Ukrainian army commander"
			}
			w2, deputy := s.roleMods(j, first)
			if pred, w, ok := pickRole(defs, "", ht, Location, deputy); ok {
				s.emitEntities(out, s.u[h].ent, ht, ce, Location, pred, "demonym-appositive", relConfFair*w*w2*weight, h, e-1)
			}
			break
		}
	}
}

// onlyModifiers reports whether units [i, j) are all adjectives or
// modifier words (no nouns), as between "Ukrainian" and "president".
func (s *relSentence) onlyModifiers(i, j int) bool {
	for k := i; k < j; k++ {
		w := s.word(k)
		if !(strings.HasPrefix(s.tag(k), "JJ") || relFormer[w] || relDeputy[w] || s.tag(k) == "VBN") {
			return false
		}
	}
	return true
}

// matchPremodifier finds roles written before the holder's name, with the
// object before the role:
//
//	title-premodifier  OBJ ROLE [,] HOLDER      "Kremlin spokesman Dmitry Peskov", "Kennedy assassin Lee Harvey Oswald"
//	possessive-title   OBJ's ROLE [,] HOLDER    "Russia's President Vladimir Putin", "Oswald's assassin, Jack Ruby"
//	demonym-title      DEMONYM ROLE HOLDER      "Ukrainian President Zelensky" (when Ukraine is an entity)
func (s *relSentence) matchPremodifier(runs []bool, out *[]Relation) {
	for h := range s.u {
		if !s.mention(h) {
			continue
		}
		hi := h - 1
		if s.comma(hi) {
			if !s.mention(h, Person) {
				continue // "Belgorod region, Russia" is no title of Russia
			}
			hi--
		}
		if hi < 0 || !runs[hi] {
			continue
		}
		lo := s.runStart(runs, hi)
		// The head is the rightmost role word that is not a rank ("Press
		// Secretary Brigadier General Pat Ryder"), else the rightmost rank.
		var defs []roleDef
		first, head := -1, -1
		for k := hi; k >= lo; k-- {
			d, f := s.roleAt(k, lo)
			if d == nil {
				continue
			}
			if !d[0].rank {
				defs, first, head = d, f, k
				break
			}
			if defs == nil {
				defs, first, head = d, f, k
			}
		}
		if defs == nil && s.mention(h, Person) && hi == h-1 && hi-lo <= 1 && s.personNoun(hi) && s.mention(lo-1, Organization, Location) {
			defs, first, head = nounRole, hi, hi // "Texas oilman T. Boone Pickens"
		}
		if defs == nil {
			continue
		}
		titlesOnly := true
		for k := head + 1; k <= hi; k++ {
			if w := s.word(k); !personTitles[w] && roleTable[w] == nil {
				titlesOnly = false
			}
		}
		if !titlesOnly {
			continue
		}
		weight, deputy := s.roleMods(lo, first)
		if weight == 0 {
			continue
		}
		ht := s.u[h].typ
		o := lo - 1
		rule, conf := "title-premodifier", relConfGood+0.05
		if s.possessive(o) {
			o--
			rule = "possessive-title"
		}
		if s.mention(o) {
			if s.in(o-1, relFormer) {
				weight = min(weight, 0.7)
			}
			if s.negated(o-2, o) {
				continue
			}
			if first-lo > 2 {
				continue // "Navy R4D aircraft carrying Admiral Dufek"
			}
			if s.in(lo, relBureauNouns) {
				continue // "Jerusalem bureau chief X" leads no Jerusalem
			}
			for k := lo; k < first; k++ {
				if s.noun(k) && !s.in(k, relGeoNouns) && roleTable[s.word(k)] == nil {
					weight *= 0.85 // "Ukraine army commander X": the army, not Ukraine
					break
				}
			}
			if pred, w, ok := pickRole(defs, "", ht, s.u[o].typ, deputy); ok {
				s.emit(out, h, o, pred, rule, conf*w*weight, o, h)
			}
			continue
		}
		if rule != "title-premodifier" || s.negated(lo-2, lo) {
			continue
		}
		if oe, ok := s.orgName(lo); ok && first == lo+1 && !s.mention(lo-1) {
			// "RDK Commander Denis" where the tagger missed this RDK: a
			// name the document gives an organisation elsewhere.
			if pred, w, ok := pickRole(defs, "", ht, Organization, deputy); ok {
				s.emitEntities(out, s.u[h].ent, ht, oe, Organization, pred, "title-premodifier", relConfFair*w*weight, lo, h)
			}
			continue
		}
		for k := lo; k < first; k++ {
			ce, ok := s.country(k)
			if !ok || ht == Person && !s.onlyModifiers(k+1, first) {
				continue
			}
			if pred, w, ok := pickRole(defs, "", ht, Location, deputy); ok {
				s.emitEntities(out, s.u[h].ent, ht, ce, Location, pred, "demonym-title", relConfFair*w*weight, k, h)
			}
			break
		}
	}
}

// matchPersonPlace finds a person's organisation or home stated without a
// role word:
//
//	possessive-person  ORG's PER / LOC's PER      "Microsoft's Bill Gates"
//	person-of          PER of ORG / PER of LOC    "Sen. Bob Dole of Kansas" (also "from")
//	party-state        PER (R-LOC)                "Bob Dole (R-Kan.)"
//	age-of-place       PER, AGE, of LOC           "John Smith, 45, of Dallas"
//	home               PER's home in LOC          "Smith's home in Dallas"
func (s *relSentence) matchPersonPlace(_ []bool, out *[]Relation) {
	for h := range s.u {
		if !s.mention(h, Person) {
			continue
		}
		// possessive-person: the owner stands before the person.
		if o := h - 2; s.possessive(h-1) && s.mention(o) && !s.possessive(h+1) {
			switch s.u[o].typ {
			case Organization:
				s.emit(out, h, o, predicateMemberOf, "possessive-person", relConfWeak, o, h)
			case Location:
				s.emit(out, h, o, predicateLivesIn, "possessive-person", relConfPoor, o, h)
			}
		}
		j := h + 1
		switch {
		case s.is(j, "of", "from"):
			k := j + 1
			if s.in(k, relDeterminers) {
				k++
			}
			for n := 0; n < 2 && (s.in(k, relRoleGerunds) || s.adjective(k)); n++ {
				k++ // "of the governing Liberty Party"
			}
			if n, ok := s.basedAfter(k); ok && s.mention(k, Location) {
				// "Kenneth Lay of Houston-based Enron": of the company.
				if s.mention(n, Organization) && !s.possessive(n+1) {
					s.emit(out, h, n, predicateMemberOf, "person-of", relConfWeak+0.05, h, n)
				}
				break
			}
			if !s.mention(k) || s.possessive(k+1) || s.noun(k+1) {
				break
			}
			from := s.is(j, "from")
			// A title before the person decides: "Prime Minister Ravi
			// Shankar of India" leads it, "Sen. Mark Holden of the
			// Liberty Party" belongs to it.
			// Not "Senate Majority Leader X of Ohio": a name before the
			// title says what the title is of.
			if defs, first := s.roleAt(h-1, h-3); defs != nil && !from && !s.nameBeforeTitle(first-1) {
				if weight, deputy := s.roleMods(first-2, first); weight > 0 {
					if p, w, ok := pickRole(defs, "of", Person, s.u[k].typ, deputy); ok {
						s.emit(out, h, k, p, "title-person-of", relConfGood*w*weight, first, k)
						break
					}
				}
			}
			switch s.u[k].typ {
			case Location:
				conf := relConfFair
				if from {
					conf = relConfPoor
				}
				s.emit(out, h, k, predicateLivesIn, "person-of", conf, h, k)
			case Organization:
				conf := relConfWeak + 0.05
				if from {
					conf = relConfPoor
				}
				s.emit(out, h, k, predicateMemberOf, "person-of", conf, h, k)
			}
		case s.is(j, "("):
			// party-state: "(R-Kan.)", "(D-Texas)".
			k := j + 1
			if !s.mention(k, Location) {
				break
			}
			pre := strings.TrimSpace(s.text[s.u[j].end:s.u[k].start])
			if len(pre) >= 2 && pre[0] >= 'A' && pre[0] <= 'Z' && dashPrefixed(strings.TrimLeft(pre[1:], ". ")) {
				s.emit(out, h, k, predicateLivesIn, "party-state", relConfStrong, h, k)
			}
		case s.comma(j) && s.is(j+1, "of") && s.adjective(j+2) && s.mention(j+3, Location) && (s.comma(j+4) || !s.ok(j+4)):
			// comma-of-place: "Sara Quinn, of suburban Evanston, said".
			s.emit(out, h, j+3, predicateLivesIn, "comma-of-place", relConfGood, h, j+3)
		case s.comma(j) && s.is(j+1, "of") && s.mention(j+2, Location) && (s.comma(j+3) || !s.ok(j+3)):
			// comma-of-place: "John Miller, of Seattle, said".
			s.emit(out, h, j+2, predicateLivesIn, "comma-of-place", relConfGood, h, j+2)
		case s.comma(j) && s.tag(j+1) == "CD" && s.comma(j+2) && s.is(j+3, "of", "from"):
			k := j + 4
			if s.adjective(k) && s.tag(k) != "CD" || s.is(k, "the") && s.mention(k+1, Location) { // "Ray Colton, 27, of nearby Elgin"
				k++
			}
			if s.tag(k) == "CD" { // "Grant Peterson, 44, of 212 Elm Street, Wichita"
				m := k + 1
				for m < k+4 && strings.HasPrefix(s.tag(m), "NNP") {
					m++
				}
				if m > k+1 && s.comma(m) {
					k = m + 1
				}
			}
			if s.mention(k, Location) {
				s.emit(out, h, k, predicateLivesIn, "age-of-place", relConfGood+0.05, h, k)
			}
		case s.possessive(j):
			k := j + 1
			for n := 0; n < 2 && strings.HasPrefix(s.tag(k), "JJ"); n++ {
				k++
			}
			if !s.is(k, "home", "hometown", "house", "residence", "birthplace", "homeland") {
				break
			}
			k++
			if s.is(k, "in", "of", "at", ",") {
				k++
			}
			if s.in(k, relDeterminers) {
				k++
			}
			if s.mention(k, Location) {
				s.emit(out, h, k, predicateLivesIn, "home", relConfFair+0.05, h, k)
			}
		}
	}
}

// matchPlaces finds where places and organisations are:
//
//	place-comma      LOC, LOC               "Dallas, Texas"; "Belgorod region, Russia"
//	place-in         LOC in LOC             "the city of Shebekino in Belgorod region"
//	place-of         LOC region of LOC      "the Belgorod region of Russia"
//	possessive-place LOC's LOC / LOC's ORG  "Russia's Belgorod region", "Russia's Defense Ministry"
//	org-of-place     ORG of LOC             "the Interior Ministry of Ukraine"
//	org-in-place     ORG in LOC             "the U.S. Embassy in Moscow"
//	org-comma-place  ORG, LOC               "Apple Computer Inc., Cupertino, Calif."
//
// A country is never the subject of place-comma, place-in or place-of
// ("troops of Russia in Ukraine"), and a list ("Paris, London and Berlin")
// is no hierarchy.
func (s *relSentence) matchPlaces(_ []bool, out *[]Relation) {
	for a := range s.u {
		if !s.mention(a, Location, Organization) {
			continue
		}
		isLoc := s.u[a].typ == Location
		aCountry := isLoc && s.isCountry[s.u[a].ent]
		j := a + 1
		if isLoc {
			j = s.skipGeo(j)
		}
		switch {
		case s.comma(j):
			b := j + 1
			if !s.mention(b, Location) || s.inList(a, b) {
				break
			}
			after := s.skipGeo(b + 1)
			if s.finiteVerb(after) || s.possessive(after) {
				break // "In Belgorod, Russia launched ..."
			}
			if isLoc && !aCountry {
				s.emit(out, a, b, predicateLocatedIn, "place-comma", relConfGood, a, b)
			} else if !isLoc && (s.comma(after) || s.is(after, ".", ";", ")") || !s.ok(after)) {
				conf := relConfWeak
				if corporateName(s.text[s.u[a].start:s.u[a].end]) {
					conf = relConfFair + 0.05
				}
				s.emit(out, a, b, predicateBasedIn, "org-comma-place", conf, a, b)
			}
		case s.is(j, "in", "of"):
			b := j + 1
			if s.in(b, relDeterminers) {
				b++
			}
			if !s.mention(b, Location) || s.possessive(b+1) || s.is(a-1, "from", "between", "and", "or", "with", "by", "against") {
				break
			}
			of := s.is(j, "of")
			switch {
			case isLoc && aCountry:
			case isLoc && of && j > a+1 && s.in(j-1, relNamingNouns):
				// "the California town of Ojai": Ojai lies in California.
				s.emit(out, b, a, predicateLocatedIn, "place-of", relConfFair, a, b)
			case isLoc && of && j > a+1: // "the Belgorod region of Russia"
				s.emit(out, a, b, predicateLocatedIn, "place-of", relConfGood, a, b)
			case isLoc && !of:
				s.emit(out, a, b, predicateLocatedIn, "place-in", relConfFair, a, b)
			case !isLoc && of:
				s.emit(out, a, b, predicateBasedIn, "org-of-place", relConfWeak, a, b)
			case !isLoc && s.cityLike(b):
				// Organisations are based in towns; "in" a region or a
				// country is more often where they act.
				s.emit(out, a, b, predicateBasedIn, "org-in-place", relConfPoor, a, b)
			}
		case isLoc && s.possessive(a+1):
			b := a + 2
			for n := 0; n < 2 && strings.HasPrefix(s.tag(b), "JJ"); n++ {
				b++
			}
			if s.in(b, relNamingNouns) && s.is(b+1, "of") {
				b += 2 // "Ukraine's eastern city of Bakhmut"
			}
			if !s.mention(b) || s.possessive(b+1) {
				break
			}
			switch s.u[b].typ {
			case Location:
				if !s.isCountry[s.u[b].ent] {
					s.emit(out, b, a, predicateLocatedIn, "possessive-place", relConfGood+0.05, a, b)
				}
			case Organization:
				s.emit(out, b, a, predicateBasedIn, "possessive-place", relConfFair, a, b)
			}
		}
	}
}

// inList reports whether the names at units a and b ("a, b") are items of
// a list rather than a place and the place it lies in: the chain of names
// joined by commas ends with "and"/"or" ("Paris, London and Berlin") or
// has more than three names. "Shebekino, Belgorod region, Russia" is no
// list.
func (s *relSentence) inList(a, b int) bool {
	typ := s.u[a].typ
	items := 2
	for k := a - 1; s.comma(k); {
		k--
		if s.in(k, relGeoNouns) {
			k--
		}
		if !s.mention(k, typ, Location) {
			break
		}
		items++
		k--
	}
	end := b
	for {
		j := s.skipGeo(end + 1)
		if s.comma(j) && s.mention(j+1, Location) {
			end = j + 1
			items++
			continue
		}
		if s.is(j, "and", "or", "&", "/") || s.comma(j) && s.is(j+1, "and", "or") {
			return true
		}
		break
	}
	return items > 3 || s.is(a-1, "and", "or", "between")
}

// corporateName reports whether an organisation name ends in a company suffix.
func corporateName(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return false
	}
	switch strings.TrimRight(f[len(f)-1], ".,") {
	case "inc", "corp", "co", "ltd", "llc", "plc", "corporation", "company", "group", "ag", "gmbh", "sa":
		return true
	}
	return false
}

// placeSuffixes are the "X-based" adjectives: the suffix, the type of the
// entity it describes, the predicate and the rule.
var placeSuffixes = []struct{ suffix, typ, pred, rule string }{
	{"based", Organization, predicateBasedIn, "X-based"},
	{"headquartered", Organization, predicateBasedIn, "X-based"},
	{"born", Person, predicateBornIn, "X-born"},
}

// matchBased finds "X-based" and "X-born":
//
//	X-based  LOC-based [fill] ORG        "the Washington-based Institute for the Study of War"
//	X-based  ORG, a LOC-based [fill]     "RUSI, a London-based defense and security think tank"
//	X-born   LOC-born [fill] PER         "the Texas-born singer Willie Nelson"
func (s *relSentence) matchBased(_ []bool, out *[]Relation) {
	for a := range s.u {
		for _, ps := range placeSuffixes {
			if next, ok := s.placeSuffix(a, ps.suffix); ok {
				s.matchPlaceSuffix(a, next, ps.typ, ps.pred, ps.rule, out)
			}
		}
	}
}

// matchPlaceSuffix relates the place at unit a, followed by a suffix
// ending before unit next, to the entity of type typ the adjective
// describes.
func (s *relSentence) matchPlaceSuffix(a, next int, typ, pred, rule string, out *[]Relation) {
	// Forward: the entity named after the adjective.
	k := next
	for n := 0; n < 6 && s.ok(k) && !s.mention(k); n++ {
		if !(s.adjective(k) || s.noun(k) || s.is(k, "and", "&", "-")) {
			break
		}
		k++
	}
	if s.mention(k, typ) && !s.possessive(k+1) {
		s.emit(out, k, a, pred, rule, relConfStrong, a, k)
		return
	}
	// Backward: "RUSI, a London-based think tank".
	j := a - 1
	if s.in(j, relDeterminers) {
		j--
	}
	if !s.comma(j) {
		return
	}
	j--
	lo := j
	if s.is(j, ")") {
		for m := j - 1; m >= j-4 && m >= 0; m-- {
			if s.is(m, "(") {
				if s.mention(m + 1) {
					j, lo = m+1, m // the acronym in brackets: "(RUSI)"
					if s.mention(m - 1) {
						lo = m - 1 // from its long form
					}
				} else {
					j, lo = m-1, m-1
				}
				break
			}
		}
	}
	if s.mention(j, typ) {
		// The evidence runs to the end of "London-based".
		s.emit(out, j, a, pred, rule, relConfStrong, min(j, lo), max(a, next-1))
	}
}

// verbCues are the verbs that state a typed relation. prep is the word or
// words that must follow the verb ("" for a direct object: "X killed Y",
// "Y was killed by X"); preds are tried in order until the types fit.
// reverse marks verbs whose grammatical subject is the relation's object
// ("IBM employs Smith": Smith member_of IBM).
var verbCues = []struct {
	verbs, prep, preds string
	reverse            bool
	weight             float64
}{
	{`kill assassinate murder slay behead strangle execute`, ``, `killed`, false, 0.85},
	{`shoot stab`, ``, `killed`, false, 0.7},
	{`gun`, `down`, `killed`, false, 0.8},
	{`lead head chair found co-found cofound command govern`, ``, `leads`, false, 0.75},
	{`run`, ``, `leads`, false, 0.6},
	{`work`, `for`, `member_of`, false, 0.8},
	{`work`, `at`, `member_of`, false, 0.75},
	{`join`, ``, `member_of`, false, 0.7},
	{`serve`, `in`, `member_of`, false, 0.6},
	{`serve`, `with`, `member_of`, false, 0.6},
	{`employ hire`, ``, `member_of`, true, 0.7},
	{`represent`, ``, `speaks_for`, false, 0.7},
	{`speak`, `for`, `speaks_for`, false, 0.7},
	{`live reside settle`, `in`, `lives_in`, false, 0.8},
	{`grow`, `up in`, `lives_in`, false, 0.75},
	{`move relocate`, `to`, `lives_in`, false, 0.6},
	{`born`, `in`, `born_in`, false, 0.8},
	{`raise`, `in`, `lives_in`, false, 0.7},
	{`base headquarter`, `in`, `based_in`, false, 0.85},
	{`locate situate`, `in`, `based_in located_in`, false, 0.8},
	{`belong`, `to`, `part_of member_of`, false, 0.6},
	{`name appoint`, ``, `member_of`, true, 0.6},
	{`lie`, `in`, `located_in`, false, 0.7},
	{`be`, `in`, `located_in`, false, 0.6},
	{`resign retire`, `from`, `member_of`, false, 0.7},
	{`be`, `with`, `member_of`, false, 0.6},
	{`be come hail`, `from`, `lives_in`, false, 0.65},
	{`emigrate immigrate`, `to`, `lives_in`, false, 0.7},
	{`fire dismiss sack`, ``, `member_of`, true, 0.6},
	{`found establish`, `in`, `based_in`, false, 0.6},
}

// verbCue is one reading of a verb.
type verbCue struct {
	prep    []string
	preds   []string
	reverse bool
	weight  float64
}

// verbTable maps a verb's lemma to its readings.
var verbTable = func() map[string][]verbCue {
	m := make(map[string][]verbCue)
	for _, c := range verbCues {
		v := verbCue{prep: strings.Fields(c.prep), preds: strings.Fields(c.preds), reverse: c.reverse, weight: c.weight}
		for _, w := range strings.Fields(c.verbs) {
			m[w] = append(m[w], v)
		}
	}
	return m
}()

// Words for the killing rules: nouns that name a killing, the verbs they
// come from, and verbs of accusing.
var (
	relKillNouns     = wordSet(`assassination murder killing slaying shooting stabbing execution`)
	relKillVerbs     = wordSet(`kill assassinate murder slay shoot stab execute behead strangle`)
	relAccusingVerbs = wordSet(`accuse convict charge suspect indict arrest jail sentence try imprison detain find
		plead confess admit await face`)
)

// verbGroup reads the verbs after a subject at unit a: an optional
// relative pronoun or reduced relative ("X, who", "X, killed by"), then
// auxiliaries, adverbs and the main verb. It returns the main verb's
// unit and lemma, the unit after the group, whether the main verb is
// passive ("was killed", "X, killed by") and ok == false when there is no
// verb or the verb is negated. A cue verb in -s that the tagger took for a
// plural noun right after a name ("Smith works for") counts as a verb.
func (s *relSentence) verbGroup(a int) (main int, lem string, next int, passive, ok bool) {
	j := s.skipParen(a + 1)
	if s.comma(j) && s.in(j+1, relDeterminers) && s.noun(j+2) && s.tag(j+3) == "VBN" && relAccusingVerbs[lemma(s.word(j+3), "VBN")] {
		return s.verbGroupAt(a, j+3) // "Frank Ruiz, the man charged with killing Y"
	}
	j = s.skipAppositive(j)
	switch {
	case s.comma(j) && s.in(j+1, relPronouns):
		j += 2
	case s.comma(j) && s.in(j+1, relDeterminers):
		// "Chapman, the man who shot Lennon": a noun phrase and a
		// relative clause about the mention.
		for k := j + 2; k < j+6 && s.ok(k); k++ {
			if s.in(k, relPronouns) {
				if k > j+2 {
					j = k + 1
				}
				break
			}
			if !s.noun(k) && !strings.HasPrefix(s.tag(k), "JJ") {
				break
			}
		}
	case s.in(j, relPronouns):
		j++
	case s.comma(j) && (s.tag(j+1) == "VBN" || s.tag(j+1) == "VBD" && s.preposition(j+2)):
		j++ // "Exxon, headquartered in Irving"
	case s.comma(j) && s.tag(j+1) == "VBG" && s.preposition(j+2):
		j++ // "Moira Kane, speaking for the NRA"
	case s.comma(j) && s.comma(a-1) && s.noun(a-2) && (s.tag(j+1) == "VBD" || s.tag(j+1) == "VBZ"):
		j++ // "A gunman, Eric Voss, opened fire": the name is the subject
	}
	return s.verbGroupAt(a, j)
}

// verbGroupAt reads the verb group that starts at unit j and has the
// mention at unit a for its subject.
func (s *relSentence) verbGroupAt(a, j int) (main int, lem string, next int, passive, ok bool) {
	if s.tag(j) == "NNS" {
		if l := lemma(s.word(j), "VBZ"); verbTable[l] != nil {
			return j, l, j + 1, false, true
		}
	}
	main = -1
	be := false
	for k := 0; k < 6 && s.ok(j); k++ {
		switch {
		case s.in(j, relNegation):
			return 0, "", 0, false, false
		case s.verb(j), k == 0 && s.tag(j) == "NN" && s.is(j+1, "and") && s.verb(j+2):
			// The second case is a verb the tagger took for a noun
			// before "and" and another verb ("X shot and killed Y").
			if main >= 0 {
				if l := lemma(s.word(main), s.tag(main)); l == "be" || l == "get" {
					be = true
				}
			}
			main = j
		case strings.HasPrefix(s.tag(j), "RB"):
		case s.is(j, "and", "or") && main >= 0 && s.verb(j+1):
			// "was shot and killed by": the last verb of the pair rules.
		case main == j-1 && (s.tag(j) == "RP" || s.noun(j) && lowerInitial(s.text[s.u[j].start:s.u[j].end])) && s.is(j+1, "and") && s.verb(j+2):
			// "opened fire and killed Y", "ran over and killed Y": the
			// second verb rules.
		default:
			k = 6
			continue
		}
		j++
	}
	if main < 0 {
		return 0, "", 0, false, false
	}
	t := s.tag(main)
	passive = t == "VBN" && (be || main == s.skipParen(a+1) || s.comma(main-1))
	return main, lemma(s.word(main), t), j, passive, true
}

// inPrepPhrase reports whether the mention at unit a is the object of a
// preposition ("the head of Wagner", "in the Belgorod Oblast"), so that a
// verb after it has another subject.
func (s *relSentence) inPrepPhrase(a int) bool {
	j := a - 1
	for k := 0; k < 3 && (s.in(j, relDeterminers) || s.tag(j) == "PRP$" || strings.HasPrefix(s.tag(j), "JJ")); k++ {
		j--
	}
	return s.preposition(j)
}

// skipAppositive returns the index after an appositive that starts at
// unit j (", Oswald's assassin," or ", a farmer from Iowa,"), or j: a
// comma, at most ten units with a common noun and no verb or second
// comma, and a comma.
func (s *relSentence) skipAppositive(j int) int {
	if !s.comma(j) || s.tag(j+1) == "VBN" {
		return j // ", founded in Austin in 2015," is a reduced relative clause
	}
	noun := false
	for k := j + 1; k < j+12 && s.ok(k); k++ {
		switch {
		case s.comma(k):
			if noun && k > j+1 {
				return k + 1
			}
			return j
		case s.verb(k) && s.tag(k) != "VBN", s.in(k, relPronouns), s.is(k, "and", "or", ";", ":", "(", ")"):
			return j
		case s.noun(k) && !strings.HasPrefix(s.tag(k), "NNP"), s.tag(k) == "CD":
			noun = true
		}
	}
	return j
}

// matchVerbs finds relations stated by a verb:
//
//	verb-active     X VERB Y             "Oswald killed Kennedy", "Prigozhin leads Wagner"
//	verb-passive    Y was VERBed by X    "Kennedy was assassinated by Oswald"
//	verb-prep       X VERB PREP Y        "Smith lives in Dallas", "RUSI is based in London"
//	killed-accused  X accused of killing Y
//	killed-nominal  the murder of Y by X / Y's murder by X
func (s *relSentence) matchVerbs(_ []bool, out *[]Relation) {
	for a := range s.u {
		if !s.mention(a) {
			continue
		}
		s.matchKillNoun(a, out)
		if s.inPrepPhrase(a) && !(s.comma(a+1) && s.in(a+2, relPronouns)) && !(s.comma(a+1) && s.tag(a+2) == "VBN" && s.is(a+3, "by")) {
			// The subject of the verb is the phrase a is in, unless a
			// relative clause is about a ("condemned by Hamas, which is
			// based in Gaza").
			continue
		}
		main, l, j, passive, ok := s.verbGroup(a)
		if !ok {
			continue
		}
		s.matchVerbCues(a, main, l, j, passive, out)
		if l == "die" {
			s.matchDiedAfter(a, j, out)
		}
		// "who was born in Cork and raised in Boston": a second verb
		// after "and" has the same subject.
		for k := j; k < j+6 && s.ok(k+1); k++ {
			if s.comma(k) || s.mention(k, Person) || s.verb(k) {
				break
			}
			if s.is(k, "and") && (s.tag(k+1) == "VBN" || s.tag(k+1) == "VBD") {
				if main, l, j2, passive2, ok := s.verbGroupAt(a, k+1); ok {
					s.matchVerbCues(a, main, l, j2, passive2 || passive && s.tag(main) == "VBN", out)
				}
				break
			}
		}
		// "Mary Brown, who lives in Oakland, works for IBM": the verb
		// after the relative clause has the same subject.
		if k := s.afterRelativeClause(a); k >= 0 {
			if main, l, j, passive, ok := s.verbGroupAt(a, k); ok {
				s.matchVerbCues(a, main, l, j, passive, out)
			}
		}
	}
}

// afterRelativeClause returns the unit of the verb that follows a relative
// clause on the mention at unit a (", who ... ,"), or -1.
func (s *relSentence) afterRelativeClause(a int) int {
	j := a + 1
	if !s.comma(j) || !s.in(j+1, relPronouns) {
		return -1
	}
	for k := j + 2; k < j+20 && s.ok(k+1); k++ {
		if s.comma(k) && s.verb(k+1) && s.tag(k+1) != "VBN" && s.tag(k+1) != "VBG" {
			return k + 1
		}
	}
	return -1
}

// matchVerbCues states the typed relations that the verb group main (lemma
// l, next unit j) gives between the subject at unit a and its object.
func (s *relSentence) matchVerbCues(a, main int, l string, j int, passive bool, out *[]Relation) {
	if relAccusingVerbs[l] {
		s.matchAccused(a, j, out)
		return
	}
	if s.tag(main) == "VBG" && relAccusingVerbs[lemma(s.word(main-1), s.tag(main-1))] {
		s.matchAccused(a, main, out) // "admitted murdering Y"
		return
	}
	if (l == "execute" || l == "hang") && s.is(j, "for") {
		s.matchAccused(a, j, out) // "was executed for killing Y"
		return
	}
	s.matchVerbShapes(a, main, l, j, passive, out)
	if s.tag(j) == "CD" && s.is(j+1, "years", "decades", "months") {
		j += 2 // "worked 30 years for General Electric"
	}
	for _, c := range verbTable[l] {
		if len(c.prep) > 0 {
			k := j
			for _, p := range c.prep {
				if !s.is(k, p) {
					k = -1
					break
				}
				k++
			}
			if k < 0 {
				continue
			}
			if passive && s.is(k, "by") && c.preds[0] == predicateKilled {
				if x := s.objectNear(k+1, false); x >= 0 {
					s.emitCue(out, c, x, a, "verb-passive", a, x) // "was gunned down by X"
				}
				continue
			}
			if s.tag(k) == "CD" && s.is(k+1, "in") {
				k += 2 // "was born in 1970 in Recife"
			}
			if o := s.objectNear(k, c.preds[0] == predicateKilled); o >= 0 && !s.possessive(o+1) {
				s.emitCue(out, c, a, o, "verb-prep", a, o) // "gunned down Dr. John Britton"
			}
			continue
		}
		if passive || s.tag(main) == "VBN" {
			k := j
			for n := 0; n < 3 && !s.is(k, "by") && (s.is(k, "to", "death", "dead") || strings.HasPrefix(s.tag(k), "RB")); n++ {
				k++
			}
			if s.is(k, "as") { // "was hired as a nurse by Y"
				for m := k + 1; m < k+5 && s.ok(m); m++ {
					if s.is(m, "by") {
						k = m
						break
					}
					if !(s.in(m, relDeterminers) || s.adjective(m) || s.noun(m)) {
						break
					}
				}
			}
			if !s.is(k, "by") && c.preds[0] == predicateKilled {
				// "was assassinated at Manila airport in 1983 by X".
				for m := k; m < k+8 && s.ok(m); m++ {
					if s.comma(m) || s.verb(m) || s.mention(m, Person) || s.is(m, "and", "after", "when", "while", "because") {
						break
					}
					if s.is(m, "by") {
						k = m
						break
					}
				}
			}
			if s.is(k, "by") {
				x := s.objectNear(k+1, false)
				if x < 0 && c.preds[0] == predicateKilled {
					x = s.appositiveObject(k + 1) // "killed by a sniper, Anders Berg"
				}
				if x >= 0 {
					s.emitCue(out, c, x, a, "verb-passive", a, x)
				}
				continue
			}
		}
		if passive || s.tag(main) == "VBG" {
			continue
		}
		if s.is(j, "dead") && c.preds[0] == predicateKilled {
			j++ // "shot dead his girlfriend"
		}
		o := s.objectNear(j, true)
		if o < 0 && c.preds[0] == predicateKilled {
			o = s.appositiveObject(j) // "killed his neighbour, Ian Blake"
		}
		if o >= 0 && s.in(o+1, relBureauNouns) {
			// "heads the Kansas City office of the FBI": the person works
			// for the organisation, not for the place.
			if s.is(o+2, "of") {
				if g := s.objectNear(o+3, false); g >= 0 && s.u[g].typ == Organization && c.preds[0] == predicateLeads {
					s.emit(out, a, g, predicateMemberOf, "verb-active", c.weight, a, g)
				}
			}
			continue
		}
		if o >= 0 && !s.possessive(o+1) {
			s.emitCue(out, c, a, o, "verb-active", a, o)
		}
	}
}

// emitCue states a verb cue between the grammatical subject x and object y.
func (s *relSentence) emitCue(out *[]Relation, c verbCue, x, y int, rule string, lo, hi int) {
	if c.reverse {
		x, y = y, x
	}
	for _, p := range c.preds {
		if predicateFits(p, s.u[x].typ, s.u[y].typ) {
			s.emit(out, x, y, p, rule, c.weight, lo, hi)
			return
		}
	}
}

// matchAccused reads "accused of killing Y", "convicted of the murder of
// Y", "found guilty of assassinating Y" after the accusing verb of subject
// a; j is the unit after the verb.
func (s *relSentence) matchAccused(a, j int, out *[]Relation) {
	if s.in(j, relWhenWords) {
		j++ // "was convicted Monday of killing Y"
	}
	if s.is(j, "to") {
		// "was sentenced to 20 years for killing Y", "to life for".
		for m := j + 1; m < j+5 && s.ok(m); m++ {
			if s.is(m, "for") {
				j = m
				break
			}
			if !(s.tag(m) == "CD" || s.noun(m) || s.adjective(m) || s.is(m, "in")) {
				break
			}
		}
	}
	if s.is(j, "guilty") || s.is(j, "trial", "charges", "sentencing") {
		j++ // "awaiting trial for the murder of Y", "faces charges in"
	}
	switch {
	case s.is(j, "of", "for", "in", "with", "to"):
		j++
	case s.tag(j) == "VBG": // "admitted murdering Y"
	default:
		return
	}
	if s.in(j, relDeterminers) {
		j++
	}
	if strings.HasPrefix(s.tag(j), "RB") && s.tag(j+1) == "VBG" {
		j++ // "accused of fatally shooting Y"
	}
	for n := 0; n < 2 && (s.tag(j) == "CD" || s.adjective(j)) && !s.in(j, relKillNouns); n++ {
		j++ // "in the 1985 slaying of Y"
	}
	if s.in(j, relKillGerunds) && s.is(j+1, "death", "deaths") && s.is(j+2, "of") {
		j++ // "charged with the shooting death of Y"
	}
	var v int
	switch {
	case s.is(j, "death") && s.in(j-1, relKillGerunds) && s.is(j+1, "of"):
		v = s.objectNear(j+2, true)
	case s.in(j, relKillNouns) && s.is(j+1, "in") && s.is(j+2, "the") && s.is(j+3, "death", "deaths") && s.is(j+4, "of"):
		v = s.objectNear(j+5, true) // "guilty of first-degree murder in the death of Y"
	case s.tag(j) == "VBG" && relKillVerbs[lemma(s.word(j), "VBG")]:
		if v = s.objectNear(j+1, true); v < 0 {
			v = s.appositiveObject(j + 1) // "of murdering his partner, Olof Berg"
		}
	case s.in(j, relKillNouns) && s.is(j+1, "of"):
		if v = s.objectNear(j+2, true); v < 0 {
			v = s.appositiveObject(j + 2) // "the murder of his cousin, Tyrell Price"
		}
	default:
		return
	}
	if v >= 0 && !s.possessive(v+1) {
		s.emit(out, a, v, predicateKilled, "killed-accused", relConfFair, a, v)
	}
}

// matchDiedAfter reads "Y died after being shot by X", "Y died when he
// was stabbed by X": a is Y, j the unit after "died".
func (s *relSentence) matchDiedAfter(a, j int, out *[]Relation) {
	if s.is(j, "at") && s.is(j+1, "the") && s.is(j+2, "hands") && s.is(j+3, "of") {
		// "Y died at the hands of X".
		if x := s.objectNear(j+4, false); x >= 0 && s.u[x].typ == Person {
			s.emit(out, x, a, predicateKilled, "killed-died-after", relConfFair, a, x)
		}
		return
	}
	if !s.is(j, "after", "when") {
		return
	}
	k := j + 1
	for n := 0; n < 3 && (s.is(k, "being", "was", "were", "getting", "got") || s.tag(k) == "PRP" || strings.HasPrefix(s.tag(k), "RB")); n++ {
		k++
	}
	if !relKillVerbs[lemma(s.word(k), "VBN")] {
		return
	}
	k++
	if s.is(k, "dead") || s.is(k, "to") && s.is(k+1, "death") {
		k += 1 + btoi(s.is(k, "to"))
	}
	if s.is(k, "by") {
		if x := s.objectNear(k+1, true); x >= 0 {
			s.emit(out, x, a, predicateKilled, "killed-died-after", relConfFair+0.05, a, x)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// matchKillNoun reads "the assassination of Y by X" and "Y's murder by
// X", where a is the victim Y.
func (s *relSentence) matchKillNoun(a int, out *[]Relation) {
	// X, whose murder of Y: a is X.
	if s.comma(a+1) && s.is(a+2, "whose") && s.in(a+3, relKillNouns) && s.is(a+4, "of") {
		if v := s.objectNear(a+5, true); v >= 0 && !s.possessive(v+1) {
			s.emit(out, a, v, predicateKilled, "killed-nominal", relConfGood, a, v)
		}
	}
	// X's murder of Y: a is X.
	if s.possessive(a+1) && s.in(a+2, relKillNouns) && s.is(a+3, "of") {
		if v := s.objectNear(a+4, true); v >= 0 && !s.possessive(v+1) {
			s.emit(out, a, v, predicateKilled, "killed-nominal", relConfGood, a, v)
		}
	}
	// Y's murder by X.
	if s.possessive(a+1) && s.in(a+2, relKillNouns) && s.is(a+3, "by") {
		if x := s.objectNear(a+4, false); x >= 0 {
			s.emit(out, x, a, predicateKilled, "killed-nominal", relConfGood+0.05, a, x)
		}
	}
	// the murder of [President] Y by X, the killing of [journalist] Y
	// was carried out by X: a is Y.
	by := a + 1
	if s.in(by, relCopulas) && s.in(by+1, relPerpetrated) {
		by += 2
		if s.is(by, "out") {
			by++
		}
	}
	n := a - 1
	for k := 0; k < 3 && (personTitles[s.word(n)] || roleTable[s.word(n)] != nil || strings.HasPrefix(s.tag(n), "JJ")); k++ {
		n--
	}
	if s.is(n, "of") && s.in(n-1, relKillNouns) && s.is(n-2, "the") && s.is(n-3, "in") && s.is(n-4, "suspect", "man", "gunman", "defendant") &&
		s.comma(a+1) && s.mention(a+2, Person) {
		// "The suspect in the slaying of Officer Ray Diaz, Jamal Hunt, was captured".
		s.emit(out, a+2, a, predicateKilled, "killed-nominal", relConfFair, n-4, a+2)
	}
	if !s.is(by, "by") {
		return
	}
	if s.is(n, "of") && s.in(n-1, relKillNouns) {
		if x := s.objectNear(by+1, true); x >= 0 {
			s.emit(out, x, a, predicateKilled, "killed-nominal", relConfGood+0.05, n-1, x)
		}
	}
}

// relBureauNouns are the places an organisation works from.
var relBureauNouns = wordSet(`bureau bureaus office offices headquarters branch plant factory factories studio studios
	newsroom station base embassy consulate mission campus`)

// matchBureau finds "Reuters' Jerusalem bureau", "Toyota's Kentucky
// plant", "Boeing's headquarters in Chicago": the organisation works in
// the place.
func (s *relSentence) matchBureau(_ []bool, out *[]Relation) {
	for a := range s.u {
		if !s.mention(a, Organization) || !s.possessive(a+1) {
			continue
		}
		if l := a + 2; s.mention(l, Location) && s.in(l+1, relBureauNouns) {
			s.emit(out, a, l, predicateBasedIn, "possessive-bureau", relConfGood, a, l+1)
		}
		// "Boeing's headquarters in Chicago".
		if k := a + 2; s.in(k, relBureauNouns) && s.is(k+1, "in") && s.mention(k+2, Location) {
			s.emit(out, a, k+2, predicateBasedIn, "possessive-bureau", relConfGood, a, k+2)
		}
	}
}

// relPerpetrated are the participles that give a killing its agent ("the
// murder was carried out by X").
var relPerpetrated = wordSet(`carried committed perpetrated done ordered`)

// Shapes of news sentences that the rules above do not read.

// relLifeNouns are what a person spends in a place ("spent her childhood
// in Uppsala").
var relLifeNouns = wordSet(`life childhood youth boyhood girlhood adulthood years decades`)

// relHomeNouns are the homes a person has ("died at her home in Santa Fe").
var relHomeNouns = wordSet(`home house residence apartment flat farm hometown`)

// relAppointVerbs give a person a post ("was promoted to chief executive
// of Y").
var relAppointVerbs = wordSet(`appoint name elect promote hire make choose nominate take install`)

// relStaffNouns name the people of an organisation ("Kroger officials,
// including X").
var relStaffNouns = wordSet(`officials executives employees members staff staffers workers lawyers leaders
	spokesmen spokespeople managers engineers researchers reporters journalists`)

// relWhenWords may stand between a verb and its complement ("convicted
// Monday of killing Y").
var relWhenWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday yesterday today
	tonight earlier later again`)

// relJudgingVerbs are the accusing verbs whose object is the one accused
// ("convicted X of murder"); "arrested X for murder" is not enough.
var relJudgingVerbs = wordSet(`convict accuse charge indict find`)

// relHomeOffices are the places from which an organisation works.
var relHomeOffices = wordSet(`headquarters head office offices office base seat`)

// relKillGerunds name how a death came about ("the shooting death of Y").
var relKillGerunds = wordSet(`shooting stabbing beating strangling strangulation`)

// appositiveObject returns the mention after a noun phrase and a comma,
// starting at unit i: "killed his neighbour, Ian Blake", "by a sniper,
// Anders Berg"; -1 when there is none.
func (s *relSentence) appositiveObject(i int) int {
	if s.in(i, relDeterminers) || s.tag(i) == "PRP$" {
		i++
	}
	for n := 0; n < 2 && s.adjective(i); n++ {
		i++ // also a number: "nine worshippers"
	}
	nouns := 0
	for n := 0; n < 2 && s.noun(i) && lowerInitial(s.text[s.u[i].start:s.u[i].end]); n++ {
		i++
		nouns++
	}
	if nouns == 0 || !s.comma(i) {
		return -1
	}
	if s.is(i+1, "including") && s.mention(i+2) {
		return i + 2 // "murdered nine worshippers, including Clementa Pinckney"
	}
	if !s.mention(i + 1) {
		return -1
	}
	return i + 1
}

// matchNews finds shapes of wire-news sentences:
//
//	relative-killer   the man who killed Y, X          "The gunman who shot Ivan Drago, Sergei Kuznetsov, was arrested"
//	verb-to-death     X VERB Y to death                "Jesse Cole beat Manny Ortiz to death"
//	appositive-from   PER, [originally] from LOC,      "Hannah Weiss, originally from Vienna, now teaches"
//	appositive-in     PER, a NOUN in LOC               "Nelson Ortiz, a farmer in Chiapas"
//	appositive-for    PER, a NOUN for/with ORG         "Michael Grant, a lawyer for the Sierra Club"
//	own-home          PER ... her home in LOC          "Hilda Cruz died at her home in Santa Fe"
//	both-of           PER and PER, both of LOC         "Mary Collins and Joseph Kelly, both of Boston"
//	its-role          ORG said its ROLE, PER           "Zillow said its chief executive, Rich Barton, would step down"
//	staff-including   ORG officials, including PER     "Kroger officials, including Tom Hale, toured the warehouse"
//	appositive-based  ORG, a NOUN based in LOC         "Greenpeace, an environmental group based in Amsterdam"
//	bureau-of         the LOC office of ORG            "The Seoul office of Samsung"
//	place-noun-of     the LOC suburb of LOC            "the Toronto suburb of Mississauga"
func (s *relSentence) matchNews(_ []bool, out *[]Relation) {
	for a := range s.u {
		// relative-killer: a is the victim.
		if s.mention(a, Person) {
			v := a - 1
			for k := 0; k < 2 && (s.in(v, relDeterminers) || personTitles[s.word(v)] || strings.HasPrefix(s.tag(v), "JJ")); k++ {
				v--
			}
			if s.verb(v) && relKillVerbs[lemma(s.word(v), s.tag(v))] && s.is(v-1, "who", "that") && s.noun(v-2) &&
				s.comma(a+1) && s.mention(a+2, Person) {
				s.emit(out, a+2, a, predicateKilled, "relative-killer", relConfGood, v-2, a+2)
			}
		}
		if !s.mention(a) {
			continue
		}
		switch s.u[a].typ {
		case Person:
			s.matchNewsPerson(a, out)
		case Organization:
			s.matchNewsOrg(a, out)
		case Location:
			// place-noun-of: "the Toronto suburb of Mississauga".
			if s.in(a-1, relDeterminers) && s.in(a+1, relNamingNouns) && s.is(a+2, "of") && s.mention(a+3, Location) && !s.possessive(a+4) {
				s.emit(out, a+3, a, predicateLocatedIn, "place-noun-of", relConfGood, a-1, a+3)
			}
			// "the Dorchester section of Boston": the first is the part.
			if s.in(a-1, relDeterminers) && s.is(a+1, "section", "part", "quarter") && s.is(a+2, "of") && s.mention(a+3, Location) && !s.possessive(a+4) {
				s.emit(out, a, a+3, predicateLocatedIn, "place-noun-of", relConfGood, a-1, a+3)
			}
			// bureau-of: "the Seoul office of Samsung".
			if s.in(a-1, relDeterminers) && s.in(a+1, relBureauNouns) && s.is(a+2, "of") {
				k := a + 3
				if s.in(k, relDeterminers) {
					k++
				}
				if s.mention(k, Organization) && !s.possessive(k+1) {
					s.emit(out, k, a, predicateBasedIn, "bureau-of", relConfGood, a-1, k)
				}
			}
		}
	}
}

// matchNewsPerson reads the shapes of matchNews whose first mention, at
// unit a, is a person.
func (s *relSentence) matchNewsPerson(a int, out *[]Relation) {
	// verb-to-death: X beat Y to death (the tagger may not see a verb in
	// "beat").
	if k := a + 1; s.verb(k) || s.is(k, "beat", "beats") {
		if o := s.objectNear(k+1, true); o >= 0 && s.u[o].typ == Person && s.is(o+1, "to") && s.is(o+2, "death") {
			s.emit(out, a, o, predicateKilled, "verb-to-death", relConfGood, a, o+2)
		}
	}
	// Own home: "died at her home in Santa Fe", "whose home in Malibu".
	for k := a + 1; k < a+10 && s.ok(k+3); k++ {
		if s.mention(k, Person) || s.is(k, ";") {
			break
		}
		if s.mention(k, Location) && s.comma(k+1) && s.is(k+2, "his", "her") && s.is(k+3, "hometown", "birthplace", "home") {
			s.emit(out, a, k, predicateLivesIn, "own-home", relConfFair, a, k+3) // "in Buffalo, his hometown"
			break
		}
		if s.is(k, "his", "her", "whose") && s.in(k+1, relHomeNouns) && (s.is(k+2, "in", "near", "outside") || s.is(k+1, "hometown") && s.is(k+2, "of")) {
			if o := s.objectNear(k+3, false); o >= 0 && s.u[o].typ == Location {
				s.emit(out, a, o, predicateLivesIn, "own-home", relConfFair, a, o)
			}
			break
		}
	}
	// "X shot dead his girlfriend, Y" (the tagger may take "shot" for a noun).
	if s.is(a+1, "shot", "gunned") && s.is(a+2, "dead", "down") && !s.inPrepPhrase(a) {
		o := s.objectNear(a+3, true)
		if o < 0 {
			o = s.appositiveObject(a + 3)
		}
		if o >= 0 && s.u[o].typ == Person && !s.possessive(o+1) {
			s.emit(out, a, o, predicateKilled, "verb-to-death", relConfGood, a, o)
		}
	}
	// "Giles Hart was beaten to death by Reggie Moss".
	if s.is(a+1, "was", "were") && s.is(a+2, "beaten", "bludgeoned", "hacked", "stoned", "kicked", "burned") && s.is(a+3, "to") && s.is(a+4, "death") && s.is(a+5, "by") {
		if x := s.objectNear(a+6, false); x >= 0 && s.u[x].typ == Person {
			s.emit(out, x, a, predicateKilled, "verb-to-death", relConfGood, a, x)
		}
	}
	// "X spent 20 years at IBM before joining Apple": the gerund's subject
	// is the sentence's.
	for k := a + 1; k < a+14 && s.ok(k+2); k++ {
		if s.mention(k, Person) || s.is(k, ";") {
			break
		}
		if s.is(k, "before", "after", "since") && s.is(k+1, "joining") {
			if o := s.objectNear(k+2, false); o >= 0 && s.u[o].typ == Organization && !s.possessive(o+1) {
				s.emit(out, a, o, predicateMemberOf, "verb-active", relConfFair, a, o)
			}
			break
		}
	}
	// The object of an accusing verb: "a court convicted X of murdering Y".
	if v := a - 1; s.verb(v) && !s.in(v-1, relCopulas) && relJudgingVerbs[lemma(s.word(v), s.tag(v))] {
		s.matchAccused(a, a+1, out)
	}
	// both-of, without "both": "Arthur Penn and Louise Penn of Scranton".
	if s.is(a+1, "and") && s.mention(a+2, Person) && s.is(a+3, "of") && s.mention(a+4, Location) && !s.possessive(a+5) {
		s.emit(out, a, a+4, predicateLivesIn, "both-of", relConfFair, a, a+4)
	}
	// both-of: "Mary Collins and Joseph Kelly, both of Boston".
	if s.is(a+1, "and") && s.mention(a+2, Person) && s.comma(a+3) && s.is(a+4, "both") && s.is(a+5, "of", "from") {
		if o := s.objectNear(a+6, false); o >= 0 && s.u[o].typ == Location && !s.possessive(o+1) {
			s.emit(out, a, o, predicateLivesIn, "both-of", relConfGood, a, o)
			s.emit(out, a+2, o, predicateLivesIn, "both-of", relConfGood, a+2, o)
		}
	}
	j := s.skipParen(a + 1)
	switch {
	case s.comma(j) && s.mention(j+1, Location) && s.comma(j+2):
		// party-state: "Sen. Patty Murray, D-Wash., said".
		pre := strings.TrimSpace(s.text[s.u[j].end:s.u[j+1].start])
		if len(pre) >= 2 && (pre[0] == 'D' || pre[0] == 'R' || pre[0] == 'I') && dashPrefixed(pre[1:]) {
			s.emit(out, a, j+1, predicateLivesIn, "party-state", relConfStrong, a, j+1)
		}
		return
	case s.comma(j):
		j++
		if s.tag(j) == "CD" && s.comma(j+1) { // "Daniel Fox, 45, ..."
			j += 2
		}
	case s.is(j, "is", "was") && s.is(j+1, "a", "an"):
		j++ // "Gina Russo is a lawyer for the Sierra Club"
	default:
		return
	}
	// appositive-from.
	if k := j; s.is(k, "originally", "formerly") || s.is(k, "from") {
		if !s.is(k, "from") {
			k++
		}
		if s.is(k, "from") || k > j && s.is(k, "of") { // "originally of Basra"
			k2 := k + 1
			if s.mention(k2, Location) && (s.comma(k2+1) || s.is(k2+1, "and", "in")) {
				s.emit(out, a, k2, predicateLivesIn, "appositive-from", relConfFair, a, k2)
			}
			return
		}
		return
	}
	if !s.is(j, "a", "an", "the") {
		return
	}
	k := j + 1
	for n := 0; n < 2 && (s.adjective(k) || s.tag(k) == "VBN"); n++ {
		k++
	}
	if s.mention(k, Location) && s.in(k+1, relPartisans) {
		// "Jim Wright, the Texas Democrat".
		s.emit(out, a, k, predicateLivesIn, "appositive-place-noun", relConfFair, a, k+1)
		return
	}
	if s.mention(k, Location) {
		// "a 70-year-old Osaka man", "a Wichita police officer", "a
		// Mumbai-based lawyer".
		e := k + 1
		if n, ok := s.basedAfter(k); ok {
			e = n
		}
		for n := 0; n < 2 && (s.personNoun(e) || roleTable[s.word(e)] != nil && s.noun(e)); n++ {
			e++
		}
		if e > k+1 && (s.comma(e) || !s.ok(e) || s.is(e, ".") || s.is(e, "for", "at", "with")) {
			s.emit(out, a, k, predicateLivesIn, "appositive-place-noun", relConfWeak+0.05, a, e-1)
		}
		if e > k+1 && s.is(e, "for", "at", "with") {
			// "Wendy Lin, the Taipei-based correspondent for Nikkei".
			if o := s.objectNear(e+1, false); o >= 0 && s.u[o].typ == Organization && !s.possessive(o+1) {
				s.emit(out, a, o, predicateMemberOf, "appositive-for", relConfWeak, a, o)
			}
		}
		return
	}
	if s.mention(k, Organization) {
		// "Sandra Lopez, a Democratic state senator from El Paso".
		e := k + 1
		for n := 0; n < 3 && s.noun(e) && lowerInitial(s.text[s.u[e].start:s.u[e].end]); n++ {
			e++
		}
		if e > k+1 && s.is(e, "from", "of") {
			if o := s.objectNear(e+1, false); o >= 0 && s.u[o].typ == Location && !s.possessive(o+1) {
				s.emit(out, a, o, predicateLivesIn, "appositive-from", relConfFair, a, o)
				s.emit(out, a, k, predicateMemberOf, "appositive-for", relConfWeak, a, e-1)
			}
		}
		return
	}
	if s.noun(k) && s.personNoun(k+1) {
		k++ // "a police officer in", "a trade lawyer for"
	}
	for m := k; m < k+6 && s.ok(m+2); m++ {
		if s.comma(m) || s.mention(m) {
			break
		}
		if s.is(m, "living", "based") && s.is(m+1, "in") {
			// "an Afghan refugee now living in Hamburg".
			if o := s.objectNear(m+2, false); o >= 0 && s.u[o].typ == Location && !s.possessive(o+1) {
				s.emit(out, a, o, predicateLivesIn, "appositive-in", relConfFair, a, o)
			}
			break
		}
	}
	if !s.personNoun(k) || roleTable[s.word(k)] != nil {
		return
	}
	p := k + 1
	if s.is(p, "of") && s.tag(p+1) == "CD" {
		p += 2 // "a father of two from Enugu"
	}
	switch {
	case s.is(p, "from"):
		if o := s.objectNear(p+1, false); o >= 0 && s.u[o].typ == Location && !s.possessive(o+1) {
			s.emit(out, a, o, predicateLivesIn, "appositive-in", relConfFair, a, o)
		}
	case s.is(p, "in"):
		if o := s.objectNear(p+1, false); o >= 0 && s.u[o].typ == Location && !s.is(o+1, "of") && !s.possessive(o+1) {
			s.emit(out, a, o, predicateLivesIn, "appositive-in", relConfWeak, a, o)
		}
	case s.is(p, "for", "with", "at"):
		if o := s.objectNear(p+1, false); o >= 0 && s.u[o].typ == Organization && !s.possessive(o+1) {
			s.emit(out, a, o, predicateMemberOf, "appositive-for", relConfWeak, a, o)
		}
	}
}

// matchNewsOrg reads the shapes of matchNews whose first mention, at unit
// a, is an organisation.
func (s *relSentence) matchNewsOrg(a int, out *[]Relation) {
	// "the Volkswagen factory in Wolfsburg".
	if s.in(a+1, relBureauNouns) && s.is(a+2, "in") {
		if o := s.objectNear(a+3, false); o >= 0 && s.u[o].typ == Location && !s.possessive(o+1) && !s.noun(o+1) {
			s.emit(out, a, o, predicateBasedIn, "bureau-of", relConfFair, a, o)
		}
	}
	// staff-including: "Kroger officials, including Tom Hale, toured".
	if k := a + 1; s.in(k, relStaffNouns) && s.comma(k+1) && s.is(k+2, "including", "among", "such") {
		m := k + 3
		if s.is(m, "as", "them") {
			m++
		}
		if s.mention(m, Person) {
			s.emit(out, m, a, predicateMemberOf, "staff-including", relConfFair, a, m)
		}
	}
	// its-role: "Zillow said its chief executive, Rich Barton, ...".
	if s.verb(a+1) && s.is(a+2, "its") {
		for e := a + 3; e < a+7 && s.ok(e+1); e++ {
			if !s.comma(e) {
				continue
			}
			if defs, first := s.roleAt(e-1, a+3); defs != nil && s.mention(e+1, Person) {
				if w2, deputy := s.roleMods(a+3, first); w2 > 0 {
					if pred, w, ok := pickRole(defs, "", Person, Organization, deputy); ok {
						s.emit(out, e+1, a, pred, "its-role", relConfFair*w*w2, a, e+1)
					}
				}
			}
			break
		}
	}
	j := s.skipParen(a + 1)
	if !s.comma(j) || !s.in(j+1, relDeterminers) {
		return
	}
	k := j + 2
	for n := 0; n < 2 && s.adjective(k); n++ {
		k++
	}
	if s.mention(k, Location) {
		// "Pfizer, the New York drug maker,".
		e := k + 1
		for n := 0; n < 3 && s.noun(e) && lowerInitial(s.text[s.u[e].start:s.u[e].end]); n++ {
			e++
		}
		if e > k+1 && (s.comma(e) || !s.ok(e) || s.is(e, ".")) {
			s.emit(out, a, k, predicateBasedIn, "appositive-place-noun", relConfFair, a, e-1)
		}
		return
	}
	for n := 0; n < 5 && s.ok(k) && !s.comma(k) && !(s.mention(k) && !s.noun(k+1) && !s.adjective(k+1)); n++ {
		if s.mention(k) { // "the UN nuclear watchdog based in Vienna"
			k++
			continue
		}
		if s.is(k, "based", "headquartered", "located") && s.is(k+1, "in", "near", "outside") {
			if o := s.objectNear(k+2, true); o >= 0 && s.u[o].typ == Location { // "based in suburban Denver"
				s.emit(out, a, o, predicateBasedIn, "appositive-based", relConfGood, a, o)
			}
			return
		}
		if s.is(k, "in") && n > 0 && s.noun(k-1) {
			// "Nagy Brothers, a bakery in Pecs".
			if o := s.objectNear(k+1, false); o >= 0 && s.u[o].typ == Location && !s.possessive(o+1) && !s.noun(o+1) {
				s.emit(out, a, o, predicateBasedIn, "appositive-based", relConfWeak, a, o)
			}
			return
		}
		if s.is(k, "from") && n > 0 {
			// "Cemex, a cement maker from Monterrey".
			if o := s.objectNear(k+1, false); o >= 0 && s.u[o].typ == Location && !s.possessive(o+1) {
				s.emit(out, a, o, predicateBasedIn, "appositive-based", relConfFair, a, o)
			}
			return
		}
		if !(s.adjective(k) || s.noun(k)) {
			return
		}
		k++
	}
}

// matchVerbShapes reads verb phrases that the verb table cannot hold, after
// the verb group main (lemma l, next unit j) of the subject at unit a:
//
//	verb-instrument  X fired the shot that killed Y    the killing is X's
//	verb-life        X spent her childhood in LOC      X lived there
//	verb-with-in     X lived with his grandmother in LOC
//	verb-move-base   ORG moved its headquarters to LOC
//	verb-has-office  ORG has offices in LOC
//	verb-appointed   X was promoted to ROLE of ORG
//	verb-works-as    X works as a lobbyist for ORG
func (s *relSentence) matchVerbShapes(a, main int, l string, j int, passive bool, out *[]Relation) {
	s.matchAppointed(a, l, j, passive, out)
	if passive {
		return
	}
	k := j
	if s.is(k, "most", "much", "all", "part") && s.is(k+1, "of") {
		k += 2 // "spent most of her life in"
	}
	for n := 0; n < 3 && (s.in(k, relDeterminers) || s.tag(k) == "PRP$" || s.adjective(k) || s.tag(k) == "CD"); n++ {
		k++
	}
	switch {
	case s.noun(k) && s.is(k+1, "that", "which") && s.verb(k+2) && relKillVerbs[lemma(s.word(k+2), s.tag(k+2))]:
		if o := s.objectNear(k+3, true); o >= 0 && !s.possessive(o+1) {
			s.emit(out, a, o, predicateKilled, "verb-instrument", relConfFair, a, o)
		}
	case (l == "work" || l == "serve") && s.is(j, "as"):
		// "works as a lobbyist for Exxon".
		for m := j + 1; m < j+6 && s.ok(m+1); m++ {
			if s.is(m, "for", "at", "with") {
				if o := s.objectNear(m+1, false); o >= 0 && s.u[o].typ == Organization && !s.possessive(o+1) {
					s.emit(out, a, o, predicateMemberOf, "verb-works-as", relConfFair, a, o)
				}
				break
			}
			if !(s.in(m, relDeterminers) || s.adjective(m) || s.noun(m)) {
				break
			}
		}
	case l == "spend" && s.in(k, relLifeNouns) && s.is(k+1, "at", "with"):
		if o := s.objectNear(k+2, false); o >= 0 && s.u[o].typ == Organization && !s.possessive(o+1) {
			s.emit(out, a, o, predicateMemberOf, "verb-life", relConfFair, a, o) // "spent 20 years at IBM"
		}
	case l == "spend" && s.in(k, relLifeNouns) && s.is(k+1, "in"):
		if o := s.objectNear(k+2, false); o >= 0 && !s.possessive(o+1) {
			s.emit(out, a, o, predicateLivesIn, "verb-life", relConfFair, a, o)
		}
	case (l == "live" || l == "reside") && s.is(j, "with", "alone", "together"):
		for m := j + 1; m < j+6 && s.ok(m); m++ {
			if s.mention(m) || s.comma(m) {
				break
			}
			if s.is(m, "in") {
				if o := s.objectNear(m+1, false); o >= 0 && !s.possessive(o+1) {
					s.emit(out, a, o, predicateLivesIn, "verb-with-in", relConfFair, a, o)
				}
				break
			}
		}
	case (l == "have" || l == "keep" || l == "maintain") && s.in(k, relHomeOffices) && s.is(k+1, "in"):
		// "Lukoil has offices in Moscow", "which has its headquarters in".
		if o := s.objectNear(k+2, false); o >= 0 && !s.possessive(o+1) {
			s.emit(out, a, o, predicateBasedIn, "verb-has-office", relConfFair, a, o)
		}
	case (l == "move" || l == "relocate" || l == "shift") && s.tag(j) == "PRP$" && s.in(j+1, relBureauNouns) && s.is(j+2, "to"):
		if o := s.objectNear(j+3, false); o >= 0 && !s.possessive(o+1) {
			s.emit(out, a, o, predicateBasedIn, "verb-move-base", relConfGood, a, o)
		}
	}
}

// orgName reports whether unit i is a plain token that spells, exactly, a
// one-word name the document gives an organisation elsewhere ("RDK",
// "Kremlin"), and returns that entity.
func (s *relSentence) orgName(i int) (int, bool) {
	if !s.ok(i) || s.u[i].m >= 0 || !strings.HasPrefix(s.tag(i), "NNP") {
		return 0, false
	}
	if s.orgNames == nil {
		s.orgNames = make(map[string]int)
		for e, ent := range s.res.Entities {
			if ent.Type != Organization {
				continue
			}
			for _, a := range append([]string{ent.Name}, ent.Aliases...) {
				if _, ok := s.orgNames[a]; !ok && !strings.ContainsAny(a, " -") && startsUpper(a) {
					s.orgNames[a] = e
				}
			}
		}
	}
	e, ok := s.orgNames[s.text[s.u[i].start:s.u[i].end]]
	return e, ok
}

// matchAppointed reads "X was promoted to chief operating officer of Y",
// "X was named head of Y", "X took over as head of Y" after the verb
// group of the subject at unit a (lemma l, next unit j).
func (s *relSentence) matchAppointed(a int, l string, j int, passive bool, out *[]Relation) {
	if !relAppointVerbs[l] || !(s.is(j, "to", "as") || passive) {
		return
	}
	// "X was promoted to chief operating officer of Lufthansa", "X was
	// named head of Y", "X took over as head of Y".
	r := j
	if s.is(r, "to", "as") {
		r++
	}
	if s.in(r, relDeterminers) {
		r++
	}
	e := r
	for e < r+4 && s.ok(e) && !s.mention(e) && (s.adjective(e) || s.noun(e) || s.tag(e) == "VBG") {
		e++
	}
	defs, first := s.roleAt(e-1, r)
	if defs == nil || !s.is(e, "of", "at", "for") {
		return
	}
	if o := s.objectNear(e+1, false); o >= 0 && !s.possessive(o+1) {
		w2, deputy := s.roleMods(r, first)
		if pred, w, ok := pickRole(defs, s.word(e), Person, s.u[o].typ, deputy); ok && w2 > 0 {
			s.emit(out, a, o, pred, "verb-appointed", relConfFair*w*w2, a, o)
		}
	}
}
