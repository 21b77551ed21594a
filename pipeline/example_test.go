package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/pipeline"
	"github.com/dossier-nlp/dossier/store"
)

// Run processes a folder of articles into a database, which can then be
// queried.
func ExampleRun() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "dossier-example")
	defer os.RemoveAll(dir)

	db, err := store.Open(ctx, filepath.Join(dir, "dossier.db"))
	if err != nil {
		panic(err)
	}
	defer db.Close()
	x, err := extract.New(extract.Options{})
	if err != nil {
		panic(err)
	}
	sum, err := pipeline.Run(ctx, "../testdata/seeds", db, x, pipeline.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(sum.Processed, "documents processed")

	rows, err := db.Entities(ctx, store.EntityFilter{Name: "Gladkov", Type: extract.Person})
	if err != nil {
		panic(err)
	}
	for _, e := range rows {
		fmt.Printf("%s: %d documents\n", e.Name, e.Docs)
	}
	// Output:
	// 5 documents processed
	// Vyacheslav Gladkov: 4 documents
}
