package design

import (
	"fmt"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/token"
)

// CUE evaluation cannot be interrupted, and a few lines of CUE can ask for
// more than any machine has: strings or structs that double at every
// reference, comprehensions over comprehensions, disjunctions that
// multiply. Most design documents are data with a little arithmetic
// ("requests_per_day: assumptions.dau * assumptions.requests_per_user_per_day"),
// and the cost of evaluating those is bounded by their size. checkStructure
// tells the two apart on the syntax tree, before anything is evaluated:
// what it cannot prove bounded is evaluated first in a separate process
// with limits (sandbox.go).

// shape is what checkStructure found.
type shape struct {
	nodes int
	// work counts checkStructure's own steps, for the tests that check
	// it stays linear.
	work int64
	// bounded is set when evaluation is bounded by the document's size:
	// the document holds literals, structs, lists, and references to
	// numbers, booleans or types combined by arithmetic and comparison.
	bounded bool
}

// checkStructure counts a parsed document or block against the file's
// budget (nodes, depth, fields or elements of one struct or list) and
// tells whether evaluating it is bounded by its size.
func checkStructure(f *ast.File, s structuredSource, b *structuredBudget) (shape, error) {
	c := &structureCheck{s: s, budget: b, bounded: true, root: newScopeNode(), scopeOf: map[ast.Expr]*lexScope{}}
	c.decls(f.Decls, c.root, nil, 0)
	if c.err != nil {
		return shape{}, c.err
	}
	if c.bounded {
		for _, r := range c.refs {
			if !c.scalarRef(r) {
				c.bounded = false
				break
			}
		}
	}
	return shape{nodes: c.nodes, bounded: c.bounded, work: c.steps}, nil
}

// scopeNode is a path of the document: every struct literal declared at
// that path adds its fields here, as CUE unifies them.
type scopeNode struct {
	fields map[string]*scopeNode
	values []ast.Expr
	// kind is the value's kind once worked out (known); busy while it
	// is.
	kind        exprKind
	known, busy bool
}

func newScopeNode() *scopeNode { return &scopeNode{fields: map[string]*scopeNode{}} }

// lexScope is one struct literal: its own fields, for resolving
// identifiers, and the path its fields are declared at.
type lexScope struct {
	idents map[string]*scopeNode
	quoted map[string]bool
	up     *lexScope
}

type reference struct {
	expr  ast.Expr
	scope *lexScope
}

type structureCheck struct {
	s       structuredSource
	budget  *structuredBudget
	nodes   int
	bounded bool
	root    *scopeNode
	refs    []reference
	// scopeOf holds where each reference was written, to resolve it.
	scopeOf map[ast.Expr]*lexScope
	err     error
	steps   int64
}

func (c *structureCheck) count(n ast.Node) bool {
	if c.err != nil {
		return false
	}
	c.steps++
	c.nodes++
	c.budget.nodes--
	if c.budget.nodes < 0 {
		c.err = c.s.errorAt(n.Pos(), fmt.Sprintf("input too complex: more than %d values in the structured parts of this file", maxStructuredNodes))
		return false
	}
	return true
}

func (c *structureCheck) tooMany(n ast.Node, what string, count int) {
	if c.err == nil {
		c.err = c.s.errorAt(n.Pos(), fmt.Sprintf("input too complex: %s of %d entries (limit %d)", what, count, maxCollection))
	}
}

// decls reads the declarations of a file or struct literal declared at
// path node.
func (c *structureCheck) decls(decls []ast.Decl, node *scopeNode, up *lexScope, depth int) {
	sc := &lexScope{idents: map[string]*scopeNode{}, quoted: map[string]bool{}, up: up}
	for _, d := range decls {
		if c.err != nil {
			return
		}
		switch x := d.(type) {
		case *ast.Field:
			if !c.count(x) {
				return
			}
			name, isIdent, err := ast.LabelName(x.Label)
			if err != nil || x.Alias != nil {
				// Pattern constraints, computed or aliased labels.
				c.bounded = false
				c.expr(x.Value, newScopeNode(), sc, depth)
				continue
			}
			if _, ok := x.Label.(*ast.Alias); ok {
				c.bounded = false
			}
			child, ok := node.fields[name]
			if !ok {
				if len(node.fields) >= maxCollection {
					c.tooMany(x, "a struct", len(node.fields)+1)
					return
				}
				child = newScopeNode()
				node.fields[name] = child
			}
			if isIdent {
				sc.idents[name] = child
			} else {
				sc.quoted[name] = true
			}
			child.values = append(child.values, x.Value)
			c.expr(x.Value, child, sc, depth)
		case *ast.EmbedDecl:
			if !c.count(x) {
				return
			}
			// A document that is one list or one value (YAML and
			// JSON can be); embedding a struct or a reference is
			// CUE's business.
			switch x.Expr.(type) {
			case *ast.ListLit, *ast.BasicLit:
			default:
				c.bounded = false
			}
			c.expr(x.Expr, newScopeNode(), sc, depth)
		case *ast.Package, *ast.CommentGroup, *ast.Attribute:
		default:
			// Imports, let clauses, comprehensions.
			c.bounded = false
			if !c.count(d) {
				return
			}
			ast.Walk(d, func(n ast.Node) bool { return c.count(n) }, nil)
		}
	}
}

// expr reads an expression that is the value at path node.
func (c *structureCheck) expr(e ast.Expr, node *scopeNode, sc *lexScope, depth int) {
	if c.err != nil || e == nil {
		return
	}
	switch x := e.(type) {
	case *ast.StructLit:
		if !c.count(x) {
			return
		}
		if depth+1 > maxStructuredDepth {
			c.err = c.s.errorAt(x.Pos(), fmt.Sprintf("input too complex: structs and lists nested more than %d deep", maxStructuredDepth))
			return
		}
		c.decls(x.Elts, node, sc, depth+1)
	case *ast.ListLit:
		if !c.count(x) {
			return
		}
		if depth+1 > maxStructuredDepth {
			c.err = c.s.errorAt(x.Pos(), fmt.Sprintf("input too complex: structs and lists nested more than %d deep", maxStructuredDepth))
			return
		}
		if len(x.Elts) > maxCollection {
			c.tooMany(x, "a list", len(x.Elts))
			return
		}
		for _, el := range x.Elts {
			if _, ok := el.(*ast.Ellipsis); ok {
				c.bounded = false
			}
			c.expr(el, newScopeNode(), sc, depth+1)
		}
	case *ast.BasicLit:
		c.count(x)
	case *ast.Ident:
		if c.count(x) && !predeclared[x.Name] {
			c.addRef(x, sc)
		}
	case *ast.SelectorExpr:
		if !c.count(x) {
			return
		}
		if !isPath(x) {
			c.bounded = false
			c.operand(x.X, sc, depth)
			return
		}
		c.addRef(x, sc)
	case *ast.UnaryExpr:
		if c.count(x) {
			c.operand(x.X, sc, depth)
		}
	case *ast.BinaryExpr:
		if !c.count(x) {
			return
		}
		if x.Op == token.OR {
			// Disjunctions multiply when they meet: their cost is
			// CUE's to work out.
			c.bounded = false
		}
		c.operand(x.X, sc, depth)
		c.operand(x.Y, sc, depth)
	case *ast.ParenExpr:
		if c.count(x) {
			c.operand(x.X, sc, depth)
		}
	default:
		// Calls, comprehensions, interpolations, indexing, slices.
		c.bounded = false
		ast.Walk(x, func(n ast.Node) bool { return c.count(n) }, nil)
	}
}

// operand reads an operand of an operator: a value of no path of its own.
func (c *structureCheck) operand(e ast.Expr, sc *lexScope, depth int) {
	switch e.(type) {
	case *ast.StructLit, *ast.ListLit:
		// Arithmetic on structs or lists is CUE's to judge.
		c.bounded = false
	}
	c.expr(e, newScopeNode(), sc, depth)
}

// predeclared identifiers name types and CUE's builtin values; referring
// to them costs nothing.
var predeclared = map[string]bool{
	"_": true, "int": true, "float": true, "number": true, "string": true, "bytes": true,
	"bool": true, "null": true, "true": true, "false": true, "uint": true,
	"int8": true, "int16": true, "int32": true, "int64": true, "int128": true,
	"uint8": true, "uint16": true, "uint32": true, "uint64": true, "uint128": true,
	"float32": true, "float64": true, "rune": true,
}

// isPath reports whether a selector is a chain of plain labels on an
// identifier (a.b.c).
func isPath(e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return true
		case *ast.SelectorExpr:
			e = x.X
		default:
			return false
		}
	}
}

// exprKind is what an expression evaluates to, as far as checkStructure
// needs to know.
type exprKind uint8

const (
	kindUnknown exprKind = iota
	kindScalar           // a number, a boolean, null, a type or a bound
	kindNumber
	kindString
	kindComposite // a struct or a list
)

// scalarRef reports whether a reference leads to a number, a boolean, null
// or a type: something whose value is small however often it is used. A
// reference to a string, struct or list may double the document at every
// use, and one CUE cannot resolve is left to CUE.
func (c *structureCheck) scalarRef(r reference) bool {
	n := c.resolve(r)
	if n == nil {
		return false
	}
	k := c.kindOf(n)
	return k == kindNumber || k == kindScalar
}

// resolve finds the path a reference names, as CUE resolves identifiers:
// in the innermost enclosing struct literal that declares the label.
func (c *structureCheck) resolve(r reference) *scopeNode {
	var labels []string
	e := r.expr
	for {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			break
		}
		name, _, err := ast.LabelName(sel.Sel)
		if err != nil {
			return nil
		}
		labels = append(labels, name)
		e = sel.X
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	var n *scopeNode
	for sc := r.scope; sc != nil; sc = sc.up {
		c.steps++
		if sc.quoted[id.Name] {
			return nil
		}
		if found, ok := sc.idents[id.Name]; ok {
			n = found
			break
		}
	}
	if n == nil {
		return nil
	}
	for i := len(labels) - 1; i >= 0; i-- {
		c.steps++
		next, ok := n.fields[labels[i]]
		if !ok {
			return nil
		}
		n = next
	}
	return n
}

// kindOf works out what a path holds from every value declared at it.
func (c *structureCheck) kindOf(n *scopeNode) exprKind {
	if n.known {
		return n.kind
	}
	if n.busy {
		return kindUnknown
	}
	n.busy = true
	k := kindUnknown
	for i, v := range n.values {
		c.steps++
		vk := c.exprKind(v)
		if i == 0 {
			k = vk
		} else if vk != k {
			k = kindUnknown
		}
		if k == kindUnknown {
			break
		}
	}
	n.busy = false
	n.kind, n.known = k, true
	return k
}

// exprKind works out what an expression of the bounded subset evaluates
// to; kindUnknown when it cannot tell.
func (c *structureCheck) exprKind(e ast.Expr) exprKind {
	switch x := e.(type) {
	case *ast.BasicLit:
		switch x.Kind {
		case token.INT, token.FLOAT:
			return kindNumber
		case token.STRING:
			return kindString
		}
		return kindScalar
	case *ast.StructLit, *ast.ListLit:
		return kindComposite
	case *ast.Ident:
		if predeclared[x.Name] {
			return kindScalar
		}
	case *ast.ParenExpr:
		return c.exprKind(x.X)
	case *ast.UnaryExpr:
		k := c.exprKind(x.X)
		switch x.Op {
		case token.SUB, token.ADD:
			if k == kindNumber {
				return kindNumber
			}
			return kindUnknown
		}
		if k == kindNumber || k == kindScalar || k == kindString {
			// !x and bounds such as >0 or =~"re".
			return kindScalar
		}
		return kindUnknown
	case *ast.BinaryExpr:
		kx, ky := c.exprKind(x.X), c.exprKind(x.Y)
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO:
			// Strings and lists add and multiply too, and may
			// double at every step: only numbers are bounded.
			if kx == kindNumber && ky == kindNumber {
				return kindNumber
			}
			return kindUnknown
		case token.AND:
			// Unifying scalars, types and bounds.
			if kx == kindNumber && ky == kindNumber {
				return kindNumber
			}
		case token.OR:
			return kindUnknown
		}
		if kx != kindUnknown && kx != kindComposite && ky != kindUnknown && ky != kindComposite {
			return kindScalar
		}
		return kindUnknown
	}
	if r, ok := c.refOf(e); ok {
		if n := c.resolve(r); n != nil {
			return c.kindOf(n)
		}
	}
	return kindUnknown
}

func (c *structureCheck) addRef(e ast.Expr, sc *lexScope) {
	c.refs = append(c.refs, reference{e, sc})
	c.scopeOf[e] = sc
}

// refOf finds the recorded reference for an identifier or selector.
func (c *structureCheck) refOf(e ast.Expr) (reference, bool) {
	sc, ok := c.scopeOf[e]
	return reference{e, sc}, ok
}
