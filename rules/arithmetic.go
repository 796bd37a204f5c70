package rules

import (
	"math"
	"slices"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/design/english"
	"github.com/designlint/designlint/estimate"
)

// EstimateArithmetic checks the document's own numbers.
var EstimateArithmetic = &Rule{
	ID:       "estimate-arithmetic",
	Kinds:    everyDesignKind,
	Category: Estimates,
	Severity: Error,
	Summary:  "every figure the design declares follows from its own assumptions",
	Doc: Doc{
		Why: `A slip in the estimates propagates into every sizing decision after it:
a dropped zero sizes the fleet ten times too small, a per-day figure read as
per-second a hundred thousand times too big. Reviewers check this arithmetic
by hand; designlint does it for every figure.`,
		Trigger: `A figure the document declares (requests a day, average or peak TPS,
storage, bandwidth, servers…) differs by more than a factor of 1.5 either
way (estimate.max_ratio) from its formula applied to the figures, stated or
derived, it is made from. Each step is checked on its own, so one early slip
is reported once. A figure whose inputs are not all stated is not checked,
nor one the document works out correctly from another figure it states
than the formula's input (storage a day from the requests a day, where the
writes a day count something else): that is the author's model, not a
slip. In a document that works out several designs each is checked with
its own figures. With no hot fraction stated, the cache formula would hold
a whole day's reads; a smaller declared cache is a choice and is not
reported. Equations written out in the text ("A × B = C", "A / B ≈ C", chains, LaTeX)
are checked the same way: unit words are ignored for the arithmetic but
their scale is honoured (10M, 2 KB, 200 ms). A labelled figure in an
estimates section that cannot be read is reported as a warning.`,
		Fix: `Redo the step the finding names; the message shows both numbers, how far
apart they are and the formula. Napkin rounding is fine: 116 written as
~100 or 86,400 s rounded to 100k stays inside the ratio.`,
		Fail: `# Feed

## Estimates

100,000 users × 10 requests/user = 10,000,000 requests/day.
`,
		Pass: `# Feed

## Estimates

- DAU: 100,000
- Requests per user per day: 100
- Requests per day: 10M (100,000 × 100 = 10,000,000)
- Average TPS: ~116 (10,000,000 / 86,400 ≈ 116)
`,
	},
	Check: checkArithmetic,
}

func checkArithmetic(p *Pass) {
	d := p.Design
	maxRatio := p.Options.MaxRatio
	reported := map[int]bool{}
	for _, se := range p.Estimates() {
		if se.Estimate == nil {
			continue
		}
		conflicted := conflicts(d, se.Index, maxRatio)
		for _, name := range []string{"dau", "mau", "users"} {
			if cf, ok := conflicted[name]; ok {
				n, _ := estimate.Lookup(name)
				p.Report(cf.later.Span, "conflict:"+name+scopeElement(se),
					"%s%s is %s here but %s at line %d (%s apart); one design has one figure for it: make them agree",
					scopePrefix(se), name, n.FormatAs(cf.later.Quantity), n.FormatAs(cf.first.Quantity), cf.first.Span.Start.Line,
					ratioText(estimate.Disagreement(cf.first.Quantity.Value, cf.later.Quantity.Value)))
				reported[cf.later.Span.Start.Line] = true
			}
		}
	checks:
		for _, c := range se.Estimate.Checks {
			if c.Ratio <= maxRatio {
				continue
			}
			for _, in := range c.Inputs {
				if _, ok := conflicted[in]; ok {
					// the document states this input twice, differently:
					// which one the figure used cannot be known
					continue checks
				}
			}
			if c.Name == "cache_memory" && !slices.Contains(c.Inputs, "cache_hot_fraction") && c.Declared.Value < c.Derived.Value {
				// with no hot fraction stated the formula caches a whole
				// day's reads; a smaller cache is a choice, not a slip
				continue
			}
			if statedNear(d, se.Index, c.Name, c.Derived.Value, maxRatio) {
				// another statement of the figure agrees with its formula
				continue
			}
			v := se.Declared[c.Name]
			if d.WorkedOnOwnBasis(c.Name, v.Quantity.Value, maxRatio) {
				// the document works the figure out, correctly, from
				// another figure it states: its model, not a slip
				continue
			}
			if v.AtPeak {
				// "5 KB × 85 QPS = 425 KB/s" at the peak rate the
				// document states: not the average the formula gives
				continue
			}
			n, _ := estimate.Lookup(c.Name)
			p.Report(v.Span, "figure:"+c.Name,
				"%s: the document says %s, but %s gives %s (%s); %s apart%s; correct the figure or the assumptions",
				c.Name, n.FormatAs(c.Declared), c.Formula, n.FormatAs(c.Derived), estimate.Work(c.Inputs, c.Values),
				ratioText(c.Ratio), slipHint(c, se.Estimate))
			reported[v.Span.Start.Line] = true
		}
	}
	for _, eq := range d.Equations {
		if reported[eq.Span.Start.Line] {
			continue
		}
		m, bad := eq.Check(maxRatio)
		if !bad {
			continue
		}
		reported[eq.Span.Start.Line] = true
		p.Report(eq.Span, "equation:"+normalizeText(m.Left),
			"%s = %s does not add up: the left side is %s, not %s (%s apart)%s; correct the calculation",
			Shorten(m.Left, 60), Shorten(m.Right, 40), estimate.FormatNumber(m.LeftValue), estimate.FormatNumber(m.RightValue),
			ratioText(m.Ratio), periodHint(m.Ratio))
	}
}

// conflict is an input a design states twice, with values further apart
// than the ratio allows.
type conflict struct {
	first, later design.Figure
}

// conflicts finds the inputs one design of the document states more than
// once with values that disagree: a firm statement each (a labelled line,
// a table row, a block or a sentence of the estimates), not an aside.
func conflicts(d *design.Design, scope int, maxRatio float64) map[string]conflict {
	out := map[string]conflict{}
	first := map[string]design.Figure{}
	for _, f := range d.Figures {
		if f.Scope != scope || f.Rank < english.RankSentence {
			continue
		}
		g, ok := first[f.Name]
		if !ok {
			first[f.Name] = f
			continue
		}
		if _, dup := out[f.Name]; !dup && estimate.Disagreement(g.Quantity.Value, f.Quantity.Value) > maxRatio {
			out[f.Name] = conflict{first: g, later: f}
		}
	}
	return out
}

// statedNear reports whether the design states the figure somewhere with
// a value within the ratio of want.
func statedNear(d *design.Design, scope int, name string, want, maxRatio float64) bool {
	used := 0
	for _, f := range d.Figures {
		if f.Scope == scope && f.Name == name && f.Used {
			used = f.Rank
		}
	}
	for _, f := range d.Figures {
		// A statement as firm as the one used; not an aside.
		if f.Scope == scope && f.Name == name && f.Rank >= used && estimate.Disagreement(f.Quantity.Value, want) <= maxRatio {
			return true
		}
	}
	return false
}

// periodHint names the slip a rate ratio points to.
func periodHint(r float64) string {
	for _, p := range []struct {
		f    float64
		hint string
	}{{86400, "per day and per second"}, {30, "per month and per day"}, {2.592e6, "per month and per second"}, {3600, "per hour and per second"}, {365, "per year and per day"}} {
		if math.Abs(r/p.f-1) < 0.05 {
			return " (were " + p.hint + " mixed up?)"
		}
	}
	return ""
}

// ratioText prints how far apart two figures are: "10x", "2.5x".
func ratioText(r float64) string {
	if math.IsInf(r, 0) {
		return "one of them is zero"
	}
	return estimate.FormatNumber(r) + "x"
}

// slipHint names the usual slip a ratio points to.
func slipHint(c estimate.Check, res *estimate.Result) string {
	near := func(want float64) bool { return math.Abs(c.Ratio/want-1) < 0.05 }
	switch {
	case near(86400):
		return " (was a per-day figure used as per-second?)"
	case near(8) && (c.Declared.Dim == estimate.ByteRate || c.Declared.Dim == estimate.Bytes):
		return " (were bits taken for bytes?)"
	case near(30) || near(31):
		return " (were per-month and per-day mixed up?)"
	case near(365):
		return " (were per-year and per-day mixed up?)"
	case near(1000) || near(1024):
		return " (is a unit prefix — k, M, G — off by one?)"
	}
	if rf, ok := res.Assumed["replication_factor"]; ok && rf.Value > 1 && near(rf.Value) && strings.HasPrefix(c.Name, "storage") {
		return " (was the replication factor forgotten?)"
	}
	if near(10) || near(100) {
		return " (is a zero missing or extra?)"
	}
	return ""
}

// PeakLoad wants a peak as well as an average.
var PeakLoad = &Rule{
	ID:       "peak-load",
	Category: Estimates,
	Severity: Warning,
	Summary:  "the estimates give a peak load, not only an average",
	Doc: Doc{
		Why: `Traffic is never uniform: it bunches around lunch, evenings and
launches. Servers, connection pools and queues are sized for the peak, so
an estimate that stops at the daily average sizes the system for a load it
will rarely see and fails at the one it will.`,
		Trigger: `The document gives a request rate (requests a day, average TPS, reads
or writes a day) but no peak: no peak factor and no peak TPS. designlint
never invents one.`,
		Fix: `State a peak factor ("peak is 3x the average") or a peak TPS, and size
servers from it.`,
		Fail: `# Feed

## Estimates

- DAU: 1M
- Requests per user per day: 50
`,
		Pass: `# Feed

## Estimates

- DAU: 1M
- Requests per user per day: 50
- Peak factor: 4x
`,
	},
	Check: func(p *Pass) {
		for _, se := range p.Estimates() {
			checkPeak(p, se)
		}
	},
}

func checkPeak(p *Pass, se ScopedEstimate) {
	e := se.Estimate
	if e == nil {
		return
	}
	var avg estimate.Figure
	found := false
	for _, name := range []string{"avg_tps", "avg_write_tps", "avg_read_tps"} {
		if f, ok := e.Figure(name); ok {
			avg, found = f, true
			break
		}
	}
	if !found {
		return
	}
	if _, ok := e.Assumed["peak_factor"]; ok {
		return
	}
	for _, name := range []string{"peak_tps", "peak_read_tps", "peak_write_tps"} {
		if _, ok := se.Declared[name]; ok {
			return
		}
	}
	n, _ := estimate.Lookup(avg.Name)
	p.Report(se.EstimatesSpan, "figure:peak_tps"+scopeElement(se),
		"%sthe estimates give an average of %s but no peak; state a peak factor (\"peak is 3x the average\") or a peak TPS and size for it",
		scopePrefix(se), n.FormatAs(avg.Value))
}

// scopePrefix names the design a finding is about in a document that works
// out several.
func scopePrefix(se ScopedEstimate) string {
	if se.Title == "" {
		return ""
	}
	return quote(Shorten(se.Title, 40)) + ": "
}

// scopeElement keeps the findings of each design of a several-design
// document distinct in a baseline.
func scopeElement(se ScopedEstimate) string {
	if se.Title == "" {
		return ""
	}
	return "@" + normalizeText(se.Title)
}

// StorageEstimate wants storage worked out when data is written.
var StorageEstimate = &Rule{
	ID:       "storage-estimate",
	Category: Estimates,
	Severity: Warning,
	Summary:  "a design that stores data estimates how fast its storage grows",
	Doc: Doc{
		Why: `Storage is the estimate that keeps growing after launch: it decides
the database, the sharding plan and the bill. It follows from three numbers
(writes a day, the size of a write, how long it is kept) that take a
minute to state.`,
		Trigger: `The document estimates its load and writes data (it gives writes, a
write size or a write ratio, or has a database or object store) but states
no storage figure (per day, per year or in total) and not enough to derive
one: writes a day and the size of a write.`,
		Fix: `State writes per day (or a write ratio) and the size of a write, and
the retention and replication factor; designlint derives storage per day,
per year and in total.`,
		Fail: `# Photos

## Estimates

- DAU: 2M
- Uploads per user per day: 2

## Components

### Photo store (S3)

Eventually consistent listing is fine because uploads are shown after a refresh.
`,
		Pass: `# Photos

## Estimates

- DAU: 2M
- Writes per user per day: 2
- Average photo size: 3 MB
- Retention: 5 years
`,
	},
	Check: func(p *Pass) {
		for _, se := range p.Estimates() {
			checkStorage(p, se)
		}
	},
}

func checkStorage(p *Pass, se ScopedEstimate) {
	d, e := p.Design, se.Estimate
	has := func(name string) bool {
		_, a := se.Assumptions[name]
		_, b := se.Declared[name]
		return a || b
	}
	scale := false
	for _, n := range scaleNames {
		scale = scale || has(n)
	}
	if !scale || e == nil {
		return
	}
	for _, name := range []string{"storage_per_day", "storage_per_year", "storage_total"} {
		if _, ok := se.Declared[name]; ok {
			return
		}
		if _, ok := e.Figure(name); ok {
			return
		}
	}
	writes := false
	for _, name := range []string{"writes_per_day", "writes_per_user_per_day", "write_ratio", "write_size", "avg_write_tps", "read_write_ratio"} {
		writes = writes || has(name)
	}
	for _, c := range d.Components {
		if c.Kind == design.KindDatabase || c.Kind == design.KindObjectStore {
			writes = true
		}
	}
	if !writes {
		return
	}
	var missing []string
	if _, ok := e.Value("writes_per_day"); !ok {
		missing = append(missing, "writes per day (or a write ratio)")
	}
	if _, ok := e.Value("write_size"); !ok {
		missing = append(missing, "the size of a write")
	}
	p.Report(se.EstimatesSpan, "figure:storage"+scopeElement(se),
		"%sthe design stores data but gives no storage estimate; state %s, with the retention and replication factor, to derive storage per day and in total",
		scopePrefix(se), JoinAnd(missing))
}

// CapacityPlan checks that declared capacity covers the load.
var CapacityPlan = &Rule{
	ID:       "capacity-plan",
	Category: Estimates,
	Severity: Warning,
	Summary:  "components have the capacity the estimated peak needs",
	Doc: Doc{
		Why: `An estimate is only useful if the design is sized from it. A service
that can take 500 requests a second per instance, run as three instances,
falls over at the 5,000 a second the same document predicts for its peak.`,
		Trigger: `A component states its capacity per instance (a Capacity column, a
capacity field, "handles 2,000 TPS per instance") and its replicas, and
capacity × replicas is below the peak TPS (the average when no peak is
given). Or the document gives server_capacity_tps, has one tier that runs servers
(one service, gateway or worker: with several, the fleet figure could be any
of theirs), and that
service runs fewer replicas than the estimated number of servers
(⌈peak ÷ (capacity × target utilization)⌉, utilization 0.7 by default).`,
		Fix: `Add replicas, raise the capacity per instance (and say how), or lower
the load (a cache, a queue).`,
		Fail: `# Feed

## Estimates

- DAU: 5M
- Requests per user per day: 100
- Peak factor: 3x

## Components

| Component | Type | Capacity | Replicas |
|-----------|------|----------|----------|
| Feed API | service | 2000 TPS | 4 |
`,
		Pass: `# Feed

## Estimates

- DAU: 5M
- Requests per user per day: 100
- Peak factor: 3x

## Components

| Component | Type | Capacity | Replicas |
|-----------|------|----------|----------|
| Feed API | service | 2000 TPS | 12 |
`,
	},
	Check: checkCapacity,
}

func checkCapacity(p *Pass) {
	d, e := p.Design, p.Estimate
	if e == nil {
		return
	}
	load, ok := e.Value("peak_tps")
	loadName := "peak"
	if !ok {
		if load, ok = e.Value("avg_tps"); !ok {
			return
		}
		loadName = "average load"
	}
	tps := func(q estimate.Quantity) string { return estimate.FormatNumber(q.Value) + " TPS" }
	var services []*design.Component
	for _, c := range d.Components {
		// every tier that runs servers: the fleet figure belongs to one
		// only when there is one
		switch c.Kind {
		case design.KindService, design.KindGateway, design.KindWorker:
			services = append(services, c)
		}
		if !onServingPath(c) || c.Capacity == nil || c.Replicas == 0 || p.Options.Ignores(c.Name) {
			continue
		}
		cap := c.Capacity.Quantity
		if cap.Dim != estimate.Rate || cap.Value <= 0 {
			continue
		}
		total := cap.Value * float64(c.Replicas)
		if total >= load.Value {
			continue
		}
		need := int(math.Ceil(load.Value / cap.Value))
		p.Report(c.Span, "component:"+c.Name,
			"%s %s handles %d × %s = %s but the %s is %s; run at least %d replicas, raise the capacity per instance or take load off it",
			kindNoun(c), quote(c.Name), c.Replicas, tps(cap), estimate.FormatNumber(total)+" TPS", loadName, tps(load), need)
	}
	servers, ok := e.Figure("servers")
	if !ok || len(services) != 1 {
		return
	}
	c := services[0]
	if c.Replicas == 0 || c.Capacity != nil || p.Options.Ignores(c.Name) || float64(c.Replicas) >= servers.Value.Value {
		return
	}
	p.Report(c.Span, "component:"+c.Name,
		"%s %s runs %d replicas but the estimate needs %s servers (%s = %s); add replicas or explain the difference",
		kindNoun(c), quote(c.Name), c.Replicas, estimate.FormatNumber(servers.Value.Value), servers.Formula, estimate.Work(servers.Inputs, servers.Values))
}
