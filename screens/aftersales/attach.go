package aftersales

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// attachmentExts are the files the open dialog offers (the store sniffs
// the content; the name's extension decides nothing).
var attachmentExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".pdf", ".JPG", ".JPEG", ".PNG", ".PDF"}

// attachReadLimit bounds what is read of a chosen file: well above the
// store's limit, so the store's refusal names the file's real size, yet a
// huge file is not read whole.
const attachReadLimit = 32 << 20

// sizeText writes a file size ("2,4 MB", "830 kB").
func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return app.FormatMinor(int64(n)*100/(1<<20), 2, kit.UILang) + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", n/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// showFiles lists the attachments, each with Open and Save.
func (d *detailView) showFiles() {
	d.files.Objects = nil
	if len(d.t.Attachments) == 0 {
		l := widget.NewLabel(lang.X("aftersales.no_files", "No attachments"))
		l.Importance = widget.LowImportance
		d.files.Add(l)
	}
	for _, a := range d.t.Attachments {
		a := a
		name := widget.NewLabel(a.Name + " · " + sizeText(a.Size) + " · " + a.User)
		name.Truncation = fyne.TextTruncateEllipsis
		open := widget.NewButtonWithIcon(lang.X("aftersales.open_file", "Open"), theme.FileIcon(), func() { d.openAttachment(a) })
		save := widget.NewButtonWithIcon(lang.X("action.save_as", "Save as…"), theme.DocumentSaveIcon(), func() { d.askSaveAttachment(a) })
		d.files.Add(container.NewBorder(nil, nil, nil, container.NewHBox(open, save), name))
	}
	d.files.Refresh()
}

// askAttachment picks a file and attaches it; a refusal (too large, not a
// photo or PDF) is shown under the list, in red, and in a dialog.
func (d *detailView) askAttachment() {
	kit.OpenFileOf(d.v.win, attachmentExts, attachReadLimit, d.attach)
}

// attach stores data as an attachment named name.
func (d *detailView) attach(name string, data []byte) {
	d.fileErr.Hide()
	kit.Call(d.v.deps, kit.To{Win: d.v.win, Busy: kit.ButtonsBusy(d.addFile), Err: d.fileRefused}, func(ctx context.Context) (app.Ticket, error) {
		return d.v.deps.Services.AfterSales.AddTicketAttachment(ctx, d.id, name, data)
	}, func(t app.Ticket) {
		d.t = t
		d.showFiles()
	})
}

// fileRefused shows why a file was refused at the attachments.
func (d *detailView) fileRefused(err error) {
	if code := app.ErrorCode(err); code != app.EINVALID {
		kit.ShowError(err, d.v.win)
		return
	}
	d.fileErr.SetText(app.ErrorMessage(err, kit.Translator()))
	d.fileErr.Show()
}

// readAttachment reads the attachment's content, then runs done.
func (d *detailView) readAttachment(a app.Attachment, done func(app.Attachment)) {
	kit.Call(d.v.deps, kit.To{Win: d.v.win}, func(ctx context.Context) (app.Attachment, error) {
		return d.v.deps.Services.AfterSales.TicketAttachment(ctx, d.id, a.ID)
	}, done)
}

// openAttachment writes the file to a temporary folder and opens it in
// the system viewer.
func (d *detailView) openAttachment(a app.Attachment) {
	d.readAttachment(a, func(full app.Attachment) {
		kit.Call(d.v.deps, kit.To{Win: d.v.win}, func(context.Context) (string, error) {
			dir, err := os.MkdirTemp("", "kontor-attachment-")
			if err != nil {
				return "", app.Internal("opening the attachment", err)
			}
			path := filepath.Join(dir, filepath.Base(full.Name))
			return path, kit.WriteFileAtomic(path, func(f *os.File) error { _, err := f.Write(full.Data); return err })
		}, kit.OpenFile)
	})
}

// askSaveAttachment saves the attachment where the user chooses.
func (d *detailView) askSaveAttachment(a app.Attachment) {
	ext := filepath.Ext(a.Name)
	kit.SaveFileAs(d.v.win, a.Name, ext, func(path string) { d.saveAttachment(a, path) })
}

// saveAttachment writes the attachment to path.
func (d *detailView) saveAttachment(a app.Attachment, path string) {
	d.readAttachment(a, func(full app.Attachment) {
		kit.Run(d.v.deps, kit.To{Win: d.v.win}, func(context.Context) error {
			return kit.WriteFileAtomic(path, func(f *os.File) error { _, err := f.Write(full.Data); return err })
		}, func() {
			d.saved.SetText(lang.X("reports.saved", "Saved {{.path}}", map[string]any{"path": path}))
			d.saved.Show()
		})
	})
}
