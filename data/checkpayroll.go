package data

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// checkPayroll proves payroll: every approved run has its payslips and its
// posting; what the runs posted to the payroll accounts (521, 524, 331,
// 336, 342 or the international chart's) is, to the haléř, what the
// payslips in force (each month's, a correction's in place of what it
// corrected) come to; and each employee's running year-to-date is the sum
// of those payslips.
func checkPayroll(tx *bolt.Tx, add addFn) {
	if tx.Bucket(bPayRuns) == nil || tx.Bucket(bMeta).Get(kCompany) == nil {
		return
	}
	acc := companyPosting(tx)
	posted := map[string]int64{}
	approved := map[string]bool{}
	_ = tx.Bucket(bPayRuns).ForEach(func(k, v []byte) error {
		var r app.PayRun
		if decode(v, &r) != nil {
			add("check.payroll_run", "pay run {{.id}} cannot be read", map[string]any{"id": string(k)})
			return nil
		}
		if r.Status != app.PayRunApproved {
			return nil
		}
		approved[r.ID] = true
		if slips, err := readPayslips(tx, r); err != nil || len(slips) != len(r.Inputs) {
			add("check.payroll_payslips", "pay run {{.number}} lacks payslips", map[string]any{"number": r.Number})
		}
		if r.EntryID == "" {
			return nil
		}
		e, err := readEntry(tx, r.EntryID)
		if err != nil || e.Source != "payrun:"+r.Number {
			add("check.payroll_entry", "the posting of pay run {{.number}} is missing", map[string]any{"number": r.Number})
			return nil
		}
		for _, l := range e.Lines {
			posted[l.Account] += l.Debit - l.Credit
		}
		return nil
	})

	// The payslips in force, by month, and the running totals.
	byMonth := map[app.Month][]app.Payslip{}
	var emp, year []byte
	var running app.YearToDate
	c := tx.Bucket(bPayYTD).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		i := bytes.IndexByte(k, 0)
		m, ok := monthOfKey(string(k[i+1:]))
		var rec ytdRecord
		if i < 0 || !ok || decode(v, &rec) != nil {
			add("check.payroll_ytd", "the year-to-date totals of employee {{.id}} cannot be read", map[string]any{"id": string(k)})
			continue
		}
		if !bytes.Equal(k[:i], emp) || !bytes.Equal(k[i+1:i+5], year) {
			emp, year, running = k[:i], k[i+1:i+5], app.YearToDate{Year: m.Year}
		}
		var p app.Payslip
		if ok, err := getJSON(tx, bPayslips, payslipKey(rec.Run, string(k[:i])), &p); err != nil || !ok || !approved[rec.Run] {
			add("check.payroll_ytd_run", "the payslip in force for employee {{.id}} in {{.month}} is missing", map[string]any{"id": string(k[:i]), "month": m.Format()})
			continue
		}
		byMonth[m] = append(byMonth[m], p)
		running = running.Add(app.YearToDate{Months: 1, Gross: p.Gross, SocialBase: p.SocialBase, HealthBase: p.HealthBase,
			SocialEmployee: p.SocialEmployee, SocialEmployer: p.SocialEmployer, HealthEmployee: p.HealthEmployee, HealthEmployer: p.HealthEmployer,
			TaxAdvance: p.TaxAdvance, Withholding: p.Withholding, ChildBonus: p.ChildBonus, Net: p.Net}, 1)
		got := rec.YTD
		got.Hours, got.Year = 0, running.Year
		if got != running {
			add("check.payroll_ytd_sum", "the year-to-date totals of {{.name}} in {{.month}} differ from the payslips", map[string]any{"name": p.Name, "month": m.Format()})
			running = rec.YTD
			running.Hours = 0
		}
	}
	want := map[string]int64{}
	for _, ps := range byMonth {
		e, err := app.PayrollEntry(ps, ps[0].Month.Last(), "check", acc)
		if err != nil || e == nil {
			continue
		}
		for _, l := range e.Lines {
			want[l.Account] += l.Debit - l.Credit
		}
	}
	for _, a := range []string{acc.Wages, acc.SocialCosts, acc.Employees, acc.SocialInsurance, acc.WageTax} {
		if posted[a] != want[a] {
			add("check.payroll_postings", "the pay runs posted {{.posted}} to {{.account}}, their payslips come to {{.want}}",
				map[string]any{"account": a, "posted": app.FormatMinor(posted[a], 2, ""), "want": app.FormatMinor(want[a], 2, "")})
		}
	}
}
