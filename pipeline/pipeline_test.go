package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
	"github.com/dossier-nlp/dossier/store/storetest"
)

var (
	sharedX     *extract.Extractor
	sharedXOnce sync.Once
)

func extractor(t testing.TB) *extract.Extractor {
	sharedXOnce.Do(func() {
		x, err := extract.New(extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sharedX = x
	})
	return sharedX
}

// copySeeds copies the seed articles into a new folder and returns it.
func copySeeds(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) != 5 {
		t.Fatalf("want 5 seed articles, found %d", len(paths))
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openDB(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "run.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func run(t testing.TB, ctx context.Context, dir string, db *store.DB, opts Options) *Summary {
	t.Helper()
	s, err := Run(ctx, dir, db, extractor(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Check(t, db)
	return s
}

// dump is every row of the store that a run writes, except times.
func dump(t testing.TB, db *store.DB) string {
	t.Helper()
	var b bytes.Buffer
	if err := db.Export(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	rows, err := db.SQL().Query(`SELECT path, status, coalesce(error, ''), coalesce(sha256, '') FROM documents ORDER BY path`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p, s, e, h string
		rows.Scan(&p, &s, &e, &h)
		b.WriteString(strings.Join([]string{p, s, e, h}, "|") + "\n")
	}
	for _, q := range []string{"entities", "aliases", "mentions", "relations", "sentences"} {
		var n int
		db.SQL().QueryRow("SELECT count(*) FROM " + q).Scan(&n)
		fmt.Fprintf(&b, "%s %d\n", q, n)
	}
	return b.String()
}

func TestRunIsIncremental(t *testing.T) {
	dir := copySeeds(t)
	db := openDB(t)
	ctx := context.Background()
	s := run(t, ctx, dir, db, Options{})
	if s.Processed != 5 || s.Failed != 0 || s.Mentions == 0 || s.Entities == 0 {
		t.Fatalf("first run: %+v", s)
	}
	var changes int
	db.SQL().QueryRow("SELECT total_changes()").Scan(&changes)
	before := dump(t, db)
	var stamps string
	db.SQL().QueryRow("SELECT group_concat(processed_at) FROM documents").Scan(&stamps)

	s = run(t, ctx, dir, db, Options{})
	if s.Processed != 0 || s.Unchanged != 5 {
		t.Fatalf("second run: %+v, want 5 unchanged", s)
	}
	var stamps2 string
	db.SQL().QueryRow("SELECT group_concat(processed_at) FROM documents").Scan(&stamps2)
	if after := dump(t, db); after != before || stamps2 != stamps {
		t.Fatal("an unchanged re-run changed rows")
	}

	// Editing one article reprocesses that one only.
	p := filepath.Join(dir, "002_e428499bed9fc00c.txt")
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(p, append(b, []byte("\nMayor Anna Petrova of Shebekino said so.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	s = run(t, ctx, dir, db, Options{})
	if s.Processed != 1 || s.Unchanged != 4 {
		t.Fatalf("after an edit: %+v, want 1 processed and 4 unchanged", s)
	}
	s = run(t, ctx, dir, db, Options{Force: true})
	if s.Processed != 5 {
		t.Fatalf("--force: %+v", s)
	}
}

func TestRunBadInputs(t *testing.T) {
	dir := copySeeds(t)
	bad := map[string][]byte{
		"binary.txt":  {'a', 0, 1, 2, 0xff},
		"empty.txt":   {},
		"invalid.txt": []byte("Putin in \xc3\x28 Moscow"),
		"huge.txt":    bytes.Repeat([]byte("Moscow is big. "), 2000),
	}
	for name, b := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	// A symlink loop must not make discovery run forever.
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "notes.csv"), []byte("not included"), 0o644)
	db := openDB(t)
	s := run(t, context.Background(), dir, db, Options{MaxSize: 20000})
	if s.Processed != 5 || s.Failed != 5 {
		t.Fatalf("summary %+v, want 5 processed and 5 failed", s)
	}
	want := map[string]string{
		"binary.txt":  "binary file",
		"empty.txt":   "empty file",
		"invalid.txt": "invalid UTF-8",
		"huge.txt":    "file too large",
		"broken.txt":  "broken symbolic link",
	}
	failed, err := db.Failed(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != len(want) {
		t.Fatalf("failed documents %+v", failed)
	}
	for _, f := range failed {
		if !strings.HasPrefix(f.Error, want[f.Path]) {
			t.Errorf("%s: reason %q, want %q...", f.Path, f.Error, want[f.Path])
		}
	}
	for _, f := range s.Failures {
		if !strings.HasPrefix(f.Reason, want[f.Path]) {
			t.Errorf("summary: %s: reason %q", f.Path, f.Reason)
		}
	}
}

func TestRunStopAndResume(t *testing.T) {
	// Many small files, so a stop lands in the middle.
	src := copySeeds(t)
	dir := t.TempDir()
	paths, _ := filepath.Glob(filepath.Join(src, "*.txt"))
	for i := 0; i < 60; i++ {
		b, _ := os.ReadFile(paths[i%len(paths)])
		sub := filepath.Join(dir, string(rune('a'+i%6)))
		os.MkdirAll(sub, 0o755)
		os.WriteFile(filepath.Join(sub, filepath.Base(paths[i%len(paths)])[:3]+string(rune('a'+i/6))+".txt"), b[:len(b)/2+i], 0o644)
	}
	full := openDB(t)
	run(t, context.Background(), dir, full, Options{Workers: 2, BatchSize: 4})

	db := openDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	s := run(t, ctx, dir, db, Options{Workers: 2, BatchSize: 4, ProgressInterval: time.Millisecond,
		OnProgress: func(p Progress) {
			if p.Processed >= 5 {
				once.Do(cancel)
			}
		}})
	cancel()
	if !s.Stopped || s.Processed >= 60 {
		t.Fatalf("stopped run: %+v", s)
	}
	s2 := run(t, context.Background(), dir, db, Options{Workers: 2, BatchSize: 4})
	if s2.Unchanged != s.Processed || s.Processed+s2.Processed != 60 {
		t.Fatalf("resumed run %+v after stopped run %+v", s2, s)
	}
	if dump(t, db) != dump(t, full) {
		t.Fatal("stopped and resumed run differs from an uninterrupted one")
	}
}

func TestRunPrune(t *testing.T) {
	dir := copySeeds(t)
	db := openDB(t)
	ctx := context.Background()
	run(t, ctx, dir, db, Options{})
	full := dump(t, db)
	extra := filepath.Join(dir, "extra.txt")
	os.WriteFile(extra, []byte("Governor Anna Petrova of Tula Oblast met Ivan Sidorov in Tula."), 0o644)
	run(t, ctx, dir, db, Options{})
	os.Remove(extra)
	if s := run(t, ctx, dir, db, Options{}); s.Pruned != 0 {
		t.Fatalf("pruned without --prune: %+v", s)
	}
	s := run(t, ctx, dir, db, Options{Prune: true})
	if s.Pruned != 1 || s.Unchanged != 5 {
		t.Fatalf("prune: %+v", s)
	}
	if got := dump(t, db); got != full {
		t.Error("after pruning the added file the store differs from before it was added")
	}
}
