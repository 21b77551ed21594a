package extract

import (
	"strings"

	prose "github.com/jdkato/prose/v2"
)

// ProseTagger returns a Tagger backed by prose's built-in named-entity
// classifier, with our own chunking of its per-token labels. It is slow and
// weak on organisations; it is kept as the baseline that benchmarks and
// evaluations compare against.
func ProseTagger() Tagger { return proseTagger{} }

type proseTagger struct{}

// Name identifies prose's model.
func (proseTagger) Name() string { return "prose-v2.0.0" }

// Tag runs prose on the words of one sentence joined by spaces and turns its
// labels into spans. prose labels nearly every token of a name "B-", so a
// run of tokens of one type is one span. Unlike prose's own chunker this
// keeps an entity at the very end of the text and joins "Ministry of
// Defense" when prose labels both sides of "of".
func (proseTagger) Tag(words []string) []Span {
	if len(words) == 0 {
		return nil
	}
	var b strings.Builder
	starts := make([]int, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(w)
	}
	joined := b.String()
	doc, err := prose.NewDocument(joined,
		prose.WithSegmentation(false),
		prose.UsingModel(proseNERModel()))
	if err != nil {
		return nil
	}
	ptoks := doc.Tokens()
	// Label per word: the label of the first prose token that starts in it.
	labels := make([]string, len(words))
	w := 0
	align(joined, len(ptoks), func(i int) string { return ptoks[i].Text }, func(i, start, _ int) {
		for w+1 < len(words) && starts[w+1] <= start {
			w++
		}
		if labels[w] == "" {
			labels[w] = ptoks[i].Label
		}
	})
	var spans []Span
	for i := 0; i < len(words); {
		typ := proseType(labels[i])
		if typ == "" {
			i++
			continue
		}
		j := i + 1
		for j < len(words) && proseType(labels[j]) == typ {
			j++
		}
		// "Ministry of Defense": X of Y with both sides labelled.
		if j+1 < len(words) && strings.EqualFold(words[j], "of") && typ == Organization {
			if t2 := proseType(labels[j+1]); (t2 == Organization || t2 == Location) && startsUpper(words[j+1]) {
				k := j + 2
				for k < len(words) && proseType(labels[k]) == t2 {
					k++
				}
				j = k
			}
		}
		spans = append(spans, Span{Start: i, End: j, Type: typ, Confidence: 0.5})
		i = j
	}
	return spans
}

// proseType maps prose's labels to our entity types.
func proseType(label string) string {
	if len(label) < 2 {
		return ""
	}
	switch label[2:] {
	case "PERSON":
		return Person
	case "GPE", "LOCATION":
		return Location
	case "ORGANIZATION":
		return Organization
	}
	return ""
}
