-- Schema version 3: relation_stats names the rule of its best evidence.
DROP VIEW relation_stats;
CREATE VIEW relation_stats AS
SELECT subject, predicate, object, kind,
       count(DISTINCT doc) AS docs, sum(count) AS mentions,
       max(confidence) AS confidence, evidence, doc AS evidence_doc, rule,
       subject_id, object_id
  FROM relations_text
 GROUP BY subject_id, predicate, object_id, kind;
