package postag_test

import (
	"fmt"
	"strings"

	"github.com/dossier-nlp/dossier/extract/postag"
)

func ExampleModel_Tag() {
	m, err := postag.Default()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("The governor said drones hit the town .")
	fmt.Println(m.Tag(words))
	// Output: [DT NN VBD NNS VBD DT NN .]
}
