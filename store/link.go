package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/maphash"
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
	founder  int64     // its first document entity (founderKey); 0 for none
	dirty    bool      // docs or mentions changed since loaded or written
	mark     int       // traversal mark
	links    []linkKey // linkKeys of the group, computed when it is added
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

// linkIndex is the in-memory linking index. It is built to hold millions
// of groups (BenchmarkLinkIndexMemory): a group's names are one string
// that its keys are cut from, link keys are hashes, and a link key that
// one group alone has (most of them) costs one map entry.
type linkIndex struct {
	groups map[groupName]*group
	first  map[linkKey]*group   // link key -> the first group that has it
	more   map[linkKey][]*group // link key -> the others, when there are
	mark   int
}

// groupName identifies a group: its type and its names joined by "|".
type groupName struct{ typ, names string }

// linkKey is the hash of a link key (type, kind and name). Two keys with
// one hash would only put their groups into one component, which the
// rules then decide by the groups' names, as they would apart.
type linkKey uint64

var linkSeed = maphash.MakeSeed()

// newLinkKey is the linkKey of the type typ, the key kind and the name k.
func newLinkKey(typ, kind, k string) linkKey {
	var h maphash.Hash
	h.SetSeed(linkSeed)
	h.WriteString(typ)
	h.WriteByte(0)
	h.WriteString(kind)
	h.WriteString(k)
	return linkKey(h.Sum64())
}

func newLinkIndex() *linkIndex {
	return &linkIndex{groups: make(map[groupName]*group), first: make(map[linkKey]*group), more: make(map[linkKey][]*group)}
}

// entityType returns the constant of an entity type, so that the index's
// groups share one copy of each; other types are returned as they are.
func entityType(t string) string {
	for _, c := range [...]string{extract.Person, extract.Location, extract.Organization} {
		if t == c {
			return c
		}
	}
	return t
}

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

// linkKeys returns every key a group can be linked by, each of the
// group's type and the key's kind.
func linkKeys(typ string, keys []string) []linkKey {
	var out []linkKey
	for _, k := range expandedNames(typ, keys) {
		out = append(out, newLinkKey(typ, linkName, k))
		if v := variantKey(k); v != "" {
			out = append(out, newLinkKey(typ, linkSpelling, v))
		}
		switch typ {
		case extract.Organization:
			if w := extract.OrganizationWordsKey(k); w != "" {
				out = append(out, newLinkKey(typ, linkWords, w))
			}
			if !strings.Contains(k, " ") {
				out = append(out, newLinkKey(typ, linkShort, k))
			} else if h := extract.OrganizationShortName(k); h != "" {
				out = append(out, newLinkKey(typ, linkShort, h))
			}
		case extract.Person:
			f := strings.Fields(k)
			out = append(out, newLinkKey(typ, linkSurname, f[len(f)-1]))
		}
	}
	slices.Sort(out)
	return slices.Clip(slices.Compact(out))
}

// add puts g into the index.
func (ix *linkIndex) add(g *group) {
	g.typ = entityType(g.typ)
	ix.groups[groupName{g.typ, g.names}] = g
	g.links = linkKeys(g.typ, g.keys)
	for _, k := range g.links {
		if ix.first[k] == nil {
			ix.first[k] = g
		} else {
			ix.more[k] = append(ix.more[k], g)
		}
	}
}

// remove takes g out of the index.
func (ix *linkIndex) remove(g *group) {
	delete(ix.groups, groupName{g.typ, g.names})
	for _, k := range g.links {
		gs := ix.more[k]
		if ix.first[k] == g {
			if len(gs) == 0 {
				delete(ix.first, k)
				continue
			}
			ix.first[k], gs = gs[len(gs)-1], gs[:len(gs)-1]
		} else if i := slices.Index(gs, g); i >= 0 {
			gs[i] = gs[len(gs)-1]
			gs = gs[:len(gs)-1]
		}
		if len(gs) == 0 {
			delete(ix.more, k)
		} else {
			ix.more[k] = gs
		}
	}
}

// linked calls f for each group that has the link key k.
func (ix *linkIndex) linked(k linkKey, f func(*group)) {
	if g := ix.first[k]; g != nil {
		f(g)
		for _, o := range ix.more[k] {
			f(o)
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
	if g, ok := ix.groups[groupName{typ, names}]; ok {
		return g
	}
	// The keys are cut from names, which holds their bytes once.
	g := &group{typ: typ, names: names, keys: strings.Split(names, "|")}
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
			add := func(o *group) {
				if o.mark != ix.mark {
					o.mark = ix.mark
					comp = append(comp, o)
				}
			}
			for _, k := range g.links {
				ix.linked(k, add)
			}
			for _, m := range rules.mergesFor(g.typ, g.keys) {
				for _, k := range m.keys() {
					ix.linked(newLinkKey(g.typ, linkName, k), add)
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
