-- Schema version 8: a smaller file.
--
-- Beside its text a database used to hold almost twice as much again. Four
-- changes take most of that away, and leave the views as they were:
--
-- * A document's sentences have consecutive ids: sentence idx of document d
--   is row documents.first_sentence + idx of `sentences`, so the index on
--   (doc_id, idx) goes. documents.sentences counts them. A sentence's `end`
--   is computed from its start and its text.
-- * Confidences are integers in thousandths (`permille`); the column
--   `confidence` is computed from them (0.899 where a model said 0.89877...).
-- * Mentions and relations keep their length (`len`) and compute `end`.
-- * Co-occurrences, most of a database's relations, have their own narrow
--   table: their predicate, confidence and rule are always co_occurs, 0.3 and
--   same-sentence, and their evidence mostly their sentence.
-- * A mention's type is its entity's (its name group's), as it always was.
--
-- Sentence ids are kept when they are already consecutive in every document
-- (as dossier wrote them); otherwise they are numbered again and the
-- full-text index is built again.

DROP VIEW entity_relation_stats;
DROP VIEW relation_stats;
DROP VIEW relations_text;
DROP VIEW mentions_text;
DROP VIEW entity_stats;
DROP VIEW document_list;
DROP VIEW timeline;
DROP VIEW mentions;
DROP VIEW relations;

ALTER TABLE documents ADD COLUMN first_sentence INTEGER NOT NULL DEFAULT 0;  -- id of its sentence 0
ALTER TABLE documents ADD COLUMN sentences      INTEGER NOT NULL DEFAULT 0;  -- how many it has

CREATE TEMP TABLE v8_keep AS
SELECT NOT EXISTS (SELECT 1 FROM sentences GROUP BY doc_id
                    HAVING min(id - idx) <> max(id - idx) OR min(idx) <> 0 OR count(*) <> max(idx) + 1) AS keep;

-- One row per sentence. No foreign key on doc_id: nothing indexes it, and
-- dossier deletes a document's sentences by their ids.
CREATE TABLE sentences_v8 (
    id        INTEGER PRIMARY KEY,  -- documents.first_sentence + idx
    doc_id    INTEGER NOT NULL,     -- documents.id
    idx       INTEGER NOT NULL,     -- its place in the document, from 0
    start     INTEGER NOT NULL,
    end       INTEGER GENERATED ALWAYS AS (start + length(CAST(text AS BLOB))) VIRTUAL,
    text      TEXT    NOT NULL,
    furniture INTEGER NOT NULL DEFAULT 0  -- 1 for captions, credits, links
);
INSERT INTO sentences_v8 (id, doc_id, idx, start, text, furniture)
SELECT CASE WHEN (SELECT keep FROM v8_keep) THEN id ELSE row_number() OVER (ORDER BY doc_id, idx) END,
       doc_id, idx, start, text, furniture
  FROM sentences ORDER BY doc_id, idx;

CREATE TEMP TABLE v8_docs (doc_id INTEGER PRIMARY KEY, first INTEGER NOT NULL, n INTEGER NOT NULL);
INSERT INTO v8_docs SELECT doc_id, min(id), count(*) FROM sentences_v8 GROUP BY doc_id;
UPDATE documents SET first_sentence = v.first, sentences = v.n FROM v8_docs v WHERE v.doc_id = documents.id;

-- dates point at sentences: copied aside so that dropping the old sentences
-- does not take them with it. A date's text is NULL when it is the bytes of
-- its sentence that it spans (as dossier writes it), and `resolved` a label.
CREATE TEMP TABLE v7_dates AS SELECT * FROM dates;
DROP TABLE dates;
DROP TABLE sentences;
ALTER TABLE sentences_v8 RENAME TO sentences;
CREATE TABLE dates (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence    INTEGER NOT NULL,  -- sentences.idx
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT,              -- NULL: the sentence's bytes [start, end)
    value       TEXT    NOT NULL,  -- ISO 8601, or --MM-DD
    end_value   TEXT    NOT NULL DEFAULT '',
    resolved    INTEGER NOT NULL   -- labels.id: stated, publication date, ...
);
INSERT OR IGNORE INTO labels (name) SELECT DISTINCT resolved FROM v7_dates;
INSERT INTO dates (id, sentence_id, doc_id, sentence, start, end, text, value, end_value, resolved)
SELECT t.id, s.id, t.doc_id, t.sentence, t.start, t.end,
       nullif(t.text, CAST(substr(CAST(s.text AS BLOB), t.start - s.start + 1, t.end - t.start) AS TEXT)),
       t.value, t.end_value, (SELECT id FROM labels WHERE name = t.resolved)
  FROM v7_dates t JOIN documents d ON d.id = t.doc_id JOIN sentences s ON s.id = d.first_sentence + t.sentence;
CREATE INDEX dates_value ON dates (value);
CREATE INDEX dates_sentence ON dates (sentence_id);
DROP TABLE v7_dates;

-- The full-text index reads `sentences` by id: built again when the ids
-- changed.
INSERT INTO sentences_fts (sentences_fts) SELECT 'rebuild' WHERE NOT (SELECT keep FROM v8_keep);
UPDATE documents SET indexed = 1 WHERE NOT (SELECT keep FROM v8_keep);
DROP TABLE v8_keep;
DROP TABLE v8_docs;

-- One row per mention, as in schema 7, with its length and its confidence
-- in thousandths. Its type is its entity's (the name group's), as dossier
-- always wrote it.
CREATE TABLE mention_rows_v8 (
    doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc_entity INTEGER NOT NULL,  -- doc_entities.idx
    seq        INTEGER NOT NULL,  -- its place among the document's mentions
    sentence   INTEGER NOT NULL,  -- sentences.idx
    start      INTEGER NOT NULL,
    len        INTEGER NOT NULL,
    end        INTEGER GENERATED ALWAYS AS (start + len) VIRTUAL,
    source     INTEGER NOT NULL,  -- labels.id
    permille   INTEGER NOT NULL,  -- confidence in thousandths
    confidence REAL    GENERATED ALWAYS AS (permille / 1000.0) VIRTUAL,
    PRIMARY KEY (doc_id, doc_entity, seq)
) WITHOUT ROWID;
INSERT INTO mention_rows_v8 (doc_id, doc_entity, seq, sentence, start, len, source, permille)
SELECT doc_id, doc_entity, seq, sentence, start, end - start, source, CAST(round(confidence * 1000) AS INTEGER)
  FROM mention_rows ORDER BY doc_id, doc_entity, seq;
DROP TABLE mention_rows;
ALTER TABLE mention_rows_v8 RENAME TO mention_rows;

-- One row per typed or open relation a document states (and any other
-- that is not a plain co-occurrence), as in schema 7, with its length and
-- its confidence in thousandths.
CREATE TABLE relation_rows_v8 (
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,  -- its place among the document's relations
    sentence    INTEGER NOT NULL,  -- sentences.idx
    subject_idx INTEGER NOT NULL,  -- doc_entities.idx
    object_idx  INTEGER NOT NULL,  -- doc_entities.idx
    kind        INTEGER NOT NULL,  -- labels.id: typed or open
    predicate   INTEGER NOT NULL,  -- labels.id
    start       INTEGER NOT NULL,  -- its evidence
    len         INTEGER NOT NULL,
    end         INTEGER GENERATED ALWAYS AS (start + len) VIRTUAL,
    permille    INTEGER NOT NULL,  -- confidence in thousandths
    confidence  REAL    GENERATED ALWAYS AS (permille / 1000.0) VIRTUAL,
    rule        INTEGER NOT NULL,  -- labels.id
    count       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

-- One row per pair of entities a document names in one sentence: most of a
-- database's relations. Its predicate, confidence and rule are always
-- co_occurs, 0.3 and same-sentence; its evidence is the first sentence
-- naming both (start and len NULL) or, in a long sentence, the span from
-- one to the other; count is the number of sentences.
CREATE TABLE cooccurrence_rows (
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,  -- its place among the document's relations
    sentence    INTEGER NOT NULL,  -- sentences.idx
    subject_idx INTEGER NOT NULL,  -- doc_entities.idx: the one named first
    object_idx  INTEGER NOT NULL,  -- doc_entities.idx
    start       INTEGER,           -- NULL: the sentence's
    len         INTEGER,
    count       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;

INSERT OR IGNORE INTO labels (name) VALUES ('co_occurs'), ('same-sentence'), ('cooccurrence');
CREATE TEMP TABLE v8_plain AS
SELECT r.doc_id, r.seq, r.kind = (SELECT id FROM labels WHERE name = 'cooccurrence') AND r.predicate IS NULL
       AND coalesce(r.confidence, 0.3) = 0.3 AND r.rule IS NULL AS plain,
       r.start = s.start AND r.end = s.end AS whole
  FROM relation_rows r JOIN documents d ON d.id = r.doc_id JOIN sentences s ON s.id = d.first_sentence + r.sentence;
CREATE INDEX temp.v8_plain_key ON v8_plain (doc_id, seq);
INSERT INTO cooccurrence_rows (doc_id, seq, sentence, subject_idx, object_idx, start, len, count)
SELECT r.doc_id, r.seq, r.sentence, r.subject_idx, r.object_idx,
       CASE WHEN p.whole THEN NULL ELSE r.start END, CASE WHEN p.whole THEN NULL ELSE r.end - r.start END, r.count
  FROM relation_rows r JOIN v8_plain p ON p.doc_id = r.doc_id AND p.seq = r.seq
 WHERE p.plain ORDER BY r.doc_id, r.seq;
INSERT INTO relation_rows_v8 (doc_id, seq, sentence, subject_idx, object_idx, kind, predicate, start, len, permille, rule, count)
SELECT r.doc_id, r.seq, r.sentence, r.subject_idx, r.object_idx, r.kind,
       coalesce(r.predicate, (SELECT id FROM labels WHERE name = 'co_occurs')), r.start, r.end - r.start,
       CAST(round(coalesce(r.confidence, 0.3) * 1000) AS INTEGER),
       coalesce(r.rule, (SELECT id FROM labels WHERE name = 'same-sentence')), r.count
  FROM relation_rows r JOIN v8_plain p ON p.doc_id = r.doc_id AND p.seq = r.seq
 WHERE NOT p.plain ORDER BY r.doc_id, r.seq;
DROP TABLE v8_plain;
DROP TABLE relation_rows;
ALTER TABLE relation_rows_v8 RENAME TO relation_rows;

-- Every mention, as the table it was: its entity and type through its
-- document entity's name group, its text cut from its sentence;
-- sentence_id is its sentence's row in `sentences`.
CREATE VIEW mentions AS
SELECT m.doc_id * 16777216 + m.seq AS id, m.doc_id, m.sentence, g.entity_id, m.start, m.end,
       (SELECT CAST(substr(CAST(s.text AS BLOB), m.start - s.start + 1, m.len) AS TEXT)
          FROM sentences s WHERE s.id = (SELECT first_sentence FROM documents WHERE id = m.doc_id) + m.sentence) AS text,
       g.type, (SELECT name FROM labels WHERE id = m.source) AS source,
       m.confidence, m.doc_entity,
       (SELECT first_sentence FROM documents WHERE id = m.doc_id) + m.sentence AS sentence_id
  FROM mention_rows m
  JOIN doc_entities de ON de.doc_id = m.doc_id AND de.idx = m.doc_entity
  JOIN name_groups g ON g.id = de.group_id;

-- Every relation, as the table it was: the rows of relation_rows, then the
-- co-occurrences, which name the smaller entity id first so that the
-- documents naming one pair add up.
CREATE VIEW relations AS
SELECT r.doc_id * 16777216 + r.seq AS id, r.doc_id, r.sentence, gs.entity_id AS subject_id,
       (SELECT name FROM labels WHERE id = r.predicate) AS predicate, go.entity_id AS object_id,
       (SELECT name FROM labels WHERE id = r.kind) AS kind, r.start, r.end, r.confidence,
       (SELECT name FROM labels WHERE id = r.rule) AS rule, r.count, r.subject_idx, r.object_idx
  FROM relation_rows r
  JOIN doc_entities ds ON ds.doc_id = r.doc_id AND ds.idx = r.subject_idx
  JOIN name_groups gs ON gs.id = ds.group_id
  JOIN doc_entities do ON do.doc_id = r.doc_id AND do.idx = r.object_idx
  JOIN name_groups go ON go.id = do.group_id
UNION ALL
SELECT c.doc_id * 16777216 + c.seq, c.doc_id, c.sentence, min(gs.entity_id, go.entity_id),
       'co_occurs', max(gs.entity_id, go.entity_id), 'cooccurrence',
       coalesce(c.start, s.start), coalesce(c.start + c.len, s.end), 0.3, 'same-sentence', c.count,
       CASE WHEN gs.entity_id > go.entity_id THEN c.object_idx ELSE c.subject_idx END,
       CASE WHEN gs.entity_id > go.entity_id THEN c.subject_idx ELSE c.object_idx END
  FROM cooccurrence_rows c
  JOIN documents d ON d.id = c.doc_id
  JOIN sentences s ON s.id = d.first_sentence + c.sentence
  JOIN doc_entities ds ON ds.doc_id = c.doc_id AND ds.idx = c.subject_idx
  JOIN name_groups gs ON gs.id = ds.group_id
  JOIN doc_entities do ON do.doc_id = c.doc_id AND do.idx = c.object_idx
  JOIN name_groups go ON go.id = do.group_id;

CREATE VIEW entity_stats AS
SELECT e.id, e.name, e.type,
       (SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id) AS docs,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,
       (SELECT group_concat(alias, '; ')
          FROM (SELECT alias FROM aliases a WHERE a.entity_id = e.id ORDER BY a.mentions DESC, a.alias)) AS aliases
  FROM entities e;

CREATE VIEW mentions_text AS
SELECT d.path AS doc, m.sentence, m.start, m.end, m.text, m.type,
       e.name AS entity, m.entity_id, m.source, m.confidence, d.id AS doc_id, m.sentence_id
  FROM mentions m
  JOIN documents d ON d.id = m.doc_id
  JOIN entities e ON e.id = m.entity_id;

-- Relations with names and evidence, one view for each of the two tables
-- (typed_relations_text: relation_rows; cooccurrences_text:
-- cooccurrence_rows), so that a condition on a document or an entity
-- reaches their keys; relations_text is both.
CREATE VIEW typed_relations_text AS
SELECT d.path AS doc, r.sentence, es.name AS subject, (SELECT name FROM labels WHERE id = r.predicate) AS predicate,
       eo.name AS object, (SELECT name FROM labels WHERE id = r.kind) AS kind, r.confidence,
       (SELECT name FROM labels WHERE id = r.rule) AS rule, r.count, r.start, r.end,
       CAST(substr(CAST(t.text AS BLOB), r.start - t.start + 1, r.len) AS TEXT) AS evidence,
       gs.entity_id AS subject_id, go.entity_id AS object_id, r.doc_id * 16777216 + r.seq AS id, d.id AS doc_id
  FROM relation_rows r
  JOIN documents d ON d.id = r.doc_id
  JOIN sentences t ON t.id = d.first_sentence + r.sentence
  JOIN doc_entities ds ON ds.doc_id = r.doc_id AND ds.idx = r.subject_idx
  JOIN name_groups gs ON gs.id = ds.group_id
  JOIN doc_entities do ON do.doc_id = r.doc_id AND do.idx = r.object_idx
  JOIN name_groups go ON go.id = do.group_id
  JOIN entities es ON es.id = gs.entity_id
  JOIN entities eo ON eo.id = go.entity_id
 WHERE gs.entity_id <> go.entity_id;

CREATE VIEW cooccurrences_text AS
SELECT d.path AS doc, c.sentence, CASE WHEN gs.entity_id > go.entity_id THEN eo.name ELSE es.name END AS subject,
       'co_occurs' AS predicate, CASE WHEN gs.entity_id > go.entity_id THEN es.name ELSE eo.name END AS object,
       'cooccurrence' AS kind, 0.3 AS confidence, 'same-sentence' AS rule, c.count,
       coalesce(c.start, t.start) AS start, coalesce(c.start + c.len, t.end) AS end,
       CASE WHEN c.start IS NULL THEN t.text ELSE CAST(substr(CAST(t.text AS BLOB), c.start - t.start + 1, c.len) AS TEXT) END AS evidence,
       min(gs.entity_id, go.entity_id) AS subject_id, max(gs.entity_id, go.entity_id) AS object_id,
       c.doc_id * 16777216 + c.seq AS id, d.id AS doc_id
  FROM cooccurrence_rows c
  JOIN documents d ON d.id = c.doc_id
  JOIN sentences t ON t.id = d.first_sentence + c.sentence
  JOIN doc_entities ds ON ds.doc_id = c.doc_id AND ds.idx = c.subject_idx
  JOIN name_groups gs ON gs.id = ds.group_id
  JOIN doc_entities do ON do.doc_id = c.doc_id AND do.idx = c.object_idx
  JOIN name_groups go ON go.id = do.group_id
  JOIN entities es ON es.id = gs.entity_id
  JOIN entities eo ON eo.id = go.entity_id
 WHERE gs.entity_id <> go.entity_id;

CREATE VIEW relations_text AS
SELECT * FROM typed_relations_text
UNION ALL
SELECT * FROM cooccurrences_text;

CREATE VIEW relation_stats AS
SELECT subject, predicate, object, kind,
       count(DISTINCT doc_id) AS docs, sum(count) AS mentions,
       max(confidence) AS confidence, evidence, doc AS evidence_doc, rule,
       subject_id, object_id
  FROM relations_text
 GROUP BY subject_id, predicate, object_id, kind;

-- relation_stats of the relations that name one entity, as subject or
-- object: ask it for one entity_id, and it reads only the documents that
-- name that entity. Typed and open relations, then co-occurrences.
CREATE VIEW entity_relation_stats AS
SELECT e.id AS entity_id, r.subject, r.predicate, r.object, r.kind,
       count(DISTINCT r.doc_id) AS docs, sum(r.count) AS mentions,
       max(r.confidence) AS confidence, r.evidence, r.doc AS evidence_doc, r.rule,
       r.subject_id, r.object_id
  FROM entities e
  JOIN typed_relations_text r
    ON r.doc_id IN (SELECT de.doc_id FROM doc_entities de JOIN name_groups g ON g.id = de.group_id WHERE g.entity_id = e.id)
   AND (r.subject_id = e.id OR r.object_id = e.id)
 GROUP BY e.id, r.subject_id, r.predicate, r.object_id, r.kind
UNION ALL
SELECT e.id, r.subject, r.predicate, r.object, r.kind,
       count(DISTINCT r.doc_id), sum(r.count), max(r.confidence), r.evidence, r.doc, r.rule, r.subject_id, r.object_id
  FROM entities e
  JOIN cooccurrences_text r
    ON r.doc_id IN (SELECT de.doc_id FROM doc_entities de JOIN name_groups g ON g.id = de.group_id WHERE g.entity_id = e.id)
   AND (r.subject_id = e.id OR r.object_id = e.id)
 GROUP BY e.id, r.subject_id, r.object_id;

CREATE VIEW document_list AS
SELECT d.id, d.path, d.title, d.published, d.source, d.status, d.tokens, d.sentences,
       (SELECT count(*) FROM mention_rows m WHERE m.doc_id = d.id) AS mentions,
       d.title_from, d.published_from, d.source_from
  FROM documents d;

CREATE VIEW timeline AS
SELECT t.value AS date, t.end_value,
       coalesce(t.text, CAST(substr(CAST(s.text AS BLOB), t.start - s.start + 1, t.end - t.start) AS TEXT)) AS date_text,
       (SELECT name FROM labels WHERE id = t.resolved) AS resolved,
       d.path AS doc, d.title, s.idx AS sentence, s.text, s.furniture
  FROM dates t
  JOIN sentences s ON s.id = t.sentence_id
  JOIN documents d ON d.id = t.doc_id
 ORDER BY t.value, d.path, s.idx;
