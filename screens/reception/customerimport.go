package reception

import (
	"context"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// importCustomers asks for a CSV file and previews its import.
func (r *receptionScreen) importCustomers() {
	if !r.deps.Can(app.PermCustomersWrite) {
		return
	}
	kit.OpenFileOf(r.win, []string{".csv", ".txt"}, maxImportBytes+1, func(name string, data []byte) {
		if len(data) > maxImportBytes {
			kit.ShowError(app.Errorf(app.EINVALID, "err.file.too_large", "{{.name}} is larger than {{.max}} MB", map[string]any{"name": name, "max": maxImportBytes >> 20}), r.win)
			return
		}
		r.previewImport(name, data)
	})
}

// maxImportBytes is the largest customer file the import reads.
const maxImportBytes = 512 << 20

// previewImport reads the file and asks the store for a dry run in the
// background, then shows what would be imported and what is refused.
func (r *receptionScreen) previewImport(name string, data []byte) {
	wait := dialog.NewCustomWithoutButtons(lang.X("reception.import_title", "Import customers"),
		container.NewVBox(widget.NewLabel(lang.X("reception.import_reading", "Reading {{.file}}…", map[string]any{"file": name})), widget.NewProgressBarInfinite()), r.win)
	// dryRun is the file's rows and what a dry run of the import says.
	type dryRun struct {
		rows     []app.ImportRow
		rejected []app.RowError
		res      app.ImportResult
	}
	kit.Call(r.deps, kit.To{Win: r.win, Busy: kit.DialogBusy(wait)}, func(ctx context.Context) (dryRun, error) {
		rows, rejected, err := parseCustomersCSV(data)
		var res app.ImportResult
		if err == nil && len(rows) > 0 {
			res, err = r.deps.Services.Importer.ImportCustomers(ctx, rows, true)
		}
		return dryRun{rows, rejected, res}, err
	}, func(d dryRun) {
		all := append(append([]app.RowError(nil), d.rejected...), d.res.Rejected...)
		sort.SliceStable(all, func(i, j int) bool { return all[i].Line < all[j].Line })
		r.showImportPreview(name, d.rows, d.res.Accepted, all)
	})
}

// rowReason is a rejected row's reason in the user's language.
func rowReason(e app.RowError) string {
	if e.Err != nil {
		return app.ErrorMessage(e.Err, kit.Translator())
	}
	return e.Reason
}

// rejectedTable is a virtualised table of rejected rows: line and reason.
func rejectedTable(rejected []app.RowError) *widget.Table {
	t := widget.NewTableWithHeaders(func() (int, int) { return len(rejected), 2 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			if id.Row >= len(rejected) {
				return
			}
			if id.Col == 0 {
				l.SetText(lang.X("reception.import_line", "line {{.n}}", map[string]any{"n": rejected[id.Row].Line}))
			} else {
				l.SetText(rowReason(rejected[id.Row]))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		switch id.Col {
		case 0:
			o.(*widget.Label).SetText(lang.X("reception.col.line", "Line"))
		case 1:
			o.(*widget.Label).SetText(lang.X("reception.col.reason", "Reason"))
		}
	}
	t.SetColumnWidth(0, 90)
	t.SetColumnWidth(1, 640)
	return t
}

// showImportPreview shows how many rows would be imported and the refused
// rows; Import writes the accepted ones.
func (r *receptionScreen) showImportPreview(name string, rows []app.ImportRow, accepted int, rejected []app.RowError) {
	summary := widget.NewLabel(kit.Plural("reception.import_preview", accepted, "{{.file}}: {{.n}} customer can be imported, {{.bad}} rows are refused and will be left out.",
		"{{.file}}: {{.n}} customers can be imported, {{.bad}} rows are refused and will be left out.", map[string]any{"file": name, "bad": len(rejected)}))
	summary.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(summary)
	var content fyne.CanvasObject = body
	if len(rejected) > 0 {
		content = container.NewBorder(body, nil, nil, nil, container.NewGridWrap(fyne.NewSize(760, 300), rejectedTable(rejected)))
	}
	var dlg *dialog.CustomDialog
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Cancel"), theme.CancelIcon(), func() { dlg.Hide() })
	run := widget.NewButtonWithIcon(kit.Plural("reception.import_run", accepted, "Import {{.n}} customer", "Import {{.n}} customers", nil), theme.ConfirmIcon(), func() {
		dlg.Hide()
		r.runImport(rows)
	})
	run.Importance = widget.HighImportance
	if accepted == 0 {
		run.Disable()
	}
	dlg = dialog.NewCustomWithoutButtons(lang.X("reception.import_title", "Import customers"), content, r.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, run})
	kit.ShowSized(dlg, fyne.NewSize(800, 0))
}

// runImport writes the rows in the background (one transaction in the
// store) and reports what was written.
func (r *receptionScreen) runImport(rows []app.ImportRow) {
	wait := dialog.NewCustomWithoutButtons(lang.X("reception.import_title", "Import customers"),
		container.NewVBox(widget.NewLabel(kit.Plural("reception.import_running", len(rows), "Importing {{.n}} row…", "Importing {{.n}} rows…", nil)), widget.NewProgressBarInfinite()), r.win)
	kit.Call(r.deps, kit.To{Win: r.win, Busy: kit.DialogBusy(wait)}, func(ctx context.Context) (app.ImportResult, error) {
		return r.deps.Services.Importer.ImportCustomers(ctx, rows, false)
	}, func(res app.ImportResult) {
		msg := widget.NewLabel(kit.Plural("reception.import_done", res.Accepted, "Imported {{.n}} customer; {{.bad}} rows were refused.", "Imported {{.n}} customers; {{.bad}} rows were refused.",
			map[string]any{"bad": len(res.Rejected)}))
		msg.Wrapping = fyne.TextWrapWord
		var content fyne.CanvasObject = msg
		if len(res.Rejected) > 0 {
			content = container.NewBorder(msg, nil, nil, nil, container.NewGridWrap(fyne.NewSize(760, 240), rejectedTable(res.Rejected)))
		}
		done := dialog.NewCustom(lang.X("reception.import_title", "Import customers"), lang.X("action.ok", "OK"), content, r.win)
		kit.ShowSized(done, fyne.NewSize(800, 0))
		r.dir.list.Reload()
		r.overview.refresh()
	})
}

// parseCustomersCSV reads a customer CSV; a variable so tests can feed odd files.
var parseCustomersCSV = app.ParseCustomersCSV
