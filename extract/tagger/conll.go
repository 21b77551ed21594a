package tagger

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// typeAliases maps the entity tag names of common corpora (lower-cased) to
// our types. Tags not listed here (MISC, dates, works of art, ...) are read
// as O.
var typeAliases = map[string]string{
	"per": Person, "person": Person, "persons": Person, "people": Person,
	"politician": Person, "scientist": Person, "musicalartist": Person,
	"writer": Person, "researcher": Person,
	"loc": Location, "location": Location, "gpe": Location, "place": Location,
	"country": Location, "city": Location,
	"org": Organization, "organization": Organization, "organisation": Organization,
	"politicalparty": Organization, "university": Organization, "band": Organization,
	"magazine": Organization, "company": Organization, "corporation": Organization,
}

// MapType returns our entity type for a corpus tag name ("PER",
// "Organisation", "politicalparty", ...), or "" if it is not one of ours.
func MapType(tag string) string {
	return typeAliases[strings.ToLower(tag)]
}

// ReadCoNLL reads sentences in one of these formats:
//
//   - "conll": one token per line, the token in the first column and its tag
//     in the last, separated by white space; blank lines between sentences;
//     a "-DOCSTART-" line starts a document (Example.DocStart of the next
//     sentence). Tags may be IOB1, IOB2 or BIOES/BILOU.
//   - "uner": Universal NER TSV: index, token, tag, ... per line, "#"
//     comment lines, blank lines between sentences.
//   - "conllu": CoNLL-U with GUM's "Entity=" mention annotation in the MISC
//     column; proper-name mentions of persons, places and organizations are
//     turned into spans (see conllu.go).
//
// Tag types are mapped to PERSON, LOCATION and ORGANIZATION (see MapType);
// other types become O. Spans without a letter or digit (such as a lone
// "@" of a Twitter handle) are dropped. The returned labels are BIO.
func ReadCoNLL(r io.Reader, format string) ([]Example, error) {
	switch format {
	case "conll":
		return readColumns(r, false)
	case "uner":
		return readColumns(r, true)
	case "conllu":
		return readCoNLLU(r)
	}
	return nil, fmt.Errorf("read conll: unknown format %q", format)
}

func readColumns(r io.Reader, uner bool) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var out []Example
	var words, tags []string
	docStart := false
	flush := func() {
		if len(words) > 0 {
			out = append(out, Example{Words: words, Labels: normaliseTags(words, tags), DocStart: docStart})
			docStart = false
		}
		words, tags = nil, nil
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r\n")
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		if uner {
			if strings.HasPrefix(text, "#") {
				continue
			}
			f := strings.Split(text, "\t")
			if len(f) < 3 {
				return nil, fmt.Errorf("read uner line %d: want at least 3 tab-separated columns", line)
			}
			if strings.ContainsAny(f[0], "-.") {
				continue // multiword token range or empty node
			}
			words = append(words, f[1])
			tags = append(tags, f[2])
			continue
		}
		var f []string
		if strings.Contains(text, "\t") {
			f = strings.Split(strings.TrimSpace(text), "\t")
		} else {
			f = strings.Fields(text)
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("read conll line %d: want a token and a tag", line)
		}
		if f[0] == "-DOCSTART-" {
			flush()
			docStart = true
			continue
		}
		words = append(words, strings.TrimSpace(f[0]))
		tags = append(tags, strings.TrimSpace(f[len(f)-1]))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	flush()
	return out, nil
}

// normaliseTags turns corpus tags (IOB1, IOB2, BIOES or BILOU, any type
// names) into BIO labels with our types.
func normaliseTags(words, tags []string) []string {
	out := make([]string, len(tags))
	prevType := ""
	prevOpen := false // the previous token's span may continue
	for i, t := range tags {
		pos, name := byte('O'), ""
		if len(t) > 2 && (t[1] == '-' || t[1] == '_') {
			pos, name = t[0], t[2:]
		} else if t != "O" && t != "" && t != "_" {
			pos, name = 'I', t // bare type: a token of that type
		}
		typ := MapType(name)
		if typ == "" {
			out[i] = "O"
			prevType, prevOpen = "", false
			continue
		}
		begin := true
		switch pos {
		case 'I', 'M', 'E', 'L':
			begin = !prevOpen || prevType != typ
		}
		if begin {
			out[i] = "B-" + typ
		} else {
			out[i] = "I-" + typ
		}
		prevType = typ
		prevOpen = pos == 'B' || pos == 'I' || pos == 'M'
	}
	return dropEmptySpans(words, out)
}

// dropEmptySpans sets to O every span that has no letter or digit.
func dropEmptySpans(words, labels []string) []string {
	for _, sp := range SpansFromBIO(labels) {
		ok := false
		for i := sp.Start; i < sp.End && !ok; i++ {
			ok = hasAlnum(words[i])
		}
		if !ok {
			for i := sp.Start; i < sp.End; i++ {
				labels[i] = "O"
			}
		}
	}
	return labels
}

func hasAlnum(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && isLetterOrDigit(r) {
			return true
		}
	}
	return false
}

// atoi parses a CoNLL-U token id; it returns -1 for anything else.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
