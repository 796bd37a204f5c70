package rules

import (
	"fmt"
	"strings"

	"github.com/designlint/designlint/design"
)

// placeholderSection returns the first section of one of the kinds that
// exists but holds only placeholders.
func placeholderSection(d *design.Design, kinds ...design.SectionKind) (design.Section, bool) {
	for _, s := range d.Sections {
		for _, k := range kinds {
			if s.Kind == k && s.Empty {
				return s, true
			}
		}
	}
	return design.Section{}, false
}

// hasSectionContent reports whether any section of the kinds has content.
func hasSectionContent(d *design.Design, kinds ...design.SectionKind) bool {
	for _, k := range kinds {
		if d.HasContent(k) {
			return true
		}
	}
	return false
}

// reportMissing reports something the document lacks: at the heading of a
// section that is there but empty, otherwise at the top of the file. what
// names the missing thing; add says what to write, in the document's own
// format.
func reportMissing(p *Pass, element, what string, add string, kinds ...design.SectionKind) {
	s, ok := placeholderSection(p.Design, kinds...)
	if !ok && p.Applies == Template {
		// A proposal need not have the section; only one left with a
		// template's prompts in it is reported.
		return
	}
	if !ok {
		s, ok = firstSection(p.Design, kinds...)
	}
	if !ok {
		p.Report(design.Top, element, "no %s; %s", what, add)
		return
	}
	where := fmt.Sprintf("section %q", s.Title)
	if s.Level == 0 {
		where = fmt.Sprintf("field %s", s.Title)
	}
	if s.Empty {
		p.Report(s.Span, element, "%s has no %s yet, only placeholders; %s", where, what, add)
		return
	}
	p.Report(s.Span, element, "%s has no %s; %s", where, what, add)
}

// firstSection returns the first section of one of the kinds.
func firstSection(d *design.Design, kinds ...design.SectionKind) (design.Section, bool) {
	for _, s := range d.Sections {
		for _, k := range kinds {
			if s.Kind == k {
				return s, true
			}
		}
	}
	return design.Section{}, false
}

// structured reports whether the document is CUE, JSON or YAML, so that
// messages can name fields instead of headings.
func structured(d *design.Design) bool { return d.Format != design.Markdown }

// addAs phrases "add a section" for Markdown and "add a field" for
// structured documents.
func addAs(d *design.Design, heading, field string) string {
	if structured(d) {
		return "add " + field
	}
	article := "a"
	if strings.ContainsRune("AEIOU", rune(heading[0])) {
		article = "an"
	}
	return "add " + article + " " + quote(heading) + " section"
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
