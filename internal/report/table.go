package report

import (
	"io"

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
	t := tablewriter.NewTable(w, opts...)
	t.Header(cleanRow(header, markdown))
	for _, r := range rows {
		if err := t.Append(cleanRow(r, markdown)); err != nil {
			return err
		}
	}
	return t.Render()
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
