package app

import "strconv"

// The VAT reports of the Accounts tab: the return laid out by its rows, the
// control statement by its sections and the EU sales list, each a
// ReportTable for the screen, the PDF and the CSV.

// vatRowNames are the English names of the rows of the return.
var vatRowNames = map[int]string{
	1:  "Domestic supplies of goods and services – standard rate",
	2:  "Domestic supplies of goods and services – reduced rate",
	3:  "Goods acquired from another member state – standard rate",
	4:  "Goods acquired from another member state – reduced rate",
	5:  "Services received from a business in another member state (§9(1)) – standard rate",
	6:  "Services received from a business in another member state (§9(1)) – reduced rate",
	7:  "Import of goods, tax declared by the payer (§23) – standard rate",
	8:  "Import of goods, tax declared by the payer (§23) – reduced rate",
	10: "Supplies received in domestic reverse charge (§92a) – standard rate",
	11: "Supplies received in domestic reverse charge (§92a) – reduced rate",
	12: "Other supplies received on which the recipient declares the tax – standard rate",
	13: "Other supplies received on which the recipient declares the tax – reduced rate",
	20: "Goods supplied to another member state (§64)",
	21: "Services supplied with the place of supply in another member state (§9(1))",
	22: "Export of goods (§66)",
	25: "Supplies in domestic reverse charge (§92a), as the supplier",
	26: "Other supplies with the right to deduct (place of supply abroad)",
	40: "Taxable supplies received from domestic payers – standard rate",
	41: "Taxable supplies received from domestic payers – reduced rate",
	42: "Import of goods, tax assessed by the customs office",
	43: "Acquisitions, services received and imports (rows 3–13) – standard rate",
	44: "Acquisitions, services received and imports (rows 3–13) – reduced rate",
	46: "Deductions in total",
	50: "Exempt supplies without the right to deduct",
	62: "Output tax",
	63: "Deductions",
	64: "Tax due",
	65: "Excess deduction",
}

// vatRowLabel is the translated name of a row of the return.
func (b *reportBuilder) vatRowLabel(n int) string {
	return b.tr("vat.row."+strconv.Itoa(n), vatRowNames[n], nil)
}

// wholeAmount formats whole koruny.
func (b *reportBuilder) wholeAmount(v int64) string { return FormatMinor(v, 0, b.lang) }

// vatReturn lays the return out by its rows: the tax base and tax in
// haléře as the postings add up, and the whole koruny the return states;
// then the result and the reconciliation with the VAT account.
func (b *reportBuilder) vatReturn() error {
	f, err := LoadVATFilings(b.ctx, b.svc, b.from, b.to)
	if err != nil {
		return err
	}
	r := f.Return
	b.title(ReportVAT)
	b.r.Columns = []ReportColumn{
		b.col("report.col.vat_row", "Row", false, 0.4),
		b.col("report.col.description", "Description", false, 3.4),
		b.col("report.col.tax_base", "Tax base", true, 1.3),
		b.col("report.col.vat", "VAT", true, 1.2),
		b.col("report.col.base_whole", "Base in the return", true, 1.6),
		b.col("report.col.vat_whole", "VAT in the return", true, 1.6),
	}
	line := func(n int, withTax bool) {
		a, w := r.Row(n), r.Whole(n)
		if withTax {
			b.row(strconv.Itoa(n), b.vatRowLabel(n), b.amount(a.Base), b.amount(a.VAT), b.wholeAmount(w.Base), b.wholeAmount(w.VAT))
		} else {
			b.row(strconv.Itoa(n), b.vatRowLabel(n), b.amount(a.Base), "", b.wholeAmount(w.Base), "")
		}
	}
	res := r.Result()
	b.heading(b.tr("report.vat.section1", "I. Taxable supplies – output tax", nil))
	for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13} {
		line(n, true)
	}
	b.heading(b.tr("report.vat.section2", "II. Supplies without tax, with the right to deduct", nil))
	for _, n := range []int{20, 21, 22, 25, 26} {
		line(n, false)
	}
	b.heading(b.tr("report.vat.section4", "IV. Deductions", nil))
	for _, n := range []int{40, 41, 42, 43, 44} {
		line(n, true)
	}
	b.total("46", b.vatRowLabel(46), "", b.amount(r.Deductions()), "", b.wholeAmount(res.R46))
	b.heading(b.tr("report.vat.section5", "V. Exempt supplies", nil))
	line(50, false)
	b.heading(b.tr("report.vat.section6", "VI. Result", nil))
	b.total("62", b.vatRowLabel(62), "", b.amount(r.Output()), "", b.wholeAmount(res.R62))
	b.total("63", b.vatRowLabel(63), "", b.amount(r.Deductions()), "", b.wholeAmount(res.R63))
	if res.R65 > 0 {
		b.total("65", b.vatRowLabel(65), "", b.amount(-r.Net()), "", b.wholeAmount(res.R65))
	} else {
		b.total("64", b.vatRowLabel(64), "", b.amount(r.Net()), "", b.wholeAmount(res.R64))
	}
	if err := b.vatReconciliation(f); err != nil {
		return err
	}
	b.note(b.tr("report.note.vat_rows", "Postings are counted by their date of taxable supply (DUZP). The return states whole koruny: each row is rounded half away from zero, and rows 46 and 62–65 add up the rounded rows.", nil))
	if !f.Company.VATPayer {
		b.note(b.tr("report.note.vat_not_payer", "The company is not a VAT payer: it files no VAT return.", nil))
	}
	b.amountsNote()
	return nil
}

// vatReconciliation compares the return with the VAT account: output tax
// minus deductions, in haléře, must equal what was credited to the account
// less what was debited, leaving out the settlements with the tax office.
func (b *reportBuilder) vatReconciliation(f VATFilings) error {
	r := f.Return
	acct := f.Company.Chart.Posting().VAT
	b.heading(b.tr("report.vat.reconciliation", "Reconciliation with account {{.account}}", map[string]any{"account": acct}))
	b.row("", b.tr("report.vat.rec_return", "Output tax minus deductions, before rounding", nil), "", b.amount(r.Net()), "", "")
	bals, err := b.svc.Reports.BalancesBetween(b.ctx, b.from, b.to)
	if err != nil {
		return err
	}
	var moved int64 // credit minus debit of every line on the account
	for _, bal := range bals {
		if bal.Account.Code == acct {
			moved = bal.Credit - bal.Debit
		}
	}
	b.row("", b.tr("report.vat.rec_account", "Account {{.account}}: credit minus debit in the period", map[string]any{"account": acct}), "", b.amount(moved), "", "")
	b.row("", b.tr("report.vat.rec_settlements", "Settlements with the tax office in it, debit minus credit (VAT paid, refunds received)", nil), "", b.amount(r.Settlements), "", "")
	b.row("", b.tr("report.vat.rec_without", "Account {{.account}} without the settlements", map[string]any{"account": acct}), "", b.amount(moved+r.Settlements), "", "")
	diff := r.Net() - (moved + r.Settlements)
	b.total("", b.tr("report.vat.rec_difference", "Difference", nil), "", b.amount(diff), "", "")
	if diff == 0 {
		b.note(b.tr("report.note.vat_reconciled", "Output tax minus deductions equals the movement of account {{.account}} without the settlements.", map[string]any{"account": acct}))
	} else {
		b.note(b.tr("report.note.vat_unreconciled", "The return and account {{.account}} differ by {{.diff}}: a posting to the account without its VAT kind, or one the return cannot place.", map[string]any{"account": acct, "diff": b.amount(diff)}))
	}
	for _, p := range r.Unplaced {
		b.note(b.tr("report.note.vat_unplaced", "Entry {{.entry}} of {{.date}}: a {{.regime}} line on account {{.account}} that no row of the return takes.",
			map[string]any{"entry": p.Number, "date": b.date(p.Date), "regime": string(p.Tag.Regime), "account": p.Account}))
	}
	return nil
}

// vatControl lays out the control statement: the documents of A.1, A.2,
// A.4, B.1 and B.2 one by one, A.5 and B.3 summed.
func (b *reportBuilder) vatControl() error {
	f, err := LoadVATFilings(b.ctx, b.svc, b.from, b.to)
	if err != nil {
		return err
	}
	c := f.Control
	b.r.Title = b.tr("report.title.vat_control", "VAT control statement", nil)
	b.r.Columns = []ReportColumn{
		b.col("report.col.vat_id", "VAT ID", false, 1.3),
		b.col("report.col.document", "Document", false, 1.4),
		b.col("report.col.duzp", "DUZP", false, 0.9),
		b.col("report.col.base_standard", "Base, standard rate", true, 1.2),
		b.col("report.col.vat_standard", "VAT, standard rate", true, 1.1),
		b.col("report.col.base_reduced", "Base, reduced rate", true, 1.2),
		b.col("report.col.vat_reduced", "VAT, reduced rate", true, 1.1),
	}
	amounts := func(a KHAmounts) []string {
		return []string{b.amount(a[0].Base), b.amount(a[0].VAT), b.amount(a[1].Base + a[2].Base), b.amount(a[1].VAT + a[2].VAT)}
	}
	listed := func(key, fallback string, docs []KHDoc, baseOnly bool) {
		b.heading(b.tr(key, fallback, nil))
		var sum KHAmounts
		for _, d := range docs {
			cells := append([]string{d.Partner, d.Doc, b.date(d.Date)}, amounts(d.Amounts)...)
			if baseOnly {
				cells = []string{d.Partner, d.Doc, b.date(d.Date), b.amount(d.Amounts.BaseTotal()), "", "", ""}
			}
			b.row(cells...)
			sum.Add(d.Amounts)
		}
		if baseOnly {
			b.total("", b.tr("report.row.total", "Total", nil), "", b.amount(sum.BaseTotal()), "", "", "")
		} else {
			b.total(append([]string{"", b.tr("report.row.total", "Total", nil), ""}, amounts(sum)...)...)
		}
	}
	summed := func(key, fallback string, a KHAmounts) {
		b.heading(b.tr(key, fallback, nil))
		b.total(append([]string{"", b.tr("report.kh.summed", "Summed", nil), ""}, amounts(a)...)...)
	}
	listed("report.kh.a1", "A.1 Supplies in domestic reverse charge (§92a), as the supplier", c.A1, true)
	listed("report.kh.a2", "A.2 Supplies received from abroad on which we declare the tax", c.A2, false)
	listed("report.kh.a4", "A.4 Domestic supplies over 10 000 Kč with VAT to payers", c.A4, false)
	summed("report.kh.a5", "A.5 Other domestic supplies", c.A5)
	listed("report.kh.b1", "B.1 Supplies received in domestic reverse charge (§92a)", c.B1, false)
	listed("report.kh.b2", "B.2 Supplies received from payers over 10 000 Kč with VAT", c.B2, false)
	summed("report.kh.b3", "B.3 Other supplies received with the right to deduct", c.B3)
	b.note(b.tr("report.note.kh_rules", "A document over 10 000 Kč with VAT to or from a partner with a Czech DIČ is listed in A.4 or B.2 (a credit note by the size of its correction); the rest is summed in A.5 and B.3. A.1, A.2 and B.1 list every document.", nil))
	if c.MissingCodes() > 0 {
		b.note(b.tr("report.note.kh_code_missing", "Some documents of A.1 and B.1 lack the code of their §92a supply (kód předmětu plnění, e.g. 4 for construction work): complete it on the tax portal before filing.", nil))
	}
	b.amountsNote()
	return nil
}

// euSales lays out the EU sales list: one line per customer and code.
func (b *reportBuilder) euSales() error {
	f, err := LoadVATFilings(b.ctx, b.svc, b.from, b.to)
	if err != nil {
		return err
	}
	s := f.EUSales
	b.r.Title = b.tr("report.title.eu_sales", "EU sales list", nil)
	b.r.Columns = []ReportColumn{
		b.col("report.col.country", "State", false, 0.6),
		b.col("report.col.vat_number", "VAT number", false, 1.6),
		b.col("report.col.eu_code", "Code of supply", false, 2.2),
		b.col("report.col.supplies", "Supplies", true, 0.8),
		b.col("report.col.tax_base", "Tax base", true, 1.3),
		b.col("report.col.value_whole", "Value in the list", true, 1.2),
	}
	var count int
	var total int64
	for _, l := range s.Lines {
		code := b.tr("report.eu.code_goods", "0 – goods (§64)", nil)
		if l.Code == EUCodeServices {
			code = b.tr("report.eu.code_services", "3 – services (§9(1))", nil)
		}
		b.row(l.Country, l.VATNumber, code, strconv.Itoa(l.Count), b.amount(l.Base), b.wholeAmount(l.Value()))
		count += l.Count
		total += l.Value()
	}
	b.total("", b.tr("report.row.total", "Total", nil), "", strconv.Itoa(count), b.amount(s.Total("")), b.wholeAmount(total))
	b.note(b.tr("report.note.eu_sales", "Supplies to businesses in other member states that the customer taxes, by the customer's VAT ID; values in whole koruny. With goods on it the list is monthly; a payer who supplies only services may file it by quarter.", nil))
	b.amountsNote()
	return nil
}
