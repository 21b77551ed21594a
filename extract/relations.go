package extract

// maxPairEntities bounds the co-occurrence pairs taken from one sentence: a
// sentence that lists more entities than this (a table row, a list of
// places) pairs each entity only with the next two in the list, so the
// number of pairs grows linearly, not quadratically.
const maxPairEntities = 8

// cooccurrences returns one relation per pair of distinct entities named in
// the same sentence, subject being the entity mentioned first. A pair seen
// in several sentences is one relation whose Count is the number of
// sentences and whose evidence is the first of them.
func cooccurrences(sents []Sentence, ms []Mention) []Relation {
	type pair struct{ a, b int }
	index := make(map[pair]int)
	var rels []Relation
	var ents []int
	seen := make(map[int]bool)
	for i := 0; i < len(ms); {
		s := ms[i].Sentence
		ents = ents[:0]
		clear(seen)
		for ; i < len(ms) && ms[i].Sentence == s; i++ {
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
				p := pair{ents[x], ents[y]}
				if r, ok := index[p]; ok {
					rels[r].Count++
					continue
				}
				index[p] = len(rels)
				rels = append(rels, Relation{
					Subject: p.a, Predicate: PredicateCooccurs, Object: p.b,
					Kind: KindCooccurrence, Sentence: s,
					Start: sents[s].Start, End: sents[s].End,
					Confidence: 0.3, Rule: "same-sentence", Count: 1,
				})
			}
		}
	}
	return rels
}
