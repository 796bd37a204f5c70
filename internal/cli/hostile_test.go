package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/internal/report"
)

// tricks are what an attacker puts in a design document to make a CI job
// run workflow commands or mislead a reader: GitHub Actions commands at a
// line start (after a real or escaped line break), the runner's ##[ syntax,
// terminal escape sequences, bidirectional overrides.
var tricks = []string{
	"::set-output name=pwned::1",
	"::add-mask::hunter2",
	"::stop-commands::tok3n",
	"::error file=app.go,line=1::fake",
	"##[error]fake error",
	"##[group]folded",
	"%0A::warning::after an encoded newline",
	"%25 and %3A and %2C",
	"x\r::notice::after a carriage return",
	"\x1b[31mred\x1b[0m and \x1b]8;;https://evil.example\x07a link\x1b]8;;\x07",
	"\u202eevil\u202c \u2066isolate\u2069",
	"a,b:c=d",
}

// hostileMarkdown puts the trick t in headings, list items, table cells,
// code spans, a Mermaid flowchart, front matter (a rule id and waiver
// reasons) and waiver comments, where designlint reads and then echoes
// text.
func hostileMarkdown(t string) string {
	return fmt.Sprintf(`---
title: "%[1]s title"
designlint:
  %[1]s: off
  reason: "%[1]s reason"
  tradeoffs: off
  api-contract: {severity: off, reason: "%[1]s own reason"}
---
# %[1]s design

## Summary

A service for %[1]s.

## Requirements

### Functional

- Users can %[1]s.

### Non-functional

- Latency: %[1]s fast
- Availability: 99.9%% for %[1]s

## Estimates

- Daily active users: 1M
- Requests per user per day: 10
- Requests per day: 100M
- Average TPS: %[1]s
- Peak TPS: `+"`%[1]s`"+`
- Write size: 12,3 KB %[1]s

| Figure | Value |
|---|---|
| Storage per day | %[1]s |

## Architecture

| Component | Type | Technology | Consistency | Why | Replicas |
|---|---|---|---|---|---|
| %[1]s gateway | service | %[1]s | strong | | 1 |

`+"```mermaid"+`
flowchart LR
  a["%[1]s"] --> b[(%[1]s store)]
`+"```"+`

### %[1]s DB (PostgreSQL)

Single instance. Strongly consistent.

<!-- designlint-disable-next %[1]s -- %[1]s reason -->
<!-- designlint-disable-next single-point-of-failure -- %[1]s accepted, until 2099-01-01 -->
### Cache %[1]s

One node, strongly consistent.

## API

- `+"`GET /v1/%[1]s`"+` returns it
`, t)
}

// hostileCUE puts the trick in CUE strings, where escapes can spell line
// breaks and control characters outright.
func hostileCUE(t string) string {
	q := fmt.Sprintf("%q", t) // a Go quoted string is a valid CUE string here
	return fmt.Sprintf(`title: %[1]s
requirements: {
	functional: [%[1]s]
	nonfunctional: [{category: "latency", requirement: %[1]s, target: %[1]s}]
}
assumptions: {dau: 1000000, write_size: %[1]s}
components: {
	%[1]s: {kind: "database", technology: %[1]s, consistency: "strong", replicas: 1, depends_on: [%[1]s]}
	other: {kind: %[1]s, replicas: 1}
}
failure_plan: [{scenario: %[1]s, mitigation: %[1]s}]
`, q)
}

// commandLine is what a workflow command of designlint's own looks like:
// a level, properties with every ':' and ',' of their values escaped, and
// the message.
var commandLine = regexp.MustCompile(`^::(error|warning|notice) ((title|file|line|endLine|col|endColumn)=[^:,\r\n]*)(,(title|file|line|endLine|col|endColumn)=[^:,\r\n]*)*::[^\r\n]*$`)

// hostileFiles writes the hostile documents into a new working directory
// and returns their names: the tricks in Markdown and CUE, file names
// that hold them, and a missing file whose error echoes its name.
func hostileFiles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for i, tr := range tricks {
		md := filepath.Join(dir, fmt.Sprintf("hostile-%02d.md", i))
		cue := filepath.Join(dir, fmt.Sprintf("hostile-%02d.cue", i))
		if err := os.WriteFile(md, []byte(hostileMarkdown(tr)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cue, []byte(hostileCUE(tr)), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, md, cue)
	}
	// File names are echoed too; a Linux file name can hold all of this.
	evil := filepath.Join(dir, "::set-output name=f::x ##[error] %0A\x1b[2J\u202e.md")
	if err := os.WriteFile(evil, []byte(hostileMarkdown("plain")), 0o644); err != nil {
		t.Skipf("this file system refuses the file name: %v", err)
	}
	names = append(names, evil)
	// The runner trims Unicode whitespace before looking for "::".
	for _, lead := range []string{"\u00a0", "\u3000", "\u2003"} {
		p := filepath.Join(dir, lead+"::warning::pwned.md")
		if err := os.WriteFile(p, []byte(hostileMarkdown("plain")), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, p)
	}
	// And one that cannot be read, whose error message echoes its name.
	missing := "::add-mask::missing\n##[error].md"
	names = append(names, filepath.Join(dir, missing))
	// Front-matter waivers apply, so that their reasons are echoed.
	if err := os.WriteFile(filepath.Join(dir, ".designlint.yaml"), []byte("front_matter: allow\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	return names
}

// TestHostileDocuments lints documents full of injection attempts in
// every format and checks that nothing designlint prints (standard output,
// standard error, the step summary) can act as a workflow command or a
// terminal escape: no ##[, no line starting with :: other than the github
// format's own annotations, no escape, control or bidi characters.
func TestHostileDocuments(t *testing.T) {
	names := hostileFiles(t)

	// Each file is linted on its own, so that none of its annotations is
	// held back by the github format's ten-per-level limit, then all
	// together.
	runs := [][]string{names}
	for _, n := range names {
		runs = append(runs, []string{n})
	}
	for _, f := range report.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			for _, args := range runs {
				summary := filepath.Join(t.TempDir(), "summary.md")
				var out, errOut bytes.Buffer
				code := Run(append([]string{"lint", "--format", f.Name}, args...), IO{
					In: strings.NewReader(""), Out: &out, Err: &errOut,
					Getenv: func(k string) string {
						if k == "GITHUB_STEP_SUMMARY" {
							return summary
						}
						return ""
					},
					Now: func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) },
				})
				if code == exitOK {
					t.Errorf("%q: exit 0; every hostile document has findings", args)
				}
				if out.Len() == 0 {
					t.Fatalf("%q: no output", args)
				}
				// Every input gets annotations, a path that does not exist
				// included.
				checkInert(t, fmt.Sprintf("%q stdout", args), out.String(), f.Name == "github")
				checkInert(t, fmt.Sprintf("%q stderr", args), errOut.String(), false)
				if f.Name == "json" && len(args) > 1 && !strings.Contains(out.String(), `"kind": "front-matter"`) {
					t.Errorf("no front-matter waiver in the run, so their reasons were not tested")
				}
				if f.Name == "github" {
					s, err := os.ReadFile(summary)
					if err != nil || len(s) == 0 {
						t.Fatalf("the github format wrote no step summary: %v", err)
					}
					checkInert(t, "step summary", string(s), false)
				}
			}
		})
	}
}

// checkInert fails the test for anything in out a runner or a terminal
// would act on. annotated allows, and expects, designlint's own
// annotations.
func checkInert(t *testing.T, what, out string, annotated bool) {
	t.Helper()
	if i := strings.Index(out, "##["); i >= 0 {
		t.Errorf("%s contains ##[: %q", what, excerpt(out, i))
	}
	for i, r := range out {
		bad := r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
		if bad {
			t.Errorf("%s contains the control character %U: %q", what, r, excerpt(out, i))
			break
		}
	}
	own := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "::") {
			continue
		}
		if annotated && commandLine.MatchString(line) {
			own++
			continue
		}
		t.Errorf("%s has a line a runner would read as a workflow command: %q", what, line)
	}
	if annotated && own == 0 {
		t.Errorf("%s has no annotations at all", what)
	}
}

func excerpt(s string, i int) string {
	return s[max(0, i-40):min(len(s), i+40)]
}

// TestHostileConfigAndBaseline puts the tricks where error messages and
// the baseline's "fixed" list echo them: configuration values and keys,
// and baseline entries.
func TestHostileConfigAndBaseline(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("d.md", []byte(hostileMarkdown("plain")), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string) {
		var out, errOut bytes.Buffer
		Run(args, IO{In: strings.NewReader(""), Out: &out, Err: &errOut, Getenv: func(string) string { return "" }})
		return out.String(), errOut.String()
	}
	for i, tr := range tricks {
		q := fmt.Sprintf("%q", tr)
		for _, cfg := range []string{
			"fail_on: " + q + "\n",
			"extends: " + q + "\n",
			"rules:\n  " + q + ": off\n",
			"rules:\n  tradeoffs: {severity: " + q + "}\n",
			"files: [" + q + "]\n",
			q + ": 1\n",
		} {
			if err := os.WriteFile(".designlint.yaml", []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errOut := run("lint", "d.md")
			checkInert(t, fmt.Sprintf("trick %d, config %q: stdout", i, cfg), out, false)
			checkInert(t, fmt.Sprintf("trick %d, config %q: stderr", i, cfg), errOut, false)
		}
		os.Remove(".designlint.yaml")
		jq, _ := json.Marshal(tr)
		entry := fmt.Sprintf(`{"version": 1, "findings": [{"path": "d.md", "rule": "tradeoffs", "element": %[1]s, "severity": "warning", "message": %[1]s}]}`, jq)
		if err := os.WriteFile("base.json", []byte(entry), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, f := range report.Formats() {
			out, errOut := run("lint", "-f", f.Name, "--baseline", "base.json", "d.md")
			if !strings.Contains(strings.ToLower(out), "fixed") && f.Name != "sarif" && f.Name != "junit" && f.Name != "github" {
				t.Errorf("%s: the baseline entry is not reported as fixed:\n%s", f.Name, out)
			}
			checkInert(t, fmt.Sprintf("trick %d, baseline, %s: stdout", i, f.Name), out, f.Name == "github")
			checkInert(t, fmt.Sprintf("trick %d, baseline, %s: stderr", i, f.Name), errOut, false)
		}
	}
}

// TestHostileInspect runs the commands that echo what designlint read
// (inspect, and estimate with its quotations of the lines figures came
// from) on each hostile document, text and JSON, standard input
// included, and checks their output the same way. A trick in front matter
// can make the document unreadable (exit 2, which is checked too), so each
// trick is also planted in a document without front matter, which must be
// read and shown.
func TestHostileInspect(t *testing.T) {
	names := hostileFiles(t)
	for i, tr := range tricks {
		body := hostileMarkdown(tr)
		body = body[strings.Index(body, "\n---\n")+5:]
		name := fmt.Sprintf("body-%02d.md", i)
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	for _, name := range names {
		src, readErr := os.ReadFile(name)
		for _, args := range [][]string{
			{"inspect", name},
			{"inspect", "-f", "json", name},
			{"inspect", "--kind", "adr", name},
			{"inspect", "--stdin-filename", name, "-"},
			{"estimate", name},
			{"estimate", "-f", "json", name},
		} {
			if readErr != nil && args[len(args)-1] == "-" {
				continue
			}
			var out, errOut bytes.Buffer
			code := Run(args, IO{In: bytes.NewReader(src), Out: &out, Err: &errOut, Getenv: func(string) string { return "" }})
			switch {
			case readErr != nil && code != exitFailure:
				t.Errorf("%q: exit %d for a file that cannot be read, want %d", args, code, exitFailure)
			case args[0] == "inspect" && code != exitOK && (code != exitFailure || strings.HasPrefix(name, "body-")):
				t.Errorf("%q: exit %d: %s", args, code, errOut.String())
			case args[0] == "inspect" && code == exitOK && !strings.Contains(out.String(), "Checkout") && !strings.Contains(out.String(), "design"):
				t.Errorf("%q: the document's model is not shown:\n%s", args, out.String())
			}
			checkInert(t, fmt.Sprintf("%q stdout", args), out.String(), false)
			checkInert(t, fmt.Sprintf("%q stderr", args), errOut.String(), false)
			if args[1] == "-f" && out.Len() > 0 && !json.Valid(out.Bytes()) {
				t.Errorf("%q: invalid JSON:\n%s", args, out.String())
			}
		}
	}
}
