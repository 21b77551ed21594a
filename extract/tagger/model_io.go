package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// Model files are a gzip stream holding, little-endian and varint-coded:
// the magic string, the format version, a flags byte, the confidence
// temperature, the entity types, transition and final scores, the case
// lexicon and the feature weights, each weight stored as an integer
// multiple of weightStep.
const (
	magic      = "dossier-tagger\n"
	version    = 1
	weightStep = 1.0 / 64
)

// ErrBadModel is returned by Load for data that is not a model file.
var ErrBadModel = errors.New("not a tagger model")

// quantize rounds v to a multiple of weightStep, the precision in which
// model files store weights.
func quantize(v float64) float32 {
	return float32(math.Round(v/weightStep) * weightStep)
}

//go:embed model.bin.gz
var defaultModel []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := Load(bytes.NewReader(defaultModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded model: %w", err)
	}
	return m, nil
})

// Default returns the embedded model, decoded on first use.
func Default() (*Model, error) { return loadDefault() }

// Save writes the model to w in the format Load reads (gzip-compressed).
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	if err := m.encode(bw); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// fingerprint returns the model's name: "perceptron-" and the first hex
// digits of the SHA-256 of its uncompressed encoding.
func (m *Model) fingerprint() (string, error) {
	h := sha256.New()
	bw := bufio.NewWriter(h)
	if err := m.encode(bw); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", err
	}
	return "perceptron-" + hex.EncodeToString(h.Sum(nil)[:6]), nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) uvarint(v uint64) {
	n := binary.PutUvarint(e.buf[:], v)
	e.bytes(e.buf[:n])
}

func (e *encoder) varint(v int64) {
	n := binary.PutVarint(e.buf[:], v)
	e.bytes(e.buf[:n])
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) float32s(fs []float32) {
	for _, f := range fs {
		e.varint(int64(math.Round(float64(f) / weightStep)))
	}
}

// table writes t's keys in ascending order, delta-coded, then their
// values (which are never negative).
func (e *encoder) table(t *table) {
	keys := tableKeys(t)
	e.uvarint(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		e.uvarint(k - prev)
		prev = k
	}
	for _, k := range keys {
		e.uvarint(uint64(t.get(k)))
	}
}

func (m *Model) encode(w *bufio.Writer) error {
	e := &encoder{w: w}
	e.bytes([]byte(magic))
	e.uvarint(version)
	var flags uint64
	if m.useGaz {
		flags |= 1
	}
	e.uvarint(flags)
	binary.LittleEndian.PutUint64(e.buf[:8], math.Float64bits(m.temp))
	e.bytes(e.buf[:8])
	e.uvarint(uint64(len(m.types)))
	for _, t := range m.types {
		e.uvarint(uint64(len(t)))
		e.bytes([]byte(t))
	}
	e.float32s(m.trans)
	e.float32s(m.final)

	// Lexicon tables.
	lex := m.lex
	if lex == nil {
		lex = &lexicon{}
	}
	for _, t := range []*table{lex.cases, lex.words, lex.phrases} {
		e.table(t)
	}

	// Features: sorted keys, delta-coded; then per feature a bit mask of
	// its non-zero labels and those weights.
	fk := m.feats.keys()
	e.uvarint(uint64(len(fk)))
	prev := uint64(0)
	for _, k := range fk {
		e.uvarint(k - prev)
		prev = k
	}
	row := make([]float32, m.nl)
	for _, k := range fk {
		info, _ := m.feats.get(k)
		m.feats.rowTo(row, info)
		var mask uint64
		for y, v := range row {
			if v != 0 {
				mask |= 1 << y
			}
		}
		e.uvarint(mask)
		for _, v := range row {
			if v != 0 {
				e.varint(int64(math.Round(float64(v) / weightStep)))
			}
		}
	}
	return e.err
}

// tableKeys returns the keys of t in ascending order.
func tableKeys(t *table) []uint64 {
	if t == nil {
		return nil
	}
	keys := make([]uint64, 0, t.n)
	for _, k := range t.keys {
		if k != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	var src io.Reader = br
	if b, err := br.Peek(2); err == nil && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
		defer zr.Close()
		src = zr
	}
	data, err := io.ReadAll(src)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	m, err := decode(&decoder{b: data})
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	sum := sha256.Sum256(data)
	m.name = "perceptron-" + hex.EncodeToString(sum[:6])
	return m, nil
}

// decoder reads the encoding of a model from memory.
type decoder struct {
	b []byte
}

// ReadByte makes decoder an io.ByteReader, for binary.ReadUvarint.
func (d *decoder) ReadByte() (byte, error) {
	if len(d.b) == 0 {
		return 0, io.EOF
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c, nil
}

func (d *decoder) read(n int) ([]byte, error) {
	if n > len(d.b) {
		return nil, io.ErrUnexpectedEOF
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b, nil
}

// uvarint and varint decode the next number.
func (d *decoder) uvarint() (uint64, error) {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		return 0, ErrBadModel
	}
	d.b = d.b[n:]
	return v, nil
}

func (d *decoder) varint() (int64, error) {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		return 0, ErrBadModel
	}
	d.b = d.b[n:]
	return v, nil
}

func eof(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// maxCount bounds every count read from a model file, so that a corrupt
// file cannot make Load allocate without limit.
const maxCount = 1 << 28

func decode(d *decoder) (*Model, error) {
	mg, err := d.read(len(magic))
	if err != nil || string(mg) != magic {
		return nil, ErrBadModel
	}
	uv := d.uvarint
	count := func() (int, error) {
		v, err := uv()
		if err == nil && v > maxCount {
			err = ErrBadModel
		}
		return int(v), err
	}
	weight := func() (float32, error) {
		v, err := d.varint()
		return float32(float64(v) * weightStep), err
	}
	v, err := uv()
	if err != nil {
		return nil, err
	}
	if v != version {
		return nil, fmt.Errorf("model format version %d, want %d", v, version)
	}
	flags, err := uv()
	if err != nil {
		return nil, err
	}
	m := &Model{useGaz: flags&1 != 0}
	tb, err := d.read(8)
	if err != nil {
		return nil, eof(err)
	}
	m.temp = math.Float64frombits(binary.LittleEndian.Uint64(tb))
	if !(m.temp > 0 && m.temp < 1e6) {
		return nil, ErrBadModel
	}
	nt, err := count()
	if err != nil {
		return nil, err
	}
	if nt == 0 || nt > 31 {
		return nil, ErrBadModel
	}
	for range nt {
		n, err := count()
		if err != nil {
			return nil, err
		}
		b, err := d.read(n)
		if err != nil {
			return nil, eof(err)
		}
		m.types = append(m.types, string(b))
	}
	nl := 1 + 4*nt
	m.trans = make([]float32, (nl+1)*nl)
	m.final = make([]float32, nl)
	for _, fs := range [][]float32{m.trans, m.final} {
		for i := range fs {
			if fs[i], err = weight(); err != nil {
				return nil, err
			}
		}
	}
	keys := func() ([]uint64, error) {
		n, err := count()
		if err != nil {
			return nil, err
		}
		ks := make([]uint64, n)
		prev := uint64(0)
		for i := range ks {
			dk, err := uv()
			if err != nil {
				return nil, err
			}
			prev += dk
			if prev == 0 || (i > 0 && dk == 0) {
				return nil, ErrBadModel
			}
			ks[i] = prev
		}
		return ks, nil
	}
	m.lex = &lexicon{}
	for _, t := range []**table{&m.lex.cases, &m.lex.words, &m.lex.phrases} {
		ks, err := keys()
		if err != nil {
			return nil, err
		}
		*t = newTable(len(ks))
		for _, k := range ks {
			v, err := uv()
			if err != nil {
				return nil, err
			}
			if v > 1<<20 {
				return nil, ErrBadModel
			}
			(*t).put(k, int32(v))
		}
	}
	fk, err := keys()
	if err != nil {
		return nil, err
	}
	n := len(fk)
	m.feats = newWTable(n, nl)
	row := make([]float32, nl)
	for _, k := range fk {
		mask, err := uv()
		if err != nil {
			return nil, err
		}
		if mask>>nl != 0 {
			return nil, ErrBadModel
		}
		for y := range row {
			row[y] = 0
			if mask&(1<<y) != 0 {
				if row[y], err = weight(); err != nil {
					return nil, err
				}
			}
		}
		m.feats.put(k, row)
	}
	if len(d.b) != 0 {
		return nil, ErrBadModel
	}
	m.setup()
	return m, nil
}
