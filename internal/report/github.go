package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/designlint/designlint/rules"
)

// GitHub Actions reads workflow commands from a step's output:
// "::error file=f,line=3,col=4,title=t::message" becomes an annotation on
// the pull request. It shows at most ten annotations of each level per
// step, so the most severe come first, ten per level, then one notice says
// how many were left out. The step summary gets the short summary of
// StepSummary.

// maxAnnotations is how many annotations of one level GitHub shows a step.
const maxAnnotations = 10

// maxStepSummary is GitHub's limit on a step summary file.
const maxStepSummary = 1 << 20

type githubPrinter struct{ opts Options }

func newGitHub(o Options) Printer { return githubPrinter{opts: o} }

// EscapeData escapes a workflow command's message as the Actions toolkit
// does: % first, then CR and LF.
func EscapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// EscapeProperty escapes a property value: the message escapes, then the
// colon and comma that delimit properties.
func EscapeProperty(s string) string {
	s = EscapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}

// githubLevel maps severities to workflow command names.
func githubLevel(s rules.Severity) string { return levelWord(s, "notice") }

type annotation struct {
	sev                           rules.Severity
	file                          string
	line, col, endLine, endColumn int
	title, message                string
	order                         int
}

// command renders one annotation. Everything taken from a document was
// cleaned (no line breaks, no control characters) and is escaped here.
func (a annotation) command() string {
	var props []string
	add := func(k, v string) {
		if v != "" && v != "0" {
			props = append(props, k+"="+EscapeProperty(v))
		}
	}
	add("title", a.title)
	add("file", a.file)
	add("line", fmt.Sprint(a.line))
	add("endLine", fmt.Sprint(a.endLine))
	add("col", fmt.Sprint(a.col))
	add("endColumn", fmt.Sprint(a.endColumn))
	return "::" + githubLevel(a.sev) + " " + strings.Join(props, ",") + "::" + EscapeData(a.message)
}

func (p githubPrinter) Print(w io.Writer, run *Run) error {
	var anns []annotation
	for _, f := range run.Files {
		file := Clean(RelPath(p.opts.Root, f.Path))
		if f.Report == nil {
			msg := "could not read the file"
			if f.Err != nil {
				msg = f.Err.Error()
			}
			anns = append(anns, annotation{sev: rules.Error, file: file, title: "designlint", message: Clean(msg), order: len(anns)})
			continue
		}
		d := f.Report.Design
		for _, x := range f.Report.Findings {
			if x.Waived() {
				continue
			}
			a := annotation{
				sev: x.Severity, file: file, title: "designlint " + x.Rule, message: Clean(x.Message), order: len(anns),
				line: x.Span.Start.Line, col: d.RuneColumn(x.Span.Start.Line, x.Span.Start.Col),
			}
			if x.Span.End.Line > x.Span.Start.Line {
				a.endLine = x.Span.End.Line
			} else if x.Span.End.Line == x.Span.Start.Line && x.Span.End.Col > x.Span.Start.Col {
				a.endLine = x.Span.End.Line
				a.endColumn = d.RuneColumn(x.Span.End.Line, x.Span.End.Col)
			}
			anns = append(anns, a)
		}
	}
	sort.SliceStable(anns, func(i, j int) bool { return anns[i].sev > anns[j].sev })
	// The notice counting what is left out is itself a notice: when some
	// are left out, infos get one place fewer so that it is shown.
	limit := map[rules.Severity]int{rules.Error: maxAnnotations, rules.Warning: maxAnnotations, rules.Info: maxAnnotations}
	if countOver(anns, limit) > 0 {
		limit[rules.Info]--
	}
	left := countOver(anns, limit)
	bw := bufio.NewWriter(w)
	shown := map[rules.Severity]int{}
	for _, a := range anns {
		if shown[a.sev] >= limit[a.sev] {
			continue
		}
		shown[a.sev]++
		bw.WriteString(a.command())
		bw.WriteByte('\n')
	}
	if left > 0 {
		what := fmt.Sprintf("%d more findings are", left)
		if left == 1 {
			what = "1 more finding is"
		}
		bw.WriteString(annotation{sev: rules.Info, title: "designlint", message: fmt.Sprintf(
			"%s not shown as annotations (GitHub shows at most %d of each level per step); the full report (designlint lint --format markdown, or SARIF in code scanning) has all of them", what, maxAnnotations)}.command())
		bw.WriteByte('\n')
	}
	fmt.Fprintln(bw, SummaryLine(Count(run)))
	if err := bw.Flush(); err != nil {
		return err
	}
	if p.opts.StepSummary != "" {
		return appendStepSummary(p.opts.StepSummary, run, p.opts)
	}
	return nil
}

// countOver counts the annotations beyond each level's limit.
func countOver(anns []annotation, limit map[rules.Severity]int) int {
	n := map[rules.Severity]int{}
	over := 0
	for _, a := range anns {
		if n[a.sev]++; n[a.sev] > limit[a.sev] {
			over++
		}
	}
	return over
}

// appendStepSummary appends the short summary to the step summary file,
// within GitHub's 1 MiB limit for the file (which earlier steps share).
func appendStepSummary(path string, run *Run, o Options) error {
	var buf bytes.Buffer
	if err := StepSummary(&buf, run, o); err != nil {
		return err
	}
	used := int64(0)
	if st, err := os.Stat(path); err == nil {
		used = st.Size()
	}
	room := int64(maxStepSummary) - used - 256
	data := Guard(buf.Bytes(), false)
	if room <= 0 {
		return nil
	}
	if int64(len(data)) > room {
		cut := bytes.LastIndexByte(data[:room], '\n')
		if cut < 0 {
			cut = 0
		}
		kept := data[:cut:cut]
		data = append(kept, "\n\n_The summary was cut to fit GitHub's 1 MiB step summary._\n"...)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("writing the step summary: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing the step summary: %w", err)
	}
	return f.Close()
}
