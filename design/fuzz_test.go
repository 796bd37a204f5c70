package design

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cuelang.org/go/cue/ast"
)

// The readers take documents from strangers: no input may panic, hang or
// produce positions outside the file.

func addSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(pattern)
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
}

func checkDesign(t *testing.T, d *Design, src []byte) {
	lines := 1
	for _, c := range loneCRToLF(src) {
		if c == '\n' {
			lines++
		}
	}
	check := func(what string, sp Span) {
		if sp.Start.Line < 0 || sp.Start.Line > lines || sp.End.Line > lines {
			t.Fatalf("%s at %+v is outside a %d-line file", what, sp, lines)
		}
	}
	for _, s := range d.Sections {
		check("section "+s.Title, s.Span)
	}
	for _, c := range d.Components {
		check("component "+c.Name, c.Span)
	}
	for _, v := range d.Assumptions {
		check("assumption "+v.Name, v.Span)
		if !v.Quantity.Valid() || v.Quantity.Value < 0 {
			t.Fatalf("assumption %s has value %v", v.Name, v.Quantity)
		}
	}
	for _, is := range d.Issues {
		check("issue", is.Span)
	}
}

// hostileMarkdownSeeds reach the edges the screen and the reader guard:
// long paragraphs of figures and brackets, wide tables, fences in
// containers and HTML, lone carriage returns, merge keys in front matter,
// and fenced blocks whose CUE must go to the evaluator process.
func hostileMarkdownSeeds() []string {
	return []string{
		"# T\n\n## Estimates\n\n" + strings.Repeat("1 ", 5000) + "\n",
		"# T\n\n## Estimates\n\n" + strings.Repeat("10M users ", 1000) + "\n",
		"# T\n\n" + strings.Repeat("{ ", 5000) + "\n",
		"# T\n\n" + strings.Repeat("[a", 3000) + "\n",
		"# " + strings.Repeat("word ", 3000) + "\n",
		"|" + strings.Repeat(" a |", 128) + "\n|" + strings.Repeat("---|", 128) + "\n|" + strings.Repeat(" 1 |", 128) + "\n",
		"> |" + strings.Repeat(" a |", 129) + "\n> |" + strings.Repeat("---|", 129) + "\n",
		"- ```\n  code\n  ```\n\n  " + strings.Repeat("[a", 100) + "\n",
		"<div>\n```\n\n" + strings.Repeat("*a ", 100) + "\n",
		"    ```\n" + strings.Repeat("`a", 100) + "\n",
		"# T\r\r## Estimates\r\r- DAU: 10M\r- Peak: 3x\r",
		"---\na: &a {b: 1, <<: *a}\n---\n# T\n",
		"---\nbase: &b {x: 1}\ntitle: {<<: *b}\n---\n# T\n",
		"# T\n\n## Estimates\n\n```cue\nassumptions: {dau: [for x in [1, 2] {x}][1]}\n```\n",
		"# T\n\n## Estimates\n\n```yaml\nassumptions: &a {dau: 10, <<: *a}\n```\n",
		"# T\n\n## Architecture\n\n" + strings.Repeat("*a* [b](c) `d` ", 500) + "\n",
	}
}

func FuzzReadMarkdown(f *testing.F) {
	addSeeds(f, filepath.Join("..", "testdata", "docs", "*.md"))
	addSeeds(f, filepath.Join("..", "testdata", "rules", "*", "*.md"))
	f.Add([]byte("# T\n\n## Estimates\n\n- DAU: 10M\n- Peak: 3x\n\n| a | b |\n|---|---|\n| c | d |\n"))
	f.Add([]byte("---\ntitle: x\ndesignlint: {summary: off}\n---\n# T\n<!-- designlint-disable-next x -- y -->\n### DB (Postgres)\n"))
	f.Add([]byte("## Architecture\n\n```mermaid\nflowchart LR\n a[A 1] --> b[(B)] & c{{C}}\n```\n"))
	f.Add([]byte("## Architecture\n\nClient → LB → `Api` → DB, and \"Redis or\" (e.g. Kafka)\n\nSession cache: Memcached; it is eventually consistent.\n\n- [S3](x)\n"))
	for _, s := range hostileMarkdownSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Read("fuzz.md", src, Options{})
		if err == nil {
			checkDesign(t, d, src)
		}
	})
}

func FuzzReadCUE(f *testing.F) {
	addSeeds(f, filepath.Join("..", "testdata", "docs", "*.cue"))
	addSeeds(f, filepath.Join("..", "testdata", "rules", "*", "*.cue"))
	addSeeds(f, filepath.Join("testdata", "*.cue"))
	f.Add([]byte("title: \"x\"\ncomponents: a: {kind: \"cache\", replicas: 1}\n"))
	f.Add([]byte("import \"strings\"\ntitle: strings.ToUpper(\"x\")\n"))
	f.Add([]byte(doublings(12, "title: %s")))
	f.Add([]byte("import \"list\"\nx: [for i in list.Range(0, 50, 1) for j in [1, 2] {i + j}]\ntitle: \"t\"\n"))
	f.Add([]byte("a: 2\nb: a * a\nc: b * b\nassumptions: dau: c\n"))
	f.Add([]byte("x: {a: 1}\ny: x\nz: {p: y, q: y}\ncomponents: c: {kind: \"service\", replicas: z.p.a}\n"))
	f.Add([]byte("kind: \"a\" | \"b\" | *\"c\"\nlet n = 3\nassumptions: {dau: n, peak_factor: >1 & <10 & 3}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Read("fuzz.cue", src, Options{})
		if err == nil {
			checkDesign(t, d, src)
		}
	})
}

// FuzzReadYAML covers YAML documents, whose reader (CUE's) has panicked
// on hostile input before; the same reader handles front matter. When
// designlint's check lets YAML through, CUE's reader produces no more than
// the budget allows.
func FuzzReadYAML(f *testing.F) {
	f.Add([]byte("title: x\ncomponents:\n  db: {kind: database, replicas: 1}\n"))
	f.Add([]byte("a:\n  x\r::notice::y: off\n"))
	f.Add([]byte("- [\n"))
	f.Add([]byte("a: " + selfMerge + "\n"))
	f.Add([]byte("a: &a [1]\nb: {<<: [*a]}\n"))
	f.Add([]byte(mergeBomb("components", 3)))
	f.Add([]byte(mergeListBomb("components", 3)))
	f.Add([]byte("base: &b {kind: service}\ncomponents:\n  api: {<<: *b, replicas: 2}\n  web: {<<: [*b, {technology: Go}]}\n"))
	f.Add([]byte("a: &a {b: &c [1, *c]}\n"))
	f.Add([]byte("---\na: 1\n---\nb: &x {<<: *x}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Read("fuzz.yaml", src, Options{})
		if err == nil {
			checkDesign(t, d, src)
		}
		md := append([]byte("---\n"), src...)
		md = append(md, "\n---\n# T\n"...)
		if d, err := Read("fuzz.md", md, Options{}); err == nil {
			checkDesign(t, d, md)
		}
		if checkYAML(loneCRToLF(src)) == nil {
			file, err := ExtractYAML("fuzz.yaml", src)
			if err != nil {
				return
			}
			n := 0
			ast.Walk(file, func(ast.Node) bool { n++; return true }, nil)
			// A mapping pair is a field, a label and a value.
			if n > 4*maxStructuredNodes {
				t.Fatalf("YAML within budget became %d CUE syntax nodes", n)
			}
		}
	})
}
