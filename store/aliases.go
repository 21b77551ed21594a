package store

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/dossier-nlp/dossier/extract"
)

// AliasRules are a user's entity-resolution decisions, read from an aliases
// file by ParseAliases:
//
//	# comment
//	Russian Volunteer Corps = RDK, RVC, Russkiy Dobrovolcheskiy Korpus
//	LOCATION: Kyiv = Kiev
//	Vyacheslav Gladkov != Anna Gladkov
//
// "A = B, C" makes every entity going by A, B or C one entity named A (of
// the given type only, when the line starts with TYPE:). "A != B" keeps A
// and B apart: an entity going by both is split, and they are never linked.
type AliasRules struct {
	Merges  []MergeRule
	Forbids []ForbidRule

	once sync.Once
	ix   *ruleIndex
}

// MergeRule makes all entities going by Canonical or one of Names one
// entity named Canonical.
type MergeRule struct {
	Type      string // only entities of this type; empty for any
	Canonical string
	Names     []string
	Line      int
}

// ForbidRule keeps the entities named A and B apart.
type ForbidRule struct {
	Type string
	A, B string
	Line int
}

// ParseAliases reads an aliases file (see AliasRules).
func ParseAliases(r io.Reader) (*AliasRules, error) {
	rules := &AliasRules{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		typ := ""
		if i := strings.Index(line, ":"); i > 0 && !strings.ContainsAny(line[:i], " =!") {
			typ, line = strings.ToUpper(line[:i]), strings.TrimSpace(line[i+1:])
		}
		if a, b, ok := strings.Cut(line, "!="); ok {
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if extract.NormalizeName(a) == "" || extract.NormalizeName(b) == "" {
				return nil, fmt.Errorf("line %d: want \"NAME != NAME\"", n)
			}
			rules.Forbids = append(rules.Forbids, ForbidRule{Type: typ, A: a, B: b, Line: n})
			continue
		}
		canon, rest, ok := strings.Cut(line, "=")
		canon = strings.TrimSpace(canon)
		if !ok || extract.NormalizeName(canon) == "" {
			return nil, fmt.Errorf("line %d: want \"NAME = ALIAS, ALIAS\" or \"NAME != NAME\"", n)
		}
		m := MergeRule{Type: typ, Canonical: canon, Line: n}
		for _, a := range strings.Split(rest, ",") {
			if a = strings.TrimSpace(a); extract.NormalizeName(a) != "" {
				m.Names = append(m.Names, a)
			}
		}
		if len(m.Names) == 0 {
			return nil, fmt.Errorf("line %d: no alias after \"=\"", n)
		}
		rules.Merges = append(rules.Merges, m)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return rules, nil
}

func (m MergeRule) keys() []string {
	out := []string{extract.NormalizeName(m.Canonical)}
	for _, n := range m.Names {
		out = append(out, extract.NormalizeName(n))
	}
	return out
}

// SetAliasRules makes rules the aliases rules of this database: call
// ApplyAliases to apply them to what is stored. The rules are kept in the
// database, so later writes follow them until other rules are set; an
// empty set of rules undoes them.
func (db *DB) SetAliasRules(rules *AliasRules) {
	if rules == nil {
		rules = &AliasRules{}
	}
	db.rules = rules
	db.rulesSet = true
}

// Decision is one merge, split or rename recorded in the merges table.
type Decision struct {
	Entity   string `json:"entity"`
	Decision string `json:"decision"`
	Name     string `json:"name"`
	Rule     string `json:"rule"`
	Detail   string `json:"detail"`
}

// ApplyAliases applies the rules set by SetAliasRules to every stored
// entity, in one transaction, and returns the decisions it took (also
// recorded in the merges table). Rules equal to those applied last time
// are not applied again: they decide nothing new. Cancelling ctx stops it
// and changes nothing.
func (db *DB) ApplyAliases(ctx context.Context) ([]Decision, error) {
	if !db.rulesSet {
		return nil, nil
	}
	text := db.rules.String()
	var decisions []Decision
	err := db.inTx(ctx, func(w *writer) error {
		var old string
		err := w.tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'aliases'`).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err == nil && old == text {
			return nil
		}
		if _, err := w.exec(`INSERT INTO meta (key, value) VALUES ('aliases', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, text); err != nil {
			return err
		}
		if err := w.splitForbidden(); err != nil {
			return err
		}
		if err := w.relink(w.ix.all(w.rules)); err != nil {
			return err
		}
		// Every entity's canonical name is chosen again: a name the old
		// rules pinned ("Kyiv = Kiev") goes with them.
		for _, g := range w.ix.groups {
			if g.entity != 0 && g.docs > 0 {
				w.names[g.entity] = true
			}
		}
		if err := w.finish(); err != nil {
			return err
		}
		decisions = w.decisions
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("apply aliases: %w", err)
	}
	return decisions, nil
}

// loadRules reads the aliases rules kept in the database, unless rules
// were set.
func (db *DB) loadRules(ctx context.Context, tx *sql.Tx) error {
	if db.rulesSet {
		return nil
	}
	var text string
	err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'aliases'`).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read aliases rules: %w", err)
	}
	rules, err := ParseAliases(strings.NewReader(text))
	if err != nil {
		return fmt.Errorf("read aliases rules kept in the database: %w", err)
	}
	db.rules = rules
	return nil
}

// String writes the rules back in the aliases file format, one a line.
func (r *AliasRules) String() string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	for _, m := range r.Merges {
		if m.Type != "" {
			b.WriteString(m.Type + ": ")
		}
		fmt.Fprintf(&b, "%s = %s\n", m.Canonical, strings.Join(m.Names, ", "))
	}
	for _, f := range r.Forbids {
		if f.Type != "" {
			b.WriteString(f.Type + ": ")
		}
		fmt.Fprintf(&b, "%s != %s\n", f.A, f.B)
	}
	return b.String()
}

// Decisions lists the recorded merges, splits and renames, oldest first.
func (db *DB) Decisions(ctx context.Context) ([]Decision, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT entity, decision, name, rule, detail FROM merge_decisions`)
	if err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	defer rows.Close()
	var out []Decision
	for rows.Next() {
		var d Decision
		if err := rows.Scan(&d.Entity, &d.Decision, &d.Name, &d.Rule, &d.Detail); err != nil {
			return nil, fmt.Errorf("list decisions: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// pendingDecision is a decision to record once the entities' names are
// final: about the entity of group g, or entity when g is nil.
type pendingDecision struct {
	g                            *group
	entity                       int64
	other                        *group // for a merge: the group named in it
	decision, name, rule, detail string
}

// decide notes a decision about the entity of g (or entity).
func (w *writer) decide(g *group, entity int64, decision, name, rule, detail string) {
	w.later = append(w.later, pendingDecision{g: g, entity: entity, decision: decision, name: name, rule: rule, detail: detail})
}

// recordDecisions writes the decisions noted, each once: one already
// recorded in the same words is not recorded again.
func (w *writer) recordDecisions() error {
	for _, d := range w.later {
		id := d.entity
		if d.g != nil {
			id = d.g.entity
		}
		name, err := w.entityName(id)
		if err != nil {
			return err
		}
		if id != 0 && name == "" {
			// The entity is gone by the end of the transaction (the
			// documents that named it were replaced or removed in it):
			// nothing was decided about what the store holds.
			continue
		}
		if d.other != nil && d.other.label == name && d.g != nil {
			d.name = d.g.display() // name the one that is not the entity's name
		}
		var n int
		if err := w.tx.QueryRowContext(w.ctx, `SELECT count(*) FROM merges WHERE entity = ? AND decision = ? AND name = ? AND rule = ? AND detail = ?`,
			name, d.decision, d.name, d.rule, d.detail).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		if _, err := w.exec(`INSERT INTO merges (entity_id, entity, decision, name, rule, detail, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			nullID(id), name, d.decision, d.name, d.rule, d.detail, w.now); err != nil {
			return err
		}
		w.decisions = append(w.decisions, Decision{name, d.decision, d.name, d.rule, d.detail})
	}
	w.later = nil
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// ruleIndex finds the rules that name a key, so that a file of many rules
// costs a lookup per name rather than a scan of every rule.
type ruleIndex struct {
	merges map[string][]int    // key -> indexes into Merges
	sides  map[string][]sideOf // key -> forbid rules naming it
}

// sideOf is one side of a forbid rule: side 1 is A, 2 is B.
type sideOf struct {
	rule int
	side uint8
	typ  string
}

func (r *AliasRules) index() *ruleIndex {
	r.once.Do(func() {
		ix := &ruleIndex{merges: make(map[string][]int), sides: make(map[string][]sideOf)}
		for i, m := range r.Merges {
			for _, k := range m.keys() {
				ix.merges[k] = append(ix.merges[k], i)
			}
		}
		for i, f := range r.Forbids {
			a, b := extract.NormalizeName(f.A), extract.NormalizeName(f.B)
			ix.sides[a] = append(ix.sides[a], sideOf{i, 1, f.Type})
			ix.sides[b] = append(ix.sides[b], sideOf{i, 2, f.Type})
		}
		r.ix = ix
	})
	return r.ix
}

// forbidSides returns the forbid rules (for type typ) that name key.
func (r *AliasRules) forbidSides(typ, key string) []sideOf {
	if r == nil || len(r.Forbids) == 0 {
		return nil
	}
	var out []sideOf
	for _, s := range r.index().sides[key] {
		if s.typ == "" || s.typ == typ {
			out = append(out, s)
		}
	}
	return out
}

// mergesFor returns the merge rules (for type typ) that name one of names,
// in file order.
func (r *AliasRules) mergesFor(typ string, names []string) []MergeRule {
	if r == nil || len(r.Merges) == 0 {
		return nil
	}
	seen := make(map[int]bool)
	var idx []int
	for _, k := range names {
		for _, i := range r.index().merges[k] {
			if m := r.Merges[i]; !seen[i] && (m.Type == "" || m.Type == typ) {
				seen[i] = true
				idx = append(idx, i)
			}
		}
	}
	sort.Ints(idx)
	out := make([]MergeRule, len(idx))
	for j, i := range idx {
		out[j] = r.Merges[i]
	}
	return out
}

// canonicalFor returns the first merge rule naming one of keys, whose
// canonical name an entity going by keys takes, or nil.
func (r *AliasRules) canonicalFor(keys []string) *MergeRule {
	if r == nil || len(r.Merges) == 0 {
		return nil
	}
	best := -1
	for _, k := range keys {
		for _, i := range r.index().merges[k] {
			if best < 0 || i < best {
				best = i
			}
		}
	}
	if best < 0 {
		return nil
	}
	return &r.Merges[best]
}

// splitForbidden splits every stored name group that has both names of a
// forbid rule: in each document, the mentions written as the rule's second
// name (its first, when the entity is canonically that one) become an
// entity of their own.
func (w *writer) splitForbidden() error {
	if w.rules == nil || len(w.rules.Forbids) == 0 {
		return nil
	}
	var gs []*group
	for _, g := range w.ix.groups {
		if g.docs > 0 && w.rules.forbiddenSplit(g.typ, g.keys) != nil {
			gs = append(gs, g)
		}
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i].names < gs[j].names })
	for _, g := range gs {
		if err := w.splitGroup(g, w.rules.forbiddenSplit(g.typ, g.keys)); err != nil {
			return err
		}
	}
	return nil
}

// forbiddenSplit returns the names to split off a group that has both
// names of a forbid rule, or nil.
func (r *AliasRules) forbiddenSplit(typ string, keys []string) map[string]bool {
	if r == nil || len(r.Forbids) == 0 {
		return nil
	}
	has := r.sidesOf(typ, keys)
	var out map[string]bool
	for i, s := range has {
		if s != 3 {
			continue
		}
		if out == nil {
			out = make(map[string]bool)
		}
		out[extract.NormalizeName(r.Forbids[i].B)] = true
	}
	return out
}

// sidesOf returns, for each forbid rule (of type typ) naming one of keys,
// which of its names keys hold: 1 its first, 2 its second, 3 both.
func (r *AliasRules) sidesOf(typ string, keys []string) map[int]uint8 {
	has := make(map[int]uint8)
	for _, k := range keys {
		for _, s := range r.forbidSides(typ, k) {
			has[s.rule] |= s.side
		}
	}
	return has
}

// forbidLine returns the line of the first forbid rule both of whose names
// are among keys.
func (r *AliasRules) forbidLine(typ string, keys []string) int {
	has := r.sidesOf(typ, keys)
	best := -1
	for i, s := range has {
		if s == 3 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return 0
	}
	return r.Forbids[best].Line
}

// splitGroup moves the mentions of g whose names are in off to a document
// entity of their own in every document, with a name group of its own.
func (w *writer) splitGroup(g *group, off map[string]bool) error {
	var rest, split []string
	for _, k := range g.keys {
		if off[k] {
			split = append(split, k)
		} else {
			rest = append(rest, k)
		}
	}
	if len(rest) == 0 || len(split) == 0 {
		return nil
	}
	ga, gb := w.ix.getKeys(g.typ, rest), w.ix.getKeys(g.typ, split)
	labels := make(map[*group]string)
	arows, err := w.tx.QueryContext(w.ctx, `SELECT alias FROM group_aliases WHERE group_id = ? ORDER BY mentions DESC, alias`, g.id)
	if err != nil {
		return err
	}
	for arows.Next() {
		var a string
		if err := arows.Scan(&a); err != nil {
			arows.Close()
			return err
		}
		side := ga
		if off[extract.NormalizeName(a)] {
			side = gb
		}
		if labels[side] == "" {
			labels[side] = a
		}
	}
	arows.Close()
	for _, n := range []*group{ga, gb} {
		w.created[n] = true
		if n.id == 0 {
			n.entity = g.entity
			if n.label == "" {
				n.label = labels[n]
			}
			if n.label == "" {
				n.label = n.keys[0]
			}
			r, err := w.exec(`INSERT INTO name_groups (type, names, name, entity_id, docs, mentions) VALUES (?, ?, ?, ?, 0, 0)`, n.typ, n.names, n.label, n.entity)
			if err != nil {
				return err
			}
			if n.id, err = r.LastInsertId(); err != nil {
				return err
			}
			if w.byID != nil {
				w.byID[n.id] = n
			}
		}
	}
	des, err := w.docEntitiesOf(g.id)
	if err != nil {
		return err
	}
	for _, d := range des {
		var next int64
		if err := w.tx.QueryRowContext(w.ctx, `SELECT max(idx) + 1 FROM doc_entities WHERE doc_id = ?`, d.doc).Scan(&next); err != nil {
			return err
		}
		ms, err := w.tx.QueryContext(w.ctx, `SELECT m.seq, CAST(substr(CAST(s.text AS BLOB), m.start - s.start + 1, m.len) AS TEXT)
			FROM mention_rows m JOIN documents d ON d.id = m.doc_id JOIN sentences s ON s.id = d.first_sentence + m.sentence
			WHERE m.doc_id = ? AND m.doc_entity = ?`, d.doc, d.idx)
		if err != nil {
			return err
		}
		type mt struct {
			id   int64
			text string
		}
		var all []mt
		for ms.Next() {
			var m mt
			if err := ms.Scan(&m.id, &m.text); err != nil {
				ms.Close()
				return err
			}
			all = append(all, m)
		}
		ms.Close()
		countA, countB := map[string]int{}, map[string]int{}
		for _, m := range all {
			a := collapseSpace(m.text)
			if off[extract.NormalizeName(m.text)] {
				countB[a]++
				if _, err := w.exec(`UPDATE mention_rows SET doc_entity = ? WHERE doc_id = ? AND doc_entity = ? AND seq = ?`, next, d.doc, d.idx, m.id); err != nil {
					return err
				}
			} else {
				countA[a]++
			}
		}
		if _, err := w.exec(`UPDATE doc_entities SET group_id = ? WHERE doc_id = ? AND idx = ?`, ga.id, d.doc, d.idx); err != nil {
			return err
		}
		ga.founder = earlier(ga.founder, founderKey(d.doc, d.idx))
		gb.founder = earlier(gb.founder, founderKey(d.doc, next))
		if _, err := w.exec(`INSERT INTO doc_entities (doc_id, idx, group_id) VALUES (?, ?, ?)`, d.doc, next, gb.id); err != nil {
			return err
		}
		for _, part := range []struct {
			g *group
			c map[string]int
		}{{ga, countA}, {gb, countB}} {
			part.g.docs++
			for a, n := range part.c {
				part.g.mentions += n
				g.mentions -= n
				if _, err := w.exec(`INSERT INTO group_aliases (group_id, alias, mentions) VALUES (?, ?, ?)
					ON CONFLICT (group_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions`, part.g.id, a, n); err != nil {
					return err
				}
				if _, err := w.exec(`UPDATE group_aliases SET mentions = mentions - ? WHERE group_id = ? AND alias = ?`, n, g.id, a); err != nil {
					return err
				}
			}
			part.g.dirty = true
		}
		g.docs--
	}
	g.dirty = true
	g.founder = 0
	for _, n := range []*group{g, ga, gb} {
		w.touched[n] = true
		w.shrunk[n] = true
	}
	w.decide(ga, 0, "split", gb.label, ruleAliases, fmt.Sprintf("aliases file line %d", w.rules.forbidLine(g.typ, g.keys)))
	w.rebuild[g.entity] = true
	w.names[g.entity] = true
	return nil
}
