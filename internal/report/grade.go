package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/designlint/designlint/internal/grade"
)

// PrintGrade writes a scorecard as a table: each step's budget, points,
// what the answer shows and what to do next, then the total.
func PrintGrade(w io.Writer, c *grade.Card) error {
	if _, err := fmt.Fprintf(w, "Interview scorecard: %s\n\n", Clean(c.Path)); err != nil {
		return err
	}
	var rows [][]string
	for i, s := range c.Steps {
		rows = append(rows, []string{
			fmt.Sprintf("%d. %s", i+1, s.Title), s.Budget,
			fmt.Sprintf("%d/%d", s.Points, s.Max), Clean(s.Found), Clean(s.Hint),
		})
	}
	if err := Table(w, []string{"STEP", "BUDGET", "POINTS", "FOUND", "NEXT"}, rows, false); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nTotal: %d/%d\n", c.Total, c.Max)
	return err
}

type jsonCard struct {
	Version int        `json:"version"`
	Path    string     `json:"path"`
	Total   int        `json:"total"`
	Max     int        `json:"max"`
	Steps   []jsonStep `json:"steps"`
}

type jsonStep struct {
	Step   string `json:"step"`
	Budget string `json:"budget"`
	Points int    `json:"points"`
	Max    int    `json:"max"`
	Found  string `json:"found"`
	Hint   string `json:"hint"`
}

// PrintGradeJSON writes a scorecard as JSON, version 1.
func PrintGradeJSON(w io.Writer, c *grade.Card) error {
	out := jsonCard{Version: 1, Path: Clean(c.Path), Total: c.Total, Max: c.Max, Steps: []jsonStep{}}
	for _, s := range c.Steps {
		out.Steps = append(out.Steps, jsonStep{Step: s.ID, Budget: s.Budget, Points: s.Points, Max: s.Max, Found: Clean(s.Found), Hint: Clean(s.Hint)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// GradeSummary is the one-line result: "72/100".
func GradeSummary(c *grade.Card) string {
	return strconv.Itoa(c.Total) + "/" + strconv.Itoa(c.Max)
}
