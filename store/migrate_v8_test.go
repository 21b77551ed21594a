package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
)

// schema7 writes a database of schema 7 at path: two documents of two
// sentences, whose sentence ids are interleaved when interleave is set
// (a document's sentences need not have been consecutive then), with
// mentions, a co-occurrence, a typed relation and a date.
func schema7(t *testing.T, path string, interleave bool) {
	t.Helper()
	old, err := sql.Open("sqlite3", path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	for _, m := range migrations[:7] {
		if _, err := old.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
		if m.post != nil {
			tx, err := old.Begin()
			if err != nil {
				t.Fatal(err)
			}
			if err := m.post(context.Background(), tx); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
		}
	}
	ids := [4]int{1, 2, 3, 4} // doc 1's two sentences, then doc 2's
	if interleave {
		ids = [4]int{1, 3, 2, 4}
	}
	label := func(name string) string { return fmt.Sprintf("(SELECT id FROM labels WHERE name = '%s')", name) }
	for _, q := range []string{
		`PRAGMA user_version = 7`,
		fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID),
		`INSERT OR IGNORE INTO labels (name) VALUES ('PERSON'), ('LOCATION'), ('tagger'), ('cooccurrence'), ('typed'),
			('co_occurs'), ('same-sentence'), ('speaks_for'), ('pattern')`,
		`INSERT INTO roots (id, path, added_at) VALUES (1, '/news', '2026-01-01T00:00:00Z')`,
		`INSERT INTO documents (id, root_id, path, sha256, size, status, extractor, tokens, processed_at, indexed) VALUES
			(1, 1, 'a.txt', 'x', 37, 'ok', 'v', 8, '2026-01-01T00:00:00Z', 1),
			(2, 1, 'b.txt', 'y', 48, 'ok', 'v', 12, '2026-01-01T00:00:00Z', 1)`,
		fmt.Sprintf(`INSERT INTO sentences (id, doc_id, idx, start, end, text) VALUES
			(%d, 1, 0, 0, 22, 'Putin spoke in Moscow.'), (%d, 1, 1, 23, 37, 'Peskov agreed.'),
			(%d, 2, 0, 0, 33, 'Peskov is the spokesman of Putin.'), (%d, 2, 1, 34, 48, 'It was May 23.')`, ids[0], ids[1], ids[2], ids[3]),
		`INSERT INTO sentences_fts (docid, text) SELECT id, text FROM sentences`,
		`INSERT INTO entities (id, name, type, key) VALUES (10, 'Putin', 'PERSON', 'putin'), (11, 'Peskov', 'PERSON', 'peskov'),
			(12, 'Moscow', 'LOCATION', 'moscow')`,
		`INSERT INTO aliases (entity_id, alias, key, mentions) VALUES (10, 'Putin', 'putin', 2), (11, 'Peskov', 'peskov', 2),
			(12, 'Moscow', 'moscow', 1)`,
		`INSERT INTO name_groups (id, type, names, name, entity_id, docs, mentions, founder) VALUES
			(1, 'PERSON', 'putin', 'Putin', 10, 2, 2, 1048576), (2, 'PERSON', 'peskov', 'Peskov', 11, 2, 2, 1048578),
			(3, 'LOCATION', 'moscow', 'Moscow', 12, 1, 1, 1048577)`,
		`INSERT INTO group_aliases (group_id, alias, mentions) VALUES (1, 'Putin', 2), (2, 'Peskov', 2), (3, 'Moscow', 1)`,
		`INSERT INTO doc_entities (doc_id, idx, group_id) VALUES (1, 0, 1), (1, 1, 3), (1, 2, 2), (2, 0, 2), (2, 1, 1)`,
		`INSERT INTO mention_rows (doc_id, doc_entity, seq, sentence, start, end, type, source, confidence) VALUES
			(1, 0, 0, 0, 0, 5, ` + label("PERSON") + `, ` + label("tagger") + `, 0.98765),
			(1, 1, 1, 0, 15, 21, ` + label("LOCATION") + `, ` + label("tagger") + `, 0.9),
			(1, 2, 2, 1, 23, 29, ` + label("PERSON") + `, ` + label("tagger") + `, 0.95),
			(2, 0, 0, 0, 0, 6, ` + label("PERSON") + `, ` + label("tagger") + `, 0.97),
			(2, 1, 1, 0, 27, 32, ` + label("PERSON") + `, ` + label("tagger") + `, 0.99)`,
		`INSERT INTO relation_rows (doc_id, seq, sentence, subject_idx, object_idx, kind, predicate, start, end, confidence, rule, count) VALUES
			(1, 0, 0, 0, 1, ` + label("cooccurrence") + `, NULL, 0, 22, NULL, NULL, 1),
			(2, 0, 0, 0, 1, ` + label("cooccurrence") + `, NULL, 0, 33, NULL, NULL, 2),
			(2, 1, 0, 0, 1, ` + label("typed") + `, ` + label("speaks_for") + `, 0, 33, 0.87654, ` + label("pattern") + `, 1)`,
		fmt.Sprintf(`INSERT INTO dates (id, sentence_id, doc_id, sentence, start, end, text, value, end_value, resolved) VALUES
			(1, %d, 2, 1, 41, 47, 'May 23', '--05-23', '', 'no year')`, ids[3]),
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// A database of schema 7 is upgraded to 8 whether or not its documents'
// sentences were consecutive: every view reads as before (confidences in
// thousandths), the full-text index finds the right sentences, the
// database passes Check, and later writes go on from it.
func TestMigrateFromSchema7(t *testing.T) {
	for _, interleave := range []bool{false, true} {
		t.Run(fmt.Sprintf("interleaved=%v", interleave), func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "v7.db")
			schema7(t, path, interleave)
			db, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if v := count(t, db, "PRAGMA user_version"); v != SchemaVersion {
				t.Fatalf("user_version = %d", v)
			}
			check := func() {
				t.Helper()
				problems, err := db.Check(ctx)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range problems {
					t.Errorf("check: %s", p)
				}
			}
			check()
			str := func(q string) string {
				t.Helper()
				var s string
				if err := db.SQL().QueryRow(q).Scan(&s); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				return s
			}
			for q, want := range map[string]string{
				`SELECT group_concat(first_sentence || '+' || sentences, ' ') FROM (SELECT * FROM documents ORDER BY id)`:                            "1+2 3+2",
				`SELECT group_concat(text || '@' || sentence_id || ':' || confidence || ':' || type, ' ') FROM (SELECT * FROM mentions ORDER BY id)`: "Putin@1:0.988:PERSON Moscow@1:0.9:LOCATION Peskov@2:0.95:PERSON Peskov@3:0.97:PERSON Putin@3:0.99:PERSON",
				`SELECT group_concat(subject_id || ' ' || predicate || ' ' || object_id || ' ' || kind || ' ' || start || '-' || end || ' ' ||
					confidence || ' ' || rule || ' ' || count, '; ') FROM (SELECT * FROM relations ORDER BY id)`: "10 co_occurs 12 cooccurrence 0-22 0.3 same-sentence 1; 10 co_occurs 11 cooccurrence 0-33 0.3 same-sentence 2; " +
					"11 speaks_for 10 typed 0-33 0.877 pattern 1",
				`SELECT group_concat(subject || '/' || object || '/' || evidence, '; ') FROM (SELECT * FROM relations_text ORDER BY id)`:        "Putin/Moscow/Putin spoke in Moscow.; Putin/Peskov/Peskov is the spokesman of Putin.; Peskov/Putin/Peskov is the spokesman of Putin.",
				`SELECT date || ' ' || date_text || ' ' || resolved || ' ' || sentence || ' ' || text FROM timeline`:                            "--05-23 May 23 no year 1 It was May 23.",
				`SELECT s.doc_id || ':' || s.idx FROM sentences_fts f JOIN sentences s ON s.id = f.docid WHERE sentences_fts MATCH 'agreed'`:    "1:1",
				`SELECT s.doc_id || ':' || s.idx FROM sentences_fts f JOIN sentences s ON s.id = f.docid WHERE sentences_fts MATCH 'spokesman'`: "2:0",
				`SELECT count(*) FROM cooccurrence_rows WHERE start IS NULL`:                                                                    "2",
				`SELECT mentions || ' ' || sentences FROM document_list WHERE path = 'b.txt'`:                                                   "2 2",
			} {
				if got := str(q); got != want {
					t.Errorf("%s\n got %s\nwant %s", q, got, want)
				}
			}
			write(t, db, docOf(t, "c.txt", "Putin spoke again", [2]string{"Putin", extract.Person}))
			check()
			if got := str(`SELECT first_sentence || ' ' || sentences FROM documents WHERE path = 'c.txt'`); got != "5 1" {
				t.Errorf("the new document's sentences: %s, want 5 1", got)
			}
			if r := entityNames(t, db)["PERSON Putin"]; r.Mentions != 3 || r.Docs != 3 {
				t.Errorf("Putin after a write: %+v", r)
			}
		})
	}
}
