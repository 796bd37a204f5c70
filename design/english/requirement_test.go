package english

import (
	"strings"
	"testing"

	"github.com/designlint/designlint/estimate"
)

func TestReadRequirement(t *testing.T) {
	tests := []struct {
		text       string
		areas      string // the areas, in order, joined by spaces
		measurable bool
	}{
		// targets that are figures
		{"Checkout p99 under 250 ms.", "latency", true},
		{"Search results in under 1.5 seconds.", "latency", true},
		{"99.95% monthly uptime for the API.", "availability", true},
		{"Four nines for checkout.", "availability", true},
		{"12 nines of durability for photos.", "durability", true},
		{"RPO of 1 minute, RTO of 10 minutes.", "durability availability", true},
		{"Serve 20M monthly active users.", "scale", true},
		{"Absorb 8x spikes on match days.", "scale", true},
		{"Handle 30k orders/s at peak.", "throughput", true},
		{"Ingest 500 MB/s of clickstream data.", "throughput", true},
		{"Under $4,000 a month for storage.", "cost", true},
		{"Rotate signing keys every 30 days.", "security", true},
		{"Alerts fire within 2 minutes of an error-budget burn.", "observability availability", true},
		// targets without a figure
		{"Zero lost payments.", "durability", true},
		{"A ticket is never sold twice.", "other", true},
		{"Stock never goes negative.", "consistency", true},
		{"Sub-second autocomplete.", "latency", true},
		{"Consistency: strong for account balances.", "consistency", true},
		{"All traffic uses TLS 1.3.", "security", true},
		{"Reports do not need to be real-time.", "latency", true},
		// no target
		{"Blazing fast.", "latency", false},
		{"Highly available and fault tolerant.", "availability", false},
		{"Strongly consistent.", "consistency", false},
		{"Scale to billions of events.", "scale", false},
		{"Keep costs down.", "cost", false},
		{"Secure by design.", "security", false},
		{"Easy to operate.", "other", false},
	}
	for _, tt := range tests {
		got := ReadRequirement(tt.text, estimate.DefaultCalendar)
		if areas := strings.Join(got.Areas, " "); areas != tt.areas || got.Measurable() != tt.measurable {
			t.Errorf("ReadRequirement(%q) = areas %q, measurable %v (target %q, precise %q); want %q, %v",
				tt.text, areas, got.Measurable(), got.TargetText, got.Precise, tt.areas, tt.measurable)
		}
	}
}

func TestStatesQuality(t *testing.T) {
	for text, want := range map[string]bool{
		"The service has high availability": true,
		"Opening the inbox should be fast":  true,
		"Users can check room availability": false,
		"Users see how fast their run was":  false,
		"Admins export a report as CSV":     false,
	} {
		if got := StatesQuality(text); got != want {
			t.Errorf("StatesQuality(%q) = %v, want %v", text, got, want)
		}
	}
}
