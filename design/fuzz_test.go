package design

import (
	"os"
	"path/filepath"
	"testing"
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
	for _, c := range src {
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

func FuzzReadMarkdown(f *testing.F) {
	addSeeds(f, filepath.Join("..", "testdata", "docs", "*.md"))
	addSeeds(f, filepath.Join("..", "testdata", "rules", "*", "*.md"))
	f.Add([]byte("# T\n\n## Estimates\n\n- DAU: 10M\n- Peak: 3x\n\n| a | b |\n|---|---|\n| c | d |\n"))
	f.Add([]byte("---\ntitle: x\ndesignlint: {summary: off}\n---\n# T\n<!-- designlint-disable-next x -- y -->\n### DB (Postgres)\n"))
	f.Add([]byte("## Architecture\n\n```mermaid\nflowchart LR\n a[A 1] --> b[(B)] & c{{C}}\n```\n"))
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
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Read("fuzz.cue", src, Options{})
		if err == nil {
			checkDesign(t, d, src)
		}
	})
}

// FuzzReadYAML covers YAML documents, whose reader (CUE's) has panicked
// on hostile input before; the same reader handles front matter.
func FuzzReadYAML(f *testing.F) {
	f.Add([]byte("title: x\ncomponents:\n  db: {kind: database, replicas: 1}\n"))
	f.Add([]byte("a:\n  x\r::notice::y: off\n"))
	f.Add([]byte("- [\n"))
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
	})
}
