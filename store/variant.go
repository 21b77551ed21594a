package store

import "strings"

// variantKey folds a normalised name into a spelling skeleton on which
// transliterations of one name agree: Grayvoron and Graivoron, Kozinka and
// Kozynka, Zelensky and Zelenskyy, Yevgeny and Evgeny. Letters are folded
// (y to i, a leading "ye" to "e", "kh" to "h"), doubled letters collapse
// hyphens separate words and anything but letters, digits and spaces is
// dropped. Names whose skeleton is
// shorter than five letters get none: they are too short to judge.
func variantKey(key string) string {
	var b strings.Builder
	for _, word := range strings.Fields(key) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		w := strings.TrimPrefix(word, "ye")
		if w != word {
			w = "e" + w
		}
		w = strings.ReplaceAll(w, "kh", "h")
		var last rune
		for _, r := range w {
			switch {
			case r == 'y' || r == 'j' && last != 0:
				r = 'i'
			case r == '-':
				r = ' '
			case (r < 'a' || r > 'z') && (r < '0' || r > '9'):
				continue
			}
			if r == last {
				continue
			}
			b.WriteRune(r)
			last = r
		}
	}
	v := b.String()
	if len(strings.ReplaceAll(v, " ", "")) < 5 {
		return ""
	}
	return v
}
