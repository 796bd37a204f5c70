//go:build unix

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/designlint/designlint/internal/worktest"
)

// The hostile corpus: every input issue 11 found that hung designlint,
// exhausted its memory or slipped past its guards, generated here rather
// than committed (several are a megabyte). Each is linted by the
// designlint command (this test binary under that name, as the script
// tests run it) with the JSON report, as a CI job would, and must end
// within designlint's budgets: a clear outcome, and no more than
// maxCorpusRSS of memory for designlint and the evaluator processes it
// waited for. Times are logged,
// not checked: they depend on the machine and its load, the budgets do
// not.

// maxCorpusRSS bounds the peak memory of one run.
const maxCorpusRSS = 256 << 20

type hostileDoc struct {
	name string
	src  string
	// files are written beside it (a configuration).
	files map[string]string
	// args go before the document's name.
	args []string
	exit int
	// want must match stdout or stderr.
	want string
	// pending names the issue that still has to make this input cheap;
	// the document is written but not linted.
	pending string
}

func mib(unit, prefix string) string {
	return prefix + strings.Repeat(unit, (1<<20-len(prefix))/len(unit))
}

func hostileCorpus() []hostileDoc {
	const good = "# Feed\n\n## Summary\n\nA feed.\n"
	const tooComplex = "input too complex"
	selfMerge := worktest.SelfMerge + "\n"
	var blocks strings.Builder
	blocks.WriteString(good + "\n## Estimates\n\n")
	for i := 0; i < 4; i++ {
		blocks.WriteString("```cue\n" + worktest.LetDoublings(30, "summary: %s") + "```\n\n")
	}
	flood := strings.Repeat("[a", 5000) + "\n"
	table := func(cols int) string {
		return "# T\n\n## Estimates\n\n|" + strings.Repeat(" a |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n|" + strings.Repeat(" 1 |", cols) + "\n"
	}
	return []hostileDoc{
		// Merge keys, in every place YAML is read.
		{name: "self-merge-front-matter.md", src: "---\na: " + selfMerge + "---\n" + good, exit: 2, want: `self-merge-front-matter.md:2:1: front matter: alias \*a is used inside the node it names`},
		{name: "self-merge-block.md", src: good + "\n## Architecture\n\n```yaml\ncomponents: " + selfMerge + "```\n", exit: 1, want: `"rule": "schema",\s+"severity": "error",\s+"message": "fenced yaml block: alias \*a is used inside the node it names`},
		{name: "self-merge.yaml", src: "title: T\ncomponents: " + selfMerge, exit: 2, want: `self-merge.yaml:2:1: alias \*a is used inside the node it names`},
		{name: "self-merge-config/d.md", src: good, files: map[string]string{".designlint.yaml": "rules: " + selfMerge}, exit: 2, want: `\.designlint\.yaml:1:1: alias \*a is used inside the node it names`},
		{name: "merge-bomb-front-matter.md", src: "---\nx:\n" + worktest.MergeBomb("  ", 12) + "---\n" + good, exit: 2, want: `merge-bomb-front-matter.md:\d+:1: front matter: input too complex: the YAML expands to more than 50000 values`},
		{name: "merge-bomb-block.md", src: good + "\n## Architecture\n\n```yaml\ncomponents:\n" + worktest.MergeBomb("  ", 12) + "```\n", exit: 1, want: `"message": "fenced yaml block: input too complex: the YAML expands`},
		{name: "merge-bomb.yaml", src: "title: T\ncomponents:\n" + worktest.MergeBomb("  ", 12), exit: 2, want: `merge-bomb.yaml:\d+:1: input too complex: the YAML expands`},
		{name: "merge-bomb-config/d.md", src: good, files: map[string]string{".designlint.yaml": "x:\n" + worktest.MergeBomb("  ", 12)}, exit: 2, want: `\.designlint\.yaml:\d+:1: input too complex: the YAML expands`},
		// CUE that would run away, in a document, in blocks of one
		// document, in the configuration.
		{name: "let-doublings-blocks.md", src: blocks.String(), exit: 1, want: `"message": "fenced cue block: input too complex: evaluating this file's CUE needs more than`},
		{name: "comprehensions.cue", src: worktest.Comprehensions(), exit: 2, want: `comprehensions.cue:1:1: input too complex: evaluating this file's CUE needs more than`},
		{name: "comprehension-config/d.md", src: good, files: map[string]string{".designlint.cue": "import \"list\"\nx: [for i in list.Range(0, 1000000, 1) {i}]\nfail_on: \"error\"\n"}, exit: 2, want: `\.designlint\.cue:1:1: input too complex: evaluating this file's CUE needs more than`},
		// Fences the screen must see as CommonMark does.
		{name: "fence-indented.md", src: "# T\n\n    ```\n" + flood, exit: 2, want: `fence-indented.md:4:1: input too complex: more than 4096 unclosed brackets`},
		{name: "fence-in-list.md", src: "# T\n\n- ```\n  x\n  ```\n\n  " + flood, exit: 2, want: tooComplex},
		{name: "fence-in-html.md", src: "<div>\n```\n\n" + flood, exit: 2, want: tooComplex},
		{name: "fence-backtick-info.md", src: "``` a`b\n" + flood + "```\n", exit: 2, want: tooComplex},
		{name: "fenced-flood.md", src: good + "\n```\n" + flood + "```\n", exit: 1, want: `"path": "fenced-flood.md"`},
		// The column limit, exactly.
		{name: "columns-128.md", src: table(128), exit: 1, want: `columns-128.md`},
		{name: "columns-129.md", src: table(129), exit: 2, want: `columns-129.md:6:1: input too complex: a table with 129 columns \(limit 128\)`},
		// Size flags, line endings, figures at the edges.
		{name: "max-size.md", src: good, args: []string{"--max-file-size", "9223372036854775807"}, exit: 2, want: `--max-file-size: "9223372036854775807" is not a size`},
		{name: "cr-only.md", src: strings.ReplaceAll("# Feed\n\n## Estimates\n\n- DAU: 10M\n- Requests per user per day: 10\n- Requests per day: 1M\n", "\n", "\r"), exit: 1, want: `"rule": "estimate-arithmetic",\s+"severity": "error",\s+"message": "[^"]*",\s+"line": 7,`},
		{name: "figures.md", src: "# T\n\n## Estimates\n\n- DAU: 1M\n- Requests per user per day: 10\n- Requests per day: 0\n- Write size: 1e300 B\n- Write ratio: 1\n- Retention: 1e300 years\n", exit: 1, want: `says 0/day, but .* gives 10M/day`},
		// Memory: a megabyte of one-line elements is refused; at the
		// element budget, a document lints within the memory budget.
		{name: "table-1mib.md", src: mib("| x | 1 |\n", "# T\n\n## Estimates\n\n| a | b |\n|---|---|\n"), exit: 2, want: `table-1mib.md: input too complex: more than 150000 Markdown elements`},
		{name: "items-at-budget.md", src: "# T\n\n## Estimates\n\n" + strings.Repeat("- DAU: 10M\n", 37000), exit: 1, want: `items-at-budget.md`},
		{name: "links-at-budget.md", src: "# T\n\n## Architecture\n\n" + strings.Repeat("[a](b) ", 148000) + "\n", exit: 1, want: `links-at-budget.md`},
		{name: "wide-table-at-budget.md", src: table(128) + strings.Repeat("|"+strings.Repeat(" x |", 128)+"\n", 1100), exit: 1, want: `wide-table-at-budget.md`},
		{name: "emphasis-1mib.md", src: mib("*a ", "# T\n\n## Architecture\n\n"), exit: 1, want: `emphasis-1mib.md`},
		{name: "emphasis-run.md", src: "# T\n\n## Architecture\n\n" + strings.Repeat("*", 5000) + " a\n", exit: 2, want: `emphasis-run.md:5:4097: input too complex: a run of more than 4096 '\*' characters`},
		// Reading: a megabyte paragraph of figures or brackets.
		{name: "users-1mib.md", src: mib("10M users ", "# T\n\n## Estimates\n\n"), exit: 2, want: `users-1mib.md: input too complex: more than 150000 Markdown elements`},
		{name: "users-at-budget.md", src: "# T\n\n## Estimates\n\n" + strings.Repeat("10M users ", 74000) + "\n", exit: 1, want: `"path": "users-at-budget.md"`},
		{name: "ones-1mib.md", src: mib("1 ", "# T\n\n## Estimates\n\n"), exit: 2, want: `ones-1mib.md: input too complex: more than 150000 Markdown elements`},
		{name: "ones-at-budget.md", src: "# T\n\n## Estimates\n\n" + strings.Repeat("1 ", 74000) + "\n", exit: 1, want: `"path": "ones-at-budget.md"`},
		{name: "ranges-at-budget.md", src: "# T\n\n## Estimates\n\n" + strings.Repeat("1-2, ", 37000) + "\n", exit: 1, want: `"path": "ranges-at-budget.md"`},
		{name: "braces-1mib.md", src: mib("{ ", "# T\n\n## Estimates\n\n"), exit: 1, want: `"path": "braces-1mib.md"`},
	}
}

func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the hostile corpus takes a few seconds")
	}
	bin, err := exec.LookPath("designlint")
	if err != nil {
		t.Fatalf("designlint is not on PATH (TestMain puts it there): %v", err)
	}
	root := t.TempDir()
	var all []string
	for _, doc := range hostileCorpus() {
		path := filepath.Join(root, doc.name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(doc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		for name, src := range doc.files {
			if err := os.WriteFile(filepath.Join(filepath.Dir(path), name), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if doc.pending == "" && len(doc.files) == 0 && len(doc.args) == 0 {
			all = append(all, doc.name)
		}
	}
	for _, doc := range hostileCorpus() {
		t.Run(doc.name, func(t *testing.T) {
			if doc.pending != "" {
				t.Skipf("not yet within budget: %s", doc.pending)
			}
			dir := filepath.Join(root, filepath.Dir(doc.name))
			args := append(append([]string{"lint", "--format", "json"}, doc.args...), filepath.Base(doc.name))
			res := runDesignlint(t, bin, dir, args...)
			out := res.stdout + res.stderr
			if res.exit != doc.exit {
				t.Errorf("exit %d, want %d\n%s", res.exit, doc.exit, clip(out))
			}
			if !regexp.MustCompile(doc.want).MatchString(out) {
				t.Errorf("output does not match %q:\n%s", doc.want, clip(out))
			}
			for _, bad := range []string{"panic", "goroutine ", "Inf", "NaN", "fatal error"} {
				if strings.Contains(out, bad) {
					t.Errorf("output holds %q:\n%s", bad, clip(out))
				}
			}
			if res.rss > maxCorpusRSS {
				t.Errorf("%d MiB of memory, budget %d MiB", res.rss>>20, maxCorpusRSS>>20)
			}
			t.Logf("exit %d, %d MiB, %v wall, %v CPU", res.exit, res.rss>>20, res.wall.Round(time.Millisecond), res.cpu.Round(time.Millisecond))
		})
	}
	// All together: the run fails (exit 2) and still reports every file.
	res := runDesignlint(t, bin, root, append([]string{"lint", "--format", "json"}, all...)...)
	if res.exit != 2 {
		t.Errorf("the whole corpus: exit %d, want 2", res.exit)
	}
	var report struct {
		Files []struct {
			Path     string
			Error    string
			Findings []json.RawMessage
		}
	}
	if err := json.Unmarshal([]byte(res.stdout), &report); err != nil {
		t.Fatalf("the whole corpus: %v\n%s", err, clip(res.stdout))
	}
	if len(report.Files) != len(all) {
		t.Errorf("the whole corpus: %d files reported, want %d", len(report.Files), len(all))
	}
	for _, f := range report.Files {
		if f.Error == "" && len(f.Findings) == 0 {
			t.Errorf("%s: neither an error nor a finding", f.Path)
		}
	}
	t.Logf("the whole corpus: %d MiB, %v wall, %v CPU", res.rss>>20, res.wall.Round(time.Millisecond), res.cpu.Round(time.Millisecond))
}

type runResult struct {
	stdout, stderr string
	exit           int
	rss            int64
	wall, cpu      time.Duration
}

// runDesignlint runs the command and measures it: peak memory of it and
// of the evaluator processes it waited for, its wall and CPU time.
func runDesignlint(t *testing.T, bin, dir string, args ...string) runResult {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	res := runResult{stdout: stdout.String(), stderr: stderr.String(), wall: time.Since(start)}
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	res.exit = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.rss = maxRSSBytes(ru)
		res.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return res
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
