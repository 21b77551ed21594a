package relate_test

import (
	"fmt"

	"github.com/dossier-nlp/dossier/extract/relate"
)

// A sentence as package extract hands it to the model: one unit per token,
// one per mention. The model reads the pair (Ann Kerr, Dayton).
func ExampleModel_Predict() {
	m, err := relate.Default()
	if err != nil {
		panic(err)
	}
	tok := func(w, lemma, tag string) relate.Unit {
		return relate.Unit{Word: w, Lemma: lemma, Tag: tag, Mention: -1}
	}
	s := &relate.Sentence{
		Units: []relate.Unit{
			{Mention: 0}, tok("was", "be", "VBD"), tok("born", "born", "VBN"), tok("in", "in", "IN"),
			{Mention: 1}, tok(",", ",", ","), tok("ohio", "ohio", "NNP"), tok(".", ".", "."),
		},
		Mentions: []relate.Mention{
			{Unit: 0, Type: relate.Person, Entity: 0, Head: "kerr"},
			{Unit: 4, Type: relate.Location, Entity: 1, Head: "dayton"},
		},
	}
	var f relate.Featurizer
	for _, p := range m.Predict(&f, s, 0.4, nil) {
		fmt.Println(p.Subject, p.Predicate, p.Object)
	}
	// Output: 0 born_in 1
}
