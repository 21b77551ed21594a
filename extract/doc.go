// Package extract turns the text of one article into tokens, sentences,
// entity mentions, entities and relations, each carrying byte offsets into
// the original text.
//
// It is a pure library: no files, no database, no global state beyond
// read-only models loaded once. An Extractor is safe for concurrent use.
package extract
