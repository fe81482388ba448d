package accounts

import (
	"bytes"
	"context"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// vatFiling is the Reports pane's row that saves the VAT filings of a month
// or quarter as the XML files the tax portal (EPO) takes: the return
// (DPHDP3), the control statement (DPHKH1) and the EU sales list (DPHSHV).
// Their figures are the VAT reports of the same period.
type vatFiling struct {
	p       *reportsPane
	period  *widget.Entry
	buttons []*widget.Button
	dlg     *dialog.FileDialog // the last save dialog opened
}

// vatForms are the filings in the row's order, with their file names.
var vatForms = []struct {
	form          app.VATForm
	file          string
	key, fallback string
}{
	{app.FormVATReturn, "DPHDP3", "reports.save_vat_return", "VAT return XML…"},
	{app.FormVATControl, "DPHKH1", "reports.save_vat_control", "Control statement XML…"},
	{app.FormEUSales, "DPHSHV", "reports.save_eu_sales", "EU sales list XML…"},
}

// vatFilingUI builds the row; the period starts at last month.
func (p *reportsPane) vatFilingUI() fyne.CanvasObject {
	v := &vatFiling{p: p}
	p.vat = v
	v.period = widget.NewEntry()
	v.period.SetPlaceHolder("2026-11")
	last := app.Today(p.parent.clock()).MonthOf().First().AddDays(-1).MonthOf()
	v.period.SetText(app.VATPeriodOf(last).String())
	row := container.NewHBox(widget.NewLabel(lang.X("reports.vat_filing", "VAT filing for the tax portal, period")), kit.Sized(v.period, 110))
	for _, f := range vatForms {
		form := f.form
		b := widget.NewButtonWithIcon(lang.X(f.key, f.fallback), theme.DocumentSaveIcon(), func() { v.save(form) })
		v.buttons = append(v.buttons, b)
		row.Add(b)
	}
	return row
}

func (v *vatFiling) enable(on bool) {
	for _, b := range v.buttons {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// save makes the filing off the UI thread, refusing what cannot be filed
// before a file is asked for, then asks where to save it.
func (v *vatFiling) save(form app.VATForm) {
	period, err := app.ParseVATPeriod(v.period.Text)
	if err != nil {
		kit.ShowError(err, v.p.parent.win)
		return
	}
	d := v.p.parent.deps
	svc, today := d.Services, app.Today(v.p.parent.clock())
	type filing struct {
		body []byte
		warn string
	}
	kit.Call(d, kit.To{Win: v.p.parent.win, Busy: kit.BusyFunc(func(on bool) { v.enable(!on) })}, func(ctx context.Context) (filing, error) {
		body, warn, err := makeVATFiling(ctx, svc, form, period, today)
		return filing{body, warn}, err
	}, func(f filing) {
		body, warn := f.body, f.warn
		name := ""
		for _, f := range vatForms {
			if f.form == form {
				name = f.file + "-" + period.String() + ".xml"
			}
		}
		v.dlg = kit.SaveFileAs(v.p.parent.win, name, ".xml", func(path string) { v.write(path, body, warn) })
	})
}

// write saves the file in the background and says where it went.
func (v *vatFiling) write(path string, body []byte, warn string) {
	kit.Run(v.p.parent.deps, kit.To{Win: v.p.parent.win}, func(context.Context) error {
		return kit.WriteFileAtomic(path, func(f *os.File) error {
			_, err := f.Write(body)
			return err
		})
	}, func() {
		msg := lang.X("reports.saved", "Saved {{.path}}", map[string]any{"path": path})
		if warn != "" {
			msg += "\n" + warn
		}
		v.p.notes.SetText(msg)
	})
}

// makeVATFiling builds the XML of one filing of period, with a warning of
// what must be completed on the portal.
func makeVATFiling(ctx context.Context, svc app.Services, form app.VATForm, period app.VATPeriod, today app.Date) ([]byte, string, error) {
	c, err := svc.Company.Company(ctx)
	if err != nil {
		return nil, "", err
	}
	if err := app.CheckVATPeriod(form, period, today, c, true); err != nil {
		return nil, "", err
	}
	filing := app.VATFiling{Company: c, Period: period, Filed: today, Software: "Kontor"}
	if err := filing.Check(); err != nil {
		return nil, "", err
	}
	f, err := app.LoadVATFilings(ctx, svc, period.First(), period.Last())
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	warn := ""
	switch form {
	case app.FormVATControl:
		err = app.WriteVATControlXML(&buf, f.Control, filing)
		if f.Control.MissingCodes() > 0 {
			warn = lang.X("report.note.kh_code_missing", "Some documents of A.1 and B.1 lack the code of their §92a supply (kód předmětu plnění, e.g. 4 for construction work): complete it on the tax portal before filing.")
		}
	case app.FormEUSales:
		if err = f.EUSales.CheckQuarter(period); err == nil {
			err = app.WriteEUSalesXML(&buf, f.EUSales, filing)
		}
	default:
		err = app.WriteVATReturnXML(&buf, f.Return, filing)
	}
	if err != nil {
		return nil, "", err
	}
	if len(f.Return.Unplaced) > 0 {
		warn += "\n" + lang.X("reports.vat_unplaced", "Some postings of the period fit no row of the return: see the notes of the VAT return report and correct them before filing.")
	}
	return buf.Bytes(), warn, nil
}
