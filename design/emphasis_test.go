package design

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

// flatten reads one paragraph as designlint does and returns its text and
// the bold spans' text.
func flatten(t *testing.T, md string) (string, []string) {
	t.Helper()
	src := []byte(md)
	doc := markdownParser.Parse(text.NewReader(src))
	p := doc.FirstChild()
	r := &mdReader{src: src, lines: newLineTable(src)}
	f := newFlat(p)
	r.inline(p, f)
	var bold []string
	if em := r.emphasisOf(p); em != nil {
		for _, b := range em.bold {
			bold = append(bold, f.String()[f.textAt(b.start):f.textAt(b.stop)])
		}
	}
	return f.String(), bold
}

// Emphasis markers leave the text as CommonMark would render it, and bold
// spans are found, without goldmark's emphasis parser.
func TestEmphasis(t *testing.T) {
	cases := []struct {
		md, text string
		bold     []string
	}{
		{"**Orders DB** stores orders", "Orders DB stores orders", []string{"Orders DB"}},
		{"*italic* and __bold__", "italic and bold", []string{"bold"}},
		{"***both*** ways", "both ways", []string{"both"}},
		{"**a *b* c** d", "a b c d", []string{"a b c"}},
		{"the **Write API**\nsaves to the **SQL\nDatabase**", "the Write API saves to the SQL Database", []string{"Write API", "SQL Database"}},
		// Markers that do not pair stay, as CommonMark keeps them.
		{"5 * 3 = 15", "5 * 3 = 15", nil},
		{"10**6 requests", "10**6 requests", nil},
		{"**unclosed bold", "**unclosed bold", nil},
		{"a * b * c", "a * b * c", nil},
		// Intraword underscores are not emphasis; asterisks can be.
		{"requests_per_user_per_day = 10", "requests_per_user_per_day = 10", nil},
		{"snake_case and _word_", "snake_case and word", nil},
		{"un*frigging*believable", "unfriggingbelievable", nil},
		// Escaped markers and code spans are literal (the text keeps the
		// backslash, as goldmark's text segments do).
		{`\*not emphasis\*`, `\*not emphasis\*`, nil},
		{"`**code**` and **bold**", "**code** and bold", []string{"bold"}},
		// Inside link text.
		{"see [**Cache**](https://x.example) now", "see Cache now", nil},
		// The rule of three: "*foo**bar*" is one emphasis.
		{"*foo**bar*", "foo**bar", nil},
	}
	for _, c := range cases {
		got, bold := flatten(t, c.md)
		if got != c.text || strings.Join(bold, "|") != strings.Join(c.bold, "|") {
			t.Errorf("%q: text %q bold %q; want %q bold %q", c.md, got, bold, c.text, c.bold)
		}
	}
}

// Thousands of unmatched markers are read (TestEmphasisIsLinear checks
// the work stays linear).
func TestEmphasisManyOpeners(t *testing.T) {
	md := strings.Repeat("*a ", 50000) + "b*"
	got, _ := flatten(t, md)
	if !strings.HasSuffix(got, "b") {
		t.Errorf("text ends %q", got[len(got)-10:])
	}
}

// FuzzEmphasis: any paragraph flattens without a panic, and every bold
// span lies within the text.
func FuzzEmphasis(f *testing.F) {
	for _, s := range []string{"**a** b", "*a **b* c**", "_a_b_", "***", "a ** b", "`*`*x*", "[*a*](b) **c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		src := []byte(md)
		doc := markdownParser.Parse(text.NewReader(src))
		p := doc.FirstChild()
		if p == nil {
			return
		}
		r := &mdReader{src: src, lines: newLineTable(src)}
		fl := newFlat(p)
		r.inline(p, fl)
		if em := r.emphasisOf(p); em != nil {
			for _, b := range em.bold {
				if a, z := fl.textAt(b.start), fl.textAt(b.stop); a < 0 || z > fl.Len() || a > z+1 {
					t.Fatalf("bold %v maps to [%d,%d) of %d", b, a, z, fl.Len())
				}
			}
		}
	})
}
