package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/dossier-nlp/dossier/extract"
)

// buildNameGroups fills the linking tables of schema 4 from a database of
// an earlier schema: each document's mentions of one entity become one
// document entity, whose names make its name group. A group takes the
// entity most of its mentions had; the next write decides every entity
// again (meta key "relink").
func buildNameGroups(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT m.doc_id, m.entity_id, e.type, m.text, count(*) FROM mentions m
		JOIN entities e ON e.id = m.entity_id GROUP BY m.doc_id, m.entity_id, m.text ORDER BY m.doc_id, m.entity_id, m.text`)
	if err != nil {
		return fmt.Errorf("read mentions: %w", err)
	}
	type docEnt struct {
		doc, entity int64
		typ         string
		aliases     map[string]int
		idx         int
		g           *grp
	}
	var des []*docEnt
	for rows.Next() {
		var doc, ent int64
		var typ, text string
		var n int
		if err := rows.Scan(&doc, &ent, &typ, &text, &n); err != nil {
			rows.Close()
			return err
		}
		if len(des) == 0 || des[len(des)-1].doc != doc || des[len(des)-1].entity != ent {
			des = append(des, &docEnt{doc: doc, entity: ent, typ: typ, aliases: map[string]int{}})
		}
		des[len(des)-1].aliases[collapseSpace(text)] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	groups := make(map[string]*grp)
	var order []*grp
	next := make(map[int64]int) // doc -> next document entity index
	for _, d := range des {
		var names []string
		for a := range d.aliases {
			names = append(names, a)
		}
		_, joined := namesOf(&extract.Entity{Type: d.typ, Aliases: names})
		g := groups[d.typ+"\x00"+joined]
		if g == nil {
			g = &grp{typ: d.typ, names: joined, votes: map[int64]int{}, aliases: map[string]int{}}
			groups[d.typ+"\x00"+joined] = g
			order = append(order, g)
		}
		d.g = g
		d.idx = next[d.doc]
		next[d.doc]++
		g.founder = earlier(g.founder, founderKey(d.doc, int64(d.idx)))
		g.docs++
		for a, n := range d.aliases {
			g.mentions += n
			g.aliases[a] += n
			g.votes[d.entity] += n
		}
	}
	for _, g := range order {
		best := -1
		for e, v := range g.votes {
			if v > best || v == best && e < g.entity {
				g.entity, best = e, v
			}
		}
		label, n := "", -1
		for a, c := range g.aliases {
			if c > n || c == n && a < label {
				label, n = a, c
			}
		}
		r, err := tx.ExecContext(ctx, `INSERT INTO name_groups (type, names, name, entity_id, docs, mentions, founder) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			g.typ, g.names, label, g.entity, g.docs, g.mentions, g.founder)
		if err != nil {
			return err
		}
		if g.id, err = r.LastInsertId(); err != nil {
			return err
		}
		for a, n := range g.aliases {
			if _, err := tx.ExecContext(ctx, `INSERT INTO group_aliases (group_id, alias, mentions) VALUES (?, ?, ?)`, g.id, a, n); err != nil {
				return err
			}
		}
	}
	for _, d := range des {
		if _, err := tx.ExecContext(ctx, `INSERT INTO doc_entities (doc_id, idx, group_id) VALUES (?, ?, ?)`, d.doc, d.idx, d.g.id); err != nil {
			return err
		}
		for _, q := range []string{
			`UPDATE mentions SET doc_entity = ?3, entity_id = ?4 WHERE doc_id = ?1 AND entity_id = ?2`,
			`UPDATE relations SET subject_idx = ?3, subject_id = ?4 WHERE doc_id = ?1 AND subject_id = ?2 AND subject_idx = -1`,
			`UPDATE relations SET object_idx = ?3, object_id = ?4 WHERE doc_id = ?1 AND object_id = ?2 AND object_idx = -1`,
		} {
			if _, err := tx.ExecContext(ctx, q, d.doc, d.entity, d.idx, d.g.entity); err != nil {
				return err
			}
		}
	}
	for _, q := range []string{
		`DELETE FROM aliases`,
		`INSERT INTO aliases (entity_id, alias, key, mentions, variant)
			SELECT g.entity_id, ga.alias, '', sum(ga.mentions), '' FROM group_aliases ga JOIN name_groups g ON g.id = ga.group_id
			GROUP BY g.entity_id, ga.alias`,
		`UPDATE merges SET entity_id = NULL WHERE entity_id NOT IN (SELECT entity_id FROM name_groups)`,
		`DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM name_groups)`,
		`INSERT INTO meta (key, value) VALUES ('relink', 'all')`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	// Alias keys are computed in Go: one normalisation everywhere.
	arows, err := tx.QueryContext(ctx, `SELECT DISTINCT alias FROM aliases`)
	if err != nil {
		return err
	}
	var as []string
	for arows.Next() {
		var a string
		if err := arows.Scan(&a); err != nil {
			arows.Close()
			return err
		}
		as = append(as, a)
	}
	arows.Close()
	for _, a := range as {
		if _, err := tx.ExecContext(ctx, `UPDATE aliases SET key = ? WHERE alias = ?`, extract.NormalizeName(a), a); err != nil {
			return err
		}
	}
	return nil
}

// grp is a name group being built by buildNameGroups.
type grp struct {
	id, entity     int64
	founder        int64
	typ, names     string
	docs, mentions int
	votes          map[int64]int
	aliases        map[string]int
}
