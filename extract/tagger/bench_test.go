package tagger

import (
	"bytes"
	"strings"
	"testing"

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
