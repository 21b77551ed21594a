package store

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract"
)

// ExportDoc is one document in the JSONL export: the entities it mentions
// (with the aliases seen in it), every mention with its byte span, and its
// relations with their evidence. Gold files share this shape.
type ExportDoc struct {
	Doc  string `json:"doc"`
	Root string `json:"root,omitempty"` // the folder doc is relative to (absolute)
	// DocBytes is the path's exact bytes (base64 in JSON), given only when
	// the file name is not UTF-8 and Doc shows it escaped (see ShowPath).
	DocBytes  []byte           `json:"doc_bytes,omitempty"`
	Title     string           `json:"title"`
	Published string           `json:"published,omitempty"`
	Source    string           `json:"source,omitempty"`
	SHA256    string           `json:"sha256,omitempty"`
	Entities  []ExportEntity   `json:"entities"`
	Mentions  []ExportMention  `json:"mentions"`
	Relations []ExportRelation `json:"relations"`
}

// ExportEntity is an entity as mentioned in one document.
type ExportEntity struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"` // canonical name across all documents
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"` // surface forms seen in this document
	Mentions int      `json:"mentions"`
}

// ExportMention is one mention: Text is exactly file[Start:End], byte
// offsets; CStart and CEnd are the same span in code points, for languages
// that index strings by character (see CharOffsets).
type ExportMention struct {
	Start      int     `json:"start"`
	End        int     `json:"end"`
	CStart     int     `json:"cstart"`
	CEnd       int     `json:"cend"`
	Text       string  `json:"text"`
	Type       string  `json:"type"`
	Entity     int64   `json:"entity"`
	Sentence   int     `json:"sentence"`
	Source     string  `json:"source,omitempty"`
	Confidence float64 `json:"confidence"`
}

// ExportRelation is one relation stated in a document. Evidence is exactly
// file[Start:End] (bytes), and the code points [CStart, CEnd) of the file's
// text. Subject and Object are the entities' names as the
// document writes them (its fullest form; the canonical name when the
// document uses it).
type ExportRelation struct {
	Subject    string  `json:"subject"`
	Predicate  string  `json:"predicate"`
	Object     string  `json:"object"`
	Kind       string  `json:"kind"`
	Sentence   int     `json:"sentence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	CStart     int     `json:"cstart"`
	CEnd       int     `json:"cend"`
	Evidence   string  `json:"evidence"`
	Confidence float64 `json:"confidence"`
	Rule       string  `json:"rule,omitempty"`
	Count      int     `json:"count,omitempty"`
}

// Export writes one JSON object per processed document, ordered by folder
// and path, one per line.
func (db *DB) Export(ctx context.Context, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return db.ExportDocs(ctx, func(d ExportDoc) error {
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("write export: %w", err)
		}
		return nil
	})
}

// ExportDocs calls fn with every processed document, ordered by folder and
// path. It stops at and returns fn's first error.
func (db *DB) ExportDocs(ctx context.Context, fn func(ExportDoc) error) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT d.id, d.path, coalesce(d.sha256, ''), r.path, d.title, d.published, d.source
		FROM documents d JOIN roots r ON r.id = d.root_id WHERE d.status = 'ok' ORDER BY r.path, d.path`)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	type docRef struct {
		id                       int64
		path, sha, root          string
		title, published, source string
	}
	var docs []docRef
	for rows.Next() {
		var d docRef
		if err := rows.Scan(&d.id, &d.path, &d.sha, &d.root, &d.title, &d.published, &d.source); err != nil {
			rows.Close()
			return fmt.Errorf("export: %w", err)
		}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, d := range docs {
		ed, err := db.exportDoc(ctx, d.id)
		if err != nil {
			return fmt.Errorf("export %s: %w", d.path, err)
		}
		ed.Doc, ed.SHA256, ed.Root = ShowPath(d.path), d.sha, ShowPath(d.root)
		if !utf8.ValidString(d.path) {
			ed.DocBytes = []byte(d.path)
		}
		ed.Title, ed.Published, ed.Source = d.title, d.published, d.source
		if err := fn(ed); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) exportDoc(ctx context.Context, docID int64) (ExportDoc, error) {
	ed := ExportDoc{Entities: []ExportEntity{}, Mentions: []ExportMention{}, Relations: []ExportRelation{}}
	co, err := db.CharOffsets(ctx, docID)
	if err != nil {
		return ed, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT m.start, m.end, m.text, m.type, m.entity_id, m.sentence, m.source, m.confidence,
		e.name, e.type FROM mentions m JOIN entities e ON e.id = m.entity_id
		WHERE m.doc_id = ? ORDER BY m.start, m.end`, docID)
	if err != nil {
		return ed, err
	}
	byID := make(map[int64]int) // entity id -> index in ed.Entities
	for rows.Next() {
		var m ExportMention
		var name, typ string
		if err := rows.Scan(&m.Start, &m.End, &m.Text, &m.Type, &m.Entity, &m.Sentence, &m.Source, &m.Confidence, &name, &typ); err != nil {
			rows.Close()
			return ed, err
		}
		m.CStart, m.CEnd = co.Char(m.Start), co.Char(m.End)
		ed.Mentions = append(ed.Mentions, m)
		i, ok := byID[m.Entity]
		if !ok {
			i = len(ed.Entities)
			byID[m.Entity] = i
			ed.Entities = append(ed.Entities, ExportEntity{ID: m.Entity, Name: name, Type: typ})
		}
		e := &ed.Entities[i]
		e.Mentions++
		alias := collapseSpace(m.Text)
		if !slices.Contains(e.Aliases, alias) {
			e.Aliases = append(e.Aliases, alias)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return ed, err
	}
	// Relations name their entities as this document does: its fullest
	// form of the name, which the evidence can be checked against.
	local := make(map[int64]string, len(ed.Entities))
	for _, e := range ed.Entities {
		local[e.ID] = docName(e.Aliases, e.Name)
	}
	rows, err = db.sql.QueryContext(ctx, `SELECT subject, subject_id, predicate, object, object_id, kind, sentence, start, end,
		coalesce(evidence, ''), confidence, rule, count FROM relations_text
		WHERE doc_id = ? ORDER BY start, end, id`, docID)
	if err != nil {
		return ed, err
	}
	defer rows.Close()
	for rows.Next() {
		var r ExportRelation
		var sid, oid int64
		if err := rows.Scan(&r.Subject, &sid, &r.Predicate, &r.Object, &oid, &r.Kind, &r.Sentence, &r.Start, &r.End,
			&r.Evidence, &r.Confidence, &r.Rule, &r.Count); err != nil {
			return ed, err
		}
		r.CStart, r.CEnd = co.Char(r.Start), co.Char(r.End)
		if n, ok := local[sid]; ok {
			r.Subject = n
		}
		if n, ok := local[oid]; ok {
			r.Object = n
		}
		if r.Kind == extract.KindCooccurrence && r.Object < r.Subject {
			// Symmetric: named in one order, whatever the entities' ids.
			r.Subject, r.Object = r.Object, r.Subject
		}
		ed.Relations = append(ed.Relations, r)
	}
	return ed, rows.Err()
}

// docName is the name a document uses for an entity: the canonical name if
// the document uses it, else its alias with the most words (the first of
// those seen).
func docName(aliases []string, canonical string) string {
	if slices.Contains(aliases, canonical) || len(aliases) == 0 {
		return canonical
	}
	best := aliases[0]
	for _, a := range aliases[1:] {
		if len(strings.Fields(a)) > len(strings.Fields(best)) {
			best = a
		}
	}
	return best
}

// CharIndex converts a document's byte offsets to code-point offsets. The
// store keeps the text of every sentence, not the whole file, so the bytes
// between two sentences (white space and, rarely, a token the tokenizer
// could not place) count as one code point each: the offsets are exact
// whenever those gaps are ASCII, as they are in every seed article.
type CharIndex struct {
	sents []charSpan // by start
}

type charSpan struct {
	start, end int    // bytes in the file
	cstart     int    // code points before start
	text       string // the file's bytes [start, end)
}

// CharOffsets reads the sentences of the document with id docID and
// returns the index that converts its byte offsets to code points.
func (db *DB) CharOffsets(ctx context.Context, docID int64) (CharIndex, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT s.start, s.end, s.text FROM documents d
		JOIN sentences s ON s.id >= d.first_sentence AND s.id < d.first_sentence + d.sentences WHERE d.id = ? ORDER BY s.start`, docID)
	if err != nil {
		return CharIndex{}, fmt.Errorf("read sentences: %w", err)
	}
	defer rows.Close()
	var ci CharIndex
	prevEnd, chars := 0, 0
	for rows.Next() {
		var s charSpan
		if err := rows.Scan(&s.start, &s.end, &s.text); err != nil {
			return CharIndex{}, fmt.Errorf("read sentences: %w", err)
		}
		if s.start < prevEnd || len(s.text) != s.end-s.start {
			return CharIndex{}, fmt.Errorf("read sentences: sentence at byte %d overlaps or does not match its span", s.start)
		}
		chars += s.start - prevEnd
		s.cstart = chars
		chars += utf8.RuneCountInString(s.text)
		prevEnd = s.end
		ci.sents = append(ci.sents, s)
	}
	if err := rows.Err(); err != nil {
		return CharIndex{}, fmt.Errorf("read sentences: %w", err)
	}
	return ci, nil
}

// Char returns the code-point offset of byte offset b. An offset inside a
// sentence counts that sentence's code points; one in a gap between
// sentences counts the gap's bytes as code points.
func (ci CharIndex) Char(b int) int {
	// The last sentence starting at or before b.
	i := sort.Search(len(ci.sents), func(i int) bool { return ci.sents[i].start > b }) - 1
	if i < 0 {
		return b
	}
	s := ci.sents[i]
	if b <= s.end {
		return s.cstart + utf8.RuneCountInString(s.text[:b-s.start])
	}
	return s.cstart + utf8.RuneCountInString(s.text) + b - s.end
}
