// Command gen trains the embedded part-of-speech model of package postag on
// GUM's open genres and reports its quality and speed.
//
// It trains on the documents of GUM's official train split plus silver
// sentences (the NER corpora's tokens tagged by prose; see silverData),
// picks the number
// of epochs on the dev split, trains the final model on train and dev with
// that number, prints the accuracy on the test split, writes the model,
// and then compares the model with prose v2's tagger on the seed news
// articles: agreement tag by tag, the most frequent disagreements, and
// tokens per second of both taggers measured in the same run. Run it with
// go generate ./extract/postag.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/dossier-nlp/dossier/extract/postag"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	data := fs.String("data", "../../testdata/training/gum-open.conllu.gz", "GUM CoNLL-U file (gzip)")
	splits := fs.String("splits", "gen/gum-splits.tsv", "GUM's document splits (doc, split, folder)")
	seeds := fs.String("seeds", "../../testdata/seeds", "folder of news articles (*.txt) to compare with prose on")
	out := fs.String("out", "model.bin.gz", "model file to write")
	epochs := fs.Int("epochs", 15, "maximum training epochs (the dev split picks the number)")
	seed := fs.Int64("seed", 1, "shuffling seed")
	silver := fs.String("silver", "../../testdata/training/crossner-politics-train.conll.gz,../../testdata/training/wikigold.conll.gz,../../testdata/training/redocred.conll.gz,../../testdata/training/btc-g.conll.gz",
		"token files (CoNLL, first column) tagged by prose's tagger and added to the training data, comma-separated; empty for none")
	silverTokens := fs.Int("silver-tokens", 400000, "at most this many silver tokens")
	if err := fs.Parse(args); err != nil {
		return err
	}
	split, err := readSplits(*splits)
	if err != nil {
		return err
	}
	docs, err := readDocs(*data)
	if err != nil {
		return err
	}
	sets := map[string][]postag.Sentence{}
	for _, d := range docs {
		s, ok := split[d.name]
		if !ok {
			return fmt.Errorf("document %q has no split", d.name)
		}
		sets[s] = append(sets[s], d.sents...)
	}
	if *silver != "" {
		sil, err := silverData(strings.Split(*silver, ","), *silverTokens)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "silver %5d sentences %7d tokens (tagged by prose)\n", len(sil), tokens(sil))
		sets["train"] = append(sets["train"], sil...)
	}
	for _, s := range []string{"train", "dev", "test"} {
		fmt.Fprintf(stdout, "%-5s %5d sentences %7d tokens\n", s, len(sets[s]), tokens(sets[s]))
	}

	// The dev split picks the number of epochs; the final model is then
	// trained on train and dev together.
	start := time.Now()
	bestEp, bestAcc := 0, -1.0
	var bestM *postag.Model
	for _, ep := range epochGrid {
		if ep > *epochs {
			break
		}
		m, err := postag.Train(sets["train"], postag.TrainOptions{Epochs: ep, Seed: *seed})
		if err != nil {
			return err
		}
		acc := postag.Accuracy(m, sets["dev"])
		fmt.Fprintf(stdout, "epochs %2d: GUM dev accuracy %.2f%%\n", ep, 100*acc)
		if acc > bestAcc {
			bestEp, bestAcc, bestM = ep, acc, m
		}
	}
	fmt.Fprintf(stdout, "train only, %d epochs: GUM test accuracy %.2f%%\n", bestEp, 100*postag.Accuracy(bestM, sets["test"]))
	all := append(slices.Clone(sets["train"]), sets["dev"]...)
	m, err := postag.Train(all, postag.TrainOptions{Epochs: bestEp, Seed: *seed})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "trained in %v\n", time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "final model (train+dev, %d epochs): GUM test accuracy %.2f%%\n", bestEp, 100*postag.Accuracy(m, sets["test"]))

	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d bytes\n", *out, buf.Len())
	const loads = 20
	start = time.Now()
	for i := 0; i < loads; i++ {
		if _, err := postag.Load(bytes.NewReader(buf.Bytes())); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "load time %v (mean of %d)\n", (time.Since(start) / loads).Round(10*time.Microsecond), loads)

	if *seeds != "" {
		return compareProse(stdout, m, *seeds)
	}
	return nil
}

// epochGrid lists the numbers of epochs tried on the dev split.
var epochGrid = []int{4, 6, 8, 10, 12, 15}

// doc is one GUM document's sentences.
type doc struct {
	name  string
	sents []postag.Sentence
}

// readDocs reads the gzip CoNLL-U file path and splits it into documents
// at its "# newdoc id = " lines.
func readDocs(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open data: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read data %q: %w", path, err)
	}
	br := bufio.NewReader(zr)
	var (
		docs  []doc
		name  string
		chunk strings.Builder
	)
	flush := func() error {
		if name == "" {
			return nil
		}
		sents, err := postag.ReadCoNLLU(strings.NewReader(chunk.String()))
		if err != nil {
			return fmt.Errorf("read document %q: %w", name, err)
		}
		docs = append(docs, doc{name, sents})
		chunk.Reset()
		return nil
	}
	for {
		line, err := br.ReadString('\n')
		if id, ok := strings.CutPrefix(line, "# newdoc id = "); ok {
			if err := flush(); err != nil {
				return nil, err
			}
			name = strings.TrimSpace(id)
		}
		chunk.WriteString(line)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read data %q: %w", path, err)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return docs, nil
}

// readSplits reads GUM's splits.tsv: document name -> train, dev or test.
func readSplits(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read splits: %w", err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) >= 2 && cols[0] != "doc" {
			out[cols[0]] = cols[1]
		}
	}
	return out, nil
}

func tokens(ss []postag.Sentence) int {
	n := 0
	for _, s := range ss {
		n += len(s.Words)
	}
	return n
}

// sentences cuts prose's tokens of a whole text into sentences after ".",
// "!" and "?".
func sentences(toks []prose.Token) [][]prose.Token {
	var out [][]prose.Token
	start := 0
	for i, t := range toks {
		if t.Text == "." || t.Text == "!" || t.Text == "?" {
			out = append(out, toks[start:i+1])
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

// compareProse tags the articles in dir with prose and with m and prints
// their agreement and speeds.
func compareProse(stdout io.Writer, m *postag.Model, dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("list seeds in %q: none found", dir)
	}
	d, err := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return fmt.Errorf("load prose: %w", err)
	}
	pm := d.Model
	var texts []string
	var sents [][]string
	var proseTags [][]string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read seed: %w", err)
		}
		texts = append(texts, string(b))
		doc, err := prose.NewDocument(string(b), prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(pm))
		if err != nil {
			return fmt.Errorf("tag %q with prose: %w", p, err)
		}
		for _, s := range sentences(doc.Tokens()) {
			words, tags := make([]string, len(s)), make([]string, len(s))
			for i, t := range s {
				words[i], tags[i] = t.Text, t.Tag
			}
			sents = append(sents, words)
			proseTags = append(proseTags, tags)
		}
	}
	type pair struct{ prose, ours string }
	diffs := map[pair]int{}
	examples := map[pair]map[string]int{}
	agree, total, quotes, quoteAgree := 0, 0, 0, 0
	for i, s := range sents {
		ours := m.Tag(s)
		for j, t := range proseTags[i] {
			total++
			if s[j] == `"` {
				quotes++
			}
			if ours[j] == t {
				agree++
				if s[j] == `"` {
					quoteAgree++
				}
				continue
			}
			p := pair{t, ours[j]}
			diffs[p]++
			if examples[p] == nil {
				examples[p] = map[string]int{}
			}
			examples[p][s[j]]++
		}
	}
	fmt.Fprintf(stdout, "\nseeds: %d articles, %d sentences, %d prose tokens\n", len(paths), len(sents), total)
	fmt.Fprintf(stdout, "agreement with prose %.2f%% (%d/%d)\n", 100*float64(agree)/float64(total), agree, total)
	// prose tags the straight double quotes its tokenizer makes as words.
	fmt.Fprintf(stdout, "agreement without the %d tokens `\"` %.2f%%\n", quotes, 100*float64(agree-quoteAgree)/float64(total-quotes))
	pairs := make([]pair, 0, len(diffs))
	for p := range diffs {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if diffs[a] != diffs[b] {
			return diffs[b] - diffs[a]
		}
		return strings.Compare(a.prose+" "+a.ours, b.prose+" "+b.ours)
	})
	fmt.Fprintln(stdout, "top disagreements (prose -> ours: count, frequent words):")
	for _, p := range pairs[:min(15, len(pairs))] {
		fmt.Fprintf(stdout, "  %-5s -> %-5s %4d  %s\n", p.prose, p.ours, diffs[p], topWords(examples[p], 5))
	}

	// Speed, both measured here on the same text.
	const minTime = time.Second
	ourRate := rate(total, minTime, func() {
		for _, s := range sents {
			m.Tag(s)
		}
	})
	proseFull := rate(total, minTime, func() {
		for _, t := range texts {
			prose.NewDocument(t, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(pm))
		}
	})
	proseTok := rate(total, minTime, func() {
		for _, t := range texts {
			prose.NewDocument(t, prose.WithSegmentation(false), prose.WithExtraction(false), prose.WithTagging(false), prose.UsingModel(pm))
		}
	})
	// Time per token of prose's tagging alone: tokenize+tag minus tokenize.
	proseTag := 1 / (1/proseFull - 1/proseTok)
	fmt.Fprintf(stdout, "\nspeed on the seeds' tokens (one goroutine):\n")
	fmt.Fprintf(stdout, "  postag Tag                %10.0f tokens/s\n", ourRate)
	fmt.Fprintf(stdout, "  prose tokenize+tag        %10.0f tokens/s\n", proseFull)
	fmt.Fprintf(stdout, "  prose tokenize only       %10.0f tokens/s\n", proseTok)
	fmt.Fprintf(stdout, "  prose tag (difference)    %10.0f tokens/s\n", proseTag)
	fmt.Fprintf(stdout, "  postag / prose tag        %10.1fx\n", ourRate/proseTag)
	return nil
}

// rate runs f repeatedly for at least d and returns tokens per second, f
// processing n tokens per call.
func rate(n int, d time.Duration, f func()) float64 {
	f() // warm up
	start := time.Now()
	calls := 0
	for time.Since(start) < d {
		f()
		calls++
	}
	return float64(n*calls) / time.Since(start).Seconds()
}

func topWords(c map[string]int, n int) string {
	words := make([]string, 0, len(c))
	for w := range c {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if c[a] != c[b] {
			return c[b] - c[a]
		}
		return strings.Compare(a, b)
	})
	var parts []string
	for _, w := range words[:min(n, len(words))] {
		parts = append(parts, fmt.Sprintf("%s(%d)", w, c[w]))
	}
	return strings.Join(parts, " ")
}

// silverData reads the tokens of CoNLL files (first column; sentences
// separated by blank lines) and tags each sentence with prose's tagger, so
// that the model also learns from news-like text in the Penn Treebank
// conventions prose follows. Sentences that prose tokenizes differently are
// skipped. At most max tokens are returned, taken in file order.
func silverData(files []string, max int) ([]postag.Sentence, error) {
	d, err := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	model := d.Model
	var out []postag.Sentence
	n := 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open silver data: %w", err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("read silver data %q: %w", name, err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var words []string
		flush := func() {
			if len(words) == 0 || n >= max {
				words = words[:0]
				return
			}
			doc, err := prose.NewDocument(strings.Join(words, " "), prose.WithSegmentation(false),
				prose.WithExtraction(false), prose.UsingModel(model))
			if err == nil {
				toks := doc.Tokens()
				same := len(toks) == len(words)
				for i := 0; same && i < len(toks); i++ {
					same = toks[i].Text == words[i]
				}
				if same {
					s := postag.Sentence{Words: slices.Clone(words), Tags: make([]string, len(toks))}
					for i, t := range toks {
						s.Tags[i] = t.Tag
					}
					out = append(out, s)
					n += len(words)
				}
			}
			words = words[:0]
		}
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				flush()
				continue
			}
			w := strings.Fields(line)[0]
			if w == "-DOCSTART-" {
				continue
			}
			words = append(words, w)
		}
		flush()
		zr.Close()
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("read silver data %q: %w", name, err)
		}
	}
	return out, nil
}
