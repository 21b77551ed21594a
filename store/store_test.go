package store

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
)

// newTestDB opens a fresh database in a temporary directory.
func newTestDB(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// docOf builds a Doc from text and the mentions named by their text, each
// with a type; every mention is its own entity unless it repeats a name.
func docOf(t *testing.T, path, text string, mentions ...[2]string) Doc {
	t.Helper()
	res := &extract.Result{Sentences: []extract.Sentence{{Start: 0, End: len(text)}}}
	ent := make(map[string]int)
	from := 0
	for _, m := range mentions {
		i := strings.Index(text[from:], m[0])
		if i < 0 {
			t.Fatalf("%q not in text after %d", m[0], from)
		}
		start := from + i
		from = start + len(m[0])
		key := m[1] + "/" + extract.NormalizeName(m[0])
		e, ok := ent[key]
		if !ok {
			e = len(res.Entities)
			ent[key] = e
			res.Entities = append(res.Entities, extract.Entity{Name: m[0], Type: m[1], Aliases: []string{m[0]}})
		}
		res.Entities[e].Mentions++
		res.Mentions = append(res.Mentions, extract.Mention{Start: start, End: from, Text: m[0], Type: m[1], Entity: e, Source: "test", Confidence: 1})
	}
	if len(res.Entities) >= 2 {
		res.Relations = append(res.Relations, extract.Relation{Subject: 0, Predicate: extract.PredicateCooccurs, Object: 1,
			Kind: extract.KindCooccurrence, Start: 0, End: len(text), Confidence: 0.5, Count: 1})
	}
	return Doc{Path: path, SHA256: "sha-" + path, Size: int64(len(text)), Text: text, Result: res, ExtractorVersion: "test"}
}

func write(t *testing.T, db *DB, docs ...Doc) {
	t.Helper()
	if _, err := db.Write(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

func entityNames(t *testing.T, db *DB) map[string]EntityRow {
	t.Helper()
	rows, err := db.Entities(context.Background(), EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]EntityRow)
	for _, r := range rows {
		out[r.Type+" "+r.Name] = r
	}
	return out
}

func count(t *testing.T, db *DB, query string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenSetsSchemaVersion(t *testing.T) {
	db := newTestDB(t)
	if v := count(t, db, "PRAGMA user_version"); v != SchemaVersion {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion)
	}
	if fk := count(t, db, "PRAGMA foreign_keys"); fk != 1 {
		t.Errorf("foreign_keys = %d", fk)
	}
	// Opening again applies nothing new.
	db2, err := Open(context.Background(), db.Path())
	if err != nil {
		t.Fatal(err)
	}
	db2.Close()
}

func TestOpenRejectsNewerSchema(t *testing.T) {
	db := newTestDB(t)
	if _, err := db.SQL().Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), db.Path()); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open of a newer schema: err = %v", err)
	}
}

func TestCrossDocumentLinking(t *testing.T) {
	db := newTestDB(t)
	write(t, db,
		docOf(t, "a.txt", "Vyacheslav Gladkov leads Belgorod Oblast. Russian Volunteer Corps (RDK) fighters.",
			[2]string{"Vyacheslav Gladkov", extract.Person}, [2]string{"Belgorod Oblast", extract.Location},
			[2]string{"Russian Volunteer Corps", extract.Organization}),
		docOf(t, "b.txt", "Gladkov said. The RDK claimed it. Vyacheslav Gladkov again. Anna Gladkov too.",
			[2]string{"Vyacheslav Gladkov", extract.Person}, [2]string{"Anna Gladkov", extract.Person}),
	)
	names := entityNames(t, db)
	if r := names["PERSON Vyacheslav Gladkov"]; r.Docs != 2 || r.Mentions != 2 {
		t.Errorf("Vyacheslav Gladkov: %+v, want 2 docs, 2 mentions", r)
	}
	if _, ok := names["PERSON Anna Gladkov"]; !ok {
		t.Errorf("Anna Gladkov must stay a separate person: %v", names)
	}
	// A surname alone links only when one person goes by it; here two do.
	write(t, db, docOf(t, "c.txt", "Gladkov spoke.", [2]string{"Gladkov", extract.Person}))
	names = entityNames(t, db)
	if r := names["PERSON Vyacheslav Gladkov"]; r.Mentions != 2 {
		t.Errorf("ambiguous surname joined a full name: %+v", r)
	}
	// An acronym recorded as an alias links across documents.
	d := docOf(t, "d.txt", "Russian Volunteer Corps (RDK)", [2]string{"Russian Volunteer Corps", extract.Organization})
	d.Result.Entities[0].Aliases = append(d.Result.Entities[0].Aliases, "RDK")
	d.Result.Mentions = append(d.Result.Mentions, extract.Mention{Start: 25, End: 28, Text: "RDK", Type: extract.Organization, Source: "test"})
	write(t, db, d)
	write(t, db, docOf(t, "e.txt", "the RDK said", [2]string{"RDK", extract.Organization}))
	names = entityNames(t, db)
	if r := names["ORGANIZATION Russian Volunteer Corps"]; r.Docs != 3 {
		t.Errorf("RDK should link to Russian Volunteer Corps in 3 docs: %+v (all: %v)", r, names)
	}
}

func TestReplaceDocumentRemovesOrphans(t *testing.T) {
	db := newTestDB(t)
	write(t, db, docOf(t, "a.txt", "Putin met Biden in Moscow.",
		[2]string{"Putin", extract.Person}, [2]string{"Biden", extract.Person}, [2]string{"Moscow", extract.Location}))
	write(t, db, docOf(t, "a.txt", "Putin stayed in Kyiv.",
		[2]string{"Putin", extract.Person}, [2]string{"Kyiv", extract.Location}))
	names := entityNames(t, db)
	if _, ok := names["PERSON Biden"]; ok {
		t.Errorf("Biden has no mentions left but is still stored: %v", names)
	}
	if r := names["PERSON Putin"]; r.Mentions != 1 {
		t.Errorf("Putin: %+v, want 1 mention after the replace", r)
	}
	for q, want := range map[string]int{
		"SELECT count(*) FROM documents":     1,
		"SELECT count(*) FROM mentions":      2,
		"SELECT count(*) FROM relations":     1,
		"SELECT count(*) FROM sentences":     1,
		"SELECT count(*) FROM aliases":       2,
		"SELECT count(*) FROM sentences_fts": 1,
	} {
		if got := count(t, db, q); got != want {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
}

func TestFailedDocument(t *testing.T) {
	db := newTestDB(t)
	write(t, db, docOf(t, "a.txt", "Putin spoke.", [2]string{"Putin", extract.Person}))
	// The file went bad: its rows go, the failure is recorded.
	write(t, db, Doc{Path: "a.txt", Size: 3, Err: "binary file: NUL byte at offset 1"})
	failed, err := db.Failed(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0].Error != "binary file: NUL byte at offset 1" {
		t.Fatalf("failed = %+v", failed)
	}
	if n := count(t, db, "SELECT count(*) FROM entities"); n != 0 {
		t.Errorf("%d entities left", n)
	}
	// Recording the same failure again changes nothing.
	before := failed[0].ProcessedAt
	write(t, db, Doc{Path: "a.txt", Size: 3, Err: "binary file: NUL byte at offset 1"})
	failed, _ = db.Failed(context.Background())
	if failed[0].ProcessedAt != before {
		t.Errorf("unchanged failure rewritten")
	}
}

func TestSearch(t *testing.T) {
	db := newTestDB(t)
	write(t, db, docOf(t, "a.txt", "Drones struck the border checkpoint near Shebekino.", [2]string{"Shebekino", extract.Location}))
	if hits, _ := db.Search(context.Background(), `"border checkpoint"`, 10); len(hits) != 0 {
		t.Errorf("found before the full-text index was built: %+v", hits)
	}
	if err := db.IndexText(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Rewriting the document takes its old sentences out of the index.
	write(t, db, docOf(t, "a.txt", "Drones struck the border checkpoint near Shebekino.", [2]string{"Shebekino", extract.Location}))
	if err := db.IndexText(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'checkpoint'`); n != 1 {
		t.Errorf("%d indexed sentences match, want 1", n)
	}
	if p, err := db.Check(context.Background()); err != nil || len(p) != 0 {
		t.Errorf("check: %v %v", p, err)
	}
	hits, err := db.Search(context.Background(), `"border checkpoint"`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "[border] [checkpoint]") {
		t.Fatalf("hits = %+v", hits)
	}
	if _, err := db.Search(context.Background(), `"unbalanced`, 10); err == nil {
		t.Error("malformed query: no error")
	}
}

func TestExportSlicesBack(t *testing.T) {
	db := newTestDB(t)
	text := "“Quoted” Zürich and Kraków met Vyacheslav Gladkov."
	write(t, db, docOf(t, "a.txt", text, [2]string{"Zürich", extract.Location}, [2]string{"Vyacheslav Gladkov", extract.Person}))
	var buf bytes.Buffer
	if err := db.Export(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	var d ExportDoc
	if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Mentions {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q at [%d,%d) slices to %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
	if len(d.Relations) != 1 || d.Relations[0].Evidence != text {
		t.Errorf("relations = %+v", d.Relations)
	}
}

func TestCountryNamesLinkAcrossDocuments(t *testing.T) {
	db := newTestDB(t)
	write(t, db, docOf(t, "a.txt", "the United Kingdom said", [2]string{"United Kingdom", extract.Location}))
	write(t, db, docOf(t, "b.txt", "the UK said", [2]string{"UK", extract.Location}))
	names := entityNames(t, db)
	if r := names["LOCATION United Kingdom"]; r.Docs != 2 {
		t.Errorf("UK should link to United Kingdom: %v", names)
	}
}
