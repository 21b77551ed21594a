package extract

import (
	"sort"
	"strings"
)

// resolve groups the mentions of one document into entities and sets each
// mention's Entity. Mentions must be sorted by Start.
//
//  1. A surface form keeps one type throughout the document: the type with
//     the most confidence summed over its mentions.
//  2. Mentions with the same type and normalised name are one entity.
//  3. A person named by one word ("Gladkov") joins the person whose fuller
//     name ends with that word ("Vyacheslav Gladkov"); when several do, the
//     one named most recently before the mention (or else first after it).
//  4. The canonical name is the alias with the most words, then the most
//     mentions, then the earliest.
func resolve(ms []Mention) []Entity {
	if len(ms) == 0 {
		return nil
	}
	keys := make([]string, len(ms))
	for i := range ms {
		keys[i] = NormalizeName(ms[i].Text)
	}
	unifyTypes(ms, keys)

	// Step 2: one group per (type, key), in order of first mention.
	type group struct {
		typ, key string
		first    int   // index of the first mention
		members  []int // mention indices
		parent   int   // union-find parent (group index)
	}
	var groups []*group
	byKey := make(map[string]int)
	gidx := make([]int, len(ms))
	for i := range ms {
		k := ms[i].Type + "\x00" + keys[i]
		g, ok := byKey[k]
		if !ok {
			g = len(groups)
			byKey[k] = g
			groups = append(groups, &group{typ: ms[i].Type, key: keys[i], first: i, parent: g})
		}
		groups[g].members = append(groups[g].members, i)
		gidx[i] = g
	}
	find := func(g int) int {
		for groups[g].parent != g {
			groups[g].parent = groups[groups[g].parent].parent
			g = groups[g].parent
		}
		return g
	}

	// Step 3: surnames join full names.
	bySurname := make(map[string][]int) // last word -> multi-word person groups
	for g, gr := range groups {
		if gr.typ != Person {
			continue
		}
		if words := strings.Fields(gr.key); len(words) > 1 {
			last := words[len(words)-1]
			bySurname[last] = append(bySurname[last], g)
		}
	}
	for g, gr := range groups {
		if gr.typ != Person || strings.Contains(gr.key, " ") {
			continue
		}
		cands := bySurname[gr.key]
		if len(cands) == 0 {
			continue
		}
		target := cands[0]
		if len(cands) > 1 {
			target = nearestFullName(ms, groups[g].members[0], cands, func(c int) []int { return groups[c].members })
		}
		groups[find(g)].parent = find(target)
	}

	// Collect entities in order of first mention.
	rootEntity := make(map[int]int)
	var ents []Entity
	aliasCount := make([]map[string]int, 0)
	for i := range ms {
		r := find(gidx[i])
		e, ok := rootEntity[r]
		if !ok {
			e = len(ents)
			rootEntity[r] = e
			ents = append(ents, Entity{Type: groups[r].typ})
			aliasCount = append(aliasCount, make(map[string]int))
		}
		ms[i].Entity = e
		ms[i].Type = ents[e].Type
		ents[e].Mentions++
		alias := strings.Join(strings.Fields(ms[i].Text), " ")
		if aliasCount[e][alias] == 0 {
			ents[e].Aliases = append(ents[e].Aliases, alias)
		}
		aliasCount[e][alias]++
	}
	for e := range ents {
		ents[e].Name = canonicalName(ents[e].Aliases, aliasCount[e])
		sort.Strings(ents[e].Aliases)
	}
	return ents
}

// unifyTypes gives every mention of one normalised name the type that has
// the most summed confidence among that name's mentions.
func unifyTypes(ms []Mention, keys []string) {
	score := make(map[string]map[string]float64)
	for i := range ms {
		m := score[keys[i]]
		if m == nil {
			m = make(map[string]float64)
			score[keys[i]] = m
		}
		m[ms[i].Type] += ms[i].Confidence + 1e-3
	}
	for i := range ms {
		m := score[keys[i]]
		if len(m) < 2 {
			continue
		}
		best, bestScore := ms[i].Type, -1.0
		for t, s := range m {
			if s > bestScore || (s == bestScore && t < best) {
				best, bestScore = t, s
			}
		}
		ms[i].Type = best
	}
}

// nearestFullName picks among candidate groups the one with a mention closest
// before mention i, or else the one with the first mention after it.
func nearestFullName(ms []Mention, i int, cands []int, members func(int) []int) int {
	best, bestStart := -1, -1
	after, afterStart := -1, int(^uint(0)>>1)
	for _, c := range cands {
		for _, j := range members(c) {
			s := ms[j].Start
			if s < ms[i].Start && s > bestStart {
				best, bestStart = c, s
			}
			if s > ms[i].Start && s < afterStart {
				after, afterStart = c, s
			}
		}
	}
	if best >= 0 {
		return best
	}
	return after
}

// canonicalName chooses the alias with the most words, then the most
// mentions, then the first seen (aliases are in order of first mention).
func canonicalName(aliases []string, count map[string]int) string {
	best := ""
	bestWords, bestCount := -1, -1
	for _, a := range aliases {
		w := len(strings.Fields(a))
		if w > bestWords || (w == bestWords && count[a] > bestCount) {
			best, bestWords, bestCount = a, w, count[a]
		}
	}
	return best
}
