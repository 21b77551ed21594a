package cluster_test

import (
	"context"
	"fmt"
	"log"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/pipeline"
	"github.com/dossier-nlp/dossier/pipeline/cluster"
	"github.com/dossier-nlp/dossier/store"
)

// A coordinator: the run reads and writes here, and extraction happens on
// the workers connected to the same server. (Not run by go test: it needs
// a server.)
func ExampleCoordinator() {
	ctx := context.Background()
	db, err := store.Open(ctx, "news.db")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	x, err := extract.New(extract.Options{})
	if err != nil {
		log.Fatal(err)
	}
	nc, err := cluster.Connect("nats://127.0.0.1:4222", "example coordinator", 0)
	if err != nil {
		log.Fatal(err)
	}
	defer nc.Close()
	run, err := cluster.RunID("news.db", "articles")
	if err != nil {
		log.Fatal(err)
	}
	c, err := cluster.NewCoordinator(ctx, nc, cluster.CoordinatorOptions{
		Run:       run,
		OnRefused: func(r cluster.Refusal) { log.Print(r) },
	})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	sum, err := pipeline.Run(ctx, "articles", db, x, pipeline.Options{Remote: c})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sum.Processed, "documents extracted remotely")
}

// A worker: extracts for every run on the server until ctx is cancelled.
// (Not run by go test: it needs a server.)
func ExampleWorker() {
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		log.Fatal(err)
	}
	nc, err := cluster.Connect("nats://127.0.0.1:4222", "example worker", 0)
	if err != nil {
		log.Fatal(err)
	}
	defer nc.Close()
	w, err := cluster.NewWorker(ctx, nc, x, cluster.WorkerOptions{Workers: 4})
	if err != nil {
		log.Fatal(err)
	}
	if err := w.Run(ctx); err != nil {
		log.Fatal(err)
	}
}
