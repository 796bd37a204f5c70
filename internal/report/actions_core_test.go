package report

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designlint/designlint/internal/testenv"
	"github.com/designlint/designlint/rules"
)

// coreScript prints, for each case, exactly what @actions/core writes to
// standard output for core.error/warning/notice(message, properties).
const coreScript = `
import * as core from %CORE%;
import { readFileSync } from 'node:fs';
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = [];
for (const c of cases) {
  let buf = '';
  const write = process.stdout.write;
  process.stdout.write = (chunk) => { buf += chunk; return true; };
  try { core[c.level](c.message, c.props); } finally { process.stdout.write = write; }
  out.push(buf);
}
process.stdout.write(JSON.stringify(out));
`

// TestEscapingMatchesActionsToolkit checks the github format's workflow
// commands byte for byte against the ones GitHub's own toolkit,
// @actions/core, writes for the same annotation.
func TestEscapingMatchesActionsToolkit(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.Require(t, "node")
	}
	modules := testenv.NodeModules(t, "@actions/core")

	texts := []string{
		"plain", "100% sure", "a%b", "%25", "%0A", "line1\nline2", "cr\rhere", "crlf\r\nend",
		"x:y,z", "a,b:c=d", "::set-output name=x::y", "::add-mask::secret", "##[error]x",
		"=eq=", "sp ace", "tab\there", "ünï€😀", "a::b", "\n", "\x1b[31mred\x1b[0m", "\u202eevil",
	}
	type props struct {
		Title       string `json:"title,omitempty"`
		File        string `json:"file,omitempty"`
		StartLine   int    `json:"startLine,omitempty"`
		EndLine     int    `json:"endLine,omitempty"`
		StartColumn int    `json:"startColumn,omitempty"`
		EndColumn   int    `json:"endColumn,omitempty"`
	}
	type tcase struct {
		Level   string `json:"level"`
		Message string `json:"message"`
		Props   props  `json:"props"`
	}
	var cases []tcase
	var anns []annotation
	levels := []rules.Severity{rules.Error, rules.Warning, rules.Info}
	for i, s := range texts {
		sev := levels[i%len(levels)]
		a := annotation{sev: sev, file: s, title: s, message: s + " message", line: i, col: i % 4, endLine: i + i%2, endColumn: i % 3}
		anns = append(anns, a)
		cases = append(cases, tcase{Level: githubLevel(sev), Message: a.message, Props: props{
			Title: a.title, File: a.file, StartLine: a.line, EndLine: a.endLine, StartColumn: a.col, EndColumn: a.endColumn,
		}})
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "cases.json")
	data, _ := json.Marshal(cases)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	coreURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(modules, "@actions/core/lib/core.js"))}).String()
	quoted, _ := json.Marshal(coreURL)
	script := filepath.Join(dir, "core.mjs")
	if err := os.WriteFile(script, []byte(strings.Replace(coreScript, "%CORE%", string(quoted), 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, script, in).Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("reading the toolkit's output: %v\n%s", err, out)
	}
	if len(want) != len(anns) {
		t.Fatalf("the toolkit wrote %d commands for %d cases", len(want), len(anns))
	}
	for i, a := range anns {
		if got := a.command() + "\n"; got != want[i] {
			t.Errorf("case %q:\n designlint %q\n toolkit    %q", texts[i], got, want[i])
		}
	}
}
