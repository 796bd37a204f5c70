// Package rules holds designlint's checks: each rule is a value with an id,
// a category, a default severity, its documentation and a Check function
// that reads the document model and the estimate and reports findings.
// Run is the pipeline that applies configuration, suppressions and
// baselines around them.
package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
)

// Severity ranks findings. The zero value is not a severity.
type Severity int

// Severities, least severe first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return "unknown"
}

// ParseSeverity reads "error", "warning" or "info". "off" gives ok with a
// zero severity: the rule is disabled.
func ParseSeverity(s string) (sev Severity, err error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	case "off", "false", "disable", "disabled":
		return 0, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}

// Category groups rules by what they look at.
type Category string

// Rule categories.
const (
	Requirements  Category = "requirements"
	Estimates     Category = "estimates"
	Architecture  Category = "architecture"
	Reliability   Category = "reliability"
	Communication Category = "communication"
	Format        Category = "format"
)

// Doc is a rule's documentation, written once and used by `designlint
// rules ID`, SARIF help and the README table. Its examples are run by the
// tests: Fail must make the rule fire and Pass must not.
type Doc struct {
	// Why the rule exists: what goes wrong in a design without it.
	Why string
	// Trigger says exactly what makes the rule fire.
	Trigger string
	// Fix says what to write instead.
	Fix string
	// Fail and Pass are small Markdown documents.
	Fail, Pass string
}

// Rule is one check.
type Rule struct {
	ID       string
	Category Category
	Severity Severity
	// Summary is one line: what the rule wants.
	Summary string
	Doc     Doc
	Check   func(*Pass)
	// Kinds says how the rule applies to each kind of document; nil
	// means in full to designs and interview answers and not at all to
	// the rest.
	Kinds map[design.DocKind]Applicability
}

// Applicability is how a rule applies to a kind of document.
type Applicability uint8

// How a rule may apply.
const (
	// NotApplicable: the rule does not check documents of the kind.
	NotApplicable Applicability = iota
	// Full: the rule checks everything it checks in a design.
	Full
	// Stated: the rule checks only what the document states (the
	// consistency of a store that names one, a component said to run
	// once), never asks for what is not there.
	Stated
	// Template: a rule about a missing section fires only where the
	// section is there with nothing but a template's prompts in it.
	Template
)

// designKinds is the default: designs and interview answers, in full.
var designKinds = map[design.DocKind]Applicability{design.DocDesign: Full, design.DocInterview: Full}

// The other ways rules apply to the kinds of documents.
var (
	// everyKind: rules about the document's form.
	everyKind = map[design.DocKind]Applicability{design.DocDesign: Full, design.DocInterview: Full, design.DocADR: Full, design.DocRFC: Full, design.DocOther: Full}
	// everyDesignKind: what every design document is held to when it says
	// something: its arithmetic, its trade-offs.
	everyDesignKind = map[design.DocKind]Applicability{design.DocDesign: Full, design.DocInterview: Full, design.DocADR: Full, design.DocRFC: Full}
	// statedInDecisions: content rules that check a decision record or a
	// proposal only where it states the thing.
	statedInDecisions = map[design.DocKind]Applicability{design.DocDesign: Full, design.DocInterview: Full, design.DocADR: Stated, design.DocRFC: Stated}
	// templateInProposals: a proposal need not have the section, but a
	// template's section left unwritten is reported.
	templateInProposals = map[design.DocKind]Applicability{design.DocDesign: Full, design.DocInterview: Full, design.DocRFC: Template}
	// proposalsToo: designs, interview answers and proposals, in full.
	proposalsToo = map[design.DocKind]Applicability{design.DocDesign: Full, design.DocInterview: Full, design.DocRFC: Full}
	// adrOnly and rfcOnly: what a decision record or a proposal needs.
	adrOnly = map[design.DocKind]Applicability{design.DocADR: Full}
	rfcOnly = map[design.DocKind]Applicability{design.DocRFC: Full}
)

// ScopeFor says how the rule applies to a kind of document. A document of
// no known kind is treated as a design.
func (r *Rule) ApplicabilityFor(k design.DocKind) Applicability {
	if k == "" {
		k = design.DocDesign
	}
	kinds := r.Kinds
	if kinds == nil {
		kinds = designKinds
	}
	return kinds[k]
}

// AppliesTo lists the kinds the rule checks, in the order of the spec.
func (r *Rule) AppliesTo() []design.DocKind {
	var out []design.DocKind
	for _, k := range design.DocKinds {
		if r.ApplicabilityFor(k) != NotApplicable {
			out = append(out, k)
		}
	}
	return out
}

// Pass is what a rule sees while it runs on one document.
type Pass struct {
	Design   *design.Design
	Estimate *estimate.Result
	Options  RuleOptions
	rule     *Rule
	out      *[]Finding
	// For suppression-reason, which runs after the others: how many
	// findings each directive waived, today's date, and the rule ids
	// that exist.
	used   []int
	now    time.Time
	known  map[string]bool
	active map[string]bool
	scopes []ScopeEstimate
	// Applies is how the rule applies to this document's kind.
	Applies Applicability
}

// Estimates returns the estimate of each design the document works out,
// with the figures it was made from: one for most documents, one per
// design for a book of them.
func (p *Pass) Estimates() []ScopedEstimate {
	if len(p.scopes) == 0 {
		return []ScopedEstimate{{Estimate: p.Estimate, Assumptions: p.Design.Assumptions, Declared: p.Design.Declared, EstimatesSpan: p.estimatesSpan()}}
	}
	out := make([]ScopedEstimate, 0, len(p.scopes))
	for i, s := range p.scopes {
		out = append(out, ScopedEstimate{Index: i, Estimate: s.Estimate, Assumptions: s.Scope.Assumptions, Declared: s.Scope.Declared, EstimatesSpan: s.Scope.Estimates, Title: s.Scope.Title})
	}
	return out
}

// ScopedEstimate is one design's estimate and the figures it rests on.
type ScopedEstimate struct {
	Estimate      *estimate.Result
	Assumptions   map[string]design.Value
	Declared      map[string]design.Value
	EstimatesSpan design.Span
	// Title is the heading of the design in a several-design document.
	Title string
	// Index is the design's index among design.Design.Scopes (0 for a
	// document with one design).
	Index int
}

func (p *Pass) estimatesSpan() design.Span {
	if s, ok := p.Design.Section(design.SectionEstimates); ok {
		return s.Span
	}
	return design.Top
}

// RuleOptions are the per-rule settings of the configuration.
type RuleOptions struct {
	// IgnoreComponents names components the rule leaves alone.
	IgnoreComponents []string
	// MaxRatio is how far a declared figure may stray from the derived
	// one before estimate-arithmetic fires.
	MaxRatio float64
}

// Ignores reports whether the options exclude a component.
func (o RuleOptions) Ignores(name string) bool {
	for _, n := range o.IgnoreComponents {
		if design.NameKey(n) == design.NameKey(name) {
			return true
		}
	}
	return false
}

// Report records a finding at sp; element names what it is about (a
// component, a section) so baselines can match it after edits elsewhere.
func (p *Pass) Report(sp design.Span, element, format string, args ...any) {
	p.ReportSeverity(0, sp, element, format, args...)
}

// ReportSeverity is Report with a severity of the finding's own, for rules
// whose findings differ in weight (a queue that provably grows is worse
// than one with no stated plan). Zero means the rule's severity.
func (p *Pass) ReportSeverity(sev Severity, sp design.Span, element, format string, args ...any) {
	if sp.Start.Line == 0 {
		sp = design.Top
	}
	*p.out = append(*p.out, Finding{
		Rule:     p.rule.ID,
		Severity: sev,
		Message:  fmt.Sprintf(format, args...),
		Path:     p.Design.Path,
		Span:     sp,
		Element:  element,
		own:      sev != 0,
	})
}

// Finding is one problem found in one document.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	Path     string
	Span     design.Span
	// Element names what the finding is about: "component:orders-db",
	// "section:failure", "figure:avg_tps". Baselines match on it.
	Element string
	// Waiver is set when the finding is accepted: by a disable comment or
	// a baseline entry. Waived findings do not count towards the exit
	// code but are still reported as accepted risks.
	Waiver *Waiver
	// Internal marks a designlint bug (a rule that panicked).
	Internal bool
	own      bool // the rule chose the severity
}

// Waiver says why a finding is accepted.
type Waiver struct {
	// Kind is "inline" (a disable comment) or "baseline".
	Kind   string
	Reason string
}

// Waived reports whether the finding is accepted.
func (f Finding) Waived() bool { return f.Waiver != nil }
