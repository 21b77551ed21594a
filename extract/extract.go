package extract

import (
	"fmt"
	"sync"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
	"github.com/dossier-nlp/dossier/extract/postag"
	"github.com/dossier-nlp/dossier/extract/relate"
)

// Version identifies the extraction rules. It changes whenever the same text
// would give different results, so stores can tell which documents an
// upgrade must redo. The tagger's name is appended by Extractor.Version.
const Version = "8"

// Options configures an Extractor. The zero value is ready to use.
type Options struct {
	// Tagger finds entity spans in each sentence. Nil means DefaultTagger().
	Tagger Tagger
	// Entities, when set, is a user's list of names (of any types) tagged
	// in addition to what the Tagger finds.
	Entities *EntityList
}

// Extractor turns the text of one document into a Result. It holds only
// read-only models and is safe for concurrent use by many goroutines.
type Extractor struct {
	tagger Tagger
	rules  docRules
	list   *EntityList
	// relModel is the learned relation model; noRelations (benchmarks
	// only) skips relation extraction.
	relModel    *relate.Model
	noRelations bool
}

// New returns an Extractor configured by opts.
func New(opts Options) (*Extractor, error) {
	// The embedded models decode on their own goroutines (each once per
	// process): about 0.3 s one after the other, most of the start of a
	// run.
	var wg sync.WaitGroup
	var posErr, relErr error
	var rm *relate.Model
	wg.Add(3)
	go func() { defer wg.Done(); gazetteer.Default() }()
	go func() { defer wg.Done(); _, posErr = postag.Default() }()
	go func() { defer wg.Done(); rm, relErr = relate.Default() }()
	t := opts.Tagger
	var tagErr error
	if t == nil {
		t, tagErr = DefaultTagger()
	}
	wg.Wait()
	switch {
	case tagErr != nil:
		return nil, tagErr
	case posErr != nil:
		return nil, fmt.Errorf("load part-of-speech model: %w", posErr)
	case relErr != nil:
		return nil, fmt.Errorf("load relation model: %w", relErr)
	}
	return &Extractor{tagger: t, rules: docRules{gaz: gazetteer.Default()}, list: opts.Entities, relModel: rm}, nil
}

// Version identifies the rules and the model this Extractor applies.
func (x *Extractor) Version() string {
	v := Version + "+" + x.tagger.Name()
	if x.list != nil {
		v += "+list-" + x.list.hash
	}
	return v
}

// Extract tokenizes text, splits it into sentences, finds the entities it
// names and the relations between them, the dates its sentences give and
// its metadata. Every offset in the result is a byte offset into text, and
// text[m.Start:m.End] == m.Text for every mention. Any bytes are accepted:
// invalid UTF-8 and control characters are treated as spaces. A document
// larger than a megabyte is extracted in pieces cut at paragraph breaks, so
// memory stays flat (extractPieces).
func (x *Extractor) Extract(text string) *Result {
	return x.extract(text, text, nil)
}

// ExtractMarkdown is Extract for a Markdown document: it reads the text
// that Markdown renders (see MarkdownText), so link URLs, emphasis marks,
// images, HTML and code give no names, and takes the title, date and
// source from the front matter or the first heading. Offsets are still
// byte offsets into text.
func (x *Extractor) ExtractMarkdown(text string) *Result {
	md := parseMarkdown(text)
	return x.extract(text, md.view, &md)
}

// extract runs the extraction on view, a text of the same length as text
// whose bytes equal text's wherever text has words, and cuts mention texts
// from text.
func (x *Extractor) extract(text, view string, md *markdownDoc) *Result {
	res := x.extractView(view)
	if view != text {
		for i := range res.Mentions {
			m := &res.Mentions[i]
			m.Text = text[m.Start:m.End]
		}
	}
	res.Metadata = documentMetadata(view, md)
	markFurniture(view, res.Sentences)
	kept := res.Relations[:0]
	for _, r := range res.Relations {
		if !res.Sentences[r.Sentence].Furniture {
			kept = append(kept, r)
		}
	}
	res.Relations = kept
	res.Dates = datesIn(view, res.Sentences, res.Metadata.Published)
	if view != text {
		for i := range res.Dates {
			d := &res.Dates[i]
			d.Text = text[d.Start:d.End]
		}
	}
	return res
}

func (x *Extractor) extractView(text string) *Result {
	if len(text) > pieceBytes {
		return x.extractPieces(text)
	}
	clean := cleanText(text)
	// Tokens were cut from clean; their bytes equal text's at the same
	// offsets, because cleanText only blanks bytes that never sit inside a
	// token.
	toks, sents := analyze(clean)
	res := &Result{Tokens: toks, Sentences: sents}

	var words []string
	gm := x.newSentenceMatches(len(sents))
	for si, s := range sents {
		stoks := toks[s.FirstToken:s.EndToken]
		words = words[:0]
		for _, t := range stoks {
			words = append(words, t.Text)
		}
		var spans []Span
		if gm != nil {
			spans = gm.tag(words, allCaps(stoks))
		} else {
			spans = x.tagger.Tag(words)
		}
		for _, sp := range spans {
			if sp.Start < 0 || sp.End > len(stoks) || sp.Start >= sp.End {
				continue
			}
			start, end := trimSpan(stoks, sp.Start, sp.End, sp.Type)
			if start >= end {
				continue
			}
			res.Mentions = append(res.Mentions, Mention{
				Start:      stoks[start].Start,
				End:        stoks[end-1].End,
				Text:       text[stoks[start].Start:stoks[end-1].End],
				Type:       sp.Type,
				Sentence:   si,
				Source:     x.tagger.Name(),
				Confidence: sp.Confidence,
			})
		}
	}
	var links [][2]string
	res.Mentions, links = x.rules.apply(text, toks, sents, boundMentions(res.Mentions), gm.done())
	if x.list != nil {
		res.Mentions = x.list.tag(text, toks, sents, res.Mentions)
	}
	res.Mentions = boundMentions(res.Mentions)
	res.Entities = resolveLinked(res.Mentions, links)
	if !x.noRelations {
		res.Relations = x.relations(text, res)
	}
	return res
}
