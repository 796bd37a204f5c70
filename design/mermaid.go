package design

import (
	"strings"
)

// mermaidNode is a node of a flowchart: its id, its label and its shape.
type mermaidNode struct {
	id, label string
	cylinder  bool // [(label)]: a database
	decision  bool // {label}: a decision, not a box
	line      int  // 0-based line within the block
	col       int
}

// parseFlowchart reads the nodes and edges of a Mermaid flowchart. It
// understands node shapes, edge forms (-->, ---, -.->, ==>, with |text| or
// -- text -->), & groups and subgraphs, and ignores styling lines. Anything
// it cannot read is skipped: a diagram is evidence, not a contract.
func parseFlowchart(body string) (nodes []*mermaidNode, edges [][2]string) {
	byID := map[string]*mermaidNode{}
	get := func(id string, line, col int) *mermaidNode {
		if n, ok := byID[id]; ok {
			return n
		}
		n := &mermaidNode{id: id, line: line, col: col}
		byID[id] = n
		nodes = append(nodes, n)
		return n
	}
	lines := strings.Split(body, "\n")
	if len(lines) > 5000 {
		lines = lines[:5000]
	}
	for ln, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "%%") {
			continue
		}
		first := strings.Fields(line)[0]
		switch lower(first) {
		case "flowchart", "graph", "subgraph", "end", "classdef", "class", "style", "linkstyle", "click", "direction", "accTitle", "accdescr", "acctitle":
			continue
		}
		indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
		p := &flowLine{s: line}
		var prev []string
		for !p.done() {
			group := p.nodeGroup()
			if len(group) == 0 {
				break
			}
			var ids []string
			for _, g := range group {
				n := get(g.id, ln, indent+g.col)
				if g.label != "" && n.label == "" {
					n.label = g.label
					n.cylinder = g.cylinder
					n.decision = g.decision
				}
				ids = append(ids, g.id)
			}
			for _, a := range prev {
				for _, b := range ids {
					edges = append(edges, [2]string{a, b})
				}
			}
			if !p.edge() {
				break
			}
			prev = ids
		}
	}
	return nodes, edges
}

type flowLine struct {
	s string
	i int
}

func (p *flowLine) done() bool { return p.i >= len(p.s) }

func (p *flowLine) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

type nodeRef struct {
	id, label          string
	cylinder, decision bool
	col                int
}

// nodeGroup reads "A", "A[label]" or "A & B".
func (p *flowLine) nodeGroup() []nodeRef {
	var out []nodeRef
	for {
		p.skipSpace()
		n, ok := p.node()
		if !ok {
			return out
		}
		out = append(out, n)
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '&' {
			p.i++
			continue
		}
		return out
	}
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

// shapes lists node shapes, longest opening first.
var shapes = []struct{ open, close string }{
	{"[(", ")]"}, {"((", "))"}, {"([", "])"}, {"[[", "]]"}, {"{{", "}}"}, {"[/", "/]"}, {"[\\", "\\]"},
	{"[/", "\\]"}, {"[\\", "/]"}, {"(((", ")))"}, {"[", "]"}, {"(", ")"}, {"{", "}"}, {">", "]"},
}

func (p *flowLine) node() (nodeRef, bool) {
	start := p.i
	for p.i < len(p.s) && (isIDByte(p.s[p.i]) || p.s[p.i] == '-' && p.i+1 < len(p.s) && isIDByte(p.s[p.i+1]) && p.i > start) {
		// a hyphen inside an id ("api-gw"), but not the start of an edge
		if p.s[p.i] == '-' && strings.HasPrefix(p.s[p.i:], "--") {
			break
		}
		p.i++
	}
	if p.i == start {
		return nodeRef{}, false
	}
	n := nodeRef{id: p.s[start:p.i], col: start}
	for _, sh := range shapes {
		if strings.HasPrefix(p.s[p.i:], sh.open) {
			rest := p.s[p.i+len(sh.open):]
			j := strings.Index(rest, sh.close)
			if j < 0 {
				break
			}
			n.label = cleanLabel(rest[:j])
			n.cylinder = sh.open == "[("
			n.decision = sh.open == "{"
			p.i += len(sh.open) + j + len(sh.close)
			break
		}
	}
	// ":::className"
	if strings.HasPrefix(p.s[p.i:], ":::") {
		p.i += 3
		for p.i < len(p.s) && isIDByte(p.s[p.i]) {
			p.i++
		}
	}
	return n, true
}

// edge reads an edge and its optional text; it reports false when there
// is none.
func (p *flowLine) edge() bool {
	p.skipSpace()
	start := p.i
	for p.i < len(p.s) && strings.IndexByte("-=.<>ox", p.s[p.i]) >= 0 {
		// "o" and "x" end an edge only right after dashes ("--o").
		if (p.s[p.i] == 'o' || p.s[p.i] == 'x') && (p.i == start || p.i+1 < len(p.s) && isIDByte(p.s[p.i+1])) {
			break
		}
		p.i++
	}
	arrow := p.s[start:p.i]
	if !strings.Contains(arrow, "--") && !strings.Contains(arrow, "==") && !strings.Contains(arrow, "-.") {
		p.i = start
		return false
	}
	p.skipSpace()
	// "-->|text|"
	if p.i < len(p.s) && p.s[p.i] == '|' {
		if j := strings.IndexByte(p.s[p.i+1:], '|'); j >= 0 {
			p.i += j + 2
		}
	}
	// "-- text -->": the arrow so far opened a text.
	if arrow == "--" || arrow == "==" || arrow == "-." {
		if j := strings.Index(p.s[p.i:], "-->"); j >= 0 {
			p.i += j + 3
		} else if j := strings.Index(p.s[p.i:], "---"); j >= 0 {
			p.i += j + 3
		} else if j := strings.Index(p.s[p.i:], "==>"); j >= 0 {
			p.i += j + 3
		} else if j := strings.Index(p.s[p.i:], ".->"); j >= 0 {
			p.i += j + 3
		}
	}
	return true
}

// cleanLabel strips quotes, HTML line breaks and Markdown from a label.
func cleanLabel(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "\"`")
	for _, br := range []string{"<br/>", "<br />", "<br>", "\\n"} {
		s = strings.ReplaceAll(s, br, " ")
	}
	s = stripTags(s)
	s = strings.NewReplacer("**", "", "__", "", "`", "", "&quot;", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// mermaid reads a flowchart in an architecture or components section as
// components and their dependencies; any flowchart counts as a diagram.
func (r *mdReader) mermaid(body string, off int, sp Span, fr *frame) {
	head := strings.TrimSpace(body)
	if i := strings.IndexAny(head, " \n"); i >= 0 {
		head = head[:i]
	}
	switch lower(head) {
	case "flowchart", "graph":
	default:
		return
	}
	r.d.Diagrams = append(r.d.Diagrams, sp)
	if fr.kind != SectionArchitecture && fr.kind != SectionComponents {
		return
	}
	nodes, edges := parseFlowchart(body)
	byID := map[string]*Component{}
	for _, n := range nodes {
		if n.decision && strings.HasSuffix(n.label, "?") {
			continue
		}
		name := n.label
		if name == "" {
			name = n.id
		}
		kind := inferKind(name, "")
		if kind == "" && n.cylinder {
			kind = KindDatabase
		}
		if kind == "" {
			kind = inferKind(n.id, "")
		}
		if kind == "" {
			kind = KindService
		}
		name, tech := splitNameTech(name)
		nsp := r.lines.span(off, off)
		nsp.Start.Line += n.line
		nsp.End = nsp.Start
		c := r.addComponent(&Component{Name: name, Technology: tech, Kind: kind, Span: nsp})
		if c != nil {
			byID[n.id] = c
		}
	}
	for _, e := range edges {
		a, b := byID[e[0]], byID[e[1]]
		if a == nil || b == nil || a == b {
			continue
		}
		a.DependsOn = appendUnique(a.DependsOn, b.Name)
	}
}
