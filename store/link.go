package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-nlp/dossier/extract"
)

// Cross-document linking.
//
// Every document names each of its entities in some set of ways; the
// distinct (type, set of normalised names) pairs over the whole store are
// name groups, and each name group belongs to one entity. Which groups
// form one entity is decided by cluster from the groups alone — their
// names, how many documents use them, and for spelling variants the
// entities named beside them — so the result does not depend on the order
// in which documents were written, and a copy of a document adds no group
// and no entity.
//
// The linking index keeps every group in memory with the link keys it can
// be joined by. A write re-decides only the connected part of the index
// that its documents touch: the groups reachable from theirs through
// shared link keys. Every rule below looks no further than such a
// component, so deciding it alone gives what deciding the whole store
// would.

// group is one name group of the linking index.
type group struct {
	id       int64    // name_groups.id; 0 until written
	typ      string   // entity type
	names    string   // sorted normalised names joined by "|"
	label    string   // the name as a document wrote it
	keys     []string // the names, sorted
	entity   int64    // the entity it belongs to; 0 until decided
	docs     int      // documents naming an entity so
	mentions int
	founder  int64    // its first document entity (founderKey); 0 for none
	dirty    bool     // docs or mentions changed since loaded or written
	mark     int      // traversal mark
	links    []string // linkKeys of the group, computed when it is added
}

// display is the group's name as written, followed by its other names
// when it has more: "Kyiv / kiev".
func (g *group) display() string {
	out := g.label
	own := extract.NormalizeName(g.label)
	for _, k := range g.keys {
		if k != own {
			out += " / " + k
		}
	}
	return out
}

// full reports whether the group has a name of two words or more (or a
// country's other name of two words): a name that identifies by itself.
func (g *group) full() bool {
	for _, k := range g.keys {
		if strings.Contains(k, " ") {
			return true
		}
	}
	return false
}

// linkIndex is the in-memory linking index.
type linkIndex struct {
	groups map[string]*group   // type + "\x00" + names
	byLink map[string][]*group // link key -> groups
	mark   int
}

func newLinkIndex() *linkIndex {
	return &linkIndex{groups: make(map[string]*group), byLink: make(map[string][]*group)}
}

func groupKey(typ, names string) string { return typ + "\x00" + names }

// namesOf returns the sorted distinct normalised names of a document
// entity and their "|"-joined form.
func namesOf(e *extract.Entity) ([]string, string) {
	seen := make(map[string]bool, len(e.Aliases)+1)
	var keys []string
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		k := strings.ReplaceAll(extract.NormalizeName(a), "|", "/")
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		// A name that is all punctuation normalises to nothing: keep it
		// as written, so it links only to the same writing.
		k := strings.ReplaceAll(strings.ToLower(collapseSpace(strings.TrimSpace(e.Name))), "|", "/")
		if k == "" {
			k = "?"
		}
		keys = []string{k}
	}
	sort.Strings(keys)
	return keys, strings.Join(keys, "|")
}

// Link key kinds: n exact name (a country's or place's other names count
// as exact), w an organisation's content words, s a person's surname, h
// an organisation's short name ("wagner" for "Wagner Group" and for
// "Wagner"), v a spelling skeleton.
const (
	linkName     = "n:"
	linkWords    = "w:"
	linkSurname  = "s:"
	linkShort    = "h:"
	linkSpelling = "v:"
)

// expandedNames returns a group's names with the other names of the
// countries and places it names.
func expandedNames(typ string, keys []string) []string {
	if typ != extract.Location {
		return keys
	}
	out := append([]string(nil), keys...)
	for _, k := range keys {
		out = append(out, extract.CountryNames(k)...)
		if p := extract.PlaceKey(k); p != "" {
			out = append(out, p)
		}
	}
	return dedupe(out)
}

// dedupe sorts ss and drops repeats.
func dedupe(ss []string) []string {
	slices.Sort(ss)
	return slices.Compact(ss)
}

// linkKeys returns every key a group can be linked by, each prefixed by
// the group's type and the key's kind.
func linkKeys(typ string, keys []string) []string {
	p := typ + "\x00"
	var out []string
	for _, k := range expandedNames(typ, keys) {
		out = append(out, p+linkName+k)
		if v := variantKey(k); v != "" {
			out = append(out, p+linkSpelling+v)
		}
		switch typ {
		case extract.Organization:
			if w := extract.OrganizationWordsKey(k); w != "" {
				out = append(out, p+linkWords+w)
			}
			if !strings.Contains(k, " ") {
				out = append(out, p+linkShort+k)
			} else if h := extract.OrganizationShortName(k); h != "" {
				out = append(out, p+linkShort+h)
			}
		case extract.Person:
			f := strings.Fields(k)
			out = append(out, p+linkSurname+f[len(f)-1])
		}
	}
	return dedupe(out)
}

// add puts g into the index.
func (ix *linkIndex) add(g *group) {
	ix.groups[groupKey(g.typ, g.names)] = g
	g.links = linkKeys(g.typ, g.keys)
	for _, k := range g.links {
		ix.byLink[k] = append(ix.byLink[k], g)
	}
}

// remove takes g out of the index.
func (ix *linkIndex) remove(g *group) {
	delete(ix.groups, groupKey(g.typ, g.names))
	for _, k := range g.links {
		gs := ix.byLink[k]
		for i, o := range gs {
			if o == g {
				gs[i] = gs[len(gs)-1]
				gs = gs[:len(gs)-1]
				break
			}
		}
		if len(gs) == 0 {
			delete(ix.byLink, k)
		} else {
			ix.byLink[k] = gs
		}
	}
}

// get returns the group of a document entity, adding a new one (id 0,
// entity 0) when the store has none.
func (ix *linkIndex) get(e *extract.Entity) *group {
	keys, _ := namesOf(e)
	g := ix.getKeys(e.Type, keys)
	if g.label == "" {
		g.label = collapseSpace(e.Name)
	}
	return g
}

// getKeys returns the group of type typ with exactly the names keys
// (sorted), adding it when the store has none.
func (ix *linkIndex) getKeys(typ string, keys []string) *group {
	names := strings.Join(keys, "|")
	if g, ok := ix.groups[groupKey(typ, names)]; ok {
		return g
	}
	g := &group{typ: typ, names: names, keys: keys}
	ix.add(g)
	return g
}

// components returns the groups connected to the given ones through shared
// link keys, or through a merge rule of the aliases file, as separate
// components, each sorted by names; groups that no document uses any more
// are left out.
func (ix *linkIndex) components(start []*group, rules *AliasRules) [][]*group {
	ix.mark++
	var comps [][]*group
	for _, s := range start {
		if s.mark == ix.mark {
			continue
		}
		s.mark = ix.mark
		comp := []*group{s}
		for i := 0; i < len(comp); i++ {
			g := comp[i]
			visit := func(k string) {
				for _, o := range ix.byLink[k] {
					if o.mark != ix.mark {
						o.mark = ix.mark
						comp = append(comp, o)
					}
				}
			}
			for _, k := range g.links {
				visit(k)
			}
			for _, m := range rules.mergesFor(g.typ, g.keys) {
				for _, k := range m.keys() {
					visit(g.typ + "\x00" + linkName + k)
				}
			}
		}
		live := comp[:0]
		for _, g := range comp {
			if g.docs > 0 {
				live = append(live, g)
			}
		}
		sort.Slice(live, func(i, j int) bool { return live[i].names < live[j].names })
		if len(live) > 0 {
			comps = append(comps, live)
		}
	}
	return comps
}

// all returns every live group of the index, as components.
func (ix *linkIndex) all(rules *AliasRules) [][]*group {
	start := make([]*group, 0, len(ix.groups))
	for _, g := range ix.groups {
		start = append(start, g)
	}
	sort.Slice(start, func(i, j int) bool {
		if start[i].typ != start[j].typ {
			return start[i].typ < start[j].typ
		}
		return start[i].names < start[j].names
	})
	return ix.components(start, rules)
}

// loadLinkIndex reads the name groups of the store.
func loadLinkIndex(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (*linkIndex, error) {
	ix := newLinkIndex()
	rows, err := q.QueryContext(ctx, `SELECT id, type, names, name, entity_id, docs, mentions, founder FROM name_groups`)
	if err != nil {
		return nil, fmt.Errorf("load linking index: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		g := &group{}
		if err := rows.Scan(&g.id, &g.typ, &g.names, &g.label, &g.entity, &g.docs, &g.mentions, &g.founder); err != nil {
			return nil, fmt.Errorf("load linking index: %w", err)
		}
		if g.names != "" {
			g.keys = strings.Split(g.names, "|")
		}
		ix.add(g)
	}
	return ix, rows.Err()
}

// Entity ids.
//
// An entity's id comes from the first document entity that names it: the
// one of its name groups' document entities with the smallest (document
// id, index in the document). Documents are numbered in the order a run
// finds them, so the same files give the same ids however their documents
// were grouped into write transactions, on one machine or many, in one run
// or in a run resumed after a crash. An id changes only when that first
// document is removed or reprocessed into other entities.

// founderKey orders document entities: by document, then index.
func founderKey(doc, idx int64) int64 { return doc<<20 | idx }

// entityIDFor is the id of the entity whose first document entity is
// founder: document id * 10,000 + index (document 3's entity 12 is 30012),
// or, for a document of 10,000 entities or more, 2^40 + founder.
func entityIDFor(founder int64) int64 {
	doc, idx := founder>>20, founder&(1<<20-1)
	if idx < 10000 && doc < 1<<36 {
		return doc*10000 + idx
	}
	return 1<<40 + founder
}

// earlier returns the smaller founder key, 0 counting as none.
func earlier(a, b int64) int64 {
	if a == 0 || b != 0 && b < a {
		return b
	}
	return a
}
