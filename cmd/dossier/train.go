package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/extract/tagger"
)

type trainOptions struct {
	*globalOptions
	out       string
	format    string
	dev       []string
	epochs    int
	seed      int64
	uppercase float64
	gazetteer bool
}

func newTrainCmd(g *globalOptions) *cobra.Command {
	o := &trainOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "train FILE... --out MODEL",
		Short: "Train an entity tagger on annotated text and write a model file",
		Long: `train reads annotated sentences, trains a sequence tagger (a structured averaged
perceptron over BILOU labels) and writes a model file that 'dossier run --model'
uses instead of the built-in model.

Input files may be gzipped. Formats (--format, default by file name):
  conll   one "token TAG" per line (space or tab), IOB1 or IOB2 tags, a blank
          line between sentences; PER/LOC/ORG and common variants are mapped
          to PERSON, LOCATION, ORGANIZATION, other types are ignored
  conllu  CoNLL-U with GUM-style Entity= annotations (files ending .conllu)
  uner    Universal NER TSV (files ending .iob2)

With --dev, the epoch that scores best on the development files is kept and
its exact-match span scores are printed.`,
		Example: `  dossier train my-annotations.conll --out news.model
  dossier train train.conll.gz --dev dev.conll.gz --epochs 15 --out news.model
  dossier run ./articles --model news.model`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "model file to write (required)")
	f.StringVar(&o.format, "format", "auto", "input format: auto, conll, conllu, uner")
	f.StringSliceVar(&o.dev, "dev", nil, "development files to choose the best epoch and report scores")
	f.IntVar(&o.epochs, "epochs", 10, "passes over the training data")
	f.Int64Var(&o.seed, "seed", 1, "seed for the order of sentences (training is deterministic for a seed)")
	f.Float64Var(&o.uppercase, "uppercase", 0.1, "fraction of sentences also trained in capitals, for headlines")
	f.BoolVar(&o.gazetteer, "gazetteer", true, "use the built-in gazetteer as features")
	return cmd
}

func (o *trainOptions) run(files []string) error {
	if o.out == "" {
		return errors.New("--out MODEL is required")
	}
	train, err := o.read(files)
	if err != nil {
		return err
	}
	dev, err := o.read(o.dev)
	if err != nil {
		return err
	}
	if len(train) == 0 {
		return errors.New("no annotated sentences in the training files")
	}
	fmt.Fprintf(o.stderr, "training on %d sentences", len(train))
	if len(dev) > 0 {
		fmt.Fprintf(o.stderr, ", choosing the epoch on %d development sentences", len(dev))
	}
	fmt.Fprintln(o.stderr)
	start := time.Now()
	m, err := tagger.Train(train, tagger.TrainOptions{
		Epochs: o.epochs, Seed: o.seed, Uppercase: o.uppercase, Gazetteer: o.gazetteer, Dev: dev,
		Progress: func(epoch int, acc float64) {
			fmt.Fprintf(o.stderr, "epoch %d: training accuracy %.4f (%s)\n", epoch, acc, time.Since(start).Round(time.Second))
		},
	})
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	f, err := os.Create(o.out)
	if err != nil {
		return fmt.Errorf("create model file: %w", err)
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return fmt.Errorf("write model: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if len(dev) > 0 {
		fmt.Fprintf(o.stdout, "development scores (exact-match spans):\n%s\n", tagger.Evaluate(m, dev))
	}
	fmt.Fprintf(o.stdout, "wrote %s (%s) in %s\n", o.out, m.Name(), time.Since(start).Round(time.Second))
	return nil
}

// read reads annotated files in o.format (or the format their names say).
func (o *trainOptions) read(files []string) ([]tagger.Example, error) {
	var all []tagger.Example
	for _, name := range files {
		ex, err := readExamples(name, o.format)
		if err != nil {
			return nil, err
		}
		all = append(all, ex...)
	}
	return all, nil
}

func readExamples(name, format string) ([]tagger.Example, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open training file: %w", err)
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	base := strings.TrimSuffix(filepath.Base(name), ".gz")
	if base != filepath.Base(name) {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	if format == "auto" {
		switch {
		case strings.HasSuffix(base, ".conllu"):
			format = "conllu"
		case strings.HasSuffix(base, ".iob2"):
			format = "uner"
		default:
			format = "conll"
		}
	}
	ex, err := tagger.ReadCoNLL(r, format)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return ex, nil
}
