package report_test

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/designlint/designlint/internal/report"
)

// TestJUnitCounts reads the junit report back as a CI reporter would and
// checks it against the rules of the JUnit XML format: every suite and
// case named, the counts on each suite and on the whole equal to the
// cases under them, at most one outcome per case.
func TestJUnitCounts(t *testing.T) {
	run, opts := sharedRun(t)
	f, err := report.Lookup("junit")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.New(opts).Print(&buf, run); err != nil {
		t.Fatal(err)
	}
	type outcome struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
	}
	type tcase struct {
		Name      string    `xml:"name,attr"`
		ClassName string    `xml:"classname,attr"`
		Failure   []outcome `xml:"failure"`
		Error     []outcome `xml:"error"`
		Skipped   []outcome `xml:"skipped"`
	}
	var doc struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Errors   int      `xml:"errors,attr"`
		Skipped  int      `xml:"skipped,attr"`
		Suites   []struct {
			Name     string  `xml:"name,attr"`
			Tests    int     `xml:"tests,attr"`
			Failures int     `xml:"failures,attr"`
			Errors   int     `xml:"errors,attr"`
			Skipped  int     `xml:"skipped,attr"`
			Cases    []tcase `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if len(doc.Suites) != len(run.Files) {
		t.Fatalf("%d suites for %d files", len(doc.Suites), len(run.Files))
	}
	var tests, failures, errors, skipped int
	for _, s := range doc.Suites {
		var f, e, sk int
		for _, c := range s.Cases {
			if c.Name == "" || c.ClassName == "" {
				t.Errorf("suite %s: a case without a name or class name", s.Name)
			}
			if len(c.Failure)+len(c.Error)+len(c.Skipped) > 1 {
				t.Errorf("case %s/%s has more than one outcome", s.Name, c.Name)
			}
			f += len(c.Failure)
			e += len(c.Error)
			sk += len(c.Skipped)
		}
		if s.Name == "" || s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
			t.Errorf("suite %q says tests=%d failures=%d errors=%d skipped=%d; its cases give %d, %d, %d, %d",
				s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
		}
		tests += s.Tests
		failures += f
		errors += e
		skipped += sk
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != errors || doc.Skipped != skipped {
		t.Errorf("totals %d/%d/%d/%d, suites add up to %d/%d/%d/%d", doc.Tests, doc.Failures, doc.Errors, doc.Skipped, tests, failures, errors, skipped)
	}
	// The shared input has findings, waived findings and a missing file.
	if failures == 0 || skipped == 0 || errors != 1 {
		t.Errorf("failures %d, skipped %d, errors %d", failures, skipped, errors)
	}
}
