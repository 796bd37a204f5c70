package config

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// A document may set rules for itself (front matter in Markdown, the
// designlint field in CUE, JSON and YAML). The configuration's
// front_matter decides what such a setting may do:
//
//   - allow: a setting that makes a rule stricter applies; one that
//     weakens it (off, or a lower severity) is a waiver: with a current
//     reason it waives the rule's findings above the setting, which stay
//     in the report as waived, like a designlint-disable comment's;
//     without one it waives nothing and is reported;
//   - report (the default): stricter settings apply; weakening ones do
//     not, and each is reported, so that a pull request cannot opt a
//     document out of the gate;
//   - deny: no setting applies, and each is an error.
//
// The rules pipeline would apply a document's settings itself; Lint takes
// them out of the document first, runs the rules under the configuration,
// and applies them as the policy says.

// Documents lints documents under a front_matter policy.
type Documents struct {
	// Policy is FrontMatterAllow, FrontMatterReport or FrontMatterDeny.
	Policy string
	// Settings are the run's rule settings, before the documents'.
	Settings map[string]rules.Setting
	// Now is the date waivers' "until" is compared with.
	Now time.Time
}

// Documents returns how this configuration treats documents' own
// settings, given the run's rule settings.
func (c *Config) Documents(settings map[string]rules.Setting, now time.Time) Documents {
	return Documents{Policy: c.FrontMatter, Settings: settings, Now: now}
}

// Lint runs the rules on a document under cfg, whose Settings it replaces
// with the run's and the document's own as the policy allows.
func (ds Documents) Lint(d *design.Design, cfg rules.Config) *rules.Report {
	valid, denied := ds.take(d)
	cfg.Settings = ds.forDocument(valid)
	rep := rules.Run(d, cfg)
	ds.apply(rep, d.Format, valid, denied)
	return rep
}

// override is a document's setting for a rule that exists, with a
// severity designlint reads.
type override struct {
	design.Override
	rule *rules.Rule
	sev  rules.Severity // 0: off
}

// take removes from the document the settings this file handles (all of
// them under deny, else those naming a rule that exists with a severity
// that reads), leaving the others for suppression-reason to report.
func (ds Documents) take(d *design.Design) (valid []override, denied []design.Override) {
	kept := d.Overrides[:0:0]
	for _, o := range d.Overrides {
		if ds.Policy == FrontMatterDeny {
			denied = append(denied, o)
			continue
		}
		r, known := rules.Lookup(strings.ToLower(o.Rule))
		sev, err := rules.ParseSeverity(o.Severity)
		if !known || err != nil {
			kept = append(kept, o)
			continue
		}
		valid = append(valid, override{Override: o, rule: r, sev: sev})
	}
	d.Overrides = kept
	return valid, denied
}

// configured is a rule's severity under the run's settings; 0 when off.
func (ds Documents) configured(r *rules.Rule) rules.Severity {
	s := ds.Settings[r.ID]
	switch {
	case s.Off:
		return 0
	case s.Severity != 0:
		return s.Severity
	}
	return r.Severity
}

// forDocument returns the settings the rules run under for this document:
// the run's, with the rules the configuration turns off and the document
// turns on enabled (a stricter setting, which applies unless denied).
func (ds Documents) forDocument(valid []override) map[string]rules.Setting {
	out, copied := ds.Settings, false
	for _, o := range valid {
		if o.sev == 0 || ds.configured(o.rule) != 0 {
			continue
		}
		if !copied {
			out, copied = make(map[string]rules.Setting, len(ds.Settings)+1), true
			for k, v := range ds.Settings {
				out[k] = v
			}
		}
		s := out[o.rule.ID]
		s.Off, s.Severity = false, o.sev
		out[o.rule.ID] = s
	}
	return out
}

// apply applies the document's settings to its findings and adds the
// findings about the settings themselves.
func (ds Documents) apply(rep *rules.Report, format design.Format, valid []override, denied []design.Override) {
	where := "front matter"
	if format != design.Markdown {
		where = "the designlint field"
	}
	var extra []rules.Finding
	add := func(sev rules.Severity, o design.Override, kind, format string, args ...any) {
		if sev == 0 {
			return
		}
		extra = append(extra, rules.Finding{
			Rule: rules.SuppressionReason.ID, Severity: sev, Path: rep.Design.Path, Span: o.Span,
			Element: "override:" + o.Rule + ":" + kind, Message: fmt.Sprintf(format, args...),
		})
	}
	for _, o := range denied {
		add(rules.Error, o, "denied", "%s, but this repository's configuration lets no document change its rules (front_matter: deny); remove the setting",
			describeSetting(where, o.Rule, o.Severity))
	}
	// Findings about the settings are at suppression-reason's severity.
	sr := ds.configured(rules.SuppressionReason)
	for _, o := range valid {
		conf := ds.configured(o.rule)
		if conf == 0 {
			// Off already, or turned on above at the document's severity.
			continue
		}
		what := describeSetting(where, o.rule.ID, o.Severity)
		if !weakens(rep, o, conf) {
			for i := range rep.Findings {
				if x := &rep.Findings[i]; x.Rule == o.rule.ID && !x.Internal && x.Severity < o.sev {
					x.Severity = o.sev
				}
			}
			continue
		}
		if ds.Policy != FrontMatterAllow {
			add(sr, o.Override, "ignored", "%s, but this repository's configuration does not let a document weaken its rules (front_matter: %s), so its findings count; accept one with a designlint-disable comment and a reason instead",
				what, ds.Policy)
			continue
		}
		if o.Reason == "" {
			add(sr, o.Override, "no-reason", "%s without a reason, so it waives nothing; give one: %s: {severity: %s, reason: \"the risk you accept and why\"}",
				what, o.rule.ID, strings.ToLower(o.Severity))
			continue
		}
		if o.Until != "" {
			t, err := time.Parse("2006-01-02", o.Until)
			if err != nil {
				add(sr, o.Override, "bad-date", "waiver date %q is not a date; write until YYYY-MM-DD", o.Until)
				continue
			}
			if ds.Now.After(t.Add(24 * time.Hour)) {
				add(sr, o.Override, "expired", "%s, a waiver that expired on %s and no longer applies; fix the findings or renew it with a new date", what, o.Until)
				continue
			}
		}
		waived := 0
		for i := range rep.Findings {
			x := &rep.Findings[i]
			if x.Rule != o.rule.ID || x.Internal || x.Waived() || x.Severity <= o.sev {
				continue
			}
			x.Waiver = &rules.Waiver{Kind: "front-matter", Reason: o.Reason}
			waived++
		}
		if waived == 0 {
			add(sr, o.Override, "unused", "%s, a waiver that waives nothing in this run; remove it", what)
		}
	}
	if len(extra) == 0 {
		return
	}
	rep.Findings = append(rep.Findings, extra...)
	sort.SliceStable(rep.Findings, func(i, j int) bool {
		a, b := rep.Findings[i].Span.Start, rep.Findings[j].Span.Start
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	if !ranRule(rep, rules.SuppressionReason.ID) {
		rep.Rules = append(rep.Rules, rules.SuppressionReason.ID)
	}
}

// weakens reports whether a setting would let something through that the
// configuration catches: it turns the rule off, sets it below its
// configured severity, or below a finding's own severity.
func weakens(rep *rules.Report, o override, conf rules.Severity) bool {
	if o.sev == 0 || o.sev < conf {
		return true
	}
	for _, x := range rep.Findings {
		if x.Rule == o.rule.ID && !x.Waived() && x.Severity > o.sev {
			return true
		}
	}
	return false
}

func ranRule(rep *rules.Report, id string) bool {
	for _, r := range rep.Rules {
		if r == id {
			return true
		}
	}
	return false
}

// describeSetting says what a setting does: "front matter turns
// api-contract off", "front matter sets tradeoffs to info".
func describeSetting(where, rule, severity string) string {
	if sev, err := rules.ParseSeverity(severity); err == nil && sev == 0 {
		return fmt.Sprintf("%s turns %s off", where, rule)
	}
	return fmt.Sprintf("%s sets %s to %s", where, rule, severity)
}
