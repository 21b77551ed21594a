package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
)

func TestOpenSetsApplicationID(t *testing.T) {
	db := newTestDB(t)
	if id := count(t, db, "PRAGMA application_id"); id != ApplicationID {
		t.Errorf("application_id = %#x, want %#x", id, ApplicationID)
	}
}

// Someone else's SQLite file is refused, by writing and by reading
// commands, and left byte for byte as it was.
func TestForeignDatabaseRefused(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		setup string
	}{
		{"tables", `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')`},
		{"another application id", `PRAGMA application_id = 1234; CREATE TABLE t (x)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "theirs.db")
			other, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := other.Exec(c.setup); err != nil {
				t.Fatal(err)
			}
			other.Close()
			before, _ := os.ReadFile(path)
			if _, err := Open(ctx, path); !errors.Is(err, ErrNotDossier) {
				t.Errorf("Open: err = %v, want ErrNotDossier", err)
			}
			if _, err := OpenReadOnly(ctx, path); !errors.Is(err, ErrNotDossier) {
				t.Errorf("OpenReadOnly: err = %v, want ErrNotDossier", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the foreign file was changed")
			}
		})
	}
}

// Two processes creating one new database at once both succeed: the
// migrations take turns.
func TestConcurrentFirstOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := Open(context.Background(), path)
			if err == nil {
				_, err = db.Write(context.Background(), []Doc{docOf(t, "d.txt", "Kyiv", [2]string{"Kyiv", extract.Location})})
				db.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
		}
	}
}

// A read-only opening reads, refuses to write with ErrReadOnly, and works
// on a database whose folder cannot take new files.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	write(t, db, docOf(t, "a.txt", "Vladimir Putin in Moscow", [2]string{"Vladimir Putin", extract.Person}, [2]string{"Moscow", extract.Location}))
	db.Close()

	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got := entityNames(t, ro); len(got) != 2 {
		t.Errorf("entities = %v", got)
	}
	if _, err := ro.Write(ctx, []Doc{docOf(t, "b.txt", "Kyiv", [2]string{"Kyiv", extract.Location})}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Write on a read-only database: err = %v, want ErrReadOnly", err)
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(dir, "missing.db")); err == nil {
		t.Error("OpenReadOnly of a missing file succeeded")
	}
	if os.Geteuid() != 0 {
		os.Chmod(path, 0o444)
		defer os.Chmod(path, 0o644)
		if _, err := Open(ctx, path); !errors.Is(err, ErrReadOnly) {
			t.Errorf("Open of a read-only file: err = %v, want ErrReadOnly", err)
		}
	}
}

// A database of schema 3 is upgraded: its documents, mentions and links
// are kept, and later writes link to its entities.
func TestMigrateFromSchema3(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite3", path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations[:3] {
		if _, err := old.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`PRAGMA user_version = 3`,
		`INSERT INTO documents (id, path, sha256, size, status, extractor, tokens, processed_at) VALUES (1, 'a.txt', 'x', 30, 'ok', 'v', 5, '2026-01-01T00:00:00Z')`,
		`INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (1, 0, 0, 30, 'Vladimir Putin and Putin again')`,
		`INSERT INTO entities (id, name, type, key) VALUES (7, 'Vladimir Putin', 'PERSON', 'vladimir putin')`,
		`INSERT INTO aliases (entity_id, alias, key, mentions) VALUES (7, 'Vladimir Putin', 'vladimir putin', 1), (7, 'Putin', 'putin', 1)`,
		`INSERT INTO mentions (doc_id, sentence, entity_id, start, end, text, type, source, confidence) VALUES
			(1, 0, 7, 0, 14, 'Vladimir Putin', 'PERSON', 't', 1), (1, 0, 7, 19, 24, 'Putin', 'PERSON', 't', 1)`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v := count(t, db, "PRAGMA user_version"); v != SchemaVersion {
		t.Errorf("user_version = %d", v)
	}
	if n := count(t, db, "SELECT count(*) FROM doc_entities"); n != 1 {
		t.Errorf("%d document entities, want 1", n)
	}
	write(t, db, docOf(t, "b.txt", "Putin spoke", [2]string{"Putin", extract.Person}))
	names := entityNames(t, db)
	if r := names["PERSON Vladimir Putin"]; r.ID != 7 || r.Mentions != 3 || r.Docs != 2 {
		t.Errorf("Vladimir Putin after the upgrade: %+v (all %v)", r, names)
	}
	var root string
	db.SQL().QueryRow(`SELECT r.path FROM documents d JOIN roots r ON r.id = d.root_id WHERE d.path = 'a.txt'`).Scan(&root)
	if root != "" {
		t.Errorf("old document's root = %q, want the empty path", root)
	}
}

// A file name that is not UTF-8 is kept byte for byte, exported escaped
// with its exact bytes beside it.
func TestNonUTF8Path(t *testing.T) {
	db := newTestDB(t)
	name := "bad\xffname.txt"
	write(t, db, docOf(t, name, "Kyiv", [2]string{"Kyiv", extract.Location}))
	var stored string
	db.SQL().QueryRow(`SELECT path FROM documents`).Scan(&stored)
	if stored != name {
		t.Errorf("stored path %q, want %q", stored, name)
	}
	var got []ExportDoc
	db.ExportDocs(context.Background(), func(d ExportDoc) error { got = append(got, d); return nil })
	if len(got) != 1 || got[0].Doc != `bad\xffname.txt` || string(got[0].DocBytes) != name {
		t.Errorf("export: %+v", got)
	}
	if ShowPath(`a\b.txt`) != `a\b.txt` || ShowPath("a\\\xfe") != `a\\\xfe` {
		t.Errorf("ShowPath: %q %q", ShowPath(`a\b.txt`), ShowPath("a\\\xfe"))
	}
}
