package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/designlint/designlint/design"
)

// corpusFiles returns the real documents of ../shared/corpus, or skips
// when that directory is not there (it is not part of this repository).
func corpusFiles(b *testing.B) [][]byte {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.md"))
	if len(paths) == 0 {
		b.Skip("../shared/corpus is absent")
	}
	var docs [][]byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, src)
	}
	return docs
}

func totalSize(docs [][]byte) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d))
	}
	return n
}

// BenchmarkCorpusGoldmark is the baseline: goldmark alone, configured as
// designlint configures it, parsing every corpus document.
func BenchmarkCorpusGoldmark(b *testing.B) {
	docs := corpusFiles(b)
	p := design.MarkdownParser()
	b.SetBytes(totalSize(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			p.Parse(text.NewReader(d))
		}
	}
}

// BenchmarkCorpusLint reads and lints every corpus document with every
// rule, on one goroutine, for comparison with BenchmarkCorpusGoldmark.
func BenchmarkCorpusLint(b *testing.B) {
	docs := corpusFiles(b)
	b.SetBytes(totalSize(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			doc, err := design.Read("doc.md", d, design.Options{})
			if err != nil {
				b.Fatal(err)
			}
			Run(doc, Config{})
		}
	}
}

// BenchmarkCorpusRead reads every corpus document into the model without
// running the rules.
func BenchmarkCorpusRead(b *testing.B) {
	docs := corpusFiles(b)
	b.SetBytes(totalSize(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := design.Read("doc.md", d, design.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
