package rules

import (
	"strings"

	"github.com/designlint/designlint/design"
)

// String names how a rule applies, in a word: "full", "stated",
// "template", or "" for not at all.
func (a Applicability) String() string {
	switch a {
	case Full:
		return "full"
	case Stated:
		return "stated"
	case Template:
		return "template"
	}
	return ""
}

// Describe says in a few words what a rule checks in documents it
// applies to this way.
func (a Applicability) Describe() string {
	switch a {
	case Full:
		return "in full"
	case Stated:
		return "only what the document states; never asks for what is not there"
	case Template:
		return "only a section left with a template's prompts in it"
	}
	return "not checked"
}

// KindsSummary lists the kinds the rule checks, in the order of the spec,
// each followed by how when not in full: "design interview adr:stated
// rfc:stated".
func (r *Rule) KindsSummary() string {
	var parts []string
	for _, k := range design.DocKinds {
		switch a := r.ApplicabilityFor(k); a {
		case NotApplicable:
		case Full:
			parts = append(parts, string(k))
		default:
			parts = append(parts, string(k)+":"+a.String())
		}
	}
	return strings.Join(parts, " ")
}
