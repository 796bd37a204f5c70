package report

import "strings"

// escapeMarkdownCell keeps document text inert inside a Markdown table
// cell: pipes would end the cell, and HTML, links and emphasis would be
// rendered. GitHub also turns bare addresses into links (its autolinks:
// "https://…", "www.…", "a@b.c"); no backslash stops that, so a zero-width
// space is put where each pattern needs its characters side by side.
func escapeMarkdownCell(s string) string {
	return markdownEscaper.Replace(s)
}

var markdownEscaper = strings.NewReplacer(append([]string{
	`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "`", "\\`", "*", `\*`, "_", `\_`,
	"[", `\[`, "]", `\]`, "#", `\#`, "@", "@\u200b", "://", ":\u200b//",
}, wwwVariants()...)...)

// wwwVariants breaks "www." in every mix of cases.
func wwwVariants() []string {
	var out []string
	for i := 0; i < 8; i++ {
		w := []byte("www")
		for j := range w {
			if i&(1<<j) != 0 {
				w[j] = 'W'
			}
		}
		out = append(out, string(w)+".", string(w)+"\u200b.")
	}
	return out
}
