//go:build unix

package design

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used, user and system: unlike
// wall time, it does not grow while other work has the processor.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
