package store

import (
	"fmt"
	"slices"
	"testing"

	"github.com/dossier-nlp/dossier/extract"
)

// One document that takes two groups for one (its resolution put "Russian
// Volunteer Corps" and "Freedom of Russia Legion" together) does not merge
// them when the other documents keep them apart; a document that names one
// person in two ways that share a word links them.
func TestOneDocumentDoesNotBridgeTwoEntities(t *testing.T) {
	db := newTestDB(t)
	for i, text := range []string{"Russian Volunteer Corps fought.", "Russian Volunteer Corps again.", "Freedom of Russia Legion fought.", "Freedom of Russia Legion again."} {
		name := text[:len(text)-len(" fought.")]
		if i%2 == 1 {
			name = text[:len(text)-len(" again.")]
		}
		write(t, db, docOf(t, string(rune('a'+i))+".txt", text, [2]string{name, extract.Organization}))
	}
	d := docOf(t, "bad.txt", "Russian Volunteer Corps and Freedom of Russia Legion", [2]string{"Russian Volunteer Corps", extract.Organization})
	d.Result.Mentions = append(d.Result.Mentions, extract.Mention{Start: 28, End: 52, Text: "Freedom of Russia Legion", Type: extract.Organization})
	d.Result.Entities[0].Aliases = append(d.Result.Entities[0].Aliases, "Freedom of Russia Legion")
	write(t, db, d)
	names := entityNames(t, db)
	rvc, lsr := names["ORGANIZATION Russian Volunteer Corps"], names["ORGANIZATION Freedom of Russia Legion"]
	if rvc.ID == 0 || lsr.ID == 0 || rvc.ID == lsr.ID {
		t.Errorf("one document merged two groups: %v", names)
	}

	write(t, db, docOf(t, "p1.txt", "Volodymyr Zelensky spoke", [2]string{"Volodymyr Zelensky", extract.Person}))
	write(t, db, docOf(t, "p2.txt", "President Zelensky spoke", [2]string{"President Zelensky", extract.Person}))
	p := docOf(t, "p3.txt", "Volodymyr Zelensky, or President Zelensky", [2]string{"Volodymyr Zelensky", extract.Person})
	p.Result.Mentions = append(p.Result.Mentions, extract.Mention{Start: 23, End: 41, Text: "President Zelensky", Type: extract.Person})
	p.Result.Entities[0].Aliases = append(p.Result.Entities[0].Aliases, "President Zelensky")
	write(t, db, p)
	people := 0
	for k := range entityNames(t, db) {
		if k[:6] == "PERSON" {
			people++
		}
	}
	if people != 1 {
		t.Errorf("two names of one person that share a word stayed apart: %v", entityNames(t, db))
	}
}

// A name that normalises to nothing (all punctuation) is stored and linked
// only to itself.
func TestPunctuationName(t *testing.T) {
	db := newTestDB(t)
	write(t, db, docOf(t, "a.txt", "--- and Kyiv", [2]string{"---", extract.Organization}, [2]string{"Kyiv", extract.Location}))
	write(t, db, docOf(t, "b.txt", "''' again", [2]string{"'''", extract.Organization}))
	if n := count(t, db, "SELECT count(*) FROM entities WHERE type = 'ORGANIZATION'"); n != 2 {
		t.Errorf("%d organisations, want 2", n)
	}
}

// A lone acronym joins the entity that at least twice as many documents
// give it; one text that gives it to another entity does not stop that,
// and a tie keeps it on its own.
func TestLoneAcronymJoinsMostDocuments(t *testing.T) {
	// named returns a document naming one organisation by long and short name.
	named := func(path, long string) Doc {
		text := long + " (RDK) fought."
		d := docOf(t, path, text, [2]string{long, extract.Organization})
		d.Result.Mentions = append(d.Result.Mentions, extract.Mention{Start: len(long) + 2, End: len(long) + 5, Text: "RDK", Type: extract.Organization})
		d.Result.Entities[0].Aliases = append(d.Result.Entities[0].Aliases, "RDK")
		return d
	}
	for _, tc := range []struct {
		name      string
		rvc, lsr  int // documents giving RDK to each
		wantJoins bool
	}{
		{"two against one", 2, 1, true},
		{"one against one", 1, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newTestDB(t)
			for i := range tc.rvc {
				write(t, db, named(fmt.Sprintf("rvc%d.txt", i), "Russian Volunteer Corps"))
			}
			for i := range tc.lsr {
				write(t, db, named(fmt.Sprintf("lsr%d.txt", i), "Freedom of Russia Legion"))
			}
			write(t, db, docOf(t, "lone.txt", "RDK returned.", [2]string{"RDK", extract.Organization}))
			names := entityNames(t, db)
			rvc, lsr := names["ORGANIZATION Russian Volunteer Corps"], names["ORGANIZATION Freedom of Russia Legion"]
			if rvc.ID == 0 || lsr.ID == 0 || rvc.ID == lsr.ID {
				t.Fatalf("the two organisations: %v", names)
			}
			var lone int64
			if err := db.SQL().QueryRow(`SELECT m.entity_id FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE d.path = 'lone.txt'`).Scan(&lone); err != nil {
				t.Fatal(err)
			}
			if joined := lone == rvc.ID; joined != tc.wantJoins {
				t.Errorf("lone RDK joined the Russian Volunteer Corps: %v, want %v (%v)", joined, tc.wantJoins, names)
			}
		})
	}
}

// A one-word organisation name joins the one organisation the corpus
// knows by that word and a word such names drop when shortened ("Wagner"
// and "Wagner Group", in any order), and stays apart when two such
// organisations are equally common ("Alfa Group", "Alfa Bank") or when the
// last word is one the news keeps ("Guardian Council" is not "Guardian").
func TestShortOrganisationNameJoinsItsLongName(t *testing.T) {
	org := func(path, name string) Doc {
		return docOf(t, path, name+" said.", [2]string{name, extract.Organization})
	}
	for _, tc := range []struct {
		name  string
		docs  []Doc
		lone  string
		want  string // the entity the lone name ends in
		count int    // organisations in all
	}{
		{"long first", []Doc{org("a.txt", "Wagner Group"), org("b.txt", "Wagner")}, "b.txt", "Wagner Group", 1},
		{"short first", []Doc{org("a.txt", "Wagner"), org("b.txt", "Wagner Group")}, "a.txt", "Wagner Group", 1},
		{"two long names", []Doc{org("a.txt", "Alfa Group"), org("b.txt", "Alfa Bank"), org("c.txt", "Alfa")}, "c.txt", "Alfa", 3},
		{"not a name's end", []Doc{org("a.txt", "Wagner Music"), org("b.txt", "Wagner")}, "b.txt", "Wagner", 2},
		{"a unit's designation", []Doc{org("a.txt", "Azov Battalion"), org("b.txt", "Azov")}, "b.txt", "Azov Battalion", 1},
		// "Council" carries the name's meaning: the Guardian is a newspaper.
		{"a head the news keeps", []Doc{org("a.txt", "Guardian Council"), org("b.txt", "Guardian")}, "b.txt", "Guardian", 2},
		// Labour and Labor are two parties' names, not two spellings.
		{"Labour is not Labor", []Doc{org("a.txt", "Labour Party"), org("b.txt", "Labor Party")}, "b.txt", "Labor Party", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newTestDB(t)
			for _, d := range tc.docs {
				write(t, db, d)
			}
			var got string
			if err := db.SQL().QueryRow(`SELECT e.name FROM mentions m JOIN documents d ON d.id = m.doc_id
				JOIN entities e ON e.id = m.entity_id WHERE d.path = ?`, tc.lone).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("the lone name is in %q, want %q (%v)", got, tc.want, entityNames(t, db))
			}
			if n := count(t, db, "SELECT count(*) FROM entities WHERE type = 'ORGANIZATION'"); n != tc.count {
				t.Errorf("%d organisations, want %d (%v)", n, tc.count, entityNames(t, db))
			}
		})
	}
}

// A name of two words that documents use as the short form of different
// longer names ("Foreign Ministry" for the Russian and for the Ukrainian
// one) does not join them, even beside a common neighbour, in either
// order; where one longer name alone uses it, documents that say only the
// short form join that entity.
func TestSharedShortFormKeepsLongerNamesApart(t *testing.T) {
	// ministry is a document naming Ukraine and a ministry by long and
	// short names (short empty: the long name alone).
	ministry := func(path, long, short string) Doc {
		text := "In Ukraine, the " + long + " spoke."
		ms := [][2]string{{"Ukraine", extract.Location}, {long, extract.Organization}}
		if short != "" {
			text += " The " + short + " said so."
			ms = append(ms, [2]string{short, extract.Organization})
		}
		d := docOf(t, path, text, ms...)
		if short != "" { // one entity of both names
			res := d.Result
			res.Mentions[2].Entity = 1
			res.Entities[1].Aliases = append(res.Entities[1].Aliases, short)
			res.Entities[1].Mentions++
			res.Entities = res.Entities[:2]
		}
		return d
	}
	bare := docOf(t, "c.txt", "The Foreign Ministry said so.", [2]string{"Foreign Ministry", extract.Organization})
	for _, tc := range []struct {
		name  string
		docs  []Doc
		count int // organisations
		bare  string
	}{
		{"two longer names", []Doc{ministry("a.txt", "Russian Foreign Ministry", "Foreign Ministry"),
			ministry("b.txt", "Ukrainian Foreign Ministry", "Foreign Ministry"), bare}, 3, "Foreign Ministry"},
		{"one longer name", []Doc{ministry("a.txt", "Russian Foreign Ministry", "Foreign Ministry"),
			ministry("b.txt", "Russian Foreign Ministry", ""), bare}, 1, "Russian Foreign Ministry"},
	} {
		inBothOrders(t, tc.name, tc.docs, func(t *testing.T, db *DB) {
			if n := count(t, db, "SELECT count(*) FROM entities WHERE type = 'ORGANIZATION'"); n != tc.count {
				t.Errorf("%d organisations, want %d (%v)", n, tc.count, entityNames(t, db))
			}
			var got string
			if err := db.SQL().QueryRow(`SELECT e.name FROM mentions m JOIN documents d ON d.id = m.doc_id
					JOIN entities e ON e.id = m.entity_id WHERE d.path = 'c.txt'`).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tc.bare {
				t.Errorf("the short form alone is in %q, want %q", got, tc.bare)
			}
		})
	}
}

// A person's name joins the same name with middle initials in another
// document when only one such name writes so ("Donald Trump", "Donald J.
// Trump"); "George Bush" stays apart from "George W. Bush" and "George H.
// W. Bush", and "Donald Trump Jr." from "Donald Trump".
func TestMiddleInitials(t *testing.T) {
	person := func(path, name string) Doc {
		return docOf(t, path, name+" spoke.", [2]string{name, extract.Person})
	}
	for _, tc := range []struct {
		name  string
		docs  []Doc
		count int // people
	}{
		{"one name with an initial", []Doc{person("a.txt", "Donald J. Trump"), person("b.txt", "Donald Trump")}, 1},
		{"two names with initials", []Doc{person("a.txt", "George W. Bush"), person("b.txt", "George H. W. Bush"), person("c.txt", "George Bush")}, 3},
		{"initials run together", []Doc{person("a.txt", "George W. Bush"), person("b.txt", "George H.W. Bush"), person("c.txt", "George Bush")}, 3},
		{"a son", []Doc{person("a.txt", "Donald Trump Jr."), person("b.txt", "Donald Trump")}, 2},
		{"an initial first", []Doc{person("a.txt", "J. K. Rowling"), person("b.txt", "J. Rowling")}, 2},
	} {
		inBothOrders(t, tc.name, tc.docs, func(t *testing.T, db *DB) {
			if n := count(t, db, "SELECT count(*) FROM entities WHERE type = 'PERSON'"); n != tc.count {
				t.Errorf("%d people, want %d (%v)", n, tc.count, entityNames(t, db))
			}
		})
	}
}

// inBothOrders writes docs into a new store in their order and into
// another in reverse, and checks each with check (subtests name/reverse=...).
func inBothOrders(t *testing.T, name string, docs []Doc, check func(*testing.T, *DB)) {
	t.Helper()
	for _, reverse := range []bool{false, true} {
		t.Run(fmt.Sprintf("%s/reverse=%v", name, reverse), func(t *testing.T) {
			db := newTestDB(t)
			ds := slices.Clone(docs)
			if reverse {
				slices.Reverse(ds)
			}
			for _, d := range ds {
				write(t, db, d)
			}
			check(t, db)
		})
	}
}
