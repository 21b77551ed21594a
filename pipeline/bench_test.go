package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

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
	var write, blocked, elapsed time.Duration
	cpu0 := cpuTime()
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
		write += s.WriteTime
		blocked += s.Blocked
		elapsed += s.Elapsed
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	b.ReportMetric(100*write.Seconds()/elapsed.Seconds(), "writer-busy-%")
	b.ReportMetric(100*blocked.Seconds()/(elapsed.Seconds()*float64(runtime.GOMAXPROCS(0))), "workers-blocked-%")
	peakRSS(b)
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRunProseNaive is the baseline for BenchmarkRun: every file of a
// $DOSSIER_BENCH_BASELINE_MB (default 1) MB corpus read and given to
// prose.NewDocument(text) with prose's defaults, one after another, as a
// program using prose directly would. Nothing is stored.
func BenchmarkRunProseNaive(b *testing.B) {
	dir, size := benchCorpus(b, benchMB("DOSSIER_BENCH_BASELINE_MB", 1))
	files := corpusFiles(dir)
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

// BenchmarkRunTokenizeFloor is the floor any pipeline built on prose's
// tokenizer pays: every file of the $DOSSIER_BENCH_MB corpus read and
// tokenized by prose (no tagging, no segmentation, nothing stored), on one
// goroutine. Compare its MB/cpu-s with BenchmarkRun's in the same run.
// Extraction itself no longer calls prose: it cuts the same words with
// its own implementation of prose's rules (extract's BenchmarkSplitWords).
//
// A CPU profile of a run of both benchmarks adds up the two: prose's
// tokenizer there is this benchmark's alone. Profile BenchmarkRun on its
// own, with -run '^$' (-run x also runs every Example, whose names have an
// x).
func BenchmarkRunTokenizeFloor(b *testing.B) {
	dir, size := benchCorpus(b, benchMB("DOSSIER_BENCH_MB", 8))
	files := corpusFiles(dir)
	b.SetBytes(size)
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := prose.NewDocument(string(text), prose.WithSegmentation(false),
				prose.WithExtraction(false), prose.WithTagging(false)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpuTime()-cpu0).Seconds(), "MB/cpu-s")
}

// corpusFiles lists the files of a generated corpus.
func corpusFiles(dir string) []string {
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files
}
