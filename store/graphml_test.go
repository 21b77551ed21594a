package store

import (
	"bytes"
	"context"
	"encoding/xml"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
)

type graphMLDoc struct {
	XMLName xml.Name `xml:"graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphMLData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphMLData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func dataMap(ds []graphMLData) map[string]string {
	m := make(map[string]string)
	for _, d := range ds {
		m[d.Key] = d.Value
	}
	return m
}

// readGraphML reads the graph f selects, writes it as GraphML and parses
// that back.
func readGraphML(t *testing.T, db *DB, f GraphFilter) graphMLDoc {
	t.Helper()
	g, err := db.Graph(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := g.WriteGraphML(&buf); err != nil {
		t.Fatal(err)
	}
	var doc graphMLDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	return doc
}

func TestGraphMLRoundTrip(t *testing.T) {
	db := newTestDB(t)
	write(t, db,
		docOf(t, "a.txt", `Gladkov <said> "&" of Belgorod and Shebekino.`, [2]string{"Gladkov", extract.Person},
			[2]string{"Belgorod", extract.Location}, [2]string{"Shebekino", extract.Location}),
		docOf(t, "b.txt", "Gladkov spoke in Belgorod.", [2]string{"Gladkov", extract.Person}, [2]string{"Belgorod", extract.Location}),
	)
	tests := []struct {
		name         string
		filter       GraphFilter
		nodes, edges int
	}{
		{"all", GraphFilter{}, 3, 1},
		{"typed only", GraphFilter{Kinds: []string{extract.KindTyped}}, 3, 0},
		{"two documents", GraphFilter{MinDocs: 2}, 2, 1},
		{"locations", GraphFilter{Types: []string{extract.Location}}, 2, 0},
		{"top one", GraphFilter{Top: 1}, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := readGraphML(t, db, tc.filter)
			if len(doc.Graph.Nodes) != tc.nodes || len(doc.Graph.Edges) != tc.edges {
				t.Fatalf("%d nodes and %d edges, want %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), tc.nodes, tc.edges)
			}
			keys := make(map[string]string)
			for _, k := range doc.Keys {
				keys[k.ID] = k.For
			}
			ids := make(map[string]bool)
			for _, n := range doc.Graph.Nodes {
				ids[n.ID] = true
				for _, d := range n.Data {
					if keys[d.Key] != "node" {
						t.Errorf("node %s: data key %q not declared for nodes", n.ID, d.Key)
					}
				}
			}
			for _, e := range doc.Graph.Edges {
				if !ids[e.Source] || !ids[e.Target] {
					t.Errorf("edge %s -> %s joins a missing node", e.Source, e.Target)
				}
				for _, d := range e.Data {
					if keys[d.Key] != "edge" {
						t.Errorf("edge: data key %q not declared for edges", d.Key)
					}
				}
			}
		})
	}
	doc := readGraphML(t, db, GraphFilter{})
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
	}
	var gladkov map[string]string
	for _, n := range doc.Graph.Nodes {
		if d := dataMap(n.Data); d["name"] == "Gladkov" {
			gladkov = d
		}
	}
	if gladkov["type"] != extract.Person || gladkov["docs"] != "2" || gladkov["mentions"] != "2" || gladkov["label"] != "Gladkov" {
		t.Errorf("Gladkov's node = %v", gladkov)
	}
	e := dataMap(doc.Graph.Edges[0].Data)
	if e["kind"] != extract.KindCooccurrence || e["docs"] != "" || e["edocs"] != "2" || e["evidence"] == "" {
		t.Errorf("edge = %v", e)
	}
	// The evidence of a.txt (with markup characters) or of b.txt comes back as written.
	if ev := e["evidence"]; ev != `Gladkov <said> "&" of Belgorod and Shebekino.` && ev != "Gladkov spoke in Belgorod." {
		t.Errorf("evidence = %q", ev)
	}
}
