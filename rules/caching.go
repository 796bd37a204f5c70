package rules

import (
	"fmt"
	"strings"

	"github.com/designlint/designlint/design"
)

// CachePolicy wants every cache to say how its entries stop being stale.
var CachePolicy = &Rule{
	ID:       "cache-policy",
	Category: Architecture,
	Severity: Warning,
	Summary:  "every cache says how it is kept fresh",
	Doc: Doc{
		Why: `A cache without a freshness plan serves whatever it first loaded for as
long as memory lasts: a renamed title, a changed price or a deleted item
keeps coming back from the cache after the database has moved on. LRU
eviction limits the cache's size, not the age of what it serves. Saying
how entries expire or are replaced is what makes a cache's staleness a
decision rather than an accident.`,
		Trigger: `A cache component names none of: a TTL or expiry, write-through,
write-around, write-behind, or explicit invalidation on write. In
Markdown, a component counts as a cache when its kind is cache and its
name, product or description says cache (Redis used as a plain store,
say for counters or a session registry, is left alone) and the document
describes it (a sub-heading, list item or table row, not only a diagram
node or a passing mention); in CUE, any component of kind cache. CDNs are not checked. A cache whose description
says its entries never change (immutable, write-once, content-addressed)
needs no policy.`,
		Fix: `State the policy in the cache's description, e.g. "entries expire after a
TTL of 5 minutes; every write deletes the key (write-around with
invalidation)". In CUE set cache_policy: {strategy: "write-through", ttl:
"5m"}. Policies combine: a TTL is a good safety net under any of the
others.`,
		Fail: `# Video platform

## Components

### Metadata cache (Memcached)

The watch page reads titles from Memcached. On a miss it loads the row from
the database and stores it in the cache. 3 nodes.
`,
		Pass: `# Video platform

## Components

### Metadata cache (Memcached)

The watch page reads titles from Memcached. On a miss it loads the row from
the database and stores it in the cache with a TTL of 10 minutes; an edit
to a video deletes its key, so a new title shows at once. 3 nodes.
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		for _, c := range d.Components {
			if c.Kind != design.KindCache || len(c.Cache.Strategies) > 0 || p.Options.Ignores(c.Name) || !actsAsCache(d, c) {
				continue
			}
			text := c.Description + ". " + c.Justification
			if design.Affirms(text, immutableWords...) {
				continue
			}
			lru := ""
			if design.Affirms(text, "lru", "lfu", "evict") {
				lru = " (eviction bounds its size, not how stale an entry gets)"
			}
			p.Report(c.Span, "component:"+c.Name,
				"cache %s says nothing about how its entries are kept fresh%s; %s",
				quote(c.Name), lru, cachePolicyHint(d))
		}
	},
}

// immutableWords say a cache's entries never change, so nothing can go
// stale.
var immutableWords = []string{
	"immutable", "never change", "never changes", "never modified", "never updated", "write-once",
	"written once", "content-addressed", "content addressed", "versioned key", "versioned url",
}

// actsAsCache reports whether a component is a cache the document
// describes. In Markdown the kind of "Rate counters (Redis)" is guessed
// from the product, and such a component is a store whose freshness is not
// in question; a cache known only from a diagram node or a passing mention
// has no words of its own to judge (its policy, if any, is written
// elsewhere).
func actsAsCache(d *design.Design, c *design.Component) bool {
	if structured(d) {
		return true
	}
	if strings.TrimSpace(c.Description) == "" {
		return false
	}
	for _, w := range lowerWords(c.Name + " " + c.Technology + " " + c.Description) {
		switch w {
		case "cache", "caches", "cached", "caching", "memcached", "memcache":
			return true
		}
	}
	return false
}

// cachePolicyHint says how to state a cache policy in the document's
// format.
func cachePolicyHint(d *design.Design) string {
	if structured(d) {
		return `set cache_policy: {strategy: "write-through" | "write-around" | "write-behind" | "invalidation", ttl: "…"}`
	}
	return "give it a TTL, or say how writes reach it (write-through, write-around with invalidation, write-behind)"
}

// WriteBehindDurability wants data that must survive to reach durable
// storage before it is acknowledged.
var WriteBehindDurability = &Rule{
	ID:       "write-behind-durability",
	Category: Architecture,
	Severity: Warning,
	Summary:  "no write-behind cache fronts data that must not be lost",
	Doc: Doc{
		Why: `A write-behind cache acknowledges a write as soon as it is in memory and
copies it to the database later. That makes writes fast, and it means that
whatever has not been flushed yet is gone when the cache node crashes or
fails over. For payments, balances and orders, or anything a durability
requirement promises to keep, that window is data loss the user was told
would not happen.`,
		Trigger: `A component with a write-behind policy (write-behind, write-back, or
writes flushed to the database later) either holds payments, balances,
inventory, orders, permissions or credentials, or the document has a
durability requirement and the cache does not say its data may be lost.
A cache that is durable itself before it acknowledges (synchronous
replication, fsync on every write) is left alone.`,
		Fix: `Write through to the database before acknowledging (write-through, or
write the database and drop the cache entry), or make the cache itself
durable before the acknowledgement. If losing the last seconds of writes
is acceptable for this data, say so in the cache's description.`,
		Fail: `# Checkout

## Non-functional requirements

- Durability: a confirmed order is never lost

## Components

### Order cache (Redis)

Checkout writes each new order here and returns; a flusher copies orders to
PostgreSQL every 5 seconds (write-behind). TTL of 1 hour.
`,
		Pass: `# Checkout

## Non-functional requirements

- Durability: a confirmed order is never lost

## Components

### Order cache (Redis)

Checkout writes the order to PostgreSQL and then to the cache
(write-through), so an order is durable before it is confirmed. TTL of
1 hour.
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		nfr := durabilityRequirement(d)
		for _, c := range d.Components {
			if !c.Cache.Has("write-behind") || p.Options.Ignores(c.Name) {
				continue
			}
			text := componentText(c)
			if design.Affirms(text, durableWords...) {
				continue
			}
			data, critical := criticalDataOf(c)
			if !critical && (nfr == nil || design.Affirms(text, lossAcceptedWords...)) {
				continue
			}
			what := "data"
			if critical {
				what = data.label
			}
			under := ""
			if nfr != nil {
				under = fmt.Sprintf(" (the durability requirement on line %d)", nfr.Span.Start.Line)
			}
			p.Report(c.Span, "component:"+c.Name,
				"%s %s is write-behind over %s that must not be lost%s: writes are acknowledged before they reach the database and vanish if the cache fails first; write them through to the database before acknowledging, or make the cache durable before it acknowledges",
				kindNoun(c), quote(c.Name), what, under)
		}
	},
}

// durableWords say a cache keeps a write safe before acknowledging it.
var durableWords = []string{
	"fsync on every write", "fsync always", "appendfsync always", "synchronous replication",
	"synchronously replicated", "replicated synchronously", "durable before", "persisted before",
	"before acknowledging", "before it acknowledges", "before the write is acknowledged",
}

// lossAcceptedWords say losing a cache's unflushed writes is acceptable.
var lossAcceptedWords = []string{
	"loss is acceptable", "losses are acceptable", "acceptable to lose", "can be lost", "may be lost",
	"can lose", "may lose", "best effort", "best-effort", "can be rebuilt", "can be recomputed",
}

// durabilityRequirement returns the document's first non-functional
// requirement about durability.
func durabilityRequirement(d *design.Design) *design.NFR {
	for i, n := range d.NonFunctional {
		for _, cat := range n.Categories {
			if cat == design.Durability {
				return &d.NonFunctional[i]
			}
		}
		if n.Category == design.Durability {
			return &d.NonFunctional[i]
		}
	}
	return nil
}
