package tagger

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v2"
)

// benchSentences is news-like text, tokenized as dossier's tokenizer does.
var benchSentences = [][]string{
	strings.Fields("Russian President Vladimir Putin met U.S. Secretary of State Antony Blinken in Moscow on Friday , the Kremlin said ."),
	strings.Fields("The governor of Belgorod Oblast , Vyacheslav Gladkov , said two people were killed in Shebekino ."),
	strings.Fields("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT ."),
	strings.Fields("Manchester United 3 Arsenal 1"),
	strings.Fields("Neil Melvin , an analyst at the Royal United Services Institute in London , told Reuters the attacks were a message to the Wagner Group ."),
	strings.Fields("Shares of Gazprom fell 3 % after the European Commission opened an investigation , according to a statement on its website ."),
}

// BenchmarkTag measures tagging speed with the embedded model and reports
// tokens per second.
func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, s := range benchSentences {
		tokens += len(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range benchSentences {
			m.Tag(s)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkDefault measures how long decoding the embedded model takes.
func BenchmarkDefault(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(defaultModel)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseNER is the baseline: prose v2's built-in tagger and NER on
// the same sentences, with its model built once, as dossier used it before.
func BenchmarkProseNER(b *testing.B) {
	d, err := prose.NewDocument("x", prose.WithSegmentation(false))
	if err != nil {
		b.Fatal(err)
	}
	model := d.Model
	texts := make([]string, len(benchSentences))
	tokens := 0
	for i, s := range benchSentences {
		texts[i] = strings.Join(s, " ")
		tokens += len(s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := prose.NewDocument(t, prose.WithSegmentation(false), prose.UsingModel(model)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// articleSentences returns the sentences of the seed articles, split at
// full stops and white space: a workload of realistic size, whose features
// do not all stay in the processor's cache as benchSentences' do.
func articleSentences(b testing.TB) ([][]string, int) {
	paths, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(paths) == 0 {
		b.Fatal("no seed articles")
	}
	var sents [][]string
	tokens := 0
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range strings.SplitAfter(string(text), ". ") {
			if f := strings.Fields(s); len(f) > 0 {
				sents = append(sents, f)
				tokens += len(f)
			}
		}
	}
	return sents, tokens
}

// BenchmarkTagArticles measures tagging speed on the seed articles and
// reports tokens per CPU-second and allocations per token.
func BenchmarkTagArticles(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents, tokens := articleSentences(b)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			m.Tag(s)
		}
	}
	cpu = cpuTime() - cpu
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(tokens*b.N), "allocs/token")
}

// cpuTime returns the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
