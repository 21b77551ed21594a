package extract

import (
	"strings"

	"github.com/dossier-nlp/dossier/extract/tagger"
)

// EvaluateSpans measures the whole extractor (tagger, document rules and
// all) on annotated sentences: it writes them out as documents (tokens
// joined by spaces, one sentence a line) of perDoc sentences, or, when
// perDoc is 0, the documents the examples mark (Example.DocStart; 10
// sentences a document when none is marked), extracts each
// document, and scores the mentions against the gold spans by exact token
// boundaries and type. A mention that does not fall on the gold tokens'
// boundaries counts as a false positive.
func (x *Extractor) EvaluateSpans(gold []tagger.Example, perDoc int) tagger.Scores {
	s, _ := x.evaluateSpans(gold, perDoc, false)
	return s
}

// SpanError is a sentence whose mentions differ from its gold spans.
type SpanError struct {
	Sentence int      // index of the sentence among the gold examples
	Text     string   // its words joined by spaces
	Missed   []string // gold mentions not found exactly, as "TYPE text"
	Extra    []string // mentions found that no gold span equals, as "TYPE text"
}

// EvaluateSpansErrors is EvaluateSpans that also returns every sentence it
// scored wrong, in the order of gold.
func (x *Extractor) EvaluateSpansErrors(gold []tagger.Example, perDoc int) (tagger.Scores, []SpanError) {
	return x.evaluateSpans(gold, perDoc, true)
}

func (x *Extractor) evaluateSpans(gold []tagger.Example, perDoc int, withErrors bool) (tagger.Scores, []SpanError) {
	var s tagger.Scores
	var errs []SpanError
	for _, dr := range documentRanges(gold, perDoc) {
		first := dr[0]
		doc := gold[dr[0]:dr[1]]
		type pos struct{ sent, tok int }
		var b strings.Builder
		starts := make(map[int]pos)
		ends := make(map[int]pos)
		lines := make([]int, len(doc)) // byte offset of each sentence
		for si, ex := range doc {
			lines[si] = b.Len()
			for ti, w := range ex.Words {
				if ti > 0 {
					b.WriteByte(' ')
				}
				starts[b.Len()] = pos{si, ti}
				b.WriteString(w)
				ends[b.Len()] = pos{si, ti}
			}
			b.WriteByte('\n')
		}
		pred := make([][]tagger.Span, len(doc))
		var offTokens [][]string // per sentence, the texts of mentions off the gold tokens
		if withErrors {
			offTokens = make([][]string, len(doc))
		}
		text := b.String()
		for _, m := range x.Extract(text).Mentions {
			st, ok1 := starts[m.Start]
			en, ok2 := ends[m.End]
			if !ok1 || !ok2 || st.sent != en.sent {
				// Off the gold tokens: a span no gold span can equal.
				si := sentenceAt(lines, m.Start)
				pred[si] = append(pred[si], tagger.Span{Start: -1, End: -1, Type: m.Type})
				if withErrors {
					offTokens[si] = append(offTokens[si], m.Type+" "+text[m.Start:m.End])
				}
				continue
			}
			pred[st.sent] = append(pred[st.sent], tagger.Span{Start: st.tok, End: en.tok + 1, Type: m.Type})
		}
		for si, ex := range doc {
			want := tagger.SpansFromBIO(ex.Labels)
			s.Add(want, pred[si])
			if withErrors {
				if e, wrong := spanError(ex.Words, want, pred[si], offTokens[si]); wrong {
					e.Sentence = first + si
					errs = append(errs, e)
				}
			}
		}
	}
	s.Finish()
	return s, errs
}

// sentenceAt returns the index of the sentence, of those starting at the
// byte offsets lines, that holds offset off.
func sentenceAt(lines []int, off int) int {
	i := 0
	for i+1 < len(lines) && lines[i+1] <= off {
		i++
	}
	return i
}

// spanError lists the gold spans of one sentence that pred lacks and the
// spans of pred that gold lacks (off names those off the gold tokens); it
// reports whether there is any.
func spanError(words []string, gold, pred []tagger.Span, off []string) (SpanError, bool) {
	text := func(sp tagger.Span) string { return sp.Type + " " + strings.Join(words[sp.Start:sp.End], " ") }
	missed, extra := tagger.Unmatched(gold, pred)
	e := SpanError{Text: strings.Join(words, " ")}
	for _, sp := range missed {
		e.Missed = append(e.Missed, text(sp))
	}
	for _, sp := range extra {
		if sp.Start >= 0 { // those off the gold tokens are in off
			e.Extra = append(e.Extra, text(sp))
		}
	}
	e.Extra = append(e.Extra, off...)
	return e, len(e.Missed)+len(e.Extra) > 0
}

// documentRanges cuts gold into documents [first, end) of perDoc
// sentences, or, when perDoc is 0 or less, at the sentences that start a
// document (Example.DocStart), or every 10 sentences when none does.
func documentRanges(gold []tagger.Example, perDoc int) [][2]int {
	marked := false
	for _, ex := range gold[min(1, len(gold)):] {
		marked = marked || ex.DocStart
	}
	if perDoc <= 0 && !marked {
		perDoc = 10
	}
	var out [][2]int
	if perDoc > 0 {
		for first := 0; first < len(gold); first += perDoc {
			out = append(out, [2]int{first, min(first+perDoc, len(gold))})
		}
		return out
	}
	first := 0
	for i := 1; i <= len(gold); i++ {
		if i == len(gold) || gold[i].DocStart {
			out = append(out, [2]int{first, i})
			first = i
		}
	}
	return out
}
