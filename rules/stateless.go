package rules

import (
	"strings"

	"github.com/designlint/designlint/design"
)

// StatelessServices wants services that any instance can serve, or a
// reason why one cannot.
var StatelessServices = &Rule{
	ID:       "stateless-services",
	Category: Architecture,
	Severity: Warning,
	Summary:  "services keep no user state in memory without a reason",
	Doc: Doc{
		Why: `A service that holds nothing between requests can be scaled out, redeployed
and lost without anyone noticing: the load balancer sends the next request
anywhere. Once a user's session, cart or cursor lives in one instance's
memory, that instance is special: a deploy or a crash logs users out or
loses their work, sticky sessions pile the busiest users onto one node,
and adding instances no longer spreads the load. Sometimes that is the
right trade (a game server holding a match, a gateway holding open
sockets), and then the design should say why.`,
		Trigger: `A service or gateway says it keeps session or per-user state in its own
memory ("sessions in memory", "keeps each user's cart in memory",
"stateful") or relies on sticky sessions / session affinity, and gives
no reason for it (because, since, so that, to avoid, accepted…) in that
sentence, the next, or another sentence about the state. A "so that" that only says where the routing sends the
user ("so a user always lands on the same instance") is not a reason. In
CUE: session: "sticky" or "in-memory" with no session_reason.`,
		Fix: `Move the state to a shared store (Redis, a database) so any instance can
serve any request, and drop the sticky sessions. If the state must stay in
memory, say why and what happens when the instance goes away, e.g.
"stateful because the match simulation runs at 60 ticks a second; if a
server dies the match is replayed from the last snapshot". In CUE set
session: "external", or keep session: "sticky" and add session_reason.`,
		Fail: `# Shop

## Components

### Cart service

Keeps each shopper's cart in memory, and the load balancer uses sticky
sessions so a shopper always lands on the same instance. 4 replicas.
`,
		Pass: `# Shop

## Components

### Cart service

Stateless, 4 replicas behind the load balancer. Carts live in Redis, so
any instance can serve any shopper and a deploy loses nothing.
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		for _, c := range d.Components {
			if c.Session == "" || strings.TrimSpace(c.SessionReason) != "" || p.Options.Ignores(c.Name) {
				continue
			}
			what := "keeps user or session state in its own memory"
			if c.Session == "sticky" {
				what = "pins each user to one instance with sticky sessions"
			}
			p.Report(c.Span, "component:"+c.Name,
				"%s %s %s and gives no reason; move that state to a shared store (Redis, a database) so any instance can serve any request, or %s",
				kindNoun(c), quote(c.Name), what, sessionHint(d))
		}
	},
}

// sessionHint says how to give the reason in the document's format.
func sessionHint(d *design.Design) string {
	if structured(d) {
		return "give the reason in session_reason"
	}
	return "say why it must stay on one instance and what a lost instance costs"
}
