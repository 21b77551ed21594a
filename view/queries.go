package view

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// This file holds every SQL query of the web view. They read the tables
// and views of store/schema.sql (documents, sentences, sentences_fts,
// entities, aliases, mentions, relations, entity_stats, relations_text,
// relation_stats, entity_relation_stats) and nothing else.

// errNotFound is returned for an id the database does not hold.
var errNotFound = errors.New("not found")

// entityItem is one row of the entity list.
type entityItem struct {
	ID       int64
	Name     string
	Type     string
	Docs     int
	Mentions int
	Aliases  string
}

// typeCount is an entity type and how many entities have it.
type typeCount struct {
	Type  string
	Count int
}

func likePattern(s string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
}

// listEntities returns one page of the entities whose name or an alias
// contains q and whose type is typ (both optional), most mentioned first,
// and how many match in all.
func listEntities(ctx context.Context, db *sql.DB, q, typ string, offset, limit int) ([]entityItem, int, error) {
	where := []string{"1 = 1"}
	var args []any
	if q != "" {
		where = append(where, `id IN (SELECT entity_id FROM aliases WHERE alias LIKE ? ESCAPE '\')`)
		args = append(args, likePattern(q))
	}
	if typ != "" {
		where = append(where, "type = ?")
		args = append(args, typ)
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM entities WHERE "+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count entities: %w", err)
	}
	rows, err := db.QueryContext(ctx, `SELECT id, name, type, docs, mentions, coalesce(aliases, '') FROM entity_stats
		WHERE `+cond+` ORDER BY mentions DESC, docs DESC, name, id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("list entities: %w", err)
	}
	defer rows.Close()
	var out []entityItem
	for rows.Next() {
		var e entityItem
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Docs, &e.Mentions, &e.Aliases); err != nil {
			return nil, 0, fmt.Errorf("list entities: %w", err)
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}

// entityTypes lists the entity types present, most common first.
func entityTypes(ctx context.Context, db *sql.DB) ([]typeCount, error) {
	rows, err := db.QueryContext(ctx, `SELECT type, count(*) FROM entities GROUP BY type ORDER BY count(*) DESC, type`)
	if err != nil {
		return nil, fmt.Errorf("list entity types: %w", err)
	}
	defer rows.Close()
	var out []typeCount
	for rows.Next() {
		var t typeCount
		if err := rows.Scan(&t.Type, &t.Count); err != nil {
			return nil, fmt.Errorf("list entity types: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// aliasCount is a surface form and how many mentions use it.
type aliasCount struct {
	Alias    string
	Mentions int
}

// docCount is a document and how many mentions of something it holds.
type docCount struct {
	ID       int64
	Path     string
	Mentions int
}

// relationItem is a relation aggregated over documents, as listed on pages.
type relationItem struct {
	SubjectID   int64
	Subject     string
	Predicate   string
	ObjectID    int64
	Object      string
	Kind        string
	Docs        int
	Mentions    int
	Confidence  float64
	Evidence    string
	EvidenceDoc int64 // 0 when the document is gone
	Rule        string
}

// contextItem is a mention inside its sentence.
type contextItem struct {
	DocID    int64
	Path     string
	Sentence int
	Before   string
	Text     string
	After    string
}

// entityPage is everything the entity page shows.
type entityPage struct {
	entityItem
	AliasCounts  []aliasCount
	Documents    []docCount
	Relations    []relationItem
	CoMentioned  []relationItem
	Contexts     []contextItem
	MoreContexts int // mentions not shown
}

// contextLimit is how many mentions in context the entity page shows.
const contextLimit = 100

func loadEntity(ctx context.Context, db *sql.DB, id int64) (entityPage, error) {
	var p entityPage
	err := db.QueryRowContext(ctx, `SELECT id, name, type, docs, mentions, coalesce(aliases, '') FROM entity_stats WHERE id = ?`, id).
		Scan(&p.ID, &p.Name, &p.Type, &p.Docs, &p.Mentions, &p.Aliases)
	if errors.Is(err, sql.ErrNoRows) {
		return p, errNotFound
	}
	if err != nil {
		return p, fmt.Errorf("read entity %d: %w", id, err)
	}
	if err := scanAll(ctx, db, `SELECT alias, mentions FROM aliases WHERE entity_id = ? ORDER BY mentions DESC, alias`,
		[]any{id}, func(rows *sql.Rows) error {
			var a aliasCount
			err := rows.Scan(&a.Alias, &a.Mentions)
			p.AliasCounts = append(p.AliasCounts, a)
			return err
		}); err != nil {
		return p, fmt.Errorf("read aliases of %d: %w", id, err)
	}
	if err := scanAll(ctx, db, `SELECT d.id, d.path, count(*) FROM mentions m JOIN documents d ON d.id = m.doc_id
		WHERE m.entity_id = ? GROUP BY d.id ORDER BY count(*) DESC, d.path`, []any{id}, func(rows *sql.Rows) error {
		var d docCount
		err := rows.Scan(&d.ID, &d.Path, &d.Mentions)
		p.Documents = append(p.Documents, d)
		return err
	}); err != nil {
		return p, fmt.Errorf("read documents of %d: %w", id, err)
	}
	rels, err := entityRelations(ctx, db, id, "kind != 'cooccurrence'", 500)
	if err != nil {
		return p, err
	}
	p.Relations = rels
	if p.CoMentioned, err = entityRelations(ctx, db, id, "kind = 'cooccurrence'", 25); err != nil {
		return p, err
	}
	if err := scanAll(ctx, db, `SELECT d.id, d.path, m.sentence, m.start - s.start, m.end - s.start, s.text
		FROM mentions m JOIN documents d ON d.id = m.doc_id JOIN sentences s ON s.id = m.sentence_id
		WHERE m.entity_id = ? ORDER BY d.path, m.start LIMIT ?`, []any{id, contextLimit}, func(rows *sql.Rows) error {
		var c contextItem
		var from, to int
		var text string
		if err := rows.Scan(&c.DocID, &c.Path, &c.Sentence, &from, &to, &text); err != nil {
			return err
		}
		if from < 0 || to > len(text) || from > to {
			return fmt.Errorf("mention at %d..%d lies outside its sentence", from, to)
		}
		c.Before, c.Text, c.After = text[:from], text[from:to], text[to:]
		p.Contexts = append(p.Contexts, c)
		return nil
	}); err != nil {
		return p, fmt.Errorf("read mentions of %d: %w", id, err)
	}
	p.MoreContexts = max(0, p.Mentions-len(p.Contexts))
	return p, nil
}

// entityRelations lists the aggregated relations of entity id that meet
// cond (a condition on entity_relation_stats), the best attested first.
func entityRelations(ctx context.Context, db *sql.DB, id int64, cond string, limit int) ([]relationItem, error) {
	var out []relationItem
	err := scanAll(ctx, db, `SELECT r.subject_id, r.subject, r.predicate, r.object_id, r.object, r.kind, r.docs, r.mentions,
		r.confidence, coalesce(r.evidence, ''), coalesce(d.id, 0), r.rule
		FROM entity_relation_stats r LEFT JOIN documents d ON d.path = r.evidence_doc
		WHERE r.entity_id = ? AND `+cond+`
		ORDER BY CASE r.kind WHEN 'typed' THEN 0 WHEN 'open' THEN 1 ELSE 2 END, r.docs DESC, r.mentions DESC, r.confidence DESC, r.subject, r.object
		LIMIT ?`, []any{id, limit}, func(rows *sql.Rows) error {
		var r relationItem
		err := rows.Scan(&r.SubjectID, &r.Subject, &r.Predicate, &r.ObjectID, &r.Object, &r.Kind, &r.Docs, &r.Mentions,
			&r.Confidence, &r.Evidence, &r.EvidenceDoc, &r.Rule)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read relations of %d: %w", id, err)
	}
	return out, nil
}

// docInfo is a document's row.
type docInfo struct {
	ID          int64
	Path        string
	SHA256      string
	Size        int64
	Status      string
	Error       string
	Tokens      int
	ProcessedAt string
}

// sentenceRow is a stored sentence.
type sentenceRow struct {
	Idx        int
	Start, End int
	Text       string
}

// mentionRow is a stored mention with its entity's canonical name.
type mentionRow struct {
	Start, End int
	Type       string
	EntityID   int64
	Entity     string
}

// docRelation is one relation stated in a document.
type docRelation struct {
	SubjectID  int64
	Subject    string
	Predicate  string
	ObjectID   int64
	Object     string
	Kind       string
	Sentence   int
	Evidence   string
	Confidence float64
}

// docData is everything the document page reads.
type docData struct {
	docInfo
	Sentences []sentenceRow
	Mentions  []mentionRow // by start
	Relations []docRelation
	Entities  []entityItem // the entities it mentions, with mentions counted in it
}

func loadDocument(ctx context.Context, db *sql.DB, id int64) (docData, error) {
	var d docData
	err := db.QueryRowContext(ctx, `SELECT id, path, coalesce(sha256, ''), size, status, coalesce(error, ''), tokens, processed_at
		FROM documents WHERE id = ?`, id).Scan(&d.ID, &d.Path, &d.SHA256, &d.Size, &d.Status, &d.Error, &d.Tokens, &d.ProcessedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return d, errNotFound
	}
	if err != nil {
		return d, fmt.Errorf("read document %d: %w", id, err)
	}
	if err := scanAll(ctx, db, `SELECT s.idx, s.start, s.end, s.text FROM documents d
		JOIN sentences s ON s.id >= d.first_sentence AND s.id < d.first_sentence + d.sentences WHERE d.id = ? ORDER BY s.start`, []any{id},
		func(rows *sql.Rows) error {
			var s sentenceRow
			err := rows.Scan(&s.Idx, &s.Start, &s.End, &s.Text)
			d.Sentences = append(d.Sentences, s)
			return err
		}); err != nil {
		return d, fmt.Errorf("read sentences of %d: %w", id, err)
	}
	if err := scanAll(ctx, db, `SELECT m.start, m.end, m.type, m.entity_id, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id
		WHERE m.doc_id = ? ORDER BY m.start, m.end DESC`, []any{id}, func(rows *sql.Rows) error {
		var m mentionRow
		err := rows.Scan(&m.Start, &m.End, &m.Type, &m.EntityID, &m.Entity)
		d.Mentions = append(d.Mentions, m)
		return err
	}); err != nil {
		return d, fmt.Errorf("read mentions of %d: %w", id, err)
	}
	if err := scanAll(ctx, db, `SELECT subject_id, subject, predicate, object_id, object, kind, sentence, coalesce(evidence, ''), confidence
		FROM relations_text WHERE doc_id = ? AND kind != 'cooccurrence'
		ORDER BY CASE kind WHEN 'typed' THEN 0 ELSE 1 END, start, id`, []any{id}, func(rows *sql.Rows) error {
		var r docRelation
		err := rows.Scan(&r.SubjectID, &r.Subject, &r.Predicate, &r.ObjectID, &r.Object, &r.Kind, &r.Sentence, &r.Evidence, &r.Confidence)
		d.Relations = append(d.Relations, r)
		return err
	}); err != nil {
		return d, fmt.Errorf("read relations of %d: %w", id, err)
	}
	if err := scanAll(ctx, db, `SELECT e.id, e.name, e.type, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id
		WHERE m.doc_id = ? GROUP BY e.id ORDER BY count(*) DESC, e.name`, []any{id}, func(rows *sql.Rows) error {
		var e entityItem
		err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Mentions)
		d.Entities = append(d.Entities, e)
		return err
	}); err != nil {
		return d, fmt.Errorf("read entities of %d: %w", id, err)
	}
	return d, nil
}

// docItem is one row of the document list.
type docItem struct {
	ID       int64
	Path     string
	Status   string
	Error    string
	Size     int64
	Mentions int
	Entities int
}

// listDocuments returns one page of the documents, by path, and how many
// there are.
func listDocuments(ctx context.Context, db *sql.DB, offset, limit int) ([]docItem, int, error) {
	var total int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count documents: %w", err)
	}
	var out []docItem
	err := scanAll(ctx, db, `SELECT d.id, d.path, d.status, coalesce(d.error, ''), d.size,
		(SELECT count(*) FROM mentions m WHERE m.doc_id = d.id),
		(SELECT count(DISTINCT entity_id) FROM mentions m WHERE m.doc_id = d.id)
		FROM documents d ORDER BY d.path, d.id LIMIT ? OFFSET ?`, []any{limit, offset}, func(rows *sql.Rows) error {
		var d docItem
		err := rows.Scan(&d.ID, &d.Path, &d.Status, &d.Error, &d.Size, &d.Mentions, &d.Entities)
		out = append(out, d)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list documents: %w", err)
	}
	return out, total, nil
}

// searchHit is a sentence matching a full-text query, cut into the parts
// that match and those that do not.
type searchHit struct {
	DocID    int64
	Path     string
	Sentence int
	Parts    []snippetPart
}

type snippetPart struct {
	Text  string
	Match bool
}

// Markers around the matches in FTS snippets: control characters that
// stored sentences do not contain and that templates never show.
const (
	matchOpen  = "\x02"
	matchClose = "\x03"
)

// searchSentences runs an FTS4 query over the sentences and returns one
// page of hits in document order and whether there are more.
func searchSentences(ctx context.Context, db *sql.DB, q string, offset, limit int) ([]searchHit, bool, error) {
	var out []searchHit
	err := scanAll(ctx, db, `SELECT d.id, d.path, s.idx, snippet(sentences_fts, ?, ?, '…', -1, 64)
		FROM sentences_fts f JOIN sentences s ON s.id = f.docid JOIN documents d ON d.id = s.doc_id
		WHERE sentences_fts MATCH ? ORDER BY d.path, s.idx LIMIT ? OFFSET ?`,
		[]any{matchOpen, matchClose, q, limit + 1, offset}, func(rows *sql.Rows) error {
			var h searchHit
			var snip string
			if err := rows.Scan(&h.DocID, &h.Path, &h.Sentence, &snip); err != nil {
				return err
			}
			h.Parts = splitSnippet(snip)
			out = append(out, h)
			return nil
		})
	if err != nil {
		return nil, false, err
	}
	more := len(out) > limit
	if more {
		out = out[:limit]
	}
	return out, more, nil
}

// splitSnippet cuts an FTS snippet at its match markers.
func splitSnippet(s string) []snippetPart {
	var parts []snippetPart
	for s != "" {
		i := strings.Index(s, matchOpen)
		if i < 0 {
			parts = append(parts, snippetPart{Text: s})
			break
		}
		if i > 0 {
			parts = append(parts, snippetPart{Text: s[:i]})
		}
		s = s[i+len(matchOpen):]
		j := strings.Index(s, matchClose)
		if j < 0 {
			j = len(s)
		}
		parts = append(parts, snippetPart{Text: s[:j], Match: true})
		s = strings.TrimPrefix(s[j:], matchClose)
	}
	return parts
}

// scanAll runs query and calls scan for every row.
func scanAll(ctx context.Context, db *sql.DB, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
