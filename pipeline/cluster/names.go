package cluster

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of the streams, consumers and object store on the server.
const (
	DocsStream      = "DOSSIER_DOCS"
	ResultsStream   = "DOSSIER_RESULTS"
	WorkersConsumer = "dossier-workers"
	BlobBucket      = "dossier-blobs"
)

// Subjects of one run.
func docsSubject(run string) string    { return "dossier.docs." + run }
func resultsSubject(run string) string { return "dossier.results." + run }
func refusedSubject(run string) string { return "dossier.refused." + run }

// coordinatorConsumer is the durable consumer of one run's results.
func coordinatorConsumer(run string) string { return "dossier-coordinator-" + run }

// Message headers.
const (
	hdrPath          = "Dossier-Path"           // document path, URL path-escaped
	hdrSHA           = "Dossier-Sha256"         // hex sha256 of the document
	hdrVersion       = "Dossier-Version"        // extractor version
	hdrObject        = "Dossier-Object"         // object name in BlobBucket holding the body
	hdrDocID         = "Dossier-Doc-Id"         // the document message's id, on results
	hdrWorker        = "Dossier-Worker"         // a refusing worker's name
	hdrWorkerVersion = "Dossier-Worker-Version" // a refusing worker's extractor version
)

// DefaultAckWait is how long a worker may hold a document without telling
// the server it is still working on it before the document is redelivered.
const DefaultAckWait = 30 * time.Second

// blobTTL is how long an object left behind (by a killed process) stays.
const blobTTL = 7 * 24 * time.Hour

// RunID returns the default run id of a run of folder into the database at
// dbPath on this host: the same for every re-run of one command, different
// for another database or folder.
func RunID(dbPath, folder string) (string, error) {
	db, err := filepath.Abs(dbPath)
	if err != nil {
		return "", fmt.Errorf("run id: %w", err)
	}
	dir, err := filepath.Abs(folder)
	if err != nil {
		return "", fmt.Errorf("run id: %w", err)
	}
	host, _ := os.Hostname()
	sum := sha256.Sum256([]byte(host + "\x00" + db + "\x00" + dir))
	return hex.EncodeToString(sum[:8]), nil
}

// ErrServerLost is returned when the connection to the NATS server is lost
// for longer than the reconnect window.
var ErrServerLost = errors.New("lost the NATS server")

// Connect connects to the NATS server at url. While the server is away the
// client tries to reconnect for about window (0 means one minute); after
// that the connection is closed and every operation fails with
// ErrServerLost.
func Connect(url, name string, window time.Duration) (*nats.Conn, error) {
	if window <= 0 {
		window = time.Minute
	}
	wait := min(window/4, 2*time.Second)
	nc, err := nats.Connect(url,
		nats.Name(name),
		nats.ReconnectWait(wait),
		nats.MaxReconnects(int(window/wait)),
		nats.ReconnectJitter(0, 0),
		nats.Timeout(5*time.Second),
	)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS at %s: %w", url, err)
	}
	return nc, nil
}

// setup creates (or finds) the streams, the workers' consumer and the
// object store bucket. Creating what exists with the same configuration
// changes nothing, so every process calls it.
type setup struct {
	js      jetstream.JetStream
	docs    jetstream.Stream
	results jetstream.Stream
	blobs   jetstream.ObjectStore
}

func newSetup(ctx context.Context, nc *nats.Conn) (*setup, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	s := &setup{js: js}
	if s.docs, err = ensureStream(ctx, js, jetstream.StreamConfig{
		Name:        DocsStream,
		Description: "dossier: documents to extract, one subject per run",
		Subjects:    []string{"dossier.docs.>"},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		MaxAge:      blobTTL,
	}); err != nil {
		return nil, err
	}
	if s.results, err = ensureStream(ctx, js, jetstream.StreamConfig{
		Name:        ResultsStream,
		Description: "dossier: extraction results, one subject per run",
		Subjects:    []string{"dossier.results.>"},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		MaxAge:      blobTTL,
	}); err != nil {
		return nil, err
	}
	s.blobs, err = js.ObjectStore(ctx, BlobBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		s.blobs, err = js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{
			Bucket:      BlobBucket,
			Description: "dossier: documents and results over the max payload",
			TTL:         blobTTL,
			Storage:     jetstream.FileStorage,
		})
		if errors.Is(err, jetstream.ErrBucketExists) {
			s.blobs, err = js.ObjectStore(ctx, BlobBucket)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("object store %s: %w", BlobBucket, err)
	}
	return s, nil
}

func ensureStream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig) (jetstream.Stream, error) {
	st, err := js.Stream(ctx, cfg.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		st, err = js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			st, err = js.Stream(ctx, cfg.Name)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", cfg.Name, err)
	}
	return st, nil
}

// workersConsumer creates or updates the consumer every worker pulls from.
func (s *setup) workersConsumer(ctx context.Context, ackWait time.Duration) (jetstream.Consumer, error) {
	if ackWait <= 0 {
		ackWait = DefaultAckWait
	}
	c, err := s.docs.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       WorkersConsumer,
		Description:   "dossier workers",
		FilterSubject: "dossier.docs.>",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       ackWait,
		MaxAckPending: -1,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", WorkersConsumer, err)
	}
	return c, nil
}
