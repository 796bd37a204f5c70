// Package report prints lint results in designlint's output formats: one
// file per format, all listed in one registry that the command-line flags,
// their help and their completion read.
package report

import (
	"errors"
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

// File is the outcome for one input: a document, or a path that could not
// be linted (missing, unreadable, not a document, a directory without
// documents), which every format shows as a failure.
type File struct {
	Path   string
	Format design.Format
	// Report is nil when the file could not be linted; Err says why.
	Report *rules.Report
	Err    error
}

// Run is everything one lint run produced, files in a stable order.
type Run struct {
	Tool  Tool
	Files []File
	// Fixed lists baseline entries that no longer match a finding.
	Fixed []string
	// Skipped lists documents a directory walk found and passed over
	// because they are not designs.
	Skipped []string
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
	// QuotesSource says the format quotes the lines figures were read
	// from, for which it needs each document's text too.
	QuotesSource bool
}

// formats is the registry: every output format, in the order the help
// lists them.
var formats = []Format{
	{Name: "text", Help: "findings grouped by file, for terminals (the default)", New: newText},
	{Name: "json", Help: "findings, assumptions, estimates and the document as read, as JSON (version 1)", New: newJSON, QuotesSource: true},
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

// Lookup returns the format with the given name, in any case, or an
// error naming the formats there are and the likely one meant.
func Lookup(name string) (Format, error) {
	for _, f := range formats {
		if strings.EqualFold(f.Name, name) {
			return f, nil
		}
	}
	return Format{}, UnknownName("format", name, Names())
}

// UnknownName is the error for a name that is not one of the choices:
// it lists them, and suggests the closest when one is close.
func UnknownName(what, name string, choices []string) error {
	msg := fmt.Sprintf("unknown %s %q", what, name)
	if s := rules.Suggest(strings.ToLower(name), choices); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	if len(choices) <= 8 {
		msg += fmt.Sprintf(" (want %s)", strings.Join(choices, ", "))
	}
	return errors.New(msg)
}

// Help describes the formats for a flag's usage.
func Help() string {
	var parts []string
	for _, f := range formats {
		parts = append(parts, f.Name)
	}
	return "output format: " + strings.Join(parts, ", ")
}

// Counts tallies a run's findings that count, by severity. Files counts
// the documents linted; Unreadable the paths that could not be; Skipped
// the documents passed over as not designs.
type Counts struct {
	Files, Errors, Warnings, Infos, Waived, Unreadable, Skipped int
}

// Count tallies the findings of a run.
func Count(run *Run) Counts {
	c := Counts{Skipped: len(run.Skipped)}
	for _, f := range run.Files {
		c.Add(f)
	}
	return c
}

// Add counts one file into c.
func (c *Counts) Add(f File) {
	if f.Report == nil {
		c.Unreadable++
		return
	}
	c.Files++
	for _, x := range f.Report.Findings {
		if x.Waived() {
			c.Waived++
			continue
		}
		switch x.Severity {
		case rules.Error:
			c.Errors++
		case rules.Warning:
			c.Warnings++
		case rules.Info:
			c.Infos++
		}
	}
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
	if c.Skipped > 0 {
		extra = append(extra, rules.Plural(c.Skipped, "document skipped as not a design", "documents skipped as not designs"))
	}
	if c.Unreadable > 0 {
		extra = append(extra, rules.Plural(c.Unreadable, "path could not be linted", "paths could not be linted"))
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, "; ") + ")"
	}
	return s
}

// Failure splits why a file could not be linted into where (the path, and
// the line and column when there is one) and what.
func Failure(f File) (where, what string) {
	where = f.Path
	if f.Err == nil {
		return Clean(where), "could not be read"
	}
	var de *design.Error
	if errors.As(f.Err, &de) {
		where = de.Path
		if de.Pos.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d", de.Path, de.Pos.Line, de.Pos.Col)
		}
		return Clean(where), Clean(de.Msg)
	}
	return Clean(where), Clean(strings.TrimPrefix(f.Err.Error(), f.Path+": "))
}

// bySeverity returns a file's findings most severe first, then by
// position (the order annotations are emitted in).
func bySeverity(fs []rules.Finding) []rules.Finding {
	out := append([]rules.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity > out[j].Severity })
	return out
}
