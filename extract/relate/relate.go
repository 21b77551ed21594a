package relate

// Entity types, spelled as package extract spells them.
const (
	Person       = "PERSON"
	Location     = "LOCATION"
	Organization = "ORGANIZATION"
)

// Labels are the classes of the model: None (no relation between the pair)
// first, then the predicates it predicts. Their order is part of the model
// file format.
var Labels = []string{None, "leads", "member_of", "part_of", "located_in", "based_in", "lives_in", "born_in", "killed"}

// None is the label of a pair of mentions that no predicate links.
const None = "none"

// labelTypes lists, per label after None, the subject and object types the
// predicate allows (GUIDE.md, "Relation predicates").
var labelTypes = [][2][]string{
	{{Person}, {Organization, Location}}, // leads
	{{Person}, {Organization}},           // member_of
	{{Organization}, {Organization}},     // part_of
	{{Location}, {Location}},             // located_in
	{{Organization}, {Location}},         // based_in
	{{Person}, {Location}},               // lives_in
	{{Person}, {Location}},               // born_in
	{{Person, Organization}, {Person}},   // killed
}

// LabelIndex returns the index of label in Labels, or -1.
func LabelIndex(label string) int {
	for i, l := range Labels {
		if l == label {
			return i
		}
	}
	return -1
}

// Allowed returns the labels (as bits of a mask, bit i for Labels[i]) whose
// types fit a subject of type subj and an object of type obj. None is
// always allowed; a mask of 1 means no predicate fits.
func Allowed(subj, obj string) uint32 {
	mask := uint32(1)
	for i, t := range labelTypes {
		if contains(t[0], subj) && contains(t[1], obj) {
			mask |= 1 << (i + 1)
		}
	}
	return mask
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Unit is one item of a sentence as the model reads it: a plain token, or
// a whole entity mention (Mention >= 0).
type Unit struct {
	Word    string // lower-cased text of a token; "" for a mention
	Lemma   string // the token's lemma; "" for a mention
	Tag     string // the token's Penn Treebank tag; "" for a mention
	Mention int    // index into Sentence.Mentions, or -1 for a token
}

// Mention is one entity mention of a sentence.
type Mention struct {
	Unit    int    // the mention's unit in Sentence.Units
	Type    string // entity type
	Entity  int    // the entity it names; pairs of one entity are no candidates
	Head    string // lower-cased last word of the mention ("party", "county")
	Country bool   // the mention names a country
}

// Hint is a relation that a hand-written pattern found between two
// mentions of the sentence.
type Hint struct {
	Subject, Object int // indexes into Sentence.Mentions
	Predicate       string
	Rule            string
}

// Sentence is one sentence: its units in order, its mentions (in the order
// of their units) and the patterns' hints.
type Sentence struct {
	Units    []Unit
	Mentions []Mention
	Hints    []Hint
}

// Pair is a candidate: the subject and the object mention, as indexes into
// Sentence.Mentions.
type Pair struct {
	Subject, Object int
}

// Bounds on candidate pairs: two mentions are paired only when at most
// MaxMentionGap-1 other mentions and fewer than MaxUnitGap units stand
// between them.
//
// MaxUnitGap was 15. At 20, with the long sentences of
// testdata/relsents/train5.txt in the training, the model finds more of
// the relations of long wire sentences (at the 0.7 threshold: dev12.txt
// 0.706 against 0.661 at 15, Re-DocRED test end to end 0.514 against
// 0.477), at the cost of a stricter threshold for distant places in
// package extract.
const (
	MaxMentionGap = 4
	MaxUnitGap    = 20
)

// Candidates appends to buf the ordered pairs of mentions of s that may be
// related: different entities, close enough (MaxMentionGap, MaxUnitGap),
// with types some predicate allows. It returns the extended buffer.
func Candidates(s *Sentence, buf []Pair) []Pair {
	ms := s.Mentions
	for i := range ms {
		for j := i + 1; j < len(ms) && j-i <= MaxMentionGap; j++ {
			if ms[j].Unit-ms[i].Unit > MaxUnitGap {
				break
			}
			if ms[i].Entity == ms[j].Entity {
				continue
			}
			if Allowed(ms[i].Type, ms[j].Type) != 1 {
				buf = append(buf, Pair{i, j})
			}
			if Allowed(ms[j].Type, ms[i].Type) != 1 {
				buf = append(buf, Pair{j, i})
			}
		}
	}
	return buf
}
