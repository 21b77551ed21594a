package store

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
)

// twoSentenceDoc is a document of two sentences with letters of two, three
// and four bytes, the second sentence's mention past all of them.
func twoSentenceDoc(t *testing.T) (string, Doc) {
	t.Helper()
	s1 := "«Kraków» — said Vyacheslav Gladkov 🙂."
	s2 := "Київ and Zürich."
	text := s1 + "\n\n" + s2
	d := docOf(t, "multi.txt", text, [2]string{"Kraków", extract.Location}, [2]string{"Vyacheslav Gladkov", extract.Person},
		[2]string{"Київ", extract.Location}, [2]string{"Zürich", extract.Location})
	d.Result.Sentences = []extract.Sentence{{Start: 0, End: len(s1)}, {Start: len(s1) + 2, End: len(text)}}
	for i := range d.Result.Mentions {
		if d.Result.Mentions[i].Start >= len(s1) {
			d.Result.Mentions[i].Sentence = 1
		}
	}
	d.Result.Relations[0].End = len(s1) // Kraków and Gladkov, in the first sentence
	return text, d
}

func readCSV(t *testing.T, db *DB, table string) []map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if err := db.ExportCSV(context.Background(), &buf, table); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("%s: not CSV: %v", table, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := make(map[string]string)
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCSVCharOffsetsSlice(t *testing.T) {
	db := newTestDB(t)
	text, d := twoSentenceDoc(t)
	write(t, db, d)
	runes := []rune(text)
	rows := readCSV(t, db, "mentions")
	if len(rows) != 4 {
		t.Fatalf("%d mention rows, want 4", len(rows))
	}
	for _, r := range rows {
		cs, ce := atoi(t, r["cstart"]), atoi(t, r["cend"])
		if got := string(runes[cs:ce]); got != r["text"] {
			t.Errorf("mention %q: code points [%d,%d) give %q", r["text"], cs, ce, got)
		}
		if got := text[atoi(t, r["start"]):atoi(t, r["end"])]; got != r["text"] {
			t.Errorf("mention %q: bytes give %q", r["text"], got)
		}
	}
	for _, r := range readCSV(t, db, "relations") {
		if got := string(runes[atoi(t, r["cstart"]):atoi(t, r["cend"])]); got != r["evidence"] {
			t.Errorf("evidence %q: code points give %q", r["evidence"], got)
		}
	}
}

func TestJSONLCharOffsets(t *testing.T) {
	db := newTestDB(t)
	text, d := twoSentenceDoc(t)
	write(t, db, d)
	var buf bytes.Buffer
	if err := db.Export(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	var ed ExportDoc
	if err := json.Unmarshal(buf.Bytes(), &ed); err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	for _, m := range ed.Mentions {
		if got := string(runes[m.CStart:m.CEnd]); got != m.Text {
			t.Errorf("mention %q: code points [%d,%d) give %q", m.Text, m.CStart, m.CEnd, got)
		}
	}
	if len(ed.Relations) == 0 {
		t.Fatal("no relations exported")
	}
	for _, r := range ed.Relations {
		if got := string(runes[r.CStart:r.CEnd]); got != r.Evidence {
			t.Errorf("evidence %q: code points give %q", r.Evidence, got)
		}
	}
}

func TestCSVTables(t *testing.T) {
	db := newTestDB(t)
	text := `He said "no, never", then left` + "\nfor Shebekino."
	write(t, db, docOf(t, "q.txt", text, [2]string{"Shebekino", extract.Location}))
	tests := []struct {
		table string
		rows  int
		check func(map[string]string) bool
	}{
		{"entities", 1, func(r map[string]string) bool { return r["name"] == "Shebekino" && r["mentions"] == "1" }},
		{"mentions", 1, func(r map[string]string) bool { return r["doc"] == "q.txt" && r["type"] == extract.Location }},
		{"relations", 0, nil},
		{"documents", 1, func(r map[string]string) bool {
			return r["path"] == "q.txt" && r["status"] == StatusOK && r["mentions"] == "1"
		}},
	}
	for _, tc := range tests {
		t.Run(tc.table, func(t *testing.T) {
			rows := readCSV(t, db, tc.table)
			if len(rows) != tc.rows {
				t.Fatalf("%d rows, want %d", len(rows), tc.rows)
			}
			for _, r := range rows {
				if !tc.check(r) {
					t.Errorf("row %v", r)
				}
			}
		})
	}
	if err := db.ExportCSV(context.Background(), &bytes.Buffer{}, "nope"); err == nil || !strings.Contains(err.Error(), "unknown table") {
		t.Errorf("unknown table: err = %v", err)
	}
}

// TestCSVQuotesEvidence checks that evidence with quotes, commas and a
// line break reads back whole.
func TestCSVQuotesEvidence(t *testing.T) {
	db := newTestDB(t)
	text := `"No," said Gladkov,` + "\n" + `of Belgorod.`
	write(t, db, docOf(t, "q.txt", text, [2]string{"Gladkov", extract.Person}, [2]string{"Belgorod", extract.Location}))
	rows := readCSV(t, db, "relations")
	if len(rows) != 1 || rows[0]["evidence"] != text {
		t.Fatalf("relations = %v", rows)
	}
}
