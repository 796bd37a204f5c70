package rules

import "sort"

// registry lists every rule, sorted by id. It is written out rather than
// built by init functions so that the set of rules is visible in one place.
var registry = []*Rule{
	ADRAlternatives,
	ADRConsequences,
	ADRContext,
	ADRDecision,
	APIContract,
	ArchitectureOverview,
	AvailabilityBudget,
	CachePolicy,
	CapacityPlan,
	ConsistencyFit,
	ConsistencyJustified,
	EstimateArithmetic,
	EstimatesPresent,
	FailurePlan,
	FailureScenarios,
	FunctionalRequirements,
	NFRCoverage,
	NFRMeasurable,
	NonFunctionalRequirements,
	PeakLoad,
	QueueBackpressure,
	RFCAlternatives,
	RFCGoals,
	RFCMotivation,
	RFCRisks,
	Schema,
	SinglePointOfFailure,
	StatelessServices,
	StorageEstimate,
	Summary,
	SuppressionReason,
	Tradeoffs,
	UnreadableFigure,
	WriteBehindDurability,
}

// Registry returns every rule, sorted by id.
func Registry() []*Rule {
	out := append([]*Rule(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup returns the rule with the given id.
func Lookup(id string) (*Rule, bool) {
	for _, r := range registry {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// IDs lists every rule id, sorted.
func IDs() []string {
	var out []string
	for _, r := range Registry() {
		out = append(out, r.ID)
	}
	return out
}
