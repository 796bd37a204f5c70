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
	// Leaves about 2 KB: less than the summary of ten long findings.
	earlier := bytes.Repeat([]byte("earlier step\n"), (maxStepSummary-2<<10)/13)
	if err := os.WriteFile(path, earlier, 0o644); err != nil {
		t.Fatal(err)
	}
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
	if !bytes.Contains(got, []byte("## designlint")) || !bytes.Contains(got, []byte("The summary was cut to fit")) {
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

// The step summary's size depends on fixed counts, not on the run: ten
// findings in its table and thirty documents in its folded list, however
// many there are.
func TestStepSummaryStaysShort(t *testing.T) {
	for _, n := range []int{1, 200} {
		run := &Run{Tool: Tool{Name: "designlint"}}
		for i := 0; i < n; i++ {
			f := bigRun(30).Files[0]
			f.Path = fmt.Sprintf("docs/design-%03d.md", i)
			run.Files = append(run.Files, f)
		}
		run.Files = append(run.Files, File{Path: "docs/missing.md", Err: fmt.Errorf("docs/missing.md: no such file or directory")})
		var out bytes.Buffer
		if err := StepSummary(&out, run, Options{}); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		if got := strings.Count(s, "\n| 🔴 error | ") + strings.Count(s, "\n| 🟡 warning | ") + strings.Count(s, "\n| 🔵 info | "); got != summaryFindings {
			t.Errorf("%d documents: %d finding rows, want %d", n, got, summaryFindings)
		}
		if got, want := strings.Count(s, "\n| docs/design-"), min(n, summaryDocuments); got != want {
			t.Errorf("%d documents: %d document rows, want %d", n, got, want)
		}
		if !strings.Contains(s, "- 🔴 docs/missing.md: no such file or directory") {
			t.Errorf("the path that could not be linted is missing:\n%s", s)
		}
		if n > summaryDocuments && !strings.Contains(s, fmt.Sprintf("…and %d more documents.", n-summaryDocuments)) {
			t.Errorf("the documents left out are not counted:\n%s", s)
		}
		if strings.Contains(s, "mermaid") || strings.Contains(s, "### Estimate") {
			t.Errorf("the summary holds the full report's details:\n%s", s)
		}
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
