package report

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"::set-output name=x::y", ": :set-output name=x::y"},
		{"  ::add-mask::z", ": :add-mask::z"},
		// The runner trims Unicode whitespace before looking for "::".
		{"\u00a0::warning::nbsp", ": :warning::nbsp"},
		{"\u3000::error::ideographic", ": :error::ideographic"},
		{"a ##[error] b", "a # #[error] b"},
		{"#\x1b[0m#[group]", "# #[group]"},
		{"line\nbreak\r\n::x", "line break  ::x"},
		{"\x1b[31mred\x1b[0m", "red"},
		{"\x1b]8;;https://e.example\x07link\x1b]8;;\x07", "link"},
		{"\u202eevil\u202c", "evil"},
		{"bell\a and nul\x00", "bell and nul"},
		{"bad \xff byte", "bad \ufffd byte"},
	}
	for _, c := range cases {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestGuard(t *testing.T) {
	in := strings.Join([]string{
		"::error title=designlint tradeoffs,file=a.md,line=1::no trade-offs; ::set-output name=x::y",
		"::set-output name=pwned::1",
		"\u00a0::add-mask::secret",
		"\t::stop-commands::tok",
		"text with ##[group] inside",
		"\x1b[2Jcleared \u202ereversed\u202c",
		"::error file=a.md::fake, with a comma",
		"  indented table | cell",
		"",
	}, "\n")
	want := strings.Join([]string{
		"::error title=designlint tradeoffs,file=a.md,line=1::no trade-offs; ::set-output name=x::y",
		": :set-output name=pwned::1",
		": :add-mask::secret",
		": :stop-commands::tok",
		"text with # #[group] inside",
		"cleared reversed",
		"::error file=a.md::fake, with a comma",
		"  indented table | cell",
		"",
	}, "\n")
	if got := string(Guard([]byte(in), true)); got != want {
		t.Errorf("Guard with commands:\n%s\nwant\n%s", got, want)
	}
	// Without commands allowed, designlint's own form is defused too.
	if got := string(Guard([]byte("::error title=x::y\n"), false)); got != ": :error title=x::y\n" {
		t.Errorf("Guard without commands: %q", got)
	}
	// A property holding an unescaped colon is not designlint's.
	if got := string(Guard([]byte("::error file=a:b::y\n"), true)); got != ": :error file=a:b::y\n" {
		t.Errorf("Guard on a forged command: %q", got)
	}
	plain := []byte("a.md:1:1  error  rule  message\n")
	if got := Guard(plain, false); &got[0] != &plain[0] {
		t.Error("Guard copied plain output")
	}
}
