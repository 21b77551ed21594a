package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"
)

// Root returns the id of the folder a run reads documents from, recording
// it the first time. folder is made absolute and clean, so "./news" and
// "/home/me/news" are one root. Documents stored before roots were kept
// (schema 4) belong to the root with the empty path; the first folder run
// afterwards takes them over, as the folder they were run from.
func (db *DB) Root(ctx context.Context, folder string) (int64, error) {
	if db.readOnly {
		return 0, fmt.Errorf("record folder: %w", ErrReadOnly)
	}
	abs := folder
	if folder != "" {
		var err error
		if abs, err = filepath.Abs(folder); err != nil {
			return 0, fmt.Errorf("record folder %s: %w", folder, err)
		}
		abs = filepath.ToSlash(filepath.Clean(abs))
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("record folder %s: %w", folder, err)
	}
	defer tx.Rollback()
	id, err := rootID(ctx, tx, abs, abs != "")
	if err != nil {
		return 0, fmt.Errorf("record folder %s: %w", folder, err)
	}
	return id, tx.Commit()
}

// rootID returns the id of the root with path, creating it; with claim,
// a new root takes over the documents of the root with the empty path (a
// database from before roots were kept) when there is one.
func rootID(ctx context.Context, tx *sql.Tx, path string, claim bool) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM roots WHERE path = ?`, path).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if claim {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM roots`).Scan(&n); err != nil {
			return 0, err
		}
		if n == 1 {
			r, err := tx.ExecContext(ctx, `UPDATE roots SET path = ? WHERE path = '' AND id = 1`, path)
			if err != nil {
				return 0, err
			}
			if k, _ := r.RowsAffected(); k == 1 {
				return 1, nil
			}
		}
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO roots (path, added_at) VALUES (?, ?)`, path, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// Roots lists the folders the database has documents from, by id.
func (db *DB) Roots(ctx context.Context) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT path FROM roots ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list folders: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("list folders: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
