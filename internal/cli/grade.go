package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/config"
	"github.com/designlint/designlint/internal/grade"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

const gradeLong = `Score a design as an answer to a system-design interview: the nine steps
of the interview method (restate the prompt, functional and non-functional
requirements, estimates, API, high-level architecture, a deep dive, scale
and failure, summary), each with its time budget, its points out of 100 in
all, what was credited with the line it is on, what is missing, and what to
do next. The score follows what the answer says, not how it is laid out: a
list, a table, sentences, a diagram or CUE fields score the same.

PATH is a file, or - for standard input. Every rule runs at its default
severity, whatever the configuration or the document's front matter says,
so that scores compare; the configuration's estimate settings still apply.
With --quiet, only the total is printed.

grade scores designs and interview answers. A decision record, a proposal
or a document with none of a design's sections is refused with the kind
designlint found; --kind interview (or kind: interview in the front matter)
grades it as an answer anyway.

--watch FILE grades the file, then again on every save, printing what
changed: each step's points and the evidence gained or lost. Ctrl-C stops
it. --time 45m shares a practice of that length among the steps as the
playbook's budgets do, and with --watch says on every save where the clock
stands against that plan.

Exit codes: 0 when graded (and at or above --min), 1 when the total is below
--min, 2 when the document cannot be read or is not a design.`

const gradeExample = `  designlint grade answer.md
  designlint grade --min 70 answer.md
  designlint grade -f json answer.md
  designlint grade --watch --time 45m answer.md
  designlint grade --kind interview notes.md
  pbpaste | designlint grade -`

// watchInterval is how often --watch looks at the file.
const watchInterval = 500 * time.Millisecond

type gradeOptions struct {
	format        string
	min           int
	stdinFilename string
	kind          string
	watch         bool
	time          string
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
			return runGrade(cmd.Context(), io, g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: text or json")
	f.IntVar(&o.min, "min", 0, "exit 1 when the total is below this score")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "the name of a document read from standard input (-); its extension gives the format")
	f.StringVar(&o.kind, "kind", "", "grade the document as this kind (design or interview) instead of the kind detected; front matter still has the last word")
	f.BoolVar(&o.watch, "watch", false, "grade again on every save of the file and show what changed, until interrupted")
	f.StringVar(&o.time, "time", "", "practise against the clock: share this long (45m, 1h) among the steps as the playbook's budgets do")
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions([]string{string(design.DocDesign), string(design.DocInterview)}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runGrade(ctx context.Context, io *IO, g *globalOptions, o *gradeOptions, path string) error {
	format, err := chooseFormat("grade", o.format, "text", "json")
	if err != nil {
		return failure("%v", err)
	}
	if o.min < 0 || o.min > 100 {
		return failure("--min %d: want a score from 0 to 100", o.min)
	}
	kind, err := parseKindFlag(o.kind)
	if err != nil {
		return failure("%v", err)
	}
	if kind != "" && !grade.Gradable(kind) {
		return failure("--kind %s: grade scores designs and interview answers; use --kind interview or --kind design", kind)
	}
	var plan []grade.Slot
	if o.time != "" {
		length, err := time.ParseDuration(o.time)
		if err != nil || length < time.Minute || length > 24*time.Hour {
			return failure("--time %q: want the length of the practice, from 1m to 24h, such as 45m or 1h", o.time)
		}
		plan = grade.Plan(length)
	}
	if o.watch {
		switch {
		case path == "-":
			return failure("--watch grades a file again on every save; it cannot watch standard input")
		case format == "json":
			return failure("--watch prints text; --format json grades once")
		}
	}
	conf, err := loadConfig(g, configAnchors([]string{path}, o.stdinFilename))
	if err != nil {
		return err
	}
	gr := &gradeRun{io: io, conf: conf, path: path, stdinFilename: o.stdinFilename, kind: kind}
	card, err := gr.grade()
	if err != nil {
		return failure("%s", report.Clean(err.Error()))
	}
	if o.watch {
		card = gr.watch(ctx, card, plan, g.quiet)
	} else if err := printGrade(io, g, format, card, plan); err != nil {
		return failure("%v", err)
	}
	if card.Total < o.min {
		return silentExit(exitFindings)
	}
	return nil
}

// gradeRun reads and grades one document, again and again under --watch.
type gradeRun struct {
	io                  *IO
	conf                *config.Config
	path, stdinFilename string
	kind                design.DocKind
}

// grade reads the document and scores it. A document of a kind grade
// does not score is an error that says what it is and how to grade it
// anyway.
func (r *gradeRun) grade() (*grade.Card, error) {
	cal := r.conf.Calendar()
	d, err := readAsKind(r.io, r.conf, r.path, r.stdinFilename, design.Options{Calendar: cal}, r.kind)
	if err != nil {
		return nil, err
	}
	if !grade.Gradable(d.Kind) {
		return nil, notGradable(d, r.path)
	}
	// The document's own rule settings would change its score.
	d.Overrides = nil
	rep := rules.Run(d, rules.Config{Now: r.io.Now(), Calendar: cal, MaxRatio: r.conf.MaxRatio})
	return grade.Grade(rep), nil
}

// notGradable explains why a document is not graded and how to grade it
// as an interview answer all the same.
func notGradable(d *design.Design, path string) error {
	what := map[design.DocKind]string{
		design.DocADR:   "a decision record (adr)",
		design.DocRFC:   "a proposal (rfc)",
		design.DocOther: "no design (kind other)",
	}[d.Kind]
	if what == "" {
		what = "kind " + string(d.Kind)
	}
	how := fmt.Sprintf("run designlint grade --kind interview %s to grade it as an interview answer", path)
	if d.KindSet && d.KindWhy == "its front matter says so" {
		how = "its front matter says kind: " + string(d.Kind) + "; change it to kind: interview to grade it as an interview answer"
	}
	return fmt.Errorf("%s reads as %s: %s; grade scores designs and interview answers: %s", d.Path, what, d.KindWhy, how)
}

// printGrade writes one grade in the chosen format, with the plan of a
// timed practice.
func printGrade(io *IO, g *globalOptions, format string, card *grade.Card, plan []grade.Slot) error {
	var buf bytes.Buffer
	var err error
	switch {
	case format == "json":
		err = report.PrintGradeJSON(&buf, card)
	case g.quiet:
		_, err = fmt.Fprintln(&buf, report.GradeSummary(card))
	default:
		err = report.PrintGrade(&buf, card)
		if err == nil && len(plan) > 0 {
			buf.WriteString("\n")
			err = report.PrintGradePlan(&buf, plan)
		}
	}
	if err != nil {
		return err
	}
	_, err = io.Out.Write(report.Guard(buf.Bytes(), false))
	return err
}

// fileStamp is what --watch compares to tell that a file was saved.
type fileStamp struct {
	mod  time.Time
	size int64
}

func stampOf(path string) (fileStamp, error) {
	st, err := os.Stat(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fileStamp{}, fmt.Errorf("%s: %w", path, pe.Err)
	}
	if err != nil {
		return fileStamp{}, err
	}
	return fileStamp{st.ModTime(), st.Size()}, nil
}

// watch prints the card, then grades the file again whenever its
// modification time or size changes, printing what changed, until the
// context ends (an interrupt) or io.Tick says to stop. It returns the
// last card. A save that cannot be read or graded is reported and the
// watch goes on. Quiet, it prints the total of each grade only.
func (r *gradeRun) watch(ctx context.Context, card *grade.Card, plan []grade.Slot, quiet bool) *grade.Card {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	io := r.io
	start := io.Now()
	out := func(print func(*bytes.Buffer) error) {
		var buf bytes.Buffer
		if err := print(&buf); err != nil {
			fmt.Fprintf(io.Err, "designlint: %s\n", report.Clean(err.Error()))
		}
		_, _ = io.Out.Write(report.Guard(buf.Bytes(), false))
	}
	pace := func(buf *bytes.Buffer, c *grade.Card) error {
		if len(plan) == 0 {
			return nil
		}
		return report.PrintGradePace(buf, c, plan, grade.Compare(c, plan, io.Now().Sub(start)))
	}
	out(func(buf *bytes.Buffer) error {
		if quiet {
			_, err := fmt.Fprintln(buf, report.GradeSummary(card))
			return err
		}
		if err := report.PrintGrade(buf, card); err != nil {
			return err
		}
		if len(plan) > 0 {
			buf.WriteString("\n")
			if err := report.PrintGradePlan(buf, plan); err != nil {
				return err
			}
		}
		fmt.Fprintf(buf, "\nWatching %s: every save is graded again; Ctrl-C stops.\n", report.Clean(r.path))
		return nil
	})
	stamp, _ := stampOf(r.path)
	lastErr := ""
	for io.Tick(ctx) {
		now, err := stampOf(r.path)
		if err == nil && now == stamp {
			continue
		}
		var next *grade.Card
		if err == nil {
			stamp = now
			next, err = r.grade()
		}
		if err != nil {
			// An editor saving by rename leaves the file missing for a
			// moment: say so once, and keep watching.
			if msg := report.Clean(err.Error()); msg != lastErr {
				fmt.Fprintf(io.Err, "designlint: %s (still watching)\n", msg)
				lastErr = msg
			}
			continue
		}
		lastErr = ""
		ch := grade.Diff(card, next)
		card = next
		out(func(buf *bytes.Buffer) error {
			if quiet {
				_, err := fmt.Fprintln(buf, report.GradeSummary(card))
				return err
			}
			buf.WriteString("\n")
			if err := report.PrintGradeChanges(buf, card, ch, io.Now().Format("15:04:05")); err != nil {
				return err
			}
			return pace(buf, card)
		})
	}
	if !quiet {
		fmt.Fprintf(io.Out, "\nStopped watching %s: %s\n", report.Clean(r.path), report.GradeSummary(card))
	}
	return card
}
