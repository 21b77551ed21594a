package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// SourceList marks mentions found by a user's entity list.
const SourceList = "list"

// EntityList is a user's list of names with their types, which may be types
// of their own ("WEAPON", "UNIT"). Its names are tagged wherever they occur,
// in addition to what the model finds; where a listed name overlaps a
// mention of the model, the list wins.
type EntityList struct {
	byFirst map[string][]listEntry // lower-cased first word -> entries, longest first
	hash    string
	n       int
}

type listEntry struct {
	words []string // lower-cased
	typ   string
}

// ParseEntityList reads an entity list: one "TYPE name" a line, the type a
// word of capital letters, digits and underscores; "#" starts a comment.
//
//	WEAPON   HIMARS
//	UNIT     72nd Mechanized Brigade
//	PERSON   Fighterbomber
func ParseEntityList(r io.Reader) (*EntityList, error) {
	l := &EntityList{byFirst: make(map[string][]listEntry)}
	h := sha256.New()
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 || !isTypeName(f[0]) {
			return nil, fmt.Errorf("line %d: want \"TYPE name\" with TYPE in capitals, such as \"WEAPON HIMARS\"", n)
		}
		words := make([]string, 0, len(f)-1)
		for _, w := range f[1:] {
			words = append(words, strings.ToLower(w))
		}
		l.byFirst[words[0]] = append(l.byFirst[words[0]], listEntry{words: words, typ: f[0]})
		l.n++
		fmt.Fprintf(h, "%s\t%s\n", f[0], strings.Join(words, " "))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, es := range l.byFirst {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
	}
	l.hash = hex.EncodeToString(h.Sum(nil))[:8]
	return l, nil
}

func isTypeName(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '_' {
			return false
		}
	}
	return s != ""
}

// Len is the number of names in the list.
func (l *EntityList) Len() int { return l.n }

// tag adds the list's names found in toks to ms, removing the mentions they
// overlap. Tokens match case-insensitively.
func (l *EntityList) tag(text string, toks []Token, sents []Sentence, ms []Mention) []Mention {
	var found []Mention
	for t := 0; t < len(toks); t++ {
		for _, e := range l.byFirst[strings.ToLower(toks[t].Text)] {
			end := t + len(e.words)
			if end > len(toks) || !sameWordsFold(toks[t:end], e.words) {
				continue
			}
			start, stop := toks[t].Start, toks[end-1].End
			found = append(found, Mention{Start: start, End: stop, Text: text[start:stop], Type: e.typ,
				Sentence: sentenceOf(sents, start), Source: SourceList, Confidence: 1})
			t = end - 1
			break
		}
	}
	if len(found) == 0 {
		return ms
	}
	overlaps := coverage(found)
	out := ms[:0]
	for _, m := range ms {
		if !overlaps(m.Start, m.End) {
			out = append(out, m)
		}
	}
	out = append(out, found...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func sameWordsFold(toks []Token, words []string) bool {
	for i, w := range words {
		if strings.ToLower(toks[i].Text) != w {
			return false
		}
	}
	return true
}
