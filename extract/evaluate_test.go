package extract

import (
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
