package design

import "strings"

// Components named in the sentences of a document (mentions.go) and in
// arrow chains ("Client → LB → API → DB") are placed once the whole
// document is read, because a heading or a table further down may name
// the same component more definitely: a mention then adds to that
// component rather than making one of its own. A store named only by its
// kind ("the DB", "the message queue") stands for the one store of that
// kind in its design; where there are several, it cannot say which and is
// left out.

// pendingMention is a component named in a sentence, waiting to be placed.
type pendingMention struct {
	mention
	span Span
	fr   *frame
	rank int
	// text is the sentence that names it, read for its facts when the
	// sentence names nothing else.
	text string
	// linked says an arrow chain leads from this component to the one
	// the next pending mention names.
	linked bool
	// section is the role of the section it stands in.
	section SectionKind
}

// mentionSections are the parts of a document whose sentences name the
// design's own components: not its context, the options it weighed or the
// requirements it answers.
var mentionSections = map[SectionKind]bool{
	"": true, SectionArchitecture: true, SectionComponents: true, SectionDecision: true,
	SectionSummary: true, SectionFailure: true, SectionEstimates: true, SectionTradeoffs: true,
}

// proposalSections are the parts of a decision record or a proposal that
// say what it decides on: a "Decision" section is read as the design.
var proposalSections = map[SectionKind]bool{
	SectionDecision: true, SectionArchitecture: true, SectionComponents: true,
}

// mentions reads the components that the sentences and arrow chains of a
// paragraph or a list item name.
func (r *mdReader) mentions(f *flat, kind SectionKind) {
	if r.noMentions > 0 || r.quoteDepth > 0 || r.inProse || !mentionSections[kind] || r.cur.weighing || r.onlyLink(f) || r.asideHeading() {
		return
	}
	t := f.String()
	if !mayNameComponent(t) && !strings.Contains(t, "→") && !strings.Contains(t, "->") {
		return
	}
	generics := kind == SectionArchitecture || kind == SectionComponents
	// about is the mention the sentences go on describing: "Postgres
	// runs a primary and a replica; reads are strongly consistent
	// because …".
	about := -1
	for _, sr := range sentenceRanges(t) {
		s := t[sr[0]:sr[1]]
		if end, ok := r.arrowChain(f, s, sr[0]); ok {
			// the rest of the sentence may name more
			about = -1
			sr[0] += end
			s = t[sr[0]:sr[1]]
		}
		ms := mentionsIn(s, generics)
		if len(ms) == 0 {
			if about >= 0 && continues(t[:sr[0]], s) {
				r.pending[about].text += " " + s
			}
			continue
		}
		about = -1
		for _, m := range ms {
			if r.inCode(f, sr[0]+m.start) || quoted(s[:m.start]) {
				// `PagesDataStore`: an identifier of the code; "NoSQL
				// databases are just better": someone's words.
				continue
			}
			pm := pendingMention{mention: m, span: r.textSpan(f, sr[0]+m.start, sr[0]+m.end), fr: r.cur, section: kind}
			// Estimates size what the design names elsewhere ("Redis
			// needs 40 GB") and name the odd bystander ("nightly
			// backups to S3"): they add to components, and make one
			// only where a product is given a role ("MariaDB for the
			// metadata store").
			pm.tentative = pm.tentative || kind == SectionEstimates && (m.tech == "" || m.tech == m.name)
			// Under a heading about its kind ("What kind of database
			// should we use?"), the heading is the place of the store
			// the section names only by its kind.
			var ok bool
			var sp Span
			if pm.rank, sp, ok = r.mentionRank(m.kind); ok && m.generic {
				pm.span = sp
			}
			if len(ms) == 1 && isSubject(s, m) {
				pm.text = s
				about = len(r.pending)
			}
			r.pending = append(r.pending, pm)
		}
	}
}

// quoted reports whether a quotation opened before the end of s is still
// open.
func quoted(s string) bool {
	return (strings.Count(s, `"`)+strings.Count(s, "“")-strings.Count(s, "”"))%2 == 1
}

// continues reports whether sentence s, after the text before it, goes on
// about what the sentence before it was about: it follows a semicolon, or
// opens with a word that points back ("It", "Reads", "Each shard").
func continues(before, s string) bool {
	if b := strings.TrimRight(before, " \n"); strings.HasSuffix(b, ";") {
		return true
	}
	ws := scanMentionWords(s[:min(len(s), 24)])
	return len(ws) > 0 && pointsBack[ws[0].low]
}

// pointsBack are the words that open a sentence about what the sentence
// before was about.
var pointsBack = map[string]bool{
	"it": true, "its": true, "this": true, "they": true, "their": true, "reads": true, "writes": true,
	"each": true, "every": true, "replication": true, "consistency": true, "data": true, "both": true,
}

// asideHeading reports whether the current text stands under a heading
// that speaks about the design rather than for it: interview tips,
// follow-up questions, references, related or prior work.
func (r *mdReader) asideHeading() bool {
	for fr := r.cur; fr != nil && fr != r.top; fr = fr.parent {
		if fr.aside == 0 {
			fr.aside = 1
			h := normalizeHeading(fr.title)
			for _, w := range asideTitles {
				if containsWords(h, w) {
					fr.aside = 2
					break
				}
			}
		}
		if fr.aside == 2 {
			return true
		}
	}
	return false
}

// asideTitles are words of the headings of asides.
var asideTitles = []string{
	"tip", "tips", "follow up", "follow ups", "followup", "followups", "questions", "faq", "faqs",
	"references", "further reading", "resources", "appendix", "glossary", "prior art", "related work",
	"prerequisites", "learn more", "see also", "bibliography", "acknowledgements", "acknowledgments",
}

// isSubject reports whether a mention is what its sentence is about: it
// opens the sentence, after an article at most ("The Ledger DB is
// strongly consistent because …"). A sentence that only passes through a
// component ("the worker reads the file from S3 with three retries") says
// nothing of the component's own replicas or consistency.
func isSubject(s string, m mention) bool {
	subject := true
	eachMentionWord(s[:m.start], func(w mentionWord) bool {
		if !w.punct && !determiners[w.low] && !vendorWords[w.low] {
			subject = false
		}
		return subject
	})
	return subject
}

// onlyLink reports a text that is one link and nothing else: an entry of
// a table of contents or of a list of references ("[Redis](https://…)").
func (r *mdReader) onlyLink(f *flat) bool {
	if f.Len() == 0 {
		return false
	}
	from, to := f.src(0), f.src(f.Len()-1)+1
	if from < 1 || to+2 > len(r.src) || r.src[from-1] != '[' || r.src[to] != ']' || r.src[to+1] != '(' {
		return false
	}
	end := to + 2
	for end < len(r.src) && r.src[end] != ')' && r.src[end] != '\n' {
		end++
	}
	if end >= len(r.src) || r.src[end] != ')' {
		return false
	}
	for end++; end < len(r.src) && r.src[end] != '\n'; end++ {
		if c := r.src[end]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// inCode reports whether the text at offset i of f stands in a code span.
func (r *mdReader) inCode(f *flat, i int) bool {
	at := f.src(i)
	return at > 0 && at <= len(r.src) && r.src[at-1] == '`'
}

// mentionRank ranks a mention under a heading that names its kind
// ("Database selection", "Caching layer") as the place that describes the
// component, above a passing mention.
func (r *mdReader) mentionRank(k ComponentKind) (int, Span, bool) {
	if r.cur == nil || r.cur == r.top {
		return rankMention, Span{}, false
	}
	for _, w := range splitWords(lower(r.cur.title)) {
		if kindWords[w] == k || storeHeads[w] == k {
			return rankKindSection, r.cur.span, true
		}
	}
	return rankMention, Span{}, false
}

// arrowChain reads a line that is a chain of components joined by arrows,
// "Client → LB → API → DB": each link depends on the next. Every link must
// name a component, so that "upload → transcode → publish" (steps) is not
// one. It returns where the chain ends.
func (r *mdReader) arrowChain(f *flat, s string, off int) (int, bool) {
	links := splitArrows(s)
	if len(links) < 3 {
		return 0, false
	}
	// "… → Metadata DB, and the API also writes to the Blob store": the
	// chain ends where its last link's clause does.
	last := &links[len(links)-1]
	if i := strings.IndexAny(s[last[0]:last[1]], ",;"); i > 0 {
		last[1] = last[0] + i
	}
	var chain []pendingMention
	for _, l := range links {
		name := strings.Trim(strings.TrimSpace(s[l[0]:l[1]]), "`*_\"'.")
		if name == "" {
			return 0, false
		}
		name, tech := splitNameTech(name)
		if !namesComponent(name) && !isProduct(lower(name)) {
			return 0, false
		}
		kind := inferKind(name, tech)
		if kind == "" {
			return 0, false
		}
		if tech == "" && isProduct(lower(name)) {
			tech = name
		}
		m := mention{name: name, tech: tech, kind: kind, start: l[0], end: l[1]}
		// "DB", "Cache": the design's one store of that kind.
		m.generic = !strings.Contains(name, " ") && storeHeads[lower(name)] != "" && !isProduct(lower(name))
		chain = append(chain, pendingMention{mention: m, span: r.textSpan(f, off+l[0], off+l[1]), fr: r.cur, rank: rankMention})
	}
	for i := range chain[:len(chain)-1] {
		chain[i].linked = true
	}
	r.pending = append(r.pending, chain...)
	return last[1], true
}

// splitArrows returns the byte ranges of the parts of s between arrows
// ("→", "->", "=>", "-->"), or nil when s has none.
func splitArrows(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s); {
		n := 0
		switch {
		case strings.HasPrefix(s[i:], "→"):
			n = len("→")
		case strings.HasPrefix(s[i:], "-->"):
			n = 3
		case strings.HasPrefix(s[i:], "->"), strings.HasPrefix(s[i:], "=>"):
			n = 2
		}
		if n == 0 {
			i++
			continue
		}
		out = append(out, [2]int{start, i})
		i += n
		start = i
	}
	if len(out) == 0 {
		return nil
	}
	return append(out, [2]int{start, len(s)})
}

// placeMentions places the components the sentences named: named ones
// first, so that a store named only by its kind finds them.
func (r *mdReader) placeMentions() {
	if len(r.pending) == 0 {
		return
	}
	ix := r.indexComponents()
	kind := r.d.Kind
	if !r.d.KindSet {
		kind = r.opts.Kind
	}
	if kind == "" {
		kind, _ = detectKind(r.d)
	}
	designs := map[int]bool{}
	for _, e := range r.estimateParents {
		if e.line > 0 {
			designs[e.line] = true
		}
	}
	placed := make([]*Component, len(r.pending))
	for _, generic := range []bool{false, true} {
		for i, pm := range r.pending {
			if pm.generic != generic {
				continue
			}
			// A decision record or a proposal names many systems
			// around it; its own components are those it decides on.
			if (kind == DocADR || kind == DocRFC) && !proposalSections[pm.section] {
				continue
			}
			// A book that works out several designs teaches between
			// them: what it names there is no design's.
			if len(designs) >= 2 && r.scopeOf(pm.fr) == 0 {
				continue
			}
			c := r.placeMention(pm, ix)
			if c == nil {
				continue
			}
			placed[i] = c
			// The item that made the component ("Cache: Redis, …")
			// was read as its text already.
			if pm.text != "" && (c.Span == pm.span || !within(pm.span, c.Span)) {
				r.describeComponent(c, []string{pm.text})
			}
		}
	}
	// Edges of arrow chains join the components the links were placed
	// in: "→ DB" leads to the design's one database, whatever its name.
	for i, pm := range r.pending {
		if pm.linked && placed[i] != nil && placed[i+1] != nil && placed[i] != placed[i+1] {
			placed[i].DependsOn = appendUnique(placed[i].DependsOn, placed[i+1].Name)
		}
	}
	r.pending = nil
}

// within reports whether span a lies inside span b.
func within(a, b Span) bool {
	return !before(a.Start, b.Start) && !before(b.End, a.End)
}

func before(p, q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// componentIndex finds, within one design, the components of a kind and
// the components built on a product.
type componentIndex struct {
	byKind map[string][]*Component
	byTech map[string]*Component
}

func (r *mdReader) indexComponents() *componentIndex {
	ix := &componentIndex{byKind: map[string][]*Component{}, byTech: map[string]*Component{}}
	for _, c := range r.d.Components {
		ix.add(c)
	}
	return ix
}

func (ix *componentIndex) add(c *Component) {
	k := scopedKey(c.scope, string(c.Kind))
	ix.byKind[k] = append(ix.byKind[k], c)
	ix.addTech(c)
}

// addTech indexes a component by the product it is built on.
func (ix *componentIndex) addTech(c *Component) {
	if t := technologyIn(c.Technology); t != "" {
		if k := scopedKey(c.scope, componentKey(t)); ix.byTech[k] == nil {
			ix.byTech[k] = c
		}
	}
}

// placeMention merges a mention into the component it names, or adds it.
func (r *mdReader) placeMention(pm pendingMention, ix *componentIndex) *Component {
	scope := r.scopeOf(pm.fr)
	c := &Component{Name: pm.name, Technology: pm.tech, Kind: pm.kind, Span: pm.span, rank: pm.rank}
	key := componentKey(pm.name)
	old := r.comps[scopedKey(scope, key)]
	if old == nil && pm.tech != "" && componentKey(pm.tech) == key {
		// "Redis" where a heading says "Session cache (Redis)".
		old = ix.byTech[scopedKey(scope, key)]
	}
	if old == nil && pm.generic {
		switch same := ix.byKind[scopedKey(scope, string(pm.kind))]; len(same) {
		case 0:
		case 1:
			old = same[0]
		default:
			return nil
		}
	}
	if old == nil && pm.tech != "" {
		// "Elasticsearch" in a design whose one search index names no
		// product yet: the product it runs on.
		if same := ix.byKind[scopedKey(scope, string(pm.kind))]; len(same) == 1 && same[0].Technology == "" {
			old = same[0]
		}
	}
	if old != nil {
		if old.Kind != pm.kind && pm.generic {
			return old
		}
		hadTech := old.Technology != ""
		mergeComponent(old, c)
		if !hadTech {
			ix.addTech(old)
		}
		return old
	}
	if pm.tentative {
		return nil
	}
	kept := r.addComponentUnder(c, pm.fr)
	if kept == c {
		ix.add(c)
	}
	return kept
}

// dropTeaching takes out, in a book that works out several designs, the
// components named outside all of them: the examples of its teaching
// chapters ("### Object Storage" in a chapter on storage).
func (r *mdReader) dropTeaching() {
	designs := 0
	seen := map[int]bool{}
	for _, e := range r.estimateParents {
		if e.line > 0 && !seen[e.line] {
			seen[e.line] = true
			designs++
		}
	}
	if designs < 2 {
		return
	}
	kept := r.d.Components[:0]
	for _, c := range r.d.Components {
		if c.under != nil && r.scopeOf(c.under) == 0 {
			delete(r.comps, scopedKey(c.scope, componentKey(c.Name)))
			continue
		}
		kept = append(kept, c)
	}
	r.d.Components = kept
}

// mergeProducts merges a component named only by its product (a diagram
// node "Cassandra") into the component built on that product (a heading
// "URL DB (Cassandra)"), within one design, and points what depended on
// the one at the other.
func (r *mdReader) mergeProducts() {
	byTech := map[string]*Component{}
	for _, c := range r.d.Components {
		if t := technologyIn(c.Technology); t != "" && componentKey(t) != componentKey(c.Name) {
			if k := scopedKey(c.scope, componentKey(t)); byTech[k] == nil {
				byTech[k] = c
			}
		}
	}
	if len(byTech) == 0 {
		return
	}
	renamed := map[string]string{}
	kept := r.d.Components[:0]
	for _, c := range r.d.Components {
		key := componentKey(c.Name)
		if into := byTech[scopedKey(c.scope, key)]; into != nil && into != c && isProduct(key) {
			mergeComponent(into, c)
			renamed[NameKey(c.Name)] = into.Name
			delete(r.comps, scopedKey(c.scope, key))
			continue
		}
		kept = append(kept, c)
	}
	r.d.Components = kept
	if len(renamed) == 0 {
		return
	}
	for _, c := range r.d.Components {
		for i, dep := range c.DependsOn {
			if to, ok := renamed[NameKey(dep)]; ok {
				c.DependsOn[i] = to
			}
		}
	}
}
