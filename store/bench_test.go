package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-nlp/dossier/extract"
)

// seedResults extracts the seed articles once per test binary.
var seedResults = sync.OnceValues(func() ([]Doc, error) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) == 0 {
		return nil, fmt.Errorf("no seed articles in ../testdata/seeds: run the benchmark from the store folder")
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		docs = append(docs, Doc{Path: filepath.Base(p), Text: string(b), Size: int64(len(b)), Result: x.Extract(string(b))})
	}
	return docs, nil
})

// variedDoc returns copy k of a seed document. Every copy is a new
// document; one person and one organisation in three copies of 1,000 get
// names of their own (the last four letters of each of their mentions
// spelled after k, so offsets stay true), so the store keeps growing as a
// real archive does.
func variedDoc(seeds []Doc, k int) Doc {
	d := seeds[k%len(seeds)]
	d.Path = fmt.Sprintf("%06d/%s", k, d.Path)
	d.SHA256 = strconv.Itoa(k)
	if k%1000 >= 3 {
		return d
	}
	res := *d.Result
	res.Entities = append([]extract.Entity(nil), res.Entities...)
	res.Mentions = append([]extract.Mention(nil), res.Mentions...)
	code := []byte{'a' + byte(k/17576%26), 'a' + byte(k/676%26), 'a' + byte(k/26%26), 'a' + byte(k%26)}
	text := []byte(d.Text)
	renamed := make(map[int]bool)
	for i, e := range res.Entities {
		if (e.Type == extract.Person || e.Type == extract.Organization) && len(renamed) < 2 {
			renamed[i] = true
		}
	}
	named := make(map[int]bool)
	for i, m := range res.Mentions {
		if !renamed[m.Entity] || !asciiLetters(text[max(m.Start, m.End-4):m.End]) || m.End-m.Start < 5 {
			continue
		}
		copy(text[m.End-4:m.End], code)
		res.Mentions[i].Text = string(text[m.Start:m.End])
		if e := &res.Entities[m.Entity]; !named[m.Entity] {
			named[m.Entity] = true
			e.Name = res.Mentions[i].Text
			e.Aliases = []string{e.Name}
		}
	}
	d.Text = string(text)
	d.Result = &res
	return d
}

func asciiLetters(b []byte) bool {
	for _, c := range b {
		if c < 'A' || c > 'z' || c > 'Z' && c < 'a' {
			return false
		}
	}
	return len(b) > 0
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWrite replays extraction results of the seed articles into
// stores that already hold 0, 1,000 and 10,000 documents (set
// DOSSIER_BENCH_DOCS=0,1000,10000,100000 for more), 64 documents a
// transaction, and reports the writer's CPU time per document and the MB
// of input it takes per CPU-second: flat figures mean the writer's cost
// does not grow with the store. The full-text index of the timed documents
// is built once at the end, as a run does, and counted.
func BenchmarkWrite(b *testing.B) {
	seeds, err := seedResults()
	if err != nil {
		b.Fatal(err)
	}
	sizes := []int{0, 1000, 10000}
	if s := os.Getenv("DOSSIER_BENCH_DOCS"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(f)
			if err != nil {
				b.Fatalf("DOSSIER_BENCH_DOCS: %v", err)
			}
			sizes = append(sizes, n)
		}
	}
	const batch, timed = 64, 640
	for _, size := range sizes {
		b.Run(fmt.Sprintf("store=%d", size), func(b *testing.B) {
			ctx := context.Background()
			var cpu time.Duration
			var bytes int64
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				db, err := Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("w%d.db", i)))
				if err != nil {
					b.Fatal(err)
				}
				for k := 0; k < size; k += batch {
					docs := make([]Doc, 0, batch)
					for j := k; j < min(k+batch, size); j++ {
						docs = append(docs, variedDoc(seeds, j))
					}
					if _, err := db.Write(ctx, docs); err != nil {
						b.Fatal(err)
					}
				}
				if err := db.IndexText(ctx); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := cpuTime()
				for k := size; k < size+timed; k += batch {
					docs := make([]Doc, 0, batch)
					for j := k; j < k+batch; j++ {
						d := variedDoc(seeds, j)
						bytes += d.Size
						docs = append(docs, d)
					}
					if _, err := db.Write(ctx, docs); err != nil {
						b.Fatal(err)
					}
				}
				// The full-text index of what was written, as a run's end
				// builds it, counts too.
				if err := db.IndexText(ctx); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime() - start
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N*timed), "cpu-ms/doc")
			b.ReportMetric(float64(bytes)/1e6/cpu.Seconds(), "MB/cpu-s")
		})
	}
}
