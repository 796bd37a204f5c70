package rules

import (
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
)

// Setting is how the configuration treats one rule.
type Setting struct {
	// Off disables the rule.
	Off bool
	// Severity replaces the rule's default (and any severity its findings
	// choose) when not zero.
	Severity Severity
	Options  RuleOptions
}

// Config is everything a run needs beyond the document.
type Config struct {
	// Settings by rule id; a rule without one runs with its defaults.
	Settings map[string]Setting
	// Now is the date suppressions' "until" is compared with.
	Now time.Time
	// Calendar and MaxRatio are the estimator's conventions.
	Calendar estimate.Calendar
	MaxRatio float64
	// Rules replaces the registry (tests run one rule at a time).
	Rules []*Rule
}

// DefaultMaxRatio is how far a declared figure may be from the derived one
// before estimate-arithmetic fires.
const DefaultMaxRatio = 1.5

// Report is the outcome of linting one document.
type Report struct {
	Design   *design.Design
	Estimate *estimate.Result
	// Scopes holds one estimate per design of a document that works out
	// several (see design.Scope); empty otherwise.
	Scopes   []ScopeEstimate
	Findings []Finding
	// Rules lists the ids of the rules that ran, in registry order.
	Rules []string
}

// ScopeEstimate is the estimate of one design of a several-design
// document.
type ScopeEstimate struct {
	Scope    *design.Scope
	Estimate *estimate.Result
}

// scopeInputs gathers the estimator's inputs of one design.
func scopeInputs(sc *design.Scope, cal estimate.Calendar) estimate.Inputs {
	in := estimate.Inputs{Assumed: map[string]estimate.Quantity{}, Declared: map[string]estimate.Quantity{}, Calendar: cal}
	for k, v := range sc.Assumptions {
		in.Assumed[k] = v.Quantity
	}
	for k, v := range sc.Declared {
		in.Declared[k] = v.Quantity
	}
	return in
}

// Inputs gathers the estimator's inputs from a document: its assumptions
// and declared figures, and, when it gives no availability assumption, the
// strictest availability target among its requirements.
func Inputs(d *design.Design, cal estimate.Calendar) estimate.Inputs {
	in := estimate.Inputs{Assumed: map[string]estimate.Quantity{}, Declared: map[string]estimate.Quantity{}, Calendar: cal}
	for k, v := range d.Assumptions {
		in.Assumed[k] = v.Quantity
	}
	for k, v := range d.Declared {
		in.Declared[k] = v.Quantity
	}
	if _, ok := in.Assumed["availability"]; !ok {
		if t := availabilityTarget(d); t != nil {
			in.Assumed["availability"] = t.Quantity
		}
	}
	return in
}

// availabilityTarget returns the strictest availability target the
// requirements give.
func availabilityTarget(d *design.Design) *design.Value {
	var best *design.Value
	for i := range d.NonFunctional {
		n := &d.NonFunctional[i]
		if n.Target == nil || n.Target.Quantity.Dim != estimate.Percent {
			continue
		}
		if n.Category != design.Availability && !strings.Contains(strings.ToLower(n.Text), "availab") && !strings.Contains(strings.ToLower(n.Text), "uptime") {
			continue
		}
		if best == nil || n.Target.Quantity.Value > best.Quantity.Value {
			best = n.Target
		}
	}
	return best
}

// Run lints one document: it derives the estimate, runs every enabled rule
// (a rule that panics becomes an internal-error finding and the others
// still run), applies the document's suppressions and sorts the findings.
func Run(d *design.Design, cfg Config) *Report {
	if cfg.MaxRatio <= 1 {
		cfg.MaxRatio = DefaultMaxRatio
	}
	if cfg.Calendar.DaysPerMonth == 0 {
		cfg.Calendar = estimate.DefaultCalendar
	}
	if cfg.Now.IsZero() {
		cfg.Now = time.Now()
	}
	rep := &Report{Design: d, Estimate: estimate.Derive(Inputs(d, cfg.Calendar))}
	for i := range d.Scopes {
		sc := &d.Scopes[i]
		rep.Scopes = append(rep.Scopes, ScopeEstimate{Scope: sc, Estimate: estimate.Derive(scopeInputs(sc, cfg.Calendar))})
	}
	all := cfg.Rules
	if all == nil {
		all = Registry()
	}
	overrides := documentOverrides(d)
	var findings []Finding
	var directives *Rule
	active := map[string]bool{}
	for _, r := range all {
		set := cfg.Settings[r.ID]
		if ov, ok := overrides[r.ID]; ok {
			set.Off = ov.Off
			if ov.Severity != 0 {
				set.Severity = ov.Severity
			}
		}
		if set.Off {
			continue
		}
		applies := r.ApplicabilityFor(d.Kind)
		if applies == NotApplicable {
			continue
		}
		active[r.ID] = true
		rep.Rules = append(rep.Rules, r.ID)
		if r.ID == SuppressionReason.ID {
			directives = r
			continue
		}
		opts := set.Options
		if opts.MaxRatio == 0 {
			opts.MaxRatio = cfg.MaxRatio
		}
		var out []Finding
		runRule(r, &Pass{Design: d, Estimate: rep.Estimate, Options: opts, rule: r, out: &out, scopes: rep.Scopes, Applies: applies})
		for i := range out {
			out[i].Severity = severityOf(r, set, out[i])
		}
		findings = append(findings, out...)
	}
	used := applySuppressions(d, findings, cfg.Now)
	if directives != nil {
		set := cfg.Settings[directives.ID]
		var out []Finding
		p := &Pass{Design: d, Estimate: rep.Estimate, rule: directives, out: &out, used: used, now: cfg.Now, known: knownIDs(all), active: active}
		runRule(directives, p)
		for i := range out {
			out[i].Severity = severityOf(directives, set, out[i])
		}
		findings = append(findings, out...)
	}
	rep.Findings = sortFindings(findings)
	return rep
}

func severityOf(r *Rule, set Setting, f Finding) Severity {
	switch {
	case f.Internal:
		return Error
	case set.Severity != 0:
		return set.Severity
	case f.own && f.Severity != 0:
		return f.Severity
	}
	return r.Severity
}

// runRule runs a rule's check, turning a panic into an internal-error
// finding so one broken rule cannot take down the run.
func runRule(r *Rule, p *Pass) {
	defer func() {
		if v := recover(); v != nil {
			stack := string(debug.Stack())
			if i := strings.Index(stack, "panic("); i >= 0 {
				stack = stack[i:]
			}
			*p.out = append(*p.out, Finding{
				Rule:     r.ID,
				Severity: Error,
				Message:  fmt.Sprintf("internal error: rule %s failed (%v); this is a designlint bug, please report it with the document", r.ID, v),
				Path:     p.Design.Path,
				Span:     design.Top,
				Element:  "internal:" + r.ID,
				Internal: true,
			})
		}
	}()
	if r.Check != nil {
		r.Check(p)
	}
}

func knownIDs(rules []*Rule) map[string]bool {
	m := map[string]bool{}
	for _, r := range Registry() {
		m[r.ID] = true
	}
	for _, r := range rules {
		m[r.ID] = true
	}
	return m
}

// documentOverrides reads the document's own rule settings (front matter
// or the designlint field); unknown ids are reported by suppression-reason.
func documentOverrides(d *design.Design) map[string]Setting {
	out := map[string]Setting{}
	for _, o := range d.Overrides {
		sev, err := ParseSeverity(o.Severity)
		if err != nil {
			continue
		}
		out[o.Rule] = Setting{Off: sev == 0, Severity: sev}
	}
	return out
}

// applySuppressions waives the findings that a valid directive covers and
// returns how many findings each directive waived. A directive without a
// reason, or past its date, waives nothing.
func applySuppressions(d *design.Design, findings []Finding, now time.Time) []int {
	used := make([]int, len(d.Suppressions))
	for fi := range findings {
		f := &findings[fi]
		if f.Internal {
			continue
		}
		for si, s := range d.Suppressions {
			if s.Reason == "" || expired(s, now) || !names(s, f.Rule) {
				continue
			}
			if s.Next {
				if s.Target.Start.Line == 0 || f.Span.Start.Line < s.Target.Start.Line || f.Span.Start.Line > max(s.Target.End.Line, s.Target.Start.Line) {
					continue
				}
			}
			used[si]++
			if f.Waiver == nil {
				f.Waiver = &Waiver{Kind: "inline", Reason: s.Reason}
			}
		}
	}
	return used
}

func names(s design.Suppression, rule string) bool {
	for _, r := range s.Rules {
		if r == rule || r == "all" {
			return true
		}
	}
	return false
}

// expired reports whether a directive's "until" date has passed. A date
// that does not parse counts as expired, and suppression-reason says why.
func expired(s design.Suppression, now time.Time) bool {
	if s.Until == "" {
		return false
	}
	t, err := time.Parse("2006-01-02", s.Until)
	if err != nil {
		return true
	}
	return now.After(t.Add(24 * time.Hour))
}

// sortFindings orders findings by position, then rule, and drops exact
// duplicates.
func sortFindings(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Span.Start.Line != b.Span.Start.Line {
			return a.Span.Start.Line < b.Span.Start.Line
		}
		if a.Span.Start.Col != b.Span.Start.Col {
			return a.Span.Start.Col < b.Span.Start.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	out := fs[:0]
	for i, f := range fs {
		if i > 0 {
			p := out[len(out)-1]
			if p.Rule == f.Rule && p.Span == f.Span && p.Message == f.Message {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}
