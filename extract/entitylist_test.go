package extract

import (
	"strings"
	"testing"
)

func TestEntityList(t *testing.T) {
	list, err := ParseEntityList(strings.NewReader(`# weapons and units
WEAPON   HIMARS
WEAPON   Storm Shadow missiles
UNIT     72nd Mechanized Brigade
PERSON   Fighterbomber
`))
	if err != nil {
		t.Fatal(err)
	}
	if list.Len() != 4 {
		t.Fatalf("Len = %d", list.Len())
	}
	x, err := New(Options{Entities: list})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(x.Version(), "+list-") {
		t.Errorf("version %q does not name the list", x.Version())
	}
	text := "The 72nd Mechanized Brigade fired HIMARS and storm shadow missiles near Bakhmut, the blogger Fighterbomber said."
	res := x.Extract(text)
	checkResult(t, text, res)
	got := make(map[string]string)
	for _, m := range res.Mentions {
		got[m.Text] = m.Type
	}
	for name, typ := range map[string]string{"72nd Mechanized Brigade": "UNIT", "HIMARS": "WEAPON", "storm shadow missiles": "WEAPON", "Fighterbomber": "PERSON"} {
		if got[name] != typ {
			t.Errorf("%q: type %q, want %q (all %v)", name, got[name], typ, got)
		}
	}
	for _, bad := range []string{"weapon HIMARS", "WEAPON", "Weapon: HIMARS"} {
		if _, err := ParseEntityList(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseEntityList(%q): no error", bad)
		}
	}
}
