// Package tagger is dossier's named-entity tagger: a structured averaged
// perceptron over BILOU labels with first-order Viterbi decoding.
//
// A Model finds PERSON, LOCATION and ORGANIZATION spans (or the types of a
// user-trained model) in the tokens of one sentence. Features are hashed into
// 64-bit keys and looked up in a flat open-addressing table, so tagging
// builds no strings and allocates little: it runs at several hundred
// thousand tokens per second on one core. The embedded model (Default) was
// trained by the generator in ./gen from the open-licensed corpora under
// testdata/training; Train, ReadCoNLL and Evaluate let users build and
// measure their own models, which Save and Load write and read.
package tagger

//go:generate go run ./gen -data ../../testdata/training -out model.bin.gz
