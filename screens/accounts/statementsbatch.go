package accounts

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// statementBatch is the outcome of a batch of statements.
type statementBatch struct {
	written, skipped int
}

// errNoStatementsWritten ends a combined export in which no customer had a
// balance or activity: no file is left behind.
var errNoStatementsWritten = errors.New("no statement to write")

// exportBatch asks where the statements of every customer with a balance or
// activity in the period go (a folder or one file) and runs the export.
func (p *statementsPane) exportBatch() {
	from, to, ok := p.period()
	if !ok {
		return
	}
	win := p.parent.win
	if p.mode.Selected == p.mode.Options[0] {
		p.dlg = kit.OpenFolder(win, func(path string) { p.runBatch(from, to, true, path) })
		return
	}
	p.dlg = kit.SaveFileAs(win, lang.X("statements.batch_file", "statements")+"-"+to.String()+".pdf", ".pdf", func(path string) {
		p.runBatch(from, to, false, path)
	})
}

// runBatch writes the statements in the background with a progress bar and
// Cancel, then says how many were written, how many customers were skipped
// and where the files are.
func (p *statementsPane) runBatch(from, to app.Date, folder bool, target string) {
	bar := widget.NewProgressBar()
	count := widget.NewLabel(lang.X("statements.batch_preparing", "Finding the customers…"))
	wait := dialog.NewCustom(lang.X("statements.batch_running", "Exporting statements…"), lang.X("action.cancel", "Cancel"), container.NewVBox(count, bar), p.parent.win)
	stop := &kit.Stop{}
	wait.SetOnClosed(stop.Stop) // Cancel was pressed (or the job is over)
	kit.ShowSized(wait, fyne.NewSize(420, 0))
	d, win := p.parent.deps, p.parent.win
	kit.Job(d, kit.To{Stop: stop}, func(ctx context.Context, progress func(done, total int)) (statementBatch, error) {
		return exportStatements(ctx, d, from, to, folder, target, progress)
	}, func(done, total int) {
		count.SetText(kit.Plural("statements.batch_progress", total, "{{.done}} of {{.n}} customer", "{{.done}} of {{.n}} customers", map[string]any{"done": done}))
		if total > 0 {
			bar.SetValue(float64(done) / float64(total))
		}
	}, func(res statementBatch, err error) {
		stopped := stop.Stopped()
		wait.Hide()
		title := lang.X("statements.batch_done_title", "Statements")
		args := map[string]any{"n": res.written, "skipped": res.skipped, "path": target}
		switch {
		case stopped && folder:
			dialog.ShowInformation(title, kit.Plural("statements.batch_cancelled_folder", res.written, "Cancelled. {{.n}} statement was written to {{.path}}.", "Cancelled. {{.n}} statements were written to {{.path}}.", args), win)
		case stopped:
			dialog.ShowInformation(title, lang.X("statements.batch_cancelled", "Cancelled. No file was written."), win)
		case errors.Is(err, errNoStatementsWritten) || err == nil && res.written == 0:
			dialog.ShowInformation(title, lang.X("statements.batch_none", "No customer has a balance or activity in the period ({{.skipped}} checked); no file was written.", args), win)
		case err != nil:
			kit.ShowError(err, win)
		default:
			dialog.ShowInformation(title, kit.Plural("statements.batch_done", res.written, "Wrote {{.n}} statement to {{.path}}. Customers without a balance or activity in the period, skipped: {{.skipped}}.",
				"Wrote {{.n}} statements to {{.path}}. Customers without a balance or activity in the period, skipped: {{.skipped}}.", args), win)
			if !folder {
				kit.OpenFile(target)
			}
		}
	})
}

// exportStatements writes the statement of every customer with a balance or
// activity in [from, to]: one file each into the folder target, or all into
// the one PDF target. Customers are read one at a time, so memory stays
// bounded however many there are. A cancelled or failed combined export
// leaves no file; a folder keeps the statements written before.
func exportStatements(ctx context.Context, d kit.Deps, from, to app.Date, folder bool, target string, progress func(done, total int)) (statementBatch, error) {
	var res statementBatch
	c, err := d.Services.Company.Company(ctx)
	if err != nil {
		return res, err
	}
	custs, err := app.StatementCustomers(ctx, d.Services, to)
	if err != nil {
		return res, err
	}
	total := len(custs)
	progress(0, total)
	names := app.StatementFileNames(custs)
	i := 0
	// next builds the next customer's statement that says anything.
	next := func() (app.Statement, string, error) {
		for i < len(custs) {
			if err := ctx.Err(); err != nil {
				return app.Statement{}, "", kit.ErrCancelled()
			}
			cust, name := custs[i], names[i]
			i++
			st, err := app.CustomerStatement(ctx, d.Services.Sales, cust, from, to, c.BaseCurrency)
			if err != nil {
				return st, "", err
			}
			progress(i, total)
			if !st.HasActivity() {
				res.skipped++
				continue
			}
			return st, name, nil
		}
		return app.Statement{}, "", io.EOF
	}
	if folder {
		for {
			st, name, err := next()
			if errors.Is(err, io.EOF) {
				return res, nil
			}
			if err != nil {
				return res, err
			}
			if err := kit.WriteFileAtomic(filepath.Join(target, name), func(f *os.File) error { return d.Printer.Print(f, st, c) }); err != nil {
				return res, err
			}
			res.written++
		}
	}
	err = kit.WriteFileAtomic(target, func(f *os.File) error {
		var readErr error // a statement that could not be made, not the end
		err := d.Printer.PrintAll(ctx, f, func() (app.Printable, error) {
			st, _, err := next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return nil, err
			}
			res.written++
			return st, nil
		}, c, func(int) {})
		// Nobody to print: the printer refuses an empty PDF with an error
		// of its own, which is not what went wrong.
		if res.written == 0 && readErr == nil && ctx.Err() == nil {
			return errNoStatementsWritten
		}
		if err == nil {
			err = ctx.Err()
		}
		return err
	})
	if ctx.Err() != nil {
		return res, kit.ErrCancelled()
	}
	return res, err
}
