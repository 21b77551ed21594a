-- Schema version 5: what a document says about itself, page furniture, and
-- the dates sentences name.

-- Title, publication date (ISO 8601) and source (an outlet or URL) as the
-- text gives them, each with where it was found ('front matter', 'heading',
-- 'first line', 'dated line', 'top of text', 'dateline', 'source line',
-- 'publication line'); '' when the text does not say.
ALTER TABLE documents ADD COLUMN title          TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN title_from     TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN published      TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN published_from TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN source         TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN source_from    TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_published ON documents (published);

-- 1 for page furniture (a caption, a credit, a "Read more" link, a share
-- prompt, an embedded post's signature): kept, but gives no relations.
ALTER TABLE sentences ADD COLUMN furniture INTEGER NOT NULL DEFAULT 0;

-- The dates a sentence names, normalised: value is '2023-05-22', '2023-05'
-- or, when no year can be told, '--05-22'; end_value closes a range.
-- resolved says where missing parts came from ('stated', 'publication
-- date', 'year in text', 'no year').
CREATE TABLE dates (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    end_value   TEXT    NOT NULL DEFAULT '',
    resolved    TEXT    NOT NULL
);
CREATE INDEX dates_value ON dates (value);
CREATE INDEX dates_sentence ON dates (sentence_id);

-- Documents with what they say about themselves and their counts.
CREATE VIEW document_list AS
SELECT d.id, d.path, d.title, d.published, d.source, d.status, d.tokens,
       (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,
       (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,
       d.title_from, d.published_from, d.source_from
  FROM documents d;

-- Every dated sentence with its document, in date order.
CREATE VIEW timeline AS
SELECT t.value AS date, t.end_value, t.text AS date_text, t.resolved,
       d.path AS doc, d.title, s.idx AS sentence, s.text, s.furniture
  FROM dates t
  JOIN sentences s ON s.id = t.sentence_id
  JOIN documents d ON d.id = t.doc_id
 ORDER BY t.value, d.path, s.idx;

