package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/baseline"
	"github.com/designlint/designlint/internal/config"
	"github.com/designlint/designlint/internal/outfile"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

const lintLong = `Lint design documents against designlint's rules.

PATH may be a file, a directory or - for standard input (name it with
--stdin-filename so that its format and the paths in the report are
right). A directory is walked for *.md, *.markdown and *.cue, skipping
.git, node_modules, vendor and what the configuration excludes; .json and
.yaml documents are linted only when named. A document the walk finds
that is not a design (its kind is other: a README, a changelog) is passed
over, with one note saying how many; --include-non-design lints them as
designs. Files are linted concurrently and reported in a stable order.

Each document is linted for its kind, detected from its structure: design
(a full system design), interview (an interview answer), adr (a decision
record), rfc (a proposal) or other; designlint rules lists the kinds each
rule checks. Front matter (kind: adr), the configuration's kinds
patterns or --kind choose it instead.

The configuration is the nearest .designlint.yaml or .designlint.cue
above the paths (or the working directory), unless --config names one.

Exit codes: 0 when nothing is at or above --fail-on, 1 when something is,
2 when designlint could not do its job (a missing path, a directory
without designs, an unreadable or unparseable file); the other files of
the run are still linted and reported, and every format shows the paths
that could not be linted.`

const lintExample = `  designlint lint docs/design
  designlint lint --format sarif --output designlint.sarif docs/design
  designlint lint --fail-on warning docs/design/feed.md
  cat feed.md | designlint lint --stdin-filename docs/feed.md -

  # adopt designlint on an existing tree, then shrink the baseline as
  # documents are fixed
  designlint lint --write-baseline .designlint-baseline.json docs
  designlint lint --baseline .designlint-baseline.json docs
  designlint lint --baseline .designlint-baseline.json --prune-baseline docs

  # only what a branch changed
  designlint lint --changed-since origin/main docs`

type lintOptions struct {
	format           string
	output           string
	failOn           string
	enable           []string
	disable          []string
	stdinFilename    string
	maxFileSize      string
	baseline         string
	writeBaseline    string
	pruneBaseline    bool
	updateBaseline   bool
	includeNonDesign bool
	designsOnly      bool
	changedSince     string
	kind             string
}

func newLintCmd(io *IO, g *globalOptions) *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:     "lint [PATH...]",
		Short:   "Lint design documents",
		Long:    lintLong,
		Example: lintExample,
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
	f.BoolVar(&o.pruneBaseline, "prune-baseline", false, "drop the --baseline file's fixed entries (and those of deleted documents), adding nothing, and exit 0")
	f.BoolVar(&o.updateBaseline, "update-baseline", false, "rewrite the --baseline file with the run's findings, new ones included, and exit 0")
	f.BoolVar(&o.includeNonDesign, "include-non-design", false, "also lint, as designs, documents a walk finds that are not designs (READMEs, changelogs)")
	f.BoolVar(&o.designsOnly, "designs-only", false, "pass over named files that are not designs, as a walk does (for hooks that name every staged file)")
	f.StringVar(&o.changedSince, "changed-since", "", "lint only documents changed since this Git revision (committed or not); paths that do not exist still fail")
	f.StringVar(&o.kind, "kind", "", "lint every document as this kind (design, interview, adr, rfc or other) instead of the kind detected; front matter still has the last word")
	_ = cmd.RegisterFlagCompletionFunc("kind", kindCompletion)
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

// checkBaselineFlags refuses combinations that would change a baseline
// other than the way the user meant: in particular, writing over the
// baseline in use needs a flag that says so.
func checkBaselineFlags(o *lintOptions) error {
	switch {
	case (o.pruneBaseline || o.updateBaseline) && o.baseline == "":
		return failure("--prune-baseline and --update-baseline change the file --baseline names; give it")
	case o.pruneBaseline && o.updateBaseline:
		return failure("--prune-baseline drops fixed entries and adds nothing, --update-baseline records new findings too: choose one")
	case o.writeBaseline != "" && (o.pruneBaseline || o.updateBaseline):
		return failure("--write-baseline writes a new baseline; --prune-baseline and --update-baseline change the one in use: choose one")
	case o.writeBaseline != "" && o.baseline != "" && baseline.Same(o.writeBaseline, o.baseline):
		return failure("--write-baseline %s would overwrite the baseline in use with every finding of this run, new ones included; use --prune-baseline to drop only fixed entries, or --update-baseline to record new findings on purpose", o.writeBaseline)
	}
	return nil
}

// configAnchors are the paths whose configuration applies: the paths to
// lint, with standard input standing for the name --stdin-filename gives.
func configAnchors(args []string, stdinName string) []string {
	var out []string
	for _, a := range args {
		if a == "-" {
			a = stdinName
		}
		out = append(out, a)
	}
	return out
}

func runLint(io *IO, g *globalOptions, o *lintOptions, args []string, failOnSet bool) error {
	format, err := report.Lookup(o.format)
	if err != nil {
		return failure("%v", err)
	}
	if err := checkBaselineFlags(o); err != nil {
		return err
	}
	conf, err := loadConfig(g, configAnchors(args, o.stdinFilename))
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
	var found *discovery
	switch {
	case len(args) > 0:
		found = discover(args, conf, o.designsOnly)
	case len(conf.Include) > 0:
		found = discoverGlobs(conf)
	default:
		found = discover([]string{"."}, conf, false)
	}
	if o.changedSince != "" {
		if err := found.keepChanged(o.changedSince); err != nil {
			return failure("--changed-since %s: %v", o.changedSince, err)
		}
	}
	cal := conf.Calendar()
	kind, err := parseKindFlag(o.kind)
	if err != nil {
		return failure("%v", err)
	}
	job := lintJob{
		kind:             kind,
		kindOf:           conf.KindOf,
		read:             design.Options{MaxFileSize: maxSize, Calendar: cal},
		rules:            rules.Config{Settings: settings, Now: io.Now(), Calendar: cal, MaxRatio: conf.MaxRatio},
		documents:        conf.Documents(settings, io.Now()),
		keepSource:       format.RuneColumns || format.QuotesSource,
		includeNonDesign: o.includeNonDesign,
	}
	opts := report.Options{
		Color:       g.colorAllowed(io) && o.output == "",
		Root:        repoRoot(),
		MaxRatio:    job.rules.MaxRatio,
		Quiet:       g.quiet && o.format == "text",
		StepSummary: io.Getenv("GITHUB_STEP_SUMMARY"),
	}
	printer := format.New(opts)
	changing := o.writeBaseline != "" || o.pruneBaseline || o.updateBaseline
	// The text report on standard output shows the paths that could not
	// be linted itself; every other report gets them on standard error
	// too, for the person reading the log.
	echo := o.format != "text" || o.output != "" || changing
	var matcher *baseline.Matcher
	if base != nil {
		matcher = base.Matcher()
	}
	failed, findings := false, false
	// check takes in each file of the report, in order.
	check := func(f *report.File) {
		if matcher != nil {
			matcher.File(f)
		}
		if f.Err != nil {
			failed = true
			if echo {
				fmt.Fprintf(io.Err, "designlint: %s\n", report.Clean(f.Err.Error()))
			}
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
	settle := found.settler()
	// lint lints the targets and hands each file of the report to emit,
	// in order, then returns the documents passed over as not designs.
	lint := func(emit func(report.File)) []string {
		job.lintAll(found.targets, io.In, o.stdinFilename, func(i int, f report.File, skip bool) {
			if settle.take(i, skip) {
				check(&f)
				emit(f)
			}
		})
		tail, skipped := settle.finish()
		for _, f := range tail {
			check(&f)
			emit(f)
		}
		return skipped
	}
	note := func(skipped []string) {
		if g.quiet {
			return
		}
		notes := found.notes
		if len(skipped) > 0 {
			notes = append(notes, fmt.Sprintf("skipped %s (%s); --include-non-design lints them",
				rules.Plural(len(skipped), "document that is not a design", "documents that are not designs"), listSome(skipped, 3)))
		}
		for _, n := range notes {
			fmt.Fprintf(io.Err, "designlint: note: %s\n", report.Clean(n))
		}
	}

	stream, streams := printer.(report.Streamer)
	streams = streams && !changing && streamReports
	if !streams {
		// This run keeps every file's findings until the end: the soft
		// memory limit makes room for them, lest the collector run
		// without pause on a run of thousands of files.
		debug.SetMemoryLimit(memoryLimit + int64(len(found.targets))*keptPerFile)
	}
	if streams {
		// The report is written as files are linted, and each file is
		// let go once written: a long run holds a few files at a time.
		skipped, err := streamReport(io.Out, o.output, stream, opts.Color, lint, matcher)
		note(skipped)
		if err != nil {
			return failure("%v", err)
		}
	} else {
		var files []report.File
		skipped := lint(func(f report.File) { files = append(files, f) })
		note(skipped)
		run := &report.Run{Tool: toolInfo(), Files: files, Skipped: skipped}
		if matcher != nil {
			run.Fixed = matcher.Fixed()
		}
		if done, err := changeBaseline(io, g, o, base, files); done || err != nil {
			if err != nil {
				return err
			}
			if failed {
				return silentExit(exitFailure)
			}
			return nil
		}
		if err := writeReport(io, o.output, printer, run, o.format == "github", opts.Color); err != nil {
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

// keptPerFile is about what a run that prints its report at the end keeps
// of each file (its findings, estimate and model; its text for the formats
// that count columns in characters), measured at 14 to 40 KB.
const keptPerFile = 64 << 10

// streamReports writes the formats that can stream as files are linted;
// a test turns it off to compare with printing the whole run at once.
var streamReports = true

// changeBaseline writes, prunes or updates a baseline when a flag asks
// for it, reporting what it did; done says the run ends there.
func changeBaseline(io *IO, g *globalOptions, o *lintOptions, base *baseline.Baseline, files []report.File) (done bool, err error) {
	note := func(format string, args ...any) {
		if !g.quiet {
			fmt.Fprintf(io.Err, "designlint: %s\n", report.Clean(fmt.Sprintf(format, args...)))
		}
	}
	switch {
	case o.writeBaseline != "":
		n, err := baseline.Write(o.writeBaseline, files)
		if err != nil {
			return true, failure("%v", err)
		}
		note("recorded %s in %s", rules.Plural(n, "finding", "findings"), o.writeBaseline)
	case o.pruneBaseline:
		dropped, kept, err := base.Prune()
		if err != nil {
			return true, failure("%v", err)
		}
		note("pruned %s from %s; %d remain", rules.Plural(dropped, "fixed entry", "fixed entries"), o.baseline, kept)
		if n := openFindings(files); n > 0 {
			note("%s not in the baseline still count (--update-baseline records them on purpose)", rules.Plural(n, "finding", "findings"))
		}
	case o.updateBaseline:
		n, err := base.Update(files)
		if err != nil {
			return true, failure("%v", err)
		}
		note("updated %s: %s", o.baseline, rules.Plural(n, "entry", "entries"))
	default:
		return false, nil
	}
	return true, nil
}

// openFindings counts the findings nothing waives.
func openFindings(files []report.File) int {
	n := 0
	for _, f := range files {
		if f.Report == nil {
			continue
		}
		for _, x := range f.Report.Findings {
			if !x.Waived() {
				n++
			}
		}
	}
	return n
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
			r, err := lookupRule(id)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", flag.name, err)
			}
			s := settings[r.ID]
			s.Off = flag.off
			settings[r.ID] = s
		}
	}
	return settings, nil
}

// lintJob is how a run reads and lints each document.
type lintJob struct {
	read  design.Options
	rules rules.Config
	// documents applies the documents' own rule settings.
	documents config.Documents
	// keepSource keeps each document's text, for formats that count
	// columns in characters or quote the lines figures came from.
	keepSource bool
	// includeNonDesign lints what a walk finds that is not a design.
	includeNonDesign bool
	// kind is the kind --kind forces; kindOf the kind the configuration
	// gives a path.
	kind   design.DocKind
	kindOf func(path string) design.DocKind
}

// maxWaiting bounds the results lintAll holds for an earlier one.
const maxWaiting = 256

// lintAll reads and lints the targets concurrently and hands each result
// to emit, with its index and whether it is a document a walk found that
// is not a design, in the targets' order, from the calling goroutine. At
// most a few results wait for an earlier one to finish, so that a report
// written as results come holds a few files in memory, not the run.
func (job lintJob) lintAll(targets []target, stdin io.Reader, stdinName string, emit func(i int, f report.File, skip bool)) {
	var in stdinDocument
	for _, t := range targets {
		if t.stdin {
			in = readStdin(stdin, stdinName, job.read.MaxFileSize)
			break
		}
	}
	type result struct {
		i    int
		f    report.File
		skip bool
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(targets)))
	// window bounds the targets handed out but not yet emitted: wide
	// enough that a long document holds no worker back, small enough
	// that the results waiting behind it take a few megabytes.
	window := make(chan struct{}, maxWaiting)
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
				f, skip := job.lintOne(targets[i], in)
				results <- result{i, f, skip}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	waiting := map[int]result{}
	emitted := 0
	for r := range results {
		waiting[r.i] = r
		for {
			w, ok := waiting[emitted]
			if !ok {
				break
			}
			delete(waiting, emitted)
			emitted++
			emit(w.i, w.f, w.skip)
			<-window
		}
	}
}

// isDesign decides whether a document a walk found is a design to lint:
// any kind but other (a README, a changelog), and not an empty
// placeholder.
func isDesign(d *design.Design) bool {
	return d.Kind != design.DocOther && !d.Blank
}

// parseKindFlag reads --kind.
func parseKindFlag(s string) (design.DocKind, error) {
	if s == "" {
		return "", nil
	}
	k, ok := design.ParseDocKind(s)
	if !ok {
		return "", fmt.Errorf("--kind %q: not a document kind (design, interview, adr, rfc or other)", s)
	}
	return k, nil
}

func kindCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, k := range design.DocKinds {
		out = append(out, string(k))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func (job lintJob) lintOne(t target, in stdinDocument) (report.File, bool) {
	if t.err != nil {
		return report.File{Path: t.path, Err: t.err}, false
	}
	var d *design.Design
	var err error
	path := t.path
	if t.stdin {
		path = in.name
	}
	opts := job.read
	opts.Kind = job.kind
	if opts.Kind == "" && job.kindOf != nil {
		opts.Kind = job.kindOf(path)
	}
	if t.stdin {
		d, err = in.read(opts)
	} else {
		d, err = design.ReadFile(path, opts)
	}
	if err != nil {
		f, _ := design.FormatOf(path)
		if t.stdin {
			f = in.format
		}
		return report.File{Path: path, Format: f, Err: err}, false
	}
	if t.walked && !isDesign(d) {
		if !job.includeNonDesign {
			return report.File{}, true
		}
		// Asked for: lint it as a design.
		d.Kind, d.KindWhy = design.DocDesign, "--include-non-design lints it as a design"
	}
	rep := job.documents.Lint(d, job.rules)
	if !job.keepSource {
		// Only the formats that count columns in characters need the
		// text again; dropping it keeps a large run's memory small.
		d.Source = nil
	}
	return report.File{Path: path, Format: d.Format, Report: rep}, false
}

// writeReport prints the run to the output file or standard output,
// through report.Guard (commands: the github format's own annotations;
// color: the text format's own colours).
func writeReport(io *IO, output string, p report.Printer, run *report.Run, commands, color bool) error {
	var buf bytes.Buffer
	// A printer that fails after writing (the github format when the step
	// summary cannot be written) still has its report printed; the
	// failure is reported after it.
	printErr := p.Print(&buf, run)
	data := report.Guard(buf.Bytes(), commands)
	if color {
		data = report.GuardColor(buf.Bytes())
	}
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

// streamReport writes the report as lint hands over the files, each let
// go once written, and returns the documents lint passed over.
func streamReport(stdout io.Writer, output string, s report.Streamer, color bool, lint func(func(report.File)) []string, matcher *baseline.Matcher) ([]string, error) {
	dest := stdout
	var file *os.File
	if output != "" {
		f, err := outfile.Create(output)
		if err != nil {
			return nil, fmt.Errorf("writing the report: %w", err)
		}
		file, dest = f, f
	}
	bw := bufio.NewWriterSize(dest, 64<<10)
	out := &lineGuard{w: bw, color: color}
	var counts report.Counts
	err := s.Begin(out, toolInfo())
	skipped := lint(func(f report.File) {
		counts.Add(f)
		if err == nil {
			err = s.File(out, f)
		}
	})
	counts.Skipped = len(skipped)
	sum := report.Summary{Counts: counts, Skipped: skipped}
	if matcher != nil {
		sum.Fixed = matcher.Fixed()
	}
	if err == nil {
		err = s.End(out, sum)
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
			err = fmt.Errorf("writing the report: %w", err)
		}
	}
	return skipped, err
}

// lineGuard passes what is written through report.Guard (GuardColor when
// the text report is coloured) a whole line at a time, holding back a
// line until its end is written.
type lineGuard struct {
	w       io.Writer
	color   bool
	pending []byte
}

func (g *lineGuard) Write(p []byte) (int, error) {
	g.pending = append(g.pending, p...)
	i := bytes.LastIndexByte(g.pending, '\n')
	if i < 0 {
		return len(p), nil
	}
	if _, err := g.w.Write(g.guard(g.pending[:i+1])); err != nil {
		return 0, err
	}
	g.pending = append(g.pending[:0], g.pending[i+1:]...)
	return len(p), nil
}

func (g *lineGuard) guard(lines []byte) []byte {
	if g.color {
		return report.GuardColor(lines)
	}
	return report.Guard(lines, false)
}

// flush writes what is left of the last line.
func (g *lineGuard) flush() error {
	if len(g.pending) == 0 {
		return nil
	}
	_, err := g.w.Write(g.guard(g.pending))
	g.pending = g.pending[:0]
	return err
}

func toolInfo() report.Tool {
	return report.Tool{Name: "designlint", Version: buildVersion(), URI: "https://github.com/designlint/designlint"}
}
