package cluster

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dossier-nlp/dossier/extract"
)

// encodeResult encodes r with gob: every offset, string and confidence
// comes back exactly as it was.
func encodeResult(r *extract.Result) ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(r); err != nil {
		return nil, fmt.Errorf("encode result: %w", err)
	}
	return b.Bytes(), nil
}

// decodeResult decodes what encodeResult wrote.
func decodeResult(data []byte) (*extract.Result, error) {
	r := new(extract.Result)
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(r); err != nil {
		return nil, fmt.Errorf("decode result: %w", err)
	}
	return r, nil
}

// docHeader is what both kinds of message say about their document.
type docHeader struct {
	path, sha, version string
	object             string // object name when the body is in BlobBucket
}

func (d docHeader) set(h nats.Header) {
	h.Set(hdrPath, url.PathEscape(d.path))
	h.Set(hdrSHA, d.sha)
	h.Set(hdrVersion, d.version)
	if d.object != "" {
		h.Set(hdrObject, d.object)
	}
}

func readDocHeader(h nats.Header) (docHeader, error) {
	p, err := url.PathUnescape(h.Get(hdrPath))
	if err != nil || p == "" || h.Get(hdrSHA) == "" {
		return docHeader{}, fmt.Errorf("message without a document path and sha256")
	}
	return docHeader{path: p, sha: h.Get(hdrSHA), version: h.Get(hdrVersion), object: h.Get(hdrObject)}, nil
}

// maxBody is the largest body sent in a message on nc; larger ones go
// through the object store. It leaves room for the headers.
func maxBody(nc *nats.Conn) int {
	return max(int(nc.MaxPayload())-8<<10, 1<<10)
}

// publish publishes m on js, retrying with the same message id (so
// JetStream stores it once) until the server acknowledges it, the
// connection is closed or ctx is done.
func publish(ctx context.Context, nc *nats.Conn, js jetstream.JetStream, m *nats.Msg) (*jetstream.PubAck, error) {
	for {
		ack, err := js.PublishMsg(ctx, m)
		if err == nil {
			return ack, nil
		}
		if nc.IsClosed() {
			return nil, ErrServerLost
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var apiErr *jetstream.APIError
		if errors.As(err, &apiErr) {
			return nil, fmt.Errorf("publish on %s: %w", m.Subject, err)
		}
		select {
		case <-time.After(250 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// putBlob puts data in the object store under name, in chunks that fit in
// a message.
func putBlob(ctx context.Context, os jetstream.ObjectStore, name string, data []byte, maxBody int) error {
	meta := jetstream.ObjectMeta{Name: name, Opts: &jetstream.ObjectMetaOptions{ChunkSize: uint32(min(maxBody, 128<<10))}}
	_, err := os.Put(ctx, meta, bytes.NewReader(data))
	return err
}
