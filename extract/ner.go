package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is an entity found by a Tagger: tokens [Start, End) of the words it
// was given, an entity type and a confidence in [0, 1].
type Span struct {
	Start      int
	End        int
	Type       string
	Confidence float64
}

// Tagger finds named-entity spans in the words of one sentence. Words are
// the token texts exactly as they appear in the document. Implementations
// must be safe for concurrent use.
type Tagger interface {
	Tag(words []string) []Span
	// Name identifies the tagger and its model; it is part of the
	// extractor version recorded with every document.
	Name() string
}

// personTitles are words that may precede a person's name inside a tagged
// span but are not part of the name ("Governor Gladkov", "President Putin").
var personTitles = wordSet(`mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady
	president vice-president governor gov gov. senator sen sen. rep rep. representative
	minister prime premier chancellor mayor king queen prince princess pope sheikh
	general gen gen. colonel col col. colonel-general lieutenant lt lt. major maj maj. captain capt capt.
	sergeant sgt sgt. commander admiral marshal brigadier field private corporal
	spokesman spokeswoman spokesperson spokesperson's secretary ambassador envoy
	chairman chairwoman director chief head leader founder ceo deputy adviser advisor speaker
	judge justice attorney lawyer officer commissioner inspector detective agent
	reverend rev rev. father bishop archbishop cardinal imam rabbi saint st st.
	journalist reporter analyst blogger commentator correspondent editor professor
	former late acting interim self-proclaimed self-styled then`)

// leadingDeterminers never start a name.
var leadingDeterminers = wordSet(`the a an this that these those his her its their our my your`)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// trimSpan narrows a tagged span to the name itself: it drops leading
// determiners, leading titles of people, leading and trailing punctuation,
// a trailing possessive, and common nouns in lower case after a capitalised
// name ("the Teamsters union", "Interfax news agency", "the Kharkiv
// derby"). It returns an empty span (start == end) when nothing name-like
// is left.
func trimSpan(toks []Token, start, end int, typ string) (int, int) {
	// A finite verb in lower case ends the name before it: the tagger ran
	// a name on over its verb ("the Foreign Ministry said Kyiv would").
	for i := start + 1; i < end-1; i++ {
		if finiteVerb(toks[i]) {
			end = i
			break
		}
	}
	for start < end {
		w := toks[start].Text
		switch {
		case isPunctWord(w):
		case inLower(leadingDeterminers, w):
		case typ == Person && inLower(personTitles, w) && end-start > 1:
		case end-start > 1 && leadingLowerWord(w) && startsUpper(toks[start+1].Text):
			// "the pro-business Democratic Alliance": a lower-case word
			// the tagger ran the name back over
		default:
			goto trimmedStart
		}
		start++
	}
trimmedStart:
	for end > start {
		w := toks[end-1].Text
		switch {
		case isPunctWord(w):
		case w == "'s" || w == "’s" || w == "'" || w == "’":
		case isLowerWord(w) && capitalisedBefore(toks, start, end-1):
		default:
			goto trimmedEnd
		}
		end--
	}
trimmedEnd:
	if start < end && !hasLetterOrDigit(toks, start, end) {
		return start, start
	}
	return start, end
}

// finiteVerb reports whether t is an English verb of reporting or an
// auxiliary, in lower case and in a tense ("said", "says", "is", "will"),
// which no name holds. (Lower-case words inside names of other languages,
// "Møre og Romsdal", "Zell am See", are not in the list, even when tagged
// as verbs.)
func finiteVerb(t Token) bool {
	switch t.Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return namelessVerbs[t.Text]
	}
	return false
}

// namelessVerbs are the verbs finiteVerb knows.
var namelessVerbs = wordSet(`said says say told tells added adds warned warns announced announces reported reports
	claimed claims denied denies confirmed confirms accused accuses urged urges is are was were has have had
	will would could can may might should must`)

// capitalisedBefore reports whether a token of toks[start:end] begins with
// a capital letter.
func capitalisedBefore(toks []Token, start, end int) bool {
	for i := start; i < end; i++ {
		if startsUpper(toks[i].Text) {
			return true
		}
	}
	return false
}

// isPunctWord reports whether w consists only of punctuation and symbols.
func isPunctWord(w string) bool {
	for _, r := range w {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return w != ""
}

func hasLetterOrDigit(toks []Token, start, end int) bool {
	for i := start; i < end; i++ {
		for _, r := range toks[i].Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// startsUpper reports whether w begins with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// leadingParticles, besides nameParticles, begin names in lower case: "bin
// Laden", "al Qaeda", "du Pont".
var leadingParticles = wordSet(`do du della des ter ten bin ibn al el ben abu`)

// leadingLowerWord reports whether w, at the start of a name, is a common
// word in lower case that is not part of it: all lower-case letters (and
// hyphens: "pro-business"), and no particle of names ("de Gaulle").
func leadingLowerWord(w string) bool {
	if w == "" || nameParticles[w] || leadingParticles[w] {
		return false
	}
	letters := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			letters = true
		case r == '-':
		default:
			return false
		}
	}
	return letters
}
