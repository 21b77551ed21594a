package tagger

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testSentences returns the sentences of the seed articles and of
// benchSentences, split at full stops and white space.
func testSentences(t *testing.T) [][]string {
	paths, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed articles")
	}
	sents := append([][]string(nil), benchSentences...)
	// Words too long for the word cache.
	sents = append(sents, strings.Fields("The Internationale-Arbeitsgemeinschaft-Verband of Berlin said https://example.org/a/very/long/path ."))
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range strings.SplitAfter(string(text), ". ") {
			if f := strings.Fields(s); len(f) > 0 {
				sents = append(sents, f)
				sents = append(sents, strings.Fields(strings.ToUpper(s))) // sentences in capitals
			}
		}
	}
	return sents
}

// TestFeatureSplit checks that a word's own features and its context
// features are, together, the features the model was trained with.
func TestFeatureSplit(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := new(scratch)
	for _, words := range testSentences(t) {
		m.describe(s, words)
		caps := allCapsSentence(s.infos)
		for i := range s.infos {
			want := features(nil, s.infos, i, caps)
			got := contextFeatures(nil, s.infos, i, caps)
			for role, off := range roleOffsets {
				got = roleFeatures(got, padInfo(s.infos, i+off), role, caps)
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%q token %d: split features differ from features", words, i)
			}
		}
	}
}

// TestEmissionsExact checks that the cached, integer sums give bit for bit
// the scores of adding the weights in order, and the same spans and
// confidences, over sentences tagged twice so the word cache is used.
func TestEmissionsExact(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.feats.inexact {
		t.Fatal("the default model's weights do not sum exactly")
	}
	sents := testSentences(t)
	fast, slow := new(scratch), new(scratch)
	for round := 0; round < 2; round++ {
		for _, words := range sents {
			m.describeCached(fast, words)
			m.emissionsExact(fast, words)
			m.describe(slow, words)
			m.emissionsOrdered(slow)
			if !slices.Equal(fast.infos, slow.infos) {
				t.Fatalf("%q: token properties differ", words)
			}
			for j := range slow.scores {
				if math.Float32bits(fast.scores[j]) != math.Float32bits(slow.scores[j]) {
					t.Fatalf("%q: score %d is %v, want %v", words, j, fast.scores[j], slow.scores[j])
				}
			}
		}
	}
}

// TestWTable checks the weight table against the dense rows it stores.
func TestWTable(t *testing.T) {
	rows := [][]float32{
		{0, 0, 0},
		{0.5, 0, 0},
		{0, -1.25, 3},
		{1, 2, 3},
		{0, 1000, 0},  // too large for a slot
		{0.001, 0, 0}, // not a multiple of a step
		{0, 0, -0.015625},
	}
	for _, exact := range []bool{true, false} {
		tb := newWTable(1, 3)
		for i, r := range rows {
			if !exact || i != 4 && i != 5 {
				tb.put(uint64(i+1)*0x9E3779B97F4A7C15, r)
			}
		}
		if tb.inexact == exact {
			t.Errorf("inexact = %v with the inexact row %v", tb.inexact, !exact)
		}
		for i, r := range rows {
			info, ok := tb.get(uint64(i+1) * 0x9E3779B97F4A7C15)
			if exact && (i == 4 || i == 5) {
				if ok {
					t.Errorf("row %d: found a key never put", i)
				}
				continue
			}
			if !ok {
				t.Fatalf("row %d: key not found", i)
			}
			if got := tb.rowTo(make([]float32, 3), info); !slices.Equal(got, r) {
				t.Errorf("row %d = %v, want %v", i, got, r)
			}
			if exact {
				acc := make([]int32, 3)
				tb.addSteps(acc, info)
				for y, v := range acc {
					if float32(v)*weightStep != r[y] {
						t.Errorf("row %d label %d: %d steps, want %v", i, y, v, r[y])
					}
				}
			}
		}
		if _, ok := tb.get(12345); ok {
			t.Error("found a key never put")
		}
	}
}

// TestSparseTransitions checks that Viterbi and the marginals, which skip
// the transitions that are not allowed, give bit for bit what the dense
// loops give.
func TestSparseTransitions(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := new(scratch)
	for _, words := range testSentences(t) {
		m.describeCached(s, words)
		m.emissionsExact(s, words)
		n := len(words)
		want := slices.Clone(m.denseViterbi(s, n))
		got := slices.Clone(m.viterbi(s, n))
		if !slices.Equal(got, want) {
			t.Fatalf("%q: labels %v, want %v", words, got, want)
		}
		wp := m.denseMarginals(s, n, want)
		gp := slices.Clone(m.marginals(s, n, got, 0, n-1))
		for i := range wp {
			if math.Float64bits(gp[i]) != math.Float64bits(wp[i]) {
				t.Fatalf("%q token %d: probability %v, want %v", words, i, gp[i], wp[i])
			}
		}
		// Over part of the sentence, the passes stop early: the
		// probabilities in the part are the same bits.
		for _, r := range [][2]int{{0, 0}, {n - 1, n - 1}, {n / 3, n / 2}, {1, n - 2}} {
			lo, hi := r[0], r[1]
			if lo < 0 || hi >= n || lo > hi {
				continue
			}
			pp := m.marginals(s, n, got, lo, hi)
			for i := range n {
				want := 0.0
				if i >= lo && i <= hi {
					want = wp[i]
				}
				if math.Float64bits(pp[i]) != math.Float64bits(want) {
					t.Fatalf("%q tokens %d-%d, token %d: probability %v, want %v", words, lo, hi, i, pp[i], want)
				}
			}
		}
	}
}

// denseViterbi is viterbi as it was before it skipped the transitions
// not allowed: the reference of TestSparseTransitions. It returns the best allowed label sequence for the scores in s.
func (m *Model) denseViterbi(s *scratch, n int) []int {
	nl := m.nl
	if cap(s.delta) < n*nl {
		s.delta = make([]float32, n*nl, 2*n*nl)
		s.back = make([]int8, n*nl, 2*n*nl)
	}
	delta, back := s.delta[:n*nl], s.back[:n*nl]
	for y := 0; y < nl; y++ {
		if m.allowed[nl*nl+y] {
			delta[y] = s.scores[y] + m.trans[nl*nl+y]
		} else {
			delta[y] = negInf
		}
	}
	for i := 1; i < n; i++ {
		prev := delta[(i-1)*nl : i*nl]
		cur := delta[i*nl : (i+1)*nl]
		sc := s.scores[i*nl : (i+1)*nl]
		for y := 0; y < nl; y++ {
			best, arg := negInf, 0
			for p := 0; p < nl; p++ {
				if !m.allowed[p*nl+y] || prev[p] <= negInf {
					continue
				}
				if v := prev[p] + m.trans[p*nl+y]; v > best {
					best, arg = v, p
				}
			}
			if best > negInf {
				best += sc[y]
			}
			cur[y] = best
			back[i*nl+y] = int8(arg)
		}
	}
	last := delta[(n-1)*nl:]
	best, arg := negInf, 0
	for y := 0; y < nl; y++ {
		if !m.ends[y] || last[y] <= negInf {
			continue
		}
		if v := last[y] + m.final[y]; v > best {
			best, arg = v, y
		}
	}
	if cap(s.tags) < n {
		s.tags = make([]int, n, 2*n)
	}
	tags := s.tags[:n]
	tags[n-1] = arg
	for i := n - 1; i > 0; i-- {
		tags[i-1] = int(back[i*nl+tags[i]])
	}
	return tags
}

// denseMarginals is marginals before the same change. It returns, for every token, the probability of its label in tags
// under the distribution exp(score/temp) over allowed label sequences,
// computed by the forward-backward algorithm.
func (m *Model) denseMarginals(s *scratch, n int, tags []int) []float64 {
	nl := m.nl
	if cap(s.alpha) < n*nl {
		s.alpha = make([]float64, n*nl, 2*n*nl)
		s.beta = make([]float64, n*nl, 2*n*nl)
	}
	alpha, beta := s.alpha[:n*nl], s.beta[:n*nl]
	inv := 1 / m.temp
	// Emission potentials, shifted by each token's best score for range.
	if cap(s.emit) < n*nl {
		s.emit = make([]float64, n*nl, 2*n*nl)
	}
	emit := s.emit[:n*nl]
	for i := 0; i < n; i++ {
		sc := s.scores[i*nl : (i+1)*nl]
		mx := sc[0]
		for _, v := range sc {
			mx = max(mx, v)
		}
		for y, v := range sc {
			emit[i*nl+y] = math.Exp(float64(v-mx) * inv)
		}
	}
	tr := m.trPot
	// Forward, normalised at every step.
	sum := 0.0
	for y := 0; y < nl; y++ {
		alpha[y] = tr[nl*nl+y] * emit[y]
		sum += alpha[y]
	}
	for y := 0; y < nl; y++ {
		alpha[y] /= sum
	}
	for i := 1; i < n; i++ {
		sum = 0
		for y := 0; y < nl; y++ {
			v := 0.0
			for p := 0; p < nl; p++ {
				v += alpha[(i-1)*nl+p] * tr[p*nl+y]
			}
			v *= emit[i*nl+y]
			alpha[i*nl+y] = v
			sum += v
		}
		if sum == 0 {
			sum = 1
		}
		for y := 0; y < nl; y++ {
			alpha[i*nl+y] /= sum
		}
	}
	for y := 0; y < nl; y++ {
		beta[(n-1)*nl+y] = tr[(nl+1)*nl+y]
	}
	for i := n - 2; i >= 0; i-- {
		sum = 0
		for p := 0; p < nl; p++ {
			v := 0.0
			for y := 0; y < nl; y++ {
				v += tr[p*nl+y] * emit[(i+1)*nl+y] * beta[(i+1)*nl+y]
			}
			beta[i*nl+p] = v
			sum += v
		}
		if sum == 0 {
			sum = 1
		}
		for p := 0; p < nl; p++ {
			beta[i*nl+p] /= sum
		}
	}
	probs := make([]float64, n)
	for i := 0; i < n; i++ {
		z := 0.0
		for y := 0; y < nl; y++ {
			z += alpha[i*nl+y] * beta[i*nl+y]
		}
		if z > 0 {
			probs[i] = alpha[i*nl+tags[i]] * beta[i*nl+tags[i]] / z
		}
	}
	return probs
}

// contextFeatures appends the keys of the context features of token i:
// wordContextFeatures' and shapeContextFeatures'.
func contextFeatures(keys []uint64, infos []tokInfo, i int, capsSent bool) []uint64 {
	return shapeContextFeatures(wordContextFeatures(keys, infos, i, capsSent), infos, i, capsSent)
}
