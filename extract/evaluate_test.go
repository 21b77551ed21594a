package extract

import (
	"reflect"
	"testing"

	"github.com/dossier-nlp/dossier/extract/tagger"
)

func TestEvaluateSpans(t *testing.T) {
	gold := []tagger.Example{
		{Words: []string{"Vladimir", "Putin", "visited", "Moscow", "."}, Labels: []string{"B-PERSON", "I-PERSON", "O", "B-LOCATION", "O"}},
		{Words: []string{"Nothing", "here", "."}, Labels: []string{"O", "O", "O"}},
	}
	s := testExtractor.EvaluateSpans(gold, 1)
	if s.Overall.TP+s.Overall.FN != 2 {
		t.Fatalf("gold spans counted %+v, want 2", s.Overall)
	}
	if s.ByType[Person].TP != 1 || s.ByType[Location].TP != 1 {
		t.Errorf("scores %+v", s.ByType)
	}
}

// EvaluateSpansErrors lists exactly the sentences scored wrong, with the
// gold mentions missed and the mentions no gold span equals, and scores as
// EvaluateSpans does.
func TestEvaluateSpansErrors(t *testing.T) {
	gold := []tagger.Example{
		{Words: []string{"Vladimir", "Putin", "visited", "Moscow", "."}, Labels: []string{"B-PERSON", "I-PERSON", "O", "B-LOCATION", "O"}},
		// Wrong on purpose: the gold calls Moscow a person.
		{Words: []string{"Moscow", "is", "large", "."}, Labels: []string{"B-PERSON", "O", "O", "O"}},
		{Words: []string{"Nothing", "here", "."}, Labels: []string{"O", "O", "O"}},
	}
	s, errs := testExtractor.EvaluateSpansErrors(gold, 2)
	if want := testExtractor.EvaluateSpans(gold, 2); s.Overall != want.Overall {
		t.Errorf("scores %+v, EvaluateSpans gives %+v", s.Overall, want.Overall)
	}
	if len(errs) != 1 || errs[0].Sentence != 1 || errs[0].Text != "Moscow is large ." {
		t.Fatalf("errors %+v, want sentence 1 only", errs)
	}
	e := errs[0]
	if len(e.Missed) != 1 || e.Missed[0] != "PERSON Moscow" || len(e.Extra) != 1 || e.Extra[0] != "LOCATION Moscow" {
		t.Errorf("missed %q, extra %q; want PERSON Moscow missed, LOCATION Moscow extra", e.Missed, e.Extra)
	}
}

// documentRanges cuts at the documents a CoNLL file marks, unless told a
// number of sentences, and every 10 sentences when the file marks none.
func TestDocumentRanges(t *testing.T) {
	ex := func(start bool) tagger.Example {
		return tagger.Example{Words: []string{"a"}, Labels: []string{"O"}, DocStart: start}
	}
	marked := []tagger.Example{ex(true), ex(false), ex(false), ex(true), ex(true), ex(false)}
	var plain []tagger.Example
	for range 23 {
		plain = append(plain, ex(false))
	}
	for _, tc := range []struct {
		gold   []tagger.Example
		perDoc int
		want   [][2]int
	}{
		{marked, 0, [][2]int{{0, 3}, {3, 4}, {4, 6}}},
		{marked, 4, [][2]int{{0, 4}, {4, 6}}},
		{plain, 0, [][2]int{{0, 10}, {10, 20}, {20, 23}}},
		{plain[:1], 0, [][2]int{{0, 1}}},
		{nil, 0, nil},
	} {
		if got := documentRanges(tc.gold, tc.perDoc); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("documentRanges(%d sentences, %d) = %v, want %v", len(tc.gold), tc.perDoc, got, tc.want)
		}
	}
}
