package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/grade"
	"github.com/designlint/designlint/rules"
)

// PrintGrade writes a scorecard: for each step its budget and points, what
// was credited with its line and the words written there, what is
// missing, the lines designlint could not read, and what to do next; then
// the total.
func PrintGrade(w io.Writer, c *grade.Card) error {
	p := &printer{w: w}
	p.printf("Interview scorecard: %s\n", Clean(c.Path))
	if c.KindWhy != "" {
		p.printf("Graded as %s: %s\n", kindNoun(c.Kind), Clean(c.KindWhy))
	}
	p.printf("\n")
	src := newSourceText(c.Design)
	width := 0
	for i, s := range c.Steps {
		width = max(width, utf8.RuneCountInString(stepTitle(i, s)))
	}
	for i, s := range c.Steps {
		p.printf("%s  %-8s  %d/%d\n", pad(stepTitle(i, s), width), s.Budget, s.Points, s.Max)
		printStepDetail(p, src, s)
	}
	p.printf("\nTotal: %d/%d\n", c.Total, c.Max)
	return p.err
}

// printStepDetail writes a step's evidence, gaps, unread lines and hint,
// indented under it.
func printStepDetail(p *printer, src *sourceText, s grade.Step) {
	for _, g := range groupEvidence(s.Credited) {
		p.printf("   + %s\n", evidenceLine(src, g))
	}
	for _, m := range s.Missing {
		if m.Points > 0 {
			p.printf("   - %s (%s)\n", Clean(m.What), rules.Plural(m.Points, "point", "points"))
		} else {
			p.printf("   - %s\n", Clean(m.What))
		}
	}
	for _, u := range s.Unread {
		p.printf("   ? unread, %s (%s)\n", where(src, []grade.Evidence{u}), Clean(u.What))
	}
	if s.Hint != "" {
		p.printf("   next: %s\n", Clean(s.Hint))
	}
}

// stepTitle is "4. Estimates".
func stepTitle(i int, s grade.Step) string { return fmt.Sprintf("%d. %s", i+1, s.Title) }

// kindNoun names a kind of document in a sentence.
func kindNoun(k design.DocKind) string {
	switch k {
	case design.DocInterview:
		return "an interview answer"
	case design.DocDesign:
		return "a design"
	}
	return string(k)
}

// groupEvidence puts the evidence of the same part and kind together,
// in the order it came: "functional requirement ×4, lines 12–15".
func groupEvidence(ev []grade.Evidence) [][]grade.Evidence {
	var groups [][]grade.Evidence
	at := map[string]int{}
	for _, e := range ev {
		k := e.Part + "\x00" + e.What
		if i, ok := at[k]; ok {
			groups[i] = append(groups[i], e)
			continue
		}
		at[k] = len(groups)
		groups = append(groups, []grade.Evidence{e})
	}
	return groups
}

// evidenceLine writes a group of evidence: what it is, how many, where,
// and the first one's words.
func evidenceLine(src *sourceText, g []grade.Evidence) string {
	what := Clean(g[0].What)
	what += groupCount(g)
	if g[0].Span.Start.Line == 0 {
		return what + ": " + where(src, g)
	}
	return what + ", " + where(src, g)
}

// where writes the lines of a group of evidence and the first one's
// words: `line 3: "Design a service that …"`, or the words alone for
// what has no line.
func where(src *sourceText, g []grade.Evidence) string {
	q := evidenceQuote(src, g[0])
	var lines []int
	for _, e := range g {
		if l := e.Span.Start.Line; l > 0 && !slices.Contains(lines, l) {
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	switch len(lines) {
	case 0:
		return q
	case 1:
		return fmt.Sprintf("line %d: “%s”", lines[0], q)
	}
	return fmt.Sprintf("lines %s: “%s”", lineRanges(lines), q)
}

// evidenceQuote is what a piece of evidence quotes: its own words when it
// has them, else the line it is on as the author wrote it, else the
// model's text.
func evidenceQuote(src *sourceText, e grade.Evidence) string {
	if e.Quote != "" {
		return Clean(shortenRunes(e.Quote, quoteLimit))
	}
	if e.Span.Start.Line > 0 {
		sp := e.Span
		if sp.End.Line != sp.Start.Line {
			// An item over several lines: quoted from where it starts.
			sp.End = design.Pos{Line: sp.Start.Line, Col: sp.Start.Col + 1}
		}
		// A heading, or a field that opens a multi-line string, says less
		// than what was read there.
		q := src.quote(sp)
		opener := strings.HasPrefix(q, "#") && !strings.Contains(q, e.Text) || strings.HasSuffix(q, `"""`)
		if q != "" && (!opener || e.Text == "") {
			return q
		}
	}
	return Clean(shortenRunes(e.Text, quoteLimit))
}

// lineRanges writes line numbers as "3, 7–10, 14".
func lineRanges(lines []int) string {
	var parts []string
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && lines[j+1] == lines[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(lines[i]))
		default:
			parts = append(parts, fmt.Sprintf("%d–%d", lines[i], lines[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// shortenRunes cuts a text to n characters, with an ellipsis.
func shortenRunes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

// printer writes formatted text and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

type jsonCard struct {
	Version int        `json:"version"`
	Path    string     `json:"path"`
	Kind    string     `json:"kind"`
	Total   int        `json:"total"`
	Max     int        `json:"max"`
	Steps   []jsonStep `json:"steps"`
}

type jsonStep struct {
	Step     string         `json:"step"`
	Title    string         `json:"title"`
	Budget   string         `json:"budget"`
	Points   int            `json:"points"`
	Max      int            `json:"max"`
	Found    string         `json:"found"`
	Hint     string         `json:"hint"`
	Credited []jsonEvidence `json:"credited"`
	Missing  []jsonGap      `json:"missing"`
	Unread   []jsonEvidence `json:"unread"`
}

type jsonEvidence struct {
	Part  string `json:"part"`
	What  string `json:"what"`
	Line  int    `json:"line,omitempty"`
	Quote string `json:"quote"`
}

type jsonGap struct {
	Part   string `json:"part"`
	What   string `json:"what"`
	Points int    `json:"points"`
}

// PrintGradeJSON writes a scorecard as JSON, version 1.
func PrintGradeJSON(w io.Writer, c *grade.Card) error {
	src := newSourceText(c.Design)
	out := jsonCard{Version: 1, Path: Clean(c.Path), Kind: string(c.Kind), Total: c.Total, Max: c.Max, Steps: []jsonStep{}}
	evidence := func(ev []grade.Evidence) []jsonEvidence {
		out := []jsonEvidence{}
		for _, e := range ev {
			out = append(out, jsonEvidence{Part: e.Part, What: Clean(e.What), Line: e.Span.Start.Line, Quote: evidenceQuote(src, e)})
		}
		return out
	}
	for _, s := range c.Steps {
		js := jsonStep{Step: s.ID, Title: s.Title, Budget: s.Budget, Points: s.Points, Max: s.Max, Found: Clean(s.Found), Hint: Clean(s.Hint),
			Credited: evidence(s.Credited), Missing: []jsonGap{}, Unread: evidence(s.Unread)}
		for _, m := range s.Missing {
			js.Missing = append(js.Missing, jsonGap{Part: m.Part, What: Clean(m.What), Points: m.Points})
		}
		out.Steps = append(out.Steps, js)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// GradeSummary is the one-line result: "72/100".
func GradeSummary(c *grade.Card) string {
	return strconv.Itoa(c.Total) + "/" + strconv.Itoa(c.Max)
}

// PrintGradePlan writes the plan of a timed practice: each step's slot.
func PrintGradePlan(w io.Writer, plan []grade.Slot) error {
	if len(plan) == 0 {
		return nil
	}
	p := &printer{w: w}
	p.printf("Timed practice: %s, shared among the steps as the playbook's budgets are\n", clock(plan[len(plan)-1].End))
	width := 0
	for i, s := range plan {
		width = max(width, utf8.RuneCountInString(fmt.Sprintf("%d. %s", i+1, s.Step.Title)))
	}
	for i, s := range plan {
		p.printf("  %s  %s–%s\n", pad(fmt.Sprintf("%d. %s", i+1, s.Step.Title), width), clock(s.Start), clock(s.End))
	}
	return p.err
}

// PrintGradePace writes where the clock of a timed practice stands
// against the plan, and the steps left behind.
func PrintGradePace(w io.Writer, c *grade.Card, plan []grade.Slot, pace grade.Pace) error {
	p := &printer{w: w}
	if pace.Current < len(plan) {
		s := plan[pace.Current]
		p.printf("Clock: %s of %s; the plan is at %d. %s (%s–%s)\n", clock(pace.Elapsed), clock(pace.Total),
			pace.Current+1, s.Step.Title, clock(s.Start), clock(s.End))
	} else {
		p.printf("Clock: %s of %s; time is up\n", clock(pace.Elapsed), clock(pace.Total))
	}
	if len(pace.Behind) > 0 {
		var behind []string
		for _, i := range pace.Behind {
			s := c.Steps[i]
			behind = append(behind, fmt.Sprintf("%d. %s %d/%d (due %s)", i+1, s.Title, s.Points, s.Max, clock(plan[i].End)))
		}
		p.printf("Behind the plan: %s\n", strings.Join(behind, "; "))
	}
	return p.err
}

// PrintGradeChanges writes what changed between two grades of an answer:
// the total, and each step that moved with the evidence gained and lost,
// then what to do next.
func PrintGradeChanges(w io.Writer, c *grade.Card, ch grade.Changes, at string) error {
	p := &printer{w: w}
	src := newSourceText(c.Design)
	switch d := ch.After - ch.Before; {
	case d != 0:
		p.printf("--- %s saved: %d/%d → %d/%d (%+d)\n", at, ch.Before, c.Max, ch.After, c.Max, d)
	case len(ch.Steps) > 0:
		p.printf("--- %s saved: %d/%d, the same total\n", at, ch.After, c.Max)
	default:
		p.printf("--- %s saved: %d/%d, no change\n", at, ch.After, c.Max)
	}
	for _, sc := range ch.Steps {
		i := slices.IndexFunc(c.Steps, func(s grade.Step) bool { return s.ID == sc.Step.ID })
		line := fmt.Sprintf("%d. %s %d/%d", i+1, sc.Step.Title, sc.Step.Points, sc.Step.Max)
		if d := sc.Step.Points - sc.Before; d != 0 {
			line += fmt.Sprintf(" (%+d)", d)
		}
		p.printf("%s\n", line)
		for _, g := range groupEvidence(sc.Gained) {
			p.printf("   + %s\n", evidenceLine(src, g))
		}
		for _, g := range groupEvidence(sc.Lost) {
			p.printf("   no longer: %s\n", Clean(g[0].What)+groupCount(g)+": "+Clean(shortenRunes(g[0].Text, quoteLimit)))
		}
		for _, u := range sc.Step.Unread {
			p.printf("   ? unread, %s (%s)\n", where(src, []grade.Evidence{u}), Clean(u.What))
		}
	}
	for i, s := range c.Steps {
		if s.Hint != "" {
			p.printf("next: %d. %s: %s\n", i+1, s.Title, Clean(s.Hint))
			break
		}
	}
	return p.err
}

func groupCount(g []grade.Evidence) string {
	if len(g) == 1 {
		return ""
	}
	return fmt.Sprintf(" ×%d", len(g))
}

// clock writes a duration as a clock shows it: "4:05", "1:02:30".
func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
