package gazetteer

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"
)

// ruleOrgs is rulelists/org.txt: one organization name a line.
//
//go:embed rulelists/org.txt
var ruleOrgs []byte

var (
	rulesOnce sync.Once
	rulesGaz  *Gazetteer
)

// RuleOrgs returns a second, smaller gazetteer of well-known organizations
// (news media and agencies, armed forces' units, armed groups, sports clubs
// named after places: "Meduza", "Suspilne", "Spetsnaz", "Dynamo Kyiv") for
// rules that type names after tagging. It is kept out of Default, whose
// classes are features of the trained tagger, so that the list can grow
// without retraining. Every name has class Org. It panics if the embedded
// list is corrupt, which the package's tests rule out.
func RuleOrgs() *Gazetteer {
	rulesOnce.Do(func() {
		var b bytes.Buffer
		sc := bufio.NewScanner(bytes.NewReader(ruleOrgs))
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			b.WriteString("Org\t")
			b.WriteString(line)
			b.WriteByte('\n')
		}
		g, err := Parse(&b)
		if err != nil {
			panic("gazetteer: decode rule organizations: " + err.Error())
		}
		rulesGaz = g
	})
	return rulesGaz
}
