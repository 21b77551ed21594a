package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./gen -npm /tmp/gaz

// embedded is the generated list: gzip-compressed lines "CLASS<TAB>name".
//
//go:embed gazetteer.txt.gz
var embedded []byte

// Class is a set of name classes, one bit each. A name can belong to several
// classes: "Georgia" is a Country, a Region and a FirstName.
type Class uint16

// The classes of names. Each is one bit of a Class.
const (
	// FirstName is a given name ("John", "Mary", "Vyacheslav").
	FirstName Class = 1 << iota
	// Country is a country's name, short form or former name ("Russia",
	// "Russian Federation", "U.S.", "Britain", "Soviet Union").
	Country
	// Region is a first- or second-level administrative division ("Belgorod
	// Oblast", "Belgorod", "Texas", "Suffolk County") or a larger
	// geographic region, sea, river or mountain range ("Middle East",
	// "Black Sea", "Donbas").
	Region
	// City is a city, town or village ("Moscow", "Kyiv", "Kiev", "Shebekino").
	City
	// Demonym is a nationality or group adjective or noun ("Russian",
	// "Ukrainians", "British", "Frenchmen"); such words are not entities.
	Demonym
	// Company is a company name or a word of one ("Gazprom", "Boeing").
	Company
	// Org is a well-known organization that is not a company: international
	// bodies, government agencies, armed forces and groups, news media
	// ("NATO", "FSB", "Pentagon", "Reuters").
	Org
	// OrgSuffix is a word that heads or ends organization names ("Ministry",
	// "Corps", "Legion", "Institute", "Inc.").
	OrgSuffix
	// PersonTitle is a title, rank or role that comes with a person's name
	// ("President", "Governor", "spokesman", "Colonel-General", "Mr.").
	PersonTitle

	lastClass = PersonTitle
)

// Place is the union of the location classes Country, Region and City, for
// use with Class.Has.
const Place = Country | Region | City

// classNames holds the name of each class bit, lowest bit first.
var classNames = [...]string{
	"FirstName", "Country", "Region", "City", "Demonym", "Company", "Org", "OrgSuffix", "PersonTitle",
}

// Has reports whether c shares any class with o: c.Has(City) is true for a
// city, c.Has(Place) for any location.
func (c Class) Has(o Class) bool { return c&o != 0 }

// String returns the names of the classes in c joined by "|" (lowest bit
// first, as in "Region|City"), or "None" for the empty set. Parse reads the
// same form.
func (c Class) String() string {
	if c == 0 {
		return "None"
	}
	var b strings.Builder
	for i, name := range classNames {
		if c&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(name)
		}
	}
	if rest := c &^ (lastClass<<1 - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		fmt.Fprintf(&b, "Class(%#x)", uint16(rest))
	}
	return b.String()
}

// parseClass reads a Class as String writes it; names are case-insensitive.
func parseClass(s string) (Class, error) {
	var c Class
	for part := range strings.SplitSeq(s, "|") {
		part = strings.TrimSpace(part)
		found := false
		for i, name := range classNames {
			if strings.EqualFold(part, name) {
				c |= 1 << i
				found = true
				break
			}
		}
		if !found {
			return 0, fmt.Errorf("unknown class %q", part)
		}
	}
	return c, nil
}

// ErrSyntax is returned (wrapped, with the line number) by Parse for a line
// that is not "CLASS<TAB>name" with known class names and a non-empty name.
var ErrSyntax = errors.New("bad gazetteer line")

// Gazetteer maps names to their classes. It is read-only once built, so one
// Gazetteer can serve any number of goroutines.
type Gazetteer struct {
	// t holds, by key (see Normalize), the classes of every name, those
	// of the abbreviations that match only in capitals (see capsOnly),
	// and for the first word of every multi-word key the largest number
	// of words of a key that starts with it.
	t *nameTable
	n int // distinct names and abbreviations
	// memo, when not nil, remembers the matches of recent sentences
	// (see matchMemo).
	memo *matchMemo
}

// Match is a name found by Gazetteer.Match: tokens [Start, End) of the
// input, and the classes of the name they spell.
type Match struct {
	Start, End int
	Class      Class
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer embedded in the package, decoded on the first
// call and shared afterwards. It panics if the embedded data is corrupt,
// which the package's tests rule out.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := Parse(bytes.NewReader(embedded))
		if err != nil {
			panic("gazetteer: decode embedded data: " + err.Error())
		}
		g.memo = new(matchMemo)
		defaultGaz = g
	})
	return defaultGaz
}

// Parse reads a gazetteer in the embedded data's format: UTF-8 lines
// "CLASS<TAB>name", where CLASS is one class name or several joined by "|"
// ("City", "Region|City"; see Class.String). Blank lines and lines starting
// with '#' are skipped; a name listed twice gets the union of its classes.
// A name written as one word of two to four capital letters ("US", "WHO")
// is an abbreviation that matches only in capitals, since its lower-case
// form is often a common word ("us", "who"); all other names match in any
// case. Input compressed with gzip is recognised and decompressed.
func Parse(r io.Reader) (*Gazetteer, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("open gzip stream: %w", err)
		}
		defer zr.Close()
		return parse(zr)
	}
	return parse(br)
}

// parse reads uncompressed lines. All keys are written into one buffer and
// turned into one string, so the map's keys share a single allocation.
func parse(r io.Reader) (*Gazetteer, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	text := string(data)
	data = nil

	type entry struct {
		end   int // end of the key in keys; it starts where the previous one ends
		class Class
		caps  bool // matched only in capitals
	}
	entries := make([]entry, 0, strings.Count(text, "\n")+1)
	keys := make([]byte, 0, len(text))
	multi := 0 // keys of more than one word
	prevClass, prevClassText := Class(0), ""
	for lineNo := 1; text != ""; lineNo++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		tab := strings.IndexByte(line, '\t')
		if tab < 0 {
			return nil, fmt.Errorf("line %d: no tab: %w", lineNo, ErrSyntax)
		}
		class := prevClass
		if line[:tab] != prevClassText || prevClassText == "" {
			c, err := parseClass(line[:tab])
			if err != nil {
				return nil, fmt.Errorf("line %d: %v: %w", lineNo, err, ErrSyntax)
			}
			class, prevClass, prevClassText = c, c, line[:tab]
		}
		name := line[tab+1:]
		n := len(keys)
		keys = appendKey(keys, name)
		if len(keys) == n {
			return nil, fmt.Errorf("line %d: empty name: %w", lineNo, ErrSyntax)
		}
		if bytes.IndexByte(keys[n:], ' ') >= 0 {
			multi++
		}
		entries = append(entries, entry{end: len(keys), class: class, caps: capsOnly(strings.TrimSpace(name))})
	}

	all := string(keys)
	b := newTableBuilder(len(entries) + multi/2)
	// Keys with the same first word come in runs when the input is sorted,
	// as the embedded list is: the first word's slot is updated once per
	// run.
	runWord, runMax, runLens := "", 0, uint32(0)
	flush := func() {
		if runWord == "" {
			return
		}
		s := b.slot(runWord)
		if uint8(runMax) > s.first {
			s.first = uint8(runMax)
		}
		s.lens |= runLens
	}
	start := 0
	for _, e := range entries {
		key := all[start:e.end]
		start = e.end
		s := b.slot(key)
		if e.caps {
			s.caps, s.flags = s.caps|e.class, s.flags|hasCaps
			continue
		}
		s.names, s.flags = s.names|e.class, s.flags|hasName
		if sp := strings.IndexByte(key, ' '); sp > 0 {
			if key[:sp] != runWord {
				flush()
				runWord, runMax, runLens = key[:sp], 0, 0
			}
			words := strings.Count(key, " ") + 1
			runMax = max(runMax, min(words, 255))
			runLens |= 1 << min(words, 31)
		}
	}
	flush()
	n := 0
	for i := range b.slots {
		if b.slots[i].flags&hasName != 0 {
			n++
		}
		if b.slots[i].flags&hasCaps != 0 {
			n++
		}
	}
	return &Gazetteer{t: b.table(), n: n}, nil
}

// Len returns the number of distinct names in g: names that differ only in
// case count once, except abbreviations matched only in capitals.
func (g *Gazetteer) Len() int { return g.n }

// capsOnly reports whether a name as written is an abbreviation matched only
// in capitals: one word of two to four ASCII capital letters.
func capsOnly(name string) bool {
	if len(name) < 2 || len(name) > 4 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] < 'A' || name[i] > 'Z' {
			return false
		}
	}
	return true
}

// capsWord reports whether the word w, without a leading "the" and a
// trailing possessive, is written as capsOnly abbreviations are.
func capsWord(w string) bool {
	w = strings.TrimSpace(w)
	if len(w) > 4 && strings.EqualFold(w[:4], "the ") {
		w = strings.TrimSpace(w[4:])
	}
	for _, s := range [...]string{"'s", "\u2019s"} {
		if stem, ok := strings.CutSuffix(w, s); ok {
			w = stem
			break
		}
	}
	return capsOnly(w)
}

// maxFastWord is the longest token Word looks up without allocating.
const maxFastWord = 64

// slowByte marks the ASCII bytes that Word's fast path cannot handle:
// white space and the punctuation that Normalize splits off.
var slowByte = [utf8.RuneSelf]bool{
	' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true,
	',': true, '(': true, ')': true, ';': true, ':': true, '"': true, '[': true, ']': true,
}

// Word returns the classes of the token w as a one-word name ("Russia",
// "russians", "U.S."), or 0. Case is ignored, except that abbreviations
// listed in capitals match only in capitals ("US" but not "us"; see Parse);
// curly apostrophes count as straight ones, and a trailing possessive "'s"
// that is not part of a name is ignored ("Russia's"). Word does not allocate
// for ASCII tokens of up to 64 bytes.
func (g *Gazetteer) Word(w string) Class {
	if len(w) <= maxFastWord {
		var buf [maxFastWord]byte
		n := 0
		for ; n < len(w); n++ {
			c := w[n]
			if c >= utf8.RuneSelf || slowByte[c] {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
		}
		if n == len(w) {
			if c, ok := g.classOf(buf[:n], capsOnly(w)); ok {
				return c
			}
			if n > 2 && buf[n-2] == '\'' && buf[n-1] == 's' {
				c, _ := g.classOf(buf[:n-2], capsOnly(w[:n-2]))
				return c
			}
			return 0
		}
	}
	return g.lookup(Normalize(w), capsWord(w))
}

// Lookup returns the classes of a whole name ("Belgorod Oblast", "new  york",
// "Russia's", "the Netherlands"), or 0. The name is compared by its key (see
// Normalize), and abbreviations as in Word; a trailing possessive "'s" and a
// leading "the" are dropped when the name is not found with them.
func (g *Gazetteer) Lookup(name string) Class {
	key, caps := Normalize(name), capsWord(name)
	if c := g.lookup(key, caps); c != 0 {
		return c
	}
	if rest, ok := strings.CutPrefix(key, "the "); ok {
		return g.lookup(rest, caps)
	}
	return 0
}

// lookup returns the classes of key, or of key without a possessive "'s";
// caps says whether the name was written as a capitals-only abbreviation.
func (g *Gazetteer) lookup(key string, caps bool) Class {
	if s := g.t.get(key); s != nil {
		if c, ok := s.classes(caps); ok {
			return c
		}
	}
	if stem, cut := cutPossessive(key); cut {
		if s := g.t.get(stem); s != nil {
			c, _ := s.classes(caps)
			return c
		}
	}
	return 0
}

// classOf is lookup's first step for a key held in a byte slice: the
// classes of key as a name, and as an abbreviation when caps, and whether
// it is either.
func (g *Gazetteer) classOf(key []byte, caps bool) (Class, bool) {
	if s := g.t.getBytes(key); s != nil {
		return s.classes(caps)
	}
	return 0, false
}

// classes returns the classes of the slot's key as a name, and as an
// abbreviation when caps, and whether it is either.
func (s *nameSlot) classes(caps bool) (Class, bool) {
	c, ok := s.names, s.flags&hasName != 0
	if caps && s.flags&hasCaps != 0 {
		c, ok = c|s.caps, true
	}
	return c, ok
}

// cutPossessive returns key without a trailing "'s" (and the space before it,
// if the "'s" was a word of its own), if what remains is not empty.
func cutPossessive(key string) (string, bool) {
	stem, ok := strings.CutSuffix(key, "'s")
	if !ok {
		return "", false
	}
	stem = strings.TrimSuffix(stem, " ")
	return stem, stem != ""
}

// Match finds the names in a sequence of tokens: scanning left to right, at
// each token it takes the longest name that starts there, records it and
// continues after it, so matches never overlap. It returns nil if there is
// no match. Comparison is as for Word;
// the last token of a match may carry a possessive "'s" ("Oblast's"). Names
// with punctuation compare by their keys (see Normalize), so the tokens
// "Washington" "," "D.C." match "Washington, D.C.".
func (g *Gazetteer) Match(words []string) []Match {
	if len(words) == 0 {
		return nil
	}
	sc := matchPool.Get().(*matchScratch)
	defer matchPool.Put(sc)
	if g.memo == nil {
		return g.match(sc, words)
	}
	h := sc.setSentence(words)
	slot := &g.memo.slots[h&(memoSize-1)]
	if e := slot.Load(); e != nil && e.h == h && bytes.Equal(e.text, sc.text) && slices.Equal(e.lens, sc.lens) {
		if slot.CompareAndSwap(e, nil) {
			return e.out // no one else holds it
		}
		return slices.Clone(e.out)
	}
	out := g.match(sc, words)
	slot.Store(&memoEntry{h: h, text: bytes.Clone(sc.text), lens: slices.Clone(sc.lens), out: slices.Clone(out)})
	return out
}

// memoSize is the number of sentences a matchMemo remembers.
const memoSize = 4096

// matchMemo remembers the matches of recent sentences, direct-mapped by
// the hash of their words: a document's sentences are matched by the
// entity tagger, then again by the document rules. An entry serves one
// look-up and is then dropped, so the memo saves that second look-up and
// no more (a sentence repeated in another document is matched afresh).
// Entries are never changed once stored, so goroutines share the memo
// without locks.
type matchMemo struct {
	slots [memoSize]atomic.Pointer[memoEntry]
}

// memoEntry is one sentence of a matchMemo: its words, one after another
// in text with their lengths in lens, and their matches.
type memoEntry struct {
	h    uint64
	text []byte
	lens []uint32
	out  []Match
}

// memoSeed seeds the hashes of sentences in every matchMemo.
var memoSeed = maphash.MakeSeed()

// setSentence sets sc.text and sc.lens to words and returns their hash.
func (sc *matchScratch) setSentence(words []string) uint64 {
	sc.text, sc.lens = sc.text[:0], sc.lens[:0]
	for _, w := range words {
		sc.text = append(sc.text, w...)
		sc.lens = append(sc.lens, uint32(len(w)))
	}
	var h maphash.Hash
	h.SetSeed(memoSeed)
	h.Write(sc.text)
	for _, n := range sc.lens {
		h.WriteByte(byte(n))
		h.WriteByte(byte(n >> 8))
		h.WriteByte(byte(n >> 16))
		h.WriteByte(byte(n >> 24))
	}
	return h.Sum64()
}

// match is Match without the memo.
func (g *Gazetteer) match(sc *matchScratch, words []string) []Match {
	sc.keys.Set(words)
	return g.matchKeys(words, &sc.keys, &sc.buf, nil)
}

// Keys holds the keys (see Normalize) of the words of one sentence, so
// that several gazetteers can match the sentence (MatchKeys) while its
// words are normalised once. The zero value is ready for Set.
type Keys struct {
	// The keys of all words, one after another: word i's is
	// kb[ends[i-1]:ends[i]].
	kb   []byte
	ends []int
	buf  []byte // MatchKeys' buffer of candidate names
}

// Set makes k hold the keys of words, reusing k's memory.
func (k *Keys) Set(words []string) {
	kb, ends := k.kb[:0], k.ends[:0]
	for _, w := range words {
		kb = appendKey(kb, w)
		ends = append(ends, len(kb))
	}
	k.kb, k.ends = kb, ends
}

// key returns the key of word i.
func (k *Keys) key(i int) []byte {
	if i == 0 {
		return k.kb[:k.ends[0]]
	}
	return k.kb[k.ends[i-1]:k.ends[i]]
}

// MatchKeys is Match for words whose keys k holds (after k.Set(words)),
// without the memo: it appends the matches to out and returns the
// extended slice (nil when out is nil and nothing matches).
func (g *Gazetteer) MatchKeys(words []string, k *Keys, out []Match) []Match {
	if len(words) == 0 {
		return out
	}
	return g.matchKeys(words, k, &k.buf, out)
}

// matchKeys is MatchKeys with the buffer of candidate names in *bufp.
func (g *Gazetteer) matchKeys(words []string, k *Keys, bufp *[]byte, out []Match) []Match {
	buf := (*bufp)[:0]
	for i := 0; i < len(words); {
		ki := k.key(i)
		if len(ki) == 0 {
			i++
			continue
		}
		slot := g.t.getBytes(ki)
		maxN := 1
		if slot != nil && slot.first != 0 {
			maxN = int(slot.first)
		}
		maxN = min(maxN, len(words)-i)
		for j := i + 1; j < i+maxN; j++ {
			if len(k.key(j)) == 0 {
				maxN = j - i
				break
			}
		}
		// Multi-word candidates, longest first, then the token alone
		// through lookup, which also knows abbreviations. While the keys
		// are single words, a candidate of a length no name that starts
		// with the first has cannot match: it is not looked up.
		single := 0 // keys[i:i+single] are single words
		for single < maxN && bytes.IndexByte(k.key(i+single), ' ') < 0 {
			single++
		}
		n, class := 0, Class(0)
		for try := maxN; try >= 2 && class == 0; try-- {
			if try <= single && try < 31 && slot.lens&(1<<try) == 0 {
				continue
			}
			buf = buf[:0]
			for j := i; j < i+try; j++ {
				if j > i {
					buf = append(buf, ' ')
				}
				buf = append(buf, k.key(j)...)
			}
			if c, ok := g.t.nameBytes(buf); ok {
				n, class = try, c
			} else if last := k.key(i + try - 1); len(last) > 2 && bytes.HasSuffix(last, []byte("'s")) {
				if c, _ := g.t.nameBytes(buf[:len(buf)-2]); c != 0 {
					n, class = try, c
				}
			}
		}
		if class == 0 {
			n, class = 1, g.lookupSlot(slot, ki, capsWord(words[i]))
		}
		if class == 0 {
			i++
			continue
		}
		out = append(out, Match{Start: i, End: i + n, Class: class})
		i += n
	}
	*bufp = buf
	return out
}

// matchScratch holds Match's buffers between calls.
type matchScratch struct {
	keys Keys
	buf  []byte
	text []byte   // the words of the sentence (setSentence)
	lens []uint32 // their lengths
}

var matchPool = sync.Pool{New: func() any { return new(matchScratch) }}

// lookupSlot is lookup for a key held in a byte slice whose slot (nil if
// absent) is known.
func (g *Gazetteer) lookupSlot(s *nameSlot, key []byte, caps bool) Class {
	if s != nil {
		if c, ok := s.classes(caps); ok {
			return c
		}
	}
	if stem, ok := bytes.CutSuffix(key, []byte("'s")); ok {
		stem = bytes.TrimSuffix(stem, []byte(" "))
		if len(stem) == 0 {
			return 0
		}
		if s := g.t.getBytes(stem); s != nil {
			c, _ := s.classes(caps)
			return c
		}
	}
	return 0
}

// Normalize returns the key under which a name is stored and looked up:
// lower case (Unicode), curly apostrophes and quotes made straight, dashes
// made hyphens, the punctuation , ; : ( ) [ ] " split off as words of their
// own, and words separated by single spaces. So "Washington, D.C." becomes
// "washington , d.c." and "Côte d’Ivoire" becomes "côte d'ivoire". Keys
// that differ only in accents are different names; the generated lists
// carry unaccented spellings too.
func Normalize(name string) string {
	if isKey(name) {
		return name
	}
	return string(appendKey(nil, name))
}

// isKey reports whether s is already normalised: lower-case ASCII words
// without split punctuation, separated by single spaces.
func isKey(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z':
			return false
		case c == ' ':
			if s[i-1] == ' ' {
				return false
			}
		case slowByte[c]:
			return false
		}
	}
	return true
}

// appendKey appends the key of s (see Normalize) to dst.
func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a word separator is pending
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			r = foldPunct(r)
		}
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' ||
			r >= utf8.RuneSelf && unicode.IsSpace(r):
			space = true
			continue
		case r < utf8.RuneSelf && slowByte[r]:
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			dst = append(dst, byte(r))
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		switch {
		case 'A' <= r && r <= 'Z':
			dst = append(dst, byte(r+'a'-'A'))
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// foldPunct maps typographic apostrophes, quotes, dashes and spaces to their
// ASCII forms.
func foldPunct(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u201B', '\u02BC', '\u2032', '\u00B4':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return '-'
	case '\u00A0', '\u2007', '\u202F':
		return ' '
	}
	return r
}
