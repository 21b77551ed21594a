package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dossier-nlp/dossier/extract"
)

// Doc is one document to write: either a processed file (Err empty, Result
// set) or a rejected one (Err says why).
type Doc struct {
	Root             int64  // the folder it was run from (DB.Root); 0 for the root with the empty path
	Path             string // relative to the root
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
// A document already stored under the same root and path has its rows
// replaced. The entities of the documents are then linked across the
// store (see cluster): the part of the linking index that the documents
// touch is decided again, so the result does not depend on the order the
// documents come in. Entities left without mentions are removed.
func (db *DB) Write(ctx context.Context, docs []Doc) (WriteStats, error) {
	if db.readOnly {
		return WriteStats{}, fmt.Errorf("write: %w", ErrReadOnly)
	}
	var ws WriteStats
	err := db.inTx(ctx, func(w *writer) error {
		for i := range docs {
			if err := w.prepare(&docs[i]); err != nil {
				return fmt.Errorf("write %s: %w", docs[i].Path, err)
			}
		}
		if err := w.relink(w.ix.components(w.touchedGroups(), w.rules)); err != nil {
			return fmt.Errorf("link entities: %w", err)
		}
		for i := range docs {
			if err := w.insert(&docs[i], &ws); err != nil {
				return fmt.Errorf("write %s: %w", docs[i].Path, err)
			}
		}
		return w.finish()
	})
	if err != nil {
		return WriteStats{}, err
	}
	return ws, nil
}

// inTx runs fn with a writer on one immediate transaction and commits. On
// any error the transaction is rolled back and the linking index, which fn
// may have changed, is read again by the next write. The index is also read
// again when another process wrote to the database since this one last
// did: every write transaction counts itself in meta's "generation".
func (db *DB) inTx(ctx context.Context, fn func(w *writer) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	var gen int64
	err = tx.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'`).Scan(&gen)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read write generation: %w", err)
	}
	if db.links == nil || gen != db.gen {
		if err := db.loadRules(ctx, tx); err != nil {
			return err
		}
		ix, err := loadLinkIndex(ctx, tx)
		if err != nil {
			return err
		}
		db.links = ix
		if db.labels, err = loadLabels(ctx, tx); err != nil {
			db.links = nil
			return err
		}
		var v string
		err = tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'relink'`).Scan(&v)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read linking state: %w", err)
		}
		db.relinkAll = err == nil
	}
	w := newWriter(ctx, tx, db)
	defer w.close()
	fail := func(err error) error {
		db.links = nil
		db.labels.forget()
		return err
	}
	if db.relinkAll {
		// The database was upgraded: decide every entity once.
		if err := w.relink(w.ix.all(w.rules)); err != nil {
			return fail(fmt.Errorf("link entities: %w", err))
		}
		if err := w.finish(); err != nil {
			return fail(fmt.Errorf("link entities: %w", err))
		}
		if _, err := w.exec(`DELETE FROM meta WHERE key = 'relink'`); err != nil {
			return fail(err)
		}
	}
	if err := fn(w); err != nil {
		return fail(err)
	}
	if _, err := w.exec(`INSERT INTO meta (key, value) VALUES ('generation', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, gen+1); err != nil {
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(fmt.Errorf("commit: %w", err))
	}
	db.gen = gen + 1
	db.relinkAll = false
	db.labels.committed()
	return nil
}

// writer holds one transaction's prepared statements and what it changed.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	db    *DB
	ix    *linkIndex
	rules *AliasRules
	stmts map[string]*sql.Stmt
	now   string

	touched       map[*group]bool          // groups whose documents changed
	shrunk        map[*group]bool          // groups that lost a document
	byID          map[int64]*group         // groups by id, built on demand
	pending       map[*Doc][]docEntity     // the entities of the documents being written
	docIDs        map[*Doc]int64           // their rows
	firstSentence map[*Doc]int64           // the ids of their first sentences
	nextSentence  int64                    // the next free sentence id; 0 until read
	aliasDiff     map[int64]map[string]int // entity -> alias -> change in mentions
	rebuild       map[int64]bool           // entities whose groups changed: aliases read again
	names         map[int64]bool           // entities whose canonical name may change
	later         []pendingDecision        // decisions to record at the end
	bulk          *writerBulks
	dated         []datedDoc      // documents whose dates are written once their sentences are
	dateRows      *bulk           // their rows
	created       map[*group]bool // groups this transaction split off
	decisions     []Decision
}

// docEntity is one entity of a document being written.
type docEntity struct {
	g       *group
	aliases map[string]int // surface form -> mentions
}

func newWriter(ctx context.Context, tx *sql.Tx, db *DB) *writer {
	return &writer{
		ctx: ctx, tx: tx, db: db, ix: db.links, rules: db.rules,
		stmts:         make(map[string]*sql.Stmt),
		now:           time.Now().UTC().Format(time.RFC3339),
		touched:       make(map[*group]bool),
		shrunk:        make(map[*group]bool),
		pending:       make(map[*Doc][]docEntity),
		docIDs:        make(map[*Doc]int64),
		firstSentence: make(map[*Doc]int64),
		aliasDiff:     make(map[int64]map[string]int),
		rebuild:       make(map[int64]bool),
		names:         make(map[int64]bool),
		created:       make(map[*group]bool),
	}
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

func (w *writer) touchedGroups() []*group {
	gs := make([]*group, 0, len(w.touched))
	for g := range w.touched {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool {
		if gs[i].typ != gs[j].typ {
			return gs[i].typ < gs[j].typ
		}
		return gs[i].names < gs[j].names
	})
	return gs
}

func (w *writer) group(id int64) *group {
	if w.byID == nil {
		w.byID = make(map[int64]*group, len(w.ix.groups))
		for _, g := range w.ix.groups {
			if g.id != 0 {
				w.byID[g.id] = g
			}
		}
	}
	return w.byID[id]
}

func (w *writer) addAlias(entity int64, alias string, n int) {
	if entity == 0 || n == 0 {
		return
	}
	m := w.aliasDiff[entity]
	if m == nil {
		m = make(map[string]int)
		w.aliasDiff[entity] = m
	}
	m[alias] += n
	w.names[entity] = true
}

// prepare removes the rows a document replaces and puts its entities into
// the linking index.
func (w *writer) prepare(d *Doc) error {
	root, err := w.root(d.Root)
	if err != nil {
		return err
	}
	d.Root = root
	var (
		oldID                  int64
		oldStatus, oldErr, sha string
		oldSize                int64
	)
	s, err := w.stmt(`SELECT id, status, coalesce(error, ''), coalesce(sha256, ''), size FROM documents WHERE root_id = ? AND path = ?`)
	if err != nil {
		return err
	}
	err = s.QueryRowContext(w.ctx, d.Root, d.Path).Scan(&oldID, &oldStatus, &oldErr, &sha, &oldSize)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		oldID = 0
	case err != nil:
		return err
	}
	if d.Err != "" && oldID != 0 && oldStatus == StatusFailed && oldErr == d.Err && sha == d.SHA256 && oldSize == d.Size {
		w.pending[d] = nil
		return nil
	}
	if oldID != 0 {
		if err := w.removeRows(oldID); err != nil {
			return err
		}
	}
	docID, err := w.upsertDocument(d)
	if err != nil {
		return err
	}
	w.docIDs[d] = docID
	if d.Err != "" || d.Result == nil {
		return nil
	}
	if err := checkResult(d); err != nil {
		return err
	}
	splits := w.splitDoc(d.Result)
	ents := make([]docEntity, len(d.Result.Entities))
	for i := range ents {
		ents[i].aliases = make(map[string]int)
	}
	for _, m := range d.Result.Mentions {
		if m.Entity >= 0 && m.Entity < len(ents) {
			ents[m.Entity].aliases[collapseSpace(m.Text)]++
		}
	}
	for i := range d.Result.Entities {
		e := d.Result.Entities[i]
		for a := range ents[i].aliases {
			e.Aliases = append(e.Aliases, a)
		}
		g := w.ix.get(&e)
		g.founder = earlier(g.founder, founderKey(docID, int64(i)))
		g.docs++
		for _, n := range ents[i].aliases {
			g.mentions += n
		}
		g.dirty = true
		w.touched[g] = true
		ents[i].g = g
	}
	for _, s := range splits {
		w.decide(ents[s.entity].g, 0, "split", s.name, ruleAliases, fmt.Sprintf("aliases file line %d", s.line))
	}
	w.pending[d] = ents
	return nil
}

// checkResult refuses a result whose indexes or offsets do not fit its
// document, rather than writing rows that point nowhere.
func checkResult(d *Doc) error {
	res := d.Result
	for i, s := range res.Sentences {
		if s.Start < 0 || s.Start > s.End || s.End > len(d.Text) {
			return fmt.Errorf("invalid result: sentence %d spans [%d, %d) of a %d-byte text", i, s.Start, s.End, len(d.Text))
		}
	}
	for i, m := range res.Mentions {
		if m.Entity < 0 || m.Entity >= len(res.Entities) || m.Sentence < 0 || m.Sentence >= len(res.Sentences) {
			return fmt.Errorf("invalid result: mention %d refers to entity %d of %d, sentence %d of %d",
				i, m.Entity, len(res.Entities), m.Sentence, len(res.Sentences))
		}
		// The store keeps a mention's text as the bytes of its sentence
		// that it spans, so the two must agree.
		if s := res.Sentences[m.Sentence]; m.Start < s.Start || m.End > s.End || m.Start >= m.End || d.Text[m.Start:m.End] != m.Text {
			return fmt.Errorf("invalid result: mention %d %q at [%d, %d) is not the text of its sentence [%d, %d)",
				i, m.Text, m.Start, m.End, s.Start, s.End)
		}
	}
	for i, r := range res.Relations {
		if r.Subject < 0 || r.Subject >= len(res.Entities) || r.Object < 0 || r.Object >= len(res.Entities) {
			return fmt.Errorf("invalid result: relation %d refers to entities %d and %d of %d", i, r.Subject, r.Object, len(res.Entities))
		}
		if r.Sentence < 0 || r.Sentence >= len(res.Sentences) || r.Start > r.End {
			return fmt.Errorf("invalid result: relation %d refers to sentence %d of %d, evidence [%d, %d)",
				i, r.Sentence, len(res.Sentences), r.Start, r.End)
		}
	}
	for i, dt := range res.Dates {
		if dt.Sentence < 0 || dt.Sentence >= len(res.Sentences) {
			return fmt.Errorf("invalid result: date %d refers to sentence %d of %d", i, dt.Sentence, len(res.Sentences))
		}
	}
	return nil
}

// splitDoc splits a document's entity that goes by both names of a forbid
// rule: the mentions written as the rule's second name become an entity of
// their own (relations stay with the first).
func (w *writer) splitDoc(res *extract.Result) []docSplit {
	if w.rules == nil || len(w.rules.Forbids) == 0 {
		return nil
	}
	var splits []docSplit
	for i := 0; i < len(res.Entities); i++ {
		e := res.Entities[i]
		var keys []string
		for _, m := range res.Mentions {
			if m.Entity == i {
				keys = append(keys, extract.NormalizeName(m.Text))
			}
		}
		off := w.rules.forbiddenSplit(e.Type, append(keys, extract.NormalizeName(e.Name)))
		if off == nil {
			continue
		}
		var moved []string
		n := len(res.Entities)
		for j := range res.Mentions {
			m := &res.Mentions[j]
			if m.Entity == i && off[extract.NormalizeName(m.Text)] {
				m.Entity = n
				moved = append(moved, m.Text)
			}
		}
		if len(moved) == 0 || len(moved) == len(keys) {
			for j := range res.Mentions {
				if res.Mentions[j].Entity == n {
					res.Mentions[j].Entity = i
				}
			}
			continue
		}
		res.Entities = append(res.Entities, extract.Entity{Name: moved[0], Type: e.Type, Aliases: dedupe(moved), Mentions: len(moved)})
		var kept []string
		for _, a := range e.Aliases {
			if !off[extract.NormalizeName(a)] {
				kept = append(kept, a)
			}
		}
		res.Entities[i].Aliases = kept
		res.Entities[i].Mentions -= len(moved)
		if off[extract.NormalizeName(e.Name)] && len(kept) > 0 {
			res.Entities[i].Name = kept[0]
		}
		splits = append(splits, docSplit{i, collapseSpace(moved[0]), w.rules.forbidLine(e.Type, keys)})
	}
	return splits
}

// docSplit is an entity of a document split by a forbid rule.
type docSplit struct {
	entity int    // the entity that kept its other names
	name   string // the name split off
	line   int    // the rule's line in the aliases file
}

// root returns the id of a root, creating the root with the empty path for
// 0.
func (w *writer) root(id int64) (int64, error) {
	if id != 0 {
		return id, nil
	}
	return rootID(w.ctx, w.tx, "", false)
}

// removeRows deletes a document's sentences, mentions, relations and
// entities and takes them off its name groups and their entities.
func (w *writer) removeRows(docID int64) error {
	s, err := w.stmt(`SELECT m.doc_entity, coalesce(de.group_id, 0), m.entity_id, m.text, count(*) FROM mentions m
		LEFT JOIN doc_entities de ON de.doc_id = m.doc_id AND de.idx = m.doc_entity
		WHERE m.doc_id = ? GROUP BY m.doc_entity, m.entity_id, m.text`)
	if err != nil {
		return err
	}
	rows, err := s.QueryContext(w.ctx, docID)
	if err != nil {
		return err
	}
	type use struct {
		idx         int
		gid, entity int64
		alias       string
		n           int
	}
	var uses []use
	for rows.Next() {
		var u use
		if err := rows.Scan(&u.idx, &u.gid, &u.entity, &u.alias, &u.n); err != nil {
			rows.Close()
			return err
		}
		u.alias = collapseSpace(u.alias)
		uses = append(uses, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, u := range uses {
		w.addAlias(u.entity, u.alias, -u.n)
		g := w.group(u.gid)
		if g == nil {
			continue
		}
		if _, err := w.exec(`UPDATE group_aliases SET mentions = mentions - ? WHERE group_id = ? AND alias = ?`, u.n, g.id, u.alias); err != nil {
			return err
		}
		g.mentions -= u.n
		g.dirty = true
		w.touched[g] = true
	}
	// One document less for each of its groups (a group with no mention
	// left in it still loses the document).
	des, err := w.tx.QueryContext(w.ctx, `SELECT group_id FROM doc_entities WHERE doc_id = ?`, docID)
	if err != nil {
		return err
	}
	var gids []int64
	for des.Next() {
		var id int64
		if err := des.Scan(&id); err != nil {
			des.Close()
			return err
		}
		gids = append(gids, id)
	}
	des.Close()
	if err := des.Err(); err != nil {
		return err
	}
	for _, id := range gids {
		if g := w.group(id); g != nil {
			g.docs--
			g.dirty = true
			w.touched[g] = true
			w.shrunk[g] = true
		}
	}
	// A document's sentences are the ids [first_sentence, first_sentence +
	// sentences); deleting them deletes their dates.
	for _, q := range []string{
		`DELETE FROM relation_rows WHERE doc_id = ?`,
		`DELETE FROM cooccurrence_rows WHERE doc_id = ?`,
		`DELETE FROM mention_rows WHERE doc_id = ?`,
		`DELETE FROM sentences_fts WHERE docid IN (SELECT s.id FROM documents d JOIN sentences s
			ON s.id >= d.first_sentence AND s.id < d.first_sentence + d.sentences WHERE d.id = ?1 AND d.indexed = 1)`,
		`DELETE FROM sentences WHERE id >= (SELECT first_sentence FROM documents WHERE id = ?1)
			AND id < (SELECT first_sentence + sentences FROM documents WHERE id = ?1)`,
		`DELETE FROM doc_entities WHERE doc_id = ?`,
		`UPDATE documents SET first_sentence = 0, sentences = 0 WHERE id = ?`,
	} {
		if _, err := w.exec(q, docID); err != nil {
			return err
		}
	}
	// Groups this document founded are founded by their next document now:
	// the first of those stored, or of those this transaction has prepared
	// and not yet written.
	for _, id := range gids {
		g := w.group(id)
		if g == nil || g.founder>>20 != docID {
			continue
		}
		var f int64
		if err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(min(doc_id * 1048576 + idx), 0) FROM doc_entities WHERE group_id = ?`,
			id).Scan(&f); err != nil {
			return err
		}
		for d, ents := range w.pending {
			for i, e := range ents {
				if e.g == g {
					f = earlier(f, founderKey(w.docIDs[d], int64(i)))
				}
			}
		}
		g.founder = f
	}
	return nil
}

// upsertDocument writes a document's row and returns its id: a document
// already stored under the same root and path keeps its id.
func (w *writer) upsertDocument(d *Doc) (int64, error) {
	status, tokens := StatusOK, 0
	var first, n int64
	if d.Err != "" {
		status = StatusFailed
	} else if d.Result != nil {
		tokens = len(d.Result.Tokens)
		var err error
		if first, err = w.reserveSentences(len(d.Result.Sentences)); err != nil {
			return 0, err
		}
		n = int64(len(d.Result.Sentences))
		w.firstSentence[d] = first
	}
	_, err := w.exec(`INSERT INTO documents (root_id, path, sha256, size, status, error, extractor, tokens, processed_at,
			first_sentence, sentences, title, title_from, published, published_from, source, source_from)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (root_id, path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, status = excluded.status,
			error = excluded.error, extractor = excluded.extractor, tokens = excluded.tokens, processed_at = excluded.processed_at,
			first_sentence = excluded.first_sentence, sentences = excluded.sentences,
			title = excluded.title, title_from = excluded.title_from, published = excluded.published,
			published_from = excluded.published_from, source = excluded.source, source_from = excluded.source_from,
			indexed = 0`,
		append([]any{d.Root, d.Path, nullable(d.SHA256), d.Size, status, nullable(d.Err), nullable(d.ExtractorVersion), tokens, w.now,
			first, n}, metadataArgs(d)...)...)
	if err != nil {
		return 0, err
	}
	var docID int64
	s, err := w.stmt(`SELECT id FROM documents WHERE root_id = ? AND path = ?`)
	if err != nil {
		return 0, err
	}
	err = s.QueryRowContext(w.ctx, d.Root, d.Path).Scan(&docID)
	return docID, err
}

// reserveSentences returns the id of the first of n new consecutive
// sentence ids (0 when n is 0).
func (w *writer) reserveSentences(n int) (int64, error) {
	if n == 0 {
		return 0, nil
	}
	if w.nextSentence == 0 {
		if err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) + 1 FROM sentences`).Scan(&w.nextSentence); err != nil {
			return 0, err
		}
	}
	first := w.nextSentence
	w.nextSentence += int64(n)
	return first, nil
}

// permille is a confidence in thousandths, as the store keeps it: 0.89877
// is 899. A value outside [0, 1] is taken as the nearer end.
func permille(c float64) int {
	switch {
	case c > 1:
		return 1000
	case c >= 0:
		return int(math.Round(c * 1000))
	}
	return 0 // negative or NaN
}

// insert writes a document's row and, when it was processed, its
// sentences, entities, mentions and relations.
func (w *writer) insert(d *Doc, ws *WriteStats) error {
	ents, ok := w.pending[d]
	if ok && ents == nil && d.Err != "" {
		return nil // the same failure as last time
	}
	docID := w.docIDs[d]
	if d.Err != "" || d.Result == nil {
		return nil
	}
	res := d.Result
	b := w.bulks()
	first := w.firstSentence[d]
	for i, s := range res.Sentences {
		if err := b.sentences.add(first+int64(i), docID, i, s.Start, d.Text[s.Start:s.End], s.Furniture); err != nil {
			return err
		}
	}
	if len(res.Dates) > 0 {
		w.dated = append(w.dated, datedDoc{docID, first, d.Text, res.Dates})
	}
	for i, e := range ents {
		if err := b.docEntities.add(docID, i, e.g.id); err != nil {
			return err
		}
		aliases := make([]string, 0, len(e.aliases))
		for a := range e.aliases {
			aliases = append(aliases, a)
		}
		sort.Strings(aliases)
		for _, a := range aliases {
			if err := b.groupAliases.add(e.g.id, a, e.aliases[a]); err != nil {
				return err
			}
			w.addAlias(e.g.entity, a, e.aliases[a])
		}
	}
	for i, m := range res.Mentions {
		l, err := w.labelsOf(m.Type, m.Source)
		if err != nil {
			return err
		}
		if err := b.mentions.add(docID, m.Entity, i, m.Sentence, m.Start, m.End-m.Start, l[1], permille(m.Confidence)); err != nil {
			return err
		}
	}
	ws.Mentions += len(res.Mentions)
	for i, r := range res.Relations {
		count := r.Count
		if count < 1 {
			count = 1
		}
		// The rows keep the document's entities: the relations view gives
		// their entities, and a co-occurrence its smaller entity id first.
		// A co-occurrence has its own narrow row: its predicate,
		// confidence and rule are implied, and its evidence is NULL when
		// it is its sentence.
		if r.Kind == extract.KindCooccurrence && r.Predicate == extract.PredicateCooccurs &&
			r.Confidence == extract.CooccurrenceConfidence && r.Rule == extract.CooccurrenceRule {
			var start, length any
			if s := res.Sentences[r.Sentence]; r.Start != s.Start || r.End != s.End {
				start, length = r.Start, r.End-r.Start
			}
			if err := b.cooccurrences.add(docID, i, r.Sentence, r.Subject, r.Object, start, length, count); err != nil {
				return err
			}
			continue
		}
		var l [3]int64
		for j, name := range []string{r.Kind, r.Predicate, r.Rule} {
			id, err := w.label(name)
			if err != nil {
				return err
			}
			l[j] = id
		}
		if err := b.relations.add(docID, i, r.Sentence, r.Subject, r.Object, l[0], l[1], r.Start, r.End-r.Start,
			permille(r.Confidence), l[2], count); err != nil {
			return err
		}
	}
	ws.Relations += len(res.Relations)
	return nil
}

// datedDoc is a written document's dates.
type datedDoc struct {
	doc, first int64  // its id, and the id of its first sentence
	text       string // its text
	dates      []extract.Date
}

// writerBulks are the multi-row inserts of a writer.
type writerBulks struct {
	sentences, docEntities, groupAliases, mentions, relations, cooccurrences *bulk
}

func (w *writer) bulks() *writerBulks {
	if w.bulk == nil {
		w.bulk = &writerBulks{
			sentences:   newBulk(w, "sentences", []string{"id", "doc_id", "idx", "start", "text", "furniture"}, ""),
			docEntities: newBulk(w, "doc_entities", []string{"doc_id", "idx", "group_id"}, ""),
			groupAliases: newBulk(w, "group_aliases", []string{"group_id", "alias", "mentions"},
				" ON CONFLICT (group_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions"),
			mentions: newBulk(w, "mention_rows", []string{"doc_id", "doc_entity", "seq", "sentence", "start", "len", "source", "permille"}, ""),
			relations: newBulk(w, "relation_rows", []string{"doc_id", "seq", "sentence", "subject_idx", "object_idx",
				"kind", "predicate", "start", "len", "permille", "rule", "count"}, ""),
			cooccurrences: newBulk(w, "cooccurrence_rows", []string{"doc_id", "seq", "sentence", "subject_idx", "object_idx",
				"start", "len", "count"}, ""),
		}
	}
	return w.bulk
}

// flushBulks writes every queued row.
func (w *writer) flushBulks() error {
	if w.bulk == nil {
		return nil
	}
	for _, b := range []*bulk{w.bulk.sentences, w.bulk.docEntities, w.bulk.groupAliases, w.bulk.mentions, w.bulk.relations, w.bulk.cooccurrences} {
		if err := b.flush(); err != nil {
			return err
		}
	}
	return nil
}

// relink decides the entities of the given components again and moves
// every name group whose entity changed, with its mentions and relations.
func (w *writer) relink(comps [][]*group) error {
	// A component whose decisions looked at its neighbours' entities (rule
	// 4) is decided again once every component has its entities, so that
	// the order components are decided in does not matter.
	var again [][]*group
	for round := 0; round < 2; round++ {
		for _, comp := range comps {
			if err := w.ctx.Err(); err != nil {
				return err
			}
			recheck := round > 0
			for _, g := range comp {
				recheck = recheck || w.shrunk[g]
			}
			used := false
			shared := func(a, b []*group) (string, error) {
				used = true
				return w.shared(a, b)
			}
			clusters, unions, err := cluster(comp, w.rules, shared, recheck)
			if err != nil {
				return err
			}
			if err := w.assign(clusters, unions); err != nil {
				return err
			}
			if used && round == 0 {
				again = append(again, comp)
			}
		}
		comps, again = again, nil
	}
	// New groups get their rows now that their entities are known.
	for g := range w.touched {
		if g.id == 0 && g.docs > 0 {
			r, err := w.exec(`INSERT INTO name_groups (type, names, name, entity_id, docs, mentions, founder) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				g.typ, g.names, g.label, g.entity, g.docs, g.mentions, g.founder)
			if err != nil {
				return err
			}
			if g.id, err = r.LastInsertId(); err != nil {
				return err
			}
			g.dirty = false
			if w.byID != nil {
				w.byID[g.id] = g
			}
		}
	}
	return nil
}

// assign gives each cluster of one component its entity: the entity that
// most of its mentions had, unless a larger cluster took it, else a new
// one.
func (w *writer) assign(clusters [][]*group, unions []union) error {
	type cl struct {
		groups   []*group
		mentions int
	}
	cs := make([]cl, len(clusters))
	for i, gs := range clusters {
		cs[i].groups = gs
		for _, g := range gs {
			cs[i].mentions += g.mentions
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].mentions != cs[j].mentions {
			return cs[i].mentions > cs[j].mentions
		}
		return cs[i].groups[0].names < cs[j].groups[0].names
	})
	// Each cluster's id comes from its first document entity (see
	// entityIDFor), so that how documents were grouped into transactions
	// does not matter.
	before := make(map[*group]int64)
	for _, c := range cs {
		var founder int64
		for _, g := range c.groups {
			before[g] = g.entity
			founder = earlier(founder, g.founder)
		}
		var id int64
		var err error
		if founder != 0 {
			id = entityIDFor(founder)
			same := true
			for _, g := range c.groups {
				same = same && g.entity == id
			}
			if same {
				continue // decided as before: nothing to write
			}
			id, err = w.ensureEntity(id, c.groups)
		} else {
			id, err = w.newEntity(c.groups)
		}
		if err != nil {
			return err
		}
		for _, g := range c.groups {
			if g.entity == id {
				continue
			}
			if err := w.move(g, id); err != nil {
				return err
			}
		}
	}
	// Decisions: every union beyond an exact name that joined what was
	// apart before.
	recorded := make(map[string]bool)
	for _, u := range unions {
		ea, eb := before[u.a], before[u.b]
		if ea == eb && ea != 0 || u.rule == ruleName {
			continue
		}
		keep, other := u.a, u.b
		if ea == 0 && eb != 0 || other.label == keep.label && other.names < keep.names {
			keep, other = u.b, u.a
		}
		if recorded[other.names] {
			continue
		}
		recorded[other.names] = true
		w.decide(keep, 0, "merged", other.display(), u.rule, u.detail)
		w.later[len(w.later)-1].other = other
	}
	// A former entity whose groups went to several clusters was split.
	parts := make(map[int64]map[int64]bool)
	for g, e := range before {
		if e != 0 {
			if parts[e] == nil {
				parts[e] = make(map[int64]bool)
			}
			parts[e][g.entity] = true
		}
	}
	for e, to := range parts {
		if len(to) < 2 {
			continue
		}
		for g, was := range before {
			if was == e && g.entity != e && !w.created[g] {
				w.decide(nil, e, "split", g.label, "relinked", "no rule joins them any more")
			}
		}
	}
	return nil
}

// ensureEntity makes sure the entity id exists with the type of the
// cluster gs, creating it when needed, and returns id.
func (w *writer) ensureEntity(id int64, gs []*group) (int64, error) {
	name := gs[0].keys[0]
	if _, err := w.exec(`INSERT INTO entities (id, name, type, key) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET type = excluded.type WHERE type <> excluded.type`,
		id, name, gs[0].typ, extract.NormalizeName(name)); err != nil {
		return 0, err
	}
	w.names[id] = true
	return id, nil
}

// newEntity creates the entity of a cluster, named for now by its first
// group's first name (finish gives the canonical name).
func (w *writer) newEntity(gs []*group) (int64, error) {
	name := gs[0].keys[0]
	r, err := w.exec(`INSERT INTO entities (name, type, key) VALUES (?, ?, ?)`, name, gs[0].typ, extract.NormalizeName(name))
	if err != nil {
		return 0, err
	}
	id, err := r.LastInsertId()
	w.names[id] = true
	return id, err
}

// move gives group g the entity to, with the mentions and relations of the
// documents that name it so.
func (w *writer) move(g *group, to int64) error {
	from := g.entity
	g.entity = to
	w.rebuild[to] = true
	w.names[to] = true
	if from != 0 {
		w.rebuild[from] = true
		w.names[from] = true
	}
	if g.id == 0 {
		return nil // a new group: nothing stored yet
	}
	// Mention and relation rows name the group's document entities, not
	// its entity: one row changes, however many documents name the group.
	_, err := w.exec(`UPDATE name_groups SET entity_id = ? WHERE id = ?`, to, g.id)
	return err
}

// docEntityRef is a document's entity: the document and its index there.
type docEntityRef struct{ doc, idx int64 }

// docEntitiesOf returns the document entities of a name group.
func (w *writer) docEntitiesOf(group int64) ([]docEntityRef, error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT doc_id, idx FROM doc_entities WHERE group_id = ?`, group)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var des []docEntityRef
	for rows.Next() {
		var d docEntityRef
		if err := rows.Scan(&d.doc, &d.idx); err != nil {
			return nil, err
		}
		des = append(des, d)
	}
	return des, rows.Err()
}

// finish writes the changed group counts, the full-text index of the new
// sentences and the entities' aliases and names, and removes groups and
// entities that nothing names any more.
func (w *writer) finish() error {
	if err := w.flushBulks(); err != nil {
		return err
	}
	for _, d := range w.dated {
		if err := w.dates(d.doc, d.first, d.text, d.dates); err != nil {
			return err
		}
	}
	w.dated = nil
	if w.dateRows != nil {
		if err := w.dateRows.flush(); err != nil {
			return fmt.Errorf("insert date: %w", err)
		}
	}
	for _, g := range w.touchedGroups() {
		switch {
		case g.docs <= 0:
			if g.id != 0 {
				for _, q := range []string{
					`DELETE FROM group_aliases WHERE group_id = ?`,
					`DELETE FROM name_groups WHERE id = ?`,
				} {
					if _, err := w.exec(q, g.id); err != nil {
						return err
					}
				}
			}
			w.ix.remove(g)
			if g.entity != 0 {
				w.rebuild[g.entity] = true
				w.names[g.entity] = true
			}
		case g.dirty:
			if _, err := w.exec(`UPDATE name_groups SET docs = ?, mentions = ?, founder = ? WHERE id = ?`, g.docs, g.mentions, g.founder, g.id); err != nil {
				return err
			}
			g.dirty = false
			fallthrough
		default:
			// Only a touched group's surface forms can have lost
			// mentions: the store is never scanned whole.
			if g.id != 0 {
				if _, err := w.exec(`DELETE FROM group_aliases WHERE group_id = ? AND mentions <= 0`, g.id); err != nil {
					return err
				}
			}
		}
	}
	// Aliases: rebuilt for entities whose groups changed, else changed by
	// what this transaction added and removed.
	for _, id := range sortedIDs(w.rebuild) {
		if err := w.rebuildAliases(id); err != nil {
			return err
		}
	}
	for _, id := range sortedIDs(w.names) {
		if w.rebuild[id] {
			continue
		}
		diff := w.aliasDiff[id]
		aliases := make([]string, 0, len(diff))
		for a := range diff {
			aliases = append(aliases, a)
		}
		sort.Strings(aliases)
		for _, a := range aliases {
			if diff[a] == 0 {
				continue
			}
			key := extract.NormalizeName(a)
			if _, err := w.exec(`INSERT INTO aliases (entity_id, alias, key, mentions) VALUES (?, ?, ?, ?)
				ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions`,
				id, a, key, diff[a]); err != nil {
				return err
			}
		}
	}
	for _, id := range sortedIDs(w.names) {
		if w.rebuild[id] || len(w.aliasDiff[id]) == 0 {
			continue // rebuilt ones keep only aliases in use
		}
		if _, err := w.exec(`DELETE FROM aliases WHERE entity_id = ? AND mentions <= 0`, id); err != nil {
			return fmt.Errorf("remove unused aliases: %w", err)
		}
	}
	for _, id := range sortedIDs(w.names) {
		if err := w.rename(id); err != nil {
			return err
		}
	}
	return w.recordDecisions()
}

func sortedIDs(m map[int64]bool) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		if id != 0 {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// rebuildAliases sets an entity's aliases to the sums over its groups.
func (w *writer) rebuildAliases(id int64) error {
	if _, err := w.exec(`DELETE FROM aliases WHERE entity_id = ?`, id); err != nil {
		return err
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT ga.alias, sum(ga.mentions) FROM group_aliases ga
		JOIN name_groups g ON g.id = ga.group_id WHERE g.entity_id = ? GROUP BY ga.alias HAVING sum(ga.mentions) > 0`, id)
	if err != nil {
		return err
	}
	type al struct {
		alias string
		n     int
	}
	var as []al
	for rows.Next() {
		var a al
		if err := rows.Scan(&a.alias, &a.n); err != nil {
			rows.Close()
			return err
		}
		as = append(as, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, a := range as {
		if _, err := w.exec(`INSERT INTO aliases (entity_id, alias, key, mentions) VALUES (?, ?, ?, ?)`,
			id, a.alias, extract.NormalizeName(a.alias), a.n); err != nil {
			return err
		}
	}
	return nil
}

// rename gives an entity its canonical name (the aliases file's name for
// it, else extract.BetterName over its aliases; on a tie the first in byte
// order), or removes it when nothing names it any more.
func (w *writer) rename(id int64) error {
	s, err := w.stmt(`SELECT alias, mentions FROM aliases WHERE entity_id = ?`)
	if err != nil {
		return err
	}
	rows, err := s.QueryContext(w.ctx, id)
	if err != nil {
		return err
	}
	best, bestN, found := "", 0, false
	var keys []string
	for rows.Next() {
		var a string
		var n int
		if err := rows.Scan(&a, &n); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, extract.NormalizeName(a))
		if !found || extract.BetterName(a, n, best, bestN) || !extract.BetterName(best, bestN, a, n) && a < best {
			best, bestN, found = a, n, true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if !found {
		var n int
		if err := w.tx.QueryRowContext(w.ctx, `SELECT count(*) FROM name_groups WHERE entity_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := w.exec(`DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?)`, id, id); err != nil {
			return fmt.Errorf("remove entity without mentions: %w", err)
		}
		return nil
	}
	pinned := 0
	if m := w.rules.canonicalFor(keys); m != nil {
		best, pinned = m.Canonical, 1
	}
	if _, err := w.exec(`UPDATE entities SET name = ?, key = ?, pinned = ? WHERE id = ? AND (name <> ? OR pinned <> ?)`,
		best, extract.NormalizeName(best), pinned, id, best, pinned); err != nil {
		return fmt.Errorf("update canonical name: %w", err)
	}
	return nil
}

// entityName returns an entity's current name.
func (w *writer) entityName(id int64) (string, error) {
	s, err := w.stmt(`SELECT name FROM entities WHERE id = ?`)
	if err != nil {
		return "", err
	}
	var name string
	err = s.QueryRowContext(w.ctx, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return name, err
}

// shared is the sharedFunc of a writer: an entity named in a document with
// a group of a and in a document with a group of b.
func (w *writer) shared(a, b []*group) (string, error) {
	// The context of a group is the entities named beside it; a group
	// not yet given an entity (new in this write, decided after this
	// component) counts as itself, so that what the context says does not
	// depend on which component is decided first.
	type ctxKey struct {
		entity int64
		g      *group
	}
	keyOf := func(o *group) ctxKey {
		if o.entity != 0 {
			return ctxKey{entity: o.entity}
		}
		return ctxKey{g: o}
	}
	ctxOf := func(gs []*group) (map[ctxKey]bool, error) {
		out := make(map[ctxKey]bool)
		self := make(map[ctxKey]bool)
		for _, g := range gs {
			self[keyOf(g)] = true
		}
		for _, g := range gs {
			if g.id == 0 {
				continue
			}
			rows, err := w.tx.QueryContext(w.ctx, `SELECT DISTINCT o.group_id FROM doc_entities x
				JOIN doc_entities o ON o.doc_id = x.doc_id AND o.idx <> x.idx WHERE x.group_id = ?`, g.id)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return nil, err
				}
				if o := w.group(id); o != nil && o.docs > 0 && !self[keyOf(o)] {
					out[keyOf(o)] = true
				}
			}
			rows.Close()
		}
		// Documents being written name their entities beside each other too.
		for _, ents := range w.pending {
			for _, e := range ents {
				for _, g := range gs {
					if e.g == g {
						for _, o := range ents {
							if o.g != g && !self[keyOf(o.g)] {
								out[keyOf(o.g)] = true
							}
						}
					}
				}
			}
		}
		return out, nil
	}
	ca, err := ctxOf(a)
	if err != nil {
		return "", err
	}
	cb, err := ctxOf(b)
	if err != nil {
		return "", err
	}
	var common []ctxKey
	for k := range ca {
		if cb[k] {
			common = append(common, k)
		}
	}
	if len(common) == 0 {
		return "", nil
	}
	// The name of the first common entity, else of the first common group.
	sort.Slice(common, func(i, j int) bool {
		x, y := common[i], common[j]
		if (x.entity != 0) != (y.entity != 0) {
			return x.entity != 0
		}
		if x.entity != 0 {
			return x.entity < y.entity
		}
		return x.g.names < y.g.names
	})
	if common[0].entity == 0 {
		return common[0].g.label, nil
	}
	return w.entityName(common[0].entity)
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

// IndexText puts the sentences of the documents written since the last
// call into the full-text index (sentences_fts), in one transaction. Runs
// call it at their end and Close calls it, so searching finds a document
// once the run that wrote it has ended; one large insert costs far less
// than one per write.
func (db *DB) IndexText(ctx context.Context) error {
	if db.readOnly {
		return nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("index text: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`INSERT INTO sentences_fts (docid, text) SELECT s.id, s.text FROM documents d
			CROSS JOIN sentences s ON s.id >= d.first_sentence AND s.id < d.first_sentence + d.sentences WHERE d.indexed = 0`,
		`UPDATE documents SET indexed = 1 WHERE indexed = 0`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("index text: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("index text: %w", err)
	}
	return nil
}

// Prune removes every document of root whose path is not in keep, with its
// rows, and the entities left without mentions, in one transaction. It
// returns how many documents it removed. Documents of other roots stay.
func (db *DB) Prune(ctx context.Context, root int64, keep []string) (int, error) {
	want := make(map[string]bool, len(keep))
	for _, p := range keep {
		want[p] = true
	}
	n := 0
	err := db.inTx(ctx, func(w *writer) error {
		root, err := w.root(root)
		if err != nil {
			return err
		}
		rows, err := w.tx.QueryContext(ctx, `SELECT id, path FROM documents WHERE root_id = ?`, root)
		if err != nil {
			return err
		}
		var gone []int64
		for rows.Next() {
			var id int64
			var path string
			if err := rows.Scan(&id, &path); err != nil {
				rows.Close()
				return err
			}
			if !want[path] {
				gone = append(gone, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range gone {
			if err := w.removeRows(id); err != nil {
				return err
			}
			if _, err := w.exec(`DELETE FROM documents WHERE id = ?`, id); err != nil {
				return err
			}
		}
		n = len(gone)
		if err := w.relink(w.ix.components(w.touchedGroups(), w.rules)); err != nil {
			return err
		}
		return w.finish()
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
