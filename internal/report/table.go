package report

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Table writes rows under a header: a GitHub-flavoured Markdown table when
// markdown is set, otherwise a borderless table aligned in columns for a
// terminal. It is the one place designlint uses tablewriter. Cells are
// cleaned of control characters and workflow-command sequences.
func Table(w io.Writer, header []string, rows [][]string, markdown bool) error {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithTrimSpace(tw.Off),
	}
	if markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	} else {
		opts = append(opts,
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
				Borders: tw.BorderNone,
				Settings: tw.Settings{
					Separators: tw.SeparatorsNone,
					Lines:      tw.LinesNone,
				},
			})),
			tablewriter.WithPadding(tw.Padding{Left: "", Right: "  ", Overwrite: true}),
		)
	}
	tw := &trimWriter{w: w}
	t := tablewriter.NewTable(tw, opts...)
	t.Header(cleanRow(header, markdown))
	for _, r := range rows {
		if err := t.Append(cleanRow(r, markdown)); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	return tw.flush()
}

// trimWriter drops the spaces tablewriter pads the last column with.
type trimWriter struct {
	w   io.Writer
	buf []byte
}

func (t *trimWriter) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	return len(p), nil
}

func (t *trimWriter) flush() error {
	lines := strings.SplitAfter(string(t.buf), "\n")
	var b strings.Builder
	for _, l := range lines {
		nl := strings.HasSuffix(l, "\n")
		b.WriteString(strings.TrimRight(l, " \t\n"))
		if nl {
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}

func cleanRow(r []string, markdown bool) []string {
	out := make([]string, len(r))
	for i, c := range r {
		c = Clean(c)
		if markdown {
			c = escapeMarkdownCell(c)
		}
		out[i] = c
	}
	return out
}
