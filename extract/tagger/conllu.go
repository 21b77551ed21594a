package tagger

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// conlluToken is one word line of a CoNLL-U sentence.
type conlluToken struct {
	form, xpos string
	head       int // 1-based, 0 = root
	misc       string
}

// gumMention is one entity mention of a GUM sentence, tokens [start, end).
type gumMention struct {
	start, end int
	etype      string
}

// readCoNLLU reads CoNLL-U files with GUM's Entity= annotation and keeps the
// proper-name mentions of persons, places and organizations, following the
// recipe in the corpus notes: the mention's syntactic head must be a proper
// noun (NNP, or NNPS for places and organizations), the span is trimmed to
// the run of proper nouns around the head, person titles are dropped, and
// nested names that do not overlap their container are kept.
func readCoNLLU(r io.Reader) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var out []Example
	var toks []conlluToken
	line := 0
	flush := func() error {
		if len(toks) == 0 {
			return nil
		}
		ex, err := gumExample(toks)
		toks = nil
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, ex)
		return nil
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			if err := flush(); err != nil {
				return nil, fmt.Errorf("read conllu: %w", err)
			}
			continue
		}
		if strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("read conllu line %d: want 10 columns, have %d", line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue
		}
		toks = append(toks, conlluToken{form: f[1], xpos: f[4], head: atoi(f[6]), misc: f[9]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conllu: %w", err)
	}
	if err := flush(); err != nil {
		return nil, fmt.Errorf("read conllu: %w", err)
	}
	return out, nil
}

// gumMentions pairs the Entity= brackets of a sentence.
func gumMentions(toks []conlluToken) ([]gumMention, error) {
	type open struct {
		start int
		etype string
	}
	stacks := map[string][]open{}
	var ms []gumMention
	for i, t := range toks {
		ann := ""
		for _, kv := range strings.Split(t.misc, "|") {
			if v, ok := strings.CutPrefix(kv, "Entity="); ok {
				ann = v
			}
		}
		for len(ann) > 0 {
			if ann[0] == '(' {
				j := 1
				for j < len(ann) && ann[j] != '(' && ann[j] != ')' {
					j++
				}
				body := ann[1:j]
				parts := strings.SplitN(body, "-", 3)
				if len(parts) < 2 {
					return nil, fmt.Errorf("bad entity %q", body)
				}
				if j < len(ann) && ann[j] == ')' {
					ms = append(ms, gumMention{start: i, end: i + 1, etype: parts[1]})
					j++
				} else {
					stacks[parts[0]] = append(stacks[parts[0]], open{i, parts[1]})
				}
				ann = ann[j:]
				continue
			}
			j := strings.IndexByte(ann, ')')
			if j < 0 {
				return nil, fmt.Errorf("bad entity annotation %q", ann)
			}
			id := ann[:j]
			st := stacks[id]
			if len(st) == 0 {
				return nil, fmt.Errorf("entity %s closed but not open", id)
			}
			o := st[len(st)-1]
			stacks[id] = st[:len(st)-1]
			ms = append(ms, gumMention{start: o.start, end: i + 1, etype: o.etype})
			ann = ann[j+1:]
		}
	}
	return ms, nil
}

func gumExample(toks []conlluToken) (Example, error) {
	ex := Example{Words: make([]string, len(toks)), Labels: make([]string, len(toks))}
	for i, t := range toks {
		ex.Words[i] = t.form
		ex.Labels[i] = "O"
	}
	ms, err := gumMentions(toks)
	if err != nil {
		return ex, err
	}
	// Longer (outer) mentions first; their names win over nested ones.
	sort.SliceStable(ms, func(i, j int) bool {
		return ms[i].end-ms[i].start > ms[j].end-ms[j].start
	})
	taken := make([]bool, len(toks))
	for _, m := range ms {
		typ := map[string]string{"person": Person, "place": Location, "organization": Organization}[m.etype]
		if typ == "" {
			continue
		}
		start, end, ok := gumName(toks, m, typ)
		if !ok {
			continue
		}
		free := true
		for i := start; i < end; i++ {
			free = free && !taken[i]
		}
		if !free {
			continue
		}
		for i := start; i < end; i++ {
			taken[i] = true
			ex.Labels[i] = "I-" + typ
		}
		ex.Labels[start] = "B-" + typ
	}
	return ex, nil
}

// isNNP reports whether the token is tagged as a proper noun.
func isNNP(t conlluToken) bool { return t.xpos == "NNP" || t.xpos == "NNPS" }

// gumName trims a mention to its proper name; ok is false when the mention
// is not a name.
func gumName(toks []conlluToken, m gumMention, typ string) (start, end int, ok bool) {
	head := -1
	for i := m.start; i < m.end; i++ {
		h := toks[i].head - 1
		if h < m.start || h >= m.end {
			if head >= 0 {
				return 0, 0, false // more than one head
			}
			head = i
		}
	}
	if head < 0 {
		return 0, 0, false
	}
	switch toks[head].xpos {
	case "NNP":
	case "NNPS":
		if typ == Person {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	if typ == Person && IsPersonTitle(toks[head].form) {
		return 0, 0, false
	}
	connector := func(w string) bool {
		return w == "of" || w == "and" || w == "&" || w == "-" || w == "de" || w == "for" || w == "the"
	}
	inName := func(i int) bool {
		t := toks[i]
		if typ == Person && IsPersonTitle(t.form) {
			return false
		}
		return isNNP(t) || (t.xpos == "CD" && i > m.start && isNNP(toks[i-1]))
	}
	start, end = head, head+1
	for start > m.start {
		i := start - 1
		if inName(i) {
			start = i
			continue
		}
		if connector(toks[i].form) && i > m.start && inName(i-1) && toks[i].form != "the" {
			start = i - 1
			continue
		}
		break
	}
	for end < m.end {
		if inName(end) {
			end++
			continue
		}
		if connector(toks[end].form) && end+1 < m.end && inName(end+1) {
			end += 2
			continue
		}
		break
	}
	// Trailing possessive and punctuation never belong to the name.
	for end > start && !hasAlnum(toks[end-1].form) {
		end--
	}
	for start < end && !hasAlnum(toks[start].form) {
		start++
	}
	if start >= end {
		return 0, 0, false
	}
	return start, end, true
}

// personTitles are words that may precede a person's name but are not part
// of it.
var personTitles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady
	president vice-president governor gov gov. senator sen sen. rep rep. representative congressman congresswoman
	minister prime premier chancellor mayor king queen prince princess pope sheikh emperor empress
	general gen gen. colonel col col. lieutenant lt lt. major maj maj. captain capt capt.
	sergeant sgt sgt. commander admiral marshal brigadier private corporal
	spokesman spokeswoman spokesperson secretary ambassador envoy chairman chairwoman
	director chief ceo deputy judge justice attorney officer commissioner inspector detective
	reverend rev rev. father bishop archbishop cardinal imam rabbi saint st st. professor
	coach manager striker midfielder defender goalkeeper`) {
		personTitles[w] = true
	}
}

// IsPersonTitle reports whether w is a title or rank that precedes a name
// ("President", "Mr.", "Gen.") and is not part of it.
func IsPersonTitle(w string) bool {
	return personTitles[strings.ToLower(w)]
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
