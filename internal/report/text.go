package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/designlint/designlint/rules"
)

type textPrinter struct{ opts Options }

func newText(o Options) Printer { return textPrinter{opts: o} }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

func (p textPrinter) paint(code, s string) string {
	if !p.opts.Color {
		return s
	}
	return code + s + ansiReset
}

// severity names a severity, padded to one width when coloured (the
// columns are aligned on a terminal).
func (p textPrinter) severity(s rules.Severity) string {
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
func (p textPrinter) Print(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	first := true
	for _, f := range run.Files {
		if f.Report == nil {
			if !first {
				bw.WriteByte('\n')
			}
			first = false
			where, what := Failure(f)
			fmt.Fprintf(bw, "%s  %s  %s\n", where, p.severity(rules.Error), what)
			continue
		}
		var shown []rules.Finding
		for _, x := range f.Report.Findings {
			if x.Waiver == nil || x.Waiver.Kind != "baseline" {
				shown = append(shown, x)
			}
		}
		if len(shown) == 0 {
			continue
		}
		if !first {
			bw.WriteByte('\n')
		}
		first = false
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
	}
	if !first {
		bw.WriteByte('\n')
	}
	for _, fixed := range run.Fixed {
		fmt.Fprintf(bw, "fixed since the baseline: %s\n", Clean(fixed))
	}
	fmt.Fprintln(bw, SummaryLine(Count(run)))
	return bw.Flush()
}
