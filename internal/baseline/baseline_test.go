package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

// doc is a small design with two findings about named elements: the
// orders database is a single point of failure and gives no reason for
// its consistency.
const doc = `# Orders

## Requirements

### Functional

- Customers place orders.

### Non-functional

- Latency: p99 under 200 ms.
- Availability: 99.9% monthly.

## Estimates

- Daily active users: 100k
- Requests per user per day: 10

## Architecture

### Orders DB (PostgreSQL)

Single instance. Strongly consistent.

## Failure handling

- Database down: return 503.
`

func lint(t *testing.T, dir, name, src string) report.File {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := design.ReadFile(path, design.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return report.File{Path: path, Format: d.Format, Report: rules.Run(d, rules.Config{Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})}
}

func open(files []report.File) (n int) {
	for _, f := range files {
		for _, x := range f.Report.Findings {
			if !x.Waived() {
				n++
			}
		}
	}
	return n
}

func TestWriteThenApply(t *testing.T) {
	dir := t.TempDir()
	files := []report.File{lint(t, dir, "orders.md", doc)}
	if open(files) == 0 {
		t.Fatal("the document should have findings")
	}
	path := filepath.Join(dir, "baseline.json")
	n, err := Write(path, files)
	if err != nil || n != open(files) {
		t.Fatalf("Write = %d, %v; want %d findings", n, err, open(files))
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"path": "orders.md"`) || !strings.Contains(string(data), `"element": "component:Orders DB"`) {
		t.Errorf("baseline does not record paths relative to itself and elements:\n%s", data)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}

	// Edits elsewhere (lines added above, another section reworded) move
	// every finding; the baseline still accepts all of them.
	edited := strings.Replace(doc, "# Orders\n", "# Orders\n\nIntro paragraph added later.\n\nAnother one.\n", 1)
	edited = strings.Replace(edited, "Customers place orders.", "Customers place and cancel orders.", 1)
	files = []report.File{lint(t, dir, "orders.md", edited)}
	if fixed := b.Apply(files); len(fixed) != 0 || open(files) != 0 {
		t.Errorf("after unrelated edits: %d findings count, fixed %q; want all accepted", open(files), fixed)
	}
	for _, x := range files[0].Report.Findings {
		if x.Waiver == nil || x.Waiver.Kind != "baseline" {
			t.Errorf("finding %s not waived by the baseline", x.Rule)
		}
	}

	// Replicating the database fixes one finding: it is reported as
	// fixed, and a new problem on another component counts.
	fixedDoc := strings.Replace(doc, "Single instance. Strongly consistent.", "Primary with 2 replicas. Strongly consistent.", 1)
	fixedDoc = strings.Replace(fixedDoc, "## Failure handling", "### Sessions cache (Redis)\n\nOne node, strongly consistent.\n\n## Failure handling", 1)
	files = []report.File{lint(t, dir, "orders.md", fixedDoc)}
	fixed := b.Apply(files)
	if len(fixed) != 1 || !strings.Contains(fixed[0], "single-point-of-failure") || !strings.Contains(fixed[0], "Orders DB") {
		t.Errorf("fixed = %q, want the Orders DB single point of failure", fixed)
	}
	var counted []string
	for _, x := range files[0].Report.Findings {
		if !x.Waived() {
			counted = append(counted, x.Element)
		}
	}
	if len(counted) == 0 {
		t.Error("the new cache's findings are waived")
	}
	for _, el := range counted {
		if el != "component:Sessions cache" {
			t.Errorf("findings that count: %q; want only the new cache's", counted)
			break
		}
	}
}

// A baseline written for many files is not "fixed" for the files a run
// did not lint, nor for rules that did not run.
func TestApplyOnlyJudgesWhatRan(t *testing.T) {
	dir := t.TempDir()
	a := lint(t, dir, "a.md", doc)
	bf := lint(t, dir, "b.md", doc)
	path := filepath.Join(dir, "baseline.json")
	if _, err := Write(path, []report.File{a, bf}); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if fixed := b.Apply([]report.File{lint(t, dir, "a.md", doc)}); len(fixed) != 0 {
		t.Errorf("linting a.md alone calls %q fixed", fixed)
	}
	d, _ := design.ReadFile(filepath.Join(dir, "a.md"), design.Options{})
	off := map[string]rules.Setting{"single-point-of-failure": {Off: true}}
	only := report.File{Path: filepath.Join(dir, "a.md"), Report: rules.Run(d, rules.Config{Settings: off})}
	if fixed := b.Apply([]report.File{only}); len(fixed) != 0 {
		t.Errorf("a disabled rule's entries called fixed: %q", fixed)
	}

	// An entry for a rule designlint no longer has can never match: it is
	// reported as fixed so that the baseline can be rewritten without it.
	b.entries = append(b.entries, Entry{Path: "a.md", Rule: "retired-rule", Element: "section:x", Message: "gone"})
	fixed := b.Apply([]report.File{lint(t, dir, "a.md", doc)})
	if len(fixed) != 1 || !strings.Contains(fixed[0], "retired-rule") {
		t.Errorf("fixed = %q, want the retired rule's entry", fixed)
	}
}

// Two findings on one element: the entry whose message matches pairs
// with its finding, so the changed one is the one that counts.
func TestApplyPairsExactMessagesFirst(t *testing.T) {
	b := &Baseline{Path: "b.json", dir: "/r", entries: []Entry{
		{Path: "d.md", Rule: "r", Element: "component:x", Message: "second"},
	}}
	rep := &rules.Report{Rules: []string{"r"}, Findings: []rules.Finding{
		{Rule: "r", Element: "component:x", Message: "first"},
		{Rule: "r", Element: "component:x", Message: "second"},
	}}
	b.Apply([]report.File{{Path: "/r/d.md", Report: rep}})
	if rep.Findings[0].Waived() || !rep.Findings[1].Waived() {
		t.Errorf("waived %v, %v; want only the second", rep.Findings[0].Waived(), rep.Findings[1].Waived())
	}
}

func TestLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"not json":      "findings: []",
		"wrong version": `{"version": 2, "findings": []}`,
		"unknown field": `{"version": 1, "findings": [], "extra": 1}`,
		"no rule":       `{"version": 1, "findings": [{"path": "a.md"}]}`,
	}
	for name, src := range cases {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing baseline loads")
	}
}
