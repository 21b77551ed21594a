package postag

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v2"
)

var (
	seedOnce  sync.Once
	seedSents [][]string
	seedErr   error
)

// seedSentences returns the seed news articles (testdata/seeds) tokenized
// by prose and cut into sentences after ".", "!" and "?".
func seedSentences(tb testing.TB) [][]string {
	tb.Helper()
	seedOnce.Do(func() {
		paths, err := filepath.Glob("../../testdata/seeds/*.txt")
		if err != nil || len(paths) == 0 {
			seedErr = os.ErrNotExist
			return
		}
		d, err := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			seedErr = err
			return
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				seedErr = err
				return
			}
			doc, err := prose.NewDocument(string(b), prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(d.Model))
			if err != nil {
				seedErr = err
				return
			}
			var cur []string
			for _, t := range doc.Tokens() {
				cur = append(cur, t.Text)
				if t.Text == "." || t.Text == "!" || t.Text == "?" {
					seedSents, cur = append(seedSents, cur), nil
				}
			}
			if len(cur) > 0 {
				seedSents = append(seedSents, cur)
			}
		}
	})
	if seedErr != nil {
		tb.Fatalf("read seed articles: %v", seedErr)
	}
	return seedSents
}

// BenchmarkTag measures tagging speed with the embedded model on the seed
// articles' tokens and reports tokens per second.
func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := seedSentences(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			m.Tag(s)
		}
	}
	cpu = cpuTime() - cpu
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
}

// cpuTime returns the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDefault measures how long decoding the embedded model takes.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(defaultModel)); err != nil {
			b.Fatal(err)
		}
	}
}
