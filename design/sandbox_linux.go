package design

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// childAttr makes the kernel kill an evaluator whose parent dies.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// limitAddressSpace caps the process's address space at what it uses now
// plus headroom, so that one enormous allocation fails inside this
// process instead of taking the machine's memory.
func limitAddressSpace(headroom uint64) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return
	}
	pages, err := strconv.ParseUint(fields[0], 10, 64)
	if err != nil {
		return
	}
	limit := pages*uint64(os.Getpagesize()) + headroom
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: limit, Max: limit})
}
