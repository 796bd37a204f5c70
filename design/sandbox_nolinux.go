//go:build !linux

package design

import "syscall"

// childAttr has nothing to add outside Linux: an evaluator notices that
// its parent has gone when its input closes.
func childAttr() *syscall.SysProcAttr { return nil }

// limitAddressSpace is Linux only; elsewhere the allocation budget and
// the deadline bound the evaluator.
func limitAddressSpace(uint64) {}
