package design

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// designlint's goldmark parser has no emphasis parser: goldmark's is the
// costliest part of inline parsing, and all designlint needs from emphasis
// is to leave its markers out of the text and to know what is bold. This
// file does that on the source, with CommonMark's rules for which "*" and
// "_" runs open and close emphasis and how they pair; an unpaired marker
// stays in the text, as CommonMark keeps it ("10 ** 6", "5 * 3").

// srcRange is a range of source offsets, [start, stop).
type srcRange struct{ start, stop int }

// emphasis is what a container's emphasis markers come to: the marker
// characters to leave out of the text, and the source of each bold span's
// content. Both are in source order.
type emphasis struct {
	skip []srcRange
	bold []srcRange
	// work counts the steps of pairing markers and of leaving them out
	// of the text, for the tests that check both stay linear.
	work int64
}

type delimiter struct {
	ch          byte
	pos, n      int // the run's remaining characters: src[pos:pos+n]
	orig        int
	open, close bool
}

// maxOpeners bounds the openers waiting for a closer, so that a paragraph
// of thousands of unmatched markers stays linear.
const maxOpeners = 128

// emphasisOf pairs the emphasis markers in the text children of an inline
// container; it returns nil when there are none.
func (r *mdReader) emphasisOf(n ast.Node) *emphasis {
	// Most containers have no marker at all: two vectorised scans of
	// their extent say so.
	first, last := -1, -1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			if first < 0 {
				first = t.Segment.Start
			}
			last = t.Segment.Stop
		}
	}
	if first < 0 || last <= first {
		return nil
	}
	if extent := r.src[first:last]; bytes.IndexByte(extent, '*') < 0 && bytes.IndexByte(extent, '_') < 0 {
		return nil
	}
	var runs []*delimiter
	var work int64
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		for i := t.Segment.Start; i < t.Segment.Stop; {
			ch := r.src[i]
			if ch != '*' && ch != '_' {
				i++
				continue
			}
			j := i
			for j < t.Segment.Stop && r.src[j] == ch {
				j++
			}
			work += int64(j - i)
			if i == 0 || r.src[i-1] != '\\' {
				if d := r.delimiter(ch, i, j); d.open || d.close {
					runs = append(runs, d)
				}
			}
			i = j
		}
	}
	if len(runs) == 0 {
		return nil
	}
	em := &emphasis{}
	var openers []*delimiter
	for _, d := range runs {
		if d.close {
			for d.n > 0 {
				k := len(openers) - 1
				for ; k >= 0; k-- {
					work++
					o := openers[k]
					if o.ch != d.ch || o.n == 0 {
						continue
					}
					// CommonMark's rule of three: a run that can both open
					// and close does not pair with one whose lengths sum
					// to a multiple of three, unless both are.
					if (o.close || d.open) && (o.orig+d.orig)%3 == 0 && !(o.orig%3 == 0 && d.orig%3 == 0) {
						continue
					}
					break
				}
				if k < 0 {
					break
				}
				o := openers[k]
				use := 1
				if o.n >= 2 && d.n >= 2 {
					use = 2
				}
				if use == 2 {
					em.bold = append(em.bold, srcRange{o.pos + o.n, d.pos})
				}
				em.skip = append(em.skip, srcRange{o.pos + o.n - use, o.pos + o.n}, srcRange{d.pos, d.pos + use})
				o.n -= use
				d.pos += use
				d.n -= use
				// Openers between the pair can no longer close anything.
				openers = openers[:k+1]
				if o.n == 0 {
					openers = openers[:k]
				}
			}
		}
		if d.open && d.n > 0 {
			if len(openers) == maxOpeners {
				openers = append(openers[:0], openers[1:]...)
				work += maxOpeners
			}
			openers = append(openers, d)
		}
	}
	if len(em.skip) == 0 {
		return nil
	}
	sortRanges(em.skip)
	sortRanges(em.bold)
	em.work = work + int64(len(runs)+len(em.skip)+len(em.bold))
	return em
}

// delimiter classifies the run src[i:j] of ch by the characters around it.
func (r *mdReader) delimiter(ch byte, i, j int) *delimiter {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRune(r.src[:i])
	}
	if j < len(r.src) {
		after, _ = utf8.DecodeRune(r.src[j:])
	}
	spaceBefore, spaceAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	punctBefore, punctAfter := isMarkdownPunct(before), isMarkdownPunct(after)
	left := !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
	right := !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
	d := &delimiter{ch: ch, pos: i, n: j - i, orig: j - i}
	if ch == '*' {
		d.open, d.close = left, right
	} else {
		d.open = left && (!right || punctBefore)
		d.close = right && (!left || punctAfter)
	}
	return d
}

func isMarkdownPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// sortRanges sorts ranges by start. They come nearly sorted, which the
// standard library's sort handles in linear time; an insertion sort would
// be quadratic on the nestings a hostile paragraph can build.
func sortRanges(rs []srcRange) {
	slices.SortFunc(rs, func(a, b srcRange) int { return a.start - b.start })
}

// addText appends the source range [from, to) of a text node to f,
// leaving out the emphasis markers em says to skip.
func addText(f *flat, src []byte, from, to int, em *emphasis) {
	if em == nil {
		f.add(src, from, to)
		return
	}
	// The skipped ranges are sorted and disjoint: start at the first
	// that ends after from, and stop at the first that starts at to or
	// later, so that a paragraph of many text nodes and many markers
	// costs their sum, not their product.
	k := sort.Search(len(em.skip), func(i int) bool { return em.skip[i].stop > from })
	for ; k < len(em.skip) && em.skip[k].start < to; k++ {
		em.work++
		s := em.skip[k]
		f.add(src, from, max(from, s.start))
		from = max(from, s.stop)
	}
	f.add(src, from, to)
}

// textAt returns the offset in f's text of the source offset at, for
// text that was added in source order.
func (f *flat) textAt(at int) int {
	k := sort.Search(len(f.marks), func(i int) bool { return f.marks[i].srcOff > at }) - 1
	if k < 0 {
		return 0
	}
	m := f.marks[k]
	end := f.Len()
	if k+1 < len(f.marks) {
		end = f.marks[k+1].textOff
	}
	return min(m.textOff+(at-m.srcOff), end)
}

// boldLead returns the text of a bold span that opens the inline container
// n ("**Orders DB** (PostgreSQL): …"), or "".
func (r *mdReader) boldLead(n ast.Node) string {
	t, ok := n.FirstChild().(*ast.Text)
	if !ok {
		return ""
	}
	em := r.emphasisOf(n)
	if em == nil || len(em.bold) == 0 || em.bold[0].start-2 != t.Segment.Start {
		return ""
	}
	f := newFlat(n)
	r.noMentions++
	r.inline(n, f)
	r.noMentions--
	b := em.bold[0]
	from, to := f.textAt(b.start), f.textAt(b.stop)
	if to <= from {
		return ""
	}
	return strings.TrimSpace(f.String()[from:to])
}
