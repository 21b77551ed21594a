package gazetteer

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"
)

// ruleOrgs is rulelists/org.txt: one organization name a line;
// ruleOrgSuffixes is rulelists/orgsuffix.txt: one word a line.
var (
	//go:embed rulelists/org.txt
	ruleOrgs []byte
	//go:embed rulelists/orgsuffix.txt
	ruleOrgSuffixes []byte
)

var (
	rulesOnce sync.Once
	rulesGaz  *Gazetteer
)

// RuleOrgs returns a second, smaller gazetteer of well-known organizations
// (news media and agencies, armed forces' units, armed groups, sports clubs
// named after places: "Meduza", "Suspilne", "Spetsnaz", "Dynamo Kyiv"), of
// class Org, and more words that end organizations' names ("Exchange",
// "Endowment", "Instruments"), of class OrgSuffix, for rules that type
// names after tagging. It is kept out of Default, whose classes are
// features of the trained tagger, so that the lists can grow without
// retraining. It panics if an embedded list is corrupt, which the
// package's tests rule out.
func RuleOrgs() *Gazetteer {
	rulesOnce.Do(func() {
		var b bytes.Buffer
		for _, list := range []struct {
			class string
			text  []byte
		}{{"Org", ruleOrgs}, {"OrgSuffix", ruleOrgSuffixes}} {
			sc := bufio.NewScanner(bytes.NewReader(list.text))
			for sc.Scan() {
				line := strings.TrimSpace(sc.Text())
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				b.WriteString(list.class)
				b.WriteByte('\t')
				b.WriteString(line)
				b.WriteByte('\n')
			}
		}
		g, err := Parse(&b)
		if err != nil {
			panic("gazetteer: decode rule organizations: " + err.Error())
		}
		rulesGaz = g
	})
	return rulesGaz
}
