package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set by the release build (goreleaser's ldflags).
var (
	version = "(devel)"
	commit  = ""
	date    = ""
)

// buildVersion returns the version, taking the module version recorded by
// `go install …@vX` when no release build set one.
func buildVersion() string {
	if version != "(devel)" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

func versionString() string {
	s := "designlint " + buildVersion()
	if commit != "" {
		s += fmt.Sprintf(" (commit %s", commit)
		if date != "" {
			s += ", built " + date
		}
		s += ")"
	}
	return s
}

func newVersionCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print designlint's version, commit and build date",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(io.Out, versionString())
			return nil
		},
	}
}
