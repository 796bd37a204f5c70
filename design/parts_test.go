package design

import (
	"reflect"
	"strings"
	"testing"
)

const partsDoc = `---
status: proposed
---

# 4. Archive cold orders

Owner: payments team

Table of contents:

- [Context](#context)
- [Decision](#decision)

## Context

Orders older than two years are never read but fill the primary.

<!-- This is an optional element. Feel free to remove. -->
## Decision Drivers

* {decision driver 1, e.g., a force, facing concern, …}

## Decision Outcome

` + "```sql" + `
ALTER TABLE orders DETACH PARTITION orders_2021;
` + "```" + `

### Consequences

### Positive

- The primary shrinks by 60%.

Risks
-----

TODO
`

func TestParts(t *testing.T) {
	d := readMD(t, partsDoc)
	parts := d.Parts()
	type got struct {
		Title        string
		Level        int
		Roles        []SectionKind
		Text         string
		Empty, Place bool
		Parent       int
	}
	want := []got{
		{"", 0, nil, "", true, false, -1},
		// The title names no part; its metadata is text, a table of
		// contents is not.
		{"4. Archive cold orders", 1, nil, "Owner: payments team\nTable of contents:\n", false, false, -1},
		{"Context", 2, []SectionKind{SectionProblem, SectionContext}, "Orders older than two years are never read but fill the primary.\n", false, true, 1},
		{"Decision Drivers", 2, []SectionKind{SectionContext}, "", true, true, 1},
		// Code is content, but not text.
		{"Decision Outcome", 2, []SectionKind{SectionArchitecture, SectionDecision}, "", false, false, 1},
		// A heading with only headings under it holds nothing itself.
		{"Consequences", 3, []SectionKind{SectionTradeoffs, SectionConsequences}, "", true, false, 4},
		{"Positive", 3, nil, "The primary shrinks by 60%.\n", false, false, 4},
		{"Risks", 2, []SectionKind{SectionFailure, SectionRisks}, "", true, true, 1},
	}
	if len(parts) != len(want) {
		t.Fatalf("got %d parts, want %d: %+v", len(parts), len(want), parts)
	}
	for i, p := range parts {
		g := got{p.Heading.Title, p.Heading.Level, p.Roles, p.Text, p.Empty, p.Placeholders, p.Parent}
		if len(g.Roles) == 0 {
			g.Roles = nil
		}
		if !reflect.DeepEqual(g, want[i]) {
			t.Errorf("part %d:\n got %+v\nwant %+v", i, g, want[i])
		}
	}
}

func TestPartsRoleWherever(t *testing.T) {
	// A role heading nested under a section of another kind keeps its
	// role in Parts, though the reader folds it into the section.
	d := readMD(t, "# ADR 3\n\n## Decision Outcome\n\nWe use Kafka.\n\n### Implications\n\n- One more cluster to run.\n")
	var found bool
	for _, p := range d.Parts() {
		if p.Is(SectionConsequences) {
			found = true
			if p.Empty || !strings.Contains(p.Text, "cluster") {
				t.Errorf("Implications: %+v", p)
			}
		}
	}
	if !found {
		t.Error("no part plays the consequences")
	}
}

func TestPartsStructured(t *testing.T) {
	d, err := Read("d.cue", []byte(`title: "x"`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Parts() != nil {
		t.Error("a structured document has no parts")
	}
}
