// Package storetest holds test helpers for code that writes dossier
// databases.
package storetest

import (
	"context"
	"testing"

	"github.com/dossier-nlp/dossier/store"
)

// Check fails the test when db does not pass store's Check, listing the
// problems.
func Check(t testing.TB, db *store.DB) {
	t.Helper()
	problems, err := db.Check(context.Background())
	if err != nil {
		t.Fatalf("check %s: %v", db.Path(), err)
	}
	for _, p := range problems {
		t.Errorf("check %s: %s", db.Path(), p)
	}
}

// CheckFile is Check for the database file at path, opened for the check
// and closed after it.
func CheckFile(t testing.TB, path string) {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s for checking: %v", path, err)
	}
	defer db.Close()
	Check(t, db)
}
