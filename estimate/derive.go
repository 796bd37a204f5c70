package estimate

import (
	"math"
	"sort"
	"strings"
)

// Inputs are what a document says: the assumptions it makes and the
// figures it declares, by canonical name.
type Inputs struct {
	Assumed  map[string]Quantity
	Declared map[string]Quantity
	Calendar Calendar
}

// Figure is one derived figure with its work shown.
type Figure struct {
	Name    string
	Value   Quantity
	Formula string
	// Inputs are the names the formula used, in order, and Values what
	// each was.
	Inputs []string
	Values []Quantity
	// Defaults lists the defaults the formula relied on, as
	// "target_utilization = 0.7".
	Defaults []string
	// Declared is what the document states for this figure, if anything.
	Declared *Quantity
	// FromDocument is set when the value is the document's own because
	// nothing it says lets designlint derive it.
	FromDocument bool
}

// Check compares a figure the document declares with the same formula
// applied to the figures (assumed or declared) it is made from.
type Check struct {
	Name     string
	Declared Quantity
	Derived  Quantity
	// Ratio is the larger over the smaller; +Inf when one is zero.
	Ratio    float64
	Formula  string
	Inputs   []string
	Values   []Quantity
	Defaults []string
}

// Unchecked is a declared figure designlint could not check, with the
// inputs it lacked.
type Unchecked struct {
	Name    string
	Missing []string
}

// Result is the estimator's output for one document.
type Result struct {
	// Figures holds every figure derivable from the inputs, in the order
	// of the chain.
	Figures []Figure
	// Checks holds one comparison per declared figure that could be
	// derived.
	Checks    []Check
	Unchecked []Unchecked
	// Overflowed lists the figures whose formula gave a number too large
	// for designlint to hold (the inputs are very large), in the order of
	// the chain: they are not derived, and say so rather than vanish.
	Overflowed []string
	// Assumed holds the inputs used, as given.
	Assumed map[string]Quantity
}

// Figure returns the derived figure with the given name.
func (r *Result) Figure(name string) (Figure, bool) {
	if r == nil {
		return Figure{}, false
	}
	for _, f := range r.Figures {
		if f.Name == name {
			return f, true
		}
	}
	return Figure{}, false
}

// Value returns what the estimate knows of a name: an assumption, or a
// derived (or declared) figure.
func (r *Result) Value(name string) (Quantity, bool) {
	if r == nil {
		return Quantity{}, false
	}
	if q, ok := r.Assumed[name]; ok {
		return q, true
	}
	if f, ok := r.Figure(name); ok {
		return f.Value, true
	}
	return Quantity{}, false
}

// Defaults the estimator uses when a document does not say.
var defaults = map[string]float64{
	"target_utilization": 0.7,
	"cache_hot_fraction": 0.2,
	"replication_factor": 1,
	"consumers":          1,
}

// alt is one way to compute a figure.
type alt struct {
	formula string
	inputs  []string
	// optional inputs take their default when absent.
	optional []string
	calc     func(v map[string]float64, cal Calendar) float64
	// note is printed with the figure when this way is used.
	note string
}

type step struct {
	name string
	alts []alt
	// minimum clamps the result (servers: at least 2).
	minimum float64
	// skipNonPositive drops a result of zero or less (queue_growth).
	skipNonPositive bool
}

func mul(names ...string) func(map[string]float64, Calendar) float64 {
	return func(v map[string]float64, _ Calendar) float64 {
		p := 1.0
		for _, n := range names {
			p *= v[n]
		}
		return p
	}
}

func perSecond(name string) func(map[string]float64, Calendar) float64 {
	return func(v map[string]float64, _ Calendar) float64 { return v[name] / SecondsPerDay }
}

// chain lists the formulas of SPEC §5.2 in the order they depend on each
// other. Values are in base units: a day's worth is a count or bytes, rates
// are per second, durations seconds.
var chain = []step{
	{name: "requests_per_user_per_day", alts: []alt{{
		formula: "sessions_per_user_per_day × minutes_per_session × requests_per_minute",
		inputs:  []string{"sessions_per_user_per_day", "minutes_per_session", "requests_per_minute"},
		calc: func(v map[string]float64, _ Calendar) float64 {
			return v["sessions_per_user_per_day"] * v["minutes_per_session"] * v["requests_per_minute"]
		},
	}}},
	{name: "requests_per_day", alts: []alt{
		{formula: "dau × requests_per_user_per_day", inputs: []string{"dau", "requests_per_user_per_day"}, calc: mul("dau", "requests_per_user_per_day")},
		{formula: "reads_per_day + writes_per_day", inputs: []string{"reads_per_day", "writes_per_day"}, calc: func(v map[string]float64, _ Calendar) float64 { return v["reads_per_day"] + v["writes_per_day"] }},
		{formula: "dau × (reads_per_user_per_day + writes_per_user_per_day)", inputs: []string{"dau", "reads_per_user_per_day", "writes_per_user_per_day"}, calc: func(v map[string]float64, _ Calendar) float64 {
			return v["dau"] * (v["reads_per_user_per_day"] + v["writes_per_user_per_day"])
		}},
		{formula: "users × requests_per_user_per_day", inputs: []string{"users", "requests_per_user_per_day"}, calc: mul("users", "requests_per_user_per_day"), note: "no dau given: every user is taken as active daily"},
	}},
	{name: "writes_per_day", alts: []alt{
		{formula: "dau × writes_per_user_per_day", inputs: []string{"dau", "writes_per_user_per_day"}, calc: mul("dau", "writes_per_user_per_day")},
		{formula: "requests_per_day × write_ratio", inputs: []string{"requests_per_day", "write_ratio"}, calc: mul("requests_per_day", "write_ratio")},
		{formula: "requests_per_day ÷ (read_write_ratio + 1)", inputs: []string{"requests_per_day", "read_write_ratio"}, calc: func(v map[string]float64, _ Calendar) float64 {
			return v["requests_per_day"] / (v["read_write_ratio"] + 1)
		}},
		{formula: "reads_per_day ÷ read_write_ratio", inputs: []string{"reads_per_day", "read_write_ratio"}, calc: func(v map[string]float64, _ Calendar) float64 {
			return v["reads_per_day"] / v["read_write_ratio"]
		}},
	}},
	{name: "reads_per_day", alts: []alt{
		{formula: "dau × reads_per_user_per_day", inputs: []string{"dau", "reads_per_user_per_day"}, calc: mul("dau", "reads_per_user_per_day")},
		{formula: "requests_per_day × (1 − write_ratio)", inputs: []string{"requests_per_day", "write_ratio"}, calc: func(v map[string]float64, _ Calendar) float64 {
			return v["requests_per_day"] * (1 - v["write_ratio"])
		}},
		{formula: "requests_per_day × read_write_ratio ÷ (read_write_ratio + 1)", inputs: []string{"requests_per_day", "read_write_ratio"}, calc: func(v map[string]float64, _ Calendar) float64 {
			return v["requests_per_day"] * v["read_write_ratio"] / (v["read_write_ratio"] + 1)
		}},
		{formula: "writes_per_day × read_write_ratio", inputs: []string{"writes_per_day", "read_write_ratio"}, calc: mul("writes_per_day", "read_write_ratio")},
	}},
	{name: "avg_tps", alts: []alt{{formula: "requests_per_day ÷ 86,400 s", inputs: []string{"requests_per_day"}, calc: perSecond("requests_per_day")}}},
	{name: "avg_read_tps", alts: []alt{{formula: "reads_per_day ÷ 86,400 s", inputs: []string{"reads_per_day"}, calc: perSecond("reads_per_day")}}},
	{name: "avg_write_tps", alts: []alt{{formula: "writes_per_day ÷ 86,400 s", inputs: []string{"writes_per_day"}, calc: perSecond("writes_per_day")}}},
	{name: "peak_tps", alts: []alt{{formula: "avg_tps × peak_factor", inputs: []string{"avg_tps", "peak_factor"}, calc: mul("avg_tps", "peak_factor")}}},
	{name: "peak_read_tps", alts: []alt{{formula: "avg_read_tps × peak_factor", inputs: []string{"avg_read_tps", "peak_factor"}, calc: mul("avg_read_tps", "peak_factor")}}},
	{name: "peak_write_tps", alts: []alt{{formula: "avg_write_tps × peak_factor", inputs: []string{"avg_write_tps", "peak_factor"}, calc: mul("avg_write_tps", "peak_factor")}}},
	{name: "storage_per_day", alts: []alt{{formula: "writes_per_day × write_size", inputs: []string{"writes_per_day", "write_size"}, calc: mul("writes_per_day", "write_size")}}},
	{name: "storage_per_year", alts: []alt{{formula: "storage_per_day × 365", inputs: []string{"storage_per_day"}, calc: func(v map[string]float64, _ Calendar) float64 { return v["storage_per_day"] * 365 }}}},
	{name: "storage_total", alts: []alt{{
		formula:  "storage_per_day × retention (days) × replication_factor",
		inputs:   []string{"storage_per_day", "retention"},
		optional: []string{"replication_factor"},
		calc: func(v map[string]float64, _ Calendar) float64 {
			return v["storage_per_day"] * v["retention"] / SecondsPerDay * v["replication_factor"]
		},
	}}},
	{name: "ingress_bandwidth", alts: []alt{
		{formula: "avg_write_tps × write_size", inputs: []string{"avg_write_tps", "write_size"}, calc: mul("avg_write_tps", "write_size")},
		{formula: "storage_per_day ÷ 86,400 s", inputs: []string{"storage_per_day"}, calc: perSecond("storage_per_day")},
	}},
	{name: "egress_bandwidth", alts: []alt{{formula: "avg_read_tps × read_size", inputs: []string{"avg_read_tps", "read_size"}, calc: mul("avg_read_tps", "read_size")}}},
	{name: "peak_ingress_bandwidth", alts: []alt{{formula: "peak_write_tps × write_size", inputs: []string{"peak_write_tps", "write_size"}, calc: mul("peak_write_tps", "write_size")}}},
	{name: "peak_egress_bandwidth", alts: []alt{{formula: "peak_read_tps × read_size", inputs: []string{"peak_read_tps", "read_size"}, calc: mul("peak_read_tps", "read_size")}}},
	{name: "servers", minimum: 2, alts: []alt{{
		formula:  "⌈peak_tps ÷ (server_capacity_tps × target_utilization)⌉, at least 2",
		inputs:   []string{"peak_tps", "server_capacity_tps"},
		optional: []string{"target_utilization"},
		calc: func(v map[string]float64, _ Calendar) float64 {
			return math.Ceil(v["peak_tps"] / (v["server_capacity_tps"] * v["target_utilization"]))
		},
	}}},
	{name: "cache_memory", alts: []alt{{
		formula:  "reads_per_day × read_size × cache_hot_fraction",
		inputs:   []string{"reads_per_day", "read_size"},
		optional: []string{"cache_hot_fraction"},
		calc:     mul("reads_per_day", "read_size", "cache_hot_fraction"),
	}}},
	{name: "concurrency", alts: []alt{{formula: "peak_tps × latency (Little's law)", inputs: []string{"peak_tps", "latency"}, calc: mul("peak_tps", "latency")}}},
	{name: "queue_growth", skipNonPositive: true, alts: []alt{{
		formula:  "queue_arrival_rate − queue_service_rate × consumers",
		inputs:   []string{"queue_arrival_rate", "queue_service_rate"},
		optional: []string{"consumers"},
		calc: func(v map[string]float64, _ Calendar) float64 {
			return v["queue_arrival_rate"] - v["queue_service_rate"]*v["consumers"]
		},
	}}},
	{name: "monthly_downtime", alts: []alt{{
		formula: "(1 − availability) × days_per_month",
		inputs:  []string{"availability"},
		calc: func(v map[string]float64, cal Calendar) float64 {
			return (1 - v["availability"]) * cal.Seconds(PerMonth)
		},
	}}},
}

// Chain lists the names of the derived figures in the order of the chain.
func Chain() []string {
	out := make([]string, 0, len(chain))
	for _, s := range chain {
		out = append(out, s.name)
	}
	return out
}

// evaluation is one pass over the chain with a rule for which value of a
// name wins.
type evaluation struct {
	in   Inputs
	vals map[string]Quantity
	// deps records, for each computed figure, the stated figures it was
	// computed from, so that no figure is derived from itself (reads from
	// writes from reads).
	deps map[string]nameSet
	// scratch holds a formula's input values; reused from step to step.
	scratch map[string]float64
	// declaredFirst makes declared figures feed later steps in preference
	// to derived ones (the arithmetic check); otherwise derivations win
	// and declared figures only fill gaps (the table).
	declaredFirst bool
	// overflowed is set when the last apply found only formulas whose
	// result overflowed.
	overflowed bool
}

// nameSet is a set of canonical names, one bit each.
type nameSet uint64

func bit(name string) nameSet {
	if i, ok := nameBits[name]; ok {
		return 1 << i
	}
	return 0
}

var nameBits = func() map[string]uint {
	if len(names) > 64 {
		panic("estimate: more canonical names than a nameSet holds")
	}
	m := map[string]uint{}
	for i, n := range names {
		m[n.ID] = uint(i)
	}
	return m
}()

// depsOf returns the stated figures a value rests on: itself when it is
// used as stated, what it was computed from otherwise.
func (e *evaluation) depsOf(name string) nameSet {
	if _, ok := e.in.Assumed[name]; ok {
		return bit(name)
	}
	if _, ok := e.in.Declared[name]; ok && e.declaredFirst {
		return bit(name)
	}
	if d, ok := e.deps[name]; ok {
		return d
	}
	return bit(name)
}

func (e *evaluation) get(name string) (Quantity, bool) {
	if q, ok := e.in.Assumed[name]; ok {
		return q, true
	}
	if e.declaredFirst {
		if q, ok := e.in.Declared[name]; ok {
			return q, true
		}
	}
	if q, ok := e.vals[name]; ok {
		return q, true
	}
	if q, ok := e.in.Declared[name]; ok {
		return q, true
	}
	return Quantity{}, false
}

// apply computes one step by its first alternative whose inputs exist. It
// returns the missing inputs of the first alternative when none applies.
func (e *evaluation) apply(s step) (Figure, []string, bool) {
	return e.applyNear(s, nil)
}

// applyNear is apply, except that when near is given every alternative
// whose inputs exist is computed and the one closest to near is kept: a
// declared figure that follows from the document's figures by any of the
// formulas is right.
func (e *evaluation) applyNear(s step, near *Quantity) (Figure, []string, bool) {
	var firstMissing []string
	e.overflowed = false
	var best Figure
	bestRatio := math.Inf(1)
	found := false
	for i, a := range s.alts {
		v := e.scratch
		clear(v)
		var missing []string
		var used []Quantity
		circular := false
		for _, n := range a.inputs {
			if _, ok := e.get(n); ok && e.depsOf(n)&bit(s.name) != 0 {
				circular = true
			}
		}
		if circular {
			continue
		}
		for _, n := range a.inputs {
			q, ok := e.get(n)
			if !ok {
				missing = append(missing, n)
				continue
			}
			v[n] = q.Value
			used = append(used, q)
		}
		if len(missing) > 0 {
			if i == 0 {
				firstMissing = missing
			}
			continue
		}
		f := Figure{Name: s.name, Formula: a.formula, Inputs: append([]string(nil), a.inputs...), Values: used}
		for _, n := range a.optional {
			if q, ok := e.get(n); ok {
				v[n] = q.Value
				f.Inputs = append(f.Inputs, n)
				f.Values = append(f.Values, q)
			} else {
				v[n] = defaults[n]
				f.Defaults = append(f.Defaults, n+" = "+FormatNumber(defaults[n])+" (default)")
			}
		}
		if a.note != "" {
			f.Defaults = append(f.Defaults, a.note)
		}
		x := a.calc(v, e.in.Calendar)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			e.overflowed = true
			continue
		}
		if s.skipNonPositive && x <= 0 {
			return Figure{}, nil, false
		}
		if s.minimum > 0 && x < s.minimum {
			x = s.minimum
		}
		var deps nameSet
		for _, in := range f.Inputs {
			deps |= e.depsOf(in)
		}
		n := nameIndex[s.name]
		f.Value = Quantity{Value: x, Dim: n.Dim}
		if n.Dim == Rate {
			f.Value.Per = PerSecond
		}
		if s.name == "queue_growth" {
			f.Value.Per = PerHour
		}
		if near == nil {
			e.deps[s.name] = deps
			return f, nil, true
		}
		if r := Disagreement(near.Value, x); !found || r < bestRatio {
			best, bestRatio, found = f, r, true
			e.deps[s.name] = deps
		}
	}
	if found {
		return best, nil, true
	}
	return Figure{}, firstMissing, false
}

// Derive works out every figure the inputs allow, and checks every figure
// the document declares against its own formula applied to the figures it
// is made from, one step at a time: an early slip is reported once, where
// it happens, and not again at every later step.
func Derive(in Inputs) *Result {
	if in.Calendar.DaysPerMonth == 0 {
		in.Calendar = DefaultCalendar
	}
	res := &Result{Assumed: in.Assumed}
	if len(in.Assumed) == 0 && len(in.Declared) == 0 {
		return res // nothing to derive from, nothing to check
	}
	table := &evaluation{in: in, vals: map[string]Quantity{}, deps: map[string]nameSet{}, scratch: map[string]float64{}}
	check := &evaluation{in: in, vals: map[string]Quantity{}, deps: map[string]nameSet{}, scratch: map[string]float64{}, declaredFirst: true}
	for _, s := range chain {
		if _, assumed := in.Assumed[s.name]; assumed {
			// An input given outright (requests_per_day in the
			// assumptions) is not re-derived.
			continue
		}
		f, _, ok := table.apply(s)
		decl, declared := in.Declared[s.name]
		if ok {
			table.vals[s.name] = f.Value
			if declared {
				d := decl
				f.Declared = &d
			}
			res.Figures = append(res.Figures, f)
		} else if declared {
			res.Figures = append(res.Figures, Figure{Name: s.name, Value: decl, Declared: &decl, FromDocument: true})
		}
		if !ok && table.overflowed {
			res.Overflowed = append(res.Overflowed, s.name)
		}
		var near *Quantity
		if declared {
			near = &decl
		}
		cf, missing, cok := check.applyNear(s, near)
		if cok {
			check.vals[s.name] = cf.Value
		}
		if !declared {
			continue
		}
		if !cok {
			res.Unchecked = append(res.Unchecked, Unchecked{Name: s.name, Missing: missing})
			continue
		}
		res.Checks = append(res.Checks, Check{
			Name:     s.name,
			Declared: decl,
			Derived:  cf.Value,
			Ratio:    Disagreement(decl.Value, cf.Value.Value),
			Formula:  cf.Formula,
			Inputs:   cf.Inputs,
			Values:   cf.Values,
			Defaults: cf.Defaults,
		})
	}
	return res
}

// Disagreement is the larger of a and b over the smaller: 1 when equal, +Inf when
// exactly one is zero.
func Disagreement(a, b float64) float64 {
	a, b = math.Abs(a), math.Abs(b)
	switch {
	case a == b:
		return 1
	case a == 0 || b == 0:
		return math.Inf(1)
	case a > b:
		return a / b
	}
	return b / a
}

// Work prints the inputs of a formula with their values, for "show your
// work": "dau = 100k, requests_per_user_per_day = 100/day".
func Work(names []string, values []Quantity) string {
	parts := make([]string, 0, len(names))
	for i, n := range names {
		if i < len(values) {
			parts = append(parts, n+" = "+nameIndex[n].FormatAs(values[i]))
		}
	}
	return strings.Join(parts, ", ")
}

// SortedAssumptions returns the assumption names in the order of the
// canonical table.
func SortedAssumptions(m map[string]Quantity) []string {
	order := map[string]int{}
	for i, n := range names {
		order[n.ID] = i
	}
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return order[out[i]] < order[out[j]] })
	return out
}
