package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// CSVTables are the tables ExportCSV writes, in the order dossier export
// --out writes them.
var CSVTables = []string{"entities", "mentions", "relations", "documents"}

// csvTable is one exportable table: its header and the function that
// writes its rows.
type csvTable struct {
	header []string
	rows   func(db *DB, ctx context.Context, w *csv.Writer) error
}

var csvTables = map[string]csvTable{
	"entities": {
		header: []string{"id", "name", "type", "docs", "mentions", "aliases"},
		rows:   (*DB).csvEntities,
	},
	"mentions": {
		header: []string{"doc", "doc_id", "sentence", "start", "end", "cstart", "cend", "text", "type",
			"entity_id", "entity", "source", "confidence"},
		rows: (*DB).csvMentions,
	},
	"relations": {
		header: []string{"doc", "doc_id", "sentence", "subject_id", "subject", "predicate", "object_id", "object",
			"kind", "start", "end", "cstart", "cend", "evidence", "confidence", "rule", "count"},
		rows: (*DB).csvRelations,
	},
	"documents": {
		header: []string{"id", "path", "sha256", "size", "status", "error", "extractor", "tokens", "processed_at",
			"sentences", "mentions", "entities"},
		rows: (*DB).csvDocuments,
	},
}

// ExportCSV writes one table (one of CSVTables) as CSV with a header row,
// quoted as RFC 4180 says. Offsets start/end are UTF-8 bytes into the
// original file; cstart/cend are the same spans in code points.
func (db *DB) ExportCSV(ctx context.Context, w io.Writer, table string) error {
	t, ok := csvTables[table]
	if !ok {
		return fmt.Errorf("unknown table %q: want one of %s", table, strings.Join(CSVTables, ", "))
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(t.header); err != nil {
		return fmt.Errorf("write %s: %w", table, err)
	}
	if err := t.rows(db, ctx, cw); err != nil {
		return fmt.Errorf("export %s: %w", table, err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write %s: %w", table, err)
	}
	return nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func (db *DB) csvEntities(ctx context.Context, w *csv.Writer) error {
	rows, err := db.Entities(ctx, EntityFilter{})
	if err != nil {
		return err
	}
	slices.SortStableFunc(rows, func(a, b EntityRow) int { return cmp.Compare(a.ID, b.ID) })
	for _, e := range rows {
		if err := w.Write([]string{itoa(e.ID), e.Name, e.Type, itoa(int64(e.Docs)), itoa(int64(e.Mentions)),
			strings.Join(e.Aliases, "; ")}); err != nil {
			return err
		}
	}
	return nil
}

// okDocs lists the ids and paths of the processed documents, by path.
func (db *DB) okDocs(ctx context.Context) ([]int64, []string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, path FROM documents WHERE status = 'ok' ORDER BY path`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []int64
	var paths []string
	for rows.Next() {
		var id int64
		var p string
		if err := rows.Scan(&id, &p); err != nil {
			return nil, nil, err
		}
		ids, paths = append(ids, id), append(paths, p)
	}
	return ids, paths, rows.Err()
}

// eachDocRows runs query (with the document id as its one parameter) for
// every processed document and calls fn with each row and the document's
// character index.
func (db *DB) eachDocRows(ctx context.Context, query string, fn func(path string, id int64, co CharIndex, rows *sql.Rows) error) error {
	ids, paths, err := db.okDocs(ctx)
	if err != nil {
		return err
	}
	for i, id := range ids {
		co, err := db.CharOffsets(ctx, id)
		if err != nil {
			return fmt.Errorf("%s: %w", paths[i], err)
		}
		rows, err := db.sql.QueryContext(ctx, query, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := fn(paths[i], id, co, rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) csvMentions(ctx context.Context, w *csv.Writer) error {
	return db.eachDocRows(ctx, `SELECT m.sentence, m.start, m.end, m.text, m.type, m.entity_id, e.name, m.source, m.confidence
		FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ? ORDER BY m.start, m.end, m.id`,
		func(path string, id int64, co CharIndex, rows *sql.Rows) error {
			var sent, start, end int
			var eid int64
			var text, typ, name, source string
			var conf float64
			if err := rows.Scan(&sent, &start, &end, &text, &typ, &eid, &name, &source, &conf); err != nil {
				return err
			}
			return w.Write([]string{path, itoa(id), itoa(int64(sent)), itoa(int64(start)), itoa(int64(end)),
				itoa(int64(co.Char(start))), itoa(int64(co.Char(end))), text, typ, itoa(eid), name, source, ftoa(conf)})
		})
}

func (db *DB) csvRelations(ctx context.Context, w *csv.Writer) error {
	return db.eachDocRows(ctx, `SELECT sentence, subject_id, subject, predicate, object_id, object, kind, start, end,
		coalesce(evidence, ''), confidence, rule, count FROM relations_text
		WHERE doc_id = ? ORDER BY start, end, id`,
		func(path string, id int64, co CharIndex, rows *sql.Rows) error {
			var sent, start, end, count int
			var sid, oid int64
			var subj, pred, obj, kind, ev, rule string
			var conf float64
			if err := rows.Scan(&sent, &sid, &subj, &pred, &oid, &obj, &kind, &start, &end, &ev, &conf, &rule, &count); err != nil {
				return err
			}
			return w.Write([]string{path, itoa(id), itoa(int64(sent)), itoa(sid), subj, pred, itoa(oid), obj, kind,
				itoa(int64(start)), itoa(int64(end)), itoa(int64(co.Char(start))), itoa(int64(co.Char(end))),
				ev, ftoa(conf), rule, itoa(int64(count))})
		})
}

func (db *DB) csvDocuments(ctx context.Context, w *csv.Writer) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT d.id, d.path, coalesce(d.sha256, ''), d.size, d.status, coalesce(d.error, ''),
		coalesce(d.extractor, ''), d.tokens, d.processed_at,
		d.sentences,
		(SELECT count(*) FROM mentions m WHERE m.doc_id = d.id),
		(SELECT count(DISTINCT entity_id) FROM mentions m WHERE m.doc_id = d.id)
		FROM documents d ORDER BY d.path`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, size, tokens, sents, ments, ents int64
		var path, sha, status, errText, extractor, at string
		if err := rows.Scan(&id, &path, &sha, &size, &status, &errText, &extractor, &tokens, &at, &sents, &ments, &ents); err != nil {
			return err
		}
		if err := w.Write([]string{itoa(id), path, sha, itoa(size), status, errText, extractor, itoa(tokens), at,
			itoa(sents), itoa(ments), itoa(ents)}); err != nil {
			return err
		}
	}
	return rows.Err()
}
