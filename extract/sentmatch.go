package extract

import (
	"github.com/dossier-nlp/dossier/extract/gazetteer"
	"github.com/dossier-nlp/dossier/extract/tagger"
)

// sentenceMatches are the gazetteer matches of the sentences of one
// document, found once and read twice: by the entity tagger, whose model
// reads the main gazetteer's matches as features, and by the document
// rules (knownNames), which read the main gazetteer's and those of the
// rules' list of organisations. The words of each sentence are
// normalised once for both gazetteers.
type sentenceMatches struct {
	m          *tagger.Model
	gaz, rules *gazetteer.Gazetteer
	keys       gazetteer.Keys
	all        []gazetteer.Match // the matches of every sentence, one after another
	// Sentence i's matches are all[main[i][0]:main[i][1]] and
	// all[rule[i][0]:rule[i][1]] (none for a sentence in capitals, which
	// the rules skip).
	main, rule [][2]int
	// Set by done: the matches of each sentence.
	mainOf, ruleOf [][]gazetteer.Match
}

// newSentenceMatches returns the sentenceMatches of a document of n
// sentences, or nil when the tagger reads no gazetteer or another one than
// the rules (then each matches for itself).
func (x *Extractor) newSentenceMatches(n int) *sentenceMatches {
	mt, ok := x.tagger.(modelTagger)
	if !ok || x.rules.gaz == nil || mt.m.Gazetteer() != x.rules.gaz {
		return nil
	}
	return &sentenceMatches{
		m: mt.m, gaz: x.rules.gaz, rules: gazetteer.RuleOrgs(),
		main: make([][2]int, 0, n), rule: make([][2]int, 0, n),
	}
}

// tag matches the next sentence, whose words are words (caps: it is in
// capitals), and tags it with the model.
func (g *sentenceMatches) tag(words []string, caps bool) []Span {
	g.keys.Set(words)
	lo := len(g.all)
	g.all = g.gaz.MatchKeys(words, &g.keys, g.all)
	hi := len(g.all)
	g.main = append(g.main, [2]int{lo, hi})
	var own []gazetteer.Match
	if hi > lo {
		own = g.all[lo:hi:hi]
	}
	spans := g.m.TagMatched(words, own)
	lo = len(g.all)
	if !caps {
		g.all = g.rules.MatchKeys(words, &g.keys, g.all)
	}
	g.rule = append(g.rule, [2]int{lo, len(g.all)})
	return convertSpans(spans)
}

// done returns g with the matches of each sentence set, for the rules
// (nil for a nil g).
func (g *sentenceMatches) done() *sentenceMatches {
	if g == nil {
		return nil
	}
	of := func(r [][2]int) [][]gazetteer.Match {
		out := make([][]gazetteer.Match, len(r))
		for i, lh := range r {
			if lh[1] > lh[0] {
				out[i] = g.all[lh[0]:lh[1]:lh[1]]
			}
		}
		return out
	}
	g.mainOf, g.ruleOf = of(g.main), of(g.rule)
	return g
}
