package design

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"
	cuejson "cuelang.org/go/encoding/json"
	cueyaml "cuelang.org/go/encoding/yaml"

	"github.com/designlint/designlint/estimate"
	"github.com/designlint/designlint/schema"
)

// cueEnv is a CUE context with the #Design schema compiled in it. Contexts
// are not safe for concurrent use, so readers take one from a pool and give
// it back.
type cueEnv struct {
	ctx    *cue.Context
	design cue.Value
	uses   int
}

var cuePool = struct {
	sync.Mutex
	free []*cueEnv
}{}

// maxEnvUses bounds how many documents one context evaluates: contexts keep
// what they build, so a long run recycles them.
const maxEnvUses = 256

func getEnv() *cueEnv {
	cuePool.Lock()
	if n := len(cuePool.free); n > 0 {
		e := cuePool.free[n-1]
		cuePool.free = cuePool.free[:n-1]
		cuePool.Unlock()
		return e
	}
	cuePool.Unlock()
	ctx := cuecontext.New()
	v := ctx.CompileString(schema.Design, cue.Filename("schema/design.cue"))
	if err := v.Err(); err != nil {
		panic("designlint: embedded schema/design.cue does not compile: " + err.Error())
	}
	return &cueEnv{ctx: ctx, design: v.LookupPath(cue.MakePath(cue.Def("#Design")))}
}

func putEnv(e *cueEnv) {
	e.uses++
	if e.uses >= maxEnvUses {
		return
	}
	cuePool.Lock()
	cuePool.free = append(cuePool.free, e)
	cuePool.Unlock()
}

// structuredSource is a structured document or block with where its lines
// are in the user's file.
type structuredSource struct {
	path    string // the user's file
	name    string // the name CUE knows it by
	src     []byte
	format  Format
	lineOff int // lines before the block in the user's file
	colOff  int
}

// YAMLError is YAML that cannot be read, at a line of the YAML text (0
// when the reader does not say).
type YAMLError struct {
	Name string
	Line int
	Msg  string
	// Refused is set when the YAML may be well formed but designlint
	// will not expand it (an alias loop, a budget exceeded).
	Refused bool
}

func (e *YAMLError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg)
	}
	return e.Name + ": " + e.Msg
}

// yamlLine finds the line in the YAML reader's "name:line: message".
var yamlLine = regexp.MustCompile(`^.*?:(\d+): (.*)$`)

// ExtractYAML parses YAML into a CUE syntax tree. Its errors are
// *YAMLError, with the line. YAML whose aliases or merge keys loop or
// expand beyond designlint's budgets is refused before CUE's YAML reader
// expands it (see checkYAML); that reader panics on some malformed input
// (carriage returns in quoted values and keys, for one), and that becomes
// an error here rather than a crash.
func ExtractYAML(name string, src []byte) (f *ast.File, err error) {
	defer func() {
		if v := recover(); v != nil {
			f, err = nil, &YAMLError{Name: name, Msg: fmt.Sprintf("cannot read this YAML (the YAML reader failed: %v)", v)}
		}
	}()
	// YAML ends a line at a lone carriage return too; CUE's reader
	// panics on some (one in a quoted value, then a nested key).
	src = loneCRToLF(src)
	if be := checkYAML(src); be != nil {
		return nil, &YAMLError{Name: name, Line: be.line, Msg: be.msg, Refused: true}
	}
	f, err = cueyaml.Extract(name, src)
	if err != nil {
		text := err.Error()
		if m := yamlLine.FindStringSubmatch(text); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, &YAMLError{Name: name, Line: line, Msg: m[2]}
		}
		return nil, &YAMLError{Name: name, Msg: strings.TrimPrefix(text, name+": ")}
	}
	return f, nil
}

// parseStructured parses CUE, JSON or YAML into a CUE syntax tree; a
// parser that panics on hostile input is an error, not a crash.
func parseStructured(s structuredSource) (f *ast.File, err error) {
	defer func() {
		if v := recover(); v != nil {
			f, err = nil, fmt.Errorf("%s: cannot parse this %s (the parser failed: %v)", s.name, s.format, v)
		}
	}()
	switch s.format {
	case JSON:
		expr, err := cuejson.Extract(s.name, s.src)
		if err != nil {
			return nil, err
		}
		return astutilToFile(expr, s)
	case YAML:
		return ExtractYAML(s.name, s.src)
	default:
		return parser.ParseFile(s.name, s.src, parser.ParseComments)
	}
}

// astutilToFile wraps a JSON expression as a file; a JSON document that is
// not an object is refused.
func astutilToFile(expr ast.Expr, s structuredSource) (*ast.File, error) {
	st, ok := expr.(*ast.StructLit)
	if !ok {
		return nil, &Error{Path: s.path, Msg: "a design document must be a JSON object"}
	}
	return &ast.File{Decls: st.Elts}, nil
}

// CheckCUE refuses, in a parsed CUE file, what designlint never
// evaluates (see checkSyntax); the configuration reader uses it too.
// Errors are *Error at the position in the file.
func CheckCUE(path string, f *ast.File) error {
	return checkSyntax(f, structuredSource{path: path, name: path, format: CUE})
}

// checkSyntax refuses what designlint never evaluates: imports outside
// CUE's standard library, @embed and @extern attributes, and number
// literals outside the range of a float64.
func checkSyntax(f *ast.File, s structuredSource) error {
	var err error
	ast.Walk(f, func(n ast.Node) bool {
		if err != nil {
			return false
		}
		switch x := n.(type) {
		case *ast.ImportSpec:
			err = checkImport(x, s)
		case *ast.Attribute:
			k, _ := x.Split()
			if k == "embed" || k == "extern" {
				err = s.errorAt(x.Pos(), fmt.Sprintf("the @%s attribute is not allowed: designlint reads no other files", k))
			}
		case *ast.BasicLit:
			if x.Kind == token.INT || x.Kind == token.FLOAT {
				var ni literal.NumInfo
				if perr := literal.ParseNum(x.Value, &ni); perr == nil {
					f, ferr := strconv.ParseFloat(ni.String(), 64)
					if ferr != nil || math.IsInf(f, 0) {
						err = s.errorAt(x.Pos(), fmt.Sprintf("number %s is outside the range designlint accepts", firstRunes(x.Value, 30)))
					}
				}
			}
		}
		return true
	}, nil)
	return err
}

// checkImport allows CUE's standard library only: no module path (a dot in
// the first element) and no tool packages.
func checkImport(imp *ast.ImportSpec, s structuredSource) error {
	if imp.Path == nil {
		return nil
	}
	p, uerr := literal.Unquote(imp.Path.Value)
	if uerr != nil {
		p = imp.Path.Value
	}
	first := p
	if i := strings.IndexByte(p, '/'); i >= 0 {
		first = p[:i]
	}
	if strings.Contains(first, ".") || first == "tool" || strings.Contains(p, ":") {
		return s.errorAt(imp.Pos(), fmt.Sprintf("import %q is not allowed: only CUE's standard library may be imported", p))
	}
	return nil
}

// errorAt makes a read error at a CUE position.
func (s structuredSource) errorAt(p token.Pos, msg string) *Error {
	return &Error{Path: s.path, Pos: s.pos(p), Msg: msg}
}

// pos maps a CUE position into the user's file.
func (s structuredSource) pos(p token.Pos) Pos {
	if !p.IsValid() {
		return Pos{}
	}
	return Pos{Line: p.Line() + s.lineOff, Col: p.Column() + s.colOff}
}

func (s structuredSource) span(p token.Pos) Span {
	ps := s.pos(p)
	if ps.Line == 0 {
		return Span{}
	}
	return Span{Start: ps, End: ps}
}

// readStructured reads a CUE, JSON or YAML design document.
func readStructured(path string, src []byte, f Format, opts Options) (*Design, error) {
	s := structuredSource{path: path, name: path, src: src, format: f}
	file, err := parseStructured(s)
	if err != nil {
		return nil, cueSyntaxError(s, err)
	}
	if err := checkSyntax(file, s); err != nil {
		return nil, err
	}
	d := newDesign(path, f)
	d.Source = src
	if f == CUE {
		d.Suppressions = append(d.Suppressions, cueDirectives(file, s)...)
	}
	if err := evaluate(d, file, s, opts, true, false); err != nil {
		return nil, err
	}
	finishQueues(d, nil)
	return d, nil
}

// cueSyntaxError turns a parse error into a read error with a position.
func cueSyntaxError(s structuredSource, err error) error {
	if e, ok := err.(*Error); ok {
		return e
	}
	if ye, ok := err.(*YAMLError); ok {
		e := &Error{Path: s.path, Msg: "syntax error: " + ye.Msg}
		if ye.Refused {
			e.Msg = ye.Msg
		}
		if ye.Line > 0 {
			e.Pos = Pos{Line: ye.Line + s.lineOff, Col: 1}
		}
		return e
	}
	for _, e := range errors.Errors(err) {
		format, args := e.Msg()
		msg := fmt.Sprintf(format, args...)
		var p token.Pos
		if ps := errors.Positions(e); len(ps) > 0 {
			p = ps[0]
		} else {
			p = e.Position()
		}
		return &Error{Path: s.path, Pos: s.pos(p), Msg: "syntax error: " + msg}
	}
	return &Error{Path: s.path, Msg: "syntax error: " + err.Error()}
}

// evaluate builds, validates and decodes a parsed document or block
// (assumptions: a block of figures, read as the assumptions field) within
// the file's budgets: CUE whose evaluation is not bounded by its size is
// evaluated first in a child process (sandbox.go), and evaluated here only
// if it finished there within budget.
func evaluate(d *Design, file *ast.File, s structuredSource, opts Options, whole, assumptions bool) (err error) {
	if assumptions {
		file = assumptionsFile(file)
	}
	if err := boundEvaluation(file, s, d.budget, assumptions, "design"); err != nil {
		return err
	}
	env := getEnv()
	defer func() {
		if p := recover(); p != nil {
			err = &Error{Path: s.path, Msg: fmt.Sprintf("CUE evaluation failed: %v", p)}
		}
	}()
	err = evaluateIn(env, d, file, s, opts, whole)
	putEnv(env)
	return err
}

// boundEvaluation holds a parsed document or block to the file's budgets
// before it is evaluated in this process: its syntax to the node, depth
// and collection budgets, and, when its cost is not bounded by its size,
// its evaluation in the evaluator process to the evaluation budgets.
func boundEvaluation(file *ast.File, s structuredSource, b *structuredBudget, assumptions bool, schemaName string) error {
	sh, err := checkStructure(file, s, b)
	if err != nil {
		return err
	}
	if sh.bounded {
		return nil
	}
	refused, err := sandboxEvaluate(evaluationJob(s, assumptions, schemaName), b)
	if err != nil {
		return &Error{Path: s.path, Msg: err.Error()}
	}
	if refused != "" {
		return &Error{Path: s.path, Pos: s.pos(file.Pos()), Msg: refused}
	}
	return nil
}

// CheckConfiguration holds a parsed configuration file (CUE, or YAML
// already extracted) to the budgets a design document is held to, so that
// evaluating it cannot run away. Errors are *Error.
func CheckConfiguration(path string, f *ast.File, src []byte, format Format) error {
	s := structuredSource{path: path, name: path, src: src, format: format}
	return boundEvaluation(f, s, newStructuredBudget(), false, "config")
}

func evaluateIn(env *cueEnv, d *Design, file *ast.File, s structuredSource, opts Options, whole bool) error {
	v := env.ctx.BuildFile(file)
	if err := v.Err(); err != nil {
		// A reference to nothing, a cycle: the document cannot be
		// evaluated at all.
		for _, e := range errors.Errors(err) {
			format, args := e.Msg()
			return &Error{Path: s.path, Pos: s.pos(firstPos(e, s.name)), Msg: fmt.Sprintf(format, args...)}
		}
		return &Error{Path: s.path, Msg: err.Error()}
	}
	u := v.Unify(env.design)
	if err := u.Validate(cue.Concrete(true)); err != nil {
		d.Issues = append(d.Issues, schemaIssues(err, v, s)...)
	}
	dec := decoder{d: d, s: s, opts: opts, budget: maxWalk}
	dec.design(v, whole)
	return nil
}

// maxWalk bounds how many values of a structured document are decoded.
const maxWalk = 20000

// firstPos picks the first position of an error that lies in the user's
// document.
func firstPos(e errors.Error, name string) token.Pos {
	for _, p := range errors.Positions(e) {
		if p.Filename() == name {
			return p
		}
	}
	return token.NoPos
}

// schemaIssues turns validation errors into findings of rule schema, one
// per path: a disjunction fails with one error per branch, which read as
// one complaint.
func schemaIssues(err error, doc cue.Value, s structuredSource) []Issue {
	type group struct {
		path string
		pos  token.Pos
		msgs []string
	}
	groups := map[string]*group{}
	var order []string
	for _, e := range errors.Errors(err) {
		format, args := e.Msg()
		msg := fmt.Sprintf(format, args...)
		path := strings.Join(e.Path(), ".")
		if strings.HasPrefix(path, "#Design.") {
			path = strings.TrimPrefix(path, "#Design.")
		}
		g, ok := groups[path]
		if !ok {
			g = &group{path: path}
			groups[path] = g
			order = append(order, path)
		}
		if !g.pos.IsValid() {
			g.pos = firstPos(e, s.name)
		}
		if strings.Contains(msg, "errors in empty disjunction") || strings.Contains(msg, "disjunction") && len(g.msgs) > 0 {
			continue
		}
		g.msgs = appendUniqueString(g.msgs, msg)
	}
	// A value that fails a choice of shapes (#NFR | string) reports a
	// type mismatch for the shape it is not and the real problem deeper
	// down for the one it is meant to be: keep the deeper one.
	for _, path := range order {
		g := groups[path]
		if !allMismatches(g.msgs) {
			continue
		}
		for _, other := range order {
			if other != path && strings.HasPrefix(other, path+".") {
				g.msgs = nil
				break
			}
		}
	}
	var out []Issue
	for _, path := range order {
		g := groups[path]
		if g.msgs == nil {
			continue
		}
		pos := g.pos
		if !pos.IsValid() {
			pos = nearestPos(doc, path)
		}
		msg := strings.Join(g.msgs, "; ")
		msg = tidySchemaMessage(msg)
		if msg == "" {
			msg = "does not match the schema"
		}
		text := msg
		if path != "" {
			text = path + ": " + msg
		}
		out = append(out, Issue{Rule: "schema", Message: text, Span: s.span(pos), Element: "field:" + path})
	}
	return out
}

func allMismatches(msgs []string) bool {
	for _, m := range msgs {
		if !strings.Contains(m, "mismatched types") {
			return false
		}
	}
	return len(msgs) > 0
}

// tidySchemaMessage turns CUE's wording for a failed choice into one
// sentence: `"lb" is not one of: "service", "database", …`.
func tidySchemaMessage(msg string) string {
	if !strings.Contains(msg, "conflicting values") {
		return msg
	}
	var got string
	var choices []string
	for _, part := range strings.Split(msg, "; ") {
		rest, ok := strings.CutPrefix(part, "conflicting values ")
		if !ok {
			return msg
		}
		a, b, ok := strings.Cut(rest, " and ")
		if !ok {
			return msg
		}
		if got == "" {
			got = b
		}
		choices = append(choices, a)
	}
	if len(choices) < 2 {
		return msg
	}
	return fmt.Sprintf("%s is not one of: %s", got, strings.Join(choices, ", "))
}

func appendUniqueString(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// nearestPos finds the position of the deepest part of path that exists in
// the document: an error about a missing field carries only the schema's
// position.
func nearestPos(doc cue.Value, path string) token.Pos {
	parts := strings.Split(path, ".")
	for n := len(parts); n > 0; n-- {
		v := doc.LookupPath(cue.ParsePath(strings.Join(parts[:n], ".")))
		if v.Exists() {
			if p := v.Pos(); p.IsValid() {
				return p
			}
		}
	}
	return token.NoPos
}

// cueDirectives reads designlint directives from CUE comments.
func cueDirectives(f *ast.File, s structuredSource) []Suppression {
	var out []Suppression
	for _, cg := range ast.Comments(f) {
		out = append(out, directivesInGroup(cg, s)...)
	}
	seen := map[token.Pos]bool{}
	ast.Walk(f, func(n ast.Node) bool {
		for _, cg := range ast.Comments(n) {
			if seen[cg.Pos()] {
				continue
			}
			seen[cg.Pos()] = true
			for _, sup := range directivesInGroup(cg, s) {
				if sup.Next {
					if field, ok := n.(*ast.Field); ok {
						sup.Target = Span{Start: s.pos(field.Pos()), End: s.pos(field.End())}
					}
				}
				out = append(out, sup)
			}
		}
		return true
	}, nil)
	return dedupeSuppressions(out)
}

func directivesInGroup(cg *ast.CommentGroup, s structuredSource) []Suppression {
	var out []Suppression
	for _, c := range cg.List {
		text := strings.TrimPrefix(c.Text, "//")
		if sup, ok := parseDirective(text); ok {
			sup.Span = s.span(c.Pos())
			out = append(out, sup)
		}
	}
	return out
}

// dedupeSuppressions keeps one directive per position, preferring the one
// that knows its target.
func dedupeSuppressions(in []Suppression) []Suppression {
	byPos := map[Pos]int{}
	var out []Suppression
	for _, s := range in {
		if i, ok := byPos[s.Span.Start]; ok {
			if out[i].Target == (Span{}) {
				out[i].Target = s.Target
			}
			continue
		}
		byPos[s.Span.Start] = len(out)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start.Line < out[j].Span.Start.Line })
	return out
}

// field looks up a field by name; cue.ParsePath would run the CUE parser
// for every lookup.
func field(v cue.Value, name string) cue.Value {
	return v.LookupPath(cue.MakePath(cue.Str(name)))
}

// decoder reads a CUE value into the model, within a budget of values.
type decoder struct {
	d      *Design
	s      structuredSource
	opts   Options
	budget int
}

func (dc *decoder) spend() bool {
	dc.budget--
	return dc.budget >= 0
}

func (dc *decoder) span(v cue.Value) Span { return dc.s.span(v.Pos()) }

func (dc *decoder) str(v cue.Value) (string, bool) {
	if !v.Exists() {
		return "", false
	}
	s, err := v.String()
	return s, err == nil
}

// strings reads a string or a list of strings as items.
func (dc *decoder) items(v cue.Value) []Item {
	if !v.Exists() {
		return nil
	}
	if s, ok := dc.str(v); ok {
		if isPlaceholder(s) {
			return nil
		}
		return []Item{{Text: s, Span: dc.span(v)}}
	}
	var out []Item
	it, err := v.List()
	if err != nil {
		return nil
	}
	for it.Next() && dc.spend() {
		e := it.Value()
		if s, ok := dc.str(e); ok && !isPlaceholder(s) {
			out = append(out, Item{Text: s, Span: dc.span(e)})
		}
	}
	return out
}

// section records a structured field as a section of the document.
func (dc *decoder) section(kind SectionKind, v cue.Value, title string, n int) {
	if !v.Exists() {
		return
	}
	dc.d.Sections = append(dc.d.Sections, Section{Kind: kind, Title: title, Span: dc.span(v), Empty: n == 0})
}

// design decodes a whole document (or a fenced block's fields).
func (dc *decoder) design(v cue.Value, whole bool) {
	d := dc.d
	if s, ok := dc.str(field(v, "title")); ok && d.Title == "" {
		d.Title = s
	}
	if s, ok := dc.str(field(v, "status")); ok && d.Status == "" {
		d.Status = s
	}
	p := field(v, "problem")
	prob := dc.items(p)
	d.Problem = append(d.Problem, prob...)
	dc.section(SectionProblem, p, "problem", len(prob))

	req := field(v, "requirements")
	fn := field(req, "functional")
	fi := dc.items(fn)
	d.Functional = append(d.Functional, fi...)
	dc.section(SectionFunctional, fn, "requirements.functional", len(fi))
	nf := field(req, "nonfunctional")
	nn := dc.nfrs(nf)
	dc.section(SectionNonFunctional, nf, "requirements.nonfunctional", nn)

	as := field(v, "assumptions")
	na := dc.figures(as, false)
	es := field(v, "estimates")
	ne := dc.figures(es, true)
	if as.Exists() || es.Exists() {
		sv := as
		if !sv.Exists() {
			sv = es
		}
		dc.section(SectionEstimates, sv, "assumptions", na+ne)
	}

	api := field(v, "api")
	dc.section(SectionAPI, api, "api", dc.endpoints(api))

	comps := field(v, "components")
	dc.section(SectionComponents, comps, "components", dc.components(comps))

	fp := field(v, "failure_plan")
	dc.section(SectionFailure, fp, "failure_plan", dc.scenarios(fp))

	tr := field(v, "tradeoffs")
	dc.section(SectionTradeoffs, tr, "tradeoffs", dc.tradeoffs(tr))

	sm := field(v, "summary")
	si := dc.items(sm)
	d.Summary = append(d.Summary, si...)
	dc.section(SectionSummary, sm, "summary", len(si))

	dl := field(v, "designlint")
	if dl.Exists() {
		if it, err := dl.Fields(); err == nil {
			blockReason, _ := dc.str(field(dl, "reason"))
			for it.Next() && dc.spend() {
				id, rv := it.Selector().Unquoted(), it.Value()
				if id == "reason" {
					continue
				}
				o := Override{Rule: id, Span: dc.span(rv)}
				if rv.IncompleteKind() == cue.StructKind {
					o.Severity, _ = dc.str(field(rv, "severity"))
					o.Reason, _ = dc.str(field(rv, "reason"))
				} else {
					o.Severity, _ = dc.str(rv)
				}
				if o.Reason = strings.TrimSpace(o.Reason); o.Reason == "" {
					o.Reason = strings.TrimSpace(blockReason)
				}
				o.Until = untilDate(o.Reason)
				d.Overrides = append(d.Overrides, o)
			}
		}
	}
}

func (dc *decoder) nfrs(v cue.Value) int {
	it, err := v.List()
	if err != nil {
		return 0
	}
	n := 0
	for it.Next() && dc.spend() {
		e := it.Value()
		var text, cat, target string
		if s, ok := dc.str(e); ok {
			text = s
		} else {
			text, _ = dc.str(field(e, "requirement"))
			cat, _ = dc.str(field(e, "category"))
			tv := field(e, "target")
			if s, ok := dc.str(tv); ok {
				target = s
			} else if f, err := tv.Float64(); err == nil && !math.IsInf(f, 0) {
				target = strconv.FormatFloat(f, 'g', -1, 64)
			}
		}
		if text == "" || isPlaceholder(text) {
			continue
		}
		item := Item{Text: text, Span: dc.span(e)}
		nfr := dc.opts.readNFR(item)
		if cat != "" {
			nfr.Category = NFRCategory(cat)
			cats := []NFRCategory{nfr.Category}
			for _, c := range nfr.Categories {
				if c != nfr.Category {
					cats = append(cats, c)
				}
			}
			nfr.Categories = cats
		}
		if target != "" {
			if q, err := dc.opts.parseQuantity(target, 0); err == nil {
				nfr.Target = &Value{Quantity: q, Text: target, Span: item.Span}
			} else {
				dc.d.Issues = append(dc.d.Issues, Issue{Rule: "schema", Message: "requirements.nonfunctional: target " + quoteText(target) + ": " + reason(err), Span: item.Span})
			}
		}
		dc.d.NonFunctional = append(dc.d.NonFunctional, nfr)
		n++
	}
	return n
}

// figures reads assumptions or estimates; it returns how many it read.
func (dc *decoder) figures(v cue.Value, declared bool) int {
	if !v.Exists() {
		return 0
	}
	it, err := v.Fields()
	if err != nil {
		return 0
	}
	n := 0
	for it.Next() && dc.spend() {
		key := it.Selector().Unquoted()
		e := it.Value()
		if key == "other" {
			continue
		}
		name, ok := estimate.Lookup(key)
		if !ok {
			continue
		}
		q, text, err := dc.quantity(e, name.Dim)
		if err == nil {
			q, err = name.Coerce(q)
		}
		if err != nil {
			dc.d.Issues = append(dc.d.Issues, Issue{Rule: "schema", Message: fieldPath(declared) + "." + key + ": " + reason(err), Span: dc.span(e), Element: "figure:" + key})
			continue
		}
		val := Value{Name: key, Quantity: q, Text: text, Span: dc.span(e)}
		if name.Derived {
			dc.d.Declared[key] = val
		} else {
			dc.d.Assumptions[key] = val
		}
		n++
	}
	return n
}

func fieldPath(declared bool) string {
	if declared {
		return "estimates"
	}
	return "assumptions"
}

// quantity reads a number or a string with a unit.
func (dc *decoder) quantity(v cue.Value, want estimate.Dim) (estimate.Quantity, string, error) {
	if s, ok := dc.str(v); ok {
		q, err := dc.opts.parseQuantity(s, want)
		return q, s, err
	}
	f, err := v.Float64()
	if err != nil {
		return estimate.Quantity{}, "", fmt.Errorf("not a number or a quantity string")
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return estimate.Quantity{}, "", fmt.Errorf("number out of range")
	}
	if f < 0 {
		return estimate.Quantity{}, "", fmt.Errorf("negative values are not allowed")
	}
	text := strconv.FormatFloat(f, 'g', -1, 64)
	return estimate.Quantity{Value: f, Dim: estimate.Count, Bare: true}, text, nil
}

func (dc *decoder) endpoints(v cue.Value) int {
	it, err := v.List()
	if err != nil {
		return 0
	}
	n := 0
	for it.Next() && dc.spend() {
		e := it.Value()
		m, _ := dc.str(field(e, "method"))
		p, _ := dc.str(field(e, "path"))
		desc, _ := dc.str(field(e, "description"))
		if s, ok := dc.str(e); ok {
			desc = s
		}
		if m == "" && p == "" && desc == "" {
			continue
		}
		dc.d.API = append(dc.d.API, Endpoint{Method: m, Path: p, Description: desc, Span: dc.span(e)})
		n++
	}
	return n
}

func (dc *decoder) scenarios(v cue.Value) int {
	it, err := v.List()
	if err != nil {
		return 0
	}
	n := 0
	for it.Next() && dc.spend() {
		e := it.Value()
		sc := Scenario{Span: dc.span(e)}
		if s, ok := dc.str(e); ok {
			sc = scenarioFrom(routedItem{item: Item{Text: s, Span: sc.Span}})
		} else {
			sc.Scenario, _ = dc.str(field(e, "scenario"))
			sc.Mitigation, _ = dc.str(field(e, "mitigation"))
		}
		if sc.Scenario == "" || isPlaceholder(sc.Scenario) {
			continue
		}
		if isPlaceholder(sc.Mitigation) {
			sc.Mitigation = ""
		}
		dc.d.FailurePlan = append(dc.d.FailurePlan, sc)
		n++
	}
	return n
}

func (dc *decoder) tradeoffs(v cue.Value) int {
	it, err := v.List()
	if err != nil {
		return 0
	}
	n := 0
	for it.Next() && dc.spend() {
		e := it.Value()
		text, ok := dc.str(e)
		if !ok {
			choice, _ := dc.str(field(e, "choice"))
			because, _ := dc.str(field(e, "because"))
			cost, _ := dc.str(field(e, "cost"))
			text = strings.TrimSpace(choice + " because " + because)
			if cost != "" {
				text += "; cost: " + cost
			}
		}
		if text == "" || isPlaceholder(text) {
			continue
		}
		dc.d.TradeOffs = append(dc.d.TradeOffs, Item{Text: text, Span: dc.span(e)})
		n++
	}
	return n
}

func (dc *decoder) components(v cue.Value) int {
	it, err := v.Fields()
	if err != nil {
		return 0
	}
	n := 0
	for it.Next() && dc.spend() {
		e := it.Value()
		c := &Component{Name: it.Selector().Unquoted(), Span: dc.span(e)}
		get := func(p string) cue.Value { return field(e, p) }
		k, _ := dc.str(get("kind"))
		c.Kind = ComponentKind(k)
		c.Technology, _ = dc.str(get("technology"))
		if b, err := get("stateful").Bool(); err == nil {
			c.Stateful = b
		}
		cons, _ := dc.str(get("consistency"))
		c.Consistency = ConsistencyModel(cons)
		c.Justification, _ = dc.str(get("justification"))
		if isPlaceholder(c.Justification) {
			c.Justification = ""
		}
		if r, err := get("replicas").Int64(); err == nil && r >= 0 && r < 1e6 {
			c.Replicas = int(r)
		}
		rg := get("regions")
		if r, err := rg.Int64(); err == nil && r > 0 && r < 1e4 {
			c.Regions = int(r)
		} else if l, err := rg.List(); err == nil {
			for l.Next() && dc.spend() {
				c.Regions++
			}
		}
		if l, err := get("depends_on").List(); err == nil {
			for l.Next() && dc.spend() {
				if s, ok := dc.str(l.Value()); ok {
					c.DependsOn = append(c.DependsOn, s)
				}
			}
		}
		sp := get("spof")
		if b, err := field(sp, "acknowledged").Bool(); err == nil {
			c.SPOF.Acknowledged = b
			c.SPOF.Reason, _ = dc.str(field(sp, "reason"))
		}
		cp := get("cache_policy")
		st := field(cp, "strategy")
		if s, ok := dc.str(st); ok {
			c.Cache.Strategies = append(c.Cache.Strategies, s)
		} else if l, err := st.List(); err == nil {
			for l.Next() && dc.spend() {
				if s, ok := dc.str(l.Value()); ok {
					c.Cache.Strategies = append(c.Cache.Strategies, s)
				}
			}
		}
		if ttl := field(cp, "ttl"); ttl.Exists() {
			_, text, err := dc.quantity(ttl, estimate.Duration)
			if err == nil {
				c.Cache.TTL = text
				if !c.Cache.Has("ttl") {
					c.Cache.Strategies = append(c.Cache.Strategies, "ttl")
				}
			}
		}
		q := get("queue")
		if q.Exists() {
			if ar := field(q, "arrival_rate"); ar.Exists() {
				c.Queue.Arrival = dc.rate(ar, c.Name+".queue.arrival_rate")
			}
			if sr := field(q, "service_rate"); sr.Exists() {
				c.Queue.Service = dc.rate(sr, c.Name+".queue.service_rate")
			}
			if n, err := field(q, "consumers").Int64(); err == nil && n >= 0 && n < 1e6 {
				c.Queue.Consumers = int(n)
			}
			if l, err := field(q, "plans").List(); err == nil {
				for l.Next() && dc.spend() {
					if s, ok := dc.str(l.Value()); ok {
						c.Queue.Plans = append(c.Queue.Plans, queuePlans(lower(s))...)
						if len(queuePlans(lower(s))) == 0 {
							c.Queue.Plans = append(c.Queue.Plans, s)
						}
					}
				}
			}
		}
		if cv := get("capacity"); cv.Exists() {
			c.Capacity = dc.rate(cv, c.Name+".capacity")
		}
		if av := get("availability"); av.Exists() {
			if q, text, err := dc.quantity(av, estimate.Percent); err == nil {
				if n, ok := estimate.Lookup("availability"); ok {
					if q2, err := n.Coerce(q); err == nil {
						c.Availability = &Value{Quantity: q2, Text: text, Span: dc.span(av)}
					}
				}
			}
		}
		sess, _ := dc.str(get("session"))
		switch sess {
		case "sticky", "in-memory":
			c.Session = sess
			c.SessionReason, _ = dc.str(get("session_reason"))
			if isPlaceholder(c.SessionReason) {
				c.SessionReason = ""
			}
		}
		c.Description, _ = dc.str(get("description"))
		// The description says what the structured fields leave out, as
		// a Markdown component's prose does.
		if desc := lower(c.Description); desc != "" {
			if len(c.Cache.Strategies) == 0 && (c.Kind == KindCache || c.Kind == KindCDN) {
				c.Cache = cachePolicies(desc)
			}
			if len(c.Queue.Plans) == 0 && c.Kind == KindQueue {
				c.Queue.Plans = queuePlans(desc)
			}
			if c.Session == "" && (c.Kind == KindService || c.Kind == KindGateway) {
				c.Session, c.SessionReason = sessionState(sentences(c.Description))
			}
		}
		if StatefulKind(c.Kind) || c.Session != "" {
			c.Stateful = true
		}
		dc.d.Components = append(dc.d.Components, c)
		n++
	}
	return n
}

// rate reads a rate field (capacity, queue rates).
func (dc *decoder) rate(v cue.Value, field string) *Value {
	q, text, err := dc.quantity(v, estimate.Rate)
	if err == nil {
		n := estimate.Name{ID: field, Dim: estimate.Rate}
		q, err = n.Coerce(q)
	}
	if err != nil {
		dc.d.Issues = append(dc.d.Issues, Issue{Rule: "schema", Message: "components." + field + ": " + reason(err), Span: dc.span(v)})
		return nil
	}
	return &Value{Quantity: q, Text: text, Span: dc.span(v)}
}
