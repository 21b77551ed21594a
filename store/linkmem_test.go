package store

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
)

// BenchmarkLinkIndexMemory fills a linking index with
// $DOSSIER_BENCH_GROUPS name groups (default 200,000) of people, places and
// organisations with names of two and three words, as a large archive's
// store holds them, and reports the heap the index takes per group: the
// figure that says how many entities a writer's memory holds.
func BenchmarkLinkIndexMemory(b *testing.B) {
	n := 200000
	if s := os.Getenv("DOSSIER_BENCH_GROUPS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n <= 0 {
			b.Fatalf("DOSSIER_BENCH_GROUPS=%q: give a number of groups", s)
		}
	}
	types := []string{extract.Person, extract.Location, extract.Organization}
	heads := []string{"group", "party", "ministry", "council", "bank"}
	var perGroup float64
	for b.Loop() {
		heap0 := heapInUse()
		ix := newLinkIndex()
		for i := 0; i < n; i++ {
			typ := types[i%3]
			var keys []string
			switch typ {
			case extract.Person:
				keys = []string{fmt.Sprintf("given%d surname%d", i%5000, i/7), fmt.Sprintf("surname%d", i/7)}
			case extract.Location:
				keys = []string{fmt.Sprintf("placename%d", i)}
			default:
				keys = []string{fmt.Sprintf("name%d %s", i, heads[i%len(heads)]), fmt.Sprintf("n%dx", i%100000)}
			}
			g := ix.getKeys(typ, dedupe(keys))
			g.label = keys[0]
			g.docs, g.mentions, g.id, g.entity = 1, 2, int64(i+1), int64(i+1)
		}
		perGroup = float64(heapInUse()-heap0) / float64(n)
		runtime.KeepAlive(ix)
	}
	b.ReportMetric(perGroup, "heap-B/group")
	b.ReportMetric(perGroup*float64(n)/1e6, "heap-MB")
}

// heapInUse is the live heap after a collection.
func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
