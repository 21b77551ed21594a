package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract"
)

// ErrNoEntity is returned when no stored entity has the name, alias or id
// asked for.
var ErrNoEntity = errors.New("no entity matches")

// entityID parses spec as an entity id: digits only.
func entityID(spec string) (int64, bool) {
	spec = strings.TrimSpace(spec)
	if spec == "" || strings.TrimLeft(spec, "0123456789") != "" {
		return 0, false
	}
	id, err := strconv.ParseInt(spec, 10, 64)
	return id, err == nil
}

// entityIDs returns the entities spec names, most mentioned first: the one
// with that id when spec is a number; else those with a name or alias equal
// to spec after normalisation; else those with an alias containing it.
func (db *DB) entityIDs(ctx context.Context, spec string) ([]int64, error) {
	if id, ok := entityID(spec); ok {
		var n int
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM entities WHERE id = ?`, id).Scan(&n); err != nil {
			return nil, fmt.Errorf("look up entity %d: %w", id, err)
		}
		if n == 0 {
			return nil, fmt.Errorf("%w id %d", ErrNoEntity, id)
		}
		return []int64{id}, nil
	}
	order := ` ORDER BY (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) DESC, e.id`
	for _, q := range []struct {
		sql string
		arg any
	}{
		{`SELECT e.id FROM entities e WHERE e.key = ?1 OR e.id IN (SELECT entity_id FROM aliases WHERE key = ?1)` + order, extract.NormalizeName(spec)},
		{`SELECT e.id FROM entities e WHERE e.id IN (SELECT entity_id FROM aliases WHERE alias LIKE ?1 ESCAPE '\')` + order, "%" + likeEscape(spec) + "%"},
	} {
		ids, err := queryIDs(ctx, db, q.sql, q.arg)
		if err != nil {
			return nil, fmt.Errorf("look up entity %q: %w", spec, err)
		}
		if len(ids) > 0 {
			return ids, nil
		}
	}
	return nil, fmt.Errorf("%w %q", ErrNoEntity, spec)
}

func queryIDs(ctx context.Context, db *DB, q string, args ...any) ([]int64, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// idList formats ids as an SQL list: "(1, 2, 3)".
func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// ProfileOptions sets how much a Profile holds.
type ProfileOptions struct {
	Mentions  int // mentions in context; 0 means 10, negative means all
	Relations int // relations; 0 means 20, negative means all
	Context   int // runes of context on each side of a mention; 0 means 60
}

// Profile is everything the store knows about one entity.
type Profile struct {
	ID            int64            `json:"id"`
	Name          string           `json:"name"`
	Type          string           `json:"type"`
	Aliases       []AliasCount     `json:"aliases"`
	Merges        []Decision       `json:"merges"` // records merged into it, splits and renames, and why
	Documents     []ProfileDoc     `json:"documents"`
	Relations     []RelationRow    `json:"relations"` // typed and open, with evidence
	MoreRelations int              `json:"more_relations"`
	CoMentioned   []CoMention      `json:"co_mentioned"` // the entities most often named in the same sentence, furniture aside
	Mentions      []MentionContext `json:"mentions"`     // article text first, page furniture last; by date, document, offset
	TotalMentions int              `json:"total_mentions"`
	// Others are the other entities the name given also matches.
	Others []EntityRow `json:"others,omitempty"`
}

// AliasCount is a surface form of an entity and how many mentions use it.
type AliasCount struct {
	Alias    string `json:"alias"`
	Mentions int    `json:"mentions"`
}

// ProfileDoc is a document that mentions an entity.
type ProfileDoc struct {
	Path      string `json:"path"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	Mentions  int    `json:"mentions"`
}

// CoMention is an entity named in the same sentences as another.
type CoMention struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Sentences int    `json:"sentences"` // sentences naming both
}

// MentionContext is a mention in its sentence (keyword in context):
// Before + Text + After is the sentence's text around it, clipped.
type MentionContext struct {
	Doc       string `json:"doc"`
	Sentence  int    `json:"sentence"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Before    string `json:"before"`
	Text      string `json:"text"`
	After     string `json:"after"`
	Furniture bool   `json:"furniture,omitempty"`
}

// Profile returns the profile of the entity spec names (an id, a name or an
// alias; the most mentioned when several match, the rest in Others).
func (db *DB) Profile(ctx context.Context, spec string, opts ProfileOptions) (*Profile, error) {
	ids, err := db.entityIDs(ctx, spec)
	if err != nil {
		return nil, err
	}
	if opts.Mentions == 0 {
		opts.Mentions = 10
	}
	if opts.Relations == 0 {
		opts.Relations = 20
	}
	if opts.Context <= 0 {
		opts.Context = 60
	}
	p := &Profile{ID: ids[0], Aliases: []AliasCount{}, Merges: []Decision{}, Documents: []ProfileDoc{},
		Relations: []RelationRow{}, CoMentioned: []CoMention{}, Mentions: []MentionContext{}}
	fail := func(what string, err error) (*Profile, error) {
		return nil, fmt.Errorf("profile of %q: %s: %w", spec, what, err)
	}
	if err := db.sql.QueryRowContext(ctx, `SELECT name, type FROM entities WHERE id = ?`, p.ID).Scan(&p.Name, &p.Type); err != nil {
		return fail("entity", err)
	}
	for _, id := range ids[1:] {
		var r EntityRow
		if err := db.sql.QueryRowContext(ctx, `SELECT id, name, type, docs, mentions FROM entity_stats WHERE id = ?`, id).
			Scan(&r.ID, &r.Name, &r.Type, &r.Docs, &r.Mentions); err != nil {
			return fail("other entities", err)
		}
		p.Others = append(p.Others, r)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT alias, mentions FROM aliases WHERE entity_id = ? ORDER BY mentions DESC, alias`, p.ID)
	if err != nil {
		return fail("aliases", err)
	}
	for rows.Next() {
		var a AliasCount
		if err := rows.Scan(&a.Alias, &a.Mentions); err != nil {
			rows.Close()
			return fail("aliases", err)
		}
		p.Aliases = append(p.Aliases, a)
	}
	rows.Close()
	rows, err = db.sql.QueryContext(ctx, `SELECT entity, decision, name, rule, detail FROM merges WHERE entity_id = ? ORDER BY id`, p.ID)
	if err != nil {
		return fail("merges", err)
	}
	for rows.Next() {
		var d Decision
		if err := rows.Scan(&d.Entity, &d.Decision, &d.Name, &d.Rule, &d.Detail); err != nil {
			rows.Close()
			return fail("merges", err)
		}
		p.Merges = append(p.Merges, d)
	}
	rows.Close()
	rows, err = db.sql.QueryContext(ctx, `SELECT d.path, d.title, d.published, count(*) FROM mentions m
		JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?
		GROUP BY d.id ORDER BY d.published = '', d.published, d.path`, p.ID)
	if err != nil {
		return fail("documents", err)
	}
	for rows.Next() {
		var d ProfileDoc
		if err := rows.Scan(&d.Path, &d.Title, &d.Published, &d.Mentions); err != nil {
			rows.Close()
			return fail("documents", err)
		}
		p.Documents = append(p.Documents, d)
	}
	rows.Close()
	for _, kind := range []string{extract.KindTyped, extract.KindOpen} {
		rs, err := db.Relations(ctx, RelationFilter{Entity: strconv.FormatInt(p.ID, 10), Kind: kind})
		if err != nil {
			return fail("relations", err)
		}
		p.Relations = append(p.Relations, rs...)
	}
	if opts.Relations > 0 && len(p.Relations) > opts.Relations {
		p.MoreRelations = len(p.Relations) - opts.Relations
		p.Relations = p.Relations[:opts.Relations]
	}
	rows, err = db.sql.QueryContext(ctx, `SELECT e.id, e.name, e.type, count(DISTINCT m2.doc_id || ':' || m2.sentence) AS n
		FROM mentions m1
		JOIN mentions m2 ON m2.doc_id = m1.doc_id AND m2.sentence = m1.sentence AND m2.entity_id <> m1.entity_id
		JOIN entities e ON e.id = m2.entity_id
		JOIN sentences s ON s.id = m1.sentence_id AND s.furniture = 0
		WHERE m1.entity_id = ? GROUP BY e.id ORDER BY n DESC, e.name LIMIT 10`, p.ID)
	if err != nil {
		return fail("co-mentions", err)
	}
	for rows.Next() {
		var c CoMention
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Sentences); err != nil {
			rows.Close()
			return fail("co-mentions", err)
		}
		p.CoMentioned = append(p.CoMentioned, c)
	}
	rows.Close()
	rows, err = db.sql.QueryContext(ctx, `SELECT d.path, m.sentence, m.start, m.end, s.start, s.text, s.furniture
		FROM mentions m JOIN documents d ON d.id = m.doc_id
		JOIN sentences s ON s.id = m.sentence_id
		WHERE m.entity_id = ? ORDER BY s.furniture, d.published = '', d.published, d.path, m.start`, p.ID)
	if err != nil {
		return fail("mentions", err)
	}
	defer rows.Close()
	for rows.Next() {
		p.TotalMentions++
		if opts.Mentions > 0 && len(p.Mentions) >= opts.Mentions {
			continue
		}
		var mc MentionContext
		var sstart int
		var stext string
		if err := rows.Scan(&mc.Doc, &mc.Sentence, &mc.Start, &mc.End, &sstart, &stext, &mc.Furniture); err != nil {
			return fail("mentions", err)
		}
		mc.Before, mc.Text, mc.After = kwic(stext, mc.Start-sstart, mc.End-sstart, opts.Context)
		p.Mentions = append(p.Mentions, mc)
	}
	if err := rows.Err(); err != nil {
		return fail("mentions", err)
	}
	return p, nil
}

// kwic cuts text around the byte span [start, end): at most width runes
// on each side, white space folded, an ellipsis where it was clipped.
func kwic(text string, start, end, width int) (before, match, after string) {
	if start < 0 || end > len(text) || start > end {
		return "", text, ""
	}
	before = strings.Join(strings.Fields(text[:start]), " ")
	if start > 0 && isSpaceByte(text[start-1]) && before != "" {
		before += " "
	}
	after = strings.Join(strings.Fields(text[end:]), " ")
	if end < len(text) && isSpaceByte(text[end]) && after != "" {
		after = " " + after
	}
	if n := utf8.RuneCountInString(before); n > width {
		r := []rune(before)
		before = "…" + string(r[n-width:])
	}
	if n := utf8.RuneCountInString(after); n > width {
		after = string([]rune(after)[:width]) + "…"
	}
	return before, collapseSpace(text[start:end]), after
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// SearchFilter selects sentences. At least one of Query and Entity is set.
type SearchFilter struct {
	Query  string // an FTS4 full-text query
	Entity string // sentences that mention this entity (name, alias or id) under any alias
	Limit  int    // at most this many; 0 for all
}

// SearchSentences finds the sentences matching f in document order and
// returns them with how many match in all. With a Query, matches are in
// [brackets]; with an Entity only, the entity's mentions are.
func (db *DB) SearchSentences(ctx context.Context, f SearchFilter) ([]SearchHit, int, error) {
	var where []string
	var args []any
	var ids []int64
	if f.Entity != "" {
		var err error
		if ids, err = db.entityIDs(ctx, f.Entity); err != nil {
			return nil, 0, err
		}
		where = append(where, "EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = s.doc_id AND m.sentence = s.idx AND m.entity_id IN "+idList(ids)+")")
	}
	snippet := "s.text"
	from := "sentences s"
	if f.Query != "" {
		snippet = "snippet(sentences_fts, '[', ']', '…', -1, 40)"
		from = "sentences_fts f JOIN sentences s ON s.id = f.docid"
		where = append(where, "sentences_fts MATCH ?")
		args = append(args, f.Query)
	}
	if len(where) == 0 {
		return nil, 0, errors.New("search: give a query or an entity")
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT d.path, s.idx, s.start, s.end, `+snippet+`, s.doc_id
		FROM `+from+` JOIN documents d ON d.id = s.doc_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY d.path, s.idx`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	type ref struct {
		doc int64
		i   int
	}
	var out []SearchHit
	var refs []ref
	total := 0
	for rows.Next() {
		total++
		if f.Limit > 0 && len(out) >= f.Limit {
			continue
		}
		var h SearchHit
		var docID int64
		if err := rows.Scan(&h.Doc, &h.Sentence, &h.Start, &h.End, &h.Snippet, &docID); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("search: %w", err)
		}
		out = append(out, h)
		refs = append(refs, ref{docID, len(out) - 1})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	for _, r := range refs {
		h := &out[r.i]
		if f.Query == "" {
			marked, err := db.markMentions(ctx, r.doc, h, ids)
			if err != nil {
				return nil, 0, fmt.Errorf("search: %w", err)
			}
			h.Snippet = marked
		}
		h.Snippet = collapseSpace(h.Snippet)
	}
	return out, total, nil
}

// markMentions puts the mentions of ids in a hit's sentence in brackets.
func (db *DB) markMentions(ctx context.Context, docID int64, h *SearchHit, ids []int64) (string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT start, end FROM mentions WHERE doc_id = ? AND sentence = ? AND entity_id IN `+idList(ids)+` ORDER BY start`,
		docID, h.Sentence)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	text := h.Snippet
	var b strings.Builder
	at := 0
	for rows.Next() {
		var s, e int
		if err := rows.Scan(&s, &e); err != nil {
			return "", err
		}
		s, e = s-h.Start, e-h.Start
		if s < at || e > len(text) {
			continue
		}
		b.WriteString(text[at:s])
		b.WriteString("[" + text[s:e] + "]")
		at = e
	}
	b.WriteString(text[at:])
	return b.String(), rows.Err()
}
