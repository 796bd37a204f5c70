package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/designlint/designlint/rules"
)

type textPrinter struct {
	opts Options
	// printed is set once something was printed for a file.
	printed bool
}

func newText(o Options) Printer { return &textPrinter{opts: o} }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

func (p *textPrinter) paint(code, s string) string {
	if !p.opts.Color {
		return s
	}
	return code + s + ansiReset
}

// severity names a severity, padded to one width when coloured (the
// columns are aligned on a terminal).
func (p *textPrinter) severity(s rules.Severity) string {
	if !p.opts.Color {
		return s.String()
	}
	switch s {
	case rules.Error:
		return p.paint(ansiRed+ansiBold, "error  ")
	case rules.Warning:
		return p.paint(ansiYellow, "warning")
	}
	return p.paint(ansiBlue, "info   ")
}

// Print writes findings grouped by file, one per line as
// "path:line:col  severity  rule-id  message", then a summary line. A path
// that could not be linted is one line, "path  error  why". A finding the
// document itself waives (a comment, its front matter) is listed as
// "path:line:col  waived  rule-id  message (accepted: reason)", so that no
// opt-out goes unseen; those a baseline accepts are only counted.
func (p *textPrinter) Print(w io.Writer, run *Run) error { return printStreamed(p, w, run) }

// Begin starts a run: nothing is printed before the first file.
func (p *textPrinter) Begin(io.Writer, Tool) error {
	p.printed = false
	return nil
}

// File prints a file's findings, or why it could not be linted, a blank
// line between files.
func (p *textPrinter) File(w io.Writer, f File) error {
	bw := bufio.NewWriter(w)
	if f.Report == nil {
		if p.printed {
			bw.WriteByte('\n')
		}
		p.printed = true
		where, what := Failure(f)
		fmt.Fprintf(bw, "%s  %s  %s\n", where, p.severity(rules.Error), what)
		return bw.Flush()
	}
	var shown []rules.Finding
	for _, x := range f.Report.Findings {
		if x.Waiver == nil || x.Waiver.Kind != "baseline" {
			shown = append(shown, x)
		}
	}
	if len(shown) == 0 {
		return nil
	}
	if p.printed {
		bw.WriteByte('\n')
	}
	p.printed = true
	width := 0
	locs := make([]string, len(shown))
	for i, x := range shown {
		locs[i] = fmt.Sprintf("%s:%d:%d", Clean(f.Path), x.Span.Start.Line, x.Span.Start.Col)
		width = max(width, len(locs[i]))
	}
	for i, x := range shown {
		loc := locs[i]
		if p.opts.Color {
			loc += strings.Repeat(" ", width-len(loc))
		}
		if x.Waived() {
			label := "waived"
			if p.opts.Color {
				label = p.paint(ansiDim, "waived ")
			}
			fmt.Fprintf(bw, "%s  %s  %s  %s (accepted: %s)\n", loc, label, p.paint(ansiDim, x.Rule), Clean(x.Message), Clean(x.Waiver.Reason))
			continue
		}
		fmt.Fprintf(bw, "%s  %s  %s  %s\n", loc, p.severity(x.Severity), p.paint(ansiDim, x.Rule), Clean(x.Message))
	}
	return bw.Flush()
}

// End prints the baseline entries that no longer match and the summary
// line (unless quiet).
func (p *textPrinter) End(w io.Writer, s Summary) error {
	bw := bufio.NewWriter(w)
	if p.printed && (!p.opts.Quiet || len(s.Fixed) > 0) {
		bw.WriteByte('\n')
	}
	for _, f := range s.Fixed {
		fmt.Fprintf(bw, "fixed since the baseline: %s\n", Clean(f))
	}
	if !p.opts.Quiet {
		fmt.Fprintln(bw, SummaryLine(s.Counts))
	}
	return bw.Flush()
}
