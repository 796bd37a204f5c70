package cli

import (
	"bytes"

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

Every rule runs at its default severity, whatever the configuration says,
so that scores compare; the configuration's estimate settings still apply.

Exit codes: 0 when graded (and at or above --min), 1 when the total is below
--min, 2 when the document cannot be read.`

type gradeOptions struct {
	format string
	min    int
}

func newGradeCmd(io *IO, g *globalOptions) *cobra.Command {
	o := &gradeOptions{}
	cmd := &cobra.Command{
		Use:   "grade PATH",
		Short: "Score a design as an interview answer, step by step",
		Long:  gradeLong,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runGrade(io, g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: text or json")
	f.IntVar(&o.min, "min", 0, "exit 1 when the total is below this score")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runGrade(io *IO, g *globalOptions, o *gradeOptions, path string) error {
	if o.format != "text" && o.format != "json" {
		return failure("unknown format %q for grade (want text or json)", o.format)
	}
	if o.min < 0 || o.min > 100 {
		return failure("--min %d: want a score from 0 to 100", o.min)
	}
	conf, err := loadConfig(g)
	if err != nil {
		return err
	}
	cal := conf.Calendar()
	d, err := design.ReadFile(path, design.Options{Calendar: cal})
	if err != nil {
		return failure("%s", report.Clean(err.Error()))
	}
	rep := rules.Run(d, rules.Config{Now: io.Now(), Calendar: cal, MaxRatio: conf.MaxRatio})
	card := grade.Grade(rep)
	var buf bytes.Buffer
	if o.format == "json" {
		err = report.PrintGradeJSON(&buf, card)
	} else {
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
