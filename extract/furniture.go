package extract

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

//go:embed furniture.txt
var furnitureFile string

// furnitureCues are the cues of furniture.txt, read once.
var furnitureCues = mustParseCues(furnitureFile)

// furnitureCue is one line of furniture.txt.
type furnitureCue struct {
	how  string // starts, contains, ends, regexp
	text string
	re   *regexp.Regexp
}

func mustParseCues(src string) []furnitureCue {
	cues, err := parseCues(src)
	if err != nil {
		panic(err) // the embedded file is part of the program; a test reads it
	}
	return cues
}

// parseCues reads a cue list in the format of furniture.txt.
func parseCues(src string) ([]furnitureCue, error) {
	var cues []furnitureCue
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		how, text, ok := strings.Cut(line, " ")
		text = strings.TrimSpace(text)
		if !ok || text == "" {
			return nil, fmt.Errorf("furniture cues line %d: want HOW TEXT", n+1)
		}
		c := furnitureCue{how: how, text: text}
		switch how {
		case "starts", "contains", "ends":
			c.text = strings.ToLower(text)
		case "regexp":
			re, err := regexp.Compile(text)
			if err != nil {
				return nil, fmt.Errorf("furniture cues line %d: %w", n+1, err)
			}
			c.re = re
		default:
			return nil, fmt.Errorf("furniture cues line %d: unknown kind %q (want starts, contains, ends or regexp)", n+1, how)
		}
		cues = append(cues, c)
	}
	return cues, nil
}

// isFurniture reports whether a line of text is page furniture by cues.
func isFurniture(line string, cues []furnitureCue) bool {
	lower := strings.ToLower(strings.TrimSpace(line))
	head := strings.TrimLeftFunc(lower, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-–—*•>\"'“‘", r)
	})
	tail := strings.TrimRightFunc(lower, func(r rune) bool { return unicode.IsSpace(r) || r == '.' || r == ':' })
	for _, c := range cues {
		switch c.how {
		case "starts":
			if strings.HasPrefix(head, c.text) {
				return true
			}
		case "contains":
			if strings.Contains(lower, c.text) {
				return true
			}
		case "ends":
			if strings.HasSuffix(tail, c.text) {
				return true
			}
		case "regexp":
			if c.re.MatchString(line) {
				return true
			}
		}
	}
	return false
}

// markFurniture flags the sentences that lie on a furniture line of view.
func markFurniture(view string, sents []Sentence) {
	lineStart := 0
	si := 0
	for lineStart <= len(view) && si < len(sents) {
		end := strings.IndexByte(view[lineStart:], '\n')
		if end < 0 {
			end = len(view)
		} else {
			end += lineStart
		}
		furniture := isFurniture(view[lineStart:end], furnitureCues)
		for si < len(sents) && sents[si].Start < end {
			if furniture && sents[si].Start >= lineStart {
				sents[si].Furniture = true
			}
			si++
		}
		lineStart = end + 1
	}
}
