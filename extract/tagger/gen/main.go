// Command gen trains dossier's embedded NER model from the corpora in
// testdata/training and writes it to extract/tagger/model.bin.gz. It is run
// by "go generate" in extract/tagger:
//
//	go run ./gen -data ../../testdata/training -out model.bin.gz
//
// Training is deterministic (fixed seed, fixed file order: the same input
// gives the same bytes): three runs whose weights are averaged take about
// two minutes on two idle cores, using about 1 GB of memory. With -eval it also prints span scores on the
// held-out sets (UNER English PUD, also written in capitals, and EWT test,
// never trained on) and on the EWT dev set that picks the epoch:
//
//	go run ./gen -model model.bin.gz -eval
//
// -prepare SHARED rebuilds the data folder from the project's shared
// training folder.
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-nlp/dossier/extract/tagger"
)

// source is one corpus file of the data folder.
type source struct {
	name, file, format string
}

// trainSources are the corpora the model learns from, in this order.
var trainSources = []source{
	{"gum", "gum-open.conllu.gz", "conllu"},
	{"wikigold", "wikigold.conll.gz", "conll"},
	{"btc-g", "btc-g.conll.gz", "conll"},
	{"btc-e", "btc-e.conll.gz", "conll"},
	{"redocred", "redocred.conll.gz", "conll"},
	{"crossner-politics", "crossner-politics-*.conll.gz", "conll"},
	{"crossner-other", "crossner-[alms]*.conll.gz", "conll"},
	{"re3d", "re3d.conll.gz", "conll"},
	{"multiner", "multiner.conll.gz", "conll"},
}

var (
	devSource  = source{"ewt-dev", "uner-en_ewt-ud-dev.iob2.gz", "uner"}
	evalSource = []source{
		{"pud", "uner-en_pud-ud-test.iob2.gz", "uner"},
		{"ewt-test", "uner-en_ewt-ud-test.iob2.gz", "uner"},
	}
)

func main() {
	data := flag.String("data", "../../testdata/training", "folder with the training corpora")
	out := flag.String("out", "model.bin.gz", "model file to write")
	prep := flag.String("prepare", "", "rebuild the data folder from this shared training folder, then exit")
	epochs := flag.Int("epochs", 10, "training epochs (the best on EWT dev is kept)")
	eval := flag.Bool("eval", false, "print scores on the held-out sets")
	only := flag.String("model", "", "evaluate this model file instead of training")
	use := flag.String("sources", "gum,wikigold,btc-g,btc-e,redocred,crossner-politics,crossner-other", "training corpora to use; name:N keeps N of a corpus's sentences, spread evenly")
	upper := flag.Float64("upper", 0.2, "fraction of sentences also trained in capitals")
	gaz := flag.Bool("gazetteer", true, "use gazetteer features")
	prune := flag.Float64("prune", 1, "drop weights of at most this size")
	nsynth := flag.Int("synthetic", 2000, "number of synthetic sports and dateline sentences")
	nnews := flag.Int("news", 3000, "number of synthetic news sentences (match reports, scorer lists, companies and bodies named after places)")
	seed := flag.Int64("seed", 1, "random seed of training")
	runs := flag.Int("runs", 3, "training runs whose weights are averaged")
	errs := flag.Int("errors", 0, "print this many PUD sentences with wrong spans")
	probe := flag.String("probe", "", "also evaluate on this conll file and print its errors")
	flag.Parse()
	log.SetFlags(0)

	if *prep != "" {
		if err := prepare(*prep, *data); err != nil {
			log.Fatalf("prepare: %v", err)
		}
		return
	}
	dev, err := readSource(*data, devSource)
	if err != nil {
		log.Fatal(err)
	}
	var m *tagger.Model
	if *only != "" {
		f, err := os.Open(*only)
		if err != nil {
			log.Fatal(err)
		}
		m, err = tagger.Load(f)
		f.Close()
		if err != nil {
			log.Fatal(err)
		}
	} else {
		var train []tagger.Example
		want := map[string]int{} // source -> sentence cap (0: all)
		for _, s := range strings.Split(*use, ",") {
			name, limit, _ := strings.Cut(s, ":")
			n, _ := strconv.Atoi(limit)
			want[name] = n
		}
		for _, s := range trainSources {
			limit, ok := want[s.name]
			if !ok {
				continue
			}
			exs, err := readSource(*data, s)
			if err != nil {
				log.Fatal(err)
			}
			exs = capSentences(exs, limit)
			for i := range exs {
				stripThe(exs[i])
			}
			log.Printf("%-18s %6d sentences", s.name, len(exs))
			train = append(train, exs...)
		}
		if *nsynth > 0 || *nnews > 0 {
			syn := synthesize(train, *nsynth, *nnews, *seed)
			log.Printf("%-18s %6d sentences", "synthetic", len(syn))
			train = append(train, syn...)
		}
		start := time.Now()
		m, err = tagger.Train(train, tagger.TrainOptions{
			Epochs:    *epochs,
			Seed:      *seed,
			Runs:      *runs,
			Dev:       dev,
			Uppercase: *upper,
			Gazetteer: *gaz,
			Prune:     *prune,
			Types:     []string{tagger.Person, tagger.Location, tagger.Organization},
			Progress: func(epoch int, acc float64) {
				log.Printf("epoch %2d  train accuracy %.4f  (%s)", epoch, acc, time.Since(start).Round(time.Second))
			},
			DevProgress: func(epoch int, s tagger.Scores) {
				log.Printf("epoch %2d  ewt-dev F1 %.4f", epoch, s.Overall.F1)
			},
		})
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("trained %s in %s", m.Name(), time.Since(start).Round(time.Second))
		f, err := os.Create(*out)
		if err != nil {
			log.Fatal(err)
		}
		if err := m.Save(f); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
	if *probe != "" {
		exs, err := readFile(*probe, "conll")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("== probe\n%s", tagger.Evaluate(m, exs))
		printErrors(m, exs, 1000)
	}
	if *eval {
		fmt.Printf("model %s\n", m.Name())
		fmt.Printf("== ewt-dev\n%s", tagger.Evaluate(m, dev))
		for _, s := range evalSource {
			exs, err := readSource(*data, s)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("== %s\n%s", s.name, tagger.Evaluate(m, exs))
			if s.name == "pud" && *errs > 0 {
				printErrors(m, exs, *errs)
			}
			if s.name == "pud" {
				up := make([]tagger.Example, len(exs))
				for i, ex := range exs {
					words := make([]string, len(ex.Words))
					for k, w := range ex.Words {
						words[k] = strings.ToUpper(w)
					}
					up[i] = tagger.Example{Words: words, Labels: ex.Labels}
				}
				fmt.Printf("== pud in capitals\n%s", tagger.Evaluate(m, up))
			}
		}
	}
}

// readSource reads every file of a source, in name order.
func readSource(dir string, s source) ([]tagger.Example, error) {
	files, err := filepath.Glob(filepath.Join(dir, s.file))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("read %s: no files %s in %s", s.name, s.file, dir)
	}
	var all []tagger.Example
	for _, f := range files {
		exs, err := readFile(f, s.format)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		all = append(all, exs...)
	}
	return all, nil
}

func readFile(path, format string) ([]tagger.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		r = zr
	}
	return tagger.ReadCoNLL(r, format)
}

// printErrors prints up to n sentences whose predicted spans differ from
// the gold ones.
func printErrors(m *tagger.Model, exs []tagger.Example, n int) {
	show := func(words []string, spans []tagger.Span) string {
		var parts []string
		for _, sp := range spans {
			parts = append(parts, fmt.Sprintf("[%s %s]", strings.Join(words[sp.Start:sp.End], " "), sp.Type[:3]))
		}
		return strings.Join(parts, " ")
	}
	for _, ex := range exs {
		gold := tagger.SpansFromBIO(ex.Labels)
		pred := m.Tag(ex.Words)
		g, p := show(ex.Words, gold), show(ex.Words, pred)
		if g == p {
			continue
		}
		fmt.Printf("%s\n  gold %s\n  pred %s\n", strings.Join(ex.Words, " "), g, p)
		if n--; n == 0 {
			return
		}
	}
}

// stripThe moves the start of spans that begin with a lower-case "the"
// past it: names do not include their article.
func stripThe(ex tagger.Example) {
	for _, sp := range tagger.SpansFromBIO(ex.Labels) {
		if sp.End-sp.Start > 1 && ex.Words[sp.Start] == "the" {
			ex.Labels[sp.Start] = "O"
			ex.Labels[sp.Start+1] = "B-" + sp.Type
		}
	}
}

// capSentences keeps n of the sentences, spread evenly over the corpus;
// n <= 0 keeps all.
func capSentences(exs []tagger.Example, n int) []tagger.Example {
	if n <= 0 || n >= len(exs) {
		return exs
	}
	out := make([]tagger.Example, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, exs[i*len(exs)/n])
	}
	return out
}
