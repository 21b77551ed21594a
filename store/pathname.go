package store

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ShowPath returns a stored path for display: the path itself when it is
// valid UTF-8, else the path with every byte that is not part of valid
// UTF-8 written as \xNN (and a backslash as \\), so that names which are
// not UTF-8 (file systems allow any bytes) can be told apart and typed
// back. The database keeps the exact bytes.
func ShowPath(p string) string {
	if utf8.ValidString(p) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, p[i])
		case r == '\\':
			b.WriteString(`\\`)
		default:
			b.WriteString(p[i : i+n])
		}
		i += n
	}
	return b.String()
}
