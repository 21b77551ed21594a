package store

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract"
)

// union is one decision of cluster: two groups joined, by which rule.
type union struct {
	a, b   *group
	rule   string
	detail string
}

// Rules of cluster, as recorded in the merges table.
const (
	ruleName      = "same name"
	ruleWords     = "organisation name variant"
	ruleShort     = "short name"
	ruleSurname   = "surname"
	ruleSpelling  = "spelling variant"
	ruleAliases   = "aliases file"
	rulePlaceName = "place name variant"
	ruleInitial   = "middle initial"
)

// sharedFunc returns the name of an entity that is named in a document
// together with a group of a and in a document together with a group of b,
// or "" when there is none.
type sharedFunc func(a, b []*group) (string, error)

// clusterer decides which groups of one component form one entity.
type clusterer struct {
	recheck bool // a group of the component lost a document: decide every link afresh
	parent  map[*group]*group
	size    map[*group]int
	// full marks roots whose cluster has a name that identifies by itself.
	full map[*group]bool
	// sides are the forbid rules a root's cluster has names of: rule index
	// -> 1 for its A side, 2 for its B side.
	sides   map[*group]map[int]uint8
	rules   *AliasRules
	unions  []union
	refused int
}

func (c *clusterer) find(g *group) *group {
	for c.parent[g] != g {
		c.parent[g] = c.parent[c.parent[g]]
		g = c.parent[g]
	}
	return g
}

// join unites the clusters of a and b unless an aliases-file rule keeps
// them apart. It reports whether they are one cluster afterwards.
func (c *clusterer) join(a, b *group, rule, detail string) bool {
	ra, rb := c.find(a), c.find(b)
	if ra == rb {
		return true
	}
	for i, s := range c.sides[ra] {
		if t := c.sides[rb][i]; s|t == 3 && s != 3 && t != 3 {
			c.refused++
			return false
		}
	}
	if c.size[ra] < c.size[rb] || c.size[ra] == c.size[rb] && rb.names < ra.names {
		ra, rb = rb, ra
	}
	c.parent[rb] = ra
	c.size[ra] += c.size[rb]
	c.full[ra] = c.full[ra] || c.full[rb]
	if len(c.sides[rb]) > 0 {
		if c.sides[ra] == nil {
			c.sides[ra] = make(map[int]uint8)
		}
		for i, s := range c.sides[rb] {
			c.sides[ra][i] |= s
		}
	}
	c.unions = append(c.unions, union{a, b, rule, detail})
	return true
}

// cluster decides the entities of one component (groups of one type,
// sorted by names). It returns the clusters, each sorted by names, in a
// deterministic order, and the unions that made them.
//
// The rules, strongest first:
//  1. the aliases file's merges;
//  2. an exact shared name of two words or more (a country's or a
//     place's other names count), or for organisations the same content
//     words in another order or translation ("Liberty of Russia Legion",
//     "Russian Freedom Legion"); a name that documents use as the short
//     form of different longer names ("Foreign Ministry" beside "Russian
//     Foreign Ministry" in one, "Ukrainian Foreign Ministry" in another)
//     does not join those documents' entities (shortForms);
//  3. a one-word name (an acronym, "Kremlin", a surname, "Wagner" of an
//     organisation the corpus also knows as "Wagner Group") of a cluster that
//     has no longer name joins the cluster that most documents give it:
//     the only one, or one used by at least twice as many documents as
//     any other. Two clusters that each have a longer name are never
//     joined by a one-word name, so one text that swaps two acronyms
//     cannot merge two groups. A lone surname joins the one person the
//     corpus knows by it;
//  4. spelling variants (Grayvoron, Graivoron), only when both are named
//     beside a common other entity.
//
// A forbid rule of the aliases file refuses any union that would put its
// two names in one cluster.
func cluster(comp []*group, rules *AliasRules, shared sharedFunc, recheck bool) ([][]*group, []union, error) {
	c := &clusterer{
		recheck: recheck,
		parent:  make(map[*group]*group, len(comp)),
		size:    make(map[*group]int, len(comp)),
		full:    make(map[*group]bool),
		sides:   make(map[*group]map[int]uint8),
		rules:   rules,
	}
	typ := comp[0].typ
	byName := make(map[string][]*group)
	var names []string
	for _, g := range comp {
		c.parent[g], c.size[g] = g, 1
		c.full[g] = g.full()
		for _, k := range expandedNames(typ, g.keys) {
			if byName[k] == nil {
				names = append(names, k)
			}
			byName[k] = append(byName[k], g)
		}
		if s := rules.sidesOf(typ, g.keys); len(s) > 0 {
			c.sides[g] = s
		}
	}
	sort.Strings(names)

	// 1. The aliases file's merges.
	if rules != nil {
		for _, m := range rules.mergesFor(typ, names) {
			var first *group
			for _, k := range m.keys() {
				for _, g := range byName[k] {
					if first == nil {
						first = g
					} else {
						c.join(first, g, ruleAliases, fmt.Sprintf("aliases file line %d", m.Line))
					}
				}
			}
		}
	}

	// 2. Exact names of two words or more, and organisations' words. A
	// group that alone puts together two full names that other documents
	// use apart, and that share no word, links by its better-supported
	// name only: one text's mistake does not merge two entities.
	skip := shortForms(comp, byName, bridges(comp, byName))
	for _, k := range names {
		gs := byName[k]
		if !strings.Contains(k, " ") || len(gs) < 2 {
			continue
		}
		var use []*group
		for _, g := range gs {
			if !skip[g][k] {
				use = append(use, g)
			}
		}
		for i := 1; i < len(use); i++ {
			c.join(use[0], use[i], ruleName, k)
		}
	}
	for _, g := range comp {
		for _, k := range g.keys {
			if p := extract.PlaceKey(k); p != "" && p != k && typ == extract.Location {
				for _, o := range byName[p] {
					c.join(o, g, rulePlaceName, fmt.Sprintf("%q is another name of %q", k, p))
				}
			}
		}
	}
	if typ == extract.Organization {
		byWords := make(map[string][]*group)
		var words []string
		for _, g := range comp {
			for _, k := range g.keys {
				if w := extract.OrganizationWordsKey(k); w != "" && !skip[g][k] {
					if byWords[w] == nil {
						words = append(words, w)
					}
					byWords[w] = append(byWords[w], g)
				}
			}
		}
		sort.Strings(words)
		for _, w := range words {
			gs := byWords[w]
			for _, g := range gs[1:] {
				c.join(gs[0], g, ruleWords, "the same words: "+w)
			}
		}
	}

	// 2b. A person's name without its middle initials ("Donald Trump",
	// "Donald J. Trump"), when only one name with initials writes so:
	// "George Bush" stays apart from "George W. Bush" and "George H. W.
	// Bush", which stay apart from each other.
	if typ == extract.Person {
		initialed := make(map[string][]string) // name without initials -> names with
		for _, k := range names {
			if b := withoutInitials(k); b != "" && !slices.Contains(initialed[b], k) {
				initialed[b] = append(initialed[b], k)
			}
		}
		for _, b := range names {
			if ks := initialed[b]; len(ks) == 1 {
				for _, g := range byName[ks[0]] {
					for _, o := range byName[b] {
						c.join(o, g, ruleInitial, fmt.Sprintf("%q is %q without its initials", ks[0], b))
					}
				}
			}
		}
	}

	// 3. One-word names.
	var byShort map[string][]*group // organisations' two-word names by their short name
	if typ == extract.Organization {
		byShort = make(map[string][]*group)
		for _, g := range comp {
			for _, n := range g.keys {
				if h := extract.OrganizationShortName(n); h != "" {
					byShort[h] = append(byShort[h], g)
					break
				}
			}
		}
	}
	for _, k := range names {
		if strings.Contains(k, " ") {
			continue
		}
		c.short(typ, k, byName[k], comp, byShort[k])
	}

	// 4. Spelling variants, with shared context.
	if shared != nil {
		if err := c.spelling(typ, comp, shared, skip); err != nil {
			return nil, nil, err
		}
	}

	byRoot := make(map[*group][]*group)
	var roots []*group
	for _, g := range comp {
		r := c.find(g)
		if byRoot[r] == nil {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], g)
	}
	out := make([][]*group, len(roots))
	for i, r := range roots {
		out[i] = byRoot[r] // comp is sorted, so each cluster is too
	}
	return out, c.unions, nil
}

// shortForms finds the names of two words or more that documents use as
// the short form of different longer names, with no longer name that all
// of them use: "Foreign Ministry" where one text says "Russian Foreign
// Ministry" and another "Ukrainian Foreign Ministry". It returns, for each
// group that uses such a name beside a longer name containing it, that
// name, which the group must not link by: the longer names decide.
// (Documents that use the short form alone still share it with each
// other.) It adds them to out, the names groups must not link by so far,
// and returns it.
func shortForms(comp []*group, byName map[string][]*group, out map[*group]map[string]bool) map[*group]map[string]bool {
	for k, gs := range byName {
		if len(gs) < 2 || !strings.Contains(k, " ") {
			continue
		}
		// The groups that use k as a short form, with the longer names.
		var qualified []*group
		var longer [][]string
		for _, g := range gs {
			var ls []string
			for _, o := range g.keys {
				if o != k && containsWords(o, k) {
					ls = append(ls, o)
				}
			}
			if len(ls) > 0 {
				qualified = append(qualified, g)
				longer = append(longer, ls)
			}
		}
		// Uncontested when one longer name is among every such group's
		// (linear in the groups: a component may hold thousands).
		if len(qualified) < 2 {
			continue
		}
		uses := make(map[string]int)
		for _, ls := range longer {
			for _, l := range ls {
				uses[l]++
			}
		}
		agreed := false
		for _, n := range uses {
			agreed = agreed || n == len(qualified)
		}
		if agreed {
			continue
		}
		if out == nil {
			out = make(map[*group]map[string]bool)
		}
		for _, g := range qualified {
			if out[g] == nil {
				out[g] = make(map[string]bool)
			}
			out[g][k] = true
		}
	}
	return out
}

// withoutInitials returns a person's normalised name without the initials
// between its first and last words ("donald j. trump" -> "donald trump"),
// or "" when it has none or begins with one ("j. k. rowling").
func withoutInitials(k string) string {
	f := strings.Fields(k)
	if len(f) < 3 || initial(f[0]) || initial(f[len(f)-1]) {
		return ""
	}
	out := []string{f[0]}
	for _, w := range f[1 : len(f)-1] {
		if !initial(w) {
			out = append(out, w)
		}
	}
	out = append(out, f[len(f)-1])
	if len(out) == len(f) {
		return ""
	}
	return strings.Join(out, " ")
}

// initial reports whether the word w is an initial or a run of them: "j",
// "j.", "h.w.".
func initial(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	if !strings.HasSuffix(w, ".") {
		return false
	}
	for _, part := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		r, n := utf8.DecodeRuneInString(part)
		if n == 0 || n != len(part) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// containsWords reports whether the name long holds the words of short,
// in order and together, and more words besides.
func containsWords(long, short string) bool {
	if len(long) <= len(short) {
		return false
	}
	for i := 0; ; {
		j := strings.Index(long[i:], short)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(short)
		if (at == 0 || long[at-1] == ' ') && (end == len(long) || long[end] == ' ') {
			return true
		}
		i = at + 1
	}
}

// bridges finds the groups that alone join two full names: names of two
// words or more that share no word, that other groups use without each
// other, and that no other group uses together. It returns, for each, the
// names it must not link by: all but the one most other documents use.
func bridges(comp []*group, byName map[string][]*group) map[*group]map[string]bool {
	var out map[*group]map[string]bool
	support := func(k string, self *group) int {
		n := 0
		for _, o := range byName[k] {
			if o != self {
				n += o.docs
			}
		}
		return n
	}
	together := func(a, b string, self *group) bool {
		for _, o := range byName[a] {
			if o != self && slices.Contains(o.keys, b) {
				return true
			}
		}
		return false
	}
	for _, g := range comp {
		var full []string
		for _, k := range g.keys {
			if strings.Contains(k, " ") {
				full = append(full, k)
			}
		}
		bridge := false
		for i := 0; i < len(full) && !bridge; i++ {
			for j := i + 1; j < len(full) && !bridge; j++ {
				a, b := full[i], full[j]
				bridge = !shareWord(a, b) && support(a, g) > 0 && support(b, g) > 0 && !together(a, b, g)
			}
		}
		if !bridge {
			continue
		}
		best, bestN := "", -1
		for _, k := range full {
			if n := support(k, g); n > bestN || n == bestN && k < best {
				best, bestN = k, n
			}
		}
		if out == nil {
			out = make(map[*group]map[string]bool)
		}
		out[g] = make(map[string]bool)
		for _, k := range g.keys {
			if k != best {
				out[g][k] = true
			}
		}
	}
	return out
}

// shareWord reports whether two names share a word other than a function
// word ("of", "the").
func shareWord(a, b string) bool {
	bw := make(map[string]bool)
	for _, w := range strings.Fields(b) {
		bw[w] = true
	}
	for _, w := range strings.Fields(a) {
		if bw[w] && !extract.NameFunctionWord(w) {
			return true
		}
	}
	return false
}

// short applies rule 3 for the one-word name k, used by the groups gs;
// longer are the organisations whose two-word name shortens to k.
func (c *clusterer) short(typ, k string, gs, comp, longer []*group) {
	// The clusters that have a longer name and go by k, with the number
	// of documents that give them k.
	docs := make(map[*group]int)
	var full []*group
	var bare []*group
	for _, g := range gs {
		r := c.find(g)
		if c.full[r] {
			if docs[r] == 0 {
				full = append(full, r)
			}
			docs[r] += g.docs
		} else {
			bare = append(bare, g)
		}
	}
	if typ == extract.Person {
		// A surname: the people whose full name ends with it.
		full = full[:0]
		clear(docs)
		for _, g := range comp {
			r := c.find(g)
			if !c.full[r] || docs[r] > 0 {
				continue
			}
			for _, n := range g.keys {
				if strings.HasSuffix(n, " "+k) {
					full = append(full, r)
					docs[r] = 1
					break
				}
			}
		}
	}
	if typ == extract.Organization {
		// Two-word names that shorten to k ("Wagner Group" for "Wagner").
		for _, g := range longer {
			if slices.Contains(gs, g) {
				continue // counted above, by k itself
			}
			r := c.find(g)
			if docs[r] == 0 {
				full = append(full, r)
			}
			docs[r] += g.docs
		}
	}
	if len(bare) == 0 {
		return
	}
	var target *group
	switch {
	case len(full) == 1:
		target = full[0]
	case len(full) > 1:
		sort.Slice(full, func(i, j int) bool {
			if docs[full[i]] != docs[full[j]] {
				return docs[full[i]] > docs[full[j]]
			}
			return full[i].names < full[j].names
		})
		if typ != extract.Person && docs[full[0]] >= 2*docs[full[1]] {
			target = full[0]
		}
	}
	rule, detail := ruleShort, fmt.Sprintf("%q is this name in most documents that use it", k)
	if typ == extract.Person {
		rule, detail = ruleSurname, fmt.Sprintf("the only person known as %q", k)
	}
	if target == nil {
		if len(full) > 0 {
			return // contested: the one-word name stays on its own
		}
		for _, g := range bare[1:] {
			c.join(bare[0], g, ruleName, k)
		}
		return
	}
	for _, g := range bare {
		if r := c.find(g); !c.full[r] {
			c.join(target, g, rule, detail)
		}
	}
}

// spelling applies rule 4.
func (c *clusterer) spelling(typ string, comp []*group, shared sharedFunc, skip map[*group]map[string]bool) error {
	bySkel := make(map[string][]*group)
	var skels []string
	for _, g := range comp {
		for _, k := range g.keys {
			if typ == extract.Person && !strings.Contains(k, " ") || skip[g][k] {
				continue // a name rule 2 does not link by links no variants either
			}
			v := variantKey(k)
			if v == "" {
				continue
			}
			if bySkel[v] == nil {
				skels = append(skels, v)
			}
			bySkel[v] = append(bySkel[v], g)
		}
	}
	sort.Strings(skels)
	for _, v := range skels {
		gs := bySkel[v]
		for i := 1; i < len(gs); i++ {
			a, b := c.find(gs[0]), c.find(gs[i])
			if a == b {
				continue
			}
			if !c.recheck && gs[0].entity != 0 && gs[0].entity == gs[i].entity {
				// Linked as spelling variants before: their shared context
				// was found then and documents only add to it (unless a
				// document of the component went: recheck).
				c.join(gs[0], gs[i], ruleSpelling, "")
				continue
			}
			ca, cb := c.members(a, comp), c.members(b, comp)
			name, err := shared(ca, cb)
			if err != nil {
				return err
			}
			if name != "" {
				c.join(gs[0], gs[i], ruleSpelling, fmt.Sprintf("%s ~ %s, both named with %s",
					strings.ReplaceAll(gs[0].names, "|", ", "), strings.ReplaceAll(gs[i].names, "|", ", "), name))
			}
		}
	}
	return nil
}

// members returns the groups of comp in root's cluster.
func (c *clusterer) members(root *group, comp []*group) []*group {
	var out []*group
	for _, g := range comp {
		if c.find(g) == root {
			out = append(out, g)
		}
	}
	return out
}
