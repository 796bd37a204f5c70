package design

import (
	"slices"
	"strings"

	"github.com/designlint/designlint/design/english"
	"github.com/designlint/designlint/estimate"
)

// This file turns what the reader of design English finds in a Markdown
// document into the model's assumptions and declared figures: every figure
// with its rank and place, the strongest of each name chosen, and the
// numbers that were not used listed with why.

// Figure is a figure the document states, as read: its canonical name and
// value, whether it is a claim the document derives, and whether it was
// the one used for its name.
type Figure struct {
	Value
	// Claim marks a figure the document derives (a result), rather than an
	// input it starts from.
	Claim bool
	// Rank orders competing statements of one name: a fenced block beats a
	// labelled line, which beats a sentence; a parenthetical aside, a
	// hypothetical or a maximum rank lower.
	Rank int
	// Used is set on the figure the model takes for its name; Why says
	// why another was not used.
	Used bool
	Why  string
	// Scope is the index of the design the figure belongs to in a
	// document that works out several (Design.Scopes); 0 otherwise, and
	// -1 for a figure outside every design.
	Scope int

	premise bool
	horizon float64
	order   int
	// within lists the lines of the headings above the figure, outermost
	// first.
	within []int
}

// Unread is a number in an estimates section that designlint did not use,
// with the reason.
type Unread struct {
	Text string
	Span Span
	Why  string
}

// Equation is a calculation written out in the text, kept for the
// arithmetic check.
type Equation struct {
	Text string
	Span Span
	calc english.Equation
	// result names the figure the calculation comes to, when the reader
	// named it; factors are what it multiplies.
	result  string
	resultQ estimate.Quantity
	// resultFig is the index in Design.Figures of the figure the
	// calculation comes to, or -1.
	resultFig int
	// unnamed is the result when the reader named none, and activity
	// what the words around it count ("read", "write", "request").
	unnamed  *eqFactor
	activity string
	factors  []eqFactor
	scopeAt  []int // the heading lines above it
}

// eqFactor is a figure a written calculation multiplies or divides by.
type eqFactor struct {
	q      estimate.Quantity
	text   string
	span   Span
	divide bool
	// plain marks a number without unit or scale (24, 3600, 365): a
	// constant of time or of units.
	plain bool
	// noUnit marks a figure written with no unit word ("20k/s").
	noUnit bool
}

// Check evaluates the calculation; see english.Equation.Check.
func (e Equation) Check(maxRatio float64) (english.Mismatch, bool) {
	return e.calc.Check(maxRatio)
}

func (o Options) calendar() estimate.Calendar {
	if o.Calendar.DaysPerMonth == 0 {
		return estimate.DefaultCalendar
	}
	return o.Calendar
}

// parseQuantity reads a whole value ("2KB", "about 10M", "99.9%").
func (o Options) parseQuantity(s string, want estimate.Dim) (estimate.Quantity, error) {
	return english.ParseQuantity(s, want, o.calendar())
}

// mayHoldFigure is a quick test before a text is read for figures: a digit
// or a number word.
func mayHoldFigure(t string) bool {
	if hasDigit(t) {
		return true
	}
	if len(t) > 2000 {
		return false
	}
	// one pass: at each byte, only the hints that start with it
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		for _, w := range hintsByFirst[c] {
			if len(t)-i >= len(w) && strings.EqualFold(t[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// hintsByFirst groups numberWordHints by their first byte.
var hintsByFirst = func() (m [256][]string) {
	for _, w := range numberWordHints {
		m[w[0]] = append(m[w[0]], w)
	}
	return m
}()

// hasDigit reports a decimal digit in t.
func hasDigit(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// mayCalculate is a quick test for a calculation: a relation between its
// sides ("=", "≈", "→", "~", a LaTeX command, or a colon after figures).
func mayCalculate(t string) bool {
	return strings.ContainsAny(t, "=≈→~≃∼\\:") || strings.Contains(t, "->")
}

var numberWordHints = []string{"illion", "thousand", "dozen", "twice", "double", "nines", "half", "quarter", "tenth",
	"one ", "two ", "three", "four", "five", "six ", "seven", "eight", "nine ", "ten ", "twelve", "twenty", "hundred", "once"}

// whereOf tells the figure reader what kind of section a text stands in.
func whereOf(kind SectionKind) english.Where {
	switch kind {
	case SectionEstimates:
		return english.InEstimates
	case SectionNonFunctional, SectionRequirements:
		return english.InRequirements
	case SectionFunctional, SectionProblem:
		return english.InFunctional
	}
	return english.Elsewhere
}

// readFigures reads the figures and calculations of a text. label is the
// label the text is the value of (a table row's name), when the caller
// split one off.
func (r *mdReader) readFigures(f *flat, t string, kind SectionKind, parent, label string) {
	r.readText(f, t, kind, parent, label, true)
}

// readEquations reads only the calculations of a text (a heading's).
func (r *mdReader) readEquations(f *flat, t string) {
	r.readText(f, t, "", "", "", false)
}

func (r *mdReader) readText(f *flat, t string, kind SectionKind, parent, label string, figures bool) {
	values := readsValues(kind)
	unnamed := kind == "" && r.cur != r.top
	if values || unnamed {
		if !mayHoldFigure(t) {
			return
		}
	} else if !hasDigit(t) || r.cur.component() == nil && !mayCalculate(t) {
		// Elsewhere only calculations are read (and a component's own
		// queue figures): a figure needs a digit, a calculation a
		// relation.
		return
	}
	rank := english.RankSentence
	if kind != SectionEstimates {
		rank -= 10
	}
	// A section whose heading names nothing ("## Analysis") is read too,
	// its figures ranking below those of any named section; if it states
	// the load, it is the estimates (see closeFrame).
	if unnamed {
		values = true
	}
	where := whereOf(kind)
	if unnamed {
		// read as estimates are, its figures ranking lower
		where = english.InEstimates
	}
	ctx := english.Context{
		Label:    label,
		Parent:   lastAncestor(parent),
		Where:    where,
		Calendar: r.opts.calendar(),
		Rank:     rank,
	}
	if r.cur != nil {
		ctx.Heading = r.cur.title
	}
	rd := english.ReadFigures(labelLines(f, t), ctx)
	firstFig := len(r.d.Figures)
	// "3 × 12 × 200M × 30 = 216 B" multiplies no size: the result
	// counts billions, and the size read from it is dropped.
	var dropped map[int]bool
	for _, eq := range rd.Equations {
		if _, res, ok := eq.Factors(); ok && res.Dim == estimate.Count {
			for k, fg := range rd.Figures {
				if fg.Claim && fg.Quantity.Dim == estimate.Bytes && fg.Start < res.End && res.Start < fg.End {
					if dropped == nil {
						dropped = map[int]bool{}
					}
					dropped[k] = true
				}
			}
		}
	}
	index := func(k int) int {
		n := firstFig + k
		for j := range dropped {
			if j < k {
				n--
			}
		}
		return n
	}
	for _, eq := range rd.Equations {
		e := Equation{Text: eq.Text(), Span: r.textSpan(f, eq.Start, eq.End), calc: eq, resultFig: -1}
		if fs, res, ok := eq.Factors(); ok && figures && values {
			for k, fg := range rd.Figures {
				if fg.Claim && fg.Start < res.End && res.Start < fg.End && !dropped[k] {
					e.result, e.resultQ, e.resultFig = fg.Name, fg.Quantity, index(k)
				}
			}
			if e.result == "" {
				// an unnamed result may be named from its factors
				e.unnamed = &eqFactor{q: res.Quantity, text: t[res.Start:res.End], span: r.textSpan(f, res.Start, res.End), noUnit: res.Unit == ""}
				for _, sk := range rd.Skipped {
					if sk.Start < res.End && res.Start < sk.End {
						e.activity = sk.Activity
					}
				}
			}
			for _, fa := range fs {
				e.factors = append(e.factors, eqFactor{q: fa.Quantity, text: t[fa.Start:fa.End], span: r.textSpan(f, fa.Start, fa.End),
					divide: fa.Divide, plain: fa.Unit == "" && !fa.Scaled && !fa.HasPer && fa.Dim == estimate.Count})
			}
			e.scopeAt = r.headingLines()
		}
		r.d.Equations = append(r.d.Equations, e)
	}
	if !figures {
		return
	}
	comp := r.cur.component()
	for k, fg := range rd.Figures {
		if dropped[k] {
			if values {
				r.d.Unread = append(r.d.Unread, Unread{Text: t[fg.Start:fg.End], Span: r.textSpan(f, fg.Start, fg.End),
					Why: "a count in billions, not a size: the calculation multiplies no size"})
			}
			continue
		}
		switch {
		case values:
			if unnamed {
				fg.Rank -= 20
				if n, _ := estimate.Lookup(fg.Name); !n.Derived || n.PerDay {
					r.cur.inputs++
				}
			}
			r.addFigure(fg, t[fg.Start:fg.End], r.textSpan(f, fg.Start, fg.End))
		case comp != nil && isQueueFigure(fg.Name):
			// "Consumers: 12" under the queue's own heading
			r.queueFigures = append(r.queueFigures, queueFigure{comp: comp, name: fg.Name, rank: fg.Rank,
				value: Value{Name: fg.Name, Quantity: fg.Quantity, Text: t[fg.Start:fg.End], Span: r.textSpan(f, fg.Start, fg.End)}})
		}
	}
	if !values {
		return
	}
	if kind == SectionEstimates {
		for _, sk := range rd.Skipped {
			sp := r.textSpan(f, sk.Start, sk.End)
			r.d.Unread = append(r.d.Unread, Unread{Text: t[sk.Start:sk.End], Span: sp, Why: sk.Why})
			if sk.Name != "" && sk.Labelled {
				// "DAU: 10 GB": the label names a figure the value
				// cannot be.
				r.d.Issues = append(r.d.Issues, Issue{
					Rule:    "unreadable-figure",
					Message: "cannot read " + sk.Name + " from " + quoteText(t[sk.Start:sk.End]) + ": " + sk.Why + "; write the figure with the unit it needs",
					Span:    sp,
					Element: "figure:" + sk.Name,
				})
			}
		}
	}
}

// addFigure records a figure the English reader found.
func (r *mdReader) addFigure(fg english.Figure, text string, sp Span) {
	r.d.Figures = append(r.d.Figures, Figure{
		Value:   Value{Name: fg.Name, Quantity: fg.Quantity, Text: text, Span: sp},
		Claim:   fg.Claim,
		Rank:    fg.Rank,
		premise: fg.Premise,
		horizon: fg.Horizon,
		order:   len(r.d.Figures),
		within:  r.headingLines(),
	})
	if isQueueFigure(fg.Name) {
		r.queueFigures = append(r.queueFigures, queueFigure{
			subject: queueSubject(fg.Subject),
			comp:    r.cur.component(),
			name:    fg.Name,
			rank:    fg.Rank,
			value:   Value{Name: fg.Name, Quantity: fg.Quantity, Text: text, Span: sp, AtPeak: fg.AtPeak},
		})
	}
}

// queueSubject is what a label names before a queue figure: "transcode
// queue" in "Transcode queue arrival rate".
func queueSubject(label string) string {
	l := normalizeLabel(label)
	for _, suffix := range []string{"arrival rate", "service rate", "consumer rate", "producer rate", "enqueue rate",
		"processing rate", "service rate per consumer", "consumers", "consumer count"} {
		if strings.HasSuffix(l, " "+suffix) {
			s := strings.TrimSpace(strings.TrimSuffix(l, suffix))
			return strings.TrimPrefix(s, "number of ")
		}
	}
	return ""
}

// normalizeLabel folds a label: lower case, "/" read as "per", punctuation
// dropped.
func normalizeLabel(s string) string {
	s = strings.ReplaceAll(s, "/", " per ")
	s = strings.ReplaceAll(s, ":", " ")
	s = strings.ReplaceAll(s, "-", " ")
	return normalizeHeading(s)
}

// tableFigures reads the figures of a table: each cell after the first is
// read with the row's name and its column's header as its label; a row
// that ends in a calculation and its result is an equation.
func (r *mdReader) tableFigures(cols []string, header []*flat, rows [][]*flat, kind SectionKind) {
	if len(cols) > 0 && isComponentColumn(cols[0]) && !workedColumns(cols[1:]) {
		return
	}
	for _, c := range cols {
		// A table of pros and cons argues; its numbers are examples.
		if c == "pros" || c == "cons" || c == "advantages" || c == "disadvantages" {
			return
		}
	}
	// A two-column table's header row is a name and a value too.
	if len(header) == 2 && strings.ContainsAny(header[1].String(), "0123456789") && !strings.ContainsAny(header[0].String(), "0123456789") {
		r.readFigures(header[1], header[1].String(), kind, "", header[0].String())
	}
	rowContext := ""
	if len(cols) > 0 && !genericColumn(cols[0]) {
		rowContext = header[0].String()
	}
	for _, row := range rows {
		if len(row) == 0 {
			continue
		}
		name := strings.TrimSpace(row[0].String())
		// "| Memory per shard | 10M × 50B / 10 shards | 50 MB/shard |":
		// the last two cells are a calculation and its result.
		if n := len(row); n >= 3 {
			calc, res := row[n-2].String(), row[n-1].String()
			if isCalculation(calc) && strings.ContainsAny(res, "0123456789") && !isCalculation(res) {
				r.readEquationCells(row[n-2], row[n-1], kind, name)
				continue
			}
		}
		for j := 1; j < len(row); j++ {
			cell := row[j].String()
			if !mayHoldFigure(cell) {
				continue
			}
			// the row's name last, where a label's head noun stands
			// ("Measure" + "Paste reads": reads are counted)
			label := rowContext
			if j < len(header) && !genericColumn(cols[j]) {
				label += " " + header[j].String()
			}
			label = strings.TrimSpace(label + " " + name)
			r.readFigures(row[j], cell, kind, "", label)
		}
	}
}

// readEquationCells reads a calculation cell and its result cell as one
// equation, naming the result by the row.
func (r *mdReader) readEquationCells(calc, res *flat, kind SectionKind, name string) {
	joined := &flat{start: calc.start}
	joined.marks = append(joined.marks, calc.marks...)
	joined.b.WriteString(calc.String())
	joined.addString(" = ", calc.src(max(calc.Len()-1, 0)))
	for _, m := range res.marks {
		joined.marks = append(joined.marks, mark{textOff: m.textOff + joined.b.Len(), srcOff: m.srcOff})
	}
	joined.b.WriteString(res.String())
	r.readFigures(joined, joined.String(), kind, "", name)
}

// isCalculation reports a cell that computes: figures joined by an
// operator.
func isCalculation(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	return strings.ContainsAny(s, "×*/÷+") || strings.Contains(s, " x ") || strings.Contains(s, `\times`)
}

// genericColumn reports a column header that says nothing about what its
// cells hold ("Value", "Estimate", "Metric").
func genericColumn(c string) bool {
	switch c {
	case "", "value", "values", "estimate", "estimates", "estimation", "result", "results", "amount", "figure",
		"figures", "number", "metric", "metrics", "item", "items", "assumption", "assumptions", "type", "name",
		"parameter", "quantity", "count", "notes", "note", "comment", "comments", "description", "calculation",
		"formula", "math", "how", "why", "source", "category", "dimension", "aspect", "key", "field":
		return true
	}
	return false
}

// workedColumns reports columns that work figures out ("Calculation",
// "Result"): a table of them estimates, whatever its first column says.
func workedColumns(cols []string) bool {
	for _, c := range cols {
		switch c {
		case "calculation", "calculations", "result", "results", "formula", "math", "estimate", "estimates", "estimation":
			return true
		}
	}
	return false
}

// isComponentColumn reports a table of components, whose replica counts are
// not replication factors.
func isComponentColumn(c string) bool {
	switch c {
	case "component", "components", "service", "services", "node", "nodes", "tier", "layer", "store", "database", "system", "module":
		return true
	}
	return false
}

// literalFigure records a figure of a fenced block: it outranks prose.
func (r *mdReader) literalFigure(name string, q estimate.Quantity, text string, sp Span) {
	n, _ := estimate.Lookup(name)
	r.d.Figures = append(r.d.Figures, Figure{
		Value:  Value{Name: name, Quantity: q, Text: text, Span: sp},
		Claim:  n.Derived,
		Rank:   english.RankBlock,
		order:  len(r.d.Figures),
		within: r.headingLines(),
	})
}

// headingLines lists the lines of the open headings, outermost first.
func (r *mdReader) headingLines() []int {
	var out []int
	for fr := r.cur; fr != nil && fr != r.top; fr = fr.parent {
		out = append(out, fr.span.Start.Line)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// resolveFigures picks, for each name, the strongest figure: the highest
// rank, and the first among equals. Figures set by a structured block
// through CUE stay. A day's volume the document takes as its premise is an
// input unless the document also gives what it is computed from.
//
// labelLines returns t with its soft line breaks restored when its lines
// are labelled figures ("Users: 100M⏎DAU: 10M⏎Searches / user: 10"), so
// that each line is read on its own; a sentence wrapped over lines is
// returned as it is.
func labelLines(f *flat, t string) string {
	if len(f.soft) == 0 {
		return t
	}
	labelled, lines := 0, 0
	isLabel := func(s string) bool {
		s = strings.TrimSpace(s)
		i := strings.IndexAny(s, ":=")
		return i > 0 && i <= 40 && strings.ContainsAny(s[i:], "0123456789")
	}
	from := 0
	for _, at := range append(f.soft, len(t)) {
		if at > len(t) || at < from {
			continue
		}
		lines++
		if isLabel(t[from:at]) {
			labelled++
		}
		from = at + 1
	}
	if lines < 2 || labelled*2 < lines {
		return t
	}
	b := []byte(t)
	for _, at := range f.soft {
		if at < len(b) && b[at] == ' ' {
			b[at] = '\n'
		}
	}
	return string(b)
}

// RankOperand is the rank of a figure named as the operand of a written
// calculation: any statement of it outright beats it.
const RankOperand = 15

// timeConstants are the numbers a calculation writes to convert between
// periods and units.
var timeConstants = map[float64]bool{
	24: true, 60: true, 3600: true, 86400: true, 1440: true, 365: true, 30: true, 12: true, 7: true,
	1000: true, 1024: true, 8: true, 100: true, 86.4: true, 31536000: true, 2592000: true,
}

// nameOperands names the figures a written calculation multiplies, from
// the figure it comes to: in "1B × 30 bytes = 30 GB/day" (storage a day,
// which is writes a day × write size) 1B is the writes a day and 30 bytes
// the write size. A factor is named only when one assignment of the
// factors to the formula's inputs fits them all: their units, and the
// figures the document states elsewhere.
func (r *mdReader) nameOperands() {
	// In a document that works out several designs, a calculation is
	// named from the figures of its own design only.
	roots := r.scopeRoots()
	scopeOf := func(within []int) int {
		if len(roots) < 2 {
			return 0
		}
		for j, root := range roots {
			if slices.Contains(within, root.line) {
				return j
			}
		}
		return -1
	}
	type figureSets struct{ known, inEstimates, inDocument map[string][]float64 }
	sets := map[int]*figureSets{}
	setOf := func(s int) *figureSets {
		if sets[s] == nil {
			sets[s] = &figureSets{map[string][]float64{}, map[string][]float64{}, map[string][]float64{}}
		}
		return sets[s]
	}
	for _, f := range r.d.Figures {
		fs := setOf(scopeOf(f.within))
		fs.known[f.Name] = append(fs.known[f.Name], f.Quantity.Value)
		fs.inDocument[f.Name] = append(fs.inDocument[f.Name], f.Quantity.Value)
		if f.Rank >= english.RankSentence {
			fs.inEstimates[f.Name] = append(fs.inEstimates[f.Name], f.Quantity.Value)
		}
	}
	// known grows as operands are named; inEstimates are the figures
	// stated where the estimates are, inDocument all that the design
	// states. They are those of the calculation's design.
	var known, inEstimates, inDocument map[string][]float64
	matches := func(name string, q estimate.Quantity) (coerced estimate.Quantity, ok, same bool) {
		n, found := estimate.Lookup(name)
		if !found {
			return q, false, false
		}
		c, err := n.Coerce(q)
		if err != nil {
			return q, false, false
		}
		// A figure the document states anchors the assignment; one named
		// from another calculation's operands only does not contradict it.
		if statedAs(inDocument, name, c.Value) {
			return c, true, true
		}
		if statedAs(known, name, c.Value) {
			return c, true, false
		}
		_, stated := known[name]
		return c, !stated, false
	}
	for _, e := range r.d.Equations {
		if len(e.factors) == 0 || e.result == "" && e.unnamed == nil {
			continue
		}
		cur := setOf(scopeOf(e.scopeAt))
		known, inEstimates, inDocument = cur.known, cur.inEstimates, cur.inDocument
		if peak, ok := peakVariant[e.result]; ok && e.resultFig >= 0 {
			// "5 KB × 85 QPS = 425 KB/s" where 85 is the peak the document
			// states: the bandwidth at peak
			for _, f := range e.factors {
				if statedAs(inEstimates, peak.tps, f.q.Value) && !statedAs(inEstimates, peak.avg, f.q.Value) {
					r.d.Figures[e.resultFig].AtPeak = true
					// its operands are those of the bandwidth at peak
					e.result = peak.name
					break
				}
			}
		}
		var fs []eqFactor
		for _, f := range e.factors {
			if f.plain && timeConstants[f.q.Value] {
				continue
			}
			if f.divide {
				// a division other than by a constant of time has no
				// factor list here
				fs = nil
				break
			}
			fs = append(fs, f)
		}
		if len(fs) == 0 {
			continue
		}
		var found []operandPick
		if e.result != "" {
			found = r.assignOperands(e, fs, matches).pick()
		} else {
			// "2M × 300 KB = 600 GB" with no name for 600 GB: the result
			// is named when exactly one derived figure, of the kind the
			// words around it count, fits its factors.
			// A conversion ("1 request per second = 2.6M a month")
			// names nothing, nor a bare count whose words say not what
			// it counts.
			if len(e.factors) < 2 {
				continue
			}
			// "40 × 500 bytes = 20k/s": a result written without a unit
			// is of the size its factors multiply
			if e.unnamed.noUnit && (e.unnamed.q.Dim == estimate.Count || e.unnamed.q.Dim == estimate.Rate) && bytesFactors(fs) == 1 {
				u := *e.unnamed
				u.q.Dim = map[estimate.Dim]estimate.Dim{estimate.Count: estimate.Bytes, estimate.Rate: estimate.ByteRate}[u.q.Dim]
				e.unnamed = &u
			}
			if e.activity == "" && e.unnamed.q.Dim == estimate.Count {
				continue
			}
			var ways operandWays
			var named, namedAnchored Equation
			for _, try := range resultCandidates(e) {
				w := r.assignOperands(try, fs, matches)
				if w.n > 0 {
					named = try
				}
				if w.anchoredN > 0 {
					namedAnchored = try
				}
				ways.add(w)
			}
			if found = ways.pick(); found != nil {
				if ways.n != 1 {
					named = namedAnchored
				}
				e = named
				r.d.Figures = append(r.d.Figures, Figure{
					Value:  Value{Name: e.result, Quantity: e.resultQ, Text: e.unnamed.text, Span: e.unnamed.span},
					Claim:  true,
					Rank:   RankOperand,
					order:  len(r.d.Figures),
					within: e.scopeAt,
				})
				r.dropUnread(e.unnamed.span)
			}
		}
		if found == nil {
			// No reading fits the stated inputs: a named result may be
			// worked out from another of the document's figures.
			if e.result != "" && r.ownBasis(e, fs, inDocument) {
				r.d.ownBasis = append(r.d.ownBasis, Value{Name: e.result, Quantity: e.resultQ, Text: e.Text, Span: e.Span})
			}
			continue
		}
		for i, p := range found {
			if p.same {
				continue
			}
			r.d.Figures = append(r.d.Figures, Figure{
				Value:  Value{Name: p.name, Quantity: p.q, Text: fs[i].text, Span: fs[i].span},
				Rank:   RankOperand,
				order:  len(r.d.Figures),
				within: e.scopeAt,
			})
			known[p.name] = append(known[p.name], p.q.Value)
		}
	}
}

// operandPick is a factor of a calculation named as one of its formula's
// inputs; same marks a figure the document states elsewhere.
type operandPick struct {
	name string
	q    estimate.Quantity
	same bool
}

// ownBasis reports a calculation whose factors are figures the document
// states, one of them under another name than the formula's input of its
// dimension (the requests a day where the formula takes the writes), and
// that comes to its result.
func (r *mdReader) ownBasis(e Equation, fs []eqFactor, stated map[string][]float64) bool {
	for _, inputs := range estimate.Factors(e.result) {
		if len(inputs) != len(fs) {
			continue
		}
		for _, perm := range permutations(len(fs)) {
			other, fits := false, true
			values := map[string]estimate.Quantity{}
			for i, f := range fs {
				name := inputs[perm[i]]
				n, _ := estimate.Lookup(name)
				c, err := n.Coerce(f.q)
				if err != nil {
					fits = false
					break
				}
				values[name] = c
				if statedAs(stated, name, c.Value) {
					continue
				}
				if _, ok := stated[name]; !ok || !statedElsewhere(stated, name, n, c.Value) {
					fits = false
					break
				}
				other = true
			}
			if fits && other && r.reproduces(e, "", func(yield func(string, estimate.Quantity)) {
				for n, q := range values {
					yield(n, q)
				}
			}) {
				return true
			}
		}
	}
	return false
}

// statedElsewhere reports a value the document states under another name
// of the same kind as name (a count a day, a size…).
func statedElsewhere(stated map[string][]float64, name string, n estimate.Name, v float64) bool {
	for other := range stated {
		if other == name {
			continue
		}
		m, ok := estimate.Lookup(other)
		if ok && m.Dim == n.Dim && m.PerDay == n.PerDay && statedAs(stated, other, v) {
			return true
		}
	}
	return false
}

// resultCandidates lists the namings an unnamed result may take: each
// derived figure a written calculation computes, of the kind the words
// around it count, that its value can be.
func resultCandidates(e Equation) []Equation {
	var out []Equation
	for _, name := range estimate.FactorResults() {
		n, _ := estimate.Lookup(name)
		c, err := n.Coerce(e.unnamed.q)
		if err != nil || !activityFits(e.activity, name) {
			continue
		}
		try := e
		try.result, try.resultQ = name, c
		out = append(out, try)
	}
	return out
}

// operandWays counts the assignments of a calculation's factors that fit,
// and those among them that a figure stated elsewhere anchors.
type operandWays struct {
	n, anchoredN       int
	last, lastAnchored []operandPick
}

func (w *operandWays) add(o operandWays) {
	w.n += o.n
	w.anchoredN += o.anchoredN
	if o.last != nil {
		w.last = o.last
	}
	if o.lastAnchored != nil {
		w.lastAnchored = o.lastAnchored
	}
}

// pick returns the one assignment that fits, or failing that the one a
// stated figure anchors ("40 × 500 bytes" where 40 is the stated write
// rate: the average bandwidth, not the peak's), or nil.
func (w operandWays) pick() []operandPick {
	switch {
	case w.n == 1:
		return w.last
	case w.anchoredN == 1:
		return w.lastAnchored
	}
	return nil
}

// assignOperands tries every assignment of a calculation's factors to
// the inputs of each formula of its result.
func (r *mdReader) assignOperands(e Equation, fs []eqFactor, matches func(string, estimate.Quantity) (estimate.Quantity, bool, bool)) (ways operandWays) {
	for _, inputs := range estimate.Factors(e.result) {
		if len(inputs) != len(fs) {
			continue
		}
		for _, perm := range permutations(len(fs)) {
			var got []operandPick
			fits, anchored := true, false
			for i, f := range fs {
				name := inputs[perm[i]]
				c, ok, same := matches(name, f.q)
				if !ok {
					fits = false
					break
				}
				anchored = anchored || same
				got = append(got, operandPick{name, c, same})
			}
			// Units alone fix the assignment when one factor has a unit
			// the others cannot have; otherwise a figure stated elsewhere
			// must anchor it.
			if fits && (anchored || len(fs) == 1 || distinctDims(fs)) && r.reproduces(e, got[0].name, func(yield func(string, estimate.Quantity)) {
				for _, p := range got {
					yield(p.name, p.q)
				}
			}) {
				ways.n++
				ways.last = got
				if anchored {
					ways.anchoredN++
					ways.lastAnchored = got
				}
			}
		}
	}
	return ways
}

// bytesFactors counts the factors that are sizes.
func bytesFactors(fs []eqFactor) int {
	n := 0
	for _, f := range fs {
		if f.q.Dim == estimate.Bytes {
			n++
		}
	}
	return n
}

// activityFits reports whether a derived figure counts what the words
// around an unnamed result count ("read", "write", "request" or "").
func activityFits(activity, name string) bool {
	reads := strings.Contains(name, "read") || name == "egress_bandwidth" || name == "peak_egress_bandwidth" || name == "cache_memory"
	writes := strings.Contains(name, "write") || strings.HasPrefix(name, "storage") || strings.Contains(name, "ingress")
	switch activity {
	case "read":
		return reads
	case "write":
		return writes
	case "request":
		return !reads && !writes
	}
	return true
}

// dropUnread removes the unread entry over a span: the figure was named
// after all.
func (r *mdReader) dropUnread(sp Span) {
	less := func(a, b Pos) bool { return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col }
	for i, u := range r.d.Unread {
		if less(u.Span.Start, sp.End) && less(sp.Start, u.Span.End) {
			r.d.Unread = append(r.d.Unread[:i], r.d.Unread[i+1:]...)
			return
		}
	}
}

// reproduces reports whether the estimator, given the named factors,
// comes to the calculation's result: the naming reads the calculation as
// the author meant it ("100m / (30 × 24 × 3600)" divides a month's worth,
// not a day's).
func (r *mdReader) reproduces(e Equation, _ string, named func(func(string, estimate.Quantity))) bool {
	in := estimate.Inputs{Assumed: map[string]estimate.Quantity{}, Calendar: r.opts.calendar()}
	product, plain := 1.0, true
	named(func(n string, q estimate.Quantity) {
		in.Assumed[n] = q
		product *= q.Value
		plain = plain && q.Dim != estimate.Duration
	})
	if plain && len(in.Assumed) >= 2 && estimate.Disagreement(product, e.resultQ.Value) <= 1.5 {
		// a plain product that comes to the result: what the estimator
		// would derive too, without deriving everything else
		return true
	}
	got, ok := estimate.Derive(in).Value(e.result)
	if !ok {
		// a formula the estimator reaches another way ("avg_write_tps ×
		// read_write_ratio" where it derives reads from writes a day):
		// a plain product is checked as one
		if !plain || len(in.Assumed) < 2 {
			return false
		}
		got.Value = product
	}
	return estimate.Disagreement(got.Value, e.resultQ.Value) <= 1.5
}

// peakVariant names, for a bandwidth, the peak and average rates that
// tell whether a calculation of it is made at the peak.
var peakVariant = map[string]struct{ tps, avg, name string }{
	"ingress_bandwidth": {"peak_write_tps", "avg_write_tps", "peak_ingress_bandwidth"},
	"egress_bandwidth":  {"peak_read_tps", "avg_read_tps", "peak_egress_bandwidth"},
}

// statedAs reports whether the document states v for name (within 5%).
func statedAs(known map[string][]float64, name string, v float64) bool {
	for _, k := range known[name] {
		if k > 0 && v > 0 && k/v < 1.05 && v/k < 1.05 {
			return true
		}
	}
	return false
}

// distinctDims reports factors whose dimensions all differ.
func distinctDims(fs []eqFactor) bool {
	seen := map[estimate.Dim]bool{}
	for _, f := range fs {
		if seen[f.q.Dim] {
			return false
		}
		seen[f.q.Dim] = true
	}
	return true
}

// permutations returns every ordering of 0..n-1 (n is at most 3 here).
func permutations(n int) [][]int {
	if n <= 1 {
		return [][]int{make([]int, n)}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

// A document that works out several designs, each with its own estimates
// section under its own heading, has one scope per design: figures are
// resolved within their design and never compared across.
func (r *mdReader) resolveFigures() {
	d := r.d
	roots := r.scopeRoots()
	if len(roots) < 2 {
		resolveScope(d, d.Figures, d.Assumptions, d.Declared)
		return
	}
	groups := make([][]int, len(roots))
	for i := range d.Figures {
		f := &d.Figures[i]
		k := -1
		for j, root := range roots {
			for _, l := range f.within {
				if l == root.line {
					k = j
				}
			}
		}
		if k < 0 {
			f.Why = "outside every design of a document that works out several"
			f.Scope = -1
			continue
		}
		f.Scope = k
		groups[k] = append(groups[k], i)
	}
	for j, root := range roots {
		sc := Scope{Title: root.title, Span: root.span, Estimates: root.estimates, Assumptions: map[string]Value{}, Declared: map[string]Value{}}
		figs := make([]Figure, len(groups[j]))
		for k, i := range groups[j] {
			figs[k] = d.Figures[i]
		}
		resolveScope(d, figs, sc.Assumptions, sc.Declared)
		for k, i := range groups[j] {
			d.Figures[i] = figs[k]
		}
		d.Scopes = append(d.Scopes, sc)
	}
	// The document's own figures are those of its first design that has
	// any (a book opens with chapters of method, not of numbers).
	first := d.Scopes[0]
	for _, sc := range d.Scopes {
		if len(sc.Assumptions) > 0 {
			first = sc
			break
		}
	}
	for k, v := range first.Assumptions {
		if _, ok := d.Assumptions[k]; !ok {
			d.Assumptions[k] = v
		}
	}
	for k, v := range first.Declared {
		if _, ok := d.Declared[k]; !ok {
			d.Declared[k] = v
		}
	}
}

// scopeRoot is the heading a design of a several-design document stands
// under.
type scopeRoot struct {
	line      int
	title     string
	span      Span
	estimates Span
}

// scopeRoots returns, when the estimates sections of the document stand
// under different headings, those headings.
func (r *mdReader) scopeRoots() []scopeRoot {
	var out []scopeRoot
	seen := map[int]bool{}
	for _, e := range r.estimateParents {
		if e.line == 0 || seen[e.line] {
			continue
		}
		seen[e.line] = true
		out = append(out, e)
	}
	return out
}

// resolveScope picks the strongest figure of each name among figs into the
// two maps.
func resolveScope(d *Design, figs []Figure, assumptions, declared map[string]Value) {
	best := map[string]int{}
	for i, f := range figs {
		j, ok := best[f.Name]
		if !ok || f.Rank > figs[j].Rank {
			best[f.Name] = i
		}
	}
	for i := range figs {
		f := &figs[i]
		j := best[f.Name]
		if j != i {
			f.Why = "a stronger statement of " + f.Name + " at line " + itoa(figs[j].Span.Start.Line) + " is used"
			continue
		}
		if _, ok := assumptions[f.Name]; ok {
			f.Why = "the fenced block's value is used"
			continue
		}
		if _, ok := declared[f.Name]; ok {
			f.Why = "the fenced block's value is used"
			continue
		}
		f.Used = true
		n, _ := estimate.Lookup(f.Name)
		if n.Derived {
			declared[f.Name] = f.Value
		} else {
			assumptions[f.Name] = f.Value
		}
	}
	// "100 million links a month … 100 million requests per month
	// translate into 40 requests per second": a total that equals the
	// writes (or the reads) of a design whose reads and writes differ
	// restates them.
	restated(figs, best, declared, assumptions)
	// A premise volume is an input when nothing it would be computed from
	// is stated.
	for _, name := range []string{"requests_per_day", "reads_per_day", "writes_per_day"} {
		v, ok := declared[name]
		if !ok || derivable(assumptions, declared, name) {
			continue
		}
		if j, ok := best[name]; ok && figs[j].premise {
			assumptions[name] = v
			delete(declared, name)
		}
	}
}

// restated drops a request total that equals the writes or the reads of a
// document that states they differ: the author called them requests.
func restated(figs []Figure, best map[string]int, declared, assumptions map[string]Value) {
	ratio, ok := assumptions["read_write_ratio"]
	if !ok || ratio.Quantity.Value < 2 && ratio.Quantity.Value > 0.5 {
		return
	}
	same := func(a, b Value) bool {
		x, y := a.Quantity.Value, b.Quantity.Value
		return x > 0 && y > 0 && x/y < 1.05 && y/x < 1.05
	}
	get := func(n string) (Value, bool) {
		if v, ok := declared[n]; ok {
			return v, true
		}
		v, ok := assumptions[n]
		return v, ok
	}
	for total, parts := range map[string][2]string{"requests_per_day": {"writes_per_day", "reads_per_day"}, "avg_tps": {"avg_write_tps", "avg_read_tps"}} {
		t, ok := declared[total]
		if !ok {
			continue
		}
		for _, part := range parts {
			if v, ok := get(part); ok && same(t, v) {
				delete(declared, total)
				if j, ok := best[total]; ok {
					figs[j].Used = false
					figs[j].Why = "it equals " + part + " (line " + itoa(v.Span.Start.Line) + "): the requests meant are those"
				}
				break
			}
		}
	}
}

// derivable reports whether the document states what a day's volume is
// computed from.
func derivable(assumptions, declared map[string]Value, name string) bool {
	has := func(n string) bool {
		_, a := assumptions[n]
		_, b := declared[n]
		return a || b
	}
	users := has("dau")
	switch name {
	case "requests_per_day":
		return users && (has("requests_per_user_per_day") || has("reads_per_user_per_day") || has("writes_per_user_per_day") || has("sessions_per_user_per_day"))
	case "reads_per_day":
		return users && has("reads_per_user_per_day") || has("requests_per_day") && (has("write_ratio") || has("read_write_ratio"))
	case "writes_per_day":
		return users && has("writes_per_user_per_day") || has("requests_per_day") && (has("write_ratio") || has("read_write_ratio"))
	}
	return false
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// valueKinds are the sections values are read from.
func readsValues(k SectionKind) bool {
	switch k {
	case SectionEstimates, SectionNonFunctional, SectionProblem, SectionFunctional, SectionRequirements, "":
		return true
	}
	return false
}

func reason(err error) string {
	if pe, ok := err.(*english.ParseError); ok {
		return pe.Reason
	}
	return err.Error()
}

// quoteText quotes document text for a message, shortened.
func quoteText(s string) string {
	return "\"" + firstRunes(strings.TrimSpace(s), 60) + "\""
}

// text reads a paragraph or list item: equations, and values when the
// section is one values are read from.
func (r *mdReader) text(f *flat, kind SectionKind, parent string) {
	t := f.String()
	if kind != SectionTradeoffs && kind != SectionOutOfScope {
		r.texts = append(r.texts, f)
	}
	if kind != SectionAPI && strings.IndexByte(t, '/') >= 0 {
		if eps := endpointsIn(t, Span{}); len(eps) > 0 {
			sp := r.fullSpan(f)
			for i := range eps {
				eps[i].Span = sp
			}
			r.d.API = append(r.d.API, eps...)
		}
	}
	r.readFigures(f, t, kind, parent, "")
	r.mentions(f, kind)
}

// foundAmount is a figure found in a short text, with its byte span.
type foundAmount struct {
	Start, End int
	Quantity   estimate.Quantity
}

// amountsIn reads the figures of a short text.
func (o Options) amountsIn(s string) []foundAmount {
	t := english.Lex(s)
	var out []foundAmount
	for _, a := range t.Amounts(o.calendar()) {
		if a.Words && (a.Multiple || a.Value < 2) && !a.HasPer {
			// "once sync settles", "one device": words, not figures
			continue
		}
		start, end := t.SpanOf(a)
		out = append(out, foundAmount{Start: start, End: end, Quantity: a.Quantity})
	}
	return out
}

// WorkedOnOwnBasis reports a figure the document works out, correctly and
// to about value, from another figure it states than the one the
// estimator's formula takes ("1 billion requests × 400 bytes = 400 GB a
// day" where the writes a day are stated as 10M rides): the author's
// model, not a slip of arithmetic.
func (d *Design) WorkedOnOwnBasis(name string, value, maxRatio float64) bool {
	for _, v := range d.ownBasis {
		if v.Name == name && estimate.Disagreement(v.Quantity.Value, value) <= maxRatio {
			return true
		}
	}
	return false
}
