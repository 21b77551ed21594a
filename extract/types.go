package extract

// Entity types that are always present. Custom entity lists may add more.
const (
	Person       = "PERSON"
	Location     = "LOCATION"
	Organization = "ORGANIZATION"
)

// Relation kinds.
const (
	KindTyped        = "typed"        // a predicate from the fixed list (leads, speaks_for, ...)
	KindCooccurrence = "cooccurrence" // two entities named in one sentence
	KindOpen         = "open"         // the verb phrase that links two entities
)

// PredicateCooccurs is the predicate of every co-occurrence relation.
const PredicateCooccurs = "co_occurs"

// The confidence and rule of the co-occurrence relations the extractor
// finds.
const (
	CooccurrenceConfidence = 0.3
	CooccurrenceRule       = "same-sentence"
)

// Token is one token of the original text. Text is exactly the original
// bytes text[Start:End]; Tag is its Penn Treebank part-of-speech tag.
type Token struct {
	Text  string
	Tag   string
	Start int
	End   int
}

// Sentence is one sentence of a document: the byte span [Start, End) of the
// original text and the tokens [FirstToken, EndToken) of Result.Tokens.
//
// Furniture is true for page furniture rather than article text: a
// caption, a photo credit, a "Read more" link, a share prompt, an embedded
// post's signature (see furniture.txt). Such sentences are kept but give no
// relations.
type Sentence struct {
	Start      int
	End        int
	FirstToken int
	EndToken   int
	Furniture  bool
}

// Mention is one occurrence of a named entity in the text. Text is exactly
// text[Start:End]. Entity indexes Result.Entities and Sentence indexes
// Result.Sentences. Source names what found it (the tagger model, a rule, a
// gazetteer or a user list); Confidence is in [0, 1].
type Mention struct {
	Start      int
	End        int
	Text       string
	Type       string
	Entity     int
	Sentence   int
	Source     string
	Confidence float64
}

// Entity is one real-world entity named in a document: every mention of it
// in that document points to it. Name is the canonical name (the fullest
// form seen); Aliases lists every distinct surface form, Name included.
type Entity struct {
	Name     string
	Type     string
	Aliases  []string
	Mentions int
}

// Relation links two entities of a document. Subject and Object index
// Result.Entities. The evidence is the byte span [Start, End) of the original
// text, inside sentence Sentence. Rule names the pattern or verb phrase that
// produced the relation; Count is how many times the document states it.
type Relation struct {
	Subject    int
	Predicate  string
	Object     int
	Kind       string
	Sentence   int
	Start      int
	End        int
	Confidence float64
	Rule       string
	Count      int
}

// Result is everything extracted from one document.
type Result struct {
	Tokens    []Token
	Sentences []Sentence
	Mentions  []Mention
	Entities  []Entity
	Relations []Relation
	Metadata  Metadata // title, publication date and source the text gives
	Dates     []Date   // the dates the sentences name, in text order
}

// TypedPredicates lists the predicates of typed relations (GUIDE.md,
// "Relation predicates").
var TypedPredicates = []string{"leads", "speaks_for", "member_of", "part_of", "located_in", "based_in", "lives_in", "killed", "born_in"}

// Kinds lists the relation kinds.
var Kinds = []string{KindTyped, KindOpen, KindCooccurrence}
