package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-nlp/dossier/store"
	"github.com/dossier-nlp/dossier/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestMain lets the test binary act as the dossier command, for tests that
// need a real process to kill.
func TestMain(m *testing.M) {
	if os.Getenv("DOSSIER_TEST_AS_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// cli runs dossier in-process and returns its exit status and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func seedsDir(t *testing.T) string {
	abs, err := filepath.Abs("../../testdata/seeds")
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// seededDB runs dossier over the seed articles into a new database.
func seededDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seeds.db")
	code, out, errs := cli(t, "run", seedsDir(t), "--db", db, "--quiet")
	if code != 0 {
		t.Fatalf("run: exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(out, "5 processed, 0 unchanged, 0 failed (of 5 files)") {
		t.Fatalf("run summary:\n%s", out)
	}
	storetest.CheckFile(t, db)
	return db
}

func TestCommands(t *testing.T) {
	db := seededDB(t)
	tests := []struct {
		args []string
		want []string // substrings of stdout
	}{
		{[]string{"stats"}, []string{"documents  5 ok, 0 failed", "entities", "relations"}},
		{[]string{"entities", "--type", "PERSON"}, []string{"NAME", "PERSON", "Gladkov"}},
		{[]string{"entities", "--name", "gladkov"}, []string{"Vyacheslav Gladkov"}},
		{[]string{"relations", "--entity", "Gladkov"}, []string{"SUBJECT", "Gladkov"}},
		{[]string{"search", "Shebekino"}, []string{"[Shebekino]"}},
		{[]string{"eval", "--gold", "../../testdata/seeds-gold.jsonl"}, []string{"overall", "precision", "typed relations"}},
		{[]string{"run", seedsDir(t), "--quiet"}, []string{"0 processed, 5 unchanged, 0 failed"}},
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
}

func TestJSONOutput(t *testing.T) {
	db := seededDB(t)
	for _, args := range [][]string{
		{"entities", "--json"}, {"relations", "--json"}, {"search", "drone*", "--json"}, {"stats", "--json"},
		{"eval", "--gold", "../../testdata/seeds-gold.jsonl", "--json"},
	} {
		code, out, errs := cli(t, append(args, "--db", db)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%v: not JSON: %v\n%s", args, err, out)
		}
	}
}

func TestErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"entities", "--db", missing}, exitError, "no database at"},
		{[]string{"run", "/does/not/exist", "--db", missing}, exitError, "read folder"},
		{[]string{"run", ".", "--max-size", "lots", "--db", missing}, exitError, "--max-size"},
		{[]string{"export", "--format", "xml", "--db", missing}, exitError, "unknown format"},
		{[]string{"eval", "--db", missing}, exitError, "--gold"},
		{[]string{"frobnicate"}, exitError, "unknown command"},
	}
	for _, tc := range tests {
		code, _, errs := cli(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a failing command created the database")
	}
}

func TestHelpHasExamples(t *testing.T) {
	root := newRootCmd(nil, nil, nil)
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Example == "" || c.Long == "" && c.Short == "" {
			t.Errorf("%s: help without an example", c.Name())
		}
	}
}

func TestBadFilesExitStatus(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob(filepath.Join(seedsDir(t), "*.txt"))
	for _, p := range seeds {
		b, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "bin.txt"), []byte{0x7f, 'E', 'L', 'F', 0, 0}, 0o644)
	os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644)
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, _ := cli(t, "run", dir, "--db", db, "--quiet")
	if code != exitFilesFailed {
		t.Fatalf("exit %d, want %d\n%s", code, exitFilesFailed, out)
	}
	for _, w := range []string{"5 processed", "2 failed", "bin.txt: binary file", "empty.md: empty file"} {
		if !strings.Contains(out, w) {
			t.Errorf("summary lacks %q:\n%s", w, out)
		}
	}
}

// TestExportGolden compares the export of the seeds with the golden file
// (go test ./cmd/dossier -update rewrites it) and checks that every mention
// and every evidence span slices back to its text in the original file.
func TestExportGolden(t *testing.T) {
	db := seededDB(t)
	code, out, errs := cli(t, "export", "--db", db)
	if code != 0 {
		t.Fatalf("export: %s", errs)
	}
	// The folder is recorded as an absolute path, which differs between
	// checkouts.
	abs, err := filepath.Abs(seedsDir(t))
	if err != nil {
		t.Fatal(err)
	}
	out = strings.ReplaceAll(out, `"root":"`+filepath.ToSlash(abs)+`"`, `"root":"testdata/seeds"`)
	out = renumberEntities(out)
	golden := "../../testdata/golden/seeds-export.jsonl"
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/dossier -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("export differs from %s; if the change is intended, run go test ./cmd/dossier -update and review the diff", golden)
	}
	checkSpans(t, out)
}

// renumberEntities numbers the entity ids of an export in the order they
// first appear. Which ids a run gives its entities depends on how its
// documents were grouped into write transactions (a timing matter); which
// mentions share an id does not.
func renumberEntities(export string) string {
	ids := make(map[string]string)
	return entityID.ReplaceAllStringFunc(export, func(m string) string {
		k, v, _ := strings.Cut(m, ":")
		n, ok := ids[v]
		if !ok {
			n = strconv.Itoa(len(ids) + 1)
			ids[v] = n
		}
		return k + ":" + n
	})
}

var entityID = regexp.MustCompile(`"(id|entity)":\d+`)

func checkSpans(t *testing.T, export string) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(export))
	sc.Buffer(nil, 64<<20)
	docs, spans := 0, 0
	for sc.Scan() {
		var d store.ExportDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs++
		file, err := os.ReadFile(filepath.Join(seedsDir(t), d.Doc))
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(string(file))
		for _, m := range d.Mentions {
			spans++
			if string(file[m.Start:m.End]) != m.Text {
				t.Errorf("%s: mention %q at [%d,%d) slices to %q", d.Doc, m.Text, m.Start, m.End, file[m.Start:m.End])
			}
			if string(runes[m.CStart:m.CEnd]) != m.Text {
				t.Errorf("%s: mention %q at code points [%d,%d) slices to %q", d.Doc, m.Text, m.CStart, m.CEnd, string(runes[m.CStart:m.CEnd]))
			}
		}
		for _, r := range d.Relations {
			spans++
			if string(file[r.Start:r.End]) != r.Evidence {
				t.Errorf("%s: evidence at [%d,%d) does not slice back", d.Doc, r.Start, r.End)
			}
			if string(runes[r.CStart:r.CEnd]) != r.Evidence {
				t.Errorf("%s: evidence at code points [%d,%d) does not slice back", d.Doc, r.CStart, r.CEnd)
			}
		}
	}
	if docs != 5 || spans == 0 {
		t.Errorf("export has %d documents and %d spans", docs, spans)
	}
}

// TestKillAndResume kills a run over a couple of thousand files with
// SIGKILL in the middle, re-runs it, and expects exactly the rows of an
// uninterrupted run: no partial document, no duplicate.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const files = 2000
	dir := reports(t, files, 40)
	full := filepath.Join(t.TempDir(), "full.db")
	if code, _, errs := cli(t, "run", dir, "--db", full, "--quiet"); code != 0 {
		t.Fatalf("uninterrupted run: %s", errs)
	}

	db := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(os.Args[0], "run", dir, "--db", db, "--quiet")
	cmd.Env = append(os.Environ(), "DOSSIER_TEST_AS_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Kill it once some documents are committed.
	killed := false
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline) && !killed; {
		select {
		case <-done:
			t.Fatal("the run finished before it could be killed")
		case <-time.After(20 * time.Millisecond):
		}
		if n := countRows(db, "documents"); n >= 100 {
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			killed = true
		}
	}
	if !killed {
		t.Fatal("no documents were committed in time")
	}
	partial := countRows(db, "documents")
	if partial >= files {
		t.Fatalf("killed run had already written all %d documents", partial)
	}
	code, out, errs := cli(t, "run", dir, "--db", db, "--quiet")
	if code != 0 {
		t.Fatalf("resumed run: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, fmt.Sprintf("%d unchanged", partial)) {
		t.Errorf("resumed run should skip the %d documents already written:\n%s", partial, out)
	}
	for _, table := range []string{"documents", "sentences", "entities", "aliases", "mentions", "relations", "sentences_fts"} {
		if a, b := countRows(db, table), countRows(full, table); a != b {
			t.Errorf("%s: %d rows after kill and resume, %d after an uninterrupted run", table, a, b)
		}
	}
	_, exp1, _ := cli(t, "export", "--db", db)
	_, exp2, _ := cli(t, "export", "--db", full)
	if exp1 != exp2 {
		t.Error("export after kill and resume differs from an uninterrupted run")
	}
	storetest.CheckFile(t, db)
}

// countRows counts a table's rows with a connection of its own; -1 when the
// database cannot be read yet.
func countRows(path, table string) int {
	if _, err := os.Stat(path); err != nil {
		return -1
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		return -1
	}
	defer db.Close()
	n := -1
	db.QueryRow("SELECT count(*) FROM " + table).Scan(&n)
	return n
}

func TestAliasesFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	aliases := filepath.Join(t.TempDir(), "aliases.txt")
	os.WriteFile(aliases, []byte("Kyiv = Kiev\nVyacheslav Gladkov != Gladkov\n"), 0o644)
	for i := range 2 {
		code, out, errs := cli(t, "run", seedsDir(t), "--db", db, "--quiet", "--aliases", aliases)
		if code != 0 {
			t.Fatalf("run %d: exit %d: %s", i, code, errs)
		}
		if i == 1 && strings.Contains(out, "aliases:") {
			t.Errorf("second run decided again:\n%s", out)
		}
	}
	_, out, _ := cli(t, "entities", "--db", db, "--decisions")
	for _, w := range []string{"merged", "Kiev", "split", "Gladkov", "aliases file line 1"} {
		if !strings.Contains(out, w) {
			t.Errorf("decisions lack %q:\n%s", w, out)
		}
	}
	_, out, _ = cli(t, "entities", "--db", db, "--name", "Kiev", "--json")
	var rows []store.EntityRow
	json.Unmarshal([]byte(out), &rows)
	if len(rows) == 0 || rows[0].Name != "Kyiv" || !slices.Contains(rows[0].Aliases, "Kiev") {
		t.Errorf("Kiev should be an alias of Kyiv: %+v", rows)
	}
	storetest.CheckFile(t, db)
	code, _, errs := cli(t, "run", seedsDir(t), "--db", db, "--aliases", filepath.Join(t.TempDir(), "none.txt"))
	if code != exitError || !strings.Contains(errs, "open aliases file") {
		t.Errorf("missing aliases file: exit %d, %s", code, errs)
	}
}

func TestTrainAndRunWithModel(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for _, s := range []string{
		"Governor B-PER|Gladkov I-PER|visited O|Shebekino B-LOC|. O",
		"The O|Wagner B-ORG|Group I-ORG|left O|Bakhmut B-LOC|. O",
		"Anna B-PER|Petrova I-PER|works O|for O|Acme B-ORG|Corp I-ORG|in O|Oslo B-LOC|. O",
	} {
		for _, tok := range strings.Split(s, "|") {
			b.WriteString(tok + "\n")
		}
		b.WriteString("\n")
	}
	train := filepath.Join(dir, "train.conll")
	os.WriteFile(train, []byte(b.String()), 0o644)
	model := filepath.Join(dir, "m.model")
	code, out, errs := cli(t, "train", train, "--dev", train, "--epochs", "5", "--out", model)
	if code != 0 {
		t.Fatalf("train: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "wrote "+model) || !strings.Contains(out, "development scores") {
		t.Errorf("train output:\n%s", out)
	}
	db := filepath.Join(dir, "m.db")
	if code, _, errs := cli(t, "run", seedsDir(t), "--db", db, "--model", model, "--quiet"); code != 0 {
		t.Fatalf("run --model: %s", errs)
	}
	var n int
	sdb, _ := sql.Open("sqlite3", db)
	defer sdb.Close()
	sdb.QueryRow("SELECT count(*) FROM documents WHERE extractor LIKE '%perceptron-%'").Scan(&n)
	if n != 5 {
		t.Errorf("%d documents record the trained model as extractor", n)
	}
	if code, _, errs := cli(t, "run", seedsDir(t), "--db", db, "--model", filepath.Join(dir, "none")); code != exitError || !strings.Contains(errs, "open model") {
		t.Errorf("missing model: exit %d, %s", code, errs)
	}
}

func TestEvalConll(t *testing.T) {
	file := filepath.Join(t.TempDir(), "gold.conll")
	os.WriteFile(file, []byte("Vladimir B-PER\nPutin I-PER\nvisited O\nMoscow B-LOC\n. O\n\nThe O\nKremlin B-ORG\nsaid O\nso O\n. O\n"), 0o644)
	code, out, errs := cli(t, "eval", "--conll", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"2 sentences", "PERSON", "overall", "F1"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}

	if !strings.Contains(out, "2 sentences (documents of 10 sentences)") {
		t.Errorf("output does not say how sentences were grouped:\n%s", out)
	}
	// -DOCSTART- lines mark the documents to extract, unless --per-doc.
	marked := filepath.Join(t.TempDir(), "docs.conll")
	os.WriteFile(marked, []byte("-DOCSTART- O\n\nMoscow B-LOC\n. O\n\n-DOCSTART- O\n\nKremlin B-ORG\n. O\n"), 0o644)
	if _, out, _ = cli(t, "eval", "--conll", marked); !strings.Contains(out, "2 sentences (the documents -DOCSTART- marks)") {
		t.Errorf("-DOCSTART- documents not used:\n%s", out)
	}
	if _, out, _ = cli(t, "eval", "--conll", marked, "--per-doc", "1"); !strings.Contains(out, "(documents of 1 sentence)") {
		t.Errorf("--per-doc 1 not used:\n%s", out)
	}

	// A gold file that calls Moscow a person: --verbose shows the sentence.
	os.WriteFile(file, []byte("Moscow B-PER\nis O\nlarge O\n. O\n"), 0o644)
	if _, out, _ = cli(t, "eval", "--conll", file); !strings.Contains(out, "1 sentence with errors; --verbose lists them") {
		t.Errorf("without --verbose, output lacks the error count:\n%s", out)
	}
	_, out, _ = cli(t, "eval", "--conll", file, "--verbose")
	for _, w := range []string{"#1  Moscow is large .", "missed  PERSON Moscow", "extra   LOCATION Moscow"} {
		if !strings.Contains(out, w) {
			t.Errorf("--verbose output lacks %q:\n%s", w, out)
		}
	}
}

// reports writes n short generated news reports into the given number of
// sub-folders of a new folder and returns the folder.
func reports(t *testing.T, n, folders int) string {
	t.Helper()
	dir := t.TempDir()
	sentences := []string{
		"Governor Vyacheslav Gladkov said drones hit Shebekino in Belgorod Oblast.",
		"The Russian Volunteer Corps (RDK) claimed the raid near Grayvoron.",
		"Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow on %d May.",
		"Ukraine's military intelligence, the GUR, denied any role, Andriy Yusov said.",
	}
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%folders))
		os.MkdirAll(sub, 0o755)
		text := fmt.Sprintf(sentences[i%len(sentences)], i) + fmt.Sprintf(" Report number %d.\n", i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
