package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
	"github.com/dossier-nlp/dossier/store/storetest"
)

// checkedDB writes two small documents into a new database.
func checkedDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "check.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []store.Doc
	for i, text := range []string{
		"Governor Vyacheslav Gladkov said the Russian Volunteer Corps (RDK) entered Belgorod.\n\nGladkov spoke in Moscow.",
		"Kremlin spokesman Dmitry Peskov said the  RDK\nfighters had left Belgorod.",
	} {
		docs = append(docs, store.Doc{Path: []string{"a.txt", "b.txt"}[i], SHA256: "x", Size: int64(len(text)),
			Text: text, Result: x.Extract(text), ExtractorVersion: x.Version()})
	}
	if _, err := db.Write(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCheckSound(t *testing.T) {
	storetest.Check(t, checkedDB(t))
}

// TestCheckFindsDamage breaks one invariant at a time, behind dossier's
// back, and expects Check to name it.
func TestCheckFindsDamage(t *testing.T) {
	for _, tc := range []struct {
		name, damage, check string
	}{
		{"missing label", `UPDATE mention_rows SET source = 9999 WHERE (doc_id, doc_entity, seq) = (SELECT doc_id, doc_entity, seq FROM mention_rows LIMIT 1)`, "labels"},
		{"relation kind", `UPDATE labels SET name = 'typo' WHERE name = 'open'`, "relation kind"},
		{"mention outside sentence", `UPDATE mention_rows SET len = len + 100000 WHERE (doc_id, doc_entity, seq) = (SELECT doc_id, doc_entity, seq FROM mention_rows LIMIT 1)`, "mention span"},
		{"mention of a missing sentence", `UPDATE mention_rows SET sentence = 99 WHERE (doc_id, doc_entity, seq) = (SELECT doc_id, doc_entity, seq FROM mention_rows LIMIT 1)`, "mention sentence"},
		{"sentence start", `UPDATE sentences SET start = -5 WHERE idx = 0`, "sentence span"},
		{"sentence id", `UPDATE sentences SET id = id + 1000 WHERE id = (SELECT max(id) FROM sentences)`, "sentence ids"},
		{"sentence count", `UPDATE documents SET sentences = sentences + 1 WHERE id = (SELECT min(id) FROM documents)`, "sentence count"},
		{"sentence of no document", `UPDATE sentences SET doc_id = 777 WHERE id = (SELECT min(id) FROM sentences)`, "sentence document"},
		{"evidence outside sentence", `UPDATE relation_rows SET start = -100000, len = 5 WHERE (doc_id, seq) = (SELECT doc_id, seq FROM relation_rows LIMIT 1)`, "relation evidence"},
		{"orphan mention", `PRAGMA foreign_keys = off; DELETE FROM entities WHERE id = (SELECT entity_id FROM mentions LIMIT 1)`, "mention entity"},
		{"orphan relation", `PRAGMA foreign_keys = off; DELETE FROM entities WHERE id = (SELECT subject_id FROM relations LIMIT 1)`, "relation entity"},
		{"mention without document entity", `UPDATE mention_rows SET doc_entity = 999 WHERE (doc_id, doc_entity, seq) = (SELECT doc_id, doc_entity, seq FROM mention_rows LIMIT 1)`, "mention document entity"},
		{"relation without document entity", `UPDATE relation_rows SET object_idx = 999 WHERE (doc_id, seq) = (SELECT doc_id, seq FROM relation_rows LIMIT 1)`, "relation document entity"},
		{"co-occurrence without document entity", `UPDATE cooccurrence_rows SET subject_idx = 999 WHERE (doc_id, seq) = (SELECT doc_id, seq FROM cooccurrence_rows LIMIT 1)`, "relation document entity"},
		{"co-occurrence evidence outside sentence", `UPDATE cooccurrence_rows SET start = -100000, len = 5 WHERE (doc_id, seq) = (SELECT doc_id, seq FROM cooccurrence_rows LIMIT 1)`, "relation evidence"},
		{"orphan alias", `PRAGMA foreign_keys = off; INSERT INTO aliases (entity_id, alias, key, mentions) VALUES (9999, 'Nobody', 'nobody', 1)`, "alias entity"},
		{"alias count", `UPDATE aliases SET mentions = mentions + 1 WHERE alias = 'Gladkov'`, "alias counts"},
		{"foreign key", `PRAGMA foreign_keys = off; UPDATE doc_entities SET group_id = 9999 WHERE (doc_id, idx) = (SELECT doc_id, idx FROM doc_entities LIMIT 1)`, "foreign keys"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := checkedDB(t)
			// One connection, so that the PRAGMA applies to the damage.
			conn, err := db.SQL().Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range strings.Split(tc.damage, "; ") {
				if _, err := conn.ExecContext(context.Background(), q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			conn.Close()
			problems, err := db.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range problems {
				found = found || p.Check == tc.check
			}
			if !found {
				t.Errorf("no %q problem; Check found %v", tc.check, problems)
			}
		})
	}
}
