package extract

import "strings"

// Open relations, after ReVerb (Fader, Soderland and Etzioni, "Identifying
// Relations for Open Information Extraction", 2011): the verb phrase that
// stands between two entity mentions of one sentence is the relation.
//
// The phrase must match V | V P | V W* P, where V is a verb (with its
// auxiliaries, adverbs and particles: "has reportedly crossed"), W a noun,
// adjective, adverb, pronoun or determiner, and P a preposition, particle
// or "to": "crossed into", "took control of", "is a part of". The subject
// mention stands right before the phrase and the object right after it
// (determiners allowed). The predicate is the phrase normalised: verbs
// lemmatised ("crossed into" -> "cross into"), auxiliaries, adverbs and
// determiners dropped, the passive kept as "be" + participle ("was killed
// by" -> "be killed by").
//
// Precision comes first, so a pair is skipped when
//   - more than maxOpenGap tokens separate the mentions, or there is no verb;
//   - the verb is negated ("did not cross into");
//   - the phrase is a bare "be"/"have"/"do" ("X is Y") or a reporting verb
//     without a preposition ("Peskov said Ukraine ...": Ukraine is the
//     subject of what was said, not the object of "say");
//   - the subject is inside a prepositional phrase ("the head of Wagner
//     met ...": the subject is "the head");
//   - the verb is a bare -ing form ("the FSB building in Belgorod");
//   - the object continues into a longer phrase: a possessive ("attacked
//     Russia's army"), a common noun ("attacked Belgorod police") or a verb
//     of its own ("said Russia was ...").

// maxOpenGap is the most tokens an open relation's phrase may have.
const maxOpenGap = 8

// openConfidence is the confidence of every open relation.
const openConfidence = 0.5

// openReportingVerbs take a clause as their object ("said Russia was ..."), so
// without a preposition they link no entities.
var openReportingVerbs = wordSet(`say tell claim report add believe think argue note warn insist deny confirm
	announce admit suggest state declare assure acknowledge explain know hope fear expect feel see
	mean show reveal indicate predict estimate write ask conclude remark stress emphasise emphasize
	allege accuse understand realise realize recall agree`)

// openClauseWords are subordinators tagged IN that never end a relation phrase.
var openClauseWords = wordSet(`that whether if because while although though since unless than whereas as`)

// openRelations finds ReVerb-style verb phrases linking two neighbouring
// mentions of one sentence (see the rules above). Each relation has Kind
// KindOpen, the normalised phrase as Predicate, Rule "reverb" and the span
// from the subject to the object as evidence. Relations with the same
// subject, phrase and object are collapsed as in typedRelations.
func openRelations(text string, res *Result) []Relation {
	if res == nil || len(res.Mentions) < 2 {
		return nil
	}
	return newRelDoc(text, res).openRelations()
}

// openRelations is openRelations on a document whose sentence rows may be
// shared with the typed relations.
func (d *relDoc) openRelations() []Relation {
	var rels []Relation
	for _, s := range d.sentences() {
		prev := -1
		for i := range s.u {
			if !s.mention(i) {
				continue
			}
			if prev >= 0 {
				if pred, ok := s.openPhrase(prev, i); ok && s.u[prev].ent != s.u[i].ent {
					start, end := max(s.u[prev].start, s.start), min(s.u[i].end, s.end)
					if start < end {
						rels = append(rels, Relation{
							Subject: s.u[prev].ent, Predicate: pred, Object: s.u[i].ent,
							Kind: KindOpen, Sentence: s.si, Start: start, End: end,
							Confidence: openConfidence, Rule: "reverb", Count: 1,
						})
					}
				}
			}
			prev = i
		}
	}
	return collapseStatements(rels)
}

// openPhrase returns the normalised verb phrase between the mentions at
// units a and b, or ok == false when the units between them are no
// relation phrase.
func (s *relSentence) openPhrase(a, b int) (string, bool) {
	if b-a-1 < 1 || b-a-1 > maxOpenGap {
		return "", false
	}
	if s.inPrepPhrase(a) || s.possessive(b+1) || s.finiteVerb(b+1) ||
		(s.noun(b+1) && !strings.HasPrefix(s.tag(b+1), "NNP")) {
		return "", false
	}

	// V: auxiliaries, adverbs, verbs, infinitival "to".
	i := a + 1
	main := -1
	be := false
	for ; i < b; i++ {
		w, t := s.word(i), s.tag(i)
		switch {
		case relNegation[w]:
			return "", false
		case strings.HasPrefix(t, "VB") || t == "MD":
			if main >= 0 && lemma(s.word(main), s.tag(main)) == "be" {
				be = true
			}
			main = i
			continue
		case strings.HasPrefix(t, "RB"):
			continue
		case t == "TO" && main >= 0 && strings.HasPrefix(s.tag(i+1), "VB"):
			continue
		}
		break
	}
	if main < 0 || s.tag(main) == "VBG" && !be {
		return "", false // "the FSB building in Belgorod" is a noun phrase
	}
	words := s.verbWords(a+1, main, be)

	// Particles right after the verb.
	for ; i < b && s.tag(i) == "RP"; i++ {
		words = append(words, s.word(i))
	}

	// W* P, then the object's determiners (and a person's titles).
	end := b
	for end > i && (s.in(end-1, relDeterminers) || s.tag(end-1) == "PRP$" ||
		s.mention(b, Person) && personTitles[s.word(end-1)] && s.tag(end-1) != "IN") {
		end--
	}
	hasPrep := false
	if end > i {
		last := end - 1
		t := s.tag(last)
		if !(t == "IN" || t == "TO" || t == "RP") || openClauseWords[s.word(last)] || last-i > 4 {
			return "", false
		}
		for k := i; k < last; k++ {
			switch t := s.tag(k); {
			case t == "NN" || t == "NNS" || strings.HasPrefix(t, "JJ") || t == "PRP":
				words = append(words, s.word(k))
			case strings.HasPrefix(t, "RB") || t == "DT" || t == "PRP$":
			default:
				return "", false
			}
		}
		words = append(words, s.word(last))
		hasPrep = true
	}
	if !hasPrep {
		l := lemma(s.word(main), s.tag(main))
		if l == "be" || l == "have" || l == "do" || l == "get" || openReportingVerbs[l] || len(words) == 0 {
			return "", false
		}
	}
	return strings.Join(words, " "), true
}

// verbWords returns the verbs of units [from, main] as they go into a
// predicate: the main verb lemmatised, or "be" and the participle for a
// passive; an infinitive after the main verb's "to" is kept ("want to
// attack"). Auxiliaries and adverbs are dropped.
func (s *relSentence) verbWords(from, main int, passive bool) []string {
	// An infinitive chain: "wants to attack" -> "want to attack".
	head := main
	for k := from; k < main; k++ {
		if s.tag(k) == "TO" {
			head = k - 1
			for head >= from && !strings.HasPrefix(s.tag(head), "VB") {
				head--
			}
			break
		}
	}
	var words []string
	if head != main && head >= from {
		words = append(words, lemma(s.word(head), s.tag(head)), "to", lemma(s.word(main), s.tag(main)))
		return words
	}
	if passive && s.tag(main) == "VBN" {
		return append(words, "be", s.word(main))
	}
	return append(words, lemma(s.word(main), s.tag(main)))
}
