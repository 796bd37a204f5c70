package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Streamer is a Printer that can also print a run file by file, so that a
// run of many files need not be held in memory: Begin before the first
// file, File for each file in the run's order, End with what comes after
// the files. The text, json and sarif formats stream; github (most severe
// first across the run), junit (totals before the suites) and markdown
// (one table for all files) need the whole run and do not.
type Streamer interface {
	Printer
	Begin(w io.Writer, tool Tool) error
	File(w io.Writer, f File) error
	End(w io.Writer, s Summary) error
}

// Summary is what a streamed run ends with: its counts, the baseline
// entries that no longer match, the documents passed over as not designs.
type Summary struct {
	Counts  Counts
	Fixed   []string
	Skipped []string
}

// printStreamed prints a whole run through a Streamer: Print and the
// file-by-file path are one code path.
func printStreamed(s Streamer, w io.Writer, run *Run) error {
	if err := s.Begin(w, run.Tool); err != nil {
		return err
	}
	for _, f := range run.Files {
		if err := s.File(w, f); err != nil {
			return err
		}
	}
	return s.End(w, Summary{Counts: Count(run), Fixed: run.Fixed, Skipped: run.Skipped})
}

// jsonArray writes a JSON document, indented by two spaces as
// json.Encoder.SetIndent("", "  ") would, whose one array is written an
// element at a time. The document is marshalled with a marker as the
// array's only element; the text before the marker is written by open,
// each element at the marker's indentation, and the text after it by
// close, so that the result is byte for byte what encoding the whole
// document at once gives.
type jsonArray struct {
	indent string // the elements' indentation
	n      int    // elements written
}

// arrayMarker stands for the streamed array's elements in a frame.
const arrayMarker = `"designlint:streamed-array"`

var arrayMarkerRaw = json.RawMessage(arrayMarker)

// frame marshals a document holding arrayMarker and splits it there.
func frame(doc any) (head, tail []byte, indent string, err error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, nil, "", err
	}
	b := buf.Bytes()
	i := bytes.Index(b, []byte(arrayMarker))
	if i < 0 {
		return nil, nil, "", fmt.Errorf("report: no streamed array in %T", doc)
	}
	line := bytes.LastIndexByte(b[:i], '\n')
	return b[:line], b[i+len(arrayMarker):], string(b[line+1 : i]), nil
}

// open writes the document up to and including the array's "[".
func (a *jsonArray) open(w io.Writer, doc any) error {
	head, _, indent, err := frame(doc)
	if err != nil {
		return err
	}
	a.indent, a.n = indent, 0
	_, err = w.Write(head)
	return err
}

// element writes one element of the array.
func (a *jsonArray) element(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, a.indent, "  ")
	if err != nil {
		return err
	}
	sep := ",\n"
	if a.n == 0 {
		sep = "\n"
	}
	a.n++
	if _, err := io.WriteString(w, sep+a.indent); err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// close writes the rest of the document, marshalled from doc (which may
// now hold what was known only at the end).
func (a *jsonArray) close(w io.Writer, doc any) error {
	_, tail, _, err := frame(doc)
	if err != nil {
		return err
	}
	if a.n == 0 {
		// An empty array is "[]" on one line.
		tail = bytes.TrimLeft(tail, "\n \t")
	}
	_, err = w.Write(tail)
	return err
}
