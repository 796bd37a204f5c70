package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designlint/designlint/design"
)

// kindsTable renders the README's table of which rules check which kinds
// of document, from the rules' Kinds.
func kindsTable() string {
	var b strings.Builder
	b.WriteString("| rule |")
	for _, k := range design.DocKinds {
		b.WriteString(" " + string(k) + " |")
	}
	b.WriteString("\n|---|")
	b.WriteString(strings.Repeat("---|", len(design.DocKinds)))
	b.WriteString("\n")
	for _, r := range Registry() {
		b.WriteString("| `" + r.ID + "` |")
		for _, k := range design.DocKinds {
			switch a := r.ApplicabilityFor(k); a {
			case NotApplicable:
				b.WriteString(" |")
			case Full:
				b.WriteString(" ✓ |")
			default:
				b.WriteString(" " + a.String() + " |")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestREADMEKindsTable keeps the README's table of the kinds each rule
// checks in step with the rules; -update-readme rewrites it.
func TestREADMEKindsTable(t *testing.T) {
	path := filepath.Join("..", "README.md")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- kinds-table:begin -->\n", "<!-- kinds-table:end -->"
	s := string(src)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q markers", begin, end)
	}
	if got, want := s[i+len(begin):j], kindsTable(); got != want {
		if *updateReadme {
			s = s[:i+len(begin)] + want + s[j:]
			if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's table of kinds is out of date; run go test ./rules -run TestREADMEKindsTable -update-readme, or replace it with:\n%s", want)
	}
}
