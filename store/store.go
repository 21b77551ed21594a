package store

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
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
	//go:embed schema_v5.sql
	schemaV5 string
	//go:embed schema_v6.sql
	schemaV6 string
	//go:embed schema_v7.sql
	schemaV7 string
	//go:embed schema_v8.sql
	schemaV8 string
)

// migration brings a database from one schema version to the next: its SQL,
// then, when set, a step in Go on the same transaction.
type migration struct {
	sql  string
	post func(ctx context.Context, tx *sql.Tx) error
}

// migrations[i] brings a database from schema version i to version i+1.
// Append new migrations; never edit a released one.
var migrations = []migration{
	{sql: schemaV1},
	{sql: schemaV2},
	{sql: schemaV3},
	{sql: schemaV4, post: buildNameGroups},
	{sql: schemaV5},
	{sql: schemaV6},
	{sql: schemaV7},
	{sql: schemaV8},
}

// SchemaVersion is the schema version this package writes.
var SchemaVersion = len(migrations)

// ApplicationID is the SQLite application_id (PRAGMA application_id) that
// marks a file as a dossier database: "Doss" in ASCII.
const ApplicationID = 0x446f7373

var (
	// ErrNewerSchema is returned by Open for a database written by a newer
	// version of dossier.
	ErrNewerSchema = errors.New("database schema is newer than this program")
	// ErrNotDossier is returned by Open and OpenReadOnly for an SQLite file
	// that holds tables of some other program. The file is left unchanged.
	ErrNotDossier = errors.New("not a dossier database")
	// ErrReadOnly is returned by Open for a database file that cannot be
	// written (a read-only file or medium).
	ErrReadOnly = errors.New("database is read-only")
	// ErrNeedsUpgrade is returned by OpenReadOnly for a database of an
	// older schema that cannot be upgraded because it cannot be written.
	ErrNeedsUpgrade = errors.New("database needs an upgrade")
)

// Document statuses.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// DB is an open dossier database.
type DB struct {
	sql      *sql.DB
	path     string
	readOnly bool
	rules    *AliasRules // applied by linking; nil for none
	rulesSet bool        // rules were set by SetAliasRules, not read from the database
	links    *linkIndex  // the in-memory linking index, loaded by the first Write
	labels   *labels     // the labels table, loaded with the linking index
	// relinkAll makes the next write decide every entity again (after an
	// upgrade).
	relinkAll bool
	gen       int64 // the write generation this process last committed or read

	// known is Known's statement, prepared once: a run looks up every
	// file, and preparing the query each time cost as much as running it.
	known     *sql.Stmt
	knownErr  error
	knownOnce sync.Once
}

// Open opens the database at path for reading and writing, creating it and
// bringing its schema up to date as needed. It turns on write-ahead logging
// and foreign keys. A file of another program is refused with ErrNotDossier
// and left as it is; a file that cannot be written gives ErrReadOnly.
func Open(ctx context.Context, path string) (*DB, error) {
	if err := checkWritable(path); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		// Look before touching: opening for writing turns on the
		// write-ahead log, which changes the file.
		err := whileBusy(ctx, func() error {
			ro, err := openRO(ctx, path, false)
			if err == nil {
				ro.sql.Close()
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	q := url.Values{}
	q.Set("_busy_timeout", "30000")
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	// A writer touches the same index pages batch after batch: a 64 MiB
	// page cache keeps them, and rarer checkpoints write each page once.
	q.Set("_cache_size", "-65536")
	sdb, err := sql.Open("sqlite3", dsn(path, q))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	sdb.SetMaxOpenConns(8)
	db := &DB{sql: sdb, path: path}
	// Another process creating the same new file holds it for a moment
	// (turning on the write-ahead log takes an exclusive lock that SQLite's
	// busy timeout does not wait for): try again for a while.
	if err := whileBusy(ctx, func() error { return db.migrate(ctx) }); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}

// whileBusy calls fn again, waiting longer each time, for as long as it
// fails because another process holds the database (SQLITE_BUSY), for up
// to about ten seconds.
func whileBusy(ctx context.Context, fn func() error) error {
	for wait := 10 * time.Millisecond; ; wait *= 2 {
		err := fn()
		var se sqlite3.Error
		if err == nil || !errors.As(err, &se) || se.Code != sqlite3.ErrBusy || wait > 5*time.Second {
			return err
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// OpenReadOnly opens an existing database for reading only (SQLite's
// mode=ro), so that it works on read-only media and beside a run that is
// writing. A database of an older schema is upgraded first when the file
// can be written, else ErrNeedsUpgrade says what to do.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("open database %s: not a regular file", path)
	}
	db, err := openRO(ctx, path, false)
	if err != nil {
		// A write-ahead-log database on a read-only medium cannot make
		// its shared-memory file: read it as an unchanging file instead.
		if db, err = openRO(ctx, path, true); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	v, err := db.version(ctx)
	if err != nil {
		db.sql.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if v > len(migrations) {
		db.sql.Close()
		return nil, fmt.Errorf("open database %s: %w: version %d, this program knows up to %d", path, ErrNewerSchema, v, len(migrations))
	}
	if v == len(migrations) {
		return db, nil
	}
	db.sql.Close()
	if checkWritable(path) != nil {
		return nil, fmt.Errorf("open database %s: %w: it has schema %d, this program needs %d; open it once where it can be written (dossier run)",
			path, ErrNeedsUpgrade, v, len(migrations))
	}
	rw, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	rw.Close()
	return OpenReadOnly(ctx, path)
}

func openRO(ctx context.Context, path string, immutable bool) (*DB, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("_busy_timeout", "30000")
	q.Set("_foreign_keys", "on")
	if immutable {
		q.Set("immutable", "1")
	}
	sdb, err := sql.Open("sqlite3", dsn(path, q))
	if err != nil {
		return nil, err
	}
	sdb.SetMaxOpenConns(8)
	db := &DB{sql: sdb, path: path, readOnly: true}
	if err := db.checkOurs(ctx, sdb); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

func dsn(path string, q url.Values) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// checkWritable returns ErrReadOnly when path exists and cannot be opened
// for writing, or its folder does not take new files (the journal).
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("%w: %v", ErrReadOnly, err)
		}
		return err
	}
	f.Close()
	return nil
}

func (db *DB) version(ctx context.Context) (int, error) {
	var v int
	if err := db.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// querier is what checkOurs needs of a connection or a pool.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// checkOurs refuses a file that holds tables but is not a dossier database.
// Files of versions before the application id was set are recognised by
// their schema version and their documents table.
func (db *DB) checkOurs(ctx context.Context, q querier) error {
	var id, v, tables, docs int
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return fmt.Errorf("read application id: %w", err)
	}
	if id == ApplicationID {
		return nil
	}
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE name = 'documents')
		FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &docs); err != nil {
		return fmt.Errorf("read tables: %w", err)
	}
	switch {
	case tables == 0 && id == 0:
		return nil // a new, empty file
	case id == 0 && v >= 1 && v <= 3 && docs == 1:
		return nil // dossier before version 4 set no application id
	case id != 0:
		return fmt.Errorf("%w: its application_id is %#x (dossier's is %#x); give --db a new file name", ErrNotDossier, id, ApplicationID)
	default:
		return fmt.Errorf("%w: it holds %d tables of another program; give --db a new file name", ErrNotDossier, tables)
	}
}

// migrate brings the schema up to date on one connection, in one immediate
// transaction per version, so that two processes opening a new file at once
// take turns instead of failing. Foreign keys are off while it runs (SQLite
// rebuilds tables that way) and checked before each commit.
func (db *DB) migrate(ctx context.Context) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := db.checkOurs(ctx, conn); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	for {
		done, err := db.migrateOne(ctx, conn)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, if any, and reports whether the
// schema was already current.
func (db *DB) migrateOne(ctx context.Context, conn *sql.Conn) (bool, error) {
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE: waits for another migrating process
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return false, fmt.Errorf("%w: version %d, this program knows up to %d", ErrNewerSchema, v, len(migrations))
	}
	if v == len(migrations) {
		var id int
		if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
			return false, err
		}
		if id != ApplicationID {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
				return false, err
			}
			return true, tx.Commit()
		}
		return true, nil
	}
	m := migrations[v]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migrate to schema %d: %w", v+1, err)
	}
	if m.post != nil {
		if err := m.post(ctx, tx); err != nil {
			return false, fmt.Errorf("migrate to schema %d: %w", v+1, err)
		}
	}
	var bad int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&bad); err != nil {
		return false, fmt.Errorf("migrate to schema %d: check foreign keys: %w", v+1, err)
	}
	if bad > 0 {
		return false, fmt.Errorf("migrate to schema %d: %d rows break foreign keys", v+1, bad)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", v+1, ApplicationID)); err != nil {
		return false, fmt.Errorf("migrate to schema %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to schema %d: %w", v+1, err)
	}
	return false, nil
}

// Close checkpoints the write-ahead log and closes the database.
func (db *DB) Close() error {
	if db.known != nil {
		db.known.Close()
	}
	if db.readOnly {
		return db.sql.Close()
	}
	ierr := db.IndexText(context.Background())
	// Fold the WAL back into the main file so a finished database is one
	// self-contained file for the sqlite3 shell and for copying.
	db.sql.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	if err := db.sql.Close(); err != nil {
		return err
	}
	return ierr
}

// SQL returns the underlying database handle for queries of one's own.
// Writing through it bypasses entity linking; prefer Write.
func (db *DB) SQL() *sql.DB { return db.sql }

// Path is the file the database was opened from.
func (db *DB) Path() string { return db.path }

// DocInfo describes a stored document.
type DocInfo struct {
	Root             string `json:"root"` // the folder it was run from
	Path             string `json:"path"`
	SHA256           string `json:"sha256,omitempty"`
	Size             int64  `json:"size"`
	Status           string `json:"status"`
	Error            string `json:"error,omitempty"`
	ExtractorVersion string `json:"extractor,omitempty"`
	ProcessedAt      string `json:"processed_at"`
}

// Known returns what the store holds about the document at path in root
// (from Root; 0 for the root with the empty path), and whether it holds
// anything.
func (db *DB) Known(ctx context.Context, root int64, path string) (DocInfo, bool, error) {
	var d DocInfo
	db.knownOnce.Do(func() {
		db.known, db.knownErr = db.sql.PrepareContext(context.WithoutCancel(ctx), `SELECT d.path, coalesce(sha256, ''), size, status, coalesce(error, ''),
		coalesce(extractor, ''), processed_at, r.path FROM documents d JOIN roots r ON r.id = d.root_id
		WHERE d.path = ? AND (r.id = ? OR ? = 0 AND r.path = '')`)
	})
	if db.knownErr != nil {
		return DocInfo{}, false, fmt.Errorf("look up document: %w", db.knownErr)
	}
	err := db.known.QueryRowContext(ctx, path, root, root).
		Scan(&d.Path, &d.SHA256, &d.Size, &d.Status, &d.Error, &d.ExtractorVersion, &d.ProcessedAt, &d.Root)
	if errors.Is(err, sql.ErrNoRows) {
		return DocInfo{}, false, nil
	}
	if err != nil {
		return DocInfo{}, false, fmt.Errorf("look up document: %w", err)
	}
	return d, true, nil
}

// Failed lists the documents that could not be processed, by folder and
// path.
func (db *DB) Failed(ctx context.Context) ([]DocInfo, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT d.path, coalesce(sha256, ''), size, status, coalesce(error, ''),
		coalesce(extractor, ''), processed_at, r.path FROM documents d JOIN roots r ON r.id = d.root_id
		WHERE status = 'failed' ORDER BY r.path, d.path`)
	if err != nil {
		return nil, fmt.Errorf("list failed documents: %w", err)
	}
	defer rows.Close()
	var out []DocInfo
	for rows.Next() {
		var d DocInfo
		if err := rows.Scan(&d.Path, &d.SHA256, &d.Size, &d.Status, &d.Error, &d.ExtractorVersion, &d.ProcessedAt, &d.Root); err != nil {
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
