package cli

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
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
		streamReports = false
		var whole, wholeErr bytes.Buffer
		Run(append(cmd, args...), stdio(&whole, &wholeErr))
		streamReports = true
		if !bytes.Equal(out.Bytes(), whole.Bytes()) || errOut.String() != wholeErr.String() {
			t.Errorf("%s quiet=%v: streamed output differs from the whole run's\n--- streamed\n%s%s\n--- whole\n%s%s", c.format, c.quiet, out.String(), errOut.String(), whole.String(), wholeErr.String())
		}
		if !strings.Contains(out.String(), "d39.md") || !strings.Contains(out.String()+errOut.String(), "missing.md") {
			t.Errorf("%s: files missing from the report", c.format)
		}
	}
}
