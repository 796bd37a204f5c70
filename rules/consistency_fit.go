package rules

import (
	"strings"

	"github.com/designlint/designlint/design"
)

// ConsistencyFit wants data that must never be read stale kept where reads
// are not stale, and strong claims about eventual stores backed by how.
var ConsistencyFit = &Rule{
	ID:       "consistency-fit",
	Kinds:    statedInDecisions,
	Category: Architecture,
	Severity: Warning,
	Summary:  "data that needs strong consistency is not kept in an eventually consistent store",
	Doc: Doc{
		Why: `Some data cannot be read stale without real damage: a balance read a
second late lets the same money be spent twice, a stock count read late
oversells a sale, a revoked permission keeps working. Payments, balances,
inventory, orders, permissions and credentials belong in a store whose
reads see the latest write, or behind writes that check it (a conditional
update, a transaction). The opposite mistake is as common: calling
Cassandra or DynamoDB "strongly consistent" when, out of the box, they are
not; they can be, but only when the design says how.`,
		Trigger: `A database or object store that is eventually consistent (stated, or
left unstated on a product that is eventual by default: Cassandra,
ScyllaDB, DynamoDB, Riak, CouchDB, Cosmos DB), or a write-behind cache
(which takes writes before the database has them), holds payments,
balances, inventory or stock, orders, permissions or credentials, as its
name, description or justification says, and names nothing that guards
the critical writes (conditional writes, transactions, compare-and-set,
quorum or strongly consistent reads). Also, a component on one of those
products is said to be strongly consistent with no word of how (quorum
reads and writes, lightweight transactions, strongly consistent reads,
transactions or conditional writes). Queues, search indexes and read
caches are left alone: they carry or copy data whose home is elsewhere.
Background prose about CAP is not read; only each component's own words.`,
		Fix: `Keep such data in a strongly consistent store (a relational database,
Spanner, CockroachDB), or say how the critical path is protected, e.g.
"stock is decremented with a conditional write (available >= qty)" or
"reads and writes at QUORUM". When an eventual store only shows a copy of
the data for display, say where the authoritative copy lives and guard
the writes there.`,
		Fail: `# Flash sale

## Components

### Stock DB (DynamoDB)

One item per product with the units left. Eventually consistent reads,
because they cost half as much and the sale spike is large.
`,
		Pass: `# Flash sale

## Components

### Stock DB (DynamoDB)

One item per product with the units left. Reads for the product page are
eventually consistent, because a badge a second old is harmless; a
purchase decrements the count with a conditional write (units >= qty), so
two buyers can never take the last unit.
`,
	},
	Check: func(p *Pass) {
		for _, c := range p.Design.Components {
			if p.Options.Ignores(c.Name) {
				continue
			}
			checkConsistencyFit(p, c)
		}
	},
}

func checkConsistencyFit(p *Pass, c *design.Component) {
	text := componentText(c)
	tech, byDefault := eventualProduct(c)
	if c.Consistency.IsStrong() {
		if byDefault != "" && !design.Affirms(text, safeguards...) {
			p.Report(c.Span, "component:"+c.Name,
				"%s %s is said to be strongly consistent, but %s is eventually consistent by default; say how reads see the latest write (%s) or call it eventual",
				kindNoun(c), quote(c.Name), tech, byDefault)
		}
		return
	}
	// A write-behind cache is where the data lives until it is flushed;
	// other caches, queues and indexes hold copies.
	writeBehind := c.Cache.Has("write-behind")
	store := c.Kind == design.KindDatabase || c.Kind == design.KindObjectStore
	if !writeBehind && !(store && (c.Consistency.IsWeak() || byDefault != "")) {
		return
	}
	data, ok := criticalDataOf(c)
	if !ok || design.Affirms(text, safeguards...) {
		return
	}
	how := "keep it in a strongly consistent store or guard its writes (conditional writes, transactions)"
	if byDefault != "" {
		how = "use " + byDefault + " for it, or keep it in a strongly consistent store"
	}
	switch {
	case writeBehind:
		p.Report(c.Span, "component:"+c.Name,
			"%s %s takes writes before the database has them (write-behind) and holds %s, so their only current copy is not strongly consistent: %s; write them to a strongly consistent store first and cache them from there",
			kindNoun(c), quote(c.Name), data.label, data.risk)
	case c.Consistency == design.Unset:
		p.Report(c.Span, "component:"+c.Name,
			"%s %s holds %s on %s, which is eventually consistent by default, and states no stronger model; %s: %s",
			kindNoun(c), quote(c.Name), data.label, tech, data.risk, how)
	default:
		p.Report(c.Span, "component:"+c.Name,
			"%s %s is %s but holds %s: %s; %s",
			kindNoun(c), quote(c.Name), c.Consistency.Described(), data.label, data.risk, how)
	}
}

// componentText is what a component's own words say about it.
func componentText(c *design.Component) string {
	return c.Name + ". " + c.Description + ". " + c.Justification
}

// safeguards are the ways a design makes the critical reads or writes of
// an eventually consistent store safe.
var safeguards = []string{
	"conditional write", "conditional update", "conditional put", "conditional delete",
	"condition expression", "conditionexpression", "conditioncheck", "compare-and-set",
	"compare and set", "compare-and-swap", "compare and swap", "optimistic lock",
	"optimistic concurrency", "version check", "quorum", "consistency level", "lightweight transaction",
	"lwt", "paxos", "serial consistency", "local_serial", "in a transaction", "within a transaction",
	"acid transaction", "transactional write", "transactwriteitems", "transactions (", "use transactions",
	"uses transactions", "with transactions", "strongly consistent read", "strong read", "consistentread",
	"consistent_read", "linearizable read", "linearisable read", "strongly consistent bucket",
	"strong consistency mode", "consistency all", "cl=all", "r + w > n", "r+w>n", "w + r > n", "w+r>n",
}

// eventualProducts are stores whose reads are eventually consistent unless
// the design asks for more, with how to ask.
var eventualProducts = []struct {
	words []string
	name  string
	how   string
}{
	{[]string{"cassandra"}, "Cassandra", "QUORUM reads and writes, or lightweight transactions"},
	{[]string{"scylla", "scylladb"}, "ScyllaDB", "QUORUM reads and writes, or lightweight transactions"},
	{[]string{"dynamodb", "dynamo"}, "DynamoDB", "strongly consistent reads, conditional writes or transactions"},
	{[]string{"riak"}, "Riak", "a strongly consistent bucket type, or quorum reads and writes"},
	{[]string{"couchdb"}, "CouchDB", "quorum reads and writes (r and w equal to the replica count)"},
	{[]string{"cosmos", "cosmosdb"}, "Cosmos DB", "the Strong consistency level"},
}

// eventualProduct names the component's product when it is eventually
// consistent by default, and how to make it strong.
func eventualProduct(c *design.Component) (name, how string) {
	ws := lowerWords(c.Technology + " " + c.Name)
	for _, p := range eventualProducts {
		for _, w := range ws {
			for _, x := range p.words {
				if w == x {
					return p.name, p.how
				}
			}
		}
	}
	return "", ""
}

// dataClass is a kind of data the playbook wants read strongly consistent
// and never lost.
type dataClass struct {
	label string // what messages call it
	risk  string // what a stale read does to it
	words []string
}

// criticalData lists the classes, the most specific first: a wallet
// balance is reported as a balance, not as a payment.
var criticalData = []dataClass{
	{"balances", "a stale balance lets the same money be spent twice", []string{"balance", "balances"}},
	{"payments", "a payment read stale can be taken twice or missed", []string{"payment", "payments", "wallet", "wallets", "ledger", "ledgers", "money", "funds"}},
	{"inventory", "a stale stock count oversells", []string{"inventory", "inventories", "stock"}},
	{"orders", "an order read stale can be charged, shipped or cancelled twice", []string{"order", "orders", "checkout", "checkouts", "purchase", "purchases"}},
	{"permissions", "a revoked permission keeps working until the change arrives", []string{"permission", "permissions", "acl", "acls", "entitlement", "entitlements", "privilege", "privileges"}},
	{"credentials", "an old password or key keeps working after it was changed", []string{"password", "passwords", "passwd", "credential", "credentials"}},
}

// notData are the neighbours that make one of those words mean something
// else: a load balancer, a sort order, a stock photo.
var notData = map[string]struct{ before, after []string }{
	"balance":  {before: []string{"load", "to", "re"}, after: []string{"between", "against", "the", "load", "traffic", "requests", "reads", "writes", "out", "across", "it", "them", "cost", "latency"}},
	"balances": {before: []string{"load", "it", "which", "that"}, after: []string{"between", "against", "the", "load", "traffic", "requests", "reads", "writes", "out", "across", "it", "them", "cost", "latency"}},
	"order": {before: []string{"in", "of", "out", "same", "sort", "sorted", "by", "insertion", "arrival", "chronological", "time", "causal", "total", "partial", "global", "strict", "delivery", "processing", "message", "event", "key", "reverse", "descending", "ascending", "lexicographic", "natural"},
		after: []string{"of", "by", "them", "it"}},
	"orders":    {before: []string{"it", "which", "that"}, after: []string{"posts", "events", "messages", "results", "items", "entries", "them", "it", "the", "by"}},
	"stock":     {after: []string{"price", "prices", "quote", "quotes", "ticker", "tickers", "market", "markets", "exchange", "image", "images", "photo", "photos", "kernel", "config", "configuration", "settings"}},
	"inventory": {before: []string{"host", "hosts", "server", "servers", "asset", "assets", "service", "infrastructure", "hardware", "ansible", "resource"}},
	"checkout":  {before: []string{"git", "svn"}},
	"funds":     {before: []string{"mutual", "index"}},
}

var dataNegators = map[string]bool{"no": true, "not": true, "never": true, "without": true, "unlike": true, "except": true, "nor": true}

// criticalDataOf finds the most specific critical data a component's own
// words say it holds.
func criticalDataOf(c *design.Component) (dataClass, bool) {
	ws := lowerWords(componentText(c))
	at := func(i int) string {
		if i >= 0 && i < len(ws) {
			return ws[i]
		}
		return ""
	}
	found := make([]bool, len(criticalData))
	for i, w := range ws {
		for k, dc := range criticalData {
			if found[k] || !contains(dc.words, w) {
				continue
			}
			if ctx, ok := notData[w]; ok && (contains(ctx.before, at(i-1)) || contains(ctx.after, at(i+1)) ||
				strings.HasPrefix(w, "balance") && (at(i+2) == "against" || at(i+3) == "against")) {
				continue
			}
			if dataNegators[at(i-1)] || dataNegators[at(i-2)] {
				continue
			}
			found[k] = true
		}
	}
	for k, ok := range found {
		if ok {
			return criticalData[k], true
		}
	}
	return dataClass{}, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lowerWords splits text into lower-case words of letters and digits.
func lowerWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80)
	})
}
