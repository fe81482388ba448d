package accounts

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// accountsScreen is the Accounts tab: the chart of accounts with balances for
// a year, the journal, and the locking of months.
type accountsScreen struct {
	deps    kit.Deps
	win     fyne.Window
	company app.Company

	year     int
	yearSel  *widget.Select
	balances []app.AccountBalance
	table    *widget.Table
	totals   *widget.Label
	journal  *journalView
	periods  *periodsView
	tabs     *container.AppTabs
	host     kit.Host
	ui       fyne.CanvasObject
	// refreshers reload the panes (AddPane) when the tab shows.
	refreshers []func()
}

// onRefresh has f run whenever the Accounts tab is refreshed (shown, or
// its Refresh pressed), so a pane never shows what another tab changed.
func (s *accountsScreen) onRefresh(f func()) { s.refreshers = append(s.refreshers, f) }

func newAccountsScreen(d kit.Deps, w fyne.Window, c app.Company) *accountsScreen {
	s := &accountsScreen{deps: d, win: w, company: c}
	s.year = app.Today(s.clock()).Year()
	s.journal = newJournalView(s)
	s.periods = newPeriodsView(s)
	return s
}

// balanceColumns are the columns of the balances table.
var balanceColumns = []kit.Column{
	{Key: "accounts.col.code", Fallback: "Account", Width: 80},
	{Key: "accounts.col.name", Fallback: "Name", Width: 380},
	{Key: "accounts.col.type", Fallback: "Type", Width: 110},
	{Key: "accounts.col.opening", Fallback: "Opening", Width: 140},
	{Key: "accounts.col.debit", Fallback: "Debit", Width: 140},
	{Key: "accounts.col.credit", Fallback: "Credit", Width: 140},
	{Key: "accounts.col.closing", Fallback: "Closing", Width: 140},
}

func (s *accountsScreen) buildUI() fyne.CanvasObject {
	years := []string{}
	for y := s.year - 4; y <= s.year+1; y++ {
		years = append(years, strconv.Itoa(y))
	}
	s.yearSel = widget.NewSelect(years, func(v string) {
		if y, err := strconv.Atoi(v); err == nil && y != s.year {
			s.year = y
			s.refresh()
		}
	})
	s.yearSel.SetSelected(strconv.Itoa(s.year))
	refresh := widget.NewButtonWithIcon(lang.X("action.refresh", "Refresh"), theme.ViewRefreshIcon(), s.refresh)

	s.table = kit.NewColumnTable(balanceColumns, func() int { return len(s.balances) }, s.updateCell, func(c int) bool { return c >= 3 })
	s.totals = widget.NewLabel("")

	top := container.NewHBox(widget.NewLabel(lang.X("accounts.year", "Year")), s.yearSel, refresh)
	chart := container.NewBorder(top, s.totals, nil, nil, s.table)
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(lang.X("accounts.tab.chart", "Chart of accounts"), theme.ListIcon(), chart),
		container.NewTabItemWithIcon(lang.X("accounts.tab.journal", "Journal"), theme.DocumentIcon(), s.journal.buildUI()),
		container.NewTabItemWithIcon(lang.X("accounts.tab.periods", "Periods"), theme.HistoryIcon(), s.periods.buildUI()),
	)
	s.tabs = tabs
	s.refresh()
	return tabs
}

func (s *accountsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col >= 3)
	if id.Row >= len(s.balances) {
		l.SetText("")
		return
	}
	b := s.balances[id.Row]
	cur := s.company.BaseCurrency
	text := ""
	switch id.Col {
	case 0:
		text = b.Account.Code
	case 1:
		text = b.Account.Name
	case 2:
		text = accountTypeName(b.Account.Type)
	case 3:
		text = kit.FormatAmount(b.Opening, cur)
	case 4:
		text = kit.FormatAmount(b.Debit, cur)
	case 5:
		text = kit.FormatAmount(b.Credit, cur)
	case 6:
		text = kit.FormatAmount(b.Closing(), cur)
	}
	l.SetText(text)
}

// refresh reloads the balances, the journal and the locked periods.
func (s *accountsScreen) refresh() {
	year := s.year
	kit.Call(s.deps, kit.To{Win: s.win}, func(ctx context.Context) ([]app.AccountBalance, error) {
		return s.deps.Services.Ledger.Balances(ctx, app.Month{Year: year, Month: 1}, app.Month{Year: year, Month: 12})
	}, func(bal []app.AccountBalance) {
		s.balances = bal
		var dr, cr int64
		for _, b := range bal {
			dr += b.Debit
			cr += b.Credit
		}
		cur := s.company.BaseCurrency
		s.totals.SetText(lang.X("accounts.totals", "{{.year}}: debit {{.debit}}, credit {{.credit}}",
			map[string]any{"year": year, "debit": kit.FormatMoney(dr, cur), "credit": kit.FormatMoney(cr, cur)}))
		s.table.Refresh()
	})
	s.journal.reload()
	s.periods.reload()
	for _, f := range s.refreshers {
		f()
	}
}

func (s *accountsScreen) clock() app.Clock { return s.deps.Clock() }

// accountTypeName returns the translated name of an account type.
func accountTypeName(t app.AccountType) string {
	switch t {
	case app.Asset:
		return lang.X("account.type.asset", "Asset")
	case app.Liability:
		return lang.X("account.type.liability", "Liability")
	case app.Equity:
		return lang.X("account.type.equity", "Equity")
	case app.Revenue:
		return lang.X("account.type.revenue", "Revenue")
	case app.Expense:
		return lang.X("account.type.expense", "Expense")
	case app.Closing:
		return lang.X("account.type.closing", "Closing")
	}
	return string(t)
}
