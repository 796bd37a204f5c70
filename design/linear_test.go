package design

import (
	"strings"
	"testing"

	"cuelang.org/go/cue/parser"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/designlint/designlint/design/english"
	"github.com/designlint/designlint/internal/worktest"
)

// The passes designlint runs on hostile input before or beside goldmark
// and CUE do work linear in their input: each pattern is read at two
// sizes, and the counted work may at most double (worktest.MaxRatio).

func TestScreenIsLinear(t *testing.T) {
	work := func(src []byte) int64 {
		w, _ := screen(src)
		return w
	}
	for _, p := range []worktest.Pattern{
		worktest.Repeat("words", "", "word ", "\n"),
		worktest.Repeat("lines", "", "a line of text\n", ""),
		worktest.Repeat("unclosed brackets per paragraph", "", strings.Repeat("[a", 3000)+"\n\n", ""),
		worktest.Repeat("emphasis runs", "", strings.Repeat("*", 3000)+" a\n", ""),
		worktest.Repeat("fences", "", "```\n[[[[\n```\n", ""),
		worktest.Repeat("lost fences", "", "- ```\n[a\n", ""),
		worktest.Repeat("html blocks", "", "<div>\n```\n\n", ""),
		worktest.Repeat("table rows", "|a|b|\n|-|-|\n", "|x|y|\n", ""),
		worktest.Repeat("wide delimiter rows", "", "|"+strings.Repeat("-|", 100)+"\n", ""),
		worktest.Repeat("nested markers", "", strings.Repeat("> ", 30)+"x\n", ""),
		worktest.Repeat("numbered markers", "", "1. 2. 3. 4. 5. x\n", ""),
	} {
		worktest.Doubling(t, p, 2000, work)
	}
}

// emphasisWork parses src and pairs the emphasis markers of its first
// paragraph, then leaves them out of its text, as inline does.
func emphasisWork(src []byte) int64 {
	doc := markdownParser.Parse(text.NewReader(src))
	p := doc.FirstChild()
	r := &mdReader{src: src, lines: newLineTable(src)}
	em := r.emphasisOf(p)
	if em == nil {
		return 0
	}
	f := newFlat(p)
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				addText(f, src, t.Segment.Start, t.Segment.Stop, em)
			} else {
				walk(c)
			}
		}
	}
	walk(p)
	return em.work
}

func TestEmphasisIsLinear(t *testing.T) {
	for _, p := range []worktest.Pattern{
		worktest.Repeat("openers", "", "*a ", "b*\n"),
		worktest.Repeat("pairs", "", "*a* ", "\n"),
		worktest.Repeat("bold pairs", "", "**a** ", "\n"),
		worktest.Repeat("mixed", "", "**a* _b_ ", "\n"),
		worktest.Repeat("pairs among links", "", "*a* [b](c) `d` ", "\n"),
		worktest.Repeat("nested", "", "*a **b ", strings.Repeat("c** d*", 1)+"\n"),
		worktest.Pattern{Name: "deep nesting", Make: func(n int) []byte {
			return []byte(strings.Repeat("*a ", n) + strings.Repeat(" b*", n) + "\n")
		}},
		worktest.Pattern{Name: "one opener, many pairs", Make: func(n int) []byte {
			return []byte("*x " + strings.Repeat("_a_ ", n) + "y*\n")
		}},
	} {
		worktest.Doubling(t, p, 2000, emphasisWork)
	}
}

func TestYAMLCheckIsLinear(t *testing.T) {
	work := func(src []byte) int64 {
		w, err := walkYAML(src)
		if err != nil {
			t.Fatalf("%s: %v", src[:min(len(src), 40)], err.msg)
		}
		return w
	}
	const base = "base: &base {a: 1, b: 2}\n"
	for _, p := range []worktest.Pattern{
		worktest.Numbered("keys", base, "k%[1]d: v%[1]d\n"),
		worktest.Numbered("aliases", base, "k%[1]d: [*base, %[1]d]\n"),
		worktest.Numbered("merge keys", base, "k%[1]d: {<<: *base, c: %[1]d}\n"),
		worktest.Numbered("anchors", base, "k%[1]d: &a%[1]d {x: 1}\n"),
		worktest.Numbered("nested anchors", base, "k%[1]d: &n%[1]d {x: &m {y: 1}}\n"),
	} {
		worktest.Doubling(t, p, 500, work)
	}
}

func TestCUECheckIsLinear(t *testing.T) {
	work := func(src []byte) int64 {
		f, err := parser.ParseFile("t.cue", src)
		if err != nil {
			t.Fatal(err)
		}
		sh, err := checkStructure(f, structuredSource{path: "t.cue", name: "t.cue", format: CUE}, newStructuredBudget())
		if err != nil {
			t.Fatal(err)
		}
		return sh.work
	}
	for _, p := range []worktest.Pattern{
		worktest.Numbered("chained references", "a0: 1\n", "a%[1]d: a%[2]d * 2\n"),
		worktest.Numbered("references to one", "a0: 1\n", "a%[1]d: a0 + %[2]d\n"),
		worktest.Numbered("nested paths", "x: {a0: 1}\n", "x: a%[1]d: x.a%[2]d - 1\n"),
		worktest.Numbered("unknown kinds", "a0: \"s\"\n", "a%[1]d: a%[2]d + a0\n"),
		worktest.Numbered("structs", "", "c%[1]d: {kind: \"service\", replicas: %[2]d}\n"),
	} {
		worktest.Doubling(t, p, 800, work)
	}
}

// Reading whole Markdown documents allocates in proportion to their size,
// whatever they repeat. (Allocation is not time: see the README's limits
// section for what the reader's own passes are held to.)
func TestMarkdownAllocationIsLinear(t *testing.T) {
	read := worktest.AllocWork(func(src []byte) { _, _ = Read("p.md", src, Options{}) })
	for _, p := range []worktest.Pattern{
		worktest.Repeat("table rows", "# T\n\n## Estimates\n\n| a | b |\n|---|---|\n", "| x | 1 |\n", ""),
		worktest.Repeat("list items", "# T\n\n## Estimates\n\n", "- DAU: 10M\n", ""),
		worktest.Repeat("headings", "", "## Cache\n", ""),
		worktest.Repeat("bold components", "# T\n\n## Architecture\n\n", "**Cache** uses Redis. ", "\n"),
		worktest.Repeat("links", "# T\n\n## Architecture\n\n", "[a](b) ", "\n"),
		worktest.Repeat("products in a sentence", "# T\n\n## Architecture\n\n", "Redis or Kafka, ", "\n"),
		worktest.Repeat("stores in a sentence", "# T\n\n## Architecture\n\n", "writes to the Orders DB such as ", "\n"),
		worktest.Repeat("product sentences", "# T\n\n## Architecture\n\n", "We could use Redis. ", "\n"),
		worktest.Repeat("arrow chains", "# T\n\n## Architecture\n\n", "Client → LB → API → DB\n\n", ""),
		worktest.Repeat("fenced blocks", "# T\n\n## Estimates\n\n", "```yaml\nassumptions: {dau: 10}\n```\n", ""),
		worktest.Repeat("ones", "# T\n\n## Estimates\n\n", "1 ", "\n"),
		worktest.Repeat("braces", "# T\n\n## Estimates\n\n", "{ ", "\n"),
		worktest.Repeat("angle slots", "# T\n\n## Estimates\n\n", "<a ", "\n"),
		worktest.Repeat("quotes", "# T\n\n## Estimates\n\n", "\"a ", "\n"),
		// Inputs that make naive Markdown parsing super-linear, past
		// the screen's limits or within them.
		worktest.Repeat("emphasis", "## Architecture\n\n", "*a ", "\n"),
		worktest.Repeat("unclosed brackets", "## Architecture\n\n", "[a", "\n"),
		worktest.Repeat("backticks", "## Architecture\n\n", "`a", "\n"),
		worktest.Repeat("nested lists", "## Architecture\n\n", "- a\n  ", "\n"),
		worktest.Repeat("less-than signs", "## Architecture\n\n", "<", "\n"),
		worktest.Repeat("link definitions", "## Architecture\n\n", "[a]: b\n[a] ", "\n"),
		worktest.Repeat("mermaid edges", "## Architecture\n\n```mermaid\nflowchart LR\n", "a --> b & c & d\n", "```\n"),
		worktest.Repeat("equations", "## Estimates\n\n", "1 × 2 = 3 ", "\n"),
	} {
		worktest.Doubling(t, p, 500, read)
	}
	// Past the screen's limits the same inputs are refused, reading next
	// to nothing.
	for _, p := range []worktest.Pattern{
		worktest.Repeat("emphasis", "", "*a ", "\n"),
		worktest.Repeat("unclosed brackets", "", "[a", "\n"),
		worktest.Repeat("less-than signs", "", "<", "\n"),
	} {
		worktest.Doubling(t, p, 100000, read)
	}
}

// The reader of design English (the figures, equations and component
// facts of sentences, items and cells) looks at a number of tokens linear in its input,
// whatever the input repeats.
func TestReadingWorkIsLinear(t *testing.T) {
	est, arch := "# T\n\n## Estimates\n\n", "# T\n\n## Architecture\n\n### Store\n\n"
	for _, p := range []worktest.Pattern{
		worktest.Repeat("ones", est, "1 ", "\n"),
		worktest.Repeat("figures", est, "10M users ", "\n"),
		worktest.Repeat("ranges", est, "1-2, ", "\n"),
		worktest.Repeat("hedged sizes", est, "about 2 KB per post ", "\n"),
		worktest.Repeat("rates", est, "5k req/s at peak, ", "\n"),
		worktest.Repeat("chained equations", est, "2 × 3 = 6 ", "\n"),
		worktest.Repeat("long product", est+"1", " × 2", " = 9\n"),
		worktest.Repeat("open parentheses", est, "( 3 users ", "\n"),
		worktest.Repeat("close parentheses", est, "3 users ) ", "\n"),
		worktest.Repeat("labels", est, "DAU: 1M; ", "\n"),
		worktest.Repeat("grouped digits", est, "1,000,", "\n"),
		worktest.Repeat("sentences", est, "We expect 10M users a day. ", "\n"),
		worktest.Repeat("per-user clauses", est, "each user posts 2 photos and ", "\n"),
		worktest.Repeat("replica words", arch, "primary with 2 replicas, ", "\n"),
		worktest.Repeat("region names", arch, "us-east-1 ", "\n"),
		worktest.Repeat("consistency words", arch, "strongly consistent because ", "\n"),
		worktest.Repeat("requirement items", "# T\n\n## Non-functional requirements\n\n", "- p99 under 200 ms\n", ""),
		worktest.Repeat("estimate lines", est, "- Storage: 10M users × 2 KB = 20 GB\n", ""),
	} {
		worktest.Doubling(t, p, 2000, readWork)
	}
}

// readWork reads a document and counts the tokens the reader of design
// English looked at while doing so.
func readWork(src []byte) int64 {
	before := english.Work()
	_, _ = Read("p.md", src, Options{})
	return english.Work() - before
}
