package extract

import (
	"strings"

	"github.com/dossier-nlp/dossier/extract/relate"
)

// maxPairEntities bounds the co-occurrence pairs taken from one sentence: a
// sentence that lists more entities than this (a table row, a list of
// places) pairs each entity only with the next two in the list, so the
// number of pairs grows linearly, not quadratically.
const maxPairEntities = 8

// cooccurrences returns one relation per pair of distinct entities named in
// the same sentence, subject being the entity mentioned first. A pair seen
// in several sentences is one relation whose Count is the number of
// sentences and whose evidence is the first of them. The evidence is the
// sentence; in a sentence longer than maxEvidenceBytes it is the span from
// one mention to the other, and only mentions at most that far apart are
// paired (windowPairs). ms must be in sentence order.
func cooccurrences(sents []Sentence, ms []Mention) []Relation {
	index := make(map[entityPair]int)
	var rels []Relation
	var ents []int
	seen := make(map[int]bool)
	add := func(p entityPair, s, start, end int) {
		// One relation per pair, whichever of the two comes first in a
		// later sentence.
		key := p
		if key.a > key.b {
			key.a, key.b = key.b, key.a
		}
		if r, ok := index[key]; ok {
			rels[r].Count++
			return
		}
		index[key] = len(rels)
		rels = append(rels, Relation{
			Subject: p.a, Predicate: PredicateCooccurs, Object: p.b,
			Kind: KindCooccurrence, Sentence: s, Start: start, End: end,
			Confidence: CooccurrenceConfidence, Rule: CooccurrenceRule, Count: 1,
		})
	}
	for i := 0; i < len(ms); {
		s := ms[i].Sentence
		j := i
		for j < len(ms) && ms[j].Sentence == s {
			j++
		}
		if sents[s].End-sents[s].Start > maxEvidenceBytes {
			windowPairs(ms[i:j], func(p entityPair, start, end int) { add(p, s, start, end) })
			i = j
			continue
		}
		ents = ents[:0]
		clear(seen)
		for ; i < j; i++ {
			if e := ms[i].Entity; !seen[e] {
				seen[e] = true
				ents = append(ents, e)
			}
		}
		for x := range ents {
			last := len(ents) - 1
			if len(ents) > maxPairEntities {
				last = min(x+2, last)
			}
			for y := x + 1; y <= last; y++ {
				add(entityPair{ents[x], ents[y]}, s, sents[s].Start, sents[s].End)
			}
		}
	}
	return rels
}

// Typed relations from the learned model (extract/relate), merged with the
// hand-written patterns of patterns.go.
//
// The patterns run first; what they found in a sentence becomes the
// model's hints for that sentence. For places (located_in, based_in) a
// pattern's relation stands on its own only when the pattern is strong
// (confidence at least patternKeep); a weaker match needs the model's
// agreement. The other patterns' relations are kept as they are, and the
// model adds its own relations (rule "model") beside them.

// modelMinConfidence is the probability the model must give a predicate,
// summed over the predicates of one kind (relate.BestGroup: leads with
// member_of, lives_in with born_in), before the most probable of them
// becomes a relation. Chosen on the development news sentences and the
// seed articles: 0.6 and 0.65 find a few more true relations in the
// sentences (micro F1 0.836 and 0.839 against 0.833) but bring the seeds'
// precision to 0.61 and 0.68, against 0.85 at 0.7.
const modelMinConfidence = 0.7

// modelMinBasedIn is modelMinConfidence for based_in, and
// modelMinFarLocatedIn that for located_in between two places more than
// modelFarUnits units apart. Since candidate pairs may be 20 units apart
// (relate.MaxUnitGap), the model, which learns places mostly from
// Wikipedia, also relates places that a news sentence merely names in one
// breath ("the Belgorod region ... the invasion of Ukraine"); chosen on
// the development sentences and the seed articles, these two keep the
// seeds' precision at 0.85 and cost the development sentences nothing
// (micro F1 0.846 against 0.845 with 0.7 for all).
const (
	modelMinBasedIn      = 0.75
	modelMinFarLocatedIn = 0.85
	modelFarUnits        = 15
)

// modelThreshold returns the probability the model must give predicate
// label (an index into relate.Labels) for a pair whose mentions are dist
// units apart.
func modelThreshold(label, dist int) float64 {
	switch relate.Labels[label] {
	case predicateBasedIn:
		return modelMinBasedIn
	case predicateLocatedIn:
		if dist > modelFarUnits || -dist > modelFarUnits {
			return modelMinFarLocatedIn
		}
	}
	return modelMinConfidence
}

// patternKeep is the confidence from which a pattern's relation of a
// predicate the model knows stands without the model's agreement.
const patternKeep = 0.8

// patternAgree is the probability the model must give a weaker pattern's
// predicate for the pattern's relation to stand.
const patternAgree = 0.3

// modelWindow is how many units the evidence of a model relation takes on
// each side of the two mentions.
const modelWindow = 3

// modelScratch holds the buffers one goroutine reuses across sentences.
type modelScratch struct {
	sent  relate.Sentence
	units []int // per model mention: its unit in the relSentence
	feat  relate.Featurizer
	preds []relate.Prediction
	agree map[[3]int]float64 // (subject entity, object entity, label) -> highest probability
}

// modelSentence fills sc.sent with s as the model reads it, with the
// relations rels (the patterns' findings in s) as hints.
func (s *relSentence) modelSentence(rels []Relation, sc *modelScratch) {
	ms := &sc.sent
	ms.Units, ms.Mentions, ms.Hints, sc.units = ms.Units[:0], ms.Mentions[:0], ms.Hints[:0], sc.units[:0]
	for i, u := range s.u {
		if u.m < 0 {
			ms.Units = append(ms.Units, relate.Unit{Word: u.word, Lemma: lemma(u.word, u.tag), Tag: u.tag, Mention: -1})
			continue
		}
		name := s.text[u.start:u.end]
		head := name
		if k := strings.LastIndexAny(name, " -"); k >= 0 {
			head = name[k+1:]
		}
		ms.Units = append(ms.Units, relate.Unit{Mention: len(ms.Mentions)})
		ms.Mentions = append(ms.Mentions, relate.Mention{
			Unit: i, Type: u.typ, Entity: u.ent, Head: strings.ToLower(head),
			Country: u.ent < len(s.isCountry) && s.isCountry[u.ent],
		})
		sc.units = append(sc.units, i)
	}
	for _, r := range rels {
		for a, ma := range ms.Mentions {
			if ma.Entity != r.Subject {
				continue
			}
			for b, mb := range ms.Mentions {
				if mb.Entity == r.Object {
					ms.Hints = append(ms.Hints, relate.Hint{Subject: a, Object: b, Predicate: r.Predicate, Rule: r.Rule})
				}
			}
		}
	}
}

// applyModel replaces the patterns' relations of s, rels, by the merged
// list: the strong patterns, the weaker ones the model agrees with (it
// gives their predicate at least patternAgree for a pair of mentions of
// their two entities), the patterns of predicates the model does not
// predict, and the model's own relations (rule "model").
func (s *relSentence) applyModel(m *relate.Model, rels []Relation, sc *modelScratch) []Relation {
	s.modelSentence(rels, sc)
	if sc.agree == nil {
		sc.agree = make(map[[3]int]float64)
	}
	clear(sc.agree)
	sc.preds = sc.preds[:0]
	m.Score(&sc.feat, &sc.sent, func(p relate.Pair, probs []float64) {
		se, oe := sc.sent.Mentions[p.Subject].Entity, sc.sent.Mentions[p.Object].Entity
		// Only the predicates of checked patterns are asked for the
		// model's agreement, and a probability of 0 agrees with none.
		for _, c := range checkedLabels {
			if probs[c] > 0 {
				k := [3]int{se, oe, c}
				sc.agree[k] = max(sc.agree[k], probs[c])
			}
		}
		c, pr := relate.BestGroup(probs)
		if pr >= modelThreshold(c, sc.sent.Mentions[p.Subject].Unit-sc.sent.Mentions[p.Object].Unit) {
			sc.preds = append(sc.preds, relate.Prediction{Pair: p, Predicate: relate.Labels[c], Confidence: pr})
		}
	})
	kept := rels[:0]
	for _, r := range rels {
		c := relate.LabelIndex(r.Predicate)
		if !checkedPattern(r.Predicate) || r.Confidence >= patternKeep || sc.agree[[3]int{r.Subject, r.Object, c}] >= patternAgree {
			kept = append(kept, r)
		}
	}
	for _, p := range sc.preds {
		a, b := sc.units[p.Subject], sc.units[p.Object]
		lo, hi := min(a, b)-modelWindow, max(a, b)+modelWindow
		s.emit(&kept, a, b, p.Predicate, ruleModel, p.Confidence, lo, hi)
	}
	return kept
}

// checkedPattern reports whether a weaker pattern of predicate pred needs
// the model's agreement: only for places, where the model learnt from
// plenty of examples. For people and organisations (leads, member_of,
// lives_in, born_in, part_of) it saw too few to overrule a pattern.
func checkedPattern(pred string) bool {
	return pred == predicateLocatedIn || pred == predicateBasedIn
}

// checkedLabels are the model's labels of the predicates of checkedPattern.
var checkedLabels = [...]int{relate.LabelIndex(predicateLocatedIn), relate.LabelIndex(predicateBasedIn)}

// ruleModel is the rule name of the relations the model finds.
const ruleModel = "model"

// RelationCandidates calls fn for every candidate pair of mentions that
// the relation model scores in res (an extraction result, or one built
// from gold mentions): the indexes of the two mentions in res.Mentions,
// the labels their types allow (relate.Allowed) and the pair's features,
// with the patterns' findings among them. It is how the model's training
// sees a sentence exactly as extraction does. features is reused between
// calls.
func RelationCandidates(text string, res *Result, fn func(subject, object int, allowed uint32, features []uint64)) {
	if res == nil || len(res.Mentions) < 2 {
		return
	}
	d := newRelDoc(text, res)
	var sc modelScratch
	var rels []Relation
	var feats []uint64
	var pairs []relate.Pair
	for _, s := range d.sentences() {
		if len(s.u) < 2 {
			continue
		}
		rels = s.patternRelations(rels[:0])
		s.modelSentence(rels, &sc)
		sc.feat.Reset(&sc.sent)
		pairs = relate.Candidates(&sc.sent, pairs[:0])
		for _, p := range pairs {
			sm, om := sc.sent.Mentions[p.Subject], sc.sent.Mentions[p.Object]
			feats = sc.feat.Features(p, feats[:0])
			fn(s.u[sm.Unit].m, s.u[om.Unit].m, relate.Allowed(sm.Type, om.Type), feats)
		}
	}
}

// relations returns every relation of res: the co-occurrences, the typed
// relations (patterns and model) and the open verb-phrase relations.
func (x *Extractor) relations(text string, res *Result) []Relation {
	rels := cooccurrences(res.Sentences, res.Mentions)
	if len(res.Mentions) < 2 {
		return rels
	}
	// One set of sentence rows for typed and open relations.
	d := newRelDoc(text, res)
	rels = append(rels, d.modelRelations(x.relModel)...)
	rels = append(rels, d.openRelations()...)
	d.release()
	return rels
}
