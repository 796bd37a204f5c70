package cli

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"cuelang.org/go/cue/literal"
	"github.com/spf13/cobra"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/config"
)

//go:embed scaffold/design.md
var markdownScaffold string

//go:embed scaffold/design.cue
var cueScaffold string

const initLong = `Write a new design document with every section in place and a prompt in
each saying what it wants, to FILE (its directories are created) or,
without one, to standard output. designlint lint then lists exactly what
is still to be written.

The format comes from --format, else from FILE's extension (.cue for CUE),
else Markdown. An existing FILE is never overwritten.

With --config, write a commented .designlint.yaml for the tree around it
instead (or the file --config=FILE names): the folders that hold designs
become its files patterns, folders of other documents are listed, and the
findings of today's documents come with the commands that record them in
a baseline.`

const initExample = `  designlint init docs/design/photo-feed.md --title "Photo feed"
  designlint init --format cue > feed.cue
  designlint init --config
  designlint init --config=docs/.designlint.yaml`

type initOptions struct {
	format string
	title  string
	config string
}

func newInitCmd(io *IO, g *globalOptions) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:     "init [FILE]",
		Short:   "Write a new design document, or a configuration, to fill in",
		Long:    initLong,
		Example: initExample,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("config") {
				if len(args) > 0 {
					return failure("init --config writes a configuration, not %s; run designlint init %s for a design", args[0], args[0])
				}
				return runInitConfig(io, g, o.config)
			}
			return runInit(io, g, o, args, cmd.Flags().Changed("format"))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "md", "md (Markdown) or cue")
	f.StringVar(&o.title, "title", "", "the design's title (default: from FILE's name, else \"Untitled design\")")
	// A flag of init's own: it shadows the global --config, whose file
	// init does not read, and takes its value only after "=".
	f.StringVar(&o.config, "config", "", "write a configuration for the documents here (to .designlint.yaml, or --config=FILE) instead of a design")
	f.Lookup("config").NoOptDefVal = config.Names[0]
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"md", "cue"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runInit(io *IO, g *globalOptions, o *initOptions, args []string, formatSet bool) error {
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	format, err := scaffoldFormat(o.format, formatSet, path)
	if err != nil {
		return failure("%v", err)
	}
	title := strings.Join(strings.Fields(o.title), " ")
	if title == "" {
		title = titleFromPath(path)
	}
	text := scaffold(format, title)
	if path == "" {
		_, err := fmt.Fprint(io.Out, text)
		return err
	}
	if err := createNew(path, text); err != nil {
		return err
	}
	if !g.quiet {
		fmt.Fprintf(io.Err, "designlint: wrote %s; run designlint lint %s to see what remains to be written\n", path, path)
	}
	return nil
}

// createNew writes a new file, creating its directories; it never
// overwrites one, even a file created a moment ago (O_EXCL).
func createNew(path, text string) error {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return failure("creating %s: %s", dir, design.DescribeFileError(err))
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return failure("%s already exists; designlint init never overwrites a file", path)
		}
		return failure("%s: %s", path, design.DescribeFileError(err))
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return failure("writing %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		return failure("writing %s: %v", path, err)
	}
	return nil
}

// scaffoldFormat decides the format: the flag, else the file's extension.
func scaffoldFormat(flag string, flagSet bool, path string) (design.Format, error) {
	fromFlag := design.Markdown
	switch strings.ToLower(flag) {
	case "md", "markdown":
	case "cue":
		fromFlag = design.CUE
	default:
		return "", fmt.Errorf("--format %q: want md or cue", flag)
	}
	if path == "" {
		return fromFlag, nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	fromPath := design.Markdown
	switch ext {
	case ".md", ".markdown":
	case ".cue":
		fromPath = design.CUE
	default:
		return "", fmt.Errorf("%s: write the design to a .md or .cue file", path)
	}
	if flagSet && fromFlag != fromPath {
		return "", fmt.Errorf("--format %s does not match %s", flag, path)
	}
	return fromPath, nil
}

// titleFromPath makes "Photo feed" of "docs/photo-feed.md".
func titleFromPath(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	base = strings.Join(strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' }), " ")
	if base == "" || path == "" {
		return "Untitled design"
	}
	return strings.ToUpper(base[:1]) + base[1:]
}

// scaffold fills the template of a format with the title.
func scaffold(f design.Format, title string) string {
	if f == design.CUE {
		return strings.ReplaceAll(cueScaffold, "{{TITLE}}", literal.String.Quote(title))
	}
	// A title is one line of plain text in a heading and in YAML.
	return strings.ReplaceAll(markdownScaffold, "{{TITLE}}", yamlSafeTitle(title))
}

// yamlSafeTitle keeps a title readable as a plain YAML scalar and as a
// heading: no characters YAML or Markdown would give a meaning to at its
// start, no quotes or colons that end a scalar.
func yamlSafeTitle(t string) string {
	t = strings.Map(func(r rune) rune {
		switch r {
		case ':', '#', '"', '\'', '`', '<', '>', '|', '{', '}', '[', ']', '&', '*', '!', '%', '@':
			return ' '
		}
		if r < 0x20 {
			return ' '
		}
		return r
	}, t)
	t = strings.Join(strings.Fields(strings.TrimLeft(t, "-?,")), " ")
	if t == "" {
		return "Untitled design"
	}
	return t
}
