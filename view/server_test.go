package view

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, method, url string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, url, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

func TestPages(t *testing.T) {
	db, ids := testDB(t)
	srv := NewServer(db)
	gladkov := ids["Vyacheslav Gladkov"]
	if gladkov == 0 {
		t.Fatalf("no entity Vyacheslav Gladkov in %v", ids)
	}
	script := ids["a/script.txt"]
	tests := []struct {
		name    string
		method  string
		url     string
		status  int
		want    []string
		notWant []string
	}{
		{"entity list", "GET", "/", 200, []string{"Vyacheslav Gladkov", "Belgorod Oblast", "Shebekino", "Kremlin", "5 entities"}, nil},
		{"type filter", "GET", "/?type=ORGANIZATION", 200, []string{"Kremlin", "RDK", "2 entities"}, []string{">Shebekino<"}},
		{"name search", "GET", "/?q=glad", 200, []string{"Vyacheslav Gladkov", "1 entity"}, []string{">Kremlin<"}},
		{"search is escaped", "GET", "/?q=%3Cb%3E", 200, []string{"&lt;b&gt;", "No entity matches"}, []string{"<b>"}},
		{"entity page", "GET", fmt.Sprintf("/entity/%d", gladkov), 200,
			[]string{"<h1>Vyacheslav Gladkov", "Mentions in context", "<mark>Gladkov</mark>", "leads", "Belgorod Oblast",
				fmt.Sprintf(`href="/doc/%d#s`, script), "Most co-mentioned", "&lt;script&gt;"},
			[]string{"<script>document.title"}},
		{"document page", "GET", fmt.Sprintf("/doc/%d", script), 200,
			[]string{fmt.Sprintf(`<a class="ent t-PERSON" href="/entity/%d" title="Vyacheslav Gladkov">Gladkov<span class="lbl">PERSON</span></a>`, gladkov),
				`&lt;script&gt;document.title=&#39;pwned&#39;;alert(1)&lt;/script&gt;`, `id="s1"`, "leads"},
			[]string{"<script>document.title", "<script"}},
		{"graph page", "GET", "/graph", 200, []string{`<svg id="graph"`, `id="graph-data"`, "Vyacheslav Gladkov", `"url":"/entity/`}, nil},
		{"graph page with filters", "GET", "/graph?top=2&kind=typed&min-docs=1", 200, []string{`<span id="shown-nodes">2</span>`}, nil},
		{"sentence search", "GET", "/search?q=checkpoint", 200, []string{"<mark>checkpoint</mark>", fmt.Sprintf(`href="/doc/%d#s0"`, ids["b/checkpoint.txt"])}, nil},
		{"sentence search escapes", "GET", "/search?q=script", 200, []string{"&lt;<mark>script</mark>&gt;"}, []string{"<script>document"}},
		{"no sentence", "GET", "/search?q=zeppelin", 200, []string{"No sentence matches"}, nil},
		{"bad query", "GET", "/search?q=%22unbalanced", 400, []string{"could not be run"}, nil},
		{"document list", "GET", "/docs", 200, []string{"3 documents", fmt.Sprintf(`href="/doc/%d"`, script), "a/script.txt"}, nil},
		{"document list past the end", "GET", "/docs?page=2", 404, nil, nil},
		{"stylesheet", "GET", "/static/style.css", 200, []string{".t-PERSON"}, nil},
		{"entity id not a number", "GET", "/entity/abc", 404, []string{"Not found"}, nil},
		{"entity id zero", "GET", "/entity/0", 404, nil, nil},
		{"entity id unknown", "GET", "/entity/99999", 404, nil, nil},
		{"document id unknown", "GET", "/doc/99999", 404, nil, nil},
		{"document id negative", "GET", "/doc/-1", 404, nil, nil},
		{"unknown page", "GET", "/wp-admin", 404, nil, nil},
		{"unknown page is escaped", "GET", "/%3Cscript%3Ex", 404, []string{"&lt;script&gt;x"}, []string{"<script>x"}},
		{"page past the end", "GET", "/?page=9", 404, nil, nil},
		{"not a GET", "POST", "/", 405, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, body := get(t, srv, tc.method, tc.url)
			if code != tc.status {
				t.Fatalf("status %d, want %d\n%s", code, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(body, w) {
					t.Errorf("page contains %q", w)
				}
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	db, _ := testDB(t)
	rec := httptest.NewRecorder()
	NewServer(db).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	for k, want := range map[string]string{
		"Content-Type":           "text/html; charset=utf-8",
		"X-Content-Type-Options": "nosniff",
	} {
		if got := rec.Header().Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
}

var rowRe = regexp.MustCompile(`<tr><td class="num dim">(\d+)</td><td><a href="/entity/\d+">([^<]+)</a>`)

func TestPagination(t *testing.T) {
	db, _ := testDB(t)
	srv := NewServer(db)
	srv.PageSize = 2
	tests := []struct {
		url        string
		first      string
		rows       int
		prev, next bool
	}{
		{"/", "1", 2, false, true},
		{"/?page=2", "3", 2, true, true},
		{"/?page=3", "5", 1, true, false},
		{"/?page=nonsense", "1", 2, false, true},
		{"/?q=o&page=2", "3", 1, true, false},
		{"/?type=ORGANIZATION", "1", 2, false, false},
	}
	seen := make(map[string]bool)
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			code, body := get(t, srv, "GET", tc.url)
			if code != 200 {
				t.Fatalf("status %d", code)
			}
			rows := rowRe.FindAllStringSubmatch(body, -1)
			if len(rows) != tc.rows || rows[0][1] != tc.first {
				t.Fatalf("rows %v, want %d from #%s", rows, tc.rows, tc.first)
			}
			if !strings.Contains(tc.url, "=o") && !strings.Contains(tc.url, "type") {
				for _, r := range rows {
					if seen[r[2]] && !strings.Contains(tc.url, "nonsense") {
						t.Errorf("%s on two pages", r[2])
					}
					seen[r[2]] = true
				}
			}
			if got := strings.Contains(body, `rel="prev"`); got != tc.prev {
				t.Errorf("previous link: %v, want %v", got, tc.prev)
			}
			if got := strings.Contains(body, `rel="next"`); got != tc.next {
				t.Errorf("next link: %v, want %v", got, tc.next)
			}
			if strings.Contains(tc.url, "q=o") && !strings.Contains(body, `href="/?page=1&amp;q=o"`) {
				t.Errorf("previous link loses the name filter")
			}
		})
	}
	if len(seen) != 5 {
		t.Errorf("pages show %d different entities, want 5", len(seen))
	}
}

func TestParagraphs(t *testing.T) {
	d := docData{
		Sentences: []sentenceRow{{Idx: 0, Start: 0, End: 11, Text: "Gladkov met"}, {Idx: 1, Start: 12, End: 20, Text: "the RDK."},
			{Idx: 2, Start: 22, End: 31, Text: "New para."}},
		Mentions: []mentionRow{
			{Start: 0, End: 7, Type: "PERSON", EntityID: 1, Entity: "Vyacheslav Gladkov"},
			{Start: 3, End: 9, Type: "PERSON", EntityID: 9}, // overlaps the first: left as text
			{Start: 16, End: 19, Type: "ORGANIZATION", EntityID: 2, Entity: "RDK"},
		},
	}
	ps := paragraphs(d)
	if len(ps) != 2 || len(ps[0]) != 2 || len(ps[1]) != 1 {
		t.Fatalf("paragraphs = %+v", ps)
	}
	var got []string
	for _, p := range ps {
		for _, s := range p {
			for _, seg := range s.Segments {
				if seg.Mention {
					got = append(got, fmt.Sprintf("[%s|%d]", seg.Text, seg.EntityID))
				} else {
					got = append(got, seg.Text)
				}
			}
		}
	}
	want := "[Gladkov|1]| met|the |[RDK|2]|.|New para."
	if strings.Join(got, "|") != want {
		t.Errorf("segments = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestSplitSnippet(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"plain", "plain"},
		{"a \x02b\x03 c", "a |[b]| c"},
		{"\x02x\x03\x02y\x03", "[x]|[y]"},
		{"open \x02end", "open |[end]"},
	}
	for _, tc := range tests {
		var got []string
		for _, p := range splitSnippet(tc.in) {
			if p.Match {
				got = append(got, "["+p.Text+"]")
			} else {
				got = append(got, p.Text)
			}
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("splitSnippet(%q) = %q, want %q", tc.in, strings.Join(got, "|"), tc.want)
		}
	}
}
