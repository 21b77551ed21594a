package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Date is a date or date range that a sentence names ("on May 22",
// "Wednesday", "May 31, 2023", "May 22-24"), normalised. Text is exactly
// text[Start:End].
//
// Value is an ISO 8601 date ("2023-05-22"), a month ("2023-05") or, when
// no year can be told, a month and day without a year ("--05-22"). EndValue
// is the last day of a range, empty for a single date. Resolved says where
// the parts the text leaves out came from: "stated" (the text gives the
// full date), "publication date" (the year, or the day of a weekday, from
// the document's publication date), "year in text" (the year the
// document's other full dates give), "no year".
type Date struct {
	Sentence int
	Start    int
	End      int
	Text     string
	Value    string
	EndValue string
	Resolved string
}

// Ways a Date's missing parts were resolved.
const (
	DateStated      = "stated"
	DatePublication = "publication date"
	DateYearInText  = "year in text"
	DateNoYear      = "no year"
)

const (
	monthNames   = `January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?`
	weekdayNames = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
)

// datePatterns are tried in order; a later match that overlaps an earlier
// one is dropped. datesIn relies on their order: ISO dates first, then the
// four that need a month's name and a digit, then weekdays and relative
// days. Groups are named: y, m (month name), mn (month number),
// d, d2 (the end of a range), wd (weekday), rel (yesterday, today,
// tomorrow).
var datePatterns = []*regexp.Regexp{
	regexp.MustCompile(`\b(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b`),
	regexp.MustCompile(`\b(?P<m>` + monthNames + `)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|\bto\b|\buntil\b)\s*(?P<m2>` + monthNames + `)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b`),
	regexp.MustCompile(`\b(?:(?P<wd>` + weekdayNames + `),?\s+)?(?P<m>` + monthNames + `)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:[-–]|\bto\b|\band\b)\s*(?P<d2>\d{1,2})\b)?(?:,?\s+(?P<y>\d{4}))?\b`),
	regexp.MustCompile(`\b(?:(?P<wd>` + weekdayNames + `),?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>\d{1,2}))?\s+(?:of\s+)?(?P<m>` + monthNames + `)(?:,?\s+(?P<y>\d{4}))?\b`),
	regexp.MustCompile(`\b(?P<m>January|February|March|April|June|July|August|September|October|November|December)(?:\s+of)?\s+(?P<y>\d{4})\b`),
	regexp.MustCompile(`\b(?P<wd>` + weekdayNames + `)\b`),
	regexp.MustCompile(`\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b`),
}

// datesIn finds the dates each sentence names. Dates that lack a year take
// it from published (an ISO 8601 date, or empty), else from the years the
// text's full dates give; weekdays and "yesterday" are resolved only
// against published.
func datesIn(view string, sents []Sentence, published string) []Date {
	type found struct {
		sentence, start, end int
		g                    map[string]string
	}
	var all []found
	years := map[int]int{}
	patternsBuf := make([]*regexp.Regexp, 0, len(datePatterns))
	for si, s := range sents {
		text := view[s.Start:s.End]
		// The regular expressions are the cost here: try only those whose
		// required words the sentence has (most sentences name no date).
		digit := strings.ContainsAny(text, "0123456789")
		month := digit && hasMonth(text)
		day := strings.Contains(text, "day") || strings.Contains(text, "Day") || strings.Contains(text, "omorrow")
		patterns := patternsBuf[:0]
		for i, re := range datePatterns {
			switch {
			case i == 0 && digit && strings.Contains(text, "-"), i >= 1 && i <= 4 && month, i >= 5 && day:
				patterns = append(patterns, re)
			}
		}
		var taken [][2]int
		for _, re := range patterns {
			for _, loc := range findDates(re, text) {
				if overlaps(taken, loc[0], loc[1]) {
					continue
				}
				g := map[string]string{}
				for i, name := range re.SubexpNames() {
					if name != "" && loc[2*i] >= 0 {
						g[name] = text[loc[2*i]:loc[2*i+1]]
					}
				}
				if g["m"] == "May" && g["d"] == "" && g["wd"] == "" {
					continue
				}
				taken = append(taken, [2]int{loc[0], loc[1]})
				all = append(all, found{si, s.Start + loc[0], s.Start + loc[1], g})
				if y, err := strconv.Atoi(g["y"]); err == nil && (g["d"] != "" || g["mn"] != "") {
					years[y]++
				}
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].start < all[j].start })

	var pub time.Time
	if len(published) >= 10 {
		pub, _ = time.Parse("2006-01-02", published[:10])
	}
	textYear := 0
	for y, n := range years {
		if n > years[textYear] || n == years[textYear] && y > textYear {
			textYear = y
		}
	}
	var out []Date
	for _, f := range all {
		d := Date{Sentence: f.sentence, Start: f.start, End: f.end, Text: view[f.start:f.end]}
		if !resolveDate(&d, f.g, pub, textYear) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// hasMonth reports whether s has a month's name or abbreviation.
// dateMatcher finds the matches of one of datePatterns by trying it only
// where a match can start, anchored there: the patterns have no literal
// prefix, so the regexp package would try every position of a sentence,
// each against dozens of month names.
type dateMatcher struct {
	anchored *regexp.Regexp // the pattern, anchored at the start of its input
	// starts reports whether a match can start at text[i] (a word
	// start, as every pattern begins with \b and a letter or digit).
	starts func(text string, i int) bool
}

// dateMatchers are those of datePatterns, in its order.
var dateMatchers = func() map[*regexp.Regexp]dateMatcher {
	digit := func(t string, i int) bool { return isDigitByte(t[i]) }
	month := func(t string, i int) bool { return hasPrefixAny(t[i:], monthPrefixes) }
	weekday := func(t string, i int) bool { return hasPrefixAny(t[i:], weekdayPrefixes) }
	starts := []func(string, int) bool{
		digit,
		month,
		func(t string, i int) bool { return weekday(t, i) || month(t, i) },
		func(t string, i int) bool { return weekday(t, i) || digit(t, i) },
		month,
		weekday,
		func(t string, i int) bool {
			switch t[i] {
			case 'Y', 'y':
				return strings.HasPrefix(t[i+1:], "esterday")
			case 'T', 't':
				return strings.HasPrefix(t[i+1:], "oday") || strings.HasPrefix(t[i+1:], "omorrow")
			}
			return false
		},
	}
	if len(starts) != len(datePatterns) {
		panic("extract: a date pattern without its start test")
	}
	ms := make(map[*regexp.Regexp]dateMatcher, len(datePatterns))
	for i, re := range datePatterns {
		ms[re] = dateMatcher{regexp.MustCompile(`^(?:` + re.String() + `)`), starts[i]}
	}
	return ms
}()

// monthPrefixes begin every month's name and abbreviation; weekdayPrefixes
// every weekday's.
var (
	monthPrefixes   = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	weekdayPrefixes = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
)

// findDates returns re.FindAllStringSubmatchIndex(text, -1) for re one of
// datePatterns. The leftmost match at or after a position is the one of
// the first word start from there at which the anchored pattern matches:
// \b holds at a word start in text as at the start of text[i:], and the
// rest of the match reads the same bytes. No pattern matches the empty
// string, so matches follow one another from the end of the last.
func findDates(re *regexp.Regexp, text string) [][]int {
	dm := dateMatchers[re]
	var out [][]int
	for i := 0; i < len(text); i++ {
		if !isWordByte(text[i]) || i > 0 && isWordByte(text[i-1]) || !dm.starts(text, i) {
			continue
		}
		loc := dm.anchored.FindStringSubmatchIndex(text[i:])
		if loc == nil {
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += i
			}
		}
		out = append(out, loc)
		i = loc[1] - 1 // the loop's i++ moves to the match's end
	}
	return out
}

// isWordByte reports whether c is an ASCII word character, as \b sees it.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasMonth(s string) bool {
	for _, m := range [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

func overlaps(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if start < s[1] && s[0] < end {
			return true
		}
	}
	return false
}

// resolveDate fills d's value from the named groups g; it reports false
// when they name no valid date or nothing resolves them.
func resolveDate(d *Date, g map[string]string, pub time.Time, textYear int) bool {
	if rel := strings.ToLower(g["rel"]); rel != "" {
		if pub.IsZero() {
			return false
		}
		day := pub.AddDate(0, 0, map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[rel])
		d.Value, d.Resolved = day.Format("2006-01-02"), DatePublication
		return true
	}
	month := 0
	if g["mn"] != "" {
		month, _ = strconv.Atoi(g["mn"])
	} else if g["m"] != "" {
		month = monthNumber(g["m"])
	}
	if month == 0 {
		if g["wd"] == "" || pub.IsZero() {
			return false
		}
		// A weekday alone: the last such day on or before publication.
		want := weekdayNumber(g["wd"])
		day := pub
		for int(day.Weekday()) != want {
			day = day.AddDate(0, 0, -1)
		}
		d.Value, d.Resolved = day.Format("2006-01-02"), DatePublication
		return true
	}
	if month < 1 || month > 12 {
		return false
	}
	day, _ := strconv.Atoi(g["d"])
	year, _ := strconv.Atoi(g["y"])
	day2, _ := strconv.Atoi(g["d2"])
	d.Resolved = DateStated
	if year == 0 {
		switch {
		case !pub.IsZero():
			year, d.Resolved = pub.Year(), DatePublication
			// "December 28" in a January article is last year's.
			if month > int(pub.Month())+6 {
				year--
			}
		case textYear != 0:
			year, d.Resolved = textYear, DateYearInText
		default:
			d.Resolved = DateNoYear
		}
	}
	if g["d"] == "" {
		if year == 0 {
			return false
		}
		d.Value = fmt.Sprintf("%04d-%02d", year, month)
		return true
	}
	month2 := month
	if g["m2"] != "" {
		month2 = monthNumber(g["m2"])
	}
	if !validDay(year, month, day) || day2 != 0 && (!validDay(year, month2, day2) || month2 < month || month2 == month && day2 <= day) {
		return false
	}
	d.Value = isoDay(year, month, day)
	if day2 != 0 {
		d.EndValue = isoDay(year, month2, day2)
	}
	return true
}

// isoDay formats a date, or "--MM-DD" when the year is unknown (0).
func isoDay(year, month, day int) string {
	if year == 0 {
		return fmt.Sprintf("--%02d-%02d", month, day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
}

func validDay(year, month, day int) bool {
	if day < 1 || day > 31 {
		return false
	}
	y := year
	if y == 0 {
		y = 2024 // a leap year: 29 February is possible
	}
	t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return t.Day() == day
}

func monthNumber(name string) int {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(name, m) {
			return i + 1
		}
	}
	return 0
}

func weekdayNumber(name string) int {
	for i, w := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if strings.EqualFold(name, w) {
			return i
		}
	}
	return -1
}

// fullDate returns the first date with a year in s, as ISO 8601, and
// whether there is one.
func fullDate(s string) (string, bool) {
	best, bestAt := "", -1
	for _, re := range datePatterns[:4] {
		for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
			g := map[string]string{}
			for i, name := range re.SubexpNames() {
				if name != "" && loc[2*i] >= 0 {
					g[name] = s[loc[2*i]:loc[2*i+1]]
				}
			}
			if g["y"] == "" || g["d"] == "" || bestAt >= 0 && loc[0] >= bestAt {
				continue
			}
			var d Date
			if resolveDate(&d, g, time.Time{}, 0) {
				best, bestAt = d.Value, loc[0]
				if re == datePatterns[0] {
					// Keep an ISO date-time whole.
					best = s[loc[0]:loc[1]]
				}
			}
		}
	}
	return best, bestAt >= 0
}
