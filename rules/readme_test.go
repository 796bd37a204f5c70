package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// RulesTable renders the README's rules table from the registry.
func rulesTable() string {
	var b strings.Builder
	b.WriteString("| rule | category | default | what it wants |\n|---|---|---|---|\n")
	for _, r := range Registry() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Category, r.Severity, r.Summary)
	}
	return b.String()
}

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's rules table from the registry")

// TestREADMERulesTable keeps the README's table of rules in step with the
// registry. When it fails, paste the table it prints between the markers.
func TestREADMERulesTable(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- rules-table:begin -->\n", "<!-- rules-table:end -->"
	s := string(src)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q markers", begin, end)
	}
	if got, want := s[i+len(begin):j], rulesTable(); got != want {
		if *updateReadme {
			s = s[:i+len(begin)] + want + s[j:]
			if err := os.WriteFile(filepath.Join("..", "README.md"), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's rules table is out of date; run go test ./rules -run TestREADMERulesTable -update-readme, or replace it with:\n%s", want)
	}
}

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/rules.md from the rules' documentation")

// TestDocsPage keeps docs/rules.md, which SARIF help links point at, in
// step with the rules' documentation.
func TestDocsPage(t *testing.T) {
	path := filepath.Join("..", "docs", "rules.md")
	want := DocsPage()
	if *updateDocs {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("docs/rules.md is out of date; run go test ./rules -run TestDocsPage -update-docs")
	}
}
