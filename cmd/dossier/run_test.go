package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/store"
	"github.com/dossier-nlp/dossier/store/storetest"
)

// TestRunFlagValues: out-of-range flag values are errors that say what is
// valid, before any database is created.
func TestRunFlagValues(t *testing.T) {
	seeds := seedsDir(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--max-size", "1e30"}, "from 1 byte to 1GiB"},
		{[]string{"--max-size", "Inf"}, "from 1 byte to 1GiB"},
		{[]string{"--max-size", "-Inf"}, "from 1 byte to 1GiB"},
		{[]string{"--max-size", "NaN"}, "give a number"},
		{[]string{"--max-size", "-5MiB"}, "from 1 byte to 1GiB"},
		{[]string{"--max-size", "0"}, "from 1 byte to 1GiB"},
		{[]string{"--max-size", "2GiB"}, "from 1 byte to 1GiB"},
		{[]string{"--max-size", "lots"}, "give a number"},
		{[]string{"--workers", "-3"}, "--workers -3: give a number from 1 to 1024, or 0"},
		{[]string{"--workers", "5000"}, "--workers 5000"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "x.db")
			code, _, errs := cli(t, append([]string{"run", seeds, "--db", db, "-q"}, tc.args...)...)
			if code != exitError || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs, tc.want)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("the database was created")
			}
		})
	}
	for _, size := range []string{"16MiB", "500k", "1GiB", "1", "2.5MB"} {
		if _, err := parseSize(size); err != nil {
			t.Errorf("parseSize(%q): %v", size, err)
		}
	}
}

// TestRunErrorSummary: a run stopped by a failing database (a trigger plays
// a full disk) still prints what was saved and that a re-run continues.
func TestRunErrorSummary(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Vyacheslav Gladkov spoke in Belgorod.",
		"b.txt": "The DISKFULL sentence names Kyiv.",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "full.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`CREATE TRIGGER disk_full BEFORE INSERT ON sentences WHEN new.text LIKE '%DISKFULL%'
		BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errs := cli(t, "run", dir, "--db", path, "-q")
	if code != exitError || !strings.Contains(errs, "database or disk is full") {
		t.Errorf("exit %d, stderr %q; want 1 and the database's error", code, errs)
	}
	for _, want := range []string{"(of 2 files)", "documents above are saved", "run the same command again to continue"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	storetest.CheckFile(t, path)
}

// TestCheckCommand: check passes on a database run writes, and fails,
// naming the problem, on one damaged behind dossier's back.
func TestCheckCommand(t *testing.T) {
	path := seededDB(t)
	storetest.CheckFile(t, path)
	code, out, errs := cli(t, "check", "--db", path)
	if code != exitOK || !strings.Contains(out, "no problems found") {
		t.Fatalf("check: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = cli(t, "check", "--db", path, "--json")
	if code != exitOK || !strings.Contains(out, `"ok": true`) {
		t.Fatalf("check --json: exit %d\n%s", code, out)
	}

	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`UPDATE mention_rows SET len = len + 100000 WHERE (doc_id, doc_entity, seq) = (SELECT doc_id, doc_entity, seq FROM mention_rows LIMIT 1)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errs = cli(t, "check", "--db", path)
	if code != exitError || !strings.Contains(out, "mention span: mention") || !strings.Contains(errs, "of the checks failed") {
		t.Errorf("check of a damaged database: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = cli(t, "check", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code != exitError || !strings.Contains(errs, "no database") {
		t.Errorf("check of a missing database: exit %d, %s", code, errs)
	}
}
