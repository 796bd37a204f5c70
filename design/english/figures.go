package english

import (
	"strings"

	"github.com/designlint/designlint/estimate"
)

// Where says what kind of section a text stands in: a figure reads
// differently in the estimates than in the requirements.
type Where uint8

// Places a text can stand.
const (
	Elsewhere Where = iota
	InEstimates
	InRequirements
	InFunctional
)

// Context is what surrounds a text: the label it is the value of, the list
// item it is nested under, the section.
type Context struct {
	// Label names the value: a "Label:" prefix read by the caller, a table
	// row's first cell with the column headers, a YAML key.
	Label string
	// Parent is the text of the enclosing list item ("Size per tweet:").
	Parent string
	// Heading is the title of the nearest heading above.
	Heading  string
	Where    Where
	Calendar estimate.Calendar
	// Rank is the base strength of what is read: a fenced block beats a
	// labelled line, which beats a sentence. Zero means a sentence.
	Rank int
}

// Ranks of where a figure is stated.
const (
	RankSentence = 30
	RankLabel    = 40
	RankBlock    = 50
)

// Figure is an amount named with a canonical estimate name.
type Figure struct {
	Name string
	// Quantity is the value in the name's own dimension (estimate.Name
	// Coerce applied).
	Quantity estimate.Quantity
	// Claim marks a figure the document derives (a result) rather than an
	// input it starts from.
	Claim bool
	// Premise marks a day's volume the text takes as given ("we expect 100
	// million new URLs per month").
	Premise bool
	// Rank orders competing figures for one name: the higher wins.
	Rank int
	// Horizon is the period a storage total covers, in seconds.
	Horizon float64
	// Start and End are the byte span of the figure in the text.
	Start, End int
	// Subject is the label the figure is the value of, as written.
	Subject string
	// AtPeak marks a figure stated for the peak ("3,000/s at peak").
	AtPeak bool
}

// Skip is an amount found in a text and not used, with the reason.
type Skip struct {
	Start, End int
	Why        string
	// Name is the name the amount would have had when it was named but its
	// value does not fit the name ("DAU: 10 GB"); Labelled says a label
	// named it.
	Name     string
	Labelled bool
	// Activity says, for the unnamed result of a calculation, what the
	// words around it count: "read", "write", "request" or "".
	Activity string
}

// Reading is what a text says about the estimate.
type Reading struct {
	Figures []Figure
	Skipped []Skip
	// Equations are the calculations written in the text.
	Equations []Equation
}

// ReadFigures reads the figures a text states.
func ReadFigures(src string, ctx Context) Reading {
	if ctx.Calendar.DaysPerMonth == 0 {
		ctx.Calendar = estimate.DefaultCalendar
	}
	if ctx.Rank == 0 {
		ctx.Rank = RankSentence
	}
	ctx.Label = dropFigureAsides(ctx.Label, ctx.Calendar)
	t := Lex(src)
	defer t.settle()
	fr := figureReader{t: t, ctx: ctx, amounts: t.Amounts(ctx.Calendar)}
	fr.label = conceptsOfString(ctx.Label) | fieldLabel(ctx.Label)
	if ctx.Label != "" {
		lt := Lex(ctx.Label)
		fr.labelHead = headNoun(lt, 0, len(lt.Tokens))
		lt.settle()
	}
	fr.parent = conceptsOfString(ctx.Parent)
	fr.heading = conceptsOfString(ctx.Heading)
	fr.read()
	return fr.out
}

type figureReader struct {
	t       *Text
	ctx     Context
	amounts []Amount
	label   concept
	parent  concept
	heading concept
	// labelHead is the head noun of the context's label.
	labelHead concept
	out       Reading
}

// sentence is a span of tokens with the amounts in it.
type sentence struct {
	from, to int
	// body is where the text after a "Label:" starts.
	body  int
	label concept
	// labelHead is the concept of the label's head noun: "storage" in
	// "Paste blob storage for 2 years".
	labelHead concept
	// labelParts are the concepts of a label's parts split at slashes
	// ("DAU / MAU").
	labelParts []concept
	amounts    []int // indexes into figureReader.amounts
}

func (fr *figureReader) read() {
	t := fr.t
	sents := fr.sentences()
	for si := range sents {
		s := &sents[si]
		fr.findLabel(s)
		eq := fr.equations(s)
		fr.nameSentence(s, eq)
	}
	_ = t
}

// sentences splits the text at sentence ends (". " before a capital or the
// end, "!", "?", ";") and gathers the amounts of each.
func (fr *figureReader) sentences() []sentence {
	t := fr.t
	var out []sentence
	start := 0
	ai := 0
	flush := func(end int) {
		if end <= start {
			return
		}
		s := sentence{from: start, to: end, body: start}
		for ai < len(fr.amounts) && fr.amounts[ai].First < end {
			if fr.amounts[ai].First >= start {
				s.amounts = append(s.amounts, ai)
			}
			ai++
		}
		out = append(out, s)
		start = end
	}
	for i, tok := range t.Tokens {
		t.steps++
		if tok.Line && i > start {
			// a line the author broke: "**DAU:** 8M⏎**Writes/user/day:** 2"
			flush(i)
		}
		if tok.Kind != Symbol {
			continue
		}
		switch t.Src[tok.Start:tok.End] {
		case ";", "!", "?":
			flush(i + 1)
		case ".":
			if i+1 == len(t.Tokens) || t.Tokens[i+1].Space && startsSentence(t, i+1) && !abbreviation(t, i) {
				flush(i + 1)
			}
		}
		// A figure's own tokens never end a sentence.
		for ai < len(fr.amounts) && fr.amounts[ai].Last <= start {
			ai++
		}
	}
	flush(len(t.Tokens))
	return out
}

// headNoun returns the concepts of the head of a label in tokens [from,
// to): its last word before a preposition or an aside ("storage" in "Paste
// blob storage for 2 years").
func headNoun(t *Text, from, to int) concept {
	head := -1
	for i := from; i < to && i < len(t.Tokens); i++ {
		t.steps++
		if t.Tokens[i].Kind != Word {
			if t.Is(i, "(") || t.Is(i, ":") {
				break
			}
			continue
		}
		switch t.Low(i) {
		case "for", "of", "in", "per", "over", "with", "across", "at", "on", "by":
			i = to
			continue
		}
		head = i
	}
	if head < 0 {
		return 0
	}
	return wordConcepts(t.Low(head))
}

// dropFigureAsides removes from a label the asides in parentheses that
// state figures of their own: "Paste storage for 2 years (with 25 KB
// average size)" labels a storage total, not a size. An aside that states
// a period ("Storage (10 years)") or names an abbreviation ("(DAU)") stays.
func dropFigureAsides(label string, cal estimate.Calendar) string {
	if strings.IndexByte(label, '(') < 0 {
		return label
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(label, '(')
		if i < 0 {
			b.WriteString(label)
			break
		}
		j := strings.IndexByte(label[i:], ')')
		if j < 0 {
			b.WriteString(label)
			break
		}
		j += i
		aside := label[i+1 : j]
		b.WriteString(label[:i])
		keep := true
		t := Lex(aside)
		for _, a := range t.Amounts(cal) {
			if a.Dim != estimate.Duration {
				keep = false
			}
		}
		t.settle()
		if keep {
			b.WriteString(label[i : j+1])
		}
		label = label[j+1:]
	}
	return strings.TrimSpace(b.String())
}

func startsSentence(t *Text, i int) bool {
	if i >= len(t.Tokens) {
		return true
	}
	s := t.Str(i)
	c := s[0]
	return c >= 'A' && c <= 'Z' || c == '(' || c == '*' || c == '$' || t.Tokens[i].Kind == Number
}

// abbreviation reports a dot that ends an abbreviation ("e.g.", "approx.",
// "vs.").
func abbreviation(t *Text, i int) bool {
	if i == 0 || !t.IsWord(i-1) {
		return false
	}
	switch t.Low(i - 1) {
	case "e", "g", "i", "approx", "vs", "est", "etc", "avg", "min", "max", "no", "incl", "approx.", "mr", "dr", "cf", "fig":
		return true
	}
	return false
}

// findLabel reads "Label: value" at the start of a sentence: words (and at
// most one duration, "1 year:") before a colon, a dash, "=" or "≈" that
// precedes the first figure.
func (fr *figureReader) findLabel(s *sentence) {
	t := fr.t
	if len(s.amounts) == 0 {
		return
	}
	// "Storage for 10 years: 12 TB", "1 year: 5 GB × 365": a label may
	// say the period it covers.
	k := 0
	if a := fr.amounts[s.amounts[0]]; a.Dim == estimate.Duration && len(s.amounts) > 1 && !a.HasPer {
		k = 1
	}
	first := fr.amounts[s.amounts[k]].First
	words := 0
	for i := s.from; i < first && i < s.to; i++ {
		tok := t.Tokens[i]
		if tok.Kind == Word {
			words++
			continue
		}
		if k == 1 && i == fr.amounts[s.amounts[0]].First {
			i = fr.amounts[s.amounts[0]].Last - 1
			continue
		}
		if tok.Kind != Symbol {
			return
		}
		switch t.Src[tok.Start:tok.End] {
		case ":", "—", "–", "=", "≈", "|", "→", "~=":
		case "-":
			if !tok.Space || !(i+1 < len(t.Tokens) && t.Tokens[i+1].Space) {
				continue
			}
		default:
			continue
		}
		if words == 0 || words > 7 || pronounAt(t, s.from) {
			return
		}
		fr.setLabel(s, i)
		return
	}
	// "DAU ≈ 1.2B", "Peak-to-average ratio ≈ 2.5": the hedge of the
	// figure is the separator.
	if words > 0 && words <= 7 && !pronounAt(t, s.from) && first < len(t.Tokens) && first > s.from {
		switch t.Str(first) {
		case "≈", "=", "~=":
			fr.setLabel(s, first)
			s.body = first
		}
	}
}

// pronounAt reports a sentence that starts with a pronoun: a statement,
// not a label.
func pronounAt(t *Text, i int) bool {
	switch t.Low(i) {
	case "it", "we", "they", "this", "that", "you", "i", "there", "these", "those", "our", "each", "every":
		return true
	}
	return false
}

// setLabel records tokens [s.from, i) as the sentence's label.
func (fr *figureReader) setLabel(s *sentence, i int) {
	t := fr.t
	{
		s.label = t.conceptsOf(s.from, i) | fieldLabel(t.Between(s.from, i))
		s.labelHead = headNoun(t, s.from, i)
		s.body = i + 1
		part := s.from
		for j := s.from; j <= i; j++ {
			if j == i || t.Is(j, "/") && t.Tokens[j].Space {
				s.labelParts = append(s.labelParts, t.conceptsOf(part, j))
				part = j + 1
			}
		}
		return
	}
}

// fieldLabel marks a label that is a code identifier ("tweet_id",
// "created_at"): the size of one field of a record, not of the record.
func fieldLabel(s string) concept {
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i > 0 && i+1 < len(s) && isLetter(s[i-1]) && isLetter(s[i+1]) {
			return cField
		}
	}
	return 0
}

// nameSentence names the amounts of one sentence.
func (fr *figureReader) nameSentence(s *sentence, eq eqMarks) {
	t := fr.t
	sent := t.conceptsOf(s.from, s.to)
	// The subject of the sentence: what it is about before its first
	// figure ("Each user", "Users", "DAU is").
	var subject concept
	if len(s.amounts) > 0 {
		subject = t.conceptsOf(s.body, fr.amounts[s.amounts[0]].First)
	}
	perUserSubject := fr.perUserSubject(s)
	// The subject holds until a clause with its own ("…, so we handle
	// 500M requests a day").
	subjectEnd := s.to
	for i := s.body; i+1 < s.to; i++ {
		if (t.Is(i, ",") || t.Is(i, ";")) && (t.startsClause(i+1) || t.Is(i+1, "we") || t.Is(i+1, "and") && t.Is(i+2, "we")) ||
			t.Is(i, "we") && len(s.amounts) > 0 && i >= fr.amounts[s.amounts[0]].Last {
			// (or "we" after a figure: "if each user performs 10
			// actions we will have to handle 1 billion requests")
			subjectEnd = i
			break
		}
	}
	if len(s.amounts) > 0 && t.perUserIn(s.body, fr.amounts[s.amounts[0]].First) {
		perUserSubject = true
	}
	// A period written once for the whole sentence: "Users post 2 tweets
	// and read 200 tweets daily".
	var sentPer estimate.Period
	hasSentPer := false
	for _, ai := range s.amounts {
		a := fr.amounts[ai]
		if a.HasPer && (a.Dim == estimate.Rate) && !a.Every {
			sentPer, hasSentPer = a.Per, true
			break
		}
	}
	outside := fr.outsideParens(s)
	otherSystem := outside.has(cOther|cHistory) && !outside.has(cAssume) && !(fr.ctx.Label != "" || s.label != 0) ||
		outside.has(cOther) && outside.has(cHistory)
	var prevNoun, before concept
	var prevName string
	beforeTo := s.body
	labelPerUser := fr.labelPerUser(s)
	labelUsed := false
	for k, ai := range s.amounts {
		a := fr.amounts[ai]
		if a.First < s.body {
			// a period inside the label ("Storage for 10 years:")
			continue
		}
		c := clue{a: &fr.amounts[ai], ctx: &fr.ctx, t: t}
		leftFrom := s.body
		if k > 0 {
			leftFrom = max(leftFrom, fr.amounts[s.amounts[k-1]].Last)
		}
		rightTo := s.to
		if k+1 < len(s.amounts) {
			rightTo = fr.amounts[s.amounts[k+1]].First
		}
		rightTo = min(rightTo, a.Last+8, fr.clauseEnd(a.Last, rightTo))
		c.leftFrom = fr.clauseStart(max(leftFrom, a.First-8), a.First)
		c.left = t.conceptsOf(c.leftFrom, a.First)
		c.right = t.conceptsOf(a.Last, rightTo)
		c.noun = t.conceptsOf(a.Noun[0], a.Noun[1])
		c.head = fr.headConcepts(a)
		c.label = fr.label | s.label
		c.labelHead = fr.labelHead | s.labelHead
		if len(s.labelParts) == len(s.amounts) && len(s.amounts) > 1 {
			// "DAU / MAU: 30M / 90M"
			c.label = fr.label | s.labelParts[k]
		}
		c.parent = fr.parent
		c.heading = fr.heading
		c.sent = sent
		before |= t.conceptsOf(beforeTo, a.First)
		beforeTo = max(beforeTo, a.First)
		c.before = before
		c.subject = subject
		c.prevNoun = prevNoun
		c.prevName = prevName
		userFrom := c.leftFrom
		if a.First > subjectEnd && subjectEnd > userFrom {
			userFrom = subjectEnd
		}
		c.perUser = perUserSubject && a.First < subjectEnd && !c.noun.has(cUser) || t.perUserIn(userFrom, a.First) || labelPerUser ||
			t.perUserIn(a.Last, rightTo) ||
			(prevName == "dau" || prevName == "users" || prevName == "mau") && (c.left.has(cEach) || smallDailyRate(a)) ||
			strings.HasSuffix(prevName, "_per_user_per_day") && smallDailyRate(a)
		c.operand = eq.operand[ai]
		c.result = eq.result[ai]
		// The label names the first figure after it that is not an operand
		// ("Average TPS: 4M / 86,400 ≈ 46 — so peak is about 230 TPS" labels
		// the 46); each part of a split label names its own figure.
		c.labelled = fr.ctx.Label != "" || s.label != 0 && (!labelUsed || len(s.labelParts) == len(s.amounts))
		if s.label != 0 && !eq.operand[ai] {
			labelUsed = true
		}
		c.first = k == 0
		c.every = a.Every
		if a.Paren {
			c.group = fr.parenGroup(a.First)
		}
		if a.Noun[0] == a.Noun[1] && a.Dim == estimate.Count && !a.Multiple && prevNoun != 0 && k > 0 {
			// "read about 60", "100M are active each month": the noun of
			// the figure before.
			c.noun = prevNoun
			c.elided = true
		}
		if !a.HasPer && hasSentPer && (a.Dim == estimate.Count) && !c.noun.has(cUser) && c.perUser {
			c.sentPer, c.hasSentPer = sentPer, true
		}
		if c.noun != 0 {
			prevNoun = c.noun
		}
		if a.Bad != "" {
			start, end := t.Tokens[a.First].Start, t.Tokens[a.Last-1].End
			fr.out.Skipped = append(fr.out.Skipped, Skip{Start: start, End: end, Why: a.Bad, Name: c.labelName(), Labelled: c.labelled})
			continue
		}
		if c.group.has(cOther | cHistory) {
			start, end := t.Tokens[a.First].Start, t.Tokens[a.Last-1].End
			fr.out.Skipped = append(fr.out.Skipped, Skip{Start: start, End: end, Why: "another system's figure"})
			continue
		}
		// "sends 10 messages to 4 different people every day": each
		// message goes to each of them.
		if k+1 < len(s.amounts) {
			next := fr.amounts[s.amounts[k+1]]
			if t.Is(next.First-1, "to") && next.First-1 >= a.Last && next.First-1 <= a.Last+1 && t.conceptsOf(next.Noun[0], next.Noun[1]).has(cUser) && next.Written > 1 && next.Written < 1000 {
				c.times = next.Written
				if next.HasPer && !a.HasPer {
					c.sentPer, c.hasSentPer = next.Per, true
				}
			}
		}
		name, why := c.name()
		start, end := t.Tokens[a.First].Start, t.Tokens[a.Last-1].End
		switch {
		case otherSystem && why == "":
			why = "another system's figure"
			name = ""
		case eq.operand[ai] && name != "peak_factor":
			if why == "" {
				why = "an operand of a calculation"
			}
			name = ""
		}
		if name == "" {
			if why == "" {
				why = "no estimate input or figure is named by the words around it"
			}
			sk := Skip{Start: start, End: end, Why: why}
			if eq.result[ai] {
				// what the calculation counts is said before it: "uploads
				// come to 10M × 2 = 20M"
				act := c.activity()
				if eq.first >= 0 {
					if w := fr.verbBefore(fr.amounts[eq.first].First); w != 0 {
						act = w
					}
				}
				switch {
				case act.has(cRead) && !act.has(cWrite):
					sk.Activity = "read"
				case act.has(cWrite) && !act.has(cRead):
					sk.Activity = "write"
				case act.has(cRequest):
					sk.Activity = "request"
				}
			}
			fr.out.Skipped = append(fr.out.Skipped, sk)
			continue
		}
		f, err := c.figure(name)
		if err != "" {
			fr.out.Skipped = append(fr.out.Skipped, Skip{Start: start, End: end, Why: err, Name: name, Labelled: c.labelled})
			continue
		}
		f.Start, f.End = start, end
		f.AtPeak = (c.label | c.left | c.right).has(cPeak)
		f.Subject = fr.ctx.Label
		if s.label != 0 {
			f.Subject = t.Between(s.from, s.body-1)
		}
		prevName = name
		fr.out.Figures = append(fr.out.Figures, f)
		// A storage total over a horizon gives the retention when none is
		// stated ("5.4 PB of new tweet content in 3 years").
		if f.Horizon > 0 && (name == "storage_total" || name == "storage_per_year") {
			fr.out.Figures = append(fr.out.Figures, Figure{
				Name:     "retention",
				Quantity: estimate.Quantity{Value: f.Horizon, Dim: estimate.Duration},
				Rank:     RankHorizon,
				Start:    start, End: end,
			})
		}
	}
}

// outsideParens gathers the concepts of a sentence's words outside
// parentheses: an aside does not change what the sentence is about.
func (fr *figureReader) outsideParens(s *sentence) concept {
	t := fr.t
	var c concept
	depth := 0
	from := s.from
	for i := s.from; i < s.to; i++ {
		switch t.Str(i) {
		case "(", "[":
			if depth == 0 {
				c |= t.conceptsOf(from, i)
			}
			depth++
		case ")", "]":
			if depth > 0 {
				depth--
				if depth == 0 {
					from = i + 1
				}
			}
		}
	}
	if depth == 0 {
		c |= t.conceptsOf(from, s.to)
	}
	return c
}

// clauseStart returns where the clause before a figure starts in [from,
// to): after the last comma, semicolon or "and".
func (fr *figureReader) clauseStart(from, to int) int {
	t := fr.t
	for i := to - 1; i >= from; i-- {
		switch t.Low(i) {
		case ",", ";", "and", "but", "while", "whereas", ")":
			return i + 1
		}
	}
	return from
}

// clauseEnd returns where the clause after a figure ends in [from, to):
// at a parenthesis, a comma, a semicolon or "and".
func (fr *figureReader) clauseEnd(from, to int) int {
	t := fr.t
	for i := from; i < to && i < len(t.Tokens); i++ {
		t.steps++
		switch t.Low(i) {
		case "(", "[", ",", ";", "and", "but", "while", "whereas":
			return i
		}
	}
	return to
}

// parenGroup gathers the concepts of the parenthesised aside around token
// i.
func (fr *figureReader) parenGroup(i int) concept {
	t := fr.t
	start := -1
	depth := 0
	for j := i; j >= 0 && i-j < 64; j-- {
		switch t.Str(j) {
		case ")", "]":
			depth++
		case "(", "[":
			if depth == 0 {
				start = j
			} else {
				depth--
			}
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return 0
	}
	// An aside left open ends where the search for its close does.
	end := min(len(t.Tokens), start+64)
	depth = 0
	for j := start + 1; j < end; j++ {
		if t.Is(j, "(") || t.Is(j, "[") {
			depth++
		}
		if t.Is(j, ")") || t.Is(j, "]") {
			if depth == 0 {
				end = j
				break
			}
			depth--
		}
	}
	return t.conceptsOf(start+1, end)
}

// smallDailyRate reports a rate of a few a day: after a count of users
// ("DAU = 100 million, Write 2 per day") it is what each of them does.
func smallDailyRate(a Amount) bool {
	return a.HasPer && a.Per >= estimate.PerDay && a.Dim == estimate.Rate && a.Value*86400 <= 1000
}

// RankHorizon is the rank of a retention read from the horizon of a
// storage total: any retention stated outright beats it.
const RankHorizon = 10

// headConcepts are the concepts of the last word of an amount's noun: in
// "paste reads" the reads.
func (fr *figureReader) headConcepts(a Amount) concept {
	t := fr.t
	for i := a.Noun[1] - 1; i >= a.Noun[0]; i-- {
		if t.IsWord(i) {
			if c := wordConcepts(t.Low(i)); c != 0 {
				return c
			}
		}
	}
	return 0
}

// perUserSubject reports a sentence whose subject is users doing things:
// "Users post 2 tweets", "1 User watch 10 Videos".
func (fr *figureReader) perUserSubject(s *sentence) bool {
	t := fr.t
	i := s.body
	for i < s.to && (t.IsWord(i) || t.Is(i, ",") && i > s.body) {
		switch t.Low(i) {
		case "the", "our", "all", "most", "typical", "typically", "usually", "generally", "average", "active", "signed", "in", "on", "assume", "assumption", "we", "that", ",":
			i++
			continue
		}
		break
	}
	if i < s.to && t.IsNumber(i) && t.Tokens[i].Val == 1 && t.IsWord(i+1) && wordConcepts(t.Low(i+1)).has(cUser) {
		return true
	}
	if i < s.to && (t.Is(i, "one") || t.Is(i, "a")) && t.IsWord(i+1) && wordConcepts(t.Low(i+1)).has(cUser) && !t.Is(i+1, "million") {
		return true
	}
	if i < s.to && t.IsWord(i) {
		l := t.Low(i)
		if l != "dau" && l != "mau" && l != "actives" && wordConcepts(l).has(cUser) && hasSuffix(l, "s") {
			// plural users as the subject, followed by a verb
			return t.IsWord(i+1) && !wordConcepts(t.Low(i+1)).has(cUser) && !t.Is(i+1, "per")
		}
		if l != "dau" && l != "mau" && wordConcepts(l).has(cUser) && t.IsWord(i+1) && hasSuffix(t.Low(i+1), "s") &&
			!wordConcepts(t.Low(i+1)).has(cUser) && !t.Is(i+1, "is") && !t.Is(i+1, "has") && !t.Is(i+1, "was") {
			// "On average, person performs 10 searches": one of them
			return true
		}
	}
	return false
}

// labelPerUser reports a label that counts per user: "Requests per user
// per day", "Writes/user/day", "Per DAU".
func (fr *figureReader) labelPerUser(s *sentence) bool {
	if s.label != 0 && fr.t.perUserIn(s.from, s.body) {
		return true
	}
	if fr.ctx.Label != "" {
		lt := Lex(fr.ctx.Label)
		return lt.perUserIn(0, len(lt.Tokens))
	}
	return false
}

// perUserIn reports "each user", "per user", "/user", "a typical user",
// "the average customer", "per DAU" among tokens [from, to).
func (t *Text) perUserIn(from, to int) bool {
	for i := max(from, 0); i < to && i < len(t.Tokens); i++ {
		t.steps++
		l := t.Low(i)
		switch l {
		case "each", "every", "per", "/", "a", "an", "typical", "average", "avg":
		default:
			continue
		}
		j := i + 1
		for j < to && (t.IsWord(j) || t.Is(j, "-")) {
			if t.Is(j, "-") {
				j++
				continue
			}
			w := t.Low(j)
			if w == "typical" || w == "average" || w == "signed" || w == "single" || w == "active" || w == "logged" || w == "in" || w == "of" || w == "the" || w == "our" {
				j++
				continue
			}
			break
		}
		if j < to && t.IsWord(j) {
			w := t.Low(j)
			if (w == "dau" || wordConcepts(w).has(cUser)) && w != "actives" && w != "people" {
				if l == "a" || l == "an" {
					// "a million users" counts users
					if j == i+1 || !t.IsWord(j-1) {
						return true
					}
				}
				return true
			}
		}
		if l == "/" && t.IsWord(i+1) && wordConcepts(t.Low(i+1)).has(cUser) {
			return true
		}
	}
	return false
}

// verbBefore returns what the nearest verb or noun of activity within a
// few words before token i, in its clause, counts ("uploads come to 10M ×
// 2"), or 0.
func (fr *figureReader) verbBefore(i int) concept {
	const acts = cRead | cWrite | cRequest
	t := fr.t
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if j == i-1 && t.Is(j, ":") {
			// "read operations per second: 1160 × 10"
			continue
		}
		if t.Tokens[j].Kind == Number || t.Is(j, ",") || t.Is(j, ";") || t.Is(j, ":") {
			break
		}
		if t.IsWord(j) {
			if w := wordConcepts(t.Low(j)) & acts; w != 0 {
				return w
			}
		}
	}
	return 0
}
