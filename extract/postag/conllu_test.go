package postag

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLLU(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Sentence
		wantErr bool
	}{
		{
			name: "two sentences with comments",
			in: "# newdoc id = d1\n# text = The cat.\n" +
				"1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n" +
				"2\tcat\tcat\tNOUN\tNN\t_\t0\troot\t_\t_\n" +
				"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n" +
				"1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n",
			want: []Sentence{
				{Words: []string{"The", "cat", "."}, Tags: []string{"DT", "NN", "."}},
				{Words: []string{"Hi"}, Tags: []string{"UH"}},
			},
		},
		{
			name: "multiword ranges and empty nodes skipped",
			in: "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				"1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n" +
				"2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n" +
				"2.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n\n\n",
			want: []Sentence{{Words: []string{"do", "n't"}, Tags: []string{"VBP", "RB"}}},
		},
		{
			name: "tags mapped to prose's conventions",
			in: "1\t(\t(\tPUNCT\t-LRB-\t_\t_\t_\t_\t_\r\n" +
				"2\tanti\tanti\tX\tAFX\t_\t_\t_\t_\t_\r\n" +
				"3\t-\t-\tPUNCT\tHYPH\t_\t_\t_\t_\t_\r\n" +
				"4\twar\twar\tNOUN\tNN\t_\t_\t_\t_\t_\r\n" +
				"5\tto\tto\tADP\tIN\t_\t_\t_\t_\t_\r\n" +
				"6\t)\t)\tPUNCT\t-RRB-\t_\t_\t_\t_\t_\r\n",
			want: []Sentence{{
				Words: []string{"(", "anti", "-", "war", "to", ")"},
				Tags:  []string{"(", "JJ", "-", "NN", "TO", ")"},
			}},
		},
		{name: "empty input", in: "", want: nil},
		{name: "too few columns", in: "1\tThe\tthe\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLLU(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("ReadCoNLLU() error = %v, want error %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ReadCoNLLU() = %q, want %q", got, tt.want)
			}
		})
	}
}
