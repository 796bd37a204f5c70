package cli

import (
	"fmt"
	"strings"

	"github.com/designlint/designlint/internal/report"
	"github.com/designlint/designlint/rules"
)

// Names on the command line (rule ids, formats, --set names) are matched
// in any case, and a name that matches nothing gets the closest as a
// suggestion.

// chooseFormat reads the --format of a command that prints only a few
// formats.
func chooseFormat(cmd, name string, choices ...string) (string, error) {
	for _, c := range choices {
		if strings.EqualFold(c, name) {
			return c, nil
		}
	}
	return "", fmt.Errorf("%s: %w", cmd, report.UnknownName("format", name, choices))
}

// lookupRule finds a rule by id, in any case, or says which was meant.
func lookupRule(id string) (*rules.Rule, error) {
	if r, ok := rules.Lookup(strings.ToLower(strings.TrimSpace(id))); ok {
		return r, nil
	}
	msg := fmt.Sprintf("unknown rule %q", id)
	if s := rules.Suggest(strings.ToLower(id), rules.IDs()); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += " (designlint rules lists them)"
	}
	return nil, fmt.Errorf("%s", msg)
}
