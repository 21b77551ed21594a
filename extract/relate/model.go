package relate

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
)

// Model is a multiclass linear model over hashed features: one weight per
// (feature, label), read through an open-addressing table from feature key
// to row. It is read-only once loaded and safe for concurrent use.
type Model struct {
	keys  []uint64 // open-addressing table of feature keys; 0 is empty
	rows  []int32  // row of the key in the same slot
	mask  uint64
	shift uint
	w     []float32 // row r holds w[r*len(Labels) : (r+1)*len(Labels)]
	// Scale divides the scores before the softmax (a temperature fitted on
	// held-out data), so that confidences are calibrated.
	scale float32
	n     int
}

const modelMagic = "dossier-relate-1\n"

// NewModel builds a model from its weights: for each feature key, one row
// of len(Labels) weights. temperature divides every score before the
// softmax.
func NewModel(weights map[uint64][]float32, temperature float64) *Model {
	keys := make([]uint64, 0, len(weights))
	for k := range weights {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	m := newTable(len(keys))
	m.scale = float32(temperature)
	m.w = make([]float32, 0, len(keys)*len(Labels))
	for r, k := range keys {
		m.put(k, int32(r))
		m.w = append(m.w, weights[k]...)
	}
	return m
}

func newTable(n int) *Model {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	return &Model{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1), shift: 64 - bits}
}

func (m *Model) put(k uint64, r int32) {
	i := k >> m.shift
	for m.keys[i] != 0 {
		i = (i + 1) & m.mask
	}
	m.keys[i], m.rows[i] = k, r
	m.n++
}

func (m *Model) row(k uint64) int32 {
	i := k >> m.shift
	for {
		switch m.keys[i] {
		case k:
			return m.rows[i]
		case 0:
			return -1
		}
		i = (i + 1) & m.mask
	}
}

// Features is the number of feature keys the model knows.
func (m *Model) Features() int { return m.n }

// Probabilities writes into probs (len(Labels) long) the probability of
// each label for a candidate with features feats, over the labels that
// allowed (see Allowed) admits; the others get 0.
func (m *Model) Probabilities(feats []uint64, allowed uint32, probs []float64) {
	var score [16]float32
	nl := len(Labels)
	for _, k := range feats {
		r := m.row(k)
		if r < 0 {
			continue
		}
		w := m.w[int(r)*nl : int(r)*nl+nl]
		for c := range nl {
			score[c] += w[c]
		}
	}
	best := float32(math.Inf(-1))
	for c := range nl {
		if allowed&(1<<c) != 0 && score[c] > best {
			best = score[c]
		}
	}
	sum := 0.0
	for c := range nl {
		probs[c] = 0
		if allowed&(1<<c) != 0 {
			probs[c] = math.Exp(float64((score[c] - best) / m.scale))
			sum += probs[c]
		}
	}
	for c := range nl {
		probs[c] /= sum
	}
}

// Prediction is the model's reading of one candidate pair: its most
// probable predicate and that predicate's probability.
type Prediction struct {
	Pair
	Predicate  string
	Confidence float64
}

// Score calls fn for every candidate pair of s with the probability of
// each label (indexed as Labels; 0 for the labels the pair's types do not
// allow). probs is reused between calls. f is a Featurizer the caller
// reuses.
func (m *Model) Score(f *Featurizer, s *Sentence, fn func(p Pair, probs []float64)) {
	if len(s.Mentions) < 2 {
		return
	}
	var pairs [64]Pair
	var feats [160]uint64
	var probs [16]float64
	f.Reset(s)
	for _, p := range Candidates(s, pairs[:0]) {
		allowed := Allowed(s.Mentions[p.Subject].Type, s.Mentions[p.Object].Type)
		m.Probabilities(f.Features(p, feats[:0]), allowed, probs[:len(Labels)])
		fn(p, probs[:len(Labels)])
	}
}

// Best returns the most probable predicate of probs (None excluded) and
// its probability.
func Best(probs []float64) (label int, prob float64) {
	best := 1
	for c := 2; c < len(probs); c++ {
		if probs[c] > probs[best] {
			best = c
		}
	}
	return best, probs[best]
}

// groups numbers the labels whose coarse relation is one: leads and
// member_of (a person working for an organisation), lives_in and born_in.
var groups = []int{0, 1, 1, 3, 4, 5, 6, 6, 8}

// BestGroup returns the most probable predicate of probs (None excluded)
// and the summed probability of the predicates of its group (leads with
// member_of, lives_in with born_in): the group whose sum is highest wins,
// and in it the most probable predicate.
func BestGroup(probs []float64) (label int, prob float64) {
	var sum [16]float64
	for c := 1; c < len(probs); c++ {
		sum[groups[c]] += probs[c]
	}
	best := 1
	for c := 2; c < len(probs); c++ {
		g, bg := groups[c], groups[best]
		if sum[g] > sum[bg] || g == bg && probs[c] > probs[best] {
			best = c
		}
	}
	return best, sum[groups[best]]
}

// Predict appends to out, for every candidate pair of s, the most probable
// predicate (None excluded) when its probability is at least minConf. It
// returns the extended slice.
func (m *Model) Predict(f *Featurizer, s *Sentence, minConf float64, out []Prediction) []Prediction {
	m.Score(f, s, func(p Pair, probs []float64) {
		if c, pr := Best(probs); pr >= minConf {
			out = append(out, Prediction{Pair: p, Predicate: Labels[c], Confidence: pr})
		}
	})
	return out
}

// Write writes m to w in the gzipped binary format Load reads: the feature
// keys in ascending order, each with its row of weights.
func (m *Model) Write(w io.Writer) error {
	type entry struct {
		k uint64
		r int32
	}
	var es []entry
	for i, k := range m.keys {
		if k != 0 {
			es = append(es, entry{k, m.rows[i]})
		}
	}
	slices.SortFunc(es, func(a, b entry) int {
		switch {
		case a.k < b.k:
			return -1
		case a.k > b.k:
			return 1
		}
		return 0
	})
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("compress model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	nl := len(Labels)
	hdr := []uint32{uint32(nl), uint32(len(es)), math.Float32bits(m.scale)}
	if err := binary.Write(bw, binary.LittleEndian, hdr); err != nil {
		return fmt.Errorf("write model header: %w", err)
	}
	// Keys as deltas (they are sorted), then the weights column by column:
	// both compress far better than interleaved rows.
	var buf [binary.MaxVarintLen64]byte
	prev := uint64(0)
	for _, e := range es {
		bw.Write(buf[:binary.PutUvarint(buf[:], e.k-prev)])
		prev = e.k
	}
	for c := range nl {
		for _, e := range es {
			binary.Write(bw, binary.LittleEndian, math.Float32bits(m.w[int(e.r)*nl+c]))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read relation model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("read relation model: not a relation model")
	}
	var hdr [3]uint32
	if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("read relation model header: %w", err)
	}
	if int(hdr[0]) != len(Labels) {
		return nil, fmt.Errorf("read relation model: %d labels, want %d", hdr[0], len(Labels))
	}
	n, nl := int(hdr[1]), len(Labels)
	keys := make([]uint64, n)
	prev := uint64(0)
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("read relation model keys: %w", err)
		}
		prev += d
		keys[i] = prev
	}
	m := newTable(n)
	m.scale = math.Float32frombits(hdr[2])
	m.w = make([]float32, n*nl)
	var b4 [4]byte
	for c := range nl {
		for r := range n {
			if _, err := io.ReadFull(br, b4[:]); err != nil {
				return nil, fmt.Errorf("read relation model weights: %w", err)
			}
			m.w[r*nl+c] = math.Float32frombits(binary.LittleEndian.Uint32(b4[:]))
		}
	}
	for r, k := range keys {
		if k == 0 {
			return nil, errors.New("read relation model: zero feature key")
		}
		m.put(k, int32(r))
	}
	if m.scale <= 0 {
		return nil, errors.New("read relation model: temperature not positive")
	}
	return m, nil
}

//go:embed model.bin.gz
var embedded []byte

var loadDefault = sync.OnceValues(func() (*Model, error) { return Load(bytes.NewReader(embedded)) })

// Default returns the embedded model, decoded once.
func Default() (*Model, error) { return loadDefault() }
