package extract

import (
	"regexp"
	"strings"
)

// Metadata is what a document says about itself: its title, when it was
// published and where it comes from. Each field comes with where it was
// found (the *From fields): "front matter", "heading", "first line",
// "dated line", "top of text", "dateline", "source line", "publication
// line". A field the text does not give is empty; nothing is guessed from
// outside the text (a file's modification time is not a publication date).
type Metadata struct {
	Title         string
	TitleFrom     string
	Published     string // ISO 8601 date or date-time
	PublishedFrom string
	Source        string // an outlet or URL
	SourceFrom    string
}

// Where metadata was found.
const (
	FromFrontMatter = "front matter"
	FromHeading     = "heading"
	FromFirstLine   = "first line"
	FromDatedLine   = "dated line"
	FromTopOfText   = "top of text"
	FromDateline    = "dateline"
	FromSourceLine  = "source line"
	FromPublication = "publication line"
)

// metadataLines is how many non-empty lines from the top are searched for
// a date or a source line.
const metadataLines = 12

// maxTitle is the longest title kept, in bytes; a longer first line is cut
// at its first sentence or at a word.
const maxTitle = 200

var (
	// labelRe matches a labelled line: "Published: May 24, 2023",
	// "(Source: lenta.ua)".
	labelRe = regexp.MustCompile(`(?i)^\(?\s*(published|posted|updated|date|source|publication|publisher|via)\s*:\s*(.+?)\)?\s*$`)
	// nextLabelRe finds the next "Word:" label on a line that packs
	// several ("Publication: Eurasia Daily Monitor Volume: 20 Issue: 87").
	nextLabelRe = regexp.MustCompile(`\s+[A-Z][a-z]+:\s`)
	// datelineRe matches a news dateline: "BELGOROD, Russia (AP) —".
	datelineRe = regexp.MustCompile(`^([A-Z][A-Z.'’\- ]*[A-Z])(?:,\s*[A-Z][\w.'’ ]*?)*(?:,\s*([A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?))?\s*\(([A-Z][A-Za-z.& ]{0,30}[A-Za-z])\)\s*(?:—|–|--|-)`)
)

// frontMatterKeys are the front matter fields read, in order of
// preference, for each metadata field.
var frontMatterKeys = struct{ title, date, source []string }{
	title:  []string{"title", "headline"},
	date:   []string{"date", "published", "publishdate", "pubdate", "published_at", "datepublished"},
	source: []string{"source", "publisher", "publication", "outlet", "site", "url", "canonical_url", "canonical", "link"},
}

// documentMetadata reads a document's metadata from its view (the text,
// with Markdown's markup blanked) and, for Markdown, its parse (front
// matter and first heading; nil for plain text).
func documentMetadata(view string, md *markdownDoc) Metadata {
	var m Metadata
	if md != nil {
		fm := md.frontMatter
		if v := firstField(fm, frontMatterKeys.title); v != "" {
			m.Title, m.TitleFrom = v, FromFrontMatter
		}
		if v := firstField(fm, frontMatterKeys.date); v != "" {
			if d, ok := fullDate(v); ok {
				m.Published, m.PublishedFrom = strings.Replace(d, " ", "T", 1), FromFrontMatter
			}
		}
		if v := firstField(fm, frontMatterKeys.source); v != "" {
			m.Source, m.SourceFrom = v, FromFrontMatter
		}
		if m.Title == "" && md.heading != "" {
			m.Title, m.TitleFrom = clipTitle(md.heading), FromHeading
		}
	}
	lines := topLines(view, metadataLines)
	if m.Title == "" && len(lines) > 0 {
		m.Title, m.TitleFrom = clipTitle(lines[0]), FromFirstLine
	}
	for i, line := range lines {
		if g := labelRe.FindStringSubmatch(line); g != nil {
			label, value := strings.ToLower(g[1]), strings.TrimSpace(g[2])
			if loc := nextLabelRe.FindStringIndex(value); loc != nil {
				value = strings.TrimSpace(value[:loc[0]])
			}
			switch label {
			case "published", "posted", "updated", "date":
				if d, ok := fullDate(value); ok && m.Published == "" {
					m.Published, m.PublishedFrom = d, FromDatedLine
				}
			case "publication", "publisher":
				if m.Source == "" || m.SourceFrom == FromSourceLine {
					m.Source, m.SourceFrom = value, FromPublication
				}
			default:
				if m.Source == "" {
					m.Source, m.SourceFrom = value, FromSourceLine
				}
			}
			continue
		}
		if g := datelineRe.FindStringSubmatch(line); g != nil {
			if m.Source == "" {
				m.Source, m.SourceFrom = g[3], FromDateline
			}
			if d, ok := fullDate(g[2]); ok && m.Published == "" {
				m.Published, m.PublishedFrom = d, FromDateline
			}
		}
		// A full date alone near the top ("May 24, 2023", "24 May 2023
		// 10:15") is the document's own date; only the first three lines
		// count, so a date later on is what the story is about.
		if i < 3 && m.Published == "" && len(line) < 80 {
			if d, ok := fullDate(line); ok {
				m.Published, m.PublishedFrom = d, FromTopOfText
			}
		}
	}
	return m
}

func firstField(fm map[string]string, keys []string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(fm[k]); v != "" {
			return v
		}
	}
	return ""
}

// topLines returns the first n non-empty lines of s, trimmed, with runs of
// white space folded.
func topLines(s string, n int) []string {
	var out []string
	for len(out) < n && s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		if t := strings.Join(strings.Fields(strings.TrimPrefix(line, "\uFEFF")), " "); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// clipTitle keeps a title to maxTitle bytes: a longer line is cut after its
// first sentence if that fits, else at a word, marked with an ellipsis.
func clipTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= maxTitle {
		return s
	}
	if i := strings.Index(s, ". "); i > 0 && i < maxTitle {
		return s[:i+1]
	}
	cut := strings.LastIndexByte(s[:maxTitle], ' ')
	if cut <= 0 {
		cut = maxTitle
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return s[:cut] + "…"
}
