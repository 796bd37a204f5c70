package rules

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
	"github.com/designlint/designlint/internal/testenv"
)

// The phrasebook of ../shared/phrasebook holds phrasings engineers use in
// design documents, each with what a careful reader gets from it. It was
// written apart from designlint; these tests read every row through the
// same reader and rules as a real document and report the share read right,
// failing under the floor. Misses are logged with -v.

// phrasebookFloor is the share of rows each file must read right.
const phrasebookFloor = 0.98

// estimatesDoc wraps a snippet as the body of an Estimates section, unless
// it carries its own heading.
func estimatesDoc(text string) string {
	if strings.HasPrefix(text, "\n") {
		return "# Design\n" + text + "\n"
	}
	return "# Design\n\n## Estimates\n\n" + text + "\n"
}

func TestPhrasebookAssumptions(t *testing.T) {
	rows := testenv.TSV(t, "phrasebook/assumptions.tsv")
	pass := 0
	for _, row := range rows {
		d, err := design.Read("row.md", []byte(estimatesDoc(row["text"])), design.Options{})
		if err != nil {
			t.Errorf("line %s: %v", row["line"], err)
			continue
		}
		got := map[string]float64{}
		for name, v := range d.Assumptions {
			got[name] = v.Quantity.Value
		}
		if why := compareInputs(got, row["expect"]); why != "" {
			t.Logf("line %s: %s\n\t%q", row["line"], why, row["text"])
			continue
		}
		pass++
	}
	report(t, "assumptions.tsv", pass, len(rows))
}

// compareInputs checks the inputs read against "name=value ..." or "-".
func compareInputs(got map[string]float64, expect string) string {
	want := map[string]float64{}
	if expect != "-" {
		for _, kv := range strings.Fields(expect) {
			k, v, _ := strings.Cut(kv, "=")
			f, _ := strconv.ParseFloat(v, 64)
			want[k] = f
		}
	}
	var out []string
	for k, v := range want {
		g, ok := got[k]
		switch {
		case !ok:
			out = append(out, "missing "+k)
		case math.Abs(g-v) > 1e-6*math.Max(math.Abs(v), 1e-12):
			out = append(out, k+" = "+strconv.FormatFloat(g, 'g', 6, 64)+", want "+strconv.FormatFloat(v, 'g', 6, 64))
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			out = append(out, "extra "+k+" = "+strconv.FormatFloat(v, 'g', 6, 64))
		}
	}
	return strings.Join(out, "; ")
}

func TestPhrasebookEquations(t *testing.T) {
	rows := testenv.TSV(t, "phrasebook/equations.tsv")
	pass := 0
	for _, row := range rows {
		d, err := design.Read("row.md", []byte(estimatesDoc(row["text"])), design.Options{})
		if err != nil {
			t.Errorf("line %s: %v", row["line"], err)
			continue
		}
		var slips []string
		for _, f := range Run(d, Config{Now: testNow, Rules: []*Rule{EstimateArithmetic}}).Findings {
			slips = append(slips, f.Message)
		}
		wrong := row["verdict"] == "wrong"
		switch {
		case wrong && len(slips) == 0:
			t.Logf("line %s: a wrong calculation passed\n\t%q", row["line"], row["text"])
		case !wrong && len(slips) > 0:
			t.Logf("line %s: a right calculation was flagged: %s\n\t%q", row["line"], slips[0], row["text"])
		default:
			pass++
		}
	}
	report(t, "equations.tsv", pass, len(rows))
}

// report logs the share read right and fails under the floor.
func report(t *testing.T, file string, pass, total int) {
	t.Helper()
	share := float64(pass) / float64(max(total, 1))
	t.Logf("%s: %d of %d rows read right (%.1f%%)", file, pass, total, 100*share)
	if share < phrasebookFloor {
		t.Errorf("%s: %.1f%% of rows read right, under the floor of %.0f%%", file, 100*share, 100*phrasebookFloor)
	}
}

var _ = estimate.Count
