package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// TestMigrateToMetadata opens a database written at schema 3 that holds a
// document and checks that the current schema gives it empty metadata.
func TestMigrateToMetadata(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	sdb, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations[:3] {
		if _, err := sdb.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sdb.Exec(`INSERT INTO documents (path, status, processed_at) VALUES ('a.txt', 'ok', '2023-05-24T00:00:00Z');
		INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (1, 0, 0, 5, 'Kyiv.');
		PRAGMA user_version = 3`); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open v3 database: %v", err)
	}
	defer db.Close()
	var title, published string
	var furniture int
	if err := db.SQL().QueryRow(`SELECT d.title, d.published, s.furniture FROM documents d JOIN sentences s ON s.doc_id = d.id`).
		Scan(&title, &published, &furniture); err != nil {
		t.Fatal(err)
	}
	if title != "" || published != "" || furniture != 0 {
		t.Errorf("migrated row: title %q, published %q, furniture %d", title, published, furniture)
	}
	var v int
	db.SQL().QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != SchemaVersion {
		t.Errorf("schema version %d, want %d", v, SchemaVersion)
	}
	if _, _, err := db.Timeline(context.Background(), TimelineFilter{}); err != nil {
		t.Errorf("timeline on the migrated database: %v", err)
	}
	if _, err := db.Profile(context.Background(), "Nobody", ProfileOptions{}); err == nil {
		t.Errorf("profile of an unknown name: no error")
	} else if want := fmt.Sprintf("%v %q", ErrNoEntity, "Nobody"); err.Error() != want {
		t.Errorf("profile of an unknown name: %v, want %s", err, want)
	}
}
