package extract

import (
	"reflect"
	"testing"
)

// openCases specify the open relation phrases: positives with the
// normalised predicate, then the near misses that must yield nothing.
var openCases = []relCase{
	{"V P", "The RDK has crossed into Belgorod Oblast.",
		[]string{"O:RDK", "L:Belgorod Oblast"}, []string{"RDK cross into Belgorod Oblast"}},
	{"V with adverb", "Russia reportedly attacked Grayvoron on Monday.",
		[]string{"L:Russia", "L:Grayvoron"}, []string{"Russia attack Grayvoron"}},
	{"passive", "Kennedy was killed by Oswald.",
		[]string{"P:Kennedy", "P:Oswald"}, []string{"Kennedy be killed by Oswald"}},
	{"V W P", "The Border Guard Service is a part of the FSB.",
		[]string{"O:Border Guard Service", "O:FSB"}, []string{"Border Guard Service be part of FSB"}},
	{"V W P with noun", "Wagner took control of Bakhmut.",
		[]string{"O:Wagner", "L:Bakhmut"}, []string{"Wagner take control of Bakhmut"}},
	{"V P irregular", "Peskov met with Putin.",
		[]string{"P:Peskov", "P:Putin"}, []string{"Peskov meet with Putin"}},
	{"infinitive", "Ukraine wants to join NATO.",
		[]string{"L:Ukraine", "O:NATO"}, []string{"Ukraine want to join NATO"}},
	{"title before object", "Zelensky thanked President Biden.",
		[]string{"P:Zelensky", "P:Biden"}, []string{"Zelensky thank Biden"}},
	{"no verb between the second pair", "Prigozhin led Wagner into Rostov.",
		[]string{"P:Prigozhin", "O:Wagner", "L:Rostov"}, []string{"Prigozhin lead Wagner"}},
	{"near miss: reporting verb", "Peskov said Ukraine was behind the attack.",
		[]string{"P:Peskov", "L:Ukraine"}, nil},
	{"near miss: reporting verb and determiner", "Yusov claimed both the RDK and the LSR are legal.",
		[]string{"P:Yusov", "O:RDK", "O:LSR"}, nil},
	{"near miss: negated", "Russia did not attack Grayvoron.",
		[]string{"L:Russia", "L:Grayvoron"}, nil},
	{"near miss: bare copula", "Belgorod is Russia at its most exposed.",
		[]string{"L:Belgorod", "L:Russia"}, nil},
	{"near miss: subject inside a phrase", "The head of Wagner met Putin.",
		[]string{"O:Wagner", "P:Putin"}, nil},
	{"near miss: possessive object", "Ukraine attacked Russia's army.",
		[]string{"L:Ukraine", "L:Russia"}, nil},
	{"near miss: object modifies a noun", "Russia attacked Belgorod police stations.",
		[]string{"L:Russia", "L:Belgorod"}, nil},
	{"near miss: no verb", "Smith and Jones of Boston.",
		[]string{"P:Smith", "P:Jones", "L:Boston"}, nil},
	{"near miss: clause subordinator", "Gladkov warned that Russia would respond.",
		[]string{"P:Gladkov", "L:Russia"}, nil},
	{"near miss: too far", "Kyiv finally and after many long and difficult weeks of hard talks joined NATO.",
		[]string{"L:Kyiv", "O:NATO"}, nil},
}

func TestOpenRelations(t *testing.T) {
	for _, tc := range openCases {
		t.Run(tc.name, func(t *testing.T) {
			res := relTestResult(t, tc.text, tc.mentions...)
			rels := openRelations(tc.text, res)
			got := relStrings(res, rels)
			if !reflect.DeepEqual(got, relSorted(tc.want)) {
				t.Errorf("%s\n got  %q\n want %q", tc.text, got, relSorted(tc.want))
			}
			checkRelationsValid(t, tc.text, res, rels, KindOpen)
			for _, r := range rels {
				if r.Confidence != openConfidence || r.Rule != "reverb" {
					t.Errorf("%+v: want confidence %v and rule reverb", r, openConfidence)
				}
			}
		})
	}
}
