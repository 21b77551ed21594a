package extract

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// markdownParser parses CommonMark with GitHub's tables, strikethrough and
// bare-URL links. It is safe for concurrent use: goldmark's parser keeps
// no state between Parse calls.
var markdownParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify)).Parser()

// markdownDoc is what reading a Markdown file as Markdown gives.
type markdownDoc struct {
	// view has the length of the file; its bytes are the file's where the
	// file has text and spaces where it has markup (front matter, heading
	// marks, emphasis, link brackets and URLs, images, HTML, code), with
	// every line break kept. Offsets into view are offsets into the file.
	view        string
	frontMatter map[string]string // lower-cased keys
	heading     string            // the text of the first heading, if any
}

// MarkdownText returns the text of a Markdown document with its markup
// blanked: a string of the same length whose bytes equal src's where src
// has text (paragraphs, headings, list items, table cells, link text) and
// are spaces where it has markup (front matter, "#" marks, emphasis
// delimiters, link brackets and URLs, images, HTML tags, code spans and
// code blocks). Line breaks are kept, so the text keeps its lines and
// paragraphs, and every offset into the result is an offset into src.
func MarkdownText(src string) string {
	return parseMarkdown(src).view
}

func parseMarkdown(src string) markdownDoc {
	view := []byte(src)
	for i, c := range view {
		if c != '\n' && c != '\r' {
			view[i] = ' '
		}
	}
	body := []byte(src)
	fm, fmEnd := frontMatter(src)
	for i := 0; i < fmEnd; i++ {
		if body[i] != '\n' && body[i] != '\r' {
			body[i] = ' '
		}
	}
	doc := markdownDoc{frontMatter: fm}
	root := markdownParser.Parse(text.NewReader(body))
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			copy(view[n.Segment.Start:n.Segment.Stop], body[n.Segment.Start:n.Segment.Stop])
		case *ast.CodeSpan, *ast.Image, *ast.RawHTML, *ast.AutoLink, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// A backslash escape ("\*") is markup; the character it escapes is text.
	for i := 0; i+1 < len(view); i++ {
		if view[i] == '\\' && isASCIIPunct(view[i+1]) {
			view[i] = ' '
			i++
		}
	}
	doc.view = string(view)
	doc.heading = headingText(root, doc.view)
	return doc
}

// headingText returns the view's text of the first heading in root.
func headingText(root ast.Node, view string) string {
	var out string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			lines := h.Lines()
			var parts []string
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				parts = append(parts, view[seg.Start:seg.Stop])
			}
			out = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// frontMatter reads a YAML ("---") or TOML ("+++") block at the very start
// of src (after an optional byte order mark): its simple "key: value" (or
// key = value) lines, keys lower-cased, quotes removed. It returns the
// fields and where the block ends (0 when there is none).
func frontMatter(src string) (map[string]string, int) {
	start := 0
	if strings.HasPrefix(src, "\uFEFF") {
		start = len("\uFEFF")
	}
	var fence string
	switch {
	case strings.HasPrefix(src[start:], "---"):
		fence = "---"
	case strings.HasPrefix(src[start:], "+++"):
		fence = "+++"
	default:
		return nil, 0
	}
	first, rest, ok := strings.Cut(src[start:], "\n")
	if !ok || strings.TrimSpace(first) != fence {
		return nil, 0
	}
	pos := start + len(first) + 1
	fields := make(map[string]string)
	for len(rest) > 0 {
		line, next, _ := strings.Cut(rest, "\n")
		end := pos + len(line)
		if next != "" || strings.HasSuffix(rest, "\n") {
			end++
		}
		t := strings.TrimSpace(line)
		if t == fence || (fence == "---" && t == "...") {
			return fields, end
		}
		sep := ":"
		if fence == "+++" {
			sep = "="
		}
		if k, v, ok := strings.Cut(line, sep); ok && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t") {
			k = strings.ToLower(strings.TrimSpace(k))
			v = strings.TrimSpace(v)
			if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
				v = v[1 : len(v)-1]
			}
			if _, seen := fields[k]; !seen && k != "" {
				fields[k] = v
			}
		}
		pos = end
		rest = next
	}
	return nil, 0 // no closing fence: not front matter
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
