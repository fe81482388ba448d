package data

import (
	"os"
	"syscall"
)

// releaseMapped tells the kernel the process no longer needs the first size
// bytes of the mapping at addr. The mapping is of the file and shared, so
// MADV_DONTNEED drops only this process's page-table entries: the data stays
// in the file and its cache, and a later read faults it back in. The call
// names the mapping by address, with no Go pointer made from it.
func releaseMapped(addr uintptr, size int64) {
	if addr == 0 || size <= 0 {
		return
	}
	n := uintptr(size) &^ uintptr(os.Getpagesize()-1)
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, addr, n, syscall.MADV_DONTNEED)
}
