// Package view renders a dossier database for people to look at: a picture
// of the entity network (a self-contained HTML or SVG file, laid out here by
// a force-directed algorithm) and a local, read-only web view with pages for
// entities, documents (every mention highlighted and linked to its entity),
// the graph and full-text search over sentences.
//
// Everything the pages show comes from the articles, which are untrusted
// input: the templates are html/template, which escapes every value, and the
// few scripts are embedded in the binary, so nothing is fetched from the
// network at view time.
//
// All SQL of the web view is in queries.go; the graph is store.Graph.
package view
