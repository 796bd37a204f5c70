package grade

import (
	"fmt"
	"strconv"
	"strings"
)

// Part is one thing a step gives points for.
type Part struct {
	// ID names the part within its step: "scale", "peak", "spof"…
	ID     string
	Points int
	// What the part asks for, and a Note on partial credit, as the
	// README's scoring table says them.
	What, Note string
}

// StepRubric is one step of the interview method: its time budget from
// the playbook and the parts it scores.
type StepRubric struct {
	// ID is the step's stable name: restate, functional, nonfunctional,
	// estimates, api, architecture, deep_dive, scale_failure, summary.
	ID    string
	Title string
	// MinMinutes and MaxMinutes are the playbook's time budget.
	MinMinutes, MaxMinutes int
	Parts                  []Part
}

// Max is the step's points: the sum of its parts'.
func (s StepRubric) Max() int {
	n := 0
	for _, p := range s.Parts {
		n += p.Points
	}
	return n
}

// Budget writes the time budget as the playbook does: "1 min", "3–5 min".
func (s StepRubric) Budget() string {
	if s.MinMinutes == s.MaxMinutes {
		return fmt.Sprintf("%d min", s.MinMinutes)
	}
	return fmt.Sprintf("%d–%d min", s.MinMinutes, s.MaxMinutes)
}

// Part returns the part with the given id.
func (s StepRubric) Part(id string) Part {
	for _, p := range s.Parts {
		if p.ID == id {
			return p
		}
	}
	panic("grade: step " + s.ID + " has no part " + id)
}

// Rubric is the scoring of the nine steps, 100 points in all. The README's
// scoring table says the same, and a test holds them together.
var Rubric = []StepRubric{
	{ID: "restate", Title: "Restate the prompt", MinMinutes: 1, MaxMinutes: 1, Parts: []Part{
		{"restatement", 5, "the prompt restated in the answer's own words", ""},
	}},
	{ID: "functional", Title: "Functional requirements", MinMinutes: 3, MaxMinutes: 5, Parts: []Part{
		{"requirements", 15, "three to seven functional requirements", "fewer: a share of 3; more: 7 ÷ the count"},
	}},
	{ID: "nonfunctional", Title: "Non-functional requirements", MinMinutes: 2, MaxMinutes: 3, Parts: []Part{
		{"measurable", 8, "requirements with a measurable target", "the share that has one"},
		{"coverage", 7, "covering scale, latency, availability, and consistency or durability", "a share for each"},
	}},
	{ID: "estimates", Title: "Estimates", MinMinutes: 3, MaxMinutes: 5, Parts: []Part{
		{"scale", 4, "a scale assumption with a number", ""},
		{"tps", 3, "the average TPS written out", "1 when only designlint works it out"},
		{"peak", 3, "a peak factor or a peak TPS", ""},
		{"storage", 3, "storage written out when data is stored", "1 when only designlint works it out"},
		{"arithmetic", 2, "worked figures with no `estimate-arithmetic` slip", ""},
	}},
	{ID: "api", Title: "API contract", MinMinutes: 3, MaxMinutes: 6, Parts: []Part{
		{"operations", 5, "operations written as method and path, or as calls (`createURL(apiKey, url)`)", "3 for entries or an API section without them"},
	}},
	{ID: "architecture", Title: "High-level architecture", MinMinutes: 8, MaxMinutes: 12, Parts: []Part{
		{"components", 9, "three or more components", "a share for fewer"},
		{"connections", 6, "how they connect: a diagram or dependencies", ""},
	}},
	{ID: "deep_dive", Title: "Deep dive on one component", MinMinutes: 8, MaxMinutes: 12, Parts: []Part{
		{"depth", 4, "40 words or more about the component the answer develops most", "a share for fewer"},
		{"consistency", 1, "its consistency model", ""},
		{"reason", 2, "the reason for it", ""},
		{"replication", 3, "its replicas or regions", ""},
	}},
	{ID: "scale_failure", Title: "Scale and failure", MinMinutes: 3, MaxMinutes: 6, Parts: []Part{
		{"spike", 4, "what the system does on a traffic spike", ""},
		{"loss", 4, "on the loss of a node, zone or region", ""},
		{"dependency", 4, "when a dependency fails", ""},
		{"spof", 3, "components with no unacknowledged single point of failure", ""},
	}},
	{ID: "summary", Title: "Summary", MinMinutes: 1, MaxMinutes: 1, Parts: []Part{
		{"summary", 3, "a summary", ""},
		{"tradeoffs", 2, "the trade-offs, in it or a section of their own", ""},
	}},
}

// ScoringTable renders the rubric as the README's scoring table.
func ScoringTable() string {
	var b strings.Builder
	b.WriteString("| step | id | budget | points | full marks when |\n|---|---|---|---|---|\n")
	for _, s := range Rubric {
		var parts []string
		for _, p := range s.Parts {
			note := strconv.Itoa(p.Points)
			if p.Note != "" {
				note += "; " + p.Note
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", p.What, note))
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s | %d | %s |\n", s.Title, s.ID, s.Budget(), s.Max(), strings.Join(parts, ", "))
	}
	return b.String()
}

// rubricStep returns the rubric of a step.
func rubricStep(id string) StepRubric {
	for _, s := range Rubric {
		if s.ID == id {
			return s
		}
	}
	panic("grade: no step " + id)
}
