// Package store keeps extraction results in one SQLite file: documents,
// sentences (with a full-text index), entities linked across documents,
// their aliases and mentions, and the relations between them.
//
// The schema is in schema.sql, embedded and applied by Open; views such as
// entity_stats, relation_stats and mentions_text make the file pleasant to
// read with the sqlite3 shell. One goroutine should own writing (Write);
// queries may run concurrently with it.
package store
