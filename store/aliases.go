package store

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

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

// SetAliasRules makes every later Write apply rules. Call ApplyAliases to
// apply them to what is stored already.
func (db *DB) SetAliasRules(rules *AliasRules) { db.rules = rules }

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
// recorded in the merges table). Applying the same rules again decides
// nothing new.
func (db *DB) ApplyAliases(ctx context.Context) ([]Decision, error) {
	if db.rules == nil {
		return nil, nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("apply aliases: %w", err)
	}
	defer tx.Rollback()
	w := newWriter(ctx, tx)
	w.rules = db.rules
	defer w.close()
	if err := w.applyRules(); err != nil {
		return nil, fmt.Errorf("apply aliases: %w", err)
	}
	if err := w.cleanup(); err != nil {
		return nil, fmt.Errorf("apply aliases: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("apply aliases: %w", err)
	}
	return w.decisions, nil
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

// decide records a decision.
func (w *writer) decide(entityID int64, entity, decision, name, rule, detail string) error {
	_, err := w.exec(`INSERT INTO merges (entity_id, entity, decision, name, rule, detail, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		entityID, entity, decision, name, rule, detail, time.Now().UTC().Format(time.RFC3339))
	w.decisions = append(w.decisions, Decision{entity, decision, name, rule, detail})
	return err
}

// entitiesByKeys returns the ids of the entities (of type typ, if set) with
// an alias whose key is one of keys, most mentioned first.
func (w *writer) entitiesByKeys(typ string, keys []string) ([]int64, error) {
	seen := make(map[int64]bool)
	type ent struct {
		id       int64
		mentions int
	}
	var ents []ent
	for _, k := range keys {
		s, err := w.stmt(`SELECT DISTINCT a.entity_id, (SELECT coalesce(sum(mentions), 0) FROM aliases x WHERE x.entity_id = a.entity_id)
			FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.key = ? AND (? = '' OR e.type = ?) AND a.mentions > 0`)
		if err != nil {
			return nil, err
		}
		rows, err := s.QueryContext(w.ctx, k, typ, typ)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var e ent
			if err := rows.Scan(&e.id, &e.mentions); err != nil {
				rows.Close()
				return nil, err
			}
			if !seen[e.id] {
				seen[e.id] = true
				ents = append(ents, e)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(ents, func(i, j int) bool {
		if ents[i].mentions != ents[j].mentions {
			return ents[i].mentions > ents[j].mentions
		}
		return ents[i].id < ents[j].id
	})
	ids := make([]int64, len(ents))
	for i, e := range ents {
		ids[i] = e.id
	}
	return ids, nil
}

func (w *writer) entityName(id int64) (name, typ string, err error) {
	s, err := w.stmt(`SELECT name, type FROM entities WHERE id = ?`)
	if err != nil {
		return "", "", err
	}
	err = s.QueryRowContext(w.ctx, id).Scan(&name, &typ)
	return name, typ, err
}

// applyRules carries out the merge rules, then the forbid rules.
func (w *writer) applyRules() error {
	if w.rules == nil {
		return nil
	}
	for _, m := range w.rules.Merges {
		ids, err := w.entitiesByKeys(m.Type, m.keys())
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			continue
		}
		target := ids[0]
		tname, ttype, err := w.entityName(target)
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("aliases file line %d", m.Line)
		for _, id := range ids[1:] {
			name, _, err := w.entityName(id)
			if err != nil {
				return err
			}
			if err := w.mergeInto(target, ttype, id); err != nil {
				return err
			}
			if err := w.decide(target, tname, "merged", name, "aliases file", detail); err != nil {
				return err
			}
		}
		if tname != m.Canonical {
			if _, err := w.exec(`UPDATE entities SET name = ?, key = ?, pinned = 1 WHERE id = ?`,
				m.Canonical, extract.NormalizeName(m.Canonical), target); err != nil {
				return err
			}
			if err := w.decide(target, tname, "renamed", m.Canonical, "aliases file", detail); err != nil {
				return err
			}
		} else if _, err := w.exec(`UPDATE entities SET pinned = 1 WHERE id = ?`, target); err != nil {
			return err
		}
		w.touched[target] = true
	}
	for _, f := range w.rules.Forbids {
		if err := w.split(f); err != nil {
			return err
		}
	}
	_, err := w.exec(`DELETE FROM relations WHERE subject_id = object_id`)
	return err
}

// mergeInto moves everything of entity from onto entity to.
func (w *writer) mergeInto(to int64, typ string, from int64) error {
	for _, q := range []string{
		`UPDATE mentions SET entity_id = ?1, type = ?2 WHERE entity_id = ?3`,
		`UPDATE relations SET subject_id = ?1 WHERE subject_id = ?3`,
		`UPDATE relations SET object_id = ?1 WHERE object_id = ?3`,
		`INSERT INTO aliases (entity_id, alias, key, mentions, variant)
			SELECT ?1, alias, key, mentions, variant FROM aliases WHERE entity_id = ?3
			ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions`,
		`UPDATE merges SET entity_id = ?1 WHERE entity_id = ?3`,
		`DELETE FROM entities WHERE id = ?3`,
	} {
		if _, err := w.exec(q, to, typ, from); err != nil {
			return err
		}
	}
	delete(w.touched, from)
	w.touched[to] = true
	return nil
}

// split carries out a forbid rule: an entity going by both names loses the
// mentions of the name that is not its canonical one (B, unless it is
// canonically B) to an entity of that name.
func (w *writer) split(f ForbidRule) error {
	ka, kb := extract.NormalizeName(f.A), extract.NormalizeName(f.B)
	both, err := w.tx.QueryContext(w.ctx, `SELECT e.id, e.name, e.key, e.type FROM entities e
		WHERE (? = '' OR e.type = ?)
		AND EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND a.key = ? AND a.mentions > 0)
		AND EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND a.key = ? AND a.mentions > 0)`,
		f.Type, f.Type, ka, kb)
	if err != nil {
		return err
	}
	type ent struct {
		id             int64
		name, key, typ string
	}
	var ents []ent
	for both.Next() {
		var e ent
		if err := both.Scan(&e.id, &e.name, &e.key, &e.typ); err != nil {
			both.Close()
			return err
		}
		ents = append(ents, e)
	}
	both.Close()
	for _, e := range ents {
		move, moveName := kb, f.B
		if e.key == kb {
			move, moveName = ka, f.A
		}
		// The entity that takes the split-off name: one that goes by it
		// and not by the other, else a new one.
		var to int64
		err := w.tx.QueryRowContext(w.ctx, `SELECT e.id FROM entities e JOIN aliases a ON a.entity_id = e.id
			WHERE e.type = ? AND a.key = ? AND e.id <> ? AND NOT EXISTS
			(SELECT 1 FROM aliases b WHERE b.entity_id = e.id AND b.key IN (?, ?) AND b.key <> ?) LIMIT 1`,
			e.typ, move, e.id, ka, kb, move).Scan(&to)
		if err != nil {
			r, err := w.exec(`INSERT INTO entities (name, type, key) VALUES (?, ?, ?)`, moveName, e.typ, move)
			if err != nil {
				return err
			}
			if to, err = r.LastInsertId(); err != nil {
				return err
			}
		}
		rows, err := w.tx.QueryContext(w.ctx, `SELECT id, text FROM mentions WHERE entity_id = ?`, e.id)
		if err != nil {
			return err
		}
		var moved []int64
		for rows.Next() {
			var id int64
			var text string
			if err := rows.Scan(&id, &text); err != nil {
				rows.Close()
				return err
			}
			if extract.NormalizeName(text) == move {
				moved = append(moved, id)
			}
		}
		rows.Close()
		for _, id := range moved {
			if _, err := w.exec(`UPDATE mentions SET entity_id = ? WHERE id = ?`, to, id); err != nil {
				return err
			}
		}
		for _, q := range []string{
			`INSERT INTO aliases (entity_id, alias, key, mentions, variant)
				SELECT ?1, alias, key, mentions, variant FROM aliases WHERE entity_id = ?2 AND key = ?3
				ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions`,
			`DELETE FROM aliases WHERE entity_id = ?2 AND key = ?3`,
		} {
			if _, err := w.exec(q, to, e.id, move); err != nil {
				return err
			}
		}
		w.touched[e.id], w.touched[to] = true, true
		if err := w.decide(e.id, e.name, "split", moveName, "aliases file", fmt.Sprintf("aliases file line %d", f.Line)); err != nil {
			return err
		}
	}
	return nil
}

// forbidden reports whether linking a document entity going by keys to a
// stored entity going by candKeys would break a forbid rule.
func (r *AliasRules) forbidden(keys, candKeys map[string]bool) bool {
	if r == nil {
		return false
	}
	for _, f := range r.Forbids {
		ka, kb := extract.NormalizeName(f.A), extract.NormalizeName(f.B)
		onlyA, onlyB := keys[ka] && !keys[kb], keys[kb] && !keys[ka]
		if onlyA && candKeys[kb] && !candKeys[ka] || onlyB && candKeys[ka] && !candKeys[kb] {
			return true
		}
	}
	return false
}

// expand adds the keys of every merge rule that names one of keys.
func (r *AliasRules) expand(typ string, keys []string) []string {
	if r == nil {
		return keys
	}
	have := make(map[string]bool)
	for _, k := range keys {
		have[k] = true
	}
	out := keys
	for _, m := range r.Merges {
		if m.Type != "" && m.Type != typ {
			continue
		}
		mk := m.keys()
		hit := false
		for _, k := range mk {
			hit = hit || have[k]
		}
		if !hit {
			continue
		}
		for _, k := range mk {
			if !have[k] {
				have[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// mergeRuleFor returns the first merge rule (for type typ) naming one of
// keys, or nil.
func (r *AliasRules) mergeRuleFor(typ string, keys []string) *MergeRule {
	if r == nil {
		return nil
	}
	for i, m := range r.Merges {
		if m.Type != "" && m.Type != typ {
			continue
		}
		for _, mk := range m.keys() {
			if slices.Contains(keys, mk) {
				return &r.Merges[i]
			}
		}
	}
	return nil
}
