package extract

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

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
	b.ReportAllocs()
	b.ResetTimer()
	tokens := 0
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range texts {
			tokens += len(x.Extract(t).Tokens)
		}
	}
	cpu = cpuTime() - cpu
	runtime.ReadMemStats(&after)
	mb := float64(b.N) * float64(size) / 1e6
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens)/cpu.Seconds(), "tokens/cpu-s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/mb, "allocs/MB")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6/mb, "allocMB/MB")
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

// BenchmarkExtractLarge measures how extraction grows with the size of one
// document: the CPU time of a 16 MiB generated article against a 1 MiB one
// (cpu-ratio; 16 means linear). Each article is extracted once per
// iteration, so it takes minutes; it runs only when
// DOSSIER_BENCH_LARGE_MB is set (the size of the large article in MiB).
func BenchmarkExtractLarge(b *testing.B) {
	mb, _ := strconv.Atoi(os.Getenv("DOSSIER_BENCH_LARGE_MB"))
	if mb <= 0 {
		b.Skip("set DOSSIER_BENCH_LARGE_MB=16 to run")
	}
	small, large := largeArticle(1<<20, 1), largeArticle(mb<<20, 1)
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var cs, cl time.Duration
	var ms, ml int
	for b.Loop() {
		t0 := cpuTime()
		ms = len(x.Extract(small).Mentions)
		t1 := cpuTime()
		ml = len(x.Extract(large).Mentions)
		cs, cl = cs+t1-t0, cl+cpuTime()-t1
	}
	b.ReportMetric(cl.Seconds()/cs.Seconds(), "cpu-ratio")
	b.ReportMetric(float64(b.N)*float64(len(small))/1e6/cs.Seconds(), "MB/cpu-s-1MiB")
	b.ReportMetric(float64(b.N)*float64(len(large))/1e6/cl.Seconds(), "MB/cpu-s-large")
	b.ReportMetric(float64(ml)/float64(ms), "mention-ratio")
}

// cpuTime returns the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSplitWords compares our reimplementation of prose's tokenizer
// (splitWords) with prose's own on the seed articles: MB per CPU-second
// of each, the same words.
func BenchmarkSplitWords(b *testing.B) {
	texts, size := seedTexts(b)
	for _, c := range []struct {
		name  string
		split func(string) int
	}{
		{"ours", func(t string) int { return len(splitWords(nil, t)) }},
		{"prose", func(t string) int {
			doc, err := prose.NewDocument(t, prose.WithSegmentation(false),
				prose.WithExtraction(false), prose.WithTagging(false))
			if err != nil {
				b.Fatal(err)
			}
			return len(doc.Tokens())
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			words := 0
			cpu := cpuTime()
			for b.Loop() {
				for _, t := range texts {
					words += c.split(t)
				}
			}
			b.ReportMetric(float64(b.N)*float64(size)/1e6/(cpuTime()-cpu).Seconds(), "MB/cpu-s")
			b.ReportMetric(float64(words)/float64(b.N), "words/op")
		})
	}
}
