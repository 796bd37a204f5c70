package design

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designlint/designlint/internal/worktest"
)

func TestSpecExampleValidates(t *testing.T) {
	d, err := ReadFile(filepath.Join("testdata", "spec-example.cue"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range d.Issues {
		t.Errorf("schema issue in the spec's example: %s at %v", is.Message, is.Span.Start)
	}
	if d.Title != "Instagram feed" || len(d.Functional) != 1 || len(d.NonFunctional) != 2 {
		t.Errorf("title %q, %d functional, %d non-functional", d.Title, len(d.Functional), len(d.NonFunctional))
	}
	if v := d.Assumptions["dau"]; v.Quantity.Value != 100000 || v.Span.Start.Line != 11 {
		t.Errorf("dau = %+v", v)
	}
	if v := d.Declared["requests_per_day"]; v.Quantity.Value != 1e7 {
		t.Errorf("requests_per_day = %+v (CUE arithmetic should be evaluated)", v)
	}
	if v := d.Assumptions["write_size"]; v.Quantity.Value != 2000 {
		t.Errorf("write_size = %+v", v)
	}
	ranker := d.Component("ranker")
	if ranker == nil || ranker.Kind != KindWorker || ranker.Replicas != 1 || !ranker.SPOF.Acknowledged {
		t.Errorf("ranker = %+v", ranker)
	}
	cache := d.Component("cache")
	if cache == nil || cache.Consistency != Eventual || !cache.Cache.Has("write-through") || cache.Cache.TTL != "5m" {
		t.Errorf("cache = %+v", cache)
	}
	if feed := d.Component("feed"); feed == nil || strings.Join(feed.DependsOn, ",") != "feed_db,cache" {
		t.Errorf("feed = %+v", feed)
	}
	if len(d.FailurePlan) != 3 || len(d.API) != 1 || len(d.TradeOffs) != 1 {
		t.Errorf("%d scenarios, %d endpoints, %d trade-offs", len(d.FailurePlan), len(d.API), len(d.TradeOffs))
	}
}

func TestSchemaIssuesHavePositions(t *testing.T) {
	src := `title: "Jobs"
components: {
	api: {kind: "service", replicas: 3}
	jobs: {kind: "message-queue", replicas: 3}
	web: {kind: "service", replicaz: 2}
}
`
	d, err := Read("jobs.cue", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, is := range d.Issues {
		got[strings.SplitN(is.Message, ":", 2)[0]] = is.Span.Start.Line
	}
	if got["components.jobs.kind"] != 4 || got["components.web.replicaz"] != 5 {
		t.Errorf("issues = %+v", d.Issues)
	}
}

func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
		line      int
	}{
		{"binary.md", "# T\n\x00\x01", "binary file", 2},
		{"latin1.md", "# Caf\xe9\n", "invalid UTF-8", 1},
		{"syntax.cue", "title: \"x\"\ncomponents: {\n", "syntax error", 2},
		{"import.cue", "import \"example.com/evil\"\ntitle: \"x\"\n", "import \"example.com/evil\" is not allowed", 1},
		{"tool.cue", "import \"tool/exec\"\ntitle: \"x\"\n", "is not allowed", 1},
		{"embed.cue", "title: \"x\"\ndata: _ @embed(file=\"/etc/passwd\")\n", "@embed attribute is not allowed", 2},
		{"extern.cue", "@extern(embed)\n\ntitle: \"x\"\n", "@extern attribute is not allowed", 1},
		{"huge.cue", "title: \"x\"\nassumptions: dau: 1e400\n", "outside the range", 2},
		{"ref.cue", "title: nope\n", "reference \"nope\" not found", 1},
		{"alias.yaml", aliasBomb, "the YAML expands to more than 50000 values", 5},
		{"array.json", "[1, 2]", "JSON object", 0},
		{"deep.md", strings.Repeat("> ", 40) + "x\n", "input too complex", 1},
		{"markers.md", "# T\n\n" + strings.Repeat("- ", 100) + "x\n", "input too complex", 3},
		{"columns.md", "|" + strings.Repeat("a|", 200) + "\n|" + strings.Repeat("-|", 200) + "\n", "input too complex", 2},
		{"brackets.md", strings.Repeat("[", 5000) + "\n", "input too complex", 1},
		{"notes.txt", "hello", "not a design document", 0},
	}
	for _, tt := range tests {
		_, err := Read(tt.name, []byte(tt.src), Options{})
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: err = %v, want a *design.Error", tt.name, err)
			continue
		}
		if !strings.Contains(e.Msg, tt.want) || e.Path != tt.name {
			t.Errorf("%s: error %q, want it to mention %q and the file", tt.name, err, tt.want)
		}
		if e.Pos.Line != tt.line {
			t.Errorf("%s: error at line %d, want %d (%v)", tt.name, e.Pos.Line, tt.line, err)
		}
	}
}

// An empty document is read as one with nothing in it, in every format,
// so that the rules report what it lacks.
func TestReadEmpty(t *testing.T) {
	for _, name := range []string{"empty.md", "blank.md", "empty.cue", "empty.json", "blank.yaml"} {
		src := ""
		if strings.HasPrefix(name, "blank") {
			src = "  \n\n"
		}
		d, err := Read(name, []byte(src), Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(d.Sections) != 0 || d.Path != name {
			t.Errorf("%s: read as %+v", name, d)
		}
	}
}

func TestReadFileRefusesLargeFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(path, []byte("# Big\n"+strings.Repeat("x", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, Options{MaxFileSize: 1000})
	if err == nil || !strings.Contains(err.Error(), "above the limit") {
		t.Errorf("err = %v", err)
	}
	_, err = ReadFile(filepath.Join(t.TempDir(), "missing.md"), Options{})
	if err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("err = %v", err)
	}
}

func TestJSONAndYAMLDocuments(t *testing.T) {
	d, err := Read("doc.json", []byte(`{"title": "Jobs", "components": {"api": {"kind": "server"}}}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Issues) != 1 || !strings.Contains(d.Issues[0].Message, "components.api.kind") || d.Issues[0].Span.Start.Line != 1 {
		t.Errorf("issues = %+v", d.Issues)
	}
	d, err = Read("doc.yaml", []byte("title: Jobs\nassumptions:\n  dau: 10M\n"), Options{})
	if err != nil || d.Assumptions["dau"].Quantity.Value != 10e6 || d.Assumptions["dau"].Span.Start.Line != 3 {
		t.Errorf("yaml: %v, %+v", err, d)
	}
}

// aliasBomb is a dozen lines of YAML whose aliases expand to 10^12 nodes.
var aliasBomb = worktest.AliasBomb(11)

// A lone carriage return ends a line, as in CommonMark and YAML: a file
// with old Mac line endings reads as the same file with line feeds, and
// CUE's YAML reader, which panicked on some, reads them.
func TestLoneCarriageReturns(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"cr.md", "# Feed\n\n## Estimates\n\n- DAU: 10M\n- Peak factor: 3x\n\n```\n[[[[\n```\n\n## Summary\n\nA feed.\n"},
		{"cr.yaml", "title: Feed\ncomponents:\n  db: {kind: database, replicas: 1}\n"},
		{"crkey.yaml", "title: \"a\nb\"\nsummary:\n  x\n"},
		{"crkey.md", "---\ntitle: \"a\nb\"\nr:\n  x\n---\n# T\n"},
	} {
		lf, errLF := Read(c.name, []byte(c.src), Options{})
		cr, errCR := Read(c.name, []byte(strings.ReplaceAll(c.src, "\n", "\r")), Options{})
		if (errLF == nil) != (errCR == nil) {
			t.Errorf("%s: with line feeds %v, with carriage returns %v", c.name, errLF, errCR)
			continue
		}
		if errLF != nil {
			continue
		}
		if lf.Title != cr.Title || len(lf.Sections) != len(cr.Sections) || len(lf.Components) != len(cr.Components) || len(lf.Assumptions) != len(cr.Assumptions) {
			t.Errorf("%s: read differently: %q %d %d %d / %q %d %d %d", c.name, lf.Title, len(lf.Sections), len(lf.Components), len(lf.Assumptions), cr.Title, len(cr.Sections), len(cr.Components), len(cr.Assumptions))
		}
		for i := range lf.Sections {
			if lf.Sections[i].Span != cr.Sections[i].Span {
				t.Errorf("%s: section %q at %v, %v with carriage returns", c.name, lf.Sections[i].Title, lf.Sections[i].Span, cr.Sections[i].Span)
			}
		}
	}
	// Mixed with CRLF, only the lone one changes.
	if got := string(loneCRToLF([]byte("a\r\nb\rc\r"))); got != "a\r\nb\nc\n" {
		t.Errorf("loneCRToLF = %q", got)
	}
}

// A limit at the top of int64 does not overflow into reading nothing.
func TestReadFileHugeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.md")
	if err := os.WriteFile(path, []byte("# Feed\n\n## Summary\n\nA feed.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := ReadFile(path, Options{MaxFileSize: math.MaxInt64})
	if err != nil || d.Title != "Feed" {
		t.Errorf("%+v, %v", d, err)
	}
}
