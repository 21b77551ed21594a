package store

import (
	"strings"
)

// bulkRows is how many rows one multi-row INSERT carries.
const bulkRows = 64

// bulk collects the rows of one INSERT and writes them bulkRows at a time
// with one prepared multi-row statement: a statement costs the same
// bookkeeping whatever its number of rows, so this is several times
// cheaper per row than one INSERT a row.
type bulk struct {
	w    *writer
	head string // "INSERT INTO t (a, b, c) VALUES "
	row  string // one row's values: "(?, ?, ?)"
	tail string // after the values, e.g. an ON CONFLICT clause
	args []any
	rows int
}

func newBulk(w *writer, table string, cols []string, tail string) *bulk {
	return newBulkRow(w, table, cols, "("+strings.Repeat("?, ", len(cols)-1)+"?)", tail)
}

// newBulkRow is newBulk with the values of one row written out, for rows
// that compute a column ("((SELECT id FROM t WHERE k = ?), ?)"); add then
// takes the row's parameters.
func newBulkRow(w *writer, table string, cols []string, row, tail string) *bulk {
	return &bulk{
		w:    w,
		head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		row:  row,
		tail: tail,
	}
}

// add queues one row; its values must be as many as the row's parameters.
func (b *bulk) add(vals ...any) error {
	b.args = append(b.args, vals...)
	b.rows++
	if b.rows == bulkRows {
		return b.flush()
	}
	return nil
}

// flush writes the queued rows.
func (b *bulk) flush() error {
	if b.rows == 0 {
		return nil
	}
	_, err := b.w.exec(b.query(b.rows), b.args...)
	b.args, b.rows = b.args[:0], 0
	return err
}

// query is the statement for n rows.
func (b *bulk) query(n int) string {
	var sb strings.Builder
	sb.Grow(len(b.head) + n*(len(b.row)+2) + len(b.tail))
	sb.WriteString(b.head)
	for i := range n {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(b.row)
	}
	sb.WriteString(b.tail)
	return sb.String()
}
