package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
)

// Estimate is what `designlint estimate` shows for one input: the
// assumptions with where each came from, the derived figures, and the
// comparison with what the document declares.
type Estimate struct {
	Path   string // "" when the input is --set alone
	Result *estimate.Result
	// Sources says where each assumption came from: "line 12", "--set".
	Sources  map[string]string
	Declared map[string]design.Value
	MaxRatio float64
	// Calculations holds one line per calculation written in the text,
	// with its verdict.
	Calculations []string
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

// AssumptionRows lays out the inputs with where each came from.
func AssumptionRows(r *estimate.Result, sources map[string]string) [][]string {
	var rows [][]string
	for _, name := range estimate.SortedAssumptions(r.Assumed) {
		n, _ := estimate.Lookup(name)
		rows = append(rows, []string{name, n.FormatAs(r.Assumed[name]), sources[name]})
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
	if rows := AssumptionRows(e.Result, e.Sources); len(rows) > 0 {
		if err := Table(w, []string{"NAME", "VALUE", "FROM"}, rows, false); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(w, "none found")
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
		fmt.Fprintf(w, "\nDeclared figures\n\n")
		for _, l := range lines {
			fmt.Fprintln(w, Clean(l))
		}
	}
	return nil
}
