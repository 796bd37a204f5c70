package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
	"github.com/designlint/designlint/rules"
)

// Estimate is what `designlint estimate` shows for one input: the
// assumptions and declared figures with the line and text each came
// from, the derived figures, the comparison with what the document
// declares, and the numbers of its estimates that were not used.
type Estimate struct {
	Path   string // "" when the input is --set alone
	Result *estimate.Result
	// Design is the document read; nil for --set alone.
	Design *design.Design
	// Set names the assumptions --set gave; they win over the document.
	Set      map[string]bool
	Declared map[string]design.Value
	MaxRatio float64
	// Calculations holds one line per calculation written in the text,
	// with its verdict.
	Calculations []string
}

// NewEstimate prepares what `designlint estimate` shows for a result; d
// is the document it was read from, nil for --set alone.
func NewEstimate(d *design.Design, r *estimate.Result, set map[string]bool, maxRatio float64) *Estimate {
	e := &Estimate{Result: r, Design: d, Set: set, MaxRatio: maxRatio, Declared: map[string]design.Value{}}
	if d != nil {
		e.Path, e.Declared = d.Path, d.Declared
		e.Calculations = CalculationLines(d, maxRatio)
	}
	return e
}

// figures shows the assumptions, with where each came from, and the
// derived figures.
func (e *Estimate) figures() (map[string]JSONAssumption, map[string]JSONEstimate) {
	as, es := EstimateJSON(&rules.Report{Estimate: e.Result, Design: e.Design})
	for name := range e.Set {
		if a, ok := as[name]; ok {
			as[name] = JSONAssumption{Value: a.Value, Unit: a.Unit, Display: a.Display, From: "--set"}
		}
	}
	return as, es
}

// EstimateHeader is the header of the figures table.
var EstimateHeader = []string{"FIGURE", "VALUE", "FORMULA", "INPUTS"}

// EstimateRows lays out the derived figures in the order of the chain:
// value, formula, and each input with its value, defaults marked.
func EstimateRows(r *estimate.Result) [][]string {
	var rows [][]string
	for _, f := range r.Figures {
		n, _ := estimate.Lookup(f.Name)
		formula, inputs := f.Formula, estimate.Work(f.Inputs, f.Values)
		if f.FromDocument {
			formula, inputs = "as the document states", "(not derivable from its assumptions)"
		}
		if len(f.Defaults) > 0 {
			if inputs != "" {
				inputs += "; "
			}
			inputs += strings.Join(f.Defaults, "; ")
		}
		rows = append(rows, []string{f.Name, n.FormatAs(f.Value), formula, inputs})
	}
	return rows
}

// AssumptionRows lays out the inputs with where each came from: the line
// and its text, or --set.
func AssumptionRows(e *Estimate) [][]string {
	var rows [][]string
	as, _ := e.figures()
	for _, name := range estimate.SortedAssumptions(e.Result.Assumed) {
		a := as[name]
		rows = append(rows, []string{name, a.Display, a.where()})
	}
	return rows
}

// DeclaredRows lays out the figures the document declares with the line
// and text each came from, in the order of the chain.
func DeclaredRows(e *Estimate) [][]string {
	if e.Design == nil {
		return nil
	}
	var rows [][]string
	declared := valuesJSON(e.Declared, newSourceText(e.Design))
	for _, name := range chainOrder(declared) {
		a := declared[name]
		rows = append(rows, []string{name, a.Display, a.where()})
	}
	return rows
}

// CheckLines describes, one line each, how the declared figures compare.
func CheckLines(e *Estimate) []string {
	var out []string
	for _, c := range e.Result.Checks {
		n, _ := estimate.Lookup(c.Name)
		mark, verdict := "ok  ", "within"
		if c.Ratio > e.MaxRatio {
			mark, verdict = "FAIL", "outside"
		}
		where := ""
		if v, ok := e.Declared[c.Name]; ok && v.Span.Start.Line > 0 {
			where = fmt.Sprintf(" (line %d)", v.Span.Start.Line)
		}
		out = append(out, fmt.Sprintf("%s %s%s: the document says %s, %s gives %s: %s apart, %s the %s allowed",
			mark, c.Name, where, n.FormatAs(c.Declared), c.Formula, n.FormatAs(c.Derived),
			estimate.FormatRatio(c.Ratio), verdict, estimate.FormatRatio(e.MaxRatio)))
	}
	out = append(out, e.Calculations...)
	for _, u := range e.Result.Unchecked {
		where := ""
		if v, ok := e.Declared[u.Name]; ok && v.Span.Start.Line > 0 {
			where = fmt.Sprintf(" (line %d)", v.Span.Start.Line)
		}
		out = append(out, fmt.Sprintf("--   %s%s: not checked, the document does not give %s", u.Name, where, strings.Join(u.Missing, " and ")))
	}
	return out
}

// PrintEstimate writes the estimate as text tables.
func PrintEstimate(w io.Writer, e *Estimate) error {
	src := e.Path
	if src == "" {
		src = "--set"
	}
	fmt.Fprintf(w, "Assumptions (%s)\n\n", Clean(src))
	if rows := AssumptionRows(e); len(rows) > 0 {
		if err := Table(w, []string{"NAME", "VALUE", "FROM"}, rows, false); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(w, "none found")
	}
	if rows := DeclaredRows(e); len(rows) > 0 {
		fmt.Fprintf(w, "\nDeclared figures\n\n")
		if err := Table(w, []string{"NAME", "VALUE", "FROM"}, rows, false); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\nEstimates\n\n")
	if rows := EstimateRows(e.Result); len(rows) > 0 {
		if err := Table(w, EstimateHeader, rows, false); err != nil {
			return err
		}
	} else if len(e.Result.Overflowed) == 0 {
		fmt.Fprintln(w, "nothing can be derived: give users and requests per user per day (or a request rate)")
	}
	for _, name := range e.Result.Overflowed {
		fmt.Fprintf(w, "%s: not derived: the result is too large to hold (are the inputs' magnitudes right?)\n", name)
	}
	if lines := CheckLines(e); len(lines) > 0 {
		fmt.Fprintf(w, "\nChecks\n\n")
		for _, l := range lines {
			fmt.Fprintln(w, Clean(l))
		}
	}
	if rows := unreadRows(&model{Unread: unread(e.Design)}); len(rows) > 0 {
		fmt.Fprintf(w, "\nNumbers not used\n\n")
		if err := Table(w, []string{"LINE", "NUMBER", "WHY", "IN"}, rows, false); err != nil {
			return err
		}
	}
	return nil
}

// jsonEstimate is what `designlint estimate --format json` prints.
type jsonEstimate struct {
	Version      int                       `json:"version"`
	Path         string                    `json:"path,omitempty"`
	Assumptions  map[string]JSONAssumption `json:"assumptions"`
	Estimates    map[string]JSONEstimate   `json:"estimates"`
	Checks       []jsonCheck               `json:"checks"`
	Unchecked    []jsonUnchecked           `json:"unchecked"`
	Calculations []modelCalculation        `json:"calculations"`
	Unread       []modelUnread             `json:"unread"`
}

type jsonCheck struct {
	Name     string  `json:"name"`
	Declared float64 `json:"declared"`
	Derived  float64 `json:"derived"`
	Unit     string  `json:"unit"`
	Ratio    float64 `json:"ratio"`
	Formula  string  `json:"formula"`
	OK       bool    `json:"ok"`
	Line     int     `json:"line,omitempty"`
}

type jsonUnchecked struct {
	Name    string   `json:"name"`
	Missing []string `json:"missing"`
}

// PrintEstimateJSON writes the estimate as JSON: the assumptions and
// estimates objects of lint's JSON, each assumption and declared figure
// with where it came from, the checks, the calculations written in the
// text and the numbers not used.
func PrintEstimateJSON(w io.Writer, e *Estimate) error {
	out := jsonEstimate{Version: 1, Path: Clean(e.Path), Checks: []jsonCheck{}, Unchecked: []jsonUnchecked{}, Calculations: []modelCalculation{}, Unread: unread(e.Design)}
	out.Assumptions, out.Estimates = e.figures()
	for _, c := range e.Result.Checks {
		ratio := c.Ratio
		if ratio > 1e300 {
			ratio = 0
		}
		jc := jsonCheck{Name: c.Name, Declared: finite(c.Declared.Value), Derived: finite(c.Derived.Value), Unit: c.Derived.Dim.BaseUnit(), Ratio: finite(ratio), Formula: c.Formula, OK: c.Ratio <= e.MaxRatio}
		if v, ok := e.Declared[c.Name]; ok {
			jc.Line = v.Span.Start.Line
		}
		out.Checks = append(out.Checks, jc)
	}
	for _, u := range e.Result.Unchecked {
		out.Unchecked = append(out.Unchecked, jsonUnchecked{Name: u.Name, Missing: u.Missing})
	}
	if e.Design != nil {
		for _, eq := range e.Design.Equations {
			out.Calculations = append(out.Calculations, calculation(eq, e.MaxRatio))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
