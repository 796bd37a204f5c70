package worktest

import (
	"fmt"
	"strings"
)

// The hostile inputs of issue 11, as generators shared by the tests of
// the readers and the command's hostile corpus.

// SelfMerge is a YAML mapping that merges itself: CUE's YAML reader
// follows the merge key forever.
const SelfMerge = "&a {b: 1, <<: *a}"

// MergeBomb is YAML whose mappings, one a line, each merge the one below
// ten times: 10^levels values once expanded. Every line starts with
// indent.
func MergeBomb(indent string, levels int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%sl0: &l0 {k: 1}\n", indent)
	for i := 1; i <= levels; i++ {
		keys := make([]string, 10)
		for j := range keys {
			keys[j] = fmt.Sprintf("k%d: {<<: *l%d}", j, i-1)
		}
		fmt.Fprintf(&b, "%sl%d: &l%d {%s}\n", indent, i, i, strings.Join(keys, ", "))
	}
	return b.String()
}

// MergeListBomb is MergeBomb with the merges written as one list of
// aliases a level.
func MergeListBomb(indent string, levels int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%sl0: &l0 {k: 1}\n", indent)
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "%sl%d: &l%d {x: {<<: [%s]}, y: *l%d}\n", indent, i, i, tenOf(fmt.Sprintf("*l%d", i-1)), i-1)
	}
	return b.String()
}

// AliasBomb is YAML whose lists, one a line, each hold the one below ten
// times: 10^levels values once expanded.
func AliasBomb(levels int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "a0: &a0 [%s]\n", tenOf("x"))
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, tenOf(fmt.Sprintf("*a%d", i-1)))
	}
	return b.String()
}

// tenOf lists ten copies of s.
func tenOf(s string) string {
	return strings.TrimSuffix(strings.Repeat(s+", ", 10), ", ")
}

// LetDoublings is CUE whose let clauses double a string n times, a few
// hundred bytes that ask for 2^n bytes and more; use is a line that uses
// the last, with %s for its name.
func LetDoublings(n int, use string) string {
	var b strings.Builder
	b.WriteString("let s0 = \"" + strings.Repeat("x", 64) + "\"\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "let s%d = s%d + s%d\n", i, i-1, i-1)
	}
	fmt.Fprintf(&b, use+"\n", fmt.Sprintf("s%d", n))
	return b.String()
}

// Comprehensions is a CUE document of thirty list comprehensions, each
// over the one before.
func Comprehensions() string {
	var b strings.Builder
	b.WriteString("import \"list\"\nl0: list.Range(0, 100, 1)\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, "l%d: [for x in l%d for y in [1, 2] {x + y}]\n", i, i-1)
	}
	b.WriteString("title: \"t\"\n")
	return b.String()
}
