package tagger

import "github.com/dossier-nlp/dossier/extract/gazetteer"

// gazFeatures marks tokens with the classes of the built-in gazetteer:
// those of the token alone, and those of the longest gazetteer name that
// covers it, with the token's position in that name.
type gazFeatures struct {
	g *gazetteer.Gazetteer
}

func loadGazFeatures() *gazFeatures {
	return &gazFeatures{g: gazetteer.Default()}
}

func (gf *gazFeatures) annotate(s *scratch, words []string, infos []tokInfo) {
	for i, w := range words {
		infos[i].gaz = uint16(gf.g.Word(w))
	}
	gf.annotateSpans(s, words, infos)
}

// annotateSpans is the second half of annotate: the longest gazetteer
// names that cover the tokens. They are s.matches when s.matched (see
// TagMatched), else the gazetteer matches words.
func (gf *gazFeatures) annotateSpans(s *scratch, words []string, infos []tokInfo) {
	ms := s.matches
	if !s.matched {
		ms = gf.g.Match(words)
	}
	for _, m := range ms {
		for k := m.Start; k < m.End; k++ {
			infos[k].gazSpan = uint16(m.Class)
			switch {
			case m.End-m.Start == 1:
				infos[k].gazPos = 4
			case k == m.Start:
				infos[k].gazPos = 1
			case k == m.End-1:
				infos[k].gazPos = 3
			default:
				infos[k].gazPos = 2
			}
		}
	}
}
