package design

import (
	"strings"
	"unicode/utf8"

	"github.com/designlint/designlint/design/english"
	"github.com/designlint/designlint/estimate"
)

// Format is the source format of a design document.
type Format string

// The formats designlint reads.
const (
	Markdown Format = "markdown"
	CUE      Format = "cue"
	JSON     Format = "json"
	YAML     Format = "yaml"
)

// Pos is a 1-based line and column in a source file; columns count bytes.
// The zero Pos means "no position" and is reported at the top of the file.
type Pos struct {
	Line, Col int
}

// Span is a stretch of source text. End is exclusive: the column just past
// the last byte.
type Span struct {
	Start, End Pos
}

// Top is the span of the first line, where findings about something missing
// are reported.
var Top = Span{Start: Pos{1, 1}, End: Pos{1, 1}}

// SectionKind classifies a section of a design by what it is for.
type SectionKind string

// The section kinds of SPEC §2.1, plus the two that only route content:
// Requirements (split into functional and non-functional) and OutOfScope
// (whose items count towards nothing).
const (
	SectionProblem       SectionKind = "problem"
	SectionFunctional    SectionKind = "functional"
	SectionNonFunctional SectionKind = "nonfunctional"
	SectionEstimates     SectionKind = "estimates"
	SectionAPI           SectionKind = "api"
	SectionArchitecture  SectionKind = "architecture"
	SectionComponents    SectionKind = "components"
	SectionFailure       SectionKind = "failure"
	SectionTradeoffs     SectionKind = "tradeoffs"
	SectionSummary       SectionKind = "summary"
	SectionRequirements  SectionKind = "requirements"
	SectionOutOfScope    SectionKind = "outofscope"

	// Roles a section may also play in a decision record or a
	// proposal: "Alternatives" is a trade-offs section and the options
	// an RFC weighed; "Goals" is functional and the goals of an RFC.
	SectionContext      SectionKind = "context"
	SectionDecision     SectionKind = "decision"
	SectionConsequences SectionKind = "consequences"
	SectionAlternatives SectionKind = "alternatives"
	SectionMotivation   SectionKind = "motivation"
	SectionGoals        SectionKind = "goals"
	SectionNonGoals     SectionKind = "nongoals"
	SectionRisks        SectionKind = "risks"
	SectionStatus       SectionKind = "status"
)

// DocKind is what kind of document a design document is.
type DocKind string

// The document kinds of SPEC §2.
const (
	DocDesign    DocKind = "design"
	DocInterview DocKind = "interview"
	DocADR       DocKind = "adr"
	DocRFC       DocKind = "rfc"
	DocOther     DocKind = "other"
)

// DocKinds lists every kind, in the order of the spec.
var DocKinds = []DocKind{DocDesign, DocInterview, DocADR, DocRFC, DocOther}

// ParseDocKind reads a kind name, in any case.
func ParseDocKind(s string) (DocKind, bool) {
	for _, k := range DocKinds {
		if strings.EqualFold(strings.TrimSpace(s), string(k)) {
			return k, true
		}
	}
	return "", false
}

// Heading is a heading of a Markdown document, whatever it names.
type Heading struct {
	Title string
	Level int
	Span  Span
	// Kind is the section kind it names, if any.
	Kind SectionKind
}

// Section is a part of the document found by its heading (Markdown) or its
// field (CUE).
type Section struct {
	Kind SectionKind
	// Also lists the other roles the section plays ("Alternatives" is
	// trade-offs and alternatives).
	Also  []SectionKind
	Title string
	Level int // heading level; 0 for a field of a structured document
	Span  Span
	// Empty is set when the section holds nothing but placeholders
	// (TODO, <describe…>, a template's prompts) or nothing at all.
	Empty bool
}

// Item is one entry of a section: a list item, a table row or a paragraph.
type Item struct {
	Text string
	Span Span
}

// NFRCategory is the quality a non-functional requirement speaks to.
type NFRCategory string

// The NFR categories of SPEC §2.
const (
	Scalability   NFRCategory = "scalability"
	Latency       NFRCategory = "latency"
	Availability  NFRCategory = "availability"
	Durability    NFRCategory = "durability"
	Consistency   NFRCategory = "consistency"
	Security      NFRCategory = "security"
	Observability NFRCategory = "observability"
	Cost          NFRCategory = "cost"
	Throughput    NFRCategory = "throughput"
	OtherNFR      NFRCategory = "other"
)

// NFR is a non-functional requirement.
type NFR struct {
	Item
	Category NFRCategory
	// Categories lists every quality the requirement speaks to, most
	// important first.
	Categories []NFRCategory
	// Target is the measurable figure the requirement names, if any.
	Target *Value
	// Specific is set for a requirement that is precise without a number:
	// a named consistency model, "never lost once acknowledged", a named
	// security mechanism.
	Specific bool
}

// Measurable reports whether the requirement can be checked: it has a target
// or is precise without one.
func (n NFR) Measurable() bool { return n.Target != nil || n.Specific }

// Value is a quantity read from the document with where it was written.
type Value struct {
	Name     string // canonical name, for assumptions and declared figures
	Quantity estimate.Quantity
	Text     string // as written
	Span     Span
	// AtPeak marks a figure stated for the peak ("3,000/s at peak").
	AtPeak bool
}

// ComponentKind is what a component is.
type ComponentKind string

// Component kinds of SPEC §2.
const (
	KindService      ComponentKind = "service"
	KindDatabase     ComponentKind = "database"
	KindCache        ComponentKind = "cache"
	KindQueue        ComponentKind = "queue"
	KindLoadBalancer ComponentKind = "load_balancer"
	KindCDN          ComponentKind = "cdn"
	KindObjectStore  ComponentKind = "object_store"
	KindSearch       ComponentKind = "search"
	KindGateway      ComponentKind = "gateway"
	KindWorker       ComponentKind = "worker"
	KindExternal     ComponentKind = "external"
)

// ComponentKinds lists every kind, in the order of SPEC §2.
var ComponentKinds = []ComponentKind{
	KindService, KindDatabase, KindCache, KindQueue, KindLoadBalancer, KindCDN,
	KindObjectStore, KindSearch, KindGateway, KindWorker, KindExternal,
}

// StatefulKind reports whether components of this kind hold state by nature.
func StatefulKind(k ComponentKind) bool {
	switch k {
	case KindDatabase, KindCache, KindQueue, KindObjectStore, KindSearch:
		return true
	}
	return false
}

// ConsistencyModel is a component's stated consistency.
type ConsistencyModel string

// Consistency models; Unset means the document does not say.
// Linearizable and serializable are kinds of strong consistency; causal,
// read-your-writes and bounded staleness are weaker than strong, and
// stronger than eventual.
const (
	Unset            ConsistencyModel = ""
	Strong           ConsistencyModel = english.Strong
	Eventual         ConsistencyModel = english.Eventual
	Linearizable     ConsistencyModel = english.Linearizable
	Serializable     ConsistencyModel = english.Serializable
	Causal           ConsistencyModel = english.Causal
	ReadYourWrites   ConsistencyModel = english.ReadYourWrites
	BoundedStaleness ConsistencyModel = english.BoundedStaleness
)

// IsStrong reports a model under which every read sees the latest write:
// strong, linearizable or serializable.
func (m ConsistencyModel) IsStrong() bool {
	return m == Strong || m == Linearizable || m == Serializable
}

// IsWeak reports a stated model under which a read can miss a write.
func (m ConsistencyModel) IsWeak() bool { return m != Unset && !m.IsStrong() }

// Described is the model as an adjective: "strongly consistent",
// "linearizable", "causally consistent".
func (m ConsistencyModel) Described() string {
	switch m {
	case Strong:
		return "strongly consistent"
	case Eventual:
		return "eventually consistent"
	case Causal:
		return "causally consistent"
	case ReadYourWrites:
		return "read-your-writes consistent"
	case BoundedStaleness:
		return "consistent within a bound on staleness"
	}
	return string(m)
}

// Acknowledgement records an accepted risk, such as a single point of
// failure, with the author's reason.
type Acknowledgement struct {
	Acknowledged bool
	Reason       string
}

// CachePolicy is how a cache is kept fresh.
type CachePolicy struct {
	// Strategies holds the write and invalidation policies named:
	// "ttl", "write-through", "write-around", "write-behind",
	// "invalidation".
	Strategies []string
	TTL        string
}

// Has reports whether the policy names the given strategy.
func (c CachePolicy) Has(strategy string) bool {
	for _, s := range c.Strategies {
		if s == strategy {
			return true
		}
	}
	return false
}

// QueuePlan is what a document says about a queue's rates and growth.
type QueuePlan struct {
	Arrival   *Value // messages per second in
	Service   *Value // messages per second one consumer handles
	Consumers int
	// Plans names the growth plans mentioned: "autoscaling", "priority",
	// "dead-letter", "rate-limit", "backpressure".
	Plans []string
}

// Component is a box of the architecture.
type Component struct {
	Name          string
	Kind          ComponentKind
	Technology    string
	Stateful      bool
	Consistency   ConsistencyModel
	Justification string
	// Replicas is the number of instances; 0 means the document does not
	// say.
	Replicas int
	// Regions is the number of regions it runs in; 0 means unknown.
	Regions int
	// RegionFromZones is set when Regions is 1 only because the text
	// spreads the component over zones of one region ("across 3 AZs"):
	// the document does not say the design stops at that region.
	RegionFromZones bool
	DependsOn       []string
	SPOF            Acknowledgement
	Cache           CachePolicy
	Queue           QueuePlan
	// Capacity is the load one instance handles, as a rate.
	Capacity     *Value
	Availability *Value
	// Session is how the component keeps user session state when it does:
	// "sticky" or "in-memory"; SessionReason is the author's reason.
	Session       string
	SessionReason string
	// Description is the prose written about the component.
	Description string
	Span        Span
	// rank says how definite the place Span points at is: a heading about
	// the component beats a table row, which beats a mention.
	rank int
	// scope is the line of the heading of the design the component
	// belongs to, in a document that works out several; 0 otherwise.
	scope int
	// under is the heading the component was first named under, while
	// the Markdown reader reads it.
	under *frame
}

// Scenario is one entry of the failure plan.
type Scenario struct {
	Scenario   string
	Mitigation string
	// Pending is set when the document has a place for the mitigation
	// but has not written it yet (a "TODO" cell, a prompt under the
	// scenario's heading).
	Pending bool
	Span    Span
}

// Endpoint is one operation of the API.
type Endpoint struct {
	Method      string
	Path        string
	Description string
	Span        Span
}

// Scope is one design's estimate in a document that holds several: the
// section it stands in and its figures.
type Scope struct {
	Title       string
	Span        Span
	Estimates   Span // the heading of its estimates section
	Assumptions map[string]Value
	Declared    map[string]Value
}

// Suppression is a designlint-disable directive.
type Suppression struct {
	// Next is set for disable-next, which covers the following block only;
	// otherwise the directive covers the whole document.
	Next   bool
	Rules  []string
	Reason string
	// Until is the expiry date (YYYY-MM-DD) named in the reason, if any.
	Until string
	Span  Span
	// Target is the block a disable-next covers.
	Target Span
}

// Override is a per-document rule setting from front matter (or the
// designlint field of a structured document). One that weakens a rule is a
// waiver, and like a designlint-disable comment it needs a reason, which
// may end the waiver with "until YYYY-MM-DD".
type Override struct {
	Rule     string
	Severity string // error, warning, info or off
	Reason   string
	// Until is the expiry date (YYYY-MM-DD) named in the reason, if any.
	Until string
	Span  Span
}

// Issue is a problem the reader met in a document that is still readable,
// reported as a finding of Rule.
type Issue struct {
	Rule    string
	Message string
	Span    Span
	Element string
}

// Design is one design document read into designlint's model. Rules and the
// estimator see only this.
type Design struct {
	// ownBasis are the results worked out from another stated figure
	// than the estimator's formula takes (see WorkedOnOwnBasis).
	ownBasis []Value

	Path   string
	Format Format
	Title  string
	Status string
	// Kind is what kind of document this is, KindWhy why designlint
	// thinks so; KindSet says front matter or configuration chose it.
	Kind    DocKind
	KindWhy string
	KindSet bool
	// Headings lists every heading of a Markdown document.
	Headings []Heading
	// Blank marks an empty document: a placeholder a walk passes over,
	// and a design with nothing written yet when named.
	Blank bool

	Sections      []Section
	Problem       []Item
	Functional    []Item
	NonFunctional []NFR
	// Assumptions are the inputs the document states, by canonical name;
	// Declared are the figures it claims (requests per day, peak TPS…).
	Assumptions map[string]Value
	Declared    map[string]Value
	Components  []*Component
	FailurePlan []Scenario
	TradeOffs   []Item
	API         []Endpoint
	Summary     []Item
	Equations   []Equation
	// Figures are every figure read, used or not; Unread are the numbers
	// of the estimates that name nothing designlint estimates.
	Figures []Figure
	Unread  []Unread
	// Scopes holds, for a document that works out several designs (a book
	// of interview answers), the figures of each; Assumptions and
	// Declared are then those of the first. Empty for one design.
	Scopes       []Scope
	Diagrams     []Span
	Suppressions []Suppression
	Overrides    []Override
	Issues       []Issue

	// Source is the document's text, for reports that count columns in
	// characters rather than bytes.
	Source []byte
	lines  *lineTable
	// budget is what reading the document has left to spend on its
	// structured parts.
	budget *structuredBudget
}

// RuneColumn converts a 1-based byte column on a 1-based line into a
// 1-based column counted in Unicode code points (what SARIF and editors
// expect). Columns designlint prints itself are bytes.
func (d *Design) RuneColumn(line, col int) int {
	if d == nil || len(d.Source) == 0 || line < 1 || col < 1 {
		return col
	}
	if d.lines == nil {
		t := newLineTable(d.Source)
		t.hint = nil
		d.lines = &t
	}
	if line > len(d.lines.starts) {
		return col
	}
	start := d.lines.starts[line-1]
	end := min(start+col-1, len(d.Source))
	return utf8.RuneCount(d.Source[start:end]) + 1
}

// Section returns the first section of the kind, if the document has one.
func (d *Design) Section(kind SectionKind) (Section, bool) {
	for _, s := range d.Sections {
		if s.Is(kind) {
			return s, true
		}
	}
	return Section{}, false
}

// Is reports whether the section plays the role.
func (s Section) Is(kind SectionKind) bool {
	if s.Kind == kind {
		return true
	}
	for _, k := range s.Also {
		if k == kind {
			return true
		}
	}
	return false
}

// HasContent reports whether the document has a section of the kind with
// something in it beyond placeholders.
func (d *Design) HasContent(kind SectionKind) bool {
	for _, s := range d.Sections {
		if s.Is(kind) && !s.Empty {
			return true
		}
	}
	return false
}

// Component returns the component with the given name (compared loosely:
// case, spaces and punctuation ignored).
func (d *Design) Component(name string) *Component {
	key := NameKey(name)
	for _, c := range d.Components {
		if NameKey(c.Name) == key {
			return c
		}
	}
	// "Web Servers" for "Web Server", "Rules Database" for "Rules DB".
	key = componentKey(name)
	for _, c := range d.Components {
		if componentKey(c.Name) == key {
			return c
		}
	}
	return nil
}

// NameKey folds a component name for comparison: lower case, letters and
// digits only.
func NameKey(name string) string {
	b := make([]byte, 0, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 0x80:
			b = append(b, c)
		}
	}
	return string(b)
}

func newDesign(path string, f Format) *Design {
	return &Design{
		Path:        path,
		Format:      f,
		Assumptions: map[string]Value{},
		Declared:    map[string]Value{},
		budget:      newStructuredBudget(),
	}
}
