//go:build unix && !darwin

package cli

import "syscall"

// maxRSSBytes reads peak memory from a resource usage: kilobytes on
// Linux and the BSDs.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss << 10 }
