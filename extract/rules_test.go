package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

// docWith tokenizes text and makes a mention of each "name/TYPE" given, at
// its first occurrence after the previous one.
func docWith(t *testing.T, text string, names ...string) ([]Token, []Sentence, []Mention) {
	t.Helper()
	toks := tokenize(cleanText(text))
	sents := segment(text, toks)
	var ms []Mention
	from := 0
	for _, n := range names {
		name, typ, _ := strings.Cut(n, "/")
		conf := 0.9
		if t, c, ok := strings.Cut(typ, "/"); ok {
			typ = t
			conf, _ = strconv.ParseFloat(c, 64)
		}
		i := strings.Index(text[from:], name)
		if i < 0 {
			t.Fatalf("%q not in %q", name, text[from:])
		}
		start := from + i
		from = start + len(name)
		ms = append(ms, Mention{Start: start, End: from, Text: name, Type: typ, Sentence: sentenceOf(sents, start), Confidence: conf})
	}
	return toks, sents, ms
}

func texts(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"/"+m.Type)
	}
	return out
}

func TestDocRules(t *testing.T) {
	r := docRules{gaz: gazetteer.Default()}
	tests := []struct {
		name  string
		text  string
		in    []string // mentions from the "tagger"
		want  []string // mentions after the rules
		links [][2]string
	}{
		{"nationality words are dropped", "Russian troops and Ukrainian military units left Russia.",
			[]string{"Russian/LOCATION", "Ukrainian military/ORGANIZATION", "Russia/LOCATION"},
			[]string{"Russia/LOCATION"}, nil},
		{"abbreviations of common nouns are dropped", "The POWs and two MPs met NATO.",
			[]string{"POWs/ORGANIZATION", "MPs/ORGANIZATION", "NATO/ORGANIZATION"}, []string{"NATO/ORGANIZATION"}, nil},
		{"weekdays are dropped", "On Sunday the ISW said so.", []string{"Sunday/PERSON"}, nil, nil},
		{"organisation head words", "The Border Guard Service and the Ministry of Defense of Ukraine.",
			[]string{"Border Guard Service/PERSON", "Ministry of Defense/LOCATION", "Ukraine/LOCATION"},
			[]string{"Border Guard Service/ORGANIZATION", "Ministry of Defense/ORGANIZATION", "Ukraine/LOCATION"}, nil},
		{"acronym definitions", "The Russian Volunteer Corps (RDK) attacked. The RDK said later.",
			[]string{"Russian Volunteer Corps/ORGANIZATION"},
			[]string{"Russian Volunteer Corps/ORGANIZATION", "RDK/ORGANIZATION", "RDK/ORGANIZATION"},
			[][2]string{{"rdk", "russian volunteer corps"}}},
		{"lower-case countries", "troops left russia and ukraine on time.", nil,
			[]string{"russia/LOCATION", "ukraine/LOCATION"}, nil},
		{"not lower-case words that are also countries", "a turkey from china", nil, nil, nil},
		{"names tagged once are tagged again", "Gladkov spoke. Later Gladkov left Shebekino.",
			[]string{"Gladkov/PERSON"}, []string{"Gladkov/PERSON", "Gladkov/PERSON"}, nil},
		{"well-known organisations the tagger missed", "Kremlin spokesman Dmitry Peskov spoke to NATO.",
			[]string{"Dmitry Peskov/PERSON"}, []string{"Kremlin/ORGANIZATION", "Dmitry Peskov/PERSON", "NATO/ORGANIZATION"}, nil},
		{"not inside a longer name", "He won the Tour de France and met the Bank of England Governor.", nil, nil, nil},
		{"not in headlines in capitals", "KREMLIN SAYS NATO IS TO BLAME", nil, nil, nil},
		{"title words trimmed off organisations", "Department of Defense Press Secretary Pat Ryder said.",
			[]string{"Department of Defense Press/ORGANIZATION", "Pat Ryder/PERSON"},
			[]string{"Department of Defense/ORGANIZATION", "Pat Ryder/PERSON"}, nil},
		{"possessives split", "Hong Kong's High Court ruled.", []string{"Hong Kong's High Court/ORGANIZATION"},
			[]string{"Hong Kong/LOCATION", "High Court/ORGANIZATION"}, nil},
		{"faiths and lone organisation words", "The Bank and Islamic scholars met the Bank of England.",
			[]string{"Bank/ORGANIZATION", "Islamic/ORGANIZATION", "Bank of England/ORGANIZATION"},
			[]string{"Bank of England/ORGANIZATION"}, nil},
		{"well-known organisations tagged as places", "White House press secretary Marlin Fitzwater spoke.",
			[]string{"White House/LOCATION", "Marlin Fitzwater/PERSON"}, []string{"White House/ORGANIZATION", "Marlin Fitzwater/PERSON"}, nil},
		{"known companies tagged as places", "Norilsk Nickel raised its dividend.",
			[]string{"Norilsk Nickel/LOCATION"}, []string{"Norilsk Nickel/ORGANIZATION"}, nil},
		{"unsure people that are known companies", "Siemens won the contract.",
			[]string{"Siemens/PERSON/0.5"}, []string{"Siemens/ORGANIZATION"}, nil},
		{"a known company that is a person's surname in the document", "Werner Siemens said Siemens would grow.",
			[]string{"Werner Siemens/PERSON", "Siemens/PERSON/0.5"}, []string{"Werner Siemens/PERSON", "Siemens/PERSON"}, nil},
		{"unsure people that are known organisations", "Meduza said Spetsnaz and Wagner fighters met Richard Wagner fans.",
			[]string{"Meduza/PERSON/0.4", "Spetsnaz/PERSON/0.4", "Wagner/PERSON/0.7", "Richard Wagner/PERSON"},
			[]string{"Meduza/ORGANIZATION", "Spetsnaz/ORGANIZATION", "Wagner/ORGANIZATION", "Richard Wagner/PERSON"}, nil},
		{"sure people are kept", "Wagner said so.", []string{"Wagner/PERSON/0.95"}, []string{"Wagner/PERSON"}, nil},
		{"media and units the tagger missed", "Suspilne and the Kyiv Independent said Vympel left.", nil,
			[]string{"Suspilne/ORGANIZATION", "Kyiv Independent/ORGANIZATION", "Vympel/ORGANIZATION"}, nil},
		{"a place and the rules' own head words after it", "The Moscow Exchange and the Tokyo Stock Exchange rose. Texas Instruments fell.",
			[]string{"Moscow/LOCATION", "Tokyo/LOCATION", "Texas/LOCATION"},
			[]string{"Moscow Exchange/ORGANIZATION", "Tokyo Stock Exchange/ORGANIZATION", "Texas Instruments/ORGANIZATION"}, nil},
		{"an organisation and its own head words the tagger left out", "Toyota Motor and Acme PLC rose. ROSNEFT PROFIT JUMPS AS OPEC CUTS OUTPUT",
			[]string{"Toyota/ORGANIZATION", "Acme/ORGANIZATION", "ROSNEFT/ORGANIZATION", "OPEC/ORGANIZATION"},
			[]string{"Toyota Motor/ORGANIZATION", "Acme PLC/ORGANIZATION", "ROSNEFT/ORGANIZATION", "OPEC/ORGANIZATION"}, nil},
		{"a place and the organisation words after it", "The Belgorod Regional Duma met. The Kiev Army and Kyiv Post left Kyiv.",
			[]string{"Belgorod/LOCATION", "Regional Duma/ORGANIZATION", "Kiev/LOCATION", "Kyiv/LOCATION", "Kyiv/LOCATION"},
			[]string{"Belgorod Regional Duma/ORGANIZATION", "Kiev Army/ORGANIZATION", "Kyiv Post/ORGANIZATION", "Kyiv/LOCATION"}, nil},
		{"organisation words, of or for, then a place", "The Alliance for Donetsk and the National Bank of Ukraine met in the Gulf of Mexico.",
			[]string{"Donetsk/LOCATION", "National Bank/ORGANIZATION", "Ukraine/LOCATION", "Mexico/LOCATION"},
			[]string{"Alliance for Donetsk/ORGANIZATION", "National Bank of Ukraine/ORGANIZATION", "Mexico/LOCATION"}, nil},
		{"a place and a title or a new sentence after it", "Moscow Mayor Sergei Sobyanin was in Belgorod. Council members left.",
			[]string{"Moscow/LOCATION", "Sergei Sobyanin/PERSON", "Belgorod/LOCATION"},
			[]string{"Moscow/LOCATION", "Sergei Sobyanin/PERSON", "Belgorod/LOCATION"}, nil},
		{"clubs named after their towns", "Kharkiv beat Dnipro 2-1 in Lviv, and Shakhtar lost 0-3 to Porto. Russia beat Spain 2-0.",
			[]string{"Kharkiv/LOCATION", "Dnipro/LOCATION", "Lviv/LOCATION", "Shakhtar/ORGANIZATION", "Porto/LOCATION", "Russia/LOCATION", "Spain/LOCATION"},
			[]string{"Kharkiv/ORGANIZATION", "Dnipro/ORGANIZATION", "Lviv/LOCATION", "Shakhtar/ORGANIZATION", "Porto/ORGANIZATION", "Russia/LOCATION", "Spain/LOCATION"}, nil},
		{"a town before a player's role and a person is a club", "Lazio striker Paolo Bianchi and Valencia's midfielder Jorge Ruiz met in Rome. Spain captain Sergio Ramos left.",
			[]string{"Lazio/LOCATION", "Paolo Bianchi/PERSON", "Valencia/LOCATION", "Jorge Ruiz/PERSON", "Rome/LOCATION", "Spain/LOCATION", "Sergio Ramos/PERSON"},
			[]string{"Lazio/ORGANIZATION", "Paolo Bianchi/PERSON", "Valencia/ORGANIZATION", "Jorge Ruiz/PERSON", "Rome/LOCATION", "Spain/LOCATION", "Sergio Ramos/PERSON"}, nil},
		{"a club's other mentions follow it", "Dnipro fans cheered. Dnipro's coach smiled. Kharkiv beat Dnipro 2-1.",
			[]string{"Dnipro/LOCATION/0.4", "Dnipro/LOCATION/0.4", "Kharkiv/LOCATION", "Dnipro/LOCATION/0.6"},
			[]string{"Dnipro/ORGANIZATION", "Dnipro/ORGANIZATION", "Kharkiv/ORGANIZATION", "Dnipro/ORGANIZATION"}, nil},
		{"a club that won, and the club it won at", "Shearer scored as Newcastle won 2-0 at Middlesbrough.",
			[]string{"Shearer/PERSON", "Newcastle/LOCATION", "Middlesbrough/LOCATION"},
			[]string{"Shearer/PERSON", "Newcastle/ORGANIZATION", "Middlesbrough/ORGANIZATION"}, nil},
		{"a club's name taken for a person's", "Sibir Novosibirsk lost 1-3 to Rostov. Ivan Moskva lost his keys.",
			[]string{"Sibir Novosibirsk/PERSON", "Rostov/ORGANIZATION", "Ivan Moskva/PERSON"},
			[]string{"Sibir Novosibirsk/ORGANIZATION", "Rostov/ORGANIZATION", "Ivan Moskva/PERSON"}, nil},
		{"a person with a town's surname, no sports", "Assad Sarwar met Sibir Novosibirsk in Moscow.",
			[]string{"Assad Sarwar/PERSON", "Sibir Novosibirsk/PERSON", "Moscow/LOCATION"},
			[]string{"Assad Sarwar/PERSON", "Sibir Novosibirsk/PERSON", "Moscow/LOCATION"}, nil},
		{"a dateline's place taken for an organisation", "KYIV, Ukraine 2023-05-12 (Reuters) - Talks began.",
			[]string{"KYIV/ORGANIZATION", "Ukraine/LOCATION", "Reuters/ORGANIZATION"},
			[]string{"KYIV/LOCATION", "Ukraine/LOCATION", "Reuters/ORGANIZATION"}, nil},
		{"unsure persons listed with a place", "Russia annexed Lugansk, Zaporizhia and Kherson. Ivan Lugansk met Kherson.",
			[]string{"Russia/LOCATION", "Lugansk/PERSON/0.4", "Zaporizhia/PERSON/0.4", "Kherson/LOCATION/0.8", "Ivan Lugansk/PERSON/0.9", "Kherson/LOCATION/0.8"},
			[]string{"Russia/LOCATION", "Lugansk/LOCATION", "Zaporizhia/LOCATION", "Kherson/LOCATION", "Ivan Lugansk/PERSON", "Kherson/LOCATION"}, nil},
		{"a comma alone makes no list", "At home in Australia, Geyer sang.",
			[]string{"Australia/LOCATION", "Geyer/PERSON/0.5"}, []string{"Australia/LOCATION", "Geyer/PERSON"}, nil},
		{"a place after a place noun and of", "They met in the region of Sumy and the city of Smith.",
			nil, []string{"Sumy/LOCATION", "Smith/LOCATION"}, nil},
		{"results lines and a table row", "Rotterdam 2 Utrecht 2 (halftime 1-0)\nLeeds 1 Chelsea 0\nBenfica 28 17 7 4 49 22 58\nWasps 31 Harlequins 17\nItaly 2 Spain 1",
			[]string{"Rotterdam/LOCATION", "Chelsea/ORGANIZATION"},
			[]string{"Rotterdam/ORGANIZATION", "Utrecht/ORGANIZATION", "Leeds/ORGANIZATION", "Chelsea/ORGANIZATION", "Benfica/ORGANIZATION",
				"Wasps/ORGANIZATION", "Harlequins/ORGANIZATION", "Italy/LOCATION", "Spain/LOCATION"}, nil},
		{"a result's sides are teams, not people", "Utrecht 2 Feyenoord 0\nRoda JC 1 Heerenveen 1\nNAC Breda 0 Willem II 3",
			[]string{"Utrecht/ORGANIZATION", "Feyenoord/ORGANIZATION", "Roda JC/PERSON", "Heerenveen/ORGANIZATION", "NAC Breda/ORGANIZATION", "Willem II/PERSON"},
			[]string{"Utrecht/ORGANIZATION", "Feyenoord/ORGANIZATION", "Roda JC/ORGANIZATION", "Heerenveen/ORGANIZATION", "NAC Breda/ORGANIZATION", "Willem II/ORGANIZATION"}, nil},
		{"a place that is an organisation's short name", "Wagner fighters took the town, the Wagner Group said. Oleg Tinkoff founded Tinkoff Bank; Tinkoff left. Ukraine Media reported.",
			[]string{"Wagner/LOCATION", "Wagner Group/ORGANIZATION", "Oleg Tinkoff/PERSON", "Tinkoff Bank/ORGANIZATION", "Tinkoff/PERSON", "Ukraine Media/ORGANIZATION"},
			[]string{"Wagner/ORGANIZATION", "Wagner Group/ORGANIZATION", "Oleg Tinkoff/PERSON", "Tinkoff Bank/ORGANIZATION", "Tinkoff/PERSON", "Ukraine Media/ORGANIZATION"}, nil},
		{"an organisation cut before of, and a place before a title", "The Institute for the Study of War said so. Odesa was hit. Odesa Governor Oleh Kiper spoke. Odesa Opera reopened.",
			[]string{"Institute for the Study/ORGANIZATION", "Odesa/LOCATION", "Oleh Kiper/PERSON"},
			[]string{"Institute for the Study of War/ORGANIZATION", "Odesa/LOCATION", "Odesa/LOCATION", "Oleh Kiper/PERSON"}, nil},
		{"a name before a news medium's noun", "The official Petra news agency said so. The Kommersant newspaper agreed. A Russia daily did not.",
			[]string{"Petra/LOCATION/0.4", "Kommersant/PERSON/0.3", "Russia/LOCATION/0.4"},
			[]string{"Petra/ORGANIZATION", "Kommersant/ORGANIZATION", "Russia/LOCATION"}, nil},
		{"a company designator ends a company's name", "He joined Ford Motor Co in 1990. It settled with Ford Motor Co last month. The Boeing Co and Procter & Gamble Co agreed. BHP Pty Ltd fell. The Bank of New York Co rose. Mary Hain Senior Regulatory Counsel ISO New England Inc. wrote. Newry, Co Down.",
			[]string{"Ford/PERSON", "Bank of New York/ORGANIZATION", "Mary Hain/PERSON", "Newry/LOCATION"},
			[]string{"Ford Motor Co/ORGANIZATION", "Ford Motor Co/ORGANIZATION", "Boeing Co/ORGANIZATION", "Procter & Gamble Co/ORGANIZATION",
				"BHP Pty Ltd/ORGANIZATION", "Bank of New York Co/ORGANIZATION", "Mary Hain/PERSON", "ISO New England Inc./ORGANIZATION", "Newry/LOCATION"}, nil},
		{"a name the tagger left out before news agency", "Itar-Tass news agency said so. He told the Interfax-Ukraine news agency. The Iranian news agency said. The News agency said. The Itar-Tass news agency agreed.",
			nil, []string{"Itar-Tass/ORGANIZATION", "Interfax-Ukraine/ORGANIZATION", "Itar-Tass/ORGANIZATION"}, nil},
		{"two companies joined by and", "In Frankfurt, Deutsche Bank and Siemens led the index lower. Ernst and Young audited it.",
			[]string{"Frankfurt/LOCATION", "Deutsche Bank and Siemens/ORGANIZATION", "Ernst and Young/ORGANIZATION"},
			[]string{"Frankfurt/LOCATION", "Deutsche Bank/ORGANIZATION", "Siemens/ORGANIZATION", "Ernst and Young/ORGANIZATION"}, nil},
		{"names joined by and to a company", "Lukoil and Yukos both reported lower output. Mediobanca and Generali held talks. Renault and Volvo ended their alliance. Unilever and Royal Dutch Shell led the market. The Institute of State and Law met. Baltimore Gas and Electric asked. Arsenal and Henry won. Clinton and NATO agreed.",
			[]string{"Lukoil/ORGANIZATION", "Yukos/PERSON/0.42", "Generali/ORGANIZATION/0.43", "Volvo/ORGANIZATION", "Unilever/ORGANIZATION", "Institute of State/ORGANIZATION", "Baltimore Gas/ORGANIZATION", "Arsenal/ORGANIZATION", "Henry/PERSON/0.5", "Clinton/PERSON/0.5", "NATO/ORGANIZATION"},
			[]string{"Lukoil/ORGANIZATION", "Yukos/ORGANIZATION", "Mediobanca/ORGANIZATION", "Generali/ORGANIZATION", "Renault/ORGANIZATION", "Volvo/ORGANIZATION", "Unilever/ORGANIZATION", "Royal Dutch Shell/ORGANIZATION",
				"Institute of State and Law/ORGANIZATION", "Baltimore Gas and Electric/ORGANIZATION", "Arsenal/ORGANIZATION", "Henry/PERSON", "Clinton/PERSON", "NATO/ORGANIZATION"}, nil},
		{"a company's shares and chairman", "Matsushita shares rose in Tokyo. Proton shares fell. Smith shares the view of Jones. Olivetti chairman Carlo De Benedetti resigned.",
			[]string{"Matsushita/PERSON/0.4", "Tokyo/LOCATION", "Smith/PERSON", "Jones/PERSON", "Olivetti/PERSON/0.6", "Carlo De Benedetti/PERSON"},
			[]string{"Matsushita/ORGANIZATION", "Tokyo/LOCATION", "Proton/ORGANIZATION", "Smith/PERSON", "Jones/PERSON", "Olivetti/ORGANIZATION", "Carlo De Benedetti/PERSON"}, nil},
		{"an untagged company by its apposition", "Pemex, the Mexican state oil monopoly, cut prices. MOL, the Hungarian oil and gas group, signed a deal. Irpin, a suburb, and Bucha were hit.",
			nil, []string{"Pemex/ORGANIZATION", "MOL/ORGANIZATION", "Irpin/LOCATION"}, nil},
		{"an organisation cut before of and a title", "The Popular Party of Prime Minister Jose Maria Aznar won.",
			[]string{"Popular Party of Prime/ORGANIZATION", "Jose Maria Aznar/PERSON"}, []string{"Popular Party/ORGANIZATION", "Jose Maria Aznar/PERSON"}, nil},
		{"Romance names of companies", "Telefonica de Argentina shares fell. Banco do Brasil chairman Paulo Cesar Ximenes spoke. Komercni Banka posted a profit. He met Jose de Souza.",
			[]string{"Telefonica/ORGANIZATION", "Argentina/LOCATION", "Banco/ORGANIZATION", "Brasil/ORGANIZATION", "Paulo Cesar Ximenes/PERSON", "Komercni Banka/PERSON", "Jose de Souza/PERSON"},
			[]string{"Telefonica de Argentina/ORGANIZATION", "Banco do Brasil/ORGANIZATION", "Paulo Cesar Ximenes/PERSON", "Komercni Banka/ORGANIZATION", "Jose de Souza/PERSON"}, nil},
		{"a company that said it would", "Electrolux said it would close 25 plants. Smith said it would rain. Jones said it was fine.",
			[]string{"Electrolux/PERSON/0.3", "Smith/PERSON/0.95", "Jones/PERSON/0.4"},
			[]string{"Electrolux/ORGANIZATION", "Smith/PERSON", "Jones/ORGANIZATION"}, nil},
		{"untagged bodies after the", "The Royal Ulster Constabulary said so. The Election Commission in Islamabad set a date. Moody 's Investors Service spoke. Property Brothers is a show. Poor Service",
			[]string{"Islamabad/LOCATION", "Moody/PERSON"},
			[]string{"Royal Ulster Constabulary/ORGANIZATION", "Election Commission/ORGANIZATION", "Islamabad/LOCATION", "Moody 's Investors Service/ORGANIZATION"}, nil},
		{"Korean names over their hyphen", "U.N. envoy Han Sung-joo met Kim Dae-jung. The Hillary Clinton-led campaign won.",
			[]string{"U.N./ORGANIZATION", "Han Sung/PERSON", "Kim Dae/PERSON", "Hillary Clinton/PERSON"},
			[]string{"U.N./ORGANIZATION", "Han Sung-joo/PERSON", "Kim Dae-jung/PERSON", "Hillary Clinton/PERSON"}, nil},
		{"armed groups and agencies by other spellings", "Hizbollah guerrillas attacked. The Taleban militia advanced. Amnesty said so.",
			[]string{"Amnesty/PERSON/0.4"}, []string{"Hizbollah/ORGANIZATION", "Taleban/ORGANIZATION", "Amnesty/ORGANIZATION"}, nil},
		{"what only a company has or does", "Wipro 's profit rose. Sinopec , which owns 55 percent , declined. Kharkiv , which lies east , was hit. Sun Hung Kai Properties posted profits. Smith 's house burned.",
			[]string{"Wipro/PERSON/0.55", "Kharkiv/LOCATION", "Smith/PERSON"},
			[]string{"Wipro/ORGANIZATION", "Sinopec/ORGANIZATION", "Kharkiv/LOCATION", "Sun Hung Kai Properties/ORGANIZATION", "Smith/PERSON"}, nil},
		{"a utility's name over its and", "Florida Power and Light restored power to 90 percent. Deutsche Bank and Siemens rose 2 percent.",
			[]string{"Florida Power/ORGANIZATION", "Deutsche Bank/ORGANIZATION"},
			[]string{"Florida Power and Light/ORGANIZATION", "Deutsche Bank/ORGANIZATION", "Siemens/ORGANIZATION"}, nil},
		{"newspapers after their city", "He wrote for the Edinburgh Evening Courant and the Baltimore Sun.",
			[]string{"Edinburgh Evening Courant/LOCATION", "Baltimore Sun/LOCATION"},
			[]string{"Edinburgh Evening Courant/ORGANIZATION", "Baltimore Sun/ORGANIZATION"}, nil},
		{"a town named like a person after in", "The university in Ann Arbor raised fees. In Fort Worth it rained. Paul Smith came from Ann Arbor.",
			[]string{"Ann Arbor/PERSON", "Fort Worth/PERSON", "Paul Smith/PERSON", "Ann Arbor/PERSON"},
			[]string{"Ann Arbor/LOCATION", "Fort Worth/LOCATION", "Paul Smith/PERSON", "Ann Arbor/PERSON"}, nil},
		{"a place after a person's title is the person", "King Juan Carlos and Queen Sofia met Gen. Smith. Queen Victoria ruled.",
			[]string{"Juan Carlos/PERSON", "Sofia/LOCATION/0.43", "Smith/PERSON", "Victoria/LOCATION/0.7"},
			[]string{"Juan Carlos/PERSON", "Sofia/PERSON", "Smith/PERSON", "Victoria/LOCATION"}, nil},
		{"a town joined to a place", "The train ran from Madrid to Ferrol.", []string{"Madrid/LOCATION", "Ferrol/PERSON/0.32"},
			[]string{"Madrid/LOCATION", "Ferrol/LOCATION"}, nil},
		{"a name before a noun of nature", "The Eyjafjallajokull volcano erupted over the Swat valley, near the Ebola virus lab and the Reuters desk.", nil,
			[]string{"Eyjafjallajokull/LOCATION", "Swat/LOCATION", "Reuters/ORGANIZATION"}, nil},
		{"what is based in a place", "The Paris-based Reporters Without Borders and the New York-based Committee to Protect Journalists spoke. Kyiv-based analyst Ivan Smith and the Seattle-based Amazon and Microsoft too.",
			[]string{"Paris/LOCATION", "New York/LOCATION", "Kyiv/LOCATION", "Ivan Smith/PERSON", "Seattle/LOCATION"},
			[]string{"Paris/LOCATION", "Reporters Without Borders/ORGANIZATION", "New York/LOCATION", "Committee to Protect Journalists/ORGANIZATION",
				"Kyiv/LOCATION", "Ivan Smith/PERSON", "Seattle/LOCATION", "Amazon/ORGANIZATION"}, nil},
		{"a club in a club's place votes as a club", "Montpellier won the title after beating Auxerre 2-1 away. Giroud scored before Auxerre 's Jean Mignot levelled.",
			[]string{"Montpellier/ORGANIZATION/0.5", "Auxerre/ORGANIZATION/0.48", "Giroud/PERSON", "Auxerre/PERSON/0.55", "Jean Mignot/PERSON"},
			[]string{"Montpellier/ORGANIZATION", "Auxerre/ORGANIZATION", "Giroud/PERSON", "Auxerre/ORGANIZATION", "Jean Mignot/PERSON"}, nil},
		{"rebels are named after their organisation", "Tupac Amaru rebels and Tutsi rebels fought. Smith rebels.",
			[]string{"Tupac Amaru/PERSON/0.7", "Tutsi/LOCATION", "Smith/PERSON/0.95"},
			[]string{"Tupac Amaru/ORGANIZATION", "Smith/PERSON"}, nil},
		{"an unknown name after a settlement's noun", "They met near the village of Lice in the province. The city of Westbrook Hills grew.", nil,
			[]string{"Lice/LOCATION"}, nil},
		{"a name before a noun of nature names the place", "Species were found in the Amazon rainforest. Amazon shares rose.",
			[]string{"Amazon/ORGANIZATION/0.8", "Amazon/ORGANIZATION"}, []string{"Amazon/LOCATION", "Amazon/ORGANIZATION"}, nil},
		{"an organisation begun after and", "It was paid for by the Biotechnology and Biological Sciences Research Council. The Kremlin and Foreign Ministry met the Economy and Trade Ministry.",
			[]string{"Biological Sciences Research Council/ORGANIZATION", "Kremlin/ORGANIZATION", "Foreign Ministry/ORGANIZATION", "Trade Ministry/ORGANIZATION"},
			[]string{"Biotechnology and Biological Sciences Research Council/ORGANIZATION", "Kremlin/ORGANIZATION", "Foreign Ministry/ORGANIZATION", "Economy and Trade Ministry/ORGANIZATION"}, nil},
		{"storms are events", "Hurricane Ike reached Texas. Typhoon Haiyan hit. The Carolina Hurricanes won.",
			[]string{"Hurricane Ike/PERSON", "Texas/LOCATION", "Typhoon Haiyan/LOCATION", "Carolina Hurricanes/ORGANIZATION"},
			[]string{"Texas/LOCATION", "Carolina Hurricanes/ORGANIZATION"}, nil},
		{"a company of a country is one name", "The Peanut Corporation of America recalled butter. Ford Motor Co. of Dearborn and Ford Motor Co. of Canada Ltd grew.",
			[]string{"Peanut Corporation/ORGANIZATION", "America/LOCATION", "Ford Motor Co. of Dearborn/ORGANIZATION", "Ford Motor Co./ORGANIZATION", "Canada/LOCATION"},
			[]string{"Peanut Corporation of America/ORGANIZATION", "Ford Motor Co./ORGANIZATION", "Dearborn/LOCATION", "Ford Motor Co. of Canada Ltd/ORGANIZATION"}, nil},
		{"a name with 's before a verb", "Moody's said it might cut the rating. Sainsbury 's reported a loss. Smith 's said so. Texas 's said. Ed Moody's car.",
			[]string{"Moody/PERSON/0.52", "Smith/PERSON/0.95", "Texas/LOCATION", "Ed Moody/PERSON"},
			[]string{"Moody's/ORGANIZATION", "Sainsbury 's/ORGANIZATION", "Smith/PERSON", "Texas/LOCATION", "Ed Moody/PERSON"}, nil},
		{"a company's part", "BAT will sell its insurance arm Eagle Star to Zurich. AEG Industrie , a unit of Daimler AG , grew. The Mendenhall Glacier Recreation Area , a federally designated unit of the Tongass National Forest , is cold.",
			[]string{"BAT/ORGANIZATION", "Zurich/ORGANIZATION", "AEG Industrie/PERSON/0.6", "Daimler AG/ORGANIZATION", "Mendenhall Glacier Recreation Area/LOCATION", "Tongass National Forest/LOCATION"},
			[]string{"BAT/ORGANIZATION", "Eagle Star/ORGANIZATION", "Zurich/ORGANIZATION", "AEG Industrie/ORGANIZATION", "Daimler AG/ORGANIZATION",
				"Mendenhall Glacier Recreation Area/LOCATION", "Tongass National Forest/LOCATION"}, nil},
		{"team names", "Hill beat his Williams team mate Villeneuve. Rominger of the Mapei team was second. The England team lost. Jack Smith team won.",
			[]string{"Hill/PERSON", "Williams/LOCATION", "Villeneuve/PERSON", "Rominger/PERSON", "England/LOCATION", "Jack Smith/PERSON"},
			[]string{"Hill/PERSON", "Williams/ORGANIZATION", "Villeneuve/PERSON", "Rominger/PERSON", "Mapei/ORGANIZATION", "England/LOCATION", "Jack Smith/PERSON"}, nil},
		{"a race's place is no mention", "Zuelle won the Tour of Spain. CYCLING - ZUELLE WINS TOUR OF SPAIN.",
			[]string{"Zuelle/PERSON", "Spain/LOCATION", "ZUELLE/PERSON", "SPAIN/LOCATION"},
			[]string{"Zuelle/PERSON", "ZUELLE/PERSON"}, nil},
		{"a town that names a club in the document", "CHICAGO 1996-11-06\nThe Chicago Bulls beat the Knicks 98-90. Pippen added 22 points for Chicago.",
			[]string{"CHICAGO/LOCATION", "Chicago Bulls/ORGANIZATION", "Knicks/ORGANIZATION", "Pippen/PERSON", "Chicago/LOCATION/0.52"},
			[]string{"CHICAGO/LOCATION", "Chicago Bulls/ORGANIZATION", "Knicks/ORGANIZATION", "Pippen/PERSON", "Chicago/ORGANIZATION"}, nil},
		{"not a town after to in sports news", "The Chicago Bulls team flew to Chicago.",
			[]string{"Chicago Bulls/ORGANIZATION", "Chicago/LOCATION/0.52"}, []string{"Chicago Bulls/ORGANIZATION", "Chicago/LOCATION"}, nil},
		{"airports are places", "A car hit Glasgow Airport. BAA runs the Airport.",
			[]string{"Glasgow Airport/ORGANIZATION", "BAA/ORGANIZATION"}, []string{"Glasgow Airport/LOCATION", "BAA/ORGANIZATION"}, nil},
		{"a title alone is no name", "Pope names new cardinals. Pope Benedict XVI spoke.",
			[]string{"Pope/PERSON", "Benedict XVI/PERSON"}, []string{"Benedict XVI/PERSON"}, nil},
		{"a title that is a person's surname in the document", "The poet Alexander Pope wrote. Pope was English.",
			[]string{"Alexander Pope/PERSON", "Pope/PERSON"}, []string{"Alexander Pope/PERSON", "Pope/PERSON"}, nil},
		{"the organisation of fighters", "Islamist fighters of Ansar Dine took Gao. Members of Congress and fighters of Syria met.",
			[]string{"Gao/LOCATION", "Congress/ORGANIZATION", "Syria/LOCATION"},
			[]string{"Ansar Dine/ORGANIZATION", "Gao/LOCATION", "Congress/ORGANIZATION", "Syria/LOCATION"}, nil},
		{"election results lines", "Likud 31 seats\nJewish Home 12 seats\nTel Aviv 4 seats\nMeretz won 6 seats",
			[]string{"Likud/PERSON", "Tel Aviv/LOCATION", "Meretz/PERSON"},
			[]string{"Likud/ORGANIZATION", "Jewish Home/ORGANIZATION", "Tel Aviv/LOCATION", "Meretz/PERSON"}, nil},
		{"a singular name before a plural verb is a team", "Juventus have signed Apolloni. Students like Rai have met. The Rockefellers are rich. Smith were there. Parma are top of the league.",
			[]string{"Juventus/PERSON/0.6", "Apolloni/PERSON", "Rai/PERSON/0.6", "Rockefellers/PERSON/0.6", "Smith/PERSON/0.95", "Parma/LOCATION"},
			[]string{"Juventus/ORGANIZATION", "Apolloni/PERSON", "Rai/PERSON", "Rockefellers/PERSON", "Smith/PERSON", "Parma/ORGANIZATION"}, nil},
		{"a company that says it earned", "Campbell said it earned $184 million. Smith said it was late. Jones said it cut costs.",
			[]string{"Campbell/PERSON/0.72", "Smith/PERSON/0.72", "Jones/PERSON/0.9"},
			[]string{"Campbell/ORGANIZATION", "Smith/PERSON", "Jones/PERSON"}, nil},
		{"a club's last word alone", "Newcastle lost 2-1 at Coventry City on Saturday. City 's win lifted them off the bottom of the table. The City of London fell. Mexico City won the vote.",
			[]string{"Newcastle/ORGANIZATION", "Coventry City/LOCATION/0.6", "City of London/LOCATION", "Mexico City/LOCATION"},
			[]string{"Newcastle/ORGANIZATION", "Coventry City/ORGANIZATION", "City/ORGANIZATION", "City of London/LOCATION", "Mexico City/LOCATION"}, nil},
		{"a side in sports news", "Brian Little said a Bolton side had deserved the win. The Moscow side said talks failed.",
			[]string{"Brian Little/PERSON", "Bolton/LOCATION/0.6", "Moscow/LOCATION"},
			[]string{"Brian Little/PERSON", "Bolton/ORGANIZATION", "Moscow/LOCATION"}, nil},
		{"a bourse after its city", "The Paris Bourse closed higher.", []string{"Paris/LOCATION"}, []string{"Paris Bourse/ORGANIZATION"}, nil},
		{"a word ending in bank is a bank", "The Bundesbank held rates. Rabobank agreed. He walked along the bank. Commerzbank fell. -- Frankfurt Newsroom",
			[]string{"Bundesbank/LOCATION/0.4", "Rabobank/PERSON/0.5", "Frankfurt Newsroom/LOCATION"},
			[]string{"Bundesbank/ORGANIZATION", "Rabobank/ORGANIZATION", "Commerzbank/ORGANIZATION", "Frankfurt Newsroom/ORGANIZATION"}, nil},
		{"events are none of our types", "Becker won the Stuttgart Open and the U.S. Open. Epic Games and the Asian Games. The National Rally won.",
			[]string{"Becker/PERSON", "Stuttgart Open/LOCATION", "U.S./LOCATION", "Epic Games/ORGANIZATION", "Asian Games/ORGANIZATION", "National Rally/ORGANIZATION"},
			[]string{"Becker/PERSON", "Epic Games/ORGANIZATION", "National Rally/ORGANIZATION"}, nil},
		{"a golfer's row names a person", "Chicago 104 Detroit 98\nFred Couples 68 70 69 207\nNick Faldo 70 69 70 209",
			[]string{"Chicago/LOCATION", "Detroit/LOCATION", "Fred Couples/ORGANIZATION"},
			[]string{"Chicago/ORGANIZATION", "Detroit/ORGANIZATION", "Fred Couples/PERSON", "Nick Faldo/PERSON"}, nil},
		{"a result's shape alone, on a page with no result", "Chapter 1 Section 2\nWasps 31 Harlequins 17", nil, nil, nil},
		{"a sports headline, a fixture and a town joined to a club", "CRICKET - SUSSEX BEAT DERBYSHIRE BY 54 RUNS\nSomerset v Essex at Taunton was abandoned.\nHeerenveen and Vitesse Arnhem drew 0-0.\nPittsburgh scored three runs to beat Cincinnati 5-3.",
			[]string{"SUSSEX/LOCATION", "DERBYSHIRE/LOCATION", "Somerset/LOCATION", "Essex/LOCATION", "Taunton/LOCATION", "Heerenveen/PERSON/0.5", "Vitesse Arnhem/ORGANIZATION", "Pittsburgh/LOCATION", "Cincinnati/LOCATION"},
			[]string{"SUSSEX/ORGANIZATION", "DERBYSHIRE/ORGANIZATION", "Somerset/ORGANIZATION", "Essex/ORGANIZATION", "Taunton/LOCATION", "Heerenveen/ORGANIZATION", "Vitesse Arnhem/ORGANIZATION", "Pittsburgh/ORGANIZATION", "Cincinnati/ORGANIZATION"}, nil},
		{"a club before a player's role and a person", "Sevilla coach Luis Ortega resigned.", []string{"Luis Ortega/PERSON"}, []string{"Sevilla/ORGANIZATION", "Luis Ortega/PERSON"}, nil},
		{"an athlete in a headline stays a person", "ATHLETICS - JOHNSON WINS 200 METRES IN OSLO", []string{"JOHNSON/PERSON", "OSLO/LOCATION"}, []string{"JOHNSON/PERSON", "OSLO/LOCATION"}, nil},
		{"one name, one type in any case", "SOCCER - PIACENZA STUN PARMA\nPiacenza upset Parma 1-0.", []string{"PIACENZA/LOCATION", "PARMA/LOCATION/0.6", "Piacenza/LOCATION", "Parma/LOCATION"},
			[]string{"PIACENZA/ORGANIZATION", "PARMA/ORGANIZATION", "Piacenza/ORGANIZATION", "Parma/ORGANIZATION"}, nil},
		{"no score, no club", "Moscow beat back the attack on Belgorod.", []string{"Moscow/LOCATION", "Belgorod/LOCATION"},
			[]string{"Moscow/LOCATION", "Belgorod/LOCATION"}, nil},
		{"one name, one type in a document", "Kharkiv scored. The Kharkiv side. Kharkiv won. He lives in the city of Kharkiv.",
			[]string{"Kharkiv/ORGANIZATION/0.8", "Kharkiv/ORGANIZATION/0.7", "Kharkiv/LOCATION/0.5", "Kharkiv/ORGANIZATION/0.6"},
			[]string{"Kharkiv/ORGANIZATION", "Kharkiv/ORGANIZATION", "Kharkiv/ORGANIZATION", "Kharkiv/LOCATION"}, nil},
		{"organisations cut down to the place inside them", "The New York Times said Dynamo Kyiv lost in New York.",
			[]string{"New York/LOCATION", "Kyiv/LOCATION", "New York/LOCATION"},
			[]string{"New York Times/ORGANIZATION", "Dynamo Kyiv/ORGANIZATION", "New York/LOCATION"}, nil},
		{"lists of places", "They took the villages of Kozinka, Glotovo and Gora Podol, and the towns of Grayvoron or Shebekino, with Ivan Petrov.",
			[]string{"Kozinka/LOCATION", "Glotovo/PERSON", "Gora Podol/PERSON", "Grayvoron/LOCATION", "Shebekino/ORGANIZATION", "Ivan Petrov/PERSON"},
			[]string{"Kozinka/LOCATION", "Glotovo/LOCATION", "Gora Podol/LOCATION", "Grayvoron/LOCATION", "Shebekino/LOCATION", "Ivan Petrov/PERSON"}, nil},
		{"unsure people that are known places", "Mayor Marion Barry of Washington was arrested.",
			[]string{"Marion Barry/PERSON", "Washington/PERSON/0.4"}, []string{"Marion Barry/PERSON", "Washington/LOCATION"}, nil},
		{"a company and its town", "Ford Motor Co. of Dearborn, Mich., said sales fell.", []string{"Ford Motor Co. of Dearborn/ORGANIZATION"},
			[]string{"Ford Motor Co./ORGANIZATION", "Dearborn/LOCATION", "Mich./LOCATION"}, nil},
		{"a company and its town, by another company word", "Delmar Industries of Akron cut jobs. Bank of America did not.",
			[]string{"Delmar Industries of Akron/ORGANIZATION", "Bank of America/ORGANIZATION"},
			[]string{"Delmar Industries/ORGANIZATION", "Akron/LOCATION", "Bank of America/ORGANIZATION"}, nil},
		{"types from the common noun before a name", "The news agency Tass said spokesman Peskov was in the village of Kozinka.",
			[]string{"Tass/PERSON/0.6", "Peskov/LOCATION/0.5", "Kozinka/PERSON/0.5"},
			[]string{"Tass/ORGANIZATION", "Peskov/PERSON", "Kozinka/LOCATION"}, nil},
		{"datelines", "AL-AIN , United Arab Emirates 1996-12-06\n\nJapan won.", []string{"United Arab Emirates/LOCATION"},
			[]string{"AL-AIN/LOCATION", "United Arab Emirates/LOCATION", "Japan/LOCATION"}, nil},
		{"not any capitals before a comma", "NOTE , this is 12 words long and has no date at all", nil, nil, nil},
		{"a headline in capitals names what the text names", "BUNDESBANK LEAVES RATES UNCHANGED\nThe Bundesbank left its rate at 2.5 percent. AGASSI OUT\nAndre Agassi lost. Agassi said NATO WOULD WAIT.",
			[]string{"Bundesbank/ORGANIZATION/0.8", "Andre Agassi/PERSON"},
			[]string{"BUNDESBANK/ORGANIZATION", "Bundesbank/ORGANIZATION", "AGASSI/PERSON", "Andre Agassi/PERSON", "Agassi/PERSON"}, nil},
		{"people of a sports page's lists", "Scorers : Leeds - Ian Rush 23 , Del Piero 78\nM. Atherton c Stewart b Gough 45\nReferee : Pierluigi Collina ( Italy )\n" +
			"Arsenal : Seaman , Dixon , Adams , Bould , Winterburn , Parlour , Merson , Vieira , Platt\nPresent : Smith , Jones and Brown of the board .\nJim Courier ( U.S. ) beat Pioline\n" +
			"John Smith said the vitamin c dose was raised in Moscow by Gazprom in 2020",
			[]string{"Ian Rush/PERSON", "M. Atherton c Stewart/PERSON", "Italy/LOCATION", "Bould/LOCATION", "Platt/ORGANIZATION", "Smith/PERSON", "Jim Courier/PERSON", "U.S./LOCATION",
				"John Smith/PERSON", "Moscow/LOCATION", "Gazprom/ORGANIZATION"},
			[]string{"Leeds/ORGANIZATION", "Ian Rush/PERSON", "Del Piero/PERSON", "M. Atherton/PERSON", "Stewart/PERSON", "Gough/PERSON", "Pierluigi Collina/PERSON", "Italy/LOCATION",
				"Arsenal/ORGANIZATION", "Seaman/PERSON", "Dixon/PERSON", "Adams/PERSON", "Bould/PERSON", "Winterburn/PERSON", "Parlour/PERSON", "Merson/PERSON", "Vieira/PERSON", "Platt/PERSON",
				"Smith/PERSON", "Jim Courier/PERSON", "U.S./LOCATION", "John Smith/PERSON", "Moscow/LOCATION", "Gazprom/ORGANIZATION"}, nil},
		{"organisations by what they buy and own", "Scottish Power agreed to buy Manweb. Barcelona agreed to buy Ronaldo Nazario. South African Breweries raised its stake. Norsk Hydro chairman Egil Myklebust quit. Washington raised its guard.",
			[]string{"Scottish Power/ORGANIZATION", "Manweb/PERSON/0.3", "Barcelona/ORGANIZATION", "Ronaldo Nazario/PERSON/0.8", "Egil Myklebust/PERSON", "Washington/LOCATION"},
			[]string{"Scottish Power/ORGANIZATION", "Manweb/ORGANIZATION", "Barcelona/ORGANIZATION", "Ronaldo Nazario/PERSON", "South African Breweries/ORGANIZATION",
				"Norsk Hydro/ORGANIZATION", "Egil Myklebust/PERSON", "Washington/LOCATION"}, nil},
		{"a match report's clubs and scorers", "Barcelona , coached by Bobby Robson , beat Espanyol 2-0 with goals from Ronaldo and Luis Figo . Real Madrid won 3-1 .",
			[]string{"Barcelona/LOCATION", "Bobby Robson/PERSON", "Espanyol/ORGANIZATION", "Ronaldo/LOCATION/0.4", "Luis Figo/PERSON", "Real Madrid/ORGANIZATION"},
			[]string{"Barcelona/ORGANIZATION", "Bobby Robson/PERSON", "Espanyol/ORGANIZATION", "Ronaldo/PERSON", "Luis Figo/PERSON", "Real Madrid/ORGANIZATION"}, nil},
		{"a club's opponent is a club", "Juventus beat Napoli 2-1. Seles beat Huber 6-2 6-3. Akhmat Grozny lost 0-2 to Krylya Sovetov.",
			[]string{"Juventus/PERSON/0.5", "Napoli/ORGANIZATION/0.9", "Seles/PERSON/0.5", "Huber/PERSON/0.5", "Akhmat Grozny/ORGANIZATION", "Krylya Sovetov/PERSON/0.5"},
			[]string{"Juventus/ORGANIZATION", "Napoli/ORGANIZATION", "Seles/PERSON", "Huber/PERSON", "Akhmat Grozny/ORGANIZATION", "Krylya Sovetov/ORGANIZATION"}, nil},
		{"an innings and a transfer", "Worcestershire 241-6 ( T. Moody 88 ) beat Glamorgan 198 all out\nArticle 12 of the law\nLazio signed Brazil midfielder Ronaldo Souza from Gremio. He flew from Rome.",
			[]string{"Glamorgan/LOCATION", "Lazio/ORGANIZATION", "Brazil/LOCATION", "Ronaldo Souza/PERSON", "Gremio/LOCATION", "Rome/LOCATION"},
			[]string{"Worcestershire/ORGANIZATION", "T. Moody/PERSON", "Glamorgan/ORGANIZATION", "Lazio/ORGANIZATION", "Brazil/LOCATION", "Ronaldo Souza/PERSON", "Gremio/ORGANIZATION", "Rome/LOCATION"}, nil},
		{"surnames of people tagged in full", "Steven Seagal arrived. Reporters asked Seagal about Washington.",
			[]string{"Steven Seagal/PERSON"}, []string{"Steven Seagal/PERSON", "Seagal/PERSON"}, nil},
		{"names joined by an ampersand are one company", "Marks & Spencer cut prices. Ernst & Young audited them. Bosnia & Herzegovina agreed. Retail Stores & Vendors : Dean & Gene Ween played. Sui Wenjing & Han Cong skated.",
			[]string{"Spencer/PERSON/0.9", "Ernst/PERSON/0.6", "Bosnia/LOCATION", "Herzegovina/LOCATION", "Dean/PERSON", "Gene Ween/PERSON", "Sui Wenjing/PERSON", "Han Cong/PERSON"},
			[]string{"Marks & Spencer/ORGANIZATION", "Ernst & Young/ORGANIZATION", "Bosnia/LOCATION", "Herzegovina/LOCATION", "Dean/PERSON", "Gene Ween/PERSON", "Sui Wenjing/PERSON", "Han Cong/PERSON"}, nil},
		{"a long form cut at a small word, by its acronym", "The Organisation for Security and Cooperation in Europe ( OSCE ) met. The Bank of England ( BoE ) did not.",
			[]string{"Organisation for Security and Cooperation/ORGANIZATION", "Europe/LOCATION", "Bank of England/ORGANIZATION"},
			[]string{"Organisation for Security and Cooperation in Europe/ORGANIZATION", "OSCE/ORGANIZATION", "Bank of England/ORGANIZATION", "BoE/ORGANIZATION"},
			[][2]string{{"osce", "organisation for security and cooperation in europe"}, {"boe", "bank of england"}}},
		{"companies by business cues", "Shares in Lloyds fell. Analysts at Dean Witter agreed. Johnson Matthey raised its dividend. Yeltsin said its army would stay. A spokesman for Yeltsin spoke. Shares in Russia fell. A spokesperson for Unison said no.",
			[]string{"Lloyds/LOCATION", "Dean Witter/PERSON", "Johnson Matthey/PERSON", "Yeltsin/PERSON", "Yeltsin/PERSON", "Russia/LOCATION", "Unison/PERSON/0.3"},
			[]string{"Lloyds/ORGANIZATION", "Dean Witter/ORGANIZATION", "Johnson Matthey/ORGANIZATION", "Yeltsin/PERSON", "Yeltsin/PERSON", "Russia/LOCATION", "Unison/ORGANIZATION"}, nil},
		{"direction words trimmed off places", "Drones hit Northeast Ukraine.",
			[]string{"Northeast Ukraine/LOCATION"}, []string{"Ukraine/LOCATION"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks, sents, ms := docWith(t, tc.text, tc.in...)
			got, links := r.apply(tc.text, toks, sents, ms, nil)
			if strings.Join(texts(got), ", ") != strings.Join(tc.want, ", ") {
				t.Errorf("mentions %v, want %v", texts(got), tc.want)
			}
			for _, m := range got {
				if tc.text[m.Start:m.End] != m.Text {
					t.Errorf("mention %q does not slice back", m.Text)
				}
			}
			if len(links) != len(tc.links) || len(links) > 0 && links[0] != tc.links[0] {
				t.Errorf("links %v, want %v", links, tc.links)
			}
		})
	}
}

func TestSplitHyphenated(t *testing.T) {
	text := "the London-based RUSI and NATO-trained, pro-Russian and Russian-Ukrainian units"
	var got []string
	for _, tk := range tokenize(text) {
		if text[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %q misaligned", tk.Text)
		}
		got = append(got, tk.Text)
	}
	want := "the London - based RUSI and NATO - trained , pro-Russian and Russian-Ukrainian units"
	if strings.Join(got, " ") != want {
		t.Errorf("tokens %q\nwant   %q", strings.Join(got, " "), want)
	}
}

func TestResolveLinked(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		ms    []string
		links [][2]string
		same  [][2]int // mention pairs that must share an entity
		apart [][2]int // and pairs that must not
	}{
		{"defined acronym", "Russian Volunteer Corps (RDK). RDK", []string{"Russian Volunteer Corps/ORGANIZATION", "RDK/ORGANIZATION"},
			[][2]string{{"rdk", "russian volunteer corps"}}, [][2]int{{0, 1}}, nil},
		{"acronym by initials", "Institute for the Study of War. ISW said.", []string{"Institute for the Study of War/ORGANIZATION", "ISW/ORGANIZATION"},
			nil, [][2]int{{0, 1}}, nil},
		{"region word", "Belgorod Oblast and Belgorod", []string{"Belgorod Oblast/LOCATION", "Belgorod/LOCATION"}, nil, [][2]int{{0, 1}}, nil},
		{"shorter organisation name", "Russian Defense Ministry. Defense Ministry", []string{"Russian Defense Ministry/ORGANIZATION", "Defense Ministry/ORGANIZATION"},
			nil, [][2]int{{0, 1}}, nil},
		{"country names", "Russian Federation and Russia, US and United States", []string{"Russian Federation/LOCATION", "Russia/LOCATION", "US/LOCATION", "United States/LOCATION"},
			nil, [][2]int{{0, 1}, {2, 3}}, [][2]int{{0, 2}}},
		{"an organisation's words in another order", "Legion of Freedom of Russia. The Freedom of Russia Legion. Ministry of Defense, Defense Ministry",
			[]string{"Legion of Freedom of Russia/ORGANIZATION", "Freedom of Russia Legion/ORGANIZATION", "Ministry of Defense/ORGANIZATION", "Defense Ministry/ORGANIZATION"},
			nil, [][2]int{{0, 1}, {2, 3}}, [][2]int{{0, 2}}},
		{"an organisation by its first and last words", "Liberty of Russia Legion. Liberty Legion. Freedom Party, Freedom Labour Party, Freedom Workers Party",
			[]string{"Liberty of Russia Legion/ORGANIZATION", "Liberty Legion/ORGANIZATION", "Freedom Party/ORGANIZATION", "Freedom Labour Party/ORGANIZATION", "Freedom Workers Party/ORGANIZATION"},
			nil, [][2]int{{0, 1}}, [][2]int{{2, 3}, {2, 4}, {0, 2}}},
		{"a given name alone", "Commander Denis (also known as Denis Nikitin) spoke. Anna Petrova and Anna Kuznetsova met Anna. Ivan Ivanov.",
			[]string{"Denis/PERSON", "Denis Nikitin/PERSON", "Anna Petrova/PERSON", "Anna Kuznetsova/PERSON", "Anna/PERSON", "Ivan Ivanov/PERSON"},
			nil, [][2]int{{0, 1}}, [][2]int{{4, 2}, {4, 3}, {1, 5}}},
		{"a family name written first", "Mahathir Mohamad criticised Anwar Ibrahim. Mahathir said Anwar had failed. Vyacheslav Gladkov met Gladkov Ivan. Gladkov said",
			[]string{"Mahathir Mohamad/PERSON", "Anwar Ibrahim/PERSON", "Mahathir/PERSON", "Anwar/PERSON", "Vyacheslav Gladkov/PERSON", "Gladkov Ivan/PERSON", "Gladkov/PERSON"},
			nil, [][2]int{{0, 2}, {1, 3}, {4, 6}}, [][2]int{{2, 3}, {5, 6}}},
		{"a bare head noun", "The rebels seized the Imperial Palace. Tanaka arrived at the Palace. The Guardian Council met, and the Council ruled. The Red Army and the Blue Army marched; the Army halted.",
			[]string{"Imperial Palace/LOCATION", "Palace/LOCATION", "Guardian Council/ORGANIZATION", "Council/ORGANIZATION", "Red Army/ORGANIZATION", "Blue Army/ORGANIZATION", "Army/ORGANIZATION"},
			nil, [][2]int{{0, 1}, {2, 3}}, [][2]int{{6, 4}, {6, 5}}},
		{"a city beside an organisation named after it", "Kiev denied it. The Kiev Army is ready.",
			[]string{"Kiev/LOCATION", "Kiev Army/ORGANIZATION"}, nil, nil, [][2]int{{0, 1}}},
		{"head of an organisation's name", "Wagner fighters. The Wagner Group", []string{"Wagner/PERSON", "Wagner Group/ORGANIZATION"},
			nil, [][2]int{{0, 1}}, nil},
		{"a surname in a headline tagged otherwise", "CUTTITTA BACK. Marcello Cuttitta returned", []string{"CUTTITTA/ORGANIZATION/0.5", "Marcello Cuttitta/PERSON"},
			nil, [][2]int{{0, 1}}, nil},
		{"surnames shared by two people", "Anna Gladkov met Vyacheslav Gladkov. Gladkov said", []string{"Anna Gladkov/PERSON", "Vyacheslav Gladkov/PERSON", "Gladkov/PERSON"},
			nil, [][2]int{{1, 2}}, [][2]int{{0, 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, ms := docWith(t, tc.text, tc.ms...)
			ents := resolveLinked(ms, tc.links)
			for _, p := range tc.same {
				if ms[p[0]].Entity != ms[p[1]].Entity {
					t.Errorf("%q and %q are different entities %v", ms[p[0]].Text, ms[p[1]].Text, ents)
				}
			}
			for _, p := range tc.apart {
				if ms[p[0]].Entity == ms[p[1]].Entity {
					t.Errorf("%q and %q are one entity", ms[p[0]].Text, ms[p[1]].Text)
				}
			}
			if tc.name == "head of an organisation's name" && ms[0].Type != Organization {
				t.Errorf("Wagner typed %s", ms[0].Type)
			}
		})
	}
}

func TestOrgInPlaceNeedsATown(t *testing.T) {
	tests := []struct {
		text string
		ms   []string
		want bool
	}{
		{"He joined Boeing in Seattle last year.", []string{"Boeing/ORGANIZATION", "Seattle/LOCATION"}, true},
		{"The Legion fought the FSB in the Belgorod region.", []string{"FSB/ORGANIZATION", "Belgorod/LOCATION"}, false},
		{"The Legion fought the FSB in Belgorod Oblast.", []string{"FSB/ORGANIZATION", "Belgorod Oblast/LOCATION"}, false},
		{"Protests against the Kremlin in Russia grew.", []string{"Kremlin/ORGANIZATION", "Russia/LOCATION"}, false},
	}
	for _, tc := range tests {
		toks, sents, ms := docWith(t, tc.text, tc.ms...)
		res := &Result{Tokens: toks, Sentences: sents, Mentions: ms}
		res.Entities = resolve(res.Mentions)
		got := false
		for _, r := range typedRelations(tc.text, res) {
			got = got || r.Rule == "org-in-place"
		}
		if got != tc.want {
			t.Errorf("%q: org-in-place %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestTokenFixes(t *testing.T) {
	toks := tokenize("Lee Harvey Oswald killed John F. Kennedy. Rabin was killed by Amir.")
	var words []string
	tags := map[string]string{}
	for _, tk := range toks {
		words = append(words, tk.Text)
		tags[tk.Text] = tk.Tag
	}
	if got := strings.Join(words, " "); got != "Lee Harvey Oswald killed John F. Kennedy . Rabin was killed by Amir ." {
		t.Errorf("tokens %q", got)
	}
	var abbrevs []string
	for _, tk := range tokenize("Lockheed Martin Corp. of Bethesda, Md., and Ford of Dearborn, Mich. He had to wash. Then") {
		abbrevs = append(abbrevs, tk.Text)
	}
	if got := strings.Join(abbrevs, " "); got != "Lockheed Martin Corp. of Bethesda , Md. , and Ford of Dearborn , Mich. He had to wash . Then" {
		t.Errorf("abbreviations: %q", got)
	}
	if toks[10].Text != "killed" || toks[10].Tag != "VBN" {
		t.Errorf("'was killed': %+v, want a participle", toks[10])
	}
}

func TestRelationAfterRelativeClause(t *testing.T) {
	text := "Mary Brown, who lives in Oakland, California, works for IBM."
	toks, sents, ms := docWith(t, text, "Mary Brown/PERSON", "Oakland/LOCATION", "California/LOCATION", "IBM/ORGANIZATION")
	res := &Result{Tokens: toks, Sentences: sents, Mentions: ms}
	res.Entities = resolve(res.Mentions)
	var got []string
	for _, r := range typedRelations(text, res) {
		got = append(got, res.Entities[r.Subject].Name+" "+r.Predicate+" "+res.Entities[r.Object].Name)
	}
	for _, want := range []string{"Mary Brown lives_in Oakland", "Mary Brown member_of IBM", "Oakland located_in California"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %v", want, got)
		}
	}
}

func TestVerbsOfKilling(t *testing.T) {
	tests := []struct{ text, killer, victim string }{
		{"Oswald was shot and killed by Jack Ruby two days later.", "Jack Ruby", "Oswald"},
		{"Mark David Chapman, the man who shot John Lennon, was denied parole.", "Mark David Chapman", "John Lennon"},
	}
	for _, tc := range tests {
		names := []string{tc.killer + "/PERSON", tc.victim + "/PERSON"}
		if strings.Index(tc.text, tc.victim) < strings.Index(tc.text, tc.killer) {
			names[0], names[1] = names[1], names[0]
		}
		toks, sents, ms := docWith(t, tc.text, names...)
		res := &Result{Tokens: toks, Sentences: sents, Mentions: ms}
		res.Entities = resolve(res.Mentions)
		rels := typedRelations(tc.text, res)
		if len(rels) != 1 || res.Entities[rels[0].Subject].Name != tc.killer || rels[0].Predicate != "killed" {
			t.Errorf("%q: relations %+v", tc.text, rels)
		}
	}
}

// TestKnownPlacesTaggedOrganisations: a country or a city the tagger took,
// unsure, for an organisation is the place, unless the sentence is a sports
// report, where a town names its club.
func TestKnownPlacesTaggedOrganisations(t *testing.T) {
	r := docRules{gaz: gazetteer.Default()}
	for _, tc := range []struct {
		text, name, want string
	}{
		{"Kiev has denied any role in the incursion.", "Kiev/ORGANIZATION/0.6", Location},
		{"Russia said the talks had failed.", "Russia/ORGANIZATION/0.6", Location},
		{"Kiev has denied any role in the incursion.", "Kiev/ORGANIZATION/0.9", Organization},
		{"Valencia's midfielder Jorge Ruiz was injured.", "Valencia/ORGANIZATION/0.6", Organization},
		{"Barcelona won again.", "Barcelona/ORGANIZATION/0.6", Organization},
		{"Reuters reported the raid.", "Reuters/ORGANIZATION/0.6", Organization},
	} {
		toks, sents, ms := docWith(t, tc.text, tc.name)
		r.typeKnownPlaces(toks, sents, ms)
		if ms[0].Type != tc.want {
			t.Errorf("%q: %s is a %s, want %s", tc.text, ms[0].Text, ms[0].Type, tc.want)
		}
	}
}

// TestCityStates: a town and the state abbreviation (or one-word name) after
// it are places.
func TestCityStates(t *testing.T) {
	r := docRules{gaz: gazetteer.Default()}
	for _, tc := range []struct {
		text  string
		names []string
		want  []string
	}{
		{"John Miller, 44, of Peoria, Ill., was charged.", []string{"John Miller/PERSON", "Peoria/LOCATION"},
			[]string{"John Miller/PERSON", "Peoria/LOCATION", "Ill./LOCATION"}},
		{"The company, based in Little Rock, Ark., makes tires.", nil,
			[]string{"Little Rock/LOCATION", "Ark./LOCATION"}},
		{"He called Tom Smith, Miss. Jones said.", []string{"Tom Smith/PERSON"}, []string{"Tom Smith/PERSON"}},
		{"We met Anna Brown, Ga. officials said.", nil, []string{}},
		{"The plan, Ill. advised, failed.", nil, []string{}},
		{"Officials in Albany, N.Y., said so.", []string{"Albany/LOCATION"}, []string{"Albany/LOCATION", "N.Y./LOCATION"}},
		{"Ruth Bader, 90, of Scarsdale, N.Y., died.", []string{"Ruth Bader/PERSON", "Scarsdale/PERSON"},
			[]string{"Ruth Bader/PERSON", "Scarsdale/LOCATION", "N.Y./LOCATION"}},
		{"Kyle Dawson, 27, of Killeen, Texas, died.", []string{"Kyle Dawson/PERSON", "Texas/LOCATION"},
			[]string{"Kyle Dawson/PERSON", "Killeen/LOCATION", "Texas/LOCATION"}},
		{"Voters in Macon, Georgia, waited.", nil, []string{"Macon/LOCATION", "Georgia/LOCATION"}},
		{"She lived in Asheville, N.C., for years.", []string{"Asheville/LOCATION", "N.C./PERSON"}, []string{"Asheville/LOCATION", "N.C./LOCATION"}},
		{"He called Tom Smith, Texas officials said.", []string{"Tom Smith/PERSON"}, []string{"Tom Smith/PERSON"}},
		{"Paula Dean, Texas Democrat, spoke.", []string{"Paula Dean/PERSON"}, []string{"Paula Dean/PERSON"}},
		{"A letter from Bill Lowe, Ohio, came.", []string{"Bill Lowe/PERSON"}, []string{"Bill Lowe/PERSON"}},
	} {
		toks, sents, ms := docWith(t, tc.text, tc.names...)
		ms = r.cityStates(tc.text, toks, sents, ms)
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		if got := texts(ms); strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestTrimSpanLowerTail(t *testing.T) {
	tests := []struct{ text, typ, want string }{
		{"the Teamsters union", Organization, "Teamsters"},
		{"Interfax news agency", Organization, "Interfax"},
		{"the Kharkiv derby", Location, "Kharkiv"},
		{"Ludwig van Beethoven", Person, "Ludwig van Beethoven"},
		{"taco bell", Organization, "taco bell"},
		// A verb of reporting ends the name; other languages' lower-case
		// words inside names stay.
		{"the Foreign Ministry said Kyiv", Organization, "Foreign Ministry"},
		{"Zell am See", Location, "Zell am See"},
		{"Sogn og Fjordane", Location, "Sogn og Fjordane"},
		// A lower-case word the name ran back over is cut; particles stay.
		{"the pro-business Democratic Alliance", Organization, "Democratic Alliance"},
		{"former Liberia", Location, "Liberia"},
		{"de Gaulle", Person, "de Gaulle"},
		{"al Qaeda", Organization, "al Qaeda"},
		{"bin Laden", Person, "bin Laden"},
		{"Speaker Nancy Pelosi", Person, "Nancy Pelosi"},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text)
		s, e := trimSpan(toks, 0, len(toks), tt.typ)
		if got := tt.text[toks[s].Start:toks[e-1].End]; got != tt.want {
			t.Errorf("trimSpan(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTypeByApposition: the apposition after a name says its type.
func TestTypeByApposition(t *testing.T) {
	r := docRules{gaz: gazetteer.Default()}
	for _, tc := range []struct {
		text  string
		names []string
		want  string
	}{
		{"Kazan, the capital of Tatarstan, lies on the Volga.", []string{"Kazan/PERSON", "Tatarstan/LOCATION"}, "Kazan/LOCATION"},
		{"Lyon, France's third-largest city, hosted it.", []string{"Lyon/ORGANIZATION", "France/LOCATION"}, "Lyon/LOCATION"},
		{"Sochi, a resort on the coast, hosted the games.", []string{"Sochi/ORGANIZATION"}, "Sochi/LOCATION"},
		{"Rakuten, the Tokyo online retailer, entered.", []string{"Rakuten/PERSON", "Tokyo/LOCATION"}, "Rakuten/ORGANIZATION"},
		{"Baird Capital, the Chicago private equity firm, bought it.", []string{"Baird Capital/PERSON", "Chicago/LOCATION"}, "Baird Capital/ORGANIZATION"},
		{"Lumina Pharma, a drugmaker based in Basel, cut jobs.", []string{"Lumina Pharma/LOCATION", "Basel/LOCATION"}, "Lumina Pharma/ORGANIZATION"},
		{"Jack Lee, a city councilman, spoke.", []string{"Jack Lee/PERSON"}, "Jack Lee/PERSON"},
		{"Equinor, the Norwegian state oil company based in Stavanger, found gas.", []string{"Equinor/PERSON", "Stavanger/LOCATION"}, "Equinor/ORGANIZATION"},
		{"Ann Ross, the company's founder, spoke.", []string{"Ann Ross/PERSON"}, "Ann Ross/PERSON"},
		{"Tom Hill, the mayor of the town, spoke.", []string{"Tom Hill/PERSON"}, "Tom Hill/PERSON"},
		{"Mary Jones, the town's clerk, spoke.", []string{"Mary Jones/PERSON"}, "Mary Jones/PERSON"},
	} {
		toks, _, ms := docWith(t, tc.text, tc.names...)
		r.typeByApposition(toks, ms)
		if got := texts(ms[:1]); got[0] != tc.want {
			t.Errorf("%q: %v, want %v", tc.text, got[0], tc.want)
		}
	}
}

// TestTypeByContext: "X, 44, of Town" makes the town a place; a company's
// role after a possessive, or "Tampa-based" before it, makes a name a
// company; a killing before a first name and surname makes it a person.
func TestTypeByContext(t *testing.T) {
	r := docRules{gaz: gazetteer.Default()}
	for _, tc := range []struct {
		text  string
		names []string
		i     int
		want  string
	}{
		{"Frank DeLuca, 58, of Yonkers, pleaded guilty.", []string{"Frank DeLuca/PERSON", "Yonkers/PERSON"}, 1, "Yonkers/LOCATION"},
		{"Brightline Media's founder, Nadia Farouk, stepped down.", []string{"Brightline Media/PERSON", "Nadia Farouk/PERSON"}, 0, "Brightline Media/ORGANIZATION"},
		{"Laura Finch, Pinecrest Capital's general counsel, declined.", []string{"Laura Finch/PERSON", "Pinecrest Capital/LOCATION"}, 1, "Pinecrest Capital/ORGANIZATION"},
		{"Boris Johnson's founder spoke.", []string{"Boris Johnson/PERSON"}, 0, "Boris Johnson/PERSON"},
		{"Trump's chief of staff spoke.", []string{"Trump/PERSON"}, 0, "Trump/PERSON"},
		{"Ann Lee's counsel objected.", []string{"Ann Lee/PERSON"}, 0, "Ann Lee/PERSON"},
		{"The son of Mary Jones, 44, of Ohio, spoke.", []string{"Mary Jones/PERSON", "Ohio/LOCATION"}, 1, "Ohio/LOCATION"},
		{"Tampa-based Harbor Capital reported a profit.", []string{"Harbor Capital/PERSON"}, 0, "Harbor Capital/ORGANIZATION"},
		{"Tampa-based Raymond James reported a profit.", []string{"Raymond James/PERSON"}, 0, "Raymond James/PERSON"},
		{"He was convicted of killing Lacey Dunn in 1998.", []string{"Lacey Dunn/ORGANIZATION"}, 0, "Lacey Dunn/PERSON"},
		{"He faces charges in the stabbing death of Kyle Dunn.", []string{"Kyle Dunn/ORGANIZATION"}, 0, "Kyle Dunn/PERSON"},
		{"They mourned the death of Los Angeles.", []string{"Los Angeles/LOCATION"}, 0, "Los Angeles/LOCATION"},
	} {
		toks, _, ms := docWith(t, tc.text, tc.names...)
		r.typeByContext(toks, ms)
		if got := texts(ms[tc.i : tc.i+1]); got[0] != tc.want {
			t.Errorf("%q: %v, want %v", tc.text, got[0], tc.want)
		}
	}
}

// TestDatelines: the place in capitals that opens a dateline.
func TestDatelines(t *testing.T) {
	r := docRules{gaz: gazetteer.Default()}
	for _, tc := range []struct {
		text  string
		names []string
		want  []string
	}{
		{"BELGOROD, Russia (AP) — Shelling resumed.", []string{"Russia/LOCATION"}, []string{"BELGOROD/LOCATION", "Russia/LOCATION"}},
		{"MOGADISHU, Somalia — A car bomb exploded.", []string{"Somalia/LOCATION"}, []string{"MOGADISHU/LOCATION", "Somalia/LOCATION"}},
		{"HOUSTON — A tank exploded on Tuesday.", nil, []string{"HOUSTON/LOCATION"}},
		{"NATO, the alliance, said so.", nil, []string{}},
		{"FBI — the agency said so.", nil, []string{}},
		{"PS — There is a party tonight.", nil, []string{}},
		{"SMITH, John — The letter came.", nil, []string{}},
		// A wire's hyphen between spaces is its dash; a name the tagger ran
		// on over it ends before it, and a hyphen inside a word is none.
		{"KYIV - Ukraine said so.", []string{"KYIV/ORGANIZATION", "Ukraine/LOCATION"}, []string{"KYIV/LOCATION", "Ukraine/LOCATION"}},
		{"WASHINGTON - House Speaker Mike Johnson spoke.", []string{"WASHINGTON - House/LOCATION", "Mike Johnson/PERSON"}, []string{"WASHINGTON/LOCATION", "Mike Johnson/PERSON"}},
		{"ANKARA - Erdogan spoke.", nil, []string{"ANKARA/LOCATION"}},
		{"TEL-AVIV Shares fell.", nil, []string{}},
	} {
		toks, sents, ms := docWith(t, tc.text, tc.names...)
		ms = r.datelines(tc.text, toks, sents, ms)
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		if got := texts(ms); strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestOpeningNames: a name that opens a sentence before its apposition,
// which the tagger left untagged, is tagged by the whole extractor.
func TestOpeningNames(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Irpin, a suburb of Kyiv, was shelled.", "Irpin/LOCATION"},
		{"Infineon, a chipmaker headquartered near Munich, raised its outlook.", "Infineon/ORGANIZATION"},
		{"Hiroshima, in western Japan, marked the anniversary.", "Hiroshima/LOCATION"},
		{"However, the company said it would appeal.", ""},
		{"Meanwhile, a city in Ohio flooded.", ""},
	} {
		res := x.Extract(tc.text)
		got := ""
		for _, m := range res.Mentions {
			if m.Start == 0 {
				got = m.Text + "/" + m.Type
			}
		}
		if got != tc.want {
			t.Errorf("%q: first mention %q, want %q", tc.text, got, tc.want)
		}
	}
}
