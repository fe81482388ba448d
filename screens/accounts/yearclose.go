package accounts

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// yearCloseView is the year-end closing (roční uzávěrka) section of the
// Periods pane: it closes a year's revenue and expense accounts into the
// result account, lists the closed years and reopens the last of them.
type yearCloseView struct {
	parent   *accountsScreen
	closings []app.Entry

	yearSel   *widget.Select
	closeBtn  *widget.Button
	reopenBtn *widget.Button
	actions   *fyne.Container // the year select and the buttons
	closed    *fyne.Container // one label per closed year
}

func newYearCloseView(p *accountsScreen) *yearCloseView { return &yearCloseView{parent: p} }

// enabled reports whether the section does anything: a closer is wired in.

// mayClose reports whether the user may close and reopen years.
func (v *yearCloseView) mayClose() bool { return v.parent.deps.Can(app.PermLedgerPost) }

func (v *yearCloseView) buildUI() fyne.CanvasObject {
	body := container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.X("yearclose.title", "Year-end closing"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.closed = container.NewVBox()
	if v.mayClose() {
		this := app.Today(v.parent.clock()).Year()
		var years []string
		for y := this - 3; y <= this; y++ {
			years = append(years, strconv.Itoa(y))
		}
		v.yearSel = widget.NewSelect(years, nil)
		v.yearSel.SetSelected(strconv.Itoa(this - 1))
		v.closeBtn = widget.NewButtonWithIcon(lang.X("yearclose.close", "Close the year…"), theme.ConfirmIcon(), v.confirmClose)
		v.reopenBtn = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), v.confirmReopen)
		v.reopenBtn.Hide()
		v.actions = container.NewHBox(widget.NewLabel(lang.X("accounts.year", "Year")), v.yearSel, v.closeBtn, v.reopenBtn)
		body.Add(v.actions)
	} else {
		body.Add(kit.Unavailable(lang.X("yearclose.denied", "Your role does not include year-end closing.")))
	}
	hint := widget.NewLabel(lang.X("yearclose.hint", "Closing posts one entry dated 31 December that moves the year's revenues and expenses to the result account; only the last closed year can be reopened."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	body.Add(hint)
	body.Add(v.closed)
	v.showClosings()
	return body
}

// selectedYear is the year chosen in the select, 0 if none.
func (v *yearCloseView) selectedYear() int {
	y, _ := strconv.Atoi(v.yearSel.Selected)
	return y
}

// resultAccount is the company's result account (431 in the Czech chart).
func (v *yearCloseView) resultAccount() string {
	return v.parent.company.Chart.Posting().ProfitLoss
}

// confirmClose explains what closing does and asks before doing it.
func (v *yearCloseView) confirmClose() {
	year := v.selectedYear()
	if year == 0 {
		return
	}
	msg := lang.X("yearclose.close_confirm", "The revenues and expenses of {{.year}} will be closed to account {{.account}} as of {{.date}}; December must be unlocked. Continue?",
		map[string]any{"year": year, "account": v.resultAccount(), "date": app.D(year, time.December, 31).Format(kit.UILang)})
	dialog.ShowConfirm(lang.X("yearclose.close_title", "Close the year"), msg, func(ok bool) {
		if ok {
			v.run(year, false)
		}
	}, v.parent.win)
}

// confirmReopen asks before reopening the last closed year.
func (v *yearCloseView) confirmReopen() {
	year, ok := v.lastClosed()
	if !ok {
		return
	}
	msg := lang.X("yearclose.reopen_confirm", "Reopen {{.year}}? Its closing entry is reversed, so the year can be changed and closed again.", map[string]any{"year": year})
	dialog.ShowConfirm(lang.X("yearclose.reopen_title", "Reopen the year"), msg, func(ok bool) {
		if ok {
			v.run(year, true)
		}
	}, v.parent.win)
}

// run closes (or reopens) year in the background, reports the entry posted
// and refreshes the Accounts tab, whose balances it changed.
func (v *yearCloseView) run(year int, reopen bool) {
	closer := v.parent.deps.Services.Closer
	kit.Call(v.parent.deps, kit.To{Err: func(err error) {
		kit.ShowError(err, v.parent.win)
		v.reload()
	}}, func(ctx context.Context) (app.Entry, error) {
		if reopen {
			return closer.ReopenYear(ctx, year)
		}
		return closer.CloseYear(ctx, year)
	}, func(e app.Entry) {
		v.showResult(year, e, reopen)
		v.parent.refresh()
	})
}

// showResult tells what the closing (or its reversal) posted.
func (v *yearCloseView) showResult(year int, e app.Entry, reopen bool) {
	args := map[string]any{"year": year, "number": e.Number, "result": v.resultText(e, reopen), "account": v.resultAccount()}
	title := lang.X("yearclose.closed_title", "Year closed")
	msg := lang.X("yearclose.closed", "{{.year}} is closed by entry {{.number}}. Result: {{.result}} (account {{.account}}).", args)
	if reopen {
		title = lang.X("yearclose.reopened_title", "Year reopened")
		msg = lang.X("yearclose.reopened", "{{.year}} is reopened: entry {{.number}} reverses its closing ({{.result}}, account {{.account}}).", args)
	}
	dialog.ShowInformation(title, msg, v.parent.win)
}

// resultText is the result the entry moves to the result account: a credit
// is a profit, a debit a loss (the other way round for a reversal).
func (v *yearCloseView) resultText(e app.Entry, reversal bool) string {
	var net int64 // credit minus debit on the result account
	for _, l := range e.Lines {
		if l.Account == v.resultAccount() {
			net += l.Credit - l.Debit
		}
	}
	if reversal {
		net = -net
	}
	cur := v.parent.company.BaseCurrency
	switch {
	case net > 0:
		return lang.X("yearclose.profit", "profit {{.amount}}", map[string]any{"amount": kit.FormatMoney(net, cur)})
	case net < 0:
		return lang.X("yearclose.loss", "loss {{.amount}}", map[string]any{"amount": kit.FormatMoney(-net, cur)})
	}
	return lang.X("yearclose.zero", "no profit or loss")
}

// lastClosed is the latest closed year.
func (v *yearCloseView) lastClosed() (int, bool) {
	if len(v.closings) == 0 {
		return 0, false
	}
	return v.closings[len(v.closings)-1].Date.Year(), true
}

// reload fetches the closed years.
func (v *yearCloseView) reload() {
	if v.closed == nil {
		return
	}
	kit.Call(v.parent.deps, kit.To{Win: v.parent.win}, v.parent.deps.Services.Closer.YearClosings, func(es []app.Entry) {
		v.closings = es
		v.showClosings()
	})
}

// showClosings lists the closed years and offers to reopen the last.
func (v *yearCloseView) showClosings() {
	v.closed.RemoveAll()
	if len(v.closings) == 0 {
		v.closed.Add(widget.NewLabel(lang.X("yearclose.none", "No year has been closed yet.")))
	}
	for _, e := range v.closings {
		v.closed.Add(widget.NewLabel(lang.X("yearclose.row", "{{.year}} closed: entry {{.number}}, {{.result}}",
			map[string]any{"year": e.Date.Year(), "number": e.Number, "result": v.resultText(e, false)})))
	}
	v.closed.Refresh()
	if v.reopenBtn == nil {
		return
	}
	if year, ok := v.lastClosed(); ok {
		v.reopenBtn.SetText(lang.X("yearclose.reopen", "Reopen {{.year}}…", map[string]any{"year": year}))
		v.reopenBtn.Show()
	} else {
		v.reopenBtn.Hide()
	}
	v.actions.Refresh() // lays the row out again around the shown or hidden button
}
