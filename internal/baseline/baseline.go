// Package baseline lets a team adopt designlint on an existing tree of
// documents: "lint --write-baseline FILE" records today's findings, and
// "lint --baseline FILE" accepts exactly those, so only new findings fail
// the check. Entries are matched by file, rule and the element a finding
// is about (a component, a section, a figure), never by line, so editing
// another part of a document leaves them valid. Entries that no longer
// match anything are reported as fixed.
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

// Fixed returns the entries, for files of the run, that matched nothing.
func (m *Matcher) Fixed() []string {
	b := m.b
	var fixed []string
	for i, e := range b.entries {
		if m.used[i] {
			continue
		}
		ran, ok := m.checked[e.Path]
		if !ok {
			continue
		}
		// An entry for a rule that no longer exists can never match.
		if _, known := rules.Lookup(e.Rule); known && !ran[e.Rule] {
			continue
		}
		fixed = append(fixed, fmt.Sprintf("%s: %s: %s", b.display(e.Path), e.Rule, e.Message))
	}
	return fixed
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

// Write records every finding of the run that is not waived by a comment
// in the document, with paths relative to the baseline file's directory.
func Write(path string, files []report.File) (int, error) {
	dir := dirOf(path)
	out := File{Version: Version, Findings: []Entry{}}
	for _, f := range files {
		if f.Report == nil {
			continue
		}
		rel := relTo(dir, f.Path)
		for _, x := range f.Report.Findings {
			if x.Waiver != nil && x.Waiver.Kind != "baseline" {
				continue
			}
			out.Findings = append(out.Findings, Entry{Path: rel, Rule: x.Rule, Element: x.Element, Severity: x.Severity.String(), Message: x.Message})
		}
	}
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
		return 0, err
	}
	data = append(data, '\n')
	if err := outfile.Write(path, data); err != nil {
		return 0, fmt.Errorf("writing the baseline: %w", err)
	}
	return len(out.Findings), nil
}
