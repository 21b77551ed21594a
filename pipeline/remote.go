package pipeline

import (
	"context"
	"fmt"
	"runtime"

	"github.com/dossier-nlp/dossier/extract"
)

// DefaultRemoteInFlight is how many documents a run with Options.Remote
// keeps in flight when Options.Workers is zero: enough to keep many remote
// workers busy while the writer restores discovery order.
const DefaultRemoteInFlight = 256

// Remote is an extraction stage outside this process: workers on other
// machines reached through a queue. When Options.Remote is set, Run still
// discovers, reads and checks every file and skips the unchanged ones, but
// hands each document to extract to Remote instead of calling the
// extractor, and writes the results with its own single writer.
// Options.Workers is then the number of documents in flight at once.
type Remote interface {
	// Extract returns the extraction of doc, made by an extractor of
	// doc.Version. It is called from many goroutines at once and blocks
	// until the result is back or ctx is done. An error stops the run:
	// it means the remote stage as a whole failed (a lost server, say),
	// not that the document is bad.
	Extract(ctx context.Context, doc RemoteDoc) (*extract.Result, error)
}

// RemoteDoc is one document handed to a Remote.
type RemoteDoc struct {
	Path    string // relative to the folder that was run
	SHA256  string // hex sha256 of Text
	Version string // the extractor version the result must come from
	Text    string
}

// defaultWorkers is the number of workers (or, with a remote, documents in
// flight) a run uses when Options.Workers is zero.
func defaultWorkers(r Remote) int {
	if r != nil {
		return DefaultRemoteInFlight
	}
	return runtime.GOMAXPROCS(0)
}

// extractText extracts one document, here or through r.
func extractText(ctx context.Context, x *extract.Extractor, r Remote, doc RemoteDoc) (*extract.Result, error) {
	if r == nil {
		return ExtractFile(x, doc.Path, doc.Text), nil
	}
	res, err := r.Extract(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("extract %q remotely: %w", doc.Path, err)
	}
	return res, nil
}
