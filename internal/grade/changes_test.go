package grade

import (
	"strings"
	"testing"
)

// Diff reports the steps whose points or evidence moved, with the
// evidence gained and lost, and ignores evidence that only moved lines.
func TestDiff(t *testing.T) {
	before := gradeSource(t, "a.md", halfAnswer)
	if ch := Diff(before, before); len(ch.Steps) != 0 || ch.Before != ch.After {
		t.Errorf("no change: %+v", ch)
	}
	// Lines added above move everything: no change.
	moved := strings.Replace(halfAnswer, "# Photo sharing\n", "# Photo sharing\n\n\n\n", 1)
	if ch := Diff(before, gradeSource(t, "b.md", moved)); len(ch.Steps) != 0 {
		t.Errorf("moved lines: %+v", ch)
	}
	after := gradeSource(t, "c.md", halfAnswer+"\n## API\n\n- `GET /v1/feed?cursor=` returns the next page\n")
	ch := Diff(before, after)
	if ch.After-ch.Before != 5 || len(ch.Steps) != 1 || ch.Steps[0].Step.ID != "api" || ch.Steps[0].Before != 0 {
		t.Fatalf("an API added: %+v", ch)
	}
	if g := ch.Steps[0].Gained; len(g) != 1 || g[0].Part != "operations" || !strings.Contains(g[0].Text, "/v1/feed") {
		t.Errorf("gained %+v", g)
	}
	back := Diff(after, before)
	if len(back.Steps) != 1 || len(back.Steps[0].Lost) != 1 || back.After-back.Before != -5 {
		t.Errorf("the API removed: %+v", back)
	}
}
