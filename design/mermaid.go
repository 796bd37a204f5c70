package design

import (
	"strings"
)

// mermaidNode is a node of a flowchart: its id, its label and its shape.
type mermaidNode struct {
	id, label string
	// first is the label's first line (its name); rest the other lines.
	first, rest string
	cylinder    bool // [(label)]: a database
	decision    bool // {label}: a decision, not a box
	line        int  // 0-based line within the block
	col         int
	group       string // the label of the subgraph it was declared in
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
	var groups []string
	for ln, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "%%") {
			continue
		}
		first := strings.Fields(line)[0]
		switch lower(first) {
		case "subgraph":
			groups = append(groups, subgraphLabel(strings.TrimSpace(line[len(first):])))
			continue
		case "end":
			if len(groups) > 0 {
				groups = groups[:len(groups)-1]
			}
			continue
		case "flowchart", "graph", "classdef", "class", "style", "linkstyle", "click", "direction", "acctitle", "accdescr":
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
					n.label, n.first, n.rest = g.label, g.first, g.rest
					n.cylinder = g.cylinder
					n.decision = g.decision
				}
				if n.group == "" && len(groups) > 0 {
					n.group = groups[len(groups)-1]
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
	id, label, first, rest string
	cylinder, decision     bool
	col                    int
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
			n.first, n.rest = splitLabelLines(rest[:j])
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

// splitLabelLines splits a label at its first line break: the first line
// names the node, the rest describes it.
func splitLabelLines(s string) (string, string) {
	s = strings.Trim(strings.TrimSpace(s), "\"`")
	for _, br := range []string{"<br/>", "<br />", "<br>", "\\n"} {
		if i := strings.Index(s, br); i >= 0 {
			return cleanLabel(s[:i]), cleanLabel(s[i+len(br):])
		}
	}
	return cleanLabel(s), ""
}

// subgraphLabel reads "Redis[Redis Cluster]" or "Clients" after subgraph.
func subgraphLabel(s string) string {
	if i := strings.IndexAny(s, "[("); i >= 0 {
		return cleanLabel(strings.Trim(s[i:], "[]()"))
	}
	return cleanLabel(s)
}

var labelMarkup = strings.NewReplacer("**", "", "__", "", "`", "", "&quot;", "")

// cleanLabel strips quotes, HTML line breaks and Markdown from a label.
func cleanLabel(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "\"`")
	for _, br := range []string{"<br/>", "<br />", "<br>", "\\n"} {
		s = strings.ReplaceAll(s, br, " ")
	}
	s = stripTags(s)
	s = labelMarkup.Replace(s)
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
	// A flowchart with questions in it is a process, not an architecture.
	for _, n := range nodes {
		if strings.HasSuffix(strings.TrimSpace(n.label), "?") {
			return
		}
	}
	base := r.lines.pos(off)
	// "Gateway 1", "Gateway 2", "Gateway N...": instances of one component.
	instances := map[string]int{}
	for _, n := range nodes {
		if b := instanceBase(n.first); b != n.first {
			instances[NameKey(b)]++
		}
	}
	byID := map[string]*Component{}
	var replicaOf []string // ids of nodes that are replicas of another
	for _, n := range nodes {
		if n.decision && strings.HasSuffix(n.label, "?") {
			continue
		}
		name := n.first
		if name == "" {
			name = n.id
		}
		// "hash(client_id) % N" is a step, not a box.
		if strings.ContainsAny(name, "(){}%=") {
			continue
		}
		name = instanceBase(name)
		if isReplicaName(name) {
			replicaOf = append(replicaOf, n.id)
			continue
		}
		if n.group != "" && isShardName(name) {
			// "Shard 1" in a "Redis Cluster" subgraph: a part of the
			// group's store, not a component of its own
			continue
		}
		name, tech := splitNameTech(name)
		if tech == "" {
			tech = technologyIn(n.rest)
		}
		if tech == "" {
			tech = technologyIn(n.group)
		}
		kind := inferKind(name, tech)
		if kind == "" && n.cylinder {
			kind = KindDatabase
		}
		if kind == "" {
			kind = inferKind(n.id, "")
		}
		if kind == "" {
			kind = KindService
		}
		nsp := Span{Start: Pos{Line: base.Line + n.line, Col: n.col + 1}}
		nsp.End = nsp.Start
		c := r.addComponent(&Component{Name: name, Technology: tech, Kind: kind, Span: nsp, rank: rankDiagram})
		if c == nil {
			continue
		}
		if n.rest != "" {
			r.analyseProse(c, n.rest)
		}
		if k := instances[NameKey(name)]; k >= 2 && c.Replicas < k {
			c.Replicas = k
		}
		byID[n.id] = c
	}
	for _, id := range replicaOf {
		for _, e := range edges {
			if e[1] == id {
				if c := byID[e[0]]; c != nil {
					c.Replicas = max(c.Replicas, 1) + 1
				}
			}
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

// instanceBase strips an instance number from a node name: "Gateway 1",
// "API Server 2", "Shard N..." are instances of "Gateway", "API Server",
// "Shard".
func instanceBase(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	last := strings.TrimRight(words[len(words)-1], ".…")
	last = strings.TrimPrefix(last, "#")
	if last == "" || last == "N" || last == "n" || isAllDigits(last) {
		return strings.Join(words[:len(words)-1], " ")
	}
	return name
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isShardName reports nodes that stand for one partition of a store.
func isShardName(name string) bool {
	switch lower(name) {
	case "shard", "shards", "partition", "partitions":
		return true
	}
	return false
}

// isReplicaName reports nodes that stand for a copy of another node.
func isReplicaName(name string) bool {
	switch lower(name) {
	case "replica", "replicas", "read replica", "read replicas", "standby", "follower", "followers",
		"secondary", "secondaries", "slave", "slaves", "hot standby", "warm standby":
		return true
	}
	return false
}
