package rules

import "testing"

func TestMentions(t *testing.T) {
	ps := phraseSet("risk", "alternative", "non-goal", "vs ")
	for text, want := range map[string]bool{
		"the main risk is a stale cache":          true,
		"risks: none we know of":                  true,
		"an alternative would be polling":         true,
		"no alternatives were considered":         false,
		"there is no risk here":                   false,
		"it de-risks operating large pageservers": false,
		"the asterisk marks optional fields":      false, // not at a word start
		"postgres vs dynamodb":                    true,
		"non-goal: bring your own key":            true,
		"we won't risk the launch":                false,
	} {
		if got := mentions(text, ps); got != want {
			t.Errorf("mentions(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestNumberedOption(t *testing.T) {
	for h, want := range map[string]bool{
		"option 1: keep polling":  true,
		"proposal 2 - shard it":   true,
		"alternative b":           true,
		"options for the cache":   false,
		"proposal":                false,
		"approach to back-off":    false,
		"solution 3":              true,
		"option a) split clients": true,
	} {
		if got := isNumberedOption(h); got != want {
			t.Errorf("isNumberedOption(%q) = %v, want %v", h, got, want)
		}
	}
}
