package design

// designlint reads documents from strangers, so every stage that could do
// more than linear work is bounded by what it does, not by how long it
// takes: the same input gives the same result on any machine under any
// load. The budgets below apply per file (front matter and every fenced
// block of a Markdown document draw on the same budget); the README's
// "Limits and hostile input" section describes them for users.
const (
	// maxStructuredNodes bounds the syntax nodes of a file's structured
	// parts (a CUE, JSON or YAML document, front matter, fenced blocks),
	// counted after YAML aliases and merge keys are expanded. A large
	// design has a few thousand.
	maxStructuredNodes = 50_000

	// maxCollection bounds the fields of one struct and the elements of
	// one list: CUE's evaluation time grows with the square of their
	// number (ten thousand fields take a tenth of a second, a hundred
	// thousand eleven seconds).
	maxCollection = 2_000

	// maxStructuredDepth bounds how deeply structs and lists nest.
	maxStructuredDepth = 64

	// maxYAMLWork bounds the work of turning YAML into CUE: nodes
	// produced, plus the source bytes copied again for every expansion
	// of an alias (its text, comments included), plus the keys compared
	// while applying merge keys. It also bounds the text aliases add.
	maxYAMLWork = 8_000_000
)

// structuredBudget is what a file has left to spend on its structured
// parts.
type structuredBudget struct {
	nodes int
	// eval is what is left for evaluations in the child process.
	eval evalBudget
}

func newStructuredBudget() *structuredBudget {
	return &structuredBudget{nodes: maxStructuredNodes, eval: evalBudget{alloc: maxEvalAlloc, cpu: maxEvalCPU}}
}
