package extract

import "testing"

func TestLemma(t *testing.T) {
	tests := []struct {
		word, tag, want string
	}{
		// Irregular verbs and auxiliaries.
		{"said", "VBD", "say"}, {"met", "VBD", "meet"}, {"led", "VBN", "lead"}, {"was", "VBD", "be"},
		{"is", "VBZ", "be"}, {"are", "VBP", "be"}, {"has", "VBZ", "have"}, {"had", "VBD", "have"},
		{"shot", "VBD", "shoot"}, {"slain", "VBN", "slay"}, {"fled", "VBD", "flee"}, {"took", "VBD", "take"},
		{"found", "VBD", "find"}, {"struck", "VBD", "strike"}, {"went", "VBD", "go"}, {"dying", "VBG", "die"},
		// Base forms are their own lemma, even when they look irregular.
		{"found", "VB", "found"}, {"lead", "VBP", "lead"}, {"cross", "VB", "cross"},
		// -ed.
		{"crossed", "VBD", "cross"}, {"attacked", "VBD", "attack"}, {"killed", "VBN", "kill"},
		{"assassinated", "VBN", "assassinate"}, {"murdered", "VBD", "murder"}, {"stabbed", "VBD", "stab"},
		{"founded", "VBD", "found"}, {"based", "VBN", "base"}, {"headquartered", "VBN", "headquarter"},
		{"located", "VBN", "locate"}, {"situated", "VBN", "situate"}, {"tried", "VBD", "try"},
		{"died", "VBD", "die"}, {"agreed", "VBD", "agree"}, {"needed", "VBD", "need"},
		{"stopped", "VBD", "stop"}, {"planned", "VBD", "plan"}, {"called", "VBD", "call"},
		{"announced", "VBD", "announce"}, {"moved", "VBD", "move"}, {"argued", "VBD", "argue"},
		{"used", "VBD", "use"}, {"caused", "VBD", "cause"}, {"focused", "VBD", "focus"},
		{"decided", "VBD", "decide"}, {"described", "VBD", "describe"}, {"named", "VBN", "name"},
		{"hoped", "VBD", "hope"}, {"liked", "VBD", "like"}, {"claimed", "VBD", "claim"},
		{"opened", "VBD", "open"}, {"joined", "VBD", "join"}, {"declined", "VBD", "decline"},
		{"handled", "VBD", "handle"}, {"ruled", "VBD", "rule"}, {"failed", "VBD", "fail"},
		{"declared", "VBD", "declare"}, {"required", "VBD", "require"}, {"entered", "VBD", "enter"},
		{"charged", "VBN", "charge"}, {"changed", "VBD", "change"}, {"belonged", "VBD", "belong"},
		{"voted", "VBD", "vote"}, {"executed", "VBD", "execute"}, {"visited", "VBD", "visit"},
		{"developed", "VBD", "develop"}, {"shelled", "VBN", "shell"}, {"created", "VBD", "create"},
		{"treated", "VBD", "treat"}, {"evacuated", "VBD", "evacuate"}, {"lived", "VBD", "live"},
		// -s.
		{"leads", "VBZ", "lead"}, {"crosses", "VBZ", "cross"}, {"tries", "VBZ", "try"},
		{"watches", "VBZ", "watch"}, {"uses", "VBZ", "use"}, {"dies", "VBZ", "die"}, {"goes", "VBZ", "go"},
		// -ing.
		{"making", "VBG", "make"}, {"crossing", "VBG", "cross"}, {"running", "VBG", "run"},
		{"killing", "VBG", "kill"}, {"seeing", "VBG", "see"}, {"living", "VBG", "live"},
		{"shooting", "VBG", "shoot"}, {"assassinating", "VBG", "assassinate"}, {"leading", "VBG", "lead"},
		// Not verbs: lower-cased only.
		{"Killed", "NN", "killed"}, {"Governor", "NNP", "governor"},
	}
	for _, tt := range tests {
		t.Run(tt.word+"/"+tt.tag, func(t *testing.T) {
			if got := lemma(tt.word, tt.tag); got != tt.want {
				t.Errorf("lemma(%q, %q) = %q, want %q", tt.word, tt.tag, got, tt.want)
			}
		})
	}
}
