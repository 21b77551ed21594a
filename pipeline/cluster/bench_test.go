package cluster

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/dossier-nlp/dossier/pipeline"
	"github.com/dossier-nlp/dossier/pipeline/cluster/clustertest"
	"github.com/dossier-nlp/dossier/store"
)

// benchMB reads a corpus size in MB from the environment.
func benchMB(name string, def float64) int64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil && v > 0 {
		def = v
	}
	return int64(def * 1e6)
}

// cpuTime is the CPU time (user and system) this process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchDB(b *testing.B, i int) *store.DB {
	db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), strconv.Itoa(i)+".db"))
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkOverhead runs one corpus (the seed articles repeated to
// $DOSSIER_BENCH_MB, default 4, MB) locally and through an embedded NATS
// server with in-process workers (one extraction goroutine per CPU, as the
// local run has), on the same cores, into a fresh database each time. The
// ratio of the two is the cost of the transport.
func BenchmarkOverhead(b *testing.B) {
	dir := testCorpus(b, benchMB("DOSSIER_BENCH_MB", 4))
	size := corpusBytes(b, dir)
	x := extractor(b)
	b.Run("local", func(b *testing.B) {
		b.SetBytes(size)
		cpu := cpuTime()
		for i := 0; b.Loop(); i++ {
			db := benchDB(b, i)
			if _, err := pipeline.Run(context.Background(), dir, db, x, pipeline.Options{}); err != nil {
				b.Fatal(err)
			}
			db.Close()
		}
		b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpuTime()-cpu).Seconds(), "MB/cpu-s")
	})
	b.Run("nats", func(b *testing.B) {
		srv := clustertest.StartServer(b, clustertest.Options{})
		startWorker(b, srv.ClientURL(), x, WorkerOptions{Workers: runtime.GOMAXPROCS(0)}, nil)
		nc := connect(b, srv.ClientURL())
		b.SetBytes(size)
		b.ResetTimer()
		cpu := cpuTime()
		for i := 0; b.Loop(); i++ {
			db := benchDB(b, i)
			c, err := NewCoordinator(context.Background(), nc, CoordinatorOptions{Run: "overhead" + strconv.Itoa(i)})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := pipeline.Run(context.Background(), dir, db, x, pipeline.Options{Remote: c}); err != nil {
				b.Fatal(err)
			}
			c.Close()
			db.Close()
		}
		b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpuTime()-cpu).Seconds(), "MB/cpu-s")
	})
}

// BenchmarkWriterCeiling is the most a coordinator can take: the result
// stream is filled first (every document of the corpus extracted by
// workers that then stop), and only the coordinator draining it into a
// fresh database is timed: discovery, reading and hashing the files,
// decoding and checking the results, and the single writer. MB/cpu-s is
// input megabytes per CPU-second of the whole coordinator process.
func BenchmarkWriterCeiling(b *testing.B) {
	dir := testCorpus(b, benchMB("DOSSIER_BENCH_MB", 4))
	size := corpusBytes(b, dir)
	x := extractor(b)
	srv := clustertest.StartServer(b, clustertest.Options{})
	nc := connect(b, srv.ClientURL())
	s, err := newSetup(context.Background(), nc)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	var cpu time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		run := "ceiling" + strconv.Itoa(i)
		n := fillResults(b, nc, s, run, dir, x.Version())
		// Extract everything, then stop the workers.
		w, err := NewWorker(context.Background(), nc, x, WorkerOptions{})
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- w.Run(ctx) }()
		for w.Extracted() < int64(n) {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		db := benchDB(b, i)
		before, err := s.docs.Info(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu0 := cpuTime()
		c, err := NewCoordinator(context.Background(), nc, CoordinatorOptions{Run: run})
		if err != nil {
			b.Fatal(err)
		}
		sum, err := pipeline.Run(context.Background(), dir, db, x, pipeline.Options{Remote: c})
		if err != nil {
			b.Fatal(err)
		}
		c.Close()
		cpu += cpuTime() - cpu0
		b.StopTimer()
		after, err := s.docs.Info(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if sum.Processed != n || after.State.LastSeq != before.State.LastSeq {
			b.Fatalf("the coordinator published %d documents again; processed %d of %d", after.State.LastSeq-before.State.LastSeq, sum.Processed, n)
		}
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
}

// fillResults publishes every file of dir as a document of run and returns
// how many there are.
func fillResults(b *testing.B, nc *nats.Conn, s *setup, run, dir, version string) int {
	b.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := sha256.Sum256(data)
		doc := pipeline.RemoteDoc{Path: filepath.ToSlash(rel), SHA256: hex.EncodeToString(sum[:]), Version: version, Text: string(data)}
		n++
		_, err = publishDoc(context.Background(), nc, s, run, run+".fill."+strconv.Itoa(n), doc, maxBody(nc))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// corpusBytes is the size of the files under dir.
func corpusBytes(b *testing.B, dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
