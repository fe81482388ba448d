//go:build windows

package main

import (
	"os"
	"syscall"
)

// The Windows build is a GUI program (-H=windowsgui) and gets no console of its
// own. When it is started with a command (`kontor.exe check`) from cmd or
// PowerShell, attach to that window's console so output, prompts and the
// password reader work there.
func init() {
	if len(os.Args) < 2 {
		return
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = out, out
	}
	if in, err := os.OpenFile("CONIN$", os.O_RDWR, 0); err == nil {
		os.Stdin = in
	}
}
