package store

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzParseAliases feeds arbitrary text to ParseAliases: it never panics,
// and rules it accepts read back equal from their String form (how the
// database keeps them).
func FuzzParseAliases(f *testing.F) {
	for _, s := range []string{
		"Russian Volunteer Corps = RDK, RVC # acronyms\nLOCATION: Kyiv = Kiev\nVyacheslav Gladkov != Anna Gladkov\n",
		"a = b\n\n# c\n",
		"x != y = z",
		"TYPE: = =",
		"location:Kyiv=Kiev,,,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rules, err := ParseAliases(strings.NewReader(text))
		if err != nil {
			return
		}
		again, err := ParseAliases(strings.NewReader(rules.String()))
		if err != nil {
			t.Fatalf("rules %q read back with error %v", rules.String(), err)
		}
		type plain struct {
			Merges  []MergeRule
			Forbids []ForbidRule
		}
		strip := func(r *AliasRules) plain {
			p := plain{Merges: append([]MergeRule(nil), r.Merges...), Forbids: append([]ForbidRule(nil), r.Forbids...)}
			for i := range p.Merges {
				p.Merges[i].Line = 0
			}
			for i := range p.Forbids {
				p.Forbids[i].Line = 0
			}
			return p
		}
		if a, b := strip(rules), strip(again); !reflect.DeepEqual(a, b) {
			t.Fatalf("rules change when written and read back:\n%+v\n%+v", a, b)
		}
	})
}
