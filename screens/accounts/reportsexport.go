package accounts

import (
	"context"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"kontor/app"
	"kontor/screens/kit"
)

// reportFileName is the suggested name of an exported report.
func (p *reportsPane) reportFileName(ext string) string {
	r := p.report
	name := string(r.Kind)
	if !r.From.IsZero() {
		name += "-" + r.From.String()
	}
	return name + "-" + r.To.String() + ext
}

// exportPDF saves the report shown as a PDF and opens it.
func (p *reportsPane) exportPDF() {
	if p.report == nil {
		return
	}
	r, d := *p.report, p.parent.deps
	p.saveAs(".pdf", p.reportFileName(".pdf"), func(ctx context.Context, path string) error {
		c, err := d.Services.Company.Company(ctx)
		if err != nil {
			return err
		}
		return kit.WriteFileAtomic(path, func(f *os.File) error { return d.Printer.Print(f, r, c) })
	}, true)
}

// exportCSV saves the report shown as CSV.
func (p *reportsPane) exportCSV() {
	if p.report == nil {
		return
	}
	r := *p.report
	p.saveAs(".csv", p.reportFileName(".csv"), func(_ context.Context, path string) error {
		return kit.WriteFileAtomic(path, func(f *os.File) error { return r.WriteCSV(f) })
	}, false)
}

// saveAs asks for a file name (adding ext if missing), writes it off the UI
// thread and says where it went; open shows it in the system viewer.
func (p *reportsPane) saveAs(ext, suggested string, write func(ctx context.Context, path string) error, open bool) {
	p.dlg = kit.SaveFileAs(p.parent.win, suggested, ext, func(path string) { p.writeReport(path, write, open) })
}

// writeReport runs write for path in the background (with the context of
// the user who asked, taken now), then reports the result.
func (p *reportsPane) writeReport(path string, write func(ctx context.Context, path string) error, open bool) {
	kit.Run(p.parent.deps, kit.To{Win: p.parent.win}, func(ctx context.Context) error {
		return write(ctx, path)
	}, func() {
		p.notes.SetText(strings.TrimSpace(strings.Join(p.report.Notes, "\n") + "\n" +
			lang.X("reports.saved", "Saved {{.path}}", map[string]any{"path": path})))
		if open {
			kit.OpenFile(path)
		}
	})
}

// reportTranslator is the app.Translator of the reports: Fyne's lang
// bundle, and the language the amounts and dates are written in.
type reportTranslator struct {
	kit.FyneTranslator
	lang app.Lang
}

// Lang is the language of the report's numbers and dates.
func (t reportTranslator) Lang() app.Lang { return t.lang }
