package store

import (
	"context"
	"database/sql"
	"fmt"
)

// labels numbers the strings that repeat in mention and relation rows
// (types, sources, predicates, kinds, rules), as the labels table does. A
// writer adds the strings it has not seen in its own transaction; they are
// known to later transactions only once it commits.
type labels struct {
	ids   map[string]int64
	added []string // added by the open transaction
}

// loadLabels reads the labels table.
func loadLabels(ctx context.Context, q *sql.Tx) (*labels, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name FROM labels`)
	if err != nil {
		return nil, fmt.Errorf("read labels: %w", err)
	}
	defer rows.Close()
	l := &labels{ids: make(map[string]int64)}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("read labels: %w", err)
		}
		l.ids[name] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read labels: %w", err)
	}
	return l, nil
}

// label returns the number of name, adding it to the labels table when it
// is new.
func (w *writer) label(name string) (int64, error) {
	l := w.db.labels
	if id, ok := l.ids[name]; ok {
		return id, nil
	}
	var id int64
	s, err := w.stmt(`INSERT INTO labels (name) VALUES (?) RETURNING id`)
	if err != nil {
		return 0, err
	}
	if err := s.QueryRowContext(w.ctx, name).Scan(&id); err != nil {
		return 0, fmt.Errorf("add label %q: %w", name, err)
	}
	l.ids[name] = id
	l.added = append(l.added, name)
	return id, nil
}

// labelsOf returns the numbers of up to three names, in order, in an
// array, so that a row's labels cost no allocation.
func (w *writer) labelsOf(names ...string) ([3]int64, error) {
	var ids [3]int64
	for i, n := range names {
		id, err := w.label(n)
		if err != nil {
			return ids, err
		}
		ids[i] = id
	}
	return ids, nil
}

// forget drops the labels the rolled-back transaction added.
func (l *labels) forget() {
	if l == nil {
		return
	}
	for _, n := range l.added {
		delete(l.ids, n)
	}
	l.added = l.added[:0]
}

// committed keeps the labels the transaction added.
func (l *labels) committed() {
	if l != nil {
		l.added = l.added[:0]
	}
}
