package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designlint/designlint/internal/worktest"
	"github.com/designlint/designlint/rules"
)

const specExample = `extends: recommended        # recommended | strict | interview | minimal
files: ["docs/design/**/*.md", "!docs/design/archive/**"]
fail_on: warning
rules:
  api-contract: off
  tradeoffs: error
  single-point-of-failure: {severity: error, ignore_components: [ranker]}
estimate:
  max_ratio: 1.5
  days_per_month: 30
`

func TestParseSpecExample(t *testing.T) {
	c, err := Parse("/repo/.designlint.yaml", []byte(specExample))
	if err != nil {
		t.Fatal(err)
	}
	if c.Extends != "recommended" || c.FailOn != "warning" || c.MaxRatio != 1.5 || c.DaysPerMonth != 30 {
		t.Errorf("got %+v", c)
	}
	if strings.Join(c.Include, ",") != "docs/design/**/*.md" || strings.Join(c.Exclude, ",") != "docs/design/archive/**" {
		t.Errorf("files: include %q exclude %q", c.Include, c.Exclude)
	}
	s := c.Settings()
	if !s["api-contract"].Off {
		t.Error("api-contract should be off")
	}
	if s["tradeoffs"].Severity != rules.Error {
		t.Errorf("tradeoffs severity %v", s["tradeoffs"].Severity)
	}
	spof := s["single-point-of-failure"]
	if spof.Severity != rules.Error || len(spof.Options.IgnoreComponents) != 1 || spof.Options.IgnoreComponents[0] != "ranker" {
		t.Errorf("single-point-of-failure: %+v", spof)
	}
	if c.Calendar().DaysPerMonth != 30 {
		t.Errorf("calendar %+v", c.Calendar())
	}
}

func TestParseCUE(t *testing.T) {
	src := `extends: "strict"
rules: {
	summary: "off"
	"single-point-of-failure": ignore_components: ["cdn"]
}
estimate: max_ratio: 2
`
	c, err := Parse("/repo/.designlint.cue", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Settings()
	if !s["summary"].Off {
		t.Error("summary should be off")
	}
	// tradeoffs is a warning that strict raises to an error; the file
	// adds options to single-point-of-failure without changing that.
	if s["tradeoffs"].Severity != rules.Error {
		t.Errorf("tradeoffs: %+v", s["tradeoffs"])
	}
	spof := s["single-point-of-failure"]
	if spof.Off || len(spof.Options.IgnoreComponents) != 1 || spof.Options.IgnoreComponents[0] != "cdn" {
		t.Errorf("single-point-of-failure: %+v", spof)
	}
	if c.MaxRatio != 2 {
		t.Errorf("max_ratio %v", c.MaxRatio)
	}
}

// Every mistake is reported at its line with what is wrong.
func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		want      string
	}{
		{"unknown key", "extends: strict\nfail_on: error\nfial_on: warning\n", 3, "fial_on"},
		{"bad profile", "fail_on: error\nextends: lenient\n", 2, "extends"},
		{"bad fail_on", "fail_on: sometimes\n", 1, "fail_on"},
		{"bad front_matter", "front_matter: sometimes\n", 1, "want allow, report or deny"},
		{"bad severity", "rules:\n  tradeoffs: loud\n", 2, "tradeoffs"},
		{"unknown rule", "rules:\n  api-contract: off\n  single-point-of-failur: error\n", 3, `did you mean "single-point-of-failure"`},
		{"unknown option", "rules:\n  tradeoffs: {severity: error, ignore: [x]}\n", 2, "ignore"},
		{"max_ratio too small", "estimate:\n  max_ratio: 0.5\n", 2, "max_ratio"},
		{"days_per_month", "estimate:\n  days_per_month: 300\n", 2, "days_per_month"},
		{"not yaml", "rules: [unclosed\n", 1, ""},
		{"files not a list", "files: docs/**\n", 1, "files"},
		{"null", "null\n", 1, "must be one mapping of settings"},
		{"a list", "- extends\n- strict\n", 1, "not a list"},
		{"two documents", "fail_on: error\n---\nextends: strict\n", 1, "not several YAML documents"},
		{"inside rule settings", "rules:\n  tradeoffs: {severity: loud}\n", 2, `rules.tradeoffs.severity: "loud" is not allowed: want error, warning, info or off`},
		{"ignore_components", "rules:\n  single-point-of-failure: {ignore_components: db}\n", 2, `rules.single-point-of-failure.ignore_components: "db" is not allowed: want a list`},
		{"unknown rule setting", "rules:\n  tradeoffs:\n    sev: error\n", 3, "rules.tradeoffs.sev: unknown setting (a rule takes severity and ignore_components)"},
		// A value with a line break is quoted on one line.
		{"line break", "fail_on: \"x\\n::error::y\"\n", 1, `fail_on: "x\n::error::y" is not allowed`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("cfg/.designlint.yaml", []byte(c.src))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a *config.Error", err)
			}
			if ce.Line != c.line {
				t.Errorf("line %d, want %d (%v)", ce.Line, c.line, err)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "cfg/.designlint.yaml:") {
				t.Errorf("error %q should name the file and mention %q", err, c.want)
			}
		})
	}
}

func TestParseAliasesAndImports(t *testing.T) {
	// Aliases are expanded, within a bound; a comment is not an alias.
	c, err := Parse("c.yaml", []byte("# use the *strict* profile later\nfiles: &docs [\"docs/**\"]\nrules:\n  tradeoffs: off\n"))
	if err != nil || len(c.Include) != 1 {
		t.Errorf("plain alias or comment: %+v, %v", c, err)
	}
	bomb := "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 1; i < 12; i++ {
		bomb += fmt.Sprintf("a%d: &a%d [*a%[3]d, *a%[3]d, *a%[3]d, *a%[3]d, *a%[3]d, *a%[3]d, *a%[3]d, *a%[3]d, *a%[3]d, *a%[3]d]\n", i, i, i-1)
	}
	if _, err := Parse("c.yaml", []byte(bomb)); err == nil || !strings.Contains(err.Error(), "c.yaml:5:1: input too complex: the YAML expands to more than") {
		t.Errorf("alias bomb: %v", err)
	}
	if _, err := Parse("c.cue", []byte("import \"example.com/evil\"\nfail_on: \"error\"\n")); err == nil || !strings.Contains(err.Error(), "c.cue:1:8: import \"example.com/evil\" is not allowed") {
		t.Errorf("import: %v", err)
	}
	if _, err := Parse("c.cue", []byte("x: _ @embed(file=\"/etc/passwd\")\n")); err == nil || !strings.Contains(err.Error(), "@embed") {
		t.Errorf("embed: %v", err)
	}
	// CUE's standard library is pure; a configuration may use it.
	c, err = Parse("c.cue", []byte("import \"strings\"\nfail_on: strings.ToLower(\"WARNING\")\n"))
	if err != nil || c.FailOn != "warning" {
		t.Errorf("standard library: %+v, %v", c, err)
	}
	// A glob is not an alias.
	if _, err := Parse("c.yaml", []byte("files: [\"**/*.md\", \"!**/draft-*.md\"]\n")); err != nil {
		t.Errorf("globs: %v", err)
	}
}

// The schema accepts exactly the profiles Profile knows.
func TestProfilesMatchSchema(t *testing.T) {
	for _, name := range Profiles {
		if _, err := Parse("c.yaml", []byte("extends: "+name+"\n")); err != nil {
			t.Errorf("extends: %s: %v", name, err)
		}
	}
	_, err := Parse("c.yaml", []byte("extends: lenient\n"))
	if err == nil || !strings.Contains(err.Error(), strings.Join(Profiles[:len(Profiles)-1], ", ")) {
		t.Errorf("an unknown profile: %v", err)
	}
}

func TestProfiles(t *testing.T) {
	rec := Profile("recommended")
	if len(rec) != 0 {
		t.Errorf("recommended changes %v", rec)
	}
	strict := Profile("strict")
	for _, r := range rules.Registry() {
		want := r.Severity
		if want < rules.Error {
			want++
		}
		got := strict[r.ID].Severity
		if got == 0 {
			got = r.Severity
		}
		if got != want {
			t.Errorf("strict %s: %v, want %v", r.ID, got, want)
		}
	}
	iv := Profile("interview")
	if iv["api-contract"].Severity != rules.Warning || iv["summary"].Severity != rules.Warning {
		t.Errorf("interview: %v", iv)
	}
	min := Profile("minimal")
	on := 0
	for _, r := range rules.Registry() {
		if !min[r.ID].Off {
			on++
		}
	}
	for _, id := range []string{"estimates-present", "failure-plan", "consistency-justified", "single-point-of-failure"} {
		if min[id].Off {
			t.Errorf("minimal turns off %s", id)
		}
	}
	if !min["tradeoffs"].Off || !min["api-contract"].Off {
		t.Error("minimal keeps rules it should not")
	}
	if on != len(minimalRules) {
		t.Errorf("minimal keeps %d rules, want %d", on, len(minimalRules))
	}
}

func TestFindUpward(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(deep); got != "" && strings.HasPrefix(got, root) {
		t.Fatalf("found %s before writing one", got)
	}
	cfg := filepath.Join(root, "a", ".designlint.yaml")
	if err := os.WriteFile(cfg, []byte("fail_on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Find(deep)
	if err != nil || got != cfg {
		t.Fatalf("Find = %q, %v; want %q", got, err, cfg)
	}
	c, err := Load(got)
	if err != nil || c.FailOn != "warning" {
		t.Fatalf("Load: %+v, %v", c, err)
	}
}

func TestIncludedExcluded(t *testing.T) {
	c, err := Parse("/repo/.designlint.yaml", []byte(specExample))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Included("/repo/docs/design/feed.md") || c.Included("/repo/README.md") {
		t.Error("Included")
	}
	if !c.Excluded("/repo/docs/design/archive/old.md") || c.Excluded("/repo/docs/design/feed.md") {
		t.Error("Excluded")
	}
	if got := c.ExcludedBy("/repo/docs/design/archive"); got != "!docs/design/archive/**" {
		t.Errorf("ExcludedBy the archive directory = %q", got)
	}
}

// Documents may not weaken the repository's rules unless it says so.
func TestFrontMatterPolicy(t *testing.T) {
	if got := Default("/repo").FrontMatter; got != FrontMatterReport {
		t.Errorf("default policy %q, want report", got)
	}
	for _, p := range []string{FrontMatterAllow, FrontMatterReport, FrontMatterDeny} {
		c, err := Parse("/repo/.designlint.yaml", []byte("front_matter: "+p+"\n"))
		if err != nil || c.FrontMatter != p {
			t.Errorf("front_matter: %s read as %q (%v)", p, c.FrontMatter, err)
		}
	}
	c, err := Parse("/repo/.designlint.yaml", []byte("rules:\n  TradeOffs: off\n"))
	if err != nil || !c.Rules["tradeoffs"].Off {
		t.Errorf("a rule id in another case: %+v, %v", c, err)
	}
}

// A configuration is found in the pull request's own checkout: it is held
// to the budgets a document is, and what would run away is refused with
// its position, never evaluated without bound.
func TestParseHostile(t *testing.T) {
	mergeBomb := "x:\n" + worktest.MergeBomb("  ", 12)
	cases := []struct{ name, src, want string }{
		{".designlint.yaml", "rules: " + worktest.SelfMerge + "\n", ".designlint.yaml:1:1: alias *a is used inside the node it names"},
		{".designlint.yaml", mergeBomb, "input too complex: the YAML expands to more than"},
		{".designlint.cue", "import \"list\"\nx: [for i in list.Range(0, 1000000, 1) {i}]\nfail_on: \"error\"\n", ".designlint.cue:1:1: input too complex: evaluating this file's CUE needs more than"},
		{".designlint.cue", "files: [" + strings.Repeat("\"a\", ", 3000) + "]\n", "input too complex: a list of 3000 entries"},
	}
	for _, c := range cases {
		_, err := Parse(c.name, []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	// Comprehensions that finish are evaluated as before.
	c, err := Parse(".designlint.cue", []byte("rules: {for id in [\"summary\", \"tradeoffs\"] {(id): \"off\"}}\n"))
	if err != nil || !c.Rules["summary"].Off || !c.Rules["tradeoffs"].Off {
		t.Errorf("comprehension: %+v, %v", c, err)
	}
}
