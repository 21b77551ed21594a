package store_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
	"github.com/dossier-nlp/dossier/store/storetest"
)

// TestChurn writes, rewrites, fails and prunes documents made of the seed
// articles' paragraphs in a random order, and after every transaction
// expects a sound database (dossier check: among others, every document's
// sentences are exactly its range of ids), every stored document searchable
// once indexed, and in the end every document's mentions and relation spans
// the same as in a database that was given only the final documents, in
// one write.
//
// Seeds 2, 3 and 6 (DOSSIER_CHURN_SEED=N runs another) once found two
// faults: a decision recorded about an entity the same transaction removed
// (a foreign key error that stopped the run), and a name group whose
// founding document was replaced while its next document was in the same
// batch, which lost its founder and later shared its entity id with a group
// of another type.
func TestChurn(t *testing.T) {
	seeds := []int64{2, 3, 6}
	if s := os.Getenv("DOSSIER_CHURN_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("DOSSIER_CHURN_SEED=%s: %v", s, err)
		}
		seeds = []int64{n}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) { churn(t, seed) })
	}
}

func churn(t *testing.T, seed int64) {
	ctx := context.Background()
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	var paras []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			if len(strings.TrimSpace(p)) > 40 {
				paras = append(paras, p)
			}
		}
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	results := make(map[string]*extract.Result)
	docOf := func(path, text string) store.Doc {
		res, ok := results[text]
		if !ok {
			res = x.Extract(text)
			results[text] = res
		}
		return store.Doc{Path: path, SHA256: fmt.Sprintf("%x", len(text)) + path, Size: int64(len(text)), Text: text,
			Result: res, ExtractorVersion: x.Version()}
	}
	rng := rand.New(rand.NewSource(7 + seed))
	text := func() string {
		i := rng.Intn(len(paras) - 2)
		return strings.Join(paras[i:i+1+rng.Intn(3)], "\n\n")
	}

	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "churn.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	live := make(map[string]string) // path -> text of the stored, processed documents
	failed := make(map[string]bool)
	for step := 0; step < 40; step++ {
		var docs []store.Doc
		seen := make(map[string]bool)
		for n := 1 + rng.Intn(6); n > 0; n-- {
			path := fmt.Sprintf("d%02d.txt", rng.Intn(30))
			if seen[path] {
				continue
			}
			seen[path] = true
			if rng.Intn(8) == 0 {
				docs = append(docs, store.Doc{Path: path, SHA256: "bad", Size: 3, Err: "not UTF-8"})
				delete(live, path)
				failed[path] = true
				continue
			}
			d := docOf(path, text())
			docs = append(docs, d)
			live[path] = d.Text
			delete(failed, path)
		}
		if _, err := db.Write(ctx, docs); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if step%5 == 4 {
			var keep []string
			for _, p := range sortedKeys(live) {
				if rng.Intn(4) > 0 {
					keep = append(keep, p)
				}
			}
			for p := range failed {
				keep = append(keep, p)
			}
			var root int64
			if err := db.SQL().QueryRow(`SELECT id FROM roots WHERE path = ''`).Scan(&root); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Prune(ctx, root, keep); err != nil {
				t.Fatalf("step %d: prune: %v", step, err)
			}
			kept := make(map[string]bool)
			for _, p := range keep {
				kept[p] = true
			}
			for p := range live {
				if !kept[p] {
					delete(live, p)
				}
			}
		}
		if step%3 == 2 {
			if err := db.IndexText(ctx); err != nil {
				t.Fatal(err)
			}
			for p, txt := range live {
				// The document's longest word is in the index, and finds it.
				// (The index's tokenizer takes every character beyond ASCII
				// as part of a word: "Kremlin’s" is one.)
				w := ""
				for _, f := range strings.FieldsFunc(txt, func(r rune) bool {
					return r < 128 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
				}) {
					if len(f) > len(w) && strings.IndexFunc(f, func(r rune) bool { return r >= 128 }) < 0 {
						w = f
					}
				}
				var n int
				if err := db.SQL().QueryRow(`SELECT count(*) FROM sentences_fts f JOIN sentences s ON s.id = f.docid
					JOIN documents d ON d.id = s.doc_id WHERE sentences_fts MATCH ? AND d.path = ?`, w, p).Scan(&n); err != nil || n == 0 {
					t.Errorf("step %d: %q does not find %s (%v)", step, w, p, err)
				}
			}
		}
		problems, err := db.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("step %d: %s", step, p)
		}
		if t.Failed() {
			return
		}
	}
	storetest.Check(t, db)

	fresh, err := store.Open(ctx, filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	var docs []store.Doc
	for p, txt := range live {
		docs = append(docs, docOf(p, txt))
	}
	for p := range failed {
		docs = append(docs, store.Doc{Path: p, SHA256: "bad", Size: 3, Err: "not UTF-8"})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
	if _, err := fresh.Write(ctx, docs); err != nil {
		t.Fatal(err)
	}
	rows := func(db *store.DB) string {
		var sb strings.Builder
		for _, q := range []string{
			`SELECT d.path || ' ' || d.status || ' ' || d.sentences FROM documents d ORDER BY d.path`,
			`SELECT d.path || ' ' || m.start || '-' || m.end || ' ' || m.text || ' ' || m.type || ' ' || m.confidence
			   FROM mentions m JOIN documents d ON d.id = m.doc_id ORDER BY d.path, m.start`,
			`SELECT d.path || ' ' || r.kind || ' ' || r.predicate || ' ' || r.start || '-' || r.end || ' ' || r.count
			   FROM relations r JOIN documents d ON d.id = r.doc_id ORDER BY d.path, r.id`,
			`SELECT d.path || ' ' || t.date || ' ' || t.date_text || ' ' || t.sentence FROM timeline t JOIN documents d ON d.path = t.doc ORDER BY 1`,
		} {
			r, err := db.SQL().Query(q)
			if err != nil {
				t.Fatal(err)
			}
			for r.Next() {
				var s string
				if err := r.Scan(&s); err != nil {
					t.Fatal(err)
				}
				sb.WriteString(s + "\n")
			}
			r.Close()
		}
		return sb.String()
	}
	if got, want := rows(db), rows(fresh); got != want {
		t.Errorf("after the churn the documents read differently from a fresh database of the final documents:\n%s", firstDiff(got, want))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, a, b)
		}
	}
	return ""
}

// sortedKeys lists m's keys in order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
