package screens

import (
	"context"
	"net/url"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// Damaged is a database Kontor refused to open because the file is damaged,
// and what main offers to do about it.
type Damaged struct {
	Path    string
	Message string // why, in the user's language
	// Backup is the newest backup that opens as a Kontor database ("" when
	// there is none), made at BackupTime.
	Backup     string
	BackupTime time.Time
	// Restore replaces the database with the backup from and returns where
	// the damaged file was kept.
	Restore func(from string) (kept string, err error)
	// Start opens the (restored) database and shows the main window.
	Start func() error
}

// ShowDamaged opens the window that explains a damaged database: what is
// wrong, which backup to restore, and the button that restores it (the
// damaged file is kept beside the backups). Closing it quits Kontor.
func ShowDamaged(a fyne.App, d Damaged) fyne.Window {
	w := a.NewWindow(lang.X("damaged.title", "The database is damaged"))
	w.SetIcon(kit.AppIcon())
	w.SetOnClosed(a.Quit)
	wrap := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	title := widget.NewLabelWithStyle(lang.X("damaged.title", "The database is damaged"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what := wrap(d.Message)
	var advice *widget.Label
	if d.Backup == "" {
		advice = wrap(lang.X("damaged.no_backup", "There is no backup of {{.path}} in {{.dir}}. If you keep copies elsewhere (a USB disk, another computer), restore the newest one with: kontor restore --from FILE --db {{.path}}",
			map[string]any{"path": d.Path, "dir": filepath.Join(filepath.Dir(d.Path), "backups")}))
	} else {
		advice = wrap(lang.X("damaged.advice", "Restore the newest good backup, {{.backup}} of {{.time}}: what was entered since then must be entered again. The damaged file is kept in the backups folder (kontor-damaged-….db) in case someone can rescue more from it.",
			map[string]any{"backup": filepath.Base(d.Backup), "time": formatDateTime(d.BackupTime)}))
	}
	quit := widget.NewButton(lang.X("action.quit", "Quit"), func() { w.Close() })
	folder := widget.NewButton(lang.X("damaged.open_folder", "Open the backups folder"), func() {
		u := &url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(filepath.Dir(d.Path), "backups"))}
		kit.Run(kit.Deps{}, kit.To{}, func(context.Context) error { return a.OpenURL(u) }, nil)
	})
	buttons := container.NewHBox(folder, quit)
	if d.Backup != "" && d.Restore != nil {
		restore := widget.NewButton(lang.X("damaged.restore", "Restore this backup"), nil)
		restore.Importance = widget.HighImportance
		restore.OnTapped = func() { restoreDamaged(a, w, d, restore) }
		buttons.Add(restore)
	}
	w.SetContent(container.NewPadded(container.NewVBox(title, what, advice, container.NewHBox(layout.NewSpacer(), buttons))))
	w.Resize(fyne.NewSize(620, 300))
	w.Show()
	return w
}

// restoreDamaged restores the backup in the background, says where the
// damaged file went, then starts Kontor on the restored file.
func restoreDamaged(a fyne.App, w fyne.Window, d Damaged, button *widget.Button) {
	button.Disable()
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(lang.X("damaged.restoring", "Restoring…"), bar, w)
	busy := kit.BusyFunc(func(on bool) {
		if on {
			wait.Show()
			return
		}
		wait.Hide()
		bar.Stop()
	})
	kit.Call(kit.Deps{}, kit.To{Busy: busy, Err: func(err error) {
		button.Enable()
		kit.ShowError(err, w)
	}}, func(context.Context) (string, error) {
		return d.Restore(d.Backup)
	}, func(kept string) {
		msg := lang.X("damaged.restored", "The database was restored from {{.backup}}. The damaged file is kept as {{.kept}}.",
			map[string]any{"backup": filepath.Base(d.Backup), "kept": kept})
		done := dialog.NewInformation(lang.X("damaged.title_restored", "Restored"), msg, w)
		done.SetOnClosed(func() {
			if d.Start == nil {
				w.Close()
				return
			}
			if err := d.Start(); err != nil {
				kit.ShowError(err, w)
				return
			}
			w.SetOnClosed(nil) // the main window runs Kontor now
			w.Close()
		})
		done.Show()
	})
}

// formatDateTime writes an instant as the UI language writes dates, with the time.
func formatDateTime(t time.Time) string {
	t = t.Local()
	return app.DateOf(t).Format(kit.UILang) + " " + t.Format("15:04")
}
