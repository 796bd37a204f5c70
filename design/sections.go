package design

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sectionNames lists, for each section kind, the headings that name it,
// normalised by normalizeHeading. A heading names a kind when it equals one
// of these, starts with one, or (for names of two words or more) contains
// one; the longest match wins.
var sectionNames = []struct {
	kind  SectionKind
	names []string
}{
	{SectionProblem, []string{
		"problem", "problem statement", "the problem", "overview", "background", "context",
		"motivation", "prompt", "introduction", "context and problem statement", "problem definition",
		"understanding the problem", "understand the problem", "clarifying the problem", "the ask", "why",
		"problem and scope",
	}},
	{SectionFunctional, []string{
		"functional requirements", "functional", "functional reqs", "features", "key features",
		"core features", "use cases", "user stories", "goals", "user journeys", "in scope",
		"functional requirement", "core requirements", "mvp", "mvp features", "goals and non goals",
	}},
	{SectionNonFunctional, []string{
		"non functional requirements", "nonfunctional requirements", "non functional", "nonfunctional",
		"non functional reqs", "nfrs", "nfr", "quality attributes", "slos", "slo", "slas",
		"service level objectives", "constraints", "constraints and assumptions",
		"performance requirements", "operational requirements", "non functional requirement",
		"nonfunctional requirement", "design considerations", "quality requirements",
	}},
	{SectionEstimates, []string{
		"estimates", "estimate", "estimation", "estimations", "capacity", "capacity estimates",
		"capacity estimate", "capacity estimation", "capacity planning", "back of the envelope",
		"back of envelope", "back of the envelope estimation", "back of the envelope estimates",
		"back of the envelope calculations", "usage calculations", "calculate usage", "traffic estimates",
		"traffic estimation", "storage estimates", "storage estimation", "bandwidth estimates",
		"sizing", "scale", "scale estimates", "scale estimation", "traffic", "bandwidth", "load estimates",
		"capacity estimations", "approximations", "boe", "back of envelope estimation", "estimations",
		"throughput", "back of the envelope estimations", "capacity and constraints",
	}},
	{SectionAPI, []string{
		"api", "apis", "api design", "api contract", "api contracts", "endpoints", "api endpoints",
		"interface", "interfaces", "system interface", "system apis", "rest api", "api spec",
		"api specification", "rpc", "rpcs", "grpc", "grpc api", "grpc service", "service api", "apis and interfaces",
	}},
	{SectionArchitecture, []string{
		"architecture", "high level design", "high level architecture", "system design", "design",
		"system architecture", "architecture overview", "overall architecture", "proposed architecture",
		"scale the design", "scaling the design", "basic design",
		"architecture diagram", "complete architecture", "proposal", "proposed design", "solution",
		"decision", "decision outcome", "the design", "hld", "system overview",
		"designing", "final design", "how", "proposals", "propose high level design and get buy in",
		"create a high level design", "high level system design", "proposed solution",
	}},
	{SectionComponents, []string{
		"components", "component design", "key components", "core components", "data model",
		"data models", "data store", "data stores", "database", "databases", "database design",
		"database schema", "schema", "storage", "storage layer", "deep dive", "deep dives",
		"detailed design", "design details", "core entities", "services", "building blocks",
		"database selection", "database modeling", "database modelling", "db schema", "entities",
		"deep dive design", "low level design", "lld", "design core components", "design deep dive",
		"tech stack", "technology stack", "technology choices", "tech choices", "technologies",
	}},
	{SectionFailure, []string{
		"failure plan", "failure modes", "failure mode", "failure handling", "failure scenarios",
		"failures", "failure", "scale and failure", "scaling and failure", "reliability", "resilience",
		"fault tolerance", "risks and mitigations", "risks", "disaster recovery", "failover",
		"handling failures", "failure and recovery",
		"scalability and failure", "availability and scalability", "recovery", "error handling",
	}},
	{SectionTradeoffs, []string{
		"trade offs", "tradeoffs", "trade off", "tradeoff", "alternatives considered", "alternatives",
		"design decisions", "key decisions", "drawbacks", "consequences", "considered options",
		"pros and cons", "pros and cons of the options", "rationale", "limitations",
		"discarded ideas", "rejected alternatives", "options considered", "design space", "prior art",
		"trade offs and alternatives", "tradeoffs and alternatives",
	}},
	{SectionSummary, []string{
		"summary", "conclusion", "conclusions", "wrap up", "wrapup", "tl dr", "tldr", "abstract",
		"executive summary", "recap", "wrap up and next steps",
	}},
	{SectionRequirements, []string{
		"requirements", "requirements and goals", "goals and requirements", "requirements clarification",
		"clarify requirements", "gather requirements", "system requirements", "requirement",
		"understand the problem and establish design scope", "establish design scope", "design scope",
		"scope and requirements", "requirements and scope", "clarifying questions", "clarifications",
	}},
	{SectionOutOfScope, []string{
		"out of scope", "non goals", "nongoals", "not in scope", "out of scope features",
		"extended requirements", "nice to have", "nice to haves", "stretch goals", "future work",
		"future improvements", "optional requirements", "extensions",
	}},
}

// sectionRoles lists the roles a heading plays beyond its kind: what a
// decision record or a proposal needs of it.
var sectionRoles = map[string][]SectionKind{
	"context": {SectionContext}, "context and problem statement": {SectionContext}, "background": {SectionContext},
	"problem statement": {SectionContext}, "problem": {SectionContext},
	"understand the problem and establish design scope": {SectionProblem}, "establish design scope": {SectionProblem},
	"motivation": {SectionMotivation}, "why": {SectionMotivation},
	"goals": {SectionGoals}, "goals and non goals": {SectionGoals, SectionNonGoals},
	"non goals": {SectionNonGoals}, "nongoals": {SectionNonGoals},
	"decision": {SectionDecision}, "decision outcome": {SectionDecision}, "proposed solution": {SectionDecision},
	"proposal": {SectionDecision}, "proposed design": {SectionDecision}, "decisions": {SectionDecision},
	"consequences": {SectionConsequences}, "positive consequences": {SectionConsequences},
	"negative consequences": {SectionConsequences},
	"alternatives":          {SectionAlternatives}, "alternatives considered": {SectionAlternatives},
	"considered options": {SectionAlternatives}, "options considered": {SectionAlternatives},
	"pros and cons of the options": {SectionAlternatives}, "pros and cons": {SectionAlternatives},
	"discarded ideas": {SectionAlternatives}, "rejected alternatives": {SectionAlternatives},
	"design space": {SectionAlternatives}, "prior art": {SectionAlternatives},
	"trade offs and alternatives": {SectionAlternatives}, "tradeoffs and alternatives": {SectionAlternatives},
	"drawbacks": {SectionRisks}, "risks": {SectionRisks}, "risks and mitigations": {SectionRisks},
	"status": {SectionStatus},
	// Decision records (MADR, Nygard, Tyree and Akerman) and proposals
	// (Go, Rust, KEP): the headings their templates give each part.
	"decision drivers": {SectionContext}, "forces": {SectionContext}, "context and scope": {SectionContext},
	"implications": {SectionConsequences}, "rationale": {SectionAlternatives},
	"rationale and alternatives": {SectionAlternatives}, "the design space": {SectionAlternatives},
	"considered alternatives": {SectionAlternatives}, "alternative approaches": {SectionAlternatives},
	"options": {SectionAlternatives}, "considerations": {SectionAlternatives},
	"alternative designs": {SectionAlternatives}, "alternative solutions": {SectionAlternatives},
	"guide level explanation": {SectionDecision}, "reference level explanation": {SectionDecision},
	"limitations": {SectionRisks}, "known limitations": {SectionRisks}, "risks and drawbacks": {SectionRisks},
	"compatibility": {SectionRisks}, "backwards compatibility": {SectionRisks}, "backward compatibility": {SectionRisks},
}

// headingRoles returns the roles a normalised heading plays beyond its
// kind.
func headingRoles(h string) []SectionKind {
	return sectionRoles[h]
}

var sectionIndex = func() map[string]SectionKind {
	m := map[string]SectionKind{}
	for _, s := range sectionNames {
		for _, n := range s.names {
			m[n] = s.kind
		}
	}
	return m
}()

// maxNameWords is the longest section name, in words.
const maxNameWords = 7

// nameWords holds every word of every section name: a heading with none of
// them names no section, whatever else it says.
var nameWords = func() map[string]bool {
	m := map[string]bool{}
	for n := range sectionIndex {
		for _, w := range strings.Fields(n) {
			m[w] = true
		}
	}
	return m
}()

// mentionsNameWord reports whether a normalised heading has a word of some
// section name.
func mentionsNameWord(h string) bool {
	for i := 0; i < len(h); {
		j := strings.IndexByte(h[i:], ' ')
		if j < 0 {
			j = len(h) - i
		}
		if nameWords[h[i:i+j]] {
			return true
		}
		i += j + 1
	}
	return false
}

// nameStarts holds the first word of every name of two words or more:
// only runs of words starting with one of them can be a name.
var nameStarts = func() map[string]bool {
	m := map[string]bool{}
	for n := range sectionIndex {
		if i := strings.IndexByte(n, ' '); i > 0 {
			m[n[:i]] = true
		}
	}
	return m
}()

// classifyHeading returns the section kind a heading names, or "" when it
// names none.
func classifyHeading(text string) SectionKind {
	k, _ := classifyHeadingExact(text)
	return k
}

// classifyHeadingExact is classifyHeading that also says whether the
// heading is exactly one of the names rather than containing one.
func classifyHeadingExact(text string) (SectionKind, bool) {
	return classifyNormalized(normalizeHeading(text))
}

// classifyNormalized classifies a heading already normalised.
func classifyNormalized(h string) (SectionKind, bool) {
	if h == "" {
		return "", false
	}
	if k, ok := sectionIndex[h]; ok {
		return k, true
	}
	if !mentionsNameWord(h) {
		return "", false
	}
	// "Outline use cases and constraints": both halves of the
	// requirements.
	if mentionsAny(h, functionalWords) && mentionsAny(h, nonFunctionalWords) {
		return SectionRequirements, false
	}
	best, bestLen := SectionKind(""), 0
	// "Functional requirements ✅", "Summary of changes": a name followed
	// by more words. Names too common to lead a heading of another topic
	// ("Scale the design", "Storage engine internals") must match whole.
	for i := len(h) - 1; i > 0; i-- {
		if h[i] != ' ' {
			continue
		}
		if k, ok := sectionIndex[h[:i]]; ok && !wholeOnly[h[:i]] {
			best, bestLen = k, i
			break
		}
	}
	// Names of two words or more anywhere in the heading: look up every
	// run of two to seven words.
	var starts [32]int
	n := 0
	for i := 0; i < len(h) && n < len(starts); i++ {
		if i == 0 || h[i-1] == ' ' {
			starts[n] = i
			n++
		}
	}
	for a := 0; a < n; a++ {
		first := h[starts[a]:]
		if i := strings.IndexByte(first, ' '); i >= 0 {
			first = first[:i]
		}
		if !nameStarts[first] {
			continue
		}
		for b := a + 2; b <= n && b-a <= maxNameWords; b++ {
			end := len(h)
			if b < n {
				end = starts[b] - 1
			}
			name := h[starts[a]:end]
			if len(name) <= bestLen || wholeOnly[name] {
				continue
			}
			if k, ok := sectionIndex[name]; ok {
				best, bestLen = k, len(name)
			}
		}
	}
	return best, false
}

// weakNames are headings that name a section kind only when nothing around
// them says otherwise: "Constraints" under "Design" is about type
// constraints, "Storage" under "High-level design" is part of the design.
var weakNames = map[string]bool{
	"constraints": true, "storage": true, "database": true, "databases": true, "schema": true,
	"services": true, "interface": true, "interfaces": true, "capacity": true, "sizing": true,
	"scale": true, "context": true, "background": true, "overview": true, "consequences": true,
	"rationale": true, "limitations": true, "risks": true, "failures": true, "alternatives": true,
	"introduction": true, "design": true, "solution": true, "proposal": true, "decision": true,
	// "### Use cases" under "## gRPC": what the technology is for
	"use cases": true,
}

// wholeOnly names match a heading only when they are all of it.
var wholeOnly = map[string]bool{
	"scale": true, "design": true, "storage": true, "database": true, "databases": true,
	"services": true, "schema": true, "interface": true, "interfaces": true, "proposal": true,
	"decision": true, "solution": true, "constraints": true, "prompt": true, "consequences": true,
	"rationale": true, "limitations": true, "sizing": true, "the problem": true, "the design": true,
	"context": true, "failure": true, "failures": true, "features": true, "risks": true,
	"in scope": true, "capacity": true, "estimate": true, "recap": true, "abstract": true,
}

var functionalWords = []string{"use cases", "functional requirements", "features", "user stories"}
var nonFunctionalWords = []string{"constraints", "non functional", "nonfunctional", "nfrs", "slos", "quality attributes"}

func mentionsAny(h string, words []string) bool {
	for _, w := range words {
		if containsWords(h, w) {
			return true
		}
	}
	return false
}

// containsWords reports whether phrase occurs in h on word boundaries.
func containsWords(h, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(h[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(phrase)
		if (j == 0 || h[j-1] == ' ') && (end == len(h) || h[end] == ' ') {
			return true
		}
		i = j + 1
	}
}

// normalizeHeading lower-cases a heading and strips what does not name it:
// numbering ("3.", "2.1", "Step 1:"), emoji, punctuation, "(optional)".
func normalizeHeading(text string) string {
	if h, ok := normalizeASCII(text); ok {
		return h
	}
	var b strings.Builder
	b.Grow(len(text))
	space := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case r == '\'' || r == '’':
			// "what's" stays one word
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	words := strings.Fields(b.String())
	// Leading numbering: "3", "2 1", "step 1", "part ii", "phase 2".
	for len(words) > 0 {
		w := words[0]
		if isNumbering(w) {
			words = words[1:]
			continue
		}
		if (w == "step" || w == "part" || w == "phase" || w == "section" || w == "chapter") && len(words) > 1 && isNumbering(words[1]) {
			words = words[2:]
			continue
		}
		break
	}
	// Trailing qualifiers.
	for len(words) > 0 {
		last := words[len(words)-1]
		if last == "optional" || last == "recommended" || last == "required" || last == "wip" || last == "draft" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// normalizeASCII is normalizeHeading for ASCII text, without the unicode
// tables; it reports false for text it cannot handle.
func normalizeASCII(text string) (string, bool) {
	if len(text) > 256 {
		return "", false
	}
	var buf [256]byte
	b := buf[:0]
	space := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
			space = false
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		case c == '\'':
		default:
			if !space {
				b = append(b, ' ')
				space = true
			}
		}
	}
	h := strings.TrimRight(string(b), " ")
	// Leading numbering and trailing qualifiers need the word-level pass.
	if h != "" && (h[0] >= '0' && h[0] <= '9' || hasNumberingPrefix(h) || hasQualifierSuffix(h)) {
		return "", false
	}
	return h, true
}

func hasNumberingPrefix(h string) bool {
	for _, w := range []string{"step ", "part ", "phase ", "section ", "chapter ", "i ", "ii ", "iii ", "iv ", "v ", "vi ", "vii ", "viii ", "ix ", "x "} {
		if strings.HasPrefix(h, w) {
			return true
		}
	}
	return false
}

func hasQualifierSuffix(h string) bool {
	for _, w := range []string{" optional", " recommended", " required", " wip", " draft"} {
		if strings.HasSuffix(h, w) {
			return true
		}
	}
	return false
}

func isNumbering(w string) bool {
	if w == "" {
		return false
	}
	digits := true
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			digits = false
			break
		}
	}
	if digits {
		return true
	}
	if len(w) == 1 && w[0] >= 'a' && w[0] <= 'h' {
		return false // "a" is a word, not a numbering
	}
	switch w {
	case "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x":
		return true
	}
	return false
}
