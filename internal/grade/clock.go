package grade

import "time"

// Slot is the stretch of a timed practice that the plan gives a step:
// from Start to End after the clock starts.
type Slot struct {
	Step       StepRubric
	Start, End time.Duration
}

// Plan shares a practice session of the given length among the nine
// steps, in proportion to the middle of each step's budget in the
// playbook: for 45 minutes, a minute to restate the prompt, eleven for
// the architecture.
func Plan(total time.Duration) []Slot {
	var sum float64
	for _, s := range Rubric {
		sum += float64(s.MinMinutes + s.MaxMinutes)
	}
	var plan []Slot
	var at float64
	for _, s := range Rubric {
		start := at
		at += float64(total) * float64(s.MinMinutes+s.MaxMinutes) / sum
		plan = append(plan, Slot{Step: s, Start: time.Duration(start).Round(time.Second), End: time.Duration(at).Round(time.Second)})
	}
	return plan
}

// Pace is how an answer stands against the plan at a moment of the
// practice.
type Pace struct {
	Elapsed, Total time.Duration
	// Current is the index of the slot the clock is in; len(plan) once
	// the time is up.
	Current int
	// Behind lists the steps, by index, whose slot is over and that are
	// still short of their points.
	Behind []int
}

// Compare sets an answer's card against the plan, elapsed into the
// practice.
func Compare(c *Card, plan []Slot, elapsed time.Duration) Pace {
	p := Pace{Elapsed: elapsed, Current: len(plan)}
	if len(plan) > 0 {
		p.Total = plan[len(plan)-1].End
	}
	for i, s := range plan {
		if elapsed < s.End && p.Current == len(plan) {
			p.Current = i
		}
		if elapsed >= s.End && i < len(c.Steps) && c.Steps[i].Points < c.Steps[i].Max {
			p.Behind = append(p.Behind, i)
		}
	}
	return p
}
