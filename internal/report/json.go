package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
	"github.com/designlint/designlint/rules"
)

// The JSON format, version 1. Field names are part of designlint's
// interface and documented in the README; add fields, never rename them.

// jsonRun is the document; its files are written one at a time
// (jsonArray), so the struct holds the marker in their place.
type jsonRun struct {
	Version int               `json:"version"`
	Tool    jsonTool          `json:"tool"`
	Files   []json.RawMessage `json:"files"`
	Fixed   []string          `json:"fixed_since_baseline,omitempty"`
	Skipped []string          `json:"skipped_not_designs,omitempty"`
	Summary jsonCounts        `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	URI     string `json:"uri,omitempty"`
}

type jsonFile struct {
	Path        string                    `json:"path"`
	Format      string                    `json:"format"`
	Error       string                    `json:"error,omitempty"`
	Findings    []jsonFinding             `json:"findings"`
	Assumptions map[string]JSONAssumption `json:"assumptions"`
	Estimates   map[string]JSONEstimate   `json:"estimates"`
	// Model is the document as designlint read it, as inspect shows it.
	Model *model `json:"model,omitempty"`
}

type jsonFinding struct {
	Rule      string      `json:"rule"`
	Severity  string      `json:"severity"`
	Message   string      `json:"message"`
	Line      int         `json:"line"`
	Column    int         `json:"column"`
	EndLine   int         `json:"end_line"`
	EndColumn int         `json:"end_column"`
	Waiver    *jsonWaiver `json:"waiver,omitempty"`
}

type jsonWaiver struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

type jsonCounts struct {
	Files      int `json:"files"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
	Waived     int `json:"waived"`
	Unreadable int `json:"unreadable"`
	Skipped    int `json:"skipped"`
}

// JSONAssumption is an input as the JSON format shows it, with where it
// came from: the line, the figure as written (text) and the line's text
// (line_text), and from, which says whether the document
// ("document"), its requirements ("requirement", the availability target)
// or the command line ("--set") gave it.
type JSONAssumption struct {
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Display  string  `json:"display"`
	Line     int     `json:"line,omitempty"`
	Text     string  `json:"text,omitempty"`
	LineText string  `json:"line_text,omitempty"`
	From     string  `json:"from,omitempty"`
}

// provenance records where a value was read.
func (a *JSONAssumption) provenance(v design.Value, src *sourceText) {
	a.Line = v.Span.Start.Line
	a.Text = Clean(v.Text)
	a.LineText = src.quote(v.Span)
	a.From = "document"
}

// where says where the value came from, for a person: `line 12:
// “DAU: ~50M”`, or --set.
func (a JSONAssumption) where() string {
	if a.Line == 0 {
		return a.From
	}
	s := fmt.Sprintf("line %d", a.Line)
	if a.From == "requirement" {
		s += " (a requirement's target)"
	}
	if a.LineText != "" {
		s += ": “" + a.LineText + "”"
	}
	return s
}

// JSONEstimate is a derived figure as the JSON format shows it.
type JSONEstimate struct {
	Value    float64           `json:"value"`
	Unit     string            `json:"unit"`
	Display  string            `json:"display"`
	Formula  string            `json:"formula,omitempty"`
	Inputs   map[string]string `json:"inputs"`
	Defaults []string          `json:"defaults,omitempty"`
	Declared *JSONAssumption   `json:"declared,omitempty"`
	// FromDocument marks a figure taken as the document states it,
	// because nothing lets designlint derive it.
	FromDocument bool `json:"from_document,omitempty"`
}

type jsonPrinter struct {
	opts  Options
	tool  jsonTool
	files jsonArray
}

func newJSON(o Options) Printer { return &jsonPrinter{opts: o} }

func (p *jsonPrinter) Print(w io.Writer, run *Run) error { return printStreamed(p, w, run) }

func (p *jsonPrinter) frame(s Summary) jsonRun {
	c := s.Counts
	return jsonRun{
		Version: 1,
		Tool:    p.tool,
		Files:   []json.RawMessage{arrayMarkerRaw},
		Fixed:   cleanAll(s.Fixed),
		Skipped: cleanAll(s.Skipped),
		Summary: jsonCounts{Files: c.Files, Errors: c.Errors, Warnings: c.Warnings, Infos: c.Infos, Waived: c.Waived, Unreadable: c.Unreadable, Skipped: c.Skipped},
	}
}

// Begin writes the document up to its files.
func (p *jsonPrinter) Begin(w io.Writer, t Tool) error {
	p.tool = jsonTool{Name: t.Name, Version: t.Version, URI: t.URI}
	return p.files.open(w, p.frame(Summary{}))
}

// File writes one file's object.
func (p *jsonPrinter) File(w io.Writer, f File) error {
	jf := jsonFile{Path: Clean(f.Path), Format: string(f.Format), Findings: []jsonFinding{}, Assumptions: map[string]JSONAssumption{}, Estimates: map[string]JSONEstimate{}}
	if f.Err != nil {
		jf.Error = Clean(f.Err.Error())
	}
	if f.Report != nil {
		for _, x := range f.Report.Findings {
			jf.Findings = append(jf.Findings, toJSONFinding(x))
		}
		jf.Assumptions, jf.Estimates = EstimateJSON(f.Report)
		if f.Report.Design != nil {
			jf.Model = newModel(f.Report.Design, p.opts.MaxRatio)
		}
	}
	return p.files.element(w, jf)
}

// End writes the rest: the baseline entries no longer matched, the
// documents passed over, and the summary.
func (p *jsonPrinter) End(w io.Writer, s Summary) error {
	return p.files.close(w, p.frame(s))
}

func toJSONFinding(x rules.Finding) jsonFinding {
	jf := jsonFinding{
		Rule: x.Rule, Severity: x.Severity.String(), Message: Clean(x.Message),
		Line: x.Span.Start.Line, Column: x.Span.Start.Col,
		EndLine: x.Span.End.Line, EndColumn: x.Span.End.Col,
	}
	if jf.EndLine == 0 {
		jf.EndLine, jf.EndColumn = jf.Line, jf.Column
	}
	if x.Waiver != nil {
		jf.Waiver = &jsonWaiver{Kind: x.Waiver.Kind, Reason: Clean(x.Waiver.Reason)}
	}
	return jf
}

// finite keeps JSON valid: NaN and infinities cannot be encoded, and
// designlint never writes them.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func quantityJSON(name string, q estimate.Quantity) JSONAssumption {
	n, _ := estimate.Lookup(name)
	return JSONAssumption{Value: finite(q.Value), Unit: q.Dim.BaseUnit(), Display: n.FormatAs(q)}
}

// EstimateJSON builds the assumptions and estimates objects of the JSON
// format from a report; `designlint estimate --format json` prints the same.
func EstimateJSON(r *rules.Report) (map[string]JSONAssumption, map[string]JSONEstimate) {
	as := map[string]JSONAssumption{}
	es := map[string]JSONEstimate{}
	if r == nil || r.Estimate == nil {
		return as, es
	}
	src := newSourceText(r.Design)
	for name, q := range r.Estimate.Assumed {
		a := quantityJSON(name, q)
		if r.Design != nil {
			if v, ok := r.Design.Assumptions[name]; ok {
				a.provenance(v, src)
			} else if t, ok := targetOf(r.Design, name, q.Value); ok {
				a.provenance(t, src)
				a.From = "requirement"
			}
		}
		as[name] = a
	}
	for _, f := range r.Estimate.Figures {
		q := quantityJSON(f.Name, f.Value)
		e := JSONEstimate{Value: q.Value, Unit: q.Unit, Display: q.Display, Formula: f.Formula, Inputs: map[string]string{}, Defaults: f.Defaults, FromDocument: f.FromDocument}
		for i, in := range f.Inputs {
			if i < len(f.Values) {
				n, _ := estimate.Lookup(in)
				e.Inputs[in] = n.FormatAs(f.Values[i])
			}
		}
		if f.Declared != nil {
			d := quantityJSON(f.Name, *f.Declared)
			if r.Design != nil {
				if v, ok := r.Design.Declared[f.Name]; ok {
					d.provenance(v, src)
				}
			}
			e.Declared = &d
		}
		es[f.Name] = e
	}
	return as, es
}

// cleanAll cleans each of a list of strings taken from input.
func cleanAll(in []string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = Clean(s)
	}
	return out
}
