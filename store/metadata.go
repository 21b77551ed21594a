package store

import (
	"context"
	"fmt"
)

// metadataArgs are a document's title, title_from, published,
// published_from, source and source_from, for the documents row.
func metadataArgs(d *Doc) []any {
	if d.Result == nil || d.Err != "" {
		return []any{"", "", "", "", "", ""}
	}
	m := d.Result.Metadata
	return []any{m.Title, m.TitleFrom, m.Published, m.PublishedFrom, m.Source, m.SourceFrom}
}

// DocumentRow is a processed document with what it says about itself.
type DocumentRow struct {
	Path          string `json:"path"`
	Title         string `json:"title"`
	TitleFrom     string `json:"title_from,omitempty"`
	Published     string `json:"published,omitempty"`
	PublishedFrom string `json:"published_from,omitempty"`
	Source        string `json:"source,omitempty"`
	SourceFrom    string `json:"source_from,omitempty"`
	Sentences     int    `json:"sentences"`
	Mentions      int    `json:"mentions"`
}

// Documents lists the processed documents, by publication date (undated
// last), then path.
func (db *DB) Documents(ctx context.Context) ([]DocumentRow, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT path, title, title_from, published, published_from, source, source_from,
		sentences, mentions FROM document_list WHERE status = 'ok' ORDER BY published = '', published, path`)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []DocumentRow
	for rows.Next() {
		var d DocumentRow
		if err := rows.Scan(&d.Path, &d.Title, &d.TitleFrom, &d.Published, &d.PublishedFrom, &d.Source, &d.SourceFrom,
			&d.Sentences, &d.Mentions); err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
