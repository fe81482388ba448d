//go:build !linux

package data

// releaseMapped is a no-op where Kontor does not generate large demo files
// (the desktops run the app; the big --scale files are made on Linux).
func releaseMapped(uintptr, int64) {}
