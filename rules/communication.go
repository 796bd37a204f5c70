package rules

import (
	"github.com/designlint/designlint/design"
)

// Tradeoffs wants the choices and their costs said out loud.
var Tradeoffs = &Rule{
	ID:       "tradeoffs",
	Kinds:    everyDesignKind,
	Category: Communication,
	Severity: Warning,
	Summary:  "the design states its trade-offs",
	Doc: Doc{
		Why: `Every design gives something up: consistency for availability, latency
for durability, money for speed, simplicity for scale. Naming the trade-off
shows it was a choice, and tells the next engineer what would change if
the requirements did.`,
		Trigger: `The document states no trade-off: no section such as "Trade-offs",
"Alternatives considered", "Design decisions" or "Drawbacks" with content,
no sentence elsewhere that weighs a choice ("we chose X over Y because…",
"at the cost of…", "the downside is…", "however, it doubles the memory",
"alternatively, we could…"), no pros-and-cons list or table that sets
options against each other, and no tradeoffs in CUE. A sentence that only
names the topic ("we should discuss the trade-offs") or asks about it does
not count.`,
		Fix: `Add a "Trade-offs" section: for each major choice, what it buys and what
it costs.`,
		Fail: `# Leaderboard

## High-level design

Scores go to Redis sorted sets.
`,
		Pass: `# Leaderboard

## Trade-offs

- Redis sorted sets give O(log n) rank updates at the cost of keeping every
  score in memory
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		if len(d.TradeOffs) > 0 || hasSectionContent(d, design.SectionTradeoffs) {
			return
		}
		reportMissing(p, "section:tradeoffs", "trade-offs",
			addAs(d, "Trade-offs", "tradeoffs")+": for each major choice, what it buys and what it costs",
			design.SectionTradeoffs)
	},
}

// APIContract wants the interface written down.
var APIContract = &Rule{
	ID:       "api-contract",
	Category: Communication,
	Severity: Info,
	Summary:  "the design lists its API",
	Doc: Doc{
		Why: `The API is the contract with clients and the first thing that is hard
to change. Writing the endpoints down checks that the functional
requirements can actually be served, and fixes names before the
architecture is drawn around them.`,
		Trigger: `The document has no API: no section such as "API", "API design",
"Endpoints" or "Interface" with content, no HTTP operation written anywhere
("GET /v1/feed", a curl command), no gRPC method ("rpc GetFeed(FeedRequest)
returns (Feed)"), no list of two or more operations written as calls
("reserveSeat(eventId, seatId)", "listEvents()"), and no api in CUE.`,
		Fix: `Add an "API" section with one line per operation: method, path, what it
takes and returns.`,
		Fail: `# Feed

## Functional requirements

- Users scroll their feed
`,
		Pass: "# Feed\n\n## API\n\n- `GET /v1/feed?cursor=` returns the next page of posts\n",
	},
	Check: func(p *Pass) {
		d := p.Design
		if len(d.API) > 0 || hasSectionContent(d, design.SectionAPI) {
			return
		}
		reportMissing(p, "section:api", "API",
			addAs(d, "API", "api")+" with one line per operation: method, path, what it takes and returns",
			design.SectionAPI)
	},
}

// Summary wants a closing summary.
var Summary = &Rule{
	ID:       "summary",
	Kinds:    templateInProposals,
	Category: Communication,
	Severity: Info,
	Summary:  "the design ends with a summary",
	Doc: Doc{
		Why: `A short summary of the design and its key trade-offs is what most
readers will remember, and in an interview it is the last impression. It
also forces the author to check that the parts add up.`,
		Trigger: `The document has no summary: no section such as "Summary",
"Conclusion", "Wrap-up" or "TL;DR" with content, and no summary in CUE.`,
		Fix: `Close with a few sentences: what the design is, its key trade-offs, and
what you would do next.`,
		Fail: `# Feed

## High-level design

A fan-out service writes posts into followers' timelines.
`,
		Pass: `# Feed

## Summary

Fan-out on write keeps reads fast; celebrities are fanned out on read to
bound write amplification.
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		if len(d.Summary) > 0 || hasSectionContent(d, design.SectionSummary) {
			return
		}
		reportMissing(p, "section:summary", "summary",
			addAs(d, "Summary", "summary")+": what the design is, its key trade-offs, what comes next",
			design.SectionSummary)
	},
}
