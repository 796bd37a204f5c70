package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/baseline"
	"github.com/designlint/designlint/internal/config"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/report/golden")

// goldenExt names each format's golden file.
var goldenExt = map[string]string{
	"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt", "junit": "xml", "markdown": "md",
}

// sharedRun builds the one run every format's golden file is printed
// from: a document with findings of every severity, one waived by a
// comment, one by its front matter (front_matter: allow) and one by the
// baseline, a front-matter setting without a reason, a baseline entry that
// no longer matches, and a file that does not exist. It runs from the
// repository root so that paths read as a user would see them.
func sharedRun(t *testing.T) (*report.Run, report.Options) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	cfg := rules.Config{Now: now}
	docs := config.Documents{Policy: config.FrontMatterAllow, Now: now}
	var files []report.File
	for _, p := range []string{"testdata/report/in/checkout.md", "testdata/report/in/missing.md"} {
		d, err := design.ReadFile(p, design.Options{})
		if err != nil {
			files = append(files, report.File{Path: p, Format: design.Markdown, Err: err})
			continue
		}
		files = append(files, report.File{Path: p, Format: d.Format, Report: docs.Lint(d, cfg)})
	}
	b, err := baseline.Load("testdata/report/baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	run := &report.Run{
		Tool:  report.Tool{Name: "designlint", Version: "1.2.3", URI: "https://github.com/designlint/designlint"},
		Files: files,
	}
	run.Fixed = b.Apply(files)
	return run, report.Options{Root: root, MaxRatio: rules.DefaultMaxRatio}
}

// TestGolden prints the shared run in every format and compares it with
// the reviewed output in testdata/report/golden (go test -update rewrites
// them; read the diff before committing it).
func TestGolden(t *testing.T) {
	run, opts := sharedRun(t)
	for _, f := range report.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			ext, ok := goldenExt[f.Name]
			if !ok {
				t.Fatalf("no golden file name for format %s", f.Name)
			}
			var buf bytes.Buffer
			if err := f.New(opts).Print(&buf, run); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join("testdata/report/golden", "checkout."+ext), buf.Bytes())
		})
	}
	t.Run("step summary", func(t *testing.T) {
		var buf bytes.Buffer
		if err := report.StepSummary(&buf, run, opts); err != nil {
			t.Fatal(err)
		}
		compareGolden(t, "testdata/report/golden/checkout.summary.md", buf.Bytes())
	})
}

// compareGolden compares output with a golden file, or rewrites it with
// -update.
func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test ./internal/report -run TestGolden -update and review the diff\n--- got\n%s", path, got)
	}
}
