package grade

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

var testNow = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func lintSource(t *testing.T, name, src string) *rules.Report {
	t.Helper()
	d, err := design.Read(name, []byte(src), design.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rules.Run(d, rules.Config{Now: testNow})
}

func gradeSource(t *testing.T, name, src string) *Card {
	t.Helper()
	return Grade(lintSource(t, name, src))
}

func gradeFile(t *testing.T, path string) *Card {
	t.Helper()
	d, err := design.ReadFile(path, design.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Grade(rules.Run(d, rules.Config{Now: testNow}))
}

// step returns a card's step by id.
func (c *Card) step(id string) Step {
	for _, s := range c.Steps {
		if s.ID == id {
			return s
		}
	}
	panic("no step " + id)
}

// credited reports whether a step credited the part.
func (s Step) credited(part string) bool {
	return slices.ContainsFunc(s.Credited, func(e Evidence) bool { return e.Part == part })
}

// checkCard checks what every card promises: the nine steps in order,
// worth 100 in all, the total the sum of the steps; points within each
// step; the points a step lacks accounted for by its gaps; a hint exactly
// when a step is short; evidence only for parts of the step.
func checkCard(t *testing.T, name string, c *Card) {
	t.Helper()
	var ids []string
	sum, max := 0, 0
	for i, s := range c.Steps {
		ids = append(ids, s.ID)
		sum += s.Points
		max += s.Max
		if s.Points < 0 || s.Points > s.Max {
			t.Errorf("%s: %s: %d of %d", name, s.ID, s.Points, s.Max)
		}
		if (s.Points < s.Max) != (s.Hint != "") {
			t.Errorf("%s: %s: %d of %d with hint %q", name, s.ID, s.Points, s.Max, s.Hint)
		}
		left := 0
		for _, m := range s.Missing {
			left += m.Points
		}
		if left != s.Max-s.Points {
			t.Errorf("%s: %s: %d of %d, but the gaps account for %d: %+v", name, s.ID, s.Points, s.Max, left, s.Missing)
		}
		rub := Rubric[i]
		for _, e := range s.Credited {
			if !slices.ContainsFunc(rub.Parts, func(p Part) bool { return p.ID == e.Part }) {
				t.Errorf("%s: %s credits %q for a part it does not have: %+v", name, s.ID, e.Part, e)
			}
		}
	}
	want := "restate functional nonfunctional estimates api architecture deep_dive scale_failure summary"
	if strings.Join(ids, " ") != want {
		t.Errorf("%s: steps %v", name, ids)
	}
	if max != 100 || c.Max != 100 || c.Total != sum {
		t.Errorf("%s: max %d, total %d, sum %d", name, max, c.Total, sum)
	}
}

// Every card of the examples and the layouts keeps the card's promises.
func TestCardShape(t *testing.T) {
	for _, p := range exampleDocs(t) {
		checkCard(t, filepath.Base(p), gradeFile(t, p))
	}
	for _, p := range layoutAnswers(t) {
		checkCard(t, filepath.Base(p), gradeFile(t, p))
	}
}

func exampleDocs(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, ext := range []string{"md", "cue"} {
		ps, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "docs", "*."+ext))
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		t.Fatal("no example designs")
	}
	slices.Sort(paths)
	return paths
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
- Storage per day: 2M × 2 MB = 4 TB
`

// An answer missing half the steps scores 60 or less, and each missing
// step says what to do.
func TestHalfAnswer(t *testing.T) {
	c := gradeSource(t, "half.md", halfAnswer)
	checkCard(t, "half.md", c)
	if c.Total > 60 || c.Total < 40 {
		t.Errorf("half an answer scores %d: %+v", c.Total, c.Steps)
	}
	for _, s := range c.Steps[:4] {
		if s.Points != s.Max {
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
	one := strings.Replace(halfAnswer, "- Users follow other users\n", "", 1)
	one = strings.Replace(one, "- Users scroll a feed of the photos of the people they follow\n", "", 1)
	if f := gradeSource(t, "one.md", one).step("functional"); f.Points != 5 {
		t.Errorf("one functional requirement: %d points (%s)", f.Points, f.Found)
	}
	slip := strings.Replace(halfAnswer, "- Requests per day: 500M", "- Requests per day: 5B", 1)
	e := gradeSource(t, "slip.md", slip).step("estimates")
	if e.Points != 13 || !strings.HasPrefix(e.Hint, "fix the arithmetic at line 25") {
		t.Errorf("an arithmetic slip: %d points, hint %q", e.Points, e.Hint)
	}
	// A figure only designlint works out earns a point, and the hint
	// says what it comes to.
	unwritten := strings.Replace(halfAnswer, "- Average TPS: 500M / 86,400 ≈ 5,800\n", "", 1)
	e = gradeSource(t, "unwritten.md", unwritten).step("estimates")
	if e.Points != 13 || !strings.Contains(e.Hint, "write out the average TPS") || !strings.Contains(e.Hint, "5.79k TPS") {
		t.Errorf("TPS left to designlint: %d points, hint %q", e.Points, e.Hint)
	}
	vague := strings.Replace(halfAnswer, "under 300 ms at p99", "quickly", 1)
	n := gradeSource(t, "vague.md", vague).step("nonfunctional")
	if n.Points != 13 || !strings.Contains(n.Hint, "latency requirement at line 17") {
		t.Errorf("a vague requirement: %d points, hint %q", n.Points, n.Hint)
	}
}

// The summary step gives the summary 3 points and the trade-offs 2, each
// on its own.
func TestSummaryStep(t *testing.T) {
	summary := "\n## Summary\n\nOne upload service in front of an object store and a feed cache.\n"
	tradeoffs := "\n## Trade-offs\n\n- A feed a few seconds stale, in exchange for reads that never touch the database\n"
	for _, tc := range []struct {
		name, add string
		points    int
	}{
		{"summary alone", summary, 3},
		{"trade-offs alone", tradeoffs, 2},
		{"both", summary + tradeoffs, 5},
	} {
		s := gradeSource(t, "s.md", halfAnswer+tc.add).step("summary")
		if s.Points != tc.points {
			t.Errorf("%s: %d points (%s)", tc.name, s.Points, s.Found)
		}
		if tc.points == 3 && strings.Contains(s.Hint, "summary") {
			t.Errorf("%s: hint %q asks for the summary the answer has", tc.name, s.Hint)
		}
		if tc.points == 2 && strings.Contains(s.Hint, "trade-off") {
			t.Errorf("%s: hint %q asks for the trade-offs the answer has", tc.name, s.Hint)
		}
	}
}

// A deep dive counts wherever the answer goes deep on one component, and
// the step credits the component developed most, not the first.
func TestDeepDivePicksTheDeepest(t *testing.T) {
	src := halfAnswer + `
## Components

### Upload service

Stateless, 4 replicas behind the load balancer.

### Photo store (S3)

Holds every photo.

## Deep dive

### Feed DB (Cassandra)

Eventually consistent, because a feed that is a few seconds stale costs
nothing to a reader. One partition per user holds the ids of the latest
500 photos of the people they follow, newest first, written by fan-out
on upload; a celebrity's photos are merged in at read time instead.
Replication factor 3 across three zones, read and written at quorum.
`
	s := gradeSource(t, "deep.md", src).step("deep_dive")
	if s.Points != 10 || !strings.Contains(s.Found, "Feed DB") {
		t.Errorf("deep dive: %d points (%s; %s)", s.Points, s.Found, s.Hint)
	}
}

// When designlint recognises no components, the hints say so and show
// the forms it reads; they never ask an answer that has an architecture
// section to draw one.
func TestNoComponentsRecognised(t *testing.T) {
	src := halfAnswer + "\n## Architecture\n\nThe phone talks to some servers in the cloud which save the photos somewhere safe.\n"
	a := gradeSource(t, "arch.md", src).step("architecture")
	if a.Points != 0 || !strings.Contains(a.Hint, "did not recognise your components") || !strings.Contains(a.Hint, "### Orders DB (PostgreSQL)") {
		t.Errorf("architecture: %d points, hint %q", a.Points, a.Hint)
	}
	if !strings.Contains(a.Missing[0].What, `section "Architecture" (line 35)`) {
		t.Errorf("architecture: missing %+v", a.Missing)
	}
}

// Hints never ask for what the answer does: a step that credited a part
// does not ask for it again.
func TestHintsNeverAskForWhatIsThere(t *testing.T) {
	forbidden := []struct {
		step, part string
		words      []string
	}{
		{"architecture", "components", []string{"sketch", "boxes a request"}},
		{"architecture", "connections", []string{"flows between"}},
		{"summary", "tradeoffs", []string{"trade-off"}},
		{"summary", "summary", []string{"close with"}},
		{"estimates", "peak", []string{"peak factor"}},
		{"estimates", "scale", []string{"assume a scale"}},
		{"restate", "restatement", []string{"open with"}},
		{"deep_dive", "consistency", []string{"strongly or eventually"}},
		{"deep_dive", "replication", []string{"replicated"}},
	}
	paths := append(exampleDocs(t), layoutAnswers(t)...)
	for _, p := range paths {
		c := gradeFile(t, p)
		for _, f := range forbidden {
			s := c.step(f.step)
			if !s.credited(f.part) {
				continue
			}
			for _, w := range f.words {
				if strings.Contains(s.Hint, w) {
					t.Errorf("%s: %s credits %s, yet the hint says %q", filepath.Base(p), f.step, f.part, s.Hint)
				}
			}
		}
	}
}

// grade scores designs and interview answers, and nothing else.
func TestGradable(t *testing.T) {
	for k, want := range map[design.DocKind]bool{
		design.DocDesign: true, design.DocInterview: true, design.DocADR: false, design.DocRFC: false, design.DocOther: false,
	} {
		if Gradable(k) != want {
			t.Errorf("Gradable(%s) = %v", k, !want)
		}
	}
}
