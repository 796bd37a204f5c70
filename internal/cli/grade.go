package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/grade"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

const gradeLong = `Score a design as an answer to a system-design interview: the nine steps
of the interview method (restate the prompt, functional and non-functional
requirements, estimates, API, high-level architecture, a deep dive, scale
and failure, summary), each with its time budget, its points out of 100 in
all, what the answer shows, and what to do next.

PATH is a file, or - for standard input. Every rule runs at its default
severity, whatever the configuration or the document's front matter says,
so that scores compare; the configuration's estimate settings still apply.
With --quiet, only the total is printed.

Exit codes: 0 when graded (and at or above --min), 1 when the total is below
--min, 2 when the document cannot be read.`

const gradeExample = `  designlint grade answer.md
  designlint grade --min 70 answer.md
  designlint grade -f json answer.md
  pbpaste | designlint grade -`

type gradeOptions struct {
	format        string
	min           int
	stdinFilename string
}

func newGradeCmd(io *IO, g *globalOptions) *cobra.Command {
	o := &gradeOptions{}
	cmd := &cobra.Command{
		Use:     "grade PATH",
		Short:   "Score a design as an interview answer, step by step",
		Long:    gradeLong,
		Example: gradeExample,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGrade(io, g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: text or json")
	f.IntVar(&o.min, "min", 0, "exit 1 when the total is below this score")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "the name of a document read from standard input (-); its extension gives the format")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runGrade(io *IO, g *globalOptions, o *gradeOptions, path string) error {
	format, err := chooseFormat("grade", o.format, "text", "json")
	if err != nil {
		return failure("%v", err)
	}
	if o.min < 0 || o.min > 100 {
		return failure("--min %d: want a score from 0 to 100", o.min)
	}
	conf, err := loadConfig(g, configAnchors([]string{path}, o.stdinFilename))
	if err != nil {
		return err
	}
	cal := conf.Calendar()
	d, err := readDocument(io, path, o.stdinFilename, design.Options{Calendar: cal})
	if err != nil {
		return failure("%s", report.Clean(err.Error()))
	}
	// The document's own rule settings would change its score.
	d.Overrides = nil
	rep := rules.Run(d, rules.Config{Now: io.Now(), Calendar: cal, MaxRatio: conf.MaxRatio})
	card := grade.Grade(rep)
	var buf bytes.Buffer
	switch {
	case format == "json":
		err = report.PrintGradeJSON(&buf, card)
	case g.quiet:
		_, err = fmt.Fprintln(&buf, report.GradeSummary(card))
	default:
		err = report.PrintGrade(&buf, card)
	}
	if err != nil {
		return failure("%v", err)
	}
	if _, err := io.Out.Write(report.Guard(buf.Bytes(), false)); err != nil {
		return failure("%v", err)
	}
	if card.Total < o.min {
		return silentExit(exitFindings)
	}
	return nil
}
