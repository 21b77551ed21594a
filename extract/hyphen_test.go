package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestSplitHyphenated checks the split of names joined to lower-case words,
// in place when the slice has room and in a new array when it has not.
func TestSplitHyphenatedInPlace(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a London-based firm", "a|London|-|based|firm"},
		{"Kremlin-backed and NATO-trained units", "Kremlin|-|backed|and|NATO|-|trained|units"},
		{"Russian-Ukrainian Al-Qaeda well-known", "Russian-Ukrainian|Al-Qaeda|well-known"},
		{"Pro-war", "Pro|-|war"}, {"Pro-us", "Pro-us"},
		{"", ""},
	} {
		for _, room := range []int{0, 8} {
			var toks []Token
			pos := 0
			for _, w := range strings.Fields(tc.in) {
				toks = append(toks, Token{Text: w, Start: pos, End: pos + len(w)})
				pos += len(w) + 1
			}
			toks = append(make([]Token, 0, len(toks)+room), toks...)
			got := splitHyphenated(toks)
			var words []string
			for _, tok := range got {
				if tc.in[tok.Start:tok.End] != tok.Text {
					t.Errorf("%q: token %q at [%d, %d) is not the text there", tc.in, tok.Text, tok.Start, tok.End)
				}
				words = append(words, tok.Text)
			}
			if w := strings.Join(words, "|"); w != tc.want {
				t.Errorf("splitHyphenated(%q) with room %d = %s, want %s", tc.in, room, w, tc.want)
			}
			if !slices.IsSortedFunc(got, func(a, b Token) int { return a.Start - b.Start }) {
				t.Errorf("%q: tokens out of order", tc.in)
			}
		}
	}
}
