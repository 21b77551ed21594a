package main

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
	"github.com/dossier-nlp/dossier/extract/tagger"
)

// Synthetic sentences teach the model the layouts of wire-service sports
// pages and datelines, which no training corpus has: score lines
// ("Real Madrid 2 Valencia 1"), league tables, fixtures, athletics and
// tennis results with nationalities in brackets, and datelines
// ("MOSCOW 1996-08-22"). Following the news-wire convention, clubs and
// county sides are organizations while a country's name stays a location
// even when it names a national team. The names come from the training
// data, checked against the gazetteer; the club names are made from city
// names and common patterns.

// namePools holds the names synthetic sentences draw from.
type namePools struct {
	countries, cities, regions, people, orgs [][]string
}

func collectNames(train []tagger.Example) *namePools {
	g := gazetteer.Default()
	seen := map[string]bool{}
	p := &namePools{}
	for _, ex := range train {
		for _, sp := range tagger.SpansFromBIO(ex.Labels) {
			words := ex.Words[sp.Start:sp.End]
			name := strings.Join(words, " ")
			if seen[sp.Type+name] || !capitalised(words) || len(words) > 4 {
				continue
			}
			seen[sp.Type+name] = true
			c := g.Lookup(name)
			switch sp.Type {
			case tagger.Location:
				switch {
				case c.Has(gazetteer.Country) && !c.Has(gazetteer.Demonym):
					p.countries = append(p.countries, words)
				case c.Has(gazetteer.City):
					p.cities = append(p.cities, words)
				case c.Has(gazetteer.Region):
					p.regions = append(p.regions, words)
				}
			case tagger.Person:
				if len(words) >= 2 && !c.Has(gazetteer.Place) {
					p.people = append(p.people, words)
				}
			case tagger.Organization:
				if c&(gazetteer.Country|gazetteer.City|gazetteer.Region) == 0 {
					p.orgs = append(p.orgs, words)
				}
			}
		}
	}
	return p
}

func capitalised(words []string) bool {
	for _, w := range words {
		if w == "" || !(w[0] >= 'A' && w[0] <= 'Z') {
			if w != "of" && w != "de" && w != "and" && w != "&" {
				return false
			}
		}
	}
	return true
}

var (
	clubBefore = []string{"Real", "FC", "AC", "Inter", "Sporting", "Dynamo", "Dinamo", "Olympique", "Racing", "Atletico", "Borussia", "CSKA", "Spartak", "Lokomotiv", "Red Star", "PSV", "Ajax", "Bayern", "Hertha", "Werder", "Rapid", "Slavia", "Sparta", "Standard", "Club Brugge"}
	clubAfter  = []string{"United", "City", "Town", "Rovers", "Athletic", "Wanderers", "County", "Albion", "Rangers", "FC", "Celtic", "Hotspur", "Villa", "Forest", "Wednesday", "Athletics", "Giants", "Tigers", "Bears", "Lions", "Eagles", "Red Sox", "White Sox", "Cubs", "Pirates", "Dodgers", "Braves", "Mariners", "Yankees", "Mets", "Orioles", "Royals", "Rockies", "Padres", "Blue Jays", "Expos", "Bulls", "Lakers", "Knicks", "Celtics", "Rockets", "Saints", "Cowboys", "Packers", "Broncos", "Raiders", "Chiefs", "Dolphins", "Jets", "Seahawks", "Sharks", "Kings", "Senators", "Canadiens", "Bruins", "Flyers", "Penguins", "Stars"}
	sports     = []string{"SOCCER", "TENNIS", "CRICKET", "BASEBALL", "GOLF", "ATHLETICS", "RUGBY UNION", "CYCLING", "MOTOR RACING", "BASKETBALL", "ICE HOCKEY", "BOXING"}
)

type synth struct {
	rng   *rand.Rand
	p     *namePools
	words []string
	tags  []string
}

func (s *synth) add(typ string, words ...string) {
	for i, w := range words {
		s.words = append(s.words, w)
		switch {
		case typ == "":
			s.tags = append(s.tags, "O")
		case i == 0:
			s.tags = append(s.tags, "B-"+typ)
		default:
			s.tags = append(s.tags, "I-"+typ)
		}
	}
}

func (s *synth) pick(pool [][]string) []string { return pool[s.rng.Intn(len(pool))] }

// team adds a team: a country (LOCATION) or a club or county side
// (ORGANIZATION).
func (s *synth) team() {
	switch r := s.rng.Intn(10); {
	case r < 3:
		s.add(tagger.Location, s.pick(s.p.countries)...)
	case r < 5:
		s.add(tagger.Organization, s.pick(s.p.cities)...)
	case r < 6:
		s.add(tagger.Organization, s.pick(s.p.regions)...)
	case r < 8:
		s.add(tagger.Organization, append(append([]string(nil), s.pick(s.p.cities)...), strings.Fields(clubAfter[s.rng.Intn(len(clubAfter))])...)...)
	default:
		s.add(tagger.Organization, append(strings.Fields(clubBefore[s.rng.Intn(len(clubBefore))]), s.pick(s.p.cities)...)...)
	}
}

func (s *synth) num(max int) string { return fmt.Sprint(s.rng.Intn(max)) }

func (s *synth) person() { s.add(tagger.Person, s.pick(s.p.people)...) }

func (s *synth) nation() {
	s.add("", "(")
	s.add(tagger.Location, s.pick(s.p.countries)...)
	s.add("", ")")
}

func (s *synth) sentence() tagger.Example {
	s.words, s.tags = nil, nil
	switch s.rng.Intn(9) {
	case 0, 1: // score line
		s.team()
		s.add("", s.num(6))
		s.team()
		s.add("", s.num(6))
		if s.rng.Intn(3) == 0 {
			s.add("", "(", "halftime", s.num(3)+"-"+s.num(3), ")")
		}
	case 2: // league table row
		s.team()
		for k := 0; k < 7; k++ {
			s.add("", s.num(30))
		}
	case 3: // fixture
		s.team()
		s.add("", []string{"v", "vs", "vs.", "at"}[s.rng.Intn(4)])
		s.team()
	case 4: // athletics or golf result
		if s.rng.Intn(2) == 0 {
			s.add("", s.num(12)+".")
		}
		s.person()
		s.nation()
		if s.rng.Intn(2) == 0 {
			s.add("", fmt.Sprintf("%d.%02d", 9+s.rng.Intn(50), s.rng.Intn(100)))
		} else {
			s.add("", fmt.Sprint(65+s.rng.Intn(10)), fmt.Sprint(65+s.rng.Intn(10)), fmt.Sprint(200+s.rng.Intn(80)))
		}
	case 5: // tennis
		s.person()
		s.nation()
		s.add("", []string{"beat", "bt", "lost to"}[s.rng.Intn(3)])
		s.person()
		if s.rng.Intn(2) == 0 {
			s.nation()
		}
		s.add("", fmt.Sprintf("%d-%d", 6, s.rng.Intn(5)), fmt.Sprintf("%d-%d", 7, 5))
	case 6, 7: // dateline
		city := s.pick(s.p.cities)
		if s.rng.Intn(3) == 0 {
			city = s.pick(s.p.countries)
		}
		up := make([]string, len(city))
		for i, w := range city {
			up[i] = strings.ToUpper(w)
		}
		s.add(tagger.Location, up...)
		s.add("", fmt.Sprintf("199%d-%02d-%02d", s.rng.Intn(10), 1+s.rng.Intn(12), 1+s.rng.Intn(28)))
	case 8: // headline
		s.add("", strings.Fields(sports[s.rng.Intn(len(sports))])...)
		s.add("", "-")
		start := len(s.words)
		s.team()
		s.add("", strings.Fields([]string{"BEAT", "DRAW WITH", "LOSE TO", "HOLD", "THRASH", "EDGE"}[s.rng.Intn(6)])...)
		s.team()
		for i := start; i < len(s.words); i++ {
			s.words[i] = strings.ToUpper(s.words[i])
		}
	}
	return tagger.Example{Words: s.words, Labels: s.tags}
}

// synthesize returns n synthetic sports-page and dateline sentences, then
// nnews news sentences, made with names from train.
func synthesize(train []tagger.Example, n, nnews int, seed int64) []tagger.Example {
	p := collectNames(train)
	for _, pool := range [][][]string{p.countries, p.cities, p.regions, p.people, p.orgs} {
		sort.SliceStable(pool, func(i, j int) bool {
			return strings.Join(pool[i], " ") < strings.Join(pool[j], " ")
		})
		if len(pool) == 0 {
			return nil
		}
	}
	s := &synth{rng: rand.New(rand.NewSource(seed)), p: p}
	out := make([]tagger.Example, n+nnews)
	for i := range out[:n] {
		out[i] = s.sentence()
	}
	for i := n; i < len(out); i++ {
		s.words, s.tags = nil, nil
		s.news()
		out[i] = tagger.Example{Words: s.words, Labels: s.tags}
	}
	return out
}

// News sentences teach what the layouts above cannot: a town's name that
// acts as a club or a company in running text ("Kharkiv beat Dnipro 2-1",
// "Marseille striker ..."), scorer lists and line-ups of bare surnames,
// all-caps headlines, companies and regional bodies named after a place
// ("Bristol Water", "Belgorod Regional Duma", "Alliance for Donetsk"), and,
// so that the model does not take every town for a club, the same towns as
// places in the same kind of sentence ("fans gathered in Kharkiv").
//
// A template is a line of words; a word in braces is a slot:
//
//	{T} a team (club, county side or country), {C} a town as a club,
//	{P} a person, {N} a surname, {L} a town as a place, {R} a country or
//	region, {O} an organisation of the training data, {B} a company named
//	after a town, {G} a body named after a place, {S} a score, {D} a day,
//	{M} a minute, {X} a player's role, {K} a sport's name in capitals.
var newsTemplates = []string{
	// match reports
	"{C} beat {C} {S} on {D} to go top of the table .",
	"{C} beat {T} {S} on {D} .",
	"{T} drew {S} with {C} in {L} .",
	"{C} came from behind to beat {C} {S} .",
	"{P} scored twice as {C} won {S} at {C} .",
	"{P} scored the winner as {C} beat {C} {S} .",
	"{C} lost {S} to {C} on {D} .",
	"{C} were held to a {S} draw by {C} .",
	"{C} {X} {P} was sent off after {M} minutes .",
	"{C} 's {X} {P} was injured in training .",
	"{C} coach {P} praised his players after the match .",
	"{C} manager {P} said his side deserved to win .",
	"The match between {C} and {C} was postponed .",
	"{C} and {C} meet on {D} in the cup .",
	"{C} moved up to third , two points behind {C} .",
	"{P} joined {C} from {C} on a three-year contract .",
	"{C} signed {X} {P} from {C} .",
	"{C} , who beat {C} last week , host {C} on {D} .",
	"{P} , who left {C} for {C} in the summer , scored again .",
	"{C} ended {C} 's unbeaten run with a {S} win .",
	"{C} have won their last four games against {C} .",
	"{C} fans were banned from the away end at {C} .",
	// the same towns as places
	"Thousands of fans gathered in {L} after the final .",
	"The team flew to {L} on {D} for the second leg .",
	"The match in {L} was played in heavy rain .",
	"{P} was born in {L} and grew up in {L} .",
	"Police in {L} arrested 12 fans before the game .",
	"{C} play their home games in {L} , 40 km from {L} .",
	"The talks in {L} ended without a deal , officials in {R} said .",
	"{P} , the mayor of {L} , said the city would rebuild .",
	"Shelling hit {L} and {L} overnight , the governor said .",
	"Flights from {L} to {L} were cancelled because of fog .",
	"The plant near {L} employs 2,000 people .",
	"{P} left {L} for {R} in 1990 .",
	"Prices in {L} rose 3 percent in the year to {D} .",
	"Residents of {L} were told to stay indoors .",
	// results and tables
	"{C} {S} {C}",
	"{C} {n} {C} {n}",
	"{C} {n} {C} {n} ( {N} {M} , {N} {M} )",
	"{K} - {C} BEAT {C} {S}",
	"{K} - {C} HOLD {C} TO GOALLESS DRAW",
	"{K} - {C} , {C} SHARE POINTS",
	"{K} - {P} WINS IN {L}",
	"{C} 241 and 180-4 ; {C} 233 and 187",
	"{C} beat {C} by six wickets .",
	"{C} won the toss and chose to bat at {L} .",
	"{C} {n} {C} {n} ( OT )",
	"{C} beat {C} 101-98 in overtime .",
	"{P} hit a home run as {C} beat {C} 6-4 .",
	// scorers and line-ups
	"Scorers : {N} {M} , {N} {M} , {N} {M} .",
	"Scorers : {N} {M} , {N} {M} pen .",
	"Scorers : {C} - {N} {M} , {N} {M} ; {C} - {N} {M} .",
	"Goals : {N} {M} , {N} {M} , {N} {M} pen",
	"Goalscorers : {N} ( {M} ) , {N} ( {M} )",
	"{C} : {N} ; {N} , {N} , {N} , {N} ; {N} , {N} ; {N} .",
	"{C} : {N} - {N} , {N} , {N} ( {N} {M} ) .",
	"Sent off : {N} ( {C} ) {M} .",
	"Yellow cards : {N} , {N} ( {C} ) ; {N} ( {C} ) .",
	"Top scorers : 23 - {P} ( {C} ) ; 19 - {P} ( {C} ) .",
	// business
	"Shares in {B} fell 3 percent after the ruling .",
	"{B} said its pre-tax profit rose 12 percent .",
	"{B} , based in {L} , cut 300 jobs .",
	"{P} , chief executive of {B} , said sales were weak .",
	"A spokeswoman for {B} declined to comment .",
	"{B} agreed to buy {B} for $ 2 billion .",
	"{O} and {B} bid for the contract in {R} .",
	"The {L} Stock Exchange halted trading in {B} shares .",
	"{O} said it would cut 400 jobs , the union said .",
	"{P} , a spokesman for {O} , declined to comment .",
	"{O} shares rose 4 percent in {L} .",
	"{B} SHARES FALL AFTER {O} WARNING",
	"{O} PROFIT RISES ON STRONG DEMAND",
	"{R} FINES {O} OVER PRICE CARTEL",
	// bodies named after places
	"The {G} voted on {D} to extend the curfew .",
	"Deputies of the {G} met behind closed doors .",
	"The governor told the {G} that funding would be cut .",
	"{P} , speaker of the {G} , said the vote was fair .",
	"Members of the {G} walked out of the talks in {L} .",
	"The {G} approved the budget for {R} .",
}

// bodyBefore and bodyAfter make organisations named after a place:
// "Alliance for Donetsk", "Belgorod Regional Duma".
var (
	bodyAfter   = []string{"Regional Duma", "City Duma", "City Council", "Regional Council", "Oblast Council", "Regional Assembly", "Regional Administration", "Legislative Assembly", "City Hall", "Police", "University", "Chamber of Commerce", "Bar Association", "Regional Court"}
	bodyBefore  = []string{"Alliance for", "Union for", "Movement for", "Party of", "Bank of", "National Bank of", "University of", "Council of", "Friends of", "Front for the Liberation of"}
	companyTail = []string{"Water", "Bank", "Airlines", "Airways", "Energy", "Steel", "Gas", "Telecom", "Building Society", "Brewery", "Airport Group", "Motors", "Metro", "Insurance", "Times", "Herald", "Post", "Radio", "Shipyard", "Holdings", "Ports"}
	roles       = []string{"striker", "midfielder", "defender", "goalkeeper", "forward", "captain", "winger", "keeper"}
	days        = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// club adds a club named after a town: the town alone a little under
// half the time, else with a club word ("Leeds United", "Dynamo Kyiv"), so
// that the synthetic sentences do not outnumber the training data's towns
// that are places.
func (s *synth) club() {
	city := s.pick(s.p.cities)
	switch r := s.rng.Intn(20); {
	case r < 9:
		s.add(tagger.Organization, city...)
	case r < 15:
		s.add(tagger.Organization, append(append([]string(nil), city...), strings.Fields(clubAfter[s.rng.Intn(len(clubAfter))])...)...)
	default:
		s.add(tagger.Organization, append(strings.Fields(clubBefore[s.rng.Intn(len(clubBefore))]), city...)...)
	}
}

// news fills a random news template.
func (s *synth) news() {
	caps := false
	t := newsTemplates[s.rng.Intn(len(newsTemplates))]
	for _, w := range strings.Fields(t) {
		switch w {
		case "{T}":
			s.team()
		case "{C}":
			s.club()
		case "{P}":
			s.person()
		case "{N}":
			p := s.pick(s.p.people)
			s.add(tagger.Person, p[len(p)-1])
		case "{L}":
			s.add(tagger.Location, s.pick(s.p.cities)...)
		case "{R}":
			if s.rng.Intn(2) == 0 {
				s.add(tagger.Location, s.pick(s.p.countries)...)
			} else {
				s.add(tagger.Location, s.pick(s.p.regions)...)
			}
		case "{O}":
			s.add(tagger.Organization, s.pick(s.p.orgs)...)
		case "{B}":
			s.add(tagger.Organization, append(append([]string(nil), s.pick(s.p.cities)...), strings.Fields(companyTail[s.rng.Intn(len(companyTail))])...)...)
		case "{G}":
			place := s.pick(s.p.cities)
			if s.rng.Intn(3) == 0 {
				place = s.pick(s.p.regions)
			}
			if s.rng.Intn(3) == 0 {
				s.add(tagger.Organization, append(strings.Fields(bodyBefore[s.rng.Intn(len(bodyBefore))]), place...)...)
			} else {
				s.add(tagger.Organization, append(append([]string(nil), place...), strings.Fields(bodyAfter[s.rng.Intn(len(bodyAfter))])...)...)
			}
		case "{S}":
			s.add("", s.num(6)+"-"+s.num(5))
		case "{n}":
			s.add("", s.num(6))
		case "{D}":
			s.add("", days[s.rng.Intn(len(days))])
		case "{M}":
			s.add("", fmt.Sprint(1+s.rng.Intn(90)))
		case "{X}":
			s.add("", roles[s.rng.Intn(len(roles))])
		case "{K}":
			s.add("", strings.Fields(sports[s.rng.Intn(len(sports))])...)
			caps = true
		default:
			s.add("", w)
			if w == strings.ToUpper(w) && strings.ToUpper(w) != strings.ToLower(w) && len(w) > 2 {
				caps = true
			}
		}
	}
	if caps {
		for i, w := range s.words {
			s.words[i] = strings.ToUpper(w)
		}
	}
}
