package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-nlp/dossier/extract"
)

// EntityFilter selects entities. Zero fields select everything.
type EntityFilter struct {
	Type  string // only this type
	Name  string // a name or alias containing this, case-insensitive
	Doc   string // only entities mentioned in the document with this path
	Limit int    // at most this many; 0 for all
}

// EntityRow is an entity with its totals over all documents.
type EntityRow struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Docs     int      `json:"docs"`
	Mentions int      `json:"mentions"`
	Aliases  []string `json:"aliases"` // most used first
}

// Entities lists entities matching f, most mentioned first.
func (db *DB) Entities(ctx context.Context, f EntityFilter) ([]EntityRow, error) {
	if err := db.checkType(ctx, f.Type); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	if f.Type != "" {
		where = append(where, "type = ?")
		args = append(args, strings.ToUpper(f.Type))
	}
	if id, ok := entityID(f.Name); ok {
		where = append(where, "id = ?")
		args = append(args, id)
	} else if f.Name != "" {
		where = append(where, "id IN (SELECT entity_id FROM aliases WHERE alias LIKE ? ESCAPE '\\')")
		args = append(args, "%"+likeEscape(f.Name)+"%")
	}
	if f.Doc != "" {
		where = append(where, "id IN (SELECT m.entity_id FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE d.path = ?)")
		args = append(args, f.Doc)
	}
	q := `SELECT id, name, type, docs, mentions,
		(SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM aliases a WHERE a.entity_id = s.id ORDER BY a.mentions DESC, a.alias))
		FROM entity_stats s`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY mentions DESC, docs DESC, name"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	defer rows.Close()
	var out []EntityRow
	for rows.Next() {
		var r EntityRow
		var aliases *string
		if err := rows.Scan(&r.ID, &r.Name, &r.Type, &r.Docs, &r.Mentions, &aliases); err != nil {
			return nil, fmt.Errorf("list entities: %w", err)
		}
		if aliases != nil {
			r.Aliases = strings.Split(*aliases, "\x1f")
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RelationFilter selects relations. Zero fields select everything.
type RelationFilter struct {
	Entity        string  // subject or object goes by this name or alias
	Predicate     string  // only this predicate
	Kind          string  // only this kind: typed, open, cooccurrence
	MinDocs       int     // stated in at least this many documents
	MinConfidence float64 // at least this confident
	Limit         int     // at most this many; 0 for all
}

// RelationRow is a relation aggregated over documents, with the evidence
// of its most confident statement.
type RelationRow struct {
	Subject     string  `json:"subject"`
	SubjectID   int64   `json:"subject_id"`
	Predicate   string  `json:"predicate"`
	Object      string  `json:"object"`
	ObjectID    int64   `json:"object_id"`
	Kind        string  `json:"kind"`
	Docs        int     `json:"docs"`
	Mentions    int     `json:"mentions"`
	Confidence  float64 `json:"confidence"`
	Evidence    string  `json:"evidence"`
	EvidenceDoc string  `json:"evidence_doc"`
	Rule        string  `json:"rule"` // the pattern or verb phrase of that evidence
}

// Relations lists relations matching f: typed first, then by the number of
// documents stating them and confidence.
func (db *DB) Relations(ctx context.Context, f RelationFilter) ([]RelationRow, error) {
	if err := db.checkRelationFilter(ctx, f); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	from := "relation_stats"
	if id, ok := entityID(f.Entity); ok {
		// Only the documents that name the entity are read.
		from = "entity_relation_stats"
		where = append(where, "entity_id = ?")
		args = append(args, id)
	} else if f.Entity != "" {
		match := `(SELECT entity_id FROM aliases WHERE key = ? OR alias LIKE ? ESCAPE '\')`
		where = append(where, "(subject_id IN "+match+" OR object_id IN "+match+")")
		k, like := extract.NormalizeName(f.Entity), "%"+likeEscape(f.Entity)+"%"
		args = append(args, k, like, k, like)
	}
	if f.Predicate != "" {
		where = append(where, "predicate = ?")
		args = append(args, f.Predicate)
	}
	if f.Kind != "" {
		where = append(where, "kind = ?")
		args = append(args, f.Kind)
	}
	if f.MinDocs > 0 {
		where = append(where, "docs >= ?")
		args = append(args, f.MinDocs)
	}
	if f.MinConfidence > 0 {
		where = append(where, "confidence >= ?")
		args = append(args, f.MinConfidence)
	}
	q := `SELECT subject, subject_id, predicate, object, object_id, kind, docs, mentions, confidence,
		coalesce(evidence, ''), evidence_doc, rule FROM ` + from
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += ` ORDER BY CASE kind WHEN 'typed' THEN 0 WHEN 'open' THEN 1 ELSE 2 END, docs DESC, confidence DESC, mentions DESC, subject, object`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list relations: %w", err)
	}
	defer rows.Close()
	var out []RelationRow
	for rows.Next() {
		var r RelationRow
		if err := rows.Scan(&r.Subject, &r.SubjectID, &r.Predicate, &r.Object, &r.ObjectID, &r.Kind,
			&r.Docs, &r.Mentions, &r.Confidence, &r.Evidence, &r.EvidenceDoc, &r.Rule); err != nil {
			return nil, fmt.Errorf("list relations: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SearchHit is a sentence matching a full-text query.
type SearchHit struct {
	Doc      string `json:"doc"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Snippet  string `json:"snippet"` // the sentence with matches in [brackets]
}

// Search finds sentences matching query, an FTS4 full-text query (words,
// "phrases", OR, prefix*, NEAR), in document order.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT d.path, s.idx, s.start, s.end,
		snippet(sentences_fts, '[', ']', '…', -1, 40)
		FROM sentences_fts f
		JOIN sentences s ON s.id = f.docid
		JOIN documents d ON d.id = s.doc_id
		WHERE sentences_fts MATCH ?
		ORDER BY d.path, s.idx LIMIT ?`, query, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var out []SearchHit
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.Doc, &h.Sentence, &h.Start, &h.End, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		h.Snippet = collapseSpace(h.Snippet)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return out, nil
}

// Stats summarises what the database holds.
type Stats struct {
	FileSize        int64          `json:"file_size"`
	FreeBytes       int64          `json:"free_bytes"` // pages the file holds but no table uses (VACUUM gives them back)
	Documents       int            `json:"documents"`
	FailedDocuments int            `json:"failed_documents"`
	Sentences       int            `json:"sentences"`
	Mentions        int            `json:"mentions"`
	Entities        int            `json:"entities"`
	EntitiesByType  map[string]int `json:"entities_by_type"`
	Relations       int            `json:"relations"`
	RelationsByKind map[string]int `json:"relations_by_kind"`
	Decisions       int            `json:"decisions"`   // merges, splits and renames recorded
	Titled          int            `json:"titled"`      // documents with a title
	Dated           int            `json:"dated"`       // documents with a publication date
	Sourced         int            `json:"sourced"`     // documents with a source
	Furniture       int            `json:"furniture"`   // sentences flagged as page furniture
	Dates           int            `json:"dates"`       // dates named in sentences
	InputBytes      int64          `json:"input_bytes"` // size of the processed documents
	Folders         []string       `json:"folders"`     // the folders documents were run from
}

// Stats counts the database's rows.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	s := Stats{FileSize: fileSize(db.path), EntitiesByType: map[string]int{}, RelationsByKind: map[string]int{}}
	if err := db.sql.QueryRowContext(ctx, `SELECT coalesce(sum(size), 0) FROM documents WHERE status = 'ok'`).Scan(&s.InputBytes); err != nil {
		return s, fmt.Errorf("count rows: %w", err)
	}
	if err := db.sql.QueryRowContext(ctx, `SELECT f.freelist_count * p.page_size FROM pragma_freelist_count f, pragma_page_size p`).Scan(&s.FreeBytes); err != nil {
		return s, fmt.Errorf("count free pages: %w", err)
	}
	roots, err := db.Roots(ctx)
	if err != nil {
		return s, err
	}
	s.Folders = roots
	err = db.sql.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents WHERE status = 'ok'),
		(SELECT count(*) FROM documents WHERE status = 'failed'),
		(SELECT count(*) FROM sentences),
		(SELECT count(*) FROM mentions),
		(SELECT count(*) FROM merges),
		(SELECT count(*) FROM documents WHERE status = 'ok' AND title <> ''),
		(SELECT count(*) FROM documents WHERE status = 'ok' AND published <> ''),
		(SELECT count(*) FROM documents WHERE status = 'ok' AND source <> ''),
		(SELECT count(*) FROM sentences WHERE furniture = 1),
		(SELECT count(*) FROM dates)`).Scan(&s.Documents, &s.FailedDocuments, &s.Sentences, &s.Mentions, &s.Decisions,
		&s.Titled, &s.Dated, &s.Sourced, &s.Furniture, &s.Dates)
	if err != nil {
		return s, fmt.Errorf("count rows: %w", err)
	}
	for _, q := range []struct {
		query string
		total *int
		by    map[string]int
	}{
		{`SELECT type, count(*) FROM entities GROUP BY type`, &s.Entities, s.EntitiesByType},
		{`SELECT kind, count(*) FROM relations GROUP BY kind`, &s.Relations, s.RelationsByKind},
	} {
		rows, err := db.sql.QueryContext(ctx, q.query)
		if err != nil {
			return s, fmt.Errorf("count rows: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return s, fmt.Errorf("count rows: %w", err)
			}
			q.by[k] = n
			*q.total += n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return s, fmt.Errorf("count rows: %w", err)
		}
	}
	return s, nil
}

// ErrInvalidFilter is returned for a filter value that names no type,
// kind or predicate the store knows; the message lists the valid ones.
var ErrInvalidFilter = errors.New("invalid filter")

// checkType reports an error unless typ is empty, one of the fixed entity
// types or a type some stored entity has.
func (db *DB) checkType(ctx context.Context, typ string) error {
	if typ == "" {
		return nil
	}
	valid, err := db.distinct(ctx, `SELECT DISTINCT type FROM entities`, extract.Person, extract.Location, extract.Organization)
	if err != nil {
		return err
	}
	if !slices.Contains(valid, strings.ToUpper(typ)) {
		return fmt.Errorf("%w: unknown type %q (valid: %s)", ErrInvalidFilter, typ, strings.Join(valid, ", "))
	}
	return nil
}

// checkRelationFilter reports an error for an unknown kind or a predicate
// that is neither typed nor stored.
func (db *DB) checkRelationFilter(ctx context.Context, f RelationFilter) error {
	if f.Kind != "" && !slices.Contains(extract.Kinds, f.Kind) {
		return fmt.Errorf("%w: unknown kind %q (valid: %s)", ErrInvalidFilter, f.Kind, strings.Join(extract.Kinds, ", "))
	}
	if f.Predicate == "" || slices.Contains(extract.TypedPredicates, f.Predicate) || f.Predicate == extract.PredicateCooccurs {
		return nil
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM relations WHERE predicate = ?`, f.Predicate).Scan(&n); err != nil {
		return fmt.Errorf("check predicate: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("%w: unknown predicate %q (valid: %s, %s, or an open relation's verb phrase as stored)",
			ErrInvalidFilter, f.Predicate, strings.Join(extract.TypedPredicates, ", "), extract.PredicateCooccurs)
	}
	return nil
}

// distinct returns fixed plus the values query gives, sorted, each once.
func (db *DB) distinct(ctx context.Context, query string, fixed ...string) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("list valid values: %w", err)
	}
	defer rows.Close()
	out := append([]string(nil), fixed...)
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("list valid values: %w", err)
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out, rows.Err()
}

// likeEscape escapes LIKE's wildcards in s.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
