//go:build !unix

package design

import "time"

// processCPU is not measured outside Unix; the allocation budget and the
// deadline bound evaluations there.
func processCPU() time.Duration { return 0 }
