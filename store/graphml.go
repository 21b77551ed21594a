package store

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// GraphFilter selects the entity network. Zero fields select everything.
type GraphFilter struct {
	Kinds   []string // relation kinds to keep as edges (extract.KindTyped, ...); nil for all
	Types   []string // entity types to keep; nil for all
	MinDocs int      // keep entities and relations named in at least this many documents
	Top     int      // keep only the Top most mentioned entities; 0 for all
}

// GraphNode is one entity of the network.
type GraphNode struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Docs     int      `json:"docs"`
	Mentions int      `json:"mentions"`
	Aliases  []string `json:"aliases"` // most used first
}

// GraphEdge is one relation aggregated over documents: how many state it
// and the evidence of its most confident statement.
type GraphEdge struct {
	Source      int64   `json:"source"` // subject entity id
	Target      int64   `json:"target"` // object entity id
	Predicate   string  `json:"predicate"`
	Kind        string  `json:"kind"`
	Docs        int     `json:"docs"`
	Mentions    int     `json:"mentions"`
	Confidence  float64 `json:"confidence"`
	Evidence    string  `json:"evidence"`
	EvidenceDoc string  `json:"evidence_doc"`
}

// Graph is the entity network: entities as nodes, most mentioned first,
// and the relations between them as edges.
type Graph struct {
	Nodes []GraphNode `json:"nodes"`
	Edges []GraphEdge `json:"edges"`
}

// Graph reads the entity network selected by f. Edges join only entities
// that are kept.
func (db *DB) Graph(ctx context.Context, f GraphFilter) (Graph, error) {
	g := Graph{Nodes: []GraphNode{}, Edges: []GraphEdge{}}
	ents, err := db.Entities(ctx, EntityFilter{})
	if err != nil {
		return g, fmt.Errorf("read graph: %w", err)
	}
	keep := make(map[int64]bool)
	for _, e := range ents {
		if len(f.Types) > 0 && !slices.Contains(f.Types, e.Type) || e.Docs < f.MinDocs || e.Mentions == 0 {
			continue
		}
		if f.Top > 0 && len(g.Nodes) >= f.Top {
			break
		}
		keep[e.ID] = true
		g.Nodes = append(g.Nodes, GraphNode{ID: e.ID, Name: e.Name, Type: e.Type, Docs: e.Docs, Mentions: e.Mentions, Aliases: e.Aliases})
	}
	q := `SELECT subject_id, object_id, predicate, kind, docs, mentions, confidence, coalesce(evidence, ''), evidence_doc
		FROM relation_stats WHERE docs >= ?`
	args := []any{f.MinDocs}
	if len(f.Kinds) > 0 {
		q += " AND kind IN (?" + strings.Repeat(", ?", len(f.Kinds)-1) + ")"
		for _, k := range f.Kinds {
			args = append(args, k)
		}
	}
	q += ` ORDER BY CASE kind WHEN 'typed' THEN 0 WHEN 'open' THEN 1 ELSE 2 END, docs DESC, confidence DESC, subject_id, object_id, predicate`
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return g, fmt.Errorf("read graph: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e GraphEdge
		if err := rows.Scan(&e.Source, &e.Target, &e.Predicate, &e.Kind, &e.Docs, &e.Mentions, &e.Confidence, &e.Evidence, &e.EvidenceDoc); err != nil {
			return g, fmt.Errorf("read graph: %w", err)
		}
		if keep[e.Source] && keep[e.Target] && e.Source != e.Target {
			e.Evidence = collapseSpace(e.Evidence)
			g.Edges = append(g.Edges, e)
		}
	}
	if err := rows.Err(); err != nil {
		return g, fmt.Errorf("read graph: %w", err)
	}
	return g, nil
}

// graphMLKey declares one GraphML attribute.
type graphMLKey struct {
	id, target, name, typ string
}

var graphMLKeys = []graphMLKey{
	{"label", "node", "label", "string"},
	{"name", "node", "name", "string"},
	{"type", "node", "type", "string"},
	{"docs", "node", "docs", "int"},
	{"mentions", "node", "mentions", "int"},
	{"aliases", "node", "aliases", "string"},
	{"predicate", "edge", "predicate", "string"},
	{"kind", "edge", "kind", "string"},
	{"edocs", "edge", "docs", "int"},
	{"ementions", "edge", "mentions", "int"},
	{"weight", "edge", "weight", "double"},
	{"confidence", "edge", "confidence", "double"},
	{"evidence", "edge", "evidence", "string"},
	{"evidence_doc", "edge", "evidence_doc", "string"},
}

// WriteGraphML writes g as a directed GraphML graph that Gephi, yEd and
// networkx (read_graphml) open as they are. Nodes are "e" plus the entity
// id and carry label, name, type, docs, mentions and aliases ("; "
// between); edges go from subject to object and carry predicate, kind,
// docs, mentions, weight (= docs), confidence, evidence and evidence_doc.
func (g Graph) WriteGraphML(w io.Writer) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphMLKeys {
		fmt.Fprintf(&b, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.target, k.name, k.typ)
	}
	b.WriteString(`  <graph id="dossier" edgedefault="directed">` + "\n")
	data := func(key, value string) {
		b.WriteString(`      <data key="` + key + `">`)
		xml.EscapeText(&b, []byte(value))
		b.WriteString("</data>\n")
	}
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "    <node id=\"e%d\">\n", n.ID)
		data("label", n.Name)
		data("name", n.Name)
		data("type", n.Type)
		data("docs", strconv.Itoa(n.Docs))
		data("mentions", strconv.Itoa(n.Mentions))
		data("aliases", strings.Join(n.Aliases, "; "))
		b.WriteString("    </node>\n")
		if b.Len() > 1<<16 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return fmt.Errorf("write graphml: %w", err)
			}
			b.Reset()
		}
	}
	for i, e := range g.Edges {
		fmt.Fprintf(&b, "    <edge id=\"r%d\" source=\"e%d\" target=\"e%d\">\n", i+1, e.Source, e.Target)
		data("predicate", e.Predicate)
		data("kind", e.Kind)
		data("edocs", strconv.Itoa(e.Docs))
		data("ementions", strconv.Itoa(e.Mentions))
		data("weight", strconv.Itoa(e.Docs))
		data("confidence", strconv.FormatFloat(e.Confidence, 'g', -1, 64))
		data("evidence", e.Evidence)
		data("evidence_doc", e.EvidenceDoc)
		b.WriteString("    </edge>\n")
		if b.Len() > 1<<16 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return fmt.Errorf("write graphml: %w", err)
			}
			b.Reset()
		}
	}
	b.WriteString("  </graph>\n</graphml>\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write graphml: %w", err)
	}
	return nil
}
