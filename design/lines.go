package design

import "sort"

// lineTable maps byte offsets of one file to line and column. It holds the
// offset at which each line starts and is searched by bisection.
type lineTable struct {
	starts []int
	size   int
}

func newLineTable(src []byte) lineTable {
	n := 1
	for _, c := range src {
		if c == '\n' {
			n++
		}
	}
	starts := make([]int, 1, n)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineTable{starts: starts, size: len(src)}
}

// pos converts a byte offset to a 1-based line and byte column. A negative
// offset (a node goldmark gave no position) is the top of the file.
func (t lineTable) pos(off int) Pos {
	if off < 0 {
		return Pos{1, 1}
	}
	if off > t.size {
		off = t.size
	}
	line := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	return Pos{Line: line + 1, Col: off - t.starts[line] + 1}
}

// span converts a byte range to a Span.
func (t lineTable) span(start, end int) Span {
	if end < start {
		end = start
	}
	return Span{Start: t.pos(start), End: t.pos(end)}
}

// lines is the number of lines in the file.
func (t lineTable) lines() int { return len(t.starts) }

// lineEnd is the offset of the end of the line holding off (before the
// newline).
func (t lineTable) lineEnd(off int) int {
	p := t.pos(off)
	if p.Line < len(t.starts) {
		return t.starts[p.Line] - 1
	}
	return t.size
}
