// Package worktest checks that a reader's work grows linearly with its
// input: it reads a hostile pattern at two sizes, n and 2n, and fails when
// the work more than doubles. Work is counted (by the reader's own
// counter, or as the bytes the runtime allocated), never timed, so that
// the check gives the same answer on any machine under any load.
//
// Only tests import this package.
package worktest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// MaxRatio is how much the work may grow when the input doubles: twice,
// with room for costs that do not grow with the input and for n log n.
const MaxRatio = 2.5

// Pattern is a hostile input that can be made at any size.
type Pattern struct {
	Name string
	// Make returns the pattern repeated n times (or with n of whatever
	// grows).
	Make func(n int) []byte
}

// Work counts what reading src did.
type Work func(src []byte) int64

// Ratio reads the pattern at n and 2n and returns the work of each.
func Ratio(p Pattern, n int, work Work) (w1, w2 int64) {
	return work(p.Make(n)), work(p.Make(2 * n))
}

// Doubling fails t when reading the pattern at 2n does more than MaxRatio
// times the work of reading it at n. n should be large enough that the
// work of the pattern outweighs what every input costs.
func Doubling(t testing.TB, p Pattern, n int, work Work) {
	t.Helper()
	w1, w2 := Ratio(p, n, work)
	if w1 <= 0 {
		t.Errorf("%s: no work counted at n=%d", p.Name, n)
		return
	}
	if r := float64(w2) / float64(w1); r > MaxRatio {
		t.Errorf("%s: work %d at n=%d, %d at n=%d: ×%.2f when the input doubles (at most ×%.1f)", p.Name, w1, n, w2, 2*n, r, MaxRatio)
	}
}

// Allocated returns the bytes the heap allocated while f ran, after one
// run of f to let anything it initialises once be initialised. The
// count covers the whole process: run it from tests that are not
// parallel. Whatever else the process runs (a goroutine an earlier test
// left behind) only adds to the count, so the least of three runs is
// taken.
func Allocated(f func()) int64 {
	f()
	least := int64(-1)
	for i := 0; i < 3; i++ {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		if n := int64(after.TotalAlloc - before.TotalAlloc); least < 0 || n < least {
			least = n
		}
	}
	return least
}

// AllocWork is a Work that counts the bytes read allocates.
func AllocWork(read func(src []byte)) Work {
	return func(src []byte) int64 { return Allocated(func() { read(src) }) }
}

// Repeat makes a pattern of unit repeated n times, with an optional
// prefix and suffix.
func Repeat(name, prefix, unit, suffix string) Pattern {
	return Pattern{Name: name, Make: func(n int) []byte {
		b := make([]byte, 0, len(prefix)+n*len(unit)+len(suffix))
		b = append(b, prefix...)
		for i := 0; i < n; i++ {
			b = append(b, unit...)
		}
		return append(b, suffix...)
	}}
}

// Numbered makes a pattern of first and then n lines of format, the
// i-th given i and i-1 (format names them %[1]d and %[2]d).
func Numbered(name, first, format string) Pattern {
	return Pattern{Name: name, Make: func(n int) []byte {
		var b strings.Builder
		b.WriteString(first)
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, format, i, i-1)
		}
		return []byte(b.String())
	}}
}
