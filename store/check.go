package store

import (
	"context"
	"fmt"
	"sort"
)

// Problem is one inconsistency that Check found: what was checked and the
// row it fails on.
type Problem struct {
	Check  string `json:"check"`
	Detail string `json:"detail"`
}

func (p Problem) String() string { return p.Check + ": " + p.Detail }

// maxProblemsPerCheck bounds the rows listed for one check; the rest are
// counted in one last line.
const maxProblemsPerCheck = 20

// Check verifies the database: SQLite's own integrity and foreign key
// checks, then what dossier relies on: every sentence's text has the
// length of its span, every mention and every relation's evidence lies
// inside its sentence (its text is cut from there), every label exists, no
// row points to a missing document, sentence or entity, and every alias
// counts exactly the mentions written that way. It returns the problems
// found (none for a sound database); the error is for checks that could
// not run.
func (db *DB) Check(ctx context.Context) ([]Problem, error) {
	var problems []Problem
	for _, c := range []struct {
		name, query string
	}{
		// PRAGMA integrity_check answers one row "ok" when all is well. It
		// also compares the full-text index with the sentences, which
		// lacks the documents of a run that did not end until the next
		// run (or closing the database) indexes them: not a problem then.
		{"integrity", `SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'
			AND NOT (integrity_check LIKE '%sentences_fts%' AND EXISTS (SELECT 1 FROM documents WHERE indexed = 0))`},
		{"foreign keys", `SELECT format('%s row %d: no %s row for it', "table", rowid, parent) FROM pragma_foreign_key_check`},
		{"sentence span", `SELECT format('document %d sentence %d: starts at %d', doc_id, idx, start) FROM sentences WHERE start < 0`},
		{"sentence ids", `SELECT format('document %d sentence %d: id %d, not %d + %d', s.doc_id, s.idx, s.id, d.first_sentence, s.idx)
			FROM sentences s JOIN documents d ON d.id = s.doc_id
			WHERE s.id <> d.first_sentence + s.idx OR s.idx < 0 OR s.idx >= d.sentences`},
		{"sentence count", `SELECT format('document %d: %d sentences, %d recorded', d.id, coalesce(c.n, 0), d.sentences)
			FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS n FROM sentences GROUP BY doc_id) c ON c.doc_id = d.id
			WHERE coalesce(c.n, 0) <> d.sentences`},
		{"sentence document", `SELECT format('sentence %d: no document %d', id, doc_id) FROM sentences
			WHERE doc_id NOT IN (SELECT id FROM documents)`},
		{"mention sentence", `SELECT format('mention %d %Q: no sentence %d in document %d', m.id, m.text, m.sentence, m.doc_id)
			FROM mentions m LEFT JOIN sentences s ON s.id = m.sentence_id WHERE s.id IS NULL OR s.doc_id <> m.doc_id`},
		{"mention span", `SELECT format('mention %d %Q: [%d,%d) is not inside its sentence [%d,%d)', m.id, m.text, m.start, m.end, s.start, s.end)
			FROM mentions m JOIN sentences s ON s.id = m.sentence_id
			WHERE m.start < s.start OR m.end > s.end OR m.end <= m.start`},
		{"labels", `SELECT format('%s %d: no label %d', what, id, label) FROM (
				SELECT 'mention' AS what, doc_id * 16777216 + seq AS id, source AS label FROM mention_rows
				UNION ALL SELECT 'relation', doc_id * 16777216 + seq, predicate FROM relation_rows
				UNION ALL SELECT 'relation', doc_id * 16777216 + seq, kind FROM relation_rows
				UNION ALL SELECT 'relation', doc_id * 16777216 + seq, rule FROM relation_rows)
			WHERE label NOT IN (SELECT id FROM labels)`},
		{"mention document entity", `SELECT format('mention %d: document %d has no entity %d', m.doc_id * 16777216 + m.seq, m.doc_id, m.doc_entity)
			FROM mention_rows m LEFT JOIN doc_entities de ON de.doc_id = m.doc_id AND de.idx = m.doc_entity WHERE de.doc_id IS NULL`},
		{"relation document entity", `SELECT format('relation %d: document %d has no entity %d', r.doc_id * 16777216 + r.seq, r.doc_id, r.idx)
			FROM (SELECT doc_id, seq, subject_idx AS idx FROM relation_rows UNION ALL SELECT doc_id, seq, object_idx FROM relation_rows
				UNION ALL SELECT doc_id, seq, subject_idx FROM cooccurrence_rows UNION ALL SELECT doc_id, seq, object_idx FROM cooccurrence_rows) r
			LEFT JOIN doc_entities de ON de.doc_id = r.doc_id AND de.idx = r.idx WHERE de.doc_id IS NULL`},
		{"group entity", `SELECT format('name group %d %Q: no entity %d', id, name, entity_id) FROM name_groups
			WHERE entity_id NOT IN (SELECT id FROM entities) AND (docs > 0 OR mentions > 0)`},
		{"relation kind", `SELECT format('relation %d: kind %Q', id, kind) FROM relations
			WHERE kind NOT IN ('typed', 'open', 'cooccurrence')`},
		{"mention entity", `SELECT format('mention %d %Q: no entity %d', id, text, entity_id) FROM mentions
			WHERE entity_id NOT IN (SELECT id FROM entities)`},
		{"mention type", `SELECT format('mention %d %Q is a %s, its entity %d a %s', m.id, m.text, m.type, e.id, e.type)
			FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.type <> e.type`},
		{"relation sentence", `SELECT format('relation %d: no sentence %d in document %d', r.id, r.sentence, r.doc_id)
			FROM relations r JOIN documents d ON d.id = r.doc_id LEFT JOIN sentences s ON s.id = d.first_sentence + r.sentence
			WHERE s.id IS NULL OR s.doc_id <> r.doc_id`},
		{"relation evidence", `SELECT format('relation %d (%s): evidence [%d,%d) is not inside its sentence [%d,%d)', r.id, r.predicate, r.start, r.end, s.start, s.end)
			FROM relations r JOIN documents d ON d.id = r.doc_id JOIN sentences s ON s.id = d.first_sentence + r.sentence
			WHERE r.start < s.start OR r.end > s.end OR r.end < r.start`},
		{"relation entity", `SELECT format('relation %d (%s): no entity %d', id, predicate,
				CASE WHEN subject_id NOT IN (SELECT id FROM entities) THEN subject_id ELSE object_id END)
			FROM relations WHERE subject_id NOT IN (SELECT id FROM entities) OR object_id NOT IN (SELECT id FROM entities)`},
		{"alias entity", `SELECT format('alias %Q: no entity %d', alias, entity_id) FROM aliases
			WHERE entity_id NOT IN (SELECT id FROM entities)`},
		{"entity mentions", `SELECT format('entity %d %Q has no mention', id, name) FROM entities
			WHERE id NOT IN (SELECT entity_id FROM mentions)`},
	} {
		found, err := db.checkRows(ctx, c.name, c.query)
		if err != nil {
			return problems, err
		}
		problems = append(problems, found...)
	}
	found, err := db.checkAliasCounts(ctx)
	if err != nil {
		return problems, err
	}
	return append(problems, found...), nil
}

// checkRows runs query, which selects one line per problem.
func (db *DB) checkRows(ctx context.Context, check, query string) ([]Problem, error) {
	rows, err := db.sql.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", check, err)
	}
	defer rows.Close()
	var out []Problem
	n := 0
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, fmt.Errorf("check %s: %w", check, err)
		}
		if n++; n <= maxProblemsPerCheck {
			out = append(out, Problem{Check: check, Detail: d})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("check %s: %w", check, err)
	}
	return append(out, moreProblems(check, n)...), nil
}

// moreProblems is the line that counts the problems not listed.
func moreProblems(check string, n int) []Problem {
	if n <= maxProblemsPerCheck {
		return nil
	}
	return []Problem{{Check: check, Detail: fmt.Sprintf("and %d more", n-maxProblemsPerCheck)}}
}

// checkAliasCounts compares every alias's mention count with the mentions
// of its entity written that way (white space collapsed, as Write counts
// them).
func (db *DB) checkAliasCounts(ctx context.Context) ([]Problem, error) {
	const check = "alias counts"
	type key struct {
		entity int64
		alias  string
	}
	counted := make(map[key]int)
	rows, err := db.sql.QueryContext(ctx, `SELECT entity_id, coalesce(text, ''), count(*) FROM mentions GROUP BY entity_id, text`)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", check, err)
	}
	for rows.Next() {
		var k key
		var n int
		if err := rows.Scan(&k.entity, &k.alias, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("check %s: %w", check, err)
		}
		k.alias = collapseSpace(k.alias)
		counted[k] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("check %s: %w", check, err)
	}
	rows, err = db.sql.QueryContext(ctx, `SELECT entity_id, alias, mentions FROM aliases`)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", check, err)
	}
	var lines []string
	for rows.Next() {
		var k key
		var n int
		if err := rows.Scan(&k.entity, &k.alias, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("check %s: %w", check, err)
		}
		if c := counted[k]; c != n {
			lines = append(lines, fmt.Sprintf("entity %d alias %q counts %d mentions, the mentions table has %d", k.entity, k.alias, n, c))
		}
		delete(counted, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("check %s: %w", check, err)
	}
	for k, c := range counted {
		lines = append(lines, fmt.Sprintf("entity %d has %d mentions %q but no such alias", k.entity, c, k.alias))
	}
	sort.Strings(lines)
	var out []Problem
	for i, l := range lines {
		if i == maxProblemsPerCheck {
			break
		}
		out = append(out, Problem{Check: check, Detail: l})
	}
	return append(out, moreProblems(check, len(lines))...), nil
}
