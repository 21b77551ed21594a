package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzExtract feeds arbitrary bytes to Extract: it must not panic, and every
// span must be in bounds, on UTF-8 boundaries and slice back to its text.
// Among the seeds are the inputs that once broke the bounds: carriage
// returns, a repeated word, a sentence that never ends.
// The seed corpus (testdata/fuzz/FuzzExtract and the lines below) runs as
// part of go test.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "a", "Mr. Putin met Mr. Biden in Washington, D.C., on Monday.",
		"“Quoted” ‘text’ &rsquo; Kyiv\r\nKiev\n\nZürich", "\xff\xfe\x00abc Putin", "U.S. U.K. E.U.",
		"BELGOROD, Russia (AP) — Gov. Vyacheslav Gladkov said.", "a\u200bb\ufeffc Putin\u00a0Moscow",
		"...!?;;\"'()[]", "Ministry of Defense of the Russian Federation",
		"Belgorod Region\rLiberty of Russia Legion\r\rKyiv", "a\u2028b\u2029Putin\u0085Moscow",
		strings.Repeat("RDK ", 300), strings.Repeat("Gladkov Belgorod ", 100) + "said",
		strings.Repeat("x", 5000) + " Putin", strings.Repeat("Kyiv, ", 200),
		"SOCCER - LEEDS BEAT CHELSEA\nScorers : Leeds - Ian Rush 23 , Del Piero 78\nArsenal : A , B , C , D , E , F , G , H , I\n" +
			"M. Atherton c Stewart b Gough 45\nWorcestershire 241-6 ( T. Moody 88 ) beat Glamorgan 198 all out\nRoda JC 1 Heerenveen 1",
		"Marks & Spencer & Co & & Ernst &", "Organisation for Security and Cooperation in Europe ( OSCE ) ( ) ( A",
		"met President Xi. Gen. Smith. The U.S. Open. Shares in Lloyds. Analysts at Dean Witter raised its",
		"Ford Motor Co Co. Pty Ltd & Co of Inc. - news agency Itar- -Tass news agency news Banco do de Brasil de",
		"Lukoil and and Yukos shares , which owns 's profit Moody 's 's Investors Service the Royal and of Council",
		"Han Sung-joo- Kim Dae- -jung said it would Florida Power and Light , Gas and Popular Party of Prime",
		"Queen Sofia King from Madrid to to Ferrol and the the Eyjafjallajokull volcano the Swat Valley valley the",
		"the Paris-based Reporters Without of to the New York- based Committee to -based",
		"near the village of Lice the city of of Tupac Amaru rebels Tutsi rebels rebels",
		"the Amazon rainforest the the Biotechnology and Biological Sciences Research Council and and the",
		"Hurricane Typhoon the Peanut Corporation of America of Co. of Moody 's said 's 's said Sainsbury's",
		"its insurance arm Eagle Star arm , a unit of Daimler AG , a big unit of of the unit",
		"Pope Pope names Glasgow Airport Airport Alexander Pope Pope fighters of Ansar Dine members of of",
		"Juventus have have Parma are are , were",
		"Coventry City City City 's win the City of a Bolton side side squad New York City won",
		"Likud 31 seats\nJewish Home 12 seats\n1,204 votes\nA 1, seats\n,1 votes",
		"CHICAGO 1996-11-06\nthe Chicago Bulls points for Chicago Tour of Spain TOUR OF the Mapei team team Williams team mate",
	} {
		f.Add(s)
	}
	if paths, _ := filepath.Glob("../testdata/seeds/*.txt"); len(paths) > 0 {
		if b, err := os.ReadFile(paths[0]); err == nil {
			f.Add(string(b[:min(len(b), 2000)]))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkResult(t, text, testExtractor.Extract(text))
	})
}
