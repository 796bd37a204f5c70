package grade

import "strings"

// StepChange is how one step moved between two grades of an answer.
type StepChange struct {
	// Step is the step as graded now; Before its points then.
	Step   Step
	Before int
	// Gained is the evidence credited now and not before; Lost the
	// evidence credited before and not now.
	Gained, Lost []Evidence
}

// Changes is what changed between two grades of an answer: the totals,
// and the steps whose points or evidence moved.
type Changes struct {
	Before, After int
	Steps         []StepChange
}

// Diff compares two grades of an answer. Evidence is matched by its part
// and words, not its line, so that a line added above it is no change.
func Diff(before, after *Card) Changes {
	ch := Changes{Before: before.Total, After: after.Total}
	for i, s := range after.Steps {
		var old Step
		if i < len(before.Steps) {
			old = before.Steps[i]
		}
		sc := StepChange{Step: s, Before: old.Points, Gained: missingFrom(s.Credited, old.Credited), Lost: missingFrom(old.Credited, s.Credited)}
		if sc.Before != s.Points || len(sc.Gained) > 0 || len(sc.Lost) > 0 {
			ch.Steps = append(ch.Steps, sc)
		}
	}
	return ch
}

// missingFrom lists the evidence of a that b does not hold, counting
// repeats.
func missingFrom(a, b []Evidence) []Evidence {
	have := map[string]int{}
	for _, e := range b {
		have[evidenceKey(e)]++
	}
	var out []Evidence
	for _, e := range a {
		k := evidenceKey(e)
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, e)
	}
	return out
}

func evidenceKey(e Evidence) string {
	return e.Part + "\x00" + e.What + "\x00" + strings.Join(strings.Fields(e.Text+" "+e.Quote), " ")
}
