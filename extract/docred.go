package extract

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-nlp/dossier/extract/relate"
)

// DocREDDoc is one document of DocRED / Re-DocRED (the introduction of an
// English Wikipedia article): its sentences as tokens, its entities
// (vertexSet, each a list of mentions) and its relation labels.
type DocREDDoc struct {
	Title     string            `json:"title"`
	Sents     [][]string        `json:"sents"`
	VertexSet [][]DocREDMention `json:"vertexSet"`
	Labels    []DocREDLabel     `json:"labels"`
}

// DocREDMention is one mention of a DocRED entity: sentence, token span
// [Pos[0], Pos[1]) in it, name and type (PER, LOC, ORG, TIME, NUM, MISC).
type DocREDMention struct {
	Name   string `json:"name"`
	Pos    [2]int `json:"pos"`
	SentID int    `json:"sent_id"`
	Type   string `json:"type"`
}

// DocREDLabel is one relation: Wikidata property R from entity H to entity
// T (indexes into VertexSet), with the sentences stating it.
type DocREDLabel struct {
	R        string `json:"r"`
	H        int    `json:"h"`
	T        int    `json:"t"`
	Evidence []int  `json:"evidence"`
}

// ReadDocRED reads a DocRED JSON file (one array of documents), plain or
// gzipped.
func ReadDocRED(r io.Reader) ([]DocREDDoc, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read docred: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}
	var docs []DocREDDoc
	if err := json.NewDecoder(br).Decode(&docs); err != nil {
		return nil, fmt.Errorf("read docred: %w", err)
	}
	return docs, nil
}

// docredTypes maps DocRED's entity types to ours; the others are not
// entities here.
var docredTypes = map[string]string{"PER": Person, "LOC": Location, "ORG": Organization}

// DocREDProperties maps Wikidata properties to typed predicates, for the
// subject and object types given (DocRED's types). Reverse means the
// property's head is our object ("head of state" links a country to a
// person; the person leads the country).
var DocREDProperties = []struct {
	Property, Subject, Object, Predicate string
	Reverse                              bool
}{
	{"P108", "PER", "ORG", predicateMemberOf, false}, // employer
	{"P463", "PER", "ORG", predicateMemberOf, false}, // member of
	{"P102", "PER", "ORG", predicateMemberOf, false}, // member of political party
	{"P54", "PER", "ORG", predicateMemberOf, false},  // member of sports team
	{"P361", "PER", "ORG", predicateMemberOf, false}, // part of (a band, a team)
	{"P527", "ORG", "PER", predicateMemberOf, true},  // has part
	{"P488", "ORG", "PER", predicateLeads, true},     // chairperson
	{"P6", "LOC", "PER", predicateLeads, true},       // head of government
	{"P35", "LOC", "PER", predicateLeads, true},      // head of state
	{"P159", "ORG", "LOC", predicateBasedIn, false},  // headquarters location
	{"P131", "ORG", "LOC", predicateBasedIn, false},  // located in the administrative territorial entity
	{"P131", "LOC", "LOC", predicateLocatedIn, false},
	{"P17", "LOC", "LOC", predicateLocatedIn, false},
	{"P150", "LOC", "LOC", predicateLocatedIn, true}, // contains administrative territorial entity
	{"P551", "PER", "LOC", predicateLivesIn, false},  // residence
	{"P19", "PER", "LOC", predicateBornIn, false},    // place of birth
	{"P361", "ORG", "ORG", predicatePartOf, false},   // part of
	{"P749", "ORG", "ORG", predicatePartOf, false},   // parent organization
	{"P355", "ORG", "ORG", predicatePartOf, true},    // subsidiary
	{"P463", "ORG", "ORG", predicatePartOf, false},   // member of
}

// DocREDRelation is a DocRED label mapped to a typed predicate: Subject and
// Object index VertexSet.
type DocREDRelation struct {
	Subject, Object int
	Predicate       string
	Evidence        []int
}

// Relations returns the labels of d that map to a typed predicate (see
// DocREDProperties), deduplicated, in label order.
func (d *DocREDDoc) Relations() []DocREDRelation {
	type key struct {
		s, o int
		p    string
	}
	seen := make(map[key]bool)
	var out []DocREDRelation
	for _, l := range d.Labels {
		if l.H < 0 || l.T < 0 || l.H >= len(d.VertexSet) || l.T >= len(d.VertexSet) || len(d.VertexSet[l.H]) == 0 || len(d.VertexSet[l.T]) == 0 {
			continue
		}
		ht, tt := d.VertexSet[l.H][0].Type, d.VertexSet[l.T][0].Type
		for _, p := range DocREDProperties {
			if p.Property != l.R || p.Subject != ht || p.Object != tt {
				continue
			}
			s, o := l.H, l.T
			if p.Reverse {
				s, o = o, s
			}
			if k := (key{s, o, p.Predicate}); !seen[k] {
				seen[k] = true
				out = append(out, DocREDRelation{Subject: s, Object: o, Predicate: p.Predicate, Evidence: l.Evidence})
			}
		}
	}
	return out
}

// DocREDText is a DocRED document written out as text, with its gold
// mentions and entities in the form extraction gives them.
type DocREDText struct {
	Text     string
	Mentions []Mention // Entity indexes Entities; Sentence is not set
	Entities []Entity
	// Vertex gives, per entity, its index in VertexSet; Sentences the
	// sentences (of the DocRED document) each vertex is mentioned in.
	Vertex    []int
	Sentences []map[int]bool
	// SentenceStarts is the byte offset in Text of each DocRED sentence.
	SentenceStarts []int
}

// SentenceAt returns the DocRED sentence that byte offset off of Text
// falls in.
func (t *DocREDText) SentenceAt(off int) int {
	return sort.SearchInts(t.SentenceStarts, off+1) - 1
}

// Text writes d out as text: tokens joined by spaces, sentences by blank
// lines (so the sentence splitter keeps DocRED's sentences apart). Mentions
// of people, places and organisations become gold mentions, except
// nationality words typed LOC ("American", "Germans"), which our guide
// does not count as entities.
func (d *DocREDDoc) Text() *DocREDText {
	var b strings.Builder
	starts := make([][]int, len(d.Sents))
	ends := make([][]int, len(d.Sents))
	var sentStarts []int
	for si, toks := range d.Sents {
		if si > 0 {
			b.WriteString("\n\n")
		}
		sentStarts = append(sentStarts, b.Len())
		for ti, t := range toks {
			if ti > 0 {
				b.WriteByte(' ')
			}
			t = strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' || r == '\t' {
					return ' '
				}
				return r
			}, t)
			starts[si] = append(starts[si], b.Len())
			b.WriteString(t)
			ends[si] = append(ends[si], b.Len())
		}
	}
	out := &DocREDText{Text: b.String(), Sentences: make([]map[int]bool, len(d.VertexSet)), SentenceStarts: sentStarts}
	for v, ms := range d.VertexSet {
		out.Sentences[v] = make(map[int]bool)
		if len(ms) == 0 {
			continue
		}
		typ, ok := docredTypes[ms[0].Type]
		if !ok {
			continue
		}
		ent := -1
		for _, m := range ms {
			if m.SentID < 0 || m.SentID >= len(d.Sents) || m.Pos[0] < 0 || m.Pos[1] > len(d.Sents[m.SentID]) || m.Pos[0] >= m.Pos[1] {
				continue
			}
			start, end := starts[m.SentID][m.Pos[0]], ends[m.SentID][m.Pos[1]-1]
			text := out.Text[start:end]
			if typ == Location && isDemonym(text) {
				continue
			}
			if ent < 0 {
				ent = len(out.Entities)
				out.Entities = append(out.Entities, Entity{Name: text, Type: typ})
				out.Vertex = append(out.Vertex, v)
			}
			e := &out.Entities[ent]
			if !containsString(e.Aliases, text) {
				e.Aliases = append(e.Aliases, text)
			}
			e.Mentions++
			out.Mentions = append(out.Mentions, Mention{Start: start, End: end, Text: text, Type: typ, Entity: ent, Source: "gold", Confidence: 1})
			out.Sentences[v][m.SentID] = true
		}
	}
	sort.SliceStable(out.Mentions, func(i, j int) bool { return out.Mentions[i].Start < out.Mentions[j].Start })
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isDemonym reports whether a place mention is a nationality word
// ("American", "Germans", "South Korean").
func isDemonym(name string) bool {
	k := strings.ToLower(name)
	if relCountryNames[NormalizeName(name)] {
		return false
	}
	for _, w := range []string{k, strings.TrimSuffix(k, "s"), strings.ReplaceAll(k, " ", "-"), strings.ReplaceAll(k, " ", "_")} {
		if _, ok := relDemonyms[w]; ok {
			return true
		}
	}
	if f := strings.Fields(k); len(f) > 1 {
		_, ok := relDemonyms[f[len(f)-1]]
		return ok && !startsUpper(f[len(f)-1])
	}
	return false
}

// ExtractWith is Extract with the entities given: it tokenizes text and
// splits it into sentences as Extract does, takes mentions and entities
// as they are (see AnalyzeWith), and finds the relations between them. It
// lets a relation extractor be measured apart from entity recognition.
func (x *Extractor) ExtractWith(text string, mentions []Mention, entities []Entity) *Result {
	res := AnalyzeWith(text, mentions, entities)
	res.Relations = x.relations(text, res)
	return res
}

// AnalyzeWith tokenizes text, splits it into sentences and tags parts of
// speech as Extract does, and returns that with the mentions and entities
// given (each mention's Entity indexing entities; mentions sorted by Start
// and not overlapping), each mention's Sentence set. A mention that
// crosses a sentence boundary is left out. It finds no relations.
func AnalyzeWith(text string, mentions []Mention, entities []Entity) *Result {
	clean := cleanText(text)
	toks, sents := analyze(clean)
	res := &Result{Tokens: toks, Sentences: sents, Entities: entities}
	si := 0
	for _, m := range mentions {
		for si < len(sents) && sents[si].End <= m.Start {
			si++
		}
		if si == len(sents) || m.End > sents[si].End || m.Start < sents[si].Start {
			continue
		}
		m.Sentence = si
		res.Mentions = append(res.Mentions, m)
	}
	return res
}

// MatchEntities maps the entities of res (an extraction of t.Text) to the
// gold entities of t: an entity matches a gold entity of its type when one
// of its names equals one of the gold entity's names after NormalizeName.
// The result holds, per entity of res, the indexes of the gold entities it
// matches (into t.Entities), usually none or one.
func (t *DocREDText) MatchEntities(res *Result) [][]int {
	gold := make(map[string][]int)
	for g, e := range t.Entities {
		for _, a := range e.Aliases {
			k := e.Type + "\x00" + NormalizeName(a)
			if l := gold[k]; len(l) == 0 || l[len(l)-1] != g {
				gold[k] = append(l, g)
			}
		}
	}
	out := make([][]int, len(res.Entities))
	for i, e := range res.Entities {
		names := append([]string{e.Name}, e.Aliases...)
		for _, n := range names {
			for _, g := range gold[e.Type+"\x00"+NormalizeName(n)] {
				if !slices.Contains(out[i], g) {
					out[i] = append(out[i], g)
				}
			}
		}
	}
	return out
}

// RelationCount holds the true positives, false positives and false
// negatives of one predicate.
type RelationCount struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), or 0.
func (c RelationCount) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), or 0.
func (c RelationCount) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, or 0.
func (c RelationCount) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// RelationScores are the scores of typed relations on DocRED documents:
// per predicate, and micro-averaged over all of them.
type RelationScores struct {
	Documents   int
	ByPredicate map[string]RelationCount
	Micro       RelationCount
}

// String formats the scores as a table, one predicate a row.
func (s RelationScores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%12s  %9s  %6s  %5s  %5s  %5s  %5s\n", "predicate", "precision", "recall", "F1", "tp", "fp", "fn")
	preds := make([]string, 0, len(s.ByPredicate))
	for p := range s.ByPredicate {
		preds = append(preds, p)
	}
	sort.Strings(preds)
	row := func(name string, c RelationCount) {
		fmt.Fprintf(&b, "%12s  %9.3f  %6.3f  %5.3f  %5d  %5d  %5d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, p := range preds {
		row(p, s.ByPredicate[p])
	}
	row("micro", s.Micro)
	return b.String()
}

// DocREDOptions chooses what EvaluateDocRED measures.
type DocREDOptions struct {
	// GoldEntities gives the relation extractor DocRED's own mentions;
	// otherwise the extractor finds the entities itself (end to end) and
	// a found entity stands for the gold entities it matches (see
	// DocREDText.MatchEntities).
	GoldEntities bool
	// PatternsOnly turns the learned model off: the hand-written patterns
	// alone.
	PatternsOnly bool
	// Model, when set, replaces the extractor's relation model (to
	// measure a model in training).
	Model *relate.Model
}

// EvaluateDocRED scores the typed relations x finds in docs against their
// labels mapped by DocREDProperties. Only relations whose two entities
// are named in one sentence are gold (the extractor relates nothing else),
// and only the predicates the mapping gives are scored.
func (x *Extractor) EvaluateDocRED(docs []DocREDDoc, o DocREDOptions) RelationScores {
	scored := make(map[string]bool)
	for _, p := range DocREDProperties {
		scored[p.Predicate] = true
	}
	s := RelationScores{Documents: len(docs), ByPredicate: make(map[string]RelationCount)}
	for p := range scored {
		s.ByPredicate[p] = RelationCount{}
	}
	type triple struct {
		s, o int
		p    string
	}
	var model *relate.Model
	switch {
	case o.PatternsOnly:
	case o.Model != nil:
		model = o.Model
	default:
		model = x.relModel
	}
	for i := range docs {
		d := &docs[i]
		t := d.Text()
		gold := make(map[triple]bool)
		for _, r := range d.Relations() {
			for sent := range t.Sentences[r.Subject] {
				if t.Sentences[r.Object][sent] {
					gold[triple{r.Subject, r.Object, r.Predicate}] = true
					break
				}
			}
		}
		var res *Result
		var vertices func(ent int) []int
		if o.GoldEntities {
			res = AnalyzeWith(t.Text, t.Mentions, t.Entities)
			vertices = func(ent int) []int { return []int{t.Vertex[ent]} }
		} else {
			res = x.Extract(t.Text)
			match := t.MatchEntities(res)
			vertices = func(ent int) []int {
				var vs []int
				for _, g := range match[ent] {
					vs = append(vs, t.Vertex[g])
				}
				return vs
			}
		}
		pred := make(map[triple]bool)
		for k, r := range modelRelations(t.Text, res, model) {
			if !scored[r.Predicate] {
				continue
			}
			found := false
			for _, sv := range vertices(r.Subject) {
				for _, ov := range vertices(r.Object) {
					if tr := (triple{sv, ov, r.Predicate}); gold[tr] {
						pred[tr] = true
						found = true
					}
				}
			}
			if !found {
				pred[triple{-1 - k, -1, r.Predicate}] = true // a relation no gold one matches
			}
		}
		for tr := range pred {
			c := s.ByPredicate[tr.p]
			if gold[tr] {
				c.TP++
			} else {
				c.FP++
			}
			s.ByPredicate[tr.p] = c
		}
		for tr := range gold {
			if !pred[tr] {
				c := s.ByPredicate[tr.p]
				c.FN++
				s.ByPredicate[tr.p] = c
			}
		}
	}
	for _, c := range s.ByPredicate {
		s.Micro.TP += c.TP
		s.Micro.FP += c.FP
		s.Micro.FN += c.FN
	}
	return s
}
