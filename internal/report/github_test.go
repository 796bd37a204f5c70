package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// bigRun has n findings with long messages, every severity, in one file.
func bigRun(n int) *Run {
	d := &design.Design{Path: "docs/big.md"}
	rep := &rules.Report{Design: d}
	sev := []rules.Severity{rules.Error, rules.Warning, rules.Info}
	for i := 0; i < n; i++ {
		rep.Findings = append(rep.Findings, rules.Finding{
			Rule: "tradeoffs", Severity: sev[i%3], Path: d.Path,
			Message: fmt.Sprintf("finding %d: %s", i, strings.Repeat("long text ", 30)),
			Span:    design.Span{Start: design.Pos{Line: i + 1, Col: 1}, End: design.Pos{Line: i + 1, Col: 5}},
		})
	}
	return &Run{Tool: Tool{Name: "designlint"}, Files: []File{{Path: d.Path, Report: rep}}}
}

// The github format caps annotations at ten per level and says how many
// it left out, in a notice GitHub still shows.
func TestGitHubAnnotationCap(t *testing.T) {
	var out bytes.Buffer
	if err := newGitHub(Options{}).Print(&out, bigRun(40)); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "::") {
			counts[line[2:strings.IndexByte(line, ' ')]]++
		}
	}
	// 40 findings: 14 errors, 13 warnings, 13 infos. Ten errors and ten
	// warnings are shown; the notice saying how many are left out takes
	// one of the ten notice places, so nine infos are shown and 11
	// findings left out.
	if counts["error"] != 10 || counts["warning"] != 10 || counts["notice"] != 10 {
		t.Errorf("annotations by level: %v", counts)
	}
	if !strings.Contains(out.String(), "::notice title=designlint::11 more findings are not shown") {
		t.Errorf("no notice counting the findings left out:\n%s", out.String())
	}
}

// The step summary is appended to, never past GitHub's 1 MiB limit.
func TestStepSummaryLimit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "summary.md")
	earlier := bytes.Repeat([]byte("earlier step\n"), (maxStepSummary-200<<10)/13)
	if err := os.WriteFile(path, earlier, 0o644); err != nil {
		t.Fatal(err)
	}
	// About 1.2 MB of Markdown: more than the room left.
	if err := newGitHub(Options{StepSummary: path}).Print(&bytes.Buffer{}, bigRun(3000)); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) > maxStepSummary {
		t.Fatalf("summary is %d bytes, over the %d limit", len(got), maxStepSummary)
	}
	if !bytes.HasPrefix(got, earlier) {
		t.Error("the earlier steps' summary was not kept")
	}
	if !bytes.Contains(got, []byte("## designlint")) || !bytes.Contains(got, []byte("The report was cut to fit")) {
		t.Errorf("summary should hold the start of the report and say it was cut; it ends %q", got[len(got)-200:])
	}

	// A summary already full gets nothing more, and is not an error.
	full := bytes.Repeat([]byte("x"), maxStepSummary)
	if err := os.WriteFile(path, full, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := newGitHub(Options{StepSummary: path}).Print(&bytes.Buffer{}, bigRun(3)); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Size() != maxStepSummary {
		t.Errorf("a full summary grew to %d bytes", st.Size())
	}
}

// With nothing left out, all ten places of a level are used.
func TestGitHubNoNoticeWhenAllShown(t *testing.T) {
	var out bytes.Buffer
	if err := newGitHub(Options{}).Print(&out, bigRun(30)); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n::notice "); n != 10 {
		t.Errorf("%d notices for 10 infos, want 10 and no summary notice:\n%s", n, out.String())
	}
	if strings.Contains(out.String(), "more finding") {
		t.Error("a notice about findings left out when none were")
	}
}
