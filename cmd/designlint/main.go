// Command designlint lints system-design documents and estimates their
// capacity. See the README for usage.
package main

import (
	"os"

	"github.com/designlint/designlint/internal/cli"
)

func main() {
	os.Exit(cli.Main())
}
