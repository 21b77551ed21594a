package extract_test

import (
	"fmt"

	"github.com/dossier-nlp/dossier/extract"
)

// Extract finds the entities of a text with their byte offsets.
func Example() {
	x, err := extract.New(extract.Options{})
	if err != nil {
		panic(err)
	}
	text := "Governor Vyacheslav Gladkov said drones struck Moscow on Tuesday."
	res := x.Extract(text)
	for _, m := range res.Mentions {
		fmt.Printf("%s %s [%d,%d) %q\n", m.Type, res.Entities[m.Entity].Name, m.Start, m.End, text[m.Start:m.End])
	}
	// Output:
	// PERSON Vyacheslav Gladkov [9,27) "Vyacheslav Gladkov"
	// LOCATION Moscow [47,53) "Moscow"
}
