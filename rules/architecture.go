package rules

import (
	"github.com/designlint/designlint/design"
	"strings"
)

// ArchitectureOverview wants the boxes and arrows.
var ArchitectureOverview = &Rule{
	ID:       "architecture-overview",
	Kinds:    templateInProposals,
	Category: Architecture,
	Severity: Warning,
	Summary:  "the design shows its high-level architecture",
	Doc: Doc{
		Why: `The high-level architecture is where a reader first sees how the pieces
fit: which services exist, where data lives, what talks to what. Every
later discussion (a bottleneck, a single point of failure, a consistency
choice) points at it.`,
		Trigger: `The document has no architecture: no section such as "Architecture",
"High-level design" or "System design" with content, no diagram (a Mermaid
flowchart, an image or a text diagram in such a section) and no
components (sub-headings, a components table, or components in CUE). An
architecture section is reported too when, with no component and no
diagram found, it and its sub-sections hold fewer than 15 words and name
no part of a system (service, store, database, cache, queue…): a heading
over an encoding scheme is not an architecture. Longer prose is left
alone, in case it describes the parts in words designlint does not read.`,
		Fix: `Add a "High-level design" section with a diagram (a Mermaid flowchart is
read by designlint: its nodes become components and its edges
dependencies) or a components table.`,
		Fail: `# URL shortener

## Functional requirements

- Users shorten a long URL
`,
		Pass: `# URL shortener

## High-level design

` + "```mermaid" + `
flowchart LR
    client[Client] --> api[Shortener service]
    api --> db[(Links DB)]
` + "```" + `
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		if len(d.Components) > 0 || len(d.Diagrams) > 0 {
			return
		}
		if hasSectionContent(d, design.SectionArchitecture, design.SectionComponents) {
			if p.Applies == Template {
				return
			}
			if s, thin := thinArchitecture(d); thin {
				p.Report(s.Span, "section:architecture",
					"section %s names no service, store or connection and holds no diagram; describe the components and how they connect, or draw them (a Mermaid flowchart is read)",
					quote(s.Title))
			}
			return
		}
		reportMissing(p, "section:architecture", "architecture",
			addAs(p.Design, "High-level design", "components")+" with a diagram or a components table showing the services, stores and how they connect",
			design.SectionArchitecture, design.SectionComponents)
	},
}

// thinArchitecture returns the first architecture section of a design with
// no component and no diagram when the sections of that role hold fewer
// than thinWords words between them, their sub-sections included: a
// heading over an encoding scheme is no architecture. A longer text may
// describe the parts in words designlint does not take for components,
// and is left alone.
func thinArchitecture(d *design.Design) (design.Section, bool) {
	r := readRecord(d)
	if r.parts == nil {
		return design.Section{}, false
	}
	words := 0
	count := func(text string) {
		for _, w := range strings.Fields(text) {
			words++
			if design.NamesKind(strings.Trim(w, ".,;:()*`'\"")) {
				// it names a part, in words designlint did not take
				// for a component
				words += thinWords
			}
		}
	}
	for i, part := range r.parts {
		if playsAny(part, []design.SectionKind{design.SectionArchitecture, design.SectionComponents}) {
			count(part.Text + " " + part.Heading.Title)
			for j := i + 1; j < len(r.parts) && r.parts[j].Heading.Level > part.Heading.Level; j++ {
				count(r.parts[j].Text + " " + r.parts[j].Heading.Title)
			}
		}
	}
	if words >= thinWords {
		return design.Section{}, false
	}
	for _, s := range d.Sections {
		if (s.Kind == design.SectionArchitecture || s.Kind == design.SectionComponents) && !s.Empty {
			return s, true
		}
	}
	return design.Section{}, false
}

// thinWords is how many words an architecture section needs, with no
// component or diagram found, to be taken as describing one.
const thinWords = 15

// ConsistencyJustified wants every stateful component's consistency model
// stated and argued.
var ConsistencyJustified = &Rule{
	ID:       "consistency-justified",
	Kinds:    statedInDecisions,
	Category: Architecture,
	Severity: Error,
	Summary:  "every stateful component states its consistency model and why",
	Doc: Doc{
		Why: `When the network partitions, a store either refuses to answer or answers
with data that may be stale. Which one is right depends on the data: a
balance must never be read stale, a like count may. Real systems mix both,
per component, and the design should say which and why.`,
		Trigger: `A stateful component (database, cache, queue, object store, search
index, or a service marked stateful) states no consistency model, or
states one with no reason. designlint reads the component's own text, not
the document's background: "strongly consistent", "linearizable", "ACID"
or "eventually consistent", and a reason given with "because", "since",
"so that", "we need", "to avoid", a dash, or a Why column.`,
		Fix: `In the component's description, say "strong" or "eventual" and why it
fits the data, e.g. "eventually consistent: a feed that is a few seconds
stale is acceptable". In CUE set consistency and justification.`,
		Fail: `# Wallet

## Components

### Balances DB (PostgreSQL)

Stores each user's balance.
`,
		Pass: `# Wallet

## Components

### Balances DB (PostgreSQL)

Stores each user's balance. Strongly consistent (serializable transactions)
because a balance read stale could let a user spend the same money twice.
`,
	},
	Check: func(p *Pass) {
		for _, c := range p.Design.Components {
			if !c.Stateful || c.Kind == design.KindExternal || p.Options.Ignores(c.Name) {
				continue
			}
			switch {
			case c.Consistency == design.Unset && p.Applies != Stated:
				p.Report(c.Span, "component:"+c.Name,
					"%s %s states no consistency model; say whether it is strongly or eventually consistent and why that fits its data",
					kindNoun(c), quote(c.Name))
			case c.Consistency != design.Unset && c.Justification == "":
				p.Report(c.Span, "component:"+c.Name,
					"%s %s is %s but gives no reason; say why that fits its data (what goes wrong if a read is stale, or why staleness is acceptable)",
					kindNoun(c), quote(c.Name), c.Consistency.Described())
			}
		}
	},
}

// kindNoun names a component's kind for a message.
func kindNoun(c *design.Component) string {
	switch c.Kind {
	case design.KindLoadBalancer:
		return "load balancer"
	case design.KindObjectStore:
		return "object store"
	case design.KindCDN:
		return "CDN"
	case "":
		return "component"
	}
	return string(c.Kind)
}
