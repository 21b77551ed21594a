package extract
import ("testing";"fmt";"os")
func TestTmpArt(t *testing.T){ x,_:=New(Options{}); b,_:=os.ReadFile("/tmp/art.txt"); r:=x.Extract(string(b)); for _,m:=range r.Mentions{ fmt.Printf("%s/%s/%.2f\n", m.Text, m.Type[:3], m.Confidence)} }
