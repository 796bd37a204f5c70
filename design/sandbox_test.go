package design

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/internal/worktest"
)

var (
	doublings      = worktest.LetDoublings
	comprehensions = worktest.Comprehensions
)

func issueMessages(d *Design) string {
	var msgs []string
	for _, is := range d.Issues {
		msgs = append(msgs, is.Message)
	}
	return strings.Join(msgs, "\n")
}

// CUE that would run away is stopped in the evaluator process, and the
// document it came in is still read.
func TestRunawayCUEIsRefused(t *testing.T) {
	for name, src := range map[string]string{
		"doublings.cue":      doublings(30, "title: %s"),
		"comprehensions.cue": comprehensions(),
	} {
		// The same answer every time.
		for round := 0; round < 2 && (round == 0 || name == "doublings.cue"); round++ {
			_, err := Read(name, []byte(src), Options{})
			if err == nil || !strings.Contains(err.Error(), name+":1:1: input too complex: evaluating this file's CUE needs more than") {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	// Four blocks of doublings in one Markdown file: each is refused,
	// and the document is read.
	var md strings.Builder
	md.WriteString("# Feed\n\n## Summary\n\nA feed.\n\n")
	for i := 0; i < 4; i++ {
		md.WriteString("```cue\n" + doublings(30, "summary: %s") + "```\n\n")
	}
	d, err := Read("blocks.md", []byte(md.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	msgs := issueMessages(d)
	if strings.Count(msgs, "fenced cue block: input too complex") != 4 || d.Summary == nil && len(d.Sections) == 0 {
		t.Errorf("issues:\n%s", msgs)
	}
}

// The evaluation budget is the file's, not each block's: blocks that
// each fit draw on one budget until it is spent.
func TestEvaluationBudgetIsPerFile(t *testing.T) {
	block := "```cue\n" + doublings(16, "assumptions: dau: len(%s)") + "```\n\n"
	one, err := Read("one.md", []byte("# T\n\n## Estimates\n\n"+block), Options{})
	if err != nil || issueMessages(one) != "" || one.Assumptions["dau"].Quantity.Value != 64<<16 {
		t.Fatalf("one block: %v, %q, %+v", err, issueMessages(one), one.Assumptions["dau"])
	}
	d, err := Read("many.md", []byte("# T\n\n## Estimates\n\n"+strings.Repeat(block, 16)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Issues); n == 0 || n == 16 {
		t.Errorf("%d of sixteen blocks refused, want the first read and the last refused:\n%s", n, issueMessages(d))
	}
	if last := d.Issues[len(d.Issues)-1]; !strings.Contains(last.Message, "input too complex") {
		t.Errorf("last issue: %s", last.Message)
	}
}

// CUE the evaluator process finished is read as usual.
func TestSandboxedCUEIsRead(t *testing.T) {
	src := "import \"strings\"\ntitle: strings.ToUpper(\"feed\")\nlet n = 10\nassumptions: {dau: n * 1000, peak_factor: [for x in [3] {x}][0]}\n"
	d, err := Read("calls.cue", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "FEED" || d.Assumptions["dau"].Quantity.Value != 10000 || d.Assumptions["peak_factor"].Quantity.Value != 3 {
		t.Errorf("title %q, assumptions %+v", d.Title, d.Assumptions)
	}
}

// One allocation beyond every budget kills the evaluator process (the
// kernel's limit on its address space); the verdict says so, and the next
// evaluation gets a new process.
func TestEvaluatorDeathIsRefusal(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the address-space limit is Linux's")
	}
	src := "a: \"" + strings.Repeat("x", 1000) + "\" * 1000000\nb: a * 1000000\ntitle: \"t\"\n"
	_, err := Read("huge.cue", []byte(src), Options{})
	if err == nil || !strings.Contains(err.Error(), "input too complex") || !strings.Contains(err.Error(), "memory") {
		t.Errorf("huge allocation: %v", err)
	}
	if d, err := Read("after.cue", []byte("import \"strings\"\ntitle: strings.ToUpper(\"x\")\n"), Options{}); err != nil || d.Title != "X" {
		t.Errorf("after a death: %v", err)
	}
}

// A child that does not answer by the deadline is killed.
func TestEvaluatorDeadline(t *testing.T) {
	saved := evalDeadline
	evalDeadline = 50 * time.Millisecond
	defer func() { evalDeadline = saved }()
	_, err := Read("slow.cue", []byte(comprehensions()), Options{})
	if err == nil || !strings.Contains(err.Error(), "did not finish within") {
		t.Errorf("slow evaluation: %v", err)
	}
}
