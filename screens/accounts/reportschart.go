package accounts

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// monthlyChart is the revenue vs. expenses per month chart of a year on the
// Reports pane: twelve months, two bars each, from the running balances.
type monthlyChart struct {
	parent  *accountsScreen
	year    int
	yearSel *widget.Select
	chart   *barChart
	gen     int
	revenue [12]int64
	expense [12]int64
}

func newMonthlyChart(s *accountsScreen) *monthlyChart {
	return &monthlyChart{parent: s, year: app.Today(s.clock()).Year()}
}

func (m *monthlyChart) buildUI() fyne.CanvasObject {
	var years []string
	for y := m.year - 4; y <= m.year+1; y++ {
		years = append(years, strconv.Itoa(y))
	}
	m.yearSel = widget.NewSelect(years, func(v string) {
		if y, err := strconv.Atoi(v); err == nil && y != m.year {
			m.year = y
			m.reload()
		}
	})
	m.yearSel.SetSelected(strconv.Itoa(m.year))
	m.chart = newBarChart(lang.X("reports.chart", "Revenue vs. expenses per month"), func(v int64) string {
		return compactMoney(v, m.parent.company.BaseCurrency)
	})
	bar := container.NewVBox(widget.NewLabel(lang.X("accounts.year", "Year")), m.yearSel)
	return container.NewBorder(nil, nil, nil, bar, m.chart)
}

// reload reads the twelve months of the chosen year off the UI thread.
func (m *monthlyChart) reload() {
	m.gen++
	gen, year, ledger, closer := m.gen, m.year, m.parent.deps.Services.Ledger, m.parent.deps.Services.Closer
	type months struct{ rev, exp [12]int64 }
	kit.Call(m.parent.deps, kit.To{Win: m.parent.win, Stale: func() bool { return gen != m.gen }}, func(ctx context.Context) (months, error) {
		rev, exp, err := monthlyResults(ctx, ledger, closer, year)
		return months{rev, exp}, err
	}, func(r months) {
		rev, exp := r.rev, r.exp
		m.revenue, m.expense = rev, exp
		labels := make([]string, 12)
		for i := range labels {
			labels[i] = monthShort(time.Month(i + 1))
		}
		colors := chartColors()
		m.chart.SetData(labels, []barSeries{
			{name: lang.X("reports.revenue", "Revenue"), color: colors[0], values: rev[:]},
			{name: lang.X("reports.expenses", "Expenses"), color: colors[1], values: exp[:]},
		})
	})
}

// monthlyResults sums each month's revenue (credit minus debit of revenue
// accounts) and expenses (debit minus credit of expense accounts): twelve
// reads of the running balances, never the journal. A year-end closing
// entry is left out, or December would show the whole year taken back.
func monthlyResults(ctx context.Context, ledger app.LedgerService, closer app.YearCloser, year int) (rev, exp [12]int64, err error) {
	var closings []app.Entry
	if closer != nil {
		if closings, err = closer.YearClosings(ctx); err != nil {
			return rev, exp, err
		}
	}
	for i := range 12 {
		mo := app.Month{Year: year, Month: time.Month(i + 1)}
		bals, err := ledger.Balances(ctx, mo, mo)
		if err != nil {
			return rev, exp, err
		}
		bals = app.WithoutEntries(bals, closings, mo.First(), mo.Last())
		for _, b := range bals {
			switch b.Account.Type {
			case app.Revenue:
				rev[i] += b.Credit - b.Debit
			case app.Expense:
				exp[i] += b.Debit - b.Credit
			}
		}
	}
	return rev, exp, nil
}

// monthShort is a month's short name in the UI language.
func monthShort(m time.Month) string {
	return lang.X("month.short."+strconv.Itoa(int(m)), m.String()[:3])
}

// compactMoney writes an amount in whole thousands ("12k", "12 tis.") for the
// bars of a chart, whole units below a thousand.
func compactMoney(minor int64, currency string) string {
	units := minor
	for range app.MinorDigits(currency) {
		units /= 10
	}
	if units > -1000 && units < 1000 {
		return app.FormatMinor(units, 0, kit.UILang)
	}
	k := (units + 500) / 1000
	if units < 0 {
		k = (units - 500) / 1000
	}
	return lang.X("chart.thousands", "{{.n}}k", map[string]any{"n": app.FormatMinor(k, 0, kit.UILang)})
}
