package relate

import (
	"bytes"
	"math"
	"testing"
)

func TestAllowed(t *testing.T) {
	tests := []struct {
		subj, obj string
		want      []string
	}{
		{Person, Organization, []string{"leads", "member_of"}},
		{Person, Location, []string{"leads", "lives_in", "born_in"}},
		{Organization, Location, []string{"based_in"}},
		{Location, Location, []string{"located_in"}},
		{Organization, Organization, []string{"part_of"}},
		{Location, Person, nil},
		{Person, Person, []string{"killed"}},
		{Organization, Person, []string{"killed"}},
		{"MISC", Location, nil},
	}
	for _, tc := range tests {
		t.Run(tc.subj+"-"+tc.obj, func(t *testing.T) {
			mask := Allowed(tc.subj, tc.obj)
			if mask&1 == 0 {
				t.Errorf("None not allowed")
			}
			var got []string
			for i := 1; i < len(Labels); i++ {
				if mask&(1<<i) != 0 {
					got = append(got, Labels[i])
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Allowed = %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("Allowed = %v, want %v", got, tc.want)
				}
			}
		})
	}
}

// listSentence is "P1 , L1 , P2 , L2 , ..." with n mentions.
func listSentence(n int) *Sentence {
	s := &Sentence{}
	for i := range n {
		if i > 0 {
			s.Units = append(s.Units, Unit{Word: ",", Lemma: ",", Tag: ",", Mention: -1})
		}
		typ := Person
		if i%2 == 1 {
			typ = Location
		}
		s.Mentions = append(s.Mentions, Mention{Unit: len(s.Units), Type: typ, Entity: i, Head: "x"})
		s.Units = append(s.Units, Unit{Mention: len(s.Mentions) - 1})
	}
	return s
}

func TestCandidatesBounded(t *testing.T) {
	for _, n := range []int{2, 10, 100, 1000} {
		s := listSentence(n)
		got := Candidates(s, nil)
		if limit := 2 * MaxMentionGap * n; len(got) > limit {
			t.Errorf("%d mentions: %d candidates, want at most %d", n, len(got), limit)
		}
		for _, p := range got {
			sm, om := s.Mentions[p.Subject], s.Mentions[p.Object]
			if Allowed(sm.Type, om.Type) == 1 {
				t.Errorf("%d mentions: candidate %v has types %s -> %s that no predicate allows", n, p, sm.Type, om.Type)
			}
			if d := om.Unit - sm.Unit; d > MaxUnitGap || -d > MaxUnitGap {
				t.Errorf("%d mentions: candidate %v spans %d units", n, p, d)
			}
		}
		if n == 2 && len(got) != 1 {
			t.Errorf("2 mentions (person, place): %d candidates, want 1 (no predicate goes from a place to a person)", len(got))
		}
	}
}

func TestCandidatesSameEntity(t *testing.T) {
	s := listSentence(2)
	s.Mentions[1].Type = Person
	s.Mentions[1].Entity = 0
	if got := Candidates(s, nil); len(got) != 0 {
		t.Errorf("two mentions of one entity: candidates %v, want none", got)
	}
}

// toyExamples makes a separable problem: feature 10 means lives_in,
// feature 20 born_in, feature 30 none.
func toyExamples() []Example {
	var ex []Example
	allowed := Allowed(Person, Location)
	for i := range 30 {
		ex = append(ex,
			Example{Features: []uint64{1, 10, uint64(100 + i)}, Allowed: allowed, Label: LabelIndex("lives_in"), Weight: 1},
			Example{Features: []uint64{1, 20, uint64(200 + i)}, Allowed: allowed, Label: LabelIndex("born_in"), Weight: 1},
			Example{Features: []uint64{1, 30, uint64(300 + i)}, Allowed: allowed, Label: 0, Weight: 1})
	}
	return ex
}

func TestTrainers(t *testing.T) {
	o := TrainOptions{Epochs: 5, Seed: 1, Rate: 0.5, L2: 1e-6, MinCount: 1}
	for name, train := range map[string]func([]Example, TrainOptions) map[uint64][]float32{
		"logistic": TrainLogistic, "perceptron": TrainPerceptron,
	} {
		t.Run(name, func(t *testing.T) {
			m := NewModel(train(toyExamples(), o), 1)
			probs := make([]float64, len(Labels))
			allowed := Allowed(Person, Location)
			for _, tc := range []struct {
				feat uint64
				want string
			}{{10, "lives_in"}, {20, "born_in"}, {30, None}} {
				if tc.want == None && name == "perceptron" {
					continue // a perceptron that guesses None right never learns it
				}
				m.Probabilities([]uint64{1, tc.feat}, allowed, probs)
				best := 0
				for c := range probs {
					if probs[c] > probs[best] {
						best = c
					}
				}
				if Labels[best] != tc.want {
					t.Errorf("feature %d: best %s (%v), want %s", tc.feat, Labels[best], probs, tc.want)
				}
				if probs[LabelIndex("member_of")] != 0 {
					t.Errorf("feature %d: member_of, which PERSON -> LOCATION does not allow, has probability %v", tc.feat, probs[LabelIndex("member_of")])
				}
			}
		})
	}
}

func TestTrainDeterministic(t *testing.T) {
	o := TrainOptions{Epochs: 3, Seed: 7, Rate: 0.2, L2: 1e-5, MinCount: 1}
	var out [2][]byte
	for i := range out {
		var b bytes.Buffer
		if err := NewModel(TrainLogistic(toyExamples(), o), 2).Write(&b); err != nil {
			t.Fatal(err)
		}
		out[i] = b.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Error("two trainings with one seed wrote different models")
	}
}

func TestWriteLoad(t *testing.T) {
	m := NewModel(TrainLogistic(toyExamples(), TrainOptions{Epochs: 3, Seed: 1, Rate: 0.2, MinCount: 1}), 1.5)
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	l, err := Load(&b)
	if err != nil {
		t.Fatal(err)
	}
	if l.Features() != m.Features() {
		t.Fatalf("loaded %d features, wrote %d", l.Features(), m.Features())
	}
	p1, p2 := make([]float64, len(Labels)), make([]float64, len(Labels))
	for _, f := range []uint64{10, 20, 30, 999} {
		m.Probabilities([]uint64{1, f}, Allowed(Person, Location), p1)
		l.Probabilities([]uint64{1, f}, Allowed(Person, Location), p2)
		for c := range p1 {
			if math.Abs(p1[c]-p2[c]) > 1e-9 {
				t.Errorf("feature %d label %s: %v after loading, %v before", f, Labels[c], p2[c], p1[c])
			}
		}
	}
	if _, err := Load(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("Load of garbage: no error")
	}
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.Features() == 0 {
		t.Fatal("embedded model has no features")
	}
	// "Smith was born in Dallas": the units and the patterns' hint as
	// package extract gives them.
	s := &Sentence{
		Units: []Unit{{Mention: 0}, {Word: "was", Lemma: "be", Tag: "VBD", Mention: -1},
			{Word: "born", Lemma: "born", Tag: "VBN", Mention: -1}, {Word: "in", Lemma: "in", Tag: "IN", Mention: -1},
			{Mention: 1}, {Word: ".", Lemma: ".", Tag: ".", Mention: -1}},
		Mentions: []Mention{{Unit: 0, Type: Person, Entity: 0, Head: "smith"}, {Unit: 4, Type: Location, Entity: 1, Head: "dallas"}},
		Hints:    []Hint{{Subject: 0, Object: 1, Predicate: "born_in", Rule: "verb-prep"}},
	}
	var f Featurizer
	preds := m.Predict(&f, s, 0.5, nil)
	if len(preds) != 1 || preds[0].Predicate != "born_in" || preds[0].Subject != 0 || preds[0].Object != 1 {
		t.Errorf("Smith was born in Dallas: %+v, want Smith born_in Dallas", preds)
	}
}

func BenchmarkPredict(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	s := listSentence(20)
	var f Featurizer
	var out []Prediction
	for b.Loop() {
		out = m.Predict(&f, s, 0.5, out[:0])
	}
}
