// Package baseline lets a team adopt designlint on an existing tree of
// documents: "lint --write-baseline FILE" records today's findings, and
// "lint --baseline FILE" accepts exactly those, so only new findings fail
// the check. Entries are matched by file, rule and the element a finding
// is about (a component, a section, a figure), never by line, so editing
// another part of a document leaves them valid. Entries that no longer
// match anything are reported as fixed, and Prune drops them without
// adding anything, so a baseline only ever shrinks unless someone
// deliberately records new findings with Update.
package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/outfile"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

// Version is the baseline file format's version.
const Version = 1

// File is a baseline as stored.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Message and Severity are kept for the
// reader and to pair entries with findings when one element has several;
// they are not required to match.
type Entry struct {
	Path     string `json:"path"`
	Rule     string `json:"rule"`
	Element  string `json:"element,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// Baseline is a loaded baseline file.
type Baseline struct {
	// Path is the file; entries' paths are relative to its directory.
	Path    string
	dir     string
	entries []Entry
	// After Apply: the entries that matched nothing in files that were
	// checked, and which (file, rule) pairs were checked.
	fixed   []bool
	checked map[string]map[string]bool
}

// maxSize bounds a baseline file.
const maxSize = 64 << 20

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	data, err := design.ReadBounded(path, maxSize)
	if err != nil {
		return nil, fmt.Errorf("baseline %w", err)
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a designlint baseline: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, want %d (write it again with --write-baseline)", path, f.Version, Version)
	}
	for i, e := range f.Findings {
		if e.Path == "" || e.Rule == "" {
			return nil, fmt.Errorf("baseline %s: entry %d has no path or rule", path, i+1)
		}
	}
	return &Baseline{Path: path, dir: dirOf(path), entries: f.Findings}, nil
}

func dirOf(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Dir(path)
	}
	return filepath.Dir(abs)
}

// relTo names a document relative to the baseline's directory, the same
// way wherever designlint is run from.
func relTo(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// key is what an entry and a finding must share to match.
type key struct{ path, rule, element string }

func entryKey(e Entry) key { return key{e.Path, e.Rule, elementOf(e.Element, e.Message)} }

// elementOf falls back to the message for the rare finding that names no
// element.
func elementOf(element, message string) string {
	if element != "" {
		return element
	}
	return "message:" + message
}

// Apply waives the run's findings that the baseline records and returns
// the entries that matched nothing, described for the report. Only
// entries for files in the run, and for rules that ran on them, can be
// unmatched: linting one file does not call the others fixed.
func (b *Baseline) Apply(files []report.File) []string {
	m := b.Matcher()
	for i := range files {
		m.File(&files[i])
	}
	return m.Fixed()
}

// Matcher applies the baseline to a run one file at a time, so that a
// run's report can be written as it goes: File for each file, then Fixed.
type Matcher struct {
	b       *Baseline
	pending map[key][]int
	used    []bool
	checked map[string]map[string]bool // path → rules that ran
	reason  string
}

// Matcher starts applying the baseline to a run.
func (b *Baseline) Matcher() *Matcher {
	m := &Matcher{
		b:       b,
		pending: map[key][]int{},
		used:    make([]bool, len(b.entries)),
		checked: map[string]map[string]bool{},
		reason:  "recorded in the baseline " + filepath.Base(b.Path),
	}
	for i, e := range b.entries {
		k := entryKey(e)
		m.pending[k] = append(m.pending[k], i)
	}
	return m
}

// File waives the findings of one file that the baseline records.
func (m *Matcher) File(f *report.File) {
	if f.Report == nil {
		return
	}
	b := m.b
	rel := relTo(b.dir, f.Path)
	ran := map[string]bool{}
	for _, id := range f.Report.Rules {
		ran[id] = true
	}
	m.checked[rel] = ran
	// Pair exact messages first, so that when an element has several
	// findings the one that changed is the one left unmatched.
	for pass := 0; pass < 2; pass++ {
		for xi := range f.Report.Findings {
			x := &f.Report.Findings[xi]
			if x.Waived() {
				continue
			}
			k := key{rel, x.Rule, elementOf(x.Element, x.Message)}
			for n, ei := range m.pending[k] {
				if m.used[ei] || (pass == 0 && b.entries[ei].Message != x.Message) {
					continue
				}
				m.used[ei] = true
				x.Waiver = &rules.Waiver{Kind: "baseline", Reason: m.reason}
				m.pending[k] = append(m.pending[k][:n:n], m.pending[k][n+1:]...)
				break
			}
		}
	}
}

// Fixed returns the entries, for files and rules the run checked, that
// matched nothing, and records them for Prune and Update.
func (m *Matcher) Fixed() []string {
	b := m.b
	var fixed []string
	b.fixed = make([]bool, len(b.entries))
	b.checked = m.checked
	for i, e := range b.entries {
		if m.used[i] || !b.judged(e) {
			continue
		}
		b.fixed[i] = true
		fixed = append(fixed, fmt.Sprintf("%s: %s: %s", b.display(e.Path), e.Rule, e.Message))
	}
	return fixed
}

// judged reports whether the run checked what an entry is about: its file,
// with its rule (an entry for a rule that no longer exists is always
// judged, since it can never match).
func (b *Baseline) judged(e Entry) bool {
	ran, ok := b.checked[e.Path]
	if !ok {
		return false
	}
	_, known := rules.Lookup(e.Rule)
	return !known || ran[e.Rule]
}

// Prune rewrites the baseline without the entries Apply found fixed and
// those whose document no longer exists. It adds nothing: a finding not
// yet in the baseline stays a finding. It returns how many entries were
// dropped and how many remain.
func (b *Baseline) Prune() (dropped, kept int, err error) {
	var out []Entry
	for i, e := range b.entries {
		if i < len(b.fixed) && b.fixed[i] || b.removed(e) {
			continue
		}
		out = append(out, e)
	}
	if err := save(b.Path, out); err != nil {
		return 0, 0, err
	}
	return len(b.entries) - len(out), len(out), nil
}

// removed reports whether an entry's document is gone from the tree.
func (b *Baseline) removed(e Entry) bool {
	_, err := os.Lstat(filepath.Join(b.dir, filepath.FromSlash(e.Path)))
	return os.IsNotExist(err)
}

// Update rewrites the baseline with the run's findings, new ones
// included, for the files and rules the run checked; entries about
// anything else are kept as they are. It returns the number of entries
// written.
func (b *Baseline) Update(files []report.File) (int, error) {
	out := entries(b.dir, files)
	for _, e := range b.entries {
		if !b.judged(e) && !b.removed(e) {
			out = append(out, e)
		}
	}
	return len(out), save(b.Path, out)
}

// display names an entry's file as the rest of the report does: relative
// to the working directory.
func (b *Baseline) display(rel string) string {
	abs := filepath.Join(b.dir, filepath.FromSlash(rel))
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, abs); err == nil {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(abs)
}

// Write records every finding of the run that is not waived by the
// document itself, with paths relative to the baseline file's directory.
func Write(path string, files []report.File) (int, error) {
	out := entries(dirOf(path), files)
	return len(out), save(path, out)
}

// entries are the baseline entries for the run's findings: all but those
// the document waives itself (a comment or its front matter), which
// carry their own reason.
func entries(dir string, files []report.File) []Entry {
	var out []Entry
	for _, f := range files {
		if f.Report == nil {
			continue
		}
		rel := relTo(dir, f.Path)
		for _, x := range f.Report.Findings {
			if x.Waiver != nil && x.Waiver.Kind != "baseline" {
				continue
			}
			out = append(out, Entry{Path: rel, Rule: x.Rule, Element: x.Element, Severity: x.Severity.String(), Message: x.Message})
		}
	}
	return out
}

// save writes entries sorted, so that the file diffs well.
func save(path string, entries []Entry) error {
	out := File{Version: Version, Findings: append([]Entry{}, entries...)}
	sort.SliceStable(out.Findings, func(i, j int) bool {
		a, b := out.Findings[i], out.Findings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Element != b.Element {
			return a.Element < b.Element
		}
		return a.Message < b.Message
	})
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if err := outfile.Write(path, data); err != nil {
		return fmt.Errorf("writing the baseline: %w", err)
	}
	return nil
}

// Same reports whether two names refer to one baseline file (the one in
// use and the one about to be written).
func Same(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	if abs, err := filepath.Abs(a); err == nil {
		if bbs, err := filepath.Abs(b); err == nil && abs == bbs {
			return true
		}
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
