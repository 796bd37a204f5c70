package report_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/internal/grade"
	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

// gradeExample grades a document of the repository as grade does, from
// the repository root.
func gradeExample(t *testing.T, path string) *grade.Card {
	t.Helper()
	d, err := design.ReadFile(path, design.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.Overrides = nil
	return grade.Grade(rules.Run(d, rules.Config{Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)}))
}

// TestGradeExamples pins the scorecard of every example design in
// testdata/docs, and of every layout in testdata/grade, with its evidence,
// in testdata/grade/scores (go test ./internal/report -run
// TestGradeExamples -update rewrites them; read the diff: a score that
// moves is a change of the grade or of the reader). One is pinned as
// JSON too.
func TestGradeExamples(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	var paths []string
	for _, glob := range []string{"testdata/docs/*.md", "testdata/docs/*.cue", "testdata/grade/*.md", "testdata/grade/*.cue"} {
		ps, _ := filepath.Glob(glob)
		paths = append(paths, ps...)
	}
	if len(paths) < 10 {
		t.Fatalf("only %d documents to grade", len(paths))
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.PrintGrade(&buf, gradeExample(t, p)); err != nil {
				t.Fatal(err)
			}
			name := strings.TrimPrefix(filepath.ToSlash(filepath.Dir(p)), "testdata/") + "-" + filepath.Base(p) + ".txt"
			compareGolden(t, filepath.Join("testdata/grade/scores", name), buf.Bytes())
		})
	}
	var buf bytes.Buffer
	if err := report.PrintGradeJSON(&buf, gradeExample(t, "testdata/docs/news-feed-flawed-estimates.md")); err != nil {
		t.Fatal(err)
	}
	compareGolden(t, "testdata/grade/scores/docs-news-feed-flawed-estimates.md.json", buf.Bytes())
}
