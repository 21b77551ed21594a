package store

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dossier-nlp/dossier/extract"
)

// GoldDoc is one document of a gold file: the entities it names and the
// key typed relations it states. Items marked Optional neither count nor
// cost.
type GoldDoc struct {
	Doc       string         `json:"doc"`
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
}

// GoldEntity is an entity of a gold document with every accepted alias.
type GoldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Optional bool     `json:"optional,omitempty"`
}

// GoldRelation is a typed relation of a gold document. Object may name
// several acceptable entities (a JSON string or a list of strings); any one
// of them matches.
type GoldRelation struct {
	Subject   string    `json:"subject"`
	Predicate string    `json:"predicate"`
	Object    StringSet `json:"object"`
	Optional  bool      `json:"optional,omitempty"`
}

// StringSet is one string or a list of strings in JSON.
type StringSet []string

// UnmarshalJSON accepts "x" or ["x", "y"].
func (s *StringSet) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = StringSet{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return errors.New("object must be a string or a list of strings")
	}
	*s = many
	return nil
}

// MarshalJSON writes a single string when there is only one.
func (s StringSet) MarshalJSON() ([]byte, error) {
	if len(s) == 1 {
		return json.Marshal(s[0])
	}
	return json.Marshal([]string(s))
}

// ReadGold reads a gold file: a sequence of GoldDoc JSON objects, usually
// one per line.
func ReadGold(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	dec := json.NewDecoder(bufio.NewReader(r))
	for {
		var d GoldDoc
		err := dec.Decode(&d)
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", len(docs)+1, err)
		}
		if d.Doc == "" {
			return nil, fmt.Errorf("document %d: missing \"doc\"", len(docs)+1)
		}
		docs = append(docs, d)
	}
}

// Score is a precision / recall / F1 tally.
type Score struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) finish() {
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Miss is one error of the report: a gold item not found, a predicted item
// not in the gold, or a fragment.
type Miss struct {
	Doc  string `json:"doc"`
	Kind string `json:"kind"` // "missed", "false positive", "fragment"
	Item string `json:"item"`
}

// Report is the outcome of Evaluate.
type Report struct {
	Documents int               `json:"documents"`    // gold documents scored
	Missing   []string          `json:"missing"`      // gold documents with no prediction
	Entities  map[string]*Score `json:"entities"`     // per type
	EntityAll Score             `json:"entity_all"`   // all types
	Fragments int               `json:"fragments"`    // extra records of an entity already found (counted as false positives)
	Relations map[string]*Score `json:"relations"`    // per predicate
	RelAll    Score             `json:"relation_all"` // all predicates
	// Links scores linking across documents, over pairs of gold entity
	// occurrences in different documents (see Evaluate).
	Links  Score    `json:"links"`
	Splits []string `json:"splits"` // gold entities spread over several records
	Merged []string `json:"merged"` // records holding several gold entities
	Errors []Miss   `json:"errors"`

	occ []occurrence
}

// occurrence is a predicted entity of one document found as a gold entity.
type occurrence struct {
	doc    string
	gold   string // type + normalised canonical gold name
	name   string // the gold name
	record int64  // the predicted entity id
	pname  string // the predicted name
}

// Evaluate scores predicted documents against gold ones, pairing them by
// file name.
//
// Entities: a predicted entity matches a gold entity when the types are
// equal and one of its names (canonical or alias) equals one of the gold
// aliases after NormalizeName. Each gold entity found is a true positive,
// each not found a false negative; each predicted entity matching no gold
// entity is a false positive, and a second predicted record of a gold
// entity already found is a fragment (also a false positive). Predictions
// matching an optional gold entity are ignored.
//
// Links: every predicted entity of a document that is found as a gold
// entity is an occurrence of it. Two occurrences in different documents
// should share one record (entity id) exactly when their gold entities
// are the same: the same type and canonical name, or one's canonical name
// among the other's aliases. Pairs that share a record and should are true
// positives, pairs that share one and should not false positives, pairs
// that should and do not false negatives.
//
// Relations: only typed relations are scored. A predicted relation matches
// a gold one when the predicates are equal and its subject and object are
// names of the gold subject and (one of the) gold objects, names being
// resolved through the predicted entities' aliases.
func Evaluate(gold []GoldDoc, pred []ExportDoc) *Report {
	rep := &Report{Entities: map[string]*Score{}, Relations: map[string]*Score{}}
	byName := make(map[string]*ExportDoc)
	for i := range pred {
		byName[path.Base(pred[i].Doc)] = &pred[i]
	}
	// A gold file that states no relation at all scores none (rather
	// than counting every predicted relation as false).
	withRelations := false
	for _, g := range gold {
		withRelations = withRelations || len(g.Relations) > 0
	}
	for _, g := range gold {
		rep.Documents++
		p := byName[path.Base(g.Doc)]
		if p == nil {
			rep.Missing = append(rep.Missing, g.Doc)
			p = &ExportDoc{Doc: g.Doc}
		}
		rep.scoreEntities(g, p)
		if withRelations {
			rep.scoreRelations(g, p)
		}
	}
	for _, s := range rep.Entities {
		s.finish()
		rep.EntityAll.TP += s.TP
		rep.EntityAll.FP += s.FP
		rep.EntityAll.FN += s.FN
	}
	rep.EntityAll.finish()
	for _, s := range rep.Relations {
		s.finish()
		rep.RelAll.TP += s.TP
		rep.RelAll.FP += s.FP
		rep.RelAll.FN += s.FN
	}
	rep.RelAll.finish()
	rep.scoreLinks(gold)
	return rep
}

// scoreLinks computes rep.Links from the occurrences.
func (rep *Report) scoreLinks(gold []GoldDoc) {
	// Gold identities: canonical names joined when one is another's alias.
	parent := make(map[string]string)
	var find func(string) string
	find = func(k string) string {
		for parent[k] != "" && parent[k] != k {
			k = parent[k]
		}
		return k
	}
	for _, g := range gold {
		for _, e := range g.Entities {
			c := e.Type + "\x00" + extract.NormalizeName(e.Name)
			if parent[c] == "" {
				parent[c] = c
			}
		}
	}
	for _, g := range gold {
		for _, e := range g.Entities {
			c := e.Type + "\x00" + extract.NormalizeName(e.Name)
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				k := e.Type + "\x00" + extract.NormalizeName(a)
				if _, ok := parent[k]; ok {
					if ra, rb := find(c), find(k); ra != rb {
						if rb < ra {
							ra, rb = rb, ra
						}
						parent[rb] = ra
					}
				}
			}
		}
	}
	for i := range rep.occ {
		rep.occ[i].gold = find(rep.occ[i].gold)
	}
	both := crossPairs(rep.occ, func(o occurrence) string { return o.gold + "\x00" + fmt.Sprint(o.record) })
	goldPairs := crossPairs(rep.occ, func(o occurrence) string { return o.gold })
	predPairs := crossPairs(rep.occ, func(o occurrence) string { return fmt.Sprint(o.record) })
	rep.Links = Score{TP: both, FP: predPairs - both, FN: goldPairs - both}
	rep.Links.finish()

	records := make(map[string]map[int64]string) // gold -> record -> name
	golds := make(map[int64]map[string]string)   // record -> gold -> name
	goldName := make(map[string]string)
	byGold := make(map[string][]occurrence)
	byRecord := make(map[int64][]occurrence)
	for _, o := range rep.occ {
		if goldName[o.gold] == "" {
			goldName[o.gold] = o.name
		}
		if records[o.gold] == nil {
			records[o.gold] = make(map[int64]string)
		}
		records[o.gold][o.record] = o.pname
		if golds[o.record] == nil {
			golds[o.record] = make(map[string]string)
		}
		golds[o.record][o.gold] = o.name
		byGold[o.gold] = append(byGold[o.gold], o)
		byRecord[o.record] = append(byRecord[o.record], o)
	}
	type listed struct {
		pairs int
		text  string
	}
	var splits, merged []listed
	for g, rs := range records {
		// The pairs of g's occurrences in two documents that no record
		// holds together: what splitting g costs.
		missed := crossPairs(byGold[g], nil) - crossPairs(byGold[g], func(o occurrence) string { return fmt.Sprint(o.record) })
		if len(rs) < 2 || missed == 0 {
			continue
		}
		var parts []string
		for id, n := range rs {
			parts = append(parts, fmt.Sprintf("%d %q", id, n))
		}
		sort.Strings(parts)
		splits = append(splits, listed{missed, fmt.Sprintf("%s: %d records, %s (%s)", goldName[g], len(rs), plural(missed, "pair"), strings.Join(parts, ", "))})
	}
	for id, gs := range golds {
		wrong := crossPairs(byRecord[id], nil) - crossPairs(byRecord[id], func(o occurrence) string { return o.gold })
		if len(gs) < 2 || wrong == 0 {
			continue
		}
		var parts []string
		for _, n := range gs {
			parts = append(parts, n)
		}
		sort.Strings(parts)
		merged = append(merged, listed{wrong, fmt.Sprintf("record %d holds %s, %s", id, strings.Join(parts, " + "), plural(wrong, "pair"))})
	}
	// Costliest first.
	for _, l := range []*[]listed{&splits, &merged} {
		sort.Slice(*l, func(i, j int) bool {
			if (*l)[i].pairs != (*l)[j].pairs {
				return (*l)[i].pairs > (*l)[j].pairs
			}
			return (*l)[i].text < (*l)[j].text
		})
	}
	for _, l := range splits {
		rep.Splits = append(rep.Splits, l.text)
	}
	for _, l := range merged {
		rep.Merged = append(rep.Merged, l.text)
	}
}

// crossPairs counts the pairs of occurrences in two different documents,
// among all of occs when key is nil, else within each value of key.
func crossPairs(occs []occurrence, key func(occurrence) string) int {
	all := make(map[string]int)
	same := make(map[string]int)
	for _, o := range occs {
		k := ""
		if key != nil {
			k = key(o)
		}
		all[k]++
		same[k+"\x00"+o.doc]++
	}
	n := 0
	for _, c := range all {
		n += c * (c - 1) / 2
	}
	for _, c := range same {
		n -= c * (c - 1) / 2
	}
	return n
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func score(m map[string]*Score, k string) *Score {
	s := m[k]
	if s == nil {
		s = &Score{}
		m[k] = s
	}
	return s
}

// names returns the normalised names of a predicted entity.
func names(e ExportEntity) []string {
	out := []string{extract.NormalizeName(e.Name)}
	for _, a := range e.Aliases {
		out = append(out, extract.NormalizeName(a))
	}
	return out
}

// goldIndex maps (type, normalised alias) to gold entity indexes.
func goldIndex(g GoldDoc) map[string][]int {
	idx := make(map[string][]int)
	for i, e := range g.Entities {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			k := e.Type + "\x00" + extract.NormalizeName(a)
			if n := idx[k]; len(n) == 0 || n[len(n)-1] != i {
				idx[k] = append(idx[k], i)
			}
		}
	}
	return idx
}

func (rep *Report) scoreEntities(g GoldDoc, p *ExportDoc) {
	idx := goldIndex(g)
	found := make([]bool, len(g.Entities))
	for _, e := range p.Entities {
		match := -1
		for _, n := range names(e) {
			for _, gi := range idx[e.Type+"\x00"+n] {
				if match < 0 || (found[match] && !found[gi]) || g.Entities[match].Optional && !g.Entities[gi].Optional {
					match = gi
				}
			}
		}
		switch {
		case match < 0:
			score(rep.Entities, e.Type).FP++
			rep.Errors = append(rep.Errors, Miss{p.Doc, "false positive", e.Type + " " + e.Name})
		case g.Entities[match].Optional:
		case found[match]:
			rep.Fragments++
			score(rep.Entities, e.Type).FP++
			rep.Errors = append(rep.Errors, Miss{p.Doc, "fragment", e.Type + " " + e.Name + " (of " + g.Entities[match].Name + ")"})
		default:
			found[match] = true
		}
		if match >= 0 && !g.Entities[match].Optional {
			ge := g.Entities[match]
			rep.occ = append(rep.occ, occurrence{doc: p.Doc, gold: ge.Type + "\x00" + extract.NormalizeName(ge.Name),
				name: ge.Name, record: e.ID, pname: e.Name})
		}
	}
	for i, e := range g.Entities {
		if e.Optional {
			continue
		}
		s := score(rep.Entities, e.Type)
		if found[i] {
			s.TP++
		} else {
			s.FN++
			rep.Errors = append(rep.Errors, Miss{g.Doc, "missed", e.Type + " " + e.Name})
		}
	}
}

func (rep *Report) scoreRelations(g GoldDoc, p *ExportDoc) {
	// Gold entity name -> its normalised aliases, for any type.
	aliasesOf := make(map[string]map[string]bool)
	for _, e := range g.Entities {
		set := make(map[string]bool)
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			set[extract.NormalizeName(a)] = true
		}
		aliasesOf[e.Name] = set
	}
	goldNames := func(name string) map[string]bool {
		if s, ok := aliasesOf[name]; ok {
			return s
		}
		return map[string]bool{extract.NormalizeName(name): true}
	}
	// Predicted canonical name -> all its names in this document.
	predNames := make(map[string][]string)
	for _, e := range p.Entities {
		predNames[e.Name] = append(predNames[e.Name], names(e)...)
	}
	refers := func(pred string, gold map[string]bool) bool {
		ns := predNames[pred]
		if ns == nil {
			ns = []string{extract.NormalizeName(pred)}
		}
		for _, n := range ns {
			if gold[n] {
				return true
			}
		}
		return false
	}
	matches := func(r ExportRelation, gr GoldRelation) bool {
		if r.Predicate != gr.Predicate || !refers(r.Subject, goldNames(gr.Subject)) {
			return false
		}
		for _, o := range gr.Object {
			if refers(r.Object, goldNames(o)) {
				return true
			}
		}
		return false
	}
	found := make([]bool, len(g.Relations))
	for _, r := range p.Relations {
		if r.Kind != extract.KindTyped {
			continue
		}
		match := -1
		for i, gr := range g.Relations {
			if matches(r, gr) && (match < 0 || found[match] && !found[i]) {
				match = i
			}
		}
		switch {
		case match < 0:
			score(rep.Relations, r.Predicate).FP++
			rep.Errors = append(rep.Errors, Miss{p.Doc, "false positive", r.Subject + " " + r.Predicate + " " + r.Object})
		case g.Relations[match].Optional, found[match]:
			// Optional, or a second statement of a relation already found.
		default:
			found[match] = true
		}
	}
	for i, gr := range g.Relations {
		if gr.Optional {
			continue
		}
		s := score(rep.Relations, gr.Predicate)
		if found[i] {
			s.TP++
		} else {
			s.FN++
			rep.Errors = append(rep.Errors, Miss{g.Doc, "missed", gr.Subject + " " + gr.Predicate + " " + strings.Join(gr.Object, " | ")})
		}
	}
}

// WriteText prints the report as tables; verbose adds every error.
func (rep *Report) WriteText(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "documents: %d", rep.Documents)
	if len(rep.Missing) > 0 {
		fmt.Fprintf(w, " (%d without a prediction: %s)", len(rep.Missing), strings.Join(rep.Missing, ", "))
	}
	fmt.Fprintln(w)
	writeTable(w, "entities", "type", rep.Entities, rep.EntityAll)
	fmt.Fprintf(w, "fragments: %d (extra records of an entity already found; counted as false positives)\n", rep.Fragments)
	if len(rep.Relations) > 0 {
		writeTable(w, "typed relations", "predicate", rep.Relations, rep.RelAll)
	} else {
		fmt.Fprintf(w, "\ntyped relations: the gold file states none, so none are scored\n")
	}
	l := rep.Links
	fmt.Fprintf(w, "\ncross-document links (pairs of one gold entity's occurrences in two documents)\n")
	fmt.Fprintf(w, "  precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d); %d entities split, %d records merged\n",
		l.Precision, l.Recall, l.F1, l.TP, l.FP, l.FN, len(rep.Splits), len(rep.Merged))
	if verbose {
		for _, s := range rep.Splits {
			fmt.Fprintf(w, "  split   %s\n", s)
		}
		for _, s := range rep.Merged {
			fmt.Fprintf(w, "  merged  %s\n", s)
		}
	}
	if !verbose {
		if len(rep.Errors) > 0 {
			fmt.Fprintf(w, "\n%d errors; --verbose lists them\n", len(rep.Errors))
		}
		return
	}
	errs := append([]Miss(nil), rep.Errors...)
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Doc != errs[j].Doc {
			return errs[i].Doc < errs[j].Doc
		}
		return errs[i].Kind < errs[j].Kind
	})
	fmt.Fprintln(w)
	for _, e := range errs {
		fmt.Fprintf(w, "%s\t%-14s\t%s\n", e.Doc, e.Kind, e.Item)
	}
}

func writeTable(w io.Writer, title, col string, by map[string]*Score, all Score) {
	fmt.Fprintf(w, "\n%s\n", title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tprecision\trecall\tF1\ttp\tfp\tfn\t\n", col)
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	row := func(k string, s Score) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", k, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
	}
	for _, k := range keys {
		row(k, *by[k])
	}
	row("overall", all)
	tw.Flush()
}
