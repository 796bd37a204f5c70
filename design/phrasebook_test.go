package design

import (
	"strconv"
	"strings"
	"testing"

	"github.com/designlint/designlint/internal/testenv"
)

// The phrasebook of ../shared/phrasebook holds phrasings engineers use in
// design documents, each with what a careful reader gets from it. It was
// written apart from designlint. These tests read every row through the
// Markdown reader, as part of a document, and report the share read right,
// failing under the floor (misses are logged with -v). The assumptions
// and equations files are read in the rules package, with the rules.

// phrasebookFloor is the share of rows each file must read right.
const phrasebookFloor = 0.98

// componentDoc wraps the description of one component as the body of a
// component's section, unless it carries its own heading.
func componentDoc(text string) string {
	if strings.HasPrefix(text, "\n") {
		return "# Design\n\n## Architecture\n" + text + "\n"
	}
	return "# Design\n\n## Architecture\n\n### Store\n\n" + text + "\n"
}

// theComponent picks the component a snippet describes: the one its
// heading names, else the one the reader found facts for.
func theComponent(d *Design) *Component {
	var best *Component
	for _, c := range d.Components {
		if best == nil || c.Replicas != 0 || c.Regions != 0 || c.Consistency != Unset {
			if best == nil || best.Replicas == 0 && best.Regions == 0 && best.Consistency == Unset {
				best = c
			}
		}
	}
	return best
}

func phrasebookReport(t *testing.T, file string, pass, total int) {
	t.Helper()
	share := float64(pass) / float64(max(total, 1))
	t.Logf("%s: %d of %d rows read right (%.1f%%)", file, pass, total, 100*share)
	if share < phrasebookFloor {
		t.Errorf("%s: %.1f%% of rows read right, under the floor of %.0f%%", file, 100*share, 100*phrasebookFloor)
	}
}

func TestPhrasebookInstances(t *testing.T) {
	rows := testenv.TSV(t, "phrasebook/instances.tsv")
	pass := 0
	for _, row := range rows {
		d, err := Read("row.md", []byte(componentDoc(row["text"])), Options{})
		if err != nil {
			t.Errorf("line %s: %v", row["line"], err)
			continue
		}
		replicas, regions := 0, 0
		if c := theComponent(d); c != nil {
			replicas, regions = c.Replicas, c.Regions
		}
		want := func(s string) int {
			if s == "-" {
				return 0
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		if replicas != want(row["replicas"]) || regions != want(row["regions"]) {
			t.Logf("line %s: replicas %d regions %d, want %s %s\n\t%q", row["line"], replicas, regions, row["replicas"], row["regions"], row["text"])
			continue
		}
		pass++
	}
	phrasebookReport(t, "instances.tsv", pass, len(rows))
}
func TestPhrasebookConsistency(t *testing.T) {
	rows := testenv.TSV(t, "phrasebook/consistency.tsv")
	pass := 0
	for _, row := range rows {
		d, err := Read("row.md", []byte(componentDoc(row["text"])), Options{})
		if err != nil {
			t.Errorf("line %s: %v", row["line"], err)
			continue
		}
		model, justified := "none", "no"
		if c := theComponent(d); c != nil && c.Consistency != Unset {
			model = string(c.Consistency)
			if c.Justification != "" {
				justified = "yes"
			}
		}
		if model != row["model"] || justified != row["justified"] {
			t.Logf("line %s: %s %s, want %s %s\n\t%q", row["line"], model, justified, row["model"], row["justified"], row["text"])
			continue
		}
		pass++
	}
	phrasebookReport(t, "consistency.tsv", pass, len(rows))
}

// nfrArea maps designlint's NFR categories onto the phrasebook's areas.
var nfrArea = map[NFRCategory]string{
	Scalability: "scale", Latency: "latency", Availability: "availability", Durability: "durability",
	Consistency: "consistency", Security: "security", Observability: "other", Cost: "cost", OtherNFR: "other",
	Throughput: "throughput",
}

func TestPhrasebookNFR(t *testing.T) {
	rows := testenv.TSV(t, "phrasebook/nfr.tsv")
	pass := 0
	for _, row := range rows {
		item := row["text"]
		if !strings.HasPrefix(item, "- ") {
			item = "- " + item
		}
		d, err := Read("row.md", []byte("# Design\n\n## Non-functional requirements\n\n"+item+"\n"), Options{})
		if err != nil {
			t.Errorf("line %s: %v", row["line"], err)
			continue
		}
		if len(d.NonFunctional) != 1 {
			t.Logf("line %s: %d requirements read\n\t%q", row["line"], len(d.NonFunctional), row["text"])
			continue
		}
		n := d.NonFunctional[0]
		measurable := "no"
		if n.Measurable() {
			measurable = "yes"
		}
		if area := nfrArea[n.Category]; area != row["area"] || measurable != row["measurable"] {
			t.Logf("line %s: %s %s, want %s %s\n\t%q", row["line"], area, measurable, row["area"], row["measurable"], row["text"])
			continue
		}
		pass++
	}
	phrasebookReport(t, "nfr.tsv", pass, len(rows))
}
