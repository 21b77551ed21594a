package extract

import (
	"strings"
	"testing"
)

// docredSample is one document in Re-DocRED's shape, written for this
// test.
const docredSample = `[{"title": "Lakeview",
 "sents": [["Lakeview", "is", "a", "town", "in", "Ward", "County", ",", "Texas", "."],
           ["Its", "mayor", "is", "Ann", "Price", ",", "an", "American", "lawyer", "."]],
 "vertexSet": [
   [{"name": "Lakeview", "pos": [0, 1], "sent_id": 0, "type": "LOC"}],
   [{"name": "Ward County", "pos": [5, 7], "sent_id": 0, "type": "LOC"}],
   [{"name": "Texas", "pos": [8, 9], "sent_id": 0, "type": "LOC"}],
   [{"name": "Ann Price", "pos": [3, 5], "sent_id": 1, "type": "PER"}],
   [{"name": "American", "pos": [7, 8], "sent_id": 1, "type": "LOC"}]],
 "labels": [
   {"r": "P131", "h": 0, "t": 1, "evidence": [0]},
   {"r": "P131", "h": 1, "t": 2, "evidence": [0]},
   {"r": "P6", "h": 0, "t": 3, "evidence": [0, 1]},
   {"r": "P27", "h": 3, "t": 4, "evidence": [1]}]}]`

func TestDocRED(t *testing.T) {
	docs, err := ReadDocRED(strings.NewReader(docredSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	d := &docs[0]
	rels := d.Relations()
	want := []DocREDRelation{
		{Subject: 0, Object: 1, Predicate: "located_in"},
		{Subject: 1, Object: 2, Predicate: "located_in"},
		{Subject: 3, Object: 0, Predicate: "leads"}, // head of government, reversed
	}
	if len(rels) != len(want) {
		t.Fatalf("Relations = %+v, want %+v", rels, want)
	}
	for i, r := range rels {
		if r.Subject != want[i].Subject || r.Object != want[i].Object || r.Predicate != want[i].Predicate {
			t.Errorf("relation %d = %+v, want %+v", i, r, want[i])
		}
	}
	tx := d.Text()
	for _, m := range tx.Mentions {
		if tx.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: text[start:end] = %q", m, tx.Text[m.Start:m.End])
		}
		if m.Text == "American" {
			t.Errorf("the nationality word %q is a mention", m.Text)
		}
	}
	if len(tx.Entities) != 4 {
		t.Errorf("%d entities, want 4 (the demonym left out)", len(tx.Entities))
	}
	if got := tx.SentenceAt(strings.Index(tx.Text, "Ann")); got != 1 {
		t.Errorf("SentenceAt(Ann) = %d, want 1", got)
	}

	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []DocREDOptions{{GoldEntities: true}, {GoldEntities: true, PatternsOnly: true}, {}} {
		s := x.EvaluateDocRED(docs, o)
		// Gold: the two located_in (one sentence each); leads is across
		// sentences and does not count.
		if c := s.ByPredicate["located_in"]; c.TP+c.FN != 2 {
			t.Errorf("%+v: located_in %+v, want 2 gold", o, c)
		}
		if c := s.ByPredicate["leads"]; c.TP+c.FN != 0 {
			t.Errorf("%+v: leads %+v, want no gold (the two entities are in different sentences)", o, c)
		}
		if s.Micro.TP == 0 {
			t.Errorf("%+v: no relation found:\n%s", o, s)
		}
	}
}

func TestRelationCount(t *testing.T) {
	c := RelationCount{TP: 3, FP: 1, FN: 3}
	if c.Precision() != 0.75 || c.Recall() != 0.5 || c.F1() != 0.6 {
		t.Errorf("P %v R %v F1 %v, want 0.75 0.5 0.6", c.Precision(), c.Recall(), c.F1())
	}
	if (RelationCount{}).F1() != 0 {
		t.Error("empty count: F1 not 0")
	}
}
