package screens

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// checkDatabase runs the store's consistency check in the background with a
// progress bar (it reads the whole file: seconds at a million lines) and
// reports what it found.
func (s *shell) checkDatabase() {
	st := s.deps.Services.Store
	bar := widget.NewProgressBar()
	wait := dialog.NewCustomWithoutButtons(lang.X("check.running", "Checking the database…"), kit.Sized(bar, 320), s.win)
	kit.Job(s.deps, kit.To{Busy: kit.DialogBusy(wait)}, func(ctx context.Context, progress func(done, total int)) ([]app.Problem, error) {
		last := -1
		return st.Check(app.WithProgress(ctx, func(done, total int64) {
			pct := 100
			if total > 0 {
				pct = int(min(100, done*100/total))
			}
			if pct == last { // one redraw per percent, not per record
				return
			}
			last = pct
			progress(pct, 100)
		}))
	}, func(pct, _ int) { bar.SetValue(float64(pct) / 100) }, func(problems []app.Problem, err error) {
		if err != nil {
			kit.ShowError(err, s.win)
			return
		}
		s.showProblems(problems)
	})
}

// backupNow asks where to save a copy of the database and writes it in the
// background; the office can keep working meanwhile.
func (s *shell) backupNow() {
	// the store writes a temp file and renames it over the chosen one
	kit.SaveFileAs(s.win, "kontor-"+s.deps.Services.Clock.Now().Format("2006-01-02")+".db", ".db", s.runBackup)
}

// runBackup writes the backup to path with a progress dialog, then says where it went.
func (s *shell) runBackup(path string) {
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(lang.X("backup.running", "Backing up…"), bar, s.win)
	busy := kit.BusyFunc(func(on bool) {
		if on {
			wait.Show()
			return
		}
		wait.Hide()
		bar.Stop()
	})
	kit.Run(s.deps, kit.To{Win: s.win, Busy: busy}, func(ctx context.Context) error {
		return s.deps.Services.Store.Backup(ctx, path, app.BackupOptions{})
	}, func() {
		s.updateStatus()
		dialog.ShowInformation(lang.X("backup.title", "Backup"), lang.X("backup.done", "The backup is saved in {{.path}}.", map[string]any{"path": path}), s.win)
	})
}

// showProblems lists the findings of a check in plain words.
func (s *shell) showProblems(problems []app.Problem) {
	title := lang.X("check.title", "Database check")
	if len(problems) == 0 {
		dialog.ShowInformation(title, lang.X("check.ok", "The database is healthy: no problems found."), s.win)
		return
	}
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = "• " + p.Text(kit.Translator())
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(kit.Plural("check.problems", len(problems), "The check found {{.n}} problem:", "The check found {{.n}} problems:", nil))
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(520, 260))
	dialog.ShowCustom(title, lang.X("action.ok", "OK"), container.NewBorder(intro, nil, nil, nil, scroll), s.win)
}

// The keys of fyne.AppMetadata.Custom under which main puts what "kontor
// version" prints, for the About dialog: the commit (empty when unknown),
// the build date (empty when unknown) and the database schema it writes.
const (
	MetaCommit = "kontor.commit"
	MetaBuilt  = "kontor.built"
	MetaSchema = "kontor.schema"
)

// about shows what Kontor is and which version runs: the version, the
// commit and build date and the database schema, as "kontor version" says.
func (s *shell) about() {
	dialog.ShowInformation(lang.X("action.about", "About Kontor"), aboutText(s.app.Metadata(), s.storePath()), s.win)
}

// aboutText is the About dialog's text for the app's metadata and the
// database file.
func aboutText(m fyne.AppMetadata, path string) string {
	version := m.Version
	if version == "" {
		version = "dev"
	}
	unknown := lang.X("about.unknown", "unknown")
	orUnknown := func(v string) string {
		if v == "" {
			return unknown
		}
		return v
	}
	msg := lang.X("about.text", "Kontor {{.version}}\nAn offline-first office suite for small businesses.\nDatabase: {{.path}}",
		map[string]any{"version": version, "path": path})
	return msg + "\n" + lang.X("about.build", "Commit: {{.commit}}\nBuilt: {{.built}}\nDatabase schema: {{.schema}}",
		map[string]any{"commit": orUnknown(m.Custom[MetaCommit]), "built": orUnknown(m.Custom[MetaBuilt]), "schema": orUnknown(m.Custom[MetaSchema])})
}

// storePath is the database file, empty without a store.
func (s *shell) storePath() string {
	return s.deps.Services.Store.Path()
}
