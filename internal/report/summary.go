package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"

	"github.com/designlint/designlint/rules"
)

// The step summary is what a pull request's checks page shows for the
// designlint step. It stays short whatever the size of the run: the tally,
// the paths that could not be linted, the most severe findings in one
// table, and the count per document folded away. The full report is the
// markdown format (which the action keeps as an artifact) and the SARIF
// upload.

// Bounds on the step summary, so that its size depends on these counts
// and not on the run.
const (
	summaryFindings  = 10
	summaryDocuments = 30
	summaryFailures  = 20
)

// StepSummary writes the short Markdown summary of a run.
func StepSummary(w io.Writer, run *Run, o Options) error {
	var b bytes.Buffer
	c := Count(run)
	cell := func(s string) string { return escapeMarkdownCell(Clean(s)) }
	fmt.Fprintf(&b, "## designlint\n\n**%s**\n\n", SummaryLine(c))

	if failures := failureItems(run); len(failures) > 0 {
		b.WriteString("**Paths designlint could not lint** (the check fails until they can be):\n\n")
		writeSome(&b, failures, summaryFailures, "more")
		b.WriteString("\n")
	}

	type located struct {
		path string
		x    rules.Finding
	}
	var open []located
	for _, f := range run.Files {
		if f.Report == nil {
			continue
		}
		for _, x := range bySeverity(f.Report.Findings) {
			if !x.Waived() {
				open = append(open, located{RelPath(o.Root, f.Path), x})
			}
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].x.Severity > open[j].x.Severity })
	if len(open) > 0 {
		title := "Findings"
		if len(open) > summaryFindings {
			title = fmt.Sprintf("The %d most severe of %d findings", summaryFindings, len(open))
		}
		fmt.Fprintf(&b, "%s:\n\n| severity | where | rule | finding |\n|---|---|---|---|\n", title)
		for _, l := range open[:min(len(open), summaryFindings)] {
			fmt.Fprintf(&b, "| %s | %s:%d | `%s` | %s |\n", severityIcon[l.x.Severity], cell(l.path), l.x.Span.Start.Line, l.x.Rule, cell(l.x.Message))
		}
		b.WriteString("\n")
	}

	var rows []string
	for _, f := range run.Files {
		if f.Report == nil {
			continue
		}
		fc := Count(&Run{Files: []File{f}})
		rows = append(rows, fmt.Sprintf("| %s | %d | %d | %d | %d |", cell(RelPath(o.Root, f.Path)), fc.Errors, fc.Warnings, fc.Infos, fc.Waived))
	}
	if len(rows) > 0 {
		b.WriteString("<details><summary>Findings per document</summary>\n\n| document | errors | warnings | infos | waived |\n|---|---|---|---|---|\n")
		writeSome(&b, rows, summaryDocuments, "more documents")
		b.WriteString("\n</details>\n\n")
	}
	if len(run.Fixed) > 0 {
		fmt.Fprintf(&b, "%s fixed since the baseline: `designlint lint --baseline … --prune-baseline` drops %s.\n\n",
			rules.Plural(len(run.Fixed), "entry", "entries"), map[bool]string{true: "it", false: "them"}[len(run.Fixed) == 1])
	}
	b.WriteString("_The full report, with estimates, component diagrams and accepted risks: `designlint lint --format markdown`, or the SARIF file in code scanning._\n")
	_, err := w.Write(b.Bytes())
	return err
}

// writeSome writes up to n lines and says how many were left out.
func writeSome(b *bytes.Buffer, lines []string, n int, more string) {
	for _, l := range lines[:min(len(lines), n)] {
		b.WriteString(l + "\n")
	}
	if len(lines) > n {
		fmt.Fprintf(b, "\n…and %d %s.\n", len(lines)-n, more)
	}
}
