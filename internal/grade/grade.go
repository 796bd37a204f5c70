// Package grade scores a design as an answer to a system-design
// interview: the nine steps of the interview method, each with its time
// budget, its points, what the answer shows and what to do next. It reads
// the same model and findings as lint, so a step's score and lint's
// findings never disagree.
package grade

import (
	"fmt"
	"math"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// Step is one step of the interview and how the answer did on it.
type Step struct {
	// ID is the step's stable name: restate, functional, nonfunctional,
	// estimates, api, architecture, deep_dive, scale_failure, summary.
	ID     string
	Title  string
	Budget string
	Points int
	Max    int
	// Found says what the answer shows for the step.
	Found string
	// Hint is the most useful thing to do next; empty at full marks.
	Hint string
}

// Card is the scorecard of one design.
type Card struct {
	Path  string
	Steps []Step
	Total int
	Max   int
}

// Grade scores a linted design.
func Grade(rep *rules.Report) *Card {
	g := &grader{rep: rep, d: rep.Design, fired: map[string]int{}}
	for _, f := range rep.Findings {
		if !f.Waived() {
			g.fired[f.Rule]++
		}
	}
	c := &Card{Path: rep.Design.Path, Max: 100}
	for _, s := range []Step{
		g.restate(), g.functional(), g.nonfunctional(), g.estimates(), g.api(),
		g.architecture(), g.deepDive(), g.scaleFailure(), g.summary(),
	} {
		s.Points = max(0, min(s.Points, s.Max))
		if s.Points == s.Max {
			s.Hint = ""
		}
		c.Steps = append(c.Steps, s)
		c.Total += s.Points
	}
	return c
}

type grader struct {
	rep   *rules.Report
	d     *design.Design
	fired map[string]int // unwaived findings by rule
}

// share is round(max × part / whole), for partial credit.
func share(max int, part, whole float64) int {
	if whole <= 0 {
		return 0
	}
	return int(math.Round(float64(max) * math.Min(part/whole, 1)))
}

func (g *grader) restate() Step {
	s := Step{ID: "restate", Title: "Restate the prompt", Budget: "1 min", Max: 5}
	if len(g.d.Problem) > 0 || g.d.HasContent(design.SectionProblem) {
		s.Points = 5
		s.Found = "a problem statement"
		if sec, ok := g.d.Section(design.SectionProblem); ok && sec.Level > 0 {
			s.Found = fmt.Sprintf("a problem statement (%q)", sec.Title)
		}
		return s
	}
	s.Found = "no problem or overview section"
	s.Hint = "open with the problem in your own words: who has it, what they need, and what is out of scope"
	return s
}

func (g *grader) functional() Step {
	s := Step{ID: "functional", Title: "Functional requirements", Budget: "3–5 min", Max: 15}
	n := len(g.d.Functional)
	s.Found = rules.Plural(n, "functional requirement", "functional requirements")
	switch {
	case n == 0:
		s.Found = "no functional requirements"
		s.Hint = "list the three to seven things users must be able to do, one per line"
	case n < 3:
		s.Points = share(15, float64(n), 3)
		s.Hint = "name at least three things users do; an interviewer expects the core flows"
	case n > 7:
		s.Points = share(15, 7, float64(n))
		s.Hint = "keep the three to seven that matter most and move the rest out of scope"
	default:
		s.Points = 15
	}
	return s
}

func (g *grader) nonfunctional() Step {
	s := Step{ID: "nonfunctional", Title: "Non-functional requirements", Budget: "2–3 min", Max: 15}
	n := len(g.d.NonFunctional)
	if n == 0 {
		s.Found = "no non-functional requirements"
		s.Hint = "state targets for scale, latency, availability and consistency, each with a number"
		return s
	}
	vague := min(g.fired[rules.NFRMeasurable.ID], n)
	missing := rules.MissingNFRs(g.d)
	// Eight points for measurable targets, seven for covering the four
	// qualities nfr-coverage asks for.
	s.Points = share(8, float64(n-vague), float64(n)) + share(7, float64(4-len(missing)), 4)
	s.Found = fmt.Sprintf("%s, %d measurable", rules.Plural(n, "requirement", "requirements"), n-vague)
	switch {
	case len(missing) > 0:
		s.Found += "; nothing on " + rules.JoinAnd(missing)
		s.Hint = "add a requirement with a target for " + rules.JoinAnd(missing)
	case vague > 0:
		s.Hint = "give every requirement a number: \"p99 under 200 ms\", not \"fast\""
	}
	return s
}

func (g *grader) estimates() Step {
	s := Step{ID: "estimates", Title: "Estimates", Budget: "3–5 min", Max: 15}
	if g.fired[rules.EstimatesPresent.ID] > 0 {
		s.Found = "no scale assumption with a number"
		s.Hint = "assume a scale (daily active users, requests per user per day) and work out requests per day and TPS"
		return s
	}
	var have, hints []string
	s.Points = 4
	have = append(have, "a scale assumption")
	if g.has("avg_tps") {
		s.Points += 3
		have = append(have, "TPS")
	} else {
		hints = append(hints, "work out the average TPS (requests per day ÷ 86,400)")
	}
	if g.has("peak_tps") && g.fired[rules.PeakLoad.ID] == 0 {
		s.Points += 3
		have = append(have, "a peak")
	} else {
		hints = append(hints, "state a peak factor and the peak TPS")
	}
	switch {
	case g.fired[rules.StorageEstimate.ID] > 0:
		hints = append(hints, "estimate storage: writes per day × size × retention × replication")
	case g.has("storage_per_day") || g.has("storage_total"):
		s.Points += 3
		have = append(have, "storage")
	default:
		s.Points += 3 // nothing stored, nothing to estimate
	}
	if n := g.fired[rules.EstimateArithmetic.ID]; n > 0 {
		hints = append([]string{fmt.Sprintf("fix the arithmetic: %s with the assumptions (designlint lint shows where)", rules.Plural(n, "figure disagrees", "figures disagree"))}, hints...)
		have = append(have, rules.Plural(n, "arithmetic slip", "arithmetic slips"))
	} else {
		s.Points += 2
		have = append(have, "arithmetic that checks out")
	}
	s.Found = rules.JoinAnd(have)
	if len(hints) > 0 {
		s.Hint = hints[0]
	}
	return s
}

// has reports whether the estimate has a figure, derived or declared.
func (g *grader) has(name string) bool {
	if g.rep.Estimate != nil {
		if _, ok := g.rep.Estimate.Figure(name); ok {
			return true
		}
	}
	_, ok := g.d.Declared[name]
	return ok
}

func (g *grader) api() Step {
	s := Step{ID: "api", Title: "API contract", Budget: "3–6 min", Max: 5}
	ops := 0
	for _, e := range g.d.API {
		if e.Method != "" && e.Path != "" {
			ops++
		}
	}
	switch {
	case ops > 0:
		s.Points = 5
		s.Found = rules.Plural(ops, "operation", "operations") + " with method and path"
	case len(g.d.API) > 0:
		s.Points = 3
		s.Found = rules.Plural(len(g.d.API), "API entry", "API entries") + " without method and path"
		s.Hint = "write each operation as METHOD /path with what it takes and returns"
	default:
		s.Found = "no API"
		s.Hint = "list the endpoints: method, path, request and response"
	}
	return s
}

func (g *grader) architecture() Step {
	s := Step{ID: "architecture", Title: "High-level architecture", Budget: "8–12 min", Max: 15}
	n, edges := 0, 0
	for _, c := range g.d.Components {
		if c.Kind != design.KindExternal {
			n++
		}
		edges += len(c.DependsOn)
	}
	connected := edges > 0 || len(g.d.Diagrams) > 0
	s.Points = share(9, float64(n), 3)
	if connected {
		s.Points += 6
	}
	s.Found = rules.Plural(n, "component", "components")
	if connected {
		s.Found += ", connected (diagram or dependencies)"
	}
	switch {
	case n == 0:
		s.Found = "no components"
		s.Hint = "draw the boxes: clients, load balancer, services, stores, caches, queues, and how a request flows"
	case n < 3:
		s.Hint = "name the other boxes a request passes through (load balancer, cache, store)"
	case !connected:
		s.Hint = "show how the components connect: a diagram or what each depends on"
	}
	return s
}

func (g *grader) deepDive() Step {
	s := Step{ID: "deep_dive", Title: "Deep dive on one component", Budget: "8–12 min", Max: 10}
	var best *design.Component
	bestScore := -1
	for _, c := range g.d.Components {
		if sc := depth(c); sc > bestScore {
			best, bestScore = c, sc
		}
	}
	if best == nil {
		s.Found = "no component to dive into"
		s.Hint = "pick the hardest component and go deep: its data model, consistency choice and why, how it scales"
		return s
	}
	s.Points = bestScore
	words := len(strings.Fields(best.Description))
	var parts []string
	parts = append(parts, fmt.Sprintf("%s: %s", best.Name, rules.Plural(words, "word", "words")))
	if best.Consistency != design.Unset {
		parts = append(parts, string(best.Consistency)+" consistency")
		if best.Justification != "" {
			parts[len(parts)-1] += " with a reason"
		}
	}
	if best.Replicas > 0 {
		parts = append(parts, rules.Plural(best.Replicas, "instance", "instances"))
	}
	s.Found = strings.Join(parts, ", ")
	switch {
	case words < 40:
		s.Hint = fmt.Sprintf("say more about %s: its data model, access pattern and how it scales", best.Name)
	case best.Consistency == design.Unset || best.Justification == "":
		s.Hint = fmt.Sprintf("say whether %s is strongly or eventually consistent, and why that fits its data", best.Name)
	case best.Replicas == 0:
		s.Hint = fmt.Sprintf("say how %s is replicated or scaled out", best.Name)
	}
	return s
}

// depth scores how deeply a component is discussed, out of 10: what is
// written about it, its consistency choice argued, its replication.
func depth(c *design.Component) int {
	points := share(4, float64(len(strings.Fields(c.Description))), 40)
	if c.Consistency != design.Unset {
		points++
		if c.Justification != "" {
			points += 2
		}
	}
	if c.Replicas > 0 {
		points += 3
	}
	return points
}

func (g *grader) scaleFailure() Step {
	s := Step{ID: "scale_failure", Title: "Scale and failure", Budget: "3–6 min", Max: 15}
	if len(g.d.FailurePlan) == 0 || g.fired[rules.FailurePlan.ID] > 0 {
		s.Found = "no failure plan"
		s.Hint = "say what happens on a traffic spike, when a node, zone or region is lost, and when a dependency fails"
	} else {
		missing := rules.FailureGaps(g.d)
		s.Points = share(12, float64(3-len(missing)), 3)
		s.Found = rules.Plural(len(g.d.FailurePlan), "failure scenario", "failure scenarios")
		if len(missing) > 0 {
			s.Found += "; nothing on " + rules.JoinAnd(missing)
			s.Hint = "add what the system does for " + rules.JoinAnd(missing)
		}
	}
	switch n := g.fired[rules.SinglePointOfFailure.ID]; {
	case n > 0:
		s.Found += "; " + rules.Plural(n, "single point of failure", "single points of failure")
		if s.Hint == "" {
			s.Hint = "replicate the single points of failure, or acknowledge each with its reason"
		}
	case len(g.d.Components) > 0:
		s.Points += 3 // components, none of them an unacknowledged single point of failure
	}
	return s
}

func (g *grader) summary() Step {
	s := Step{ID: "summary", Title: "Summary", Budget: "1 min", Max: 5}
	if g.fired[rules.Summary.ID] > 0 || len(g.d.Summary) == 0 && !g.d.HasContent(design.SectionSummary) {
		s.Found = "no summary"
		s.Hint = "close with the design in a few sentences and its key trade-offs"
		return s
	}
	s.Points = 3
	s.Found = "a summary"
	// The reader finds trade-offs in a section of their own or, without
	// one, in sentences anywhere (the summary's included).
	if len(g.d.TradeOffs) > 0 && g.fired[rules.Tradeoffs.ID] == 0 {
		s.Points = 5
		s.Found += " and the trade-offs"
	} else {
		s.Hint = "name the key trade-offs: what each choice buys and what it costs"
	}
	return s
}
