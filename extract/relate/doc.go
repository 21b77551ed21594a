// Package relate is the learned relation extractor: a multiclass linear
// model that reads an ordered pair of entity mentions in one sentence and
// says which typed predicate (leads, member_of, part_of, located_in,
// based_in, lives_in, born_in, killed) links them, or none, with a
// calibrated confidence.
//
// The caller (package extract) turns each sentence into a row of units,
// one per token and one per entity mention, and adds what its hand-written
// patterns found as hints: the patterns become evidence the model weighs,
// not the only way to a relation. Candidates are bounded per mention (only
// pairs within MaxMentionGap mentions and MaxUnitGap units of each other),
// so a long list of names costs linear time.
//
// Features are hashed to 64-bit keys (extract/internal/featurehash) and
// looked up in one open-addressing table whose values index a flat weight
// array, so a prediction builds no strings and allocates nothing once its
// buffers have grown.
//
// Both learners are here: TrainLogistic (the one embedded) and
// TrainPerceptron. `go run ./gen -compare` trains each on four fifths of
// the development documents and scores the fifth; with the patterns and
// gold mentions the perceptron reached P 0.851 R 0.434 and the logistic
// regression P 0.904 R 0.383 at the same 0.7 threshold, but on the seed
// articles the perceptron added 7 false relations more (P 0.630 against
// 0.850): its probabilities, a softmax of margins, are less well
// calibrated away from Wikipedia text, so the logistic regression is used.
//
// The embedded model is trained by gen on the Re-DocRED development split
// (see testdata/training/README.md for its licence and attribution and the
// mapping of Wikidata properties to predicates) and on the training split
// of our own hand-written news sentences, testdata/relsents/train.txt to
// train4.txt, on their gold entities only (-news-ner=false; see
// testdata/relsents/README.md; its dev and test splits measure the model
// and are never trained on). Re-DocRED maps no property to killed, so the
// model learns that predicate from the news sentences alone. The patterns' findings are features, so a
// change to the patterns changes the model: regenerate it, and generation
// is deterministic, byte for byte:
//
//	go generate ./extract/relate
package relate

//go:generate go run ./gen -data ../../testdata/training/redocred-dev.json.gz -news-ner=false -out model.bin.gz
