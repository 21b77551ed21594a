package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

// seedsIn copies the seed articles into dir/<folder of each> and returns
// dir; folders[i] is the folder of the i-th seed in name order.
func seedsIn(t *testing.T, dir string, folders []string) {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	sort.Strings(paths)
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sub := filepath.Join(dir, folders[i%len(folders)])
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// entitySet describes a store's entities without their ids: type, name,
// aliases and mention count, one line each, sorted.
func entitySet(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows, err := db.Entities(context.Background(), store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		a := append([]string(nil), r.Aliases...)
		sort.Strings(a)
		out = append(out, fmt.Sprintf("%s %s [%s] %d/%d", r.Type, r.Name, strings.Join(a, "; "), r.Docs, r.Mentions))
	}
	sort.Strings(out)
	return out
}

// runAll runs each of runs (folders or files) into a new store, in turn.
func runAll(t *testing.T, x *extract.Extractor, runs []string) *store.DB {
	t.Helper()
	db := openDB(t)
	for _, p := range runs {
		if _, err := Run(context.Background(), p, db, x, Options{Workers: 2}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// sameEntities checks that db holds the entities *want describes (see
// entitySet), or sets *want when it is empty.
func sameEntities(t *testing.T, db *store.DB, want *string) {
	t.Helper()
	got := strings.Join(entitySet(t, db), "\n")
	if *want == "" {
		*want = got
	} else if got != *want {
		t.Errorf("entities differ from a run in name order:\n%s\n--- want\n%s", got, *want)
	}
}

func linkScore(t *testing.T, db *store.DB) *store.Report {
	t.Helper()
	f, err := os.Open("../testdata/seeds-gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := store.ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	var pred []store.ExportDoc
	if err := db.ExportDocs(context.Background(), func(d store.ExportDoc) error { pred = append(pred, d); return nil }); err != nil {
		t.Fatal(err)
	}
	return store.Evaluate(gold, pred)
}

// The entities of a run do not depend on the order its files are written
// in: the seeds in name order, in reverse order (their folders sort the
// other way) and one by one in reverse as five incremental runs give the
// same records, and link the seeds' groups across documents.
func TestLinkingIgnoresOrder(t *testing.T) {
	x := extractor(t)
	ctx := context.Background()

	forward := t.TempDir()
	seedsIn(t, forward, []string{"a", "b", "c", "d", "e"})
	reverse := t.TempDir()
	seedsIn(t, reverse, []string{"e", "d", "c", "b", "a"})

	want := ""
	for _, c := range []struct {
		name string
		runs []string
	}{
		{"name order", []string{forward}},
		{"reverse order", []string{reverse}},
		{"one run per file, last first", []string{
			filepath.Join(forward, "e"), filepath.Join(forward, "d"), filepath.Join(forward, "c"),
			filepath.Join(forward, "b"), filepath.Join(forward, "a")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := runAll(t, x, c.runs)
			sameEntities(t, db, &want)
			rep := linkScore(t, db)
			if rep.Links.Precision < 0.98 || rep.Links.F1 < 0.95 {
				t.Errorf("cross-document links P %.3f F1 %.3f, want P >= 0.98, F1 >= 0.95; splits %v, merged %v",
					rep.Links.Precision, rep.Links.F1, rep.Splits, rep.Merged)
			}
			for _, name := range []string{"Russian Volunteer Corps", "Vladimir Putin", "Kyiv"} {
				rows, err := db.Entities(ctx, store.EntityFilter{Name: name})
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, r := range rows {
					if r.Name == name {
						n++
					}
				}
				if n != 1 {
					t.Errorf("%d records named %q, want 1", n, name)
				}
			}
		})
	}
}

// Copies of articles add no record: the seeds copied into twenty folders
// give exactly the entities of one copy, each with twenty times the
// mentions.
func TestCopiesAddNoEntity(t *testing.T) {
	x := extractor(t)
	ctx := context.Background()
	one, many := openDB(t), openDB(t)
	if _, err := Run(ctx, copySeeds(t), one, x, Options{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var folders []string
	for i := range 20 {
		folders = append(folders, fmt.Sprintf("copy%02d", i))
	}
	for _, f := range folders {
		seedsIn(t, dir, []string{f})
	}
	if _, err := Run(ctx, dir, many, x, Options{}); err != nil {
		t.Fatal(err)
	}
	a, b := entitySet(t, one), entitySet(t, many)
	if len(a) != len(b) {
		t.Fatalf("one copy gives %d entities, twenty give %d", len(a), len(b))
	}
}

// A document is its folder and its path in it: two folders with the same
// file names in one database keep both, and pruning one folder leaves the
// other alone.
func TestTwoFoldersSamePaths(t *testing.T) {
	x := extractor(t)
	ctx := context.Background()
	coll := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		os.MkdirAll(filepath.Join(coll, sub), 0o755)
		text := fmt.Sprintf("Vyacheslav Gladkov, the governor of Belgorod Oblast, spoke in folder %s.\n", sub)
		os.WriteFile(filepath.Join(coll, sub, "news.txt"), []byte(text), 0o644)
	}
	db := openDB(t)
	for _, sub := range []string{"a", "b"} {
		s, err := Run(ctx, filepath.Join(coll, sub), db, x, Options{Prune: true})
		if err != nil {
			t.Fatal(err)
		}
		if s.Processed != 1 {
			t.Errorf("run of %s: %d processed, want 1", sub, s.Processed)
		}
	}
	var docs []store.ExportDoc
	db.ExportDocs(ctx, func(d store.ExportDoc) error { docs = append(docs, d); return nil })
	if len(docs) != 2 || docs[0].Doc != "news.txt" || docs[1].Doc != "news.txt" || docs[0].Root == docs[1].Root {
		t.Fatalf("export = %+v, want news.txt of both folders", docs)
	}
	if !strings.HasSuffix(docs[0].Root, "/a") || !strings.HasSuffix(docs[1].Root, "/b") {
		t.Errorf("roots %q, %q", docs[0].Root, docs[1].Root)
	}
	// A second run of a is unchanged and prunes nothing of b.
	s, err := Run(ctx, filepath.Join(coll, "a"), db, x, Options{Prune: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.Unchanged != 1 || s.Pruned != 0 {
		t.Errorf("rerun of a: %+v", s)
	}
	st, _ := db.Stats(ctx)
	if st.Documents != 2 {
		t.Errorf("stats: %d documents, want 2", st.Documents)
	}
}

// TestLinkingNewsSet runs testdata/linking (nine short news articles of
// our own: the Russian, Ukrainian and Turkish foreign ministries, two
// Johnsons, people named in full in one article and by surname in
// another) in name order and one file at a time in reverse, and expects
// the same entities and no wrong link across documents. Its Russian and
// Ukrainian "Foreign Ministry", both named beside Ukraine, were once one
// entity through the spelling rule.
func TestLinkingNewsSet(t *testing.T) {
	x := extractor(t)
	ctx := context.Background()
	paths, err := filepath.Glob("../testdata/linking/articles/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles in testdata/linking/articles: %v", err)
	}
	sort.Strings(paths)
	f, err := os.Open("../testdata/linking/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	gold, err := store.ReadGold(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	for _, c := range []struct {
		name string
		runs []string
	}{
		{"name order", []string{"../testdata/linking/articles"}},
		{"one file at a time, last first", func() []string {
			r := append([]string(nil), paths...)
			sort.Sort(sort.Reverse(sort.StringSlice(r)))
			return r
		}()},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := runAll(t, x, c.runs)
			sameEntities(t, db, &want)
			var pred []store.ExportDoc
			if err := db.ExportDocs(ctx, func(d store.ExportDoc) error { pred = append(pred, d); return nil }); err != nil {
				t.Fatal(err)
			}
			rep := store.Evaluate(gold, pred)
			if rep.Links.FP > 0 || len(rep.Merged) > 0 || rep.Links.Recall < 0.9 {
				t.Errorf("links %+v, want no wrong link and recall >= 0.9; merged %v, splits %v", rep.Links, rep.Merged, rep.Splits)
			}
		})
	}
}
