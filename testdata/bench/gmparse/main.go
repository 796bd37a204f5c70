// Command gmparse is the baseline for designlint's speed: goldmark alone,
// configured as goldmark.New() configures it, parsing every *.md file of a
// directory in order on one goroutine, rendering nothing. BENCHMARKS.md
// times it against `designlint lint` on the same files.
//
//	go build -o /tmp/gmparse ./testdata/bench/gmparse
//	/tmp/gmparse DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gmparse DIR")
		os.Exit(2)
	}
	files, err := filepath.Glob(filepath.Join(os.Args[1], "*.md"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	p := goldmark.New().Parser()
	blocks := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		doc := p.Parse(text.NewReader(src))
		blocks += doc.ChildCount()
	}
	fmt.Printf("%d files, %d top-level blocks\n", len(files), blocks)
}
