-- Schema version 4: document identity by folder, and the linking index.
--
-- A document is the folder it was run from (its root) plus its path in
-- that folder. Entities are linked across documents through name groups:
-- every distinct way one document names one entity (its type and the set of
-- its normalised names) is one name group, and every name group belongs to
-- exactly one entity. Linking decides which groups form one entity from all
-- the groups in the store, so it does not depend on the order documents
-- were written in.

-- Folders given to `dossier run`, as cleaned absolute paths. Documents
-- written before version 4 belong to the root with the empty path until a
-- run claims it.
CREATE TABLE roots (
    id       INTEGER PRIMARY KEY,
    path     TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL
);

-- Small facts about the database itself (the digest of the aliases rules
-- last applied, ...).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Views are rebuilt below, after the tables they read.
DROP VIEW relation_stats;
DROP VIEW relations_text;
DROP VIEW mentions_text;
DROP VIEW failed_documents;
DROP VIEW entity_stats;

-- documents: path is now unique within its root only.
INSERT INTO roots (id, path, added_at)
SELECT 1, '', strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE EXISTS (SELECT 1 FROM documents);
CREATE TABLE documents_v4 (
    id           INTEGER PRIMARY KEY,
    root_id      INTEGER NOT NULL REFERENCES roots (id),
    path         TEXT    NOT NULL,         -- relative to the root, '/'-separated
    sha256       TEXT,                     -- hex digest of the bytes; NULL when unreadable
    size         INTEGER NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
    error        TEXT,                     -- why the file was rejected
    extractor    TEXT,                     -- version of the extraction rules and model
    tokens       INTEGER NOT NULL DEFAULT 0,
    processed_at TEXT    NOT NULL,         -- UTC, RFC 3339
    indexed      INTEGER NOT NULL DEFAULT 0, -- 1 once its sentences are in the full-text index
    UNIQUE (root_id, path)
);
INSERT INTO documents_v4 (id, root_id, path, sha256, size, status, error, extractor, tokens, processed_at, indexed)
SELECT id, 1, path, sha256, size, status, error, extractor, tokens, processed_at, 1 FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v4 RENAME TO documents;
CREATE INDEX documents_path ON documents (path);
-- The documents the full-text index does not hold yet.
CREATE INDEX documents_unindexed ON documents (id) WHERE indexed = 0;

-- The full-text index is fed in bulk at the end of a run (and when a
-- writing database is closed), for the documents not yet indexed, instead
-- of by a trigger per row: one large insert costs far less than many.
DROP TRIGGER sentences_fts_insert;
DROP TRIGGER sentences_fts_delete;

-- Name groups: one row per distinct (type, names) a document gives an
-- entity. names is the sorted set of normalised names joined by '|'.
CREATE TABLE name_groups (
    id        INTEGER PRIMARY KEY,
    type      TEXT    NOT NULL,
    names     TEXT    NOT NULL,
    name      TEXT    NOT NULL,  -- the name as the first document to use the group wrote it
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    docs      INTEGER NOT NULL,  -- documents that name an entity so
    mentions  INTEGER NOT NULL,
    founder   INTEGER NOT NULL DEFAULT 0,  -- its first document entity: doc_id * 1048576 + idx
    UNIQUE (type, names)
);
CREATE INDEX name_groups_entity ON name_groups (entity_id);

-- Surface forms of each name group, with their mention counts; the aliases
-- of an entity are the sums over its groups.
CREATE TABLE group_aliases (
    group_id INTEGER NOT NULL REFERENCES name_groups (id) ON DELETE CASCADE,
    alias    TEXT    NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (group_id, alias)
) WITHOUT ROWID;

-- The entities of one document as the document resolved them (idx counts
-- from 0 within the document), each with its name group.
CREATE TABLE doc_entities (
    doc_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    group_id INTEGER NOT NULL REFERENCES name_groups (id),
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX doc_entities_group ON doc_entities (group_id);

-- Spelling variants are found by the linking index now.
DROP INDEX aliases_variant;

-- Mentions and relations point at the document's own entities too, so
-- that relinking a name group moves exactly its rows.
ALTER TABLE mentions ADD COLUMN doc_entity INTEGER NOT NULL DEFAULT -1;
ALTER TABLE relations ADD COLUMN subject_idx INTEGER NOT NULL DEFAULT -1;
ALTER TABLE relations ADD COLUMN object_idx INTEGER NOT NULL DEFAULT -1;

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
       e.name AS entity, m.entity_id, m.source, m.confidence, d.id AS doc_id
  FROM mentions m
  JOIN documents d ON d.id = m.doc_id
  JOIN entities e ON e.id = m.entity_id;

-- Every relation with names, document path and evidence text. A relation
-- between two names of a document that turned out to be one entity is
-- left out.
CREATE VIEW relations_text AS
SELECT d.path AS doc, r.sentence, s.name AS subject, r.predicate, o.name AS object,
       r.kind, r.confidence, r.rule, r.count, r.start, r.end,
       CAST(substr(CAST(t.text AS BLOB), r.start - t.start + 1, r.end - r.start) AS TEXT) AS evidence,
       r.subject_id, r.object_id, r.id, d.id AS doc_id
  FROM relations r
  JOIN documents d ON d.id = r.doc_id
  JOIN entities s ON s.id = r.subject_id
  JOIN entities o ON o.id = r.object_id
  JOIN sentences t ON t.doc_id = r.doc_id AND t.idx = r.sentence
 WHERE r.subject_id <> r.object_id;

-- Relations aggregated over documents: how many state each one, and the
-- evidence of the most confident statement.
CREATE VIEW relation_stats AS
SELECT subject, predicate, object, kind,
       count(DISTINCT doc_id) AS docs, sum(count) AS mentions,
       max(confidence) AS confidence, evidence, doc AS evidence_doc, rule,
       subject_id, object_id
  FROM relations_text
 GROUP BY subject_id, predicate, object_id, kind;

CREATE VIEW failed_documents AS
SELECT r.path AS root, d.path, d.error, d.size, d.processed_at
  FROM documents d JOIN roots r ON r.id = d.root_id
 WHERE d.status = 'failed';
