package grade

import (
	"fmt"
	"strings"

	"github.com/designlint/designlint/design"
)

// The deep dive credits the component the answer develops most, wherever
// the answer does it: its own text, its consistency model and the reason
// for it, and its replication, as the reader tied them to it.

// deepWords is how many words about one component make a deep dive.
const deepWords = 40

func (g *grader) deepDive() Step {
	b := newStep("deep_dive")
	best := g.deepest()
	if best == nil {
		b.miss("depth", "no component to dive into",
			"pick the hardest component, usually the database, and go deep: why this store, its tables or partitions and keys, its consistency choice and why, how it is replicated")
		return b.finish()
	}
	name := best.Name
	words := len(strings.Fields(best.Description))
	b.credit("depth", share(4, float64(words), deepWords), fmt.Sprintf("%s: %d words", name, words),
		Evidence{What: "component gone into", Span: best.Span, Text: name, Quote: fmt.Sprintf("%s: %d words", name, words)})
	if words < deepWords {
		hint := fmt.Sprintf("say more about %s: its data model (tables, keys, indexes), how it is read and written, and how it scales", name)
		if s, n, named, ok := g.untiedText(); ok {
			if named == "" {
				named = name
			}
			hint = fmt.Sprintf("designlint did not tie the %d words of section %q (line %d) to a component, so they do not count yet; a heading that is the component's name alone (### %s (…)) or a list item led by its name makes them count",
				n, s.Title, s.Span.Start.Line, named)
		}
		b.miss("depth", fmt.Sprintf("%s has %d words of its own; a deep dive takes %d or more", name, words, deepWords), hint)
	}
	if best.Consistency != design.Unset {
		b.full("consistency", best.Consistency.Described(), Evidence{What: "consistency model", Span: best.Span, Text: string(best.Consistency), Quote: best.Consistency.Described()})
		if best.Justification != "" {
			b.full("reason", "with a reason", Evidence{What: "reason", Span: best.Span, Text: best.Justification, Quote: best.Justification})
		} else {
			b.miss("reason", fmt.Sprintf("%s is %s with no reason given", name, best.Consistency.Described()),
				fmt.Sprintf("say why %s fits %s's data: what goes wrong if a read is stale, or why staleness is acceptable", best.Consistency.Described(), name))
		}
	} else {
		b.miss("consistency", name+" states no consistency model",
			fmt.Sprintf("say whether %s is strongly or eventually consistent, and why that fits its data", name))
		b.miss("reason", "no reason for a consistency choice", "")
	}
	switch {
	case best.Replicas > 1 || best.Regions > 1:
		found := fmt.Sprintf("%d instances", best.Replicas)
		if best.Replicas <= 1 {
			found = fmt.Sprintf("%d regions", best.Regions)
		}
		b.full("replication", found, Evidence{What: "replication", Span: best.Span, Text: found, Quote: found})
	case best.Replicas == 1:
		b.miss("replication", name+" runs as a single instance", fmt.Sprintf("say how %s is replicated: replicas, zones, failover", name))
	default:
		b.miss("replication", name+" does not say how it is replicated", fmt.Sprintf("say how %s is replicated or scaled out: replicas, zones, shards", name))
	}
	return b.finish()
}

// deepest is the component the answer develops most: the most points of
// the step, then a store over a stateless box, then the most words, then
// the first.
func (g *grader) deepest() *design.Component {
	var best *design.Component
	bestScore := -1
	for _, c := range g.d.Components {
		if c.Kind == design.KindExternal {
			continue
		}
		sc := depth(c)*1000 + len(strings.Fields(c.Description))
		if design.StatefulKind(c.Kind) {
			sc += 500
		}
		if sc > bestScore {
			best, bestScore = c, sc
		}
	}
	return best
}

// depth is the points a component would earn as the deep dive.
func depth(c *design.Component) int {
	points := share(4, float64(len(strings.Fields(c.Description))), deepWords)
	if c.Consistency != design.Unset {
		points++
		if c.Justification != "" {
			points += 2
		}
	}
	if c.Replicas > 1 || c.Regions > 1 {
		points += 3
	}
	return points
}

// untiedText finds the section about the architecture or its
// components with the most words of its own text (before any
// sub-heading) that the reader tied to no component, when that is a deep
// dive's worth although no component's text is: prose the reader did not
// read as a component's. It also names a component the section's title
// mentions, if one does.
func (g *grader) untiedText() (sec design.Section, words int, named string, ok bool) {
	for _, c := range g.d.Components {
		if len(strings.Fields(c.Description)) >= deepWords {
			return design.Section{}, 0, "", false
		}
	}
	for _, s := range g.d.Sections {
		if !s.Is(design.SectionComponents) && !s.Is(design.SectionArchitecture) || s.Level == 0 {
			continue
		}
		from, to := g.ownLines(s)
		n := g.wordsIn(from, to)
		for _, c := range g.d.Components {
			if l := c.Span.Start.Line; l >= from && (to < 0 || l < to) {
				n -= len(strings.Fields(c.Description))
			}
		}
		if n >= deepWords && n > words {
			sec, words, ok = s, n, true
		}
	}
	if ok {
		title := design.NameKey(sec.Title)
		for _, c := range g.d.Components {
			if k := design.NameKey(c.Name); k != "" && strings.Contains(title, k) {
				named = c.Name
			}
		}
	}
	return sec, words, named, ok
}

// ownLines are the lines of a Markdown section's own text: from the line
// after its heading up to the next heading of any level (-1: the end).
func (g *grader) ownLines(s design.Section) (from, to int) {
	from, to = s.Span.Start.Line+1, -1
	for _, h := range g.d.Headings {
		if h.Span.Start.Line >= from {
			to = h.Span.Start.Line
			break
		}
	}
	return from, to
}

// wordsIn counts the words of the document's lines from..to (to
// excluded; -1: the end).
func (g *grader) wordsIn(from, to int) int {
	n := 0
	for i, line := range strings.Split(string(g.d.Source), "\n") {
		if l := i + 1; l >= from && (to < 0 || l < to) {
			n += len(strings.Fields(line))
		}
	}
	return n
}
