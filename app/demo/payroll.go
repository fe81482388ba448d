package demo

import (
	"context"
	"fmt"
	"time"

	"kontor/app"
)

// payrollCounts is what the Payroll step made.
type payrollCounts struct {
	Employees int // employees on file
	Runs      int // pay runs approved and posted, one a month
	Payslips  int // payslips of those runs
	// Months are the months run, in order; Skipped those of the period
	// without payroll rules (app.RulesFor), left unpaid.
	Months, Skipped []app.Month
}

// Payroll is the demo's payroll step: the roastery's eight people
// (demoPeople) on file, and every month of the period up to its last full
// one run, computed and approved through app.PayrollService, each posted
// on its last day. The pay runs replace the journal's own monthly payroll
// entries for the first six of its staff (at scale 1 all of them; larger
// scales keep the rest of the journal's generated payroll for volume).
// What a run leaves on 331, 336 and 342 is paid through the bank the
// following month as the journal pays wages: the net pays on the 12th,
// the insurance and the tax on the 20th (the withholding tax at the month's
// end), so the accounts clear but for the payments that fall due after the
// period (the last month's). A period without rules for any month (before
// 2025) leaves the journal's payroll as it was and makes no employees.
func Payroll() Step { return &payrollStep{} }

type payrollStep struct {
	ctx    context.Context
	b      *Book
	people []demoPerson
	emps   []app.Employee // as stored, in the order of people
	last   app.Month      // the last full month of the period
	skip   bool
	counts payrollCounts
}

func (s *payrollStep) Name() string { return "payroll" }

// demoPayrollStaff is how many of the journal's generated staff (at scale
// 1 all six) the eight replace.
const demoPayrollStaff = 6

func (s *payrollStep) Start(ctx context.Context, b *Book) error {
	s.ctx, s.b = ctx, b
	s.last = b.To.MonthOf()
	if b.To != s.last.Last() {
		s.last = prevMonth(s.last)
	}
	ruled := false
	for m := b.From.MonthOf(); m.Key() <= s.last.Key(); m = m.Next() {
		if _, err := app.RulesFor(m.Year); err == nil && !m.First().Before(b.From) {
			ruled = true
			break
		}
	}
	if !ruled {
		s.skip = true
		return nil
	}
	if g := b.g; g != nil {
		g.employees = g.employees[min(demoPayrollStaff, len(g.employees)):]
	}
	s.people = demoPeople()
	for i, p := range s.people {
		e, err := p.employee(i, b.From, s.last.Year)
		if err != nil {
			return err
		}
		if e, err = b.Services.Payroll.SaveEmployee(ctx, e); err != nil {
			return err
		}
		s.emps = append(s.emps, e)
	}
	s.counts.Employees = len(s.emps)
	return nil
}

// prevMonth is the month before m.
func prevMonth(m app.Month) app.Month {
	if m.Month == time.January {
		return app.Month{Year: m.Year - 1, Month: time.December}
	}
	return app.Month{Year: m.Year, Month: m.Month - 1}
}

// Day runs the month on its last day, when the month is a full one of the
// period.
func (s *payrollStep) Day(d app.Date) error {
	m := d.MonthOf()
	if s.skip || d != m.Last() || m.Key() > s.last.Key() || m.First().Before(s.b.From) {
		return nil
	}
	if _, err := app.RulesFor(m.Year); err != nil {
		s.counts.Skipped = append(s.counts.Skipped, m)
		return nil
	}
	return s.run(m)
}

// inputs are month m's: everyone employed at their scheduled hours
// (app.DefaultPayInputs), a DPP at its hours of the month (none: left
// out), and a Christmas bonus of 5,000 Kč for the employees in December.
func (s *payrollStep) inputs(m app.Month) []app.PayInput {
	byID := map[string]demoPerson{}
	for i, e := range s.emps {
		byID[e.ID] = s.people[i]
	}
	var out []app.PayInput
	for _, in := range app.DefaultPayInputs(s.emps, m) {
		p := byID[in.EmployeeID]
		if p.hours != nil {
			if in.Input.WorkedHours = p.hours(m.Month); in.Input.WorkedHours == 0 {
				continue
			}
		}
		if m.Month == time.December && p.contract == app.ContractHPP {
			in.Input.Bonuses = 5_000_00
		}
		out = append(out, in)
	}
	return out
}

// run enters, computes and approves month m's pay run and schedules its
// payments.
func (s *payrollStep) run(m app.Month) error {
	p := s.b.Services.Payroll
	run, err := p.SavePayRunDraft(s.ctx, app.PayRun{Month: m, Inputs: s.inputs(m)})
	if err != nil {
		return err
	}
	if _, err = p.ComputePayRun(s.ctx, run.ID); err != nil {
		return err
	}
	if run, err = p.ApprovePayRun(s.ctx, run.ID); err != nil {
		return err
	}
	if err := s.b.counted(s.ctx, run.EntryID); err != nil {
		return err
	}
	s.counts.Runs++
	s.counts.Payslips += len(run.Payslips)
	s.counts.Months = append(s.counts.Months, m)
	s.pay(run)
	return nil
}

// pay schedules the bank payments of run in the journal (they are posted
// when the journal reaches their day, if within the period): each net pay,
// the insurance (336) and the tax (342) — exactly what the run left on the
// three accounts.
func (s *payrollStep) pay(run app.PayRun) {
	g, acc := s.b.g, s.b.g.acc
	next := run.Month.Next()
	label := run.Month.Format()
	var insurance, advance, withholding int64
	for _, p := range run.Payslips {
		if net := p.Net; net > 0 {
			g.schedule(dayOf(next, 12), fmt.Sprintf("Výplata mzdy %s – %s", label, p.Name), dr(acc.Employees, net), cr(acc.Bank, net))
		}
		insurance += p.SocialEmployee + p.SocialEmployer + p.HealthEmployee + p.HealthEmployer
		advance += p.TaxAdvance - p.ChildBonus
		withholding += p.Withholding
	}
	if insurance > 0 {
		g.schedule(dayOf(next, 20), fmt.Sprintf("Odvod pojistného za %s – ČSSZ a zdravotní pojišťovny", label), dr(acc.SocialInsurance, insurance), cr(acc.Bank, insurance))
	}
	if advance > 0 {
		g.schedule(dayOf(next, 20), fmt.Sprintf("Odvod zálohové daně ze mzdy za %s – finanční úřad", label), dr(acc.WageTax, advance), cr(acc.Bank, advance))
	}
	if withholding > 0 {
		g.schedule(next.Last(), fmt.Sprintf("Odvod srážkové daně za %s – finanční úřad", label), dr(acc.WageTax, withholding), cr(acc.Bank, withholding))
	}
}

// Finish reports.
func (s *payrollStep) Finish(sum *Summary) error {
	if s.skip {
		sum.report("Payroll: none (no payroll rules for the period's years; the journal books the wages)")
		return nil
	}
	sum.report("Payroll: %d employees, %d pay runs approved and posted (%s), %d payslips; paid through the bank the month after, but what falls due after %s",
		s.counts.Employees, s.counts.Runs, monthsText(s.counts.Months), s.counts.Payslips, s.b.To)
	if len(s.counts.Skipped) > 0 {
		sum.report("Payroll: no rules for %s: those months have no pay", monthsText(s.counts.Skipped))
	}
	return nil
}
