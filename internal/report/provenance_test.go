package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/worktest"
)

// A quotation is the line a figure was read from as the author wrote it,
// without the block markers before the text, with alignment collapsed,
// and short enough for a table while keeping the label and the figure.
func TestQuote(t *testing.T) {
	long := "Requests per day: 2,000,000 users × 15 requests/user × 10 sessions = 300,000,000 requests/day"
	src := strings.Join([]string{
		"- DAU: ~50M",                          // 1
		"  1. Peak factor: 3x",                 // 2
		"> * Write size: 2 KB",                 // 3
		"| Storage per day | 3 GB |",           // 4
		"dau:                       1_000_000", // 5
		"- " + long,                            // 6
		"2024 was a good year.",                // 7
		"-not a list: 5",                       // 8
		"",                                     // 9
		"\tx\x1b[31m: 9\r",                     // 10
	}, "\n")
	s := newSourceText(&design.Design{Source: []byte(src)})
	at := func(line, from, to int) design.Span {
		return design.Span{Start: design.Pos{Line: line, Col: from}, End: design.Pos{Line: line, Col: to}}
	}
	end := len("- "+long) + 1
	tests := []struct {
		sp   design.Span
		want string
	}{
		{at(1, 8, 12), "DAU: ~50M"},
		{at(2, 19, 21), "Peak factor: 3x"},
		{at(3, 17, 21), "Write size: 2 KB"},
		{at(4, 20, 24), "| Storage per day | 3 GB |"},
		{at(5, 28, 37), "dau: 1_000_000"},
		{at(6, 3, 10), "Requests per day: 2,000,000 users × 15 requests/user × 10 sessions = 30…"},
		{at(6, end-24, end), "Requests per day: … × 10 sessions = 300,000,000 requests/day"},
		{at(7, 1, 5), "2024 was a good year."},
		{at(8, 14, 15), "-not a list: 5"},
		{at(9, 1, 1), ""},
		{at(10, 7, 8), "x: 9"},
		{at(11, 1, 2), ""},
		{design.Span{}, ""},
	}
	for _, tt := range tests {
		got := s.quote(tt.sp)
		if got != tt.want {
			t.Errorf("line %d, columns %d-%d: got %q, want %q", tt.sp.Start.Line, tt.sp.Start.Col, tt.sp.End.Col, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > quoteLimit {
			t.Errorf("line %d: %d characters, above the limit of %d", tt.sp.Start.Line, n, quoteLimit)
		}
	}
	// Without the document's text there is nothing to quote.
	if got := newSourceText(&design.Design{}).quote(at(1, 1, 2)); got != "" {
		t.Errorf("no source: %q", got)
	}
}

// The model quotes the line of every figure; a line holding thousands of
// figures costs each the same as a short line.
func TestModelIsLinear(t *testing.T) {
	work := worktest.AllocWork(func(src []byte) {
		d, err := design.Read("doc.md", src, design.Options{})
		if err != nil {
			t.Fatal(err)
		}
		newModel(d, 10)
	})
	for _, p := range []worktest.Pattern{
		worktest.Repeat("figures on one line", "# T\n\n## Estimates\n\n", "10M users ", "\n"),
		worktest.Repeat("figure lines", "# T\n\n## Estimates\n\n", "- DAU: 10M\n", ""),
	} {
		worktest.Doubling(t, p, 2000, work)
	}
}
