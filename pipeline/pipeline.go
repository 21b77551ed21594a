package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

// Options configures a Run. The zero value processes *.txt and *.md files
// with one worker per CPU.
type Options struct {
	Include []string // file name patterns to process; empty means DefaultInclude
	Exclude []string // file or directory patterns to skip
	MaxSize int64    // largest file to read, in bytes; 0 means DefaultMaxSize
	Workers int      // extraction workers; 0 means runtime.GOMAXPROCS(0)
	Force   bool     // reprocess files that are unchanged since the last run
	// Prune removes from the store the documents that this run did not
	// find (files deleted or now excluded). Nothing is pruned when the run
	// was stopped or a folder could not be read. The store should hold
	// only this folder's documents.
	Prune bool

	// BatchSize is how many documents share one write transaction; 0 means
	// 64. Each document is still all or nothing.
	BatchSize int

	// OnProgress, when set, is called with a snapshot every
	// ProgressInterval (default one second) and once at the end, from a
	// single goroutine.
	OnProgress       func(Progress)
	ProgressInterval time.Duration

	// Remote, when set, extracts the documents elsewhere (see Remote).
	Remote Remote
}

// Progress is a snapshot of a run under way.
type Progress struct {
	Found       int  // files found so far
	Discovering bool // discovery is still walking the folder
	Processed   int  // documents extracted and written
	Unchanged   int  // documents skipped because the store has them already
	Failed      int  // files rejected or unreadable
	Bytes       int64
	Elapsed     time.Duration
}

// Done is the number of files finished, however they ended.
func (p Progress) Done() int { return p.Processed + p.Unchanged + p.Failed }

// Failure is a file that could not be processed and why.
type Failure struct {
	Path   string
	Reason string
}

// Summary reports a finished run.
type Summary struct {
	Found     int
	Processed int
	Unchanged int
	Failed    int
	Failures  []Failure
	Mentions  int   // mentions written by this run
	Relations int   // relations written by this run
	Entities  int   // entities in the store after the run
	Tokens    int   // tokens in the processed documents
	Bytes     int64 // size of the processed documents
	Elapsed   time.Duration
	// Stopped is true when the context was cancelled: discovery stopped
	// early and only the documents in flight were finished and saved.
	Stopped bool
	// Pruned is how many documents Prune removed.
	Pruned int
	// WriteTime is the time spent writing to the store; Blocked is the
	// time extraction workers spent waiting for the writer to take their
	// results (summed over workers).
	WriteTime, Blocked time.Duration
}

// MBPerSecond is the throughput over the processed documents.
func (s *Summary) MBPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
}

// result is what a worker hands to the writer for one file.
type result struct {
	f         file
	doc       *store.Doc // set when the file is to be written (ok or failed)
	unchanged bool
	tokens    int
}

// Run processes every matching file under root (or root itself, when it is
// a file) into db: discover -> read and extract (opts.Workers goroutines) ->
// write (one goroutine owning the write connection), with bounded channels
// between the stages so memory stays flat however many files there are.
//
// A file that cannot be read or is not text is recorded as failed and the
// run goes on. Cancelling ctx stops discovery; the documents already in
// flight are finished and committed, and Run returns the summary with
// Stopped set and no error. A re-run continues where this one stopped,
// because unchanged files are skipped. Run returns an error only when the
// run as a whole cannot go on (a bad pattern, an unreadable root, a failing
// database); once files were being processed, it returns with the error
// the Summary of what was committed before it, and a re-run continues
// from there.
func Run(ctx context.Context, root string, db *store.DB, x *extract.Extractor, opts Options) (*Summary, error) {
	m, err := newMatcher(opts.Include, opts.Exclude)
	if err != nil {
		return nil, err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = defaultWorkers(opts.Remote)
	}
	maxSize := opts.MaxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	batchSize := opts.BatchSize
	if batchSize <= 0 {
		batchSize = 64
	}
	version := x.Version()
	start := time.Now()
	rootID, err := db.Root(ctx, root)
	if err != nil {
		return nil, err
	}

	// Internal cancellation (a fatal error) stops everything; the caller's
	// ctx stops only discovery.
	g, gctx := errgroup.WithContext(context.Background())
	discCtx, cancelDisc := context.WithCancel(gctx)
	defer cancelDisc()
	stop := context.AfterFunc(ctx, cancelDisc)
	defer stop()

	var st counters
	found := make(chan file, 16)
	jobs := make(chan file, workers)
	// The writer takes a whole batch while the workers go on: a result
	// waits in this buffer, not in a blocked worker.
	results := make(chan result, workers+batchSize)
	// slots bounds the files between discovery and the writer, which
	// restores discovery order before writing.
	slots := make(chan struct{}, workers*4+2*batchSize)

	st.discovering.Store(true)
	g.Go(func() error {
		defer close(found)
		defer st.discovering.Store(false)
		return discover(discCtx, root, m, found)
	})
	var seen []string // paths found, for Prune
	unreadDir := false
	g.Go(func() error {
		defer close(jobs)
		for f := range found {
			if opts.Prune {
				seen = append(seen, f.rel)
				unreadDir = unreadDir || f.dir
			}
			select {
			case slots <- struct{}{}:
			case <-discCtx.Done():
				return nil
			}
			st.found.Add(1)
			select {
			case jobs <- f:
			case <-discCtx.Done():
				<-slots
				return nil
			}
		}
		return nil
	})
	var live atomic.Int32
	live.Store(int32(workers))
	for range workers {
		g.Go(func() error {
			defer func() {
				if live.Add(-1) == 0 {
					close(results)
				}
			}()
			for f := range jobs {
				r, err := process(gctx, db, x, opts.Remote, version, rootID, f, maxSize, opts.Force)
				if err != nil {
					return err
				}
				select {
				case results <- r:
				default:
					t := time.Now()
					select {
					case results <- r:
					case <-gctx.Done():
						return gctx.Err()
					}
					st.blocked.Add(int64(time.Since(t)))
				}
			}
			return nil
		})
	}

	sum := &Summary{}
	g.Go(func() error {
		return write(gctx, db, results, slots, batchSize, sum, &st)
	})

	progressDone := make(chan struct{})
	if opts.OnProgress != nil {
		every := opts.ProgressInterval
		if every <= 0 {
			every = time.Second
		}
		go func() {
			t := time.NewTicker(every)
			defer t.Stop()
			for {
				select {
				case <-t.C:
					opts.OnProgress(st.snapshot(start))
				case <-progressDone:
					return
				}
			}
		}()
	}
	err = g.Wait()
	close(progressDone)
	sum.Elapsed = time.Since(start)
	sum.Blocked = time.Duration(st.blocked.Load())
	sum.Found = int(st.found.Load())
	if err != nil {
		// What was committed before the error stays: say so.
		if stats, serr := db.Stats(context.WithoutCancel(ctx)); serr == nil {
			sum.Entities = stats.Entities
		}
		return sum, err
	}
	sum.Stopped = ctx.Err() != nil
	// A folder that could not be read hides files that may still exist:
	// nothing is pruned then.
	if opts.Prune && !sum.Stopped && !unreadDir {
		if sum.Pruned, err = db.Prune(context.WithoutCancel(ctx), rootID, seen); err != nil {
			return sum, fmt.Errorf("prune: %w", err)
		}
	}
	// Make what this run wrote searchable (also after Ctrl-C).
	if err := db.IndexText(context.WithoutCancel(ctx)); err != nil {
		return sum, err
	}
	if opts.OnProgress != nil {
		opts.OnProgress(st.snapshot(start))
	}
	stats, err := db.Stats(context.WithoutCancel(ctx))
	if err != nil {
		return sum, fmt.Errorf("read store statistics: %w", err)
	}
	sum.Entities = stats.Entities
	return sum, nil
}

// counters are the run's figures shared with the progress reporter.
type counters struct {
	found, processed, unchanged, failed atomic.Int64
	bytes                               atomic.Int64
	blocked                             atomic.Int64 // ns workers waited for the writer
	discovering                         atomic.Bool
}

func (c *counters) snapshot(start time.Time) Progress {
	return Progress{
		Found:       int(c.found.Load()),
		Discovering: c.discovering.Load(),
		Processed:   int(c.processed.Load()),
		Unchanged:   int(c.unchanged.Load()),
		Failed:      int(c.failed.Load()),
		Bytes:       c.bytes.Load(),
		Elapsed:     time.Since(start),
	}
}

// process reads, checks and extracts one file. Only a failing store lookup
// or remote stage is an error; everything wrong with the file itself is a
// failed result.
func process(ctx context.Context, db *store.DB, x *extract.Extractor, remote Remote, version string, root int64, f file, maxSize int64, force bool) (result, error) {
	if f.err != nil {
		return result{f: f, doc: &store.Doc{Root: root, Path: f.rel, Err: f.err.Error()}}, nil
	}
	data, err := readDocument(f.abs, maxSize)
	if err != nil {
		return result{f: f, doc: &store.Doc{Root: root, Path: f.rel, Size: f.size, Err: err.Error()}}, nil
	}
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	if !force {
		info, ok, err := db.Known(ctx, root, f.rel)
		if err != nil {
			return result{}, fmt.Errorf("look up %q: %w", f.rel, err)
		}
		if ok && info.Status == store.StatusOK && info.SHA256 == sha && info.ExtractorVersion == version {
			return result{f: f, unchanged: true}, nil
		}
	}
	text := string(data)
	res, err := extractText(ctx, x, remote, RemoteDoc{Path: f.rel, SHA256: sha, Version: version, Text: text})
	if err != nil {
		return result{}, err
	}
	return result{
		f:      f,
		tokens: len(res.Tokens),
		doc: &store.Doc{
			Root: root, Path: f.rel, SHA256: sha, Size: int64(len(data)), Text: text,
			Result: res, ExtractorVersion: version,
		},
	}, nil
}

// write is the only goroutine that writes to the store. It puts results
// back into discovery order (so a run gives the same entities whatever the
// scheduling), groups documents into transactions of batchSize, and commits
// a partial batch whenever no result has come for a quarter of a second.
func write(ctx context.Context, db *store.DB, results <-chan result, slots <-chan struct{}, batchSize int, sum *Summary, st *counters) error {
	pending := make(map[int]result)
	next := 0
	var batch []result
	var docs []store.Doc
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		docs = docs[:0]
		for _, r := range batch {
			docs = append(docs, *r.doc)
		}
		// Documents in flight are committed even when the run is being
		// stopped: only a failing store aborts.
		t := time.Now()
		ws, err := db.Write(context.WithoutCancel(ctx), docs)
		sum.WriteTime += time.Since(t)
		if err != nil {
			return fmt.Errorf("write documents: %w", err)
		}
		sum.Mentions += ws.Mentions
		sum.Relations += ws.Relations
		for _, r := range batch {
			if r.doc.Err != "" {
				sum.Failed++
				sum.Failures = append(sum.Failures, Failure{Path: store.ShowPath(r.doc.Path), Reason: r.doc.Err})
				st.failed.Add(1)
				continue
			}
			sum.Processed++
			sum.Tokens += r.tokens
			sum.Bytes += r.doc.Size
			st.processed.Add(1)
			st.bytes.Add(r.doc.Size)
		}
		batch = batch[:0]
		return nil
	}
	take := func(r result) error {
		<-slots
		switch {
		case r.unchanged:
			sum.Unchanged++
			st.unchanged.Add(1)
		case r.f.dir:
			// An unreadable directory has no document row.
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{Path: store.ShowPath(r.f.rel) + "/", Reason: r.f.err.Error()})
			st.failed.Add(1)
		default:
			batch = append(batch, r)
			if len(batch) >= batchSize {
				return flush()
			}
		}
		return nil
	}
	idle := time.NewTimer(time.Hour)
	defer idle.Stop()
	for {
		idle.Reset(250 * time.Millisecond)
		select {
		case r, ok := <-results:
			if !ok {
				// Files discovered but never dispatched (a stopped run)
				// leave gaps: write the rest in order.
				seqs := make([]int, 0, len(pending))
				for s := range pending {
					seqs = append(seqs, s)
				}
				sort.Ints(seqs)
				for _, s := range seqs {
					if err := take(pending[s]); err != nil {
						return err
					}
				}
				return flush()
			}
			pending[r.f.seq] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if err := take(r); err != nil {
					return err
				}
			}
		case <-idle.C:
			if err := flush(); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
