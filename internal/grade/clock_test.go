package grade

import (
	"strings"
	"testing"
	"time"
)

// The plan shares the time among the nine steps in order, without a gap,
// in proportion to the playbook's budgets.
func TestPlan(t *testing.T) {
	for _, total := range []time.Duration{45 * time.Minute, 30 * time.Minute, time.Hour} {
		plan := Plan(total)
		if len(plan) != len(Rubric) {
			t.Fatalf("%s: %d slots", total, len(plan))
		}
		var at time.Duration
		for i, s := range plan {
			if s.Step.ID != Rubric[i].ID || s.Start != at || s.End <= s.Start {
				t.Errorf("%s: slot %d %s %s–%s after %s", total, i, s.Step.ID, s.Start, s.End, at)
			}
			at = s.End
		}
		if at != total {
			t.Errorf("%s: the plan ends at %s", total, at)
		}
	}
	// 45 minutes: the architecture and the deep dive take the most, and
	// the restatement and the summary about a minute each.
	plan := Plan(45 * time.Minute)
	length := func(i int) time.Duration { return plan[i].End - plan[i].Start }
	if l := length(0); l < 50*time.Second || l > 80*time.Second {
		t.Errorf("restate: %s", l)
	}
	if l := length(5); l < 10*time.Minute || l > 12*time.Minute {
		t.Errorf("architecture: %s", l)
	}
}

// The pace says which slot the clock is in and which steps are behind.
func TestCompare(t *testing.T) {
	c := gradeSource(t, "half.md", halfAnswer)
	plan := Plan(45 * time.Minute)
	p := Compare(c, plan, 0)
	if p.Current != 0 || len(p.Behind) != 0 || p.Total != 45*time.Minute {
		t.Errorf("at the start: %+v", p)
	}
	// Half an hour in, the plan is at the deep dive; the API and the
	// architecture, still empty, are behind; the first four are done.
	p = Compare(c, plan, 30*time.Minute)
	if Rubric[p.Current].ID != "deep_dive" {
		t.Errorf("at 30:00 the plan is at %s", Rubric[p.Current].ID)
	}
	var behind []string
	for _, i := range p.Behind {
		behind = append(behind, c.Steps[i].ID)
	}
	if strings.Join(behind, " ") != "api architecture" {
		t.Errorf("behind at 30:00: %v", behind)
	}
	if p = Compare(c, plan, 50*time.Minute); p.Current != len(plan) || len(p.Behind) != 5 {
		t.Errorf("after the time: %+v", p)
	}
}
