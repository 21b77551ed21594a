package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-nlp/dossier/extract"
)

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

// linkVariant links a document entity that matched no stored name to a
// stored entity of the same type whose name is a spelling variant of one
// of its names, when the evidence is strong: the skeletons agree, a person
// is named in full on both sides, and the two share context, that is the
// stored entity appears in some document together with one of the
// entities this document also names. It records the decision and returns
// 0 when nothing links.
func (w *writer) linkVariant(e *extract.Entity, context []int64) (int64, error) {
	if len(context) == 0 {
		return 0, nil
	}
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		k := extract.NormalizeName(a)
		v := variantKey(k)
		if v == "" || e.Type == extract.Person && !strings.Contains(k, " ") {
			continue
		}
		s, err := w.stmt(`SELECT DISTINCT a.entity_id, e.name, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
			WHERE a.variant = ? AND e.type = ? AND a.key <> ? AND a.mentions > 0 ORDER BY a.entity_id`)
		if err != nil {
			return 0, err
		}
		rows, err := s.QueryContext(w.ctx, v, e.Type, k)
		if err != nil {
			return 0, err
		}
		type cand struct {
			id          int64
			name, alias string
		}
		var cands []cand
		for rows.Next() {
			var c cand
			if err := rows.Scan(&c.id, &c.name, &c.alias); err != nil {
				rows.Close()
				return 0, err
			}
			cands = append(cands, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
		for _, c := range cands {
			shared, err := w.sharedContext(c.id, context)
			if err != nil {
				return 0, err
			}
			if shared == "" {
				continue
			}
			if w.rules != nil && len(w.rules.Forbids) > 0 {
				ck, err := w.aliasKeys(c.id)
				if err != nil {
					return 0, err
				}
				if w.rules.forbidden(map[string]bool{k: true}, ck) {
					continue
				}
			}
			detail := fmt.Sprintf("%q ~ %q, both named with %s", a, c.alias, shared)
			if err := w.decide(c.id, c.name, "merged", collapseSpace(a), "spelling variant", detail); err != nil {
				return 0, err
			}
			return c.id, nil
		}
	}
	return 0, nil
}

// sharedContext returns the name of an entity of context that appears in a
// document together with entity id, or "".
func (w *writer) sharedContext(id int64, context []int64) (string, error) {
	s, err := w.stmt(`SELECT e.name FROM mentions m1 JOIN mentions m2 ON m2.doc_id = m1.doc_id
		JOIN entities e ON e.id = m2.entity_id WHERE m1.entity_id = ? AND m2.entity_id = ? LIMIT 1`)
	if err != nil {
		return "", err
	}
	for _, c := range context {
		if c == id {
			continue
		}
		var name string
		err := s.QueryRowContext(w.ctx, id, c).Scan(&name)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	return "", nil
}
