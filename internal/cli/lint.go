package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/baseline"
	"github.com/designlint/designlint/internal/outfile"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

const lintLong = `Lint design documents against designlint's rules.

PATH may be a file, a directory (walked for *.md, *.markdown and *.cue,
skipping .git, node_modules and vendor; .json and .yaml documents are linted
only when named) or - for standard input (name it with --stdin-filename so
that its format and the paths in the report are right). Files are linted
concurrently and reported in a stable order.

Exit codes: 0 when nothing is at or above --fail-on, 1 when something is,
2 when designlint could not do its job (a missing path, a directory
without documents, an unreadable or unparseable file); the other files of
the run are still linted and reported.`

type lintOptions struct {
	format        string
	output        string
	failOn        string
	enable        []string
	disable       []string
	stdinFilename string
	maxFileSize   string
	baseline      string
	writeBaseline string
}

func newLintCmd(io *IO, g *globalOptions) *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Lint design documents",
		Long:  lintLong,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(io, g, o, args, cmd.Flags().Changed("fail-on"))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", report.Help())
	f.StringVarP(&o.output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error, warning, info or never")
	f.StringSliceVar(&o.enable, "enable", nil, "run these rules even if the configuration turns them off (comma-separated ids)")
	f.StringSliceVar(&o.disable, "disable", nil, "do not run these rules (comma-separated ids)")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "the name to report for a document read from standard input (-); its extension gives the format")
	f.StringVar(&o.maxFileSize, "max-file-size", "1MiB", "refuse documents larger than this")
	f.StringVar(&o.baseline, "baseline", "", "accept the findings recorded in this file (see --write-baseline); report entries that no longer match as fixed")
	f.StringVar(&o.writeBaseline, "write-baseline", "", "record the run's findings in this file and exit 0, so that --baseline accepts them")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, fm := range report.Formats() {
			out = append(out, fm.Name+"\t"+fm.Help)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "info", "never"}, cobra.ShellCompDirectiveNoFileComp))
	ruleIDs := func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return rules.IDs(), cobra.ShellCompDirectiveNoFileComp
	}
	_ = cmd.RegisterFlagCompletionFunc("enable", ruleIDs)
	_ = cmd.RegisterFlagCompletionFunc("disable", ruleIDs)
	return cmd
}

// parseFailOn reads --fail-on; "never" gives 0: nothing fails the run.
func parseFailOn(s string) (rules.Severity, error) {
	if strings.EqualFold(s, "never") {
		return 0, nil
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil || sev == 0 {
		return 0, fmt.Errorf("--fail-on %q: want error, warning, info or never", s)
	}
	return sev, nil
}

func runLint(io *IO, g *globalOptions, o *lintOptions, args []string, failOnSet bool) error {
	format, err := report.Lookup(o.format)
	if err != nil {
		return failure("%v", err)
	}
	conf, err := loadConfig(g)
	if err != nil {
		return err
	}
	failOnText := o.failOn
	if !failOnSet && conf.FailOn != "" {
		failOnText = conf.FailOn
	}
	failOn, err := parseFailOn(failOnText)
	if err != nil {
		return failure("%v", err)
	}
	maxSize, err := parseSize(o.maxFileSize)
	if err != nil {
		return failure("--max-file-size: %v", err)
	}
	settings, err := ruleSettings(conf.Settings(), o.enable, o.disable)
	if err != nil {
		return failure("%v", err)
	}
	var base *baseline.Baseline
	if o.baseline != "" {
		if base, err = baseline.Load(o.baseline); err != nil {
			return failure("%v", err)
		}
	}
	var found discovery
	switch {
	case len(args) > 0:
		found = discover(args, conf.Excluded)
	case len(conf.Include) > 0:
		found = discoverGlobs(conf)
	default:
		found = discover([]string{"."}, conf.Excluded)
	}
	if !g.quiet {
		for _, n := range found.notes {
			fmt.Fprintf(io.Err, "designlint: note: %s\n", report.Clean(n))
		}
	}
	cal := conf.Calendar()
	readOpts := design.Options{MaxFileSize: maxSize, Calendar: cal}
	cfg := rules.Config{Settings: settings, Now: io.Now(), Calendar: cal, MaxRatio: conf.MaxRatio}
	opts := report.Options{
		Color:       g.colorAllowed(io) && o.output == "",
		Root:        repoRoot(),
		MaxRatio:    cfg.MaxRatio,
		Quiet:       g.quiet && o.format == "text",
		StepSummary: io.Getenv("GITHUB_STEP_SUMMARY"),
	}
	printer := format.New(opts)

	failed := len(found.problems) > 0
	for _, p := range found.problems {
		fmt.Fprintf(io.Err, "designlint: %s\n", report.Clean(p.Error()))
	}
	var matcher *baseline.Matcher
	if base != nil {
		matcher = base.Matcher()
	}
	findings := false
	// check takes in each file as it is linted, in order.
	check := func(f *report.File) {
		if matcher != nil {
			matcher.File(f)
		}
		if f.Err != nil {
			failed = true
			fmt.Fprintf(io.Err, "designlint: %s\n", report.Clean(f.Err.Error()))
		}
		if f.Report == nil {
			return
		}
		for _, x := range f.Report.Findings {
			if x.Internal {
				failed = true
			}
			if failOn != 0 && !x.Waived() && x.Severity >= failOn {
				findings = true
			}
		}
	}
	lint := func(emit func(report.File)) {
		lintAll(found.targets, io.In, o.stdinFilename, readOpts, cfg, format.RuneColumns, emit)
	}

	if stream, ok := printer.(report.Streamer); ok && o.writeBaseline == "" {
		// The report is written as files are linted, and each file is
		// let go once written: a long run holds a few files at a time.
		if err := streamReport(io.Out, o.output, stream, lint, check, matcher); err != nil {
			return failure("%v", err)
		}
	} else {
		var files []report.File
		lint(func(f report.File) {
			check(&f)
			files = append(files, f)
		})
		run := &report.Run{Tool: toolInfo(), Files: files}
		if matcher != nil {
			run.Fixed = matcher.Fixed()
		}
		if o.writeBaseline != "" {
			n, err := baseline.Write(o.writeBaseline, files)
			if err != nil {
				return failure("%v", err)
			}
			if !g.quiet {
				fmt.Fprintf(io.Err, "designlint: recorded %s in %s\n", rules.Plural(n, "finding", "findings"), report.Clean(o.writeBaseline))
			}
			if failed {
				return silentExit(exitFailure)
			}
			return nil
		}
		if err := writeReport(io, o.output, printer, run, o.format == "github"); err != nil {
			return failure("%v", err)
		}
	}
	if failed {
		return silentExit(exitFailure)
	}
	if findings {
		return silentExit(exitFindings)
	}
	return nil
}

// ruleSettings applies --enable and --disable to the configured rule
// settings, refusing ids that do not exist.
func ruleSettings(base map[string]rules.Setting, enable, disable []string) (map[string]rules.Setting, error) {
	settings := map[string]rules.Setting{}
	for id, s := range base {
		settings[id] = s
	}
	// --enable wins over --disable: it is applied last.
	for _, flag := range []struct {
		name string
		ids  []string
		off  bool
	}{{"--disable", disable, true}, {"--enable", enable, false}} {
		for _, id := range flag.ids {
			if err := checkRuleID(id); err != nil {
				return nil, fmt.Errorf("%s: %w", flag.name, err)
			}
			s := settings[id]
			s.Off = flag.off
			settings[id] = s
		}
	}
	return settings, nil
}

func checkRuleID(id string) error {
	if _, ok := rules.Lookup(id); ok {
		return nil
	}
	msg := fmt.Sprintf("unknown rule %q", id)
	if s := rules.Suggest(id, rules.IDs()); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += " (designlint rules lists them)"
	}
	return fmt.Errorf("%s", msg)
}

// lintAll reads and lints the targets concurrently and hands each result
// to emit, in the targets' order, from the calling goroutine. At most a
// few results wait for an earlier one to finish, so that a report written
// as results come holds a few files in memory, not the run.
func lintAll(targets []target, stdin io.Reader, stdinName string, ro design.Options, cfg rules.Config, keepSource bool, emit func(report.File)) {
	var stdinData []byte
	var stdinErr error
	for _, t := range targets {
		if t.stdin {
			limit := ro.MaxFileSize
			if limit <= 0 {
				limit = design.DefaultMaxFileSize
			}
			stdinData, stdinErr = io.ReadAll(io.LimitReader(stdin, limit+1))
			break
		}
	}
	type result struct {
		i int
		f report.File
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(targets)))
	// window bounds the files handed out but not yet emitted.
	window := make(chan struct{}, 4*workers)
	next := make(chan int)
	results := make(chan result, workers)
	go func() {
		for i := range targets {
			window <- struct{}{}
			next <- i
		}
		close(next)
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results <- result{i, lintOne(targets[i], stdinData, stdinErr, stdinName, ro, cfg, keepSource)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	waiting := map[int]report.File{}
	emitted := 0
	for r := range results {
		waiting[r.i] = r.f
		for {
			f, ok := waiting[emitted]
			if !ok {
				break
			}
			delete(waiting, emitted)
			emitted++
			emit(f)
			<-window
		}
	}
}

func lintOne(t target, stdinData []byte, stdinErr error, stdinName string, ro design.Options, cfg rules.Config, keepSource bool) report.File {
	var d *design.Design
	var err error
	path := t.path
	if t.stdin {
		path = stdinName
		format := design.Markdown
		if path == "" {
			path = "<stdin>"
		} else if f, ok := design.FormatOf(path); ok {
			format = f
		}
		if stdinErr != nil {
			return report.File{Path: path, Format: format, Err: fmt.Errorf("%s: %v", path, stdinErr)}
		}
		d, err = design.ReadAs(path, stdinData, format, ro)
		if err != nil {
			return report.File{Path: path, Format: format, Err: err}
		}
	} else {
		d, err = design.ReadFile(path, ro)
		if err != nil {
			f, _ := design.FormatOf(path)
			return report.File{Path: path, Format: f, Err: err}
		}
	}
	rep := rules.Run(d, cfg)
	if !keepSource {
		// Only the formats that count columns in characters need the
		// text again; dropping it keeps a large run's memory small.
		d.Source = nil
	}
	return report.File{Path: path, Format: d.Format, Report: rep}
}

// writeReport prints the run to the output file or standard output,
// through report.Guard (commands: the github format's own annotations).
func writeReport(io *IO, output string, p report.Printer, run *report.Run, commands bool) error {
	var buf bytes.Buffer
	// A printer that fails after writing (the github format when the step
	// summary cannot be written) still has its report printed; the
	// failure is reported after it.
	printErr := p.Print(&buf, run)
	data := report.Guard(buf.Bytes(), commands)
	if output == "" {
		if _, err := io.Out.Write(data); err != nil {
			return err
		}
		return printErr
	}
	if err := outfile.Write(output, data); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return printErr
}

// streamReport lints the files and writes the report as they come: each
// file is checked (check), then printed and let go.
func streamReport(stdout io.Writer, output string, s report.Streamer, lint func(func(report.File)), check func(*report.File), matcher *baseline.Matcher) error {
	dest := stdout
	var file *os.File
	if output != "" {
		f, err := outfile.Create(output)
		if err != nil {
			return fmt.Errorf("writing the report: %w", err)
		}
		file, dest = f, f
	}
	bw := bufio.NewWriterSize(dest, 64<<10)
	out := &lineGuard{w: bw}
	var counts report.Counts
	err := s.Begin(out, toolInfo())
	lint(func(f report.File) {
		check(&f)
		counts.Add(f)
		if err == nil {
			err = s.File(out, f)
		}
	})
	var fixed []string
	if matcher != nil {
		fixed = matcher.Fixed()
	}
	if err == nil {
		err = s.End(out, counts, fixed)
	}
	if ferr := out.flush(); err == nil {
		err = ferr
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing the report: %w", err)
		}
	}
	return err
}

// lineGuard passes what is written through report.Guard a whole line at
// a time, holding back a line until its end is written.
type lineGuard struct {
	w       io.Writer
	pending []byte
}

func (g *lineGuard) Write(p []byte) (int, error) {
	g.pending = append(g.pending, p...)
	i := bytes.LastIndexByte(g.pending, '\n')
	if i < 0 {
		return len(p), nil
	}
	if _, err := g.w.Write(report.Guard(g.pending[:i+1], false)); err != nil {
		return 0, err
	}
	g.pending = append(g.pending[:0], g.pending[i+1:]...)
	return len(p), nil
}

// flush writes what is left of the last line.
func (g *lineGuard) flush() error {
	if len(g.pending) == 0 {
		return nil
	}
	_, err := g.w.Write(report.Guard(g.pending, false))
	g.pending = g.pending[:0]
	return err
}

func toolInfo() report.Tool {
	return report.Tool{Name: "designlint", Version: buildVersion(), URI: "https://github.com/designlint/designlint"}
}
