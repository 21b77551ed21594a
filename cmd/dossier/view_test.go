package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/store"
)

func TestExportCSVMentionsSliceByCodePoint(t *testing.T) {
	db := seededDB(t)
	code, out, errs := cli(t, "export", "--format", "csv", "--table", "mentions", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := make(map[string]int)
	for i, h := range recs[0] {
		col[h] = i
	}
	files := make(map[string][]rune)
	nonASCII := 0
	for _, r := range recs[1:] {
		doc := r[col["doc"]]
		if files[doc] == nil {
			b, err := os.ReadFile(filepath.Join(seedsDir(t), doc))
			if err != nil {
				t.Fatal(err)
			}
			files[doc] = []rune(string(b))
		}
		cs, _ := strconv.Atoi(r[col["cstart"]])
		ce, _ := strconv.Atoi(r[col["cend"]])
		bs, _ := strconv.Atoi(r[col["start"]])
		if got := string(files[doc][cs:ce]); got != r[col["text"]] {
			t.Errorf("%s: %q at code points [%d,%d) slices to %q", doc, r[col["text"]], cs, ce, got)
		}
		if cs != bs {
			nonASCII++
		}
	}
	if len(recs) < 100 || nonASCII == 0 {
		t.Errorf("%d mentions, %d after a multi-byte character: the seeds should give many of both", len(recs)-1, nonASCII)
	}
}

func TestExportGraphML(t *testing.T) {
	db := seededDB(t)
	var doc struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
		Edges []struct {
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"graph>edge"`
	}
	code, out, errs := cli(t, "export", "--format", "graphml", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	sdb, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var entities, typed int
	if err := sdb.QueryRow(`SELECT (SELECT count(*) FROM entities),
		(SELECT count(*) FROM relation_stats WHERE kind = 'typed' AND subject_id != object_id)`).Scan(&entities, &typed); err != nil {
		t.Fatal(err)
	}
	kinds := make(map[string]int)
	for _, e := range doc.Edges {
		for _, d := range e.Data {
			if d.Key == "kind" {
				kinds[d.Value]++
			}
		}
	}
	if len(doc.Nodes) != entities || kinds["typed"] != typed || kinds["cooccurrence"] == 0 || typed == 0 {
		t.Errorf("%d nodes and %v edges; the database has %d entities and %d typed relations", len(doc.Nodes), kinds, entities, typed)
	}
	code, out, _ = cli(t, "export", "--format", "graphml", "--kind", "typed", "--min-docs", "2", "--db", db)
	if code != 0 || strings.Contains(out, ">cooccurrence<") || !strings.Contains(out, ">typed<") {
		t.Errorf("--kind typed --min-docs 2: exit %d\n%s", code, out)
	}
}

func TestExportCSVFolder(t *testing.T) {
	db := seededDB(t)
	dir := filepath.Join(t.TempDir(), "tables")
	if code, _, errs := cli(t, "export", "--format", "csv", "--out", dir, "--db", db); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, table := range []string{"entities", "mentions", "relations", "documents"} {
		f, err := os.Open(filepath.Join(dir, table+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(recs) < 6 {
			t.Errorf("%s.csv: %d records, %v", table, len(recs), err)
		}
	}
}

func TestGraphCommand(t *testing.T) {
	db := seededDB(t)
	dir := t.TempDir()
	sdb, err := store.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st, err := sdb.Stats(context.Background())
	sdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	ents := st.Entities
	for _, name := range []string{"seeds.html", "seeds.svg"} {
		out := filepath.Join(dir, name)
		code, stdout, errs := cli(t, "graph", "--out", out, "--db", db)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		if !strings.Contains(stdout, fmt.Sprintf("%d entities", ents)) {
			t.Errorf("%s: summary %q", name, stdout)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(b), "<circle"); n < ents {
			t.Errorf("%s: %d circles", name, n)
		}
	}
	code, stdout, _ := cli(t, "graph", "--out", filepath.Join(dir, "top.html"), "--top", "10", "--type", "person", "--db", db)
	if code != 0 || !strings.Contains(stdout, "10 entities") {
		t.Errorf("--top 10 --type person: exit %d, %q", code, stdout)
	}
}

func TestViewCommandErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "csv", "--db", missing}, "give either --table"},
		{[]string{"export", "--format", "csv", "--table", "people", "--db", missing}, "unknown table"},
		{[]string{"export", "--format", "graphml", "--kind", "vibes", "--db", missing}, "unknown relation kind"},
		{[]string{"export", "--table", "entities", "--db", missing}, "for --format csv"},
		{[]string{"graph", "--out", "x.png", "--db", missing}, "must end in .html or .svg"},
		{[]string{"graph", "--db", missing}, `"out" not set`},
		{[]string{"serve", "--db", missing}, "no database at"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args[:len(tc.args)-2], " "), func(t *testing.T) {
			code, _, errs := cli(t, tc.args...)
			if code != exitError || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, exitError, tc.want)
			}
		})
	}
}

func TestViewCommandsHelp(t *testing.T) {
	for _, c := range []string{"export", "graph", "serve"} {
		code, out, _ := cli(t, c, "--help")
		if code != 0 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "dossier "+c) {
			t.Errorf("%s --help: exit %d\n%s", c, code, out)
		}
	}
}

func TestServeCommand(t *testing.T) {
	db := seededDB(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}, strings.NewReader(""), pw, &errb)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v", err)
	}
	m := regexp.MustCompile(`http://\S+/`).FindString(line)
	if m == "" {
		t.Fatalf("no address in %q", line)
	}
	go io.Copy(io.Discard, pr)
	for path, want := range map[string]int{"": 200, "graph": 200, "entity/1": 200, "doc/1": 200, "entity/x": 404} {
		resp, err := http.Get(m + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET /%s: status %d, want %d", path, resp.StatusCode, want)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exited %d: %s", code, errb.String())
	}
}
