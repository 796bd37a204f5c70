package design

import (
	"regexp"
	"strings"
)

var (
	reEndpoint = regexp.MustCompile(`\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(/[^\s` + "`" + `|]*|https?://[^\s` + "`" + `|]+)`)
	reCurl     = regexp.MustCompile(`\bcurl\b[^\n]*?(?:-X\s*(GET|POST|PUT|PATCH|DELETE))?[^\n]*?(https?://[^\s'"]+)`)
	// reGRPC is a method of a gRPC service: "rpc GetFeed(FeedRequest)
	// returns (Feed);".
	reGRPC = regexp.MustCompile(`(?m)^\s*rpc\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(?:stream\s+)?[A-Za-z_][\w.]*\s*\)\s*returns\s*\([^\n]*`)
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

// rpcsIn finds the methods of gRPC services written in text.
func rpcsIn(text string, sp Span) []Endpoint {
	if !strings.Contains(text, "rpc") {
		return nil
	}
	var out []Endpoint
	for _, m := range reGRPC.FindAllStringSubmatch(text, 100) {
		out = append(out, Endpoint{Method: "RPC", Path: m[1], Description: strings.TrimSpace(m[0]), Span: sp})
	}
	return out
}

// callAt reads an operation written as a call at the start of a list item
// or a line: "uploadFile(file, resumable)", "download()",
// "`shorten(url, alias?)` returns a code". It returns the operation's
// name. A word before its parenthesis is a call only when it looks like
// code: a gRPC method, a name in camelCase or snake_case, or one followed
// by empty parentheses or by a list of parameters; "Redis(cache)" is a
// product and its role.
func callAt(t string) (string, bool) {
	t = strings.TrimLeft(t, " \t*_`")
	rpc := strings.HasPrefix(t, "rpc ")
	t = strings.TrimPrefix(t, "rpc ")
	i := 0
	for i < len(t) && (isWordByte(t[i]) || t[i] == '_' || t[i] == '.' && i > 0) {
		i++
	}
	if i < 3 || i >= len(t) || t[i] != '(' || !isLetterByte(t[0]) {
		return "", false
	}
	name := t[:i]
	end := strings.IndexByte(t[i:], ')')
	if end < 0 {
		return "", false
	}
	args := t[i+1 : i+end]
	if strings.ContainsAny(args, "()") {
		return "", false
	}
	camel, snake := false, strings.Contains(name, "_")
	for k := 1; k < len(name); k++ {
		if isLower(name[k-1]) && isUpper(name[k]) {
			camel = true
		}
	}
	switch {
	case rpc, strings.TrimSpace(args) == "":
		return name, true
	case strings.Contains(args, ","):
		// "put(key, value)": parameters.
		return name, isLower(name[0]) || camel
	case isLower(name[0]) && (camel || snake):
		return name, true
	}
	return "", false
}

func isLower(b byte) bool { return b >= 'a' && b <= 'z' }
func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// startsWithCall is callAt for raw source.
func startsWithCall(raw []byte) bool {
	if len(raw) > 80 {
		raw = raw[:80]
	}
	_, ok := callAt(string(raw))
	return ok
}

// callsInProse keeps, for a document that lists no API, the operations it
// writes as calls at the start of list items or paragraphs elsewhere
// ("uploadFile(file, resumable)", "download()" under another heading):
// two or more of them are a list of operations, one alone may be any
// function.
func (r *mdReader) callsInProse() {
	if len(r.d.API) > 0 {
		return
	}
	var calls []Endpoint
	seen := map[string]bool{}
	for _, f := range r.texts {
		t := f.String()
		if name, ok := callAt(t); ok && !seen[name] {
			seen[name] = true
			calls = append(calls, Endpoint{Method: "RPC", Path: name, Description: firstRunes(strings.TrimSpace(t), 80), Span: r.fullSpan(f)})
		}
	}
	if len(calls) >= 2 {
		r.d.API = append(r.d.API, calls...)
	}
}
