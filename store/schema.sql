-- Dossier store, schema version 1.
--
-- Offsets (start, end) are UTF-8 byte offsets into the original file,
-- half-open: the bytes [start, end) of the file are exactly the text.
-- Sentence numbers (sentence, idx) count from 0 within a document.

-- One row per file a run has seen: processed (status 'ok') or rejected
-- (status 'failed', with the reason in error).
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    path         TEXT    NOT NULL UNIQUE,  -- relative to the folder given to `dossier run`
    sha256       TEXT,                     -- hex digest of the bytes; NULL when unreadable
    size         INTEGER NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
    error        TEXT,                     -- why the file was rejected
    extractor    TEXT,                     -- version of the extraction rules and model
    tokens       INTEGER NOT NULL DEFAULT 0,
    processed_at TEXT    NOT NULL          -- UTC, RFC 3339
);

CREATE TABLE sentences (
    id     INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT    NOT NULL,
    UNIQUE (doc_id, idx)
);

-- Full-text index over sentences (FTS4, external content): `dossier search`.
CREATE VIRTUAL TABLE sentences_fts USING fts4(content="sentences", text);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (docid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete BEFORE DELETE ON sentences BEGIN
    DELETE FROM sentences_fts WHERE docid = old.id;
END;

-- One row per real-world entity across all documents.
CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,  -- canonical name: the fullest form seen
    type TEXT NOT NULL,  -- PERSON, LOCATION, ORGANIZATION, ...
    key  TEXT NOT NULL   -- normalised name (case, punctuation, possessive, "the")
);
CREATE INDEX entities_type_key ON entities (type, key);

-- Every surface form of an entity, with how many mentions use it.
CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT    NOT NULL,
    key       TEXT    NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases (key);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    source     TEXT    NOT NULL,  -- what found it: the tagger model, a rule, a list
    confidence REAL    NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc_id, start);
CREATE INDEX mentions_entity ON mentions (entity_id);

-- Relations between entities, one row per document and statement; the
-- evidence is the byte span [start, end) inside sentence `sentence`.
CREATE TABLE relations (
    id         INTEGER PRIMARY KEY,
    doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    subject_id INTEGER NOT NULL REFERENCES entities (id),
    predicate  TEXT    NOT NULL,
    object_id  INTEGER NOT NULL REFERENCES entities (id),
    kind       TEXT    NOT NULL CHECK (kind IN ('typed', 'open', 'cooccurrence')),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    confidence REAL    NOT NULL,
    rule       TEXT    NOT NULL DEFAULT '',  -- the pattern or verb phrase that produced it
    count      INTEGER NOT NULL DEFAULT 1    -- times the document states it
);
CREATE INDEX relations_doc ON relations (doc_id);
CREATE INDEX relations_subject ON relations (subject_id, predicate);
CREATE INDEX relations_object ON relations (object_id, predicate);

-- Views for reading by hand.

-- Entities with how many documents and mentions name them, and their aliases.
CREATE VIEW entity_stats AS
SELECT e.id, e.name, e.type,
       (SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id) AS docs,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,
       (SELECT group_concat(alias, '; ')
          FROM (SELECT alias FROM aliases a WHERE a.entity_id = e.id ORDER BY a.mentions DESC, a.alias)) AS aliases
  FROM entities e;

-- Every mention with its document path and entity name.
CREATE VIEW mentions_text AS
SELECT d.path AS doc, m.sentence, m.start, m.end, m.text, m.type,
       e.name AS entity, m.entity_id, m.source, m.confidence
  FROM mentions m
  JOIN documents d ON d.id = m.doc_id
  JOIN entities e ON e.id = m.entity_id;

-- Every relation with names, document path and evidence text.
CREATE VIEW relations_text AS
SELECT d.path AS doc, r.sentence, s.name AS subject, r.predicate, o.name AS object,
       r.kind, r.confidence, r.rule, r.count, r.start, r.end,
       CAST(substr(CAST(t.text AS BLOB), r.start - t.start + 1, r.end - r.start) AS TEXT) AS evidence,
       r.subject_id, r.object_id, r.id
  FROM relations r
  JOIN documents d ON d.id = r.doc_id
  JOIN entities s ON s.id = r.subject_id
  JOIN entities o ON o.id = r.object_id
  JOIN sentences t ON t.doc_id = r.doc_id AND t.idx = r.sentence;

-- Relations aggregated over documents: how many state each one, and the
-- evidence of the most confident statement.
CREATE VIEW relation_stats AS
SELECT subject, predicate, object, kind,
       count(DISTINCT doc) AS docs, sum(count) AS mentions,
       max(confidence) AS confidence, evidence, doc AS evidence_doc,
       subject_id, object_id
  FROM relations_text
 GROUP BY subject_id, predicate, object_id, kind;

CREATE VIEW failed_documents AS
SELECT path, error, size, processed_at FROM documents WHERE status = 'failed';
