package cli

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/designlint/designlint/rules"
)

// keepChanged narrows the run to the documents Git says changed since rev:
// committed since the point where the current branch left rev, or not yet
// committed, or new and untracked. Paths that cannot be linted stay, so a
// mistyped path still fails the run; standard input stays too.
func (d *discovery) keepChanged(rev string) error {
	changed, err := changedFiles(rev)
	if err != nil {
		return err
	}
	kept := d.targets[:0]
	unchanged := 0
	for _, t := range d.targets {
		if t.stdin || t.err != nil || changed[realPath(t.path)] {
			kept = append(kept, t)
			continue
		}
		unchanged++
	}
	d.targets = kept
	if unchanged > 0 {
		d.notes = append(d.notes, fmt.Sprintf("%s unchanged since %s not linted", rules.Plural(unchanged, "document", "documents"), rev))
	}
	return nil
}

// changedFiles returns the real paths of the files changed since rev, in
// the Git work tree holding the working directory.
func changedFiles(rev string) (map[string]bool, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("not a revision")
	}
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	if _, err := git("-C", root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("not a commit Git knows here (in a shallow clone, fetch it first)")
	}
	// Changes made on this branch only: from where it left rev. A shallow
	// clone may not know that point; rev itself is then the base (right
	// for the merge commit a pull-request checkout makes).
	base := rev
	if mb, err := git("-C", root, "merge-base", rev, "HEAD"); err == nil {
		base = strings.TrimSpace(string(mb))
	}
	diff, err := git("-C", root, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--diff-filter=d", base, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := git("-C", root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	realRoot := realPath(root)
	out := map[string]bool{}
	for _, list := range [][]byte{diff, untracked} {
		for _, p := range bytes.Split(list, []byte{0}) {
			if len(p) > 0 {
				out[filepath.Join(realRoot, filepath.FromSlash(string(p)))] = true
			}
		}
	}
	return out, nil
}

// git runs a Git command and returns its output, or an error carrying
// what Git said.
func git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return nil, fmt.Errorf("git %s: %s", args[len(args)-1], msg)
	}
	return out, nil
}

// realPath is a path made absolute with its symbolic links resolved, so
// that Git's paths and the walk's compare.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}
