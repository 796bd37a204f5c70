// Package estimate holds designlint's capacity arithmetic: quantities with
// dimensions (parsed by a strict grammar of its own and printed to three
// significant figures), the canonical names of a design's assumptions and
// figures, the formulas that derive one from the other, and the checker for
// equations written out in prose.
//
// The package is pure: it reads no files, prints nothing and knows nothing of
// Markdown or CUE. Callers hand it named quantities and get back derived
// figures, each with its formula, its inputs and any default it relied on.
package estimate
