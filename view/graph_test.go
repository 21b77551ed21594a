package view

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

// hostileGraph has names that try to break out of the page's markup and
// out of its JSON.
func hostileGraph() store.Graph {
	return store.Graph{
		Nodes: []store.GraphNode{
			{ID: 1, Name: `</script><script>alert(1)</script>`, Type: "PERSON", Docs: 2, Mentions: 9, Aliases: []string{`"><img src=x onerror=alert(1)>`}},
			{ID: 2, Name: "Belgorod & Co", Type: "LOCATION", Docs: 1, Mentions: 3},
			{ID: 3, Name: "Odd", Type: `x" onclick="alert(1)`, Docs: 1, Mentions: 1},
		},
		Edges: []store.GraphEdge{
			{Source: 1, Target: 2, Predicate: "leads", Kind: extract.KindTyped, Docs: 2, Evidence: "<b>bold</b> claim", EvidenceDoc: "a.txt"},
			{Source: 2, Target: 3, Predicate: "co_occurs", Kind: extract.KindCooccurrence, Docs: 1},
		},
	}
}

func TestWriteGraphHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGraphHTML(&buf, hostileGraph(), GraphOptions{Title: "T <i>"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script>alert", "<img src=x", `onclick="alert`, "<b>bold", "<i>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	// Self-contained: nothing to fetch.
	for _, ref := range []string{`src="`, `href="http`, "@import", "url(http"} {
		if strings.Contains(page, ref) {
			t.Errorf("page refers to an outside resource: %q", ref)
		}
	}
	if n := strings.Count(page, `<g class="node `); n != 3 {
		t.Errorf("%d nodes drawn, want 3", n)
	}
	if n := strings.Count(page, `<line class="edge `); n != 2 {
		t.Errorf("%d edges drawn, want 2", n)
	}
	if !strings.Contains(page, `class="node t-OTHER"`) {
		t.Error("an unknown type does not get the class t-OTHER")
	}
	// The script's data parses back to the same names.
	m := regexp.MustCompile(`(?s)<script type="application/json" id="graph-data">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no graph data")
	}
	var data graphJSON
	if err := json.Unmarshal([]byte(m[1]), &data); err != nil {
		t.Fatalf("graph data is not JSON: %v\n%s", err, m[1])
	}
	if len(data.Nodes) != 3 || data.Nodes[0].Name != hostileGraph().Nodes[0].Name || len(data.Edges) != 2 {
		t.Errorf("graph data = %+v", data)
	}
}

func TestWriteGraphSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGraphSVG(&buf, hostileGraph(), GraphOptions{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name
		Circles []struct{} `xml:"g>g>g>circle"`
		Lines   []struct{} `xml:"g>g>line"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	if doc.XMLName.Local != "svg" || len(doc.Circles) != 3 || len(doc.Lines) != 2 {
		t.Errorf("svg root %q with %d circles and %d lines, want svg, 3 and 2", doc.XMLName.Local, len(doc.Circles), len(doc.Lines))
	}
	if strings.Contains(buf.String(), "<script") {
		t.Error("the still picture has a script")
	}
}

func TestGraphEdgeToMissingNode(t *testing.T) {
	g := hostileGraph()
	g.Edges = append(g.Edges, store.GraphEdge{Source: 1, Target: 99, Kind: extract.KindTyped})
	if err := WriteGraphHTML(&bytes.Buffer{}, g, GraphOptions{}); err == nil {
		t.Error("no error for an edge to a node that is not in the graph")
	}
}

func TestLayout(t *testing.T) {
	// Two triangles joined by one edge, and one node on its own.
	edges := [][2]int{{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}}
	weights := []float64{1, 1, 1, 1, 1, 1, 1}
	r := []float64{10, 8, 8, 10, 8, 8, 5}
	const size, margin = 1000.0, 40.0
	a := layout(7, edges, weights, r, size, margin)
	b := layout(7, edges, weights, r, size, margin)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Error("the same graph is laid out twice differently")
	}
	for i, p := range a {
		if p.X < margin || p.X > size-margin || p.Y < margin || p.Y > size-margin || math.IsNaN(p.X) || math.IsNaN(p.Y) {
			t.Errorf("node %d at %v, outside the square", i, p)
		}
		for j := i + 1; j < len(a); j++ {
			if d := math.Hypot(p.X-a[j].X, p.Y-a[j].Y); d < r[i]+r[j] {
				t.Errorf("nodes %d and %d overlap: %.1f apart", i, j, d)
			}
		}
	}
	dist := func(i, j int) float64 { return math.Hypot(a[i].X-a[j].X, a[i].Y-a[j].Y) }
	// Within a triangle nodes are closer than across the two.
	if in, across := (dist(0, 1)+dist(3, 4))/2, (dist(0, 4)+dist(1, 5))/2; in >= across {
		t.Errorf("mean distance within triangles %.0f, across %.0f", in, across)
	}
	for _, n := range []int{0, 1} {
		if got := layout(n, nil, nil, make([]float64, n), size, margin); len(got) != n {
			t.Errorf("layout of %d nodes gives %d positions", n, len(got))
		}
	}
}

// BenchmarkLayout2000 lays out a graph of 2,000 nodes, the size that
// dossier graph --top 2000 draws.
func BenchmarkLayout2000(b *testing.B) {
	const n = 2000
	var edges [][2]int
	var weights []float64
	for i := 1; i < n; i++ {
		edges = append(edges, [2]int{i, (i*7919 + 13) % i})
		weights = append(weights, 1)
		if i%3 == 0 {
			edges = append(edges, [2]int{i, i - 1})
			weights = append(weights, 0.5)
		}
	}
	r := make([]float64, n)
	for i := range r {
		r[i] = 5
	}
	for b.Loop() {
		layout(n, edges, weights, r, 1000, 40)
	}
}
