// Package cli is designlint's command line: one file per command, and this
// file, which builds the command tree and is the one place where errors
// become exit codes and are printed.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/internal/report"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitFailure  = 2
)

// IO is what a command reads and writes; tests substitute their own.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// OutIsTerminal allows colour and aligned output.
	OutIsTerminal bool
	Getenv        func(string) string
	Now           func() time.Time
	// Tick waits until grade --watch should look at its file again, and
	// reports false when watching should stop (the context ends on an
	// interrupt). Tests count rounds with it instead of waiting.
	Tick func(ctx context.Context) bool
}

// pollEvery is a Tick that waits d, or until the context ends.
func pollEvery(d time.Duration) func(context.Context) bool {
	return func(ctx context.Context) bool {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
			return true
		}
	}
}

// Main runs designlint with the process's arguments and streams and
// returns the exit code.
func Main() int {
	debug.SetMemoryLimit(memoryLimit)
	// Linting allocates many short-lived objects; collecting less often
	// saves a fifth of the CPU on large runs, and the memory limit above
	// still bounds the heap.
	debug.SetGCPercent(400)
	return Run(os.Args[1:], IO{
		In:            os.Stdin,
		Out:           os.Stdout,
		Err:           os.Stderr,
		OutIsTerminal: isTerminal(os.Stdout),
		Getenv:        os.Getenv,
		Now:           time.Now,
	})
}

// memoryLimit is a soft limit for the Go heap: past it the collector works
// harder rather than letting the heap grow to five times what is live (the
// GC percent above). The budgets keep what one document needs live well
// below it; the reports of a long run are written as they come (for the
// formats that allow it), so what a run keeps stays small too.
const memoryLimit = 192 << 20

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// exitError carries an exit code; err, when set, is printed once.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

// failure is a tool failure: exit 2 with a message.
func failure(format string, args ...any) error {
	return &exitError{code: exitFailure, err: fmt.Errorf(format, args...)}
}

// silentExit ends with a code and nothing more to say.
func silentExit(code int) error { return &exitError{code: code} }

// Run runs designlint with the given arguments and returns the exit code.
func Run(args []string, io IO) int {
	if io.Getenv == nil {
		io.Getenv = func(string) string { return "" }
	}
	if io.Now == nil {
		io.Now = time.Now
	}
	if io.Tick == nil {
		io.Tick = pollEvery(watchInterval)
	}
	// Error messages quote paths, configuration values and document text:
	// they pass the same guard as the reports.
	io.Err = guardWriter{io.Err}
	root := newRoot(&io)
	root.SetArgs(args)
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(io.Err, "designlint: %s\n", report.Clean(ee.err.Error()))
		}
		return ee.code
	}
	// cobra's own errors: an unknown command or flag, wrong arguments.
	fmt.Fprintf(io.Err, "designlint: %s\n", report.Clean(err.Error()))
	if strings.Contains(err.Error(), "unknown") || strings.Contains(err.Error(), "flag") || strings.Contains(err.Error(), "arg") {
		fmt.Fprintln(io.Err, "Run 'designlint --help' for usage.")
	}
	return exitFailure
}

// guardWriter passes what it writes through report.Guard. Each Write is
// taken to start a line, as every message designlint writes is a whole
// line.
type guardWriter struct{ w io.Writer }

func (g guardWriter) Write(p []byte) (int, error) {
	if _, err := g.w.Write(report.Guard(p, false)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// globalOptions are the flags every command takes.
type globalOptions struct {
	config  string
	noColor bool
	quiet   bool
}

func newRoot(io *IO) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "designlint",
		Short: "Lint system-design documents and check their capacity estimates",
		Long: `designlint reads a system-design document (Markdown, or CUE, JSON and YAML
with the fields of its schema), checks it against the rules of a
system-design playbook (requirements, estimates, consistency choices,
single points of failure, failure plans) and works out its capacity figures
from the assumptions it declares, checking the document's own arithmetic.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above
--fail-on; 2 designlint could not do its job (bad flags, unreadable or
unparseable files, paths that matched no document).`,
		Example: `  designlint lint docs/design
  designlint estimate --set dau=10M --set requests_per_user_per_day=20 --set peak_factor=3
  designlint grade answer.md
  designlint inspect docs/design/feed.md
  designlint init docs/design/photo-feed.md
  designlint rules single-point-of-failure`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       versionString(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	pf := root.PersistentFlags()
	pf.StringVar(&g.config, "config", "", "configuration file (default: .designlint.yaml or .designlint.cue here or in a parent directory)")
	pf.BoolVar(&g.noColor, "no-color", false, "never colour the output (NO_COLOR and a non-terminal output do the same)")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "print findings only: no summary line and no notes")
	root.AddCommand(
		newLintCmd(io, g),
		newEstimateCmd(io, g),
		newInspectCmd(io, g),
		newRulesCmd(io, g),
		newInitCmd(io, g),
		newGradeCmd(io, g),
		newSchemaCmd(io),
		newVersionCmd(io),
	)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: exitFailure, err: fmt.Errorf("%w (see --help)", err)}
	})
	return root
}

// colorAllowed decides whether output may be coloured.
func (g *globalOptions) colorAllowed(io *IO) bool {
	return io.OutIsTerminal && !g.noColor && io.Getenv("NO_COLOR") == ""
}
