package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

// resolve groups the mentions of one document into entities and sets each
// mention's Entity. Mentions must be sorted by Start.
//
//  1. A surface form keeps one type throughout the document: the type with
//     the most confidence summed over its mentions.
//  2. Mentions with the same type and normalised name are one entity.
//  3. A person named by one word ("Gladkov") joins the person whose fuller
//     name ends with that word ("Vyacheslav Gladkov"); when several do, the
//     one named most recently before the mention (or else first after it).
//     So does a one-word name tagged with another type at low confidence.
//     A given name alone joins the one person whose full name begins with
//     it, if no full name ends with it.
//  4. The canonical name is chosen by BetterName, then the earliest.
func resolve(ms []Mention) []Entity { return resolveLinked(ms, nil) }

// resolveLinked is resolve with pairs of normalised names known to name one
// entity (an acronym and its long form, from the text). Besides those:
//
//  5. An acronym written in capitals joins the one organisation whose
//     capitalised words it abbreviates ("ISW", "Institute for the Study of
//     War").
//  6. A place named with a region word ("Belgorod Oblast", "Donetsk
//     region") joins the place of the bare name ("Belgorod").
//  7. An organisation name of two words or more joins the one longer
//     organisation name it ends ("Defense Ministry", "Russian Defense
//     Ministry"), and a two-word one headed by an organisation word joins
//     the one longer organisation name with its first and last words
//     ("Liberty Legion", "Liberty of Russia Legion").
func resolveLinked(ms []Mention, links [][2]string) []Entity {
	if len(ms) == 0 {
		return nil
	}
	keys := make([]string, len(ms))
	for i := range ms {
		keys[i] = NormalizeName(ms[i].Text)
	}
	unifyTypes(ms, keys)

	// Step 2: one group per (type, key), in order of first mention.
	type group struct {
		typ, key string
		first    int   // index of the first mention
		members  []int // mention indices
		parent   int   // union-find parent (group index)
	}
	var groups []*group
	type typeKey struct{ typ, key string }
	byKey := make(map[typeKey]int)
	gidx := make([]int, len(ms))
	for i := range ms {
		k := typeKey{ms[i].Type, keys[i]}
		g, ok := byKey[k]
		if !ok {
			g = len(groups)
			byKey[k] = g
			groups = append(groups, &group{typ: ms[i].Type, key: keys[i], first: i, parent: g})
		}
		groups[g].members = append(groups[g].members, i)
		gidx[i] = g
	}
	find := func(g int) int {
		for groups[g].parent != g {
			groups[g].parent = groups[groups[g].parent].parent
			g = groups[g].parent
		}
		return g
	}

	// Step 3: surnames join full names.
	bySurname := make(map[string][]int) // last word -> multi-word person groups
	for g, gr := range groups {
		if gr.typ != Person {
			continue
		}
		if fieldCount(gr.key) > 1 {
			last := lastField(gr.key)
			bySurname[last] = append(bySurname[last], g)
		}
	}
	for g, gr := range groups {
		if strings.Contains(gr.key, " ") || gr.typ != Person && maxConfidence(ms, gr.members) >= 0.6 {
			// A one-word name tagged otherwise without confidence is a
			// surname too ("CUTTITTA" in a headline, "Marcello Cuttitta").
			continue
		}
		cands := bySurname[gr.key]
		if len(cands) == 0 {
			continue
		}
		target := cands[0]
		if len(cands) > 1 {
			target = nearestFullName(ms, groups[g].members[0], cands, func(c int) []int { return groups[c].members })
		}
		if target < 0 || find(g) == find(target) {
			continue // only mentions at the very same place: nothing to choose by
		}
		groups[find(g)].parent = find(target)
	}
	// A first word alone joins the one person of the document whose full
	// name begins with it, when no full name ends with it: a given name
	// ("Denis", beside "Denis Nikitin") or a family name written first
	// ("Xi" for "Xi Jinping", "Mahathir" for "Mahathir Mohamad").
	byGiven := make(map[string][]int) // first word -> multi-word person groups
	for g, gr := range groups {
		if gr.typ == Person && fieldCount(gr.key) > 1 {
			first := gr.key[:strings.IndexByte(gr.key, ' ')]
			byGiven[first] = append(byGiven[first], g)
		}
	}
	for g, gr := range groups {
		if gr.typ != Person || strings.Contains(gr.key, " ") || len(bySurname[gr.key]) > 0 {
			continue
		}
		if cands := byGiven[gr.key]; len(cands) == 1 {
			groups[find(g)].parent = find(cands[0])
		}
	}

	// A club's first word alone joins the one organisation of the
	// document named by that word and a town ("Real" for "Real Madrid"),
	// when the word is one that names clubs (clubWords): "Ubisoft" is
	// not "Ubisoft Montreal", nor "BBC" "BBC Alba".
	byClubWord := make(map[string][]int) // first word -> two-word organisation groups ending in a town
	g0 := gazetteer.Default()
	for g, gr := range groups {
		if gr.typ != Organization || fieldCount(gr.key) != 2 {
			continue
		}
		first, town, _ := strings.Cut(gr.key, " ")
		if g0.Lookup(town).Has(gazetteer.City) {
			byClubWord[first] = append(byClubWord[first], g)
		}
	}
	for g, gr := range groups {
		if gr.typ != Organization || !clubWords[gr.key] {
			continue
		}
		if cands := byClubWord[gr.key]; len(cands) == 1 && find(g) != find(cands[0]) {
			groups[find(g)].parent = find(cands[0])
		}
	}

	// A club's last word alone ("City") joins the one organisation of the
	// document named by a town and that word ("Manchester City"), when
	// the word is one that ends clubs' names (clubTails).
	byClubTail := make(map[string][]int)
	for g, gr := range groups {
		if gr.typ != Organization || fieldCount(gr.key) != 2 {
			continue
		}
		town, tail, _ := strings.Cut(gr.key, " ")
		if g0.Lookup(town).Has(gazetteer.City | gazetteer.Region) {
			byClubTail[tail] = append(byClubTail[tail], g)
		}
	}
	for g, gr := range groups {
		if gr.typ != Organization || strings.Contains(gr.key, " ") || !inLower(clubTails, gr.key) {
			continue
		}
		if cands := byClubTail[gr.key]; len(cands) == 1 && find(g) != find(cands[0]) {
			groups[find(g)].parent = find(cands[0])
		}
	}

	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		// The root keeps the earlier first mention.
		if groups[rb].first < groups[ra].first {
			ra, rb = rb, ra
		}
		groups[rb].parent = ra
	}
	byKeyAny := make(map[string][]int) // key -> groups of any type
	for g, gr := range groups {
		byKeyAny[gr.key] = append(byKeyAny[gr.key], g)
	}
	// Step 4: names the text defines as one ("Russian Volunteer Corps (RDK)").
	for _, l := range links {
		for _, a := range byKeyAny[l[0]] {
			for _, b := range byKeyAny[l[1]] {
				if groups[a].typ == groups[b].typ {
					union(a, b)
				}
			}
		}
	}
	// Step 5: acronyms of organisations' names.
	initials := make(map[string][]int)
	for g, gr := range groups {
		if gr.typ == Organization && strings.Contains(gr.key, " ") {
			if in := nameInitials(ms[gr.first].Text); len(in) >= 2 {
				initials[in] = append(initials[in], g)
			}
		}
	}
	for g, gr := range groups {
		if gr.typ != Organization || strings.Contains(gr.key, " ") || !isAcronym(ms[gr.first].Text) {
			continue
		}
		if c := initials[strings.ToLower(strings.ReplaceAll(ms[gr.first].Text, ".", ""))]; len(c) == 1 {
			union(g, c[0])
		}
	}
	// Step 8: one country's names ("Russia", "Russian Federation").
	byCountry := make(map[string]int)
	for g, gr := range groups {
		if c, ok := countryNames[gr.key]; ok && gr.typ == Location {
			if h, seen := byCountry[c]; seen {
				union(g, h)
			} else {
				byCountry[c] = g
			}
		}
	}
	// Step 9: a one-word name that heads an organisation's name ("Wagner",
	// "Wagner Group") is that organisation, whatever it was tagged, unless
	// it is a place the gazetteer knows, tagged as one ("Kiev", "Kiev
	// Army").
	// Two-word organisations by their first word (the key up to its first
	// space): a key without spaces is followed by a space in exactly
	// those keys.
	heads := make(map[string][]int)
	for h, hr := range groups {
		if hr.typ != Organization {
			continue
		}
		if sp := strings.IndexByte(hr.key, ' '); sp >= 0 && fieldCount(hr.key) == 2 && isOrgHead(ms[hr.first].Text) {
			heads[hr.key[:sp]] = append(heads[hr.key[:sp]], h)
		}
	}
	for g, gr := range groups {
		if strings.Contains(gr.key, " ") || gr.typ == Organization {
			continue
		}
		if gr.typ == Location && gazetteer.Default().Lookup(gr.key).Has(gazetteer.Country|gazetteer.City|gazetteer.Region) {
			continue // "Kiev" beside "Kiev Army": the city stays the city
		}
		if hs := heads[gr.key]; len(hs) == 1 {
			r := find(hs[0])
			groups[find(g)].parent = r
			groups[g].typ = Organization
		}
	}
	// Step 10: an organisation's words in another order ("Legion of
	// Freedom of Russia", "Freedom of Russia Legion"; "Ministry of
	// Defense", "Defense Ministry").
	byWords := make(map[string]int)
	for g, gr := range groups {
		if gr.typ != Organization {
			continue
		}
		if k := wordBag(gr.key); k != "" {
			if h, seen := byWords[k]; seen {
				union(g, h)
			} else {
				byWords[k] = g
			}
		}
	}
	// Steps 6 and 7: region words; organisation names that end others.
	// Organisations by the suffixes of their keys that follow a space.
	bySuffix := make(map[string][]int)
	for h, hr := range groups {
		if hr.typ != Organization {
			continue
		}
		for i := 0; i < len(hr.key); i++ {
			if hr.key[i] == ' ' {
				bySuffix[hr.key[i+1:]] = append(bySuffix[hr.key[i+1:]], h)
			}
		}
	}
	for g, gr := range groups {
		nw := fieldCount(gr.key)
		switch {
		case gr.typ == Location && nw >= 2 && regionWords[lastField(gr.key)]:
			words := strings.Fields(gr.key)
			bare := strings.Join(words[:len(words)-1], " ")
			for _, b := range byKeyAny[bare] {
				if groups[b].typ == Location {
					union(g, b)
				}
			}
		case gr.typ == Organization && nw >= 2:
			// No key ends with a space and itself, so g is not among them.
			if longer := bySuffix[gr.key]; len(longer) == 1 {
				union(g, longer[0])
			}
		}
	}

	// Step 12: a bare head noun ("the Palace", "the Council") joins the one
	// longer name of its type that it ends in the document ("the Imperial
	// Palace", "the Guardian Council").
	byHead := make(map[string][]int)
	for h, hr := range groups {
		if (hr.typ == Organization || hr.typ == Location) && fieldCount(hr.key) >= 2 {
			k := hr.typ + " " + lastField(hr.key)
			byHead[k] = append(byHead[k], h)
		}
	}
	for g, gr := range groups {
		if strings.Contains(gr.key, " ") || !(gr.typ == Organization && orgHeads[gr.key] || gr.typ == Location && placeHeads[gr.key]) {
			continue
		}
		if hs := byHead[gr.typ+" "+gr.key]; len(hs) == 1 {
			union(g, hs[0])
		}
	}

	// Step 11: an organisation named by its first and last words only,
	// when its last word heads organisations' names ("Liberty Legion",
	// "Liberty of Russia Legion"), joins the one longer organisation that
	// begins and ends so.
	byEnds := make(map[string][]int)
	for h, hr := range groups {
		if hr.typ == Organization && fieldCount(hr.key) >= 3 {
			f := strings.Fields(hr.key)
			k := f[0] + " " + f[len(f)-1]
			byEnds[k] = append(byEnds[k], h)
		}
	}
	for g, gr := range groups {
		if gr.typ != Organization || fieldCount(gr.key) != 2 || !isOrgHead(gr.key) {
			continue
		}
		if longer := byEnds[gr.key]; len(longer) == 1 {
			union(g, longer[0])
		}
	}

	// Collect entities in order of first mention.
	rootEntity := make(map[int]int)
	var ents []Entity
	aliasCount := make([]map[string]int, 0)
	for i := range ms {
		r := find(gidx[i])
		e, ok := rootEntity[r]
		if !ok {
			e = len(ents)
			rootEntity[r] = e
			ents = append(ents, Entity{Type: groups[r].typ})
			aliasCount = append(aliasCount, make(map[string]int))
		}
		ms[i].Entity = e
		ms[i].Type = ents[e].Type
		ents[e].Mentions++
		alias := collapseSpace(ms[i].Text)
		if aliasCount[e][alias] == 0 {
			ents[e].Aliases = append(ents[e].Aliases, alias)
		}
		aliasCount[e][alias]++
	}
	for e := range ents {
		ents[e].Name = canonicalName(ents[e].Aliases, aliasCount[e])
		sort.Strings(ents[e].Aliases)
	}
	return ents
}

// unifyTypes gives every mention of one normalised name the type that has
// the most summed confidence among that name's mentions.
func unifyTypes(ms []Mention, keys []string) {
	score := make(map[string]map[string]float64)
	for i := range ms {
		m := score[keys[i]]
		if m == nil {
			m = make(map[string]float64)
			score[keys[i]] = m
		}
		m[ms[i].Type] += ms[i].Confidence + 1e-3
	}
	for i := range ms {
		m := score[keys[i]]
		if len(m) < 2 {
			continue
		}
		best, bestScore := ms[i].Type, -1.0
		for t, s := range m {
			if s > bestScore || (s == bestScore && t < best) {
				best, bestScore = t, s
			}
		}
		ms[i].Type = best
	}
}

// nearestFullName picks among candidate groups the one with a mention closest
// before mention i, or else the one with the first mention after it.
func nearestFullName(ms []Mention, i int, cands []int, members func(int) []int) int {
	best, bestStart := -1, -1
	after, afterStart := -1, int(^uint(0)>>1)
	for _, c := range cands {
		for _, j := range members(c) {
			s := ms[j].Start
			if s < ms[i].Start && s > bestStart {
				best, bestStart = c, s
			}
			if s > ms[i].Start && s < afterStart {
				after, afterStart = c, s
			}
		}
	}
	if best >= 0 {
		return best
	}
	return after
}

// canonicalName chooses the best name among aliases (see BetterName); on a
// tie the first seen (aliases are in order of first mention).
func canonicalName(aliases []string, count map[string]int) string {
	best := ""
	for i, a := range aliases {
		if i == 0 || BetterName(a, count[a], best, count[best]) {
			best = a
		}
	}
	return best
}

// BetterName reports whether the alias a, used n times, makes a better
// canonical name than the alias b, used m times: a country's usual name
// ("Russia" over "Russian Federation"), then a name written with a capital,
// then the one with more words, then (for two cases of one name) the one
// not in capitals throughout, then the one used more often. It is the one
// rule for canonical names, within a document and across the store.
func BetterName(a string, n int, b string, m int) bool {
	ka, kb := NormalizeName(a), NormalizeName(b)
	if ca, cb := countryNames[ka] == ka, countryNames[kb] == kb; ca != cb {
		return ca
	}
	if ua, ub := startsUpper(a), startsUpper(b); ua != ub {
		return ua
	}
	if wa, wb := fieldCount(a), fieldCount(b); wa != wb {
		return wa > wb
	}
	if ka == kb {
		// One name in two cases ("Reuters", a dateline's "REUTERS"):
		// the one not in capitals throughout.
		if ca, cb := allCapitals(a), allCapitals(b); ca != cb {
			return cb
		}
	}
	return n > m
}

// allCapitals reports whether s has letters and all of them are capitals.
func allCapitals(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

func maxConfidence(ms []Mention, members []int) float64 {
	best := 0.0
	for _, i := range members {
		best = max(best, ms[i].Confidence)
	}
	return best
}

// regionWords follow a place's name to name its administrative area.
// placeHeads are the common nouns that end places' names and stand for
// them alone: "the Palace" of "the Imperial Palace".
var placeHeads = wordSet(`palace square river lake bay island islands mountains valley bridge cathedral castle stadium airport station park`)

var regionWords = wordSet(`oblast region province district county state governorate krai raion rayon prefecture territory municipality`)

// wordBag returns the sorted content words of a normalised name of two
// content words or more, or "".
func wordBag(key string) string {
	var words []string
	for _, w := range strings.FieldsFunc(key, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !nameLinks[w] && w != "the" {
			words = append(words, w)
		}
	}
	if len(words) < 2 {
		return ""
	}
	sort.Strings(words)
	return strings.Join(words, " ")
}

// isOrgHead reports whether the last word of name is a word that ends
// organisations' names ("Group", "Corps").
func isOrgHead(name string) bool {
	f := strings.Fields(name)
	return len(f) > 0 && orgHeads[strings.ToLower(f[len(f)-1])]
}

var orgHeads = wordSet(`group corps legion brigade battalion regiment army party company corporation corp corp. inc inc. ltd ltd.
	foundation institute agency service council committee ministry union association federation bank network media news`)

// nameInitials returns the lower-case initials of the capitalised words of
// name ("Institute for the Study of War" -> "isw").
func nameInitials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if startsUpper(w) {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// fieldCount returns len(strings.Fields(s)) without allocating.
func fieldCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// lastField returns the last of strings.Fields(s), or "".
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// collapseSpace returns strings.Join(strings.Fields(s), " "): s itself
// when its words are already separated by single spaces.
func collapseSpace(s string) string {
	prevSpace := true // at the start, a space would be leading
	for _, r := range s {
		if r == ' ' {
			if prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
			continue
		}
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = false
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ") // a trailing space
	}
	return s
}

// clubWords name sports clubs with a town's name after them ("Real
// Madrid", "Dynamo Kiev"), and stand for the club alone.
var clubWords = wordSet(`real inter dynamo dinamo sporting atletico racing olympique borussia spartak lokomotiv cska
	rapid slavia sparta standard hertha werder bayern zenit rubin shakhtar metalist vorskla karpaty partizan legia
	fenerbahce galatasaray besiktas benfica feyenoord ajax psv eintracht fortuna alemannia austria admira`)
