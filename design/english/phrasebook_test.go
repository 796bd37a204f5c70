package english

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// phrasebookRows reads a phrasebook file of ../shared/phrasebook: tab
// separated, one header line, # comments, "\n" for line breaks.
func phrasebookRows(t *testing.T, name string) [][]string {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "phrasebook", name)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("the phrasebook is absent: %v", err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		cells := strings.Split(line, "\t")
		for i := range cells {
			cells[i] = strings.ReplaceAll(cells[i], `\n`, "\n")
		}
		rows = append(rows, cells)
	}
	return rows
}

// TestPhrasebookSentences reads the plain-prose rows of assumptions.tsv
// (no tables, blocks or headings, which the Markdown reader handles) with
// the figure reader alone: a quick view of the sentence patterns.
func TestPhrasebookSentences(t *testing.T) {
	rows := phrasebookRows(t, "assumptions.tsv")
	pass, total := 0, 0
	for _, row := range rows {
		text, expect := row[0], row[1]
		if strings.ContainsAny(text, "\n|`") {
			continue
		}
		total++
		text = strings.TrimPrefix(text, "- ")
		text = strings.ReplaceAll(text, "**", "")
		r := ReadFigures(text, Context{Where: InEstimates})
		got := map[string]float64{}
		rank := map[string]int{}
		for _, f := range r.Figures {
			if f.Claim {
				continue
			}
			if old, ok := rank[f.Name]; ok && old >= f.Rank {
				continue
			}
			got[f.Name] = f.Quantity.Value
			rank[f.Name] = f.Rank
		}
		if ok, why := matches(got, expect); ok {
			pass++
		} else {
			t.Logf("MISS %q: %s (got %v)", text, why, got)
		}
	}
	t.Logf("sentences: %d/%d", pass, total)
}

func matches(got map[string]float64, expect string) (bool, string) {
	want := map[string]float64{}
	if expect != "-" {
		for _, kv := range strings.Fields(expect) {
			k, v, _ := strings.Cut(kv, "=")
			f, _ := strconv.ParseFloat(v, 64)
			want[k] = f
		}
	}
	for k, v := range want {
		g, ok := got[k]
		if !ok {
			return false, "missing " + k
		}
		if math.Abs(g-v) > 1e-6*math.Max(math.Abs(v), 1e-9) {
			return false, k + " = " + strconv.FormatFloat(g, 'g', -1, 64) + ", want " + strconv.FormatFloat(v, 'g', -1, 64)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			return false, "extra " + k
		}
	}
	return true, ""
}

// TestPhrasebookEquations checks the calculations of equations.tsv that are
// not tables (the Markdown reader joins a table row's cells).
func TestPhrasebookEquations(t *testing.T) {
	rows := phrasebookRows(t, "equations.tsv")
	pass, total := 0, 0
	for _, row := range rows {
		text, verdict := row[0], row[1]
		if strings.HasPrefix(text, "|") {
			continue
		}
		total++
		r := ReadFigures(text, Context{Where: InEstimates})
		wrong := false
		var mm Mismatch
		for _, e := range r.Equations {
			if m, bad := e.Check(1.5); bad {
				wrong, mm = true, m
			}
		}
		if len(r.Equations) == 0 {
			t.Logf("UNREAD %q", text)
		}
		if wrong == (verdict == "wrong") {
			pass++
		} else {
			t.Logf("MISS %s %q: %+v", verdict, text, mm)
		}
	}
	t.Logf("equations: %d/%d", pass, total)
}
