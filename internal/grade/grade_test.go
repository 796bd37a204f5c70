package grade

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

func gradeSource(t *testing.T, name, src string) *Card {
	t.Helper()
	d, err := design.Read(name, []byte(src), design.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Grade(rules.Run(d, rules.Config{Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}))
}

func gradeFile(t *testing.T, path string) *Card {
	t.Helper()
	d, err := design.ReadFile(path, design.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Grade(rules.Run(d, rules.Config{Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}))
}

// The card has the nine steps in order, worth 100 in all, and the total
// is the sum of the steps.
func TestCardShape(t *testing.T) {
	c := gradeFile(t, filepath.Join("..", "..", "testdata", "docs", "url-shortener-good.md"))
	var ids []string
	sum, max := 0, 0
	for _, s := range c.Steps {
		ids = append(ids, s.ID)
		sum += s.Points
		max += s.Max
		if s.Points < 0 || s.Points > s.Max {
			t.Errorf("%s: %d of %d", s.ID, s.Points, s.Max)
		}
		if s.Points < s.Max && s.Hint == "" {
			t.Errorf("%s: partial marks without a hint", s.ID)
		}
		if s.Points == s.Max && s.Hint != "" {
			t.Errorf("%s: full marks with a hint %q", s.ID, s.Hint)
		}
	}
	want := "restate functional nonfunctional estimates api architecture deep_dive scale_failure summary"
	if strings.Join(ids, " ") != want {
		t.Errorf("steps %v", ids)
	}
	if max != 100 || c.Max != 100 || c.Total != sum {
		t.Errorf("max %d, total %d, sum %d", max, c.Total, sum)
	}
}

// Complete, correct designs score 90 or more.
func TestGoodDesignsScoreHigh(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "docs", "*-good.*"))
	if len(paths) == 0 {
		t.Fatal("no good example designs")
	}
	for _, p := range paths {
		if c := gradeFile(t, p); c.Total < 90 {
			t.Errorf("%s scores %d: %+v", filepath.Base(p), c.Total, c.Steps)
		}
	}
}

// A template with nothing written scores next to nothing.
func TestSkeletonScoresNothing(t *testing.T) {
	c := gradeFile(t, filepath.Join("..", "..", "testdata", "docs", "search-autocomplete-skeleton.md"))
	if c.Total > 10 {
		t.Errorf("the skeleton scores %d", c.Total)
	}
}

// halfAnswer covers the first four steps well and stops there.
const halfAnswer = `# Photo sharing

## Problem

Users share photos with their followers and scroll a feed of the photos of
the people they follow.

## Functional requirements

- Users upload a photo with a caption
- Users follow other users
- Users scroll a feed of the photos of the people they follow

## Non-functional requirements

- Scale: 10M daily active users
- Latency: the feed loads in under 300 ms at p99
- Availability: 99.9% a month
- Durability: an uploaded photo is never lost

## Estimates

- DAU: 10M
- Requests per user per day: 50
- Requests per day: 500M
- Average TPS: 500M / 86,400 ≈ 5,800
- Peak factor: 3x
- Peak TPS: 17,400
- Writes per user per day: 0.2
- Write size: 2 MB
- Retention: 10 years
- Replication factor: 3
`

// An answer missing half the steps scores 60 or less, and each missing
// step says what to do.
func TestHalfAnswer(t *testing.T) {
	c := gradeSource(t, "half.md", halfAnswer)
	if c.Total > 60 || c.Total < 40 {
		t.Errorf("half an answer scores %d: %+v", c.Total, c.Steps)
	}
	for _, s := range c.Steps[:4] {
		if s.Points < s.Max-3 {
			t.Errorf("%s: %d of %d (%s; %s)", s.ID, s.Points, s.Max, s.Found, s.Hint)
		}
	}
	for _, s := range c.Steps[4:] {
		if s.Points != 0 || s.Hint == "" {
			t.Errorf("%s: %d points, hint %q", s.ID, s.Points, s.Hint)
		}
	}
}

// Partial credit follows what is there.
func TestPartialCredit(t *testing.T) {
	two := strings.Replace(halfAnswer, "- Users follow other users\n", "", 1)
	two = strings.Replace(two, "- Users scroll a feed of the photos of the people they follow\n", "", 1)
	c := gradeSource(t, "two.md", two)
	if f := c.Steps[1]; f.Points != 5 {
		t.Errorf("one functional requirement: %d points (%s)", f.Points, f.Found)
	}
	slip := strings.Replace(halfAnswer, "- Requests per day: 500M", "- Requests per day: 5B", 1)
	c = gradeSource(t, "slip.md", slip)
	if e := c.Steps[3]; e.Points != 13 || !strings.Contains(e.Hint, "fix the arithmetic") {
		t.Errorf("an arithmetic slip: %d points, hint %q", e.Points, e.Hint)
	}
}

// The summary earns its last two points with the trade-offs.
func TestSummaryStep(t *testing.T) {
	summary := halfAnswer + "\n## Summary\n\nOne upload service in front of an object store and a feed cache.\n"
	if s := gradeSource(t, "s.md", summary).Steps[8]; s.Points != 3 || s.Hint == "" {
		t.Errorf("summary alone: %d points, hint %q", s.Points, s.Hint)
	}
	tradeoffs := summary + "\n## Trade-offs\n\n- A feed a few seconds stale, in exchange for reads that never touch the database\n"
	if s := gradeSource(t, "t.md", tradeoffs).Steps[8]; s.Points != 5 {
		t.Errorf("summary and trade-offs: %d points (%s)", s.Points, s.Found)
	}
}
