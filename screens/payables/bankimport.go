package payables

import (
	"context"
	"encoding/csv"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// chooseFile asks for a bank statement file and imports it.
func (v *bankView) chooseFile() {
	kit.OpenFileOf(v.win, nil, 0, v.importData)
}

// csvSource is a CSV bank export being mapped: its header line (what the
// mapping is remembered by), the names of its columns, and the mapping.
type csvSource struct {
	name       string
	data       []byte
	header     string
	columns    []string
	m          app.CSVMapping
	remembered bool
}

// importData reads a statement: ABO goes straight to the preview, a CSV
// export first through the column mapping (the one remembered for its
// header, else the guessed one). A file in no format Kontor knows is
// refused with the app's reason.
func (v *bankView) importData(name string, data []byte) {
	// read is what the file turned out to be: a statement to preview or a
	// CSV file whose columns the user maps.
	type read struct {
		st  *app.BankStatement
		src *csvSource
	}
	kit.Call(v.deps, kit.To{Win: v.win}, func(ctx context.Context) (read, error) {
		st, perr := app.ParseBankStatement(data)
		if perr == nil && st.Format == app.BankFormatABO {
			return read{st: &st}, nil
		}
		text, _, derr := app.DecodeText(data)
		if derr != nil {
			return read{}, derr
		}
		lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		src := &csvSource{name: name, data: data}
		m, gerr := app.GuessCSVMapping(data)
		switch {
		case gerr == nil || errKey(gerr) == "err.bank.csv_date_format":
			// a header was found (perhaps with dates in no known format:
			// the mapping lets the user say which)
			if m.Skip < len(lines) {
				src.header = strings.TrimSpace(lines[m.Skip])
			}
			src.m = m
			if rem, ok, err := v.deps.Services.Bank.BankMapping(ctx, src.header); err == nil && ok {
				src.m, src.remembered = rem, true
			}
		default:
			// no header Kontor recognises: a mapping remembered for one of
			// the first lines still reads the file
			for i, l := range lines {
				if i >= 30 {
					break
				}
				if l = strings.TrimSpace(l); l == "" {
					continue
				}
				if rem, ok, err := v.deps.Services.Bank.BankMapping(ctx, l); err == nil && ok {
					src.header, src.m, src.remembered = l, rem, true
					break
				}
			}
			if !src.remembered {
				if perr == nil {
					perr = gerr
				}
				return read{}, perr
			}
		}
		src.columns = headerColumns(src.header, src.m.Comma)
		return read{src: src}, nil
	}, func(r read) {
		if r.st != nil {
			v.preview(name, *r.st)
			return
		}
		v.mapColumns(r.src)
	})
}

// errKey is the translation key of an app error ("" for others).
func errKey(err error) string {
	var e *app.Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

// headerColumns splits a header line by comma (or the most frequent of ;
// , and tab when comma is 0).
func headerColumns(header string, comma rune) []string {
	if comma == 0 {
		best := 0
		for _, c := range []rune{';', ',', '\t'} {
			if n := strings.Count(header, string(c)); n > best {
				best, comma = n, c
			}
		}
		if comma == 0 {
			comma = ';'
		}
	}
	r := csv.NewReader(strings.NewReader(header))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = comma, -1, true
	rec, err := r.Read()
	if err != nil {
		return []string{header}
	}
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	return rec
}

// csvFields are the values a mapping places, with their form field keys.
var csvFields = []struct {
	key, fallback string
	col           func(*app.CSVMapping) *int
}{
	{"bank.map.date", "Date", func(m *app.CSVMapping) *int { return &m.Date }},
	{"bank.map.amount", "Amount", func(m *app.CSVMapping) *int { return &m.Amount }},
	{"bank.map.currency", "Currency", func(m *app.CSVMapping) *int { return &m.Currency }},
	{"bank.map.vs", "Variable symbol", func(m *app.CSVMapping) *int { return &m.VS }},
	{"bank.map.ks", "Constant symbol", func(m *app.CSVMapping) *int { return &m.KS }},
	{"bank.map.ss", "Specific symbol", func(m *app.CSVMapping) *int { return &m.SS }},
	{"bank.map.counter_account", "Counter-account", func(m *app.CSVMapping) *int { return &m.CounterAccount }},
	{"bank.map.counter_bank", "Counter-account bank code", func(m *app.CSVMapping) *int { return &m.CounterBank }},
	{"bank.map.counter_name", "Counter-party name", func(m *app.CSVMapping) *int { return &m.CounterName }},
	{"bank.map.message", "Message", func(m *app.CSVMapping) *int { return &m.Message }},
	{"bank.map.bank_ref", "Bank's movement ID", func(m *app.CSVMapping) *int { return &m.BankRef }},
}

// csvDateFormats are the date formats offered, "" (any) first.
var csvDateFormats = []string{"", app.BankDateDMY, app.BankDateISO, app.BankDateDMYShort}

// dateFormatName shows a date layout as an example date.
func dateFormatName(layout string) string {
	switch layout {
	case app.BankDateDMY:
		return "28.11.2026"
	case app.BankDateISO:
		return "2026-11-28"
	case app.BankDateDMYShort:
		return "28.11.26"
	}
	return lang.X("bank.map.date_any", "Recognise")
}

// mapColumns shows which column is what; the user may change it. Continue
// reads the file with the mapping, remembers it for this header and goes on
// to the preview; a file the mapping cannot read is refused saying why.
func (v *bankView) mapColumns(src *csvSource) {
	fs := kit.NewFieldSet()
	none := lang.X("bank.map.none", "(none)")
	opts := []string{none}
	for i, c := range src.columns {
		opts = append(opts, strconv.Itoa(i+1)+": "+c)
	}
	selects := make([]*widget.Select, len(csvFields))
	for i, f := range csvFields {
		s := widget.NewSelect(opts, nil)
		if c := *f.col(&src.m); c >= 0 && c+1 < len(opts) {
			s.SetSelectedIndex(c + 1)
		} else {
			s.SetSelectedIndex(0)
		}
		fs.Add(f.key, f.fallback, s)
		selects[i] = s
	}
	var formats []string
	for _, l := range csvDateFormats {
		formats = append(formats, dateFormatName(l))
	}
	dateFmt := widget.NewSelect(formats, nil)
	dateFmt.SetSelectedIndex(max(0, slicesIndex(csvDateFormats, src.m.DateFormat)))
	fs.Add("bank.map.date_format", "Date format", dateFmt)
	remember := widget.NewCheck(lang.X("bank.map.remember", "Remember for files with this header"), nil)
	remember.SetChecked(true)
	note := lang.X("bank.map.guessed", "Kontor guessed the columns of {{.name}} from its header; check them.", map[string]any{"name": src.name})
	if src.remembered {
		note = lang.X("bank.map.remembered", "The columns of {{.name}} are as you set them last time for this header.", map[string]any{"name": src.name})
	}
	info := widget.NewLabel(note)
	info.Wrapping = fyne.TextWrapWord
	info.Importance = widget.LowImportance
	title := lang.X("bank.map.title", "Columns of the bank statement")
	fd := kit.ShowFormDialog(title, lang.X("bank.map.continue", "Continue"), fs, container.NewVBox(remember, info), v.win, func(fd *kit.FormDialog) {
		m := src.m
		for i, f := range csvFields {
			*f.col(&m) = selects[i].SelectedIndex() - 1
		}
		m.DateFormat = csvDateFormats[max(0, dateFmt.SelectedIndex())]
		m.HasHeader = true
		for _, req := range []struct {
			key string
			col int
		}{{"bank.map.date", m.Date}, {"bank.map.amount", m.Amount}} {
			if req.col < 0 {
				fd.Fail(app.Invalid(req.key, "err.required", "is required", nil))
				return
			}
		}
		keep := remember.Checked
		kit.Call(v.deps, fd.To(), func(ctx context.Context) (app.BankStatement, error) {
			st, err := app.ParseBankCSV(src.data, m)
			if err == nil && keep && src.header != "" {
				err = v.deps.Services.Bank.SaveBankMapping(ctx, src.header, m)
			}
			return st, err
		}, func(st app.BankStatement) {
			fd.Close()
			v.preview(src.name, st)
		})
	})
	fd.Widen(560)
}

// slicesIndex is the position of s in list, -1 when absent.
func slicesIndex(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// previewColumns are the columns of the import preview.
var previewColumns = []kit.Column{
	{Key: "bank.col.date", Fallback: "Date", Width: 100},
	{Key: "bank.col.amount", Fallback: "Amount", Width: 130},
	{Key: "bank.col.vs", Fallback: "VS", Width: 100},
	{Key: "bank.col.counter", Fallback: "Counter-account / name", Width: 230},
	{Key: "bank.col.message", Fallback: "Message", Width: 200},
	{Key: "bank.col.proposal", Fallback: "Proposal", Width: 260},
}

// preview shows what an import would store and how each line matches,
// without writing anything; Import stores the new lines.
func (v *bankView) preview(name string, st app.BankStatement) {
	kit.Call(v.deps, kit.To{Win: v.win}, func(ctx context.Context) ([]app.BankEntry, error) {
		return v.deps.Services.Bank.PreviewBank(ctx, st)
	}, func(es []app.BankEntry) { v.showPreview(name, st, es) })
}

// previewProposal is what the preview says of a line.
func previewProposal(e app.BankEntry) string {
	if e.State == app.MatchFound || e.State == app.MatchAmbiguous {
		return bankStateName(e.State) + ": " + bankProposal(e)
	}
	return bankStateName(e.State)
}

func (v *bankView) showPreview(name string, st app.BankStatement, es []app.BankEntry) {
	counts := map[app.BankMatchState]int{}
	for _, e := range es {
		counts[e.State]++
	}
	period := st.From.Format(kit.UILang)
	if st.To != st.From {
		period += " – " + st.To.Format(kit.UILang)
	}
	summary := widget.NewLabel(kit.Plural("bank.preview_summary", len(es),
		"{{.name}} · account {{.account}} · {{.period}} · {{.n}} line: {{.matched}} matched, {{.ambiguous}} ambiguous, {{.unmatched}} unmatched, {{.imported}} imported before",
		"{{.name}} · account {{.account}} · {{.period}} · {{.n}} lines: {{.matched}} matched, {{.ambiguous}} ambiguous, {{.unmatched}} unmatched, {{.imported}} imported before",
		map[string]any{"name": name, "account": orDash(st.Account), "period": period, "matched": counts[app.MatchFound],
			"ambiguous": counts[app.MatchAmbiguous], "unmatched": counts[app.MatchNone], "imported": counts[app.MatchImported]}))
	summary.Wrapping = fyne.TextWrapWord
	table := kit.NewColumnTable(previewColumns, func() int { return len(es) }, func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Truncation = fyne.TextTruncateEllipsis
		l.Alignment = kit.ColumnAlign(id.Col == 1)
		l.Importance = widget.MediumImportance
		if id.Row >= len(es) {
			l.SetText("")
			return
		}
		e := es[id.Row]
		if id.Col == 5 {
			l.Importance = bankStateImportance(e.State)
			l.SetText(previewProposal(e))
			return
		}
		l.SetText(bankLineCell(e, id.Col+1))
	}, func(c int) bool { return c == 1 })
	var dlg *dialog.CustomDialog
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Cancel"), theme.CancelIcon(), func() { dlg.Hide() })
	imp := widget.NewButtonWithIcon(lang.X("bank.import_submit", "Import"), theme.ConfirmIcon(), nil)
	imp.Importance = widget.HighImportance
	imp.OnTapped = func() {
		kit.Call(v.deps, kit.To{Win: v.win, Busy: kit.ButtonsBusy(imp)}, func(ctx context.Context) (app.BankImportResult, error) {
			return v.deps.Services.Bank.ImportBank(ctx, st)
		}, func(res app.BankImportResult) {
			dlg.Hide()
			v.reload()
			dialog.ShowInformation(lang.X("bank.imported_title", "Imported"),
				kit.Plural("bank.imported", len(res.Entries), "{{.n}} new line stored, {{.skipped}} skipped as imported before. Confirm the matched ones to post them.",
					"{{.n}} new lines stored, {{.skipped}} skipped as imported before. Confirm the matched ones to post them.", map[string]any{"skipped": res.Skipped}), v.win)
		})
	}
	body := container.NewBorder(summary, nil, nil, nil, table)
	dlg = dialog.NewCustomWithoutButtons(lang.X("bank.preview_title", "Bank statement preview"), body, v.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, imp})
	kit.ShowSized(dlg, fyne.NewSize(1080, 560))
}

// orDash is s, or a dash when empty.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
