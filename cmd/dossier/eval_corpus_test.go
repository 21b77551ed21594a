package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

// TestEvalDocREDCorpus runs three DocRED documents as one corpus: two name
// Vladimir Putin (one by his surname alone, which the other also uses, so
// the gold makes them one) and Moscow, so their records must be one, and
// the scores come from the whole pipeline.
func TestEvalDocREDCorpus(t *testing.T) {
	doc := func(sents [][]string, vs ...[]extract.DocREDMention) extract.DocREDDoc {
		return extract.DocREDDoc{Title: "t", Sents: sents, VertexSet: vs}
	}
	m := func(name string, sent, start, end int, typ string) extract.DocREDMention {
		return extract.DocREDMention{Name: name, SentID: sent, Pos: [2]int{start, end}, Type: typ}
	}
	docs := []extract.DocREDDoc{
		doc([][]string{strings.Fields("Russian President Vladimir Putin visited Moscow on Monday ."), strings.Fields("Putin met officials .")},
			[]extract.DocREDMention{m("Vladimir Putin", 0, 2, 4, "PER"), m("Putin", 1, 0, 1, "PER")},
			[]extract.DocREDMention{m("Moscow", 0, 5, 6, "LOC")}),
		doc([][]string{strings.Fields("Putin spoke in Moscow on Tuesday , the Kremlin said .")},
			[]extract.DocREDMention{m("Putin", 0, 0, 1, "PER")},
			[]extract.DocREDMention{m("Moscow", 0, 3, 4, "LOC")},
			[]extract.DocREDMention{m("Kremlin", 0, 8, 9, "ORG")}),
		doc([][]string{strings.Fields("Angela Merkel met Emmanuel Macron in Paris .")},
			[]extract.DocREDMention{m("Angela Merkel", 0, 0, 2, "PER")},
			[]extract.DocREDMention{m("Emmanuel Macron", 0, 3, 5, "PER")},
			[]extract.DocREDMention{m("Paris", 0, 6, 7, "LOC")}),
	}
	b, err := json.Marshal(docs)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "docred.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cli(t, "eval", "--docred", file, "--corpus", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep store.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if rep.Documents != 3 || rep.EntityAll.TP < 6 {
		t.Errorf("%d documents, %d entities found, want 3 and at least 6: %s", rep.Documents, rep.EntityAll.TP, out)
	}
	// Putin twice and Moscow twice: two pairs across documents, both linked.
	if rep.Links.TP != 2 || rep.Links.FP != 0 || rep.Links.FN != 0 {
		t.Errorf("links %+v, want 2 true pairs and no others", rep.Links)
	}
	if len(rep.Relations) != 0 {
		t.Errorf("relations scored without gold relations: %v", rep.Relations)
	}

	code, out, errs = cli(t, "eval", "--docred", file, "--corpus")
	if code != 0 || !strings.Contains(out, "3 documents of docred.json run as one corpus") || !strings.Contains(out, "cross-document links") {
		t.Errorf("text report: exit %d\n%s", code, out)
	}
	// A document without text is left out, and said so.
	docs = append(docs, doc([][]string{{" "}}))
	if b, err = json.Marshal(docs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = cli(t, "eval", "--docred", file, "--corpus")
	if code != 0 || !strings.Contains(errs, "1 document without text left out") || !strings.Contains(out, "documents: 3") {
		t.Errorf("with an empty document: exit %d, %q\n%s", code, errs, out)
	}
	// --keep leaves the database, and refuses a file that exists.
	kept := filepath.Join(t.TempDir(), "corpus.db")
	if code, _, errs := cli(t, "eval", "--docred", file, "--corpus", "--keep", kept); code != 0 {
		t.Fatalf("--keep: exit %d: %s", code, errs)
	}
	if code, out, errs := cli(t, "entities", "--db", kept); code != 0 || !strings.Contains(out, "Vladimir Putin") {
		t.Errorf("entities of the kept database: exit %d, %s%s", code, out, errs)
	}
	if code, _, errs := cli(t, "eval", "--docred", file, "--corpus", "--keep", kept); code == 0 || !strings.Contains(errs, "exists") {
		t.Errorf("--keep over a file: exit %d, %q", code, errs)
	}
	if code, _, errs := cli(t, "eval", "--corpus"); code == 0 || !strings.Contains(errs, "--docred") {
		t.Errorf("--corpus alone: exit %d, %q", code, errs)
	}
}
