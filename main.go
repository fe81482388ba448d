// Command kontor is Kontor, an offline-first office suite for a small office:
// the desktop app and its command line in one binary. main only wires: it
// reads the command line, opens the store and hands it to the GUI or the CLI.
//
// Two builds: "go build" makes the desktop app with its command line
// (gui.go: Fyne, cgo); "go build -tags nogui" makes the command line alone
// (nogui.go), without Fyne or cgo, which starts faster for scripts.
package main

import (
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"kontor/app/cli"
	"kontor/data"
)

// appID is Kontor's reverse-DNS ID; Fyne keeps preferences under it.
const appID = "cz.kontor.desktop"

func main() {
	os.Exit(run(os.Args[1:]))
}

// run runs the command line (or the window) and returns the exit code.
// Ctrl-C and SIGTERM (what a shutdown, a service manager or "kill" sends)
// both cancel the context: a command stops, removes its temp files and
// exits with cli.ExitInterrupted; the window closes as if the user closed
// it, and the database is closed. A second signal ends the process at once.
// Standard output is buffered (see newOutput) and flushed before run returns.
func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	env := cliEnv()
	out := newOutput(os.Stdout, os.Stderr)
	defer out.Flush()
	env.Stdout, env.Stderr = out, out.Stderr()
	env.RunGUI = guiRunner(ctx)
	return cli.Run(ctx, args, env)
}

// cliEnv connects the command line to the real store and, in the desktop
// build, the window.
func cliEnv() cli.Env {
	return cli.Env{
		Commands: cliCommands(),
		Stdout:   os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin,
		Getenv:         os.Getenv,
		Version:        version,
		VersionDetails: readBuildInfo().details(),
		DefaultDB:      defaultDB,
		Open:           func(path string) (cli.Store, error) { return data.Open(path, data.Options{}) },
		OpenReads:      func(path string) (cli.Store, error) { return data.Open(path, data.Options{NoAutoBackup: true}) },
		OpenNew: func(path string) (cli.Store, error) {
			return data.Open(path, data.Options{NoSync: true, NoAutoBackup: true})
		},
		Compact:   data.CompactFile,
		Restore:   data.RestoreFile,
		RunGUI:    guiRunner(context.Background()),
		Printer:   printer,
		DemoSteps: demoSteps,
		Exists: func(path string) bool {
			fi, err := os.Stat(path)
			return err == nil && fi.Mode().IsRegular()
		},
	}
}

// defaultDB is the per-user database: ~/.config/Kontor/kontor.db on Linux,
// %AppData%\Kontor\kontor.db on Windows, ~/Library/Application Support/Kontor on macOS.
func defaultDB() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "Kontor", "kontor.db"), nil
}

// demoFilesBeside saves the demo's bank statement files in the database's
// folder, where the Accounts tab's import dialog can find them.
func demoFilesBeside(dbPath string) func(name string, data []byte) error {
	dir := filepath.Dir(dbPath)
	return func(name string, data []byte) error {
		return os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
}
