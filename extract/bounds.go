package extract

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds on the work done for one document, whatever its text. A news
// sentence rarely reaches 80 tokens and a name rarely 10; text without
// sentence punctuation (a log, a list, a repeated word) must still cost
// time and space in proportion to its length.
const (
	// maxSentenceTokens is the most tokens a sentence may have: a longer
	// run is split at the best boundary within the last half of the
	// budget (see splitLong).
	maxSentenceTokens = 120
	// maxSentenceBytes bounds a sentence's bytes the same way, for text
	// whose tokens are very long.
	maxSentenceBytes = 4096
	// maxMentionTokens and maxMentionBytes bound a mention: a longer span
	// is not a name but a tagger running on through a list or a repeated
	// word, and is dropped.
	maxMentionTokens = 24
	maxMentionBytes  = 300
	// maxEvidenceBytes bounds the evidence of a co-occurrence: a longer
	// sentence gives as evidence the span from one mention to the other,
	// and pairs whose mentions lie further apart are not paired.
	maxEvidenceBytes = 500
)

// lineBreaks counts the line ends in gap, the white space between two
// tokens: "\n", "\r\n", a lone "\r" (old Mac files) and U+0085, U+2028
// each count one; U+2029 (paragraph separator) counts two.
func lineBreaks(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; {
		case c == '\n':
			n++
		case c == '\r':
			if i+1 == len(gap) || gap[i+1] != '\n' {
				n++
			}
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(gap[i:])
			switch r {
			case '\u0085', '\u2028':
				n++
			case '\u2029':
				n += 2
			}
			i += size - 1
		}
	}
	return n
}

// capSentences splits every sentence of sents longer than the bounds
// above into pieces that fit, and returns sents unchanged when none is.
func capSentences(text string, toks []Token, sents []Sentence) []Sentence {
	long := false
	for _, s := range sents {
		if tooLong(toks, s.FirstToken, s.EndToken) {
			long = true
			break
		}
	}
	if !long {
		return sents
	}
	out := make([]Sentence, 0, len(sents)+len(toks)/maxSentenceTokens)
	for _, s := range sents {
		first := s.FirstToken
		for tooLong(toks, first, s.EndToken) {
			cut := splitLong(text, toks, first, s.EndToken)
			out = append(out, Sentence{Start: toks[first].Start, End: toks[cut-1].End, FirstToken: first, EndToken: cut})
			first = cut
		}
		out = append(out, Sentence{Start: toks[first].Start, End: toks[s.EndToken-1].End, FirstToken: first, EndToken: s.EndToken})
	}
	return out
}

// tooLong reports whether tokens [first, end) exceed a sentence's bounds.
func tooLong(toks []Token, first, end int) bool {
	return end-first > maxSentenceTokens || end-first > 1 && toks[end-1].End-toks[first].Start > maxSentenceBytes
}

// splitLong returns where to end the first piece of the over-long run of
// tokens [first, end): the token index after the best boundary within the
// budget. Boundaries, best first: after a semicolon (or colon or dash),
// after a comma, before a conjunction, at a line break; failing all, at
// the budget itself. Only the second half of the budget is searched, so
// every piece has at least half the budget's tokens (or bytes).
func splitLong(text string, toks []Token, first, end int) int {
	limit := min(end, first+maxSentenceTokens)
	for limit > first+1 && toks[limit-1].End-toks[first].Start > maxSentenceBytes {
		limit--
	}
	lo := first + (limit-first+1)/2
	best, rank := limit, 0
	for i := limit - 1; i >= lo && rank < 4; i-- {
		// A cut at i ends the piece before toks[i].
		r := 0
		switch prev := toks[i-1].Text; {
		case prev == ";" || prev == ":" || prev == "—" || prev == "–":
			r = 4
		case prev == ",":
			r = 3
		case inLower(conjunctions, toks[i].Text):
			r = 2
		case lineBreaks(text[toks[i-1].End:toks[i].Start]) > 0:
			r = 1
		}
		if r > rank {
			best, rank = i, r
		}
	}
	return best
}

// conjunctions begin a new clause: a run-on sentence may be split before
// them.
var conjunctions = wordSet(`and but or nor yet so while whereas although though because since when after before
	which who where`)

// boundMentions drops the mentions longer than a name can be, in place.
func boundMentions(ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if m.End-m.Start <= maxMentionBytes && fieldCount(m.Text) <= maxMentionTokens {
			out = append(out, m)
		}
	}
	return out
}

// entityPair is an ordered pair of entity indexes: subject, object.
type entityPair struct{ a, b int }

// windowPairs calls pair once for each pair of distinct entities that have
// mentions in ms (one long sentence's, in text order) at most
// maxEvidenceBytes apart, with the span from the first such mention of the
// one to the other as evidence. Each mention is paired with the mentions
// of at most two other entities after it, so the work and the pairs grow
// linearly with the mentions.
func windowPairs(ms []Mention, pair func(p entityPair, start, end int)) {
	seen := make(map[entityPair]bool)
	for i, m := range ms {
		partners := 0
		for j := i + 1; j < len(ms) && partners < 2; j++ {
			n := ms[j]
			if n.End-m.Start > maxEvidenceBytes {
				break
			}
			if n.Entity == m.Entity {
				continue
			}
			partners++
			p := entityPair{m.Entity, n.Entity}
			if !seen[p] {
				seen[p] = true
				pair(p, m.Start, max(m.End, n.End))
			}
		}
	}
}

// pieceBytes is the size of the pieces a large document is extracted in
// (see extractPieces), so that the working memory of extraction is that of
// one piece, however large the document. News articles are far smaller:
// they are extracted whole. (A variable only so that tests can make pieces
// small.)
var pieceBytes = 1 << 20

// extractPieces extracts a text longer than pieceBytes piece by piece, cut
// at paragraph breaks where it has them (else at line breaks, else between
// words), and joins the pieces' results into one, as if the text had been
// extracted whole: offsets are offsets into text, sentence and token
// indexes run on across pieces. An entity of one piece joins the entity of
// an earlier piece that has the same type and one of its names (canonical
// name or alias); a relation stated in several pieces is one relation, its
// Count the sum and its evidence the first.
func (x *Extractor) extractPieces(text string) *Result {
	res := &Result{Tokens: make([]Token, 0, estimateTokens(text))}
	byName := make(map[string]int) // type + normalised name -> entity of res
	type relKey struct {
		subject, object int
		predicate, kind string
	}
	rels := make(map[relKey]int) // -> index in res.Relations
	for pos := 0; pos < len(text); {
		end := pieceEnd(text, pos)
		p := x.extractView(text[pos:end])
		tokBase, sentBase := len(res.Tokens), len(res.Sentences)
		for _, t := range p.Tokens {
			t.Start += pos
			t.End += pos
			res.Tokens = append(res.Tokens, t)
		}
		for _, s := range p.Sentences {
			res.Sentences = append(res.Sentences, Sentence{Start: s.Start + pos, End: s.End + pos,
				FirstToken: s.FirstToken + tokBase, EndToken: s.EndToken + tokBase})
		}
		ents := make([]int, len(p.Entities)) // entity of p -> entity of res
		for i, e := range p.Entities {
			ents[i] = joinEntity(res, byName, e)
		}
		for _, m := range p.Mentions {
			m.Start += pos
			m.End += pos
			m.Sentence += sentBase
			m.Entity = ents[m.Entity]
			res.Mentions = append(res.Mentions, m)
		}
		fresh := make(map[relKey]int) // relations first stated in this piece
		for _, r := range p.Relations {
			r.Subject, r.Object = ents[r.Subject], ents[r.Object]
			r.Sentence += sentBase
			r.Start += pos
			r.End += pos
			k := relKey{r.Subject, r.Object, r.Predicate, r.Kind}
			if i, ok := rels[k]; ok {
				res.Relations[i].Count += max(r.Count, 1)
				continue
			}
			if _, ok := fresh[k]; !ok {
				fresh[k] = len(res.Relations)
			}
			res.Relations = append(res.Relations, r)
		}
		maps.Copy(rels, fresh)
		pos = end
	}
	return res
}

// joinEntity adds e, an entity of one piece, to res: to the entity already
// there with the same type and one of e's names, else as a new one. It
// returns the entity's index in res.
func joinEntity(res *Result, byName map[string]int, e Entity) int {
	target := -1
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		if i, ok := byName[e.Type+"\x00"+NormalizeName(a)]; ok {
			target = i
			break
		}
	}
	if target < 0 {
		target = len(res.Entities)
		e.Aliases = append([]string(nil), e.Aliases...)
		res.Entities = append(res.Entities, e)
	} else {
		t := &res.Entities[target]
		if BetterName(e.Name, e.Mentions, t.Name, t.Mentions) {
			t.Name = e.Name
		}
		t.Mentions += e.Mentions
		for _, a := range e.Aliases {
			if !slices.Contains(t.Aliases, a) {
				t.Aliases = append(t.Aliases, a)
			}
		}
	}
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		k := e.Type + "\x00" + NormalizeName(a)
		if _, ok := byName[k]; !ok {
			byName[k] = target
		}
	}
	return target
}

// pieceEnd returns where the piece of text starting at pos ends: at most
// pieceBytes on, after the last paragraph break, else line break, else
// white space in the second half of that range; failing all, at the limit
// (moved back to the start of a UTF-8 character, if one is near).
func pieceEnd(text string, pos int) int {
	limit := pos + pieceBytes
	if limit >= len(text) {
		return len(text)
	}
	window := text[pos+pieceBytes/2 : limit]
	for _, sep := range []string{"\n\n", "\r\n\r\n", "\r\r", "\n", "\r", " ", "\t"} {
		if i := strings.LastIndex(window, sep); i >= 0 {
			return pos + pieceBytes/2 + i + len(sep)
		}
	}
	for back := 0; back < utf8.UTFMax-1 && limit > pos+1 && !utf8.RuneStart(text[limit]); back++ {
		limit--
	}
	return limit
}

// estimateTokens returns a close upper estimate of the number of tokens in
// text: its words plus its punctuation, which the tokenizer may split off
// as tokens of their own, and a margin, so that the tokens of a large
// document are gathered in one allocation without growing it.
func estimateTokens(text string) int {
	n, inWord := 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			inWord = false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsPunct(r) {
				n++
			} else if !inWord {
				inWord = true
				n++
			}
			i += size - 1
		case c < '0' || c > '9' && c < 'A' || c > 'Z' && c < 'a' || c > 'z':
			n++
		case !inWord:
			inWord = true
			n++
		}
	}
	return n + n/16 + 16
}
