package view

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

// testDoc builds a document from text, one sentence per line, and the
// mentions named by their text and type, found in order; "Gladkov|Vyacheslav
// Gladkov" is the text Gladkov as an alias of that name. Mentions of the
// same name and type are one entity; the first two entities of every
// sentence get a cooccurrence relation, and rel adds typed relations
// between entity indexes.
func testDoc(t *testing.T, path, text string, mentions [][2]string, rels ...extract.Relation) store.Doc {
	t.Helper()
	res := &extract.Result{}
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\n")
		if strings.TrimSpace(body) != "" {
			res.Sentences = append(res.Sentences, extract.Sentence{Start: start, End: start + len(body)})
		}
		start += len(line)
	}
	sentenceOf := func(pos int) int {
		for i, s := range res.Sentences {
			if pos >= s.Start && pos < s.End {
				return i
			}
		}
		t.Fatalf("offset %d in no sentence", pos)
		return -1
	}
	ent := make(map[string]int)
	from := 0
	for _, m := range mentions {
		surface, name, _ := strings.Cut(m[0], "|")
		if name == "" {
			name = surface
		}
		i := strings.Index(text[from:], surface)
		if i < 0 {
			t.Fatalf("%q not in text after %d", surface, from)
		}
		s := from + i
		from = s + len(surface)
		key := m[1] + "/" + name
		e, ok := ent[key]
		if !ok {
			e = len(res.Entities)
			ent[key] = e
			res.Entities = append(res.Entities, extract.Entity{Name: name, Type: m[1]})
		}
		if !slices.Contains(res.Entities[e].Aliases, surface) {
			res.Entities[e].Aliases = append(res.Entities[e].Aliases, surface)
		}
		res.Entities[e].Mentions++
		res.Mentions = append(res.Mentions, extract.Mention{Start: s, End: from, Text: surface, Type: m[1], Entity: e,
			Sentence: sentenceOf(s), Source: "test", Confidence: 1})
	}
	for si, s := range res.Sentences {
		var first []int
		for _, m := range res.Mentions {
			if m.Sentence == si && (len(first) == 0 || first[0] != m.Entity) {
				first = append(first, m.Entity)
			}
		}
		if len(first) >= 2 {
			res.Relations = append(res.Relations, extract.Relation{Subject: first[0], Predicate: extract.PredicateCooccurs,
				Object: first[1], Kind: extract.KindCooccurrence, Sentence: si, Start: s.Start, End: s.End, Confidence: 0.3, Count: 1})
		}
	}
	res.Relations = append(res.Relations, rels...)
	return store.Doc{Path: path, SHA256: "sha-" + path, Size: int64(len(text)), Text: text, Result: res, ExtractorVersion: "test"}
}

// scriptArticle is an article that tries to run a script in the page.
const scriptArticle = "Governor Gladkov said <script>document.title='pwned';alert(1)</script> in Belgorod.\n\n" +
	"Vyacheslav Gladkov, governor of Belgorod Oblast, spoke.\n"

// testDB writes a small database: two articles about Gladkov and Belgorod,
// one of them with a script tag in its text, and one about Shebekino.
func testDB(t *testing.T) (*store.DB, map[string]int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "view.db")
	w, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	leads := extract.Relation{Subject: 0, Predicate: "leads", Object: 1, Kind: extract.KindTyped, Sentence: 1,
		Start: strings.Index(scriptArticle, "Vyacheslav"), End: strings.Index(scriptArticle, " Oblast") + len(" Oblast"),
		Confidence: 0.9, Rule: "appositive", Count: 1}
	docs := []store.Doc{
		testDoc(t, "a/script.txt", scriptArticle, [][2]string{{"Gladkov|Vyacheslav Gladkov", extract.Person}, {"Belgorod|Belgorod Oblast", extract.Location},
			{"Vyacheslav Gladkov", extract.Person}, {"Belgorod Oblast", extract.Location}}, leads),
		testDoc(t, "b/checkpoint.txt", "Drones struck the border checkpoint near Shebekino.\nGladkov visited Shebekino and Belgorod.\n",
			[][2]string{{"Shebekino", extract.Location}, {"Gladkov", extract.Person}, {"Shebekino", extract.Location},
				{"Belgorod", extract.Location}}),
		testDoc(t, "c/rdk.txt", "The RDK and the Kremlin traded claims.\n", [][2]string{{"RDK", extract.Organization},
			{"Kremlin", extract.Organization}}),
	}
	if _, err := w.Write(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]int64)
	rows, err := w.SQL().Query(`SELECT id, name FROM entities UNION ALL SELECT id, path FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			t.Fatal(err)
		}
		ids[name] = id
	}
	rows.Close()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, ids
}
