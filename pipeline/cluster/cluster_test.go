package cluster

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/pipeline"
	"github.com/dossier-nlp/dossier/pipeline/cluster/clustertest"
	"github.com/dossier-nlp/dossier/pipeline/internal/corpus"
	"github.com/dossier-nlp/dossier/store"
)

var (
	sharedOnce sync.Once
	sharedX    *extract.Extractor
	sharedErr  error
)

func extractor(t testing.TB) *extract.Extractor {
	t.Helper()
	sharedOnce.Do(func() { sharedX, sharedErr = extract.New(extract.Options{}) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedX
}

// otherExtractor has another version: it also tags a list of names.
func otherExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	l, err := extract.ParseEntityList(strings.NewReader("WEAPON HIMARS\n"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.Options{Entities: l})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// testCorpus writes about size bytes of seed articles into a new folder.
func testCorpus(t testing.TB, size int64) string {
	t.Helper()
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	dir := t.TempDir()
	if _, _, err := corpus.Generate(dir, seeds, size); err != nil {
		t.Fatal(err)
	}
	return dir
}

// smallCorpus writes n short articles (the opening paragraphs of the seed
// articles) into a new folder: many documents, little extraction.
func smallCorpus(t testing.TB, n int) string {
	t.Helper()
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	dir := t.TempDir()
	for i := range n {
		data, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		paras := strings.SplitN(string(data), "\n\n", 4)
		text := fmt.Sprintf("Copy %d.\n\n%s", i, strings.Join(paras[:min(3, len(paras))], "\n\n"))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// bigArticle writes one article of at least size bytes into dir.
func bigArticle(t testing.TB, dir string, size int) {
	t.Helper()
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		data, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func openDB(t testing.TB) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dossier.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func export(t testing.TB, db *store.DB) string {
	t.Helper()
	var b bytes.Buffer
	if err := db.Export(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// localExport is the export of a local run over dir.
func localExport(t testing.TB, dir string) string {
	t.Helper()
	db, _ := openDB(t)
	if _, err := pipeline.Run(context.Background(), dir, db, extractor(t), pipeline.Options{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	return export(t, db)
}

func connect(t testing.TB, url string) *nats.Conn {
	t.Helper()
	nc, err := Connect(url, t.Name(), 300*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

// startWorker runs a worker on its own connection until the test ends.
func startWorker(t testing.TB, url string, x *extract.Extractor, opts WorkerOptions, hook func(*nats.Msg)) *Worker {
	t.Helper()
	w, err := NewWorker(context.Background(), connect(t, url), x, opts)
	if err != nil {
		t.Fatal(err)
	}
	w.afterResult = hook
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, ErrServerLost) {
			t.Errorf("worker: %v", err)
		}
	})
	return w
}

// remoteRun runs dir into db through the server at url.
func remoteRun(t testing.TB, ctx context.Context, url, dir string, db *store.DB, run string, popts pipeline.Options, copts CoordinatorOptions) (*pipeline.Summary, error) {
	t.Helper()
	copts.Run = run
	c, err := NewCoordinator(context.Background(), connect(t, url), copts)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	popts.Remote = c
	return pipeline.Run(ctx, dir, db, extractor(t), popts)
}

// sameExport compares two exports byte for byte: entity ids come from the
// documents, not from how they were grouped into write transactions, so a
// cluster run, a resumed one and a local one give the same export.
func sameExport(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
		t.Errorf("export differs from a local run's: %d lines, want %d", len(g), len(w))
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Errorf("first difference at line %d:\n got %.300s\nwant %.300s", i+1, g[i], w[i])
				break
			}
		}
	}
}

func TestResultRoundTrip(t *testing.T) {
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, p := range seeds {
		t.Run(filepath.Base(p), func(t *testing.T) {
			text, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			want := extractor(t).Extract(string(text))
			data, err := encodeResult(want)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeResult(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Error("result changed through encoding")
			}
			if err := checkResult(got, string(text)); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestCheckResultRejectsBadSpans(t *testing.T) {
	text := "Vyacheslav Gladkov spoke."
	good := extractor(t).Extract(text)
	if len(good.Mentions) == 0 {
		t.Fatal("no mention to spoil")
	}
	bad := *good
	bad.Mentions = append([]extract.Mention(nil), good.Mentions...)
	bad.Mentions[0].End = len(text) + 5
	if err := checkResult(&bad, text); err == nil {
		t.Error("a mention outside the text was accepted")
	}
}

// TestTwoWorkersTwoRuns: two workers serve two runs (two databases) at once
// on one server; each export equals a local run's.
func TestTwoWorkersTwoRuns(t *testing.T) {
	dir := testCorpus(t, 60_000)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{})
	var took [2]atomic.Int64
	for i := range 2 {
		startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 2}, func(*nats.Msg) { took[i].Add(1) })
	}
	var wg sync.WaitGroup
	exports := make([]string, 2)
	for i, run := range []string{"runa", "runb"} {
		db, _ := openDB(t)
		wg.Go(func() {
			sum, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, run, pipeline.Options{}, CoordinatorOptions{})
			if err != nil {
				t.Error(err)
				return
			}
			if sum.Failed != 0 || sum.Processed == 0 {
				t.Errorf("run %s: %+v", run, sum)
			}
			exports[i] = export(t, db)
		})
	}
	wg.Wait()
	for i := range exports {
		sameExport(t, exports[i], want)
	}
	if took[0].Load() == 0 || took[1].Load() == 0 {
		t.Errorf("documents per worker: %d and %d, want both working", took[0].Load(), took[1].Load())
	}
}

// TestWorkerDies: a worker takes documents and never acknowledges them;
// they are redelivered to another worker after AckWait and written once.
func TestWorkerDies(t *testing.T) {
	dir := testCorpus(t, 30_000)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{})
	nc := connect(t, srv.ClientURL())
	s, err := newSetup(context.Background(), nc)
	if err != nil {
		t.Fatal(err)
	}
	cons, err := s.workersConsumer(context.Background(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	db, _ := openDB(t)
	done := make(chan error, 1)
	go func() {
		_, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "dies", pipeline.Options{}, CoordinatorOptions{})
		done <- err
	}()
	// The dying worker: takes three documents, then goes silent.
	batch, err := cons.Fetch(3, jetstream.FetchMaxWait(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	var taken []string
	for m := range batch.Messages() {
		taken = append(taken, m.Headers().Get(hdrPath))
	}
	if len(taken) == 0 {
		t.Fatalf("the dying worker took nothing: %v", batch.Error())
	}
	startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 2, AckWait: time.Second}, nil)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	sameExport(t, export(t, db), want)
}

// TestDuplicateResult: every result is published twice, once with the
// same message id (JetStream drops it) and once with another (the
// coordinator drops it); each document is written once.
func TestDuplicateResult(t *testing.T) {
	dir := testCorpus(t, 30_000)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{})
	nc := connect(t, srv.ClientURL())
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	var serverDups atomic.Int64
	startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 2}, func(out *nats.Msg) {
		again := nats.NewMsg(out.Subject)
		again.Data = out.Data
		for k, v := range out.Header {
			again.Header[k] = append([]string(nil), v...)
		}
		ack, err := js.PublishMsg(context.Background(), again)
		if err != nil {
			t.Error(err)
			return
		}
		if ack.Duplicate {
			serverDups.Add(1)
		}
		again.Header.Set(jetstream.MsgIDHeader, "other."+out.Header.Get(jetstream.MsgIDHeader))
		if _, err := js.PublishMsg(context.Background(), again); err != nil {
			t.Error(err)
		}
	})
	db, _ := openDB(t)
	sum, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "dup", pipeline.Options{}, CoordinatorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameExport(t, export(t, db), want)
	if serverDups.Load() != int64(sum.Processed) {
		t.Errorf("JetStream dropped %d results published twice with one id, want %d", serverDups.Load(), sum.Processed)
	}
	// A second run over the same results changes nothing.
	sum, err = remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "dup", pipeline.Options{}, CoordinatorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Processed != 0 {
		t.Errorf("re-run processed %d documents, want 0", sum.Processed)
	}
	sameExport(t, export(t, db), want)
}

// TestTooLarge: a document larger than the server's max payload (and its
// result) go through the object store.
func TestTooLarge(t *testing.T) {
	dir := testCorpus(t, 10_000)
	bigArticle(t, dir, 100_000)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{MaxPayload: 64 << 10})
	startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 2}, nil)
	db, _ := openDB(t)
	if _, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "big", pipeline.Options{}, CoordinatorOptions{}); err != nil {
		t.Fatal(err)
	}
	sameExport(t, export(t, db), want)
	js, err := jetstream.New(connect(t, srv.ClientURL()))
	if err != nil {
		t.Fatal(err)
	}
	st, err := js.Stream(context.Background(), "OBJ_"+BlobBucket)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Two objects (the document and its result), each at least one chunk
	// and a meta message, then two deletions.
	if info.State.LastSeq < 4 {
		t.Errorf("object store saw %d messages, want the document and its result", info.State.LastSeq)
	}
}

// TestOtherVersion: a worker of another extractor version refuses the run's
// documents and the coordinator hears of it; a worker of the right version
// then does them.
func TestOtherVersion(t *testing.T) {
	dir := testCorpus(t, 20_000)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{})
	var wrote atomic.Int64
	wrong := startWorker(t, srv.ClientURL(), otherExtractor(t), WorkerOptions{Workers: 1, RefuseDelay: 50 * time.Millisecond}, func(*nats.Msg) { wrote.Add(1) })
	refusals := make(chan Refusal, 1)
	db, _ := openDB(t)
	done := make(chan error, 1)
	go func() {
		_, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "version", pipeline.Options{}, CoordinatorOptions{
			OnRefused: func(r Refusal) {
				select {
				case refusals <- r:
				default:
				}
			},
		})
		done <- err
	}()
	refusal := <-refusals
	startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 2}, nil)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	sameExport(t, export(t, db), want)
	if wrote.Load() != 0 {
		t.Errorf("the worker of another version published %d results", wrote.Load())
	}
	if refusal.WorkerVersion != wrong.Version() || refusal.RunVersion != extractor(t).Version() || refusal.Path == "" {
		t.Errorf("refusal %+v", refusal)
	}
	if !strings.Contains(refusal.String(), wrong.Version()) {
		t.Errorf("refusal message %q does not name the worker's version", refusal)
	}
}

// TestServerGoes: the server goes away mid-run: the run fails with
// ErrServerLost, every document written is whole, and a re-run against
// a new server completes the database.
func TestServerGoes(t *testing.T) {
	dir := testCorpus(t, 30_000)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{})
	var n atomic.Int64
	startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 1}, func(*nats.Msg) {
		if n.Add(1) == 3 {
			srv.Shutdown()
		}
	})
	db, _ := openDB(t)
	_, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "gone", pipeline.Options{}, CoordinatorOptions{})
	if !errors.Is(err, ErrServerLost) {
		t.Fatalf("run error %v, want %v", err, ErrServerLost)
	}
	// Whatever was written is whole: the same mentions as a local run.
	wantDocs := exportDocs(t, want)
	for path, got := range exportDocs(t, export(t, db)) {
		w, ok := wantDocs[path]
		if !ok || len(got.Mentions) != len(w.Mentions) || len(got.Relations) != len(w.Relations) {
			t.Errorf("%s: %d mentions, %d relations, want %d and %d", path, len(got.Mentions), len(got.Relations), len(w.Mentions), len(w.Relations))
		}
	}
	srv2 := clustertest.StartServer(t, clustertest.Options{})
	startWorker(t, srv2.ClientURL(), extractor(t), WorkerOptions{Workers: 2}, nil)
	if _, err := remoteRun(t, context.Background(), srv2.ClientURL(), dir, db, "gone", pipeline.Options{}, CoordinatorOptions{}); err != nil {
		t.Fatal(err)
	}
	sameExport(t, export(t, db), want)
}

// TestCoordinatorDies: the coordinator's connection closes mid-run while
// workers go on; a re-run uses the results left in the stream (or
// extracts again) and gives a local run's export.
func TestCoordinatorDies(t *testing.T) {
	dir := smallCorpus(t, 40)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{})
	nc := connect(t, srv.ClientURL())
	var n atomic.Int64
	startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 1}, func(*nats.Msg) {
		if n.Add(1) == 8 {
			nc.Close()
		}
	})
	db, _ := openDB(t)
	c, err := NewCoordinator(context.Background(), nc, CoordinatorOptions{Run: "dies"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = pipeline.Run(context.Background(), dir, db, extractor(t), pipeline.Options{Remote: c, Workers: 4, BatchSize: 1})
	c.Close()
	if !errors.Is(err, ErrServerLost) {
		t.Fatalf("run error %v, want %v", err, ErrServerLost)
	}
	sum, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "dies", pipeline.Options{}, CoordinatorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Processed+sum.Unchanged != 40 {
		t.Errorf("re-run %+v, want 40 documents processed or unchanged", sum)
	}
	sameExport(t, export(t, db), want)
}

// TestInterrupted: a cancelled run stops like a local one (the documents in
// flight are written) and a re-run continues.
func TestInterrupted(t *testing.T) {
	dir := smallCorpus(t, 40)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n atomic.Int64
	startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 1}, func(*nats.Msg) {
		if n.Add(1) == 3 {
			cancel()
		}
	})
	db, _ := openDB(t)
	sum, err := remoteRun(t, ctx, srv.ClientURL(), dir, db, "stop", pipeline.Options{Workers: 2}, CoordinatorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Stopped || sum.Processed == 0 || sum.Processed >= 40 {
		t.Errorf("summary %+v, want stopped with some documents saved", sum)
	}
	if _, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "stop", pipeline.Options{}, CoordinatorOptions{}); err != nil {
		t.Fatal(err)
	}
	sameExport(t, export(t, db), want)
}

// exportDocs parses an export by document path.
func exportDocs(t testing.TB, jsonl string) map[string]store.ExportDoc {
	t.Helper()
	docs := map[string]store.ExportDoc{}
	for _, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		if line == "" {
			continue
		}
		var d store.ExportDoc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		docs[d.Doc] = d
	}
	return docs
}

// TestWorkerStops: a worker told to stop while it extracts finishes that
// document (its result stored, the document acknowledged) and returns nil.
func TestWorkerStops(t *testing.T) {
	dir := smallCorpus(t, 5)
	want := localExport(t, dir)
	srv := clustertest.StartServer(t, clustertest.Options{})
	w, err := NewWorker(context.Background(), connect(t, srv.ClientURL()), extractor(t), WorkerOptions{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.afterResult = func(*nats.Msg) { cancel() }
	stopped := make(chan error, 1)
	go func() { stopped <- w.Run(ctx) }()
	db, _ := openDB(t)
	done := make(chan error, 1)
	go func() {
		_, err := remoteRun(t, context.Background(), srv.ClientURL(), dir, db, "stops", pipeline.Options{}, CoordinatorOptions{})
		done <- err
	}()
	if err := <-stopped; err != nil {
		t.Fatalf("stopped worker: %v", err)
	}
	if w.Extracted() != 1 {
		t.Errorf("the stopped worker acknowledged %d documents, want the one in hand", w.Extracted())
	}
	startWorker(t, srv.ClientURL(), extractor(t), WorkerOptions{Workers: 2}, nil)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	sameExport(t, export(t, db), want)
}
