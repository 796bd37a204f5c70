package cli

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/baseline"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

// The formats that stream write, file by file, exactly what printing the
// whole run at once gives: the same bytes for many files, a file that
// cannot be read, a baseline with a fixed entry, and --quiet.
func TestStreamedReportIsTheWholeRun(t *testing.T) {
	t.Chdir(t.TempDir())
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	stdio := func(out, errOut *bytes.Buffer) IO {
		return IO{In: strings.NewReader(""), Out: out, Err: errOut, Now: func() time.Time { return now }}
	}
	var args []string
	for i := 0; i < 40; i++ {
		name := fmt.Sprintf("d%02d.md", i)
		src := fmt.Sprintf("# Doc %d\n\n## Architecture\n\n### Cache %d (Redis)\n\nOne node.\n\n## Estimates\n\n- DAU: %dM\n- Peak factor: 3x\n", i, i, i+1)
		if i%7 == 3 {
			src = "---\na: &a {b: 1, <<: *a}\n---\n# Broken\n"
		}
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	args = append(args, "missing.md")
	var out, errOut bytes.Buffer
	if code := Run(append([]string{"lint", "--write-baseline", "base.json"}, args[:5]...), stdio(&out, &errOut)); code != exitFailure {
		t.Fatalf("write-baseline: exit %d: %s", code, errOut.String())
	}
	// A fixed entry: d01.md's findings change.
	if err := os.WriteFile("d01.md", []byte("# Doc 1\n\n## Summary\n\nDone.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		format string
		quiet  bool
	}{{"text", false}, {"text", true}, {"json", false}, {"sarif", false}} {
		cmd := []string{"lint", "--format", c.format, "--baseline", "base.json"}
		if c.quiet {
			cmd = append(cmd, "--quiet")
		}
		out.Reset()
		errOut.Reset()
		Run(append(cmd, args...), stdio(&out, &errOut))

		// The same run, gathered and printed whole.
		found := discover(args, func(string) bool { return false })
		var files []report.File
		lintAll(found.targets, strings.NewReader(""), "", design.Options{}, rules.Config{Now: now, Settings: map[string]rules.Setting{}}, c.format == "sarif", func(f report.File) { files = append(files, f) })
		base, err := baseline.Load("base.json")
		if err != nil {
			t.Fatal(err)
		}
		run := &report.Run{Tool: toolInfo(), Files: files, Fixed: base.Apply(files)}
		f, _ := report.Lookup(c.format)
		var whole bytes.Buffer
		if err := f.New(report.Options{Root: repoRoot(), Quiet: c.quiet}).Print(&whole, run); err != nil {
			t.Fatal(err)
		}
		want := report.Guard(whole.Bytes(), false)
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s quiet=%v: streamed output differs from the whole run's\n--- streamed\n%s\n--- whole\n%s", c.format, c.quiet, out.String(), want)
		}
		if !strings.Contains(out.String(), "d39.md") || !strings.Contains(out.String()+errOut.String(), "missing.md") {
			t.Errorf("%s: files missing from the report", c.format)
		}
	}
}
