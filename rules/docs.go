package rules

import (
	"fmt"
	"strings"
)

// DocsURL is where the rules' documentation is published; each rule has
// an anchor named after its id.
const DocsURL = "https://github.com/designlint/designlint/blob/main/docs/rules.md"

// HelpURI links a rule's documentation.
func (r *Rule) HelpURI() string { return DocsURL + "#" + r.ID }

// paragraph joins a doc field's lines into one paragraph.
func paragraph(s string) string { return strings.Join(strings.Fields(s), " ") }

// HelpText is the rule's documentation as plain text: why, what triggers
// it, how to fix it.
func (r *Rule) HelpText() string {
	return fmt.Sprintf("%s\n\nWhy: %s\n\nWhat triggers it: %s\n\nHow to fix it: %s",
		r.Summary, paragraph(r.Doc.Why), paragraph(r.Doc.Trigger), paragraph(r.Doc.Fix))
}

// HelpMarkdown is the rule's documentation as Markdown, examples included.
func (r *Rule) HelpMarkdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s, default severity %s)\n\n", r.Summary, r.Category, r.Severity)
	fmt.Fprintf(&b, "### Why\n\n%s\n\n", paragraph(r.Doc.Why))
	fmt.Fprintf(&b, "### What triggers it\n\n%s\n\n", paragraph(r.Doc.Trigger))
	fmt.Fprintf(&b, "### How to fix it\n\n%s\n\n", paragraph(r.Doc.Fix))
	fence := codeFence(r.Doc.Fail + r.Doc.Pass)
	fmt.Fprintf(&b, "### Failing example\n\n%smarkdown\n%s%s\n\n", fence, ensureNewline(r.Doc.Fail), fence)
	fmt.Fprintf(&b, "### Passing example\n\n%smarkdown\n%s%s\n", fence, ensureNewline(r.Doc.Pass), fence)
	return b.String()
}

// codeFence returns a fence longer than any run of backticks in s.
func codeFence(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

func ensureNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// DocsPage renders docs/rules.md: every rule's documentation, in id order.
func DocsPage() string {
	var b strings.Builder
	b.WriteString("# designlint rules\n\n")
	b.WriteString("This page is generated from the rules' own documentation (`go test ./rules -run TestDocsPage -update-docs`); `designlint rules ID` prints the same.\n\n")
	for _, r := range Registry() {
		fmt.Fprintf(&b, "- [`%s`](#%s) — %s\n", r.ID, r.ID, r.Summary)
	}
	for _, r := range Registry() {
		fmt.Fprintf(&b, "\n## %s\n\n%s", r.ID, r.HelpMarkdown())
	}
	return b.String()
}
