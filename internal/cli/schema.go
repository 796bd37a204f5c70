package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/schema"
)

func newSchemaCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the CUE schema design documents are validated against",
		Long: `Print the embedded CUE schema (#Design) that .cue, .json and .yaml design
documents, and fenced cue/yaml/json blocks in Markdown, are validated
against. Every field is optional; the comments say what each is for.`,
		Example: "  designlint schema\n  designlint schema > design.schema.cue",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprint(io.Out, schema.Design)
			return err
		},
	}
}
