package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

func ExampleGazetteer_Word() {
	g := gazetteer.Default()
	for _, w := range []string{"Russia", "Russians", "Kiev", "John", "Governor", "said"} {
		fmt.Println(w, g.Word(w))
	}
	// Output:
	// Russia Country
	// Russians Demonym
	// Kiev City
	// John FirstName
	// Governor PersonTitle
	// said None
}

func ExampleGazetteer_Match() {
	g := gazetteer.Default()
	words := strings.Fields("The governor of Belgorod Oblast , Vyacheslav Gladkov , said")
	for _, m := range g.Match(words) {
		if m.Class.Has(gazetteer.Region) {
			fmt.Println(strings.Join(words[m.Start:m.End], " "), m.Class)
		}
	}
	// Output:
	// Belgorod Oblast Region
}

func ExampleGazetteer_Lookup() {
	g := gazetteer.Default()
	fmt.Println(g.Lookup("belgorod region").Has(gazetteer.Region))
	fmt.Println(g.Lookup("the Netherlands").Has(gazetteer.Country))
	fmt.Println(g.Lookup("Ukrainian").Has(gazetteer.Place))
	// Output:
	// true
	// true
	// false
}

func ExampleParse() {
	g, err := gazetteer.Parse(strings.NewReader("Company\tAcme Corp.\nCity|Region\tGotham\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Len(), g.Lookup("ACME CORP."), g.Word("gotham"))
	// Output:
	// 2 Company Region|City
}
