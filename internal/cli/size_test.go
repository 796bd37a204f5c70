package cli

import (
	"math"
	"strconv"
	"testing"
)

// A size flag is a positive number of bytes no larger than 1 TiB: larger
// ones would overflow where designlint adds a byte to the limit to notice
// a larger file.
func TestParseSize(t *testing.T) {
	good := map[string]int64{"1": 1, "1MiB": 1 << 20, "500KB": 500000, "1099511627776": 1 << 40, "1TiB": 1 << 40}
	for s, want := range good {
		if got, err := parseSize(s); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"0", "-1", "1099511627777", strconv.FormatInt(math.MaxInt64, 10), "9223372036854775808", "1e30", "2TiB", "1 s", "NaN"} {
		if got, err := parseSize(s); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", s, got)
		}
	}
}
