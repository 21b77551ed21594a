package store

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"os"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

var (
	//go:embed schema.sql
	schemaV1 string
	//go:embed schema_v2.sql
	schemaV2 string
	//go:embed schema_v3.sql
	schemaV3 string
	//go:embed schema_v4.sql
	schemaV4 string
)

// migrations[i] brings a database from schema version i to version i+1.
// Append new migrations; never edit a released one.
var migrations = []string{
	schemaV1,
	schemaV2,
	schemaV3,
	schemaV4,
}

// SchemaVersion is the schema version this package writes.
var SchemaVersion = len(migrations)

// ErrNewerSchema is returned by Open for a database written by a newer
// version of dossier.
var ErrNewerSchema = errors.New("database schema is newer than this program")

// Document statuses.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// DB is an open dossier database.
type DB struct {
	sql   *sql.DB
	path  string
	rules *AliasRules // applied on every write; nil for none
}

// Open opens the database at path, creating it and bringing its schema up
// to date as needed. It turns on write-ahead logging and foreign keys.
func Open(ctx context.Context, path string) (*DB, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "10000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	sdb, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	sdb.SetMaxOpenConns(8)
	db := &DB{sql: sdb, path: path}
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

func (db *DB) migrate(ctx context.Context) error {
	var v int
	if err := db.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("%w: version %d, this program knows up to %d", ErrNewerSchema, v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		tx, err := db.sql.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
	}
	return nil
}

// Close checkpoints the write-ahead log and closes the database.
func (db *DB) Close() error {
	// Fold the WAL back into the main file so a finished database is one
	// self-contained file for the sqlite3 shell and for copying.
	db.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return db.sql.Close()
}

// SQL returns the underlying database handle for queries of one's own.
// Writing through it bypasses entity linking; prefer Write.
func (db *DB) SQL() *sql.DB { return db.sql }

// Path is the file the database was opened from.
func (db *DB) Path() string { return db.path }

// DocInfo describes a stored document.
type DocInfo struct {
	Path             string `json:"path"`
	SHA256           string `json:"sha256,omitempty"`
	Size             int64  `json:"size"`
	Status           string `json:"status"`
	Error            string `json:"error,omitempty"`
	ExtractorVersion string `json:"extractor,omitempty"`
	ProcessedAt      string `json:"processed_at"`
}

// Known returns what the store holds about the document at path, and
// whether it holds anything.
func (db *DB) Known(ctx context.Context, path string) (DocInfo, bool, error) {
	var d DocInfo
	err := db.sql.QueryRowContext(ctx, `SELECT path, coalesce(sha256, ''), size, status, coalesce(error, ''),
		coalesce(extractor, ''), processed_at FROM documents WHERE path = ?`, path).
		Scan(&d.Path, &d.SHA256, &d.Size, &d.Status, &d.Error, &d.ExtractorVersion, &d.ProcessedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return DocInfo{}, false, nil
	}
	if err != nil {
		return DocInfo{}, false, fmt.Errorf("look up document: %w", err)
	}
	return d, true, nil
}

// Failed lists the documents that could not be processed, by path.
func (db *DB) Failed(ctx context.Context) ([]DocInfo, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT path, coalesce(sha256, ''), size, status, coalesce(error, ''),
		coalesce(extractor, ''), processed_at FROM documents WHERE status = 'failed' ORDER BY path`)
	if err != nil {
		return nil, fmt.Errorf("list failed documents: %w", err)
	}
	defer rows.Close()
	var out []DocInfo
	for rows.Next() {
		var d DocInfo
		if err := rows.Scan(&d.Path, &d.SHA256, &d.Size, &d.Status, &d.Error, &d.ExtractorVersion, &d.ProcessedAt); err != nil {
			return nil, fmt.Errorf("list failed documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// fileSize is the size of the database file and its write-ahead log.
func fileSize(path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}
