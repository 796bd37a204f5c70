package grade

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's scoring table from the rubric")

// TestREADMEScoringTable reads the README's scoring table and checks it
// says what the rubric scores: each step's id, budget and points, and each
// part's points in order. With -update-readme it rewrites the table.
func TestREADMEScoringTable(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- grade-table:begin -->\n", "<!-- grade-table:end -->"
	s := string(src)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q markers", begin, end)
	}
	table := s[i+len(begin) : j]
	if want := ScoringTable(); table != want {
		if *updateReadme {
			s = s[:i+len(begin)] + want + s[j:]
			if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's scoring table is out of date; run go test ./internal/grade -run TestREADMEScoringTable -update-readme, or replace it with:\n%s", want)
	}
	// Read the rows as a reader of the README would, so that the table
	// and the arithmetic of the card agree, not only the text.
	rows := strings.Split(strings.TrimSpace(table), "\n")[2:]
	if len(rows) != len(Rubric) {
		t.Fatalf("the table has %d steps, the rubric %d", len(rows), len(Rubric))
	}
	points := regexp.MustCompile(`\((\d+)[;)]`)
	total := 0
	for k, row := range rows {
		cells := strings.Split(strings.Trim(row, "|"), "|")
		for c := range cells {
			cells[c] = strings.TrimSpace(cells[c])
		}
		st := Rubric[k]
		if cells[1] != "`"+st.ID+"`" || cells[2] != st.Budget() {
			t.Errorf("row %d: %v, want step %s with budget %s", k+1, cells, st.ID, st.Budget())
		}
		max, _ := strconv.Atoi(cells[3])
		sum := 0
		for n, m := range points.FindAllStringSubmatch(cells[4], -1) {
			v, _ := strconv.Atoi(m[1])
			if n >= len(st.Parts) || st.Parts[n].Points != v {
				t.Errorf("%s: part %d is worth %d in the README", st.ID, n+1, v)
			}
			sum += v
		}
		if max != st.Max() || sum != max {
			t.Errorf("%s: the README gives %d points (parts %d), the rubric %d", st.ID, max, sum, st.Max())
		}
		total += max
	}
	if total != 100 {
		t.Errorf("the README's steps add up to %d, not 100", total)
	}
}
