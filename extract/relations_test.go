package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestModelRelations runs the whole extractor on sentences written for
// this test and checks the typed relations it states, with the rule that
// states them: "model" for the learned model, a pattern's name otherwise.
func TestModelRelations(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string // "subject predicate object rule"
	}{
		{"place in county and state", "Springfield is a city in Sangamon County, Illinois.",
			[]string{"Springfield located_in Sangamon County model", "Sangamon County located_in Illinois place-comma"}},
		{"dateline", "KHARKIV, Ukraine (AP) — Russian forces shelled the city.",
			[]string{"KHARKIV located_in Ukraine model"}},
		// The verb-prep pattern finds born_in too; the model, more sure of
		// it, gives the statement its rule.
		{"born in", "Maria Gonzalez, who was born in Seville, joined Telefonica in 2004.",
			[]string{"Maria Gonzalez born_in Seville model", "Maria Gonzalez member_of Telefonica model"}},
		{"killed, the model", "Dale Pruitt, who strangled Mary Ellis in 1990, died in prison.",
			[]string{"Dale Pruitt killed Mary Ellis model"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.Extract(tc.text)
			var got []string
			for _, r := range res.Relations {
				if r.Kind != KindTyped {
					continue
				}
				got = append(got, res.Entities[r.Subject].Name+" "+r.Predicate+" "+res.Entities[r.Object].Name+" "+r.Rule)
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%s\nmissing %q; got %q", tc.text, w, got)
				}
			}
		})
	}
}

// TestModelRelationsSeeds checks every typed relation the extractor
// finds in the seed articles: a rule, a confidence in (0, 1], evidence
// inside its sentence, and for the model's relations evidence bounded to a
// window around the two mentions.
func TestModelRelationsSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the seed articles")
	}
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed articles")
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	models := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		res := x.Extract(text)
		for _, r := range res.Relations {
			if r.Kind != KindTyped {
				continue
			}
			s := res.Sentences[r.Sentence]
			switch {
			case r.Rule == "":
				t.Errorf("%s: relation %+v has no rule", p, r)
			case r.Confidence <= 0 || r.Confidence > 1:
				t.Errorf("%s: relation %+v: confidence out of (0, 1]", p, r)
			case r.Start < s.Start || r.End > s.End || r.Start >= r.End:
				t.Errorf("%s: relation %+v: evidence outside its sentence [%d, %d)", p, r, s.Start, s.End)
			}
			if r.Rule == ruleModel {
				models++
				if r.Confidence < modelMinConfidence {
					t.Errorf("%s: model relation %+v below the model's threshold", p, r)
				}
				if n := len(text[r.Start:r.End]); n > 600 {
					t.Errorf("%s: model relation %+v: %d bytes of evidence", p, r, n)
				}
			}
		}
	}
	if models == 0 {
		t.Error("no relation from the model in the seed articles")
	}
}

// TestCooccurrenceOncePerPair: a pair named in several sentences, in either
// order, is one relation counting the sentences, with the first as
// evidence.
func TestCooccurrenceOncePerPair(t *testing.T) {
	sents := []Sentence{{Start: 0, End: 10}, {Start: 11, End: 20}, {Start: 21, End: 30}}
	ms := []Mention{
		{Sentence: 0, Start: 0, End: 2, Entity: 0}, {Sentence: 0, Start: 3, End: 5, Entity: 1},
		{Sentence: 1, Start: 11, End: 13, Entity: 1}, {Sentence: 1, Start: 14, End: 16, Entity: 0},
		{Sentence: 2, Start: 21, End: 23, Entity: 2}, {Sentence: 2, Start: 24, End: 26, Entity: 0},
	}
	rels := cooccurrences(sents, ms)
	if len(rels) != 2 {
		t.Fatalf("%d relations, want 2: %+v", len(rels), rels)
	}
	if r := rels[0]; r.Subject != 0 || r.Object != 1 || r.Count != 2 || r.Sentence != 0 {
		t.Errorf("first pair %+v, want entities 0 and 1, 2 sentences, evidence sentence 0", r)
	}
	if r := rels[1]; r.Subject != 2 || r.Object != 0 || r.Count != 1 || r.Sentence != 2 {
		t.Errorf("second pair %+v, want entities 2 and 0 in sentence 2", r)
	}
}
