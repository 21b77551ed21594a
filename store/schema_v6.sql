-- Schema version 6: compact mention and relation rows.
--
-- Mentions and relations are most of a database's rows, and most of their
-- bytes were strings that repeat on every row (a mention's type and the
-- tagger or rule that found it, a relation's predicate, kind and rule) and a
-- mention's text, which its sentence already holds. Their rows now live in
-- mention_rows and relation_rows, which keep those strings as numbers of the
-- labels table; `mentions` and `relations` are views with the columns,
-- names and values they always had, so queries written for them keep
-- working, and they read no slower where they filter on an indexed column.

-- Every string that repeats in rows, once: entity types, mention sources,
-- predicates, relation kinds and rules.
CREATE TABLE labels (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

INSERT OR IGNORE INTO labels (name) SELECT DISTINCT type FROM mentions;
INSERT OR IGNORE INTO labels (name) SELECT DISTINCT source FROM mentions;
INSERT OR IGNORE INTO labels (name) SELECT DISTINCT predicate FROM relations;
INSERT OR IGNORE INTO labels (name) SELECT DISTINCT kind FROM relations;
INSERT OR IGNORE INTO labels (name) SELECT DISTINCT rule FROM relations;

-- One row per mention. The text is the bytes [start, end) of its sentence;
-- type and source are labels.
CREATE TABLE mention_rows (
    id         INTEGER PRIMARY KEY,
    doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    doc_entity INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    type       INTEGER NOT NULL,  -- labels.id
    source     INTEGER NOT NULL,  -- labels.id
    confidence REAL    NOT NULL
);
INSERT INTO mention_rows (id, doc_id, sentence, entity_id, doc_entity, start, end, type, source, confidence)
SELECT m.id, m.doc_id, m.sentence, m.entity_id, m.doc_entity, m.start, m.end,
       (SELECT id FROM labels WHERE name = m.type), (SELECT id FROM labels WHERE name = m.source), m.confidence
  FROM mentions m ORDER BY m.id;
DROP TABLE mentions;
CREATE INDEX mention_rows_doc ON mention_rows (doc_id, doc_entity);
CREATE INDEX mention_rows_entity ON mention_rows (entity_id);

-- One row per relation a document states; predicate, kind and rule are
-- labels.
CREATE TABLE relation_rows (
    id          INTEGER PRIMARY KEY,
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence    INTEGER NOT NULL,
    subject_id  INTEGER NOT NULL REFERENCES entities (id),
    subject_idx INTEGER NOT NULL,
    predicate   INTEGER NOT NULL,  -- labels.id
    object_id   INTEGER NOT NULL REFERENCES entities (id),
    object_idx  INTEGER NOT NULL,
    kind        INTEGER NOT NULL,  -- labels.id: typed, open or cooccurrence
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    confidence  REAL    NOT NULL,
    rule        INTEGER NOT NULL,  -- labels.id
    count       INTEGER NOT NULL DEFAULT 1
);
INSERT INTO relation_rows (id, doc_id, sentence, subject_id, subject_idx, predicate, object_id, object_idx,
                           kind, start, end, confidence, rule, count)
SELECT r.id, r.doc_id, r.sentence, r.subject_id, r.subject_idx, (SELECT id FROM labels WHERE name = r.predicate),
       r.object_id, r.object_idx, (SELECT id FROM labels WHERE name = r.kind), r.start, r.end, r.confidence,
       (SELECT id FROM labels WHERE name = r.rule), r.count
  FROM relations r ORDER BY r.id;
DROP TABLE relations;
CREATE INDEX relation_rows_doc ON relation_rows (doc_id);
CREATE INDEX relation_rows_subject ON relation_rows (subject_id);
CREATE INDEX relation_rows_object ON relation_rows (object_id);

-- Entities are looked up by their normalised name alone (dossier show, the
-- web view); linking reads name groups, not this index.
DROP INDEX entities_type_key;
CREATE INDEX entities_key ON entities (key);

-- Every mention, as the table it used to be: its text cut from its
-- sentence, its type and source by name.
CREATE VIEW mentions AS
SELECT m.id, m.doc_id, m.sentence, m.entity_id, m.start, m.end,
       (SELECT CAST(substr(CAST(s.text AS BLOB), m.start - s.start + 1, m.end - m.start) AS TEXT)
          FROM sentences s WHERE s.doc_id = m.doc_id AND s.idx = m.sentence) AS text,
       (SELECT name FROM labels WHERE id = m.type) AS type,
       (SELECT name FROM labels WHERE id = m.source) AS source,
       m.confidence, m.doc_entity
  FROM mention_rows m;

-- Every relation, as the table it used to be.
CREATE VIEW relations AS
SELECT r.id, r.doc_id, r.sentence, r.subject_id,
       (SELECT name FROM labels WHERE id = r.predicate) AS predicate,
       r.object_id,
       (SELECT name FROM labels WHERE id = r.kind) AS kind,
       r.start, r.end, r.confidence,
       (SELECT name FROM labels WHERE id = r.rule) AS rule,
       r.count, r.subject_idx, r.object_idx
  FROM relation_rows r;

-- The full-text index keeps no per-document sizes (matchinfo=fts3): only
-- ranking functions read them, and dossier's searches do not rank. It is
-- filled again, in one insert, when the database is next written or closed.
DROP TABLE sentences_fts;
CREATE VIRTUAL TABLE sentences_fts USING fts4(content="sentences", text, matchinfo=fts3);
UPDATE documents SET indexed = 0;
