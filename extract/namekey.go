package extract

import (
	"sort"
	"strings"
	"sync"
)

// OrganizationWordsKey returns a key on which word-order and translation
// variants of one organisation's name agree: "Freedom of Russia Legion",
// "Legion of Freedom of Russia", "Liberty of Russia Legion" and "Russian
// Freedom Legion" all give "freedom legion russia". The name's content
// words are kept (function words such as "of" and "the" are dropped),
// nationality adjectives become their country ("Russian" -> "russia"), a
// few words that translations render either way are folded ("liberty" ->
// "freedom", "defence" -> "defense"), and the words are sorted. Names with
// fewer than two content words give "": one word says too little.
func OrganizationWordsKey(name string) string {
	words := strings.Fields(orgWordBreaks.Replace(NormalizeName(name)))
	seen := make(map[string]bool, len(words))
	out := words[:0]
	for _, w := range words {
		if orgFunctionWords[w] {
			continue
		}
		if c, ok := demonymCountry()[w]; ok {
			w = c
		}
		if f, ok := orgWordFolds[w]; ok {
			w = f
		}
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	if len(out) < 2 {
		return ""
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// OrganizationShortName returns the first word of a normalised
// two-word organisation name whose second word is one that such names drop
// when shortened ("wagner group" -> "wagner", "labour party" -> "labour"),
// or "" for any other name.
func OrganizationShortName(key string) string {
	first, rest, ok := strings.Cut(key, " ")
	if !ok || first == "" || strings.Contains(rest, " ") || !orgDroppedHeads[rest] || orgFunctionWords[first] {
		return ""
	}
	return first
}

// orgDroppedHeads are the last words of organisations' names that the
// news drops when it shortens them: a company's, party's or armed unit's
// designation ("Wagner Group" is "Wagner", "Azov Battalion" "Azov", "BBC
// News" "BBC"). Heads that carry the name's meaning are not among them: a
// "Guardian Council" is not "the Guardian", nor a "Security Service"
// "Security".
var orgDroppedHeads = wordSet(`group corps legion brigade battalion regiment party company corporation corp corp. inc inc. ltd ltd.
	bank network media news`)

// orgWordBreaks turn punctuation inside a name into word breaks.
var orgWordBreaks = strings.NewReplacer("-", " ", "'s", " ", "’s", " ", "'", " ", "’", " ", "‘", " ", "\"", " ", ",", " ", ".", " ")

// orgFunctionWords are left out of OrganizationWordsKey.
var orgFunctionWords = wordSet(`of the and for in on at to de del la le & a an`)

// NameFunctionWord reports whether the normalised word w is one of the
// function words of names ("of", "the", "de", "&"...), which say nothing of
// which entity a name is.
func NameFunctionWord(w string) bool { return orgFunctionWords[w] }

// orgWordFolds are words that translations of one name render differently,
// and British and American spellings that writers choose, not the
// organisation. "Labour" and "Labor" are not among them: the spelling is
// part of the name (Britain's Labour Party, Australia's Labor Party).
var orgWordFolds = map[string]string{
	"liberty": "freedom", "defence": "defense", "organisation": "organization",
	"centre": "center", "programme": "program",
}

// demonymCountry maps single-word nationality adjectives to the first name
// of their country, from the relation patterns' table.
var demonymCountry = sync.OnceValue(func() map[string]string {
	m := make(map[string]string)
	for _, line := range strings.Split(relDemonymList, "\n") {
		adjs, names, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		country, _, _ := strings.Cut(strings.TrimSpace(names), "|")
		if strings.Contains(country, " ") {
			continue // "united states": not one word, and never a content word match
		}
		for _, a := range strings.Fields(adjs) {
			if a != "-" {
				m[a] = country
			}
		}
	}
	return m
})

// placeVariants groups names of one place that differ by more than
// spelling rules catch: transliterations from Russian beside the Ukrainian
// ones now used in English-language news. The first name of each line is
// the group's key. Facts, written for dossier.
var placeVariants = parseCountryNames(`
kyiv | kiev
kharkiv | kharkov
odesa | odessa
lviv | lvov
mykolaiv | nikolaev | nikolayev
zaporizhzhia | zaporizhia | zaporozhye | zaporizhzhya
dnipro | dnipropetrovsk | dnepr | dnepropetrovsk
luhansk | lugansk
chernihiv | chernigov
rivne | rovno
vinnytsia | vinnitsa
kropyvnytskyi | kropivnitskii | kirovograd | kirovohrad
kramatorsk | kramatorsk
bakhmut | artemivsk | artyomovsk
`)

// PlaceKey returns the key shared by the variant names of a place ("kiev"
// and "kyiv" both give "kyiv"), or "" when name is not a listed variant.
func PlaceKey(name string) string {
	return placeVariants[NormalizeName(name)]
}
