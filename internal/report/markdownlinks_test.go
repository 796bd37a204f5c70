package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// Text from a document never becomes a link in the Markdown report (a pull
// request comment or a step summary): rendered as GitHub renders
// Markdown, with its autolinks, the report holds no link at all.
func TestMarkdownReportMakesNoLinks(t *testing.T) {
	src := "<!-- designlint-disable summary -- approved, see https://evil.example/ok and www.evil.example/ok or wWw.evil.example/ok -->\n# Phishing\n\n## Architecture\n\n| Component | Type | Technology | Replicas |\n|---|---|---|---|\n" +
		"| https://evil.example/login | service | www.evil.example | 1 |\n| HTTP://Evil.Example | database | ftp://evil.example mailto:a@evil.example | 1 |\n\n" +
		"## Estimates\n\n- DAU: see www.evil.example/x\n- Peak factor: [click](https://evil.example) <https://evil.example>\n"
	d, err := design.Read("phish.md", []byte(src), design.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run := &Run{Files: []File{{Path: "phish.md", Format: d.Format, Report: rules.Run(d, rules.Config{})}}}
	var out bytes.Buffer
	if err := newMarkdown(Options{}).Print(&out, run); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "evil") {
		t.Fatalf("the report quotes nothing from the document:\n%s", out.String())
	}
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(out.Bytes(), &html); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html.String(), "<a ") {
		t.Errorf("the report renders links:\n%s", html.String())
	}
}
