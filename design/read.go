package design

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/designlint/designlint/estimate"
)

// Options controls how documents are read.
type Options struct {
	// Calendar converts months to seconds when reading rates.
	Calendar estimate.Calendar
	// MaxFileSize refuses larger files; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Kind, when set, is the document's kind, chosen by configuration;
	// front matter still has the last word.
	Kind DocKind
}

// DefaultMaxFileSize applies when Options leaves MaxFileSize zero.
const DefaultMaxFileSize = 1 << 20

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// Error is a document designlint could not read: the file, where, and why.
type Error struct {
	Path string
	Pos  Pos
	Msg  string
}

func (e *Error) Error() string {
	if e.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// FormatOf tells a document's format from its file name: .md and .markdown
// are Markdown, .cue CUE, .json JSON, .yaml and .yml YAML.
func FormatOf(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return Markdown, true
	case ".cue":
		return CUE, true
	case ".json":
		return JSON, true
	case ".yaml", ".yml":
		return YAML, true
	}
	return "", false
}

// ReadFile reads and parses the design document at path.
func ReadFile(path string, opts Options) (*Design, error) {
	src, err := readBounded(path, opts.maxFileSize(), maxSizeHint)
	if err != nil {
		return nil, err
	}
	return Read(path, src, opts)
}

// ReadBounded reads a regular file of at most limit bytes: designlint's
// one way of reading a file it was given (documents, configuration,
// baselines), so that a device, a pipe or a huge file is refused, never
// waited on or read whole. Errors are *Error naming the file.
func ReadBounded(path string, limit int64) ([]byte, error) {
	return readBounded(path, limit, "")
}

// maxSizeHint says how to read a larger document.
const maxSizeHint = " (raise it with --max-file-size)"

func readBounded(path string, limit int64, hint string) ([]byte, error) {
	// Stat before opening: opening a named pipe blocks until a writer
	// comes.
	if st, err := os.Stat(path); err != nil {
		return nil, &Error{Path: path, Msg: DescribeFileError(err)}
	} else if !st.Mode().IsRegular() {
		return nil, &Error{Path: path, Msg: "not a regular file"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: DescribeFileError(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	if !st.Mode().IsRegular() {
		return nil, &Error{Path: path, Msg: "not a regular file"}
	}
	if st.Size() > limit {
		return nil, &Error{Path: path, Msg: tooLarge(st.Size(), limit) + hint}
	}
	// One byte past the limit tells a file that grew after Stat.
	src, err := io.ReadAll(io.LimitReader(f, min(limit, math.MaxInt64-1)+1))
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	if int64(len(src)) > limit {
		return nil, &Error{Path: path, Msg: tooLarge(int64(len(src)), limit) + hint}
	}
	return src, nil
}

// DescribeFileError says in a few words why a file or directory could not
// be opened, without repeating its path.
func DescribeFileError(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file or directory"
	case os.IsPermission(err):
		return "permission denied"
	}
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func tooLarge(size, limit int64) string {
	return fmt.Sprintf("file is %s, above the limit of %s", byteSize(size), byteSize(limit))
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Read parses a design document held in memory; name gives its format and
// is used in positions.
func Read(name string, src []byte, opts Options) (*Design, error) {
	format, ok := FormatOf(name)
	if !ok {
		return nil, &Error{Path: name, Msg: "not a design document: designlint reads .md, .markdown, .cue, .json, .yaml and .yml files"}
	}
	return ReadAs(name, src, format, opts)
}

// ReadAs parses a design document of a known format (standard input has
// no file name to tell it).
func ReadAs(name string, src []byte, format Format, opts Options) (*Design, error) {
	src = loneCRToLF(src)
	d, err := readAs(name, src, format, opts)
	if err != nil {
		return nil, err
	}
	switch {
	case d.KindSet:
	case opts.Kind != "":
		d.Kind, d.KindWhy, d.KindSet = opts.Kind, "the configuration says so", true
	case len(bytes.TrimSpace(src)) == 0:
		d.Kind, d.KindWhy, d.Blank = DocDesign, "it is empty: a design with nothing written yet", true
	default:
		d.Kind, d.KindWhy = detectKind(d)
	}
	return d, nil
}

func readAs(name string, src []byte, format Format, opts Options) (*Design, error) {
	if err := checkBytes(name, src, opts); err != nil {
		return nil, err
	}
	// An empty document is a document with nothing in it yet: the rules
	// say what it lacks, as they would for a title alone.
	if len(bytes.TrimSpace(src)) == 0 {
		d := newDesign(name, format)
		d.Source = src
		return d, nil
	}
	// A byte-order mark would hide the first heading; three spaces keep
	// every offset where it was.
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		src = append([]byte("   "), src[3:]...)
	}
	if format == Markdown {
		return readMarkdown(name, src, opts)
	}
	return readStructured(name, src, format, opts)
}

// loneCRToLF turns every carriage return not followed by a line feed into
// a line feed. CommonMark and YAML end a line at a lone carriage return
// (old Mac files have nothing else), but the line table, the screen and
// the readers count lines by line feeds; one byte for one byte keeps every
// offset where it was. The source is copied only when it has one.
func loneCRToLF(src []byte) []byte {
	i := bytes.IndexByte(src, '\r')
	for i >= 0 && i+1 < len(src) && src[i+1] == '\n' {
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			return src
		}
		i += 1 + j
	}
	if i < 0 {
		return src
	}
	out := bytes.Clone(src)
	for ; i < len(out); i++ {
		if out[i] == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// checkBytes refuses what is not a text document designlint should read:
// too large, binary, or not UTF-8.
func checkBytes(name string, src []byte, opts Options) error {
	if limit := opts.maxFileSize(); int64(len(src)) > limit {
		return &Error{Path: name, Msg: tooLarge(int64(len(src)), limit) + maxSizeHint}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return &Error{Path: name, Pos: newLineTable(src).pos(i), Msg: "binary file (it contains a NUL byte)"}
	}
	if !utf8.Valid(src) {
		i := 0
		for i < len(src) {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return &Error{Path: name, Pos: newLineTable(src).pos(i), Msg: "invalid UTF-8"}
	}
	return nil
}

// parseWithTimeout parses Markdown. Its bound is no longer a time: the
// screen (screen.go) has refused every shape of input that makes the
// parser work more than linearly, so parsing a file within the size limit
// is bounded by its size on any machine under any load. A wall-clock
// bound here could only stop waiting, not stop the parser. A parser that
// panics on hostile input is an error for that file.
func parseWithTimeout(src []byte, opts Options) (doc ast.Node, err error) {
	_ = opts
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("cannot parse this Markdown (the parser failed: %v)", p)
		}
	}()
	return parseMarkdown(src), nil
}
