package design

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"

	"github.com/designlint/designlint/estimate"
)

// This file reads the structured parts of a Markdown document: YAML front
// matter, and fenced cue, yaml or json blocks holding design fields.

// designFields are the top-level fields of #Design.
var designFields = map[string]bool{
	"title": true, "status": true, "authors": true, "problem": true, "requirements": true,
	"assumptions": true, "estimates": true, "api": true, "components": true, "failure_plan": true,
	"tradeoffs": true, "summary": true, "designlint": true,
}

var reTopKey = regexp.MustCompile(`(?m)^"?([A-Za-z_][A-Za-z0-9_]*)"?\s*:`)

// structuredBlock reads a fenced cue, yaml or json block whose top-level
// keys are design fields, or (in an estimates section) canonical figure
// names. It reports whether the block was read; other blocks are code
// samples and left alone.
func (r *mdReader) structuredBlock(lang, body string, off int, fr *frame) bool {
	keys := topKeys(lang, body)
	if len(keys) == 0 {
		return false
	}
	design, figures := true, true
	for _, k := range keys {
		if !designFields[k] {
			design = false
		}
		if _, ok := estimate.Lookup(k); !ok {
			figures = false
		}
	}
	if !design && !(figures && (fr.kind == SectionEstimates || fr.kind == SectionNonFunctional)) {
		return false
	}
	format := CUE
	switch lang {
	case "yaml", "yml":
		format = YAML
	case "json":
		format = JSON
	}
	start := r.lines.pos(off)
	s := structuredSource{
		path:    r.d.Path,
		name:    fmt.Sprintf("%s#L%d", r.d.Path, start.Line),
		src:     []byte(body),
		format:  format,
		lineOff: start.Line - 1,
		colOff:  start.Col - 1,
	}
	file, err := parseStructured(s)
	if err == nil {
		err = checkSyntax(file, s)
	}
	if err != nil {
		var msg string
		var sp Span
		if e, ok := err.(*Error); ok {
			msg, sp = e.Msg, Span{Start: e.Pos, End: e.Pos}
		} else if e, ok := cueSyntaxError(s, err).(*Error); ok {
			msg, sp = e.Msg, Span{Start: e.Pos, End: e.Pos}
		}
		if sp.Start.Line == 0 {
			sp = r.lines.span(off, off)
		}
		r.d.Issues = append(r.d.Issues, Issue{Rule: "schema", Message: "fenced " + lang + " block: " + msg, Span: sp})
		return true
	}
	if !design {
		// A block of figures whose values are literals needs no
		// evaluation: read them directly.
		if r.literalFigures(file, s) {
			return true
		}
	}
	// A block of figures that needs evaluating is read as the
	// assumptions field.
	n := len(r.d.Components)
	if err := evaluate(r.d, file, s, r.opts, false, !design); err != nil {
		if e, ok := err.(*Error); ok {
			sp := Span{Start: e.Pos, End: e.Pos}
			if sp.Start.Line == 0 {
				sp = r.lines.span(off, off)
			}
			r.d.Issues = append(r.d.Issues, Issue{Rule: "schema", Message: "fenced " + lang + " block: " + e.Msg, Span: sp})
		}
		return true
	}
	for _, c := range r.d.Components[n:] {
		r.comps[scopedKey(c.scope, componentKey(c.Name))] = c
	}
	return true
}

// literalFigures reads a block of canonical figures whose values are all
// literals (numbers or strings). It reports false, having read nothing,
// when a value is an expression that needs CUE to evaluate it.
func (r *mdReader) literalFigures(f *ast.File, s structuredSource) bool {
	type lit struct {
		name, text string
		number     bool
		pos        Span
	}
	var lits []lit
	for _, decl := range f.Decls {
		field, ok := decl.(*ast.Field)
		if !ok {
			return false
		}
		name, _, err := ast.LabelName(field.Label)
		if err != nil {
			return false
		}
		b, ok := field.Value.(*ast.BasicLit)
		if !ok {
			return false
		}
		l := lit{name: name, pos: s.span(field.Pos())}
		switch b.Kind {
		case token.INT, token.FLOAT:
			var ni literal.NumInfo
			if literal.ParseNum(b.Value, &ni) != nil {
				return false
			}
			l.text, l.number = ni.String(), true
		case token.STRING:
			v, err := literal.Unquote(b.Value)
			if err != nil {
				return false
			}
			l.text = v
		default:
			return false
		}
		lits = append(lits, l)
	}
	for _, l := range lits {
		n, _ := estimate.Lookup(l.name)
		var q estimate.Quantity
		var err error
		if l.number {
			v, perr := strconv.ParseFloat(l.text, 64)
			if perr != nil || math.IsInf(v, 0) || v < 0 {
				err = fmt.Errorf("number out of range")
			}
			q = estimate.Quantity{Value: v, Dim: estimate.Count, Bare: true}
		} else {
			q, err = r.opts.parseQuantity(l.text, n.Dim)
		}
		if err == nil {
			q, err = n.Coerce(q)
		}
		if err != nil {
			r.d.Issues = append(r.d.Issues, Issue{Rule: "schema", Message: "assumptions." + l.name + ": " + reason(err), Span: l.pos, Element: "figure:" + l.name})
			continue
		}
		r.literalFigure(l.name, q, l.text, l.pos)
	}
	return true
}

// topKeys lists the top-level keys of a small structured block.
func topKeys(lang, body string) []string {
	var out []string
	switch lang {
	case "json":
		t := strings.TrimSpace(body)
		if !strings.HasPrefix(t, "{") {
			return nil
		}
		depth := 0
		inStr := false
		for i := 0; i < len(t); i++ {
			c := t[i]
			switch {
			case inStr:
				if c == '\\' {
					i++
				} else if c == '"' {
					inStr = false
				}
			case c == '"':
				if depth == 1 {
					j := strings.IndexByte(t[i+1:], '"')
					if j < 0 {
						return out
					}
					k := t[i+1 : i+1+j]
					rest := strings.TrimLeft(t[i+2+j:], " \t\r\n")
					if strings.HasPrefix(rest, ":") {
						out = append(out, k)
					}
					i += j + 1
					continue
				}
				inStr = true
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
			}
		}
	default:
		for _, m := range reTopKey.FindAllStringSubmatch(body, 200) {
			out = append(out, m[1])
		}
	}
	return out
}

type frontMatter struct {
	start, end       int // the whole block, delimiters included
	bodyStart, bodyE int // the YAML between the delimiters
}

// findFrontMatter finds a YAML front matter block at the start of src.
func findFrontMatter(src []byte) (frontMatter, bool) {
	var fm frontMatter
	first := bytes.IndexByte(src, '\n')
	if first < 0 || strings.TrimRight(string(src[:first]), "\r \t") != "---" {
		return fm, false
	}
	fm.bodyStart = first + 1
	for i := fm.bodyStart; i < len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		line := strings.TrimRight(string(src[i:end]), "\r \t")
		if line == "---" || line == "..." {
			fm.bodyE = i
			fm.end = end
			return fm, true
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	return fm, false
}

// maxFrontMatter bounds the YAML designlint parses at the top of a
// Markdown document.
const maxFrontMatter = 64 << 10

// readFrontMatter reads title, status, authors and the designlint key.
func readFrontMatter(d *Design, src []byte, fm frontMatter) error {
	body := src[fm.bodyStart:fm.bodyE]
	lt := newLineTable(src)
	startLine := lt.pos(fm.bodyStart).Line
	if len(body) > maxFrontMatter {
		return &Error{Path: d.Path, Pos: Pos{Line: startLine, Col: 1}, Msg: "front matter larger than 64 KiB"}
	}
	f, err := ExtractYAML(d.Path, body)
	if err != nil {
		s := structuredSource{path: d.Path, name: d.Path, format: YAML, lineOff: startLine - 1}
		if e, ok := cueSyntaxError(s, err).(*Error); ok {
			e.Msg = "front matter: " + strings.TrimPrefix(e.Msg, "syntax error: ")
			return e
		}
		return &Error{Path: d.Path, Pos: Pos{Line: startLine, Col: 1}, Msg: "front matter: " + err.Error()}
	}
	pos := func(n ast.Node) Span {
		p := n.Pos()
		if !p.IsValid() {
			return Span{Start: Pos{startLine, 1}, End: Pos{startLine, 1}}
		}
		ps := Pos{Line: p.Line() + startLine - 1, Col: p.Column()}
		return Span{Start: ps, End: ps}
	}
	for _, decl := range f.Decls {
		field, ok := decl.(*ast.Field)
		if !ok {
			continue
		}
		name, _, _ := ast.LabelName(field.Label)
		switch name {
		case "title":
			if s, ok := stringLit(field.Value); ok && !isPlaceholder(s) {
				d.Title = s
			}
		case "status":
			if s, ok := stringLit(field.Value); ok {
				d.Status = s
			}
		case "kind":
			s, _ := stringLit(field.Value)
			k, ok := ParseDocKind(s)
			if !ok {
				return &Error{Path: d.Path, Pos: pos(field).Start, Msg: "front matter: kind " + quoteText(s) + " is not a document kind (design, interview, adr, rfc or other)"}
			}
			d.Kind, d.KindWhy, d.KindSet = k, "its front matter says so", true
		case "designlint":
			st, ok := field.Value.(*ast.StructLit)
			if !ok {
				continue
			}
			readOverrides(d, st, pos)
		}
	}
	return nil
}

// readOverrides reads the designlint key of front matter:
//
//	designlint:
//	  reason: the reason for every setting below that gives none
//	  api-contract: off
//	  tradeoffs: {severity: info, reason: "…"}
//	  disable: [summary]
//	  rules: {summary: off}
func readOverrides(d *Design, st *ast.StructLit, pos func(ast.Node) Span) {
	first := len(d.Overrides)
	blockReason := ""
	setting := func(id string, v ast.Expr, at ast.Node) {
		o := Override{Rule: id, Span: pos(at)}
		if m, ok := v.(*ast.StructLit); ok {
			for _, e := range m.Elts {
				f, ok := e.(*ast.Field)
				if !ok {
					continue
				}
				switch k, _, _ := ast.LabelName(f.Label); k {
				case "severity":
					o.Severity, _ = stringLit(f.Value)
				case "reason":
					o.Reason, _ = stringLit(f.Value)
				}
			}
		} else {
			o.Severity, _ = stringLit(v)
		}
		d.Overrides = append(d.Overrides, o)
	}
	for _, e := range st.Elts {
		rf, ok := e.(*ast.Field)
		if !ok {
			continue
		}
		rule, _, _ := ast.LabelName(rf.Label)
		switch rule {
		case "reason":
			blockReason, _ = stringLit(rf.Value)
		case "rules":
			if inner, ok := rf.Value.(*ast.StructLit); ok {
				for _, ie := range inner.Elts {
					if irf, ok := ie.(*ast.Field); ok {
						id, _, _ := ast.LabelName(irf.Label)
						setting(id, irf.Value, irf)
					}
				}
			}
		case "disable":
			if l, ok := rf.Value.(*ast.ListLit); ok {
				for _, x := range l.Elts {
					if id, ok := stringLit(x); ok {
						d.Overrides = append(d.Overrides, Override{Rule: id, Severity: "off", Span: pos(x)})
					}
				}
			}
		default:
			setting(rule, rf.Value, rf)
		}
	}
	for i := first; i < len(d.Overrides); i++ {
		o := &d.Overrides[i]
		if o.Reason == "" {
			o.Reason = blockReason
		}
		o.Reason = strings.TrimSpace(o.Reason)
		o.Until = untilDate(o.Reason)
	}
}

// stringLit reads a scalar literal as text (YAML's off and false both mean
// a rule is off).
func stringLit(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if s, err := literal.Unquote(x.Value); err == nil {
			return s, true
		}
		if x.Value == "false" {
			return "off", true
		}
		return x.Value, true
	case *ast.Ident:
		if x.Name == "false" {
			return "off", true
		}
		return x.Name, true
	}
	return "", false
}
