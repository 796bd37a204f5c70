package rules

import (
	"strings"

	"github.com/designlint/designlint/design"
)

// The rules of this file ask of a decision record (adr-*) or a proposal
// (rfc-*) the parts its kind needs, as the templates of each kind ask for
// them: Nygard's and MADR's context, decision, consequences and options;
// a KEP's, a Go or a Rust RFC's motivation, goals, alternatives and risks.
// Each part counts wherever it is written (record.go): under a heading
// that names it at any level, or, when no heading names it, in sentences
// that say it. Only Markdown is checked: the CUE schema has no fields for
// the parts of a record.

// Where each rule looks: the roles of the headings that hold a part, the
// roles whose text does not count for it, and the phrases that say it.
var (
	// A decision record's context, a proposal's motivation.
	contextRoles = []design.SectionKind{
		design.SectionContext, design.SectionProblem, design.SectionMotivation,
	}
	// What was decided or proposed.
	decisionRoles = []design.SectionKind{
		design.SectionDecision, design.SectionArchitecture, design.SectionComponents,
	}
	// What a decision costs and gives.
	consequenceRoles = []design.SectionKind{
		design.SectionConsequences, design.SectionRisks,
	}
	// The options weighed.
	alternativeRoles = []design.SectionKind{
		design.SectionAlternatives,
	}
	// What a proposal must achieve…
	goalRoles = []design.SectionKind{
		design.SectionGoals, design.SectionFunctional, design.SectionRequirements,
	}
	// …and what it leaves alone.
	nonGoalRoles = []design.SectionKind{
		design.SectionNonGoals, design.SectionOutOfScope,
	}
	// What could go wrong with a proposal.
	riskRoles = []design.SectionKind{
		design.SectionRisks, design.SectionFailure, design.SectionConsequences,
	}
	// Parts whose sentences decide nothing: "we will need to choose" in a
	// context.
	notDecisionRoles = []design.SectionKind{
		design.SectionContext, design.SectionProblem, design.SectionMotivation,
		design.SectionConsequences, design.SectionAlternatives, design.SectionRisks,
		design.SectionNonGoals, design.SectionOutOfScope, design.SectionStatus,
	}
	// Parts whose risks are not the proposal's: today's, the options'.
	notRiskRoles = []design.SectionKind{
		design.SectionContext, design.SectionProblem, design.SectionMotivation,
		design.SectionAlternatives,
	}
	// Parts whose effects are not the decision's.
	notEffectRoles = []design.SectionKind{
		design.SectionContext, design.SectionProblem, design.SectionMotivation,
		design.SectionStatus,
	}
	// A context stated in a sentence.
	contextPhrases = phraseSet(
		"in the context of", "we need to decide", "we have to decide", "we must decide",
		"needs to be decided", "the problem is", "the problem we", "the issue is", "currently",
		"at the moment", "at present",
	)
	// A decision stated in a sentence.
	decisionPhrases = phraseSet(
		"we will", "we'll", "we decided", "we have decided", "we've decided", "decided to", "we chose",
		"we choose", "we have chosen", "we've chosen", "chosen option", "we are going to",
		"we're going to", "we go with", "we went with", "we settled on", "we opted", "we adopt",
		"we propose", "we agreed", "we should", "the decision is", "our decision",
	)
	// An effect of the decision.
	effectPhrases = phraseSet(
		"consequence", "implication", "as a result", "downside", "drawback", "disadvantage",
		"at the cost of", "at the expense of", "trade-off", "tradeoff", "trade off", "good, because",
		"bad, because", "pros:", "cons:", "we accept", "acceptable risk", "in exchange for",
	)
	// An option weighed.
	optionPhrases = phraseSet(
		"alternative", "options considered", "considered options", "we considered", "also considered",
		"was considered", "were considered", "we discussed", "we evaluated", "we compared", "we weighed",
		"we looked at", "two options", "three options", "four options", "several options",
		"other options", "the options", "option 1", "option 2", "option a", "option b", "first option",
		"second option", "other option", "final option", "decided against", "ruled out", "we rejected",
		"was rejected", "were rejected", "was discounted", "was discarded", "could also consider",
		"consider using", "considered using", "versus", "vs ", "vs. ", "prior art",
	)
	// What is wrong today.
	motivationPhrases = phraseSet(
		"motivation", "motivated by", "the problem", "this problem", "problem is", "problem with",
		"problems with", "currently", "at the moment", "at present", "pain point", "we need",
		"is needed", "are needed", "suffers from", "the issue is", "issues with",
	)
	// A proposal's reason in its summary: "… to protect the leader from
	// overload".
	purposePhrases = phraseSet(
		"so that", "in order to", "because", "since", "to avoid", "to prevent", "to protect",
		"to reduce", "to improve", "to allow", "to enable", "to make", "to fix", "to solve",
		"to address", "to support", "to let", "to stop", "to speed up", "to cut", "to lower",
		"to remove",
	)
	// A goal.
	goalPhrases = phraseSet(
		"goal", "objective", "aims to", "we aim", "the aim", "in scope", "purpose of this",
	)
	// Something put out of scope or deferred.
	nonGoalPhrases = phraseSet(
		"non-goal", "non goal", "nongoal", "out of scope", "not in scope", "outside the scope",
		"outside of the scope", "beyond the scope", "not a goal", "not the goal", "not intended to",
		"does not aim", "do not aim", "does not attempt", "do not attempt", "will not address",
		"won't address", "does not address", "future work", "future possibilities",
		"future consideration", "we focus on", "we will focus on", "this rfc focuses on",
		"this proposal focuses on", "this document focuses on", "supplemented later", "considered later",
		"addressed later", "handled later", "left for later", "in a future proposal", "in a future rfc",
		"a separate proposal", "a separate rfc", "follow-up proposal",
	)
	// A risk, a drawback or its mitigation.
	riskPhrases = phraseSet(
		"drawback", "downside", "disadvantage", "weakness", "risk", "caveat", "limitation",
		"at the cost of", "at the expense of", "the cost of", "trade-off", "tradeoff", "cons:",
		"mitigat", "breaking change", "incompatib", "backward compatib", "backwards compatib",
		"issues with this", "concern is", "concerns are", "main concern", "privacy concern",
		"security concern", "overhead", "failure mode", "security considerations",
		"privacy considerations",
	)
	// An option set aside, when the sentence gives a reason (choicePhrases):
	// not a behaviour ("rather than just the latest entries").
	insteadPhrases = phraseSet(
		"instead of", "rather than",
	)
	// A reason or a choice.
	choicePhrases = phraseSet(
		"because", "since", "chose", "choose", "decided", "prefer", "picked", "selected", "opted",
		"we will", "we'll", "went with",
	)
)

// ADRContext wants the forces behind a decision.
var ADRContext = &Rule{
	ID:       "adr-context",
	Kinds:    adrOnly,
	Category: Requirements,
	Severity: Warning,
	Summary:  "a decision record states its context: the problem and the forces at play",
	Doc: Doc{
		Why: `A decision is only as good as the situation it answered. Without the
context — the problem, the constraints, the forces pulling each way — a
later reader can neither judge the decision nor tell when it stops holding,
which is the moment a decision record exists for. A warning, not an error:
the record still records what was decided.`,
		Trigger: `A Markdown document read as an adr has no context: no heading such as
"Context", "Context and Problem Statement", "Problem statement",
"Background", "Motivation" or "Decision Drivers" (at any level) with
content, no opening paragraph under the title, and no sentence such as "in
the context of…", "the problem is…" or "currently…". A context heading left
with only a template's prompts is reported at that heading.`,
		Fix: `Add a "Context" section: what is the problem, what constrains the answer,
and which forces (cost, time, skills, risk) pull against each other.`,
		Fail: `# 7. Use Redis for rate-limit counters

## Status

Accepted

## Decision

We will keep the per-client counters in Redis with a one-minute expiry.

## Consequences

- Limits hold across all API nodes.
- A Redis outage disables rate limiting until it recovers.
`,
		Pass: `# 7. Use Redis for rate-limit counters

## Status

Accepted

## Context

Each API node counts requests in its own memory, so a client spread over
eight nodes gets eight times its limit.

## Decision

We will keep the per-client counters in Redis with a one-minute expiry.

## Consequences

- Limits hold across all API nodes.
- A Redis outage disables rate limiting until it recovers.
`,
	},
	Check: func(p *Pass) {
		r := readRecord(p.Design)
		if r.parts == nil || r.has(contextRoles, func() bool { return r.intro() || r.says(contextPhrases) }) {
			return
		}
		r.report(p, missing{
			element:   "section:context",
			what:      "context",
			lookedFor: "no " + oneOf("Context", "Context and Problem Statement", "Problem statement", "Background", "Decision Drivers") + " section with content, no opening paragraph, no sentence such as \"the problem is …\"",
			add:       `add a "Context" section: the problem, what constrains the answer and the forces that pull against each other`,
			roles:     contextRoles,
		})
	},
}

// ADRDecision wants the decision itself.
var ADRDecision = &Rule{
	ID:       "adr-decision",
	Kinds:    adrOnly,
	Category: Architecture,
	Severity: Error,
	Summary:  "a decision record states the decision",
	Doc: Doc{
		Why: `The decision is what the record is for. A record that sets out the
problem and the options but never says which was chosen documents a
discussion, not a decision, and people will act on whatever they remember.
That is why this one is an error.`,
		Trigger: `A Markdown document read as an adr states no decision: no heading such
as "Decision", "Decision Outcome", "Proposed solution", "Proposal" or
"Design" (at any level) with content, no section of its own that lays out
what is built (a specification-style record, whose headings name no other
part of a record), and no sentence outside the context, the options and the
consequences that commits to something ("we will…", "we decided…", "chosen
option…"). A decision heading left with only a template's prompts is
reported at that heading.`,
		Fix: `Add a "Decision" section that says what was decided, in the active voice:
"We will …", and why this option.`,
		Fail: `# 12. Message broker for order events

## Status

Proposed

## Context

Order events are polled from the orders table every five seconds; the
warehouse sees orders late and the table is hot.

## Considered Options

- Kafka
- RabbitMQ
- Keep polling, every second
`,
		Pass: `# 12. Message broker for order events

## Status

Accepted

## Context

Order events are polled from the orders table every five seconds; the
warehouse sees orders late and the table is hot.

## Decision

We will publish order events to Kafka from the order service's outbox.
`,
	},
	Check: func(p *Pass) {
		r := readRecord(p.Design)
		if r.parts == nil || r.has(decisionRoles, func() bool { return r.specifies() || r.says(decisionPhrases, notDecisionRoles...) }) {
			return
		}
		r.report(p, missing{
			element:   "section:decision",
			what:      "decision",
			lookedFor: "no " + oneOf("Decision", "Decision Outcome", "Proposed solution", "Proposal") + " section with content and no sentence such as \"we will …\" or \"we decided …\"",
			add:       `add a "Decision" section that says what was decided ("We will …") and why this option`,
			roles:     decisionRoles,
		})
	},
}

// ADRConsequences wants what the decision costs and gives.
var ADRConsequences = &Rule{
	ID:       "adr-consequences",
	Kinds:    adrOnly,
	Category: Communication,
	Severity: Warning,
	Summary:  "a decision record states the consequences of the decision, good and bad",
	Doc: Doc{
		Why: `Every decision makes some things easier and others harder. Writing both
down tells the people who live with the decision what to expect, and what
would make it worth revisiting. A record that lists only benefits reads as
advocacy. A warning: the decision stands without it, but its price is
hidden.`,
		Trigger: `A Markdown document read as an adr states no consequences: no heading
such as "Consequences", "Positive/Negative Consequences", "Implications",
"Drawbacks", "Risks" or "Trade-offs" (at any level, "### Consequences"
under "## Decision Outcome" included) with content, and no sentence outside
the context that states an effect ("as a result…", "the downside is…", "at
the cost of…", MADR's "Good, because…"/"Bad, because…"). A consequences
heading left with only a template's prompts is reported at that heading.`,
		Fix: `Add a "Consequences" section: what becomes easier, what becomes harder,
and what new risks the decision brings.`,
		Fail: `# 3. Store uploads in S3

## Status

Accepted

## Context

User uploads fill the application servers' disks and are lost when a
server is replaced.

## Decision

We will store uploads in an S3 bucket and keep only the object key in the
database.
`,
		Pass: `# 3. Store uploads in S3

## Status

Accepted

## Context

User uploads fill the application servers' disks and are lost when a
server is replaced.

## Decision

We will store uploads in an S3 bucket and keep only the object key in the
database.

## Consequences

- Servers become disposable; uploads survive a replacement.
- Every download now costs an S3 request, so we need a CDN in front.
`,
	},
	Check: func(p *Pass) {
		r := readRecord(p.Design)
		if r.parts == nil || r.weighsTradeoffs() || r.has(consequenceRoles, func() bool { return r.says(effectPhrases, notEffectRoles...) }) {
			return
		}
		r.report(p, missing{
			element:   "section:consequences",
			what:      "consequences",
			lookedFor: "no " + oneOf("Consequences", "Positive Consequences", "Negative Consequences", "Implications", "Drawbacks") + " section with content and no sentence such as \"as a result …\" or \"the downside is …\"",
			add:       `add a "Consequences" section: what becomes easier, what becomes harder, what new risks it brings`,
			roles:     consequenceRoles,
		})
	},
}

// ADRAlternatives wants the options that lost.
var ADRAlternatives = &Rule{
	ID:       "adr-alternatives",
	Kinds:    adrOnly,
	Category: Communication,
	Severity: Info,
	Summary:  "a decision record names the options it considered",
	Doc: Doc{
		Why: `"Why didn't we just use X?" is the question every decision record is
asked, usually years later. Naming the options weighed, and why they lost,
answers it once and shows the decision was a choice. Info, not a warning:
Nygard's original format has no place for options, and many good records
follow it; MADR and most later templates ask for them — raise the rule to
warning in .designlint.yaml if yours does.`,
		Trigger: `A Markdown document read as an adr names no option it did not take: no
heading such as "Considered Options", "Options considered", "Alternatives",
"Pros and Cons of the Options", "Rationale" or "Prior art" (at any level)
with content, no headings that compare ("Postgres vs DynamoDB", "Option 1 …"
and "Option 2 …"), and no sentence that weighs one ("we considered…", "the
alternative…", "option 2 was discounted…", "X rather than Y because…"). An
options heading left with only a template's prompts is reported at that
heading.`,
		Fix: `Add a "Considered Options" section: each option weighed, and in a line or
two why it was not chosen.`,
		Fail: `# 9. Sessions in signed cookies

## Status

Accepted

## Context

Sticky sessions pin users to API nodes and break every deploy.

## Decision

We will keep the session in a signed, encrypted cookie.

## Consequences

- Any node can serve any request.
- A session cannot be revoked before it expires.
`,
		Pass: `# 9. Sessions in signed cookies

## Status

Accepted

## Context

Sticky sessions pin users to API nodes and break every deploy.

## Considered Options

- A shared Redis session store: revocable, but one more stateful service
  to run
- Signed, encrypted cookies

## Decision

We will keep the session in a signed, encrypted cookie.
`,
	},
	Check: func(p *Pass) {
		r := readRecord(p.Design)
		if r.parts == nil || r.has(alternativeRoles, r.weighsOptions) {
			return
		}
		r.report(p, missing{
			element:   "section:alternatives",
			what:      "options considered",
			lookedFor: "no " + oneOf("Considered Options", "Alternatives", "Pros and Cons of the Options") + " section with content, no heading comparing options and no sentence such as \"we considered …\"",
			add:       `add a "Considered Options" section: each option weighed and why it was not chosen`,
			roles:     alternativeRoles,
		})
	},
}

// RFCMotivation wants the reason for a proposal.
var RFCMotivation = &Rule{
	ID:       "rfc-motivation",
	Kinds:    rfcOnly,
	Category: Requirements,
	Severity: Error,
	Summary:  "a proposal says why: the problem it solves and for whom",
	Doc: Doc{
		Why: `Reviewers cannot weigh a change without knowing what is wrong today and
who suffers from it; every proposal template (Rust's, Go's, the KEP) puts
the motivation first and calls it the most important part. A proposal that
skips it gets argued about on its mechanics instead of its purpose. An
error, because without it the proposal cannot be reviewed at all.`,
		Trigger: `A Markdown document read as an rfc gives no motivation: no heading such
as "Motivation", "Background", "Why", "Problem statement", "Introduction"
or "Context" (at any level) with content, no sentence such as
"currently…", "the problem is…" or "we need…" anywhere, and no purpose in
its summary, abstract or opening lines ("… to protect the leader from
overload", "… so that …"). A motivation heading left with only a
template's prompts is reported at that heading.`,
		Fix: `Add a "Motivation" section: what is wrong or missing today, who is
affected, and what the proposal makes possible.`,
		Fail: `# RFC 31: Partitioned job queue

## Summary

Split the job queue into 16 partitions keyed by tenant.

## Detailed design

Producers hash the tenant id to pick a partition; each worker owns a
partition lease and renews it every ten seconds.

## Drawbacks

Rebalancing partitions after a worker dies takes up to a lease period.

## Alternatives

One queue per tenant, which would mean thousands of queues to monitor.
`,
		Pass: `# RFC 31: Partitioned job queue

## Summary

Split the job queue into 16 partitions keyed by tenant.

## Motivation

One tenant's import can put a million jobs in the queue, and every other
tenant waits behind them for hours.

## Detailed design

Producers hash the tenant id to pick a partition; each worker owns a
partition lease and renews it every ten seconds.
`,
	},
	Check: func(p *Pass) {
		r := readRecord(p.Design)
		roles := contextRoles
		if r.parts == nil || r.has(roles, func() bool { return r.says(motivationPhrases) || r.opensWith(purposePhrases) }) {
			return
		}
		r.report(p, missing{
			element:   "section:motivation",
			what:      "motivation",
			lookedFor: "no " + oneOf("Motivation", "Background", "Why", "Problem statement") + " section with content, no sentence such as \"currently …\" or \"the problem is …\" and no purpose in the summary",
			add:       `add a "Motivation" section: what is wrong or missing today, who is affected, what the proposal makes possible`,
			roles:     roles,
		})
	},
}

// RFCGoals wants a proposal's scope drawn on both sides.
var RFCGoals = &Rule{
	ID:       "rfc-goals",
	Kinds:    rfcOnly,
	Category: Requirements,
	Severity: Info,
	Summary:  "a proposal states its goals and its non-goals",
	Doc: Doc{
		Why: `Goals say what success looks like; non-goals say what the proposal
deliberately leaves alone, which is what stops a review from growing the
scope until nothing ships. Info, not a warning: KEPs and many design-doc
templates ask for both, but Rust and Go proposals carry their goals in the
motivation and often name no non-goals, and a missing non-goals list is a
gap, not a defect.`,
		Trigger: `A Markdown document read as an rfc states neither goals nor non-goals,
or only one of them. Goals: a heading such as "Goals", "Goals and
non-goals", "Requirements" or "Use cases" with content, or a sentence
naming a goal or an objective ("the goal of this proposal is…"). Non-goals:
a heading such as "Non-goals", "Out of scope" or "Future work" with
content, or a sentence that puts something out of scope ("… is not a
goal", "out of scope"). A goals or non-goals heading left with only a
template's prompts is reported at that heading.`,
		Fix: `Add "Goals" and "Non-goals" sections (or one "Goals and non-goals"): a few
lines each, the non-goals naming what a reader might expect the proposal
to do and it will not.`,
		Fail: `# RFC 12: Read replicas for reporting

## Motivation

Monthly reports run on the primary and slow checkout for an hour.

## Proposal

Route reporting queries to an asynchronous read replica.
`,
		Pass: `# RFC 12: Read replicas for reporting

## Motivation

Monthly reports run on the primary and slow checkout for an hour.

## Goals

- Reports never touch the primary.

## Non-goals

- Real-time reports: a replica minutes behind is fine.

## Proposal

Route reporting queries to an asynchronous read replica.
`,
	},
	Check: func(p *Pass) {
		r := readRecord(p.Design)
		if r.parts == nil {
			return
		}
		goals := r.has(goalRoles, func() bool { return r.says(goalPhrases, nonGoalRoles...) })
		nonGoals := r.has(nonGoalRoles, func() bool { return r.says(nonGoalPhrases) })
		goalsMissing := missing{
			element:   "section:goals",
			what:      "goals",
			lookedFor: "no " + oneOf("Goals", "Goals and non-goals", "Requirements") + " section with content and no sentence naming a goal",
			add:       `add a "Goals" section: what the proposal must achieve, in a few lines`,
			roles:     goalRoles,
		}
		nonGoalsMissing := missing{
			element:   "section:nongoals",
			what:      "non-goals",
			lookedFor: "no " + oneOf("Non-goals", "Out of scope", "Future work") + " section with content and no sentence putting something out of scope",
			add:       `add a "Non-goals" section: what a reader might expect the proposal to do and it will not`,
			roles:     nonGoalRoles,
		}
		_, goalsUnfilled := r.unfilled(goalRoles...)
		_, nonGoalsUnfilled := r.unfilled(nonGoalRoles...)
		if !goals && !nonGoals && !goalsUnfilled && !nonGoalsUnfilled {
			// One finding at the top for both.
			p.Report(design.Top, "section:goals", "no goals or non-goals: no %s section with content and no sentence naming a goal or putting something out of scope; %s",
				oneOf("Goals", "Non-goals", "Goals and non-goals", "Out of scope"),
				`add "Goals" and "Non-goals" sections: what the proposal must achieve, and what it deliberately leaves alone`)
			return
		}
		if !goals {
			r.report(p, goalsMissing)
		}
		if !nonGoals {
			r.report(p, nonGoalsMissing)
		}
	},
}

// RFCAlternatives wants the designs a proposal did not pick.
var RFCAlternatives = &Rule{
	ID:       "rfc-alternatives",
	Kinds:    rfcOnly,
	Category: Communication,
	Severity: Warning,
	Summary:  "a proposal weighs the alternatives to what it proposes",
	Doc: Doc{
		Why: `A proposal asks reviewers to agree that this design beats the others;
they can only agree if they see the others, including doing nothing.
Every proposal template asks for them (Rust's "Rationale and alternatives",
Go's "Rationale", the KEP's "Alternatives"). A warning: the proposal can
still be read, but its review will spend its time rediscovering them.`,
		Trigger: `A Markdown document read as an rfc weighs no alternative: no heading such
as "Alternatives", "Alternatives considered", "Rationale and alternatives",
"Rationale", "Rejected alternatives", "Prior art" or "Design space" (at any
level) with content, no headings that compare ("Proposal 1 …" and
"Proposal 2 …", "Why not X?", "A vs B"), and no sentence that weighs one
("we considered…", "an alternative…", "X rather than Y because…"). An
alternatives heading left with only a template's prompts is reported at
that heading.`,
		Fix: `Add an "Alternatives" section: each design considered (doing nothing
included), what it would have given, and why this proposal is better.`,
		Fail: `# RFC 31: Partitioned job queue

## Motivation

One tenant's import can put a million jobs in the queue, and every other
tenant waits behind them for hours.

## Detailed design

Producers hash the tenant id to pick one of 16 partitions; each worker owns
a partition lease.
`,
		Pass: `# RFC 31: Partitioned job queue

## Motivation

One tenant's import can put a million jobs in the queue, and every other
tenant waits behind them for hours.

## Detailed design

Producers hash the tenant id to pick one of 16 partitions; each worker owns
a partition lease.

## Alternatives

- Per-tenant rate limits on enqueue: simpler, but imports would take days.
- One queue per tenant: fair, but thousands of queues to monitor.
`,
	},
	Check: func(p *Pass) {
		r := readRecord(p.Design)
		if r.parts == nil || r.has(alternativeRoles, r.weighsOptions) {
			return
		}
		r.report(p, missing{
			element:   "section:alternatives",
			what:      "alternatives",
			lookedFor: "no " + oneOf("Alternatives", "Rationale and alternatives", "Rationale", "Prior art") + " section with content, no heading comparing designs and no sentence such as \"we considered …\"",
			add:       `add an "Alternatives" section: each design considered, doing nothing included, and why this one is better`,
			roles:     alternativeRoles,
		})
	},
}

// RFCRisks wants what could go wrong with a proposal.
var RFCRisks = &Rule{
	ID:       "rfc-risks",
	Kinds:    rfcOnly,
	Category: Communication,
	Severity: Warning,
	Summary:  "a proposal names its risks and drawbacks, and how they are mitigated",
	Doc: Doc{
		Why: `No change is free: it adds code to maintain, breaks someone's
workflow, costs latency or money, or fails in a new way. A proposal that
names its drawbacks and how it contains them earns the reviewers' trust
and points them at what to check; one that names none leaves them to find
out in production. A warning, like the other parts a proposal owes its
reviewers.`,
		Trigger: `A Markdown document read as an rfc names no risk: no heading such as
"Risks and mitigations", "Drawbacks", "Risks", "Limitations",
"Compatibility", "Failure modes" or "Security considerations" (at any
level) with content, and no sentence outside the motivation and the
alternatives that names one ("the drawback…", "the risk…", "… can be
mitigated by…", "incompatible", "overhead"). A risks heading left with only
a template's prompts is reported at that heading.`,
		Fix: `Add a "Risks and mitigations" (or "Drawbacks") section: what could go
wrong or get worse because of the proposal, and what limits the damage.`,
		Fail: `# RFC 40: Cache product pages at the edge

## Motivation

Product pages are rendered on every request and make up 70% of origin load.

## Proposal

Cache rendered product pages at the CDN for five minutes.

## Alternatives

Caching in the application's memory, which would not cut origin traffic.
`,
		Pass: `# RFC 40: Cache product pages at the edge

## Motivation

Product pages are rendered on every request and make up 70% of origin load.

## Proposal

Cache rendered product pages at the CDN for five minutes.

## Risks and mitigations

- A price change shows up to five minutes late; price updates purge the
  page from the CDN.
`,
	},
	Check: func(p *Pass) {
		r := readRecord(p.Design)
		if r.parts == nil || r.has(riskRoles, func() bool { return r.says(riskPhrases, notRiskRoles...) }) {
			return
		}
		r.report(p, missing{
			element:   "section:risks",
			what:      "risks or drawbacks",
			lookedFor: "no " + oneOf("Risks and Mitigations", "Drawbacks", "Risks", "Limitations", "Compatibility") + " section with content and no sentence such as \"the drawback is …\" or \"the risk …\"",
			add:       `add a "Risks and mitigations" section: what could go wrong or get worse, and what limits the damage`,
			roles:     riskRoles,
		})
	},
}

// opensWith reports whether the record's opening — the text above its
// first heading, under its title, or under a "Summary" or "Abstract" —
// says one of the phrases.
func (r record) opensWith(phrases phrases) bool {
	for i, p := range r.parts {
		if p.Empty || !(p.Heading.Level == 0 || r.isTitle(i) || p.Is(design.SectionSummary)) {
			continue
		}
		if mentions(r.lower[i], phrases) {
			return true
		}
	}
	return false
}

// intro reports whether the record opens with prose under its title, as
// a context: a sentence of ten words or more that is not a "Label: value"
// line of metadata ("Deciders: …", "Date: …").
func (r record) intro() bool {
	for i, p := range r.parts {
		if p.Heading.Level > 0 && !r.isTitle(i) {
			break
		}
		for _, line := range strings.Split(p.Text, "\n") {
			if len(strings.Fields(line)) >= 10 && !isLabelLine(line) {
				return true
			}
		}
	}
	return false
}

// isTitle reports whether part i is the document's title: its first
// heading, a "#" one naming no part.
func (r record) isTitle(i int) bool {
	p := r.parts[i]
	return i == 1 && p.Heading.Level == 1 && len(p.Roles) == 0
}

// isLabelLine reports a "Label: value" line: a colon within the first
// three words.
func isLabelLine(line string) bool {
	i := strings.IndexByte(line, ':')
	return i > 0 && len(strings.Fields(line[:i])) <= 3
}

// recordMetadata are headings of a record that hold no part of the
// decision: its history, its references, its people.
var recordMetadata = []string{
	"changelog", "change log", "history", "release history", "revision history", "references", "links",
	"related", "see also", "notes", "more information", "further reading", "appendix", "glossary",
	"acknowledgements", "acknowledgments", "authors", "metadata", "table of contents", "contents",
	"questions", "open questions", "unresolved questions", "discussion", "confirmation", "deciders",
	"decision makers", "participants", "assumptions", "tags",
}

// specifies reports whether the record lays out what it decided in
// sections of its own, as specification-style records do ("## Data
// Types", "## Storage Backends"): a part with content whose heading
// names no part of a record, under no heading that does, and is not
// metadata.
func (r record) specifies() bool {
	for i, p := range r.parts {
		if p.Heading.Level == 0 || len(p.Roles) > 0 || r.isTitle(i) || r.within(i, notDecisionRoles) || !r.holds(i, nil) {
			continue
		}
		if isMetadataHeading(p.Heading.Title) {
			continue
		}
		if len(strings.Fields(p.Text)) >= 10 || strings.TrimSpace(p.Text) == "" {
			// Prose, or code: a schema, an API.
			return true
		}
	}
	return false
}

func isMetadataHeading(title string) bool {
	t := strings.Trim(strings.ToLower(strings.TrimSpace(title)), ":#. ")
	for _, m := range recordMetadata {
		if t == m {
			return true
		}
	}
	return false
}

// weighsTradeoffs reports a trade-offs section that is not a list of the
// options ("Trade-offs", "Design decisions"): it states what the chosen
// way costs.
func (r record) weighsTradeoffs() bool {
	for i, p := range r.parts {
		if p.Is(design.SectionTradeoffs) && !p.Is(design.SectionAlternatives) && r.holds(i, []design.SectionKind{design.SectionTradeoffs}) {
			return true
		}
	}
	return false
}

// weighsOptions reports whether the record names an option it did not
// take, other than under an options heading: headings that compare
// ("Proposal 1 …" and "Proposal 2 …", "Why not X?", "A vs B"), a sentence
// that weighs one, or "X rather than Y" in a sentence that gives a reason.
func (r record) weighsOptions() bool {
	if r.headingLike(isComparisonHeading) || r.countHeadings(isNumberedOption) >= 2 {
		return true
	}
	if r.says(optionPhrases) {
		return true
	}
	for i, p := range r.parts {
		if p.Empty {
			continue
		}
		for _, s := range strings.Split(r.lower[i], ". ") {
			if mentions(s, insteadPhrases) && mentions(s, choicePhrases) {
				return true
			}
		}
	}
	return false
}

// isComparisonHeading reports a heading that sets options against each
// other: "MaxBytes vs MaxDataBytes", "Why not use methods?".
func isComparisonHeading(h string) bool {
	return strings.Contains(h, " vs ") || strings.Contains(h, " vs. ") || strings.Contains(h, " versus ") ||
		strings.HasPrefix(h, "why not ")
}

// isNumberedOption reports a heading that names one of several options:
// "Option 1: …", "Proposal 2 - …", "Alternative B".
func isNumberedOption(h string) bool {
	for _, w := range []string{"option ", "alternative ", "proposal ", "approach ", "solution "} {
		if !strings.HasPrefix(h, w) {
			continue
		}
		rest := h[len(w):]
		n := 0
		for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9') {
			n++
		}
		if n == 0 && len(rest) > 0 && rest[0] >= 'a' && rest[0] <= 'h' {
			n = 1
		}
		return n > 0 && (n == len(rest) || !isWordByte(rest[n]))
	}
	return false
}
