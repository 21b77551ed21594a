package tagger_test

import (
	"fmt"
	"strings"

	"github.com/dossier-nlp/dossier/extract/tagger"
)

func ExampleModel_Tag() {
	m, err := tagger.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("Vladimir Putin met officials in Moscow .")
	for _, sp := range m.Tag(words) {
		fmt.Println(strings.Join(words[sp.Start:sp.End], " "), sp.Type)
	}
	// Output:
	// Vladimir Putin PERSON
	// Moscow LOCATION
}

func ExampleTrain() {
	var train []tagger.Example
	for i := 0; i < 5; i++ {
		train = append(train,
			tagger.Example{
				Words:  strings.Fields("Zorblat visited Quuxville ."),
				Labels: []string{"B-PERSON", "O", "B-LOCATION", "O"},
			},
			tagger.Example{
				Words:  strings.Fields("It rained in Quuxville ."),
				Labels: []string{"O", "O", "O", "B-LOCATION", "O"},
			})
	}
	m, err := tagger.Train(train, tagger.TrainOptions{Epochs: 5, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("Zorblat left Quuxville .")
	for _, sp := range m.Tag(words) {
		fmt.Println(words[sp.Start], sp.Type)
	}
	// Output:
	// Zorblat PERSON
	// Quuxville LOCATION
}
