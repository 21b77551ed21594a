package cluster

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/pipeline"
)

// Refusal is a worker's notice that it refused a document of this run
// because its extractor version is not the run's.
type Refusal struct {
	Worker        string // the worker's connection name (host and process)
	WorkerVersion string
	RunVersion    string
	Path          string
}

// String is the notice as the run prints it.
func (r Refusal) String() string {
	return fmt.Sprintf("worker %s has extractor version %s, this run needs %s: it refused %s (start workers with the same --model and --entities)",
		r.Worker, r.WorkerVersion, r.RunVersion, r.Path)
}

// CoordinatorOptions configures a Coordinator.
type CoordinatorOptions struct {
	// Run is the run id that scopes the run's subjects; see RunID.
	Run string
	// OnRefused, when set, is called (from one goroutine) for every
	// document a worker of another extractor version refused. The
	// document stays queued for a worker of the right version.
	OnRefused func(Refusal)
}

// Coordinator is the remote extraction stage of one run: it publishes each
// document on the run's subject and waits for its result. It implements
// pipeline.Remote; give it to pipeline.Run in Options.Remote.
type Coordinator struct {
	nc      *nats.Conn
	s       *setup
	run     string
	session string
	maxBody int
	seq     atomic.Int64

	iter    jetstream.MessagesContext
	refused *nats.Subscription
	loop    sync.WaitGroup

	mu          sync.Mutex
	waiting     map[docKey]*waiter
	stash       map[docKey]delivery // results that came before their document was asked for
	done        map[docKey]struct{} // documents whose result was taken: later copies are dropped
	doneOld     map[docKey]struct{}
	err         error         // why the coordinator failed
	failed      chan struct{} // closed when err is set
	received    int           // results received, for Drain
	recvCond    *sync.Cond
	stopNotices chan struct{}
}

type docKey struct{ path, sha string }

type waiter struct {
	version string
	ch      chan delivery
}

// delivery is a result message, not yet decoded.
type delivery struct {
	version string
	data    []byte
	object  string
}

// doneGeneration is how many finished documents are remembered (in each of
// two generations) to drop late copies of their results.
const doneGeneration = 1 << 16

var _ pipeline.Remote = (*Coordinator)(nil)

// NewCoordinator prepares the run opts.Run on nc: it creates the streams
// and the run's result consumer when they do not exist, removes the
// documents a previous coordinator of this run left queued, and collects
// the results that such a run left in the result stream, so that a re-run
// uses them instead of extracting again. Close it when the run is over.
func NewCoordinator(ctx context.Context, nc *nats.Conn, opts CoordinatorOptions) (*Coordinator, error) {
	if opts.Run == "" {
		return nil, errors.New("coordinator: no run id")
	}
	s, err := newSetup(ctx, nc)
	if err != nil {
		return nil, err
	}
	c := &Coordinator{
		nc: nc, s: s, run: opts.Run, session: nuid.Next(), maxBody: maxBody(nc),
		waiting: map[docKey]*waiter{}, stash: map[docKey]delivery{},
		done: map[docKey]struct{}{}, doneOld: map[docKey]struct{}{},
		failed: make(chan struct{}),
	}
	c.recvCond = sync.NewCond(&c.mu)
	if err := s.docs.Purge(ctx, jetstream.WithPurgeSubject(docsSubject(c.run))); err != nil {
		return nil, fmt.Errorf("purge queued documents of run %s: %w", c.run, err)
	}
	cons, err := s.results.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:           coordinatorConsumer(c.run),
		Description:       "dossier coordinator of run " + c.run,
		FilterSubject:     resultsSubject(c.run),
		AckPolicy:         jetstream.AckExplicitPolicy,
		AckWait:           DefaultAckWait,
		MaxAckPending:     -1,
		InactiveThreshold: blobTTL,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", coordinatorConsumer(c.run), err)
	}
	info, err := cons.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", coordinatorConsumer(c.run), err)
	}
	left := int(info.NumPending)
	if c.iter, err = cons.Messages(jetstream.PullMaxMessages(512), jetstream.WithMessagesErrOnMissingHeartbeat(false)); err != nil {
		return nil, fmt.Errorf("consume results of run %s: %w", c.run, err)
	}
	if opts.OnRefused != nil {
		notices := make(chan *nats.Msg, 64)
		if c.refused, err = nc.ChanSubscribe(refusedSubject(c.run), notices); err != nil {
			c.iter.Stop()
			return nil, fmt.Errorf("subscribe to refusals of run %s: %w", c.run, err)
		}
		c.stopNotices = make(chan struct{})
		c.loop.Go(func() {
			for {
				var m *nats.Msg
				select {
				case m = <-notices:
				case <-c.stopNotices:
					return
				}
				p, _ := url.PathUnescape(m.Header.Get(hdrPath))
				opts.OnRefused(Refusal{Worker: m.Header.Get(hdrWorker), WorkerVersion: m.Header.Get(hdrWorkerVersion),
					RunVersion: m.Header.Get(hdrVersion), Path: p})
			}
		})
	}
	prev := nc.Opts.ClosedCB
	nc.SetClosedHandler(func(conn *nats.Conn) {
		c.fail(ErrServerLost)
		if prev != nil {
			prev(conn)
		}
	})
	c.loop.Go(c.receive)
	// Wait for the results a previous coordinator of this run left, so
	// that the run finds them; they are only a saving, so not forever.
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := c.waitReceived(wctx, left); err != nil && !(errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil) {
		c.Close()
		return nil, err
	}
	return c, nil
}

// waitReceived waits until n results were received.
func (c *Coordinator) waitReceived(ctx context.Context, n int) error {
	stop := context.AfterFunc(ctx, func() {
		c.mu.Lock()
		c.recvCond.Broadcast()
		c.mu.Unlock()
	})
	defer stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.received < n && c.err == nil && ctx.Err() == nil {
		c.recvCond.Wait()
	}
	if c.err != nil {
		return c.err
	}
	return ctx.Err()
}

// Run is the coordinator's run id.
func (c *Coordinator) Run() string { return c.run }

// fail records the first reason the coordinator cannot go on.
func (c *Coordinator) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
		close(c.failed)
		c.recvCond.Broadcast()
	}
}

// Close stops receiving results. It does not close the connection.
func (c *Coordinator) Close() error {
	c.iter.Stop()
	if c.refused != nil {
		c.refused.Unsubscribe()
		close(c.stopNotices)
	}
	c.loop.Wait()
	return nil
}

// receive hands every result message to the goroutine waiting for it, or
// keeps it for a document not asked for yet, or drops it when its document
// already has its result.
func (c *Coordinator) receive() {
	for {
		m, err := c.iter.Next()
		if err != nil {
			if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				return
			}
			if c.nc.IsClosed() {
				c.fail(ErrServerLost)
				return
			}
			continue
		}
		h, err := readDocHeader(m.Headers())
		if err != nil {
			m.Term()
			continue
		}
		d := delivery{version: h.version, data: m.Data(), object: h.object}
		k := docKey{h.path, h.sha}
		drop := false
		c.mu.Lock()
		_, dup := c.done[k]
		if _, old := c.doneOld[k]; old {
			dup = true
		}
		switch w, ok := c.waiting[k]; {
		case dup:
			drop = true
		case ok && w.version == d.version:
			delete(c.waiting, k)
			c.markDone(k)
			w.ch <- d
		case ok:
			drop = true // a stale result of another version
		default:
			if _, have := c.stash[k]; have {
				drop = true
			} else {
				c.stash[k] = d
			}
		}
		c.received++
		c.recvCond.Broadcast()
		c.mu.Unlock()
		if drop && d.object != "" {
			c.s.blobs.Delete(context.Background(), d.object)
		}
		m.Ack()
	}
}

// markDone remembers that k has its result; c.mu is held.
func (c *Coordinator) markDone(k docKey) {
	if len(c.done) >= doneGeneration {
		c.doneOld, c.done = c.done, make(map[docKey]struct{}, doneGeneration)
	}
	c.done[k] = struct{}{}
}

// Extract publishes doc for the workers and waits for its result. It
// implements pipeline.Remote.
func (c *Coordinator) Extract(ctx context.Context, doc pipeline.RemoteDoc) (*extract.Result, error) {
	k := docKey{doc.Path, doc.SHA256}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return nil, c.err
	}
	if d, ok := c.stash[k]; ok {
		delete(c.stash, k)
		if d.version == doc.Version {
			c.markDone(k)
			c.mu.Unlock()
			return c.decode(ctx, doc, d)
		}
		if d.object != "" {
			go c.s.blobs.Delete(context.WithoutCancel(ctx), d.object)
		}
	}
	w := &waiter{version: doc.Version, ch: make(chan delivery, 1)}
	c.waiting[k] = w
	c.mu.Unlock()
	forget := func() {
		c.mu.Lock()
		if c.waiting[k] == w {
			delete(c.waiting, k)
		}
		c.mu.Unlock()
	}

	id := c.run + "." + c.session + "." + strconv.FormatInt(c.seq.Add(1), 10)
	object, err := publishDoc(ctx, c.nc, c.s, c.run, id, doc, c.maxBody)
	if object != "" {
		defer c.s.blobs.Delete(context.WithoutCancel(ctx), object)
	}
	if err != nil {
		forget()
		return nil, c.lost(err)
	}
	select {
	case d := <-w.ch:
		return c.decode(ctx, doc, d)
	case <-c.failed:
		forget()
		return nil, c.err
	case <-ctx.Done():
		forget()
		return nil, ctx.Err()
	}
}

// lost turns an error into ErrServerLost when the connection is gone.
func (c *Coordinator) lost(err error) error {
	if c.nc.IsClosed() {
		return fmt.Errorf("%w: %w", ErrServerLost, err)
	}
	return err
}

// decode reads a result, from the object store when it was too large for
// a message.
func (c *Coordinator) decode(ctx context.Context, doc pipeline.RemoteDoc, d delivery) (*extract.Result, error) {
	data := d.data
	if d.object != "" {
		var err error
		if data, err = c.s.blobs.GetBytes(ctx, d.object); err != nil {
			return nil, c.lost(fmt.Errorf("get result from object store %s: %w", BlobBucket, err))
		}
		c.s.blobs.Delete(context.WithoutCancel(ctx), d.object)
	}
	res, err := decodeResult(data)
	if err != nil {
		return nil, err
	}
	if err := checkResult(res, doc.Text); err != nil {
		return nil, fmt.Errorf("result from a worker: %w", err)
	}
	return res, nil
}

// checkResult checks that the spans of r lie in text, so that a corrupt
// result fails the run instead of writing wrong rows.
func checkResult(r *extract.Result, text string) error {
	n := len(text)
	in := func(s, e int) bool { return 0 <= s && s <= e && e <= n }
	for _, s := range r.Sentences {
		if !in(s.Start, s.End) {
			return fmt.Errorf("sentence span [%d, %d) outside the document's %d bytes", s.Start, s.End, n)
		}
	}
	for _, m := range r.Mentions {
		if !in(m.Start, m.End) || text[m.Start:m.End] != m.Text || m.Entity < 0 || m.Entity >= len(r.Entities) || m.Sentence < 0 || m.Sentence >= len(r.Sentences) {
			return fmt.Errorf("mention %q at [%d, %d) does not match the document", m.Text, m.Start, m.End)
		}
	}
	for _, rel := range r.Relations {
		if !in(rel.Start, rel.End) || rel.Subject < 0 || rel.Subject >= len(r.Entities) || rel.Object < 0 || rel.Object >= len(r.Entities) || rel.Sentence < 0 || rel.Sentence >= len(r.Sentences) {
			return fmt.Errorf("relation %q at [%d, %d) does not match the document", rel.Predicate, rel.Start, rel.End)
		}
	}
	return nil
}

// publishDoc publishes doc on run's subject with message id id, its text
// in the object store when it is larger than maxBody. It returns the
// object's name, if any.
func publishDoc(ctx context.Context, nc *nats.Conn, s *setup, run, id string, doc pipeline.RemoteDoc, maxBody int) (string, error) {
	h := docHeader{path: doc.Path, sha: doc.SHA256, version: doc.Version}
	m := nats.NewMsg(docsSubject(run))
	m.Header.Set(jetstream.MsgIDHeader, id)
	if len(doc.Text) > maxBody {
		h.object = run + "/" + id + ".doc"
		if err := putBlob(ctx, s.blobs, h.object, []byte(doc.Text), maxBody); err != nil {
			return h.object, fmt.Errorf("put document in object store %s: %w", BlobBucket, err)
		}
	} else {
		m.Data = []byte(doc.Text)
	}
	h.set(m.Header)
	if _, err := publish(ctx, nc, s.js, m); err != nil {
		return h.object, fmt.Errorf("publish document: %w", err)
	}
	return h.object, nil
}
