package store_test

import (
	"os"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

// A Graph, usually read with DB.Graph, written as GraphML for Gephi or
// networkx.
func ExampleGraph_WriteGraphML() {
	g := store.Graph{
		Nodes: []store.GraphNode{
			{ID: 7, Name: "Vyacheslav Gladkov", Type: extract.Person, Docs: 4, Mentions: 13, Aliases: []string{"Gladkov"}},
		},
	}
	g.WriteGraphML(os.Stdout)
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="label" for="node" attr.name="label" attr.type="string"/>
	//   <key id="name" for="node" attr.name="name" attr.type="string"/>
	//   <key id="type" for="node" attr.name="type" attr.type="string"/>
	//   <key id="docs" for="node" attr.name="docs" attr.type="int"/>
	//   <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
	//   <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
	//   <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
	//   <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
	//   <key id="edocs" for="edge" attr.name="docs" attr.type="int"/>
	//   <key id="ementions" for="edge" attr.name="mentions" attr.type="int"/>
	//   <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
	//   <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
	//   <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
	//   <key id="evidence_doc" for="edge" attr.name="evidence_doc" attr.type="string"/>
	//   <graph id="dossier" edgedefault="directed">
	//     <node id="e7">
	//       <data key="label">Vyacheslav Gladkov</data>
	//       <data key="name">Vyacheslav Gladkov</data>
	//       <data key="type">PERSON</data>
	//       <data key="docs">4</data>
	//       <data key="mentions">13</data>
	//       <data key="aliases">Gladkov</data>
	//     </node>
	//   </graph>
	// </graphml>
}
