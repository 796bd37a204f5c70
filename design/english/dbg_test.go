package english

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	for _, s := range strings.Split(os.Getenv("TXT"), "|") {
		r := ReadFigures(s, Context{Where: Where(1), Heading: os.Getenv("HEAD")})
		fmt.Printf("%q\n", s)
		for _, f := range r.Figures {
			fmt.Printf("   %s = %v claim=%v rank=%d %q\n", f.Name, f.Quantity, f.Claim, f.Rank, s[f.Start:f.End])
		}
		for _, k := range r.Skipped {
			fmt.Printf("   skip %q: %s\n", s[k.Start:k.End], k.Why)
		}
	}
}
