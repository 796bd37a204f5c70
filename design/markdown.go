package design

import (
	"bytes"
	"github.com/designlint/designlint/design/english"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownParser is shared: goldmark parsers keep no state between calls.
// It is goldmark's default CommonMark parser with the table extension and
// without the emphasis parser, whose markers emphasis.go handles on the
// source for a fraction of the cost; attributes stay off (they are
// quadratic on hostile input) and nothing is rendered.
var markdownParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithInlineParsers(
		util.Prioritized(parser.NewCodeSpanParser(), 100),
		util.Prioritized(parser.NewLinkParser(), 200),
		util.Prioritized(parser.NewAutoLinkParser(), 300),
		util.Prioritized(parser.NewRawHTMLParser(), 400),
	),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	parser.WithParagraphTransformers(util.Prioritized(extension.NewTableParagraphTransformer(), 200)),
	parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
)

// itemSource says where an item came from; a section's paragraphs count as
// its items only when it has no list or table.
type itemSource uint8

const (
	fromList itemSource = iota
	fromTable
	fromParagraph
	fromHeading
)

type routedItem struct {
	kind  SectionKind
	item  Item
	src   itemSource
	extra string // mitigation of a failure scenario, cells of a row
}

// frame is an open heading while walking the document.
type frame struct {
	level  int
	title  string
	span   Span
	kind   SectionKind // the section kind content under this heading goes to
	own    bool        // the heading itself names the kind
	secIdx int         // index in Design.Sections when own
	// comp is the component this heading describes, if it names one;
	// compNew says the heading introduced it (no other place named it).
	comp    *Component
	compNew bool
	// placeholders is set when a block under the heading was skipped as
	// a template's prompt.
	placeholders bool
	// inputs counts the estimate inputs read under a heading that names
	// no section: two or more make it the estimates.
	inputs int
	// scenario is the failure scenario this heading names, if any.
	scenario *Scenario
	// label overrides kind for items after a bold label such as
	// "**Functional:**" in a Requirements section.
	label   SectionKind
	items   []routedItem
	content bool
	// subsections is set when a heading below this one names a section
	// that has content: this section's own paragraphs are then an
	// introduction, not items.
	subsections bool
	// headingItem is this heading as an item of the enclosing section,
	// counted when something is written under it.
	headingItem *routedItem
	body        []string // prose under a component heading
	parent      *frame
	// weighing is set after a paragraph that introduces options ("There
	// are two options:"): the list that follows weighs them.
	weighing bool
	// aside is 2 for a heading of an aside (interview tips,
	// references), 1 for another, 0 before it is looked at
	// (mdmentions.go).
	aside int8
}

// owner returns the nearest frame that collects items: one whose heading
// names a section kind.
func (f *frame) owner() *frame {
	for g := f; g != nil; g = g.parent {
		if g.own {
			return g
		}
	}
	return nil
}

// component returns the component whose heading encloses this frame.
func (f *frame) component() *Component {
	for g := f; g != nil; g = g.parent {
		if g.comp != nil {
			return g.comp
		}
		if g.own {
			return nil
		}
	}
	return nil
}

type mdReader struct {
	src   []byte
	lines lineTable
	d     *Design
	opts  Options
	top   *frame // the root frame, for text before any heading
	cur   *frame
	// sawImage is set by inline when it meets an image.
	sawImage bool
	// pendingNext is a disable-next directive waiting for its block.
	pendingNext []int
	comps       map[string]*Component
	quoteDepth  int
	// inProse is set while a fenced block of prose is read.
	inProse    bool
	inTable    int
	noMentions int // reading text again: bold names were seen already
	// texts are the paragraphs and items outside a trade-offs section,
	// searched for trade-off sentences when the document has no section;
	// weighed are the tables there that weigh options (tradeoffs.go).
	texts   []*flat
	weighed []Item
	// estimateParents records, for each estimates section, the heading it
	// stands under: a document whose estimates stand under different
	// headings works out several designs.
	estimateParents []scopeRoot
	// queueFigures are queue rates and consumer counts waiting for the
	// components to be known (queues.go).
	queueFigures []queueFigure
	// rootLines holds the lines of the headings estimates sections stood
	// under, the first rootsSeen of estimateParents (mdcomponents.go).
	rootLines map[int]bool
	rootsSeen int
	// pending are the components sentences name, placed when the
	// document is read (mdmentions.go).
	pending []pendingMention
}

func readMarkdown(path string, src []byte, opts Options) (*Design, error) {
	d := newDesign(path, Markdown)
	d.Source = src
	body := src
	if fm, ok := findFrontMatter(src); ok {
		body = blankOut(src, fm.start, fm.end)
		if err := readFrontMatter(d, src, fm); err != nil {
			return nil, err
		}
	}
	if err := screenMarkdown(body, opts); err != nil {
		err.(*Error).Path = path
		return nil, err
	}
	doc, err := parseWithTimeout(body, opts)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	r := &mdReader{
		src:   body,
		lines: newLineTable(src),
		d:     d,
		opts:  opts,
		comps: map[string]*Component{},
	}
	r.top = &frame{level: 0}
	r.cur = r.top
	r.walk(doc)
	r.closeTo(0)
	r.finishTop()
	r.finish()
	return d, nil
}

func blankOut(src []byte, start, end int) []byte {
	b := make([]byte, len(src))
	copy(b, src)
	for i := start; i < end; i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
	return b
}

func parseMarkdown(src []byte) ast.Node {
	return markdownParser.Parse(text.NewReader(src))
}

// walk visits the top-level blocks of the document in order.
func (r *mdReader) walk(doc ast.Node) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		r.applyPendingNext(n)
		switch v := n.(type) {
		case *ast.Heading:
			r.heading(v)
		default:
			r.block(n, r.cur)
		}
	}
}

// applyPendingNext points waiting disable-next directives at block n.
func (r *mdReader) applyPendingNext(n ast.Node) {
	if len(r.pendingNext) == 0 {
		return
	}
	if h, ok := n.(*ast.HTMLBlock); ok && r.isComment(h) {
		return
	}
	sp := r.spanOf(n)
	for _, i := range r.pendingNext {
		r.d.Suppressions[i].Target = sp
	}
	r.pendingNext = r.pendingNext[:0]
}

func (r *mdReader) isComment(h *ast.HTMLBlock) bool {
	return h.HTMLBlockType == ast.HTMLBlockType2
}

func (r *mdReader) heading(h *ast.Heading) {
	r.closeTo(h.Level)
	f := r.blockText(h)
	title := strings.TrimSpace(f.String())
	sp := r.spanOf(h)
	if h.Level == 1 && r.d.Title == "" {
		r.d.Title = title
	}
	parent := r.cur
	fr := &frame{level: h.Level, title: title, span: sp, parent: parent}
	norm := normalizeHeading(title)
	kind, exact := classifyNormalized(norm)
	roles := headingRoles(norm)
	if kind == "" && len(roles) > 0 && parent.kind == "" {
		kind, roles = roles[0], roles[1:]
	}
	if h.Level == 1 && r.d.Title == title && len(r.d.Sections) == 0 && parent == r.top && !exact {
		// The document's title ("# Design a URL shortener") names no
		// section even when it contains a section's name.
		kind = ""
	}
	inherited := parent.kind
	if parent.label != "" {
		inherited = parent.label
	}
	if kind != "" && inherited != "" && inherited != kind && inherited != SectionRequirements && weakNames[norm] {
		kind = ""
	}
	if kind != "" && weakNames[norm] && inherited == "" && parent != r.top && parent.title != r.d.Title {
		// "## Analysis › #### Storage": a weak name under a heading that
		// names nothing is a part of it, read for what it holds
		kind = ""
	}
	if kind == SectionEstimates && inherited != SectionEstimates {
		root := scopeRoot{estimates: sp}
		if parent != r.top && !(parent.level == 1 && parent.parent == r.top && parent.title == r.d.Title) {
			root.line, root.title, root.span = parent.span.Start.Line, parent.title, parent.span
		}
		r.estimateParents = append(r.estimateParents, root)
	}
	r.d.Headings = append(r.d.Headings, Heading{Title: title, Level: h.Level, Span: sp, Kind: kind})
	if kind != "" {
		fr.kind, fr.own = kind, true
		r.d.Sections = append(r.d.Sections, Section{Kind: kind, Also: roles, Title: title, Level: h.Level, Span: sp, Empty: true})
		fr.secIdx = len(r.d.Sections) - 1
	} else {
		fr.kind = inherited
		r.subHeading(fr, title, norm, sp)
	}
	r.cur = fr
	r.readEquations(f, title)
}

// subHeading handles a heading that names no section: inside an
// architecture or components section it may name a component; inside a
// failure plan it names a scenario; elsewhere it is an item of the
// enclosing section.
func (r *mdReader) subHeading(fr *frame, title, norm string, sp Span) {
	switch fr.kind {
	case SectionArchitecture, SectionComponents:
		if c := componentFromHeading(title, norm); c != nil {
			c.Span = sp
			fr.comp = r.addComponent(c)
			fr.compNew = fr.comp == c
		}
	case SectionFailure:
		if !isPlaceholder(title) {
			fr.scenario = &Scenario{Scenario: title, Span: sp}
		}
	case SectionFunctional, SectionTradeoffs, SectionAPI:
		if !isPlaceholder(title) && !isGenericHeading(norm) {
			fr.headingItem = &routedItem{kind: fr.kind, item: Item{Text: title, Span: sp}, src: fromHeading}
		}
	}
}

// isGenericHeading reports headings that organise a section without being
// an entry of it ("Examples", "Details").
func isGenericHeading(norm string) bool {
	switch norm {
	case "examples", "example", "details", "notes", "overview", "summary", "table of contents", "references":
		return true
	}
	return false
}

// closeTo closes every open heading at the given level or deeper.
func (r *mdReader) closeTo(level int) {
	for r.cur != r.top && r.cur.level >= level {
		r.closeFrame(r.cur)
		r.cur = r.cur.parent
	}
}

func (r *mdReader) closeFrame(fr *frame) {
	if !fr.own && fr.kind == "" && fr.inputs >= 2 && fr.parent != nil && !r.d.HasContent(SectionEstimates) {
		// "## Analysis" with DAU, TPS and storage under it: the
		// estimates, found by what they hold.
		r.d.Sections = append(r.d.Sections, Section{Kind: SectionEstimates, Title: fr.title, Level: fr.level, Span: fr.span})
	}
	if !fr.own && fr.kind == "" && fr.parent != nil && fr.parent.inputs >= 0 {
		fr.parent.inputs += fr.inputs
	}
	if fr.comp != nil && fr.compNew && fr.placeholders && !fr.content && len(fr.body) == 0 {
		// A template's heading with only a prompt under it
		// ("<which store, why, consistency model>") is not a component
		// yet.
		r.removeComponent(fr.comp)
		fr.comp = nil
	}
	if fr.comp != nil {
		r.describeComponent(fr.comp, fr.body)
	}
	if fr.scenario != nil {
		sc := *fr.scenario
		sc.Mitigation = strings.TrimSpace(strings.Join(fr.body, " "))
		sc.Pending = sc.Mitigation == "" && fr.placeholders
		r.d.FailurePlan = append(r.d.FailurePlan, sc)
	}
	if fr.headingItem != nil && fr.content {
		if own := fr.parent.owner(); own != nil {
			own.items = append(own.items, *fr.headingItem)
		}
	}
	if fr.content && fr.parent != nil {
		fr.parent.content = true
		if fr.own {
			if o := fr.parent.owner(); o != nil {
				o.subsections = true
			}
		}
	}
	if fr.own {
		r.d.Sections[fr.secIdx].Empty = !fr.content
		r.route(fr)
	}
}

// finishTop routes the items written before any heading that names a
// section (a document without headings, or text above the first one).
func (r *mdReader) finishTop() {
	r.route(r.top)
}

// route hands a section's items to the model. A section's paragraphs count
// only when it has no list or table.
func (r *mdReader) route(fr *frame) {
	hasList := fr.subsections
	for _, it := range fr.items {
		if it.src == fromList || it.src == fromTable {
			hasList = true
			break
		}
	}
	for _, it := range fr.items {
		if hasList && it.src == fromParagraph {
			continue
		}
		r.routeItem(it)
	}
}

func (r *mdReader) routeItem(it routedItem) {
	d := r.d
	kind := it.kind
	if kind == SectionRequirements {
		kind = requirementKind(it.item.Text)
	}
	switch kind {
	case SectionProblem:
		d.Problem = append(d.Problem, it.item)
	case SectionFunctional:
		d.Functional = append(d.Functional, it.item)
	case SectionNonFunctional:
		d.NonFunctional = append(d.NonFunctional, r.nfr(it.item))
	case SectionTradeoffs:
		d.TradeOffs = append(d.TradeOffs, it.item)
	case SectionSummary:
		d.Summary = append(d.Summary, it.item)
	case SectionFailure:
		d.FailurePlan = append(d.FailurePlan, scenarioFrom(it))
	case SectionAPI:
		if eps := endpointsIn(it.item.Text, it.item.Span); len(eps) > 0 {
			d.API = append(d.API, eps...)
		} else if name, ok := callAt(it.item.Text); ok {
			// "createURL(apiKey, longURL): shortURL": an RPC.
			d.API = append(d.API, Endpoint{Method: "RPC", Path: name, Description: it.item.Text, Span: it.item.Span})
		} else {
			d.API = append(d.API, Endpoint{Description: it.item.Text, Span: it.item.Span})
		}
	}
}

// requirementKind sorts an item of a Requirements section that no label
// classified: a statement about a quality is non-functional.
func requirementKind(text string) SectionKind {
	cats := NFRCategories(text)
	if cats[0] != OtherNFR {
		return SectionNonFunctional
	}
	return SectionFunctional
}

func (r *mdReader) nfr(it Item) NFR { return r.opts.readNFR(it) }

// scenarioFrom splits a failure-plan entry into what goes wrong and what is
// done about it.
func scenarioFrom(it routedItem) Scenario {
	sc := Scenario{Scenario: it.item.Text, Span: it.item.Span}
	if it.extra != "" {
		sc.Mitigation = it.extra
		return sc
	}
	for _, sep := range []string{" → ", " -> ", " => ", ": ", " — ", " – ", " -- ", " - "} {
		if i := strings.Index(it.item.Text, sep); i > 0 {
			sc.Scenario = strings.TrimSpace(it.item.Text[:i])
			sc.Mitigation = strings.TrimSpace(it.item.Text[i+len(sep):])
			return sc
		}
	}
	return sc
}

// block handles one block that is not a heading.
func (r *mdReader) block(n ast.Node, fr *frame) {
	switch v := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		r.paragraph(n, fr)
	case *ast.List:
		r.list(v, fr, 0, "", "")
	case *ast.Blockquote:
		// A quote is a note or a prompt, not an entry of the section;
		// its figures and directives still count.
		r.quoteDepth++
		for c := v.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c, fr)
		}
		r.quoteDepth--
	case *ast.FencedCodeBlock:
		r.fenced(v, fr)
	case *ast.CodeBlock:
		body, _ := r.rawLines(v)
		r.codeText(body, r.spanOf(v), fr)
	case *ast.HTMLBlock:
		r.htmlBlock(v, fr)
	case *east.Table:
		r.table(v, fr)
	case *ast.Heading:
		// Headings inside list items or quotes are text.
		r.paragraph(n, fr)
	}
}

func (r *mdReader) htmlBlock(h *ast.HTMLBlock, fr *frame) {
	lines := h.Lines()
	start, end := -1, -1
	if lines.Len() > 0 {
		start, end = lines.At(0).Start, lines.At(lines.Len()-1).Stop
	}
	if h.HasClosure() {
		if start < 0 {
			start = h.ClosureLine.Start
		}
		end = h.ClosureLine.Stop
	}
	if start < 0 {
		return
	}
	if r.isComment(h) {
		r.htmlComment(start, end, true)
		return
	}
	// Other raw HTML (a <details> block, an <img>) is content.
	raw := string(r.src[start:end])
	if strings.Contains(lower(raw), "<img") {
		r.markDiagram(fr, r.spanOf(h))
	}
	if t := strings.TrimSpace(stripTags(raw)); t != "" && !isPlaceholder(t) {
		r.markContent(fr)
	} else if isPlaceholder(strings.TrimSpace(raw)) {
		// "<which store, why, consistency model>" reads as an HTML tag.
		fr.placeholders = true
	}
}

// stripTags removes HTML tags from s.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			in = true
		case '>':
			if in {
				in = false
				b.WriteByte(' ')
				continue
			}
		}
		if !in {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// markContent records that a section has real content.
func (r *mdReader) markContent(fr *frame) {
	fr.content = true
}

func (r *mdReader) markDiagram(fr *frame, sp Span) {
	switch fr.kind {
	case SectionArchitecture, SectionComponents:
		r.d.Diagrams = append(r.d.Diagrams, sp)
	}
	r.markContent(fr)
}

// paragraph handles a paragraph: as an item, a label that routes what
// follows, a component's prose, and a source of values and equations.
func (r *mdReader) paragraph(n ast.Node, fr *frame) {
	if r.idle(fr) && !r.rawInteresting(n) {
		return
	}
	r.sawImage = false
	f := r.blockText(n)
	t := strings.TrimSpace(f.String())
	if r.sawImage {
		r.markDiagram(fr, r.spanOf(n))
	}
	if t == "" || isPlaceholder(t) {
		fr.placeholders = fr.placeholders || t != ""
		return
	}
	fr.weighing = introducesOptions(t)
	r.markContent(fr)
	if k := labelKind(t); k != "" && (fr.kind == SectionRequirements || fr.kind == SectionFunctional || fr.kind == SectionNonFunctional || fr.kind == "" || fr.kind == SectionProblem) {
		fr.label = k
		return
	}
	if c := fr.component(); c != nil {
		fr.body = append(fr.body, t)
		r.componentLabel(c, t)
	} else if fr.scenario != nil {
		fr.body = append(fr.body, t)
	}
	kind := fr.kind
	if fr.label != "" {
		kind = fr.label
	}
	own := fr.owner()
	if own == nil {
		own = r.top
	}
	if lines := r.listLines(n); len(lines) > 0 {
		// "1.URL shortening …⏎2.URL redirecting …": a list written
		// without list syntax is a list.
		for _, it := range lines {
			own.items = append(own.items, routedItem{kind: kind, item: it, src: fromList})
		}
	} else if r.quoteDepth == 0 && strings.Count(t, " ") < maxItemWords && !isBareURL(t) {
		// A long paragraph explains; it is not an entry of a list of
		// requirements or scenarios. Nor is a bare link.
		own.items = append(own.items, routedItem{kind: kind, item: Item{Text: t, Span: r.spanOf(n)}, src: fromParagraph})
	}
	r.text(f, kind, "")
}

// introducesOptions reports a paragraph that leads into a list of options
// ("There are two options for this:", "We could choose between:").
func introducesOptions(t string) bool {
	if !strings.HasSuffix(t, ":") {
		return false
	}
	return containsAny(lower(t), "option", "alternative", "choice", "choose", "either", "candidate", "approaches")
}

// listLines reads a paragraph whose lines start with list markers that
// Markdown did not take as a list ("1.URL shortening", "2. …" after a
// line of text) as the items of one: it returns nothing for a paragraph
// with fewer than two such lines.
func (r *mdReader) listLines(n ast.Node) []Item {
	lines := n.Lines()
	if lines == nil || lines.Len() < 2 {
		return nil
	}
	var out []Item
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw := r.src[seg.Start:seg.Stop]
		k := listMarker(raw)
		if k == 0 {
			if len(out) == 0 {
				continue
			}
			return nil
		}
		text := strings.TrimSpace(strings.ReplaceAll(string(raw[k:]), "**", ""))
		if text == "" {
			continue
		}
		out = append(out, Item{Text: text, Span: r.lines.span(seg.Start, seg.Stop)})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// listMarker returns the length of a list marker at the start of a line
// ("1.", "2)", "-", "•"), spaces after it included, or 0.
func listMarker(b []byte) int {
	i := 0
	for i < len(b) && b[i] == ' ' {
		i++
	}
	j := i
	for j < len(b) && j-i < 2 && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	switch {
	case j > i && j < len(b) && (b[j] == '.' || b[j] == ')') && j+1 < len(b) && b[j+1] != '.' && (b[j+1] < '0' || b[j+1] > '9'):
		j++
	case j == i && i < len(b) && (b[i] == '-' || b[i] == '*') && i+1 < len(b) && b[i+1] == ' ':
		j = i + 1
	case j == i && bytesHasPrefix(b[i:], "•"):
		j = i + len("•")
	default:
		return 0
	}
	for j < len(b) && b[j] == ' ' {
		j++
	}
	return j
}

func bytesHasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }

// idle reports whether the text under a heading is read only for what is
// read everywhere: no section names it, it is not above the first heading,
// it is not a component's or a scenario's prose, and no label routes it.
// Most of an RFC or a book is idle; skipping its flattening keeps
// designlint close to the parser's own speed.
func (r *mdReader) idle(fr *frame) bool {
	return fr.kind == "" && fr != r.top && fr.label == "" && fr.comp == nil && fr.scenario == nil
}

// rawInteresting reports whether a block's source holds something read in
// any section: an equation, an HTTP operation, a trade-off, an image, a
// figure, or a line short enough to be a label.
func (r *mdReader) rawInteresting(n ast.Node) bool {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return true
	}
	raw := r.src[lines.At(0).Start:lines.At(lines.Len()-1).Stop]
	if len(raw) <= 48 {
		return true
	}
	return bytes.IndexByte(raw, '=') >= 0 || bytes.IndexByte(raw, '~') >= 0 || bytes.IndexByte(raw, 0xE2) >= 0 ||
		bytes.ContainsAny(raw, "0123456789") ||
		bytes.IndexByte(raw, '\\') >= 0 || bytes.Contains(raw, []byte("![")) || mayStateTradeoff(raw) || startsWithCall(raw) || namesProduct(raw) ||
		bytes.IndexByte(raw, '/') >= 0 && (bytes.Contains(raw, []byte("GET")) || bytes.Contains(raw, []byte("POST")) ||
			bytes.Contains(raw, []byte("PUT")) || bytes.Contains(raw, []byte("DELETE")) || bytes.Contains(raw, []byte("PATCH")) ||
			bytes.Contains(raw, []byte("curl")))
}

// itemInteresting is rawInteresting for a list item's own paragraphs.
func (r *mdReader) itemInteresting(item ast.Node) bool {
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			if r.rawInteresting(c) {
				return true
			}
		}
	}
	return false
}

// maxItemWords is the longest paragraph counted as an item of a section.
const maxItemWords = 60

// isBareURL reports text that is only a link.
func isBareURL(t string) bool {
	t = strings.TrimSpace(t)
	return (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://")) && !strings.ContainsAny(t, " \t")
}

// labelKind recognises a short line that labels what follows: "**Functional
// requirements:**", "Non-functional:", "Out of scope".
func labelKind(t string) SectionKind {
	if len(t) > 48 {
		return ""
	}
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), ":"))
	if len(t) > 40 || strings.Count(t, " ") > 4 {
		return ""
	}
	l := lower(t)
	if !containsAny(l, "functional", "nfr", "scope", "goals", "use case", "feature", "stories", "quality", "slo", "constraint") {
		return ""
	}
	switch k := classifyHeading(t); k {
	case SectionFunctional, SectionNonFunctional, SectionOutOfScope:
		return k
	}
	return ""
}

// quotedExample reports an item that is wholly a quotation.
func quotedExample(t string) bool {
	t = strings.TrimSpace(t)
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}} {
		if len(t) > len(q[0])+len(q[1]) && strings.HasPrefix(t, q[0]) && strings.HasSuffix(t, q[1]) &&
			!strings.Contains(t[len(q[0]):len(t)-len(q[1])], q[0]) {
			return true
		}
	}
	return false
}

// groupLabel reports the text of an item that names a group rather than
// stating something: a few words, no figure, no sentence.
func groupLabel(t string) bool {
	t = strings.TrimSuffix(strings.TrimSpace(t), ":")
	return t != "" && wordCount(t) <= 4 && !strings.ContainsAny(t, "0123456789.,;") && len(t) <= 40
}

// list handles a list; depth counts nesting, label is the routing label of
// an enclosing item, parent the text of the enclosing item.
func (r *mdReader) list(l *ast.List, fr *frame, depth int, label SectionKind, parent string) {
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		if item.Kind() != ast.KindListItem {
			continue
		}
		r.applyPendingNext(item)
		if r.idle(fr) && label == "" && !r.itemInteresting(item) {
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				switch v := c.(type) {
				case *ast.List:
					r.list(v, fr, depth+1, label, parent)
				case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
				default:
					r.block(c, fr)
				}
			}
			continue
		}
		f := r.itemText(item)
		t := strings.TrimSpace(f.String())
		sp := r.spanOf(item)
		itemLabel := label
		isLabel := false
		nested := item.LastChild() != nil && item.LastChild().Kind() == ast.KindList
		if k := labelKind(t); k != "" && nested {
			itemLabel, isLabel = k, true
		} else if nested && label == "" && depth == 0 && groupLabel(t) {
			// "- Viewers" over the requirements of viewers: the nested
			// items are the requirements
			switch k := fr.kind; k {
			case SectionFunctional, SectionNonFunctional, SectionRequirements, SectionOutOfScope:
				itemLabel, isLabel = k, true
			}
		}
		// "Latency: <target>" reads as "Latency:": a label whose value is
		// still to be written.
		dangling := !isLabel && strings.HasSuffix(t, ":") && (item.LastChild() == nil || item.LastChild().Kind() != ast.KindList)
		if dangling {
			fr.placeholders = true
		}
		if t != "" && !isPlaceholder(t) && !isLabel && !dangling {
			r.markContent(fr)
			kind := fr.kind
			if fr.label != "" {
				kind = fr.label
			}
			if label != "" {
				kind = label
			}
			if quotedExample(t) {
				// "For example: - “System should be highly available”":
				// a quotation shows a requirement, it does not state one
				kind = ""
			}
			if kind == SectionFunctional && english.StatesQuality(t) {
				// "Service has high availability" among the use cases
				kind = SectionNonFunctional
			}
			if c := fr.component(); c != nil {
				fr.body = append(fr.body, t)
				r.componentLabel(c, t)
			} else if fr.scenario != nil {
				fr.body = append(fr.body, t)
			} else if depth == 0 || label != "" && depth == 1 {
				if own := fr.owner(); own != nil {
					ri := routedItem{kind: kind, item: Item{Text: t, Span: sp}, src: fromList}
					if kind == SectionFailure {
						ri.extra = nestedText(r, item)
					}
					own.items = append(own.items, ri)
				} else {
					r.top.items = append(r.top.items, routedItem{kind: kind, item: Item{Text: t, Span: sp}, src: fromList})
				}
				if kind == SectionArchitecture || kind == SectionComponents {
					r.componentItem(fr, t, sp, item)
				}
			}
			r.text(f, kind, parent)
		} else if t != "" && isPlaceholder(t) {
			fr.placeholders = true
		}
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.List:
				r.list(v, fr, depth+1, itemLabel, ancestry(parent, t))
			case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
				// already in the item's text
			default:
				r.block(c, fr)
			}
		}
	}
}

// ancestry appends an item's text to the labels above it, keeping the
// last three: "Write › QPS" qualifies the figures nested under them.
func ancestry(parent, t string) string {
	if len(t) > 60 {
		t = t[:60]
	}
	if parent == "" {
		return t
	}
	parts := strings.Split(parent, " › ")
	if len(parts) >= 3 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(append(parts, t), " › ")
}

// lastAncestor is the item directly above.
//
// A short one ("QPS" under "Read") takes the one above it too: "Read QPS".
func lastAncestor(parent string) string {
	i := strings.LastIndex(parent, " › ")
	if i < 0 {
		return parent
	}
	last := parent[i+len(" › "):]
	if len(strings.Fields(last)) <= 2 {
		prev := parent[:i]
		if j := strings.LastIndex(prev, " › "); j >= 0 {
			prev = prev[j+len(" › "):]
		}
		if len(strings.Fields(prev)) <= 3 {
			return prev + " " + last
		}
	}
	return last
}

// nestedText joins the text of an item's nested lists: the details of a
// failure scenario are its mitigation.
func nestedText(r *mdReader, item ast.Node) string {
	var parts []string
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				if t := strings.TrimSpace(r.itemText(it).String()); t != "" {
					parts = append(parts, t)
				}
				if t := nestedText(r, it); t != "" {
					parts = append(parts, t)
				}
			}
		}
	}
	return strings.Join(parts, "; ")
}

// codeText handles the content of a code block that is not a structured
// fenced block: an API call, or a text diagram in an architecture section.
func (r *mdReader) codeText(body string, sp Span, fr *frame) {
	if strings.TrimSpace(body) == "" {
		return
	}
	r.markContent(fr)
	if eps := endpointsIn(body, sp); len(eps) > 0 {
		r.d.API = append(r.d.API, eps...)
	}
	r.d.API = append(r.d.API, rpcsIn(body, sp)...)
	// Box-drawing characters all start with the byte 0xE2.
	if strings.IndexByte(body, 0xE2) >= 0 && strings.ContainsAny(body, "┌│└─┐┘") || strings.Contains(body, "-->") || strings.Contains(body, "+--") {
		r.markDiagram(fr, sp)
	}
}

func (r *mdReader) fenced(v *ast.FencedCodeBlock, fr *frame) {
	lang := ""
	if v.Info != nil {
		info := strings.TrimSpace(string(v.Info.Segment.Value(r.src)))
		if i := strings.IndexAny(info, " \t{"); i >= 0 {
			info = info[:i]
		}
		lang = lower(info)
	}
	body, off := r.rawLines(v)
	sp := r.spanOf(v)
	switch lang {
	case "mermaid":
		r.markContent(fr)
		r.mermaid(body, off, sp, fr)
		return
	case "cue", "yaml", "yml", "json":
		if r.structuredBlock(lang, body, off, fr) {
			r.markContent(fr)
			return
		}
	case "", "text", "txt", "plain", "plaintext", "markdown", "md", "none", "notes":
		if r.proseBlock(v, body, fr) {
			return
		}
	}
	r.codeText(body, sp, fr)
}

// proseBlock reads a fenced block of prose ("Functional Requirements:⏎1.
// Events can be created" between fences, kept as written) as the
// Markdown it nearly is. It reports false for code, diagrams and blocks
// indented inside a list or quote.
func (r *mdReader) proseBlock(v *ast.FencedCodeBlock, body string, fr *frame) bool {
	lines := v.Lines()
	if lines.Len() < 2 || r.inProse || !looksLikeProse(body) {
		return false
	}
	for i := 0; i < lines.Len(); i++ {
		if seg := lines.At(i); r.lines.pos(seg.Start).Col != 1 {
			return false
		}
	}
	base, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	sub := r.src[base:end]
	doc := parseMarkdown(sub)
	src, table := r.src, r.lines
	r.src, r.lines, r.inProse = sub, table.shifted(base), true
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		r.block(n, fr)
	}
	r.src, r.lines, r.inProse = src, table, false
	return true
}

// looksLikeProse reports whether the text of a fenced block reads as notes
// rather than code or a drawing: most of its lines hold words, few end
// like code.
func looksLikeProse(body string) bool {
	if strings.IndexByte(body, 0xE2) >= 0 && strings.ContainsAny(body, "┌│└─┐┘┼") {
		return false
	}
	lines, words, code := 0, 0, 0
	for _, l := range strings.Split(body, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		lines++
		switch {
		case strings.HasSuffix(l, ";"), strings.HasSuffix(l, "{"), l == "}", strings.HasSuffix(l, "},"),
			strings.HasPrefix(l, "//"), strings.HasPrefix(l, "/*"), strings.HasPrefix(l, "$ "),
			strings.HasPrefix(l, "func "), strings.HasPrefix(l, "def "), strings.HasPrefix(l, "import "),
			strings.HasPrefix(l, "class "), strings.HasPrefix(l, "package "), strings.HasPrefix(l, "<"),
			strings.HasPrefix(l, "\""), strings.HasPrefix(l, "CREATE "), strings.HasPrefix(l, "SELECT "),
			strings.HasPrefix(l, "curl "), strings.Contains(l, "-->"), strings.Contains(l, "|-"):
			code++
		case wordCount(l) >= 2:
			words++
		}
	}
	return lines >= 2 && code*4 <= lines && words*2 >= lines
}

// table handles a GFM table: a components table, a failure table, an
// estimates table, or rows that are items of the section.
func (r *mdReader) table(t *east.Table, fr *frame) {
	var header []*flat
	var rows [][]*flat
	var rowSpans []Span
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *east.TableHeader:
			header = r.cells(c)
		case *east.TableRow:
			r.applyPendingNext(c)
			rows = append(rows, r.cells(c))
			rowSpans = append(rowSpans, r.spanOf(c))
		}
	}
	if len(rows) == 0 {
		return
	}
	r.markContent(fr)
	cols := make([]string, len(header))
	for i, h := range header {
		cols[i] = normalizeHeading(h.String())
	}
	kind := fr.kind
	if fr.label != "" {
		kind = fr.label
	}
	switch kind {
	case SectionArchitecture, SectionComponents:
		if r.componentTable(cols, rows, rowSpans) {
			return
		}
	case SectionFailure:
		if r.failureTable(cols, rows, rowSpans, fr) {
			return
		}
	}
	r.tableFigures(cols, header, rows, kind)
	if kind != SectionTradeoffs && kind != SectionOutOfScope {
		r.weighedTable(cols, header, rows, r.spanOf(t))
	}
	own := fr.owner()
	if own == nil {
		own = r.top
	}
	for i, row := range rows {
		parts := make([]string, 0, len(row))
		outOfScope := false
		for _, cell := range row {
			s := strings.TrimSpace(cell.String())
			if s != "" {
				parts = append(parts, s)
			}
			if n := normalizeHeading(s); n == "out of scope" || n == "non goal" || n == "not in scope" {
				outOfScope = true
			}
		}
		if len(parts) == 0 || outOfScope {
			continue
		}
		text := strings.Join(parts, " — ")
		// An API table's "Method | Path" columns read as one operation.
		if kind == SectionAPI && len(parts) >= 2 && isHTTPMethod(parts[0]) && strings.HasPrefix(parts[1], "/") {
			text = parts[0] + " " + strings.Join(parts[1:], " — ")
		}
		if isPlaceholder(text) {
			continue
		}
		if c := fr.component(); c != nil {
			fr.body = append(fr.body, text)
		}
		own.items = append(own.items, routedItem{kind: kind, item: Item{Text: text, Span: rowSpans[i]}, src: fromTable})
	}
}

// failureTable reads a table of scenarios and mitigations.
func (r *mdReader) failureTable(cols []string, rows [][]*flat, spans []Span, fr *frame) bool {
	sc, mit := -1, -1
	for i, c := range cols {
		switch {
		case sc < 0 && containsAny(c, "scenario", "failure", "risk", "event", "fault", "what if", "threat", "case", "component"):
			sc = i
		case mit < 0 && containsAny(c, "mitigation", "response", "plan", "handling", "action", "strategy", "behavior", "behaviour", "recovery", "fallback", "solution", "remedy"):
			mit = i
		}
	}
	if sc < 0 || mit < 0 {
		return false
	}
	for i, row := range rows {
		if sc >= len(row) {
			continue
		}
		s := strings.TrimSpace(row[sc].String())
		if s == "" || isPlaceholder(s) {
			continue
		}
		m, pending := "", false
		if mit < len(row) {
			m = strings.TrimSpace(row[mit].String())
			if isPlaceholder(m) {
				m, pending = "", true
			}
		}
		var rest []string
		for j, cell := range row {
			if j != sc && j != mit {
				if t := strings.TrimSpace(cell.String()); t != "" {
					rest = append(rest, t)
				}
			}
		}
		if len(rest) > 0 && m != "" {
			m += " (" + strings.Join(rest, "; ") + ")"
		}
		r.d.FailurePlan = append(r.d.FailurePlan, Scenario{Scenario: s, Mitigation: m, Pending: pending, Span: spans[i]})
	}
	return true
}

// finish completes the document once every block has been seen.
func (r *mdReader) finish() {
	r.tradeoffsInProse()
	r.callsInProse()
	r.nameOperands()
	r.resolveFigures()
	r.placeMentions()
	r.dropTeaching()
	r.mergeProducts()
	r.finishComponents()
	finishQueues(r.d, r.queueFigures)
}
