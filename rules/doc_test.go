package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/design"
)

// testNow is the date tests lint as of.
var testNow = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

// runOne lints a Markdown document with every rule and keeps the findings
// of one (suppression-reason needs the others to have run).
func runOne(t *testing.T, r *Rule, name, src string) []Finding {
	t.Helper()
	d, err := design.Read(name, []byte(src), design.Options{})
	if err != nil {
		t.Fatalf("%s: reading the example: %v", r.ID, err)
	}
	var out []Finding
	for _, f := range Run(d, Config{Now: testNow}).Findings {
		if f.Rule == r.ID {
			out = append(out, f)
		}
	}
	return out
}

// TestRuleDocs checks every rule's metadata and runs its examples: the
// failing example must make the rule fire, the passing one must not.
func TestRuleDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Registry() {
		if seen[r.ID] {
			t.Errorf("rule %s registered twice", r.ID)
		}
		seen[r.ID] = true
		if r.ID != strings.ToLower(r.ID) || strings.ContainsAny(r.ID, " _") {
			t.Errorf("rule id %q is not kebab-case", r.ID)
		}
		if r.Category == "" || r.Severity == 0 || r.Summary == "" || r.Check == nil {
			t.Errorf("rule %s: missing category, severity, summary or check", r.ID)
		}
		for what, s := range map[string]string{"Why": r.Doc.Why, "Trigger": r.Doc.Trigger, "Fix": r.Doc.Fix, "Fail": r.Doc.Fail, "Pass": r.Doc.Pass} {
			if strings.TrimSpace(s) == "" {
				t.Errorf("rule %s: Doc.%s is empty", r.ID, what)
			}
		}
		if strings.HasSuffix(r.Summary, ".") {
			t.Errorf("rule %s: summary ends with a period", r.ID)
		}
		if got := runOne(t, r, "fail.md", r.Doc.Fail); !fires(got, r.ID) {
			t.Errorf("rule %s: the failing example does not fire it", r.ID)
		}
		if got := runOne(t, r, "pass.md", r.Doc.Pass); fires(got, r.ID) {
			t.Errorf("rule %s: the passing example fires it: %v", r.ID, messages(got))
		}
	}
}

func fires(fs []Finding, id string) bool {
	for _, f := range fs {
		if f.Rule == id && !f.Waived() {
			return true
		}
	}
	return false
}

func messages(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Message)
	}
	return out
}

// TestMessagesStyle checks the shape of every message the examples
// produce: lower-case start, no trailing period, an instruction.
func TestMessagesStyle(t *testing.T) {
	for _, r := range Registry() {
		for _, f := range runOne(t, r, "fail.md", r.Doc.Fail) {
			m := f.Message
			if m == "" || strings.HasSuffix(m, ".") {
				t.Errorf("%s: message %q is empty or ends with a period", r.ID, m)
			}
			if c := m[0]; c >= 'A' && c <= 'Z' {
				t.Errorf("%s: message %q starts with a capital", r.ID, m)
			}
		}
	}
}
