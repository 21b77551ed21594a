// Command gencorpus writes a corpus of the given size by repeating articles,
// for measuring whole runs:
//
//	go run ./pipeline/internal/corpus/gencorpus -mb 40 -out /tmp/corpus40 testdata/seeds/*.txt
//	/usr/bin/time -v go run ./cmd/dossier run /tmp/corpus40 --db /tmp/c40.db
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dossier-nlp/dossier/pipeline/internal/corpus"
)

func main() {
	mb := flag.Float64("mb", 10, "size of the corpus in MB")
	out := flag.String("out", "", "folder to write (created)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -mb N -out FOLDER ARTICLE...")
		os.Exit(2)
	}
	files, n, err := corpus.Generate(*out, flag.Args(), int64(*mb*1e6))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %.1f MB in %s\n", files, float64(n)/1e6, *out)
}
