package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set by the release build (goreleaser's ldflags); a build without them
// takes what Go recorded in the binary (buildInfo).
var (
	version = "(devel)"
	commit  = ""
	date    = ""
)

// build is what designlint says about itself.
type build struct {
	version, commit, date string
	// modified is set when the source had uncommitted changes.
	modified bool
}

// currentBuild combines the release build's ldflags with Go's build
// information: the module version `go install …@vX` records, and the
// commit, its time and whether the tree was modified, which `go build`
// records from a Git checkout.
func currentBuild() build {
	bi, _ := debug.ReadBuildInfo()
	return buildFrom(version, commit, date, bi)
}

func buildFrom(version, commit, date string, bi *debug.BuildInfo) build {
	b := build{version: version, commit: commit, date: date}
	if bi == nil {
		return b
	}
	if b.version == "(devel)" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		b.version = bi.Main.Version
	}
	if b.commit != "" {
		return b
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.commit = s.Value
			if len(b.commit) > 12 {
				b.commit = b.commit[:12]
			}
		case "vcs.time":
			if b.date == "" {
				b.date = s.Value
			}
		case "vcs.modified":
			b.modified = s.Value == "true"
		}
	}
	return b
}

// buildVersion is the version alone, for reports.
func buildVersion() string { return currentBuild().version }

func (b build) String() string {
	s := "designlint " + b.version
	if b.commit != "" {
		s += " (commit " + b.commit
		if b.modified {
			s += ", modified"
		}
		if b.date != "" {
			s += ", " + b.date
		}
		s += ")"
	}
	return s
}

func versionString() string { return currentBuild().String() }

func newVersionCmd(io *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print designlint's version, commit and build date",
		Long: `Print designlint's version, the commit it was built from and when. A
release build has all three; a build from a Git checkout gives the
commit, its date and whether the source was modified.`,
		Example: "  designlint version\n  designlint --version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(io.Out, versionString())
			return nil
		},
	}
}
