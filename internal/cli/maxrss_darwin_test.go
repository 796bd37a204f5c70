package cli

import "syscall"

// maxRSSBytes reads peak memory from a resource usage: bytes on macOS.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss }
