package design

import (
	"bytes"
	"sort"
)

// lineTable maps byte offsets of one file to line and column. It holds the
// offset at which each line starts and is searched by bisection.
type lineTable struct {
	starts []int
	size   int
	// offset is added to every offset looked up: a table shifted to read
	// a part of the file parsed on its own (a fenced block of prose).
	offset int
	// hint is the line of the last lookup: the reader asks in document
	// order, so the next answer is usually on the same line or just after.
	hint *int
}

func newLineTable(src []byte) lineTable {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return lineTable{starts: starts, size: len(src), hint: new(int)}
}

// pos converts a byte offset to a 1-based line and byte column. A negative
// offset (a node goldmark gave no position) is the top of the file.
func (t lineTable) pos(off int) Pos {
	if off < 0 {
		return Pos{1, 1}
	}
	off += t.offset
	if off > t.size {
		off = t.size
	}
	line := -1
	if t.hint != nil {
		h := *t.hint
		for k := h; k < len(t.starts) && k < h+8 && t.starts[k] <= off; k++ {
			if k+1 == len(t.starts) || t.starts[k+1] > off {
				line = k
				break
			}
		}
	}
	if line < 0 {
		line = sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	}
	if t.hint != nil {
		*t.hint = line
	}
	return Pos{Line: line + 1, Col: off - t.starts[line] + 1}
}

// span converts a byte range to a Span.
func (t lineTable) span(start, end int) Span {
	if end < start {
		end = start
	}
	return Span{Start: t.pos(start), End: t.pos(end)}
}

// shifted returns the table for a part of the file that starts at byte
// off.
func (t lineTable) shifted(off int) lineTable {
	t.offset += off
	return t
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
