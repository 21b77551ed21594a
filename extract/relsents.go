package extract

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// A relation-sentence file (testdata/relsents) holds single news sentences
// annotated with their entities and the relations between them in five
// coarse types (CoarseTypes), for measuring typed relations end to end.
// One sentence a line:
//
//	[Maria Lopez|PER], a spokeswoman for [Vantis Energy|ORG], said so. ||| Maria Lopez | work_for | Vantis Energy
//
// An entity is written [name|TYPE] (TYPE PER, ORG or LOC) and its name is
// the text between the bracket and the bar. After "|||" come the
// sentence's relations, separated by ";", each "head | type | tail" naming
// two of the sentence's entities. A line without "|||" states no relation
// (its pairs are all negatives). Blank lines and lines starting with "#"
// are skipped. A relation's type is one of CoarseTypes or one of our own
// TypedPredicates (the training split, testdata/relsents/train.txt, is
// written with those); scoring maps the latter with CoarseType.

// CoarseTypes lists the coarse relation types a relation-sentence file
// uses.
var CoarseTypes = []string{"work_for", "lives_in", "located_in", "based_in", "killed"}

// CoarseType maps a typed predicate, with the types of its subject and
// object, to a coarse relation type, or "" when it has none: member_of,
// leads and speaks_for with an organisation as object are work_for;
// lives_in and born_in are lives_in; located_in, based_in and killed (of a
// person) are themselves. leads and speaks_for of a place or a person, and
// part_of, have no coarse type.
func CoarseType(pred, subj, obj string) string {
	switch pred {
	case predicateMemberOf, predicateLeads, predicateSpeaksFor:
		if subj == Person && obj == Organization {
			return "work_for"
		}
	case predicateLivesIn, predicateBornIn:
		return "lives_in"
	case predicateLocatedIn, predicateBasedIn:
		return pred
	case predicateKilled:
		if obj == Person {
			return "killed"
		}
	}
	return ""
}

// RelSentence is one annotated sentence of a relation-sentence file.
type RelSentence struct {
	Line      int // line number in the file, from 1
	Text      string
	Entities  []RelSentEntity
	Relations []RelSentRelation
}

// RelSentEntity is an annotated entity: its name, type (PER, ORG, LOC) and
// byte span [Start, End) in the sentence's text.
type RelSentEntity struct {
	Name       string
	Type       string
	Start, End int
}

// RelSentRelation is a gold relation of one coarse type between two of the
// sentence's entities, by name.
type RelSentRelation struct {
	Head, Type, Tail string
}

var relSentTypes = map[string]bool{"PER": true, "ORG": true, "LOC": true}

// relSentEntityTypes maps the file's entity types to ours.
var relSentEntityTypes = map[string]string{"PER": Person, "ORG": Organization, "LOC": Location}

// Analyze returns s as the relation extractor reads it with the file's own
// entities (see AnalyzeWith): one entity per distinct name, and the index
// of each name's entity.
func (s *RelSentence) Analyze() (*Result, map[string]int) {
	index := make(map[string]int)
	var ents []Entity
	var ms []Mention
	for _, e := range s.Entities {
		typ := relSentEntityTypes[e.Type]
		i, ok := index[e.Name]
		if !ok {
			i = len(ents)
			index[e.Name] = i
			ents = append(ents, Entity{Name: e.Name, Type: typ, Aliases: []string{e.Name}})
		}
		ents[i].Mentions++
		ms = append(ms, Mention{Start: e.Start, End: e.End, Text: e.Name, Type: typ, Entity: i, Source: "gold", Confidence: 1})
	}
	return AnalyzeWith(s.Text, ms, ents), index
}

// coarse returns the coarse type of gold relation r of s ("" when it has
// none): r's own type, or its predicate mapped by CoarseType.
func (s *RelSentence) coarse(r RelSentRelation) string {
	if containsString(CoarseTypes, r.Type) {
		return r.Type
	}
	var ht, tt string
	for _, e := range s.Entities {
		if e.Name == r.Head {
			ht = relSentEntityTypes[e.Type]
		}
		if e.Name == r.Tail {
			tt = relSentEntityTypes[e.Type]
		}
	}
	return CoarseType(r.Type, ht, tt)
}

// ReadRelSentences reads a relation-sentence file. Every relation must
// name entities of its sentence and one of CoarseTypes.
func ReadRelSentences(r io.Reader) ([]RelSentence, error) {
	var out []RelSentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, err := parseRelSentence(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		s.Line = n
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read relation sentences: %w", err)
	}
	return out, nil
}

func parseRelSentence(line string) (RelSentence, error) {
	var s RelSentence
	marked, rels, _ := strings.Cut(line, "|||")
	marked = strings.TrimSpace(marked)
	var b strings.Builder
	for marked != "" {
		i := strings.IndexByte(marked, '[')
		if i < 0 {
			b.WriteString(marked)
			break
		}
		b.WriteString(marked[:i])
		j := strings.IndexByte(marked[i:], ']')
		if j < 0 {
			return s, fmt.Errorf("unclosed [ in %q", marked[i:])
		}
		name, typ, ok := strings.Cut(marked[i+1:i+j], "|")
		if !ok || !relSentTypes[typ] || name == "" {
			return s, fmt.Errorf("bad entity %q (want [name|PER], ORG or LOC)", marked[i:i+j+1])
		}
		s.Entities = append(s.Entities, RelSentEntity{Name: name, Type: typ, Start: b.Len(), End: b.Len() + len(name)})
		b.WriteString(name)
		marked = marked[i+j+1:]
	}
	s.Text = b.String()
	names := make(map[string]string)
	for _, e := range s.Entities {
		names[e.Name] = e.Type
	}
	if strings.TrimSpace(rels) == "" {
		return s, nil
	}
	for _, r := range strings.Split(rels, ";") {
		f := strings.Split(r, "|")
		if len(f) != 3 {
			return s, fmt.Errorf("bad relation %q (want head | type | tail)", r)
		}
		rel := RelSentRelation{Head: strings.TrimSpace(f[0]), Type: strings.TrimSpace(f[1]), Tail: strings.TrimSpace(f[2])}
		if !containsString(CoarseTypes, rel.Type) && !containsString(TypedPredicates, rel.Type) {
			return s, fmt.Errorf("relation %q: unknown type %q", r, rel.Type)
		}
		for _, n := range []string{rel.Head, rel.Tail} {
			if _, ok := names[n]; !ok {
				return s, fmt.Errorf("relation %q: %q is not an entity of the sentence", r, n)
			}
		}
		s.Relations = append(s.Relations, rel)
	}
	return s, nil
}

// relSentTitles are the words stripped from the front of a name before
// relations are compared ("President Maria Lopez", "Sen. Dale Hunt"), on
// both sides, as the news benchmark does.
var relSentTitles = wordSet(`president vice sen senator rep representative gov governor lt lieutenant
	gen general col colonel maj major capt captain sgt sergeant adm admiral cmdr commander dr doctor
	mr mrs ms miss mx prof professor rev reverend fr father judge justice prime minister secretary
	chancellor king queen prince princess sheikh pope chairman chairwoman chief ambassador
	commissioner sir dame lord lady mayor premier attorney deputy acting former state foreign
	defense defence interior finance coach cardinal bishop archbishop rabbi imam pastor officer
	detective inspector superintendent sheriff speaker senior`)

// RelSentName is the key under which a predicted and a gold name are the
// same: titles stripped from its front (relSentTitles), then NormalizeName.
func RelSentName(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 && relSentTitles[strings.ToLower(strings.TrimSuffix(f[0], "."))] {
		f = f[1:]
	}
	return NormalizeName(strings.Join(f, " "))
}

// RelSentScores are the scores of EvaluateRelSentences per coarse type and
// micro-averaged, with the errors when asked for.
type RelSentScores struct {
	Sentences int
	ByType    map[string]RelationCount
	Micro     RelationCount
	// EntitiesFound counts the gold relations whose two entities the
	// extractor found (a name of an entity of the extraction equals each
	// one's after RelSentName); FoundAndRelated, those of them it
	// related rightly. The rest of the misses are entity recognition's.
	EntitiesFound, FoundAndRelated int
	// Errors lists every false positive ("+") and false negative ("-"),
	// one line each with its sentence's line number, when
	// RelSentOptions.Errors is set.
	Errors []string
}

// String formats the scores as a table, one coarse type a row.
func (s RelSentScores) String() string {
	return RelationScores{Documents: s.Sentences, ByPredicate: s.ByType, Micro: s.Micro}.String() +
		fmt.Sprintf("gold relations whose two entities were found: %d of %d, of them related rightly: %d\n",
			s.EntitiesFound, s.Micro.TP+s.Micro.FN, s.FoundAndRelated)
}

// entitiesFound counts the gold relations of s whose two entities are
// among those of res, and of them those in found.
func entitiesFound(s *RelSentence, res *Result, found func(h, t, typ string) bool) (n, related int) {
	names := make(map[string]bool)
	for _, e := range res.Entities {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			names[RelSentName(a)] = true
		}
	}
	for _, r := range s.Relations {
		typ := s.coarse(r)
		h, t := RelSentName(r.Head), RelSentName(r.Tail)
		if typ == "" || !names[h] || !names[t] {
			continue
		}
		n++
		if found(h, t, typ) {
			related++
		}
	}
	return n, related
}

type relTriple struct{ h, t, typ string }

// ScoreRelSentence compares the typed relations of res (an extraction of
// s.Text) with the gold relations of s, adding to scores: a predicted
// relation counts once per (subject name, coarse type, object name), its
// names being the entities' canonical names and aliases compared with
// RelSentName. It returns the false positives and false negatives.
func ScoreRelSentence(s *RelSentence, res *Result, scores map[string]RelationCount) (fp, fn []string) {
	gold := make(map[relTriple]bool)
	for _, r := range s.Relations {
		if typ := s.coarse(r); typ != "" {
			gold[relTriple{RelSentName(r.Head), RelSentName(r.Tail), typ}] = true
		}
	}
	names := func(e int) []string {
		ent := res.Entities[e]
		out := []string{RelSentName(ent.Name)}
		for _, a := range ent.Aliases {
			if k := RelSentName(a); !containsString(out, k) {
				out = append(out, k)
			}
		}
		return out
	}
	found := make(map[relTriple]bool)
	wrong := make(map[relTriple]bool)
	for _, r := range res.Relations {
		if r.Kind != KindTyped {
			continue
		}
		typ := CoarseType(r.Predicate, res.Entities[r.Subject].Type, res.Entities[r.Object].Type)
		if typ == "" {
			continue
		}
		hit := false
		for _, h := range names(r.Subject) {
			for _, t := range names(r.Object) {
				if k := (relTriple{h, t, typ}); gold[k] {
					found[k], hit = true, true
				}
			}
		}
		if !hit {
			wrong[relTriple{RelSentName(res.Entities[r.Subject].Name), RelSentName(res.Entities[r.Object].Name), typ}] = true
		}
	}
	for k := range wrong {
		c := scores[k.typ]
		c.FP++
		scores[k.typ] = c
		fp = append(fp, fmt.Sprintf("%s | %s | %s", k.h, k.typ, k.t))
	}
	for k := range gold {
		c := scores[k.typ]
		if found[k] {
			c.TP++
		} else {
			c.FN++
			fn = append(fn, fmt.Sprintf("%s | %s | %s", k.h, k.typ, k.t))
		}
		scores[k.typ] = c
	}
	sort.Strings(fp)
	sort.Strings(fn)
	return fp, fn
}

// RelSentOptions chooses what EvaluateRelSentences measures.
type RelSentOptions struct {
	// PatternsOnly turns the learned relation model off.
	PatternsOnly bool
	// Errors lists the false positives and negatives in the scores.
	Errors bool
	// GoldEntities gives the extractor the sentences' own entities
	// (RelSentence.Analyze) instead of its own, so that the relations are
	// measured apart from entity recognition.
	GoldEntities bool
}

// EvaluateRelSentences extracts every sentence as a document of its own,
// end to end (our entities, our relations; or the sentence's own entities
// with RelSentOptions.GoldEntities), and scores its typed
// relations against the gold ones by coarse type (see CoarseType and
// ScoreRelSentence).
func (x *Extractor) EvaluateRelSentences(sents []RelSentence, o RelSentOptions) RelSentScores {
	s := RelSentScores{Sentences: len(sents), ByType: make(map[string]RelationCount)}
	for _, t := range CoarseTypes {
		s.ByType[t] = RelationCount{}
	}
	for i := range sents {
		var res *Result
		if o.GoldEntities {
			g, _ := sents[i].Analyze()
			res = x.ExtractWith(sents[i].Text, g.Mentions, g.Entities)
		} else {
			res = x.Extract(sents[i].Text)
		}
		if o.PatternsOnly {
			rels := res.Relations[:0:0]
			for _, r := range res.Relations {
				if r.Kind != KindTyped {
					rels = append(rels, r)
				}
			}
			res.Relations = append(rels, typedRelations(sents[i].Text, res)...)
		}
		fp, fn := ScoreRelSentence(&sents[i], res, s.ByType)
		n, rel := entitiesFound(&sents[i], res, func(h, t, typ string) bool {
			return !slices.Contains(fn, h+" | "+typ+" | "+t)
		})
		s.EntitiesFound += n
		s.FoundAndRelated += rel
		if o.Errors {
			for _, e := range fp {
				s.Errors = append(s.Errors, fmt.Sprintf("line %d: + %s\t%s", sents[i].Line, e, sents[i].Text))
			}
			for _, e := range fn {
				s.Errors = append(s.Errors, fmt.Sprintf("line %d: - %s\t%s", sents[i].Line, e, sents[i].Text))
			}
		}
	}
	for _, c := range s.ByType {
		s.Micro.TP += c.TP
		s.Micro.FP += c.FP
		s.Micro.FN += c.FN
	}
	return s
}
