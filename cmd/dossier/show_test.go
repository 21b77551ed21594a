package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

func TestShowTimelineSearch(t *testing.T) {
	db := seededDB(t)
	// The id of Gladkov's record, from show --json.
	code, out, errs := cli(t, "show", "Vyacheslav Gladkov", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("show --json: exit %d: %s", code, errs)
	}
	var p struct {
		ID        int64
		Name      string
		Aliases   []struct{ Alias string }
		Documents []struct{ Title string }
		Relations []struct{ Predicate, Object, Evidence string }
		Mentions  []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	if p.Name != "Vyacheslav Gladkov" || len(p.Aliases) < 2 || len(p.Documents) == 0 || p.Documents[0].Title == "" || len(p.Mentions) == 0 {
		t.Errorf("profile lacks name, aliases, titled documents or mentions: %+v", p)
	}
	leads := false
	for _, r := range p.Relations {
		leads = leads || r.Predicate == "leads" && r.Object == "Belgorod Oblast" && r.Evidence != ""
	}
	if !leads {
		t.Errorf("profile lacks 'leads Belgorod Oblast' with evidence: %+v", p.Relations)
	}
	id := jsonInt(p.ID)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"show", "Vyacheslav Gladkov", "--color", "never"}, []string{"Vyacheslav Gladkov  (PERSON, id " + id, "aliases", "leads Belgorod Oblast", "mentions in context", "[Gladkov]"}},
		{[]string{"show", id, "--color", "never"}, []string{"Vyacheslav Gladkov  (PERSON, id " + id, "leads Belgorod Oblast"}},
		{[]string{"relations", "--entity", id}, []string{"Vyacheslav Gladkov", "leads", "Belgorod Oblast"}},
		{[]string{"entities", "--name", id}, []string{"Vyacheslav Gladkov"}},
		{[]string{"timeline", "--entity", "Gladkov"}, []string{"--05-23", "Gladkov acknowledged"}},
		{[]string{"timeline", "--limit", "0"}, []string{"2023-05-24", "stated", "year in text", "2022-02"}},
		{[]string{"search", "--entity", id}, []string{"[Vyacheslav Gladkov]", "[Gladkov]"}},
		{[]string{"search", "evacuation", "--entity", "Gladkov"}, []string{"[evacuation]"}},
		{[]string{"documents"}, []string{"Eurasia Daily Monitor", "New raid of Russian troops"}},
		{[]string{"stats"}, []string{"5 titled", "furniture sentences"}},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errs := cli(t, append(tc.args, "--db", db)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
	// A limit says how many rows it left out.
	if _, _, errs := cli(t, "entities", "--limit", "2", "--db", db); !strings.Contains(errs, "more (") {
		t.Errorf("entities --limit 2: no closing line on stderr: %q", errs)
	}
}

func jsonInt(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestArgumentErrors(t *testing.T) {
	db := seededDB(t)
	tests := []struct {
		args []string
		want []string // substrings of stderr
	}{
		{[]string{"entities", "--type", "PEOPLE"}, []string{`unknown type "PEOPLE"`, "PERSON", "LOCATION", "ORGANIZATION", "usage: dossier entities"}},
		{[]string{"relations", "--kind", "typo"}, []string{`unknown kind "typo"`, "typed, open, cooccurrence"}},
		{[]string{"relations", "--predicate", "leeds"}, []string{`unknown predicate "leeds"`, "leads"}},
		{[]string{"relations", "--limit", "-1"}, []string{"--limit must be"}},
		{[]string{"relations", "--min-docs", "-2"}, []string{"--min-docs must be"}},
		{[]string{"run", "x", "--workers", "-3"}, []string{"--workers -3: give a number", "usage: dossier run FOLDER"}},
		{[]string{"show"}, []string{"accepts 1 arg", "usage: dossier show NAME|ID", "--help"}},
		{[]string{"show", "Nobody Atall"}, []string{"no entity matches"}},
		{[]string{"search"}, []string{"give a QUERY", "usage: dossier search"}},
		{[]string{"timeline", "--from", "yesterday"}, []string{`--from "yesterday" is not a date`, "usage: dossier timeline"}},
		{[]string{"timeline", "--limit", "x"}, []string{"invalid argument", "usage: dossier timeline"}},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, errs := cli(t, append(tc.args, "--db", db)...)
			if code == 0 {
				t.Fatalf("exit 0, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := cli(t, "--version")
	if code != 0 || !strings.Contains(out, "dossier ") || !strings.Contains(out, "extractor "+extract.Version+" ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// TestMarkdownDocument runs a Markdown article with front matter, links and
// emphasis and checks its metadata and mentions as stored.
func TestMarkdownDocument(t *testing.T) {
	dir := t.TempDir()
	src := "---\ntitle: Raid on Belgorod\ndate: 2023-05-24\n---\n\n# Fighting near the border\n\n" +
		"The governor of Belgorod Oblast, [Vyacheslav Gladkov](https://t.me/vvgladkov), said on Wednesday that shelling went on.\n\n" +
		"The *Russian Volunteer Corps* and the **Freedom of Russia Legion** announced that they had crossed the border.\n"
	if err := os.WriteFile(filepath.Join(dir, "raid.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "md.db")
	if code, out, errs := cli(t, "run", dir, "--db", db, "--quiet"); code != 0 {
		t.Fatalf("run: exit %d\n%s%s", code, out, errs)
	}
	sdb, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var title, published, from string
	if err := sdb.QueryRow(`SELECT title, published, published_from FROM documents`).Scan(&title, &published, &from); err != nil {
		t.Fatal(err)
	}
	if title != "Raid on Belgorod" || published != "2023-05-24" || from != "front matter" {
		t.Errorf("metadata: title %q, published %q from %q", title, published, from)
	}
	rows, err := sdb.Query(`SELECT start, end, text FROM mentions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	found := map[string]bool{}
	for rows.Next() {
		var s, e int
		var text string
		if err := rows.Scan(&s, &e, &text); err != nil {
			t.Fatal(err)
		}
		if src[s:e] != text {
			t.Errorf("mention %q at [%d,%d) is %q in the file", text, s, e, src[s:e])
		}
		found[text] = true
	}
	for _, w := range []string{"Vyacheslav Gladkov", "Russian Volunteer Corps"} {
		if !found[w] {
			t.Errorf("no mention %q; got %v", w, found)
		}
	}
	var wednesday string
	if err := sdb.QueryRow(`SELECT date FROM timeline WHERE date_text = 'Wednesday'`).Scan(&wednesday); err != nil || wednesday != "2023-05-24" {
		t.Errorf("Wednesday resolved to %q (%v), want 2023-05-24", wednesday, err)
	}
}

// TestStatsFreePages: a file whose pages are a fifth or more free says how
// to give them back, with the path quoted for the shell.
func TestStatsFreePages(t *testing.T) {
	for _, tc := range []struct {
		path       string
		size, free int64
		want       string
	}{
		{"x.db", 1000, 300, "`sqlite3 x.db vacuum`"},
		{"my dossier's.db", 1000, 300, `sqlite3 'my dossier'\''s.db' vacuum`},
		{"x.db", 1000, 100, ""},
	} {
		var b strings.Builder
		writeStats(&b, tc.path, store.Stats{FileSize: tc.size, FreeBytes: tc.free}, nil)
		if got := strings.Contains(b.String(), "vacuum"); got != (tc.want != "") || !strings.Contains(b.String(), tc.want) {
			t.Errorf("%s with %d of %d bytes free:\n%s\nwant %q", tc.path, tc.free, tc.size, b.String(), tc.want)
		}
	}
}
