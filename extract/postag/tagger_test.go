package postag

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// tiny is a toy corpus small enough to learn in a few epochs.
var tiny = func() []Sentence {
	var out []Sentence
	for _, s := range []string{
		"the/DT dog/NN runs/VBZ ./.",
		"a/DT cat/NN sleeps/VBZ ./.",
		"the/DT cats/NNS run/VBP ./.",
		"dogs/NNS sleep/VBP ./.",
		"a/DT big/JJ dog/NN runs/VBZ fast/RB ./.",
		"the/DT small/JJ cats/NNS sleep/VBP ./.",
	} {
		var st Sentence
		for _, wt := range strings.Fields(s) {
			w, tag, _ := strings.Cut(wt, "/")
			st.Words = append(st.Words, w)
			st.Tags = append(st.Tags, tag)
		}
		out = append(out, st)
	}
	return out
}()

func TestTrainSmoke(t *testing.T) {
	m, err := Train(tiny, TrainOptions{Epochs: 10, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if acc := Accuracy(m, tiny); acc < 0.95 {
		t.Errorf("training accuracy = %.3f, want >= 0.95", acc)
	}
	m2, err := Train(tiny, TrainOptions{Epochs: 10, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := m2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed gave different models")
	}
	if _, err := Train(tiny, TrainOptions{Epochs: 3, Seed: 1, Dev: tiny[:2]}); err != nil {
		t.Errorf("Train with Dev: %v", err)
	}
}

func TestTrainErrors(t *testing.T) {
	tests := []struct {
		name string
		data []Sentence
		want error
	}{
		{"no sentences", nil, ErrNoData},
		{"empty sentence", []Sentence{{}}, ErrNoData},
		{"length mismatch", []Sentence{{Words: []string{"a", "b"}, Tags: []string{"DT"}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Train(tt.data, TrainOptions{})
			if err == nil {
				t.Fatal("Train() = nil error, want an error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Train() error = %v, want %v", err, tt.want)
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
		want     string
	}{
		{"The governor said drones hit the town .", "DT NN VBD NNS VBD DT NN ."},
		{"He did n't go to the store ( again ) .", "PRP VBD RB VB TO DT NN ( RB ) ."},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			got := strings.Join(m.Tag(strings.Fields(tt.sentence)), " ")
			if got != tt.want {
				t.Errorf("Tag(%q) = %q, want %q", tt.sentence, got, tt.want)
			}
		})
	}
}

func TestSaveLoad(t *testing.T) {
	m, err := Default()
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
	if !reflect.DeepEqual(m.tags, m2.tags) || !reflect.DeepEqual(m.dense, m2.dense) ||
		!reflect.DeepEqual(m.words, m2.words) || len(m.entries) != len(m2.entries) || m.feats.n != m2.feats.n {
		t.Fatal("loaded model differs from the saved one")
	}
	var buf2 bytes.Buffer
	if err := m2.Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("saving the loaded model gave different bytes")
	}
	for _, s := range seedSentences(t) {
		if a, b := m.Tag(s), m2.Tag(s); !reflect.DeepEqual(a, b) {
			t.Fatalf("Tag(%q): %q before saving, %q after loading", s, a, b)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	var good bytes.Buffer
	m, err := Train(tiny, TrainOptions{Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Save(&good); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", good.Bytes()[:good.Len()/2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(tt.data)); err == nil {
				t.Error("Load() = nil error, want an error")
			}
		})
	}
}

func TestTagConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := seedSentences(t)
	want := make([][]string, len(sents))
	for i, s := range sents {
		want[i] = m.Tag(s)
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for i, s := range sents {
				ok = ok && reflect.DeepEqual(m.Tag(s), want[i])
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("concurrent Tag gave different tags")
		}
	}
}

func TestTagAllocs(t *testing.T) {
	if raceEnabled {
		// Tag's scratch, with its word cache, comes from a sync.Pool,
		// which drops items at random under the race detector.
		t.Skip("allocations are not counted under the race detector")
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("The governor of Belgorod Oblast , Vyacheslav Gladkov , said two people were killed in Shebekino .")
	m.Tag(words)
	if n := testing.AllocsPerRun(100, func() { m.Tag(words) }); n > 1 {
		t.Errorf("Tag allocates %.0f times per call, want 1 (the result)", n)
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{"The governor said drones hit the town .", "", " ", "\xff\xfe", "Ünïcödé 123 -- „quotes“ ..."} {
		f.Add(s)
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ") // keeps empty words
		tags := m.Tag(words)
		if len(tags) != len(words) {
			t.Fatalf("Tag(%q) returned %d tags for %d words", words, len(tags), len(words))
		}
		for i, tag := range tags {
			if tag == "" {
				t.Fatalf("Tag(%q)[%d] is empty", words, i)
			}
		}
	})
}
