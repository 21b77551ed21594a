package extract

import (
	"math/rand/v2"
	"strings"
)

// Syllables of generated names: varied enough that a long article names
// many thousands of different people, places and organisations.
var (
	nameStarts = strings.Fields("Vel Kor Ando Bra Tesh Mira Dov Lum Sar Gri Pol Hen Zar Ost Kel Ruv Nad Bel Tor Ves Jan Fel Mor Dra Sten")
	nameMids   = strings.Fields("a o e i u an en or ar il ov ez")
	nameEnds   = strings.Fields("nko vich ski berg son ton ley man stein ova ez ard ic ler well")
	givenNames = strings.Fields("John Maria Oleg Anna Peter Irina David Sarah Ahmed Li Carlos Fatima Ivan Elena James Olga Michael Yuki Pierre Hana")
	orgHeadsG  = strings.Fields("Group Institute Council Agency Ministry Corporation Foundation Party Bank Union")
	placeEnds  = strings.Fields("burg grad ovo ville stan port field")
)

// genName returns a generated surname-like word.
func genName(r *rand.Rand) string {
	return nameStarts[r.IntN(len(nameStarts))] + nameMids[r.IntN(len(nameMids))] + nameEnds[r.IntN(len(nameEnds))]
}

// largeArticle returns one generated news-like article of at least size
// bytes with paragraphs of varied names of people, places and
// organisations, acronyms defined in the text, and names repeated later by
// surname or acronym. The same seed gives the same text.
func largeArticle(size int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 17))
	var b strings.Builder
	b.Grow(size + 1024)
	type person struct{ given, last string }
	var people []person
	var places, orgs []string
	for b.Len() < size {
		p := person{givenNames[r.IntN(len(givenNames))], genName(r)}
		people = append(people, p)
		place := genName(r)
		if r.IntN(2) == 0 {
			place = nameStarts[r.IntN(len(nameStarts))] + placeEnds[r.IntN(len(placeEnds))]
		}
		places = append(places, place)
		orgWords := []string{genName(r), orgHeadsG[r.IntN(len(orgHeadsG))]}
		org := strings.Join(orgWords, " ")
		orgs = append(orgs, org)
		old := people[r.IntN(len(people))]
		oldPlace := places[r.IntN(len(places))]
		oldOrg := orgs[r.IntN(len(orgs))]
		switch r.IntN(4) {
		case 0:
			b.WriteString(p.given + " " + p.last + ", a spokesman for the " + org + " in " + place +
				", said on Monday that the talks would continue. ")
			b.WriteString(old.last + " told reporters in " + oldPlace + " that he had met " + p.last + " twice. ")
		case 1:
			acr := strings.ToUpper(orgWords[0][:1] + orgWords[1][:1] + orgWords[0][1:2])
			b.WriteString("The " + org + " (" + acr + ") opened an office in " + place + " Oblast last year. ")
			b.WriteString("According to the " + acr + ", " + p.given + " " + p.last + " will lead it. ")
		case 2:
			b.WriteString("In " + place + ", " + old.given + " " + old.last + " and " + p.given + " " + p.last +
				" signed an agreement with the " + oldOrg + ". ")
			b.WriteString("The " + oldOrg + " said the deal was worth $" + string(rune('1'+r.IntN(9))) + " million. ")
		default:
			b.WriteString(p.last + " , who heads the " + org + " , arrived in " + oldPlace + " on Friday . ")
			b.WriteString("Officials of the " + org + " and the " + oldOrg + " declined to comment. ")
		}
		if r.IntN(5) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}
