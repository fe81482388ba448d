package app

// The journal entry of an approved pay run (part A, A5 of
// shared/CZECH-PAYROLL-WAREHOUSE-AFTERSALES.md; [docplayer-mzdy]), the
// Czech chart's accounts in brackets, each amount summed over the run:
//
//	gross wages                          Dr 521  Cr 331
//	employee's social + health           Dr 331  Cr 336
//	tax advance and withholding          Dr 331  Cr 342
//	employer's social + health           Dr 524  Cr 336
//	child bonus (paid out with the wage) Dr 342  Cr 331
//	refund of a tax reconciliation       Dr 342  Cr 331
//
// What stays on 331 is the net pay plus the deductions: both leave it when
// the bank pays the employee and the deduction's payee. The remittances
// (336 and 342 to the insurers and the tax office) are the bank's postings.

// PayrollEntry builds the entry of payslips (one month's run) dated date,
// with acc the chart's posting accounts and number the run's number for
// the memo. It refuses an empty run and payslips of different months.
func PayrollEntry(payslips []Payslip, date Date, number string, acc PostingAccounts) (*Entry, error) {
	if len(payslips) == 0 {
		return nil, Invalid("payrun.payslips", "err.payroll.empty_run", "the pay run has no payslips", nil)
	}
	month := payslips[0].Month
	var gross, empIns, tax, erIns, bonus int64
	for _, p := range payslips {
		if p.Month != month {
			return nil, Invalid("payrun.payslips", "err.payroll.mixed_months", "the payslips of one pay run must be of one month", nil)
		}
		gross += p.Gross
		empIns += p.SocialEmployee + p.HealthEmployee
		tax += p.TaxAdvance + p.Withholding
		erIns += p.SocialEmployer + p.HealthEmployer
		bonus += p.ChildBonus + p.TaxRefund
	}
	// Added in this order so the lines read 521, 524, 331, 342 on the
	// debit side and 331, 336, 342 on the credit side.
	var b entryBuilder
	b.add(acc.Wages, gross)
	b.add(acc.SocialCosts, erIns)
	b.add(acc.Employees, -gross)
	b.add(acc.SocialInsurance, -erIns)
	b.add(acc.Employees, empIns)
	b.add(acc.SocialInsurance, -empIns)
	b.add(acc.Employees, tax)
	b.add(acc.WageTax, -tax)
	b.add(acc.WageTax, bonus)
	b.add(acc.Employees, -bonus)
	lines := b.lines()
	if len(lines) == 0 {
		return nil, nil // a run of zero pay moves nothing
	}
	e := Entry{Date: date, Source: "payrun:" + number, Lines: lines}
	e.SetMemo(MemoPayRun(number, month))
	e.CutMemos()
	if err := e.Validate(); err != nil {
		return nil, Internal("building the posting of pay run "+number, err)
	}
	return &e, nil
}

// MemoPayRun is the memo of a pay run's posting: "Mzdy 11/2026 (MZ2026-11)".
func MemoPayRun(number string, m Month) Memo {
	return memo("memo.payrun", "Mzdy {{.month}} ({{.number}})", AuditArgs{"month": AText(m.Format()), "number": AText(number)})
}
