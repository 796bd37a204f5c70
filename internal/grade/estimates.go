package grade

import (
	"fmt"
	"slices"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
	"github.com/designlint/designlint/rules"
)

// The estimates step credits what the answer writes: a figure designlint
// can work out from the answer's own numbers but the answer never states
// earns a point of three, with a hint that says what it comes to. Lines
// designlint could not read are shown as unread; they cost nothing by
// themselves, and the hint asks for them to be fixed first, since what
// they say may be the credit the step is missing.

func (g *grader) estimates() Step {
	b := newStep("estimates")
	g.unreadFigures(b)
	scale := rules.ScaleFigures(g.d)
	haveScale := len(scale) > 0 && len(g.fired[rules.EstimatesPresent.ID]) == 0
	if haveScale {
		b.full("scale", "a scale assumption", value("scale assumption", scale[0]))
	} else {
		b.miss("scale", "no scale assumption with a number",
			"assume a scale with numbers (daily active users, requests per user per day) and work out requests per day and TPS from it")
	}

	switch v, ok := g.declared("avg_tps", "avg_read_tps", "avg_write_tps"); {
	case ok:
		b.full("tps", "the average TPS", value("average TPS", v))
	case g.derived("avg_tps") != nil:
		f := g.derived("avg_tps")
		b.credit("tps", 1, "the average TPS (worked out by designlint)", derivedEvidence("average TPS", f))
		b.miss("tps", "the answer does not write out its average TPS; designlint works out "+formatFigure(f),
			"write out the average TPS your figures give: "+work(f))
	default:
		b.miss("tps", "no average TPS", "work out the average TPS: requests per day ÷ 86,400")
	}

	if v, ok := g.assumed("peak_factor"); ok {
		b.full("peak", "a peak", value("peak factor", v))
	} else if v, ok := g.declared("peak_tps", "peak_read_tps", "peak_write_tps"); ok {
		b.full("peak", "a peak", value("peak TPS", v))
	} else {
		b.miss("peak", "no peak: neither a peak factor nor a peak TPS",
			"traffic is not uniform: state a peak factor (say 3x the average in the evening hours) and the peak TPS it gives")
	}

	g.storage(b, haveScale)
	g.arithmetic(b)
	return b.finish()
}

// storage credits a storage estimate when the design stores data.
func (g *grader) storage(b *step, haveScale bool) {
	if v, ok := g.declared("storage_per_day", "storage_per_year", "storage_total"); ok {
		b.full("storage", "storage", value("storage", v))
		return
	}
	f := g.derived("storage_total")
	if f == nil {
		f = g.derived("storage_per_day")
	}
	switch {
	case !haveScale:
		b.miss("storage", "no storage estimate", "")
	case f != nil:
		b.credit("storage", 1, "storage (worked out by designlint)", derivedEvidence("storage", f))
		b.miss("storage", "the answer does not write out its storage; designlint works out "+formatFigure(f),
			"write out the storage your figures give: "+work(f))
	case !g.storesData():
		b.full("storage", "nothing stored to size", Evidence{What: "nothing stored", Quote: "no writes, and no database or object store"})
	default:
		b.miss("storage", "no storage estimate, though the design stores data",
			"estimate storage: writes per day × the size of a write, then × retention × replication")
	}
}

// storesData reports whether the design writes data: stores among its
// components, or figures about writes, read or not.
func (g *grader) storesData() bool {
	for _, c := range g.d.Components {
		if c.Kind == design.KindDatabase || c.Kind == design.KindObjectStore {
			return true
		}
	}
	writes := func(name string) bool {
		return strings.Contains(name, "write") || strings.HasPrefix(name, "storage")
	}
	for name := range g.d.Assumptions {
		if writes(name) {
			return true
		}
	}
	for name := range g.d.Declared {
		if writes(name) {
			return true
		}
	}
	for _, u := range g.unreadNames() {
		if writes(u) {
			return true
		}
	}
	return false
}

// arithmetic credits worked figures without a slip. Only
// estimate-arithmetic's findings are slips; a line designlint could not
// read is not one.
func (g *grader) arithmetic(b *step) {
	var slips []rules.Finding
	for _, f := range g.fired[rules.EstimateArithmetic.ID] {
		if line, ok := g.restsOnUnread(f); ok {
			// The figure was checked with a default where the answer
			// states the input on a line designlint could not read: the
			// check says nothing about the answer's arithmetic.
			b.unread = append(b.unread, Evidence{Part: "unread", Span: f.Span, Text: f.Message,
				What: fmt.Sprintf("not checked: it rests on line %d, which designlint could not read", line)})
			continue
		}
		slips = append(slips, f)
	}
	// The figures checked against their formula and the calculations
	// written out, one piece of evidence a line.
	var checked []Evidence
	lines := map[int]bool{}
	add := func(e Evidence) {
		if l := e.Span.Start.Line; !lines[l] {
			lines[l] = true
			checked = append(checked, e)
		}
	}
	if g.rep.Estimate != nil {
		for _, c := range g.rep.Estimate.Checks {
			if v, ok := g.d.Declared[c.Name]; ok {
				add(value("worked figure", v))
			}
		}
	}
	for _, eq := range g.d.Equations {
		add(Evidence{What: "worked figure", Span: eq.Span, Text: eq.Text})
	}
	slices.SortStableFunc(checked, func(a, b Evidence) int { return a.Span.Start.Line - b.Span.Start.Line })
	switch {
	case len(slips) > 0:
		for _, f := range slips {
			b.miss("arithmetic", fmt.Sprintf("line %d: %s", f.Span.Start.Line, f.Message), "")
		}
		// A slip is a mistake the answer makes, the first thing to fix.
		b.first = fmt.Sprintf("fix the arithmetic at line %d: %s", slips[0].Span.Start.Line, slips[0].Message)
	case len(checked) > 0:
		b.full("arithmetic", "arithmetic that checks out", checked...)
	default:
		b.miss("arithmetic", "no worked figure to check",
			"work figures out from your assumptions (requests per day, TPS, storage) so that the arithmetic shows")
	}
}

// restsOnUnread reports whether a finding of estimate-arithmetic checks a
// figure whose formula takes an input the answer states on a line
// designlint could not read, and that line.
func (g *grader) restsOnUnread(f rules.Finding) (int, bool) {
	name, ok := strings.CutPrefix(f.Element, "figure:")
	if !ok || g.rep.Estimate == nil {
		return 0, false
	}
	for _, c := range g.rep.Estimate.Checks {
		if c.Name != name {
			continue
		}
		uses := append([]string(nil), c.Inputs...)
		for _, d := range c.Defaults {
			uses = append(uses, strings.Fields(d)[0])
		}
		for _, is := range g.d.Issues {
			if n, ok := unreadName(is); ok && slices.Contains(uses, n) {
				return is.Span.Start.Line, true
			}
		}
	}
	return 0, false
}

// unreadFigures lists the labelled figures designlint could not read, and
// makes fixing the first the step's hint while the step lacks points.
func (g *grader) unreadFigures(b *step) {
	for _, is := range g.d.Issues {
		name, ok := unreadName(is)
		if !ok {
			continue
		}
		why := is.Message
		for _, u := range g.d.Unread {
			if u.Span == is.Span && u.Why != "" {
				why = u.Why
			}
		}
		if !strings.HasPrefix(why, name) {
			why = name + ": " + why
		}
		b.unread = append(b.unread, Evidence{Part: "unread", What: why, Span: is.Span, Text: is.Message})
	}
	if len(b.unread) > 0 {
		u := b.unread[0]
		b.first = fmt.Sprintf("designlint could not read line %d (%s): write it with the unit its name needs, so that it counts", u.Span.Start.Line, u.What)
	}
}

// unreadName is the figure an issue says could not be read: an
// unreadable-figure finding, or a figure a structured document's schema
// refused.
func unreadName(is design.Issue) (string, bool) {
	if is.Rule != rules.UnreadableFigure.ID && is.Rule != rules.Schema.ID {
		return "", false
	}
	return strings.CutPrefix(is.Element, "figure:")
}

func (g *grader) unreadNames() []string {
	var out []string
	for _, is := range g.d.Issues {
		if name, ok := unreadName(is); ok {
			out = append(out, name)
		}
	}
	return out
}

// declared returns the first of the figures the answer states.
func (g *grader) declared(names ...string) (design.Value, bool) {
	for _, n := range names {
		if v, ok := g.d.Declared[n]; ok {
			return v, true
		}
	}
	return design.Value{}, false
}

// assumed returns an assumption the answer states.
func (g *grader) assumed(name string) (design.Value, bool) {
	v, ok := g.d.Assumptions[name]
	return v, ok
}

// derived returns a figure designlint works out from the answer's
// figures, nil when it cannot.
func (g *grader) derived(name string) *estimate.Figure {
	f, ok := g.rep.Estimate.Figure(name)
	if !ok || f.FromDocument {
		return nil
	}
	return &f
}

func derivedEvidence(what string, f *estimate.Figure) Evidence {
	return Evidence{What: what + " worked out by designlint", Text: f.Name, Quote: work(f)}
}

// formatFigure writes a figure as its name formats it: "579 TPS".
func formatFigure(f *estimate.Figure) string {
	n, _ := estimate.Lookup(f.Name)
	return n.FormatAs(f.Value)
}

// work writes a figure's formula with the answer's numbers.
func work(f *estimate.Figure) string {
	return fmt.Sprintf("%s (%s) ≈ %s", f.Formula, estimate.Work(f.Inputs, f.Values), formatFigure(f))
}
