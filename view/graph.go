package view

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

//go:embed assets templates
var files embed.FS

// DefaultTop is how many entities, the most mentioned, a graph shows
// unless told otherwise: enough for the picture of a large database to stay
// readable and quick in a browser.
const DefaultTop = 150

// graphSize is the side of the square the layout of up to 150 nodes
// fills, in SVG units; larger graphs get more room (the page fits the
// picture to the window, and zooming shows the detail).
const graphSize = 1000.0

func graphSide(n int) float64 {
	return round1(graphSize * math.Max(1, math.Sqrt(float64(n)/150)))
}

// GraphOptions say how to draw a graph.
type GraphOptions struct {
	Title string // shown above the picture
	// EntityURL, when set, links every node to a page; %d is the entity id
	// (the web view uses "/entity/%d"). A file on its own leaves it empty.
	EntityURL string
	// Labels is how many nodes, the most mentioned, show their name
	// without hovering; 0 means 40.
	Labels int
}

// typeClass is the CSS class of an entity type: "t-PERSON" for the known
// types, "t-OTHER" for anything else, so no type from the database can
// break out of a class attribute or select a style it should not.
func typeClass(typ string) string {
	switch typ {
	case "PERSON", "LOCATION", "ORGANIZATION":
		return "t-" + typ
	}
	return "t-OTHER"
}

// graphNode and graphEdge are what the templates draw.
type graphNode struct {
	store.GraphNode
	X, Y, R  float64
	Class    string
	Label    label
	FontSize float64
	URL      string
}

type graphEdge struct {
	store.GraphEdge
	I, J           int // indexes of the ends in the nodes
	X1, Y1, X2, Y2 float64
	Width          float64
}

// graphData is the data of the graph templates, and (Nodes, Edges, Types
// as JSON) of the page's script.
type graphData struct {
	Title  string
	Size   float64
	Nodes  []graphNode
	Edges  []graphEdge
	Types  []string
	Kinds  []string
	MaxDoc int
	Script template.JS
	Style  template.CSS
	Nav    bool
	JSON   graphJSON
}

// graphJSON is the part of the graph the page's script reads.
type graphJSON struct {
	Nodes []jsonNode `json:"nodes"`
	Edges []jsonEdge `json:"edges"`
}

type jsonNode struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Docs     int      `json:"docs"`
	Mentions int      `json:"mentions"`
	Aliases  []string `json:"aliases"`
	URL      string   `json:"url,omitempty"`
}

type jsonEdge struct {
	S         int    `json:"s"`
	T         int    `json:"t"`
	Predicate string `json:"p"`
	Kind      string `json:"k"`
	Docs      int    `json:"d"`
	Evidence  string `json:"e"`
	Doc       string `json:"doc"`
}

// prepareGraph lays g out and computes everything the templates draw.
func prepareGraph(g store.Graph, opts GraphOptions) (graphData, error) {
	d := graphData{Title: opts.Title, Size: graphSide(len(g.Nodes))}
	if d.Title == "" {
		d.Title = "Entity network"
	}
	labels := opts.Labels
	if labels == 0 {
		labels = 40
	}
	index := make(map[int64]int, len(g.Nodes))
	maxMentions := 1
	for i, n := range g.Nodes {
		index[n.ID] = i
		maxMentions = max(maxMentions, n.Mentions)
	}
	var pairs [][2]int
	var weights []float64
	for _, e := range g.Edges {
		i, ok1 := index[e.Source]
		j, ok2 := index[e.Target]
		if !ok1 || !ok2 {
			return d, fmt.Errorf("draw graph: edge %d -> %d joins an entity that is not in the graph", e.Source, e.Target)
		}
		w := math.Log1p(float64(e.Docs))
		if e.Kind == extract.KindCooccurrence {
			w *= 0.5
		}
		pairs = append(pairs, [2]int{i, j})
		weights = append(weights, w)
		d.MaxDoc = max(d.MaxDoc, e.Docs)
	}
	radius := make([]float64, len(g.Nodes))
	for i, n := range g.Nodes {
		radius[i] = round1(4 + 22*math.Sqrt(float64(n.Mentions)/float64(maxMentions)))
	}
	pos := layout(len(g.Nodes), pairs, weights, radius, d.Size, 40)
	fontSize := make([]float64, len(g.Nodes))
	for i, n := range g.Nodes {
		fontSize[i] = round1(11 + 5*math.Sqrt(float64(n.Mentions)/float64(maxMentions)))
	}
	labelled := placeLabels(g.Nodes, pos, radius, fontSize, labels, d.Size)
	for i, n := range g.Nodes {
		gn := graphNode{GraphNode: n, X: round1(pos[i].X), Y: round1(pos[i].Y), R: radius[i], Class: typeClass(n.Type),
			Label: labelled[i], FontSize: fontSize[i]}
		if opts.EntityURL != "" {
			gn.URL = fmt.Sprintf(opts.EntityURL, n.ID)
		}
		d.Nodes = append(d.Nodes, gn)
		d.MaxDoc = max(d.MaxDoc, n.Docs)
		if !slices.Contains(d.Types, n.Type) {
			d.Types = append(d.Types, n.Type)
		}
		aliases := n.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		d.JSON.Nodes = append(d.JSON.Nodes, jsonNode{ID: n.ID, Name: n.Name, Type: n.Type, Docs: n.Docs, Mentions: n.Mentions, Aliases: aliases, URL: gn.URL})
	}
	slices.Sort(d.Types)
	d.JSON.Edges = []jsonEdge{}
	// Cooccurrence first, so typed relations are drawn on top.
	for _, pass := range []bool{true, false} {
		for k, e := range g.Edges {
			if (e.Kind == extract.KindCooccurrence) != pass {
				continue
			}
			i, j := pairs[k][0], pairs[k][1]
			d.Edges = append(d.Edges, graphEdge{GraphEdge: e, I: i, J: j,
				X1: round1(pos[i].X), Y1: round1(pos[i].Y), X2: round1(pos[j].X), Y2: round1(pos[j].Y),
				Width: round1(0.6 + 1.4*math.Log2(float64(max(e.Docs, 1))))})
			d.JSON.Edges = append(d.JSON.Edges, jsonEdge{S: i, T: j, Predicate: e.Predicate, Kind: e.Kind, Docs: e.Docs, Evidence: e.Evidence, Doc: e.EvidenceDoc})
			if !slices.Contains(d.Kinds, e.Kind) {
				d.Kinds = append(d.Kinds, e.Kind)
			}
		}
	}
	slices.Sort(d.Kinds)
	d.MaxDoc = max(d.MaxDoc, 1)
	return d, nil
}

// box is an axis-aligned rectangle.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// label is where a node's name goes: the text's anchor point and
// alignment (SVG text-anchor).
type label struct {
	Shown  bool
	X, Y   float64 // the text's baseline anchor
	Anchor string  // start, middle or end
}

// placeLabels chooses which nodes show their name without hovering, and
// where: at most limit, the most mentioned first, each below, above, right
// or left of its circle, the first place where its text would cover no
// other label and no other node and stays inside the picture, so that
// every name drawn can be read. The
// ten most mentioned may cover other nodes, never other labels. A node
// whose name does not fit shows it on hover, below its circle.
func placeLabels(nodes []store.GraphNode, pos []point, r, fontSize []float64, limit int, size float64) []label {
	order := make([]int, len(nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return nodes[b].Mentions - nodes[a].Mentions })
	circles := make([]box, len(nodes))
	for i, p := range pos {
		circles[i] = box{p.X - r[i], p.Y - r[i], p.X + r[i], p.Y + r[i]}
	}
	out := make([]label, len(nodes))
	for i, p := range pos {
		out[i] = label{X: p.X, Y: p.Y + r[i] + fontSize[i], Anchor: "middle"}
	}
	var placed []box
	free := func(b box, self int, coverNodes bool) bool {
		if b.x0 < 0 || b.y0 < 0 || b.x1 > size || b.y1 > size {
			return false
		}
		for _, p := range placed {
			if b.overlaps(p) {
				return false
			}
		}
		if coverNodes {
			return true
		}
		for j := range circles {
			if j != self && b.overlaps(circles[j]) {
				return false
			}
		}
		return true
	}
	for rank, i := range order {
		if len(placed) >= limit {
			break
		}
		f, p := fontSize[i], pos[i]
		w := 0.6 * f * float64(utf8.RuneCountInString(nodes[i].Name))
		candidates := []struct {
			l label
			b box
		}{
			{label{true, p.X, p.Y + r[i] + f, "middle"}, box{p.X - w/2, p.Y + r[i] + 1, p.X + w/2, p.Y + r[i] + f*1.3}},
			{label{true, p.X, p.Y - r[i] - 0.35*f, "middle"}, box{p.X - w/2, p.Y - r[i] - 1.3*f, p.X + w/2, p.Y - r[i] - 1}},
			{label{true, p.X + r[i] + 3, p.Y + 0.35*f, "start"}, box{p.X + r[i] + 2, p.Y - 0.65*f, p.X + r[i] + 3 + w, p.Y + 0.65*f}},
			{label{true, p.X - r[i] - 3, p.Y + 0.35*f, "end"}, box{p.X - r[i] - 3 - w, p.Y - 0.65*f, p.X - r[i] - 2, p.Y + 0.65*f}},
		}
		for pass := 0; pass < 2 && !out[i].Shown; pass++ {
			if pass == 1 && rank >= 10 {
				break
			}
			for _, c := range candidates {
				if free(c.b, i, pass == 1) {
					out[i] = c.l
					placed = append(placed, c.b)
					break
				}
			}
		}
	}
	for i := range out {
		out[i].X, out[i].Y = round1(out[i].X), round1(out[i].Y)
	}
	return out
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

var graphTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"typeClass": typeClass,
	"add":       func(a, b float64) float64 { return a + b },
	"legendX":   func(k int) float64 { return 24 + float64(k)*150 },
}).ParseFS(files, "templates/graph.html", "templates/graphsvg.html"))

// assetText reads an embedded asset.
func assetText(name string) string {
	b, err := files.ReadFile("assets/" + name)
	if err != nil {
		panic(fmt.Sprintf("embedded asset %s: %v", name, err)) // the embed directive guarantees it
	}
	return string(b)
}

// WriteGraphHTML writes g as one self-contained HTML page: the picture as
// inline SVG, its style and a small script (filters by type, kind and
// number of documents; pan and zoom; a click on a node lists its aliases
// and relations). It loads nothing from the network.
func WriteGraphHTML(w io.Writer, g store.Graph, opts GraphOptions) error {
	return writeGraph(w, g, opts, false)
}

func writeGraph(w io.Writer, g store.Graph, opts GraphOptions, nav bool) error {
	d, err := prepareGraph(g, opts)
	if err != nil {
		return err
	}
	d.Style = template.CSS(assetText("graph.css"))
	d.Script = template.JS(assetText("graph.js"))
	d.Nav = nav
	if err := graphTemplates.ExecuteTemplate(w, "graph.html", d); err != nil {
		return fmt.Errorf("write graph: %w", err)
	}
	return nil
}

// WriteGraphSVG writes g as a standalone SVG picture: nodes coloured by
// type and sized by mentions, edges as wide as the number of documents
// stating them, the names of the most mentioned entities, a legend, and a
// tooltip (title) on every node and edge.
func WriteGraphSVG(w io.Writer, g store.Graph, opts GraphOptions) error {
	d, err := prepareGraph(g, opts)
	if err != nil {
		return err
	}
	d.Style = template.CSS(assetText("graph.css"))
	if _, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"); err != nil {
		return fmt.Errorf("write graph: %w", err)
	}
	if err := graphTemplates.ExecuteTemplate(w, "svgfile", d); err != nil {
		return fmt.Errorf("write graph: %w", err)
	}
	return nil
}
