package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dossier-nlp/dossier/extract/relate"
)

// relTestResult builds the Result the relation rules read for text: the
// real tokenizer and segmenter, and one mention per spec in text order.
// A spec is "P:", "L:" or "O:" (PERSON, LOCATION, ORGANIZATION) and the
// mention's text, found after the previous mention; "~" after the colon
// keeps the exact bytes instead of widening the span to whole tokens.
// resolve then groups the mentions into entities.
func relTestResult(t testing.TB, text string, specs ...string) *Result {
	t.Helper()
	toks := tokenize(text)
	res := &Result{Tokens: toks, Sentences: segment(text, toks)}
	pos := 0
	for _, spec := range specs {
		typ := map[string]string{"P": Person, "L": Location, "O": Organization}[spec[:1]]
		sub := spec[2:]
		exact := strings.HasPrefix(sub, "~")
		sub = strings.TrimPrefix(sub, "~")
		i := strings.Index(text[pos:], sub)
		if typ == "" || i < 0 {
			t.Fatalf("mention %q not found in %q after byte %d", spec, text, pos)
		}
		start, end := pos+i, pos+i+len(sub)
		if !exact {
			for _, tk := range toks {
				if tk.Start <= start && start < tk.End {
					start = tk.Start
				}
				if tk.Start < end && end <= tk.End {
					end = tk.End
				}
			}
		}
		si := -1
		for k, s := range res.Sentences {
			if s.Start <= start && end <= s.End {
				si = k
			}
		}
		if si < 0 {
			t.Fatalf("mention %q crosses a sentence boundary", spec)
		}
		res.Mentions = append(res.Mentions, Mention{Start: start, End: end, Text: text[start:end], Type: typ,
			Sentence: si, Source: "test", Confidence: 1})
		pos = end
	}
	res.Entities = resolve(res.Mentions)
	return res
}

// relStrings renders relations as "subject predicate object" with the
// entities' canonical names, sorted.
func relStrings(res *Result, rels []Relation) []string {
	var out []string
	for _, r := range rels {
		out = append(out, fmt.Sprintf("%s %s %s", res.Entities[r.Subject].Name, r.Predicate, res.Entities[r.Object].Name))
	}
	sort.Strings(out)
	return out
}

// relCase is one sentence with its mentions and the relations expected
// from it, as "subject predicate object" with canonical names. A nil want
// means nothing may be found.
type relCase struct {
	name     string
	text     string
	mentions []string
	want     []string
}

// typedCases specify the typed relation rules: for each shape the
// sentences it must read and, after them, the near misses it must not.
var typedCases = []relCase{
	// title-appositive: [the] ROLE PREP OBJ [,] HOLDER.
	{"title-appositive/governor", "The governor of Belgorod Oblast, Vyacheslav Gladkov, said on Monday.",
		[]string{"L:Belgorod Oblast", "P:Vyacheslav Gladkov"}, []string{"Vyacheslav Gladkov leads Belgorod Oblast"}},
	{"title-appositive/head", "The head of the Wagner Group, Yevgeny Prigozhin, suggested it.",
		[]string{"O:Wagner Group", "P:Yevgeny Prigozhin"}, []string{"Yevgeny Prigozhin leads Wagner Group"}},
	{"title-appositive/possessive object", "The governor of Russia’s Belgorod region, Vyacheslav Gladkov, said so.",
		[]string{"L:Russia", "L:Belgorod", "P:Vyacheslav Gladkov"},
		[]string{"Belgorod located_in Russia", "Vyacheslav Gladkov leads Belgorod"}},
	{"title-appositive/nested object", "The spokesman for the Main Directorate of Intelligence of the Ukrainian Ministry of Defense, Andriy Yusov, claimed it.",
		[]string{"O:Main Directorate of Intelligence", "O:Ukrainian Ministry of Defense", "P:Andriy Yusov"},
		[]string{"Andriy Yusov speaks_for Main Directorate of Intelligence"}},
	{"title-appositive/no comma", "Governor of Russia's Belgorod Region Vyacheslav Gladkov spoke.",
		[]string{"L:Russia", "L:Belgorod Region", "P:Vyacheslav Gladkov"},
		[]string{"Belgorod Region located_in Russia", "Vyacheslav Gladkov leads Belgorod Region"}},
	{"title-appositive/resident", "A resident of Shebekino, Ivan Petrov, told reporters.",
		[]string{"L:Shebekino", "P:Ivan Petrov"}, []string{"Ivan Petrov lives_in Shebekino"}},
	{"title-appositive/former", "The former governor of Texas, George Bush, spoke.",
		[]string{"L:Texas", "P:George Bush"}, []string{"George Bush leads Texas"}},
	{"title-appositive/assassin", "The assassin of Mahatma Gandhi, Nathuram Godse, was hanged.",
		[]string{"P:Mahatma Gandhi", "P:Nathuram Godse"}, []string{"Nathuram Godse killed Mahatma Gandhi"}},
	{"title-appositive/deputy", "The deputy director of the FBI, Mark Felt, leaked it.",
		[]string{"O:FBI", "P:Mark Felt"}, []string{"Mark Felt member_of FBI"}},
	{"title-appositive/near miss: city of X, country", "Shelling hit the city of Shebekino, Russia, on Wednesday.",
		[]string{"L:Shebekino", "L:Russia"}, []string{"Shebekino located_in Russia"}},
	{"title-appositive/near miss: would-be", "The would-be leader of the party, John Smith, lost.",
		[]string{"O:party", "P:John Smith"}, nil},
	{"title-appositive/near miss: list of places", "He met the governors of Kursk, Bryansk and Belgorod.",
		[]string{"L:Kursk", "L:Bryansk", "L:Belgorod"}, nil},

	// appositive and copula: HOLDER, [who is] ROLE PREP OBJ.
	{"appositive/analyst at", "Neil Melvin, an analyst at the Royal United Services Institute, said so.",
		[]string{"P:Neil Melvin", "O:Royal United Services Institute"}, []string{"Neil Melvin member_of Royal United Services Institute"}},
	{"appositive/head of with fill", "said Mark Galeotti, head of London-based intelligence consultancy Mayak and author of books.",
		[]string{"P:Mark Galeotti", "L:~London", "O:Mayak"}, []string{"Mark Galeotti leads Mayak", "Mayak based_in London"}},
	{"appositive/representative", "As Ilya Ponomarev, a political representative of the RDK, claimed, it began.",
		[]string{"P:Ilya Ponomarev", "O:RDK"}, []string{"Ilya Ponomarev speaks_for RDK"}},
	{"appositive/chairman and chief executive", "John Akers, chairman and chief executive of IBM, resigned.",
		[]string{"P:John Akers", "O:IBM"}, []string{"John Akers leads IBM"}},
	{"appositive/senator from", "Bob Dole, a Republican senator from Kansas, spoke.",
		[]string{"P:Bob Dole", "L:Kansas"}, []string{"Bob Dole lives_in Kansas"}},
	{"appositive/any noun from", "John Smith, a farmer from Iowa, testified.",
		[]string{"P:John Smith", "L:Iowa"}, []string{"John Smith lives_in Iowa"}},
	{"appositive/native of", "Smith, a native of Dallas, won.",
		[]string{"P:Smith", "L:Dallas"}, []string{"Smith born_in Dallas"}},
	{"appositive/city in", "Shebekino, a town in Belgorod region, was shelled.",
		[]string{"L:Shebekino", "L:Belgorod"}, []string{"Shebekino located_in Belgorod"}},
	{"appositive/place chain", "Pasadena, California, a suburb of Los Angeles, grew.",
		[]string{"L:Pasadena", "L:California", "L:Los Angeles"},
		[]string{"Pasadena located_in California", "Pasadena located_in Los Angeles"}},
	{"appositive/subsidiary", "Taito, a subsidiary of Square Enix, makes games.",
		[]string{"O:Taito", "O:Square Enix"}, []string{"Taito part_of Square Enix"}},
	{"copula/part of", "Security is ensured by the Border Guard Service which is a part of the FSB but not more.",
		[]string{"O:Border Guard Service", "O:FSB"}, []string{"Border Guard Service part_of FSB"}},
	{"copula/is the president of", "Smith is the president of General Motors.",
		[]string{"P:Smith", "O:General Motors"}, []string{"Smith leads General Motors"}},
	{"copula/was named", "Jones was named chief executive of Exxon in May.",
		[]string{"P:Jones", "O:Exxon"}, []string{"Jones leads Exxon"}},
	{"appositive/near miss: negated", "Peskov is not a spokesman for Kyiv.",
		[]string{"P:Peskov", "L:Kyiv"}, nil},
	{"appositive/near miss: no role", "Smith, the son of the owner of IBM, left.",
		[]string{"P:Smith", "O:IBM"}, nil},
	{"appositive/near miss: role of the next name", "Asked about Putin, the head of Wagner Yevgeny Prigozhin said nothing.",
		[]string{"P:Putin", "O:Wagner", "P:Yevgeny Prigozhin"}, []string{"Yevgeny Prigozhin leads Wagner"}},

	// possessive-, modifier- and demonym-appositive: HOLDER, OBJ('s) ROLE.
	{"possessive-appositive", "Dmitry Peskov, Putin's spokesman, declined to comment.",
		[]string{"P:Dmitry Peskov", "P:Putin"}, []string{"Dmitry Peskov speaks_for Putin"}},
	{"possessive-appositive/killer", "Jack Ruby, Oswald's killer, died in 1967.",
		[]string{"P:Jack Ruby", "P:Oswald"}, []string{"Jack Ruby killed Oswald"}},
	{"modifier-appositive", "Bill Gates, Microsoft chairman, spoke.",
		[]string{"P:Bill Gates", "O:Microsoft"}, []string{"Bill Gates leads Microsoft"}},
	{"modifier-appositive/resident", "Ivan Petrov, a Shebekino resident, fled.",
		[]string{"P:Ivan Petrov", "L:Shebekino"}, []string{"Ivan Petrov lives_in Shebekino"}},
	{"modifier-appositive/any person noun", "John Smith, a Dallas lawyer, objected.",
		[]string{"P:John Smith", "L:Dallas"}, []string{"John Smith lives_in Dallas"}},
	{"modifier-appositive/near miss: critic", "Alexei Navalny, a Kremlin critic, was jailed.",
		[]string{"P:Alexei Navalny", "O:Kremlin"}, nil},
	{"demonym-appositive", "Zelensky, the Ukrainian president, visited Ukraine.",
		[]string{"P:Zelensky", "L:Ukraine"}, []string{"Zelensky leads Ukraine"}},
	{"demonym-appositive/agency", "Tass, the Soviet news agency, said the Soviet Union agreed.",
		[]string{"O:Tass", "L:Soviet Union"}, []string{"Tass based_in Soviet Union"}},
	{"modifier-appositive/near miss: role of the next name", "About Putin, Kremlin spokesman Dmitry Peskov said nothing.",
		[]string{"P:Putin", "O:Kremlin", "P:Dmitry Peskov"}, []string{"Dmitry Peskov speaks_for Kremlin"}},

	// title-premodifier, possessive-title, demonym-title: OBJ ROLE HOLDER.
	{"title-premodifier/spokesman", "Kremlin spokesman Dmitry Peskov said in recent hours.",
		[]string{"O:Kremlin", "P:Dmitry Peskov"}, []string{"Dmitry Peskov speaks_for Kremlin"}},
	{"title-premodifier/ministry spokesman", "Russian Defense Ministry spokesman Igor Konashenkov said.",
		[]string{"O:Russian Defense Ministry", "P:Igor Konashenkov"}, []string{"Igor Konashenkov speaks_for Russian Defense Ministry"}},
	{"title-premodifier/chairman", "Microsoft chairman Bill Gates met them.",
		[]string{"O:Microsoft", "P:Bill Gates"}, []string{"Bill Gates leads Microsoft"}},
	{"title-premodifier/rank after role", "Department of Defense Press Secretary Brigadier General Pat Ryder confirmed it.",
		[]string{"O:Department of Defense", "P:Pat Ryder"}, []string{"Pat Ryder speaks_for Department of Defense"}},
	{"title-premodifier/assassin", "Kennedy assassin Lee Harvey Oswald was shot.",
		[]string{"P:Kennedy", "P:Lee Harvey Oswald"}, []string{"Lee Harvey Oswald killed Kennedy"}},
	{"title-premodifier/place noun", "The Moscow newspaper Pravda reported it.",
		[]string{"L:Moscow", "O:Pravda"}, []string{"Pravda based_in Moscow"}},
	{"title-premodifier/governor", "Ohio Gov. Richard Celeste signed it.",
		[]string{"L:Ohio", "P:Richard Celeste"}, []string{"Richard Celeste leads Ohio"}},
	{"title-premodifier/senator", "Kansas Sen. Bob Dole objected.",
		[]string{"L:Kansas", "P:Bob Dole"}, []string{"Bob Dole lives_in Kansas"}},
	{"title-premodifier/any person noun", "Texas oilman T. Boone Pickens bought shares.",
		[]string{"L:Texas", "P:T. Boone Pickens"}, []string{"T. Boone Pickens lives_in Texas"}},
	{"title-premodifier/any person noun at an organisation", "Microsoft engineer John Smith quit.",
		[]string{"O:Microsoft", "P:John Smith"}, []string{"John Smith member_of Microsoft"}},
	{"title-premodifier/near miss: critic", "Kremlin critic Alexei Navalny was jailed.",
		[]string{"O:Kremlin", "P:Alexei Navalny"}, nil},
	{"title-premodifier/near miss: expert", "Russia expert Fiona Hill testified.",
		[]string{"L:Russia", "P:Fiona Hill"}, nil},
	{"possessive-title", "IBM's chief executive John Akers resigned.",
		[]string{"O:IBM", "P:John Akers"}, []string{"John Akers leads IBM"}},
	{"possessive-title/assassin", "Oswald's assassin, Jack Ruby, was tried.",
		[]string{"P:Oswald", "P:Jack Ruby"}, []string{"Jack Ruby killed Oswald"}},
	{"demonym-title", "Ukrainian President Volodymyr Zelensky thanked Ukraine.",
		[]string{"P:Volodymyr Zelensky", "L:Ukraine"}, []string{"Volodymyr Zelensky leads Ukraine"}},
	{"demonym-title/near miss: country not named", "Ukrainian President Volodymyr Zelensky thanked Poland.",
		[]string{"P:Volodymyr Zelensky", "L:Poland"}, nil},
	{"demonym-title/near miss: noun between", "Russian army commander Ivan Popov met officials in Russia.",
		[]string{"P:Ivan Popov", "L:Russia"}, nil},
	{"demonym-title/near miss: speaks for a country", "Russian presidential spokesman Dmitry Peskov mentioned Russia.",
		[]string{"P:Dmitry Peskov", "L:Russia"}, nil},
	{"title-premodifier/near miss: not a title", "The Navy aircraft carrying Admiral Dufek landed.",
		[]string{"O:Navy", "P:Dufek"}, nil},

	// Persons and places, persons and organisations without a role.
	{"possessive-person", "Microsoft's Bill Gates spoke.",
		[]string{"O:Microsoft", "P:Bill Gates"}, []string{"Bill Gates member_of Microsoft"}},
	{"person-of/place", "Sen. Bob Dole of Kansas objected.",
		[]string{"P:Bob Dole", "L:Kansas"}, []string{"Bob Dole lives_in Kansas"}},
	{"person-of/organisation", "John Smith of the FBI testified.",
		[]string{"P:John Smith", "O:FBI"}, []string{"John Smith member_of FBI"}},
	{"party-state", "Rep. Dick Gephardt (D-Mo.) objected.",
		[]string{"P:Dick Gephardt", "L:~Mo."}, []string{"Dick Gephardt lives_in Mo."}},
	{"age-of-place", "John Smith, 45, of Dallas, was arrested.",
		[]string{"P:John Smith", "L:Dallas"}, []string{"John Smith lives_in Dallas"}},
	{"home", "Police searched Smith's home in Dallas.",
		[]string{"P:Smith", "L:Dallas"}, []string{"Smith lives_in Dallas"}},
	{"person-of/near miss: possessive object", "John Smith of Microsoft's board left.",
		[]string{"P:John Smith", "O:Microsoft"}, nil},

	// Places.
	{"place-comma", "He was born in Dallas, Texas, in 1950.",
		[]string{"L:Dallas", "L:Texas"}, []string{"Dallas located_in Texas"}},
	{"place-comma/chain", "They met in Shebekino, Belgorod region, Russia last year.",
		[]string{"L:Shebekino", "L:Belgorod", "L:Russia"},
		[]string{"Belgorod located_in Russia", "Shebekino located_in Belgorod"}},
	{"place-in", "Vehicles burned in the city of Shebekino in Belgorod region.",
		[]string{"L:Shebekino", "L:Belgorod"}, []string{"Shebekino located_in Belgorod"}},
	{"place-of", "Fighting reached the Belgorod region of Russia.",
		[]string{"L:Belgorod", "L:Russia"}, []string{"Belgorod located_in Russia"}},
	{"place-of/naming noun", "He lives in the California town of Ojai.",
		[]string{"L:California", "L:Ojai"}, []string{"Ojai located_in California"}},
	{"possessive-place", "Russia's Belgorod region was shelled.",
		[]string{"L:Russia", "L:Belgorod"}, []string{"Belgorod located_in Russia"}},
	{"possessive-place/organisation", "Ukraine's Defense Ministry said so.",
		[]string{"L:Ukraine", "O:Defense Ministry"}, []string{"Defense Ministry based_in Ukraine"}},
	{"place-comma/near miss: list", "Paris, London and Berlin agreed.",
		[]string{"L:Paris", "L:London", "L:Berlin"}, nil},
	{"place-comma/near miss: long list", "Kursk, Bryansk, Belgorod, Voronezh were hit.",
		[]string{"L:Kursk", "L:Bryansk", "L:Belgorod", "L:Voronezh"}, nil},
	{"place-comma/near miss: persons", "Smith, Jones and Brown met in Boston.",
		[]string{"P:Smith", "P:Jones", "P:Brown", "L:Boston"}, nil},
	{"place-comma/near miss: next clause", "In Belgorod, Russia launched a counter-attack.",
		[]string{"L:Belgorod", "L:Russia"}, nil},
	{"place-in/near miss: country", "Troops of Russia in Ukraine advanced.",
		[]string{"L:Russia", "L:Ukraine"}, nil},
	{"place-in/near miss: from", "Troops from Moscow in Ukraine advanced.",
		[]string{"L:Moscow", "L:Ukraine"}, nil},

	// Organisations and places.
	{"X-based/forward", "The London-based think tank RUSI published it.",
		[]string{"L:~London", "O:RUSI"}, []string{"RUSI based_in London"}},
	{"X-based/backward", "Neil Melvin works at RUSI, a London-based defense think tank.",
		[]string{"P:Neil Melvin", "O:RUSI", "L:~London"}, []string{"Neil Melvin member_of RUSI", "RUSI based_in London"}},
	{"X-based/spaced dash", "The Washington - based Institute for the Study of War said so.",
		[]string{"L:Washington", "O:Institute for the Study of War"}, []string{"Institute for the Study of War based_in Washington"}},
	{"X-born", "The Texas-born singer Willie Nelson performed.",
		[]string{"L:~Texas", "P:Willie Nelson"}, []string{"Willie Nelson born_in Texas"}},
	{"org-of-place", "The Interior Ministry of Ukraine said so.",
		[]string{"O:Interior Ministry", "L:Ukraine"}, []string{"Interior Ministry based_in Ukraine"}},
	{"org-in-place", "He visited the U.S. Embassy in Moscow.",
		[]string{"O:U.S. Embassy", "L:Moscow"}, []string{"U.S. Embassy based_in Moscow"}},
	{"org-comma-place", "Apple Computer Inc., Cupertino, Calif., said so.",
		[]string{"O:Apple Computer Inc.", "L:Cupertino", "L:Calif."},
		[]string{"Apple Computer Inc. based_in Cupertino", "Cupertino located_in Calif."}},
	{"verb-prep/based in", "Mayak, which is based in London, advises firms.",
		[]string{"O:Mayak", "L:London"}, []string{"Mayak based_in London"}},
	{"verb-prep/headquartered", "Exxon, headquartered in Irving, reported profits.",
		[]string{"O:Exxon", "L:Irving"}, []string{"Exxon based_in Irving"}},
	{"X-based/near miss: list of organisations", "Sanctions hit Gazprom, Rosneft and Lukoil.",
		[]string{"O:Gazprom", "O:Rosneft", "O:Lukoil"}, nil},

	// Persons, organisations and places by verbs.
	{"verb-prep/lives in", "Smith, who lives in Boston, agreed.",
		[]string{"P:Smith", "L:Boston"}, []string{"Smith lives_in Boston"}},
	{"verb-prep/born in after appositive", "Jack Ruby, a nightclub owner, was born in Chicago.",
		[]string{"P:Jack Ruby", "L:Chicago"}, []string{"Jack Ruby born_in Chicago"}},
	{"verb-prep/works for", "Smith works for General Electric.",
		[]string{"P:Smith", "O:General Electric"}, []string{"Smith member_of General Electric"}},
	{"verb-active/leads", "Prigozhin leads the Wagner Group.",
		[]string{"P:Prigozhin", "O:Wagner Group"}, []string{"Prigozhin leads Wagner Group"}},
	{"verb-passive/founded by", "The Wagner Group was founded by Dmitry Utkin.",
		[]string{"O:Wagner Group", "P:Dmitry Utkin"}, []string{"Dmitry Utkin leads Wagner Group"}},
	{"verb-active/joined", "Smith joined the Democratic Party in 1990.",
		[]string{"P:Smith", "O:Democratic Party"}, []string{"Smith member_of Democratic Party"}},
	{"verb-active/employs", "IBM employs John Smith.",
		[]string{"O:IBM", "P:John Smith"}, []string{"John Smith member_of IBM"}},
	{"verb-active/near miss: subject in a phrase", "The head of Wagner joined the Russian army.",
		[]string{"O:Wagner", "O:Russian army"}, nil},
	{"verb-active/near miss: negated", "Smith did not join the Democratic Party.",
		[]string{"P:Smith", "O:Democratic Party"}, nil},

	// Killing.
	{"verb-active/killed", "Oswald killed Kennedy.",
		[]string{"P:Oswald", "P:Kennedy"}, []string{"Oswald killed Kennedy"}},
	{"verb-active/assassinated with title", "John Wilkes Booth assassinated President Abraham Lincoln.",
		[]string{"P:John Wilkes Booth", "P:Abraham Lincoln"}, []string{"John Wilkes Booth killed Abraham Lincoln"}},
	{"verb-active/relative clause", "Mark David Chapman, who shot John Lennon, was denied parole.",
		[]string{"P:Mark David Chapman", "P:John Lennon"}, []string{"Mark David Chapman killed John Lennon"}},
	{"verb-passive/killed by", "Kennedy was killed by Oswald in Dallas.",
		[]string{"P:Kennedy", "P:Oswald", "L:Dallas"}, []string{"Oswald killed Kennedy"}},
	{"verb-passive/shot dead by", "Smith was shot dead by Jones.",
		[]string{"P:Smith", "P:Jones"}, []string{"Jones killed Smith"}},
	{"verb-passive/organisation", "The journalist Ivan Petrov was murdered by the FSB.",
		[]string{"P:Ivan Petrov", "O:FSB"}, []string{"FSB killed Ivan Petrov"}},
	{"killed-nominal", "The assassination of President John F. Kennedy by Lee Harvey Oswald shocked America.",
		[]string{"P:John F. Kennedy", "P:Lee Harvey Oswald", "L:America"}, []string{"Lee Harvey Oswald killed John F. Kennedy"}},
	{"killed-nominal/possessive", "Lennon's murder by Chapman shocked fans.",
		[]string{"P:Lennon", "P:Chapman"}, []string{"Chapman killed Lennon"}},
	{"killed-accused", "Sirhan Sirhan, convicted of assassinating Robert F. Kennedy, remains in prison.",
		[]string{"P:Sirhan Sirhan", "P:Robert F. Kennedy"}, []string{"Sirhan Sirhan killed Robert F. Kennedy"}},
	{"killed-nominal/role noun", "The killing of journalist Anna Politkovskaya by Rustam Makhmudov outraged Moscow.",
		[]string{"P:Anna Politkovskaya", "P:Rustam Makhmudov", "L:Moscow"}, []string{"Rustam Makhmudov killed Anna Politkovskaya"}},
	{"killed-nominal/slaying", "Police linked the slaying of Maria Lopez by Carl Hunt to a feud.",
		[]string{"P:Maria Lopez", "P:Carl Hunt"}, []string{"Carl Hunt killed Maria Lopez"}},
	{"killed-nominal/fatal shooting", "The fatal shooting of Tom Reed by Officer Dan Kelly was ruled lawful.",
		[]string{"P:Tom Reed", "P:Dan Kelly"}, []string{"Dan Kelly killed Tom Reed"}},
	{"killed-nominal/carried out by", "The assassination of Boris Nemtsov was carried out by Zaur Dadayev, the court found.",
		[]string{"P:Boris Nemtsov", "P:Zaur Dadayev"}, []string{"Zaur Dadayev killed Boris Nemtsov"}},
	{"killer/possessive title", "Lennon's killer Mark David Chapman was denied parole.",
		[]string{"P:Lennon", "P:Mark David Chapman"}, []string{"Mark David Chapman killed Lennon"}},
	{"killer/possessive appositive", "Gandhi's assassin, Nathuram Godse, was hanged in 1949.",
		[]string{"P:Gandhi", "P:Nathuram Godse"}, []string{"Nathuram Godse killed Gandhi"}},
	{"killer/appositive", "Chapman, the killer of John Lennon, spoke to the board.",
		[]string{"P:Chapman", "P:John Lennon"}, []string{"Chapman killed John Lennon"}},
	{"killed-accused/charged with", "Ahmed Ali was charged with murdering Sarah Khan last year.",
		[]string{"P:Ahmed Ali", "P:Sarah Khan"}, []string{"Ahmed Ali killed Sarah Khan"}},
	{"killed-accused/accused of the killing", "Peter Novak, accused of the killing of Jan Kuciak, was acquitted.",
		[]string{"P:Peter Novak", "P:Jan Kuciak"}, []string{"Peter Novak killed Jan Kuciak"}},
	{"killed-accused/arrested for", "Police arrested Mike Stone for the murder of Lisa Gray.",
		[]string{"O:Police", "P:Mike Stone", "P:Lisa Gray"}, nil},
	{"killed-accused/passive", "Mike Stone was arrested for the murder of Lisa Gray.",
		[]string{"P:Mike Stone", "P:Lisa Gray"}, []string{"Mike Stone killed Lisa Gray"}},
	{"verb-active/gunned down", "Gunmen loyal to Omar Haddad gunned down Yusuf Karim on Monday.",
		[]string{"P:Omar Haddad", "P:Yusuf Karim"}, nil},
	{"verb-active/gun down", "Tony Moss gunned down Rick Vale outside a bar.",
		[]string{"P:Tony Moss", "P:Rick Vale"}, []string{"Tony Moss killed Rick Vale"}},
	{"verb-active/stabbed to death", "Leo Hart stabbed Ian Cole to death.",
		[]string{"P:Leo Hart", "P:Ian Cole"}, []string{"Leo Hart killed Ian Cole"}},
	{"verb-passive/fatally shot", "Ian Cole was fatally shot by Leo Hart.",
		[]string{"P:Ian Cole", "P:Leo Hart"}, []string{"Leo Hart killed Ian Cole"}},
	{"verb-active/shot and killed", "Leo Hart shot and killed Ian Cole.",
		[]string{"P:Leo Hart", "P:Ian Cole"}, []string{"Leo Hart killed Ian Cole"}},
	{"killed/near miss: attempted", "Leo Hart tried to kill Ian Cole, but failed.",
		[]string{"P:Leo Hart", "P:Ian Cole"}, nil},
	{"killed/near miss: killed with", "Leo Hart was killed with Ian Cole in the crash.",
		[]string{"P:Leo Hart", "P:Ian Cole"}, nil},
	{"title-person-of/party", "Sen. Mark Holden of the governing Liberty Party said the bill would pass.",
		[]string{"P:Mark Holden", "O:Liberty Party"}, []string{"Mark Holden member_of Liberty Party"}},
	{"title-person-of/country", "Prime Minister Ravi Shankar of India met the delegation.",
		[]string{"P:Ravi Shankar", "L:India"}, []string{"Ravi Shankar leads India"}},
	{"title-person-of/former", "Former Mayor Ann Kerr of Dayton spoke.",
		[]string{"P:Ann Kerr", "L:Dayton"}, []string{"Ann Kerr leads Dayton"}},
	{"possessive-bureau", "Reuters' Jerusalem bureau chief Tom Black reported the strike.",
		[]string{"O:Reuters", "L:Jerusalem", "P:Tom Black"}, []string{"Reuters based_in Jerusalem"}},
	{"possessive-bureau/plant", "Toyota's Kentucky plant will close.",
		[]string{"O:Toyota", "L:Kentucky"}, []string{"Toyota based_in Kentucky"}},
	{"verb-prep/relative clause in a prepositional phrase", "The attack was condemned by Hamas, which is based in Gaza.",
		[]string{"O:Hamas", "L:Gaza"}, []string{"Hamas based_in Gaza"}},
	{"verb-active/relative clause heads", "Tim Cook, who heads Apple, spoke.",
		[]string{"P:Tim Cook", "O:Apple"}, []string{"Tim Cook leads Apple"}},
	{"comma-of-place", "John Miller, of Seattle, said the plane was safe.",
		[]string{"P:John Miller", "L:Seattle"}, []string{"John Miller lives_in Seattle"}},
	{"possessive-bureau/headquarters in", "Reporters gathered at Boeing's headquarters in Chicago.",
		[]string{"O:Boeing", "L:Chicago"}, []string{"Boeing based_in Chicago"}},
	{"possessive-place/city of", "Ukraine's eastern city of Bakhmut was shelled.",
		[]string{"L:Ukraine", "L:Bakhmut"}, []string{"Bakhmut located_in Ukraine"}},
	{"verb-prep/moved to", "Ivanov moved to Kyiv in 2010.",
		[]string{"P:Ivanov", "L:Kyiv"}, []string{"Ivanov lives_in Kyiv"}},
	{"killed-died-after", "Amy Lee died after being shot by Dan Price.",
		[]string{"P:Amy Lee", "P:Dan Price"}, []string{"Dan Price killed Amy Lee"}},
	{"killed-died-after/when", "Amy Lee died when she was stabbed by Dan Price.",
		[]string{"P:Amy Lee", "P:Dan Price"}, []string{"Dan Price killed Amy Lee"}},
	{"killed-accused/pleaded guilty to", "Dan Price pleaded guilty to killing Amy Lee on Monday.",
		[]string{"P:Dan Price", "P:Amy Lee"}, []string{"Dan Price killed Amy Lee"}},
	{"killed-accused/confessed to", "Dan Price confessed to killing Amy Lee on Monday.",
		[]string{"P:Dan Price", "P:Amy Lee"}, []string{"Dan Price killed Amy Lee"}},
	{"killed-accused/admitted", "Dan Price admitted murdering Amy Lee on Monday.",
		[]string{"P:Dan Price", "P:Amy Lee"}, []string{"Dan Price killed Amy Lee"}},
	{"killed-accused/executed for", "Dan Price was executed for killing Amy Lee in 1990.",
		[]string{"P:Dan Price", "P:Amy Lee"}, []string{"Dan Price killed Amy Lee"}},
	{"killed/near miss: died after a meeting with", "Amy Lee died after meeting Dan Price.",
		[]string{"P:Amy Lee", "P:Dan Price"}, nil},
	{"killed/near miss: admitted knowing", "Dan Price admitted knowing Amy Lee.",
		[]string{"P:Dan Price", "P:Amy Lee"}, nil},
	{"title-person-of/near miss: a body before the title", "Senate Majority Leader Tom Harlan of Ohio spoke.",
		[]string{"P:Tom Harlan", "L:Ohio"}, []string{"Tom Harlan lives_in Ohio"}},
	{"appositive/partisan from", "Harlan, a Republican from Columbus, met the press.",
		[]string{"P:Harlan", "L:Columbus"}, []string{"Harlan lives_in Columbus"}},
	{"killed/near miss: not killed", "Oswald did not kill Kennedy, his mother said.",
		[]string{"P:Oswald", "P:Kennedy"}, nil},
	{"killed/near miss: possessive object", "Smith killed Jones's dog.",
		[]string{"P:Smith", "P:Jones"}, nil},
	{"killed/near miss: killed in a place", "Smith was killed in Dallas.",
		[]string{"P:Smith", "L:Dallas"}, nil},
	{"killed/near miss: killed near a person", "Smith was killed near Jones's house.",
		[]string{"P:Smith", "P:Jones"}, nil},

	// Shapes of wire-news sentences (matchNews, matchVerbShapes).
	{"relative-killer", "The man who killed Gabriel Fernandez, Isauro Aguirre, was sentenced.",
		[]string{"P:Gabriel Fernandez", "P:Isauro Aguirre"}, []string{"Isauro Aguirre killed Gabriel Fernandez"}},
	{"relative-killer/near miss: the man who met", "The man who met Gabriel Fernandez, Isauro Aguirre, was sentenced.",
		[]string{"P:Gabriel Fernandez", "P:Isauro Aguirre"}, nil},
	{"verb-to-death", "Jesse Cole beat Manny Ortiz to death with a bat.",
		[]string{"P:Jesse Cole", "P:Manny Ortiz"}, []string{"Jesse Cole killed Manny Ortiz"}},
	{"verb-to-death/near miss: no death", "Jesse Cole beat Manny Ortiz to the finish line.",
		[]string{"P:Jesse Cole", "P:Manny Ortiz"}, nil},
	{"verb-active/appositive object", "Police said Tony Marsh killed his neighbour, Ian Blake, with a hammer.",
		[]string{"P:Tony Marsh", "P:Ian Blake"}, []string{"Tony Marsh killed Ian Blake"}},
	{"verb-passive/appositive agent", "Lindqvist was killed by a sniper, Anders Berg, on the bridge.",
		[]string{"P:Lindqvist", "P:Anders Berg"}, []string{"Anders Berg killed Lindqvist"}},
	{"verb-active/second verb of a pair", "A gunman, Eric Voss, opened fire and killed Kevin Moore.",
		[]string{"P:Eric Voss", "P:Kevin Moore"}, []string{"Eric Voss killed Kevin Moore"}},
	{"killed-accused/shooting death", "Brandon Lee was charged with the shooting death of Marcus Bell.",
		[]string{"P:Brandon Lee", "P:Marcus Bell"}, []string{"Brandon Lee killed Marcus Bell"}},
	{"killed-nominal/ordered by", "The murder of Jamal Khashoggi was ordered by Saud al-Qahtani.",
		[]string{"P:Jamal Khashoggi", "P:Saud al-Qahtani"}, []string{"Saud al-Qahtani killed Jamal Khashoggi"}},
	{"verb-instrument", "Witnesses said Dmitri Orlov fired the shot that killed Pavel Ivanov.",
		[]string{"P:Dmitri Orlov", "P:Pavel Ivanov"}, []string{"Dmitri Orlov killed Pavel Ivanov"}},
	{"verb-instrument/near miss: the story that moved", "Dmitri Orlov wrote the story that moved Pavel Ivanov.",
		[]string{"P:Dmitri Orlov", "P:Pavel Ivanov"}, nil},
	{"appositive-from", "Hannah Weiss, originally from Vienna, now teaches.",
		[]string{"P:Hannah Weiss", "L:Vienna"}, []string{"Hannah Weiss lives_in Vienna"}},
	{"appositive-in", "Nelson Ortiz, a farmer in Chiapas, said the drought was bad.",
		[]string{"P:Nelson Ortiz", "L:Chiapas"}, []string{"Nelson Ortiz lives_in Chiapas"}},
	{"appositive-in/near miss: a region's name", "Nelson Ortiz, a farmer in Chiapas's north, said so.",
		[]string{"P:Nelson Ortiz", "L:Chiapas"}, nil},
	{"appositive-for", "Michael Grant, a lawyer for the Sierra Club, said the group would appeal.",
		[]string{"P:Michael Grant", "O:Sierra Club"}, []string{"Michael Grant member_of Sierra Club"}},
	{"appositive-place-noun/age", "Daniel Fox, 45, a Wichita police officer, was wounded.",
		[]string{"P:Daniel Fox", "L:Wichita"}, []string{"Daniel Fox lives_in Wichita"}},
	{"appositive-place-noun/X-based", "Ravi Patel, a Mumbai-based lawyer, filed the petition.",
		[]string{"P:Ravi Patel", "L:~Mumbai"}, []string{"Ravi Patel lives_in Mumbai"}},
	{"appositive-place-noun/organisation", "Pfizer, the New York drug maker, raised its forecast.",
		[]string{"O:Pfizer", "L:New York"}, []string{"Pfizer based_in New York"}},
	{"own-home", "Hilda Cruz died at her home in Santa Fe on Sunday.",
		[]string{"P:Hilda Cruz", "L:Santa Fe"}, []string{"Hilda Cruz lives_in Santa Fe"}},
	{"own-home/whose", "Mary Ellis, whose home in Malibu burned down, is staying with friends.",
		[]string{"P:Mary Ellis", "L:Malibu"}, []string{"Mary Ellis lives_in Malibu"}},
	{"own-home/near miss: another person's home", "Hilda Cruz met Tom Reed at his home in Santa Fe on Friday.",
		[]string{"P:Hilda Cruz", "P:Tom Reed", "L:Santa Fe"}, []string{"Tom Reed lives_in Santa Fe"}},
	{"verb-life", "Eva Lindgren spent her childhood in Uppsala.",
		[]string{"P:Eva Lindgren", "L:Uppsala"}, []string{"Eva Lindgren lives_in Uppsala"}},
	{"verb-life/near miss: a week", "Eva Lindgren spent a week in Uppsala.",
		[]string{"P:Eva Lindgren", "L:Uppsala"}, nil},
	{"verb-with-in", "The boy, Eli Cohen, lived with his grandmother in Haifa.",
		[]string{"P:Eli Cohen", "L:Haifa"}, []string{"Eli Cohen lives_in Haifa"}},
	{"verb-move-base", "Unilever moved its headquarters to London in 2020.",
		[]string{"O:Unilever", "L:London"}, []string{"Unilever based_in London"}},
	{"appositive-based", "Greenpeace, an environmental group based in Amsterdam, staged a protest.",
		[]string{"O:Greenpeace", "L:Amsterdam"}, []string{"Greenpeace based_in Amsterdam"}},
	{"bureau-of", "The Seoul office of Samsung issued a statement.",
		[]string{"L:Seoul", "O:Samsung"}, []string{"Samsung based_in Seoul"}},
	{"verb-prep/lies in", "The dam lies in Ukraine's south, near Kherson, which is in Ukraine.",
		[]string{"L:Ukraine", "L:Kherson", "L:Ukraine"}, []string{"Kherson located_in Ukraine"}},
	{"verb-active/named", "Goldman Sachs named Alice Wong head of its trading desk.",
		[]string{"O:Goldman Sachs", "P:Alice Wong"}, []string{"Alice Wong member_of Goldman Sachs"}},
	{"verb-has-office", "Lukoil, which has its headquarters in Moscow, grew.",
		[]string{"O:Lukoil", "L:Moscow"}, []string{"Lukoil based_in Moscow"}},
	{"verb-has-office/near miss: a customer in", "Lukoil has customers in Moscow.",
		[]string{"O:Lukoil", "L:Moscow"}, nil},
	{"killed-nominal/possessive agent", "Oswald's assassination of Kennedy shocked the nation.",
		[]string{"P:Oswald", "P:Kennedy"}, []string{"Oswald killed Kennedy"}},
	{"party-state/commas", "Sen. Patty Murray, D-Wash., called the ruling a disgrace.",
		[]string{"P:Patty Murray", "L:~Wash."}, []string{"Patty Murray lives_in Wash."}},
	{"party-state/near miss: a list of places", "Patty Murray, Seattle, and Tacoma were named.",
		[]string{"P:Patty Murray", "L:Seattle", "L:Tacoma"}, nil},
	{"appositive-for/copula and compound noun", "Gina Russo is a trade lawyer for the Sierra Club.",
		[]string{"P:Gina Russo", "O:Sierra Club"}, []string{"Gina Russo member_of Sierra Club"}},
	{"verb-prep/resigned from", "Anne Dubois resigned from Solvane on Tuesday.",
		[]string{"P:Anne Dubois", "O:Solvane"}, []string{"Anne Dubois member_of Solvane"}},
	{"verb-active/fired", "Twitter fired Sam Whitfield last year.",
		[]string{"O:Twitter", "P:Sam Whitfield"}, []string{"Sam Whitfield member_of Twitter"}},
	{"verb-prep/founded in", "Quantum Works, founded in Austin in 2015, grew.",
		[]string{"O:Quantum Works", "L:Austin"}, []string{"Quantum Works based_in Austin"}},
	{"both-of", "Mary Collins and Joseph Kelly, both of Boston, were charged.",
		[]string{"P:Mary Collins", "P:Joseph Kelly", "L:Boston"},
		[]string{"Joseph Kelly lives_in Boston", "Mary Collins lives_in Boston"}},
	{"its-role", "Zillow said its chief executive, Rich Barton, would step down.",
		[]string{"O:Zillow", "P:Rich Barton"}, []string{"Rich Barton leads Zillow"}},
	{"its-role/near miss: no role", "Zillow said its rival, Rich Barton, would step down.",
		[]string{"O:Zillow", "P:Rich Barton"}, nil},
	{"killed-accused/object of the accusing verb", "A court convicted Erik Lund of murdering his partner, Olof Berg.",
		[]string{"P:Erik Lund", "P:Olof Berg"}, []string{"Erik Lund killed Olof Berg"}},
	{"appositive-based/name in the noun phrase", "The IAEA, the UN nuclear watchdog based in Vienna, said so.",
		[]string{"O:IAEA", "O:UN", "L:Vienna"}, []string{"IAEA based_in Vienna"}},
	{"verb-appointed", "Kai Becker was promoted to chief operating officer of Lufthansa.",
		[]string{"P:Kai Becker", "O:Lufthansa"}, []string{"Kai Becker member_of Lufthansa"}},
	{"verb-appointed/near miss: no role", "Kai Becker was promoted to the front page of Lufthansa.",
		[]string{"P:Kai Becker", "O:Lufthansa"}, nil},
	{"staff-including", "Kroger officials, including Tom Hale, toured the warehouse.",
		[]string{"O:Kroger", "P:Tom Hale"}, []string{"Tom Hale member_of Kroger"}},
	{"staff-including/near miss: customers", "Kroger customers, including Tom Hale, complained.",
		[]string{"O:Kroger", "P:Tom Hale"}, nil},
	{"verb-passive/gunned down by", "Omar Diallo, who was gunned down by Felix Nunez, was 23.",
		[]string{"P:Omar Diallo", "P:Felix Nunez"}, []string{"Felix Nunez killed Omar Diallo"}},
	{"killed-died-after/at the hands of", "Ali Musa died at the hands of Samir Jaber.",
		[]string{"P:Ali Musa", "P:Samir Jaber"}, []string{"Samir Jaber killed Ali Musa"}},
	{"verb-prep/speaking for", "Moira Kane, speaking for the National Rifle Association, objected.",
		[]string{"P:Moira Kane", "O:National Rifle Association"}, []string{"Moira Kane speaks_for National Rifle Association"}},
	{"verb-prep/is from", "Patrick Moran, who is from Limerick, scored twice.",
		[]string{"P:Patrick Moran", "L:Limerick"}, []string{"Patrick Moran lives_in Limerick"}},
	{"comma-of-place/adjective", "Sara Quinn, of suburban Evanston, won.",
		[]string{"P:Sara Quinn", "L:Evanston"}, []string{"Sara Quinn lives_in Evanston"}},
	{"own-home/hometown of", "Ahmed Karim returned to his hometown of Mosul.",
		[]string{"P:Ahmed Karim", "L:Mosul"}, []string{"Ahmed Karim lives_in Mosul"}},
	{"verb-active/the office of an organisation", "Ted Fuller, who heads the Kansas City office of the FBI, led it.",
		[]string{"P:Ted Fuller", "L:Kansas City", "O:FBI"}, []string{"FBI based_in Kansas City", "Ted Fuller member_of FBI"}},
	{"verb-passive/by after a place and a year", "Benigno Aquino was assassinated at Manila airport in 1983 by Rolando Galman.",
		[]string{"P:Benigno Aquino", "L:Manila", "P:Rolando Galman"}, []string{"Rolando Galman killed Benigno Aquino"}},
	{"verb-passive/near miss: by after a clause", "Benigno Aquino was killed when a bus driven by Rolando Galman crashed.",
		[]string{"P:Benigno Aquino", "P:Rolando Galman"}, nil},
	{"killed-accused/the man charged with", "Frank Ruiz, the man charged with killing Officer Tom Burke, pleaded not guilty.",
		[]string{"P:Frank Ruiz", "P:Tom Burke"}, []string{"Frank Ruiz killed Tom Burke"}},
	{"killed-accused/a year before the noun", "A Dallas jury convicted Earl Tate in the 1985 slaying of Nora Bell.",
		[]string{"L:Dallas", "P:Earl Tate", "P:Nora Bell"}, []string{"Earl Tate killed Nora Bell"}},
	{"appositive-place-noun/partisan", "Jim Wright, the Texas Democrat, defended the bill.",
		[]string{"P:Jim Wright", "L:Texas"}, []string{"Jim Wright lives_in Texas"}},
	{"both-of/without both", "Arthur Penn and Louise Penn of Scranton celebrated.",
		[]string{"P:Arthur Penn", "P:Louise Penn", "L:Scranton"}, []string{"Arthur Penn lives_in Scranton", "Louise Penn lives_in Scranton"}},
	{"verb-works-as", "Sandra Day now works as a lobbyist for Exxon.",
		[]string{"P:Sandra Day", "O:Exxon"}, []string{"Sandra Day member_of Exxon"}},
	{"verb-passive/hired as", "Alma Ortiz was hired as a nurse by Mercy Hospital in 1995.",
		[]string{"P:Alma Ortiz", "O:Mercy Hospital"}, []string{"Alma Ortiz member_of Mercy Hospital"}},
	{"verb-prep/second verb after and", "Ellen Vance, who was born in Cork and raised in Boston, became a citizen.",
		[]string{"P:Ellen Vance", "L:Cork", "L:Boston"}, []string{"Ellen Vance born_in Cork", "Ellen Vance lives_in Boston"}},
	{"verb-passive/led by after a prepositional phrase", "Investigators from the NTSB, led by Jim Hall, arrived.",
		[]string{"O:NTSB", "P:Jim Hall"}, []string{"Jim Hall leads NTSB"}},
	{"killed-accused/weekday", "Roy Burns was convicted Monday of killing Tina Marsh.",
		[]string{"P:Roy Burns", "P:Tina Marsh"}, []string{"Roy Burns killed Tina Marsh"}},
	{"person-of/X-based organisation", "Kenneth Lay of Houston-based Enron resigned.",
		[]string{"P:Kenneth Lay", "L:~Houston", "O:Enron"}, []string{"Enron based_in Houston", "Kenneth Lay member_of Enron"}},
	{"appositive-in/from after of two", "Sam Okoye, a father of two from Enugu, died.",
		[]string{"P:Sam Okoye", "L:Enugu"}, []string{"Sam Okoye lives_in Enugu"}},
	{"bureau-of/organisation's factory in", "Workers at the Volkswagen factory in Wolfsburg went on strike.",
		[]string{"O:Volkswagen", "L:Wolfsburg"}, []string{"Volkswagen based_in Wolfsburg"}},
	{"age-of-place/street address", "Grant Peterson, 44, of 212 Elm Street, Wichita, was charged.",
		[]string{"P:Grant Peterson", "L:Wichita"}, []string{"Grant Peterson lives_in Wichita"}},
	{"verb-life/most of", "Dorothy Hale spent most of her life in Savannah.",
		[]string{"P:Dorothy Hale", "L:Savannah"}, []string{"Dorothy Hale lives_in Savannah"}},
	{"appositive-from/place in place", "The family of Tariq Khan, from Bradford in northern England, appealed.",
		[]string{"P:Tariq Khan", "L:Bradford", "L:England"}, []string{"Tariq Khan lives_in Bradford"}},
	{"place-noun-of", "The Toronto suburb of Mississauga reported the most cases.",
		[]string{"L:Toronto", "L:Mississauga"}, []string{"Mississauga located_in Toronto"}},
	{"place-noun-of/near miss: the people of", "The Toronto people of Mississauga's north voted.",
		[]string{"L:Toronto", "L:Mississauga"}, nil},
	{"killed-accused/sentenced to years for", "Mehmet Yilmaz was sentenced to 20 years for killing Ayse Kaya.",
		[]string{"P:Mehmet Yilmaz", "P:Ayse Kaya"}, []string{"Mehmet Yilmaz killed Ayse Kaya"}},
	{"verb-prep/years between", "Dave Burns worked 30 years for General Electric.",
		[]string{"P:Dave Burns", "O:General Electric"}, []string{"Dave Burns member_of General Electric"}},
	{"own-home/his hometown after the place", "Jack Kemp spoke in Buffalo, his hometown.",
		[]string{"P:Jack Kemp", "L:Buffalo"}, []string{"Jack Kemp lives_in Buffalo"}},
	{"verb-prep/gunned down a titled victim", "Paul Hill gunned down Dr. John Britton outside a clinic.",
		[]string{"P:Paul Hill", "P:John Britton"}, []string{"Paul Hill killed John Britton"}},
	{"place-noun-of/section of", "Tom Riley, 72, of the Dorchester section of Boston, died.",
		[]string{"P:Tom Riley", "L:Dorchester", "L:Boston"}, []string{"Dorchester located_in Boston", "Tom Riley lives_in Dorchester"}},
	{"appositive-for/place-based role", "Wendy Lin, the Taipei-based correspondent for Nikkei, broke the story.",
		[]string{"P:Wendy Lin", "L:~Taipei", "O:Nikkei"}, []string{"Wendy Lin lives_in Taipei", "Wendy Lin member_of Nikkei"}},
	{"appositive-from/organisation modifier", "Sandra Lopez, a Democratic state senator from El Paso, filed it.",
		[]string{"P:Sandra Lopez", "O:Democratic", "L:El Paso"}, []string{"Sandra Lopez lives_in El Paso", "Sandra Lopez member_of Democratic"}},
	{"appositive-from/originally of", "Noor Hassan, originally of Basra, runs a shop.",
		[]string{"P:Noor Hassan", "L:Basra"}, []string{"Noor Hassan lives_in Basra"}},
	{"appositive-based/from", "Cemex, a cement maker from Monterrey, bought the plant.",
		[]string{"O:Cemex", "L:Monterrey"}, []string{"Cemex based_in Monterrey"}},
	{"verb-prep/year between", "Bruno Costa was born in 1970 in Recife.",
		[]string{"P:Bruno Costa", "L:Recife"}, []string{"Bruno Costa born_in Recife"}},
	{"killed-accused/awaiting trial", "Darnell Price is awaiting trial for the murder of his cousin, Tyrell Price.",
		[]string{"P:Darnell Price", "P:Tyrell Price"}, []string{"Darnell Price killed Tyrell Price"}},
	{"verb-to-death/passive", "Giles Hart was beaten to death by Reggie Moss in 2011.",
		[]string{"P:Giles Hart", "P:Reggie Moss"}, []string{"Reggie Moss killed Giles Hart"}},
	{"verb-life/years at", "Hank Morris spent 20 years at IBM before joining Apple.",
		[]string{"P:Hank Morris", "O:IBM", "O:Apple"}, []string{"Hank Morris member_of Apple", "Hank Morris member_of IBM"}},
	{"killed-nominal/whose killing of", "Mirza Beg, whose killing of Sara Khan shocked the city, was hanged.",
		[]string{"P:Mirza Beg", "P:Sara Khan"}, []string{"Mirza Beg killed Sara Khan"}},
	{"appositive-based/a noun in a place", "Nagy Brothers, a bakery in Pecs, closed.",
		[]string{"O:Nagy Brothers", "L:Pecs"}, []string{"Nagy Brothers based_in Pecs"}},
	{"killed-nominal/the suspect in the slaying of", "The suspect in the slaying of Officer Ray Diaz, Jamal Hunt, was captured.",
		[]string{"P:Ray Diaz", "P:Jamal Hunt"}, []string{"Jamal Hunt killed Ray Diaz"}},
	{"killed-accused/murder in the death of", "Luka Magnotta was found guilty of first-degree murder in the death of Lin Jun in 2014.",
		[]string{"P:Luka Magnotta", "P:Lin Jun"}, []string{"Luka Magnotta killed Lin Jun"}},
	{"verb-active/including", "Dylan Roof murdered nine worshippers, including Clementa Pinckney.",
		[]string{"P:Dylan Roof", "P:Clementa Pinckney"}, []string{"Dylan Roof killed Clementa Pinckney"}},
	{"verb-to-death/shot dead", "Oscar Pistorius shot dead his girlfriend, Reeva Steenkamp, in 2013.",
		[]string{"P:Oscar Pistorius", "P:Reeva Steenkamp"}, []string{"Oscar Pistorius killed Reeva Steenkamp"}},
	{"appositive-based/suburban", "Acme Builders, a contractor based in suburban Denver, won the bid.",
		[]string{"O:Acme Builders", "L:Denver"}, []string{"Acme Builders based_in Denver"}},
	{"appositive-in/now living in", "Zahra Ahmadi, an Afghan refugee now living in Hamburg, told her story.",
		[]string{"P:Zahra Ahmadi", "L:Hamburg"}, []string{"Zahra Ahmadi lives_in Hamburg"}},
	{"title-premodifier/organisation named elsewhere", "The RDK held a rally. RDK Commander Denis spoke.",
		[]string{"O:RDK", "P:Denis"}, []string{"Denis leads RDK"}},
}

func TestTypedRelations(t *testing.T) {
	for _, tc := range typedCases {
		t.Run(tc.name, func(t *testing.T) {
			res := relTestResult(t, tc.text, tc.mentions...)
			rels := typedRelations(tc.text, res)
			got := relStrings(res, rels)
			if !reflect.DeepEqual(got, relSorted(tc.want)) {
				t.Errorf("%s\n got  %q\n want %q", tc.text, got, relSorted(tc.want))
				for _, r := range rels {
					t.Logf("  %s %.2f %q", r.Rule, r.Confidence, tc.text[r.Start:r.End])
				}
			}
			checkRelationsValid(t, tc.text, res, rels, KindTyped)
		})
	}
}

// TestRuleNames checks that every rule the cases fire is listed in
// typedRules, so that the list stays the index of the rules.
func TestRuleNames(t *testing.T) {
	listed := make(map[string]bool)
	for _, r := range typedRules {
		for _, name := range strings.Split(r.rules, " / ") {
			listed[name] = true
		}
	}
	fired := make(map[string]bool)
	for _, tc := range typedCases {
		res := relTestResult(t, tc.text, tc.mentions...)
		for _, r := range typedRelations(tc.text, res) {
			fired[r.Rule] = true
			if !listed[r.Rule] {
				t.Errorf("%q: rule %q is not listed in typedRules", tc.text, r.Rule)
			}
		}
	}
	for name := range listed {
		if !fired[name] {
			t.Errorf("rule %q has no test case", name)
		}
	}
}

func relSorted(s []string) []string {
	if s == nil {
		return nil
	}
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

// checkRelationsValid checks what every relation must satisfy: entity indexes
// in range, an evidence span inside its sentence, a confidence in (0, 1],
// a rule, a count, the kind, and a predicate whose types fit.
func checkRelationsValid(t *testing.T, text string, res *Result, rels []Relation, kind string) {
	t.Helper()
	for _, r := range rels {
		switch {
		case r.Subject < 0 || r.Subject >= len(res.Entities) || r.Object < 0 || r.Object >= len(res.Entities):
			t.Errorf("%+v: entity out of range", r)
		case r.Subject == r.Object:
			t.Errorf("%+v: relates an entity to itself", r)
		case r.Sentence < 0 || r.Sentence >= len(res.Sentences):
			t.Errorf("%+v: sentence out of range", r)
		case !(0 <= r.Start && r.Start < r.End && r.End <= len(text)):
			t.Errorf("%+v: bad span", r)
		case r.Start < res.Sentences[r.Sentence].Start || r.End > res.Sentences[r.Sentence].End:
			t.Errorf("%+v: span outside sentence %+v", r, res.Sentences[r.Sentence])
		case !(r.Confidence > 0 && r.Confidence <= 1):
			t.Errorf("%+v: confidence out of (0, 1]", r)
		case r.Rule == "" || r.Count < 1 || r.Kind != kind || r.Predicate == "":
			t.Errorf("%+v: missing rule, count, kind or predicate", r)
		case kind == KindTyped && !predicateFits(r.Predicate, res.Entities[r.Subject].Type, res.Entities[r.Object].Type):
			t.Errorf("%+v: types %s -> %s do not fit", r, res.Entities[r.Subject].Type, res.Entities[r.Object].Type)
		}
	}
}

// TestTypedRelationsEvidence checks that the evidence is the clause that
// states the relation, not the whole sentence.
func TestTypedRelationsEvidence(t *testing.T) {
	text := "On Monday, as the fighting went on, Kremlin spokesman Dmitry Peskov said nothing new."
	res := relTestResult(t, text, "O:Kremlin", "P:Dmitry Peskov")
	rels := typedRelations(text, res)
	if len(rels) != 1 {
		t.Fatalf("got %d relations, want 1", len(rels))
	}
	if got := text[rels[0].Start:rels[0].End]; got != "Kremlin spokesman Dmitry Peskov" {
		t.Errorf("evidence %q, want %q", got, "Kremlin spokesman Dmitry Peskov")
	}
	if rels[0].Rule != "title-premodifier" {
		t.Errorf("rule %q, want title-premodifier", rels[0].Rule)
	}
}

// TestTypedRelationsCollapse checks that one relation stated in several
// sentences is one relation with the highest confidence and a count of
// the sentences.
func TestTypedRelationsCollapse(t *testing.T) {
	text := "Kremlin spokesman Dmitry Peskov spoke. Later, Peskov, a Kremlin spokesman, spoke again. Peskov is a spokesman for the Kremlin."
	res := relTestResult(t, text, "O:Kremlin", "P:Dmitry Peskov", "P:Peskov", "O:Kremlin", "P:Peskov", "O:Kremlin")
	rels := typedRelations(text, res)
	if len(rels) != 1 {
		t.Fatalf("got %q, want one relation", relStrings(res, rels))
	}
	r := rels[0]
	if r.Count != 3 || r.Confidence < 0.8 || r.Predicate != predicateSpeaksFor {
		t.Errorf("got %+v, want speaks_for with count 3 and confidence >= 0.8", r)
	}
}

// TestConfidenceOrder checks that strong shapes are more confident than
// weak ones, and former roles less than current ones.
func TestConfidenceOrder(t *testing.T) {
	conf := func(text string, mentions ...string) float64 {
		t.Helper()
		res := relTestResult(t, text, mentions...)
		rels := typedRelations(text, res)
		if len(rels) != 1 {
			t.Fatalf("%q: got %q, want one relation", text, relStrings(res, rels))
		}
		return rels[0].Confidence
	}
	strong := conf("The governor of Texas, George Bush, spoke.", "L:Texas", "P:George Bush")
	former := conf("The former governor of Texas, George Bush, spoke.", "L:Texas", "P:George Bush")
	weak := conf("He visited the U.S. Embassy in Moscow.", "O:U.S. Embassy", "L:Moscow")
	if !(strong >= 0.85 && former < strong && weak <= 0.6) {
		t.Errorf("confidences: strong %.2f, former %.2f, weak %.2f", strong, former, weak)
	}
}

// TestRuleTables checks the data tables: every predicate they name is a
// typed predicate.
func TestRuleTables(t *testing.T) {
	for w, defs := range roleTable {
		for _, d := range defs {
			for _, p := range d.preds {
				if _, ok := predicateTypes[p]; !ok {
					t.Errorf("role %q: unknown predicate %q", w, p)
				}
			}
			if len(d.preps) == 0 || d.weight <= 0 || d.weight > 1 {
				t.Errorf("role %q: no prepositions or bad weight", w)
			}
		}
	}
	for v, cues := range verbTable {
		for _, c := range cues {
			for _, p := range c.preds {
				if _, ok := predicateTypes[p]; !ok {
					t.Errorf("verb %q: unknown predicate %q", v, p)
				}
			}
		}
	}
	for d, names := range relDemonyms {
		for _, n := range names {
			if n != NormalizeName(n) {
				t.Errorf("demonym %q: country name %q is not normalised", d, n)
			}
		}
	}
}

// TestRelationsMalformedInput feeds mentions that break the usual
// invariants: out-of-range entities and sentences, overlapping spans,
// spans inside tokens, an empty result.
func TestRelationsMalformedInput(t *testing.T) {
	text := "Kremlin spokesman Dmitry Peskov said the London-based think tank RUSI was wrong."
	res := relTestResult(t, text, "O:Kremlin", "P:Dmitry Peskov", "L:~London", "O:RUSI")
	good := len(typedRelations(text, res))
	extra := []Mention{
		{Start: 0, End: 7, Entity: 99, Sentence: 0},                  // bad entity
		{Start: 0, End: 7, Entity: 0, Sentence: 5},                   // bad sentence
		{Start: 3, End: 20, Entity: 1, Sentence: 0},                  // overlaps two mentions
		{Start: 70, End: 200, Entity: 1, Sentence: 0},                // past the end
		{Start: 10, End: 10, Entity: 1, Sentence: 0},                 // empty
		{Start: 19, End: 22, Entity: 1, Sentence: 0, Type: Location}, // inside a token
	}
	res.Mentions = append(res.Mentions, extra...)
	for _, f := range []func(string, *Result) []Relation{typedRelations, openRelations} {
		rels := f(text, res)
		kind := KindTyped
		if len(rels) > 0 {
			kind = rels[0].Kind
		}
		checkRelationsValid(t, text, res, rels, kind)
	}
	if n := len(typedRelations(text, res)); n < good {
		t.Errorf("malformed mentions lost relations: %d, had %d", n, good)
	}
	for _, r := range []*Result{nil, {}, {Mentions: res.Mentions}} {
		if rels := typedRelations(text, r); rels != nil {
			t.Errorf("typedRelations(%v) = %v, want nil", r, rels)
		}
		if rels := openRelations(text, r); rels != nil {
			t.Errorf("openRelations(%v) = %v, want nil", r, rels)
		}
	}
}

// FuzzRelations runs both relation finders on arbitrary text with mentions
// at arbitrary token boundaries: they must not panic and every relation
// must be well formed.
func FuzzRelations(f *testing.F) {
	f.Add("Kremlin spokesman Dmitry Peskov said the London-based think tank RUSI was wrong.", []byte{0, 1, 2, 3, 9, 5, 11, 12, 14})
	f.Add("The governor of Belgorod Oblast, Vyacheslav Gladkov, said. Kennedy was killed by Oswald in Dallas, Texas.", []byte{3, 5, 2, 6, 8, 1, 11, 12, 0, 13, 14, 1, 17, 18, 2, 20, 21, 0})
	f.Add("Sen. Bob Dole (R-Kan.) met Paris, London and Berlin’s mayors.", []byte{1, 3, 0, 5, 6, 1, 8, 9, 1})
	f.Add("", []byte{})
	f.Add("\xff\x00 ,,, ( ) 's 's", []byte{0, 1, 0, 1, 2, 1, 3, 9, 2})
	f.Fuzz(func(t *testing.T, text string, picks []byte) {
		text = cleanText(text)
		toks := tokenize(text)
		res := &Result{Tokens: toks, Sentences: segment(text, toks)}
		types := []string{Person, Location, Organization}
		for i := 0; i+2 < len(picks) && len(toks) > 0; i += 3 {
			a, b := int(picks[i])%len(toks), int(picks[i+1])%len(toks)
			if a > b {
				a, b = b, a
			}
			si := -1
			for k, s := range res.Sentences {
				if s.FirstToken <= a && a < s.EndToken {
					si = k
				}
			}
			if si < 0 {
				continue
			}
			b = min(b, res.Sentences[si].EndToken-1)
			start, end := toks[a].Start, toks[b].End
			res.Mentions = append(res.Mentions, Mention{Start: start, End: end, Text: text[start:end],
				Type: types[int(picks[i+2])%3], Sentence: si, Confidence: 0.5})
		}
		sort.SliceStable(res.Mentions, func(i, j int) bool { return res.Mentions[i].Start < res.Mentions[j].Start })
		res.Entities = resolve(res.Mentions)
		checkRelationsValid(t, text, res, typedRelations(text, res), KindTyped)
		checkRelationsValid(t, text, res, openRelations(text, res), KindOpen)
	})
}

// relSeedResults extracts the seed articles with the default extractor.
func relSeedResults(tb testing.TB) ([]string, []*Result) {
	tb.Helper()
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(files) == 0 {
		tb.Skip("no seed articles")
	}
	x, err := New(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	var results []*Result
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
		results = append(results, x.Extract(string(b)))
	}
	return texts, results
}

// TestRelationsSeeds runs both finders on the seed articles as the default
// extractor tags them and checks every relation is well formed.
func TestRelationsSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the seed articles")
	}
	texts, results := relSeedResults(t)
	for i, res := range results {
		typed, open := typedRelations(texts[i], res), openRelations(texts[i], res)
		checkRelationsValid(t, texts[i], res, typed, KindTyped)
		checkRelationsValid(t, texts[i], res, open, KindOpen)
		t.Logf("seed %d: %d mentions, %d typed, %d open relations", i, len(res.Mentions), len(typed), len(open))
	}
}

// BenchmarkRelations measures Extract on the seed articles with relation
// extraction on (co-occurrences, patterns, the learned model, open
// relations) and off. "on/off" alternates the two extractors document by
// document, so that both see the same load on a shared machine, and
// reports on/off, the factor relations cost, over the whole run and as the
// median of the per-document factors (steadier under load spikes). "typed" and "patterns" time
// the typed relations alone on extracted results, with the model and
// without it.
func BenchmarkRelations(b *testing.B) {
	texts, results := relSeedResults(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.Run("on/off", func(b *testing.B) {
		on, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		off, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		off.noRelations = true
		b.SetBytes(int64(2 * size))
		var onNs, offNs int64
		var ratios []float64
		for b.Loop() {
			for _, t := range texts {
				t0 := time.Now()
				off.Extract(t)
				t1 := time.Now()
				on.Extract(t)
				t2 := time.Now()
				onNs += t2.Sub(t1).Nanoseconds()
				offNs += t1.Sub(t0).Nanoseconds()
				ratios = append(ratios, float64(t2.Sub(t1))/float64(t1.Sub(t0)))
			}
		}
		sort.Float64s(ratios)
		b.ReportMetric(float64(onNs)/float64(offNs), "on/off")
		b.ReportMetric(ratios[len(ratios)/2], "median-on/off")
	})
	m, err := relate.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name  string
		model *relate.Model
	}{{"typed", m}, {"patterns", nil}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for i, res := range results {
					modelRelations(texts[i], res, bc.model)
				}
			}
		})
	}
}

// TestRelTestResult checks the test helper: a mention's text is the bytes
// of its span, widened to whole tokens unless marked exact.
func TestRelTestResult(t *testing.T) {
	text := "Sen. Bob Dole (R-Kan.) spoke."
	res := relTestResult(t, text, "P:Bob Dole", "L:~Kan.")
	for _, m := range res.Mentions {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: text %q", m, text[m.Start:m.End])
		}
	}
	if got := res.Mentions[1].Text; got != "Kan." {
		t.Errorf("exact mention %q, want %q", got, "Kan.")
	}
}
