package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/pipeline"
	"github.com/dossier-nlp/dossier/store"
)

// evalDocREDCorpus runs the documents of a DocRED file through the whole
// pipeline as one corpus, into a temporary database, and scores the
// store's entities per document and its links across documents against
// DocRED's own entities.
func (o *evalOptions) evalDocREDCorpus(ctx context.Context) error {
	f, err := os.Open(o.docred)
	if err != nil {
		return fmt.Errorf("open docred file: %w", err)
	}
	docs, err := extract.ReadDocRED(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", o.docred, err)
	}
	if len(docs) == 0 {
		return fmt.Errorf("%s holds no documents", o.docred)
	}
	x, err := newExtractor(o.model, o.entities)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "dossier-eval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	texts := filepath.Join(dir, "docs")
	if err := os.Mkdir(texts, 0o755); err != nil {
		return err
	}
	gold := make([]store.GoldDoc, 0, len(docs))
	empty := 0
	for i, d := range docs {
		t := d.Text()
		if strings.TrimSpace(t.Text) == "" {
			empty++ // nothing to extract, nothing to score
			continue
		}
		name := fmt.Sprintf("%04d.txt", i)
		if err := os.WriteFile(filepath.Join(texts, name), []byte(t.Text+"\n"), 0o644); err != nil {
			return err
		}
		gold = append(gold, docredGold(name, t))
	}
	if len(gold) == 0 {
		return fmt.Errorf("%s holds no document with text", o.docred)
	}
	dbPath := filepath.Join(dir, "eval.db")
	if o.keep != "" {
		if _, err := os.Stat(o.keep); err == nil {
			return fmt.Errorf("--keep %s: the file exists; give a new file's name", o.keep)
		}
		dbPath = o.keep
	}
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	sum, err := pipeline.Run(ctx, texts, db, x, pipeline.Options{})
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d of %d documents could not be stored; run them with 'dossier run' to see why", sum.Failed, len(gold))
	}
	if empty > 0 {
		fmt.Fprintf(o.stderr, "%s without text left out\n", plural(empty, "document"))
	}
	var pred []store.ExportDoc
	if err := db.ExportDocs(ctx, func(d store.ExportDoc) error {
		pred = append(pred, d)
		return nil
	}); err != nil {
		return err
	}
	rep := store.Evaluate(gold, pred)
	if o.json {
		return writeJSON(o.stdout, rep)
	}
	fmt.Fprintf(o.stdout, "%d documents of %s run as one corpus (%s): entities per document, links across documents\n",
		len(gold), filepath.Base(o.docred), x.Version())
	rep.WriteText(o.stdout, o.verbose)
	return nil
}

// docredGold is a DocRED document's gold entities (people, places,
// organisations; no nationality words) in the gold file's form: every
// name a document gives an entity is an alias, and the canonical name,
// which says which entities of other documents are the same one, is its
// longest name (most words, then most bytes, then the first in order).
func docredGold(name string, t *extract.DocREDText) store.GoldDoc {
	g := store.GoldDoc{Doc: name}
	for _, e := range t.Entities {
		best := e.Name
		for _, a := range e.Aliases {
			wa, wb := len(strings.Fields(a)), len(strings.Fields(best))
			if wa > wb || wa == wb && (len(a) > len(best) || len(a) == len(best) && a < best) {
				best = a
			}
		}
		g.Entities = append(g.Entities, store.GoldEntity{Name: best, Type: e.Type, Aliases: e.Aliases})
	}
	return g
}

var errNoDocREDCorpus = errors.New("--corpus needs --docred FILE")
