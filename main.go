// Command kontor is Kontor, an offline-first office suite for a small office:
// the desktop app and its command line in one binary. main only wires: it
// reads the command line, opens the store and hands it to the GUI or the CLI.
package main

import (
	"context"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"kontor/app"
	"kontor/app/cli"
	"kontor/app/demo"
	"kontor/app/pdf"
	"kontor/data"
	"kontor/screens"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

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
func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	env := cliEnv()
	env.RunGUI = func(path string) int { return runGUI(ctx, path) }
	return cli.Run(ctx, args, env)
}

// cliEnv connects the command line to the real store and GUI.
func cliEnv() cli.Env {
	return cli.Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin,
		Getenv:     os.Getenv,
		Version:    version,
		DefaultDB:  defaultDB,
		Open:       func(path string) (cli.Store, error) { return data.Open(path, data.Options{}) },
		Compact:    data.CompactFile,
		Restore:    data.RestoreFile,
		RunGUI:     func(path string) int { return runGUI(context.Background(), path) },
		Statements: pdf.StatementRenderer{},
		Reports:    pdf.ReportRenderer{},
		Exists: func(path string) bool {
			fi, err := os.Stat(path)
			return err == nil && fi.Mode().IsRegular()
		},
		PDF: pdfRenderer{},
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

// quitOn quits the app when ctx is cancelled: a.Run returns, and the
// deferred closes run as when the user closes the window. The returned
// func stops watching (once the app has ended).
func quitOn(ctx context.Context, a fyne.App) (stop func()) {
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			select {
			case <-done: // the app has ended already
			default:
				fyne.Do(a.Quit)
			}
		case <-done:
		}
	}()
	return func() { close(done) }
}

// demoFilesBeside saves the demo's bank statement files in the database's
// folder, where the Accounts tab's import dialog can find them.
func demoFilesBeside(dbPath string) func(name string, data []byte) error {
	dir := filepath.Dir(dbPath)
	return func(name string, data []byte) error {
		return os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
}

// runGUI opens the database and runs the desktop app until its window
// closes or ctx is cancelled (SIGTERM, Ctrl-C in the terminal that started it).
// A damaged file gets the window that explains it and offers the newest good
// backup (exit code 4 when it is not restored).
func runGUI(ctx context.Context, dbPath string) int {
	a := fyneapp.NewWithID(appID)
	defer quitOn(ctx, a)()
	screens.SetupLanguage(a.Preferences())
	store, err := data.Open(dbPath, data.Options{})
	if app.ErrorCode(err) == app.EDAMAGED {
		backup, when := data.NewestGoodBackup(dbPath)
		screens.ShowDamaged(a, screens.Damaged{
			Path: dbPath, Message: app.ErrorMessage(err, screens.Translator()), Backup: backup, BackupTime: when,
			Restore: func(from string) (string, error) { return data.RestoreFile(from, dbPath, osUser()) },
			Start: func() error {
				store, err = data.Open(dbPath, data.Options{})
				if err != nil {
					return err
				}
				showMain(a, store, dbPath)
				return nil
			},
		})
		a.Run()
		if store == nil {
			return cli.ExitDamaged
		}
		store.Close()
		return cli.ExitOK
	}
	if err != nil {
		screens.ShowFatal(a, "Kontor", app.ErrorMessage(err, screens.Translator()))
		a.Run()
		if app.ErrorCode(err) == app.EINUSE {
			return cli.ExitInUse
		}
		return cli.ExitFailure
	}
	defer store.Close()
	showMain(a, store, dbPath)
	a.Run()
	if ctx.Err() != nil {
		return cli.ExitInterrupted // closed by SIGTERM or Ctrl-C, cleanly
	}
	return cli.ExitOK
}

// showMain opens the main window on the open store.
func showMain(a fyne.App, store *data.Store, dbPath string) {
	svc := store.Services()
	screens.ShowMain(a, screens.Deps{
		Services:   svc,
		PDF:        pdfRenderer{},
		Badge:      renderBadge,
		Reports:    pdf.ReportRenderer{},
		Statements: pdf.StatementRenderer{},
		LoadDemo: func(ctx context.Context, progress func(done, total int)) error {
			_, err := demo.Run(ctx, svc, demo.Options{Scale: 1, Progress: progress, BankFiles: demoFilesBeside(dbPath)}, demo.All()...)
			return err
		},
	})
}

// osUser names the person at the computer for the audit entry of a restore
// made from the damaged-file window, where nobody can sign in.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username + " (" + strings.ToLower(runtime.GOOS) + " account)"
	}
	return ""
}
