package payables

import (
	"context"
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

// bankView is the Bank pane of Accounts: the stored lines of imported bank
// statements with what the matcher made of them. Matched lines are posted
// once the accountant confirms them; the others are paired by hand or set
// aside.
type bankView struct {
	deps    kit.Deps
	win     fyne.Window
	company app.Company

	entries     []app.BankEntry
	checked     map[string]bool // entry IDs ticked for "Confirm matched"
	sel         int             // the highlighted row, -1 for none
	pendingOnly *widget.Check
	table       *widget.Table
	countText   *widget.Label
	pairBtn     *widget.Button
	ignoreBtn   *widget.Button
	postBtn     *widget.Button
	updating    bool
}

func newBankView(d kit.Deps, w fyne.Window, c app.Company) *bankView {
	return &bankView{deps: d, win: w, company: c, checked: map[string]bool{}, sel: -1}
}

// bankColumns are the columns of the stored lines; the first is the tick.
var bankColumns = []kit.Column{
	{Key: "bank.col.check", Fallback: "", Width: 40},
	{Key: "bank.col.date", Fallback: "Date", Width: 110},
	{Key: "bank.col.amount", Fallback: "Amount", Width: 140},
	{Key: "bank.col.vs", Fallback: "VS", Width: 110},
	{Key: "bank.col.counter", Fallback: "Counter-account / name", Width: 260},
	{Key: "bank.col.message", Fallback: "Message", Width: 220},
	{Key: "bank.col.state", Fallback: "State", Width: 120},
	{Key: "bank.col.document", Fallback: "Document", Width: 280},
}

func (v *bankView) buildUI() fyne.CanvasObject {
	imp := widget.NewButtonWithIcon(lang.X("bank.import", "Import statement…"), theme.FolderOpenIcon(), v.chooseFile)
	imp.Importance = widget.HighImportance
	confirm := widget.NewButtonWithIcon(lang.X("bank.confirm", "Confirm matched…"), theme.ConfirmIcon(), v.confirmMatched)
	v.pairBtn = widget.NewButtonWithIcon(lang.X("bank.pair", "Pair…"), theme.SearchIcon(), func() {
		if e, ok := v.selected(); ok {
			v.pair(e)
		}
	})
	v.ignoreBtn = widget.NewButtonWithIcon(lang.X("bank.ignore", "Ignore"), theme.VisibilityOffIcon(), func() {
		if e, ok := v.selected(); ok {
			v.ignore(e)
		}
	})
	v.postBtn = widget.NewButtonWithIcon(lang.X("bank.post", "To account…"), theme.DocumentCreateIcon(), func() {
		if e, ok := v.selected(); ok {
			v.postToAccount(e)
		}
	})
	v.pendingOnly = widget.NewCheck(lang.X("bank.pending_only", "Only lines to deal with"), func(bool) { v.reload() })
	v.pendingOnly.SetChecked(true)
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), v.reload)
	v.countText = widget.NewLabel("")
	bar := container.NewHBox(imp, confirm, v.pairBtn, v.postBtn, v.ignoreBtn, v.pendingOnly, refresh)

	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.entries), len(bankColumns) },
		func() fyne.CanvasObject { return container.NewStack(widget.NewCheck("", nil), widget.NewLabel("")) },
		v.updateCell)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			l := o.(*widget.Label)
			l.SetText("")
			if c := bankColumns[id.Col]; c.Fallback != "" {
				l.SetText(lang.X(c.Key, c.Fallback))
			}
			l.Alignment = kit.ColumnAlign(id.Col == 2)
		}
	}
	for i, c := range bankColumns {
		v.table.SetColumnWidth(i, c.Width)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(v.entries) {
			return
		}
		if id.Col == 0 {
			v.table.UnselectAll()
			v.toggle(v.entries[id.Row])
			return
		}
		v.sel = id.Row
		v.updateButtons()
	}
	v.table.OnUnselected = func(widget.TableCellID) {
		v.sel = -1
		v.updateButtons()
	}
	v.reload()
	return container.NewBorder(bar, v.countText, nil, nil, v.table)
}

// pendingState reports whether a line still waits for the accountant.
func pendingState(s app.BankMatchState) bool {
	return s == app.MatchFound || s == app.MatchNone || s == app.MatchAmbiguous
}

// selected is the highlighted line.
func (v *bankView) selected() (app.BankEntry, bool) {
	if v.sel < 0 || v.sel >= len(v.entries) {
		return app.BankEntry{}, false
	}
	return v.entries[v.sel], true
}

// updateButtons enables Pair for an unpaired line, and To account… and
// Ignore for any line still waiting.
func (v *bankView) updateButtons() {
	e, ok := v.selected()
	if ok && (e.State == app.MatchNone || e.State == app.MatchAmbiguous) {
		v.pairBtn.Enable()
	} else {
		v.pairBtn.Disable()
	}
	if ok && pendingState(e.State) {
		v.ignoreBtn.Enable()
		v.postBtn.Enable()
	} else {
		v.ignoreBtn.Disable()
		v.postBtn.Disable()
	}
}

// toggle ticks or unticks a matched line for "Confirm matched".
func (v *bankView) toggle(e app.BankEntry) {
	if e.State != app.MatchFound {
		return
	}
	if v.checked[e.ID] {
		delete(v.checked, e.ID)
	} else {
		v.checked[e.ID] = true
	}
	v.updateCount()
	if !v.updating {
		v.table.Refresh()
	}
}

// reload fetches the stored lines.
func (v *bankView) reload() {
	if v.table == nil {
		return
	}
	pending := v.pendingOnly.Checked
	kit.Call(v.deps, kit.To{Win: v.win}, func(ctx context.Context) ([]app.BankEntry, error) {
		return v.deps.Services.Bank.BankEntries(ctx, pending)
	}, func(es []app.BankEntry) {
		v.entries = es
		live := map[string]bool{}
		for _, e := range es {
			if v.checked[e.ID] && e.State == app.MatchFound {
				live[e.ID] = true
			}
		}
		v.checked = live
		v.sel = -1
		v.table.UnselectAll()
		v.updateButtons()
		v.updateCount()
		v.table.Refresh()
	})
}

// updateCount says how many lines are shown, matched and ticked.
func (v *bankView) updateCount() {
	matched := 0
	for _, e := range v.entries {
		if e.State == app.MatchFound {
			matched++
		}
	}
	text := kit.Plural("bank.count", len(v.entries), "{{.n}} line, {{.matched}} matched", "{{.n}} lines, {{.matched}} matched", map[string]any{"matched": matched})
	if len(v.checked) > 0 {
		text += " · " + kit.Plural("sales.selected", len(v.checked), "{{.n}} selected", "{{.n}} selected", nil)
	}
	v.countText.SetText(text)
}

func (v *bankView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	v.updating = true
	defer func() { v.updating = false }()
	stack := o.(*fyne.Container)
	check, l := stack.Objects[0].(*widget.Check), stack.Objects[1].(*widget.Label)
	if id.Row >= len(v.entries) {
		check.Hide()
		l.SetText("")
		return
	}
	e := v.entries[id.Row]
	if id.Col == 0 {
		l.Hide()
		check.OnChanged = nil
		if e.State != app.MatchFound {
			check.Hide()
			return
		}
		check.Show()
		check.SetChecked(v.checked[e.ID])
		check.OnChanged = func(bool) { v.toggle(e) }
		return
	}
	check.Hide()
	l.Show()
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col == 2)
	l.Importance = widget.MediumImportance
	text := bankLineCell(e, id.Col)
	if id.Col == 6 {
		l.Importance = bankStateImportance(e.State)
	}
	l.SetText(text)
}

// bankLineCell is the text of column col (of bankColumns) for a line.
func bankLineCell(e app.BankEntry, col int) string {
	ln := e.Line
	switch col {
	case 1:
		return ln.Date.Format(kit.UILang)
	case 2:
		return ln.Amount.Format(kit.UILang)
	case 3:
		return ln.VariableSymbol
	case 4:
		return strings.Trim(ln.CounterAccount+" · "+ln.CounterName, " ·")
	case 5:
		return ln.Message
	case 6:
		return bankStateName(e.State)
	case 7:
		return bankProposal(e)
	}
	return ""
}

// bankProposal is the document a line pays or may pay.
func bankProposal(e app.BankEntry) string {
	switch e.State {
	case app.MatchAmbiguous:
		return lang.X("bank.candidates", "one of {{.numbers}}", map[string]any{"numbers": strings.Join(e.Candidates, ", ")})
	case app.MatchFound, app.MatchPosted:
		return strings.Trim(e.DocNumber+" · "+e.Party, " ·")
	}
	return ""
}

// bankStateName is the translated name of a match state.
func bankStateName(s app.BankMatchState) string {
	switch s {
	case app.MatchFound:
		return lang.X("bank.state.matched", "matched")
	case app.MatchNone:
		return lang.X("bank.state.unmatched", "unmatched")
	case app.MatchAmbiguous:
		return lang.X("bank.state.ambiguous", "ambiguous")
	case app.MatchImported:
		return lang.X("bank.state.imported", "already imported")
	case app.MatchPosted:
		return lang.X("bank.state.posted", "posted")
	case app.MatchIgnored:
		return lang.X("bank.state.ignored", "ignored")
	}
	return string(s)
}

// bankStateImportance colours a state: what needs a person stands out.
func bankStateImportance(s app.BankMatchState) widget.Importance {
	switch s {
	case app.MatchFound, app.MatchPosted:
		return widget.SuccessImportance
	case app.MatchAmbiguous, app.MatchNone:
		return widget.WarningImportance
	case app.MatchImported, app.MatchIgnored:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// confirmMatched posts the ticked matched lines, or every matched line when
// none is ticked, after a confirmation stating their count and totals.
func (v *bankView) confirmMatched() {
	var pairs []app.BankPairing
	in, out := map[string]int64{}, map[string]int64{}
	for _, e := range v.entries {
		if e.State != app.MatchFound || len(v.checked) > 0 && !v.checked[e.ID] {
			continue
		}
		pairs = append(pairs, app.BankPairing{EntryID: e.ID, Kind: e.Kind, DocID: e.DocID})
		if e.Line.Amount.Amount > 0 {
			in[e.Line.Amount.Currency] += e.Line.Amount.Amount
		} else {
			out[e.Line.Amount.Currency] -= e.Line.Amount.Amount
		}
	}
	if len(pairs) == 0 {
		dialog.ShowInformation(lang.X("bank.confirm_title", "Confirm matched payments"),
			lang.X("bank.nothing_matched", "No line is matched to a document. Pair the lines by hand or import a statement."), v.win)
		return
	}
	msg := kit.Plural("bank.confirm_text", len(pairs), "Post {{.n}} matched payment? Incoming {{.in}}, outgoing {{.out}}. It becomes a payment of its document.",
		"Post {{.n}} matched payments? Incoming {{.in}}, outgoing {{.out}}. Each becomes a payment of its document.",
		map[string]any{"in": moneyList(in, v.company.BaseCurrency), "out": moneyList(out, v.company.BaseCurrency)})
	dialog.ShowConfirm(lang.X("bank.confirm_title", "Confirm matched payments"), msg, func(ok bool) {
		if ok {
			v.post(pairs)
		}
	}, v.win)
}

// moneyList writes sums per currency: "12 100,00 Kč" or "0,00 Kč".
func moneyList(sums map[string]int64, base string) string {
	if len(sums) == 0 {
		return app.M(0, base).Format(kit.UILang)
	}
	var parts []string
	for _, cur := range app.Currencies() {
		if v, ok := sums[cur]; ok {
			parts = append(parts, app.M(v, cur).Format(kit.UILang))
		}
	}
	return strings.Join(parts, " + ")
}

// post confirms pairings (all or none) and reloads.
func (v *bankView) post(pairs []app.BankPairing) {
	kit.Call(v.deps, kit.To{Win: v.win}, func(ctx context.Context) ([]app.BankEntry, error) {
		return v.deps.Services.Bank.ConfirmBank(ctx, pairs)
	}, func(posted []app.BankEntry) {
		v.checked = map[string]bool{}
		v.reload()
		dialog.ShowInformation(lang.X("bank.posted_title", "Posted"),
			kit.Plural("bank.posted", len(posted), "{{.n}} payment is posted.", "{{.n}} payments are posted.", nil), v.win)
	})
}

// ignore sets a line aside after asking.
func (v *bankView) ignore(e app.BankEntry) {
	msg := lang.X("bank.ignore_confirm", "Set aside the line of {{.date}} for {{.amount}}? It will not be posted (bank fees, own transfers).",
		map[string]any{"date": e.Line.Date.Format(kit.UILang), "amount": e.Line.Amount.Format(kit.UILang)})
	dialog.ShowConfirm(lang.X("bank.ignore_title", "Ignore the line"), msg, func(ok bool) {
		if !ok {
			return
		}
		kit.Run(v.deps, kit.To{Win: v.win}, func(ctx context.Context) error {
			return v.deps.Services.Bank.IgnoreBankEntry(ctx, e.ID)
		}, v.reload)
	}, v.win)
}
