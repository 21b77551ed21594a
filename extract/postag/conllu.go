package postag

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence's tokens and their part-of-speech tags, of
// equal length.
type Sentence struct {
	Words, Tags []string
}

// ReadCoNLLU reads sentences from CoNLL-U text: the word form (column 2)
// and the language-specific tag XPOS (column 5) of every token line.
// Multiword-token ranges ("3-4") and empty nodes ("12.1") are skipped,
// comment lines ignored and a blank line ends a sentence. Tags are mapped to
// prose's conventions as the package documentation describes.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for {
		s, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read conllu: %w", err)
		}
		if s == "" && err != nil {
			break
		}
		line++
		s = strings.TrimRight(s, "\r\n")
		switch {
		case strings.TrimSpace(s) == "":
			flush()
		case s[0] == '#':
		default:
			cols := strings.SplitN(s, "\t", 6)
			if len(cols) < 5 {
				return nil, fmt.Errorf("read conllu: line %d: %d columns, want at least 5", line, len(cols))
			}
			if strings.ContainsAny(cols[0], "-.") {
				continue
			}
			cur.Words = append(cur.Words, cols[1])
			cur.Tags = append(cur.Tags, normalizeTag(cols[1], cols[4]))
		}
		if err != nil {
			break
		}
	}
	flush()
	return out, nil
}

// normalizeTag maps a GUM/UD XPOS tag of word to prose's convention (see
// the package documentation).
func normalizeTag(word, tag string) string {
	if word == "-" {
		return "-"
	}
	if tag == "IN" && (word == "to" || word == "To" || word == "TO") {
		return "TO" // Penn Treebank and prose tag every "to" TO
	}
	switch tag {
	case "-LRB-":
		return "("
	case "-RRB-":
		return ")"
	case "HYPH":
		return ":"
	case "NFP":
		return "SYM"
	case "ADD":
		return "NN"
	case "AFX":
		return "JJ"
	case "GW", "XX":
		return "FW"
	case "VERB":
		return "VBG"
	}
	return tag
}
