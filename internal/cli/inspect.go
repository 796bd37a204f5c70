package cli

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/config"
	"github.com/designlint/designlint/internal/report"
)

const inspectLong = `Show a design document as designlint read it: what the rules and the
estimator see, and where each part came from. Use it to find out why a
finding fired (or did not), and which words a figure was read from.

It shows the document's kind and why designlint thinks so; every heading
with the role it plays (functional requirements, estimates, trade-offs...)
and whether its section holds anything beyond placeholders; each component
with its facts (kind, technology, replicas, regions, consistency and its
reason, dependencies, cache and queue plans, capacity); the non-functional
requirements with their area, target and whether they are measurable; the
other parts (problem, functional requirements, API, failure plan,
trade-offs, summary); the figures in use with the line and text each came
from; every figure read, used or not, and why not; in a document that works
out several designs, each design and its figures; the calculations written
out, with their verdict; and the numbers of the estimates designlint did not
use, with why.

PATH is a file, or - for standard input (name it with --stdin-filename).
The document's kind is detected as lint detects it; front matter (kind:),
the configuration's kinds patterns or --kind choose it instead.

Exit codes: 0 when the document was read, 2 when it cannot be (a missing,
unreadable, binary, oversized or unparseable file). What the reader met
on the way is listed, not an exit code: lint reports it as findings.`

const inspectExample = `  designlint inspect docs/design/feed.md
  designlint inspect -f json docs/design/feed.md | jq '.model.figures[] | select(.used | not)'
  designlint inspect --kind adr docs/adr/0007-queue.md
  cat answer.md | designlint inspect --stdin-filename answer.md -`

type inspectOptions struct {
	format        string
	stdinFilename string
	kind          string
}

func newInspectCmd(io *IO, g *globalOptions) *cobra.Command {
	o := &inspectOptions{}
	cmd := &cobra.Command{
		Use:     "inspect PATH",
		Short:   "Show a document as designlint read it, with where each part came from",
		Long:    inspectLong,
		Example: inspectExample,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInspect(io, g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: text or json")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "the name of a document read from standard input (-); its extension gives the format")
	f.StringVar(&o.kind, "kind", "", "read the document as this kind (design, interview, adr, rfc or other) instead of the kind detected; front matter still has the last word")
	_ = cmd.RegisterFlagCompletionFunc("kind", kindCompletion)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runInspect(io *IO, g *globalOptions, o *inspectOptions, path string) error {
	format, err := chooseFormat("inspect", o.format, "text", "json")
	if err != nil {
		return failure("%v", err)
	}
	kind, err := parseKindFlag(o.kind)
	if err != nil {
		return failure("%v", err)
	}
	conf, err := loadConfig(g, configAnchors([]string{path}, o.stdinFilename))
	if err != nil {
		return err
	}
	d, err := readAsKind(io, conf, path, o.stdinFilename, design.Options{Calendar: conf.Calendar()}, kind)
	if err != nil {
		return failure("%s", report.Clean(err.Error()))
	}
	var buf bytes.Buffer
	if format == "json" {
		err = report.PrintInspectJSON(&buf, d, conf.MaxRatio)
	} else {
		err = report.PrintInspect(&buf, d, conf.MaxRatio)
	}
	if err != nil {
		return failure("%v", err)
	}
	if _, err := io.Out.Write(report.Guard(buf.Bytes(), false)); err != nil {
		return failure("%v", err)
	}
	return nil
}

// readAsKind reads a document as the kind --kind forces (none: the
// configuration's kind for its path, else the kind detected); front
// matter still has the last word.
func readAsKind(io *IO, conf *config.Config, path, stdinFilename string, opts design.Options, kind design.DocKind) (*design.Design, error) {
	name := path
	if path == "-" {
		name = stdinFilename
	}
	if kind == "" {
		opts.Kind = conf.KindOf(name)
	}
	d, err := readDocument(io, path, stdinFilename, opts)
	if err != nil {
		return nil, err
	}
	if kind != "" {
		forceKind(d, kind)
	}
	return d, nil
}

// forceKind applies --kind to a document read without it, as lint's
// reader would (front matter still wins), keeping what designlint detected
// in the reason so that inspect shows both.
func forceKind(d *design.Design, kind design.DocKind) {
	if d.KindSet {
		return
	}
	why := "--kind says so"
	if d.Kind != kind && d.KindWhy != "" {
		why += "; designlint would read it as " + string(d.Kind) + ": " + d.KindWhy
	}
	d.Kind, d.KindWhy, d.KindSet = kind, why, true
}
