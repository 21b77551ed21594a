package extract

import (
	"strings"
	"testing"
)

// TestFieldHelpers checks fieldCount, lastField and collapseSpace against
// strings.Fields, which they stand for.
func TestFieldHelpers(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a b", "a b ", "a  b", "a\tb", "a\u00a0b", "Vyacheslav Gladkov",
		"  lead  and trail  ", "x\u2003y z", "\xff \xfe", "a\n"} {
		f := strings.Fields(s)
		if got := fieldCount(s); got != len(f) {
			t.Errorf("fieldCount(%q) = %d, want %d", s, got, len(f))
		}
		last := ""
		if len(f) > 0 {
			last = f[len(f)-1]
		}
		if got := lastField(s); got != last {
			t.Errorf("lastField(%q) = %q, want %q", s, got, last)
		}
		if got, want := collapseSpace(s), strings.Join(f, " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
