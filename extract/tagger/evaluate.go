package tagger

import (
	"fmt"
	"sort"
	"strings"
)

// Counts holds exact-match span counts and the precision, recall and F1
// that follow from them.
type Counts struct {
	TP, FP, FN int
	Precision  float64
	Recall     float64
	F1         float64
}

func (c *Counts) finish() {
	if c.TP+c.FP > 0 {
		c.Precision = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		c.Recall = float64(c.TP) / float64(c.TP+c.FN)
	}
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

// Scores are exact-match span scores: a predicted span counts as correct
// when its start, end and type all equal those of a gold span.
type Scores struct {
	ByType  map[string]Counts
	Overall Counts
}

// String formats the scores as a small table, one line per type and one
// for all types.
func (s Scores) String() string {
	var b strings.Builder
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	line := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-13s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n",
			name, c.Precision, c.Recall, c.F1, c.TP, c.FP, c.FN)
	}
	for _, t := range types {
		line(t, s.ByType[t])
	}
	line("overall", s.Overall)
	return b.String()
}

// Evaluate tags the words of every gold example with m and scores the spans
// against the gold BIO labels.
func Evaluate(m *Model, gold []Example) Scores {
	var s Scores
	for _, ex := range gold {
		s.Add(SpansFromBIO(ex.Labels), m.Tag(ex.Words))
	}
	s.Finish()
	return s
}

// Add counts the predicted spans of one sentence against its gold spans:
// a predicted span is a true positive when a gold span has the same start,
// end and type (see Unmatched).
func (s *Scores) Add(gold, pred []Span) {
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	missed, extra := Unmatched(gold, pred)
	count := func(spans []Span, f func(*Counts)) {
		for _, sp := range spans {
			c := s.ByType[sp.Type]
			f(&c)
			s.ByType[sp.Type] = c
		}
	}
	count(gold, func(c *Counts) { c.TP++ })
	count(missed, func(c *Counts) { c.TP--; c.FN++ })
	count(extra, func(c *Counts) { c.FP++ })
}

// Unmatched returns the gold spans of one sentence that no predicted span
// matches and the predicted spans that match none: a predicted span matches
// a gold span with the same start, end and type, and each start, end and
// type is matched once. These are the false negatives and false positives
// that Add counts.
func Unmatched(gold, pred []Span) (missed, extra []Span) {
	type key struct {
		start, end int
		typ        string
	}
	want := make(map[key]bool, len(gold))
	for _, sp := range gold {
		want[key{sp.Start, sp.End, sp.Type}] = true
	}
	matched := make(map[key]bool, len(pred))
	for _, sp := range pred {
		if k := (key{sp.Start, sp.End, sp.Type}); want[k] && !matched[k] {
			matched[k] = true
		} else {
			extra = append(extra, sp)
		}
	}
	for _, sp := range gold {
		if k := (key{sp.Start, sp.End, sp.Type}); matched[k] {
			delete(matched, k) // one gold span per match
		} else {
			missed = append(missed, sp)
		}
	}
	return missed, extra
}

// Finish computes precision, recall and F1 from the counts added, per type
// and overall.
func (s *Scores) Finish() {
	s.Overall = Counts{}
	for t, c := range s.ByType {
		s.Overall.TP += c.TP
		s.Overall.FP += c.FP
		s.Overall.FN += c.FN
		c.finish()
		s.ByType[t] = c
	}
	s.Overall.finish()
}

// SpansFromBIO returns the entity spans of a BIO label sequence ("B-TYPE",
// "I-TYPE", "O"). An I- label that does not continue a span of its type
// starts one, so IOB1 sequences read correctly too. Confidence is 1.
func SpansFromBIO(labels []string) []Span {
	var spans []Span
	cur := -1
	for i, l := range labels {
		pos, typ := splitLabel(l)
		switch {
		case pos == 'B' || (pos == 'I' && (cur < 0 || spans[cur].Type != typ)):
			spans = append(spans, Span{Start: i, End: i + 1, Type: typ, Confidence: 1})
			cur = len(spans) - 1
		case pos == 'I':
			spans[cur].End = i + 1
		default:
			cur = -1
		}
	}
	return spans
}

// splitLabel splits "B-PERSON" into 'B' and "PERSON". Anything that is not
// a B- or I- label gives 'O'.
func splitLabel(l string) (byte, string) {
	if len(l) > 2 && (l[0] == 'B' || l[0] == 'I') && l[1] == '-' {
		return l[0], l[2:]
	}
	return 'O', ""
}
