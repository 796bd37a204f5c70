package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/designlint/designlint/rules"
)

// The junit format lets CI test reporters show a lint run as tests: one
// test suite per document and one test case per rule that ran on it. A
// rule with findings fails, listing them all; a rule whose findings were
// all waived is skipped with the reasons; a document that could not be
// read is one errored test case. Findings count as failures whatever
// their severity (--fail-on decides the exit code, not the report).

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr,omitempty"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

type junitPrinter struct{ opts Options }

func newJUnit(o Options) Printer { return junitPrinter{opts: o} }

func (p junitPrinter) Print(w io.Writer, run *Run) error {
	out := junitSuites{Name: "designlint"}
	for _, f := range run.Files {
		path := Clean(RelPath(p.opts.Root, f.Path))
		suite := junitSuite{Name: path}
		if f.Report == nil {
			msg := "could not read the file"
			if f.Err != nil {
				msg = Clean(f.Err.Error())
			}
			suite.Cases = []junitCase{{Name: "read", ClassName: path, Error: &junitProblem{Message: msg, Type: "unreadable"}}}
			suite.Tests, suite.Errors = 1, 1
		} else {
			suite.Cases, suite.Failures, suite.Skipped = junitCases(path, f.Report)
			suite.Tests = len(suite.Cases)
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Errors += suite.Errors
		out.Skipped += suite.Skipped
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitCases makes one test case per rule that ran on the document, in
// registry order; a finding from a rule outside that list (an internal
// error) still gets its case.
func junitCases(path string, rep *rules.Report) (cases []junitCase, failures, skipped int) {
	byRule := map[string][]rules.Finding{}
	order := append([]string(nil), rep.Rules...)
	seen := map[string]bool{}
	for _, id := range order {
		seen[id] = true
	}
	for _, x := range rep.Findings {
		if !seen[x.Rule] {
			seen[x.Rule] = true
			order = append(order, x.Rule)
		}
		byRule[x.Rule] = append(byRule[x.Rule], x)
	}
	for _, id := range order {
		c := junitCase{Name: id, ClassName: path}
		var open, waived []rules.Finding
		for _, x := range byRule[id] {
			if x.Waived() {
				waived = append(waived, x)
			} else {
				open = append(open, x)
			}
		}
		switch {
		case len(open) > 0:
			worst := open[0].Severity
			var lines []string
			for _, x := range open {
				worst = max(worst, x.Severity)
				lines = append(lines, fmt.Sprintf("%s:%d:%d: %s: %s", path, x.Span.Start.Line, x.Span.Start.Col, x.Severity, Clean(x.Message)))
			}
			lines = append(lines, waivedLines(path, waived)...)
			msg := Clean(open[0].Message)
			if len(open) > 1 {
				msg = fmt.Sprintf("%d findings; first: %s", len(open), msg)
			}
			c.Failure = &junitProblem{Message: msg, Type: worst.String(), Text: strings.Join(lines, "\n")}
			failures++
		case len(waived) > 0:
			c.Skipped = &junitProblem{Message: "waived: " + Clean(waived[0].Waiver.Reason), Text: strings.Join(waivedLines(path, waived), "\n")}
			skipped++
		}
		cases = append(cases, c)
	}
	return cases, failures, skipped
}

// waivedLines lists waived findings with the reason each was accepted.
func waivedLines(path string, waived []rules.Finding) []string {
	var lines []string
	for _, x := range waived {
		lines = append(lines, fmt.Sprintf("%s:%d: %s (accepted: %s)", path, x.Span.Start.Line, Clean(x.Message), Clean(x.Waiver.Reason)))
	}
	return lines
}
