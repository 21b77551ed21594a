// Command gen trains the relation model that package relate embeds, on the
// development split of Re-DocRED (never its test split, which is the
// held-out measure: see `dossier eval --docred`).
//
// Every same-sentence pair of gold mentions that the model would score is
// one example. Its label is the typed predicate its Wikidata property maps
// to (extract.DocREDProperties) when the sentence is among the label's
// evidence; a labelled pair whose evidence lies elsewhere is left out. A
// pair labelled only with other properties is a negative; a pair with no
// label at all is a negative of weight -neg, because Re-DocRED, revised as
// it is, still misses relations.
//
// Beside Re-DocRED it learns from the training split of our own
// hand-written news sentences (-news, a comma-separated list of files read
// in the order given, by default testdata/relsents/train.txt, train2.txt,
// train3.txt, train4.txt and train5.txt; never the dev or test split, which measure
// it): every pair of their entities the model would score is an example,
// labelled with the sentence's relation of a predicate the model knows, a
// negative when the sentence states none between them, and left out for
// speaks_for, which the model does not predict. Their weight is
// -news-weight (2), as they are few and closer to news than Wikipedia is.
//
// With -compare it trains both learners (logistic regression and the
// averaged perceptron) on four fifths of the documents and prints their
// scores on the fifth, then exits. Otherwise the chosen learner's
// temperature is fitted on that fifth and the model is trained on every
// document.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/extract/relate"
)

func main() {
	data := flag.String("data", "../../testdata/training/redocred-dev.json.gz", "Re-DocRED development split")
	out := flag.String("out", "model.bin.gz", "model file to write")
	algo := flag.String("algo", "logistic", "learner: logistic or perceptron")
	compare := flag.Bool("compare", false, "print both learners' held-out scores and exit")
	neg := flag.Float64("neg", 0.5, "weight of the negatives no label covers")
	epochs := flag.Int("epochs", 10, "training epochs")
	rate := flag.Float64("rate", 0.2, "logistic regression: initial learning rate")
	l2 := flag.Float64("l2", 1e-5, "logistic regression: L2 regularisation per update")
	minCount := flag.Int("min-count", 2, "drop features seen in fewer examples")
	ner := flag.Bool("ner", true, "also train on the pairs of the mentions our own NER finds")
	seed := flag.Int("seed", 7, "seed of the example order")
	news := flag.String("news", "../../testdata/relsents/train.txt,../../testdata/relsents/train2.txt,../../testdata/relsents/train3.txt,../../testdata/relsents/train4.txt,../../testdata/relsents/train5.txt", "hand-written news sentence files to train on too, comma-separated, read in order (\"\" for none)")
	newsWeight := flag.Float64("news-weight", 2, "weight of the examples from -news")
	newsNER := flag.Bool("news-ner", true, "with -news: also the pairs of the mentions our own NER finds")
	flag.Parse()
	log.SetFlags(0)

	f, err := os.Open(*data)
	if err != nil {
		log.Fatal(err)
	}
	docs, err := extract.ReadDocRED(f)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	var x *extract.Extractor
	if *ner {
		if x, err = extract.New(extract.Options{}); err != nil {
			log.Fatal(err)
		}
	}
	var train, held, all []relate.Example
	var heldDocs []extract.DocREDDoc
	for i := range docs {
		if i%5 == 4 {
			heldDocs = append(heldDocs, docs[i])
		}
		ex := examples(x, &docs[i], *neg)
		all = append(all, ex...)
		if i%5 == 4 {
			held = append(held, ex...)
		} else {
			train = append(train, ex...)
		}
	}
	if *news != "" {
		nx := x
		if !*newsNER {
			nx = nil
		}
		for _, file := range strings.Split(*news, ",") {
			if file = strings.TrimSpace(file); file == "" {
				continue
			}
			ex, err := newsExamples(nx, file, *newsWeight, *neg)
			if err != nil {
				log.Fatal(err)
			}
			log.Printf("%s: %d examples", file, len(ex))
			train = append(train, ex...)
			all = append(all, ex...)
		}
	}
	log.Printf("%d documents, %d examples (%d held out)", len(docs), len(all), len(held))
	counts := make([]int, len(relate.Labels))
	for _, e := range all {
		counts[e.Label]++
	}
	for c, n := range counts {
		log.Printf("  %-10s %6d", relate.Labels[c], n)
	}
	o := relate.TrainOptions{Epochs: *epochs, Seed: uint64(*seed), Rate: *rate, L2: *l2, MinCount: *minCount}
	learn := func(name string, ex []relate.Example) map[uint64][]float32 {
		if name == "perceptron" {
			return relate.TrainPerceptron(ex, o)
		}
		return relate.TrainLogistic(ex, o)
	}
	if *compare {
		for _, name := range []string{"logistic", "perceptron"} {
			m := relate.NewModel(learn(name, train), 1)
			t := m.FitTemperature(held)
			fmt.Printf("%s: temperature %.2f, held-out log loss %.4f\n", name, t, m.LogLoss(held))
			for _, min := range []float64{0.3, 0.4, 0.5, 0.6, 0.7} {
				fmt.Printf("  min confidence %.1f: %s\n", min, score(m, held, min))
			}
			if x != nil {
				fmt.Printf("with the patterns, held-out documents, gold entities:\n%s", x.EvaluateDocRED(heldDocs, extract.DocREDOptions{GoldEntities: true, Model: m}))
			}
		}
		if x != nil {
			fmt.Printf("patterns alone, held-out documents, gold entities:\n%s", x.EvaluateDocRED(heldDocs, extract.DocREDOptions{GoldEntities: true, PatternsOnly: true}))
		}
		return
	}
	m := relate.NewModel(learn(*algo, train), 1)
	t := m.FitTemperature(held)
	log.Printf("%s: temperature %.2f; held out at 0.5: %s", *algo, t, score(m, held, 0.5))
	final := relate.NewModel(learn(*algo, all), t)
	var buf bytes.Buffer
	if err := final.Write(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d features, %d bytes", *out, final.Features(), buf.Len())
}

// score returns the micro precision, recall and F1 of m's predicted
// predicates on examples, a predicate counting when its probability is at
// least min.
func score(m *relate.Model, examples []relate.Example, min float64) string {
	probs := make([]float64, len(relate.Labels))
	tp, fp, fn := 0.0, 0.0, 0.0
	for _, e := range examples {
		m.Probabilities(e.Features, e.Allowed, probs)
		best := 0
		for c := 1; c < len(probs); c++ {
			if best == 0 || probs[c] > probs[best] {
				best = c
			}
		}
		if probs[best] < min {
			best = 0
		}
		switch {
		case best != 0 && best == e.Label:
			tp++
		case best != 0:
			fp++
			if e.Label != 0 {
				fn++
			}
		case e.Label != 0:
			fn++
		}
	}
	p, r := tp/max(tp+fp, 1), tp/max(tp+fn, 1)
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f", p, r, 2*p*r/max(p+r, 1e-9))
}

// priority orders the predicates of a pair that has several: the most
// specific first.
var priority = []string{"born_in", "leads", "member_of", "part_of", "based_in", "located_in", "lives_in"}

// examples turns the same-sentence candidate pairs of one document into
// training examples: those among the gold mentions and, when x is not nil,
// those among the mentions x finds itself (a pair with an entity that
// matches no gold entity is a negative no label covers).
func examples(x *extract.Extractor, d *extract.DocREDDoc, neg float64) []relate.Example {
	t := d.Text()
	type pair struct{ h, t int }
	labels := make(map[pair]extract.DocREDRelation)
	for _, r := range d.Relations() {
		p := pair{r.Subject, r.Object}
		if old, ok := labels[p]; !ok || rank(r.Predicate) < rank(old.Predicate) {
			labels[p] = r
		}
	}
	annotated := make(map[pair]bool)
	for _, l := range d.Labels {
		annotated[pair{l.H, l.T}] = true
		annotated[pair{l.T, l.H}] = true
	}
	var out []relate.Example
	add := func(res *extract.Result, vertex func(ent int) int) {
		extract.RelationCandidates(t.Text, res, func(si, oi int, allowed uint32, feats []uint64) {
			sm, om := res.Mentions[si], res.Mentions[oi]
			e := relate.Example{Features: append([]uint64(nil), feats...), Allowed: allowed, Weight: 1}
			sv, ov := vertex(sm.Entity), vertex(om.Entity)
			if sv < 0 || ov < 0 {
				e.Weight = neg
				out = append(out, e)
				return
			}
			p := pair{sv, ov}
			sent := t.SentenceAt(sm.Start)
			if r, ok := labels[p]; ok {
				if len(r.Evidence) > 0 && !slices.Contains(r.Evidence, sent) {
					return
				}
				e.Label = relate.LabelIndex(r.Predicate)
				if e.Label < 0 || allowed&(1<<e.Label) == 0 {
					return
				}
			} else if !annotated[p] {
				e.Weight = neg
			}
			out = append(out, e)
		})
	}
	add(extract.AnalyzeWith(t.Text, t.Mentions, t.Entities), func(ent int) int { return t.Vertex[ent] })
	if x != nil {
		res := x.Extract(t.Text)
		match := t.MatchEntities(res)
		add(res, func(ent int) int {
			if len(match[ent]) == 0 {
				return -1
			}
			return t.Vertex[match[ent][0]]
		})
	}
	return out
}

func rank(pred string) int {
	for i, p := range priority {
		if p == pred {
			return i
		}
	}
	return len(priority)
}

// newsExamples turns the hand-written sentences of file into training
// examples of weight w: the pairs of the file's own entities and, when x is
// not nil, of the entities x finds (one that matches no annotated entity
// by name and type makes a negative of weight w*neg).
func newsExamples(x *extract.Extractor, file string, w, neg float64) ([]relate.Example, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := extract.ReadRelSentences(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	var out []relate.Example
	for i := range sents {
		s := &sents[i]
		gold, index := s.Analyze()
		labels := make(map[[2]int]string)
		for _, r := range s.Relations {
			labels[[2]int{index[r.Head], index[r.Tail]}] = r.Type
		}
		add := func(res *extract.Result, entity func(e int) int) {
			extract.RelationCandidates(s.Text, res, func(si, oi int, allowed uint32, feats []uint64) {
				e := relate.Example{Features: append([]uint64(nil), feats...), Allowed: allowed, Weight: w}
				sg, og := entity(res.Mentions[si].Entity), entity(res.Mentions[oi].Entity)
				if sg < 0 || og < 0 {
					e.Weight = w * neg
					out = append(out, e)
					return
				}
				if p, ok := labels[[2]int{sg, og}]; ok {
					e.Label = relate.LabelIndex(p)
					if e.Label < 0 || allowed&(1<<e.Label) == 0 {
						return // speaks_for: not the model's
					}
				}
				out = append(out, e)
			})
		}
		add(gold, func(e int) int { return e })
		if x != nil {
			res := x.Extract(s.Text)
			add(res, func(e int) int {
				ent := res.Entities[e]
				for _, n := range append([]string{ent.Name}, ent.Aliases...) {
					if g, ok := index[n]; ok && gold.Entities[g].Type == ent.Type {
						return g
					}
				}
				return -1
			})
		}
	}
	return out, nil
}
