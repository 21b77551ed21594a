-- Schema version 2: entity-resolution decisions.

-- An entity whose canonical name a user fixed (aliases file) keeps it.
ALTER TABLE entities ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;

-- A spelling-folded key of each alias ("graivoron" for Grayvoron and
-- Graivoron), for linking transliteration variants across documents.
ALTER TABLE aliases ADD COLUMN variant TEXT NOT NULL DEFAULT '';
CREATE INDEX aliases_variant ON aliases (variant);

-- Every merge or split decided beyond exact name matching, and why.
CREATE TABLE merges (
    id         INTEGER PRIMARY KEY,
    entity_id  INTEGER REFERENCES entities (id) ON DELETE SET NULL,  -- the entity that kept the name
    entity     TEXT    NOT NULL,  -- its name when decided
    decision   TEXT    NOT NULL CHECK (decision IN ('merged', 'split', 'renamed')),
    name       TEXT    NOT NULL,  -- the name merged in, split off, or the new canonical name
    rule       TEXT    NOT NULL,  -- 'aliases file' or 'spelling variant'
    detail     TEXT    NOT NULL DEFAULT '',
    decided_at TEXT    NOT NULL
);

CREATE VIEW merge_decisions AS
SELECT decided_at, entity, decision, name, rule, detail, entity_id FROM merges ORDER BY id;
