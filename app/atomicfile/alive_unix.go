//go:build !windows

package atomicfile

import (
	"errors"
	"syscall"
)

// alive reports whether a process with pid runs (signal 0 checks without
// sending anything; EPERM means it runs as another user).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
