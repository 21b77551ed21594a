package extract_test

import (
	"fmt"

	"github.com/dossier-nlp/dossier/extract"
)

// ExtractMarkdown reads Markdown as Markdown: the link's URL gives no name,
// the offsets point into the original bytes, and the front matter gives
// the metadata against which "Wednesday" is resolved.
func ExampleExtractor_ExtractMarkdown() {
	x, err := extract.New(extract.Options{})
	if err != nil {
		panic(err)
	}
	text := "---\ntitle: Drones over Belgorod\ndate: 2023-05-26\n---\n\n" +
		"Governor [Vyacheslav Gladkov](https://t.me/vvgladkov) said drones struck Moscow on Wednesday.\n"
	res := x.ExtractMarkdown(text)
	fmt.Printf("%s (%s), published %s (%s)\n", res.Metadata.Title, res.Metadata.TitleFrom, res.Metadata.Published, res.Metadata.PublishedFrom)
	for _, m := range res.Mentions {
		fmt.Printf("%s [%d,%d) %q\n", m.Type, m.Start, m.End, text[m.Start:m.End])
	}
	for _, d := range res.Dates {
		fmt.Printf("%q is %s (%s)\n", d.Text, d.Value, d.Resolved)
	}
	// Output:
	// Drones over Belgorod (front matter), published 2023-05-26 (front matter)
	// PERSON [64,82) "Vyacheslav Gladkov"
	// LOCATION [127,133) "Moscow"
	// "Wednesday" is 2023-05-24 (publication date)
}
