package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/config"
)

// target is one document to lint: a file, or standard input.
type target struct {
	path  string
	stdin bool
}

// discovery is what the paths on the command line came to.
type discovery struct {
	targets []target
	// problems are paths that cannot be linted: missing, not a design
	// document, a directory without documents. Each makes the run exit 2.
	problems []error
	// notes are files passed over on purpose (a symlink leading out of
	// the tree, a device).
	notes []string
}

// skippedDirs are never walked.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// walkedExt are the documents a directory walk picks up; JSON and YAML are
// linted only when named, since a tree holds many that are not designs.
var walkedExt = map[string]bool{".md": true, ".markdown": true, ".cue": true}

// walked picks the documents a directory walk lints.
func walked(path string) bool { return walkedExt[strings.ToLower(filepath.Ext(path))] }

// discoverGlobs finds the documents the configuration's files patterns
// name, walking the configuration's directory. Patterns that match
// nothing are a failure, never a silent pass.
func discoverGlobs(c *config.Config) discovery {
	var d discovery
	root := c.Dir
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, c.Dir); err == nil {
			root = rel
		}
	}
	pick := func(path string) bool {
		_, ok := design.FormatOf(path)
		return ok && c.Included(path)
	}
	d.walk(root, c.Excluded, pick, func(t target) { d.targets = append(d.targets, t) })
	if len(d.targets) == 0 {
		d.problems = append(d.problems, fmt.Errorf("%s: the files patterns (%s) matched no design document", c.Path, strings.Join(c.Include, ", ")))
	}
	return d
}

// discover turns command-line paths into documents. excluded reports
// paths the configuration excludes.
func discover(args []string, excluded func(string) bool) discovery {
	var d discovery
	seen := map[string]bool{}
	add := func(t target) {
		key := t.path
		if !t.stdin {
			key = filepath.Clean(t.path)
		}
		if seen[key] {
			return
		}
		seen[key] = true
		d.targets = append(d.targets, t)
	}
	for _, arg := range args {
		if arg == "-" {
			add(target{path: "-", stdin: true})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			d.problems = append(d.problems, fmt.Errorf("%s: %s", arg, design.DescribeFileError(err)))
			continue
		}
		switch {
		case st.IsDir():
			n := len(d.targets)
			d.walk(arg, excluded, walked, add)
			if len(d.targets) == n {
				d.problems = append(d.problems, fmt.Errorf("%s: no design documents found (looked for *.md, *.markdown and *.cue)", arg))
			}
		case st.Mode().IsRegular():
			if _, ok := design.FormatOf(arg); !ok {
				d.problems = append(d.problems, fmt.Errorf("%s: not a design document (designlint reads .md, .markdown, .cue, .json, .yaml and .yml)", arg))
				continue
			}
			add(target{path: arg})
		default:
			d.problems = append(d.problems, fmt.Errorf("%s: not a regular file", arg))
		}
	}
	return d
}

// walk finds documents under root, in lexical order. Symbolic links are
// followed only to files inside root; anything else that is not a regular
// file is passed over with a note.
func (d *discovery) walk(root string, excluded, pick func(string) bool, add func(target)) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = root
	}
	realRoot, _ = filepath.Abs(realRoot)
	var found []string
	_ = filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			d.notes = append(d.notes, fmt.Sprintf("skipping %s: %s", path, design.DescribeFileError(err)))
			if e != nil && e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			if path != root && (skippedDirs[e.Name()] || excluded != nil && excluded(path)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !pick(path) || slices.Contains(config.Names, e.Name()) {
			return nil
		}
		if excluded != nil && excluded(path) {
			return nil
		}
		mode := e.Type()
		switch {
		case mode&fs.ModeSymlink != 0:
			real, err := filepath.EvalSymlinks(path)
			if err != nil {
				d.notes = append(d.notes, fmt.Sprintf("skipping %s: broken symbolic link", path))
				return nil
			}
			abs, _ := filepath.Abs(real)
			if !within(abs, realRoot) {
				d.notes = append(d.notes, fmt.Sprintf("skipping %s: symbolic link leading outside %s", path, root))
				return nil
			}
			st, err := os.Stat(real)
			if err != nil || !st.Mode().IsRegular() {
				d.notes = append(d.notes, fmt.Sprintf("skipping %s: not a regular file", path))
				return nil
			}
		case !mode.IsRegular():
			d.notes = append(d.notes, fmt.Sprintf("skipping %s: not a regular file", path))
			return nil
		}
		found = append(found, path)
		return nil
	})
	sort.Strings(found)
	for _, p := range found {
		add(target{path: p})
	}
}

// within reports whether path is root or below it.
func within(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
