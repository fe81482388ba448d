package app

import (
	"context"
	"strings"
)

// BuildReport gathers what a report needs from the services and lays it out
// in t's language (English for nil) for the period [from, to]; account is the
// account of the general ledger (ReportLedger), ignored otherwise.
//
// A zero from is the beginning of the books and a zero to is today
// (svc.Clock). The balance sheet and the agings are as of to; the balance
// sheet reads the balances from the first day of to's year, so its current
// result is the year's. Amounts are in the company's base currency,
// formatted for the language ("1 234,50" / "1,234.50"), dates likewise.
func BuildReport(ctx context.Context, svc Services, kind ReportKind, from, to Date, account string, t Translator) (ReportTable, error) {
	if err := ValidatePeriod(from, to); err != nil {
		return ReportTable{}, err
	}
	b, err := newReportBuilder(ctx, svc, kind, from, to, t)
	if err != nil {
		return ReportTable{}, err
	}
	switch kind {
	case ReportTrialBalance:
		err = b.trialBalance()
	case ReportProfitLoss:
		err = b.profitLoss()
	case ReportBalanceSheet:
		err = b.balanceSheet()
	case ReportLedger:
		err = b.ledger(strings.TrimSpace(account))
	case ReportCashBook:
		err = b.ledger(b.company.Chart.Posting().Cash)
	case ReportBankBook:
		err = b.ledger(b.company.Chart.Posting().Bank)
	case ReportVAT:
		err = b.vatReturn()
	case ReportVATControl:
		err = b.vatControl()
	case ReportEUSales:
		err = b.euSales()
	case ReportAging:
		err = b.receivablesAging()
	case ReportPayablesAging:
		err = b.payablesAging()
	default:
		return ReportTable{}, Invalid("report.kind", "err.report.unknown", "unknown report {{.value}}", map[string]any{"value": string(kind)})
	}
	if err != nil {
		return ReportTable{}, err
	}
	return b.r, nil
}

// reportBuilder carries what every report needs while one is laid out.
type reportBuilder struct {
	ctx      context.Context
	svc      Services
	t        Translator
	lang     Lang
	company  Company
	base     string
	digits   int
	from, to Date // to is never zero
	r        ReportTable
}

// reportPage is how many rows one paged service call returns while a report
// is gathered.
const reportPage = 1000

func newReportBuilder(ctx context.Context, svc Services, kind ReportKind, from, to Date, t Translator) (*reportBuilder, error) {
	b := &reportBuilder{ctx: ctx, svc: svc, t: t, lang: English, from: from, to: to}
	if l, ok := t.(interface{ Lang() Lang }); ok && l.Lang().Valid() {
		b.lang = l.Lang()
	}
	c, err := svc.Company.Company(ctx)
	if err != nil {
		return nil, err
	}
	b.company = c
	b.base = c.BaseCurrency
	if b.base == "" {
		b.base = "CZK"
	}
	b.digits = MinorDigits(b.base)
	if b.to.IsZero() {
		b.to = b.today()
		if !b.from.IsZero() && b.to.Before(b.from) {
			return nil, Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
		}
	}
	b.r = ReportTable{Kind: kind, Lang: b.lang, From: from, To: b.to, Period: b.period(from, b.to)}
	return b, nil
}

// tr translates key, English fallback for a nil translator.
func (b *reportBuilder) tr(key, fallback string, args map[string]any) string {
	if b.t == nil {
		return renderTemplate(fallback, args)
	}
	return b.t.Translate(key, fallback, args)
}

// amount formats base-currency minor units without the symbol.
func (b *reportBuilder) amount(v int64) string { return FormatMinor(v, b.digits, b.lang) }

func (b *reportBuilder) date(d Date) string { return d.Format(b.lang) }

// period is "1. 1. 2026 – 31. 3. 2026", or "until …" for an open start.
func (b *reportBuilder) period(from, to Date) string {
	if from.IsZero() {
		return b.tr("report.period.until", "until {{.date}}", map[string]any{"date": b.date(to)})
	}
	return b.date(from) + " – " + b.date(to)
}

func (b *reportBuilder) asOf(d Date) string {
	return b.tr("report.period.as_of", "as of {{.date}}", map[string]any{"date": b.date(d)})
}

func (b *reportBuilder) col(key, fallback string, numeric bool, weight float64) ReportColumn {
	return ReportColumn{Title: b.tr(key, fallback, nil), Numeric: numeric, Weight: weight}
}

func (b *reportBuilder) row(cells ...string) { b.r.Rows = append(b.r.Rows, ReportRow{Cells: cells}) }

func (b *reportBuilder) total(cells ...string) {
	b.r.Rows = append(b.r.Rows, ReportRow{Cells: cells, Total: true})
}

func (b *reportBuilder) heading(text string) {
	b.r.Rows = append(b.r.Rows, ReportRow{Cells: []string{text}, Heading: true})
}

func (b *reportBuilder) note(text string) { b.r.Notes = append(b.r.Notes, text) }

func (b *reportBuilder) amountsNote() {
	b.note(b.tr("report.note.amounts_in", "Amounts in {{.currency}}", map[string]any{"currency": b.base}))
}

func (b *reportBuilder) title(kind ReportKind) {
	switch kind {
	case ReportTrialBalance:
		b.r.Title = b.tr("report.title.trial_balance", "Trial balance", nil)
	case ReportProfitLoss:
		b.r.Title = b.tr("report.title.profit_loss", "Profit and loss statement", nil)
	case ReportBalanceSheet:
		b.r.Title = b.tr("report.title.balance_sheet", "Balance sheet", nil)
	case ReportVAT:
		b.r.Title = b.tr("report.title.vat", "VAT return", nil)
	case ReportAging:
		b.r.Title = b.tr("report.title.aging", "Receivables aging", nil)
	case ReportPayablesAging:
		b.r.Title = b.tr("report.title.payables_aging", "Payables aging", nil)
	}
}

// trialBalance: every account with a balance or a movement, its opening
// balance, the period's debit and credit turnovers and its closing balance.
func (b *reportBuilder) trialBalance() error {
	bals, err := b.svc.Reports.BalancesBetween(b.ctx, b.from, b.to)
	if err != nil {
		return err
	}
	b.title(ReportTrialBalance)
	b.r.Columns = []ReportColumn{
		b.col("report.col.account", "Account", false, 0.7),
		b.col("report.col.account_name", "Account name", false, 2.6),
		b.col("report.col.opening", "Opening balance", true, 1.2),
		b.col("report.col.debit", "Debit turnover", true, 1.2),
		b.col("report.col.credit", "Credit turnover", true, 1.2),
		b.col("report.col.closing", "Closing balance", true, 1.2),
	}
	rows, tot := TrialBalance(bals)
	for _, r := range rows {
		b.row(r.Account.Code, r.Account.Name, b.amount(r.Opening), b.amount(r.Debit), b.amount(r.Credit), b.amount(r.Closing))
	}
	b.total("", b.tr("report.row.total", "Total", nil), b.amount(tot.Opening), b.amount(tot.Debit), b.amount(tot.Credit), b.amount(tot.Closing))
	if tot.Debit == tot.Credit {
		b.note(b.tr("report.note.tb_balanced", "Debit turnover equals credit turnover.", nil))
	} else {
		b.note(b.tr("report.note.tb_unbalanced", "Debit and credit turnovers differ by {{.diff}}.", map[string]any{"diff": b.amount(abs64(tot.Debit - tot.Credit))}))
	}
	b.note(b.tr("report.note.balances_sign", "Balances are debit minus credit.", nil))
	b.amountsNote()
	return nil
}

// amountColumns are the columns of the statements: account, name, amount.
func (b *reportBuilder) amountColumns() []ReportColumn {
	return []ReportColumn{
		b.col("report.col.account", "Account", false, 0.7),
		b.col("report.col.account_name", "Account name", false, 3.5),
		b.col("report.col.amount", "Amount", true, 1.4),
	}
}

func (b *reportBuilder) profitLoss() error {
	bals, err := b.svc.Reports.BalancesBetween(b.ctx, b.from, b.to)
	if err != nil {
		return err
	}
	if bals, err = b.withoutClosings(bals, b.from, b.to); err != nil {
		return err
	}
	b.title(ReportProfitLoss)
	b.r.Columns = b.amountColumns()
	pl := ProfitAndLoss(bals)
	b.heading(b.tr("report.pl.revenue", "Revenue", nil))
	for _, r := range pl.Revenue {
		b.row(r.Account.Code, r.Account.Name, b.amount(r.Amount()))
	}
	b.total("", b.tr("report.pl.total_revenue", "Total revenue", nil), b.amount(pl.TotalRevenue))
	b.heading(b.tr("report.pl.expenses", "Expenses", nil))
	for _, r := range pl.Expenses {
		b.row(r.Account.Code, r.Account.Name, b.amount(r.Amount()))
	}
	b.total("", b.tr("report.pl.total_expenses", "Total expenses", nil), b.amount(pl.TotalExpenses))
	b.total("", b.tr("report.pl.result", "Result (profit +, loss −)", nil), b.amount(pl.Result))
	b.amountsNote()
	return nil
}

// balanceSheet is as of to, from the balances of to's fiscal year so far.
func (b *reportBuilder) balanceSheet() error {
	start := FiscalYearStart(b.to)
	bals, err := b.svc.Reports.BalancesBetween(b.ctx, start, b.to)
	if err != nil {
		return err
	}
	if bals, err = b.withoutClosings(bals, start, b.to); err != nil {
		return err
	}
	b.title(ReportBalanceSheet)
	b.r.From, b.r.Period = start, b.asOf(b.to)
	b.r.Columns = b.amountColumns()
	s := BalanceSheetOf(bals)
	section := func(head, totalKey, totalFallback string, rows []TrialBalanceRow, total int64) {
		b.heading(head)
		for _, r := range rows {
			b.row(r.Account.Code, r.Account.Name, b.amount(r.Amount()))
		}
		if totalKey != "" {
			b.total("", b.tr(totalKey, totalFallback, nil), b.amount(total))
		}
	}
	section(b.tr("report.bs.assets", "Assets", nil), "report.bs.total_assets", "Total assets", s.Assets, s.TotalAssets)
	section(b.tr("report.bs.equity", "Equity", nil), "", "", s.Equity, 0)
	if s.PriorResult != 0 {
		b.row("", b.tr("report.bs.prior_result", "Result of previous years not yet closed", nil), b.amount(s.PriorResult))
	}
	b.row("", b.tr("report.bs.result", "Result of the current year", nil), b.amount(s.Result))
	equity := s.TotalEquity + s.PriorResult + s.Result
	b.total("", b.tr("report.bs.total_equity", "Total equity", nil), b.amount(equity))
	section(b.tr("report.bs.liabilities", "Liabilities", nil), "report.bs.total_liabilities", "Total liabilities", s.Liabilities, s.TotalLiabilities)
	b.total("", b.tr("report.bs.total_sources", "Total equity and liabilities", nil), b.amount(equity+s.TotalLiabilities))
	if s.Balanced() {
		b.note(b.tr("report.note.bs_balanced", "Balanced: assets = equity + liabilities.", nil))
	} else {
		diff := s.TotalAssets - equity - s.TotalLiabilities
		b.note(b.tr("report.note.bs_unbalanced", "Not balanced: assets and equity + liabilities differ by {{.diff}}.", map[string]any{"diff": b.amount(abs64(diff))}))
	}
	b.note(b.tr("report.note.bs_year", "The current year's result is from {{.from}} to {{.to}}.", map[string]any{"from": b.date(start), "to": b.date(b.to)}))
	b.amountsNote()
	return nil
}

// ledger is the general ledger of one account: the opening balance, every
// journal line of the period with the running balance, the turnovers and the
// closing balance. The cash and bank books are the ledger of the cash or
// bank account, with receipts and payments for debit and credit.
func (b *reportBuilder) ledger(code string) error {
	if code == "" {
		return Invalid("report.account", "err.required", "is required", nil)
	}
	accounts, err := b.svc.Ledger.Accounts(b.ctx)
	if err != nil {
		return err
	}
	var acc Account
	found := false
	for _, a := range accounts {
		if a.Code == code {
			acc, found = a, true
			break
		}
	}
	if !found {
		return Invalid("report.account", "err.report.account_unknown", "there is no account {{.value}} in the chart of accounts", map[string]any{"value": code})
	}
	var opening int64
	if !b.from.IsZero() {
		bals, err := b.svc.Reports.BalancesBetween(b.ctx, b.from, b.to)
		if err != nil {
			return err
		}
		for _, bal := range bals {
			if bal.Account.Code == code {
				opening = bal.Opening
				break
			}
		}
	}
	args := map[string]any{"code": acc.Code, "name": acc.Name}
	dr, cr := b.col("report.col.receipts", "Receipts", true, 1.2), b.col("report.col.payments", "Payments", true, 1.2)
	switch b.r.Kind {
	case ReportCashBook:
		b.r.Title = b.tr("report.title.cash_book", "Cash book – {{.code}} {{.name}}", args)
	case ReportBankBook:
		b.r.Title = b.tr("report.title.bank_book", "Bank book – {{.code}} {{.name}}", args)
	default:
		b.r.Title = b.tr("report.title.ledger", "General ledger – account {{.code}} {{.name}}", args)
		dr, cr = b.col("report.col.ledger_debit", "Debit", true, 1.2), b.col("report.col.ledger_credit", "Credit", true, 1.2)
	}
	b.r.Columns = []ReportColumn{
		b.col("report.col.date", "Date", false, 0.9),
		b.col("report.col.entry", "Entry", false, 1),
		b.col("report.col.memo", "Description", false, 3),
		dr, cr,
		b.col("report.col.balance", "Balance", true, 1.3),
	}
	b.total(b.date(b.from), "", b.tr("report.row.opening", "Opening balance", nil), "", "", b.amount(opening))
	f := JournalFilter{From: b.from, To: b.to, Account: code}
	bal := opening
	var debit, credit int64
	for offset := 0; ; offset += reportPage {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		lines, err := b.svc.Ledger.JournalPage(b.ctx, f, offset, reportPage)
		if err != nil {
			return err
		}
		for _, jl := range lines {
			if jl.Line.Account != code {
				continue
			}
			memo := jl.Line.Memo
			if memo == "" {
				memo = jl.Memo
			}
			bal += jl.Line.Debit - jl.Line.Credit
			debit += jl.Line.Debit
			credit += jl.Line.Credit
			b.row(b.date(jl.Date), jl.Number, memo, b.nonZero(jl.Line.Debit), b.nonZero(jl.Line.Credit), b.amount(bal))
		}
		if len(lines) < reportPage {
			break
		}
	}
	b.total("", "", b.tr("report.row.turnover", "Turnover of the period", nil), b.amount(debit), b.amount(credit), "")
	b.total(b.date(b.to), "", b.tr("report.row.closing", "Closing balance", nil), "", "", b.amount(bal))
	b.note(b.tr("report.note.balances_sign", "Balances are debit minus credit.", nil))
	b.amountsNote()
	return nil
}

// nonZero formats an amount, blank for zero (a ledger line is on one side).
func (b *reportBuilder) nonZero(v int64) string {
	if v == 0 {
		return ""
	}
	return b.amount(v)
}

// agingColumns are the party column, the five buckets and the total.
func (b *reportBuilder) agingColumns(partyKey, partyFallback string) []ReportColumn {
	return []ReportColumn{
		b.col(partyKey, partyFallback, false, 3),
		b.col("report.col.not_due", "Not yet due", true, 1.2),
		b.col("report.col.overdue_1_30", "1–30 days", true, 1.2),
		b.col("report.col.overdue_31_60", "31–60 days", true, 1.2),
		b.col("report.col.overdue_61_90", "61–90 days", true, 1.2),
		b.col("report.col.overdue_90", "Over 90 days", true, 1.2),
		b.col("report.col.total", "Total", true, 1.3),
	}
}

func (b *reportBuilder) agingRows(rows []AgingRow) {
	for _, r := range rows {
		cells := []string{r.Customer}
		for _, v := range r.Buckets {
			cells = append(cells, b.amount(v))
		}
		b.row(append(cells, b.amount(r.Total))...)
	}
	tot := AgingTotals(rows)
	cells := []string{b.tr("report.row.total", "Total", nil)}
	var sum int64
	for _, v := range tot {
		cells = append(cells, b.amount(v))
		sum += v
	}
	b.total(append(cells, b.amount(sum))...)
	b.note(b.tr("report.note.aging", "Open amounts by days past their due date on {{.date}}.", map[string]any{"date": b.date(b.to)}))
	b.amountsNote()
}

func (b *reportBuilder) receivablesAging() error {
	docs, err := ReceivablesAsOf(b.ctx, b.svc.Sales, b.to, b.today())
	if err != nil {
		return err
	}
	b.title(ReportAging)
	b.r.Period = b.asOf(b.to)
	b.r.Columns = b.agingColumns("report.col.customer", "Customer")
	b.agingRows(AgeReceivables(docs, b.to))
	return nil
}

func (b *reportBuilder) payablesAging() error {
	ps, err := PayablesAsOf(b.ctx, b.svc.Payables, b.to, b.today())
	if err != nil {
		return err
	}
	b.title(ReportPayablesAging)
	b.r.Period = b.asOf(b.to)
	b.r.Columns = b.agingColumns("report.col.supplier", "Supplier")
	b.agingRows(AgePayables(ps, b.to))
	return nil
}

// today is the day of the services' clock.
func (b *reportBuilder) today() Date {
	return DateOf(b.svc.Clock.Now())
}

// withoutClosings leaves the year-end closing entries dated within [from, to]
// out of the period's turnovers: the P&L of a closed year shows its revenue
// and expenses, and its balance sheet the year's result as the result, not
// on 431 a second time. Closings before from stay in the openings.
func (b *reportBuilder) withoutClosings(bals []AccountBalance, from, to Date) ([]AccountBalance, error) {
	closings, err := b.svc.Closer.YearClosings(b.ctx)
	if err != nil || len(closings) == 0 {
		return bals, err
	}
	return WithoutEntries(bals, closings, from, to), nil
}
