package english

import "testing"

func TestReadConsistency(t *testing.T) {
	tests := []struct {
		text      string
		model     string
		justified bool
	}{
		// a model and a reason
		{"Strongly consistent because a balance must never be read stale.", Strong, true},
		{"Eventually consistent. A feed a few seconds old is acceptable.", Eventual, true},
		{"Uses ACID transactions so that transfers are atomic.", Strong, true},
		{"Serializable, so two refunds of one order cannot both go through.", Serializable, true},
		{"Consistency: eventual — a stale follower count hurts no one.", Eventual, true},
		{"Causally consistent, since a reply must never show before its question.", Causal, true},
		{"Read-your-writes: an editor must see the change they just saved.", ReadYourWrites, true},
		{"Followers serve reads at most 2 s behind, as dashboards refresh every 10 s anyway.", BoundedStaleness, true},
		{"Eventual consistency (it's a view counter).", Eventual, true},
		{"Linearizable for correctness of the fencing tokens.", Linearizable, true},
		{"Strong; a ticket sold twice means a refund and an angry fan.", Strong, true},
		{"Eventual.\n- Why: rankings are recomputed hourly and nobody expects them live.", Eventual, true},
		{"Not strongly consistent: the cache can serve a price a minute old, which only affects the listing page.", Eventual, true},
		// a model without a reason
		{"Eventually consistent. Entries live for 30 seconds.", Eventual, false},
		{"Linearizable reads.", Linearizable, false},
		{"Consistency: strong (Spanner).", Strong, false},
		{"Quorum reads and writes, so every read sees the latest acknowledged write.", Strong, false},
		{"Eventual (replicated asynchronously).", Eventual, false},
		{"Strong consistency for billing.", Strong, false},
		{"Eventual; we may revisit this later.", Eventual, false},
		{"Last write wins.", Eventual, false},
		{"A CP store.", Strong, false},
		{"Reads can be up to 1 minute stale.", BoundedStaleness, false},
		// no model
		{"Stores posts.", "", false},
		{"The placid lake.", "", false},
		{"The eventual migration to Postgres is planned.", "", false},
		{"Redis with a 5 minute TTL.", "", false},
		{"Consistency: TBD", "", false},
		{"Strong authentication on every call.", "", false},
		{"An AP and a CP pair of letters.", "", false},
	}
	for _, tt := range tests {
		got := ReadConsistency(tt.text)
		if got.Model != tt.model || (got.Reason != "") != tt.justified {
			t.Errorf("ReadConsistency(%q) = %q, reason %q; want %q, justified %v", tt.text, got.Model, got.Reason, tt.model, tt.justified)
		}
	}
}
