//go:build unix

package outfile

import "syscall"

// noFollow makes the open fail on a symbolic link, closing the gap
// between checking the path and opening it.
const noFollow = syscall.O_NOFOLLOW
