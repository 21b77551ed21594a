package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-nlp/dossier/extract/gazetteer"
	"github.com/dossier-nlp/dossier/extract/tagger"
)

// prepare copies and converts the corpora used for training from the shared
// training folder (see its README.md) into dir. Files are copied unchanged
// where our reader understands them; Re-DocRED is converted from JSON to
// token<TAB>tag lines with nationality adjectives removed.
func prepare(shared, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	copies := [][2]string{
		{"wikigold-en.conll.txt.gz", "wikigold.conll.gz"},
		{"btc/btc-g.conll.gz", "btc-g.conll.gz"},
		{"btc/btc-e.conll.gz", "btc-e.conll.gz"},
		{"uner-en/en_ewt-ud-dev.iob2.gz", "uner-en_ewt-ud-dev.iob2.gz"},
		{"uner-en/en_ewt-ud-test.iob2.gz", "uner-en_ewt-ud-test.iob2.gz"},
		{"uner-en/en_pud-ud-test.iob2.gz", "uner-en_pud-ud-test.iob2.gz"},
	}
	for _, l := range [][2]string{
		{"gum/LICENSE.txt", "LICENSE-GUM.txt"},
		{"wikigold-LICENSE.txt", "LICENSE-wikigold.txt"},
		{"btc/LICENSE-BTC.txt", "LICENSE-BTC.txt"},
		{"crossner/LICENSE-CrossNER.txt", "LICENSE-CrossNER.txt"},
		{"redocred/LICENSE-Re-DocRED.txt", "LICENSE-Re-DocRED.txt"},
		{"redocred/LICENSE-DocRED.txt", "LICENSE-DocRED.txt"},
		{"uner-en/LICENSE-EWT.txt", "LICENSE-UNER-EWT.txt"},
		{"uner-en/LICENSE-PUD.txt", "LICENSE-UNER-PUD.txt"},
		{"multiner-en/LICENSE-multiNER.txt", "LICENSE-multiNER.txt"},
	} {
		copies = append(copies, [2]string{l[0], filepath.Join("licenses", l[1])})
	}
	for _, src := range re3dSources {
		for _, f := range []string{"LICENSE", "ATTRIBUTION"} {
			copies = append(copies, [2]string{filepath.Join("re3d", src, f), filepath.Join("licenses", f+"-re3d-"+src+".txt")})
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "licenses"), 0o755); err != nil {
		return err
	}
	for _, d := range []string{"politics", "science", "music", "literature", "ai"} {
		for _, s := range []string{"train", "dev", "test"} {
			copies = append(copies, [2]string{
				filepath.Join("crossner", d, s+".txt.gz"),
				fmt.Sprintf("crossner-%s-%s.conll.gz", d, s)})
		}
	}
	for _, c := range copies {
		b, err := os.ReadFile(filepath.Join(shared, c[0]))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, c[1]), b, 0o644); err != nil {
			return err
		}
	}
	// GUM: the open-licence documents, concatenated in name order.
	files, err := filepath.Glob(filepath.Join(shared, "gum", "open", "*.conllu.gz"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	var gum bytes.Buffer
	for _, f := range files {
		raw, err := gunzipFile(f)
		if err != nil {
			return err
		}
		gum.Write(raw)
		if !bytes.HasSuffix(raw, []byte("\n\n")) {
			gum.WriteString("\n")
		}
	}
	if err := writeGzip(filepath.Join(dir, "gum-open.conllu.gz"), gum.Bytes()); err != nil {
		return err
	}
	// Re-DocRED.
	var red bytes.Buffer
	for _, s := range []string{"dev", "test"} {
		if err := convertReDocRED(filepath.Join(shared, "redocred", s+"_revised.json.gz"), &red); err != nil {
			return err
		}
	}
	if err := writeGzip(filepath.Join(dir, "redocred.conll.gz"), red.Bytes()); err != nil {
		return err
	}
	// re3d, cut to name spans.
	var re3d bytes.Buffer
	kept, total, err := convertRe3d(shared, &re3d)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "re3d: %d of %d sentences kept\n", kept, total)
	if err := writeGzip(filepath.Join(dir, "re3d.conll.gz"), re3d.Bytes()); err != nil {
		return err
	}
	// multiNER, English side.
	var mn bytes.Buffer
	n, err := convertMultiNER(filepath.Join(shared, "multiner-en", "Final_English.txt.gz"), &mn)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "multiner: %d sentences\n", n)
	return writeGzip(filepath.Join(dir, "multiner.conll.gz"), mn.Bytes())
}

func gunzipFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	return io.ReadAll(zr)
}

func writeGzip(path string, data []byte) error {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

type redocDoc struct {
	Title     string `json:"title"`
	Sents     [][]string
	VertexSet [][]struct {
		Type   string `json:"type"`
		Pos    [2]int `json:"pos"`
		SentID int    `json:"sent_id"`
	} `json:"vertexSet"`
}

// convertReDocRED writes the sentences of a Re-DocRED file as token<TAB>tag
// lines (IOB2, PER/LOC/ORG), dropping nationality adjectives typed LOC and
// mentions that overlap an earlier, longer one.
func convertReDocRED(path string, w *bytes.Buffer) error {
	raw, err := gunzipFile(path)
	if err != nil {
		return err
	}
	var docs []redocDoc
	if err := json.Unmarshal(raw, &docs); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	for _, d := range docs {
		tags := make([][]string, len(d.Sents))
		for i, s := range d.Sents {
			tags[i] = make([]string, len(s))
			for j := range s {
				tags[i][j] = "O"
			}
		}
		type mention struct {
			sent, start, end int
			typ              string
		}
		var ms []mention
		for _, ent := range d.VertexSet {
			for _, m := range ent {
				if m.Type != "PER" && m.Type != "LOC" && m.Type != "ORG" {
					continue
				}
				if m.SentID < 0 || m.SentID >= len(d.Sents) || m.Pos[0] < 0 || m.Pos[1] > len(d.Sents[m.SentID]) || m.Pos[0] >= m.Pos[1] {
					continue
				}
				ms = append(ms, mention{m.SentID, m.Pos[0], m.Pos[1], m.Type})
			}
		}
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].end-ms[i].start > ms[j].end-ms[j].start })
		for _, m := range ms {
			words := d.Sents[m.sent][m.start:m.end]
			if isDemonymPhrase(words) {
				continue
			}
			if len(words) > 1 && (words[0] == "the" || words[0] == "The") {
				m.start++
			}
			free := true
			for k := m.start; k < m.end; k++ {
				free = free && tags[m.sent][k] == "O"
			}
			if !free {
				continue
			}
			for k := m.start; k < m.end; k++ {
				tags[m.sent][k] = "I-" + m.typ
			}
			tags[m.sent][m.start] = "B-" + m.typ
		}
		for i, s := range d.Sents {
			for j, tok := range s {
				tok = strings.Map(func(r rune) rune {
					if unicode.IsSpace(r) {
						return '_'
					}
					return r
				}, tok)
				if tok == "" {
					continue
				}
				fmt.Fprintf(w, "%s\t%s\n", tok, tags[i][j])
			}
			w.WriteString("\n")
		}
	}
	return nil
}

// demonyms are nationality and regional adjectives and nouns ("Russian",
// "Americans"): our guide does not count them as entities.
var demonyms = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`american german french british english italian russian japanese
	australian indian canadian swedish polish european african spanish chinese irish portuguese mexican
	korean turkish norwegian danish brazilian hungarian austrian romanian cuban dutch kurdish ukrainian
	chilean roman peruvian palestinian armenian pakistani afghan iranian swiss czech venezuelan poles
	scottish venetian taiwanese georgian thai persian israeli egyptian cambodian vietnamese bulgarian
	belgian angolan asian luxembourgish tunisian ghanaian jamaican moldavian moldovan panamanian ecuadorian
	zambian sicilian paraguayan catalan rhodesian singaporean ugandan indonesian helvetic parisian papuan
	anatolian englishman englishmen bangladeshi minnesotan colombian serbian beninese flemish malaysian
	jewish welsh greek arab arabic saudi iraqi syrian lebanese jordanian yemeni kuwaiti emirati qatari
	omani bahraini libyan algerian moroccan sudanese ethiopian somali kenyan nigerian finnish estonian
	latvian lithuanian belarusian slovak slovakian slovenian croatian bosnian albanian macedonian
	montenegrin icelandic scandinavian nordic soviet argentine argentinian bolivian uruguayan haitian
	dominican filipino burmese nepalese nepali mongolian tibetan kazakh uzbek chechen tatar kyrgyz
	turkmen tajik azerbaijani azeri cypriot maltese hispanic latino texan californian mancunian milanese
	neapolitan bavarian prussian corsican basque galician andalusian breton hawaiian alaskan zealander
	scots scot briton britons irishman irishmen frenchman frenchmen dane swede finn turk pole serb croat
	greenlandic karelian tamil sinhalese punjabi bengali gujarati kashmiri iberian caucasian balkan
	parthian ottoman byzantine carthaginian macedonian mesopotamian babylonian assyrian phoenician
	equatoguinean guinean senegalese malian nigerien cameroonian congolese gabonese rwandan burundian
	tanzanian mozambican malawian zimbabwean namibian botswanan south-african malagasy mauritian
	sri lankan vietnamese laotian lao khmer korean okinawan siberian kievan muscovite londoner
	new yorker berliner venezuelan costa rican salvadoran guatemalan honduran nicaraguan barbadian
	trinidadian bahamian puerto rican antillean caribbean emirian yemenite israelite israelites
	afrikaner boer americans germans russians ukrainians austrians indians iberians romans`) {
		demonyms[w] = true
	}
}

// isDemonymWord reports whether w is a nationality word, also in the plural.
func isDemonymWord(w string) bool {
	l := strings.ToLower(w)
	if demonyms[l] || (strings.HasSuffix(l, "s") && demonyms[l[:len(l)-1]]) {
		return true
	}
	return false
}

// isDemonymPhrase reports whether the mention is a nationality adjective
// ("German", "South Korean", "Native American").
func isDemonymPhrase(words []string) bool {
	if len(words) == 0 || !isDemonymWord(words[len(words)-1]) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		switch strings.ToLower(w) {
		case "south", "north", "east", "west", "latin", "native", "ancient", "soviet", "central",
			"equatorial", "northern", "southern", "eastern", "western", "-", "anglo", "afro", "sri",
			"costa", "puerto", "new", "flemish":
		default:
			if !isDemonymWord(w) {
				return false
			}
		}
	}
	return true
}

// re3dSources are the re3d source folders of the shared folder, in the
// order their documents are written.
var re3dSources = []string{
	"Australian_Department_of_Foreign_Affairs", "CENTCOM", "UK_Government", "US_State_Department", "Wikipedia",
}

// convertRe3d writes re3d's CoNLL documents as token<TAB>tag lines with
// our types and name spans. re3d marks mentions, not names ("Iraqi
// President Fuad Masum", "U.S. service members", "the Army"), so each span
// is cut to its capitalised part and titles and nationality words are cut
// from the front of person spans; a span without a capital letter becomes
// O, and a sentence whose spans cannot be cut to a name (a capitalised
// modifier before a lower-case head, "U.S. service members") is left out.
// It returns the number of sentences kept and read.
func convertRe3d(shared string, w *bytes.Buffer) (kept, total int, err error) {
	g := gazetteer.Default()
	for _, src := range re3dSources {
		files, err := filepath.Glob(filepath.Join(shared, "re3d", src, "conll", "*.conll.gz"))
		if err != nil {
			return 0, 0, err
		}
		sort.Strings(files)
		for _, f := range files {
			raw, err := gunzipFile(f)
			if err != nil {
				return 0, 0, err
			}
			exs, err := tagger.ReadCoNLL(bytes.NewReader(raw), "conll")
			if err != nil {
				return 0, 0, fmt.Errorf("read %s: %w", f, err)
			}
			for _, ex := range exs {
				total++
				labels, ok := nameSpans(g, ex)
				if !ok {
					continue
				}
				kept++
				for i, tok := range ex.Words {
					fmt.Fprintf(w, "%s\t%s\n", tok, labels[i])
				}
				w.WriteString("\n")
			}
		}
	}
	return kept, total, nil
}

// nameConnectors may join the capitalised words of one name ("Ministry of
// Defence", "Islamic State of Iraq and the Levant").
var nameConnectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "de": true, "al": true, "&": true, "'s": true, "-": true, "on": true}

// nameSpans cuts the mention spans of ex to name spans (see convertRe3d);
// ok is false when a span cannot be cut.
func nameSpans(g *gazetteer.Gazetteer, ex tagger.Example) (labels []string, ok bool) {
	labels = make([]string, len(ex.Words))
	for i := range labels {
		labels[i] = "O"
	}
	isCap := func(w string) bool {
		for _, r := range w {
			return unicode.IsUpper(r)
		}
		return false
	}
	for _, sp := range tagger.SpansFromBIO(ex.Labels) {
		words := ex.Words[sp.Start:sp.End]
		first, last := -1, -1
		for k, w := range words {
			if isCap(w) {
				if first < 0 {
					first = k
				}
				last = k
			}
		}
		if first < 0 {
			continue // no name: "the regime", "rebels"
		}
		for first <= last && (leadWord[words[first]] || !isCap(words[first])) {
			first++ // a pronoun or article that opens the sentence: "We", "The"
		}
		for last >= first && !isCap(words[last]) {
			last--
		}
		if first > last || !hasLetter(strings.Join(words[first:last+1], "")) {
			continue
		}
		for k := first; k <= last; k++ {
			if !isCap(words[k]) && !nameConnectors[words[k]] && hasLetter(words[k]) {
				return nil, false // "U.S. and coalition forces"
			}
		}
		typ := sp.Type
		if sp.Type == tagger.Person {
			for first <= last && (isDemonymWord(words[first]) || g.Word(words[first]).Has(gazetteer.PersonTitle) || personTitleWord[words[first]]) {
				first++
			}
			if first > last {
				continue // a title alone: "the Foreign Secretary"
			}
			for k := first; k <= last; k++ {
				if g.Word(words[k]).Has(gazetteer.PersonTitle) || personTitleWord[words[k]] {
					return nil, false // "Foreign Office Minister"
				}
			}
		}
		core := words[first : last+1]
		if isDemonymPhrase(core) || groupWord[strings.ToLower(core[len(core)-1])] || (len(core) == 1 && commonBody[core[0]]) {
			continue // "Syrian Arab forces", "the Iraqi people"
		}
		tail := false
		for _, w := range words[last+1:] {
			tail = tail || hasLetter(w)
		}
		if tail {
			// A capitalised modifier of a common noun: "Raqqa province" keeps
			// its place; "U.S. forces" names a country, a place by our guide.
			c := g.Lookup(strings.Join(core, " "))
			switch {
			case sp.Type == tagger.Location:
			case c.Has(gazetteer.Country):
				typ = tagger.Location
			default:
				return nil, false
			}
		}
		if sp.Type == tagger.Organization && !tail && g.Lookup(strings.Join(core, " "))&(gazetteer.Country|gazetteer.City|gazetteer.Region) != 0 {
			typ = tagger.Location // a country acting as a body, "the people of Mosul": a place by our guide
		}
		labels[sp.Start+first] = "B-" + typ
		for k := sp.Start + first + 1; k <= sp.Start+last; k++ {
			labels[k] = "I-" + typ
		}
	}
	return labels, true
}

// leadWord are capitalised words at the start of a sentence that begin no
// name.
var leadWord = map[string]bool{
	"The": true, "A": true, "An": true, "We": true, "He": true, "She": true, "They": true, "It": true,
	"I": true, "You": true, "This": true, "These": true, "Those": true, "Our": true, "His": true,
	"Her": true, "Its": true, "Their": true, "That": true, "Both": true, "All": true,
}

// groupWord are religious and ethnic groups, which our guide does not
// count as organisations.
var groupWord = map[string]bool{
	"muslims": true, "christians": true, "sunni": true, "sunnis": true, "shia": true, "shiite": true,
	"shiites": true, "kurds": true, "arabs": true, "yazidis": true, "alawites": true, "jews": true,
}

// commonBody are words that stand alone for a body already named
// ("the Government", "the Coalition"): not names.
var commonBody = map[string]bool{
	"Government": true, "Coalition": true, "Regime": true, "Administration": true, "Forces": true,
	"Council": true, "Department": true, "Ministry": true, "Committee": true, "Group": true,
}

// personTitleWord are words of titles that the gazetteer's list of titles
// does not hold on their own ("Foreign Secretary", "Prime Minister").
var personTitleWord = map[string]bool{
	"Foreign": true, "Prime": true, "Defence": true, "Defense": true, "State": true, "Deputy": true,
	"Vice": true, "Chief": true, "Special": true, "Envoy": true, "Home": true, "Office": true,
	"Secretary-General": true, "Lt": true, "Lt.": true, "Maj.": true, "Gen.": true, "Col.": true,
	"Brig.": true, "Sgt.": true, "Capt.": true, "Adm.": true, "Rep.": true, "Sen.": true,
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// convertMultiNER writes the English side of multiNER as token<TAB>tag
// lines: carriage returns trimmed, MISC (dates, numbers, job titles)
// read as O, and spans without a capital letter ("the government") made O.
func convertMultiNER(path string, w *bytes.Buffer) (int, error) {
	raw, err := gunzipFile(path)
	if err != nil {
		return 0, err
	}
	exs, err := tagger.ReadCoNLL(bytes.NewReader(bytes.ReplaceAll(raw, []byte("\r"), nil)), "conll")
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", path, err)
	}
	for _, ex := range exs {
		for _, sp := range tagger.SpansFromBIO(ex.Labels) {
			capital := false
			for _, tok := range ex.Words[sp.Start:sp.End] {
				for _, r := range tok {
					capital = capital || unicode.IsUpper(r)
					break
				}
			}
			if !capital {
				for k := sp.Start; k < sp.End; k++ {
					ex.Labels[k] = "O"
				}
			}
		}
		for i, tok := range ex.Words {
			fmt.Fprintf(w, "%s\t%s\n", tok, ex.Labels[i])
		}
		w.WriteString("\n")
	}
	return len(exs), nil
}
