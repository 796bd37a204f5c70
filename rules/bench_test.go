package rules

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
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

// goldmarkAlone is the baseline designlint is measured against: goldmark
// as goldmark.New() configures it (CommonMark), rendering nothing.
// designlint's own parser leaves out the emphasis parser and adds tables.
var goldmarkAlone = goldmark.New().Parser()

func totalSize(docs [][]byte) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d))
	}
	return n
}

// benchParse parses docs with goldmark alone, the baseline.
func benchParse(b *testing.B, docs [][]byte) {
	b.SetBytes(totalSize(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			goldmarkAlone.Parse(text.NewReader(d))
		}
	}
}

// benchRead reads docs into the model on one goroutine and, with lint,
// runs every rule on them; name's extension gives their format.
func benchRead(b *testing.B, name string, docs [][]byte, lint bool) {
	b.SetBytes(totalSize(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			doc, err := design.Read(name, d, design.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if lint {
				Run(doc, Config{})
			}
		}
	}
}

// BenchmarkCorpusGoldmark is the baseline: goldmark alone (goldmarkAlone),
// parsing every corpus document.
func BenchmarkCorpusGoldmark(b *testing.B) { benchParse(b, corpusFiles(b)) }

// BenchmarkCorpusLint reads and lints every corpus document with every
// rule, for comparison with BenchmarkCorpusGoldmark.
func BenchmarkCorpusLint(b *testing.B) { benchRead(b, "doc.md", corpusFiles(b), true) }

// BenchmarkCorpusRead reads every corpus document into the model without
// running the rules.
func BenchmarkCorpusRead(b *testing.B) { benchRead(b, "doc.md", corpusFiles(b), false) }

// thousandDocs cycles through the corpus to make a thousand documents.
func thousandDocs(b *testing.B) [][]byte {
	docs := corpusFiles(b)
	out := make([][]byte, 0, 1000)
	for i := 0; len(out) < 1000; i++ {
		out = append(out, docs[i%len(docs)])
	}
	return out
}

// BenchmarkThousandGoldmark parses a thousand real documents with goldmark
// alone (goldmarkAlone): the baseline.
func BenchmarkThousandGoldmark(b *testing.B) { benchParse(b, thousandDocs(b)) }

// BenchmarkThousandLint reads and lints the same thousand documents with
// every rule, on one goroutine.
func BenchmarkThousandLint(b *testing.B) { benchRead(b, "doc.md", thousandDocs(b), true) }

// readDoc reads one of the project's documents for a benchmark.
func readDoc(b *testing.B, parts ...string) [][]byte {
	src, err := os.ReadFile(filepath.Join(append([]string{".."}, parts...)...))
	if err != nil {
		b.Fatal(err)
	}
	return [][]byte{src}
}

// The project's own documents: a 30 KB Markdown design and a CUE design.
func BenchmarkReadMarkdown30KB(b *testing.B) {
	benchRead(b, "design.md", readDoc(b, "testdata", "bench", "marketplace-design.md"), false)
}
func BenchmarkLintMarkdown30KB(b *testing.B) {
	benchRead(b, "design.md", readDoc(b, "testdata", "bench", "marketplace-design.md"), true)
}
func BenchmarkReadCUE(b *testing.B) {
	benchRead(b, "design.cue", readDoc(b, "testdata", "docs", "ride-matching-good.cue"), false)
}
func BenchmarkLintCUE(b *testing.B) {
	benchRead(b, "design.cue", readDoc(b, "testdata", "docs", "ride-matching-good.cue"), true)
}

// BenchmarkGoldmark30KB is goldmark alone on the 30 KB design.
func BenchmarkGoldmark30KB(b *testing.B) {
	benchParse(b, readDoc(b, "testdata", "bench", "marketplace-design.md"))
}

// parallel runs f over docs on as many goroutines as GOMAXPROCS, as the
// command line does.
func parallel(docs [][]byte, f func([]byte)) {
	var wg sync.WaitGroup
	next := make(chan []byte)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range next {
				f(d)
			}
		}()
	}
	for _, d := range docs {
		next <- d
	}
	close(next)
	wg.Wait()
}

// BenchmarkThousandGoldmarkParallel and BenchmarkThousandLintParallel use
// every core, as designlint lint does.
func BenchmarkThousandGoldmarkParallel(b *testing.B) {
	docs := thousandDocs(b)
	p := goldmarkAlone
	b.SetBytes(totalSize(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		parallel(docs, func(d []byte) { p.Parse(text.NewReader(d)) })
	}
}

func BenchmarkThousandLintParallel(b *testing.B) {
	docs := thousandDocs(b)
	b.SetBytes(totalSize(docs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		parallel(docs, func(d []byte) {
			doc, err := design.Read("doc.md", d, design.Options{})
			if err == nil {
				Run(doc, Config{})
			}
		})
	}
}
