// Package gazetteer holds compact name lists for named-entity recognition:
// first names, countries, regions, cities, demonyms ("Russian",
// "Ukrainians"), companies, well-known organizations, and the cue words that
// head organization names ("Ministry", "Corps") or introduce people
// ("Governor", "spokesman").
//
// The NER tagger uses the classes of each token (Gazetteer.Word) and of
// multi-word spans (Gazetteer.Match) as features; rules use them to type
// uncertain names and to reject nationality adjectives, which are not
// entities.
//
// Default returns the lists embedded in the package, built by the generator
// in gen/ (go generate) from npm packages and the hand-written lists in
// lists/; NOTICE.md names every source and its licence. Parse reads lists in
// the same line format ("CLASS<TAB>name"), for example a user's own names.
//
// All look-ups ignore case and a trailing possessive "'s", except that
// abbreviations of two to four capitals ("US", "WHO") match only in capitals,
// since "us" and "who" are common words.
// A Gazetteer is read-only once loaded and safe for concurrent use.
//
// The package imports no other package of this repository.
package gazetteer
