package grade

import (
	"fmt"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// The nine steps, each scored from the model: what the reader found,
// wherever and however the answer wrote it.

func (g *grader) restate() Step {
	b := newStep("restate")
	switch {
	case len(g.d.Problem) > 0:
		found := "the prompt restated"
		if s, ok := g.d.Section(design.SectionProblem); ok && s.Level > 0 {
			found += fmt.Sprintf(" (%q)", s.Title)
		}
		b.full("restatement", found, item("restatement", g.d.Problem[0]))
	default:
		if s, ok := g.writtenSection(design.SectionProblem); ok {
			b.full("restatement", fmt.Sprintf("the prompt restated (%q)", s.Title), g.section("restatement", s))
			break
		}
		if line, ok := g.leadText(); ok {
			b.miss("restatement", fmt.Sprintf("the text at line %d is not read as a restatement of the prompt", line),
				fmt.Sprintf("designlint does not yet take the text at line %d for the restatement of the prompt; a heading such as Problem or Overview above it makes it count", line))
			break
		}
		b.miss("restatement", g.absent("no restatement of the prompt", design.SectionProblem),
			"open with the prompt in your own words, under the title or a heading such as Problem: who uses the system, what they need, what is out of scope")
	}
	return b.finish()
}

// leadText finds the opening text of a Markdown answer that plays no
// part designlint knows: a paragraph under the title, or under a heading
// with no role, before the first section that has one. It is where a
// restatement the reader did not recognise stands.
func (g *grader) leadText() (int, bool) {
	if g.d.Format != design.Markdown {
		return 0, false
	}
	end := -1
	for _, h := range g.d.Headings {
		if h.Kind != "" {
			end = h.Span.Start.Line
			break
		}
	}
	headings := map[int]bool{}
	for _, h := range g.d.Headings {
		headings[h.Span.Start.Line] = true
	}
	first, words := 0, 0
	lines := strings.Split(string(g.d.Source), "\n")
	start := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		// front matter
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				start = i + 1
				break
			}
		}
	}
	fenced := false
	for i := start; i < len(lines) && (end < 0 || i+1 < end); i++ {
		l := strings.TrimSpace(lines[i])
		if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			fenced = !fenced
			continue
		}
		// Headings, notes in quotes, tables, comments and code are not
		// a restatement.
		if fenced || headings[i+1] || l == "" || strings.HasPrefix(l, ">") || strings.HasPrefix(l, "|") || strings.HasPrefix(l, "<!--") {
			continue
		}
		if first == 0 {
			first = i + 1
		}
		words += len(strings.Fields(lines[i]))
	}
	// A sentence or two, not a stray line.
	return first, words >= 12
}

func (g *grader) functional() Step {
	b := newStep("functional")
	n := len(g.d.Functional)
	if n == 0 {
		if s, ok := g.writtenSection(design.SectionFunctional, design.SectionRequirements); ok {
			b.miss("requirements", fmt.Sprintf("section %q (line %d) has text, but designlint read no functional requirement from it", s.Title, s.Span.Start.Line),
				"write each functional requirement as an item of its own (a list item or a table row): one thing a user can do")
		} else {
			b.miss("requirements", g.absent("no functional requirements", design.SectionFunctional), "list the three to seven things users must be able to do, one per line")
		}
		return b.finish()
	}
	var ev []Evidence
	for _, it := range g.d.Functional {
		ev = append(ev, item("functional requirement", it))
	}
	found := rules.Plural(n, "functional requirement", "functional requirements")
	switch {
	case n < 3:
		b.credit("requirements", share(15, float64(n), 3), found, ev...)
		b.miss("requirements", fmt.Sprintf("only %s; three to seven are expected", found),
			"name at least three things users do: the core flows an interviewer expects")
	case n > 7:
		b.credit("requirements", share(15, 7, float64(n)), found, ev...)
		b.miss("requirements", fmt.Sprintf("%s; an interviewer expects the three to seven that matter", found),
			"keep the three to seven that matter most and move the rest out of scope")
	default:
		b.full("requirements", found, ev...)
	}
	return b.finish()
}

func (g *grader) nonfunctional() Step {
	b := newStep("nonfunctional")
	nfrs := g.d.NonFunctional
	if len(nfrs) == 0 {
		if s, ok := g.writtenSection(design.SectionNonFunctional); ok {
			b.miss("measurable", fmt.Sprintf("section %q (line %d) has text, but designlint read no requirement from it", s.Title, s.Span.Start.Line),
				"write each non-functional requirement as an item of its own: the quality and its target (Latency: p99 under 200 ms)")
		} else {
			b.miss("measurable", g.absent("no non-functional requirements", design.SectionNonFunctional),
				"state targets for scale, latency, availability and consistency, each with a number")
		}
		b.miss("coverage", "nothing on scale, latency, availability, durability or consistency", "")
		return b.finish()
	}
	var measurable []Evidence
	var vague []design.NFR
	for _, n := range nfrs {
		if n.Category != design.OtherNFR && !n.Measurable() {
			vague = append(vague, n)
			continue
		}
		measurable = append(measurable, item(nfrWhat(n), n.Item))
	}
	b.credit("measurable", share(8, float64(len(measurable)), float64(len(nfrs))),
		fmt.Sprintf("%s, %d measurable", rules.Plural(len(nfrs), "requirement", "requirements"), len(measurable)), measurable...)
	for _, n := range vague {
		b.miss("measurable", fmt.Sprintf("line %d: %s requirement %q has no target", n.Span.Start.Line, n.Category, rules.Shorten(n.Text, 50)),
			fmt.Sprintf("give the %s requirement at line %d a target you could test: a number with a unit (\"p99 under 200 ms\", \"99.95%% a month\"), not \"fast\" or \"highly available\"", n.Category, n.Span.Start.Line))
	}
	missing := rules.MissingNFRs(g.d)
	b.credit("coverage", share(7, float64(4-len(missing)), 4), "")
	if len(missing) > 0 {
		b.miss("coverage", "nothing on "+rules.JoinAnd(missing), "add a requirement with a target for "+rules.JoinAnd(missing))
	}
	return b.finish()
}

// nfrWhat says what a requirement was credited as: its qualities.
func nfrWhat(n design.NFR) string {
	var cats []string
	for _, c := range n.Categories {
		cats = append(cats, string(c))
	}
	if len(cats) == 0 {
		cats = append(cats, string(n.Category))
	}
	return strings.Join(cats, ", ") + " requirement"
}

func (g *grader) api() Step {
	b := newStep("api")
	var ops, entries []Evidence
	for _, e := range g.d.API {
		ev := Evidence{What: "operation", Span: e.Span, Text: strings.TrimSpace(e.Method + " " + e.Path + " " + e.Description)}
		if e.Method != "" && e.Path != "" {
			ops = append(ops, ev)
		} else {
			ev.What = "API entry"
			entries = append(entries, ev)
		}
	}
	const how = "write each operation as METHOD /path with what it takes and returns (POST /v1/orders → 201 {id})"
	switch {
	case len(ops) > 0:
		b.full("operations", rules.Plural(len(ops), "operation", "operations")+" with method and path", ops...)
	case len(entries) > 0:
		found := rules.Plural(len(entries), "API entry", "API entries") + " without method and path"
		b.credit("operations", 3, found, entries...)
		b.miss("operations", found, how)
	default:
		if s, ok := g.writtenSection(design.SectionAPI); ok {
			found := fmt.Sprintf("an API section (%q) with no operation designlint can read", s.Title)
			b.credit("operations", 3, found, g.section("API section", s))
			b.miss("operations", found, how)
			break
		}
		b.miss("operations", g.absent("no API", design.SectionAPI), "list the endpoints: method, path, what each takes and returns")
	}
	return b.finish()
}

// componentForms are the ways of writing a component designlint reads,
// shown when it recognised none.
const componentForms = "a sub-heading (### Orders DB (PostgreSQL)), a list item led by its name (- **Orders DB** (PostgreSQL): …), " +
	"a table with a Component column, or a mermaid flowchart"

// connectionForms are the ways of saying how components connect that
// designlint reads.
const connectionForms = "a mermaid flowchart (api --> db), a Depends on column in a components table, " +
	"or a label in a component's text (Depends on: Orders DB)"

func (g *grader) architecture() Step {
	b := newStep("architecture")
	var comps, links []Evidence
	for _, c := range g.d.Components {
		if c.Kind != design.KindExternal {
			comps = append(comps, Evidence{What: fmt.Sprintf("component %s (%s)", c.Name, strings.ReplaceAll(string(c.Kind), "_", " ")), Span: c.Span, Text: c.Name})
		}
		for _, dep := range c.DependsOn {
			links = append(links, Evidence{What: "connection", Span: c.Span, Text: c.Name + " → " + dep, Quote: c.Name + " → " + dep})
		}
	}
	n := len(comps)
	switch {
	case n == 0:
		if s, ok := g.writtenSection(design.SectionArchitecture, design.SectionComponents); ok {
			b.miss("components", fmt.Sprintf("designlint recognised no component in section %q (line %d)", s.Title, s.Span.Start.Line),
				"designlint did not recognise your components: write each as "+componentForms)
		} else {
			b.miss("components", g.absent("no components recognised", design.SectionArchitecture, design.SectionComponents),
				"sketch the high-level design: the boxes a request passes through (load balancer, services, stores, caches, queues), each written as "+componentForms)
		}
	case n < 3:
		b.credit("components", share(9, float64(n), 3), rules.Plural(n, "component", "components"), comps...)
		b.miss("components", "only "+rules.Plural(n, "component", "components"),
			"name the other boxes a request passes through: load balancer, services, stores, caches, queues")
	default:
		b.full("components", rules.Plural(n, "component", "components"), comps...)
	}
	var diagrams []Evidence
	for _, sp := range g.d.Diagrams {
		diagrams = append(diagrams, Evidence{What: "diagram", Span: sp, Text: "diagram"})
	}
	switch {
	case len(diagrams) > 0 || len(links) > 0:
		found := rules.Plural(len(links), "connection", "connections")
		if len(diagrams) > 0 {
			found += " in a diagram"
		}
		b.full("connections", found, append(diagrams, links...)...)
	case n > 0:
		b.miss("connections", "nothing says how the components connect", "show how a request flows between the components: "+connectionForms)
	}
	return b.finish()
}

func (g *grader) summary() Step {
	b := newStep("summary")
	var trade []Evidence
	tradeFound := "the trade-offs"
	for _, it := range g.d.TradeOffs {
		trade = append(trade, item("trade-off", it))
	}
	if len(trade) == 0 {
		if s, ok := g.writtenSection(design.SectionTradeoffs); ok {
			trade = append(trade, g.section("trade-offs", s))
			tradeFound += fmt.Sprintf(" (%q)", s.Title)
		}
	}
	switch {
	case len(g.d.Summary) > 0:
		b.full("summary", "a summary", item("summary", g.d.Summary[0]))
	default:
		if s, ok := g.writtenSection(design.SectionSummary); ok {
			b.full("summary", fmt.Sprintf("a summary (%q)", s.Title), g.section("summary", s))
			break
		}
		hint := "close with the design in a few sentences and its key trade-offs"
		if len(trade) > 0 {
			hint = "close with a summary: the design in a few sentences, and what you would do next"
		}
		b.miss("summary", g.absent("no summary", design.SectionSummary), hint)
	}
	if len(trade) > 0 {
		b.full("tradeoffs", tradeFound, trade...)
	} else {
		b.miss("tradeoffs", g.absent("no trade-offs", design.SectionTradeoffs), "name the key trade-offs: what each choice buys and what it costs")
	}
	return b.finish()
}
