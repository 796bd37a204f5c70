package design

import (
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// flat is the plain text of some inline Markdown, with a map from text
// offsets back to source offsets so that anything found in the text can be
// reported at its place in the file.
type flat struct {
	b     strings.Builder
	marks []mark // sorted by textOff
	start int    // source offset of the first byte
	last  byte   // the last byte written
	lower string // the text in lower case, made on first use
	// soft are the offsets of the spaces that stand for soft line
	// breaks.
	soft []int
}

type mark struct {
	textOff, srcOff int
}

// newFlat makes a flat sized for a block's lines.
func newFlat(n ast.Node) *flat {
	f := &flat{start: n.Pos()}
	if n.Type() != ast.TypeBlock {
		return f
	}
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		size := lines.At(lines.Len()-1).Stop - lines.At(0).Start
		if size > 0 && size < 1<<20 {
			f.b.Grow(size)
		}
		f.marks = make([]mark, 0, lines.Len()+2)
	}
	return f
}

// String returns the text; it does not copy.
func (f *flat) String() string { return f.b.String() }

// Len is the length of the text.
func (f *flat) Len() int { return f.b.Len() }

// Lower returns the text in lower case, computed once.
func (f *flat) Lower() string {
	if f.lower == "" && f.b.Len() > 0 {
		f.lower = lower(f.b.String())
	}
	return f.lower
}

// add appends source bytes src[from:to].
func (f *flat) add(src []byte, from, to int) {
	if to <= from {
		return
	}
	if len(f.marks) == 0 {
		f.start = from
	}
	f.marks = append(f.marks, mark{textOff: f.b.Len(), srcOff: from})
	f.b.Write(src[from:to])
	f.last = src[to-1]
}

// addString appends text that has no source bytes of its own (an entity, a
// typographic replacement); it maps to the source offset at.
func (f *flat) addString(s string, at int) {
	if s == "" {
		return
	}
	if at >= 0 {
		f.marks = append(f.marks, mark{textOff: f.b.Len(), srcOff: at})
	}
	f.b.WriteString(s)
	f.last = s[len(s)-1]
}

// newline ends a line the author broke on purpose.
func (f *flat) newline() {
	if f.b.Len() > 0 && f.last != '\n' {
		if f.last == ' ' {
			// keep offsets: replace nothing, just add the break
		}
		f.b.WriteByte('\n')
		f.last = '\n'
	}
}

func (f *flat) space() {
	if f.b.Len() > 0 && f.last != ' ' {
		f.b.WriteByte(' ')
		f.last = ' '
	}
}

// src maps a text offset to a source offset.
func (f *flat) src(i int) int {
	if len(f.marks) == 0 {
		return f.start
	}
	k := sort.Search(len(f.marks), func(j int) bool { return f.marks[j].textOff > i }) - 1
	if k < 0 {
		return f.marks[0].srcOff
	}
	m := f.marks[k]
	return m.srcOff + (i - m.textOff)
}

// inline flattens the inline children of n into f. Raw HTML is skipped,
// except that designlint directives in it are handed to onComment.
func (r *mdReader) inline(n ast.Node, f *flat) {
	var em *emphasis
	if n.Kind() != ast.KindCodeSpan { // code is literal
		em = r.emphasisOf(n)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			addText(f, r.src, v.Segment.Start, v.Segment.Stop, em)
			switch {
			case v.HardLineBreak():
				// "**DAU:** 8M  ⏎ **Writes/user/day:** 2": one line
				// each
				f.newline()
			case v.SoftLineBreak():
				f.space()
				if f.last == ' ' {
					f.soft = append(f.soft, f.b.Len()-1)
				}
			}
		case *ast.String:
			f.addString(string(v.Value), -1)
		case *ast.RawHTML:
			for i := 0; i < v.Segments.Len(); i++ {
				seg := v.Segments.At(i)
				r.htmlComment(seg.Start, seg.Stop, false)
			}
		case *ast.AutoLink:
			url := v.URL(r.src)
			f.addString(string(url), -1)
		case *ast.Image:
			r.sawImage = true
		default:
			r.inline(c, f)
		}
	}
	// Bold names in an architecture section's prose are components.
	if em != nil && len(em.bold) > 0 && r.inTable == 0 && r.noMentions == 0 && r.cur != nil && (r.cur.kind == SectionArchitecture || r.cur.kind == SectionComponents) {
		for _, b := range em.bold {
			if from, to := f.textAt(b.start), f.textAt(b.stop); to > from && !weighedBold(f.String(), from, to) {
				r.boldMention(f.String()[from:to], r.textSpan(f, from, to))
			}
		}
	}
}

// blockText flattens a paragraph-like block.
func (r *mdReader) blockText(n ast.Node) *flat {
	f := newFlat(n)
	r.inline(n, f)
	return f
}

// itemText flattens a list item's own text: its paragraphs, not its nested
// lists.
func (r *mdReader) itemText(item ast.Node) *flat {
	f := &flat{start: item.Pos()}
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			if f.Len() > 0 {
				f.space()
			}
			r.inline(c, f)
		}
	}
	return f
}

// cells returns the flattened cells of a table row. Bold text in a table
// is an option or a term, not a component mention.
func (r *mdReader) cells(row ast.Node) []*flat {
	r.inTable++
	defer func() { r.inTable-- }()
	var out []*flat
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*east.TableCell); ok {
			f := &flat{start: c.Pos()}
			r.inline(c, f)
			out = append(out, f)
		}
	}
	return out
}

// rawLines returns the source text of a block's lines (code blocks, HTML
// blocks) and the offset of the first.
func (r *mdReader) rawLines(n ast.Node) (string, int) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return "", n.Pos()
	}
	var b strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String(), lines.At(0).Start
}

// spanOf returns the span of a node: from its position to the end of its
// last line.
func (r *mdReader) spanOf(n ast.Node) Span {
	start := n.Pos()
	end := start
	if start < 0 {
		start, end = 0, 0
	}
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		if s := lines.At(lines.Len() - 1).Stop; s > end {
			end = s
		}
	} else if last := lastDescendantEnd(n); last > end {
		end = last
	}
	// Do not run into the next line: spans end where their text ends.
	for end > start && end <= len(r.src) && (r.src[end-1] == '\n' || r.src[end-1] == '\r') {
		end--
	}
	return r.lines.span(start, end)
}

// lastDescendantEnd finds the end offset of the last line under n.
func lastDescendantEnd(n ast.Node) int {
	end := -1
	for c := n.LastChild(); c != nil && end < 0; c = c.PreviousSibling() {
		if lines := c.Lines(); c.Type() == ast.TypeBlock && lines != nil && lines.Len() > 0 {
			end = lines.At(lines.Len() - 1).Stop
			break
		}
		if t, ok := c.(*ast.Text); ok {
			end = t.Segment.Stop
			break
		}
		end = lastDescendantEnd(c)
	}
	return end
}

// textSpan maps a range of flattened text back to source.
func (r *mdReader) textSpan(f *flat, from, to int) Span {
	if to > from {
		return r.lines.span(f.src(from), f.src(to-1)+1)
	}
	s := f.src(from)
	return r.lines.span(s, s)
}

// fullSpan is the span of all of a flattened text.
func (r *mdReader) fullSpan(f *flat) Span {
	if f.Len() == 0 {
		p := f.start
		if p < 0 {
			p = 0
		}
		return r.lines.span(p, p)
	}
	return r.textSpan(f, 0, f.Len())
}
