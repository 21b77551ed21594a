package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dossier-nlp/dossier/extract"
)

// Doc is one document to write: either a processed file (Err empty, Result
// set) or a rejected one (Err says why).
type Doc struct {
	Path             string // relative to the folder that was run
	SHA256           string
	Size             int64
	Text             string // the file's text; sentences and evidence are cut from it
	Result           *extract.Result
	ExtractorVersion string
	Err              string
}

// WriteStats counts the rows a Write added.
type WriteStats struct {
	Mentions  int
	Relations int
}

// Write stores docs in one transaction: all of them or, on error, none.
// A document already stored under the same path has its rows replaced.
// Each document's entities are linked to the store's entities of the same
// type whose names or aliases match (see linkEntity); entities left
// without mentions are removed.
func (db *DB) Write(ctx context.Context, docs []Doc) (WriteStats, error) {
	var ws WriteStats
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return ws, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	w := newWriter(ctx, tx)
	defer w.close()
	w.rules = db.rules
	for i := range docs {
		if err := w.doc(&docs[i], &ws); err != nil {
			return WriteStats{}, fmt.Errorf("write %s: %w", docs[i].Path, err)
		}
	}
	if err := w.applyRules(); err != nil {
		return WriteStats{}, fmt.Errorf("apply aliases: %w", err)
	}
	if err := w.cleanup(); err != nil {
		return WriteStats{}, err
	}
	if err := tx.Commit(); err != nil {
		return WriteStats{}, fmt.Errorf("commit: %w", err)
	}
	return ws, nil
}

// writer holds one transaction's prepared statements and the entities it
// touched.
type writer struct {
	ctx       context.Context
	tx        *sql.Tx
	stmts     map[string]*sql.Stmt
	touched   map[int64]bool // entities whose aliases changed
	rules     *AliasRules
	decisions []Decision
}

func newWriter(ctx context.Context, tx *sql.Tx) *writer {
	return &writer{ctx: ctx, tx: tx, stmts: make(map[string]*sql.Stmt), touched: make(map[int64]bool)}
}

func (w *writer) close() {
	for _, s := range w.stmts {
		s.Close()
	}
}

// stmt returns the prepared form of query, preparing it once per
// transaction.
func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if s, ok := w.stmts[query]; ok {
		return s, nil
	}
	s, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = s
	return s, nil
}

func (w *writer) exec(query string, args ...any) (sql.Result, error) {
	s, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(w.ctx, args...)
}

func (w *writer) doc(d *Doc, ws *WriteStats) error {
	var (
		oldID                  int64
		oldStatus, oldErr, sha string
		oldSize                int64
	)
	s, err := w.stmt(`SELECT id, status, coalesce(error, ''), coalesce(sha256, ''), size FROM documents WHERE path = ?`)
	if err != nil {
		return err
	}
	err = s.QueryRowContext(w.ctx, d.Path).Scan(&oldID, &oldStatus, &oldErr, &sha, &oldSize)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		oldID = 0
	case err != nil:
		return err
	}
	now := time.Now().UTC().Format(time.RFC3339)

	if d.Err != "" && oldID != 0 && oldStatus == StatusFailed && oldErr == d.Err && sha == d.SHA256 && oldSize == d.Size {
		return nil // the same failure as last time: nothing changes
	}
	if oldID != 0 {
		if err := w.removeRows(oldID); err != nil {
			return err
		}
	}

	status, tokens := StatusOK, 0
	if d.Err != "" {
		status = StatusFailed
	} else if d.Result != nil {
		tokens = len(d.Result.Tokens)
	}
	var docID int64
	if oldID != 0 {
		docID = oldID
		_, err = w.exec(`UPDATE documents SET sha256 = ?, size = ?, status = ?, error = ?, extractor = ?,
			tokens = ?, processed_at = ?, title = ?, title_from = ?, published = ?, published_from = ?,
			source = ?, source_from = ? WHERE id = ?`,
			append([]any{nullable(d.SHA256), d.Size, status, nullable(d.Err), nullable(d.ExtractorVersion), tokens, now},
				append(metadataArgs(d), docID)...)...)
	} else {
		var r sql.Result
		r, err = w.exec(`INSERT INTO documents (path, sha256, size, status, error, extractor, tokens, processed_at,
			title, title_from, published, published_from, source, source_from)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append([]any{d.Path, nullable(d.SHA256), d.Size, status, nullable(d.Err), nullable(d.ExtractorVersion), tokens, now},
				metadataArgs(d)...)...)
		if err == nil {
			docID, err = r.LastInsertId()
		}
	}
	if err != nil {
		return err
	}
	if d.Err != "" || d.Result == nil {
		return nil
	}
	return w.rows(docID, d, ws)
}

// removeRows deletes a document's sentences, mentions and relations and
// takes its mentions off its entities' alias counts.
func (w *writer) removeRows(docID int64) error {
	s, err := w.stmt(`SELECT entity_id, text, count(*) FROM mentions WHERE doc_id = ? GROUP BY entity_id, text`)
	if err != nil {
		return err
	}
	rows, err := s.QueryContext(w.ctx, docID)
	if err != nil {
		return err
	}
	type dec struct {
		id    int64
		alias string
		n     int
	}
	var decs []dec
	for rows.Next() {
		var d dec
		if err := rows.Scan(&d.id, &d.alias, &d.n); err != nil {
			rows.Close()
			return err
		}
		d.alias = collapseSpace(d.alias)
		decs = append(decs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, d := range decs {
		if _, err := w.exec(`UPDATE aliases SET mentions = mentions - ? WHERE entity_id = ? AND alias = ?`, d.n, d.id, d.alias); err != nil {
			return err
		}
		w.touched[d.id] = true
	}
	for _, q := range []string{
		`DELETE FROM relations WHERE doc_id = ?`,
		`DELETE FROM mentions WHERE doc_id = ?`,
		`DELETE FROM sentences WHERE doc_id = ?`,
	} {
		if _, err := w.exec(q, docID); err != nil {
			return err
		}
	}
	return nil
}

// rows inserts a processed document's sentences, entities, mentions and
// relations.
func (w *writer) rows(docID int64, d *Doc, ws *WriteStats) error {
	res := d.Result
	for i, s := range res.Sentences {
		if _, err := w.exec(`INSERT INTO sentences (doc_id, idx, start, end, text, furniture) VALUES (?, ?, ?, ?, ?, ?)`,
			docID, i, s.Start, s.End, d.Text[s.Start:s.End], s.Furniture); err != nil {
			return err
		}
	}
	if err := w.dates(docID, res.Dates); err != nil {
		return err
	}
	// Exact names first; then spelling variants, judged by the context of
	// the entities already linked; then new entities.
	ids := make([]int64, len(res.Entities))
	var context []int64
	for i := range res.Entities {
		id, err := w.linkEntity(&res.Entities[i])
		if err != nil {
			return fmt.Errorf("link entity %q: %w", res.Entities[i].Name, err)
		}
		ids[i] = id
		if id != 0 {
			context = append(context, id)
		}
	}
	for i := range res.Entities {
		if ids[i] != 0 {
			continue
		}
		e := &res.Entities[i]
		id, err := w.linkVariant(e, context)
		if err == nil && id == 0 {
			id, err = w.newEntity(e)
		}
		if err != nil {
			return fmt.Errorf("link entity %q: %w", e.Name, err)
		}
		ids[i] = id
	}
	// Alias counts: mentions per (entity, surface form).
	type ak struct {
		id    int64
		alias string
	}
	counts := make(map[ak]int)
	for _, m := range res.Mentions {
		counts[ak{ids[m.Entity], collapseSpace(m.Text)}]++
	}
	keys := make([]ak, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].id != keys[j].id {
			return keys[i].id < keys[j].id
		}
		return keys[i].alias < keys[j].alias
	})
	for _, k := range keys {
		key := extract.NormalizeName(k.alias)
		if _, err := w.exec(`INSERT INTO aliases (entity_id, alias, key, mentions, variant) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions`,
			k.id, k.alias, key, counts[k], variantKey(key)); err != nil {
			return err
		}
		w.touched[k.id] = true
	}
	for _, m := range res.Mentions {
		if _, err := w.exec(`INSERT INTO mentions (doc_id, sentence, entity_id, start, end, text, type, source, confidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, m.Sentence, ids[m.Entity], m.Start, m.End, m.Text, m.Type, m.Source, m.Confidence); err != nil {
			return err
		}
	}
	ws.Mentions += len(res.Mentions)
	for _, r := range res.Relations {
		count := r.Count
		if count < 1 {
			count = 1
		}
		subj, obj := ids[r.Subject], ids[r.Object]
		if r.Kind == extract.KindCooccurrence && subj > obj {
			// Co-occurrence is symmetric: one order, so documents add up.
			subj, obj = obj, subj
		}
		if _, err := w.exec(`INSERT INTO relations (doc_id, sentence, subject_id, predicate, object_id, kind, start, end, confidence, rule, count)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, r.Sentence, subj, r.Predicate, obj, r.Kind, r.Start, r.End, r.Confidence, r.Rule, count); err != nil {
			return err
		}
	}
	ws.Relations += len(res.Relations)
	return nil
}

// linkEntity returns the stored entity a document's entity is, or 0 when
// none matches by name. An entity matches when it has the same type and
// shares a normalised name or alias (or one that the aliases file merges
// with it). Full names (two words or more) are tried first; one-word
// aliases (acronyms, surnames) link only when no full name matches. For
// people only full names link, so two people who share a surname stay
// apart; a person named by a surname alone links only when exactly one
// stored person goes by it.
func (w *writer) linkEntity(e *extract.Entity) (int64, error) {
	var multi, single []string
	seen := make(map[string]bool)
	names := append([]string{e.Name}, e.Aliases...)
	if e.Type == extract.Location {
		// A country's other names ("UK", "United Kingdom", "Britain").
		for _, a := range names {
			names = append(names, extract.CountryNames(a)...)
		}
	}
	for _, a := range names {
		k := extract.NormalizeName(a)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if strings.Contains(k, " ") {
			multi = append(multi, k)
		} else {
			single = append(single, k)
		}
	}
	// Full names decide when they match: a one-word alias (a surname, an
	// acronym a text may get wrong) links only when no full name does.
	keys := multi
	cands, err := w.candidates(e.Type, keys, extract.NormalizeName(e.Name))
	if err != nil {
		return 0, err
	}
	if len(cands) == 0 && (e.Type != extract.Person || len(multi) == 0) {
		keys = append(multi, single...)
		if cands, err = w.candidates(e.Type, keys, extract.NormalizeName(e.Name)); err != nil {
			return 0, err
		}
	}
	byRule := false
	if expanded := w.rules.expand(e.Type, keys); len(cands) == 0 && len(expanded) > len(keys) {
		// Only the aliases file links this name to a stored entity.
		if cands, err = w.candidates(e.Type, expanded, extract.NormalizeName(e.Name)); err != nil {
			return 0, err
		}
		byRule = len(cands) > 0
	}
	if w.rules != nil && len(w.rules.Forbids) > 0 {
		var ok []int64
		for _, c := range cands {
			ck, err := w.aliasKeys(c)
			if err != nil {
				return 0, err
			}
			if !w.rules.forbidden(seen, ck) {
				ok = append(ok, c)
			}
		}
		cands = ok
	}
	if len(cands) > 0 && (e.Type != extract.Person || len(multi) > 0 || len(cands) == 1) {
		if byRule {
			name, _, err := w.entityName(cands[0])
			if err != nil {
				return 0, err
			}
			detail := "linked by the aliases file"
			if m := w.rules.mergeRuleFor(e.Type, keys); m != nil {
				detail = fmt.Sprintf("aliases file line %d", m.Line)
			}
			if err := w.decide(cands[0], name, "merged", collapseSpace(e.Name), "aliases file", detail); err != nil {
				return 0, err
			}
		}
		return cands[0], nil
	}
	return 0, nil
}

func (w *writer) newEntity(e *extract.Entity) (int64, error) {
	r, err := w.exec(`INSERT INTO entities (name, type, key) VALUES (?, ?, ?)`,
		collapseSpace(e.Name), e.Type, extract.NormalizeName(e.Name))
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// aliasKeys returns the keys of a stored entity's aliases.
func (w *writer) aliasKeys(id int64) (map[string]bool, error) {
	s, err := w.stmt(`SELECT key FROM aliases WHERE entity_id = ?`)
	if err != nil {
		return nil, err
	}
	rows, err := s.QueryContext(w.ctx, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	keys := make(map[string]bool)
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys[k] = true
	}
	return keys, rows.Err()
}

// candidates returns the stored entities of type typ with an alias whose
// key is one of keys, best first: the one whose canonical key is the
// document's canonical key, then the most shared keys, then the most
// mentioned.
func (w *writer) candidates(typ string, keys []string, nameKey string) ([]int64, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	type cand struct {
		id            int64
		shared, exact int
		mentions      int
	}
	byID := make(map[int64]*cand)
	s, err := w.stmt(`SELECT a.entity_id, e.key = ?, (SELECT coalesce(sum(mentions), 0) FROM aliases x WHERE x.entity_id = a.entity_id)
		FROM aliases a JOIN entities e ON e.id = a.entity_id
		WHERE a.key = ? AND e.type = ? AND a.mentions > 0`)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		rows, err := s.QueryContext(w.ctx, nameKey, k, typ)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var exact bool
			var n int
			if err := rows.Scan(&id, &exact, &n); err != nil {
				rows.Close()
				return nil, err
			}
			c := byID[id]
			if c == nil {
				c = &cand{id: id, mentions: n}
				byID[id] = c
			}
			c.shared++
			if exact {
				c.exact = 1
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	cs := make([]*cand, 0, len(byID))
	for _, c := range byID {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.exact != b.exact {
			return a.exact > b.exact
		}
		if a.shared != b.shared {
			return a.shared > b.shared
		}
		if a.mentions != b.mentions {
			return a.mentions > b.mentions
		}
		return a.id < b.id
	})
	out := make([]int64, len(cs))
	for i, c := range cs {
		out[i] = c.id
	}
	return out, nil
}

// cleanup drops aliases no mention uses any more, removes entities left
// without mentions and re-picks the canonical name of every entity whose
// aliases changed (extract.BetterName; on a tie the first in byte order).
func (w *writer) cleanup() error {
	if len(w.touched) == 0 {
		return nil
	}
	if _, err := w.exec(`DELETE FROM aliases WHERE mentions <= 0`); err != nil {
		return fmt.Errorf("remove unused aliases: %w", err)
	}
	ids := make([]int64, 0, len(w.touched))
	for id := range w.touched {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		s, err := w.stmt(`SELECT alias, mentions FROM aliases WHERE entity_id = ?`)
		if err != nil {
			return err
		}
		rows, err := s.QueryContext(w.ctx, id)
		if err != nil {
			return err
		}
		best, bestN, found := "", 0, false
		for rows.Next() {
			var a string
			var n int
			if err := rows.Scan(&a, &n); err != nil {
				rows.Close()
				return err
			}
			if !found || extract.BetterName(a, n, best, bestN) || !extract.BetterName(best, bestN, a, n) && a < best {
				best, bestN, found = a, n, true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if !found {
			if _, err := w.exec(`DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?)`, id, id); err != nil {
				return fmt.Errorf("remove entity without mentions: %w", err)
			}
			continue
		}
		if _, err := w.exec(`UPDATE entities SET name = ?, key = ? WHERE id = ? AND name <> ? AND pinned = 0`,
			best, extract.NormalizeName(best), id, best); err != nil {
			return fmt.Errorf("update canonical name: %w", err)
		}
	}
	w.touched = make(map[int64]bool)
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// collapseSpace folds runs of white space (a name broken across lines) into
// single spaces.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\n\r\t\v\f\u00a0") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Prune removes every document whose path is not in keep, with its rows,
// and the entities left without mentions, in one transaction. It returns
// how many documents it removed.
func (db *DB) Prune(ctx context.Context, keep []string) (int, error) {
	want := make(map[string]bool, len(keep))
	for _, p := range keep {
		want[p] = true
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, path FROM documents`)
	if err != nil {
		return 0, err
	}
	var gone []int64
	for rows.Next() {
		var id int64
		var path string
		if err := rows.Scan(&id, &path); err != nil {
			rows.Close()
			return 0, err
		}
		if !want[path] {
			gone = append(gone, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	w := newWriter(ctx, tx)
	defer w.close()
	for _, id := range gone {
		if err := w.removeRows(id); err != nil {
			return 0, err
		}
		if _, err := w.exec(`DELETE FROM documents WHERE id = ?`, id); err != nil {
			return 0, err
		}
	}
	if err := w.cleanup(); err != nil {
		return 0, err
	}
	return len(gone), tx.Commit()
}
