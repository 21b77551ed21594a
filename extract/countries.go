package extract

import (
	"sort"
	"strings"
)

// countryNames groups the common names of countries that a text may use
// side by side ("Russia" and "the Russian Federation", "US" and "United
// States"); the first name of each line is the group's key. Facts, written
// for dossier.
var countryNames = parseCountryNames(`
united states | us | u.s. | usa | u.s.a. | united states of america | america
united kingdom | uk | u.k. | britain | great britain
russia | russian federation
china | people's republic of china | prc
taiwan | republic of china
north korea | dprk | democratic people's republic of korea
south korea | republic of korea
iran | islamic republic of iran
syria | syrian arab republic
czech republic | czechia
ivory coast | cote d'ivoire | côte d'ivoire
netherlands | holland
myanmar | burma
united arab emirates | uae | u.a.e.
democratic republic of the congo | drc | dr congo
republic of the congo | congo-brazzaville
vatican | holy see | vatican city
moldova | republic of moldova
belarus | byelorussia
north macedonia | macedonia
eswatini | swaziland
turkey | türkiye
`)

// CountryNames returns the normalised names of the country that name (any
// of its names) stands for, "united states", "us", "u.s.", ..., or nil when
// name is not one of the countries listed.
func CountryNames(name string) []string {
	key, ok := countryNames[NormalizeName(name)]
	if !ok {
		return nil
	}
	var out []string
	for n, k := range countryNames {
		if k == key {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func parseCountryNames(s string) map[string]string {
	m := make(map[string]string)
	for _, line := range strings.Split(s, "\n") {
		names := strings.Split(line, "|")
		key := strings.TrimSpace(names[0])
		if key == "" {
			continue
		}
		for _, n := range names {
			m[strings.TrimSpace(n)] = key
		}
	}
	return m
}
