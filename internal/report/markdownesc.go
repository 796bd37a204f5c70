package report

import "strings"

// escapeMarkdownCell keeps document text inert inside a Markdown table
// cell: pipes would end the cell, and HTML, links and emphasis would be
// rendered.
func escapeMarkdownCell(s string) string {
	return markdownEscaper.Replace(s)
}

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "`", "\\`", "*", `\*`, "_", `\_`,
	"[", `\[`, "]", `\]`, "#", `\#`, "@", "@\u200b",
)
