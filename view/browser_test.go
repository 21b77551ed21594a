package view

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// chromium is where Debian's chromium package puts the browser.
const chromium = "/usr/bin/chromium"

// dumpDOM loads url in headless Chromium and returns the DOM after the
// page's scripts ran.
func dumpDOM(t *testing.T, url string) string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--window-size=1280,900", "--dump-dom", url)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom %s: %v\n%s", url, err, stderr.String())
	}
	return string(out)
}

// TestBrowser loads the served pages in a real headless browser: the graph
// page's script must run and draw every node, a highlighted mention must
// link to its entity's page, and an article's <script> must stay text.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no headless browser: %s is missing (on Debian: apt-get install chromium)", chromium)
	}
	db, ids := testDB(t)
	ts := httptest.NewServer(NewServer(db))
	defer ts.Close()

	t.Run("graph renders", func(t *testing.T) {
		dom := dumpDOM(t, ts.URL+"/graph")
		m := regexp.MustCompile(`data-graph-ready="(\d+)"`).FindStringSubmatch(dom)
		if m == nil {
			t.Fatalf("the graph script did not finish:\n%s", dom)
		}
		if n, _ := strconv.Atoi(m[1]); n != 5 || strings.Count(dom, "<circle") != 5 {
			t.Errorf("script saw %s nodes and the page has %d circles, want 5", m[1], strings.Count(dom, "<circle"))
		}
		if !strings.Contains(dom, `<span id="shown-nodes">5</span>`) {
			t.Error("the filters did not count the nodes shown")
		}
	})

	t.Run("mention links to its entity", func(t *testing.T) {
		dom := dumpDOM(t, fmt.Sprintf("%s/doc/%d", ts.URL, ids["a/script.txt"]))
		if strings.Contains(dom, "<title>pwned") || strings.Contains(dom, "<script>document.title") {
			t.Fatal("the article's script is part of the page")
		}
		if !strings.Contains(dom, "&lt;script&gt;document.title='pwned';alert(1)&lt;/script&gt;") {
			t.Error("the article's script is not shown as text")
		}
		m := regexp.MustCompile(`<a class="ent t-PERSON" href="(/entity/\d+)"[^>]*>Gladkov<`).FindStringSubmatch(dom)
		if m == nil {
			t.Fatalf("no highlighted mention of Gladkov:\n%s", dom)
		}
		if want := fmt.Sprintf("/entity/%d", ids["Vyacheslav Gladkov"]); m[1] != want {
			t.Errorf("Gladkov links to %s, want %s", m[1], want)
		}
		entity := dumpDOM(t, ts.URL+m[1])
		if !strings.Contains(entity, "<h1>Vyacheslav Gladkov") || !strings.Contains(entity, "<mark>Gladkov</mark>") {
			t.Errorf("the linked page is not Gladkov's profile with his mentions:\n%s", entity)
		}
	})
}
