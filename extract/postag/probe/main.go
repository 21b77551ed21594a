package main

import (
	"fmt"

	prose "github.com/jdkato/prose/v2"
)

func main() {
	for _, t := range []string{
		"The well-known man (a teacher) said: \"It's over\" -- really [sic] ; e.g. 5 + 3 = 8 ... x/y",
		"Call me at 555-1234 or email foo@bar.com , http://x.com :) !!! ?? ^_^ ** -- -",
		"I'm gonna go 1. first 2. second . He said 'hi' and “quoted” — dash – en – ok § € £ 5 $ #",
		"The governor said drones hit the town .",
		"The anti - war group { braces } < > & @ % uh um yeah oh",
	} {
		d, _ := prose.NewDocument(t, prose.WithSegmentation(false), prose.WithExtraction(false))
		for _, tok := range d.Tokens() {
			fmt.Printf("%s/%s ", tok.Text, tok.Tag)
		}
		fmt.Println()
	}
}
