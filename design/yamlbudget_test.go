package design

import (
	"errors"
	"strings"
	"testing"

	"github.com/designlint/designlint/internal/worktest"
)

// The hostile YAML of issue 11 (worktest has the generators).
const selfMerge = worktest.SelfMerge

func mergeBomb(key string, levels int) string {
	return key + ":\n" + worktest.MergeBomb("  ", levels)
}

func mergeListBomb(key string, levels int) string {
	return key + ":\n" + worktest.MergeListBomb("  ", levels)
}

// Every place designlint reads YAML refuses the self-merge and the merge
// bombs with an error naming the file and the line, and reads YAML that
// merges sensibly.
func TestYAMLMergeKeys(t *testing.T) {
	hostile := map[string]string{
		"self-merge":      "components: " + selfMerge + "\n",
		"self-merge-list": "components: &a {b: 1, c: {<<: [*a]}}\n",
		"merge-bomb":      mergeBomb("components", 12),
		"merge-list-bomb": mergeListBomb("components", 12),
		"alias-bomb":      "components:\n" + indent(aliasBomb),
	}
	places := map[string]func(yaml string) (string, string){
		"yaml document": func(y string) (string, string) { return "d.yaml", "title: T\n" + y },
		"front matter":  func(y string) (string, string) { return "d.md", "---\ntitle: T\n" + y + "---\n# T\n" },
		"fenced block": func(y string) (string, string) {
			return "d.md", "# T\n\n## Architecture\n\n```yaml\n" + y + "```\n"
		},
	}
	for hname, y := range hostile {
		for pname, place := range places {
			name, src := place(y)
			d, err := Read(name, []byte(src), Options{})
			msg := ""
			var e *Error
			switch {
			case errors.As(err, &e):
				msg = e.Msg
				if e.Path != name || e.Pos.Line < 2 {
					t.Errorf("%s in %s: error %v does not name the file and line", hname, pname, err)
				}
			case err != nil:
				t.Errorf("%s in %s: %v is not a *design.Error", hname, pname, err)
			default:
				// A fenced block's failure is a finding of the document.
				for _, is := range d.Issues {
					msg += is.Message + "\n"
				}
			}
			if !strings.Contains(msg, "the YAML would never end") && !strings.Contains(msg, "input too complex") {
				t.Errorf("%s in %s: %q, want the YAML refused", hname, pname, msg)
			}
		}
	}
	fine := "components:\n  base: &base {kind: service, replicas: 3}\n  api: {<<: *base, technology: Go}\n  web: {<<: [*base], replicas: 2}\n"
	for pname, place := range places {
		name, src := place(fine)
		d, err := Read(name, []byte(src), Options{})
		if err != nil {
			t.Errorf("merges in %s: %v", pname, err)
			continue
		}
		if pname == "front matter" {
			continue // which reads no components
		}
		if api := d.Component("api"); api == nil || api.Replicas != 3 || api.Technology != "Go" {
			t.Errorf("merges in %s: api = %+v", pname, api)
		}
		if web := d.Component("web"); web == nil || web.Replicas != 2 {
			t.Errorf("merges in %s: web = %+v", pname, web)
		}
	}
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}

// The budgets: depth, entries in one mapping, values after expansion.
func TestYAMLBudgets(t *testing.T) {
	cases := map[string]string{
		"deep":    strings.Repeat("- ", maxStructuredDepth+2) + "x\n",
		"wide":    "a: [" + strings.Repeat("1, ", maxCollection+1) + "1]\n",
		"aliases": aliasBomb,
		// Every alias of a mapping copies its text again.
		"rescans": "a: &a {k: " + strings.Repeat("x", 6000) + ", z: 1}\nb: [" + strings.Repeat("*a, ", 1500) + "*a]\n",
	}
	for name, src := range cases {
		if be := checkYAML([]byte(src)); be == nil || !strings.Contains(be.msg, "input too complex") {
			t.Errorf("%s: %v", name, be)
		}
	}
	if be := checkYAML([]byte("a: &a [1, 2]\nb: [*a, *a]\nc: {<<: {x: 1}}\n")); be != nil {
		t.Errorf("plain aliases refused: %v", be)
	}
}
