package extract

import "strings"

// lemma returns the dictionary form of a verb: "said" -> "say", "crossed"
// -> "cross", "leads" -> "lead", "making" -> "make". tag is the word's Penn
// part-of-speech tag; words that are not verbs (tag not VB*) come back
// lower-cased but otherwise unchanged. Irregular verbs are looked up in
// irregularVerbs; regular ones lose -s/-es/-ed/-ing by the spelling rules
// of regularStem. It is a small rule-based lemmatiser for the verbs of news
// text, not a dictionary: rare verbs may come out slightly wrong
// ("developed" is listed as an exception, "enveloped" is not).
func lemma(word, tag string) string {
	w := strings.ToLower(word)
	if !strings.HasPrefix(tag, "VB") && tag != "MD" {
		return w
	}
	if tag == "VB" || tag == "VBP" {
		// Base forms are their own lemma; only the present-tense
		// auxiliaries differ ("found", "lay" and "wound" are verbs too).
		switch w {
		case "am", "are", "'re", "'m":
			return "be"
		case "'ve":
			return "have"
		}
		return w
	}
	if l, ok := irregularVerbs[w]; ok {
		return l
	}
	switch tag {
	case "VBD", "VBN":
		return pastStem(w)
	case "VBG":
		if s, ok := strings.CutSuffix(w, "ing"); ok && len(s) >= 2 {
			return regularStem(s)
		}
	case "VBZ":
		return thirdPersonStem(w)
	}
	return w
}

// pastStem undoes the regular past tense: "tried" -> "try", "agreed" ->
// "agree", "stopped" -> "stop", "announced" -> "announce".
func pastStem(w string) string {
	switch {
	case strings.HasSuffix(w, "ied"):
		if len(w) <= 4 { // died, lied, tied
			return w[:len(w)-1]
		}
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "eed") && len(w) > 4: // agreed, freed
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ed") && len(w) > 3:
		return regularStem(w[:len(w)-2])
	}
	return w
}

// thirdPersonStem undoes the -s of the third person singular: "leads" ->
// "lead", "crosses" -> "cross", "tries" -> "try", "watches" -> "watch".
func thirdPersonStem(w string) string {
	switch {
	case len(w) <= 2 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "ies"):
		if len(w) <= 4 { // dies, lies, ties
			return w[:len(w)-1]
		}
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "xes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "oes"):
		return w[:len(w)-2]
	}
	return w[:len(w)-1]
}

// regularStem turns what is left of a verb after -ed or -ing into its base
// form: it undoes a doubled final consonant ("stopp" -> "stop") and puts
// back a silent final e where English spelling drops it ("announc" ->
// "announce", "decid" -> "decide", "handl" -> "handle").
func regularStem(s string) string {
	if b, ok := stemExceptions[s]; ok {
		return b
	}
	n := len(s)
	if n < 2 {
		return s
	}
	last, prev := s[n-1], s[n-2]
	switch {
	case last == prev && !isLemmaVowel(last):
		switch last {
		case 'l', 's', 'z', 'f': // called, crossed, buzzed, staffed
			return s
		}
		return s[:n-1] // stopped, planned, committed
	case last == 'e' || last == 'y' || last == 'w' || last == 'x' || last == 'h':
		return s // seeing, played, showed, fixed, reached
	case last == 'v' || last == 'c' || last == 'u' || last == 'z':
		return s + "e" // moved, announced, argued, seized
	case last == 's':
		return s + "e" // used, caused, accused, collapsed
	case last == 'g':
		switch {
		case prev == 'n':
			if n >= 3 && (s[n-3] == 'a' || s[n-3] == 'e' || s[n-3] == 'u') {
				return s + "e" // changed, challenged, plunged
			}
			return s // belonged
		case prev == 'r' || prev == 'd' || isLemmaVowel(prev):
			return s + "e" // charged, judged, damaged
		}
		return s
	case last == 'l':
		if !isLemmaVowel(prev) && prev != 'r' && prev != 'w' {
			return s + "e" // handled, settled
		}
		if (prev == 'i' || prev == 'o' || prev == 'u') && n >= 3 && !isLemmaVowel(s[n-3]) {
			return s + "e" // ruled, filed, paroled
		}
		return s // failed, signaled, traveled
	case last == 'r':
		if (prev == 'a' || prev == 'i' || prev == 'u') && n >= 3 && !isLemmaVowel(s[n-3]) {
			return s + "e" // declared, required, secured
		}
		return s
	case last == 't':
		if prev == 'a' && n >= 3 && s[n-3] != 'e' && s[n-3] != 'o' {
			return s + "e" // stated, located, negotiated
		}
		if (prev == 'o' || prev == 'u') && n >= 3 && !isLemmaVowel(s[n-3]) {
			return s + "e" // voted, executed
		}
		return s
	case last == 'n':
		if prev == 'i' && n >= 3 && !isLemmaVowel(s[n-3]) {
			return s + "e" // combined, declined, determined
		}
		return s
	case last == 'b' || last == 'd' || last == 'k' || last == 'm' || last == 'p':
		if isLemmaVowel(prev) && n >= 3 && !isLemmaVowel(s[n-3]) {
			return s + "e" // described, decided, liked, named, hoped
		}
		return s
	}
	return s
}

func isLemmaVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// stemExceptions overrides regularStem for stems its rules get wrong.
var stemExceptions = map[string]string{
	"add": "add", "develop": "develop", "focus": "focus", "bias": "bias", "creat": "create",
	"persuad": "persuade", "dissuad": "dissuade", "hang": "hang", "pilot": "pilot", "pivot": "pivot",
	"complet": "complete", "compet": "compete", "delet": "delete", "unit": "unite", "invit": "invite",
	"cit": "cite", "excit": "excite", "ignit": "ignite", "incit": "incite", "recit": "recite",
	"ignor": "ignore", "explor": "explore", "restor": "restore", "scor": "score", "stor": "store",
	"phon": "phone", "zon": "zone", "clon": "clone", "condon": "condone", "aton": "atone",
	"travell": "travel", "cancell": "cancel", "controll": "control", "patroll": "patrol",
	"expell": "expel", "compell": "compel", "labell": "label", "modell": "model",
	"signall": "signal", "fuell": "fuel", "propell": "propel", "excell": "excel", "repell": "repel",
	"open": "open", "happen": "happen", "listen": "listen", "threaten": "threaten",
	"visit": "visit", "edit": "edit", "limit": "limit", "exit": "exit", "credit": "credit",
	"benefit": "benefit", "profit": "profit", "inherit": "inherit", "deposit": "deposit",
	"prohibit": "prohibit", "exhibit": "exhibit", "solicit": "solicit", "audit": "audit",
	"welcom": "welcome", "becom": "become", "overcom": "overcome", "com": "come",
	"mak": "make", "tak": "take", "hav": "have", "giv": "give", "liv": "live",
	"abandon": "abandon", "summon": "summon", "imprison": "imprison", "poison": "poison",
	"reckon": "reckon", "pardon": "pardon", "beckon": "beckon", "question": "question",
	"quot": "quote", "writ": "write", "requir": "require", "acquir": "acquire", "inquir": "inquire",
	"enquir": "enquire", "guid": "guide", "scal": "scale", "inhal": "inhale", "exhal": "exhale",
	"impal": "impale", "control": "control", "patrol": "patrol", "annul": "annul",
	"gallop": "gallop", "worship": "worship", "kidnap": "kidnap", "headquarter": "headquarter",
}

// irregularVerbs maps inflected forms of common irregular verbs, and of the
// auxiliaries, to their base form.
var irregularVerbs = func() map[string]string {
	m := make(map[string]string)
	for _, line := range strings.Split(irregularVerbList, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for _, form := range f[1:] {
			m[form] = f[0]
		}
	}
	return m
}()

// irregularVerbList lists a base form and then its irregular forms, one verb
// a line.
const irregularVerbList = `
be is am are was were been being 's 're 'm
have has had having 've 'd
do does did done doing
go goes went gone
say says said
meet met
lead led
come came
take took taken
make made
get got gotten
give gave given
find found
tell told
think thought
know knew known
see saw seen
leave left
hold held
bring brought
begin began begun
keep kept
stand stood
hear heard
run ran
fight fought
flee fled
shoot shot
strike struck stricken
send sent
spend spent
build built
win won
lose lost
pay paid
sell sold
buy bought
catch caught
teach taught
write wrote written
speak spoke spoken
break broke broken
choose chose chosen
drive drove driven
ride rode ridden
rise rose risen
arise arose arisen
fall fell fallen
fly flew flown flies
grow grew grown
throw threw thrown
overthrow overthrew overthrown
draw drew drawn
withdraw withdrew withdrawn
wear wore worn
tear tore torn
swear swore sworn
bear bore borne
slay slew slain
hide hid hidden
bite bit bitten
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
steal stole stolen
wake woke woken
shake shook shaken
lie lay lain lying
lay laid
feed fed
bleed bled
speed sped
slide slid
light lit
mean meant
deal dealt
feel felt
sleep slept
sweep swept
weep wept
creep crept
kneel knelt
seek sought
bind bound
wind wound
grind ground
sing sang sung
ring rang rung
sink sank sunk
swim swam swum
drink drank drunk
shrink shrank shrunk
spin spun
stick stuck
swing swung
dig dug
cling clung
fling flung
sting stung
sit sat
spit spat
shine shone
become became
overcome overcame
undertake undertook undertaken
mistake mistook mistaken
oversee oversaw overseen
foresee foresaw foreseen
understand understood
withstand withstood
uphold upheld
withhold withheld
mislead misled
lend lent
bend bent
die dying
tie tying
can could
will would
shall should
may might
`
