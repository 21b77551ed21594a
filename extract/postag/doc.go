// Package postag is dossier's part-of-speech tagger: a greedy, left-to-right
// averaged perceptron over Penn Treebank tags.
//
// Tag labels the tokens of one sentence. Features (the lower-cased word,
// its suffixes, prefix and shape, capitalisation, the two words on either
// side and the two previous predicted tags) are hashed into 64-bit keys and
// looked up in a flat open-addressing table holding sparse rows of weights;
// the features that depend only on the previous tags are folded into one
// dense table. Frequent unambiguous words are tagged from a dictionary.
// Tagging builds no strings and allocates only its result, so it runs at
// well over a million tokens per second on one core, and the embedded model
// decodes in a few tens of milliseconds.
//
// # Tags
//
// The tag set is the Penn Treebank's as produced by prose v2
// (github.com/jdkato/prose/v2), which dossier used before, so that rules
// written against prose's tags keep working. ReadCoNLLU maps the XPOS tags of
// GUM / Universal Dependencies English to that convention:
//
//	-LRB-, -RRB-   ->  (  )   brackets of every kind, as prose tags them
//	the token "-"  ->  -      prose tags a lone hyphen "-" whatever GUM says (HYPH or :)
//	"to" IN        ->  TO     the Penn Treebank and prose tag every "to" TO; GUM tags the preposition IN
//	HYPH (others)  ->  :      other hyphen-like tokens ("–"); prose has no HYPH
//	NFP            ->  SYM    emoticons, "***": prose tags emoticons SYM
//	ADD            ->  NN     URLs, e-mail addresses: prose tags them NN
//	AFX            ->  JJ     split-off prefixes ("pre", "anti"), as prose tags "anti"
//	GW, XX         ->  FW     pieces of split words, unclassifiable tokens
//	VERB           ->  VBG    two annotation slips in GUM (XPOS "VERB" on "getting")
//
// Every other tag is kept as it is. Prose's own rules that tag "0" and "*"
// as -NONE- are not imitated.
//
// # Training data and attribution
//
// The embedded model (Default) is trained by the generator in ./gen
// (go generate) on the XPOS annotation of the GUM corpus's genres with open
// licences (testdata/training/gum-open.conllu.gz): Zeldes, A. (2017), "The
// GUM Corpus: Creating Multilayer Resources in the Classroom", Language
// Resources and Evaluation 51(3). GUM has no news, so the generator adds
// about 400,000 tokens of news-like and encyclopaedic sentences from the
// NER training corpora (CrossNER politics, Wikigold, Re-DocRED, BTC news
// tweets) tagged by prose's tagger, which was trained on newswire: the model
// learns prose's conventions on such text at a tenth of its cost. GUM's
// annotations are CC BY 4.0, its texts carry per-genre licences; see
// testdata/training/README.md for the sources, licences and full
// attribution of every corpus.
package postag

//go:generate go run ./gen -data ../../testdata/training/gum-open.conllu.gz -splits gen/gum-splits.tsv -seeds ../../testdata/seeds -out model.bin.gz
