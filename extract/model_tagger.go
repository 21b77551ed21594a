package extract

import (
	"fmt"
	"os"

	"github.com/dossier-nlp/dossier/extract/tagger"
)

// ModelTagger returns a Tagger backed by a trained sequence model (package
// tagger): the embedded default or one trained with `dossier train`.
func ModelTagger(m *tagger.Model) Tagger { return modelTagger{m} }

type modelTagger struct{ m *tagger.Model }

// Name is the model's name.
func (t modelTagger) Name() string { return t.m.Name() }

// Tag finds the entity spans of one sentence with the model.
func (t modelTagger) Tag(words []string) []Span {
	return convertSpans(t.m.Tag(words))
}

// convertSpans returns the tagger's spans as Spans.
func convertSpans(spans []tagger.Span) []Span {
	out := make([]Span, len(spans))
	for i, s := range spans {
		out[i] = Span{Start: s.Start, End: s.End, Type: s.Type, Confidence: s.Confidence}
	}
	return out
}

// DefaultTagger returns the tagger used when Options.Tagger is nil: the
// embedded model, decoded once.
func DefaultTagger() (Tagger, error) {
	m, err := tagger.Default()
	if err != nil {
		return nil, fmt.Errorf("load embedded model: %w", err)
	}
	return ModelTagger(m), nil
}

// LoadTagger reads a model file written by `dossier train` (or
// tagger.Model.Save).
func LoadTagger(path string) (Tagger, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open model: %w", err)
	}
	defer f.Close()
	m, err := tagger.Load(f)
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w", path, err)
	}
	return ModelTagger(m), nil
}
