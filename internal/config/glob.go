package config

import (
	"path"
	"strings"
)

// Match reports whether a slash-separated path matches a glob pattern:
// * and ? stay within a directory, ** matches any number of directories,
// [abc] is a class. A pattern ending in / matches everything under a
// directory; a pattern without a slash matches a base name anywhere.
func Match(pattern, name string) bool {
	pattern = strings.TrimPrefix(pattern, "./")
	name = strings.TrimPrefix(name, "./")
	if strings.HasSuffix(pattern, "/") {
		pattern += "**"
	}
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(name))
		return ok
	}
	return matchParts(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

// matchParts matches path segments against pattern segments. It fills a
// table of which suffixes match which, so a pattern full of ** costs
// patterns × segments, not an exponential search.
func matchParts(pat, name []string) bool {
	// ok[j] says whether pat[i:] matches name[j:], for the current i,
	// computed from the last pattern segment backwards.
	ok := make([]bool, len(name)+1)
	ok[len(name)] = true
	next := make([]bool, len(name)+1)
	for i := len(pat) - 1; i >= 0; i-- {
		if pat[i] == "**" {
			// ** matches name[j:] when the rest matches any suffix of it.
			next[len(name)] = ok[len(name)]
			for j := len(name) - 1; j >= 0; j-- {
				next[j] = ok[j] || next[j+1]
			}
		} else {
			next[len(name)] = false
			for j := len(name) - 1; j >= 0; j-- {
				m, err := path.Match(pat[i], name[j])
				next[j] = err == nil && m && ok[j+1]
			}
		}
		ok, next = next, ok
	}
	return ok[0]
}
