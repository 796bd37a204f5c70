//go:build !unix

package outfile

// noFollow has no equivalent here; checkPath's look at the path is the
// guard.
const noFollow = 0
