package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/designlint/designlint/design/english"
	"github.com/designlint/designlint/estimate"
)

// maxSizeFlag bounds size flags: far above any document, far below
// where adding a byte to the limit would overflow.
const maxSizeFlag = 1 << 40

// parseSize reads a size flag: a number of bytes or a quantity such as
// 1MiB or 500KB, from one byte to 1 TiB.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 && n <= maxSizeFlag {
		return n, nil
	}
	q, err := english.ParseQuantity(s, estimate.Bytes, estimate.DefaultCalendar)
	if err != nil || q.Dim != estimate.Bytes || q.Value < 1 || q.Value > maxSizeFlag {
		return 0, fmt.Errorf("%q is not a size from 1 byte to 1 TiB (write e.g. 1MiB or 500KB)", s)
	}
	return int64(q.Value), nil
}
