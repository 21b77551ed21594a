package relate

import (
	"strings"

	fh "github.com/dossier-nlp/dossier/extract/internal/featurehash"
)

// Feature templates. The numbers are part of the model file format:
// changing one invalidates the embedded model.
const (
	tBias = iota + 1
	tGap
	tBetweenSeq
	tBetweenTags
	tBetweenLemma
	tFirstBetween
	tLastBetween
	tVerbBetween
	tFirstPrep
	tLastPrep
	tMentionsBetween
	tTypeBetween
	tCommas
	tParen
	tPossessive
	tShape
	tBeforeLeft
	tBeforeLeft2
	tTagBeforeLeft
	tAfterRight
	tAfterRight2
	tTagAfterRight
	tRoleBetween
	tRoleBefore
	tRoleAfter
	tSubjHead
	tObjHead
	tCountry
	tHint
	tHintRule
	tHintReverse
	tVerbPrep
	tClause
	tAfterLeft
	tBeforeRight
	tHintAny
	tBagLemma // unconjoined copy of tBetweenLemma
	tRoleWordNear
	tLastVerbBetween
	tLastVerbPrep
	tVerbsBetween
	tContentBeforeRight
	tRelativeAfterLeft
	tClauseGap
)

// roleClasses groups the nouns and participles that name a relation, so
// that what the model learns of one word carries to its neighbours.
var roleClasses = func() map[string]string {
	m := make(map[string]string)
	for class, words := range map[string]string{
		"lead": `governor mayor president premier chancellor king queen monarch emperor ruler dictator leader head
			chief boss chairman chairwoman chairperson chair director founder co-founder cofounder ceo commander owner
			publisher secretary-general prime premiership presidency chaired headed led leads lead founded`,
		"speak": `spokesman spokeswoman spokesperson envoy ambassador representative delegate`,
		"member": `member analyst researcher fellow official employee correspondent reporter journalist editor officer
			minister adviser advisor aide economist scientist professor lecturer staffer worker engineer executive
			partner consultant expert player striker midfielder forward goalkeeper defender winger captain coach
			manager senator congressman congresswoman lawmaker legislator politician deputy candidate soldier
			fighter militant joined signed played plays serves served works worked employed elected`,
		"home": `resident residents native natives citizen citizens inhabitant lives lived living resides resided
			moved settled home hometown`,
		"birth": `born birth birthplace`,
		"death": `died death killed kill killing killings killer murder murders murdered murderer slaying slain
			assassination assassinated assassin shot stabbed strangled poisoned gunned gunman beaten bombing executed
			ambushed`,
		"place": `capital city town village county province district region state suburb municipality borough
			neighborhood neighbourhood area island river oblast commune parish prefecture`,
		"base": `headquarters headquartered based located situated offices office seat`,
		"part": `part unit division branch subsidiary wing arm affiliate section department`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = class
		}
	}
	return m
}()

// Featurizer computes the features of the candidate pairs of one sentence.
// It keeps buffers between sentences; one Featurizer must not be used by
// two goroutines at once.
type Featurizer struct {
	s     *Sentence
	lem   []uint64 // per unit: lemma hash (mention units: hash of the type)
	tag   []uint64 // per unit: tag hash (mention units: hash of the type)
	role  []uint64 // per unit: role class hash, or 0
	roleW []uint64 // per unit: the role word's hash, or 0
	verb  []bool
	prep  []bool
	head  []uint64 // per mention: head word hash
}

// Reset prepares f for the candidates of s.
func (f *Featurizer) Reset(s *Sentence) {
	f.s = s
	n := len(s.Units)
	f.lem = grow(f.lem, n)
	f.tag = grow(f.tag, n)
	f.role = grow(f.role, n)
	f.roleW = grow(f.roleW, n)
	f.verb = growBool(f.verb, n)
	f.prep = growBool(f.prep, n)
	for i, u := range s.Units {
		f.role[i], f.roleW[i], f.verb[i], f.prep[i] = 0, 0, false, false
		if u.Mention >= 0 {
			h := typeHash(s.Mentions[u.Mention].Type)
			f.lem[i], f.tag[i] = h, h
			continue
		}
		l := u.Lemma
		if l == "" {
			l = u.Word
		}
		f.lem[i] = fh.HashString(l)
		f.tag[i] = fh.HashString(u.Tag)
		if c, ok := roleClasses[l]; ok {
			f.role[i] = fh.HashString(c)
			f.roleW[i] = f.lem[i]
		} else if c, ok := roleClasses[u.Word]; ok {
			f.role[i] = fh.HashString(c)
			f.roleW[i] = fh.HashString(u.Word)
		}
		f.verb[i] = strings.HasPrefix(u.Tag, "VB") || u.Tag == "MD"
		f.prep[i] = u.Tag == "IN" || u.Tag == "TO"
	}
	f.head = grow(f.head, len(s.Mentions))
	for i, m := range s.Mentions {
		f.head[i] = fh.HashString(m.Head)
	}
}

func grow(b []uint64, n int) []uint64 {
	if cap(b) < n {
		return make([]uint64, n)
	}
	return b[:n]
}

func growBool(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	return b[:n]
}

// gapBucket maps a number of units between the two mentions to a small
// class.
func gapBucket(n int) uint64 {
	switch {
	case n <= 3:
		return uint64(n)
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	}
	return 8
}

var (
	hNone   = fh.HashString("<none>")
	hComma  = fh.HashString(",")
	hOpen   = fh.HashString("(")
	hClose  = fh.HashString(")")
	hPoss   = fh.HashString("'s")
	hPoss2  = fh.HashString("'")
	hSemi   = fh.HashString(";")
	hWho    = fh.HashString("who")
	hWhich  = fh.HashString("which")
	hThat   = fh.HashString("that")
	hWhose  = fh.HashString("whose")
	hStart  = fh.HashString("<s>")
	hEnd    = fh.HashString("</s>")
	hSubj   = fh.HashString("subject-first")
	hObj    = fh.HashString("object-first")
	hYes    = fh.HashString("yes")
	hTypes  = map[string]uint64{Person: fh.HashString("P"), Location: fh.HashString("L"), Organization: fh.HashString("O")}
	hOthers = fh.HashString("?")
)

func typeHash(t string) uint64 {
	if h, ok := hTypes[t]; ok {
		return h
	}
	return hOthers
}

// Features appends the feature keys of candidate p to buf and returns the
// extended buffer. Reset must have been called with p's sentence.
func (f *Featurizer) Features(p Pair, buf []uint64) []uint64 {
	s := f.s
	sm, om := s.Mentions[p.Subject], s.Mentions[p.Object]
	a, b := sm.Unit, om.Unit // left and right unit
	dir := hSubj
	if a > b {
		a, b = b, a
		dir = hObj
	}
	sig := fh.Mix(typeHash(sm.Type)*31 ^ typeHash(om.Type)*17 ^ dir)
	add := func(t uint64, v uint64) { buf = append(buf, fh.Feat2(t, v, sig)) }
	add2 := func(t uint64, v, w uint64) { buf = append(buf, fh.Feat3(t, v, w, sig)) }

	add(tBias, 1)
	gap := b - a - 1
	add(tGap, gapBucket(gap))

	// The units between the two mentions.
	seq, tags, shape := uint64(fh.FNVOffset), uint64(fh.FNVOffset), uint64(fh.FNVOffset)
	mentions, commas := 0, 0
	firstVerb, firstPrep, lastPrep := hNone, hNone, hNone
	verbPrep := uint64(0)
	clause := false
	lastVerb, lastVerbAt, verbs := hNone, -1, 0
	for k := a + 1; k < b; k++ {
		u := s.Units[k]
		seq = fh.Mix(seq ^ f.lem[k])
		tags = fh.Mix(tags ^ f.tag[k])
		switch {
		case u.Mention >= 0:
			mentions++
			add(tTypeBetween, typeHash(s.Mentions[u.Mention].Type))
			shape = fh.Mix(shape ^ f.lem[k])
		case f.role[k] != 0:
			shape = fh.Mix(shape ^ f.role[k])
		case f.prep[k] || f.lem[k] == hComma || f.lem[k] == hPoss || f.tag[k] == hPoss2 || u.Tag == "DT" || u.Tag == "POS" || u.Tag == "WP" || u.Tag == "WDT":
			shape = fh.Mix(shape ^ f.lem[k])
		default:
			shape = fh.Mix(shape ^ f.tag[k])
		}
		if f.lem[k] == hComma {
			commas++
		}
		if f.lem[k] == hSemi || f.lem[k] == hWho || f.lem[k] == hWhich || f.lem[k] == hThat {
			clause = true
		}
		if k-a <= 12 || b-k <= 4 {
			add(tBetweenLemma, f.lem[k])
			buf = append(buf, fh.Feat1(tBagLemma, f.lem[k]))
		}
		if f.verb[k] {
			lastVerb, lastVerbAt = f.lem[k], k
			verbs++
		}
		if f.verb[k] && firstVerb == hNone {
			firstVerb = f.lem[k]
			if k+1 < b && f.prep[k+1] {
				verbPrep = fh.Mix(f.lem[k] ^ f.lem[k+1]*3)
			}
		}
		if f.prep[k] {
			if firstPrep == hNone {
				firstPrep = f.lem[k]
			}
			lastPrep = f.lem[k]
		}
		if f.role[k] != 0 {
			add(tRoleBetween, f.role[k])
			add(tRoleWordNear, f.roleW[k])
		}
	}
	if gap <= 5 {
		add(tBetweenSeq, seq)
	}
	if gap <= 6 {
		add(tBetweenTags, tags)
	}
	if gap <= 8 {
		add(tShape, shape)
	}
	if gap > 0 {
		add(tFirstBetween, f.lem[a+1])
		add(tLastBetween, f.lem[b-1])
		add2(tAfterLeft, f.lem[a+1], f.lem[b-1])
	}
	add(tVerbBetween, firstVerb)
	if verbPrep != 0 {
		add(tVerbPrep, verbPrep)
	}
	add(tFirstPrep, firstPrep)
	add(tLastPrep, lastPrep)
	add(tMentionsBetween, uint64(min(mentions, 3)))
	add(tCommas, uint64(min(commas, 3)))
	if clause {
		add(tClause, hYes)
	}
	// The verb nearest the right mention, which often governs it ("ordered
	// the killing of B", "was identified as B"), alone and with the
	// preposition that follows it, and how many verbs lie between: a
	// clause of its own between the two mentions makes a relation less
	// likely unless the words say otherwise.
	if lastVerbAt >= 0 && lastVerbAt != firstVerbAt(f, a, b) {
		add(tLastVerbBetween, lastVerb)
	}
	if lastVerbAt >= 0 && lastVerbAt+1 < b && f.prep[lastVerbAt+1] {
		add(tLastVerbPrep, fh.Mix(lastVerb^f.lem[lastVerbAt+1]*3))
	}
	add(tVerbsBetween, uint64(min(verbs, 3)))
	if clause {
		add(tClauseGap, gapBucket(gap))
	}
	// The last word before the right mention that is not a function word
	// ("the murder of B" -> murder, "his stepfather, B" -> stepfather).
	for k := b - 1; k > a && k >= b-5; k-- {
		u := s.Units[k]
		if u.Mention >= 0 || f.prep[k] || f.lem[k] == hComma || u.Tag == "DT" || u.Tag == "POS" || u.Tag == "PRP$" || u.Tag == "CD" {
			continue
		}
		add(tContentBeforeRight, f.lem[k])
		break
	}
	// "A, who ..." / "A, which ...": a relative clause opens on the left
	// mention, so what it says is said of A.
	if a+2 < b && f.lem[a+1] == hComma && (f.lem[a+2] == hWho || f.lem[a+2] == hWhich || f.lem[a+2] == hWhose) {
		add(tRelativeAfterLeft, f.lem[a+2])
	}

	// Shapes: "A (B)", "A's B".
	if b == a+2 && f.lem[a+1] == hOpen || b+1 < len(s.Units) && f.lem[b-1] == hOpen && f.lem[b+1] == hClose {
		add(tParen, 1)
	}
	if a+1 < b && (s.Units[a+1].Tag == "POS" || s.Units[a+1].Word == "'s") && b-a <= 4 {
		add(tPossessive, uint64(b-a))
	}

	// Around the pair.
	add(tBeforeLeft, f.unitHash(a-1, f.lem))
	add(tBeforeLeft2, fh.Mix(f.unitHash(a-2, f.lem)^f.unitHash(a-1, f.lem)*7))
	add(tTagBeforeLeft, f.unitHash(a-1, f.tag))
	add(tAfterRight, f.unitHash(b+1, f.lem))
	add(tAfterRight2, fh.Mix(f.unitHash(b+1, f.lem)^f.unitHash(b+2, f.lem)*7))
	add(tTagAfterRight, f.unitHash(b+1, f.tag))
	add(tBeforeRight, f.unitHash(b-1, f.tag))
	for k := max(a-3, 0); k < a; k++ {
		if f.role[k] != 0 {
			add(tRoleBefore, f.role[k])
			add(tRoleWordNear, f.roleW[k])
		}
	}
	for k := b + 1; k < min(b+4, len(s.Units)); k++ {
		if f.role[k] != 0 {
			add(tRoleAfter, f.role[k])
			add(tRoleWordNear, f.roleW[k])
		}
	}

	// The mentions themselves.
	add(tSubjHead, f.head[p.Subject])
	add(tObjHead, f.head[p.Object])
	c := uint64(0)
	if sm.Country {
		c |= 1
	}
	if om.Country {
		c |= 2
	}
	add(tCountry, c)

	// What the patterns found.
	for _, h := range s.Hints {
		switch {
		case h.Subject == p.Subject && h.Object == p.Object:
			hp := fh.HashString(h.Predicate)
			add(tHint, hp)
			add2(tHintRule, hp, fh.HashString(h.Rule))
			buf = append(buf, fh.Feat1(tHintAny, hp))
		case h.Subject == p.Object && h.Object == p.Subject:
			add(tHintReverse, fh.HashString(h.Predicate))
		}
	}
	return buf
}

// firstVerbAt returns the unit of the first verb between units a and b,
// or -1.
func firstVerbAt(f *Featurizer, a, b int) int {
	for k := a + 1; k < b; k++ {
		if f.verb[k] {
			return k
		}
	}
	return -1
}

// unitHash returns vals[i], or the sentence boundary's hash outside the
// sentence.
func (f *Featurizer) unitHash(i int, vals []uint64) uint64 {
	switch {
	case i < 0:
		return hStart
	case i >= len(vals):
		return hEnd
	}
	return vals[i]
}
