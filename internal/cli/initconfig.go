package cli

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/config"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

// folder is what a survey of a tree found in one directory.
type folder struct {
	designs, others int
	// exts are the extensions of its designs, for the files patterns.
	exts map[string]bool
}

// survey is what init --config learns about the tree it configures.
type survey struct {
	folders map[string]*folder // by slash path relative to the root; "." for the root
	counts  report.Counts
	failed  []string // documents that could not be read
}

// surveyTree reads every document a walk of root finds, tells designs from
// other documents, and lints the designs with the default settings.
func surveyTree(io *IO, root string) *survey {
	s := &survey{folders: map[string]*folder{}}
	found := discover([]string{root}, config.Default(root), false)
	var files []report.File
	for _, t := range found.targets {
		if t.err != nil {
			continue
		}
		d, err := design.ReadFile(t.path, design.Options{})
		rel, _ := filepath.Rel(root, t.path)
		rel = filepath.ToSlash(rel)
		if err != nil {
			s.failed = append(s.failed, rel)
			continue
		}
		dir := path.Dir(rel)
		f := s.folders[dir]
		if f == nil {
			f = &folder{exts: map[string]bool{}}
			s.folders[dir] = f
		}
		if !isDesign(d) {
			f.others++
			continue
		}
		f.designs++
		f.exts[strings.ToLower(path.Ext(rel))] = true
		files = append(files, report.File{Path: t.path, Report: rules.Run(d, rules.Config{Now: io.Now()})})
	}
	s.counts = report.Count(&report.Run{Files: files})
	return s
}

// designFolders are the smallest set of folders whose trees hold every
// design: a folder below another that is listed is covered by it. The root
// is never one: its designs are named one by one.
func (s *survey) designFolders() []string {
	var dirs []string
	for dir, f := range s.folders {
		if f.designs > 0 && dir != "." {
			dirs = append(dirs, dir)
		}
	}
	sort.Strings(dirs)
	var out []string
	for _, d := range dirs {
		if len(out) > 0 && (d == out[len(out)-1] || strings.HasPrefix(d, out[len(out)-1]+"/")) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// under sums the folders in a folder's tree.
func (s *survey) under(top string) folder {
	sum := folder{exts: map[string]bool{}}
	for dir, f := range s.folders {
		if dir == top || strings.HasPrefix(dir, top+"/") {
			sum.designs += f.designs
			sum.others += f.others
			for e := range f.exts {
				sum.exts[e] = true
			}
		}
	}
	return sum
}

// runInitConfig writes a commented configuration for the tree around the
// file, never over an existing one.
func runInitConfig(io *IO, g *globalOptions, file string) error {
	root := filepath.Dir(file)
	for _, n := range config.Names {
		if p := filepath.Join(root, n); fileExists(p) {
			return failure("%s already exists; designlint init never overwrites a configuration", p)
		}
	}
	s := surveyTree(io, root)
	text := s.configText()
	// The file must load as designlint's own configuration would.
	if _, err := config.Parse(file, []byte(text)); err != nil {
		return failure("internal error: the configuration written for this tree does not load: %v", err)
	}
	if err := createNew(file, text); err != nil {
		return err
	}
	if !g.quiet {
		fmt.Fprintf(io.Err, "designlint: wrote %s (%s in %s); read its comments, then run designlint lint\n",
			file, rules.Plural(s.counts.Files, "design", "designs"), rules.Plural(len(s.designFolders()), "folder", "folders"))
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// yamlQuote writes a string as a double-quoted YAML scalar.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// configText is the configuration, every choice explained in a comment.
func (s *survey) configText() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# designlint configuration, written by `designlint init --config` from the")
	w("# documents under this directory. The README's Configuration section")
	w("# explains every setting.")
	w("")
	w("# The rules start from a profile: recommended, strict, interview or minimal.")
	w("extends: recommended")
	w("")
	w("# The documents `designlint lint` checks when it is given no path, relative")
	w("# to this file; a pattern starting with ! excludes.")
	folders := s.designFolders()
	var patterns []string
	for _, dir := range folders {
		f := s.under(dir)
		w("#   %s: %s", dir, describeFolder(f))
		for _, e := range sortedKeys(f.exts) {
			patterns = append(patterns, dir+"/**/*"+e)
		}
	}
	if root := s.folders["."]; root != nil && root.designs > 0 {
		w("#   this directory: %s", describeFolder(*root))
		for _, e := range sortedKeys(root.exts) {
			patterns = append(patterns, "./*"+e)
		}
	}
	if len(patterns) == 0 {
		w("# No design was found here yet (`designlint init docs/design/first.md`")
		w("# starts one); until there is one, list the folders to lint:")
		w("# files:")
		w("#   - \"docs/design/**/*.md\"")
	} else {
		w("files:")
		for _, p := range patterns {
			w("  - %s", yamlQuote(p))
		}
	}
	var others []string
	for _, dir := range sortedKeys(s.folders) {
		f := s.folders[dir]
		if f.designs == 0 && f.others > 0 {
			name := dir
			if dir == "." {
				name = "this directory"
			}
			others = append(others, fmt.Sprintf("#   %s: %s", name, rules.Plural(f.others, "document", "documents")))
		}
	}
	if len(others) > 0 {
		w("#")
		w("# Documents without design sections (READMEs, changelogs, notes, ADRs)")
		w("# are not designs, and a walk passes them over; these folders hold only")
		w("# such documents:")
		for _, o := range others {
			w("%s", o)
		}
	}
	if len(s.failed) > 0 {
		w("#")
		w("# These could not be read (designlint lint says why): %s", listSome(s.failed, 5))
	}
	w("")
	w("# The lowest severity that fails the check: error, warning, info or never.")
	w("fail_on: error")
	w("")
	w("# A rule's severity (error, warning, info) or off, for every document:")
	w("# rules:")
	w("#   api-contract: off")
	w("#   single-point-of-failure: {severity: error, ignore_components: [\"Batch worker\"]}")
	if c := s.counts; c.Errors+c.Warnings+c.Infos > 0 {
		w("")
		w("# Today the designs here have %s.", report.SummaryLine(c))
		w("# To adopt designlint without fixing them all first, record them in a")
		w("# baseline, so that only new findings fail the check:")
		w("#   designlint lint --write-baseline .designlint-baseline.json")
		w("#   designlint lint --baseline .designlint-baseline.json    # in CI")
		w("# and, as documents are fixed, drop the fixed entries:")
		w("#   designlint lint --baseline .designlint-baseline.json --prune-baseline")
	}
	return b.String()
}

func describeFolder(f folder) string {
	s := rules.Plural(f.designs, "design", "designs")
	if f.others > 0 {
		s += fmt.Sprintf(" (and %s without design sections, passed over)", rules.Plural(f.others, "document", "documents"))
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
