package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-nlp/dossier/store/storetest"
)

// TestRunErrorKeepsSummary: when the store fails in the middle of a run
// (here a trigger playing a full disk on the third document), Run returns
// the error with the summary of the documents committed before it, and a
// re-run continues from there.
func TestRunErrorKeepsSummary(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Vyacheslav Gladkov spoke in Belgorod.",
		"b.txt": "Dmitry Peskov spoke in Moscow.",
		"c.txt": "The DISKFULL sentence names Kyiv.",
		"d.txt": "Volodymyr Zelensky spoke in Kyiv.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := openDB(t)
	if _, err := db.SQL().Exec(`CREATE TRIGGER disk_full BEFORE INSERT ON sentences WHEN new.text LIKE '%DISKFULL%'
		BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`); err != nil {
		t.Fatal(err)
	}
	s, err := Run(context.Background(), dir, db, extractor(t), Options{Workers: 1, BatchSize: 1})
	if err == nil {
		t.Fatal("Run succeeded on a full disk")
	}
	if s == nil {
		t.Fatalf("Run returned no summary with %v", err)
	}
	if s.Processed != 2 || s.Mentions == 0 || s.Entities == 0 {
		t.Errorf("summary %+v; want 2 processed with their mentions and entities", s)
	}
	storetest.Check(t, db)

	if _, err := db.SQL().Exec(`DROP TRIGGER disk_full`); err != nil {
		t.Fatal(err)
	}
	s = run(t, context.Background(), dir, db, Options{Workers: 1, BatchSize: 1})
	if s.Processed != 2 || s.Unchanged != 2 {
		t.Errorf("re-run: %d processed, %d unchanged; want 2 and 2", s.Processed, s.Unchanged)
	}
	storetest.Check(t, db)
}
