package extract

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestReadRelSentences(t *testing.T) {
	cases := []struct {
		name, in string
		want     []RelSentence
		err      string
	}{
		{"relation", "[Maria Lopez|PER], a spokeswoman for [Vantis|ORG], said so. ||| Maria Lopez | work_for | Vantis\n",
			[]RelSentence{{Line: 1, Text: "Maria Lopez, a spokeswoman for Vantis, said so.",
				Entities:  []RelSentEntity{{"Maria Lopez", "PER", 0, 11}, {"Vantis", "ORG", 31, 37}},
				Relations: []RelSentRelation{{"Maria Lopez", "work_for", "Vantis"}}}}, ""},
		{"comments, blank lines and a negative", "# header\n\n[Kim|PER] visited [Paris|LOC].\n",
			[]RelSentence{{Line: 3, Text: "Kim visited Paris.",
				Entities: []RelSentEntity{{"Kim", "PER", 0, 3}, {"Paris", "LOC", 12, 17}}}}, ""},
		{"two relations", "[Tim|PER] of [Dayton|LOC], [Ohio|LOC]. ||| Tim | lives_in | Dayton; Dayton | located_in | Ohio",
			[]RelSentence{{Line: 1, Text: "Tim of Dayton, Ohio.",
				Entities:  []RelSentEntity{{"Tim", "PER", 0, 3}, {"Dayton", "LOC", 7, 13}, {"Ohio", "LOC", 15, 19}},
				Relations: []RelSentRelation{{"Tim", "lives_in", "Dayton"}, {"Dayton", "located_in", "Ohio"}}}}, ""},
		{"empty relation list", "[Kim|PER] left. |||", []RelSentence{{Line: 1, Text: "Kim left.",
			Entities: []RelSentEntity{{"Kim", "PER", 0, 3}}}}, ""},
		{"our own predicate", "[Kim|PER], a native of [Rome|LOC]. ||| Kim | born_in | Rome",
			[]RelSentence{{Line: 1, Text: "Kim, a native of Rome.",
				Entities:  []RelSentEntity{{"Kim", "PER", 0, 3}, {"Rome", "LOC", 17, 21}},
				Relations: []RelSentRelation{{"Kim", "born_in", "Rome"}}}}, ""},
		{"unknown entity type", "[Kim|GPE] left.", nil, "line 1: bad entity"},
		{"unclosed bracket", "[Kim|PER left.", nil, "unclosed ["},
		{"unknown relation type", "[Kim|PER] in [Rome|LOC]. ||| Kim | visits | Rome", nil, `unknown type "visits"`},
		{"relation of no entity", "[Kim|PER] in [Rome|LOC]. ||| Kim | lives_in | Paris", nil, `"Paris" is not an entity`},
		{"relation without three fields", "[Kim|PER] in [Rome|LOC]. ||| Kim lives_in Rome", nil, "want head | type | tail"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadRelSentences(strings.NewReader(tc.in))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			for _, s := range got {
				for _, e := range s.Entities {
					if s.Text[e.Start:e.End] != e.Name {
						t.Errorf("span %d-%d of %q is not %q", e.Start, e.End, s.Text, e.Name)
					}
				}
			}
		})
	}
}

func TestRelSentName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"President Maria Lopez", "maria lopez"},
		{"Sen. Dale Hunt", "dale hunt"},
		{"Lt. Gen. Mark Hayes", "mark hayes"},
		{"the Sierra Club", "sierra club"},
		{"President", "president"}, // a title alone is kept
		{"Reuters'", "reuters"},
		{"Kremlin", "kremlin"},
	}
	for _, tc := range cases {
		if got := RelSentName(tc.in); got != tc.want {
			t.Errorf("RelSentName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCoarseType(t *testing.T) {
	cases := []struct{ pred, subj, obj, want string }{
		{"member_of", Person, Organization, "work_for"},
		{"leads", Person, Organization, "work_for"},
		{"speaks_for", Person, Organization, "work_for"},
		{"leads", Person, Location, ""},
		{"speaks_for", Person, Person, ""},
		{"lives_in", Person, Location, "lives_in"},
		{"born_in", Person, Location, "lives_in"},
		{"located_in", Location, Location, "located_in"},
		{"based_in", Organization, Location, "based_in"},
		{"killed", Person, Person, "killed"},
		{"killed", Organization, Person, "killed"},
		{"part_of", Organization, Organization, ""},
	}
	for _, tc := range cases {
		if got := CoarseType(tc.pred, tc.subj, tc.obj); got != tc.want {
			t.Errorf("CoarseType(%s, %s, %s) = %q, want %q", tc.pred, tc.subj, tc.obj, got, tc.want)
		}
	}
}

func TestScoreRelSentence(t *testing.T) {
	gold := RelSentence{Text: "x", Relations: []RelSentRelation{
		{"Maria Lopez", "work_for", "Vantis"}, {"Maria Lopez", "lives_in", "Houston"}}}
	ents := []Entity{
		{Name: "President Maria Lopez", Type: Person, Aliases: []string{"President Maria Lopez", "Lopez"}},
		{Name: "Vantis Energy", Type: Organization, Aliases: []string{"Vantis Energy", "Vantis"}},
		{Name: "Houston", Type: Location, Aliases: []string{"Houston"}},
		{Name: "Texas", Type: Location, Aliases: []string{"Texas"}},
	}
	typed := func(s int, p string, o int) Relation {
		return Relation{Subject: s, Predicate: p, Object: o, Kind: KindTyped}
	}
	cases := []struct {
		name   string
		rels   []Relation
		want   map[string]RelationCount
		fp, fn []string
	}{
		{"title stripped, alias matched, born_in is lives_in",
			[]Relation{typed(0, "speaks_for", 1), typed(0, "born_in", 2)},
			map[string]RelationCount{"work_for": {TP: 1}, "lives_in": {TP: 1}}, nil, nil},
		{"a relation stated twice counts once",
			[]Relation{typed(0, "member_of", 1), typed(0, "leads", 1), typed(0, "lives_in", 2)},
			map[string]RelationCount{"work_for": {TP: 1}, "lives_in": {TP: 1}}, nil, nil},
		{"wrong object and a miss",
			[]Relation{typed(0, "member_of", 1), typed(0, "lives_in", 3)},
			map[string]RelationCount{"work_for": {TP: 1}, "lives_in": {FP: 1, FN: 1}},
			[]string{"maria lopez | lives_in | texas"}, []string{"maria lopez | lives_in | houston"}},
		{"untyped and unmapped relations do not count",
			[]Relation{{Subject: 0, Predicate: PredicateCooccurs, Object: 1, Kind: KindCooccurrence}, typed(0, "leads", 3)},
			map[string]RelationCount{"work_for": {FN: 1}, "lives_in": {FN: 1}},
			nil, []string{"maria lopez | lives_in | houston", "maria lopez | work_for | vantis"}},
		{"reversed direction is wrong",
			[]Relation{typed(2, "located_in", 3), typed(3, "located_in", 2)},
			map[string]RelationCount{"located_in": {FP: 2}, "work_for": {FN: 1}, "lives_in": {FN: 1}},
			[]string{"houston | located_in | texas", "texas | located_in | houston"},
			[]string{"maria lopez | lives_in | houston", "maria lopez | work_for | vantis"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			scores := make(map[string]RelationCount)
			fp, fn := ScoreRelSentence(&gold, &Result{Entities: ents, Relations: tc.rels}, scores)
			if !reflect.DeepEqual(scores, tc.want) {
				t.Errorf("scores %v, want %v", scores, tc.want)
			}
			if !reflect.DeepEqual(fp, tc.fp) || !reflect.DeepEqual(fn, tc.fn) {
				t.Errorf("errors +%q -%q, want +%q -%q", fp, fn, tc.fp, tc.fn)
			}
		})
	}
}

func TestScoreRelSentenceOwnPredicates(t *testing.T) {
	sents, err := ReadRelSentences(strings.NewReader(
		"[Kim|PER], a spokesman for [Acme|ORG] and [Lee|PER], was born in [Rome|LOC]. ||| Kim | speaks_for | Acme; Kim | speaks_for | Lee; Kim | born_in | Rome\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := &sents[0]
	res, index := s.Analyze()
	if len(res.Entities) != 4 || len(res.Mentions) != 4 || res.Entities[index["Rome"]].Type != Location {
		t.Fatalf("analysed entities %+v, mentions %d", res.Entities, len(res.Mentions))
	}
	res.Relations = []Relation{{Subject: index["Kim"], Predicate: "member_of", Object: index["Acme"], Kind: KindTyped}}
	scores := make(map[string]RelationCount)
	_, fn := ScoreRelSentence(s, res, scores)
	// speaks_for of a person has no coarse type: two gold relations, not three.
	want := map[string]RelationCount{"work_for": {TP: 1}, "lives_in": {FN: 1}}
	if !reflect.DeepEqual(scores, want) || len(fn) != 1 {
		t.Errorf("scores %v (missed %q), want %v", scores, fn, want)
	}
}

// TestRelSentFiles checks that the files of testdata/relsents parse and
// that the extractor scores them: every gold relation is a true positive
// or a false negative.
func TestRelSentFiles(t *testing.T) {
	x := testExtractor
	for _, name := range []string{"dev.txt", "test.txt", "train.txt"} {
		f, err := os.Open("../testdata/relsents/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sents, err := ReadRelSentences(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(sents) < 80 {
			t.Fatalf("%s: %d sentences", name, len(sents))
		}
		gold := 0
		for _, s := range sents {
			for _, r := range s.Relations {
				if s.coarse(r) != "" {
					gold++
				}
			}
		}
		sc := x.EvaluateRelSentences(sents, RelSentOptions{})
		if sc.Micro.TP+sc.Micro.FN != gold || sc.Micro.TP == 0 {
			t.Errorf("%s: tp %d + fn %d, want %d gold relations", name, sc.Micro.TP, sc.Micro.FN, gold)
		}
	}
}
