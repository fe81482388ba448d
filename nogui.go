//go:build nogui

package main

import "context"

// The command-line build ("go build -tags nogui"): no window, no Fyne, no
// cgo. Run without a command, it says that this build has no window.

// guiRunner is nil: cli.Run tells the user there is no window.
func guiRunner(context.Context) func(dbPath string) int { return nil }
