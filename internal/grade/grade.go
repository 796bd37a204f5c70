// Package grade scores a design as an answer to a system-design
// interview: the nine steps of the interview method, each with its time
// budget, its points, the parts of the answer it credited and where they
// are, what is missing, and what to do next. It reads the same model and
// findings as lint, so a step's score and lint's findings never disagree,
// and it scores what the model holds, not how the answer is laid out: a
// requirement is a requirement whether it came from a list, a table, a
// sentence or a CUE field.
package grade

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// Evidence is a part of the answer a step credited, or a line it could
// not read: what it is and where it is.
type Evidence struct {
	// Part is the rubric part it counts for.
	Part string
	// What it is: "functional requirement", "a peak factor".
	What string
	// Span is where it is; the zero Span for what has no one place (a
	// figure designlint worked out).
	Span design.Span
	// Text is the model's words for it; two cards' evidence is compared
	// by part and text, so that moving a line is not a change.
	Text string
	// Quote, when set, is what to quote rather than the line at Span (a
	// reason read from the middle of a paragraph, a derived figure).
	Quote string
}

// Gap is a part of a step the answer misses, in whole or in part.
type Gap struct {
	Part string
	// What is missing, in the candidate's terms.
	What string
	// Points are the points the part leaves, given with the part's
	// first gap (0 on the others).
	Points int
}

// Step is one step of the interview and how the answer did on it.
type Step struct {
	// ID is the step's stable name: restate, functional, nonfunctional,
	// estimates, api, architecture, deep_dive, scale_failure, summary.
	ID     string
	Title  string
	Budget string
	Points int
	Max    int
	// Found says in a few words what the answer shows for the step.
	Found string
	// Credited lists what earned the points, Missing what did not, and
	// Unread the lines that would count here but that designlint could
	// not read (they are shown, never counted as mistakes).
	Credited []Evidence
	Missing  []Gap
	Unread   []Evidence
	// Hint is the most useful thing to do next; empty at full marks. It
	// comes from Missing and Unread, so it never asks for what the
	// answer already does.
	Hint string
}

// Card is the scorecard of one design.
type Card struct {
	Path string
	// Kind is the kind of document graded (design or interview), KindWhy
	// why designlint reads it so.
	Kind    design.DocKind
	KindWhy string
	Steps   []Step
	Total   int
	Max     int
	// Design is the document as read, for quoting the lines of the
	// evidence.
	Design *design.Design
}

// Gradable reports whether grade scores documents of the kind: designs
// and interview answers. A decision record or a proposal answers other
// questions, and a document of no kind has none of the sections.
func Gradable(k design.DocKind) bool {
	return k == design.DocDesign || k == design.DocInterview
}

// Grade scores a linted design.
func Grade(rep *rules.Report) *Card {
	g := &grader{rep: rep, d: rep.Design, fired: map[string][]rules.Finding{}}
	for _, f := range rep.Findings {
		if !f.Waived() {
			g.fired[f.Rule] = append(g.fired[f.Rule], f)
		}
	}
	c := &Card{Path: rep.Design.Path, Kind: rep.Design.Kind, KindWhy: rep.Design.KindWhy, Max: 100, Design: rep.Design}
	for _, score := range []func() Step{
		g.restate, g.functional, g.nonfunctional, g.estimates, g.api,
		g.architecture, g.deepDive, g.scaleFailure, g.summary,
	} {
		s := score()
		c.Steps = append(c.Steps, s)
		c.Total += s.Points
	}
	return c
}

type grader struct {
	rep   *rules.Report
	d     *design.Design
	fired map[string][]rules.Finding // unwaived findings by rule
}

// step collects a step's credit, evidence and gaps as its scorer finds
// them.
type step struct {
	rub      StepRubric
	points   map[string]int
	found    []string
	credited []Evidence
	unread   []Evidence
	gaps     []gap
	// first is a hint that goes before the gaps' own (a line to fix that
	// hides credit).
	first string
}

type gap struct {
	part, what, hint string
}

func newStep(id string) *step {
	return &step{rub: rubricStep(id), points: map[string]int{}}
}

// credit gives a part points, with a few words for Found and the
// evidence. Points beyond the part's are not given.
func (b *step) credit(part string, points int, found string, ev ...Evidence) {
	max := b.rub.Part(part).Points
	b.points[part] = min(max, b.points[part]+points)
	if found != "" {
		b.found = append(b.found, found)
	}
	for _, e := range ev {
		e.Part = part
		b.credited = append(b.credited, e)
	}
}

// full gives a part all its points.
func (b *step) full(part, found string, ev ...Evidence) {
	b.credit(part, b.rub.Part(part).Points, found, ev...)
}

// miss records what a part lacks and what to do about it.
func (b *step) miss(part, what, hint string) {
	b.gaps = append(b.gaps, gap{part, what, hint})
}

func (b *step) finish() Step {
	s := Step{ID: b.rub.ID, Title: b.rub.Title, Budget: b.rub.Budget(), Max: b.rub.Max(), Credited: b.credited, Unread: b.unread}
	for _, p := range b.rub.Parts {
		s.Points += b.points[p.ID]
	}
	order := func(part string) int {
		return slices.IndexFunc(b.rub.Parts, func(p Part) bool { return p.ID == part })
	}
	// Every part short of its points has a gap: the scorer's, else the
	// rubric's words for what the part asks.
	for _, p := range b.rub.Parts {
		if b.points[p.ID] < p.Points && !slices.ContainsFunc(b.gaps, func(gp gap) bool { return gp.part == p.ID }) {
			b.gaps = append(b.gaps, gap{part: p.ID, what: "not yet: " + p.What})
		}
	}
	slices.SortStableFunc(b.gaps, func(x, y gap) int { return order(x.part) - order(y.part) })
	counted := map[string]bool{}
	for _, gp := range b.gaps {
		left := b.rub.Part(gp.part).Points - b.points[gp.part]
		if left <= 0 {
			continue
		}
		if counted[gp.part] {
			// The part's points go with its first gap.
			left = 0
		}
		counted[gp.part] = true
		s.Missing = append(s.Missing, Gap{Part: gp.part, What: gp.what, Points: left})
		if s.Hint == "" {
			s.Hint = gp.hint
		}
	}
	if s.Points < s.Max && b.first != "" {
		s.Hint = b.first
	}
	if s.Points == s.Max {
		s.Missing, s.Hint = nil, ""
	}
	s.Found = strings.Join(b.found, "; ")
	if s.Found == "" && len(s.Missing) > 0 {
		s.Found = s.Missing[0].What
	}
	return s
}

// share is round(max × part / whole), for partial credit.
func share(max int, part, whole float64) int {
	if whole <= 0 {
		return 0
	}
	return int(math.Round(float64(max) * math.Min(part/whole, 1)))
}

// item is the evidence of an entry of a section.
func item(what string, it design.Item) Evidence {
	return Evidence{What: what, Span: it.Span, Text: it.Text}
}

// value is the evidence of a figure.
func value(what string, v design.Value) Evidence {
	return Evidence{What: what, Span: v.Span, Text: v.Name + " " + v.Text}
}

// writtenSection returns the first section playing one of the roles that
// holds more than placeholders: where an answer wrote something for a
// step, whether or not designlint could read it.
func (g *grader) writtenSection(kinds ...design.SectionKind) (design.Section, bool) {
	for _, s := range g.d.Sections {
		for _, k := range kinds {
			if s.Is(k) && !s.Empty {
				return s, true
			}
		}
	}
	return design.Section{}, false
}

// absent says what a step found where it looked for a section of one of
// the roles: a section holding only placeholders, named, or what.
func (g *grader) absent(what string, kinds ...design.SectionKind) string {
	for _, s := range g.d.Sections {
		if !s.Empty || s.Level == 0 {
			continue
		}
		for _, k := range kinds {
			if s.Is(k) {
				return fmt.Sprintf("%s: section %q (line %d) holds only placeholders", what, s.Title, s.Span.Start.Line)
			}
		}
	}
	return what
}

// section is the evidence of a section: where its text starts (its
// heading, when the text is not known).
func (g *grader) section(what string, s design.Section) Evidence {
	e := Evidence{What: what, Span: s.Span, Text: s.Title}
	if g.d.Format != design.Markdown || s.Level == 0 {
		return e
	}
	from, to := g.ownLines(s)
	for i, line := range strings.Split(string(g.d.Source), "\n") {
		if l := i + 1; l >= from && (to < 0 || l < to) && strings.TrimSpace(line) != "" {
			// The section's text, quoted from where it starts.
			e.Span = design.Span{Start: design.Pos{Line: l, Col: 1}, End: design.Pos{Line: l + 1, Col: 1}}
			e.Text = strings.TrimSpace(line)
			break
		}
	}
	return e
}
