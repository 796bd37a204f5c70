package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// The markdown format is for pull-request comments and GitHub step
// summaries: a table of findings, each document's estimate table, a
// Mermaid diagram of its components with single points of failure marked,
// and the waived findings listed as accepted risks. Everything taken from
// a document is cleaned and escaped, so it renders as text.

type markdownPrinter struct{ opts Options }

func newMarkdown(o Options) Printer { return markdownPrinter{opts: o} }

var severityIcon = map[rules.Severity]string{rules.Error: "🔴 error", rules.Warning: "🟡 warning", rules.Info: "🔵 info"}

func (p markdownPrinter) Print(w io.Writer, run *Run) error {
	var b bytes.Buffer
	c := Count(run)
	fmt.Fprintf(&b, "## designlint\n\n**%s**\n\n", SummaryLine(c))
	cell := func(s string) string { return escapeMarkdownCell(Clean(s)) }
	var rows []string
	var waived []string
	for _, f := range run.Files {
		path := RelPath(p.opts.Root, f.Path)
		if f.Report == nil {
			continue
		}
		for _, x := range f.Report.Findings {
			loc := fmt.Sprintf("%s:%d", cell(path), x.Span.Start.Line)
			if x.Waived() {
				waived = append(waived, fmt.Sprintf("| %s | `%s` | %s | %s |", loc, x.Rule, cell(x.Waiver.Reason), cell(x.Message)))
				continue
			}
			rows = append(rows, fmt.Sprintf("| %s | %s | `%s` | %s |", severityIcon[x.Severity], loc, x.Rule, cell(x.Message)))
		}
	}
	if len(rows) > 0 {
		b.WriteString("| severity | where | rule | finding |\n|---|---|---|---|\n")
		b.WriteString(strings.Join(rows, "\n"))
		b.WriteString("\n\n")
	}
	writeFailures(&b, run)
	for _, f := range run.Files {
		if f.Report == nil {
			continue
		}
		path := cell(RelPath(p.opts.Root, f.Path))
		if f.Report.Estimate != nil && len(f.Report.Estimate.Figures) > 0 {
			fmt.Fprintf(&b, "### Estimate: %s\n\n", path)
			if err := Table(&b, []string{"figure", "value", "formula", "inputs"}, EstimateRows(f.Report.Estimate), true); err != nil {
				return err
			}
			b.WriteString("\n")
		}
		if d := f.Report.Design; d != nil && len(d.Components) > 0 {
			fmt.Fprintf(&b, "### Components: %s\n\n", path)
			b.WriteString(componentDiagram(d, f.Report.Findings))
			b.WriteString("\n")
		}
	}
	if len(waived) > 0 {
		b.WriteString("### Accepted risks\n\nFindings waived by a `designlint-disable` comment, the document's front matter or the baseline; they do not fail the check.\n\n")
		b.WriteString("| where | rule | accepted because | finding |\n|---|---|---|---|\n")
		b.WriteString(strings.Join(waived, "\n"))
		b.WriteString("\n\n")
	}
	if len(run.Fixed) > 0 {
		b.WriteString("### Fixed since the baseline\n\n")
		for _, fx := range run.Fixed {
			b.WriteString("- " + escapeMarkdownCell(Clean(fx)) + "\n")
		}
		b.WriteString("\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

// failureItems are the paths designlint could not lint, as Markdown list
// items.
func failureItems(run *Run) []string {
	var lines []string
	for _, f := range run.Files {
		if f.Report == nil {
			where, what := Failure(f)
			lines = append(lines, fmt.Sprintf("- 🔴 %s: %s", escapeMarkdownCell(where), escapeMarkdownCell(what)))
		}
	}
	return lines
}

// writeFailures lists the paths designlint could not lint.
func writeFailures(b *bytes.Buffer, run *Run) {
	if lines := failureItems(run); len(lines) > 0 {
		fmt.Fprintf(b, "### Paths designlint could not lint\n\n%s\n\n", strings.Join(lines, "\n"))
	}
}

// componentDiagram draws a document's components as a Mermaid flowchart,
// dependencies as edges, with single points of failure marked.
func componentDiagram(d *design.Design, findings []rules.Finding) string {
	// spof maps a component to "open" or "accepted" (waived).
	spof := map[string]string{}
	for _, x := range findings {
		if x.Rule != rules.SinglePointOfFailure.ID {
			continue
		}
		name := strings.TrimPrefix(x.Element, "component:")
		if x.Waived() {
			if spof[name] == "" {
				spof[name] = "accepted"
			}
		} else {
			spof[name] = "open"
		}
	}
	const maxNodes = 60
	var b strings.Builder
	b.WriteString("```mermaid\nflowchart LR\n")
	id := map[string]string{}
	for i, c := range d.Components {
		if i == maxNodes {
			break
		}
		n := fmt.Sprintf("n%d", i)
		id[design.NameKey(c.Name)] = n
		label := mermaidText(c.Name)
		if c.Kind != "" {
			label += " · " + mermaidText(string(c.Kind))
		}
		switch spof[c.Name] {
		case "open":
			label += " · single point of failure"
		case "accepted":
			label += " · single point of failure (accepted)"
		}
		shape := "[\"%s\"]"
		if c.Kind == design.KindDatabase {
			shape = "[(\"%s\")]"
		}
		fmt.Fprintf(&b, "  %s"+shape+"\n", n, label)
	}
	for _, c := range d.Components {
		from, ok := id[design.NameKey(c.Name)]
		if !ok {
			continue
		}
		for _, dep := range c.DependsOn {
			if to, ok := id[design.NameKey(dep)]; ok {
				fmt.Fprintf(&b, "  %s --> %s\n", from, to)
			}
		}
	}
	marked := map[string][]string{}
	for _, c := range d.Components {
		if n, ok := id[design.NameKey(c.Name)]; ok && spof[c.Name] != "" {
			marked[spof[c.Name]] = append(marked[spof[c.Name]], n)
		}
	}
	if len(marked["open"]) > 0 {
		b.WriteString("  classDef spof fill:#fdd,stroke:#c00,stroke-width:2px\n")
		fmt.Fprintf(&b, "  class %s spof\n", strings.Join(marked["open"], ","))
	}
	if len(marked["accepted"]) > 0 {
		b.WriteString("  classDef accepted fill:#ffe,stroke:#c90,stroke-dasharray:4 2\n")
		fmt.Fprintf(&b, "  class %s accepted\n", strings.Join(marked["accepted"], ","))
	}
	b.WriteString("```\n")
	return b.String()
}

// mermaidText keeps a label inert inside a Mermaid node and its code
// fence: no quotes, brackets, backticks or markup.
func mermaidText(s string) string {
	s = Clean(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '`', '[', ']', '(', ')', '{', '}', '<', '>', '|', ';', '#':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
