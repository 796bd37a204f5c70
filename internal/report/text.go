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
	// printed is set once a file's findings were printed.
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

func (p *textPrinter) severity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return p.paint(ansiRed+ansiBold, "error  ")
	case rules.Warning:
		return p.paint(ansiYellow, "warning")
	}
	return p.paint(ansiBlue, "info   ")
}

// Print writes findings grouped by file, one per line as
// "path:line:col  severity  rule-id  message", then a summary line.
// Waived findings are counted but not listed.
func (p *textPrinter) Print(w io.Writer, run *Run) error { return printStreamed(p, w, run) }

// Begin starts a run: nothing is printed before the first finding.
func (p *textPrinter) Begin(io.Writer, Tool) error {
	p.printed = false
	return nil
}

// File prints a file's findings, a blank line between files.
func (p *textPrinter) File(w io.Writer, f File) error {
	if f.Report == nil {
		return nil
	}
	var shown []rules.Finding
	for _, x := range f.Report.Findings {
		if !x.Waived() {
			shown = append(shown, x)
		}
	}
	if len(shown) == 0 {
		return nil
	}
	bw := bufio.NewWriter(w)
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
		sev := p.severity(x.Severity)
		if !p.opts.Color {
			sev = strings.TrimRight(sev, " ")
		}
		fmt.Fprintf(bw, "%s  %s  %s  %s\n", loc, sev, p.paint(ansiDim, x.Rule), Clean(x.Message))
	}
	return bw.Flush()
}

// End prints the baseline entries that no longer match and the summary.
func (p *textPrinter) End(w io.Writer, c Counts, fixed []string) error {
	bw := bufio.NewWriter(w)
	if p.printed && (!p.opts.Quiet || len(fixed) > 0) {
		bw.WriteByte('\n')
	}
	for _, f := range fixed {
		fmt.Fprintf(bw, "fixed since the baseline: %s\n", Clean(f))
	}
	if !p.opts.Quiet {
		fmt.Fprintln(bw, SummaryLine(c))
	}
	return bw.Flush()
}
