package view_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
	"github.com/dossier-nlp/dossier/view"
)

// WriteGraphHTML draws a graph read with store.DB.Graph; here one made by
// hand.
func ExampleWriteGraphHTML() {
	g := store.Graph{
		Nodes: []store.GraphNode{
			{ID: 1, Name: "Vyacheslav Gladkov", Type: extract.Person, Docs: 4, Mentions: 13, Aliases: []string{"Gladkov"}},
			{ID: 2, Name: "Belgorod Oblast", Type: extract.Location, Docs: 5, Mentions: 47},
		},
		Edges: []store.GraphEdge{{Source: 1, Target: 2, Predicate: "leads", Kind: extract.KindTyped, Docs: 3,
			Evidence: "the governor of Belgorod Oblast, Vyacheslav Gladkov"}},
	}
	var page strings.Builder
	if err := view.WriteGraphHTML(&page, g, view.GraphOptions{Title: "Belgorod"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Println(strings.Count(page.String(), "<circle"), "nodes,", strings.Count(page.String(), "<line"), "edge")
	// Output: 2 nodes, 1 edge
}
