package extract

import "testing"

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vladimir Putin", "vladimir putin"},
		{"Putin's", "putin"},
		{"Putin’s", "putin"},
		{"the Kremlin", "kremlin"},
		{"The  Wagner\nGroup", "wagner group"},
		{"“RDK”", "rdk"},
		{"(LSR)", "lsr"},
		{"U.S.", "u.s."},
		{"AT&T", "at&t"},
		{"Belgorod region,", "belgorod region"},
		{"Forces'", "forces"},
		{"", ""},
		{"  ", ""},
	}
	for _, tc := range tests {
		if got := NormalizeName(tc.in); got != tc.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
