package design

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A component is named in many ways in one document: "Videos DB" in a
// heading, "VideoDB" in a list, "video database" in a sentence; "Web
// Servers" in a diagram and "Web Server" in the text; "Redis cluster" and
// "Redis". componentKey folds those differences away so that the places
// that name a component make one component.

// nameSynonyms maps words that name the same thing to one spelling.
var nameSynonyms = map[string]string{
	"database": "db", "datastore": "db", "rdbms": "db",
	"server": "service", "svc": "service", "microservice": "service",
	"storage": "store", "mq": "queue",
	"postgres": "postgresql", "mongo": "mongodb", "dynamo": "dynamodb",
	"memcache": "memcached", "elastic": "elasticsearch", "es": "elasticsearch",
}

// nameNoise are words that do not tell one component from another: an
// article, or a container noun at the end ("Redis cluster", "API tier").
var nameNoise = map[string]bool{"the": true, "a": true, "an": true, "our": true, "its": true}

// componentKey folds a component's name for merging: camel case split
// ("VideoDB" is "Video DB"), lower case, letters and digits only, plurals
// made singular, synonyms of a kind made one ("database" is "db", "server"
// is "service"), articles and trailing container nouns dropped, and a
// product followed by the noun of its own kind reduced to the product
// ("Redis cache" is "Redis").
func componentKey(name string) string {
	ws := keyWords(name)
	kept := ws[:0]
	for _, w := range ws {
		if nameNoise[w] {
			continue
		}
		w = singular(w)
		if s, ok := nameSynonyms[w]; ok {
			w = s
		}
		kept = append(kept, w)
	}
	for len(kept) > 1 && containerNouns[kept[len(kept)-1]] {
		kept = kept[:len(kept)-1]
	}
	// "Redis cache", "Kafka queue", "PostgreSQL db": the product is the
	// name.
	if len(kept) == 2 && isProduct(kept[0]) {
		if k, ok := kindWords[kept[1]]; ok && kindWords[kept[0]] == k {
			kept = kept[:1]
		}
	}
	if len(kept) == 0 {
		return NameKey(name)
	}
	return strings.Join(kept, " ")
}

// keyWords splits a name into lower-case words, splitting camel case
// ("VideoDB", "FileStorage") but not a product's own capitals written
// as one word ("PostgreSQL", "DynamoDB" stay whole: their spellings are
// folded by the product table instead).
func keyWords(name string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r)) }) {
		if _, ok := kindWords[lower(f)]; ok {
			out = append(out, lower(f))
			continue
		}
		out = append(out, splitCamel(f)...)
	}
	return out
}

// splitCamel splits "VideosDB" into "videos", "db" and "FileStorage" into
// "file", "storage": a new word starts at a capital after a lower-case
// letter. Runs of capitals stay together ("API", "CDN").
func splitCamel(s string) []string {
	var out []string
	start := 0
	prevLower := false
	for i, r := range s {
		if unicode.IsUpper(r) && prevLower && i > start {
			out = append(out, lower(s[start:i]))
			start = i
		}
		prevLower = unicode.IsLower(r)
	}
	return append(out, lower(s[start:]))
}

// singular makes a plural word singular, well enough for matching names:
// "servers", "caches", "queues", "replicas", "entries", "indexes".
func singular(w string) string {
	if utf8.RuneCountInString(w) <= 3 || isProduct(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// isProduct reports whether a lower-case word names a product ("redis",
// "kafka", "s3") rather than a kind of component.
func isProduct(w string) bool {
	_, ok := kindWords[w]
	return ok && isTechnology(w)
}
