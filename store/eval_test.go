package store

import (
	"bytes"
	"strings"
	"testing"
)

const testGold = `{"doc": "a/001.txt", "entities": [
  {"name": "Vyacheslav Gladkov", "type": "PERSON", "aliases": ["Gladkov", "Vyacheslav Gladkov"]},
  {"name": "Belgorod Oblast", "type": "LOCATION", "aliases": ["Belgorod region", "Belgorod Oblast"]},
  {"name": "Russian Volunteer Corps", "type": "ORGANIZATION", "aliases": ["RDK", "Russian Volunteer Corps"]},
  {"name": "Fighterbomber", "type": "PERSON", "aliases": ["Fighterbomber"], "optional": true}],
 "relations": [
  {"subject": "Vyacheslav Gladkov", "predicate": "leads", "object": "Belgorod Oblast"},
  {"subject": "Gladkov", "predicate": "speaks_for", "object": ["Russian Volunteer Corps", "Belgorod Oblast"]}]}

{"doc": "002.txt", "entities": [{"name": "Kyiv", "type": "LOCATION", "aliases": ["Kyiv", "Kiev"]}]}
`

func TestEvaluate(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(testGold))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 2 || len(gold[0].Relations[1].Object) != 2 {
		t.Fatalf("gold = %+v", gold)
	}
	pred := []ExportDoc{{
		Doc: "run/001.txt",
		Entities: []ExportEntity{
			{Name: "Gladkov", Type: "PERSON", Aliases: []string{"Gladkov"}},                       // found
			{Name: "Governor Gladkov", Type: "PERSON", Aliases: []string{"Vyacheslav Gladkov's"}}, // fragment
			{Name: "the Belgorod region", Type: "LOCATION"},                                       // found
			{Name: "RDK", Type: "LOCATION"},                                                       // wrong type: FP, and the ORG is missed
			{Name: "Fighterbomber", Type: "PERSON"},                                               // optional: ignored
			{Name: "Shebekino", Type: "LOCATION"},                                                 // FP
		},
		Relations: []ExportRelation{
			{Subject: "Gladkov", Predicate: "leads", Object: "the Belgorod region", Kind: "typed"},      // TP
			{Subject: "Gladkov", Predicate: "leads", Object: "Shebekino", Kind: "typed"},                // FP
			{Subject: "Gladkov", Predicate: "co_occurs", Object: "Shebekino", Kind: "cooccurrence"},     // not scored
			{Subject: "Gladkov", Predicate: "speaks_for", Object: "the Belgorod region", Kind: "typed"}, // TP via list
		},
	}}
	rep := Evaluate(gold, pred)
	check := func(name string, s Score, tp, fp, fn int) {
		t.Helper()
		if s.TP != tp || s.FP != fp || s.FN != fn {
			t.Errorf("%s: tp/fp/fn = %d/%d/%d, want %d/%d/%d", name, s.TP, s.FP, s.FN, tp, fp, fn)
		}
	}
	check("PERSON", *rep.Entities["PERSON"], 1, 1, 0)
	check("LOCATION", *rep.Entities["LOCATION"], 1, 2, 1) // 002.txt's Kyiv has no prediction
	check("ORGANIZATION", *rep.Entities["ORGANIZATION"], 0, 0, 1)
	check("entities", rep.EntityAll, 2, 3, 2)
	check("relations", rep.RelAll, 2, 1, 0)
	if rep.Fragments != 1 {
		t.Errorf("fragments = %d, want 1", rep.Fragments)
	}
	if len(rep.Missing) != 1 || rep.Missing[0] != "002.txt" {
		t.Errorf("missing = %v", rep.Missing)
	}
	if want := 0.4; rep.EntityAll.Precision != want {
		t.Errorf("precision = %v, want %v", rep.EntityAll.Precision, want)
	}
	var buf bytes.Buffer
	rep.WriteText(&buf, true)
	for _, want := range []string{"overall", "fragment", "PERSON Governor Gladkov (of Vyacheslav Gladkov)", "missed"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestReadGoldErrors(t *testing.T) {
	for _, in := range []string{`{"doc": "a", "entities": 3}`, `{"entities": []}`, `{"doc": "a", "relations": [{"object": 1}]}`, `not json`} {
		if _, err := ReadGold(strings.NewReader(in)); err == nil {
			t.Errorf("ReadGold(%q): no error", in)
		}
	}
}
