package postag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/dossier-nlp/dossier/extract/internal/featurehash"
)

// Model files are a gzip stream holding, little-endian and varint-coded:
// the magic string, the format version, the tags, the dense scores of the
// previous two tags, the dictionary words with their tags, and the feature
// keys (ascending, delta-coded) each followed by its non-zero weights as
// (tag, weight) pairs. Weights are stored as integer multiples of
// weightStep.
const (
	magic   = "dossier-postag\n"
	version = 1
)

// ErrBadModel is returned by Load for data that is not a model file.
var ErrBadModel = errors.New("not a postag model")

//go:embed model.bin.gz
var defaultModel []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := Load(bytes.NewReader(defaultModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded model: %w", err)
	}
	return m, nil
})

// Default returns the embedded model, trained on GUM (see the package
// documentation), decoded on first use.
func Default() (*Model, error) { return loadDefault() }

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) uvarint(v uint64) {
	n := binary.PutUvarint(e.buf[:], v)
	e.bytes(e.buf[:n])
}

func (e *encoder) weight(f float32) {
	n := binary.PutVarint(e.buf[:], int64(math.Round(float64(f)/weightStep)))
	e.bytes(e.buf[:n])
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) string(s string) {
	e.uvarint(uint64(len(s)))
	e.bytes([]byte(s))
}

// Save writes the model to w in the format Load reads (gzip-compressed).
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	e := &encoder{w: bw}
	e.bytes([]byte(magic))
	e.uvarint(version)
	e.uvarint(uint64(len(m.tags)))
	for _, t := range m.tags {
		e.string(t)
	}
	for _, v := range m.dense {
		e.weight(v)
	}
	e.uvarint(uint64(len(m.words)))
	for _, w := range m.words {
		e.string(w)
		e.uvarint(uint64(m.dict.get(featurehash.Feat1(0, featurehash.HashString(w))).lo))
	}
	var keys []uint64
	for _, s := range m.feats.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
		}
	}
	slices.Sort(keys)
	e.uvarint(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		e.uvarint(k - prev)
		prev = k
		s := m.feats.get(k)
		e.uvarint(uint64(s.hi - s.lo))
		for _, en := range m.entries[s.lo:s.hi] {
			e.uvarint(uint64(en.tag))
			e.weight(en.w)
		}
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return fmt.Errorf("save model: %w", e.err)
	}
	return nil
}

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
	}
	return v
}

// count reads a length and checks it against max.
func (d *decoder) count(max uint64) int {
	v := d.uvarint()
	if v > max && d.err == nil {
		d.err = fmt.Errorf("%w: count %d out of range", ErrBadModel, v)
		return 0
	}
	return int(v)
}

func (d *decoder) weight() float32 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	if err != nil {
		d.err = err
	}
	return float32(float64(v) * weightStep)
}

func (d *decoder) string() string {
	n := d.count(1 << 16)
	if d.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
	}
	return string(b)
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load model: %w: %w", ErrBadModel, err)
	}
	defer zr.Close()
	d := &decoder{r: bufio.NewReaderSize(zr, 1<<16)}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(d.r, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("load model: %w", ErrBadModel)
	}
	if v := d.uvarint(); d.err == nil && v != version {
		return nil, fmt.Errorf("load model: %w: version %d", ErrBadModel, v)
	}
	m := &Model{}
	nt := d.count(maxTags)
	if d.err == nil && nt == 0 {
		d.err = fmt.Errorf("%w: no tags", ErrBadModel)
	}
	for i := 0; i < nt && d.err == nil; i++ {
		m.tags = append(m.tags, d.string())
	}
	if d.err == nil {
		m.dense = make([]float32, (nt+1)*(nt+1)*nt)
		for i := range m.dense {
			m.dense[i] = d.weight()
		}
	}
	nw := d.count(1 << 24)
	dictTags := make([]int, 0, nw)
	for i := 0; i < nw && d.err == nil; i++ {
		m.words = append(m.words, d.string())
		dictTags = append(dictTags, d.count(uint64(nt-1)))
	}
	nf := d.count(1 << 28)
	if d.err == nil {
		m.feats = newTable(nf)
	}
	key := uint64(0)
	for i := 0; i < nf && d.err == nil; i++ {
		delta := d.uvarint()
		key += delta
		if d.err == nil && (delta == 0 && i > 0 || key == 0) {
			d.err = fmt.Errorf("%w: bad feature key", ErrBadModel)
		}
		ne := d.count(uint64(nt))
		lo := uint32(len(m.entries))
		for j := 0; j < ne && d.err == nil; j++ {
			t := d.count(uint64(nt - 1))
			m.entries = append(m.entries, entry{tag: uint32(t), w: d.weight()})
		}
		if d.err == nil {
			m.feats.put(key, lo, uint32(len(m.entries)))
		}
	}
	if d.err != nil {
		if errors.Is(d.err, io.EOF) {
			d.err = fmt.Errorf("%w: %w", ErrBadModel, io.ErrUnexpectedEOF)
		}
		return nil, fmt.Errorf("load model: %w", d.err)
	}
	m.buildDict(func(i int) int { return dictTags[i] })
	return m, nil
}
