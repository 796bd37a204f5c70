package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
	"github.com/designlint/designlint/rules"
)

// This file prints what `designlint inspect` shows: the document as
// designlint read it. One model is built from the design and printed
// either as text tables or as JSON; the JSON format of lint carries the
// same model for each file, under "model".

// model is the document as read, every string taken from it cleaned.
// Field names are part of designlint's JSON interface and documented in
// the README; add fields, never rename them.
type model struct {
	Title         string                    `json:"title"`
	Kind          string                    `json:"kind"`
	KindWhy       string                    `json:"kind_why"`
	KindChosen    bool                      `json:"kind_chosen"`
	Headings      []modelHeading            `json:"headings"`
	Sections      []modelSection            `json:"sections"`
	Problem       []modelItem               `json:"problem"`
	Functional    []modelItem               `json:"functional"`
	NonFunctional []modelNFR                `json:"nonfunctional"`
	API           []modelEndpoint           `json:"api"`
	Components    []modelComponent          `json:"components"`
	FailurePlan   []modelScenario           `json:"failure_plan"`
	TradeOffs     []modelItem               `json:"tradeoffs"`
	Summary       []modelItem               `json:"summary"`
	Assumptions   map[string]JSONAssumption `json:"assumptions"`
	Declared      map[string]JSONAssumption `json:"declared"`
	Figures       []modelFigure             `json:"figures"`
	Scopes        []modelScope              `json:"scopes"`
	MaxRatio      float64                   `json:"max_ratio"`
	Calculations  []modelCalculation        `json:"calculations"`
	Unread        []modelUnread             `json:"unread"`
	Issues        []modelIssue              `json:"issues"`
}

type modelHeading struct {
	Title string `json:"title"`
	Level int    `json:"level"`
	Line  int    `json:"line"`
	Role  string `json:"role,omitempty"`
}

type modelSection struct {
	Title string   `json:"title"`
	Level int      `json:"level"`
	Line  int      `json:"line"`
	Role  string   `json:"role"`
	Also  []string `json:"also,omitempty"`
	Empty bool     `json:"empty"`
}

type modelItem struct {
	Text string `json:"text"`
	Line int    `json:"line"`
}

type modelNFR struct {
	Text       string          `json:"text"`
	Line       int             `json:"line"`
	Area       string          `json:"area"`
	Areas      []string        `json:"areas"`
	Target     *JSONAssumption `json:"target,omitempty"`
	Measurable bool            `json:"measurable"`
	Specific   bool            `json:"specific"`
}

type modelEndpoint struct {
	Method      string `json:"method"`
	Path        string `json:"path"`
	Description string `json:"description,omitempty"`
	Line        int    `json:"line"`
}

type modelScenario struct {
	Scenario   string `json:"scenario"`
	Mitigation string `json:"mitigation"`
	Pending    bool   `json:"pending,omitempty"`
	Line       int    `json:"line"`
}

type modelComponent struct {
	Name  string     `json:"name"`
	Line  int        `json:"line"`
	Facts modelFacts `json:"facts"`
}

// modelFact is one thing the document says about a component: its value
// and, where the reader kept it, the line it was read from.
type modelFact struct {
	name    string
	Value   any    `json:"value"`
	Unit    string `json:"unit,omitempty"`
	Display string `json:"display,omitempty"`
	Text    string `json:"text,omitempty"`
	Line    int    `json:"line,omitempty"`
}

// modelFacts is a component's facts in the order a reader goes through
// them; in JSON, an object keyed by the fact's name.
type modelFacts []modelFact

func (fs modelFacts) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.name)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

type modelFigure struct {
	Name     string  `json:"name"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Display  string  `json:"display"`
	Text     string  `json:"text"`
	Line     int     `json:"line"`
	Column   int     `json:"column"`
	LineText string  `json:"line_text,omitempty"`
	Role     string  `json:"role"`
	Rank     int     `json:"rank"`
	Used     bool    `json:"used"`
	Why      string  `json:"why,omitempty"`
	AtPeak   bool    `json:"at_peak,omitempty"`
	Scope    *int    `json:"scope,omitempty"`
}

type modelScope struct {
	Title         string                    `json:"title"`
	Line          int                       `json:"line"`
	EstimatesLine int                       `json:"estimates_line"`
	Assumptions   map[string]JSONAssumption `json:"assumptions"`
	Declared      map[string]JSONAssumption `json:"declared"`
}

type modelCalculation struct {
	Text       string  `json:"text"`
	Line       int     `json:"line"`
	OK         bool    `json:"ok"`
	Left       string  `json:"left,omitempty"`
	Right      string  `json:"right,omitempty"`
	LeftValue  float64 `json:"left_value,omitempty"`
	RightValue float64 `json:"right_value,omitempty"`
	Ratio      float64 `json:"ratio,omitempty"`
}

type modelUnread struct {
	Text     string `json:"text"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	LineText string `json:"line_text,omitempty"`
	Why      string `json:"why"`
}

type modelIssue struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Line    int    `json:"line"`
}

// newModel builds the model of a design; maxRatio judges its
// calculations (the default when not above 1).
func newModel(d *design.Design, maxRatio float64) *model {
	if maxRatio <= 1 {
		maxRatio = rules.DefaultMaxRatio
	}
	src := newSourceText(d)
	m := &model{
		Title:         Clean(d.Title),
		Kind:          string(d.Kind),
		KindWhy:       Clean(d.KindWhy),
		KindChosen:    d.KindSet,
		Headings:      []modelHeading{},
		Sections:      []modelSection{},
		Problem:       items(d.Problem),
		Functional:    items(d.Functional),
		NonFunctional: []modelNFR{},
		API:           []modelEndpoint{},
		Components:    []modelComponent{},
		FailurePlan:   []modelScenario{},
		TradeOffs:     items(d.TradeOffs),
		Summary:       items(d.Summary),
		Assumptions:   valuesJSON(d.Assumptions, src),
		Declared:      valuesJSON(d.Declared, src),
		Figures:       []modelFigure{},
		Scopes:        []modelScope{},
		MaxRatio:      maxRatio,
		Calculations:  []modelCalculation{},
		Unread:        []modelUnread{},
		Issues:        []modelIssue{},
	}
	for _, h := range d.Headings {
		m.Headings = append(m.Headings, modelHeading{Title: Clean(h.Title), Level: h.Level, Line: h.Span.Start.Line, Role: string(h.Kind)})
	}
	for _, s := range d.Sections {
		ms := modelSection{Title: Clean(s.Title), Level: s.Level, Line: s.Span.Start.Line, Role: string(s.Kind), Empty: s.Empty}
		for _, k := range s.Also {
			ms.Also = append(ms.Also, string(k))
		}
		m.Sections = append(m.Sections, ms)
	}
	for _, n := range d.NonFunctional {
		mn := modelNFR{Text: Clean(n.Text), Line: n.Span.Start.Line, Area: string(n.Category), Areas: []string{}, Measurable: n.Measurable(), Specific: n.Specific}
		seen := map[design.NFRCategory]bool{}
		for _, c := range n.Categories {
			if !seen[c] {
				seen[c] = true
				mn.Areas = append(mn.Areas, string(c))
			}
		}
		if n.Target != nil {
			t := quantityJSON(n.Target.Name, n.Target.Quantity)
			t.Text = Clean(n.Target.Text)
			mn.Target = &t
		}
		m.NonFunctional = append(m.NonFunctional, mn)
	}
	for _, e := range d.API {
		m.API = append(m.API, modelEndpoint{Method: Clean(e.Method), Path: Clean(e.Path), Description: Clean(e.Description), Line: e.Span.Start.Line})
	}
	for _, c := range d.Components {
		m.Components = append(m.Components, modelComponent{Name: Clean(c.Name), Line: c.Span.Start.Line, Facts: locateFacts(componentFacts(c), c, src)})
	}
	for _, s := range d.FailurePlan {
		m.FailurePlan = append(m.FailurePlan, modelScenario{Scenario: Clean(s.Scenario), Mitigation: Clean(s.Mitigation), Pending: s.Pending, Line: s.Span.Start.Line})
	}
	for _, f := range d.Figures {
		n, _ := estimate.Lookup(f.Name)
		mf := modelFigure{
			Name: f.Name, Value: finite(f.Quantity.Value), Unit: f.Quantity.Dim.BaseUnit(), Display: n.FormatAs(f.Quantity),
			Text: Clean(f.Text), Line: f.Span.Start.Line, Column: f.Span.Start.Col, LineText: src.quote(f.Span),
			Role: "input", Rank: f.Rank, Used: f.Used, Why: Clean(f.Why), AtPeak: f.AtPeak,
		}
		if f.Claim {
			mf.Role = "claim"
		}
		if len(d.Scopes) > 0 {
			scope := f.Scope
			mf.Scope = &scope
		}
		m.Figures = append(m.Figures, mf)
	}
	for _, s := range d.Scopes {
		m.Scopes = append(m.Scopes, modelScope{
			Title: Clean(s.Title), Line: s.Span.Start.Line, EstimatesLine: s.Estimates.Start.Line,
			Assumptions: valuesJSON(s.Assumptions, src), Declared: valuesJSON(s.Declared, src),
		})
	}
	for _, eq := range d.Equations {
		m.Calculations = append(m.Calculations, calculation(eq, maxRatio))
	}
	m.Unread = unreadIn(d, src)
	for _, is := range d.Issues {
		m.Issues = append(m.Issues, modelIssue{Rule: is.Rule, Message: Clean(is.Message), Line: is.Span.Start.Line})
	}
	return m
}

// unread lists the numbers of a document's estimates that were not used.
func unread(d *design.Design) []modelUnread {
	return unreadIn(d, newSourceText(d))
}

func unreadIn(d *design.Design, src *sourceText) []modelUnread {
	out := []modelUnread{}
	if d == nil {
		return out
	}
	for _, u := range d.Unread {
		out = append(out, modelUnread{Text: Clean(u.Text), Line: u.Span.Start.Line, Column: u.Span.Start.Col, LineText: src.quote(u.Span), Why: Clean(u.Why)})
	}
	return out
}

func items(in []design.Item) []modelItem {
	out := []modelItem{}
	for _, it := range in {
		out = append(out, modelItem{Text: Clean(it.Text), Line: it.Span.Start.Line})
	}
	return out
}

// valuesJSON shows chosen figures by name, each with where it was read.
func valuesJSON(vs map[string]design.Value, src *sourceText) map[string]JSONAssumption {
	out := map[string]JSONAssumption{}
	for name, v := range vs {
		a := quantityJSON(name, v.Quantity)
		a.provenance(v, src)
		out[name] = a
	}
	return out
}

// locateFacts gives the facts quoted from the text (a reason, the
// consistency model stated with it) the line they were written on, found
// near the component's own line: the reader keeps the words, not their
// place. Counts read from the text (replicas, regions) are left without
// one.
func locateFacts(fs modelFacts, c *design.Component, src *sourceText) modelFacts {
	lineOf := map[string]int{}
	for i, f := range fs {
		if f.Line != 0 {
			continue
		}
		switch f.name {
		case "justification", "spof_reason", "session_reason":
			if s, ok := f.Value.(string); ok {
				if n := src.find(c.Span.Start.Line, s); n > 0 {
					fs[i].Line = n
					lineOf[f.name] = n
				}
			}
		}
	}
	for i, f := range fs {
		if f.name == "consistency" && f.Line == 0 {
			if n := lineOf["justification"]; n > 0 {
				fs[i].Line = n
			} else if s, ok := f.Value.(string); ok {
				fs[i].Line = src.find(c.Span.Start.Line, strings.Split(s, "_")[0])
			}
		}
	}
	return fs
}

// componentFacts lists what the document says about a component, each
// fact with its line where the reader kept one; facts the document does
// not state are left out.
func componentFacts(c *design.Component) modelFacts {
	var fs modelFacts
	add := func(name string, v any) { fs = append(fs, modelFact{name: name, Value: v}) }
	text := func(name, s string) {
		if s = strings.TrimSpace(s); s != "" {
			add(name, Clean(s))
		}
	}
	value := func(name string, v *design.Value) {
		if v == nil {
			return
		}
		n, _ := estimate.Lookup(v.Name)
		fs = append(fs, modelFact{name: name, Value: finite(v.Quantity.Value), Unit: v.Quantity.Dim.BaseUnit(),
			Display: n.FormatAs(v.Quantity), Text: Clean(v.Text), Line: v.Span.Start.Line})
	}
	text("kind", string(c.Kind))
	if c.Stateful {
		add("stateful", true)
	}
	text("technology", c.Technology)
	if c.Replicas > 0 {
		add("replicas", c.Replicas)
	}
	if c.Regions > 0 {
		add("regions", c.Regions)
	}
	text("consistency", string(c.Consistency))
	text("justification", c.Justification)
	if len(c.DependsOn) > 0 {
		add("depends_on", cleanAll(c.DependsOn))
	}
	if c.SPOF.Acknowledged {
		add("spof_acknowledged", true)
		text("spof_reason", c.SPOF.Reason)
	}
	if len(c.Cache.Strategies) > 0 {
		add("cache_policy", cleanAll(c.Cache.Strategies))
	}
	text("cache_ttl", c.Cache.TTL)
	value("queue_arrival", c.Queue.Arrival)
	value("queue_service", c.Queue.Service)
	if c.Queue.Consumers > 0 {
		add("consumers", c.Queue.Consumers)
	}
	if len(c.Queue.Plans) > 0 {
		add("queue_plans", cleanAll(c.Queue.Plans))
	}
	value("capacity", c.Capacity)
	value("availability", c.Availability)
	text("session", c.Session)
	text("session_reason", c.SessionReason)
	text("description", c.Description)
	if fs == nil {
		fs = modelFacts{}
	}
	return fs
}

// calculation judges a calculation written in the text.
func calculation(eq design.Equation, maxRatio float64) modelCalculation {
	c := modelCalculation{Text: Clean(eq.Text), Line: eq.Span.Start.Line, OK: true}
	if mm, bad := eq.Check(maxRatio); bad {
		c.OK = false
		c.Left, c.Right = Clean(mm.Left), Clean(mm.Right)
		c.LeftValue, c.RightValue, c.Ratio = finite(mm.LeftValue), finite(mm.RightValue), finite(mm.Ratio)
	}
	return c
}

// verdict says in words how a calculation came out.
func (c modelCalculation) verdict(maxRatio float64) string {
	if c.OK {
		return "adds up"
	}
	return fmt.Sprintf("the left side comes to %s, not %s: %sx apart, outside the %sx allowed",
		estimate.FormatNumber(c.LeftValue), estimate.FormatNumber(c.RightValue), estimate.FormatNumber(c.Ratio), estimate.FormatNumber(maxRatio))
}

// CalculationLines describes, one line each, the calculations written in
// a document and whether each adds up at maxRatio.
func CalculationLines(d *design.Design, maxRatio float64) []string {
	var out []string
	for _, eq := range d.Equations {
		c := calculation(eq, maxRatio)
		mark := "ok  "
		if !c.OK {
			mark = "FAIL"
		}
		out = append(out, fmt.Sprintf("%s line %d: %q %s", mark, c.Line, c.Text, c.verdict(maxRatio)))
	}
	return out
}

// inspectJSON is what `designlint inspect --format json` prints: the
// shape of a file of lint's JSON, with the model and without findings.
type inspectJSON struct {
	Version int    `json:"version"`
	Path    string `json:"path"`
	Format  string `json:"format"`
	Model   *model `json:"model"`
}

// PrintInspectJSON writes the document as read, as JSON.
func PrintInspectJSON(w io.Writer, d *design.Design, maxRatio float64) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(inspectJSON{Version: 1, Path: Clean(d.Path), Format: string(d.Format), Model: newModel(d, maxRatio)})
}

// PrintInspect writes the document as read, as text tables.
func PrintInspect(w io.Writer, d *design.Design, maxRatio float64) error {
	m := newModel(d, maxRatio)
	p := &inspectPrinter{w: w}
	title := m.Title
	if title == "" {
		title = "(none)"
	}
	how := "detected"
	if m.KindChosen {
		how = "chosen"
	}
	p.table(nil, [][]string{
		{"Document", Clean(d.Path) + " (" + string(d.Format) + ")"},
		{"Title", title},
		{"Kind", m.Kind + ", " + how + ": " + m.KindWhy},
	})
	p.section("Sections", []string{"LINE", "HEADING", "ROLE", "CONTENT"}, sectionRows(m))
	p.section("Components", []string{"LINE", "COMPONENT", "FACT", "VALUE"}, componentRows(m))
	p.section("Non-functional requirements", []string{"LINE", "AREA", "TARGET", "MEASURABLE", "REQUIREMENT"}, nfrRows(m))
	p.section("Other content", []string{"LINE", "PART", "TEXT"}, contentRows(m))
	p.section("Figures in use", []string{"NAME", "VALUE", "AS", "FROM"}, chosenRows(m.Assumptions, m.Declared))
	if len(m.Scopes) > 0 {
		p.section("Designs in this document", []string{"SCOPE", "LINE", "DESIGN", "ESTIMATES", "FIGURES IN USE"}, scopeRows(m))
	}
	if d.Format != design.Markdown && len(m.Figures) == 0 {
		p.note("Every figure read", "none besides the fields above: a structured document states each figure once")
	} else {
		p.section("Every figure read", figureHeader(m), figureRows(m))
	}
	p.section("Calculations", []string{"LINE", "CALCULATION", "VERDICT"}, calculationRows(m))
	p.section("Numbers not used", []string{"LINE", "NUMBER", "WHY", "IN"}, unreadRows(m))
	p.section("Reader notes", []string{"LINE", "RULE", "NOTE"}, issueRows(m))
	return p.err
}

// inspectPrinter writes sections of tables, keeping the first error.
type inspectPrinter struct {
	w   io.Writer
	err error
}

// table writes rows; with no header, as aligned label and value pairs.
func (p *inspectPrinter) table(header []string, rows [][]string) {
	if p.err != nil {
		return
	}
	if header == nil {
		width := 0
		for _, r := range rows {
			width = max(width, len(r[0]))
		}
		for _, r := range rows {
			if _, p.err = fmt.Fprintf(p.w, "%-*s  %s\n", width, r[0], Clean(r[1])); p.err != nil {
				return
			}
		}
		return
	}
	p.err = Table(p.w, header, rows, false)
}

// note writes a titled sentence.
func (p *inspectPrinter) note(title, text string) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, "\n%s\n\n%s\n", title, text)
	}
}

// section writes a titled table, or says there is nothing to show.
func (p *inspectPrinter) section(title string, header []string, rows [][]string) {
	if p.err != nil {
		return
	}
	if _, p.err = fmt.Fprintf(p.w, "\n%s\n\n", title); p.err != nil {
		return
	}
	if len(rows) == 0 {
		_, p.err = fmt.Fprintln(p.w, "none")
		return
	}
	p.table(header, rows)
}

func line(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// short keeps the start of a long text for a table cell.
func short(s string) string { return excerpt(s, 0, 0, quoteLimit) }

// sectionRows lists every heading, with the role designlint gives it, and
// the sections found without a heading of their own (a structured
// document's fields, content recognised under a heading naming nothing
// else), in the order of the document.
func sectionRows(m *model) [][]string {
	type row struct {
		line  int
		order int
		cells []string
	}
	var rows []row
	byLine := map[int][]modelSection{}
	for _, s := range m.Sections {
		byLine[s.Line] = append(byLine[s.Line], s)
	}
	headed := map[int]bool{}
	roleOf := func(s modelSection) (string, string) {
		role := s.Role
		if len(s.Also) > 0 {
			role += " (also " + strings.Join(s.Also, ", ") + ")"
		}
		content := "written"
		if s.Empty {
			content = "empty"
		}
		return role, content
	}
	for _, h := range m.Headings {
		title := strings.Repeat("#", h.Level) + " " + h.Title
		secs := byLine[h.Line]
		if len(secs) == 0 {
			rows = append(rows, row{h.Line, len(rows), []string{line(h.Line), short(title), "", ""}})
			continue
		}
		headed[h.Line] = true
		for _, s := range secs {
			role, content := roleOf(s)
			rows = append(rows, row{h.Line, len(rows), []string{line(h.Line), short(title), role, content}})
		}
	}
	for _, s := range m.Sections {
		if headed[s.Line] {
			continue
		}
		role, content := roleOf(s)
		rows = append(rows, row{s.Line, len(rows), []string{line(s.Line), short(s.Title), role, content}})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].line != rows[j].line {
			return rows[i].line < rows[j].line
		}
		return rows[i].order < rows[j].order
	})
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r.cells
	}
	return out
}

// componentRows shows each component on a row of its own, then one row
// per fact.
func componentRows(m *model) [][]string {
	var rows [][]string
	for _, c := range m.Components {
		rows = append(rows, []string{line(c.Line), short(c.Name), "", ""})
		for _, f := range c.Facts {
			if f.name == "description" {
				continue
			}
			rows = append(rows, []string{line(f.Line), "", strings.ReplaceAll(f.name, "_", " "), short(factText(f))})
		}
	}
	return rows
}

// factText shows a fact's value for a person.
func factText(f modelFact) string {
	switch v := f.Value.(type) {
	case string:
		return v
	case []string:
		return strings.Join(v, ", ")
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case int:
		return strconv.Itoa(v)
	}
	if f.Display != "" {
		if f.Text != "" && f.Text != f.Display {
			return f.Display + " (“" + f.Text + "”)"
		}
		return f.Display
	}
	return fmt.Sprint(f.Value)
}

func nfrRows(m *model) [][]string {
	var rows [][]string
	for _, n := range m.NonFunctional {
		target, measurable := "", "no"
		if n.Target != nil {
			target = n.Target.Display
			if n.Target.Text != "" && n.Target.Text != target {
				target += " (“" + short(n.Target.Text) + "”)"
			}
		}
		switch {
		case n.Target != nil:
			measurable = "yes"
		case n.Measurable:
			measurable = "yes, precise without a number"
		}
		rows = append(rows, []string{line(n.Line), strings.Join(n.Areas, ", "), target, measurable, short(n.Text)})
	}
	return rows
}

// contentRows lists the items of the other parts, part by part.
func contentRows(m *model) [][]string {
	var rows [][]string
	for _, part := range []struct {
		name  string
		items []modelItem
	}{{"problem", m.Problem}, {"functional", m.Functional}} {
		for _, it := range part.items {
			rows = append(rows, []string{line(it.Line), part.name, short(it.Text)})
		}
	}
	for _, e := range m.API {
		t := strings.TrimSpace(e.Method + " " + e.Path)
		if e.Description != "" {
			t += ": " + e.Description
		}
		rows = append(rows, []string{line(e.Line), "api", short(t)})
	}
	for _, s := range m.FailurePlan {
		t := s.Scenario + " → " + s.Mitigation
		if s.Pending || s.Mitigation == "" {
			t = s.Scenario + " → (no mitigation written yet)"
		}
		rows = append(rows, []string{line(s.Line), "failure", short(t)})
	}
	for _, part := range []struct {
		name  string
		items []modelItem
	}{{"trade-off", m.TradeOffs}, {"summary", m.Summary}} {
		for _, it := range part.items {
			rows = append(rows, []string{line(it.Line), part.name, short(it.Text)})
		}
	}
	return rows
}

// chosenRows lists the figures the model takes, inputs first, in the
// order of the estimator's chain.
func chosenRows(assumptions, declared map[string]JSONAssumption) [][]string {
	var rows [][]string
	for _, set := range []struct {
		as string
		m  map[string]JSONAssumption
	}{{"assumption", assumptions}, {"declared", declared}} {
		for _, name := range chainOrder(set.m) {
			a := set.m[name]
			rows = append(rows, []string{name, a.Display, set.as, a.where()})
		}
	}
	return rows
}

// chainOrder sorts names as the estimator's chain does.
func chainOrder(m map[string]JSONAssumption) []string {
	qs := make(map[string]estimate.Quantity, len(m))
	for k := range m {
		qs[k] = estimate.Quantity{}
	}
	return estimate.SortedAssumptions(qs)
}

func scopeRows(m *model) [][]string {
	var rows [][]string
	for i, s := range m.Scopes {
		names := append(chainOrder(s.Assumptions), chainOrder(s.Declared)...)
		rows = append(rows, []string{strconv.Itoa(i), line(s.Line), short(s.Title), "line " + line(s.EstimatesLine), short(strings.Join(names, ", "))})
	}
	return rows
}

func figureHeader(m *model) []string {
	h := []string{"LINE", "NAME", "VALUE", "AS", "TEXT", "USED"}
	if len(m.Scopes) > 0 {
		h = append([]string{"SCOPE"}, h...)
	}
	return h
}

func figureRows(m *model) [][]string {
	var rows [][]string
	for _, f := range m.Figures {
		used := "yes"
		if !f.Used {
			used = "no"
			if f.Why != "" {
				used += ": " + f.Why
			}
		}
		text := f.LineText
		if text == "" {
			text = f.Text
		}
		r := []string{line(f.Line), f.Name, f.Display, f.Role, "“" + text + "”", used}
		if f.Scope != nil {
			scope := strconv.Itoa(*f.Scope)
			if *f.Scope < 0 {
				scope = "none"
			}
			r = append([]string{scope}, r...)
		}
		rows = append(rows, r)
	}
	return rows
}

func calculationRows(m *model) [][]string {
	var rows [][]string
	for _, c := range m.Calculations {
		rows = append(rows, []string{line(c.Line), short(c.Text), c.verdict(m.MaxRatio)})
	}
	return rows
}

func unreadRows(m *model) [][]string {
	var rows [][]string
	for _, u := range m.Unread {
		in := ""
		if u.LineText != "" {
			in = "“" + u.LineText + "”"
		}
		rows = append(rows, []string{line(u.Line), short(u.Text), u.Why, in})
	}
	return rows
}

func issueRows(m *model) [][]string {
	var rows [][]string
	for _, is := range m.Issues {
		rows = append(rows, []string{line(is.Line), is.Rule, is.Message})
	}
	return rows
}
