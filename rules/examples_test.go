package rules

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/designlint/designlint/design"
)

// exampleFindings is what each example design in testdata/docs must
// produce, as "rule:line", following testdata/docs/catalog.txt (which
// says why each is there). Good documents produce nothing. The test
// fails on a finding missing and on one nobody expected.
var exampleFindings = map[string][]string{
	"url-shortener-good.md":           nil,
	"metrics-ingestion-good.md":       nil,
	"chat-good.md":                    nil,
	"leaderboard-good.md":             nil, // one waived finding, checked below
	"notification-service-good.md":    nil,
	"ride-matching-good.cue":          nil,
	"rate-limiter-flawed-nfrs.md":     {"estimates-present:1", "nfr-coverage:21", "nfr-measurable:23", "nfr-measurable:24", "nfr-measurable:25", "nfr-measurable:27", "consistency-justified:64"},
	"news-feed-flawed-estimates.md":   {"estimate-arithmetic:31", "estimate-arithmetic:37", "estimate-arithmetic:42"},
	"video-upload-flawed.md":          {"estimate-arithmetic:43", "estimate-arithmetic:44", "queue-backpressure:52", "cache-policy:111", "failure-scenarios:122"},
	"inventory-checkout-flawed.md":    {"failure-plan:1", "consistency-fit:69", "consistency-fit:78", "write-behind-durability:78", "single-point-of-failure:86"},
	"file-sync-flawed.md":             {"summary:1", "tradeoffs:1", "nfr-measurable:24", "peak-load:26", "consistency-justified:61", "stateless-services:61", "consistency-justified:73"},
	"payments-flawed.cue":             {"estimate-arithmetic:44", "consistency-fit:67", "write-behind-durability:67", "consistency-fit:76", "single-point-of-failure:84", "queue-backpressure:92", "failure-scenarios:103"},
	"ticket-booking-schema-error.cue": {"schema:22", "schema:67", "schema:78"},
	"web-crawler-flawed-suppressions.md": {
		"suppression-reason:75", "single-point-of-failure:76", "suppression-reason:90", "cache-policy:91",
		"single-point-of-failure:97", "suppression-reason:103",
	},
	"search-autocomplete-skeleton.md": {
		"functional-requirements:17", "nonfunctional-requirements:31", "estimates-present:38", "api-contract:47",
		"architecture-overview:51", "failure-plan:69", "tradeoffs:77", "summary:89",
	},
}

func TestExampleDocs(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "docs", "*"))
	seen := 0
	for _, p := range paths {
		name := filepath.Base(p)
		if name == "catalog.txt" {
			continue
		}
		want, ok := exampleFindings[name]
		if !ok {
			t.Errorf("%s: no expectations in exampleFindings", name)
			continue
		}
		seen++
		d, err := design.ReadFile(p, design.Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var got []string
		waived := 0
		for _, f := range Run(d, Config{Now: testNow}).Findings {
			if f.Waived() {
				waived++
				continue
			}
			got = append(got, fmt.Sprintf("%s:%d", f.Rule, f.Span.Start.Line))
		}
		want = append([]string(nil), want...)
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s:\n got  %v\n want %v", name, got, want)
		}
		if name == "leaderboard-good.md" && waived != 1 {
			t.Errorf("%s: %d waived findings, want the one the reasoned comment waives", name, waived)
		}
	}
	if seen != len(exampleFindings) {
		t.Errorf("found %d example documents, expected %d", seen, len(exampleFindings))
	}
}
