package tagger

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Example is one training or test sentence: its tokens and one BIO label per
// token ("B-PERSON", "I-PERSON", "O", ...).
type Example struct {
	Words  []string
	Labels []string
	// DocStart is true for the first sentence after a "-DOCSTART-" line
	// of a CoNLL file: a new document starts there.
	DocStart bool
}

// TrainOptions control Train. The zero value trains for 10 epochs with
// seed 0 and no augmentation.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 10).
	// With Dev set, the epoch that scores best on Dev is kept.
	Epochs int
	// Seed fixes the order in which sentences are visited; training is
	// deterministic for a given seed and input.
	Seed int64
	// Progress, if set, is called after every epoch with the token accuracy
	// on the training data during that epoch.
	Progress func(epoch int, acc float64)
	// Dev, if set, is tagged after every epoch to pick the best epoch, and
	// is used to calibrate confidences.
	Dev []Example
	// DevProgress, if set, is called with the Dev scores after every epoch.
	DevProgress func(epoch int, s Scores)
	// Uppercase is the fraction of training sentences that are also added
	// written in capitals, so that the model learns headlines.
	Uppercase float64
	// Gazetteer adds features from the built-in gazetteer.
	Gazetteer bool
	// Prune drops weights smaller than this in absolute value from the
	// final model (0 keeps all non-zero weights).
	Prune float64
	// Runs is the number of training runs, each visiting the sentences in
	// another order, whose weights are averaged (default 1).
	Runs int
	// Types orders the entity types; types found in the data but not
	// listed follow in alphabetical order.
	Types []string
}

// lexFolds is the number of folds in which the training sentences get the
// case lexicon of the others.
const lexFolds = 5

// ErrNoData is returned by Train when there is nothing to learn from.
var ErrNoData = errors.New("no labelled training data")

// Train learns a model from the examples with the averaged structured
// perceptron. Examples with mismatched word and label counts are an error.
func Train(train []Example, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	types, err := collectTypes(train, opts.Types)
	if err != nil {
		return nil, err
	}
	if len(types) == 0 {
		return nil, ErrNoData
	}
	if len(types) > 31 {
		return nil, fmt.Errorf("train: %d entity types, at most 31 are supported", len(types))
	}
	m := &Model{types: types, useGaz: opts.Gazetteer, temp: 1}
	m.lex = buildLexicon(train, types)
	m.setup()
	// Training sentences see a lexicon built without their own fold, so
	// that the model learns how much to trust the case of words it has not
	// seen, as it will meet them after training.
	folds := make([]*lexicon, lexFolds)
	for f := range folds {
		var rest []Example
		for i, ex := range train {
			if i%lexFolds != f {
				rest = append(rest, ex)
			}
		}
		folds[f] = buildLexicon(rest, types)
	}
	typeIdx := map[string]int{}
	for i, t := range types {
		typeIdx[t] = i
	}

	// Augment, then encode gold labels.
	data := train
	origin := make([]int, len(train)) // index in train of each sentence of data
	for i := range origin {
		origin[i] = i
	}
	if opts.Uppercase > 0 {
		rng := rand.New(rand.NewSource(opts.Seed + 1))
		data = append([]Example(nil), train...)
		for j, ex := range train {
			if rng.Float64() < opts.Uppercase {
				origin = append(origin, j)
				up := make([]string, len(ex.Words))
				for i, w := range ex.Words {
					up[i] = strings.ToUpper(w)
				}
				data = append(data, Example{Words: up, Labels: ex.Labels})
			}
		}
	}
	gold := make([][]int, len(data))
	for i, ex := range data {
		gold[i] = bilou(ex.Labels, typeIdx)
	}

	// Extract features once: every sentence becomes, per token, a list of
	// feature indices.
	sents := m.extractAll(data, func(i int) *lexicon { return folds[origin[i]%lexFolds] })

	runs := max(opts.Runs, 1)
	var sum *dense
	for run := 0; run < runs; run++ {
		d := m.perceptron(sents, gold, opts, opts.Seed+int64(run)*7919, run+1)
		if sum == nil {
			sum = d
			continue
		}
		sum.add(d)
	}
	if runs > 1 {
		sum.scale(1 / float64(runs))
	}
	// A weight of the average counts 1/runs as much as one of a run.
	best := m.build(sents.keys, sum, opts.Prune/float64(runs))
	if len(opts.Dev) > 0 {
		best.calibrate(opts.Dev)
	}
	name, err := best.fingerprint()
	if err != nil {
		return nil, err
	}
	best.name = name
	return best, nil
}

// dense holds the weights of a model under training, one row of labels per
// feature index.
type dense struct {
	w, trans, final []float32
}

func (d *dense) add(o *dense) {
	for _, p := range [][2][]float32{{d.w, o.w}, {d.trans, o.trans}, {d.final, o.final}} {
		for i, v := range p[1] {
			p[0][i] += v
		}
	}
}

func (d *dense) scale(f float64) {
	for _, a := range [][]float32{d.w, d.trans, d.final} {
		for i := range a {
			a[i] = float32(float64(a[i]) * f)
		}
	}
}

// perceptron runs the averaged structured perceptron over the extracted
// sentences in an order drawn from seed, and returns the averaged weights
// after the epoch that scores best on opts.Dev (or after the last epoch).
func (m *Model) perceptron(sents *featureSet, gold [][]int, opts TrainOptions, seed int64, run int) *dense {
	nl := m.nl
	nf := len(sents.keys)
	w := make([]float32, nf*nl)
	u := make([]float64, nf*nl)
	tw := make([]float32, (nl+1)*nl)
	tu := make([]float64, (nl+1)*nl)
	fw := make([]float32, nl)
	fu := make([]float64, nl)
	m.trans, m.final = tw, fw
	c := 1.0 // update counter for averaging

	order := make([]int, len(gold))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(seed))
	s := new(scratch)
	var best *dense
	bestF1 := -1.0
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			g := gold[si]
			n := len(g)
			if n == 0 {
				c++
				continue
			}
			m.trainScores(s, sents, si, w)
			pred := m.viterbi(s, n)
			wrong := false
			for i := range g {
				if g[i] == pred[i] {
					correct++
				} else {
					wrong = true
				}
			}
			total += n
			if wrong {
				for i := 0; i < n; i++ {
					gp, pp := nl, nl
					if i > 0 {
						gp, pp = g[i-1], pred[i-1]
					}
					if g[i] != pred[i] || gp != pp {
						tw[gp*nl+g[i]]++
						tu[gp*nl+g[i]] += c
						tw[pp*nl+pred[i]]--
						tu[pp*nl+pred[i]] -= c
					}
					if g[i] == pred[i] {
						continue
					}
					for _, f := range sents.token(si, i) {
						w[int(f)*nl+g[i]]++
						u[int(f)*nl+g[i]] += c
						w[int(f)*nl+pred[i]]--
						u[int(f)*nl+pred[i]] -= c
					}
				}
				if g[n-1] != pred[n-1] {
					fw[g[n-1]]++
					fu[g[n-1]] += c
					fw[pred[n-1]]--
					fu[pred[n-1]] -= c
				}
			}
			c++
		}
		if opts.Progress != nil && total > 0 {
			opts.Progress(epoch, float64(correct)/float64(total))
		}
		if len(opts.Dev) == 0 && epoch < opts.Epochs {
			continue
		}
		avg := &dense{w: avgOf(w, u, c), trans: avgOf(tw, tu, c), final: avgOf(fw, fu, c)}
		if len(opts.Dev) == 0 {
			return avg
		}
		sc := Evaluate(m.build(sents.keys, avg, opts.Prune), opts.Dev)
		if opts.DevProgress != nil {
			opts.DevProgress(epoch, sc)
		}
		if sc.Overall.F1 > bestF1 {
			best, bestF1 = avg, sc.Overall.F1
		}
	}
	return best
}

// avgOf returns the averaged perceptron weights w - u/c.
func avgOf(w []float32, u []float64, c float64) []float32 {
	out := make([]float32, len(w))
	for i := range w {
		out[i] = float32(float64(w[i]) - u[i]/c)
	}
	return out
}

// collectTypes returns the entity types of the data: first the preferred
// ones that occur, then the rest in order.
func collectTypes(data []Example, prefer []string) ([]string, error) {
	seen := map[string]bool{}
	for i, ex := range data {
		if len(ex.Words) != len(ex.Labels) {
			return nil, fmt.Errorf("train: example %d has %d words and %d labels", i, len(ex.Words), len(ex.Labels))
		}
		for _, l := range ex.Labels {
			if p, t := splitLabel(l); p != 'O' {
				seen[t] = true
			}
		}
	}
	var types []string
	for _, t := range prefer {
		if seen[t] {
			types = append(types, t)
			delete(seen, t)
		}
	}
	var rest []string
	for t := range seen {
		rest = append(rest, t)
	}
	sort.Strings(rest)
	return append(types, rest...), nil
}

// bilou converts BIO labels to label indices in the BILOU scheme.
func bilou(labels []string, typeIdx map[string]int) []int {
	out := make([]int, len(labels))
	for _, sp := range SpansFromBIO(labels) {
		t, ok := typeIdx[sp.Type]
		if !ok {
			continue
		}
		if sp.End-sp.Start == 1 {
			out[sp.Start] = labelOf(t, posU)
			continue
		}
		out[sp.Start] = labelOf(t, posB)
		for i := sp.Start + 1; i < sp.End-1; i++ {
			out[i] = labelOf(t, posI)
		}
		out[sp.End-1] = labelOf(t, posL)
	}
	return out
}

func firstLetter(w string) rune {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return r
		}
	}
	return 0
}

// featureSet is the training data turned into feature indices.
type featureSet struct {
	keys    []uint64 // feature index -> key
	feats   []int32  // all feature indices, token after token
	tokOff  []int32  // token t's features are feats[tokOff[t]:tokOff[t+1]]
	sentOff []int32  // sentence s's tokens are tokOff[sentOff[s]:sentOff[s+1]]
}

func (fs *featureSet) token(s, i int) []int32 {
	t := int(fs.sentOff[s]) + i
	return fs.feats[fs.tokOff[t]:fs.tokOff[t+1]]
}

// extractAll computes the features of every token of data, in parallel,
// and numbers them in order of first appearance.
func (m *Model) extractAll(data []Example, lexOf func(i int) *lexicon) *featureSet {
	keys := make([][][]uint64, len(data))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for wk := 0; wk < workers; wk++ {
		wg.Add(1)
		go func(wk int) {
			defer wg.Done()
			s := new(scratch)
			for si := wk; si < len(data); si += workers {
				words := data[si].Words
				m.describeWith(s, words, lexOf(si))
				caps := allCapsSentence(s.infos)
				ks := make([][]uint64, len(words))
				for i := range words {
					ks[i] = features(nil, s.infos, i, caps)
				}
				keys[si] = ks
			}
		}(wk)
	}
	wg.Wait()
	fs := &featureSet{sentOff: []int32{0}, tokOff: []int32{0}}
	index := map[uint64]int32{}
	for si := range data {
		for _, ks := range keys[si] {
			for _, k := range ks {
				f, ok := index[k]
				if !ok {
					f = int32(len(fs.keys))
					index[k] = f
					fs.keys = append(fs.keys, k)
				}
				fs.feats = append(fs.feats, f)
			}
			fs.tokOff = append(fs.tokOff, int32(len(fs.feats)))
		}
		keys[si] = nil
		fs.sentOff = append(fs.sentOff, int32(len(fs.tokOff)-1))
	}
	return fs
}

// trainScores fills s.scores for sentence si from the current weights w.
func (m *Model) trainScores(s *scratch, fs *featureSet, si int, w []float32) {
	nl := m.nl
	n := int(fs.sentOff[si+1] - fs.sentOff[si])
	if cap(s.scores) < n*nl {
		s.scores = make([]float32, n*nl, 2*n*nl)
	}
	s.scores = s.scores[:n*nl]
	clear(s.scores)
	for i := 0; i < n; i++ {
		sc := s.scores[i*nl : (i+1)*nl]
		for _, f := range fs.token(si, i) {
			row := w[int(f)*nl : int(f)*nl+nl]
			for y := range sc {
				sc[y] += row[y]
			}
		}
	}
}

// build returns a model with the weights d, rounded to the precision of
// model files, dropping weights of at most prune in absolute value and
// features left without weights.
func (m *Model) build(keys []uint64, d *dense, prune float64) *Model {
	nl := m.nl
	out := &Model{types: m.types, lex: m.lex, useGaz: m.useGaz, temp: m.temp}
	out.trans = make([]float32, len(d.trans))
	for i, v := range d.trans {
		out.trans[i] = quantize(float64(v))
	}
	out.final = make([]float32, nl)
	for i, v := range d.final {
		out.final[i] = quantize(float64(v))
	}
	row := make([]float32, nl)
	out.feats = newWTable(len(keys)/4, nl)
	for f, k := range keys {
		any := false
		for y := 0; y < nl; y++ {
			v := float64(d.w[f*nl+y])
			if math.Abs(v) <= prune {
				v = 0
			}
			row[y] = quantize(v)
			if row[y] != 0 {
				any = true
			}
		}
		if !any {
			continue
		}
		out.feats.put(k, row)
	}
	out.setup()
	return out
}

// calibrate picks the temperature of the confidence distribution that
// makes span confidences best match span correctness on dev (least squared
// error).
func (m *Model) calibrate(dev []Example) {
	type key struct {
		start, end int
		typ        string
	}
	bestT, bestErr := m.temp, math.Inf(1)
	for _, t := range []float64{0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64} {
		m.temp = t
		m.trPot = m.transPotentials()
		sum, n := 0.0, 0
		for _, ex := range dev {
			want := map[key]bool{}
			for _, sp := range SpansFromBIO(ex.Labels) {
				want[key{sp.Start, sp.End, sp.Type}] = true
			}
			for _, sp := range m.Tag(ex.Words) {
				y := 0.0
				if want[key{sp.Start, sp.End, sp.Type}] {
					y = 1
				}
				sum += (sp.Confidence - y) * (sp.Confidence - y)
				n++
			}
		}
		if n > 0 && sum/float64(n) < bestErr {
			bestT, bestErr = t, sum/float64(n)
		}
	}
	m.temp = bestT
	m.trPot = m.transPotentials()
}
