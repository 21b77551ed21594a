-- Schema version 7: mention and relation rows name their document's
-- entity, not the entity it links to.
--
-- A mention row used to carry the id of its entity, and a relation row the
-- ids of its two entities. When linking gave a name group another entity
-- (new documents bring new evidence), every row of every document naming
-- the group was rewritten. Rows now point at the document's entity
-- (doc_entities: document and index), whose name group points at the
-- entity: a group moves to another entity by changing one name_groups row,
-- however many documents name it.
--
-- Rows are keyed by their document and their place among its mentions or
-- relations (seq) and kept WITHOUT ROWID, so they need no index of their
-- own: a document's rows, and a document entity's mentions, are a range of
-- the key. The views `mentions` and `relations` keep the columns they had;
-- their `id` is now doc_id * 16777216 + seq.
--
-- A co-occurrence pair is most of a database's relations, and its
-- predicate, confidence and rule are always co_occurs, 0.3 and
-- same-sentence: those columns hold NULL for these defaults.

CREATE TEMP TABLE v6_mentions AS SELECT * FROM mention_rows;
CREATE TEMP TABLE v6_relations AS SELECT * FROM relation_rows;
DROP VIEW mentions;
DROP VIEW relations;
DROP TABLE mention_rows;
DROP TABLE relation_rows;

-- One row per mention. The entity is that of its document entity's name
-- group; the text is the bytes [start, end) of its sentence; type and
-- source are labels.
CREATE TABLE mention_rows (
    doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc_entity INTEGER NOT NULL,  -- doc_entities.idx
    seq        INTEGER NOT NULL,  -- its place among the document's mentions
    sentence   INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    type       INTEGER NOT NULL,  -- labels.id
    source     INTEGER NOT NULL,  -- labels.id
    confidence REAL    NOT NULL,
    PRIMARY KEY (doc_id, doc_entity, seq)
) WITHOUT ROWID;
INSERT INTO mention_rows (doc_id, doc_entity, seq, sentence, start, end, type, source, confidence)
SELECT doc_id, doc_entity, row_number() OVER (PARTITION BY doc_id ORDER BY id) - 1, sentence, start, end, type, source, confidence
  FROM v6_mentions;

-- One row per relation a document states, its subject and object by their
-- index in doc_entities. predicate, confidence and rule are NULL when they
-- are co_occurs, 0.3 and same-sentence.
CREATE TABLE relation_rows (
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,  -- its place among the document's relations
    sentence    INTEGER NOT NULL,
    subject_idx INTEGER NOT NULL,  -- doc_entities.idx
    object_idx  INTEGER NOT NULL,  -- doc_entities.idx
    kind        INTEGER NOT NULL,  -- labels.id: typed, open or cooccurrence
    predicate   INTEGER,           -- labels.id; NULL: co_occurs
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    confidence  REAL,              -- NULL: 0.3
    rule        INTEGER,           -- labels.id; NULL: same-sentence
    count       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
INSERT OR IGNORE INTO labels (name) VALUES ('co_occurs'), ('same-sentence');
INSERT INTO relation_rows (doc_id, seq, sentence, subject_idx, object_idx, kind, predicate, start, end, confidence, rule, count)
SELECT doc_id, row_number() OVER (PARTITION BY doc_id ORDER BY id) - 1, sentence, subject_idx, object_idx, kind,
       nullif(predicate, (SELECT id FROM labels WHERE name = 'co_occurs')), start, end, nullif(confidence, 0.3),
       nullif(rule, (SELECT id FROM labels WHERE name = 'same-sentence')), count
  FROM v6_relations;
DROP TABLE v6_mentions;
DROP TABLE v6_relations;

-- Every mention, as the table it used to be: its entity through its
-- document entity, its text cut from its sentence, its type and source by
-- name.
CREATE VIEW mentions AS
SELECT m.doc_id * 16777216 + m.seq AS id, m.doc_id, m.sentence, g.entity_id, m.start, m.end,
       (SELECT CAST(substr(CAST(s.text AS BLOB), m.start - s.start + 1, m.end - m.start) AS TEXT)
          FROM sentences s WHERE s.doc_id = m.doc_id AND s.idx = m.sentence) AS text,
       (SELECT name FROM labels WHERE id = m.type) AS type,
       (SELECT name FROM labels WHERE id = m.source) AS source,
       m.confidence, m.doc_entity
  FROM mention_rows m
  JOIN doc_entities de ON de.doc_id = m.doc_id AND de.idx = m.doc_entity
  JOIN name_groups g ON g.id = de.group_id;

-- Every relation, as the table it used to be. A co-occurrence names the
-- smaller entity id first, so that the documents naming one pair add up.
CREATE VIEW relations AS
SELECT r.doc_id * 16777216 + r.seq AS id, r.doc_id, r.sentence,
       CASE WHEN r.kind = (SELECT id FROM labels WHERE name = 'cooccurrence') AND gs.entity_id > go.entity_id THEN go.entity_id ELSE gs.entity_id END AS subject_id,
       coalesce((SELECT name FROM labels WHERE id = r.predicate), 'co_occurs') AS predicate,
       CASE WHEN r.kind = (SELECT id FROM labels WHERE name = 'cooccurrence') AND gs.entity_id > go.entity_id THEN gs.entity_id ELSE go.entity_id END AS object_id,
       (SELECT name FROM labels WHERE id = r.kind) AS kind,
       r.start, r.end, coalesce(r.confidence, 0.3) AS confidence,
       coalesce((SELECT name FROM labels WHERE id = r.rule), 'same-sentence') AS rule,
       r.count,
       CASE WHEN r.kind = (SELECT id FROM labels WHERE name = 'cooccurrence') AND gs.entity_id > go.entity_id THEN r.object_idx ELSE r.subject_idx END AS subject_idx,
       CASE WHEN r.kind = (SELECT id FROM labels WHERE name = 'cooccurrence') AND gs.entity_id > go.entity_id THEN r.subject_idx ELSE r.object_idx END AS object_idx
  FROM relation_rows r
  JOIN doc_entities ds ON ds.doc_id = r.doc_id AND ds.idx = r.subject_idx
  JOIN name_groups gs ON gs.id = ds.group_id
  JOIN doc_entities do ON do.doc_id = r.doc_id AND do.idx = r.object_idx
  JOIN name_groups go ON go.id = do.group_id;

-- relations_text and relation_stats (schema 4) read `relations` by name and
-- keep working over the new view.

-- relation_stats of the relations that name one entity, as subject or
-- object: ask it for one entity_id, and it reads only the documents that
-- name that entity, where relation_stats reads every relation.
CREATE VIEW entity_relation_stats AS
SELECT e.id AS entity_id, r.subject, r.predicate, r.object, r.kind,
       count(DISTINCT r.doc_id) AS docs, sum(r.count) AS mentions,
       max(r.confidence) AS confidence, r.evidence, r.doc AS evidence_doc, r.rule,
       r.subject_id, r.object_id
  FROM entities e
  JOIN relations_text r
    ON r.doc_id IN (SELECT de.doc_id FROM doc_entities de JOIN name_groups g ON g.id = de.group_id WHERE g.entity_id = e.id)
   AND (r.subject_id = e.id OR r.object_id = e.id)
 GROUP BY e.id, r.subject_id, r.predicate, r.object_id, r.kind;
