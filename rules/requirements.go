package rules

import (
	"fmt"
	"strings"

	"github.com/designlint/designlint/design"
)

// FunctionalRequirements wants the capabilities in scope written down.
var FunctionalRequirements = &Rule{
	ID:       "functional-requirements",
	Kinds:    templateInProposals,
	Category: Requirements,
	Severity: Error,
	Summary:  "the design lists what users can do",
	Doc: Doc{
		Why: `A design is an answer to a question, and the functional requirements are
the question: the handful of things users must be able to do. Without them,
reviewers cannot tell whether a box in the diagram is needed, and nobody can
say when the design is done.`,
		Trigger: `The document has no functional requirements: no section such as
"Functional requirements", "Use cases", "Features" or "Goals" (or a
"Requirements" section split by a "Functional" label), or such a section
holds only placeholders (TODO, <describe…>, a template's prompts). In CUE,
requirements.functional is missing or empty.`,
		Fix: `List the three to seven capabilities in scope, one per bullet, each a
thing a user does. Put what you deliberately leave out under "Out of scope".`,
		Fail: `# Photo sharing

## Functional requirements

TODO
`,
		Pass: `# Photo sharing

## Functional requirements

- Users upload a photo with a caption
- Users follow other users
- Users scroll a feed of photos from the accounts they follow
`,
	},
	Check: func(p *Pass) {
		if len(p.Design.Functional) > 0 {
			return
		}
		reportMissing(p, "section:functional", "functional requirements",
			addAs(p.Design, "Functional requirements", "requirements.functional")+" listing the 3–7 things users must be able to do",
			design.SectionFunctional, design.SectionRequirements)
	},
}

// NonFunctionalRequirements wants the qualities the system must have.
var NonFunctionalRequirements = &Rule{
	ID:       "nonfunctional-requirements",
	Kinds:    templateInProposals,
	Category: Requirements,
	Severity: Error,
	Summary:  "the design states its non-functional requirements",
	Doc: Doc{
		Why: `Scale, latency, availability and durability targets shape an
architecture far more than features do: a feed for ten thousand users and
one for a hundred million are different systems. A design without them
cannot be judged, because nothing says what it must withstand.`,
		Trigger: `The document has no non-functional requirements: no section such as
"Non-functional requirements", "NFRs", "SLOs", "Quality attributes" or
"Constraints", or it holds only placeholders. In CUE,
requirements.nonfunctional is missing or empty.`,
		Fix: `Add a section with one bullet per quality, each with a target: "p99 feed
latency under 200 ms", "99.95% monthly availability", "10M daily active
users", "an acknowledged upload is never lost".`,
		Fail: `# Photo sharing

## Functional requirements

- Users upload photos
`,
		Pass: `# Photo sharing

## Non-functional requirements

- Feed loads in under 200 ms at p99
- 99.95% availability
`,
	},
	Check: func(p *Pass) {
		if len(p.Design.NonFunctional) > 0 {
			return
		}
		reportMissing(p, "section:nonfunctional", "non-functional requirements",
			addAs(p.Design, "Non-functional requirements", "requirements.nonfunctional")+" with targets for scale, latency, availability and durability",
			design.SectionNonFunctional, design.SectionRequirements)
	},
}

// NFRMeasurable wants every non-functional requirement to be checkable.
var NFRMeasurable = &Rule{
	ID:       "nfr-measurable",
	Kinds:    proposalsToo,
	Category: Requirements,
	Severity: Warning,
	Summary:  "each non-functional requirement has a measurable target",
	Doc: Doc{
		Why: `"Fast" and "highly available" cannot be tested, budgeted or traded
off. A number with a unit can: 200 ms at p99 tells the reader how much
caching is needed, 99.99% tells them how many regions.`,
		Trigger: `A non-functional requirement about latency, availability, scale,
throughput, durability, consistency, security, observability or cost has no
target: no number with a unit, percentage or count ("millions of users" is
no count). Requirements a test could still decide count as measurable: a
zero target in digits or words ("0 double-booked rooms", "zero downtime
during deploys", "an acknowledged order is never lost", "a balance never
goes negative"), "N nines", a bound word ("sub-second"), a consistency
model stated for named data or under a label ("Consistency: strong for
payments"; a bare "strongly consistent" is not), a named security or
observability mechanism ("TLS in transit", "alert on the error budget").
A relaxation ("analytics need not be real-time") and a description of the
load's shape ("reads are heavy") set no goal and are passed over. A
requirement's area is the first quality it names; a quality listed among
the use cases ("the service has high availability") is a non-functional
requirement all the same.`,
		Fix: `Give the target: "p99 under 200 ms", "99.95% monthly", "10k writes/s at
peak", "RPO of 5 minutes".`,
		Fail: `# Checkout

## Non-functional requirements

- Checkout should be fast
`,
		Pass: `# Checkout

## Non-functional requirements

- Checkout completes in under 300 ms at p99
`,
	},
	Check: func(p *Pass) {
		for _, n := range p.Design.NonFunctional {
			if n.Category == design.OtherNFR || n.Measurable() {
				continue
			}
			p.Report(n.Span, "nfr:"+normalizeText(n.Text),
				"%s requirement %s has no measurable target; state a number with a unit, e.g. %s",
				n.Category, quote(Shorten(n.Text, 70)), exampleTarget(n.Category))
		}
	},
}

func exampleTarget(c design.NFRCategory) string {
	switch c {
	case design.Latency:
		return `"p99 under 200 ms"`
	case design.Availability:
		return `"99.95% monthly availability"`
	case design.Scalability:
		return `"10M daily active users, 5k writes/s at peak"`
	case design.Durability:
		return `"RPO of 5 minutes" or "never lost once acknowledged"`
	case design.Consistency:
		return `"strongly consistent reads" or "stale by at most 5 s"`
	case design.Security:
		return `"TLS in transit, AES-256 at rest"`
	case design.Observability:
		return `"alert when p99 exceeds 300 ms for 5 minutes"`
	case design.Cost:
		return `"under $20k a month"`
	}
	return `"99.9%"`
}

// coverageNeeds are the qualities every design should speak to; the last
// is satisfied by either durability or consistency.
var coverageNeeds = []struct {
	name string
	cats []design.NFRCategory
}{
	{"scale", []design.NFRCategory{design.Scalability, design.Throughput}},
	{"latency", []design.NFRCategory{design.Latency}},
	{"availability", []design.NFRCategory{design.Availability}},
	{"durability or consistency", []design.NFRCategory{design.Durability, design.Consistency}},
}

// NFRCoverage wants the non-functional requirements to cover the basics.
var NFRCoverage = &Rule{
	ID:       "nfr-coverage",
	Category: Requirements,
	Severity: Info,
	Summary:  "the non-functional requirements cover scale, latency, availability and durability or consistency",
	Doc: Doc{
		Why: `Four qualities decide most architectures: how much load, how fast, how
often up, and what happens to data (kept, and how fresh). A list of NFRs
that skips one of them leaves the matching part of the design unjustified.`,
		Trigger: `The document has non-functional requirements, but none of them speaks to
one or more of: scale, latency, availability, durability or consistency.
One finding names everything missing.`,
		Fix: `Add a requirement for each quality named in the finding, with a target.`,
		Fail: `# Search

## Non-functional requirements

- Results in under 100 ms at p99
`,
		Pass: `# Search

## Non-functional requirements

- 50M daily active users, 20k queries/s at peak
- Results in under 100 ms at p99
- 99.9% availability
- The index may lag writes by up to 1 minute (eventual consistency)
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		if len(d.NonFunctional) == 0 {
			return
		}
		missing := MissingNFRs(d)
		if len(missing) == 0 {
			return
		}
		sp := d.NonFunctional[0].Span
		if s, ok := d.Section(design.SectionNonFunctional); ok {
			sp = s.Span
		}
		p.Report(sp, "section:nonfunctional", "the non-functional requirements say nothing about %s; add a requirement with a target for each", JoinAnd(missing))
	},
}

// MissingNFRs names the qualities of coverageNeeds that no non-functional
// requirement of the design speaks to, as nfr-coverage reads them.
func MissingNFRs(d *design.Design) []string {
	have := map[design.NFRCategory]bool{}
	for _, n := range d.NonFunctional {
		have[n.Category] = true
		for _, c := range n.Categories {
			have[c] = true
		}
	}
	var missing []string
	for _, need := range coverageNeeds {
		ok := false
		for _, c := range need.cats {
			ok = ok || have[c]
		}
		if !ok {
			missing = append(missing, need.name)
		}
	}
	return missing
}

// Plural writes "1 error" or "3 errors": one when n is 1, else many.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// JoinAnd joins words as "a, b and c", for messages.
func JoinAnd(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// Shorten cuts text to n characters for a message, its spaces collapsed.
func Shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}

// normalizeText folds text into a stable key for baselines.
func normalizeText(s string) string {
	return Shorten(strings.ToLower(strings.Join(strings.Fields(s), " ")), 60)
}
