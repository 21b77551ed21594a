package view

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

// MaxGraphTop is the most entities the graph page draws, whatever its URL
// asks: the layout's work grows with the square of the number of nodes.
const MaxGraphTop = 2000

// Server is the web view of one database: an http.Handler with pages for
// the entity list (/), an entity (/entity/{id}), a document (/doc/{id}),
// the document list (/docs), the graph (/graph) and full-text search
// (/search). It only reads; open
// the database with store.OpenReadOnly so that a run can write meanwhile.
type Server struct {
	db   *store.DB
	mux  *http.ServeMux
	tmpl *template.Template
	// PageSize is how many rows a list page shows; NewServer sets 50.
	PageSize int
	// GraphTop is how many entities, the most mentioned, the graph page
	// draws unless its URL asks for another number; NewServer sets
	// DefaultTop.
	GraphTop int
	// ErrorLog receives errors of the database; nil for the log package's
	// standard logger.
	ErrorLog *log.Logger
}

// NewServer returns the web view of db.
func NewServer(db *store.DB) *Server {
	s := &Server{db: db, mux: http.NewServeMux(), tmpl: pageTemplates, PageSize: 50, GraphTop: DefaultTop}
	static, err := fs.Sub(files, "assets")
	if err != nil {
		panic(err) // the embed directive guarantees the folder
	}
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.entities)
	s.mux.HandleFunc("GET /entity/{id}", s.entity)
	s.mux.HandleFunc("GET /docs", s.documents)
	s.mux.HandleFunc("GET /doc/{id}", s.document)
	s.mux.HandleFunc("GET /graph", s.graph)
	s.mux.HandleFunc("GET /search", s.search)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed: the web view only reads", http.StatusMethodNotAllowed)
			return
		}
		s.notFound(w, r)
	})
	return s
}

// ServeHTTP serves the pages, with headers that keep a page from loading
// anything but its own embedded assets.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

var pageTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"typeClass": typeClass,
	"plural": func(n int, word string) string {
		if n != 1 && strings.HasSuffix(word, "y") {
			return strconv.Itoa(n) + " " + strings.TrimSuffix(word, "y") + "ies"
		}
		if n == 1 {
			return "1 " + word
		}
		return strconv.Itoa(n) + " " + word + "s"
	},
	"pct":       func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
	"nl2sp":     oneLine,
	"entityURL": entityURL,
	"add":       func(a, b int) int { return a + b },
	"docURL":    docURL,
}).ParseFS(files, "templates/layout.html", "templates/entities.html", "templates/entity.html",
	"templates/doc.html", "templates/docs.html", "templates/search.html", "templates/notfound.html"))

// page is the data every page template gets.
type page struct {
	Title string
	Nav   string // the navigation entry to mark as current
	Data  any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	var buf bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&buf, name, p); err != nil {
		s.fail(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

func (s *Server) logf(format string, args ...any) {
	if s.ErrorLog != nil {
		s.ErrorLog.Printf(format, args...)
		return
	}
	log.Printf(format, args...)
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if errors.Is(err, errNotFound) {
		s.notFound(w, r)
		return
	}
	s.logf("serve %s: %v", r.URL.Path, err)
	http.Error(w, "internal error: see the server's log", http.StatusInternalServerError)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusNotFound, "notfound.html", page{Title: "Not found", Data: r.URL.Path})
}

// pathID reads the numeric id of the URL; ok is false (and a 404 sent) for
// anything else.
func (s *Server) pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return 0, false
	}
	return id, true
}

// pageNumber reads ?page=, from 1; anything else is page 1.
func pageNumber(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// pager is the previous and next links of a paginated list.
type pager struct {
	Page, Pages int
	Prev, Next  string // URLs; "" when there is none
}

func newPager(r *http.Request, pageNo int, more bool, pages int) pager {
	p := pager{Page: pageNo, Pages: pages}
	link := func(n int) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(n))
		return r.URL.Path + "?" + q.Encode()
	}
	if pageNo > 1 {
		p.Prev = link(pageNo - 1)
	}
	if more {
		p.Next = link(pageNo + 1)
	}
	return p
}

type entitiesData struct {
	Query   string
	Type    string
	Types   []typeCount
	Items   []entityItem
	Total   int
	First   int
	Pager   pager
	Entries int
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	typ := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("type")))
	types, err := entityTypes(ctx, s.db.SQL())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pageNo := pageNumber(r)
	items, total, err := listEntities(ctx, s.db.SQL(), q, typ, (pageNo-1)*s.PageSize, s.PageSize)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pages := max(1, (total+s.PageSize-1)/s.PageSize)
	if pageNo > pages {
		s.notFound(w, r)
		return
	}
	d := entitiesData{Query: q, Type: typ, Types: types, Items: items, Total: total, First: (pageNo-1)*s.PageSize + 1,
		Pager: newPager(r, pageNo, pageNo < pages, pages)}
	s.render(w, r, http.StatusOK, "entities.html", page{Title: "Entities", Nav: "entities", Data: d})
}

type documentsData struct {
	Items []docItem
	Total int
	First int
	Pager pager
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) {
	pageNo := pageNumber(r)
	items, total, err := listDocuments(r.Context(), s.db.SQL(), (pageNo-1)*s.PageSize, s.PageSize)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pages := max(1, (total+s.PageSize-1)/s.PageSize)
	if pageNo > pages {
		s.notFound(w, r)
		return
	}
	d := documentsData{Items: items, Total: total, First: (pageNo-1)*s.PageSize + 1, Pager: newPager(r, pageNo, pageNo < pages, pages)}
	s.render(w, r, http.StatusOK, "docs.html", page{Title: "Documents", Nav: "docs", Data: d})
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	p, err := loadEntity(r.Context(), s.db.SQL(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "entity.html", page{Title: p.Name, Nav: "entities", Data: p})
}

// segment is a run of a document's text: plain, or a mention linked to its
// entity.
type segment struct {
	Text     string
	Mention  bool
	Type     string
	Class    string
	EntityID int64
	Entity   string
}

// sentenceView is a sentence cut into segments, with its index as anchor.
type sentenceView struct {
	Idx      int
	Segments []segment
}

type docView struct {
	docData
	Paragraphs [][]sentenceView
	Types      []string
}

// paragraphs rebuilds the text of a document from its sentences (the store
// keeps those, not the file): a gap of two bytes or more between sentences
// (a blank line, in practice) starts a new paragraph. Each mention becomes
// its own segment; a mention overlapping an earlier one is left as text.
func paragraphs(d docData) [][]sentenceView {
	var out [][]sentenceView
	var cur []sentenceView
	mi, prevEnd := 0, -1
	for _, s := range d.Sentences {
		if prevEnd >= 0 && s.Start-prevEnd >= 2 && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		prevEnd = s.End
		sv := sentenceView{Idx: s.Idx}
		pos := s.Start
		for mi < len(d.Mentions) && d.Mentions[mi].Start < s.End {
			m := d.Mentions[mi]
			mi++
			if m.Start < pos || m.End > s.End {
				continue // overlaps the previous mention or crosses the sentence's end
			}
			if m.Start > pos {
				sv.Segments = append(sv.Segments, segment{Text: s.Text[pos-s.Start : m.Start-s.Start]})
			}
			sv.Segments = append(sv.Segments, segment{Text: s.Text[m.Start-s.Start : m.End-s.Start], Mention: true,
				Type: m.Type, Class: typeClass(m.Type), EntityID: m.EntityID, Entity: m.Entity})
			pos = m.End
		}
		if pos < s.End {
			sv.Segments = append(sv.Segments, segment{Text: s.Text[pos-s.Start:]})
		}
		cur = append(cur, sv)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	d, err := loadDocument(r.Context(), s.db.SQL(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := docView{docData: d, Paragraphs: paragraphs(d)}
	for _, m := range d.Mentions {
		if !slices.Contains(v.Types, m.Type) {
			v.Types = append(v.Types, m.Type)
		}
	}
	slices.Sort(v.Types)
	s.render(w, r, http.StatusOK, "doc.html", page{Title: d.Path, Nav: "docs", Data: v})
}

type searchData struct {
	Query string
	Hits  []searchHit
	Error string
	First int
	Pager pager
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	d := searchData{Query: q}
	status := http.StatusOK
	if q != "" {
		pageNo := pageNumber(r)
		hits, more, err := searchSentences(r.Context(), s.db.SQL(), q, (pageNo-1)*s.PageSize, s.PageSize)
		if err != nil {
			if r.Context().Err() != nil {
				return
			}
			// Almost always a malformed query ("unbalanced, NEAR/x):
			// say so rather than fail.
			d.Error = err.Error()
			status = http.StatusBadRequest
		}
		d.Hits, d.First, d.Pager = hits, (pageNo-1)*s.PageSize+1, newPager(r, pageNo, more, 0)
	}
	s.render(w, r, status, "search.html", page{Title: "Search", Nav: "search", Data: d})
}

func (s *Server) graph(w http.ResponseWriter, r *http.Request) {
	f := store.GraphFilter{Top: s.GraphTop, Kinds: []string{extract.KindTyped, extract.KindCooccurrence}}
	qv := r.URL.Query()
	if n, err := strconv.Atoi(qv.Get("top")); err == nil && n > 0 {
		f.Top = min(n, MaxGraphTop)
	}
	if n, err := strconv.Atoi(qv.Get("min-docs")); err == nil && n > 0 {
		f.MinDocs = n
	}
	if k := qv.Get("kind"); k != "" {
		f.Kinds = nil
		for _, kind := range strings.Split(k, ",") {
			if slices.Contains([]string{extract.KindTyped, extract.KindOpen, extract.KindCooccurrence}, kind) {
				f.Kinds = append(f.Kinds, kind)
			}
		}
	}
	g, err := s.db.Graph(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := writeGraph(&buf, g, GraphOptions{Title: "Entity network", EntityURL: "/entity/%d"}, true); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	buf.WriteTo(w)
}

// entityURL and docURL are the pages' addresses, for templates.
func entityURL(id int64) string { return "/entity/" + strconv.FormatInt(id, 10) }

func docURL(id int64, sentence int) string {
	u := "/doc/" + strconv.FormatInt(id, 10)
	if sentence >= 0 {
		u += "#s" + strconv.Itoa(sentence)
	}
	return u
}

// oneLine replaces every run of white space in s by one space, keeping a
// space at either end if s has one there.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
