// Package config reads designlint's configuration, .designlint.yaml or
// .designlint.cue, validates it against the embedded #Config schema and
// turns it into rule settings.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/cuecontext"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
	"github.com/designlint/designlint/rules"
	"github.com/designlint/designlint/schema"
)

// Names are the file names searched for, in order of preference.
var Names = []string{".designlint.yaml", ".designlint.yml", ".designlint.cue"}

// Config is a loaded configuration.
type Config struct {
	// Path is the file it came from; empty for the defaults.
	Path string
	// Dir is the directory glob patterns are relative to.
	Dir     string
	Extends string
	// Include and Exclude are the files patterns, split by their "!".
	Include, Exclude []string
	// FailOn is the configured threshold, empty when not set.
	FailOn string
	// FrontMatter is what documents' own rule settings may do: one of
	// FrontMatterAllow, FrontMatterReport and FrontMatterDeny.
	FrontMatter string
	// Kinds maps glob patterns to the document kind of the files they
	// match, in the order written.
	Kinds []KindPattern
	// Rules holds the settings of the rules the file names.
	Rules        map[string]rules.Setting
	MaxRatio     float64
	DaysPerMonth float64
}

// KindPattern gives the documents a glob matches a kind.
type KindPattern struct {
	Pattern string
	Kind    design.DocKind
}

// KindOf returns the kind the configuration gives a path, or "".
func (c *Config) KindOf(path string) design.DocKind {
	rel := c.rel(path)
	for _, k := range c.Kinds {
		if Match(k.Pattern, rel) {
			return k.Kind
		}
	}
	return ""
}

// Error is a configuration designlint cannot use, with where.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// The front_matter policies. Report is the default: a document cannot
// weaken the repository's rules unless the configuration allows it.
const (
	FrontMatterAllow  = "allow"
	FrontMatterReport = "report"
	FrontMatterDeny   = "deny"
)

// Default is the configuration when there is no file: the recommended
// profile.
func Default(dir string) *Config {
	return &Config{Dir: dir, Extends: "recommended", FrontMatter: FrontMatterReport, Rules: map[string]rules.Setting{}}
}

// Find returns the nearest configuration file in dir or its parents, or ""
// when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, n := range Names {
			p := filepath.Join(dir, n)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// maxConfigSize bounds a configuration file.
const maxConfigSize = 1 << 20

// Load reads and validates a configuration file.
func Load(path string) (*Config, error) {
	src, err := design.ReadBounded(path, maxConfigSize)
	if err != nil {
		var de *design.Error
		if errors.As(err, &de) {
			return nil, &Error{Path: path, Msg: de.Msg}
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return Parse(path, src)
}

// Parse validates a configuration held in memory; the name's extension
// says whether it is YAML or CUE.
func Parse(path string, src []byte) (*Config, error) {
	var f *ast.File
	var err error
	format := design.YAML
	switch strings.ToLower(filepath.Ext(path)) {
	case ".cue":
		format = design.CUE
		f, err = parser.ParseFile(path, src)
	default:
		if f, err = design.ExtractYAML(path, src); err != nil {
			return nil, yamlError(path, err)
		}
	}
	if err != nil {
		return nil, cueError(path, err, cue.Value{})
	}
	for _, check := range []func() error{
		func() error { return design.CheckCUE(path, f) },
		func() error { return design.CheckConfiguration(path, f, src, format) },
	} {
		if err := check(); err != nil {
			var de *design.Error
			if errors.As(err, &de) {
				return nil, &Error{Path: path, Line: de.Pos.Line, Col: de.Pos.Col, Msg: de.Msg}
			}
			return nil, &Error{Path: path, Msg: err.Error()}
		}
	}
	ctx := cuecontext.New()
	sv := ctx.CompileString(schema.Config, cue.Filename("schema/config.cue"))
	if err := sv.Err(); err != nil {
		panic("designlint: embedded schema/config.cue does not compile: " + err.Error())
	}
	v := ctx.BuildFile(f)
	if err := v.Err(); err != nil {
		return nil, cueError(path, err, v)
	}
	if k := v.IncompleteKind(); k != cue.StructKind {
		what := "not " + valueText(v)
		if k == cue.ListKind && bytes.Contains(src, []byte("\n---")) {
			what = "not several YAML documents"
		}
		e := errorAt(path, v.Pos(), "the configuration must be one mapping of settings (extends, files, fail_on, rules, front_matter, estimate), "+what)
		if e.Line == 0 {
			e.Line, e.Col = 1, 1
		}
		return nil, e
	}
	// A rule's settings are checked on their own first, so that a mistake
	// inside them is reported where it is, not as "none of the choices".
	if it, err := field(v, "rules").Fields(); err == nil {
		settings := sv.LookupPath(cue.MakePath(cue.Def("#RuleSettings")))
		for it.Next() {
			rv := it.Value()
			if rv.IncompleteKind() != cue.StructKind {
				continue
			}
			if err := rv.Unify(settings).Validate(cue.Concrete(true)); err != nil {
				return nil, cueError(path, err, v)
			}
		}
	}
	u := v.Unify(sv.LookupPath(cue.MakePath(cue.Def("#Config"))))
	if err := u.Validate(cue.Concrete(true)); err != nil {
		return nil, cueError(path, err, v)
	}
	abs, _ := filepath.Abs(path)
	c := &Config{Path: path, Dir: filepath.Dir(abs), Extends: "recommended", FrontMatter: FrontMatterReport, Rules: map[string]rules.Setting{}}
	if err := c.decode(path, v); err != nil {
		return nil, err
	}
	return c, nil
}

func errorAt(path string, p token.Pos, msg string) *Error {
	e := &Error{Path: path, Msg: msg}
	if p.IsValid() {
		e.Line, e.Col = p.Line(), p.Column()
	}
	return e
}

// cueError turns CUE's errors into one configuration error at its line,
// saying what is wrong in the configuration's own terms rather than the
// schema's (a disjunction's five conflicts become "want error, warning…").
func cueError(path string, err error, v cue.Value) error {
	errs := cueerrors.Errors(err)
	if len(errs) == 0 {
		return yamlError(path, err)
	}
	e := errs[0]
	for _, x := range errs {
		if f, _ := x.Msg(); strings.Contains(f, "not allowed") {
			e = x
			break
		}
	}
	keys := e.Path()
	for i, k := range keys {
		if uq, err := strconv.Unquote(k); err == nil {
			keys[i] = uq
		}
	}
	format, args := e.Msg()
	msg := fmt.Sprintf(format, args...)
	switch {
	case strings.Contains(msg, "not allowed"):
		msg = "unknown setting"
		switch {
		case len(keys) == 1:
			msg += " (the settings are extends, files, fail_on, rules, front_matter and estimate)"
		case len(keys) == 2 && keys[0] == "estimate":
			msg += " (estimate takes max_ratio and days_per_month)"
		case len(keys) == 3 && keys[0] == "rules":
			msg += " (a rule takes severity and ignore_components)"
		}
	case want(keys) != "":
		got := "this"
		if fv := lookup(v, keys); fv.Exists() {
			got = valueText(fv)
		}
		msg = got + " is not allowed: want " + want(keys)
	}
	if len(keys) > 0 {
		msg = strings.Join(keys, ".") + ": " + msg
	}
	var pos token.Pos
	for _, x := range errs {
		if x != e && !sameKeys(x.Path(), keys) {
			continue
		}
		for _, p := range cueerrors.Positions(x) {
			if p.Filename() == path {
				pos = p
				break
			}
		}
		if pos.IsValid() {
			break
		}
	}
	for n := len(keys); n > 0 && !pos.IsValid(); n-- {
		if fv := lookup(v, keys[:n]); fv.Exists() {
			pos = fv.Pos()
		}
	}
	return errorAt(path, pos, msg)
}

// valueText describes a value for a message on one line: a string or
// number as written (quoted, escapes shown), anything else by its kind.
func valueText(v cue.Value) string {
	switch v.IncompleteKind() {
	case cue.StringKind:
		if s, err := v.String(); err == nil {
			if len(s) > 60 {
				s = s[:60] + "…"
			}
			return strconv.Quote(s)
		}
	case cue.IntKind, cue.FloatKind, cue.NumberKind:
		if f, err := v.Float64(); err == nil {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
	case cue.BoolKind:
		if b, err := v.Bool(); err == nil {
			return strconv.FormatBool(b)
		}
	case cue.NullKind:
		return "null"
	case cue.ListKind:
		return "a list"
	case cue.StructKind:
		return "a mapping"
	}
	return "this value"
}

// want says what a setting accepts, for the settings whose schema is a
// choice or a bound.
func want(keys []string) string {
	switch {
	case len(keys) == 1 && keys[0] == "extends":
		return strings.Join(Profiles[:len(Profiles)-1], ", ") + " or " + Profiles[len(Profiles)-1]
	case len(keys) == 1 && keys[0] == "fail_on":
		return "error, warning, info or never"
	case len(keys) == 1 && keys[0] == "front_matter":
		return "allow, report or deny"
	case len(keys) == 1 && keys[0] == "files":
		return "a list of glob patterns"
	case len(keys) == 2 && keys[0] == "rules":
		return "error, warning, info, off, or a mapping with severity and ignore_components"
	case len(keys) == 3 && keys[0] == "rules" && keys[2] == "severity":
		return "error, warning, info or off"
	case len(keys) >= 3 && keys[0] == "rules" && keys[2] == "ignore_components":
		return "a list of component names"
	case len(keys) == 2 && keys[1] == "max_ratio":
		return "a number above 1"
	case len(keys) == 2 && keys[1] == "days_per_month":
		return "a number from 28 to 31"
	}
	return ""
}

func sameKeys(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

func lookup(v cue.Value, keys []string) cue.Value {
	if !v.Exists() {
		return v
	}
	sels := make([]cue.Selector, 0, len(keys))
	for _, k := range keys {
		sels = append(sels, cue.Str(k))
	}
	return v.LookupPath(cue.MakePath(sels...))
}

// yamlError places a YAML syntax error in the configuration file.
func yamlError(path string, err error) error {
	var ye *design.YAMLError
	if errors.As(err, &ye) {
		e := &Error{Path: path, Line: ye.Line, Msg: ye.Msg}
		if ye.Line > 0 {
			e.Col = 1
		}
		return e
	}
	return &Error{Path: path, Msg: err.Error()}
}

func field(v cue.Value, name string) cue.Value {
	return v.LookupPath(cue.MakePath(cue.Str(name)))
}

// decode reads a validated configuration.
func (c *Config) decode(path string, v cue.Value) error {
	if s, err := field(v, "extends").String(); err == nil {
		c.Extends = s
	}
	if s, err := field(v, "fail_on").String(); err == nil {
		c.FailOn = s
	}
	if s, err := field(v, "front_matter").String(); err == nil {
		c.FrontMatter = s
	}
	if it, err := field(v, "files").List(); err == nil {
		for it.Next() {
			s, _ := it.Value().String()
			if strings.HasPrefix(s, "!") {
				c.Exclude = append(c.Exclude, strings.TrimPrefix(s, "!"))
			} else if s != "" {
				c.Include = append(c.Include, s)
			}
		}
	}
	if it, err := field(v, "kinds").Fields(); err == nil {
		for it.Next() {
			s, _ := it.Value().String()
			if k, ok := design.ParseDocKind(s); ok {
				c.Kinds = append(c.Kinds, KindPattern{Pattern: it.Selector().Unquoted(), Kind: k})
			}
		}
	}
	est := field(v, "estimate")
	if f, err := field(est, "max_ratio").Float64(); err == nil {
		c.MaxRatio = f
	}
	if f, err := field(est, "days_per_month").Float64(); err == nil {
		c.DaysPerMonth = f
	}
	it, err := field(v, "rules").Fields()
	if err != nil {
		return nil
	}
	for it.Next() {
		// Rule ids are matched in any case.
		id := strings.ToLower(it.Selector().Unquoted())
		rv := it.Value()
		if _, ok := rules.Lookup(id); !ok {
			msg := fmt.Sprintf("rules: unknown rule %q", id)
			if s := rules.Suggest(id, rules.IDs()); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += " (designlint rules lists them)"
			}
			return errorAt(path, rv.Pos(), msg)
		}
		var set rules.Setting
		sev := rv
		if rv.IncompleteKind() == cue.StructKind {
			sev = field(rv, "severity")
			if l, err := field(rv, "ignore_components").List(); err == nil {
				for l.Next() {
					if s, err := l.Value().String(); err == nil {
						set.Options.IgnoreComponents = append(set.Options.IgnoreComponents, s)
					}
				}
			}
		}
		if sev.Exists() {
			text := "off"
			if s, err := sev.String(); err == nil {
				text = s
			}
			level, err := rules.ParseSeverity(text)
			if err != nil {
				return errorAt(path, sev.Pos(), err.Error())
			}
			set.Off, set.Severity = level == 0, level
		}
		c.Rules[id] = set
	}
	return nil
}

// Settings combines the profile with the file's own rule settings.
func (c *Config) Settings() map[string]rules.Setting {
	out := Profile(c.Extends)
	for id, s := range c.Rules {
		base := out[id]
		if s.Off || s.Severity != 0 {
			base.Off, base.Severity = s.Off, s.Severity
		}
		if len(s.Options.IgnoreComponents) > 0 {
			base.Options.IgnoreComponents = s.Options.IgnoreComponents
		}
		out[id] = base
	}
	return out
}

// Calendar is the estimator's calendar under this configuration.
func (c *Config) Calendar() estimate.Calendar {
	if c.DaysPerMonth > 0 {
		return estimate.Calendar{DaysPerMonth: c.DaysPerMonth}
	}
	return estimate.DefaultCalendar
}

// Profiles lists the profiles extends accepts.
var Profiles = []string{"recommended", "strict", "interview", "minimal"}

// minimalRules are the rules the minimal profile keeps: the requirements,
// estimates, failure plan, consistency and single points of failure, and
// the two rules about the input itself.
var minimalRules = map[string]bool{
	"functional-requirements": true, "nonfunctional-requirements": true, "estimates-present": true,
	"failure-plan": true, "consistency-justified": true, "single-point-of-failure": true,
	"schema": true, "suppression-reason": true,
}

// Profile returns the rule settings of a named profile:
//
//   - recommended: every rule at its default severity;
//   - strict: every rule one level up (info to warning, warning to error);
//   - interview: the interview steps all required, so api-contract and
//     summary become warnings;
//   - minimal: only the requirements, estimates-present, failure-plan,
//     consistency-justified and single-point-of-failure (and schema and
//     suppression-reason, which are about the input itself).
func Profile(name string) map[string]rules.Setting {
	out := map[string]rules.Setting{}
	for _, r := range rules.Registry() {
		switch name {
		case "strict":
			switch r.Severity {
			case rules.Info:
				out[r.ID] = rules.Setting{Severity: rules.Warning}
			case rules.Warning:
				out[r.ID] = rules.Setting{Severity: rules.Error}
			}
		case "interview":
			if r.ID == "api-contract" || r.ID == "summary" {
				out[r.ID] = rules.Setting{Severity: rules.Warning}
			}
		case "minimal":
			if !minimalRules[r.ID] {
				out[r.ID] = rules.Setting{Off: true}
			}
		}
	}
	return out
}

// Excluded reports whether the configuration excludes a path (relative to
// the working directory, or absolute).
func (c *Config) Excluded(path string) bool { return c.ExcludedBy(path) != "" }

// ExcludedBy returns the pattern, as written in the file ("!docs/old/**"),
// that excludes a path, or "" when none does.
func (c *Config) ExcludedBy(path string) string {
	rel := c.rel(path)
	for _, p := range c.Exclude {
		if Match(p, rel) {
			return "!" + p
		}
	}
	return ""
}

// Included reports whether a path matches the files patterns.
func (c *Config) Included(path string) bool { return matchAny(c.Include, c.rel(path)) }

func matchAny(patterns []string, rel string) bool {
	for _, p := range patterns {
		if Match(p, rel) {
			return true
		}
	}
	return false
}

func (c *Config) rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}
