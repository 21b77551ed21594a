package tagger

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name   string
		format string
		input  string
		want   []Example
	}{
		{
			name:   "conll IOB2 with tabs",
			format: "conll",
			input:  "Vladimir\tB-PER\nPutin\tI-PER\nvisited\tO\nMoscow\tB-LOC\n.\tO\n\nGazprom\tB-ORG\n",
			want: []Example{
				{Words: []string{"Vladimir", "Putin", "visited", "Moscow", "."}, Labels: []string{"B-PERSON", "I-PERSON", "O", "B-LOCATION", "O"}},
				{Words: []string{"Gazprom"}, Labels: []string{"B-ORGANIZATION"}},
			},
		},
		{
			name:   "conll IOB1 with spaces, MISC and DOCSTART",
			format: "conll",
			input:  "-DOCSTART- O\n\nThe O\nGerman I-MISC\nBundesbank I-ORG\nmet O\nJohn I-PER\nSmith I-PER\nB-PER B-PER\nJones I-PER\n\nHe O\n\n-DOCSTART- O\n\nBye O\n",
			want: []Example{
				{Words: []string{"The", "German", "Bundesbank", "met", "John", "Smith", "B-PER", "Jones"},
					Labels: []string{"O", "O", "B-ORGANIZATION", "O", "B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON"}, DocStart: true},
				{Words: []string{"He"}, Labels: []string{"O"}},
				{Words: []string{"Bye"}, Labels: []string{"O"}, DocStart: true},
			},
		},
		{
			name:   "conll CRLF, fine-grained types and lone @",
			format: "conll",
			input:  "@ B-ORG\r\nBBC B-ORG\r\nsays O \r\npolitician B-politician\r\nObama I-politician\r\nwon O\r\n2012 B-election\r\n",
			want: []Example{
				{Words: []string{"@", "BBC", "says", "politician", "Obama", "won", "2012"},
					Labels: []string{"O", "B-ORGANIZATION", "O", "B-PERSON", "I-PERSON", "O", "O"}},
			},
		},
		{
			name:   "conll BIOES",
			format: "conll",
			input:  "New B-GPE\nYork E-GPE\nTimes S-ORG\n",
			want: []Example{
				{Words: []string{"New", "York", "Times"}, Labels: []string{"B-LOCATION", "I-LOCATION", "B-ORGANIZATION"}},
			},
		},
		{
			name:   "uner",
			format: "uner",
			input: "# sent_id = x-1\n# text = Obama met Kori Schulman in the United States.\n" +
				"1\tObama\tB-ORG\t-\tblvns\n2\tmet\tO\t-\t-\n3\tKori\tB-PER\t-\tblvns\n4\tSchulman\tI-PER\t-\tblvns\n" +
				"5\tin\tO\t-\t-\n6\tthe\tO\t-\t-\n7\tUnited\tB-LOC\t-\tblvns\n8\tStates\tI-LOC\t-\tblvns\n9\t.\tO\t-\t-\n",
			want: []Example{
				{Words: strings.Fields("Obama met Kori Schulman in the United States ."),
					Labels: []string{"B-ORGANIZATION", "O", "B-PERSON", "I-PERSON", "O", "O", "B-LOCATION", "I-LOCATION", "O"}},
			},
		},
		{
			name:   "conllu GUM entities",
			format: "conllu",
			input: "# text = President Daniel Bernoulli of the Royal Society visited Basel.\n" +
				"1\tPresident\tPresident\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-sssss-cf1-3-coref-Daniel_Bernoulli\n" +
				"2\tDaniel\tDaniel\tPROPN\tNNP\t_\t3\tflat\t_\t_\n" +
				"3\tBernoulli\tBernoulli\tPROPN\tNNP\t_\t8\tnsubj\t_\t_\n" +
				"4\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n" +
				"5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(2-organization-new-sssss-cf2-2,3-coref\n" +
				"6\tRoyal\tRoyal\tPROPN\tNNP\t_\t7\tamod\t_\t_\n" +
				"7\tSociety\tSociety\tPROPN\tNNP\t_\t3\tnmod\t_\tEntity=2)1)\n" +
				"8\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
				"9-10\tBasel.\t_\t_\t_\t_\t_\t_\t_\t_\n" +
				"9\tBasel\tBasel\tPROPN\tNNP\t_\t8\tobj\t_\tEntity=(3-place-new-sssss-cf3-1-sgl)|SpaceAfter=No\n" +
				"10\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_\n" +
				"11\tthem\tthey\tPRON\tPRP\t_\t8\tobj\t_\tEntity=(4-person-new-sssss-cf4-1-sgl)\n",
			want: []Example{
				{Words: strings.Fields("President Daniel Bernoulli of the Royal Society visited Basel . them"),
					Labels: []string{"O", "B-PERSON", "I-PERSON", "O", "O", "B-ORGANIZATION", "I-ORGANIZATION", "O", "B-LOCATION", "O", "O"}},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tc.input), tc.format)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct{ name, format, input string }{
		{"unknown format", "xml", "a O\n"},
		{"conll line without tag", "conll", "word\n"},
		{"uner short line", "uner", "1\tword\n"},
		{"conllu wrong column count", "conllu", "1\tword\tO\n"},
		{"conllu unopened entity", "conllu", "1\tA\tA\tPROPN\tNNP\t_\t0\troot\t_\tEntity=3)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ReadCoNLL(strings.NewReader(tc.input), tc.format); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestSpansFromBIO(t *testing.T) {
	tests := []struct {
		labels []string
		want   []Span
	}{
		{nil, nil},
		{[]string{"O", "B-PERSON", "I-PERSON", "O"}, []Span{{1, 3, "PERSON", 1}}},
		{[]string{"I-LOCATION", "B-LOCATION", "I-ORGANIZATION"}, []Span{{0, 1, "LOCATION", 1}, {1, 2, "LOCATION", 1}, {2, 3, "ORGANIZATION", 1}}},
	}
	for _, tc := range tests {
		if got := SpansFromBIO(tc.labels); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SpansFromBIO(%q) = %v, want %v", tc.labels, got, tc.want)
		}
	}
}
