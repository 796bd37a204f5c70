package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/worktest"
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
	byName := map[string][]Finding{}
	var docs [][]byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, src)
		d, err := design.Read(p, src, design.Options{})
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
	// Reading and linting the corpus does work of the order of parsing
	// it with goldmark alone, counted as bytes allocated by both in this
	// run (BENCHMARKS.md has the times): 1.7 times as much when this
	// check was written.
	gm := worktest.Allocated(func() {
		for _, src := range docs {
			goldmarkAlone.Parse(text.NewReader(src))
		}
	})
	lint := worktest.Allocated(func() {
		for i, src := range docs {
			if d, err := design.Read(paths[i], src, design.Options{}); err == nil {
				Run(d, Config{Now: testNow})
			}
		}
	})
	if r := float64(lint) / float64(gm); r > 4 {
		t.Errorf("linting the corpus allocates %d bytes, %.1f times what goldmark alone does (%d)", lint, r, gm)
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
