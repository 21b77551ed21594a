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
	} {
		copies = append(copies, [2]string{l[0], filepath.Join("licenses", l[1])})
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
	return writeGzip(filepath.Join(dir, "redocred.conll.gz"), red.Bytes())
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
