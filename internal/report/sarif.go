package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/designlint/designlint/rules"
)

// SARIF 2.1.0, as plain structs: only what designlint fills in, so the
// output stays small and every field present means something.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

// sarifRun is the run; its results are written one at a time
// (jsonArray), so the struct holds the marker in their place, and the
// invocation, which says which files could not be read, comes after them.
type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Results     []json.RawMessage `json:"results"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

type sarifPrinter struct {
	opts    Options
	driver  sarifDriver
	index   map[string]int // rule id → index in driver.Rules
	inv     sarifInvocation
	results jsonArray
}

func newSARIF(o Options) Printer { return &sarifPrinter{opts: o} }

// sarifLevel maps severities to SARIF levels.
func sarifLevel(s rules.Severity) string { return levelWord(s, "note") }

// ruleName turns "single-point-of-failure" into "SinglePointOfFailure".
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// sarifRuleName is the rule's id in PascalCase, led by its category when
// the id is one word: SARIF wants a name that differs from the id.
func sarifRuleName(r *rules.Rule) string {
	name := ruleName(r.ID)
	if strings.EqualFold(name, r.ID) {
		name = ruleName(string(r.Category)) + name
	}
	return name
}

// RelPath makes a path relative to the repository root, slash-separated,
// for SARIF and GitHub annotations.
func RelPath(root, path string) string {
	if root == "" {
		return filepath.ToSlash(filepath.Clean(path))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || outside(rel) {
		return filepath.ToSlash(filepath.Clean(path))
	}
	return filepath.ToSlash(rel)
}

// outside reports whether a relative path leads out of its base.
func outside(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// artifact locates a file for SARIF: a URI relative to %SRCROOT% (the
// repository root) when the file is inside it, else an absolute file URI
// (which code scanning ignores, as it should: the file is not in the
// repository).
func (p *sarifPrinter) artifact(path string) sarifArtifact {
	if p.opts.Root != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if rel, err := filepath.Rel(p.opts.Root, abs); err == nil && !outside(rel) {
				return sarifArtifact{URI: sarifURI(filepath.ToSlash(rel)), URIBaseID: "%SRCROOT%"}
			}
			return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()}
		}
	}
	return sarifArtifact{URI: sarifURI(filepath.ToSlash(filepath.Clean(path))), URIBaseID: "%SRCROOT%"}
}

// sarifURI writes a slash-separated path as a relative URI reference:
// each segment percent-encoded (a space, %, #, ?, a colon that would read
// as a scheme, non-ASCII and control characters), the slashes kept.
func sarifURI(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(url.PathEscape(p), ":", "%3A")
	}
	return strings.Join(parts, "/")
}

// Fingerprint identifies a finding by file, rule and the element it is
// about — not by line, so that edits elsewhere in the document leave it
// unchanged. Baselines and SARIF's partialFingerprints both use it.
func Fingerprint(path string, f rules.Finding) string {
	key := f.Element
	if key == "" {
		key = f.Message
	}
	sum := sha256.Sum256([]byte(path + "\x00" + f.Rule + "\x00" + key))
	return hex.EncodeToString(sum[:16])
}

func (p *sarifPrinter) Print(w io.Writer, run *Run) error { return printStreamed(p, w, run) }

func (p *sarifPrinter) log() sarifLog {
	return sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: p.driver},
			Results:     []json.RawMessage{arrayMarkerRaw},
			Invocations: []sarifInvocation{p.inv},
			ColumnKind:  "unicodeCodePoints",
		}},
	}
}

// Begin writes the log up to its results: the tool and every rule.
func (p *sarifPrinter) Begin(w io.Writer, t Tool) error {
	all := rules.Registry()
	p.index = map[string]int{}
	p.driver = sarifDriver{Name: t.Name, InformationURI: t.URI, Rules: []sarifRule{}}
	// SARIF expects a numeric version; a development build has none, and
	// says so in a pre-release suffix.
	p.driver.Version = "0.0.0-devel"
	if v := strings.TrimPrefix(t.Version, "v"); v != "" && v[0] >= '0' && v[0] <= '9' {
		p.driver.Version = v
	}
	if p.driver.InformationURI == "" {
		p.driver.InformationURI = "https://github.com/designlint/designlint"
	}
	for i, r := range all {
		p.index[r.ID] = i
		p.driver.Rules = append(p.driver.Rules, sarifRule{
			ID:                   r.ID,
			Name:                 sarifRuleName(r),
			ShortDescription:     sarifText{Text: r.Summary},
			FullDescription:      sarifText{Text: paragraphText(r.Doc.Why)},
			Help:                 sarifHelp{Text: r.HelpText(), Markdown: r.HelpMarkdown()},
			HelpURI:              r.HelpURI(),
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
			Properties:           map[string]any{"category": string(r.Category), "tags": []string{"design", string(r.Category)}},
		})
	}
	p.inv = sarifInvocation{ExecutionSuccessful: true}
	return p.results.open(w, p.log())
}

// File writes a file's results, or notes that it could not be read.
func (p *sarifPrinter) File(w io.Writer, f File) error {
	art := p.artifact(f.Path)
	uri := art.URI
	if f.Report == nil {
		p.inv.ExecutionSuccessful = false
		msg := "could not read the file"
		if f.Err != nil {
			msg = Clean(f.Err.Error())
		}
		p.inv.ToolExecutionNotifications = append(p.inv.ToolExecutionNotifications, sarifNotification{
			Level:     "error",
			Message:   sarifText{Text: msg},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: art}}},
		})
		return nil
	}
	d := f.Report.Design
	seen := map[string]int{}
	for _, x := range f.Report.Findings {
		idx, ok := p.index[x.Rule]
		if !ok {
			continue
		}
		reg := &sarifRegion{
			StartLine:   max(1, x.Span.Start.Line),
			StartColumn: max(1, d.RuneColumn(x.Span.Start.Line, x.Span.Start.Col)),
		}
		if x.Span.End.Line > x.Span.Start.Line || x.Span.End.Line == x.Span.Start.Line && x.Span.End.Col > x.Span.Start.Col {
			reg.EndLine = x.Span.End.Line
			reg.EndColumn = max(1, d.RuneColumn(x.Span.End.Line, x.Span.End.Col))
			if reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
				reg.EndColumn = reg.StartColumn
			}
		}
		res := sarifResult{
			RuleID:              x.Rule,
			RuleIndex:           idx,
			Level:               sarifLevel(x.Severity),
			Message:             sarifText{Text: Clean(x.Message)},
			Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: art, Region: reg}}},
			PartialFingerprints: map[string]string{"designlint/v1": uniqueFingerprint(seen, Fingerprint(uri, x))},
		}
		if x.Waiver != nil {
			kind := "inSource"
			if x.Waiver.Kind == "baseline" {
				kind = "external"
			}
			res.Suppressions = []sarifSuppression{{Kind: kind, Justification: Clean(x.Waiver.Reason)}}
		}
		if err := p.results.element(w, res); err != nil {
			return err
		}
	}
	return nil
}

// End writes the rest of the log: the invocation, with the files that
// could not be read.
func (p *sarifPrinter) End(w io.Writer, _ Summary) error {
	return p.results.close(w, p.log())
}

// uniqueFingerprint keeps fingerprints distinct within a file: two
// findings about the same element (two identical directives, say) get an
// ordinal after the first, so code scanning tracks them as two alerts.
func uniqueFingerprint(seen map[string]int, fp string) string {
	seen[fp]++
	if n := seen[fp]; n > 1 {
		return fmt.Sprintf("%s:%d", fp, n)
	}
	return fp
}

// paragraphText joins a doc field's lines.
func paragraphText(s string) string { return strings.Join(strings.Fields(s), " ") }
