package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-nlp/dossier/extract"
)

// dates inserts the dates a document's sentences name. Its sentences must
// be written already.
func (w *writer) dates(docID, firstSentence int64, text string, dates []extract.Date) error {
	if w.dateRows == nil {
		w.dateRows = newBulk(w, "dates",
			[]string{"sentence_id", "doc_id", "sentence", "start", "end", "text", "value", "end_value", "resolved"}, "")
	}
	for _, d := range dates {
		// The text is kept only when it is not the bytes the date spans.
		var dt any
		if d.Start < 0 || d.Start > d.End || d.End > len(text) || text[d.Start:d.End] != d.Text {
			dt = d.Text
		}
		resolved, err := w.label(d.Resolved)
		if err != nil {
			return err
		}
		if err := w.dateRows.add(firstSentence+int64(d.Sentence), docID, d.Sentence, d.Start, d.End, dt, d.Value, d.EndValue, resolved); err != nil {
			return fmt.Errorf("insert date: %w", err)
		}
	}
	return nil
}

// TimelineFilter selects timeline entries. Zero fields select everything.
type TimelineFilter struct {
	Entity    string // only sentences (and documents) that mention this entity: a name, an alias or an id
	From, To  string // only dates in [From, To], ISO 8601 prefixes ("2023-05")
	Furniture bool   // include page furniture (captions, credits, links)
	Limit     int    // at most this many; 0 for all
}

// TimelineEntry is a dated sentence, or a document's publication
// (Sentence -1, Text the title).
type TimelineEntry struct {
	Date     string   `json:"date"`                // ISO 8601; "--05-22" when the year is unknown
	EndDate  string   `json:"end_date,omitempty"`  // the end of a range
	DateText string   `json:"date_text,omitempty"` // the date as the text writes it
	Resolved string   `json:"resolved"`            // how missing parts were found ("stated", "publication date", ...)
	Doc      string   `json:"doc"`
	Title    string   `json:"title"`
	Sentence int      `json:"sentence"`
	Text     string   `json:"text"`
	Entities []string `json:"entities"` // the entities the sentence (or document) names
}

// Timeline lists dated sentences and documents' publication dates in date
// order, with the entities each names. It also returns how many entries
// match in all (beyond the limit).
func (db *DB) Timeline(ctx context.Context, f TimelineFilter) ([]TimelineEntry, int, error) {
	var where, dwhere []string
	var args, dargs []any
	if f.Entity != "" {
		ids, err := db.entityIDs(ctx, f.Entity)
		if err != nil {
			return nil, 0, err
		}
		in := idList(ids)
		where = append(where, "EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = t.doc_id AND m.sentence = t.sentence AND m.entity_id IN "+in+")")
		dwhere = append(dwhere, "EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id AND m.entity_id IN "+in+")")
	}
	if !f.Furniture {
		where = append(where, "s.furniture = 0")
	}
	if f.From != "" {
		where = append(where, "t.value >= ?")
		args = append(args, f.From)
		dwhere = append(dwhere, "d.published >= ?")
		dargs = append(dargs, f.From)
	}
	if f.To != "" {
		where = append(where, "t.value < ?")
		args = append(args, f.To+"\uffff")
		dwhere = append(dwhere, "d.published < ?")
		dargs = append(dargs, f.To+"\uffff")
	}
	cond := func(w []string) string {
		if len(w) == 0 {
			return ""
		}
		return " AND " + strings.Join(w, " AND ")
	}
	q := `SELECT date, end_date, date_text, resolved, doc, title, sentence, text, doc_id FROM (
		SELECT t.value AS date, t.end_value AS end_date,
			coalesce(t.text, CAST(substr(CAST(s.text AS BLOB), t.start - s.start + 1, t.end - t.start) AS TEXT)) AS date_text,
			(SELECT name FROM labels WHERE id = t.resolved) AS resolved, d.path AS doc,
			d.title AS title, s.idx AS sentence, s.text AS text, d.id AS doc_id, t.start AS pos
		  FROM dates t JOIN sentences s ON s.id = t.sentence_id JOIN documents d ON d.id = t.doc_id
		 WHERE 1` + cond(where) + `
		UNION ALL
		SELECT d.published, '', '', 'published (' || d.published_from || ')', d.path, d.title, -1, d.title, d.id, -1
		  FROM documents d WHERE d.status = 'ok' AND d.published <> ''` + cond(dwhere) + `)
		ORDER BY date, doc, sentence, pos`
	rows, err := db.sql.QueryContext(ctx, q, append(args, dargs...)...)
	if err != nil {
		return nil, 0, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []TimelineEntry
	var docIDs []int64
	total := 0
	for rows.Next() {
		total++
		if f.Limit > 0 && len(out) >= f.Limit {
			continue
		}
		var e TimelineEntry
		var docID int64
		if err := rows.Scan(&e.Date, &e.EndDate, &e.DateText, &e.Resolved, &e.Doc, &e.Title, &e.Sentence, &e.Text, &docID); err != nil {
			return nil, 0, fmt.Errorf("timeline: %w", err)
		}
		e.Text = collapseSpace(e.Text)
		out = append(out, e)
		docIDs = append(docIDs, docID)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("timeline: %w", err)
	}
	rows.Close()
	for i := range out {
		names, err := db.sentenceEntities(ctx, docIDs[i], out[i].Sentence)
		if err != nil {
			return nil, 0, fmt.Errorf("timeline: %w", err)
		}
		out[i].Entities = names
	}
	return out, total, nil
}

// sentenceEntities returns the names of the entities a sentence mentions,
// in order of first mention; sentence -1 means the whole document, most
// mentioned first.
func (db *DB) sentenceEntities(ctx context.Context, docID int64, sentence int) ([]string, error) {
	q := `SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id
		WHERE m.doc_id = ? AND m.sentence = ? GROUP BY e.id ORDER BY min(m.start)`
	args := []any{docID, sentence}
	if sentence < 0 {
		q = `SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id
			WHERE m.doc_id = ? GROUP BY e.id ORDER BY count(*) DESC, e.name LIMIT 8`
		args = args[:1]
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := []string{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}
