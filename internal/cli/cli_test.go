package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// run runs designlint in-process with the given terminal-ness and
// environment, returning exit code, standard output and standard error.
func run(t *testing.T, terminal bool, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, IO{In: strings.NewReader(""), Out: &out, Err: &errOut, OutIsTerminal: terminal,
		Getenv: func(k string) string { return env[k] }})
	return code, out.String(), errOut.String()
}

const flawed = "# Flawed\n\n## Summary\n\nA design with almost nothing in it.\n"

// A directory the walk cannot read is a failure, shown like a path that
// does not exist, not a note: its documents would go unlinted unseen. A
// root user reads every directory, so the test makes the walk meet the
// error.
func TestWalkUnreadableDirectory(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("docs/locked", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("docs/a.md", []byte(flawed), 0o644); err != nil {
		t.Fatal(err)
	}
	real := walkDir
	t.Cleanup(func() { walkDir = real })
	walkDir = func(root string, fn fs.WalkDirFunc) error {
		return real(root, func(path string, e fs.DirEntry, err error) error {
			if path == filepath.Join("docs", "locked") && err == nil {
				// What WalkDir does when ReadDir fails: call again with the
				// error.
				if r := fn(path, e, nil); r != nil {
					return r
				}
				return fn(path, e, &fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission})
			}
			return fn(path, e, err)
		})
	}
	for _, format := range []string{"text", "json", "sarif", "github", "junit", "markdown"} {
		code, out, errOut := run(t, false, nil, "lint", "-f", format, "--fail-on", "never", "docs")
		if code != exitFailure {
			t.Errorf("%s: exit %d, want %d", format, code, exitFailure)
		}
		if !strings.Contains(out, "docs/locked") || !strings.Contains(out, "directory cannot be read: permission denied") {
			t.Errorf("%s: the report does not show the unreadable directory:\n%s", format, out)
		}
		if format != "text" && !strings.Contains(errOut, "docs/locked: directory cannot be read: permission denied") {
			t.Errorf("%s: standard error does not name it: %q", format, errOut)
		}
		if !strings.Contains(out, "a.md") {
			t.Errorf("%s: the readable document is not reported:\n%s", format, out)
		}
	}
}

// Colour reaches a terminal, through the output guard, unless --no-color
// or NO_COLOR says otherwise, and never reaches a pipe.
func TestColour(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("d.md", []byte(flawed), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		terminal bool
		env      map[string]string
		args     []string
		colour   bool
	}{
		{true, nil, nil, true},
		{true, map[string]string{"NO_COLOR": "1"}, nil, false},
		{true, nil, []string{"--no-color"}, false},
		{false, nil, nil, false},
		{true, nil, []string{"-o", "report.txt"}, false},
	}
	for _, tt := range tests {
		_, out, _ := run(t, tt.terminal, tt.env, append([]string{"lint"}, append(tt.args, "d.md")...)...)
		if tt.args != nil && tt.args[0] == "-o" {
			b, _ := os.ReadFile("report.txt")
			out = string(b)
		}
		if got := strings.Contains(out, "\x1b[31m"); got != tt.colour {
			t.Errorf("terminal %v, env %v, args %v: colour %v, want %v:\n%q", tt.terminal, tt.env, tt.args, got, tt.colour, out)
		}
		if strings.Contains(out, "\x1b") && !tt.colour {
			t.Errorf("an escape sequence without colour: %q", out)
		}
	}
}

// The version comes from the release build's ldflags, else from what Go
// recorded: the module version of go install, the commit, its date and
// whether the tree was modified.
func TestBuildInfo(t *testing.T) {
	bi := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2026-11-27T10:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	if got, want := buildFrom("(devel)", "", "", bi).String(), "designlint (devel) (commit 0123456789ab, modified, 2026-11-27T10:00:00Z)"; got != want {
		t.Errorf("source build: %q, want %q", got, want)
	}
	installed := &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}
	if got, want := buildFrom("(devel)", "", "", installed).String(), "designlint v1.2.0"; got != want {
		t.Errorf("go install: %q, want %q", got, want)
	}
	if got, want := buildFrom("1.2.0", "abc1234", "2026-12-01T00:00:00Z", bi).String(), "designlint 1.2.0 (commit abc1234, 2026-12-01T00:00:00Z)"; got != want {
		t.Errorf("release: %q, want %q", got, want)
	}
	if got := buildFrom("(devel)", "", "", nil).String(); got != "designlint (devel)" {
		t.Errorf("no build info: %q", got)
	}
}

// Every command designlint defines shows examples in its help.
func TestEveryCommandHasExamples(t *testing.T) {
	io := IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	root := newRoot(&io)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Name() == "completion" || sub.Name() == "help" {
				continue
			}
			if strings.TrimSpace(sub.Example) == "" {
				t.Errorf("designlint %s has no examples", sub.Name())
			}
			walk(sub)
		}
	}
	walk(root)
	if len(root.Commands()) < 7 {
		t.Errorf("only %d commands", len(root.Commands()))
	}
}
