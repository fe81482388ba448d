//go:build !nogui

package main

import (
	"context"
	"maps"
	"os/user"
	"runtime"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"kontor/app"
	"kontor/app/cli"
	"kontor/app/demo"
	"kontor/data"
	"kontor/screens"
)

// The desktop build: the window (Fyne, cgo) beside the command line. The
// "nogui" build (nogui.go) leaves all of this out.

// guiRunner returns the window for cli.Env.RunGUI, closed when ctx is
// cancelled.
func guiRunner(ctx context.Context) func(dbPath string) int {
	return func(dbPath string) int { return runGUI(ctx, dbPath) }
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

// runGUI opens the database and runs the desktop app until its window
// closes or ctx is cancelled (SIGTERM, Ctrl-C in the terminal that started it).
// A damaged file gets the window that explains it and offers the newest good
// backup (exit code 4 when it is not restored).
func runGUI(ctx context.Context, dbPath string) int {
	a := fyneapp.NewWithID(appID)
	setBuildMetadata(a, readBuildInfo())
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
		Services: svc,
		Printer:  printer,
		LoadDemo: func(ctx context.Context, progress func(done, total int)) error {
			_, err := demo.Run(ctx, svc, demo.Options{Scale: 1, Progress: progress, BankFiles: demoFilesBeside(dbPath)}, demoSteps()...)
			return err
		},
	}, guiModules()...)
}

// setBuildMetadata puts what "kontor version" prints into the app's
// metadata, where the About dialog reads it: the version (main.version,
// which the release script sets) and, under screens.Meta* keys, the
// commit, the build date and the database schema. The rest (the icon and
// the name the packager embeds from FyneApp.toml) is kept.
func setBuildMetadata(a fyne.App, b buildInfo) {
	m := a.Metadata()
	m.Version = b.Version
	custom := maps.Clone(m.Custom)
	if custom == nil {
		custom = map[string]string{}
	}
	custom[screens.MetaCommit], custom[screens.MetaBuilt] = "", ""
	if b.Commit != "" {
		custom[screens.MetaCommit] = b.commitText()
	}
	if !b.Date.IsZero() {
		custom[screens.MetaBuilt] = b.dateText()
	}
	custom[screens.MetaSchema] = strconv.Itoa(b.Schema)
	m.Custom = custom
	fyneapp.SetMetadata(m)
}

// osUser names the person at the computer for the audit entry of a restore
// made from the damaged-file window, where nobody can sign in.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username + " (" + strings.ToLower(runtime.GOOS) + " account)"
	}
	return ""
}
