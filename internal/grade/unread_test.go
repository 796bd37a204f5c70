package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designlint/designlint/rules"
)

// unreadable rewrites a labelled estimate so that designlint cannot read
// it: the value's unit dropped or turned into one the name cannot take.
var unreadable = map[string]string{
	"- Write size: 8 KB":      "- Write size: 8000",
	"- Retention: 2 years":    "- Retention: 730",
	"- DAU: 4M":               "- DAU: 4 GB",
	"- Peak factor: 4x":       "- Peak factor: 4 GB",
	"- Replication factor: 3": "- Replication factor: 3 GB",
}

// A line designlint cannot read is shown as unread, never as an
// arithmetic slip, and fixing it never lowers the score: each of the
// reference answer's estimates made unreadable in turn scores at most
// what the answer scores, lists the line as unread, and asks for it
// first.
func TestUnreadIsNotASlip(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "grade", referenceLayout))
	if err != nil {
		t.Fatal(err)
	}
	fixed := gradeSource(t, "fixed.md", string(src))
	for from, to := range unreadable {
		if !strings.Contains(string(src), from+"\n") {
			t.Fatalf("%s has no line %q", referenceLayout, from)
		}
		broken := strings.Replace(string(src), from+"\n", to+"\n", 1)
		line := strings.Count(broken[:strings.Index(broken, to)], "\n") + 1
		c := gradeSource(t, "broken.md", broken)
		checkCard(t, to, c)
		e := c.step("estimates")
		if c.Total > fixed.Total {
			t.Errorf("%q scores %d, more than the %d of the answer with %q", to, c.Total, fixed.Total, from)
		}
		if len(e.Unread) == 0 || e.Unread[0].Span.Start.Line != line {
			t.Errorf("%q: unread %+v, want line %d", to, e.Unread, line)
		}
		for _, m := range e.Missing {
			if strings.HasPrefix(m.What, "line ") && strings.Contains(m.What, "the document says") && strings.Contains(m.What, to[2:]) {
				t.Errorf("%q is counted as a slip: %s", to, m.What)
			}
		}
		for _, f := range lintSource(t, "broken.md", broken).Findings {
			if f.Rule == rules.EstimateArithmetic.ID && f.Span.Start.Line == line {
				t.Errorf("%q: estimate-arithmetic at the unread line: %s", to, f.Message)
			}
		}
		if e.Points < e.Max && !strings.Contains(e.Hint, "could not read line") && !strings.HasPrefix(e.Hint, "fix the arithmetic") {
			t.Errorf("%q: %d/%d, hint %q does not ask for the line", to, e.Points, e.Max, e.Hint)
		}
	}
}
