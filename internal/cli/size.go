package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/designlint/designlint/design/english"
	"github.com/designlint/designlint/estimate"
)

// parseSize reads a size flag: a number of bytes or a quantity such as
// 1MiB or 500KB.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		return n, nil
	}
	q, err := english.ParseQuantity(s, estimate.Bytes, estimate.DefaultCalendar)
	if err != nil || q.Dim != estimate.Bytes || q.Value < 1 || q.Value > 1<<40 {
		return 0, fmt.Errorf("%q is not a size (write e.g. 1MiB or 500KB)", s)
	}
	return int64(q.Value), nil
}
