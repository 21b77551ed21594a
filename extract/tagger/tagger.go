package tagger

import (
	"math"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
	"github.com/dossier-nlp/dossier/extract/internal/reuse"
)

// Entity types of the default model.
const (
	Person       = "PERSON"
	Location     = "LOCATION"
	Organization = "ORGANIZATION"
)

// Span is one entity found by Tag: the tokens [Start, End) of the sentence,
// the entity type and a confidence in [0, 1].
type Span struct {
	Start      int
	End        int
	Type       string
	Confidence float64
}

// Model is a trained tagger. It is read-only once built or loaded, so one
// Model serves any number of goroutines.
type Model struct {
	types   []string  // entity types; label 1+4k..4+4k are B, I, L, U of types[k]
	nl      int       // number of labels: 1 + 4*len(types)
	trans   []float32 // (nl+1) x nl transition scores; row nl is the sentence start
	final   []float32 // score of ending the sentence in each label
	feats   *wtable   // feature key -> row of nl weights
	lex     *lexicon  // what the model knows of the training words
	gaz     *gazFeatures
	useGaz  bool
	temp    float64 // temperature of the confidence distribution
	name    string
	allowed []bool    // (nl+1) x nl: may label j follow label i (row nl: start)
	ends    []bool    // may the sentence end with label j
	trPot   []float64 // exp(trans/temp), see transPotentials
	// prevs[y] and nexts[p] list, in ascending order, the labels that may
	// come before y and after p (the others' potentials are 0).
	prevs, nexts [][]int

	// scratches are Tag's buffers and word caches (a reuse.Stack, not
	// a sync.Pool, so the caches outlive garbage collections).
	scratches reuse.Stack[scratch]
}

// Label positions in the BILOU scheme.
const (
	posB = iota
	posI
	posL
	posU
)

func labelOf(typ, pos int) int { return 1 + 4*typ + pos }

// labelPos returns the type index and position of label y > 0.
func labelPos(y int) (typ, pos int) { return (y - 1) / 4, (y - 1) % 4 }

// setup fills the derived fields of m: label count, transition constraints
// and the scratch pool.
func (m *Model) setup() {
	m.nl = 1 + 4*len(m.types)
	nl := m.nl
	m.allowed = make([]bool, (nl+1)*nl)
	m.ends = make([]bool, nl)
	for prev := 0; prev <= nl; prev++ {
		open := false // prev leaves an entity open
		pt := -1
		if prev > 0 && prev < nl {
			t, p := labelPos(prev)
			if p == posB || p == posI {
				open, pt = true, t
			}
		}
		for cur := 0; cur < nl; cur++ {
			ok := false
			if cur == 0 {
				ok = !open
			} else {
				t, p := labelPos(cur)
				if open {
					ok = t == pt && (p == posI || p == posL)
				} else {
					ok = p == posB || p == posU
				}
			}
			m.allowed[prev*nl+cur] = ok
		}
	}
	for y := 0; y < nl; y++ {
		_, p := labelPos(y)
		m.ends[y] = y == 0 || p == posL || p == posU
	}
	m.prevs, m.nexts = make([][]int, nl), make([][]int, nl)
	for p := 0; p < nl; p++ {
		for y := 0; y < nl; y++ {
			if m.allowed[p*nl+y] {
				m.prevs[y] = append(m.prevs[y], p)
				m.nexts[p] = append(m.nexts[p], y)
			}
		}
	}
	if m.useGaz {
		m.gaz = loadGazFeatures()
	}
	if m.temp <= 0 {
		m.temp = 1
	}
	if len(m.trans) == (nl+1)*nl && len(m.final) == nl {
		m.trPot = m.transPotentials()
	}
}

// Types returns the entity types the model tags.
func (m *Model) Types() []string { return append([]string(nil), m.types...) }

// Name identifies the model: "perceptron-" and a short hash of its weights.
func (m *Model) Name() string { return m.name }

// Tag finds the entities in one sentence, given as its tokens. The words
// are token texts exactly as in the document. Spans come in order and do
// not overlap.
func (m *Model) Tag(words []string) []Span {
	return m.tag(words, nil, false)
}

// Gazetteer returns the gazetteer whose matches the model reads as
// features, or nil if it reads none.
func (m *Model) Gazetteer() *gazetteer.Gazetteer {
	if m.gaz == nil {
		return nil
	}
	return m.gaz.g
}

// TagMatched is Tag for a caller that has matched the sentence against
// the model's Gazetteer already: matches must be what
// m.Gazetteer().Match(words) returns (or MatchKeys with the keys of
// words). It saves matching the sentence a second time.
func (m *Model) TagMatched(words []string, matches []gazetteer.Match) []Span {
	return m.tag(words, matches, true)
}

// tag is Tag, with the gazetteer's matches of words when matched.
func (m *Model) tag(words []string, matches []gazetteer.Match, matched bool) []Span {
	if len(words) == 0 || m.nl < 2 {
		return nil
	}
	s := m.scratches.Get()
	defer m.scratches.Put(s)
	s.matches, s.matched = matches, matched
	if m.feats.inexact {
		m.describe(s, words)
		m.emissionsOrdered(s)
	} else {
		m.describeCached(s, words)
		m.emissionsExact(s, words)
	}
	s.matches, s.matched = nil, false
	tags := m.viterbi(s, len(words))
	var spans []Span
	var probs []float64
	start := -1
	for i, y := range tags {
		if y == 0 {
			continue
		}
		t, p := labelPos(y)
		switch p {
		case posB:
			start = i
		case posU:
			start = i
			fallthrough
		case posL:
			if start < 0 {
				start = i
			}
			if probs == nil {
				// Only the tokens of spans need their probability:
				// those from the first labelled token to the last.
				hi := len(tags) - 1
				for tags[hi] == 0 {
					hi--
				}
				probs = m.marginals(s, len(words), tags, start, hi)
			}
			conf := 1.0
			for k := start; k <= i; k++ {
				conf = math.Min(conf, probs[k])
			}
			spans = append(spans, Span{Start: start, End: i + 1, Type: m.types[t], Confidence: conf})
			start = -1
		}
	}
	return spans
}

// emissionsOrdered fills s.scores with the score of every label at every
// token, adding the weights of the features in order (see maxSteps for
// when the order does not matter).
//
// Looking up the features' weights is most of the tagger's work, and most
// lookups miss the processor's cache. So it runs in three passes over the
// whole sentence: the feature keys of every token, then every key's slot
// (independent loads the processor overlaps), then the sums, in the order
// of the keys, so the scores are exactly those of adding one key's
// weights after another.
func (m *Model) emissionsOrdered(s *scratch) {
	n, nl := len(s.infos), m.nl
	if cap(s.scores) < n*nl {
		s.scores = make([]float32, n*nl, 2*n*nl)
	}
	s.scores = s.scores[:n*nl]
	clear(s.scores)
	caps := allCapsSentence(s.infos)
	s.keys = s.keys[:0]
	s.keyEnd = s.keyEnd[:0]
	for i := 0; i < n; i++ {
		s.keys = features(s.keys, s.infos, i, caps)
		s.keyEnd = append(s.keyEnd, len(s.keys))
	}
	if cap(s.rows) < len(s.keys) {
		s.rows = make([]uint64, len(s.keys), 2*len(s.keys))
	}
	rows := s.rows[:len(s.keys)]
	for j, k := range s.keys {
		rows[j], _ = m.feats.get(k) // 0, an empty row, when absent
	}
	start := 0
	for i, end := range s.keyEnd {
		sc := s.scores[i*nl : (i+1)*nl]
		for _, info := range rows[start:end] {
			m.feats.addTo(sc, info)
		}
		start = end
	}
}

const negInf = float32(-1e30)

// viterbi returns the best allowed label sequence for the scores in s.
func (m *Model) viterbi(s *scratch, n int) []int {
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
			for _, p := range m.prevs[y] {
				if prev[p] <= negInf {
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

// marginals returns, for every token from lo to hi, the probability of
// its label in tags under the distribution exp(score/temp) over allowed
// label sequences, computed by the forward-backward algorithm (0 for the
// other tokens). The forward pass stops at hi and the backward pass at lo:
// the probabilities are bit for bit those of both passes over the whole
// sentence.
func (m *Model) marginals(s *scratch, n int, tags []int, lo, hi int) []float64 {
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
	// The sums skip the transitions that are not allowed: their
	// potentials are 0, and adding a product with 0 changes no sum.
	for i := 1; i <= hi; i++ {
		sum = 0
		for y := 0; y < nl; y++ {
			v := 0.0
			for _, p := range m.prevs[y] {
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
	for i := n - 2; i >= lo; i-- {
		sum = 0
		for p := 0; p < nl; p++ {
			v := 0.0
			for _, y := range m.nexts[p] {
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
	if cap(s.probs) < n {
		s.probs = make([]float64, n, 2*n)
	}
	probs := s.probs[:n]
	clear(probs)
	for i := lo; i <= hi; i++ {
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

// transPotentials returns exp(trans/temp) for allowed transitions and 0
// for the others, in rows 0..nl (nl: start), and the end potentials in row
// nl+1. All scores are shifted by their maximum, which the normalised
// forward-backward passes do not see.
func (m *Model) transPotentials() []float64 {
	nl := m.nl
	mx := float32(0)
	for _, v := range m.trans {
		mx = max(mx, v)
	}
	for _, v := range m.final {
		mx = max(mx, v)
	}
	tr := make([]float64, (nl+2)*nl)
	for p := 0; p <= nl; p++ {
		for y := 0; y < nl; y++ {
			if m.allowed[p*nl+y] {
				tr[p*nl+y] = math.Exp(float64(m.trans[p*nl+y]-mx) / m.temp)
			}
		}
	}
	for y := 0; y < nl; y++ {
		if m.ends[y] {
			tr[(nl+1)*nl+y] = math.Exp(float64(m.final[y]-mx) / m.temp)
		}
	}
	return tr
}
