//go:build unix

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --output and --write-baseline refuse a symbolic link planted in the
// checkout under their name: the run fails with exit 2 and the link's
// target is untouched.
func TestOutputsRefuseSymlinks(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("d.md", []byte("# Feed\n\n## Summary\n\nA feed.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"report.sarif", "baseline.json"} {
		if err := os.Symlink(victim, name); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"lint", "--format", "sarif", "--output", "report.sarif", "d.md"},
		{"lint", "--write-baseline", "baseline.json", "d.md"},
	} {
		var out, errOut bytes.Buffer
		code := Run(args, IO{In: strings.NewReader(""), Out: &out, Err: &errOut})
		if code != exitFailure || !strings.Contains(errOut.String(), "is a symbolic link") {
			t.Errorf("%q: exit %d, %s", args, code, errOut.String())
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep" {
		t.Errorf("the link's target was overwritten: %q", b)
	}
}
