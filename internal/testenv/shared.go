package testenv

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Shared returns the path of a file or directory of ../shared beside the
// module (the phrasebook and the corpus of public design documents), or
// skips the test when it is absent: that data is not part of designlint.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(ModuleRoot(t), "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent: this test measures designlint on shared data that is not part of the repository", rel)
	}
	return p
}

// TSV reads a tab-separated file of ../shared: one header line, "#"
// comments, and "\n" in a cell standing for a line break. Each row is a
// map from column name to cell, with "line" set to the row's line number.
func TSV(t testing.TB, rel string) []map[string]string {
	t.Helper()
	f, err := os.Open(Shared(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var head []string
	var rows []map[string]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		if head == nil {
			head = cells
			continue
		}
		row := map[string]string{"line": itoa(n)}
		for i, c := range cells {
			if i < len(head) {
				row[head[i]] = strings.ReplaceAll(c, `\n`, "\n")
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func itoa(n int) string {
	s := ""
	for n > 0 || s == "" {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
