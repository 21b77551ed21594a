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

// synthesize returns n synthetic sentences made with names from train.
func synthesize(train []tagger.Example, n int, seed int64) []tagger.Example {
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
	out := make([]tagger.Example, n)
	for i := range out {
		out[i] = s.sentence()
	}
	return out
}
