package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	g := Default()
	if g == nil {
		t.Fatal("Default() = nil")
	}
	if n := g.Len(); n < 100_000 {
		t.Errorf("Default().Len() = %d, want at least 100000", n)
	}
	if Default() != g {
		t.Error("Default() returned a different gazetteer on the second call")
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := Default()
			if !g.Word("Moscow").Has(City) {
				t.Error("Word(Moscow) is not a City")
			}
			g.Match([]string{"Belgorod", "Oblast"})
		}()
	}
	wg.Wait()
}

func TestWord(t *testing.T) {
	g := Default()
	tests := []struct {
		word string
		has  Class // every class here must be present
		not  Class // no class here may be present
	}{
		{"Russia", Country, Demonym},
		{"RUSSIA", Country, 0},
		{"russia", Country, 0},
		{"Russia's", Country, 0},
		{"Russia\u2019s", Country, 0},
		{"Russian", Demonym, Place},
		{"Russians", Demonym, Place},
		{"Ukrainians", Demonym, Place},
		{"American", Demonym, Place | Company},
		{"British", Demonym, 0},
		{"French", Demonym, 0},
		{"Chinese", Demonym, 0},
		{"English", Demonym, Place},
		{"Ukraine", Country, 0},
		{"Britain", Country, 0},
		{"U.S.", Country, 0},
		{"US", Country, 0},
		{"UK", Country, 0},
		{"Kyiv", City, 0},
		{"Kiev", City, 0},
		{"Moscow", City, 0},
		{"Shebekino", City, 0},
		{"Grayvoron", City, 0},
		{"Belgorod", City | Region, 0},
		{"Kraków", City, 0},
		{"Krakow", City, 0},
		{"John", FirstName, 0},
		{"Mary", FirstName, 0},
		{"Vyacheslav", FirstName, 0},
		{"Gazprom", Company, 0},
		{"NATO", Org, 0},
		{"WHO", Org, 0},
		{"Governor", PersonTitle, 0},
		{"spokesman", PersonTitle, 0},
		{"Colonel-General", PersonTitle, 0},
		{"Mr.", PersonTitle, 0},
		{"Ministry", OrgSuffix, 0},
		{"Corps", OrgSuffix, 0},
		{"Legion", OrgSuffix, 0},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := g.Word(tt.word)
			if got&tt.has != tt.has || got.Has(tt.not) {
				t.Errorf("Word(%q) = %v, want %v and none of %v", tt.word, got, tt.has, tt.not)
			}
		})
	}
}

func TestWordNone(t *testing.T) {
	g := Default()
	for _, w := range []string{
		"the", "The", "said", "of", "Of", "and", "a", "us", "who", "it", "'s", "", ",",
		"federal", "research", "downtown", strings.Repeat("x", 100), strings.Repeat("é", 40),
	} {
		if got := g.Word(w); got != 0 {
			t.Errorf("Word(%q) = %v, want None", w, got)
		}
	}
	// Common words that are also names of small places are not places.
	for _, w := range []string{"Police", "University", "Court", "Airport", "Union", "Republic"} {
		if got := g.Word(w); got.Has(Place) {
			t.Errorf("Word(%q) = %v, want no place class", w, got)
		}
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		name string
		has  Class
	}{
		{"Belgorod Oblast", Region},
		{"belgorod   OBLAST", Region},
		{"Belgorod Region", Region},
		{"Belgorod region", Region},
		{"Bryansk Oblast", Region},
		{"Kursk Oblast", Region},
		{"Sumy Oblast", Region},
		{"Korenevsky District", Region},
		{"New York", City},
		{"New York City", City},
		{"Washington, D.C.", City},
		{"United States", Country},
		{"Russian Federation", Country},
		{"the Netherlands", Country},
		{"Côte d\u2019Ivoire", Country},
		{"Cote d'Ivoire", Country},
		{"Republic of Korea", Country},
		{"Saint Petersburg", City},
		{"St. Petersburg", City},
		{"Black Sea", Region},
		{"Russia's", Country},
		{"Belgorod Oblast's", Region},
		{"South Korean", Demonym},
		{"Prime Minister", PersonTitle},
		{"Wagner Group", Org},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Lookup(tt.name); got&tt.has != tt.has {
				t.Errorf("Lookup(%q) = %v, want %v", tt.name, got, tt.has)
			}
		})
	}
	for _, name := range []string{"", "the", "said the", "governor of"} {
		if got := g.Lookup(name); got != 0 {
			t.Errorf("Lookup(%q) = %v, want None", name, got)
		}
	}
}

func TestMatch(t *testing.T) {
	g := Default()
	type span struct {
		start, end int
		has        Class
	}
	tests := []struct {
		name  string
		words []string
		want  []span
	}{
		{"governor of oblast", []string{"The", "governor", "of", "Belgorod", "Oblast"},
			[]span{{1, 2, PersonTitle}, {3, 5, Region}}},
		{"possessive token", []string{"Russia", "'s", "Belgorod", "region"},
			[]span{{0, 1, Country}, {2, 4, Region}}},
		{"possessive glued", []string{"in", "Belgorod", "Oblast's", "south"},
			[]span{{1, 3, Region}}},
		{"longest wins", []string{"New", "York", "City", "Mayor"},
			[]span{{0, 3, City}, {3, 4, PersonTitle}}},
		{"punctuation", []string{"Washington", ",", "D.C.", "said"},
			[]span{{0, 3, City}}},
		{"title and names", []string{"Kremlin", "spokesman", "Dmitry", "Peskov"},
			[]span{{0, 1, Org}, {1, 2, PersonTitle}, {2, 3, FirstName}}},
		{"demonym", []string{"Russian", "forces", "entered", "Ukraine"},
			[]span{{0, 1, Demonym}, {1, 2, OrgSuffix}, {3, 4, Country}}},
		{"abbreviations", []string{"the", "US", "and", "us"},
			[]span{{1, 2, Country}}},
		{"nothing", []string{"the", "said", "of"}, nil},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Match(tt.words)
			if len(got) != len(tt.want) {
				t.Fatalf("Match(%q) = %v, want %d matches %v", tt.words, got, len(tt.want), tt.want)
			}
			for i, m := range got {
				w := tt.want[i]
				if m.Start != w.start || m.End != w.end || m.Class&w.has != w.has {
					t.Errorf("Match(%q)[%d] = %+v, want [%d,%d) with %v", tt.words, i, m, w.start, w.end, w.has)
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	const input = "# user list\n" +
		"City\tGotham\n" +
		"\n" +
		"Region|City\tNew  Gotham\r\n" +
		"FirstName\tGotham\n" +
		"org\tACME\n" +
		"Company\tAcme Corp.\n"
	check := func(t *testing.T, g *Gazetteer) {
		t.Helper()
		tests := []struct {
			name string
			want Class
		}{
			{"Gotham", City | FirstName},
			{"gotham", City | FirstName},
			{"new gotham", Region | City},
			{"ACME", Org},
			{"acme", 0},
			{"Acme Corp.", Company},
			{"Metropolis", 0},
		}
		for _, tt := range tests {
			if got := g.Lookup(tt.name); got != tt.want {
				t.Errorf("Lookup(%q) = %v, want %v", tt.name, got, tt.want)
			}
		}
		if g.Len() != 4 {
			t.Errorf("Len() = %d, want 4", g.Len())
		}
	}
	t.Run("plain", func(t *testing.T) {
		g, err := Parse(strings.NewReader(input))
		if err != nil {
			t.Fatal(err)
		}
		check(t, g)
	})
	t.Run("gzip", func(t *testing.T) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(input))
		zw.Close()
		g, err := Parse(&buf)
		if err != nil {
			t.Fatal(err)
		}
		check(t, g)
	})
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, input, msg string
	}{
		{"no tab", "City Gotham\n", "line 1: no tab"},
		{"unknown class", "City\tGotham\nTown\tSmallville\n", `line 2: unknown class "Town"`},
		{"empty class", "\tGotham\n", `line 1: unknown class ""`},
		{"empty name", "City\t  \n", "line 1: empty name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.input))
			if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Parse(%q) error = %v, want ErrSyntax with %q", tt.input, err, tt.msg)
			}
		})
	}
	if _, err := Parse(bytes.NewReader([]byte{0x1f, 0x8b, 0, 0})); err == nil {
		t.Error("Parse(broken gzip) succeeded")
	}
}

// TestParseRoundTrip checks that every line of the embedded file reads back
// with its classes, and that the file is sorted and has no duplicate names.
func TestParseRoundTrip(t *testing.T) {
	g, err := Parse(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	lines := 0
	prev := ""
	for sc.Scan() {
		lines++
		class, name, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("line %d has no tab: %q", lines, sc.Text())
		}
		want, err := parseClass(class)
		if err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
		if got := g.Lookup(name); got&want != want {
			t.Errorf("line %d: Lookup(%q) = %v, want %v", lines, name, got, want)
		}
		key := Normalize(name)
		if key < prev {
			t.Errorf("line %d: %q sorts before the line above (%q)", lines, key, prev)
		}
		prev = key
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != g.Len() || lines != Default().Len() {
		t.Errorf("%d lines, Len() = %d, Default().Len() = %d: want all equal", lines, g.Len(), Default().Len())
	}
}

func TestClassString(t *testing.T) {
	tests := []struct {
		c    Class
		want string
	}{
		{0, "None"},
		{City, "City"},
		{Region | City, "Region|City"},
		{FirstName | PersonTitle, "FirstName|PersonTitle"},
		{City | 1<<12, "City|Class(0x1000)"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("Class(%#x).String() = %q, want %q", uint16(tt.c), got, tt.want)
		}
		if tt.c != 0 && tt.c <= lastClass<<1-1 {
			if back, err := parseClass(tt.want); err != nil || back != tt.c {
				t.Errorf("parseClass(%q) = %v, %v; want %v", tt.want, back, err, tt.c)
			}
		}
	}
	if !Region.Has(Place) || Demonym.Has(Place) || (City | Company).Has(FirstName) {
		t.Error("Has gives wrong answers")
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Belgorod Oblast", "belgorod oblast"},
		{"  New\tYork  ", "new york"},
		{"new york", "new york"},
		{"Washington, D.C.", "washington , d.c."},
		{"Cocos (Keeling) Islands", "cocos ( keeling ) islands"},
		{"Côte d\u2019Ivoire", "côte d'ivoire"},
		{"North Ossetia\u2013Alania", "north ossetia-alania"},
		{"\u201cQuoted\u201d", "\" quoted \""},
		{"ÉCOLE", "école"},
		{"U.S.", "u.s."},
		{"", ""},
		{" ", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWordAllocs checks that the hot path does not allocate.
func TestWordAllocs(t *testing.T) {
	g := Default()
	words := []string{"Russia", "the", "Belgorod", "Oblast's", "US", "said"}
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			g.Word(w)
		}
	})
	if allocs != 0 {
		t.Errorf("Word allocates %v times per run, want 0", allocs)
	}
}

// FuzzWord checks that Word's fast path agrees with the general path.
func FuzzWord(f *testing.F) {
	for _, s := range []string{"Russia", "Russia's", "US", "us's", "New York", "Kraków", "U.S.", "a,b", "'s"} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := g.Word(w), g.lookup(Normalize(w), capsWord(w)); got != want {
			t.Errorf("Word(%q) = %v, general path gives %v", w, got, want)
		}
	})
}

// FuzzParse checks that Parse never panics and that what it accepts can be
// looked up.
func FuzzParse(f *testing.F) {
	f.Add("City\tGotham\nRegion|City\tNew Gotham\n")
	f.Add("#\n\nOrg\tUN\n")
	f.Add("\t")
	f.Fuzz(func(t *testing.T, input string) {
		g, err := Parse(strings.NewReader(input))
		if err != nil {
			return
		}
		for line := range strings.SplitSeq(input, "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue // skipped by Parse
			}
			if _, name, ok := strings.Cut(strings.TrimSuffix(line, "\r"), "\t"); ok {
				if g.Lookup(name) == 0 {
					t.Errorf("Lookup(%q) = None after Parse accepted it", name)
				}
			}
		}
	})
}

var sink Class

func BenchmarkWord(b *testing.B) {
	g := Default()
	words := strings.Fields("The governor of Russia's Belgorod Oblast , Vyacheslav Gladkov , said on Monday that " +
		"Ukrainian saboteurs had entered the Grayvoron district near Kozinka and the U.S. denied any role .")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		sink = g.Word(words[i%len(words)])
	}
}

func BenchmarkMatch(b *testing.B) {
	g := Default()
	words := strings.Fields("The governor of Russia 's Belgorod Oblast , Vyacheslav Gladkov , said on Monday that " +
		"Ukrainian saboteurs had entered the Grayvoron district near Kozinka and the U.S. denied any role .")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = g.Match(words)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/token")
}

// BenchmarkMatchSeeds matches the sentences of the seed articles (cut at
// spaces) with a gazetteer that has no memo, so every call matches
// afresh.
func BenchmarkMatchSeeds(b *testing.B) {
	g, err := Parse(bytes.NewReader(embedded))
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var sents [][]string
	tokens := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			if f := strings.Fields(line); len(f) > 0 {
				sents = append(sents, f)
				tokens += len(f)
			}
		}
	}
	if len(sents) == 0 {
		b.Fatal("no seed articles")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			_ = g.Match(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(tokens), "ns/token")
}

// BenchmarkLoad measures decoding the embedded list (what Default does
// once), with decompression alone as a baseline for noisy machines.
func BenchmarkLoad(b *testing.B) {
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse(bytes.NewReader(embedded)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gunzip-baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			zr, err := gzip.NewReader(bytes.NewReader(embedded))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := io.Copy(io.Discard, zr); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestMatchIsSorted(t *testing.T) {
	g := Default()
	words := strings.Fields("Kremlin spokesman Dmitry Peskov said Russian forces in Belgorod Oblast and Kursk region repelled an attack near Kozinka")
	ms := g.Match(words)
	if !slices.IsSortedFunc(ms, func(a, b Match) int { return a.Start - b.Start }) {
		t.Errorf("Match results not in order: %v", ms)
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].Start < ms[i-1].End {
			t.Errorf("matches %v and %v overlap", ms[i-1], ms[i])
		}
	}
}

func TestRuleOrgs(t *testing.T) {
	g := RuleOrgs()
	if g.Len() < 100 {
		t.Fatalf("RuleOrgs has %d names, want at least 100", g.Len())
	}
	tests := []struct {
		name string
		want Class
	}{
		{"Meduza", Org},
		{"suspilne", Org},
		{"Spetsnaz", Org},
		{"Kyiv Independent", Org},
		{"Exchange", OrgSuffix},
		{"Moscow", 0},
		{"Vladimir Putin", 0},
	}
	for _, tt := range tests {
		if got := g.Lookup(tt.name); got != tt.want {
			t.Errorf("RuleOrgs().Lookup(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	// The list is for rules only: the tagger's gazetteer must not change
	// with it.
	if got := Default().Lookup("Suspilne"); got.Has(Org) {
		t.Errorf("Default().Lookup(%q) = %v, want no Org: the rules' list is kept apart", "Suspilne", got)
	}
}

// TestMatchMemo checks that the matches the memo returns are those of
// matching afresh, for sentences seen again, sentences that differ only
// in case or in where words are cut, and after a caller changes what it
// was given.
func TestMatchMemo(t *testing.T) {
	g := Default()
	if g.memo == nil {
		t.Fatal("the default gazetteer has no memo")
	}
	sents := [][]string{
		strings.Fields("Vladimir Putin met officials in New York City and the United Nations"),
		strings.Fields("vladimir putin met officials in new york city and the united nations"),
		strings.Fields("VLADIMIR PUTIN MET OFFICIALS IN NEW YORK CITY"),
		{"New York", "City"},
		{"New", "York City"},
		{"Washington", ",", "D.C.", "and", "Kyiv's"},
		{"no", "names", "here"},
	}
	for round := 0; round < 3; round++ {
		for _, words := range sents {
			sc := new(matchScratch)
			want := g.match(sc, words)
			got := g.Match(words)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, %q: Match %v, want %v", round, words, got, want)
			}
			if len(got) > 0 {
				got[0].Class = 0 // the memo must not share its slice
			}
		}
	}
	// An entry serves one look-up.
	words := strings.Fields("Talks in Geneva with the World Health Organization")
	g.Match(words)
	slot := &g.memo.slots[new(matchScratch).setSentence(words)&(memoSize-1)]
	if slot.Load() == nil {
		t.Fatal("a sentence matched is not remembered")
	}
	g.Match(words)
	if slot.Load() != nil {
		t.Error("a sentence looked up again is still remembered")
	}
}
