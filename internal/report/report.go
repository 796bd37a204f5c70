// Package report prints lint results in designlint's output formats: one
// file per format, all listed in one registry that the command-line flags,
// their help and their completion read.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// Tool identifies designlint in reports.
type Tool struct {
	Name    string
	Version string
	URI     string
}

// File is the outcome for one input file.
type File struct {
	Path   string
	Format design.Format
	// Report is nil when the file could not be read.
	Report *rules.Report
	Err    error
}

// Run is everything one lint run produced, files in a stable order.
type Run struct {
	Tool  Tool
	Files []File
	// Fixed lists baseline entries that no longer match a finding.
	Fixed []string
}

// Options are the settings every printer may use.
type Options struct {
	// Color allows ANSI colour (text only; set from the terminal).
	Color bool
	// Root is the directory paths are made relative to (SARIF).
	Root string
	// MaxRatio is printed with estimate checks.
	MaxRatio float64
	// Quiet leaves out the text format's summary line.
	Quiet bool
	// StepSummary is the file GitHub Actions reads a step's summary from
	// ($GITHUB_STEP_SUMMARY); the github format appends the Markdown
	// report to it when set.
	StepSummary string
}

// Printer writes a run in one format.
type Printer interface {
	Print(w io.Writer, run *Run) error
}

// Format is an output format: its name, one line of help, and how to make
// its printer.
type Format struct {
	Name string
	Help string
	New  func(Options) Printer
	// RuneColumns says the format counts columns in characters, for
	// which it needs each document's text (design.Design.Source).
	RuneColumns bool
}

// formats is the registry: every output format, in the order the help
// lists them.
var formats = []Format{
	{Name: "text", Help: "findings grouped by file, for terminals (the default)", New: newText},
	{Name: "json", Help: "findings, assumptions and estimates as JSON (version 1)", New: newJSON},
	{Name: "sarif", Help: "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers", New: newSARIF, RuneColumns: true},
	{Name: "github", Help: "GitHub Actions annotations, plus the markdown report in the step summary", New: newGitHub, RuneColumns: true},
	{Name: "junit", Help: "JUnit XML: a test suite per file, a test case per rule", New: newJUnit},
	{Name: "markdown", Help: "a Markdown report for pull-request comments and step summaries", New: newMarkdown},
}

// Formats lists the formats, in the order of their help.
func Formats() []Format { return append([]Format(nil), formats...) }

// Names lists the format names.
func Names() []string {
	var out []string
	for _, f := range formats {
		out = append(out, f.Name)
	}
	return out
}

// Lookup returns the format with the given name, or an error naming the
// formats there are.
func Lookup(name string) (Format, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Names(), ", "))
}

// Help describes the formats for a flag's usage.
func Help() string {
	var parts []string
	for _, f := range formats {
		parts = append(parts, f.Name)
	}
	return "output format: " + strings.Join(parts, ", ")
}

// Counts tallies a run's findings that count, by severity.
type Counts struct {
	Files, Errors, Warnings, Infos, Waived, Unreadable int
}

// Count tallies the findings of a run.
func Count(run *Run) Counts {
	var c Counts
	for _, f := range run.Files {
		c.Add(f)
	}
	return c
}

// levelWord names a severity for formats that say "error" and "warning"
// as designlint does but have their own word for info.
func levelWord(s rules.Severity, info string) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return info
}

// SummaryLine is the one-line tally: "2 errors, 1 warning in 3 files".
func SummaryLine(c Counts) string {
	var parts []string
	if c.Errors > 0 {
		parts = append(parts, rules.Plural(c.Errors, "error", "errors"))
	}
	if c.Warnings > 0 {
		parts = append(parts, rules.Plural(c.Warnings, "warning", "warnings"))
	}
	if c.Infos > 0 {
		parts = append(parts, rules.Plural(c.Infos, "info", "infos"))
	}
	s := "no findings"
	if len(parts) > 0 {
		s = strings.Join(parts, ", ")
	}
	s += " in " + rules.Plural(c.Files, "file", "files")
	var extra []string
	if c.Waived > 0 {
		extra = append(extra, rules.Plural(c.Waived, "waived finding", "waived findings"))
	}
	if c.Unreadable > 0 {
		extra = append(extra, rules.Plural(c.Unreadable, "file could not be read", "files could not be read"))
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, "; ") + ")"
	}
	return s
}

// bySeverity returns a file's findings most severe first, then by
// position (the order annotations are emitted in).
func bySeverity(fs []rules.Finding) []rules.Finding {
	out := append([]rules.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity > out[j].Severity })
	return out
}
