package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

func newRulesCmd(io *IO, g *globalOptions) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the rules, or explain one",
		Long: `With no argument, list every rule: its id, category, default severity,
the kinds of document it checks and what it wants. A kind followed by
:stated is checked only for what the document states (a decision record
that names a store is asked its consistency, never for an API it has no
reason to have); :template only where a template's section is left with
its prompts. With a rule id, explain it: why it exists, what triggers it,
how to fix it, the kinds it checks, and a failing and a passing example.
Ids are case-insensitive.`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return rules.IDs(), cobra.ShellCompDirectiveNoFileComp
		},
		Example: `  designlint rules
  designlint rules single-point-of-failure
  designlint rules -f json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := chooseFormat("rules", format, "text", "json")
			if err != nil {
				return failure("%v", err)
			}
			if len(args) == 1 {
				r, err := lookupRule(args[0])
				if err != nil {
					return failure("%v", err)
				}
				if format == "json" {
					return writeJSON(io.Out, ruleJSON(r, true))
				}
				_, err = io.Out.Write([]byte(explainRule(r)))
				return err
			}
			if format == "json" {
				var out []jsonRule
				for _, r := range rules.Registry() {
					out = append(out, ruleJSON(r, false))
				}
				return writeJSON(io.Out, out)
			}
			var rows [][]string
			for _, r := range rules.Registry() {
				rows = append(rows, []string{r.ID, string(r.Category), r.Severity.String(), r.KindsSummary(), r.Summary})
			}
			return report.Table(io.Out, []string{"RULE", "CATEGORY", "SEVERITY", "KINDS", "SUMMARY"}, rows, false)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}

type jsonRule struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	// Kinds maps each kind of document the rule checks to how: full,
	// stated or template.
	Kinds   map[string]string `json:"kinds"`
	Why     string            `json:"why,omitempty"`
	Trigger string            `json:"trigger,omitempty"`
	Fix     string            `json:"fix,omitempty"`
	Fail    string            `json:"failing_example,omitempty"`
	Pass    string            `json:"passing_example,omitempty"`
}

func ruleJSON(r *rules.Rule, full bool) jsonRule {
	j := jsonRule{ID: r.ID, Category: string(r.Category), Severity: r.Severity.String(), Summary: r.Summary, Kinds: map[string]string{}}
	for _, k := range r.AppliesTo() {
		j.Kinds[string(k)] = r.ApplicabilityFor(k).String()
	}
	if full {
		j.Why, j.Trigger, j.Fix, j.Fail, j.Pass = unwrap(r.Doc.Why), unwrap(r.Doc.Trigger), unwrap(r.Doc.Fix), r.Doc.Fail, r.Doc.Pass
	}
	return j
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// unwrap joins a doc paragraph's lines into one.
func unwrap(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// explainRule is the long form shown by `designlint rules ID`.
func explainRule(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  (%s, default severity %s)\n\n%s\n\n", r.ID, r.Category, r.Severity, r.Summary)
	section := func(title, body string) {
		fmt.Fprintf(&b, "%s\n%s\n\n", title, indent(strings.TrimSpace(body), "  "))
	}
	section("Why", r.Doc.Why)
	section("What triggers it", r.Doc.Trigger)
	section("How to fix it", r.Doc.Fix)
	section("Kinds of document it checks", kindsText(r))
	section("Failing example", r.Doc.Fail)
	section("Passing example", r.Doc.Pass)
	fmt.Fprintf(&b, "Turn it off for one block with <!-- designlint-disable-next %s -- reason -->,\nor in .designlint.yaml with rules: {%s: off}.\n", r.ID, r.ID)
	return b.String()
}

// kindsText says, a line per kind, how the rule applies to it.
func kindsText(r *rules.Rule) string {
	var b strings.Builder
	for _, k := range design.DocKinds {
		fmt.Fprintf(&b, "%-10s %s\n", k, r.ApplicabilityFor(k).Describe())
	}
	return b.String()
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
