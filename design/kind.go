package design

import (
	"path/filepath"
	"strings"
)

// This file tells what kind of document a design document is, from its
// structure: an architecture decision record has a context, a decision and
// its consequences; a proposal (an RFC, a KEP) its motivation, goals and
// alternatives; a system design or an interview answer the sections of the
// playbook; a changelog or a README none of them. Front matter ("kind:")
// and configuration override what is detected.

// adrHeadings are headings of decision records (Nygard, MADR).
var adrHeadings = map[string]bool{
	"status": true, "context": true, "decision": true, "decisions": true, "consequences": true,
	"decision drivers": true, "considered options": true, "decision outcome": true,
	"pros and cons of the options": true, "context and problem statement": true, "more information": true,
	"positive": true, "negative": true, "neutral": true, "confirmation": true, "proposed solution": true,
	"positive consequences": true, "negative consequences": true, "options considered": true,
	"decision makers": true, "deciders": true,
}

// rfcHeadings are headings of proposals: RFCs, KEPs, Go and Rust-style
// design proposals.
var rfcHeadings = map[string]bool{
	"summary": true, "motivation": true, "goals": true, "non goals": true, "proposal": true,
	"proposals": true, "design details": true, "detailed design": true, "alternatives": true,
	"drawbacks": true, "unresolved questions": true, "prior art": true, "risks and mitigations": true,
	"graduation criteria": true, "test plan": true, "rationale": true, "abstract": true,
	"background": true, "compatibility": true, "implementation": true, "future work": true,
	"future possibilities": true, "how": true, "why": true, "action plan": true, "design space": true,
	"the design space": true, "key challenges": true, "upgrade downgrade strategy": true,
	"version skew strategy": true, "release signoff checklist": true, "open questions": true,
	"production readiness review questionnaire": true, "alternatives considered": true,
	"rejected alternatives": true, "discarded ideas": true, "guide level explanation": true,
	"reference level explanation": true, "problem statement": true, "future considerations": true,
	"future consideration": true, "implementation plan": true, "rollout plan": true,
	"security considerations": true, "backwards compatibility": true, "migration": true,
}

// changelogHeadings are the sections of a changelog's releases.
var changelogHeadings = map[string]bool{
	"added": true, "changed": true, "fixed": true, "removed": true, "deprecated": true,
	"security": true, "unreleased": true, "breaking changes": true, "bug fixes": true, "features": true,
}

// interviewMarkers are heading words of interview answers, as opposed to
// design documents written for a team.
var interviewMarkers = []string{
	"capacity estimation", "back of the envelope", "back of envelope", "approximations", "deep dive",
	"requirements clarification", "clarifying", "wrap up", "bottlenecks", "calculate usage",
	"additional talking points", "interview", "hld", "lld", "low level design", "analysis",
	"outline use cases", "scale the design", "capacity estimations",
}

// detectKind tells the kind of a document from its headings, title and
// file name, and says why.
func detectKind(d *Design) (DocKind, string) {
	if d.Format != Markdown {
		// A structured document has the fields of #Design.
		return DocDesign, "a structured design document"
	}
	var adr, rfc, changelog, versions int
	var adrSeen, rfcSeen []string
	design := map[SectionKind]bool{}
	any := map[SectionKind]bool{}
	interview := 0
	for _, h := range d.Headings {
		n := normalizeHeading(h.Title)
		if adrHeadings[n] {
			adr++
			adrSeen = append(adrSeen, h.Title)
		}
		if rfcHeadings[n] {
			rfc++
			rfcSeen = append(rfcSeen, h.Title)
		}
		if changelogHeadings[n] {
			changelog++
		}
		if isVersionHeading(h.Title) {
			versions++
		}
		switch h.Kind {
		case SectionFunctional, SectionNonFunctional, SectionEstimates, SectionAPI, SectionArchitecture,
			SectionComponents, SectionFailure, SectionRequirements:
			design[h.Kind] = true
			any[h.Kind] = true
		case SectionProblem, SectionTradeoffs, SectionSummary:
			any[h.Kind] = true
		}
		for _, m := range interviewMarkers {
			if containsWords(n, m) {
				interview++
				break
			}
		}
	}
	name := strings.ToLower(filepath.Base(d.Path))
	title := strings.ToLower(d.Title)
	switch {
	case hasToken(name, "adr") || hasToken(title, "adr") || strings.Contains(name, "decision-record"):
		adr += 2
		adrSeen = append(adrSeen, "its name")
	case hasToken(name, "rfc") || hasToken(name, "kep") || hasToken(name, "lid") || hasToken(title, "rfc") ||
		hasToken(title, "kep") || strings.HasPrefix(title, "proposal:") || strings.HasSuffix(title, " proposal") ||
		hasToken(name, "proposal"):
		rfc += 2
		rfcSeen = append(rfcSeen, "its name")
	}
	if d.Status != "" {
		adr++
	}
	sections := len(design)
	switch {
	case versions >= 2 || changelog >= 3 && sections < 2:
		return DocOther, "its headings are releases and their changes, as a changelog's are"
	case adr >= 3 && adr >= rfc || adr >= 2 && adr > rfc && sections < 3:
		return DocADR, "it has the parts of a decision record: " + joinSome(adrSeen)
	case rfc >= 3 && rfc >= len(any):
		return DocRFC, "it has the parts of a proposal: " + joinSome(rfcSeen)
	case sections >= 2 && interview > 0 || sections >= 1 && interview >= 2 || isInterviewTitle(title):
		return DocInterview, "it answers a design prompt with the interview's steps (" + joinSome(sectionTitles(d)) + ")"
	case sections >= 2:
		return DocDesign, "it has the sections of a system design: " + joinSome(sectionTitles(d))
	case rfc >= 2:
		return DocRFC, "it has the parts of a proposal: " + joinSome(rfcSeen)
	case adr >= 2:
		return DocADR, "it has the parts of a decision record: " + joinSome(adrSeen)
	case len(any) >= 1:
		return DocDesign, "it has a section of a system design: " + joinSome(sectionTitles(d))
	}
	return DocOther, "it has none of the sections of a design, a decision record or a proposal"
}

// isInterviewTitle reports a title that is an interview prompt: "Design a
// URL shortener", "Rate Limiter System Design".
func isInterviewTitle(title string) bool {
	return strings.HasPrefix(title, "design ") || strings.Contains(title, "system design") ||
		strings.Contains(title, "interview") || hasToken(title, "hld")
}

// isVersionHeading reports a release heading: "[4.0.0] – 2024-09-17",
// "v1.2.0", "1.0.0 (2023-01-01)".
func isVersionHeading(t string) bool {
	t = strings.TrimSpace(t)
	marked := strings.HasPrefix(t, "[") || strings.HasPrefix(t, "v") || strings.HasPrefix(t, "V")
	t = strings.TrimLeft(t, "[vV")
	dots := 0
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.' && i+1 < len(t) && t[i+1] >= '0' && t[i+1] <= '9') {
		if t[i] == '.' {
			dots++
		}
		i++
	}
	// "1.2.0", "[4.0.0]", "v1.2"; not "1. Problem" nor "2.1 Scope".
	return i > 0 && (dots >= 2 || marked && dots >= 1) && (i == len(t) || t[i] == ']' || t[i] == ' ' || t[i] == '-')
}

// hasToken reports s containing w as a word of letters ("adr-0019",
// "ADR 020", "kep-2340").
func hasToken(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		if (j == 0 || !isLetterByte(s[j-1])) && (end == len(s) || !isLetterByte(s[end])) {
			return true
		}
		i = j + 1
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// sectionTitles lists the titles of the sections found.
func sectionTitles(d *Design) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Title)
	}
	return out
}

// joinSome quotes the first few of a list.
func joinSome(list []string) string {
	const n = 4
	var parts []string
	for i, s := range list {
		if i == n {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, "\""+firstRunes(s, 40)+"\"")
	}
	return strings.Join(parts, ", ")
}
