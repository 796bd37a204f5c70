package rules

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/design"
)

// TestCorpus lints the real public design documents of ../shared/corpus
// (interview write-ups, RFCs, KEPs, ADRs, templates and a changelog) and
// checks that designlint reads each for what it is. The corpus is not part
// of this repository: the test is skipped without it.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(paths) == 0 {
		t.Skip("../shared/corpus is absent")
	}
	start := time.Now()
	byName := map[string][]Finding{}
	for _, p := range paths {
		d, err := design.ReadFile(p, design.Options{})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		rep := Run(d, Config{Now: testNow})
		for _, f := range rep.Findings {
			if f.Internal {
				t.Errorf("%s: internal error: %s", p, f.Message)
			}
		}
		byName[strings.TrimSuffix(filepath.Base(p), ".md")] = rep.Findings
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("linting the corpus took %v, want well under a second", d)
	}
	has := func(doc, rule, text string) bool {
		for _, f := range byName[doc] {
			if f.Rule == rule && strings.Contains(f.Message, text) {
				return true
			}
		}
		return false
	}
	// Interview write-ups with estimates are not told they lack them.
	for _, doc := range []string{"hldi-rate-limiter", "sdp-pastebin", "sdp-twitter", "sdp-mint", "sdp-web-crawler", "sasuke-url-shortening"} {
		if _, ok := byName[doc]; ok && has(doc, "estimates-present", "") {
			t.Errorf("%s: told it has no estimates", doc)
		}
	}
	// Their requirements sections are read.
	for _, doc := range []string{"hldi-rate-limiter", "sdp-pastebin", "sdp-twitter"} {
		if _, ok := byName[doc]; ok && (has(doc, "functional-requirements", "") || has(doc, "nonfunctional-requirements", "")) {
			t.Errorf("%s: told it has no requirements", doc)
		}
	}
	// Templates full of prompts are told their sections are empty.
	for _, doc := range []string{"tmpl-kep-template", "tmpl-madr"} {
		fs, ok := byName[doc]
		if !ok {
			continue
		}
		found := false
		for _, f := range fs {
			found = found || strings.Contains(f.Message, "only placeholders")
		}
		if !found {
			t.Errorf("%s: no finding says a section holds only placeholders", doc)
		}
	}
	// A changelog is not a design: everything is missing.
	if fs, ok := byName["neg-madr-changelog"]; ok {
		for _, rule := range []string{"functional-requirements", "nonfunctional-requirements", "estimates-present", "failure-plan", "architecture-overview"} {
			if !has("neg-madr-changelog", rule, "") {
				t.Errorf("changelog: no %s finding in %v", rule, fs)
			}
		}
	}
	// Generic CAP prose is not a component's consistency choice: the
	// consistency-models ADR describes models but has no components.
	if _, ok := byName["nats-adr-56-consistency-models"]; ok && has("nats-adr-56-consistency-models", "consistency-justified", "") {
		t.Errorf("nats-adr-56: consistency prose taken for components")
	}
}
