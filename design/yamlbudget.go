package design

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	yaml "go.yaml.in/yaml/v3"
)

// CUE's YAML reader expands aliases and merge keys ("<<: *base") as it
// builds CUE syntax. It bounds the nodes aliases produce but not what merge
// keys produce, and it follows a merge key into the mapping that holds it:
// thirty bytes ("a: &a {b: 1, <<: *a}") overflow the stack, and a kilobyte
// of mappings that each merge the one below runs out of memory. So before
// CUE's reader sees YAML, designlint parses it into yaml.v3's node tree,
// which expands nothing, and works out what the expansion will cost,
// refusing cycles and anything over budget.

// yamlCost is what extracting one node costs CUE's reader.
type yamlCost struct {
	nodes int64 // CUE syntax nodes produced
	work  int64 // nodes, plus source bytes rescanned, plus merge comparisons
	pairs int64 // key-value pairs a mapping contributes to a merge
}

type yamlWalker struct {
	lines []int // byte offset at which each line starts
	size  int
	memo  map[*yaml.Node]yamlCost
	busy  map[*yaml.Node]bool
	// span is, for every node that has an anchor, how many source bytes
	// its text runs over: CUE's reader scans them again for every alias.
	span map[*yaml.Node]int64
	err  *yamlBudgetError
	// steps counts the walker's own work, for the tests that check it
	// stays linear.
	steps int64
}

// yamlBudgetError is YAML refused before CUE's reader expands it.
type yamlBudgetError struct {
	line int
	msg  string
}

// checkYAML refuses YAML whose aliases or merge keys form a cycle or would
// expand beyond the budgets, and YAML nested too deeply or with too many
// entries in one mapping or sequence. YAML that yaml.v3 cannot parse is
// left to CUE's reader, which reports the syntax error.
func checkYAML(src []byte) *yamlBudgetError {
	_, err := walkYAML(src)
	return err
}

// walkYAML is checkYAML counting its steps.
func walkYAML(src []byte) (int64, *yamlBudgetError) {
	w := &yamlWalker{
		lines: lineStarts(src),
		size:  len(src),
		memo:  map[*yaml.Node]yamlCost{},
		busy:  map[*yaml.Node]bool{},
		span:  map[*yaml.Node]int64{},
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var total yamlCost
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return w.steps, nil
		}
		if be := w.shape(&doc); be != nil {
			return w.steps, be
		}
		c := w.cost(&doc)
		if w.err != nil {
			return w.steps, w.err
		}
		total.nodes = addCapped(total.nodes, c.nodes)
		total.work = addCapped(total.work, c.work)
		if be := overBudget(total, doc.Line); be != nil {
			return w.steps, be
		}
	}
	return w.steps, nil
}

func overBudget(c yamlCost, line int) *yamlBudgetError {
	switch {
	case c.nodes > maxStructuredNodes:
		return &yamlBudgetError{line: line, msg: fmt.Sprintf("input too complex: the YAML expands to more than %d values (aliases and merge keys included)", maxStructuredNodes)}
	case c.work > maxYAMLWork:
		return &yamlBudgetError{line: line, msg: "input too complex: expanding the YAML's aliases and merge keys would take too much work"}
	}
	return nil
}

// shape checks the tree as written: nesting depth and the size of each
// mapping and sequence, and records how much source text each anchored
// node covers.
func (w *yamlWalker) shape(doc *yaml.Node) *yamlBudgetError {
	// order lists the nodes in document order with the depth of each.
	type entry struct {
		n     *yaml.Node
		depth int
	}
	var order []entry
	var visit func(n *yaml.Node, depth int) *yamlBudgetError
	visit = func(n *yaml.Node, depth int) *yamlBudgetError {
		if depth > maxStructuredDepth {
			return &yamlBudgetError{line: n.Line, msg: fmt.Sprintf("input too complex: YAML nested more than %d deep", maxStructuredDepth)}
		}
		count := len(n.Content)
		if n.Kind == yaml.MappingNode {
			count /= 2
		}
		if count > maxCollection {
			return &yamlBudgetError{line: n.Line, msg: fmt.Sprintf("input too complex: a YAML %s of %d entries (limit %d)", kindWord(n), count, maxCollection)}
		}
		order = append(order, entry{n, depth})
		w.steps++
		for _, c := range n.Content {
			if err := visit(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := visit(doc, 0); err != nil {
		return err
	}
	// An anchored node's text runs to the next node that is not inside
	// it (or to the end of the input).
	for i, e := range order {
		if e.n.Anchor == "" {
			continue
		}
		end := w.size
		for j := i + 1; j < len(order); j++ {
			w.steps++
			if order[j].depth <= e.depth {
				end = w.offset(order[j].n.Line)
				break
			}
		}
		w.span[e.n] = int64(max(end-w.offset(e.n.Line), 1))
	}
	return nil
}

func kindWord(n *yaml.Node) string {
	if n.Kind == yaml.MappingNode {
		return "mapping"
	}
	return "sequence"
}

// offset is the byte offset at which a 1-based line starts.
func (w *yamlWalker) offset(line int) int {
	if line < 1 {
		return 0
	}
	if line > len(w.lines) {
		return w.size
	}
	return w.lines[line-1]
}

// cost is what extracting n costs, memoised: an anchored node costs the
// same at every alias that names it.
func (w *yamlWalker) cost(n *yaml.Node) yamlCost {
	if w.err != nil {
		return yamlCost{}
	}
	w.steps++
	if c, ok := w.memo[n]; ok {
		return c
	}
	w.busy[n] = true
	c := yamlCost{nodes: 1, work: 1}
	switch n.Kind {
	case yaml.AliasNode:
		c = w.expand(n)
	case yaml.MappingNode:
		merged := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if isMergeKey(k) {
				merged = true
				m := w.merge(v)
				c.add(m)
				c.pairs = addCapped(c.pairs, m.pairs)
				continue
			}
			c.add(w.cost(k))
			c.add(w.cost(v))
			c.pairs++
		}
		// After a merge key, CUE's reader looks every later key up
		// among the fields gathered so far, one by one.
		if merged {
			c.work = addCapped(c.work, mulCapped(c.pairs, c.pairs))
		}
	default:
		for _, ch := range n.Content {
			c.add(w.cost(ch))
		}
	}
	delete(w.busy, n)
	if w.err == nil {
		w.memo[n] = c
		if be := overBudget(c, n.Line); be != nil {
			w.err = be
		}
	}
	return c
}

// expand is the cost of an alias: its anchored node again, and the
// anchored node's text read again.
func (w *yamlWalker) expand(alias *yaml.Node) yamlCost {
	target := alias.Alias
	if target == nil {
		return yamlCost{nodes: 1, work: 1}
	}
	if w.busy[target] {
		w.err = &yamlBudgetError{line: alias.Line, msg: fmt.Sprintf("alias *%s is used inside the node it names (&%s): the YAML would never end", alias.Value, target.Anchor)}
		return yamlCost{}
	}
	c := w.cost(target)
	c.work = addCapped(c.work, w.span[target])
	return c
}

// merge is the cost of a merge key's value: a mapping, an alias of one, or
// a sequence of those.
func (w *yamlWalker) merge(v *yaml.Node) yamlCost {
	switch v.Kind {
	case yaml.AliasNode:
		return w.expand(v)
	case yaml.SequenceNode:
		var c yamlCost
		for _, ch := range v.Content {
			m := w.merge(ch)
			c.add(m)
			c.pairs = addCapped(c.pairs, m.pairs)
		}
		return c
	}
	return w.cost(v)
}

func (c *yamlCost) add(d yamlCost) {
	c.nodes = addCapped(c.nodes, d.nodes)
	c.work = addCapped(c.work, d.work)
}

// isMergeKey matches CUE's reader: a plain "<<" key, untagged or tagged
// !!merge.
func isMergeKey(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "<<" && (n.Tag == "" || n.Tag == "!" || n.ShortTag() == "!!merge")
}

// capCost is far above every budget and far below overflow.
const capCost = int64(1) << 50

func addCapped(a, b int64) int64 {
	if a+b > capCost {
		return capCost
	}
	return a + b
}

func mulCapped(a, b int64) int64 {
	if a != 0 && b > capCost/a {
		return capCost
	}
	return a * b
}

// lineStarts lists the byte offset at which each line of src starts.
func lineStarts(src []byte) []int {
	return newLineTable(src).starts
}
