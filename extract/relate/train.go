package relate

import (
	"math"
	"math/rand/v2"
)

// Example is one training candidate: its features, the labels its types
// allow, its gold label (an index into Labels) and how much it counts.
type Example struct {
	Features []uint64
	Allowed  uint32
	Label    int
	Weight   float64
}

// TrainOptions configures training.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	// Rate is the logistic regression's initial learning rate; L2 its
	// regularisation per update. The perceptron uses neither.
	Rate, L2 float64
	// MinCount drops features seen in fewer training examples.
	MinCount int
}

// index numbers the features of examples that occur at least minCount
// times, in order of first occurrence, and rewrites every example as rows.
func index(examples []Example, minCount int) ([]uint64, [][]int32) {
	count := make(map[uint64]int)
	for _, e := range examples {
		for _, k := range e.Features {
			count[k]++
		}
	}
	ids := make(map[uint64]int32)
	var keys []uint64
	rows := make([][]int32, len(examples))
	for i, e := range examples {
		for _, k := range e.Features {
			if count[k] < minCount {
				continue
			}
			id, ok := ids[k]
			if !ok {
				id = int32(len(keys))
				ids[k] = id
				keys = append(keys, k)
			}
			rows[i] = append(rows[i], id)
		}
	}
	return keys, rows
}

func order(n int, seed uint64, epoch int) []int {
	r := rand.New(rand.NewPCG(seed, uint64(epoch)))
	return r.Perm(n)
}

func weightsMap(keys []uint64, w []float64) map[uint64][]float32 {
	nl := len(Labels)
	out := make(map[uint64][]float32, len(keys))
	for i, k := range keys {
		row := make([]float32, nl)
		nz := false
		for c := range nl {
			row[c] = float32(w[i*nl+c])
			if math.Abs(w[i*nl+c]) > 1e-4 {
				nz = true
			}
		}
		if nz {
			out[k] = row
		}
	}
	return out
}

// TrainLogistic fits a multinomial logistic regression (softmax over the
// allowed labels) by stochastic gradient descent, visiting the examples in
// an order fixed by the seed, and returns its weights per feature key.
func TrainLogistic(examples []Example, o TrainOptions) map[uint64][]float32 {
	keys, rows := index(examples, o.MinCount)
	nl := len(Labels)
	w := make([]float64, len(keys)*nl)
	var score, p [16]float64
	t := 0
	for ep := range o.Epochs {
		for _, i := range order(len(examples), o.Seed, ep) {
			e := examples[i]
			rate := o.Rate / (1 + float64(t)/float64(len(examples)))
			t++
			best := math.Inf(-1)
			for c := range nl {
				score[c] = 0
				if e.Allowed&(1<<c) == 0 {
					continue
				}
				for _, r := range rows[i] {
					score[c] += w[int(r)*nl+c]
				}
				best = max(best, score[c])
			}
			sum := 0.0
			for c := range nl {
				p[c] = 0
				if e.Allowed&(1<<c) != 0 {
					p[c] = math.Exp(score[c] - best)
					sum += p[c]
				}
			}
			for c := range nl {
				g := p[c] / sum
				if c == e.Label {
					g--
				}
				if e.Allowed&(1<<c) == 0 {
					continue
				}
				step := rate * e.Weight * g
				for _, r := range rows[i] {
					j := int(r)*nl + c
					w[j] -= step + rate*o.L2*w[j]
				}
			}
		}
	}
	return weightsMap(keys, w)
}

// TrainPerceptron trains an averaged multiclass perceptron (over the
// allowed labels; an example's weight scales its updates) and returns the
// averaged weights per feature key.
func TrainPerceptron(examples []Example, o TrainOptions) map[uint64][]float32 {
	keys, rows := index(examples, o.MinCount)
	nl := len(Labels)
	w := make([]float64, len(keys)*nl)
	u := make([]float64, len(keys)*nl) // sum of updates weighted by their time
	var score [16]float64
	t := 1.0
	for ep := range o.Epochs {
		for _, i := range order(len(examples), o.Seed, ep) {
			e := examples[i]
			guess := -1
			for c := range nl {
				if e.Allowed&(1<<c) == 0 {
					continue
				}
				score[c] = 0
				for _, r := range rows[i] {
					score[c] += w[int(r)*nl+c]
				}
				if guess < 0 || score[c] > score[guess] {
					guess = c
				}
			}
			if guess != e.Label {
				for _, r := range rows[i] {
					j := int(r) * nl
					w[j+e.Label] += e.Weight
					u[j+e.Label] += t * e.Weight
					w[j+guess] -= e.Weight
					u[j+guess] -= t * e.Weight
				}
			}
			t++
		}
	}
	for j := range w {
		w[j] -= u[j] / t
	}
	return weightsMap(keys, w)
}

// LogLoss is the mean negative log-probability m gives the gold labels of
// examples (weighted by their weights).
func (m *Model) LogLoss(examples []Example) float64 {
	var probs [16]float64
	sum, n := 0.0, 0.0
	for _, e := range examples {
		m.Probabilities(e.Features, e.Allowed, probs[:len(Labels)])
		sum -= e.Weight * math.Log(max(probs[e.Label], 1e-12))
		n += e.Weight
	}
	return sum / n
}

// FitTemperature sets the temperature of m to the value of a fixed grid
// that gives held-out examples the lowest log loss, and returns it.
func (m *Model) FitTemperature(heldOut []Example) float64 {
	best, bestLoss := 1.0, math.Inf(1)
	for _, t := range []float64{0.25, 0.35, 0.5, 0.7, 0.85, 1, 1.2, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32} {
		m.scale = float32(t)
		if l := m.LogLoss(heldOut); l < bestLoss {
			best, bestLoss = t, l
		}
	}
	m.scale = float32(best)
	return best
}
