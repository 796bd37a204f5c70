package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/design/english"
	"github.com/designlint/designlint/estimate"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

const estimateLong = `Work out a design's capacity figures and show the work: every derived
figure (requests per day, average and peak TPS, reads and writes, storage per
day, per year and in total, bandwidth, servers, cache memory, concurrency,
queue growth, monthly downtime) with its formula and the value of each input,
in the order of the chain. Defaults the estimator relies on are printed
beside the figure they affect; no peak is invented.

Assumptions come from the document (a file, or - for standard input) and
from --set, which wins. Names are case-insensitive.

Figures the document declares are compared with their formula applied to
the figures they are made from; a disagreement beyond the allowed ratio
(1.5 by default) is a finding, and the command exits 1 as lint does.

Conventions: a day is 86,400 s, a month 30 days, a year 365 days; KB, MB and
GB are powers of 1000, KiB, MiB and GiB powers of 1024; b and bps are bits.

With --quiet, only the declared figures that disagree are printed.`

const estimateExample = `  designlint estimate docs/feed.md
  designlint estimate docs/feed.md --set peak_factor=3
  designlint estimate --set dau=10M --set requests_per_user_per_day=40 --set peak_factor=3
  designlint estimate -f json docs/feed.md
  cat answer.md | designlint estimate -`

type estimateOptions struct {
	format        string
	sets          []string
	failOn        string
	maxRatio      float64
	stdinFilename string
}

func newEstimateCmd(io *IO, g *globalOptions) *cobra.Command {
	o := &estimateOptions{}
	cmd := &cobra.Command{
		Use:     "estimate [PATH]",
		Short:   "Work out a design's capacity figures, with formulas",
		Long:    estimateLong,
		Example: estimateExample,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEstimate(io, g, o, args, cmd.Flags().Changed("max-ratio"))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: text or json")
	f.StringArrayVar(&o.sets, "set", nil, "an assumption as name=value (repeatable), e.g. --set dau=10M")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a declared figure disagrees at or above this severity: error, warning, info or never")
	f.Float64Var(&o.maxRatio, "max-ratio", rules.DefaultMaxRatio, "how far a declared figure may be from the derived one, either way")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "the name of a document read from standard input (-); its extension gives the format")
	_ = cmd.RegisterFlagCompletionFunc("set", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, n := range estimate.Names() {
			out = append(out, n.ID+"=\t"+n.Summary)
		}
		return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// parseSets reads --set name=value pairs into canonical quantities.
func parseSets(sets []string, cal estimate.Calendar) (map[string]estimate.Quantity, error) {
	out := map[string]estimate.Quantity{}
	for _, s := range sets {
		name, value, ok := strings.Cut(s, "=")
		name = strings.ToLower(strings.TrimSpace(name))
		if !ok || name == "" || strings.TrimSpace(value) == "" {
			return nil, fmt.Errorf("--set %q: write name=value, e.g. --set dau=10M", s)
		}
		n, known := estimate.Lookup(name)
		if !known {
			msg := fmt.Sprintf("--set %s: unknown name", name)
			if sug := rules.Suggest(name, estimate.NameIDs()); sug != "" {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			}
			return nil, fmt.Errorf("%s", msg)
		}
		q, err := english.ParseQuantity(value, n.Dim, cal)
		if err == nil {
			q, err = n.Coerce(q)
		}
		if err != nil {
			return nil, fmt.Errorf("--set %s: %v", name, err)
		}
		out[name] = q
	}
	return out, nil
}

func runEstimate(io *IO, g *globalOptions, o *estimateOptions, args []string, maxRatioSet bool) error {
	format, err := chooseFormat("estimate", o.format, "text", "json")
	if err != nil {
		return failure("%v", err)
	}
	failOn, err := parseFailOn(o.failOn)
	if err != nil {
		return failure("%v", err)
	}
	if o.maxRatio <= 1 {
		return failure("--max-ratio must be above 1")
	}
	conf, err := loadConfig(g, configAnchors(args, o.stdinFilename))
	if err != nil {
		return err
	}
	if !maxRatioSet && conf.MaxRatio > 0 {
		o.maxRatio = conf.MaxRatio
	}
	cal := conf.Calendar()
	sets, err := parseSets(o.sets, cal)
	if err != nil {
		return failure("%v", err)
	}
	if len(args) == 0 && len(sets) == 0 {
		return failure("nothing to estimate: give a design document or assumptions with --set (designlint estimate --help)")
	}
	in := estimate.Inputs{Assumed: map[string]estimate.Quantity{}, Declared: map[string]estimate.Quantity{}, Calendar: cal}
	var d *design.Design
	if len(args) == 1 {
		d, err = readDocument(io, args[0], o.stdinFilename, design.Options{Calendar: cal})
		if err != nil {
			return failure("%s", report.Clean(err.Error()))
		}
		in = rules.Inputs(d, cal)
	}
	set := map[string]bool{}
	for name, q := range sets {
		in.Assumed[name] = q
		set[name] = true
	}
	e := report.NewEstimate(d, estimate.Derive(in), set, o.maxRatio)
	var buf bytes.Buffer
	switch {
	case format == "json":
		err = report.PrintEstimateJSON(&buf, e)
	case g.quiet:
		for _, l := range report.CheckLines(e) {
			if strings.HasPrefix(l, "FAIL") {
				fmt.Fprintln(&buf, l)
			}
		}
	default:
		err = report.PrintEstimate(&buf, e)
	}
	if err != nil {
		return failure("%v", err)
	}
	if _, err := io.Out.Write(report.Guard(buf.Bytes(), false)); err != nil {
		return failure("%v", err)
	}
	if d != nil && !g.quiet {
		for _, is := range d.Issues {
			fmt.Fprintf(io.Err, "designlint: %s:%d:%d: %s\n", report.Clean(d.Path), is.Span.Start.Line, is.Span.Start.Col, report.Clean(is.Message))
		}
	}
	if failOn != 0 && failOn <= rules.EstimateArithmetic.Severity {
		for _, c := range e.Result.Checks {
			if c.Ratio > o.maxRatio {
				return silentExit(exitFindings)
			}
		}
	}
	return nil
}
