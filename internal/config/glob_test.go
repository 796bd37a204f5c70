package config

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, name string
		want          bool
	}{
		{"docs/design/**/*.md", "docs/design/feed.md", true},
		{"docs/design/**/*.md", "docs/design/2026/q1/feed.md", true},
		{"docs/design/**/*.md", "docs/design/feed.cue", false},
		{"docs/design/**/*.md", "docs/other/feed.md", false},
		{"docs/design/archive/**", "docs/design/archive/old.md", true},
		{"docs/design/archive/**", "docs/design/archive/2019/old.md", true},
		{"docs/design/archive/**", "docs/design/archived.md", false},
		{"docs/design/archive/", "docs/design/archive/old.md", true},
		{"*.md", "deep/down/readme.md", true},
		{"*.md", "deep/down/readme.cue", false},
		{"./docs/*.md", "docs/a.md", true},
		{"docs/*.md", "docs/sub/a.md", false},
		{"**/draft-*.md", "draft-1.md", true},
		{"**/draft-*.md", "a/b/draft-1.md", true},
		{"docs/[ab].md", "docs/b.md", true},
		{"docs/[ab].md", "docs/c.md", false},
		{"docs/[", "docs/[", false},
	}
	for _, c := range cases {
		if got := Match(c.pattern, c.name); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}

// A pattern of many ** against a deep path must not take exponential time:
// a search that tried every split would not finish before the test
// binary's timeout; the table Match fills takes 40 × 200 steps.
func TestMatchManyDoubleStars(t *testing.T) {
	pattern := strings.Repeat("**/", 40) + "x"
	name := strings.Repeat("a/", 200) + "y"
	if Match(pattern, name) {
		t.Fatal("matched a path that does not end in x")
	}
}
