package app

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// The bank payment order of a month's payroll (issue 14, item 4): the net
// pay to each employee's account, the social insurance to the employer's
// district office of ČSSZ (OSSZ), the health insurance to each insurer, the
// tax advances and the withholding tax to the tax office. Pure: the
// payslips, the employees (for their accounts and insurers) and the
// company's payee accounts come in; the payments, an ABO file and a CSV come
// out.
//
// The amounts are what the pay run posted, so 331, 336 and 342 clear to
// zero once the order is paid (payrollentry.go):
//
//	net pay          each payslip's Net (a negative net is owed by the
//	                 employee and paid to no one)
//	social insurance Σ (SocialEmployee + SocialEmployer)
//	health insurance Σ (HealthEmployee + HealthEmployer) of the insurer's
//	                 employees
//	tax advance      Σ TaxAdvance − Σ ChildBonus − Σ TaxRefund: the bonuses
//	                 and the refunds of the annual reconciliation are paid
//	                 out of the advances withheld (part A, A5: 342 debited
//	                 by them); nothing is paid when the bonuses exceed
//	                 the advances (the employer claims the difference)
//	withholding      Σ Withholding
//
// UNVERIFIED: ČSSZ and the health insurers compute the employer's share on
// their monthly summary from the sum of the bases, rounded up once, while
// the payslips round each employee's share; the two can differ by less than
// 1 Kč an employee. Kontor pays what it posted. Deductions (a garnishment,
// a loan) go to payees Kontor does not know and are not in the order.
//
// Due dates (part A, A6): the wages by the end of the following month (§ 141
// ZP, the order takes the pay day given), insurance and the tax advances by
// the 20th of the following month, the withholding tax by the end of the
// following month.

// PayrollPaymentKind is what a payment pays.
type PayrollPaymentKind string

// Payment kinds.
const (
	PayNet         PayrollPaymentKind = "net"
	PaySocial      PayrollPaymentKind = "social"
	PayHealth      PayrollPaymentKind = "health"
	PayTaxAdvance  PayrollPaymentKind = "tax-advance"
	PayWithholding PayrollPaymentKind = "withholding"
)

// PayeeAccount is an institution's account and the variable symbol the
// employer pays it under.
type PayeeAccount struct {
	Account string // Czech form, 19-2000145399/0800
	VS      string // digits; "" for the IČO (UNVERIFIED, see PayrollPaymentSettings)
}

// PayrollPaymentSettings are the company's payroll payment settings.
//
// Neither the accounts nor the variable symbols are in part A of
// shared/CZECH-PAYROLL-WAREHOUSE-AFTERSALES.md, so none is built in: each
// OSSZ has its own account (by the employer's district), each health insurer
// its own, the tax office its own per kind of tax; the company enters them.
// A variable symbol left empty is the employer's IČO, zero-padded to ten
// digits: UNVERIFIED for every payee (ČSSZ assigns the employer a variable
// symbol at registration, the insurers and the tax office have rules of
// their own that no source here confirms).
type PayrollPaymentSettings struct {
	From  string // the company's account that pays (Company.BankAccount)
	ICO   string // the employer's IČO, the fallback variable symbol
	Name  string // the company's name, for the ABO header
	Month Month  // the pay month
	// PayDay is when the net pays are sent; zero: the 10th of the
	// following month.
	PayDay Date
	// Social is the OSSZ of the employer's district; Health the insurers by
	// code (HealthInsurers); TaxAdvance and Withholding the tax office's
	// accounts of the two taxes.
	Social                  PayeeAccount
	Health                  map[string]PayeeAccount
	TaxAdvance, Withholding PayeeAccount
}

// PayrollPayment is one payment of the order.
type PayrollPayment struct {
	Kind       PayrollPaymentKind
	Payee      string // the employee, "ČSSZ", the insurer's name, "Finanční úřad"
	EmployeeID string // the net pay's employee
	Insurer    string // the health insurer's code
	Account    BankAccount
	Amount     int64 // haléř, above zero
	VS, KS, SS string
	Due        Date
	Message    string // for the payee, ASCII, at most 35 characters
}

// PayrollPayments builds the order of payslips (one month) with employees
// by ID. It refuses, naming the field, a payslip of another month, an
// employee it has no record of, an account that is not a Czech account or
// missing where a payment is due, and a variable symbol that is not digits.
func PayrollPayments(payslips []Payslip, employees map[string]Employee, s PayrollPaymentSettings) ([]PayrollPayment, error) {
	var es Errors
	if _, err := ParseBankAccount(s.From); err != nil {
		es.Add(WithField(err, "payment.from"))
	}
	m := s.Month
	payDay := s.PayDay
	if payDay.IsZero() {
		payDay = m.Next().First().AddDays(9)
	}
	insDue := m.Next().First().AddDays(19)
	whDue := m.Next().Last()
	month := m.Format()

	var out []PayrollPayment
	var social, advance, bonus, withholding int64
	health := map[string]int64{}
	for _, p := range payslips {
		if p.Month != m {
			es.Add(Invalid("payment.month", "err.payroll.mixed_months", "the payslips of one pay run must be of one month", nil))
			break
		}
		e, ok := employees[p.EmployeeID]
		if !ok {
			es.Add(Invalid("payment.employee", "err.payment.no_employee", "no employee record for the payslip of {{.name}}", map[string]any{"name": p.Name}))
			continue
		}
		social += p.SocialEmployee + p.SocialEmployer
		if h := p.HealthEmployee + p.HealthEmployer; h != 0 {
			health[e.HealthInsurer] += h
		}
		advance += p.TaxAdvance
		bonus += p.ChildBonus + p.TaxRefund
		withholding += p.Withholding
		if p.Net <= 0 {
			continue
		}
		acc, err := ParseBankAccount(e.BankAccount)
		if err != nil {
			es.Add(Invalid("employee.bank_account", "err.payment.employee_account", "{{.name}} has no valid bank account for the net pay", map[string]any{"name": e.Name}))
			continue
		}
		out = append(out, PayrollPayment{Kind: PayNet, Payee: e.Name, EmployeeID: e.ID, Account: acc, Amount: p.Net,
			VS: m.Key(), Due: payDay, Message: "Mzda " + month})
	}
	inst := func(kind PayrollPaymentKind, field, payee string, pa PayeeAccount, amount int64, due Date, msg string) PayrollPayment {
		pay := PayrollPayment{Kind: kind, Payee: payee, Amount: amount, Due: due, Message: msg}
		if strings.TrimSpace(pa.Account) == "" {
			es.Add(Invalid(field, "err.payment.account_missing", "enter the account of {{.payee}}: {{.amount}} is due", map[string]any{"payee": payee, "amount": M(amount, "CZK")}))
			return pay
		}
		acc, err := ParseBankAccount(pa.Account)
		if err != nil {
			es.Add(WithField(err, field))
			return pay
		}
		pay.Account = acc
		pay.VS = strings.TrimSpace(pa.VS)
		if pay.VS == "" {
			pay.VS = icoVS(s.ICO)
		}
		if !allDigits(pay.VS) || len(pay.VS) > 10 {
			es.Add(Invalid(field, "err.payment.vs", "the variable symbol “{{.value}}” of {{.payee}} is not up to 10 digits", map[string]any{"value": pay.VS, "payee": payee}))
		}
		return pay
	}
	if social > 0 {
		out = append(out, inst(PaySocial, "payment.social", "ČSSZ", s.Social, social, insDue, "Pojistne SP "+month))
	}
	codes := make([]string, 0, len(health))
	for c := range health {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		if health[c] <= 0 {
			continue
		}
		name := HealthInsurers[c]
		if name == "" {
			name = c
		}
		p := inst(PayHealth, "payment.health."+c, name, s.Health[c], health[c], insDue, "Pojistne ZP "+month)
		p.Insurer = c
		out = append(out, p)
	}
	if due := advance - bonus; due > 0 {
		out = append(out, inst(PayTaxAdvance, "payment.tax_advance", "Finanční úřad", s.TaxAdvance, due, insDue, "Zaloha dan "+month))
	}
	if withholding > 0 {
		out = append(out, inst(PayWithholding, "payment.withholding", "Finanční úřad", s.Withholding, withholding, whDue, "Srazkova dan "+month))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// icoVS is the IČO as a variable symbol, or "" when it is not digits.
func icoVS(ico string) string {
	ico = strings.TrimSpace(ico)
	if ico == "" || !allDigits(ico) || len(ico) > 10 {
		return ""
	}
	return ico
}

// ABO payment order ("KPC" format for domestic payments, the order half of
// ABO; text, one record a line, CRLF), as two independent open-source
// generators write it (after the descriptions Fio and Equa bank publish,
// which were not at hand: UNVERIFIED in the details noted):
//
//	UHL1ddmmyyNAME(20)CLIENT(10)001999FIXED(6)SECRET(6)   the file header:
//	       the date made, the client's name (ASCII, padded), client number,
//	       the interval of file numbers, the fixed and secret codes (zeros)
//	1 1501 001000 BBBB     the accounting file: 1501 payments (1502
//	       collections), file number 001 and branch 000, the bank's code
//	2 PPPPPP-NNNNNNNNNN AMOUNT(14) ddmmyy   a group: the paying account,
//	       the group's total in haléř (14 digits; one generator writes 15:
//	       UNVERIFIED) and its due date
//	PPPPPP-NNNNNNNNNN AMOUNT VS BBBBKKKK SS AV:message   a payment: the
//	       payee's account, the amount in haléř, the variable symbol (10),
//	       the payee's bank and constant symbol (4 + 4), the specific
//	       symbol (10), the message (at most 35 characters)
//	3 +    end of the group
//	5 +    end of the accounting file
//
// One group per due date. Every text is folded to ASCII (no diacritics), so
// the file reads the same in Windows-1250, the banks' encoding. Check a
// first file with the bank's import before paying by it.

// aboMaxAmount is the first amount a group's 14-digit total cannot hold
// (10^14 haléř, a trillion Kč).
const aboMaxAmount = 100_000_000_000_000

// WritePaymentOrderABO writes payments as an ABO payment order from the
// account from, made on day, with name the client's name.
func WritePaymentOrderABO(w io.Writer, from string, name string, day Date, payments []PayrollPayment) error {
	src, err := ParseBankAccount(from)
	if err != nil {
		return WithField(err, "payment.from")
	}
	var b strings.Builder
	ddmmyy := func(d Date) string { return fmt.Sprintf("%02d%02d%02d", d.Day(), int(d.Month()), d.Year()%100) }
	nm := aboText(name, 20)
	b.WriteString("UHL1" + ddmmyy(day) + nm + strings.Repeat(" ", 20-len(nm)) + "0000000000" + "001999" + "000000" + "000000\r\n")
	b.WriteString("1 1501 001000 " + src.Bank + "\r\n")
	// Groups by due date, in order of the date; payments keep their order.
	var dues []Date
	byDue := map[Date][]PayrollPayment{}
	for _, p := range payments {
		if p.Amount <= 0 {
			return Invalid("payment.amount", "err.payment.amount", "a payment of {{.payee}} is not above zero", map[string]any{"payee": p.Payee})
		}
		if _, ok := byDue[p.Due]; !ok {
			dues = append(dues, p.Due)
		}
		byDue[p.Due] = append(byDue[p.Due], p)
	}
	sort.Slice(dues, func(i, j int) bool { return dues[i].Before(dues[j]) })
	for _, d := range dues {
		var sum int64
		for _, p := range byDue[d] {
			sum += p.Amount
			if p.Amount >= aboMaxAmount || sum >= aboMaxAmount {
				return Invalid("payment.amount", "err.payment.abo_too_large", "the payments due on {{.date}} add up to more than the ABO file can hold", map[string]any{"date": d})
			}
		}
		fmt.Fprintf(&b, "2 %s %014d %s\r\n", aboAccount(src), sum, ddmmyy(d))
		for _, p := range byDue[d] {
			fmt.Fprintf(&b, "%s %d %s %s%s %s AV:%s\r\n", aboAccount(p.Account), p.Amount, digits10(p.VS),
				pad4(p.Account.Bank), pad4(p.KS), digits10(p.SS), aboText(p.Message, 35))
		}
		b.WriteString("3 +\r\n")
	}
	b.WriteString("5 +\r\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// aboAccount writes an account as prefix (6) - number (10), zero-padded.
func aboAccount(a BankAccount) string {
	return strings.Repeat("0", max(0, 6-len(a.Prefix))) + a.Prefix + "-" + strings.Repeat("0", max(0, 10-len(a.Number))) + a.Number
}

func digits10(s string) string { return strings.Repeat("0", max(0, 10-len(s))) + s }
func pad4(s string) string     { return strings.Repeat("0", max(0, 4-len(s))) + s }

// aboText folds s to printable ASCII without diacritics, at most n
// characters.
func aboText(s string, n int) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			s = asciiFold(s)
			break
		}
	}
	var b strings.Builder
	for _, r := range s {
		if b.Len() == n {
			break
		}
		if r >= 0x20 && r < 0x7f {
			b.WriteRune(r)
		} else if r == '\t' || r == '\n' || r == '\r' {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// PaymentOrderTable is the order as a table in t's language, for the screen
// and the CSV: one row a payment, and the total.
func PaymentOrderTable(month Month, payments []PayrollPayment, t Translator) ReportTable {
	w := newPayTable(t, ReportPaymentOrder, "report.title.payment_order", "Payroll payment order", month)
	w.col("payment.col.payee", "Payee", false, 2)
	w.col("payment.col.kind", "Payment", false, 1.2)
	w.col("payment.col.account", "Account", false, 1.6)
	w.col("payment.col.amount", "Amount", true, 1)
	w.col("payment.col.vs", "Variable symbol", false, 1)
	w.col("payment.col.ks", "Constant symbol", false, 0.7)
	w.col("payment.col.ss", "Specific symbol", false, 0.7)
	w.col("payment.col.due", "Due", false, 0.9)
	w.col("payment.col.message", "Message", false, 1.5)
	var sum int64
	for _, p := range payments {
		acc := ""
		if p.Account.Bank != "" {
			acc = p.Account.String()
		}
		w.row(p.Payee, w.kind(p.Kind), acc, w.money(p.Amount), p.VS, p.KS, p.SS, p.Due.Format(w.lang), p.Message)
		sum += p.Amount
	}
	w.total(w.tr("payroll.total", "Total", nil), "", "", w.money(sum), "", "", "", "", "")
	return w.r
}

func (w *payTable) kind(k PayrollPaymentKind) string {
	switch k {
	case PayNet:
		return w.tr("payment.kind.net", "Net pay", nil)
	case PaySocial:
		return w.tr("payment.kind.social", "Social insurance", nil)
	case PayHealth:
		return w.tr("payment.kind.health", "Health insurance", nil)
	case PayTaxAdvance:
		return w.tr("payment.kind.tax_advance", "Income tax advances", nil)
	case PayWithholding:
		return w.tr("payment.kind.withholding", "Withholding tax", nil)
	}
	return string(k)
}

// WritePaymentOrderCSV writes the order as CSV (ReportTable.WriteCSV).
func WritePaymentOrderCSV(out io.Writer, month Month, payments []PayrollPayment, t Translator) error {
	return PaymentOrderTable(month, payments, t).WriteCSV(out)
}
