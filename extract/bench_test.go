package extract

import (
	"os"
	"path/filepath"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

func seedTexts(b *testing.B) ([]string, int64) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) == 0 {
		b.Fatal("no seed articles")
	}
	var texts []string
	var n int64
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += int64(len(t))
	}
	return texts, n
}

// BenchmarkExtract measures extraction of the seed articles, one document
// at a time on one goroutine: MB/s and tokens/s per core.
func BenchmarkExtract(b *testing.B) {
	texts, size := seedTexts(b)
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	tokens := 0
	for b.Loop() {
		for _, t := range texts {
			tokens += len(x.Extract(t).Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkProseNaive is the baseline: prose.NewDocument(text) per
// document with its defaults (model decoded on every call, segmentation,
// tagging and NER), as a program using prose directly would.
func BenchmarkProseNaive(b *testing.B) {
	texts, size := seedTexts(b)
	b.SetBytes(size)
	tokens := 0
	for b.Loop() {
		for _, t := range texts {
			doc, err := prose.NewDocument(t)
			if err != nil {
				b.Fatal(err)
			}
			tokens += len(doc.Tokens())
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
