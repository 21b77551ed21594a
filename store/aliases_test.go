package store

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
)

func TestParseAliases(t *testing.T) {
	rules, err := ParseAliases(strings.NewReader(`# people and groups
Russian Volunteer Corps = RDK, RVC   # acronyms
location: Kyiv = Kiev
Vyacheslav Gladkov != Anna Gladkov
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules.Merges) != 2 || len(rules.Forbids) != 1 {
		t.Fatalf("rules = %+v", rules)
	}
	if m := rules.Merges[1]; m.Type != "LOCATION" || m.Canonical != "Kyiv" || m.Names[0] != "Kiev" || m.Line != 3 {
		t.Errorf("typed merge = %+v", m)
	}
	for _, bad := range []string{"just a name", "= RDK", "A = ,", "A != "} {
		if _, err := ParseAliases(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("ParseAliases(%q): err = %v", bad, err)
		}
	}
}

func TestAliasRulesMergeAndForbid(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	write(t, db, docOf(t, "a.txt", "Chornobyl and Chernobyl, Gladkov",
		[2]string{"Chornobyl", extract.Location}, [2]string{"Chernobyl", extract.Location}))
	// One document's resolution put the two Gladkovs together.
	d := docOf(t, "b.txt", "Vyacheslav Gladkov and Anna Gladkov", [2]string{"Vyacheslav Gladkov", extract.Person})
	d.Result.Mentions = append(d.Result.Mentions, extract.Mention{Start: 23, End: 35, Text: "Anna Gladkov", Type: extract.Person})
	write(t, db, d)

	rules, err := ParseAliases(strings.NewReader("Chornobyl = Chernobyl\nVyacheslav Gladkov != Anna Gladkov\n"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetAliasRules(rules)
	decisions, err := db.ApplyAliases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(decisions) != 2 {
		t.Fatalf("decisions = %+v", decisions)
	}
	names := entityNames(t, db)
	if r := names["LOCATION Chornobyl"]; r.Mentions != 2 {
		t.Errorf("Chornobyl: %+v (all %v)", r, names)
	}
	if _, ok := names["LOCATION Chernobyl"]; ok {
		t.Error("Chernobyl still a separate entity")
	}
	if r := names["PERSON Anna Gladkov"]; r.Mentions != 1 {
		t.Errorf("Anna Gladkov not split off: %v", names)
	}
	// Applying again decides nothing new; later documents follow the rules.
	if again, err := db.ApplyAliases(ctx); err != nil || len(again) != 0 {
		t.Errorf("second apply: %v, %v", again, err)
	}
	write(t, db, docOf(t, "c.txt", "Chernobyl again", [2]string{"Chernobyl", extract.Location}))
	if r := entityNames(t, db)["LOCATION Chornobyl"]; r.Mentions != 3 {
		t.Errorf("a new Chernobyl mention did not join Chornobyl: %+v", r)
	}
	all, err := db.Decisions(ctx)
	if err != nil || len(all) != 2 {
		t.Errorf("recorded decisions %v, %v", all, err)
	}
}

func TestVariantKey(t *testing.T) {
	same := [][2]string{{"grayvoron", "graivoron"}, {"kozinka", "kozynka"}, {"volodymyr zelensky", "volodymyr zelenskyy"}, {"yevgeny prigozhin", "evgeny prigozhin"}}
	for _, p := range same {
		if a, b := variantKey(p[0]), variantKey(p[1]); a == "" || a != b {
			t.Errorf("variantKey(%q) = %q, variantKey(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{{"belgorod", "belgrade"}, {"putin", "puttin ok"}, {"moscow", "mosco"}}
	for _, p := range differ {
		if a, b := variantKey(p[0]), variantKey(p[1]); a != "" && a == b {
			t.Errorf("variantKey(%q) = variantKey(%q) = %q", p[0], p[1], a)
		}
	}
	if variantKey("kyiv") != "" {
		t.Error("short names must get no variant key")
	}
}

func TestSpellingVariantsNeedSharedContext(t *testing.T) {
	db := newTestDB(t)
	write(t, db, docOf(t, "a.txt", "Grayvoron in Belgorod Oblast",
		[2]string{"Grayvoron", extract.Location}, [2]string{"Belgorod Oblast", extract.Location}))
	// No shared context: stays apart.
	write(t, db, docOf(t, "b.txt", "Kozynka", [2]string{"Kozynka", extract.Location}))
	write(t, db, docOf(t, "b2.txt", "Kozinka", [2]string{"Kozinka", extract.Location}))
	if _, ok := entityNames(t, db)["LOCATION Kozinka"]; !ok {
		t.Fatal("variant merged without shared context")
	}
	// Shared context (Belgorod Oblast): merged, and the decision recorded.
	write(t, db, docOf(t, "c.txt", "Graivoron district of Belgorod Oblast",
		[2]string{"Graivoron", extract.Location}, [2]string{"Belgorod Oblast", extract.Location}))
	names := entityNames(t, db)
	if r := names["LOCATION Graivoron"]; r.Docs != 2 || len(r.Aliases) != 2 {
		t.Errorf("Grayvoron: %+v (all %v)", r, names)
	}
	ds, _ := db.Decisions(context.Background())
	if len(ds) == 0 || ds[0].Rule != "spelling variant" {
		t.Errorf("decisions = %+v", ds)
	}
}
