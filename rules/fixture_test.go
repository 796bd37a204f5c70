package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/designlint/designlint/design"
)

// Fixtures live in testdata/rules/<rule-id>/ and carry their expectations:
//
//	<!-- want "rule-id" -->               Markdown
//	<!-- want "rule-id" "message regexp" -->
//	// want "rule-id"                     CUE
//	# want "rule-id"                      YAML
//
// A marker expects a finding of the rule on its own line, or, when the
// marker is alone on its line, on the next line. The harness runs every
// rule, keeps the findings of the directory's rule, and reports both
// findings nobody wanted and wants nothing matched.

var reWant = regexp.MustCompile(`(?:<!--|//|#)\s*want((?:\s+"(?:[^"\\]|\\.)*")+)`)
var reQuoted = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

type want struct {
	line    int
	alone   bool
	rule    string
	message *regexp.Regexp
	matched bool
}

func parseWants(t *testing.T, path string, src []byte) []*want {
	var out []*want
	for i, line := range strings.Split(string(src), "\n") {
		for _, m := range reWant.FindAllStringSubmatchIndex(line, -1) {
			args := reQuoted.FindAllStringSubmatch(line[m[2]:m[3]], -1)
			w := &want{line: i + 1}
			rule, err := strconv.Unquote(`"` + args[0][1] + `"`)
			if err != nil {
				t.Fatalf("%s:%d: bad want: %v", path, i+1, err)
			}
			w.rule = rule
			if len(args) > 1 {
				pat, _ := strconv.Unquote(`"` + args[1][1] + `"`)
				w.message = regexp.MustCompile(pat)
			}
			rest := strings.TrimSpace(line[:m[0]] + line[m[1]:])
			rest = strings.TrimSpace(strings.TrimPrefix(rest, "-->"))
			w.alone = rest == "" || rest == "-->"
			out = append(out, w)
		}
	}
	return out
}

func (w *want) covers(f Finding) bool {
	if w.rule != f.Rule {
		return false
	}
	if l := f.Span.Start.Line; l != w.line && !(w.alone && l == w.line+1) {
		return false
	}
	return w.message == nil || w.message.MatchString(f.Message)
}

func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*"))
	if err != nil {
		t.Fatal(err)
	}
	tested := map[string]bool{}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		if _, ok := Lookup(id); !ok {
			t.Errorf("%s: no rule %q", dir, id)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, path := range files {
			if _, ok := design.FormatOf(path); !ok {
				continue
			}
			tested[id] = true
			t.Run(id+"/"+filepath.Base(path), func(t *testing.T) {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				wants := parseWants(t, path, src)
				d, err := design.Read(path, src, design.Options{})
				if err != nil {
					t.Fatalf("reading: %v", err)
				}
				for _, f := range Run(d, Config{Now: testNow}).Findings {
					if f.Rule != id || f.Waived() {
						continue
					}
					ok := false
					for _, w := range wants {
						if w.covers(f) {
							w.matched, ok = true, true
						}
					}
					if !ok {
						t.Errorf("%s:%d:%d: unexpected %s finding: %s", path, f.Span.Start.Line, f.Span.Start.Col, f.Rule, f.Message)
					}
				}
				for _, w := range wants {
					if w.rule == id && !w.matched {
						t.Errorf("%s:%d: wanted a %s finding, got none", path, w.line, w.rule)
					}
				}
			})
		}
	}
	for _, r := range Registry() {
		if !tested[r.ID] {
			t.Errorf("rule %s has no fixtures in testdata/rules/%s", r.ID, r.ID)
		}
	}
}
