package extract

import (
	"strings"

	"github.com/dossier-nlp/dossier/extract/tagger"
)

// EvaluateSpans measures the whole extractor (tagger, document rules and
// all) on annotated sentences: it writes them out as documents of perDoc
// sentences (tokens joined by spaces, one sentence a line), extracts each
// document, and scores the mentions against the gold spans by exact token
// boundaries and type. A mention that does not fall on the gold tokens'
// boundaries counts as a false positive.
func (x *Extractor) EvaluateSpans(gold []tagger.Example, perDoc int) tagger.Scores {
	if perDoc <= 0 {
		perDoc = 10
	}
	var s tagger.Scores
	for first := 0; first < len(gold); first += perDoc {
		doc := gold[first:min(first+perDoc, len(gold))]
		type pos struct{ sent, tok int }
		var b strings.Builder
		starts := make(map[int]pos)
		ends := make(map[int]pos)
		for si, ex := range doc {
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
		for _, m := range x.Extract(b.String()).Mentions {
			st, ok1 := starts[m.Start]
			en, ok2 := ends[m.End]
			if !ok1 || !ok2 || st.sent != en.sent {
				// Off the gold tokens: a span no gold span can equal.
				pred[st.sent] = append(pred[st.sent], tagger.Span{Start: -1, End: -1, Type: m.Type})
				continue
			}
			pred[st.sent] = append(pred[st.sent], tagger.Span{Start: st.tok, End: en.tok + 1, Type: m.Type})
		}
		for si, ex := range doc {
			s.Add(tagger.SpansFromBIO(ex.Labels), pred[si])
		}
	}
	s.Finish()
	return s
}
