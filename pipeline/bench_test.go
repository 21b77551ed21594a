package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	prose "github.com/jdkato/prose/v2"

	"github.com/dossier-nlp/dossier/pipeline/internal/corpus"
	"github.com/dossier-nlp/dossier/store"
)

// benchMB reads a corpus size in MB from the environment.
func benchMB(name string, def float64) int64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil && v > 0 {
		def = v
	}
	return int64(def * 1e6)
}

func benchCorpus(b *testing.B, size int64) (string, int64) {
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	dir := b.TempDir()
	_, n, err := corpus.Generate(dir, seeds, size)
	if err != nil {
		b.Fatal(err)
	}
	return dir, n
}

// peakRSS reports the process's peak resident set size so far, in MB.
func peakRSS(b *testing.B) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	}
}

// BenchmarkRun is a whole run (discover, read, extract, write) over a
// corpus of the seed articles repeated to $DOSSIER_BENCH_MB (default 8) MB,
// into a fresh database each time.
func BenchmarkRun(b *testing.B) {
	dir, size := benchCorpus(b, benchMB("DOSSIER_BENCH_MB", 8))
	x := extractor(b)
	b.SetBytes(size)
	b.ResetTimer()
	tokens := 0
	for i := 0; b.Loop(); i++ {
		db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		s, err := Run(context.Background(), dir, db, x, Options{})
		db.Close()
		if err != nil {
			b.Fatal(err)
		}
		tokens += s.Tokens
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	peakRSS(b)
}

// BenchmarkRunProseNaive is the baseline for BenchmarkRun: every file of a
// $DOSSIER_BENCH_BASELINE_MB (default 1) MB corpus read and given to
// prose.NewDocument(text) with prose's defaults, one after another, as a
// program using prose directly would. Nothing is stored.
func BenchmarkRunProseNaive(b *testing.B) {
	dir, size := benchCorpus(b, benchMB("DOSSIER_BENCH_BASELINE_MB", 1))
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	b.SetBytes(size)
	b.ResetTimer()
	tokens := 0
	for b.Loop() {
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			doc, err := prose.NewDocument(string(text))
			if err != nil {
				b.Fatal(err)
			}
			tokens += len(doc.Tokens())
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	peakRSS(b)
}
