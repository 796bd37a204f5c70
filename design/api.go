package design

import (
	"regexp"
	"strings"
)

var (
	reEndpoint = regexp.MustCompile(`\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(/[^\s` + "`" + `|]*|https?://[^\s` + "`" + `|]+)`)
	reCurl     = regexp.MustCompile(`\bcurl\b[^\n]*?(?:-X\s*(GET|POST|PUT|PATCH|DELETE))?[^\n]*?(https?://[^\s'"]+)`)
)

// endpointsIn finds HTTP operations written in text: "GET /v1/feed",
// "POST https://api.example.com/paste", or a curl command.
func endpointsIn(text string, sp Span) []Endpoint {
	if strings.IndexByte(text, '/') < 0 || !containsAny(text, "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "curl") {
		return nil
	}
	text = strings.ReplaceAll(text, "\\\n", " ")
	var out []Endpoint
	for _, m := range reEndpoint.FindAllStringSubmatch(text, 50) {
		out = append(out, Endpoint{Method: m[1], Path: strings.TrimRight(m[2], ".,;:)"), Span: sp})
	}
	if len(out) > 0 {
		return out
	}
	for _, m := range reCurl.FindAllStringSubmatch(text, 50) {
		method := m[1]
		if method == "" {
			method = "GET"
			if strings.Contains(m[0], "--data") || strings.Contains(m[0], " -d ") {
				method = "POST"
			}
		}
		out = append(out, Endpoint{Method: method, Path: strings.TrimRight(m[2], ".,;:)"), Span: sp})
	}
	return out
}

// isHTTPMethod reports whether s is an HTTP method written in capitals.
func isHTTPMethod(s string) bool {
	switch s {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}
