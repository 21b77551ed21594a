package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/pipeline"
)

// WorkerOptions configures a Worker.
type WorkerOptions struct {
	// Workers is how many documents are extracted at once; 0 means one
	// per CPU.
	Workers int
	// AckWait is how long a document taken by a worker that went silent
	// (killed, cut off) waits before it is given to another worker; 0
	// means DefaultAckWait. While extracting, a worker tells the server
	// it is alive three times per AckWait. All workers share one
	// consumer: the last worker started sets it.
	AckWait time.Duration
	// RefuseDelay is how long a document refused for its extractor
	// version waits before it is offered again; 0 means ten seconds.
	RefuseDelay time.Duration
	// Log, when set, receives one line per notable event: a refused run,
	// a document whose body is gone.
	Log io.Writer
	// OnDone, when set, is called with the run id and document path of
	// every document extracted and acknowledged.
	OnDone func(run, path string)
}

// Worker extracts the documents of every run on a server: it pulls them
// from the shared consumer, extracts them, publishes each result and
// acknowledges the document once JetStream has stored the result.
type Worker struct {
	nc      *nats.Conn
	s       *setup
	cons    jetstream.Consumer
	x       *extract.Extractor
	version string
	opts    WorkerOptions
	maxBody int

	extracted atomic.Int64

	mu      sync.Mutex
	refused map[string]bool // runs already logged as refused

	// afterResult, when set (by tests), is called with each result
	// message once JetStream has stored it, before the document's ack.
	afterResult func(out *nats.Msg)
}

// NewWorker prepares a worker extracting with x on nc, creating the
// streams and the workers' consumer when they do not exist.
func NewWorker(ctx context.Context, nc *nats.Conn, x *extract.Extractor, opts WorkerOptions) (*Worker, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.AckWait <= 0 {
		opts.AckWait = DefaultAckWait
	}
	if opts.RefuseDelay <= 0 {
		opts.RefuseDelay = 10 * time.Second
	}
	s, err := newSetup(ctx, nc)
	if err != nil {
		return nil, err
	}
	cons, err := s.workersConsumer(ctx, opts.AckWait)
	if err != nil {
		return nil, err
	}
	return &Worker{nc: nc, s: s, cons: cons, x: x, version: x.Version(), opts: opts,
		maxBody: maxBody(nc), refused: map[string]bool{}}, nil
}

// Extracted is how many documents the worker extracted and acknowledged.
func (w *Worker) Extracted() int64 { return w.extracted.Load() }

// Version is the extractor version of the worker's results.
func (w *Worker) Version() string { return w.version }

// Run extracts documents until ctx is cancelled, then finishes the
// documents in hand and returns nil. It returns ErrServerLost when the
// connection to the server is closed.
func (w *Worker) Run(ctx context.Context) error {
	g, gctx := errgroup.WithContext(context.Background())
	for range w.opts.Workers {
		g.Go(func() error {
			for ctx.Err() == nil && gctx.Err() == nil {
				batch, err := w.cons.Fetch(1, jetstream.FetchMaxWait(time.Second))
				if err != nil {
					if w.nc.IsClosed() {
						return ErrServerLost
					}
					if ctx.Err() != nil {
						return nil
					}
					time.Sleep(100 * time.Millisecond)
					continue
				}
				for m := range batch.Messages() {
					// A document in hand is finished even when ctx is
					// cancelled meanwhile.
					if err := w.handle(context.WithoutCancel(ctx), m); err != nil {
						if errors.Is(err, ErrServerLost) {
							return err
						}
						// The document was put back for another try.
						w.logf("%v", err)
					}
				}
				if w.nc.IsClosed() {
					return ErrServerLost
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// handle extracts one document message and publishes its result. On an
// error the document is put back in the queue.
func (w *Worker) handle(ctx context.Context, m jetstream.Msg) error {
	run := strings.TrimPrefix(m.Subject(), "dossier.docs.")
	h, err := readDocHeader(m.Headers())
	if err != nil {
		w.logf("run %s: %v: dropped", run, err)
		m.Term()
		return nil
	}
	if h.version != w.version {
		w.refuse(run, h, m)
		return nil
	}
	docID := m.Headers().Get(jetstream.MsgIDHeader)
	text := m.Data()
	if h.object != "" {
		if text, err = w.s.blobs.GetBytes(ctx, h.object); err != nil {
			if errors.Is(err, jetstream.ErrObjectNotFound) {
				// Its run has moved on (a re-run purged it).
				w.logf("run %s: %s: document body %s is gone: dropped", run, h.path, h.object)
				m.Term()
				return nil
			}
			m.Nak()
			return w.lost(fmt.Errorf("get document %s: %w", h.object, err))
		}
	}

	// Tell the server the document is being worked on while it is.
	beat := time.NewTicker(w.opts.AckWait / 3)
	done := make(chan struct{})
	go func() {
		defer beat.Stop()
		for {
			select {
			case <-beat.C:
				m.InProgress()
			case <-done:
				return
			}
		}
	}()
	res := pipeline.ExtractFile(w.x, h.path, string(text))
	data, err := encodeResult(res)
	close(done)
	if err != nil {
		m.Nak()
		return err
	}

	out := nats.NewMsg(resultsSubject(run))
	out.Header.Set(jetstream.MsgIDHeader, "result."+docID)
	out.Header.Set(hdrDocID, docID)
	rh := docHeader{path: h.path, sha: h.sha, version: w.version}
	if len(data) > w.maxBody {
		rh.object = run + "/" + docID + ".result"
		if err := putBlob(ctx, w.s.blobs, rh.object, data, w.maxBody); err != nil {
			m.Nak()
			return w.lost(fmt.Errorf("put result in object store %s: %w", BlobBucket, err))
		}
	} else {
		out.Data = data
	}
	rh.set(out.Header)
	if _, err := publish(ctx, w.nc, w.s.js, out); err != nil {
		m.Nak()
		return w.lost(fmt.Errorf("publish result of %s: %w", h.path, err))
	}
	if w.afterResult != nil {
		w.afterResult(out)
	}
	// The result is stored: only now is the document done.
	if err := m.DoubleAck(ctx); err != nil {
		if w.nc.IsClosed() {
			return ErrServerLost
		}
		// Redelivered later; the coordinator drops the second result.
		return fmt.Errorf("acknowledge %s: %w", h.path, err)
	}
	w.extracted.Add(1)
	if w.opts.OnDone != nil {
		w.opts.OnDone(run, h.path)
	}
	return nil
}

// refuse puts back a document made for another extractor version and
// tells its coordinator.
func (w *Worker) refuse(run string, h docHeader, m jetstream.Msg) {
	m.NakWithDelay(w.opts.RefuseDelay)
	w.mu.Lock()
	first := !w.refused[run]
	w.refused[run] = true
	w.mu.Unlock()
	if first {
		w.logf("run %s: refusing its documents: they need extractor version %s, this worker has %s (start it with the run's --model and --entities)",
			run, h.version, w.version)
	}
	n := nats.NewMsg(refusedSubject(run))
	h.set(n.Header)
	n.Header.Set(hdrWorker, w.nc.Opts.Name)
	n.Header.Set(hdrWorkerVersion, w.version)
	w.nc.PublishMsg(n)
}

func (w *Worker) lost(err error) error {
	if w.nc.IsClosed() {
		return fmt.Errorf("%w: %w", ErrServerLost, err)
	}
	return err
}

func (w *Worker) logf(format string, args ...any) {
	if w.opts.Log != nil {
		fmt.Fprintf(w.opts.Log, "dossier worker: "+format+"\n", args...)
	}
}
