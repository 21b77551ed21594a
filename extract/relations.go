package extract

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
		if r, ok := index[p]; ok {
			rels[r].Count++
			return
		}
		index[p] = len(rels)
		rels = append(rels, Relation{
			Subject: p.a, Predicate: PredicateCooccurs, Object: p.b,
			Kind: KindCooccurrence, Sentence: s, Start: start, End: end,
			Confidence: 0.3, Rule: "same-sentence", Count: 1,
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
