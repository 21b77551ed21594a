package tagger

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// tinyCorpus is a small training set in which "Zorblat" is always a person
// and "Quuxville" always a place.
func tinyCorpus() []Example {
	var exs []Example
	add := func(s string) {
		var ex Example
		for _, tok := range strings.Fields(s) {
			w, l, _ := strings.Cut(tok, "/")
			if l == "" {
				l = "O"
			}
			ex.Words = append(ex.Words, w)
			ex.Labels = append(ex.Labels, l)
		}
		exs = append(exs, ex)
	}
	for i := 0; i < 5; i++ {
		add("Mr. Zorblat/B-PERSON visited Quuxville/B-LOCATION on Monday .")
		add("Anna/B-PERSON Zorblat/I-PERSON lives in Quuxville/B-LOCATION .")
		add("The Quuxville/B-ORGANIZATION Council/I-ORGANIZATION met Zorblat/B-PERSON .")
		add("It rained in Quuxville/B-LOCATION yesterday .")
		add("Nothing happened today .")
	}
	return exs
}

func TestTrainLearnsNames(t *testing.T) {
	m, err := Train(tinyCorpus(), TrainOptions{Epochs: 5, Seed: 1, Types: []string{Person, Location, Organization}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence string
		want     []Span
	}{
		{"Yesterday Zorblat visited Quuxville .", []Span{{1, 2, Person, 0}, {3, 4, Location, 0}}},
		{"Nothing happened .", nil},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			got := m.Tag(strings.Fields(tc.sentence))
			for i := range got {
				if got[i].Confidence < 0 || got[i].Confidence > 1 {
					t.Errorf("confidence %v out of [0, 1]", got[i].Confidence)
				}
				got[i].Confidence = 0
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Tag = %v, want %v", got, tc.want)
			}
		})
	}
	if !strings.HasPrefix(m.Name(), "perceptron-") {
		t.Errorf("Name = %q", m.Name())
	}
	if s := Evaluate(m, tinyCorpus()); s.Overall.F1 < 0.9 {
		t.Errorf("F1 on the training data = %.3f\n%s", s.Overall.F1, s)
	}
}

func TestTrainErrors(t *testing.T) {
	tests := []struct {
		name string
		data []Example
	}{
		{"no data", nil},
		{"no entities", []Example{{Words: []string{"a"}, Labels: []string{"O"}}}},
		{"length mismatch", []Example{{Words: []string{"a", "b"}, Labels: []string{"B-PERSON"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Train(tc.data, TrainOptions{Epochs: 1}); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m, err := Train(tinyCorpus(), TrainOptions{Epochs: 3, Seed: 2, Dev: tinyCorpus()[:5], Uppercase: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Name() != m2.Name() {
		t.Errorf("name %q after loading, %q before", m2.Name(), m.Name())
	}
	if !reflect.DeepEqual(m.Types(), m2.Types()) {
		t.Errorf("types %q after loading, %q before", m2.Types(), m.Types())
	}
	for _, ex := range tinyCorpus()[:5] {
		if a, b := m.Tag(ex.Words), m2.Tag(ex.Words); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: %v before saving, %v after loading", ex.Words, a, b)
		}
	}
	var buf2 bytes.Buffer
	if err := m2.Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("saving the loaded model gives different bytes")
	}
}

func TestLoadErrors(t *testing.T) {
	var buf bytes.Buffer
	m, err := Train(tinyCorpus(), TrainOptions{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a model", []byte("hello world, this is not a model")},
		{"truncated gzip", good[:len(good)/2]},
		{"bad gzip header", append([]byte{0x1f, 0x8b, 0}, good[3:]...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(tc.data)); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence string
		want     []Span // confidences are not compared
	}{
		{"Vladimir Putin met officials in Moscow .", []Span{{0, 2, Person, 0}, {5, 6, Location, 0}}},
		{"Russia 's President Vladimir Putin met U.S. officials in Moscow on Friday .",
			[]Span{{0, 1, Location, 0}, {3, 5, Person, 0}, {6, 7, Location, 0}, {9, 10, Location, 0}}},
		{"The ceasefire was agreed by the United Nations and NATO .",
			[]Span{{6, 8, Organization, 0}, {9, 10, Organization, 0}}},
		{"MOSCOW 1996-08-22", []Span{{0, 1, Location, 0}}},
		{"it was a quiet day .", nil},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			got := m.Tag(strings.Fields(tc.sentence))
			for i := range got {
				if got[i].Confidence <= 0 || got[i].Confidence > 1 {
					t.Errorf("span %v: confidence out of (0, 1]", got[i])
				}
				got[i].Confidence = 0
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Tag = %v, want %v", got, tc.want)
			}
		})
	}
	if !strings.HasPrefix(m.Name(), "perceptron-") || len(m.Name()) != len("perceptron-")+12 {
		t.Errorf("Name = %q", m.Name())
	}
	if m2, _ := Default(); m2 != m {
		t.Error("Default decoded the model twice")
	}
}

func TestTagEdgeCases(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		nil,
		{},
		{""},
		{"", "", ""},
		{"\x00\xff", "日本", "“", "’s"},
		strings.Fields(strings.Repeat("Smith ", 500)),
	}
	for _, words := range tests {
		checkSpans(t, words, m.Tag(words))
	}
}

// checkSpans fails the test if spans are out of range, empty, overlapping
// or out of order.
func checkSpans(t *testing.T, words []string, spans []Span) {
	t.Helper()
	prev := 0
	for _, sp := range spans {
		if sp.Start < prev || sp.Start >= sp.End || sp.End > len(words) {
			t.Fatalf("bad span %v for %d words (previous end %d)", sp, len(words), prev)
		}
		if sp.Confidence < 0 || sp.Confidence > 1 {
			t.Fatalf("span %v: confidence out of [0, 1]", sp)
		}
		prev = sp.End
	}
}

func TestConcurrentTag(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Vladimir Putin met officials in Moscow .")
	want := m.Tag(words)
	done := make(chan []Span)
	for g := 0; g < 8; g++ {
		go func() {
			var got []Span
			for i := 0; i < 200; i++ {
				got = m.Tag(words)
			}
			done <- got
		}()
	}
	for g := 0; g < 8; g++ {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent Tag = %v, want %v", got, want)
		}
	}
}

func FuzzTag(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Vladimir Putin met officials in Moscow .")
	f.Add("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .")
	f.Add("“ Russia ’s ” \x00 日本 1996-08-22")
	f.Fuzz(func(t *testing.T, s string) {
		// Split on single spaces, so empty words occur too.
		words := strings.Split(s, " ")
		checkSpans(t, words, m.Tag(words))
	})
}

func TestEvaluate(t *testing.T) {
	m, err := Train(tinyCorpus(), TrainOptions{Epochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	gold := []Example{{
		Words:  strings.Fields("Zorblat visited Quuxville ."),
		Labels: []string{"B-PERSON", "O", "B-ORGANIZATION", "O"},
	}}
	s := Evaluate(m, gold)
	if s.Overall.TP != 1 || s.Overall.FP != 1 || s.Overall.FN != 1 {
		t.Errorf("counts %+v, want tp 1 fp 1 fn 1", s.Overall)
	}
	if s.ByType[Person].F1 != 1 || s.ByType[Organization].F1 != 0 {
		t.Errorf("per type %+v", s.ByType)
	}
	if !strings.Contains(s.String(), "overall") {
		t.Errorf("String() = %q", s.String())
	}
}
