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
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

// target is one document to lint: a file, or standard input, or a path
// that cannot be linted (err is set), which the reports show like a file
// that could not be read.
type target struct {
	path  string
	stdin bool
	err   error
	// walked marks a document found by a directory walk or by the
	// configuration's patterns, not named: one that turns out not to be
	// a design is passed over rather than linted.
	walked bool
	// group is the index of the path (or pattern set) it was found from.
	group int
}

// group is one command-line directory, or the configuration's files
// patterns: where a walk looked, so that a walk that found nothing to
// lint can say why.
type group struct {
	arg string
	// walk is set for a directory or the patterns; a named file is not
	// a walk.
	walk bool
	// patterns marks the walk of the configuration's files patterns.
	patterns bool
	// found counts the documents the walk found, excluded the ones the
	// configuration's patterns left out, by pattern.
	found    int
	excluded map[string]int
}

// discovery is what the paths on the command line came to.
type discovery struct {
	targets []target
	groups  []group
	// notes are files passed over on purpose (a symlink leading out of
	// the tree, a device, a path the configuration excludes).
	notes []string
	conf  *config.Config
}

// skippedDirs are never walked.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// walkedExt are the documents a directory walk picks up; JSON and YAML are
// linted only when named, since a tree holds many that are not designs.
var walkedExt = map[string]bool{".md": true, ".markdown": true, ".cue": true}

// walked picks the documents a directory walk lints.
func walked(path string) bool { return walkedExt[strings.ToLower(filepath.Ext(path))] }

// inputError is a path that cannot be linted.
func inputError(path, format string, args ...any) error {
	return &design.Error{Path: path, Msg: fmt.Sprintf(format, args...)}
}

// discoverGlobs finds the documents the configuration's files patterns
// name, walking the configuration's directory. Patterns that match
// nothing are a failure, never a silent pass.
func discoverGlobs(c *config.Config) *discovery {
	d := &discovery{conf: c}
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
	d.groups = append(d.groups, group{arg: c.Path, walk: true, patterns: true, excluded: map[string]int{}})
	d.walk(root, 0, pick, func(t target) { d.targets = append(d.targets, t) })
	return d
}

// discover turns command-line paths into documents, leaving out what the
// configuration excludes. designsOnly treats named files as a walk treats
// what it finds: one that is not a design is passed over.
func discover(args []string, c *config.Config, designsOnly bool) *discovery {
	d := &discovery{conf: c}
	seen := map[string]bool{}
	add := func(t target) {
		d.groups[t.group].found++
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
		gi := len(d.groups)
		d.groups = append(d.groups, group{arg: arg, excluded: map[string]int{}})
		if arg == "-" {
			add(target{path: "-", stdin: true, group: gi})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			add(target{path: arg, group: gi, err: inputError(arg, "%s", design.DescribeFileError(err))})
			continue
		}
		if pat := c.ExcludedBy(arg); pat != "" {
			d.notes = append(d.notes, fmt.Sprintf("skipping %s: excluded by %q in %s", arg, pat, c.Path))
			continue
		}
		switch {
		case st.IsDir():
			d.groups[gi].walk = true
			d.walk(arg, gi, walked, add)
		case st.Mode().IsRegular():
			if _, ok := design.FormatOf(arg); !ok {
				add(target{path: arg, group: gi, err: inputError(arg, "not a design document (designlint reads .md, .markdown, .cue, .json, .yaml and .yml)")})
				continue
			}
			add(target{path: arg, group: gi, walked: designsOnly})
		default:
			add(target{path: arg, group: gi, err: inputError(arg, "not a regular file")})
		}
	}
	return d
}

// walkDir is filepath.WalkDir; tests replace it to meet errors a root
// user cannot cause.
var walkDir = filepath.WalkDir

// walk finds documents under root, in lexical order. Symbolic links are
// followed only to files inside root; anything else that is not a regular
// file is passed over with a note. A directory that cannot be read is a
// failure: what it holds would otherwise go unlinted unseen.
func (d *discovery) walk(root string, gi int, pick func(string) bool, add func(target)) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = root
	}
	realRoot, _ = filepath.Abs(realRoot)
	var found []target
	_ = walkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			what := "cannot be read"
			if e != nil && e.IsDir() || path == root {
				what = "directory cannot be read"
			}
			found = append(found, target{path: path, group: gi, err: inputError(path, "%s: %s", what, design.DescribeFileError(err))})
			if e != nil && e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			if path == root {
				return nil
			}
			if skippedDirs[e.Name()] {
				return filepath.SkipDir
			}
			if pat := d.conf.ExcludedBy(path); pat != "" {
				d.groups[gi].excluded[pat]++
				return filepath.SkipDir
			}
			return nil
		}
		if !pick(path) || slices.Contains(config.Names, e.Name()) {
			return nil
		}
		if pat := d.conf.ExcludedBy(path); pat != "" {
			d.groups[gi].excluded[pat]++
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
		found = append(found, target{path: path, group: gi, walked: true})
		return nil
	})
	sort.SliceStable(found, func(i, j int) bool { return found[i].path < found[j].path })
	for _, t := range found {
		add(t)
	}
}

// within reports whether path is root or below it.
func within(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// settler turns the lint results of the targets, taken one at a time in
// the targets' order, into the files of the report: a document a walk
// found that is not a design is passed over (and listed), and a walk that
// found no design at all becomes a failure of its own at the end.
type settler struct {
	d         *discovery
	designs   []int
	nonDesign [][]string
	skipped   []string
}

func (d *discovery) settler() *settler {
	return &settler{d: d, designs: make([]int, len(d.groups)), nonDesign: make([][]string, len(d.groups))}
}

// take settles target i's result; it reports whether the file is one of
// the report's.
func (s *settler) take(i int, skip bool) bool {
	t := s.d.targets[i]
	if skip {
		s.nonDesign[t.group] = append(s.nonDesign[t.group], t.path)
		s.skipped = append(s.skipped, t.path)
		return false
	}
	s.designs[t.group]++
	return true
}

// finish returns the failures of walks that found no design, to follow
// the files taken, and the documents passed over.
func (s *settler) finish() (tail []report.File, skipped []string) {
	d := s.d
	for gi, g := range d.groups {
		if !g.walk || s.designs[gi] > 0 {
			continue
		}
		excluded := excludedText(g.excluded, d.conf.Path)
		switch {
		case len(s.nonDesign[gi]) > 0:
			if excluded != "" {
				excluded = "; others are " + excluded
			}
			n := len(s.nonDesign[gi])
			tail = append(tail, report.File{Path: g.arg, Err: inputError(g.arg, "%s: %s (%s)%s; --include-non-design lints them",
				d.noDesigns(g), rules.Plural(n, "document is not a design", "documents are not designs"), listSome(s.nonDesign[gi], 3), excluded)})
		case g.found == 0 && excluded != "":
			d.notes = append(d.notes, fmt.Sprintf("nothing to lint in %s: every document under it is %s", g.arg, excluded))
		case g.found == 0:
			tail = append(tail, report.File{Path: g.arg, Err: inputError(g.arg, "%s", d.noDesigns(g))})
		}
	}
	return tail, s.skipped
}

// noDesigns says what a walk looked for and did not find.
func (d *discovery) noDesigns(g group) string {
	if g.patterns {
		return fmt.Sprintf("the files patterns (%s) matched no design document", strings.Join(d.conf.Include, ", "))
	}
	return "no design documents found (looked for *.md, *.markdown and *.cue)"
}

// excludedText says which patterns left documents out of a walk.
func excludedText(byPattern map[string]int, configPath string) string {
	if len(byPattern) == 0 {
		return ""
	}
	var pats []string
	for p := range byPattern {
		pats = append(pats, fmt.Sprintf("%q", p))
	}
	sort.Strings(pats)
	return fmt.Sprintf("excluded by %s in %s", strings.Join(pats, ", "), configPath)
}

// listSome names the first n paths and says how many more there are.
func listSome(paths []string, n int) string {
	if len(paths) <= n {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:n], ", "), len(paths)-n)
}
