package cli

import (
	"fmt"
	"io"

	"github.com/designlint/designlint/design"
)

// stdinDocument is a document read from standard input, named by
// --stdin-filename (whose extension gives its format; Markdown without
// one).
type stdinDocument struct {
	name   string
	format design.Format
	data   []byte
	err    error
}

// readStdin reads standard input once, up to the size limit (one byte
// more, so that a larger document is refused by the reader, not cut).
func readStdin(r io.Reader, name string, limit int64) stdinDocument {
	in := stdinDocument{name: name, format: design.Markdown}
	if in.name == "" {
		in.name = "<stdin>"
	} else if f, ok := design.FormatOf(name); ok {
		in.format = f
	}
	if limit <= 0 {
		limit = design.DefaultMaxFileSize
	}
	in.data, in.err = io.ReadAll(io.LimitReader(r, limit+1))
	return in
}

// read parses the document.
func (in stdinDocument) read(ro design.Options) (*design.Design, error) {
	if in.err != nil {
		return nil, fmt.Errorf("%s: %v", in.name, in.err)
	}
	return design.ReadAs(in.name, in.data, in.format, ro)
}

// readDocument reads the document a command names: a file, or standard
// input for "-".
func readDocument(io *IO, path, stdinName string, ro design.Options) (*design.Design, error) {
	if path == "-" {
		return readStdin(io.In, stdinName, ro.MaxFileSize).read(ro)
	}
	return design.ReadFile(path, ro)
}
