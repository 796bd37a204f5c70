package design

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"cuelang.org/go/cue/parser"
)

func shapeOf(t *testing.T, src string) (shape, error) {
	t.Helper()
	f, err := parser.ParseFile("t.cue", src)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	return checkStructure(f, structuredSource{path: "t.cue", name: "t.cue", format: CUE}, newStructuredBudget())
}

// Data with arithmetic on numbers is evaluated in process; anything whose
// cost CUE alone can tell goes to the evaluator process first.
func TestCheckStructureBounded(t *testing.T) {
	cases := []struct {
		src     string
		bounded bool
	}{
		{`title: "x"`, true},
		{"assumptions: {dau: 10M, rpu: 100}\nestimates: requests_per_day: assumptions.dau * assumptions.rpu", true},
		{"a: 2\nb: a * a\nc: b * b\nd: -c / 3", true},
		{"a: {b: 1}\nc: a.b + 1", true},
		{"x: {y: 1, z: y * 2}", true},
		{"replicas: int & >0", true},
		{"a: {b: 1} & {c: 2}", false},
		{"kind: >=1", true},
		{"kind: \"a\" | \"b\"", false},
		{`a: "xx"` + "\nb: a + a", false},
		{`a: "xx"` + "\nb: a * 3", false},
		{"a: {b: 1}\nc: a", false},
		{"a: [1, 2]\nb: a", false},
		{"let x = 1\na: x", false},
		{"a: [for i in [1, 2] {i}]", false},
		{`import "strings"` + "\na: strings.ToUpper(\"x\")", false},
		{`a: "\(1)"`, false},
		{"a: b\nb: a", false},
		{"a: missing * 2", false},
		{"[string]: 1", false},
		{`"a-b": 1` + "\nc: a * 2", false},
		{"a: 1\nx: {a: \"s\", b: a + a}", false},
		{"x: {a: 1}\nx: {b: 2}\ny: x.b * 2", true},
	}
	for _, c := range cases {
		sh, err := shapeOf(t, c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if sh.bounded != c.bounded {
			t.Errorf("%q: bounded %v, want %v", c.src, sh.bounded, c.bounded)
		}
	}
}

// Every CUE document in testdata is data with arithmetic: none needs the
// evaluator process.
func TestTestdataCUEIsBounded(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.cue"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.cue"))
	paths = append(paths, more...)
	if len(paths) < 10 {
		t.Fatalf("found %d CUE documents", len(paths))
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sh, err := shapeOf(t, string(src))
		if err != nil {
			t.Errorf("%s: %v", p, err)
		} else if !sh.bounded {
			t.Errorf("%s: needs the evaluator process", p)
		}
	}
}

func TestCheckStructureLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: {\n")
	for i := 0; i <= maxCollection; i++ {
		b.WriteString("f" + strconv.Itoa(i) + ": 1\n")
	}
	b.WriteString("}\n")
	cases := map[string]string{
		"wide struct": b.String(),
		"long list":   "a: [" + strings.Repeat("1, ", maxCollection+1) + "]",
		"deep":        "a: " + strings.Repeat("[", maxStructuredDepth+1) + strings.Repeat("]", maxStructuredDepth+1),
		"many values": "a: [" + strings.Repeat("[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],\n", maxCollection) + "]",
		"merged struct": func() string {
			var m strings.Builder
			for i := 0; i <= maxCollection; i++ {
				m.WriteString("a: f" + strconv.Itoa(i) + ": 1\n")
			}
			return m.String()
		}(),
	}
	for name, src := range cases {
		if _, err := shapeOf(t, src); err == nil || !strings.Contains(err.Error(), "input too complex") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
