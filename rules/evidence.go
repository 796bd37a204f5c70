package rules

import (
	"sort"

	"github.com/designlint/designlint/design"
)

// This file lets the grade show what two rules credited, read the way the
// rules read it: the figures that state a design's scale, and the entries
// of its failure plan that answer each of the three cases.

// ScaleFigures lists the figures that state the design's load, as
// estimates-present reads them (users, requests a day or per user, request
// rates), in the order of their lines.
func ScaleFigures(d *design.Design) []design.Value {
	var out []design.Value
	for _, n := range scaleNames {
		if v, ok := d.Assumptions[n]; ok {
			out = append(out, v)
		}
		if v, ok := d.Declared[n]; ok {
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start.Line < out[j].Span.Start.Line })
	return out
}

// FailureCase is one of the three cases a failure plan answers, with the
// entries of the design's plan about it, as failure-scenarios reads them.
type FailureCase struct {
	// Case is "a traffic spike", "the loss of a node, zone or region" or
	// "the failure of a dependency".
	Case string
	// Answered are the entries about the case that say what is done;
	// Named those that name it without a mitigation.
	Answered, Named []design.Scenario
	// Needed is false for the failure of a dependency when the design
	// lists components and none is a dependency.
	Needed bool
}

// FailureCases reads the design's failure plan as failure-scenarios
// does: the three cases, in order, each with its entries.
func FailureCases(d *design.Design) []FailureCase {
	deps := dependencies(d)
	out := make([]FailureCase, numFailureKinds)
	for k := failureKind(0); k < numFailureKinds; k++ {
		out[k] = FailureCase{Case: failureKindText[k], Needed: k != dependencyFailure || len(d.Components) == 0 || len(deps) > 0}
	}
	for _, sc := range d.FailurePlan {
		for _, k := range failureKinds(sc, deps) {
			if hasMitigation(sc) {
				out[k].Answered = append(out[k].Answered, sc)
			} else {
				out[k].Named = append(out[k].Named, sc)
			}
		}
	}
	return out
}
