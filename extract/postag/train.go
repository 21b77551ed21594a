package postag

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/dossier-nlp/dossier/extract/internal/featurehash"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Epochs is the number of passes over the training sentences; 0 means 10.
	Epochs int
	// Seed seeds the shuffling of the sentences between epochs: the same
	// data, options and seed give the same model.
	Seed int64
	// Dev, if not empty, picks the epoch: Train returns the model of the
	// epoch that tags Dev best (the earliest on ties).
	Dev []Sentence
}

// ErrNoData is returned by Train when there is nothing to train on.
var ErrNoData = errors.New("no training data")

// Training constants: frequent words (at least dictMinCount occurrences)
// tagged one way at least dictMinShare of the time are tagged from a
// dictionary; weights are stored as multiples of weightStep and dropped when
// their absolute averaged value is below pruneBelow.
const (
	dictMinCount = 20
	dictMinShare = 0.97
	weightStep   = 1.0 / 64
	pruneBelow   = 0.1
	maxTags      = 250
)

// trainer holds the state of averaged-perceptron training.
type trainer struct {
	nt    int
	tags  []string
	rows  map[uint64]int32
	keys  []uint64  // key of each row
	w     []float32 // rows x nt current weights
	u     []float64 // rows x nt sums of updates weighted by their time
	c     float64   // the number of instances seen, plus one
	dict  map[string]int
	idx   map[string]int
	infos []tokInfo
	score []float32
}

// Train trains a tagger on sentences tagged with any tag set (of at most
// 250 tags): a greedy averaged perceptron, trained on its own predictions of
// the previous tags.
func Train(train []Sentence, opts TrainOptions) (*Model, error) {
	epochs := opts.Epochs
	if epochs <= 0 {
		epochs = 10
	}
	tr, err := newTrainer(train)
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x5eed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best *Model
	bestAcc := -1.0
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			tr.sentence(train[si])
		}
		if len(opts.Dev) == 0 {
			continue
		}
		m := tr.model()
		if acc := Accuracy(m, opts.Dev); acc > bestAcc {
			best, bestAcc = m, acc
		}
	}
	if best == nil {
		best = tr.model()
	}
	return best, nil
}

func newTrainer(train []Sentence) (*trainer, error) {
	counts := map[string]map[string]int{}
	tagSet := map[string]bool{}
	n := 0
	for i, s := range train {
		if len(s.Words) != len(s.Tags) {
			return nil, fmt.Errorf("sentence %d: %d words but %d tags", i, len(s.Words), len(s.Tags))
		}
		for j, w := range s.Words {
			t := s.Tags[j]
			tagSet[t] = true
			if counts[w] == nil {
				counts[w] = map[string]int{}
			}
			counts[w][t]++
			n++
		}
	}
	if n == 0 {
		return nil, ErrNoData
	}
	if len(tagSet) > maxTags {
		return nil, fmt.Errorf("%d tags, at most %d allowed", len(tagSet), maxTags)
	}
	tr := &trainer{rows: map[uint64]int32{}, dict: map[string]int{}, idx: map[string]int{}, c: 1}
	for t := range tagSet {
		tr.tags = append(tr.tags, t)
	}
	slices.Sort(tr.tags)
	tr.nt = len(tr.tags)
	for i, t := range tr.tags {
		tr.idx[t] = i
	}
	for w, tc := range counts {
		total, top, topTag := 0, 0, ""
		for t, c := range tc {
			total += c
			if c > top || (c == top && t < topTag) {
				top, topTag = c, t
			}
		}
		if total >= dictMinCount && float64(top) >= dictMinShare*float64(total) {
			tr.dict[w] = tr.idx[topTag]
		}
	}
	tr.score = make([]float32, tr.nt)
	return tr, nil
}

// allKeys writes the keys of every feature of position i into keys.
func allKeys(infos []tokInfo, i, p1, p2 int, keys *[nWordFeats + 4]uint64) {
	var wk [nWordFeats]uint64
	wordKeys(infos, i, p1, &wk)
	copy(keys[:], wk[:])
	keys[nWordFeats] = featurehash.Feat1(tBias, 0)
	keys[nWordFeats+1] = featurehash.Feat1(tTag1, uint64(p1))
	keys[nWordFeats+2] = featurehash.Feat1(tTag2, uint64(p2))
	keys[nWordFeats+3] = featurehash.Feat2(tTag12, uint64(p1), uint64(p2))
}

// sentence trains on one sentence.
func (tr *trainer) sentence(s Sentence) {
	tr.infos = describeAll(tr.infos, s.Words)
	nt := tr.nt
	p1, p2 := nt, nt
	var keys [nWordFeats + 4]uint64
	for i, w := range s.Words {
		gold := tr.idx[s.Tags[i]]
		if y, ok := tr.dict[w]; ok {
			p2, p1 = p1, y
			continue
		}
		allKeys(tr.infos, i, p1, p2, &keys)
		clear(tr.score)
		for _, k := range keys {
			if r, ok := tr.rows[k]; ok {
				for y, v := range tr.w[int(r)*nt : int(r+1)*nt] {
					tr.score[y] += v
				}
			}
		}
		pred := argmax(tr.score)
		if pred != gold {
			for _, k := range keys {
				r := tr.row(k)
				tr.w[r*nt+gold]++
				tr.u[r*nt+gold] += tr.c
				tr.w[r*nt+pred]--
				tr.u[r*nt+pred] -= tr.c
			}
		}
		tr.c++
		p2, p1 = p1, pred
	}
}

// row returns the row of key k, adding it if needed.
func (tr *trainer) row(k uint64) int {
	if r, ok := tr.rows[k]; ok {
		return int(r)
	}
	r := len(tr.keys)
	tr.rows[k] = int32(r)
	tr.keys = append(tr.keys, k)
	tr.w = append(tr.w, make([]float32, tr.nt)...)
	tr.u = append(tr.u, make([]float64, tr.nt)...)
	return r
}

// quantize rounds v to a multiple of weightStep, the precision in which
// model files store weights.
func quantize(v float64) float32 {
	return float32(math.Round(v/weightStep) * weightStep)
}

// avg returns the averaged weight of tag y in row r.
func (tr *trainer) avg(r, y int) float64 {
	i := r*tr.nt + y
	return float64(tr.w[i]) - tr.u[i]/tr.c
}

// model builds an inference model from the averaged weights.
func (tr *trainer) model() *Model {
	nt := tr.nt
	m := &Model{tags: slices.Clone(tr.tags)}
	// Dense scores of the previous two tags.
	m.dense = make([]float32, (nt+1)*(nt+1)*nt)
	tagKeys := map[uint64]bool{}
	add := func(dst []float64, k uint64) {
		tagKeys[k] = true
		if r, ok := tr.rows[k]; ok {
			for y := range dst {
				dst[y] += tr.avg(int(r), y)
			}
		}
	}
	sum := make([]float64, nt)
	for p1 := 0; p1 <= nt; p1++ {
		for p2 := 0; p2 <= nt; p2++ {
			clear(sum)
			add(sum, featurehash.Feat1(tBias, 0))
			add(sum, featurehash.Feat1(tTag1, uint64(p1)))
			add(sum, featurehash.Feat1(tTag2, uint64(p2)))
			add(sum, featurehash.Feat2(tTag12, uint64(p1), uint64(p2)))
			row := m.dense[(p1*(nt+1)+p2)*nt:]
			for y, v := range sum {
				row[y] = quantize(v)
			}
		}
	}
	// Sparse rows of the other features.
	keys := make([]uint64, 0, len(tr.keys))
	for _, k := range tr.keys {
		if !tagKeys[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	type feat struct {
		key    uint64
		lo, hi uint32
	}
	var feats []feat
	for _, k := range keys {
		r := int(tr.rows[k])
		lo := uint32(len(m.entries))
		for y := 0; y < nt; y++ {
			v := tr.avg(r, y)
			if math.Abs(v) < pruneBelow {
				continue
			}
			if q := quantize(v); q != 0 {
				m.entries = append(m.entries, entry{w: q, tag: uint32(y)})
			}
		}
		if hi := uint32(len(m.entries)); hi > lo {
			feats = append(feats, feat{k, lo, hi})
		}
	}
	m.feats = newTable(len(feats))
	for _, f := range feats {
		m.feats.put(f.key, f.lo, f.hi)
	}
	for w := range tr.dict {
		m.words = append(m.words, w)
	}
	slices.Sort(m.words)
	m.buildDict(func(i int) int { return tr.dict[m.words[i]] })
	return m
}

// buildDict fills m.dict from m.words; tagOf gives the tag of word i.
func (m *Model) buildDict(tagOf func(i int) int) {
	m.dict = newTable(len(m.words))
	for i, w := range m.words {
		k := featurehash.Feat1(0, featurehash.HashString(w))
		if m.dict.get(k) == nil {
			m.dict.put(k, uint32(tagOf(i)), 0)
		}
	}
	m.exact = m.sumsExact()
}

// Accuracy returns the share of the tokens of gold that m tags as gold
// does, or 0 if gold has no tokens.
func Accuracy(m *Model, gold []Sentence) float64 {
	right, total := 0, 0
	for _, s := range gold {
		tags := m.Tag(s.Words)
		for i, t := range s.Tags {
			if i < len(tags) && tags[i] == t {
				right++
			}
			total++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(right) / float64(total)
}
