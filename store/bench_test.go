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
	if k%1000 >= 3 && !everyDocVaried {
		return d
	}
	res := *d.Result
	res.Entities = append([]extract.Entity(nil), res.Entities...)
	res.Mentions = append([]extract.Mention(nil), res.Mentions...)
	text := []byte(d.Text)
	// Two people or organisations every mention of which can be respelled
	// (an acronym cannot: it would tie every respelled long form together).
	spellable := make(map[int]bool)
	for _, m := range res.Mentions {
		ok, seen := spellable[m.Entity]
		spellable[m.Entity] = (ok || !seen) && m.End-m.Start >= 5 && asciiLetters(text[m.End-5:m.End]) && !allCaps(m.Text)
	}
	renamed := make(map[int]bool)
	for i, e := range res.Entities {
		if (e.Type == extract.Person || e.Type == extract.Organization) && spellable[i] && len(renamed) < 2 {
			renamed[i] = true
		}
	}
	named := make(map[int]bool)
	for i, m := range res.Mentions {
		if !renamed[m.Entity] {
			continue
		}
		copy(text[m.End-4:m.End], respell(k, text[m.End-5]))
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

// respell returns four letters that spell k: different for every k below
// 22*22*22*22, never a letter the store folds when it compares spellings
// (h, j, y) and never one letter twice in a row (nor the same as prev, the
// letter before them), so that no two of them are spelling variants of
// each other.
func respell(k int, prev byte) []byte {
	const letters = "abcdefgiklmnopqrstuvwxz"
	out := make([]byte, 4)
	for i := range out {
		const n = len(letters) - 1
		pick := k % n
		k /= n
		for _, c := range []byte(letters) {
			if c == prev || c == prev+'a'-'A' {
				continue
			}
			if pick == 0 {
				out[i] = c
				break
			}
			pick--
		}
		prev = out[i]
	}
	return out
}

// everyDocVaried gives every copy names of its own
// (DOSSIER_BENCH_VARIED=1), so that the store holds two new entities per
// document, as an archive of many different stories does.
var everyDocVaried = os.Getenv("DOSSIER_BENCH_VARIED") == "1"

func allCaps(s string) bool { return strings.ToUpper(s) == s }

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
