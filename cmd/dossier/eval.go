package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/extract/tagger"
	"github.com/dossier-nlp/dossier/store"
)

type evalOptions struct {
	*globalOptions
	gold, pred string
	verbose    bool
	json       bool

	conll           []string
	format          string
	perDoc          int
	model, entities string

	docred       string
	goldEntities bool
	corpus       bool
	keep         string

	relsents string
}

func newEvalCmd(g *globalOptions) *cobra.Command {
	o := &evalOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "eval --gold FILE",
		Short: "Score the database's entities and relations against a gold file",
		Long: `eval compares what the database holds (its JSONL export) with a gold file in
the same shape and prints precision, recall and F1 per entity type and overall,
then per relation predicate. Documents are paired by file name. A predicted
entity counts as found when its type matches and one of its names equals one of
the gold aliases after normalisation (case, possessive 's, surrounding
punctuation, a leading "the"); gold items marked optional neither count nor
cost. Fragments are extra records of an entity already found.

With --conll, eval instead measures extraction itself on annotated sentences
(CoNLL, CoNLL-U or Universal NER files, as for 'dossier train'): it writes them
out as documents (those the file's -DOCSTART- lines mark, else 10 sentences
each, or --per-doc sentences each), extracts them with the built-in model
(or --model, --entities) and prints exact-match span precision, recall and F1
per type; --verbose lists every sentence it got wrong, with the gold mentions
it missed and the mentions it found that no gold span equals. No database is
needed.

With --docred, eval measures typed relations on a DocRED / Re-DocRED file
(JSON, plain or gzipped): the Wikidata properties are mapped to predicates
(extract.DocREDProperties), only relations whose two entities are named in one
sentence count, and it prints precision, recall and F1 per predicate for the
learned model with the patterns and for the patterns alone. With
--gold-entities the extractor is given DocRED's own mentions; without it, it
finds them itself (end to end). No database is needed.

With --docred and --corpus, eval instead writes the file's documents out as
text, runs them through the whole pipeline as one corpus (a temporary
database, removed after unless --keep FILE names one to keep; the texts are
not kept) and scores the store's entities per document and its links across
documents as --gold does. An entity's gold canonical name is the
longest name its document gives it, and entities of two documents are one when
one's canonical name is among the other's names: a document that only says
"Putin" goes with one that says "Vladimir Putin" and "Putin", not with one that
only says "Vladimir Putin". DocRED does not link entities across documents, so
this gold is approximate; --verbose lists the splits and merges, costliest
first, and some of them are the gold's.

With --relsents, eval measures typed relations end to end on single annotated
news sentences (testdata/relsents; format in extract.ReadRelSentences): each
sentence is extracted as a document, titles are stripped from names on both
sides, predicates are mapped to five coarse types (extract.CoarseType) and it
prints precision, recall and F1 per type for the model with the patterns and
for the patterns alone; --verbose lists every error. With --gold-entities the
extractor is given the sentences' own entities, which measures the relations
apart from entity recognition.`,
		Example: `  dossier eval --gold testdata/seeds-gold.jsonl
  dossier eval --gold testdata/seeds-gold.jsonl --verbose
  dossier eval --gold gold.jsonl --pred out.jsonl   # score an export file
  dossier eval --conll testdata/training/uner-en_pud-ud-test.iob2.gz   # exact spans on annotated text
  dossier eval --docred testdata/training/redocred-test.json.gz --gold-entities   # typed relations
  dossier eval --docred testdata/training/redocred-test.json.gz --corpus   # entities and links across documents
  dossier eval --docred testdata/training/redocred-dev.json.gz --corpus --keep dev.db --verbose
  dossier eval --relsents testdata/relsents/test.txt   # typed relations on news sentences`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if len(o.conll) > 0 {
				return o.evalSpans()
			}
			if o.corpus && o.docred == "" {
				return errNoDocREDCorpus
			}
			if o.keep != "" && !o.corpus {
				return errors.New("--keep FILE goes with --docred FILE --corpus")
			}
			if o.docred != "" && o.corpus {
				return o.evalDocREDCorpus(cmd.Context())
			}
			if o.docred != "" {
				return o.evalDocRED()
			}
			if o.relsents != "" {
				return o.evalRelSents()
			}
			if o.gold == "" {
				return errors.New("--gold FILE (or --conll FILE) is required")
			}
			gf, err := os.Open(o.gold)
			if err != nil {
				return fmt.Errorf("open gold file: %w", err)
			}
			defer gf.Close()
			gold, err := store.ReadGold(gf)
			if err != nil {
				return fmt.Errorf("read gold file %s: %w", o.gold, err)
			}
			var pred []store.ExportDoc
			if o.pred != "" {
				if pred, err = readExport(o.pred); err != nil {
					return err
				}
			} else {
				db, err := openExisting(cmd.Context(), o.db)
				if err != nil {
					return err
				}
				defer db.Close()
				err = db.ExportDocs(cmd.Context(), func(d store.ExportDoc) error {
					pred = append(pred, d)
					return nil
				})
				if err != nil {
					return err
				}
			}
			rep := store.Evaluate(gold, pred)
			if o.json {
				return writeJSON(o.stdout, rep)
			}
			rep.WriteText(o.stdout, o.verbose)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.gold, "gold", "", "gold file (JSON lines, one document per line)")
	f.StringVar(&o.pred, "pred", "", "score this JSONL export file instead of the database")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "also list missed entities, false positives and fragments")
	f.BoolVar(&o.json, "json", false, "print the report as JSON")
	f.StringSliceVar(&o.conll, "conll", nil, "score exact mention spans on these annotated files instead")
	f.StringVar(&o.format, "format", "auto", "format of the --conll files: auto, conll, conllu, uner")
	f.IntVar(&o.perDoc, "per-doc", 0, "sentences per document when scoring --conll files (0: the file's documents, as its -DOCSTART- lines mark them, or 10 when it marks none)")
	f.StringVar(&o.model, "model", "", "with --conll: tagger model file (default: the built-in model)")
	f.StringVar(&o.entities, "entities", "", "with --conll: entity list, as for 'dossier run'")
	f.StringVar(&o.docred, "docred", "", "score typed relations on this DocRED / Re-DocRED file instead")
	f.BoolVar(&o.goldEntities, "gold-entities", false, "with --docred or --relsents: give the extractor the file's own mentions")
	f.BoolVar(&o.corpus, "corpus", false, "with --docred: run its documents as one corpus through the whole pipeline and score entities and cross-document links")
	f.StringVar(&o.keep, "keep", "", "with --corpus: keep the corpus's database in this new file, to look at with dossier's commands or sqlite3")
	f.StringVar(&o.relsents, "relsents", "", "score typed relations on this file of annotated news sentences instead")
	return cmd
}

// evalRelSents scores typed relations on annotated news sentences, the
// model and patterns against the patterns alone.
func (o *evalOptions) evalRelSents() error {
	x, err := newExtractor(o.model, o.entities)
	if err != nil {
		return err
	}
	f, err := os.Open(o.relsents)
	if err != nil {
		return fmt.Errorf("open relation sentences: %w", err)
	}
	defer f.Close()
	sents, err := extract.ReadRelSentences(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", o.relsents, err)
	}
	model := x.EvaluateRelSentences(sents, extract.RelSentOptions{Errors: o.verbose, GoldEntities: o.goldEntities})
	patterns := x.EvaluateRelSentences(sents, extract.RelSentOptions{PatternsOnly: true, GoldEntities: o.goldEntities})
	if o.json {
		return writeJSON(o.stdout, map[string]extract.RelSentScores{"model": model, "patterns": patterns})
	}
	mode := "end to end"
	if o.goldEntities {
		mode = "gold entities"
	}
	fmt.Fprintf(o.stdout, "%d sentences, typed relations by coarse type, %s (%s)\n\nmodel and patterns\n%s\npatterns alone\n%s",
		len(sents), mode, x.Version(), model, patterns)
	for _, e := range model.Errors {
		fmt.Fprintln(o.stdout, e)
	}
	return nil
}

// evalDocRED scores typed relations on a DocRED file, the model and
// patterns against the patterns alone.
func (o *evalOptions) evalDocRED() error {
	x, err := newExtractor(o.model, o.entities)
	if err != nil {
		return err
	}
	f, err := os.Open(o.docred)
	if err != nil {
		return fmt.Errorf("open docred file: %w", err)
	}
	defer f.Close()
	docs, err := extract.ReadDocRED(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", o.docred, err)
	}
	model := x.EvaluateDocRED(docs, extract.DocREDOptions{GoldEntities: o.goldEntities})
	patterns := x.EvaluateDocRED(docs, extract.DocREDOptions{GoldEntities: o.goldEntities, PatternsOnly: true})
	if o.json {
		return writeJSON(o.stdout, map[string]extract.RelationScores{"model": model, "patterns": patterns})
	}
	mode := "end to end (our own entities)"
	if o.goldEntities {
		mode = "gold entities"
	}
	fmt.Fprintf(o.stdout, "%d documents, typed relations within one sentence, %s (%s)\n\nmodel and patterns\n%s\npatterns alone\n%s",
		len(docs), mode, x.Version(), model, patterns)
	return nil
}

// evalSpans scores extraction on annotated files.
func (o *evalOptions) evalSpans() error {
	x, err := newExtractor(o.model, o.entities)
	if err != nil {
		return err
	}
	var gold []tagger.Example
	marked := false
	starts := make([]int, 0, len(o.conll)) // each file's first example
	for _, name := range o.conll {
		ex, err := readExamples(name, o.format)
		if err != nil {
			return err
		}
		starts = append(starts, len(gold))
		for _, e := range ex {
			marked = marked || e.DocStart
		}
		gold = append(gold, ex...)
	}
	if marked {
		// A file's first sentence starts a document too.
		for _, i := range starts {
			if i < len(gold) {
				gold[i].DocStart = true
			}
		}
	}
	scores, errs := x.EvaluateSpansErrors(gold, o.perDoc)
	if o.json {
		return writeJSON(o.stdout, scores)
	}
	how := "documents of 10 sentences"
	switch {
	case o.perDoc > 0:
		how = "documents of " + plural(o.perDoc, "sentence")
	case marked:
		how = "the documents -DOCSTART- marks"
	}
	fmt.Fprintf(o.stdout, "%d sentences (%s), exact-match mention spans (%s)\n%s", len(gold), how, x.Version(), scores)
	if !o.verbose {
		if len(errs) > 0 {
			fmt.Fprintf(o.stdout, "\n%s with errors; --verbose lists them\n", plural(len(errs), "sentence"))
		}
		return nil
	}
	fmt.Fprintf(o.stdout, "\n%s with errors (missed: gold mentions not found exactly; extra: mentions found that no gold span equals)\n", plural(len(errs), "sentence"))
	for _, e := range errs {
		fmt.Fprintf(o.stdout, "\n#%d  %s\n", e.Sentence+1, e.Text)
		for _, m := range e.Missed {
			fmt.Fprintf(o.stdout, "    missed  %s\n", m)
		}
		for _, m := range e.Extra {
			fmt.Fprintf(o.stdout, "    extra   %s\n", m)
		}
	}
	return nil
}

// readExport reads a JSONL export file.
func readExport(path string) ([]store.ExportDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open export: %w", err)
	}
	defer f.Close()
	var docs []store.ExportDoc
	dec := json.NewDecoder(bufio.NewReader(f))
	for {
		var d store.ExportDoc
		if err := dec.Decode(&d); err == io.EOF {
			return docs, nil
		} else if err != nil {
			return nil, fmt.Errorf("read export %s: document %d: %w", path, len(docs)+1, err)
		}
		docs = append(docs, d)
	}
}
