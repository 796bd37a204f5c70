package design

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// hostileLine is what the screen refuses: more unclosed brackets than
// goldmark's link parser handles in linear time.
var hostileLine = strings.Repeat("[a", maxUnclosed+10) + "\n"

// parsedInline reports whether goldmark reads the hostile line of src as
// inline text (in a paragraph or heading), not as code or HTML.
func parsedInline(src []byte) bool {
	at := bytes.Index(src, []byte(strings.TrimSpace(hostileLine)))
	doc := markdownParser.Parse(text.NewReader(src))
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && t.Segment.Start >= at && t.Segment.Start < at+len(hostileLine) {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// Whatever goldmark parses as inline text is screened, however fences
// around it are written; the content of a fence CommonMark certainly sees
// is passed over.
func TestScreenFencesAsCommonMark(t *testing.T) {
	screened := map[string]string{
		"indented four":           "    ```\n" + hostileLine,
		"indented by a tab":       "\t```\n" + hostileLine,
		"backtick in info":        "``` a`b\n" + hostileLine + "```\n",
		"list item fence":         "- ```\n  code\n  ```\n\n  " + hostileLine,
		"fence in a list, deeper": "- a\n\n  ```\n  code\n\n" + hostileLine + "```\n",
		"quoted fence":            "> ```\n> code\n" + hostileLine,
		"fence in an HTML block":  "<div>\n```\n\n" + hostileLine,
		"indented HTML block":     "  <div>\n```\n\n" + hostileLine,
		"fence in a comment":      "<!--\n\n```\n-->\n" + hostileLine,
		"closer with text":        "```\ncode\n``` not a closer\n```\n" + hostileLine,
		"shorter closer":          "````\ncode\n```\n````\n" + hostileLine,
		"indented closer":         " ```\ncode\n```\n" + hostileLine,
	}
	for name, src := range screened {
		if !parsedInline([]byte(src)) {
			t.Errorf("%s: goldmark does not read the line as text; the case proves nothing", name)
		}
		if _, err := screen([]byte(src)); err == nil || !strings.Contains(err.Error(), "unclosed brackets") {
			t.Errorf("%s: screen let it through (%v)", name, err)
		}
	}
	passed := map[string]string{
		"fence":               "```\n" + hostileLine + "```\n",
		"tilde fence":         "~~~ info `with` backticks\n" + hostileLine + "~~~\n",
		"long fence":          "`````\n```\n" + hostileLine + "`````\n",
		"closer indented":     "```\n" + hostileLine + "   ```\n# After\n",
		"unclosed at the end": "# T\n\n```\n" + hostileLine,
		"after an HTML line":  "<br>\n\n```\n" + hostileLine + "```\n",
	}
	for name, src := range passed {
		if parsedInline([]byte(src)) {
			t.Errorf("%s: goldmark reads the line as text; the case is wrong", name)
		}
		if _, err := screen([]byte(src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// The column limit counts columns as goldmark does, in and out of quotes
// and lists.
func TestScreenTableColumns(t *testing.T) {
	table := func(prefix string, cols int) string {
		return prefix + "|" + strings.Repeat(" a |", cols) + "\n" + prefix + "|" + strings.Repeat("---|", cols) + "\n"
	}
	for _, prefix := range []string{"", "> ", "- ", "  "} {
		if _, err := screen([]byte(table(prefix, maxTableColumns))); err != nil {
			t.Errorf("%q: %d columns refused: %v", prefix, maxTableColumns, err)
		}
		_, err := screen([]byte(table(prefix, maxTableColumns+1)))
		if err == nil || !strings.Contains(err.Error(), "a table with 129 columns") {
			t.Errorf("%q: %d columns: %v", prefix, maxTableColumns+1, err)
		}
	}
	for row, want := range map[string]int{"|-|-|": 2, "-|-": 2, "| - | - |  ": 2, "|:-:|": 1, "a|-": 0} {
		got, _ := delimiterRowColumns([]byte(row))
		if got != want {
			t.Errorf("%q: %d columns, want %d", row, got, want)
		}
	}
}

// A document's elements are budgeted: what goldmark and the reader hold
// grows with them, and a 1 MiB file of one-character list items or table
// cells would need over 250 MiB.
func TestScreenElementBudget(t *testing.T) {
	for name, unit := range map[string]string{
		"list items":  "- a\n",
		"table cells": "|a",
		"links":       "[a](b) ",
		"code spans":  "`a` ",
		"paragraphs":  "a\n\n",
		"numbers":     "1 ",
		"ranges":      "1-2, ",
	} {
		over := []byte(strings.Repeat(unit, maxElements+1))
		if _, err := screen(over); err == nil || !strings.Contains(err.Error(), "Markdown elements") {
			t.Errorf("%s over budget: %v", name, err)
		}
		under := []byte(strings.Repeat(unit, maxElements/8))
		if _, err := screen(under); err != nil {
			t.Errorf("%s under budget: %v", name, err)
		}
	}
}
