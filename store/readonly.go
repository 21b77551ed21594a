package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
)

// OpenReadOnly opens the existing database at path for reading only: it
// never creates the file or migrates its schema, and a run may keep writing
// to it meanwhile (write-ahead logging lets readers and the writer proceed
// together). It fails for a database written by a newer dossier.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_busy_timeout", "10000")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	sdb, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	sdb.SetMaxOpenConns(8)
	var v int
	if err := sdb.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open database %s: read schema version: %w", path, err)
	}
	if v > len(migrations) {
		sdb.Close()
		return nil, fmt.Errorf("open database %s: %w: version %d, this program knows up to %d", path, ErrNewerSchema, v, len(migrations))
	}
	if v < len(migrations) {
		sdb.Close()
		return nil, fmt.Errorf("open database %s: schema version %d is older than %d: open it once with a command that writes (dossier run) to upgrade it", path, v, len(migrations))
	}
	return &DB{sql: sdb, path: path}, nil
}
