package data

import (
	"bytes"
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Pay runs: a draft for a month, computed (ComputePayslip with each
// employee's running year-to-date), approved (PayrollEntry posted and the
// run locked in one transaction). A correcting run replaces the payslips of
// the employees it names and posts the difference.

// ytdRecord is an employee's approved month: the run whose payslip counts
// for it (the last correction's) and the year's totals after the month.
type ytdRecord struct {
	Run string         `json:"run"`
	YTD app.YearToDate `json:"ytd"`
}

func ytdKey(emp string, m app.Month) []byte { return cat([]byte(emp), sep, []byte(m.Key())) }

func runMonthKey(m app.Month, id string) []byte { return cat([]byte(m.Key()), sep, []byte(id)) }

func payslipKey(run, emp string) []byte { return cat([]byte(run), sep, []byte(emp)) }

func readRun(tx *bolt.Tx, id string) (app.PayRun, error) {
	var r app.PayRun
	ok, err := getJSON(tx, bPayRuns, []byte(id), &r)
	if err == nil && !ok {
		err = errPayrollNotFound("pay run", id)
	}
	return r, err
}

// putRun stores r without its payslips (they have their own records).
func putRun(tx *bolt.Tx, r app.PayRun) error {
	r.Payslips = nil
	return putLogged(tx, bPayRuns, changePayRun, []byte(r.ID), r)
}

// readPayslips returns run r's payslips in the order of its inputs.
func readPayslips(tx *bolt.Tx, r app.PayRun) ([]app.Payslip, error) {
	var out []app.Payslip
	for _, in := range r.Inputs {
		var p app.Payslip
		ok, err := getJSON(tx, bPayslips, payslipKey(r.ID, in.EmployeeID), &p)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// deletePayslips removes run id's payslips.
func deletePayslips(tx *bolt.Tx, id string) error {
	prefix := cat([]byte(id), sep)
	b := tx.Bucket(bPayslips)
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
		if err := recordDelete(tx, changePayslip, k); err != nil {
			return err
		}
	}
	return nil
}

// monthRuns returns the runs of month m.
func monthRuns(tx *bolt.Tx, m app.Month) ([]app.PayRun, error) {
	prefix := cat([]byte(m.Key()), sep)
	var out []app.PayRun
	c := tx.Bucket(bPayRunMonths).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		r, err := readRun(tx, string(k[len(prefix):]))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// ytdBefore is employee emp's running total of the approved months of m's
// year before m: the record of the last of them (zero when none).
func ytdBefore(tx *bolt.Tx, emp string, m app.Month) (app.YearToDate, error) {
	c := tx.Bucket(bPayYTD).Cursor()
	yearPrefix := cat([]byte(emp), sep, []byte(m.Key()[:4]))
	k, v := c.Seek(ytdKey(emp, m))
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, yearPrefix) {
		return app.YearToDate{}, nil
	}
	var rec ytdRecord
	err := decode(v, &rec)
	return rec.YTD, err
}

// checkRunMonth refuses a month without rules or locked in the ledger.
func checkRunMonth(tx *bolt.Tx, m app.Month) (app.PayrollRules, error) {
	if m.Year == 0 || m.Month < 1 || m.Month > 12 {
		return app.PayrollRules{}, app.Invalid("payrun.month", "err.required", "is required", nil)
	}
	rules, err := app.RulesFor(m.Year)
	if err != nil {
		return rules, err
	}
	if tx.Bucket(bLocks).Get([]byte(m.Key())) != nil {
		return rules, app.Invalid("payrun.month", "err.period.locked", "{{.month}} is locked; unlock the month or post into an open one", map[string]any{"month": m.Format()})
	}
	return rules, nil
}

// forEmployee names the employee in each of err's invalid fields.
func forEmployee(err error, name string) error {
	var many app.Errors
	var one *app.Error
	wrap := func(e *app.Error) *app.Error {
		if e.Code != app.EINVALID && e.Code != app.ECONFLICT {
			return e
		}
		c := *e
		c.Key, c.Msg = "err.payrun.employee", "{{.name}}: {{.reason}}"
		c.Args = map[string]any{"name": name, "reason": app.Label{Key: e.Key, Fallback: e.Msg, Args: e.Args}}
		return &c
	}
	switch {
	case errors.As(err, &many):
		out := make(app.Errors, len(many))
		for i, e := range many {
			out[i] = wrap(e)
		}
		return out
	case errors.As(err, &one):
		return wrap(one)
	}
	return err
}

// computeRun computes r's payslips from the stored employees and running
// totals, in the order of its inputs.
func computeRun(tx *bolt.Tx, r app.PayRun, rules app.PayrollRules) ([]app.Payslip, error) {
	out := make([]app.Payslip, 0, len(r.Inputs))
	for _, in := range r.Inputs {
		e, err := readEmployee(tx, in.EmployeeID)
		if err != nil {
			return nil, app.WithField(err, "payrun.inputs")
		}
		ytd, err := ytdBefore(tx, e.ID, r.Month)
		if err != nil {
			return nil, err
		}
		p, err := app.ComputePayslip(rules, e, in.Input, ytd)
		if err != nil {
			return nil, forEmployee(err, e.Name)
		}
		refund, err := refundOf(tx, e.ID, r.Month)
		if err != nil {
			return nil, err
		}
		p.AddTaxRefund(refund)
		out = append(out, p)
	}
	return out, nil
}

// checkInputs fills each input's month and refuses an input of another
// month or one employee twice.
func checkInputs(r *app.PayRun) error {
	seen := map[string]bool{}
	for i := range r.Inputs {
		in := &r.Inputs[i]
		if in.Input.Month == (app.Month{}) {
			in.Input.Month = r.Month
		}
		if in.Input.Month != r.Month {
			return app.Invalid("payrun.inputs", "err.payrun.input_month", "an employee's month differs from the pay run's ({{.month}})", map[string]any{"month": r.Month.Format()})
		}
		if in.EmployeeID == "" {
			return app.Invalid("payrun.inputs", "err.payrun.no_employee", "choose the employee of each line", nil)
		}
		if seen[in.EmployeeID] {
			return app.Invalid("payrun.inputs", "err.payrun.employee_twice", "an employee is in the pay run twice", nil)
		}
		seen[in.EmployeeID] = true
	}
	return nil
}

// saveDraft stores draft r (new when its ID is empty) after checking its
// month and computing its inputs once, so nothing a computation would
// refuse is saved.
func (s *Store) saveDraft(tx *bolt.Tx, r app.PayRun) (app.PayRun, error) {
	rules, err := checkRunMonth(tx, r.Month)
	if err != nil {
		return r, err
	}
	if err := checkInputs(&r); err != nil {
		return r, err
	}
	if r.ID == "" {
		runs, err := monthRuns(tx, r.Month)
		if err != nil {
			return r, err
		}
		n := 0
		for _, o := range runs {
			if r.Corrects == "" && o.Corrects == "" {
				return r, &app.Error{Code: app.ECONFLICT, Field: "payrun.month", Key: "err.payrun.second",
					Msg: "{{.month}} has pay run {{.number}} already; a change of an approved month is a correcting run", Args: map[string]any{"month": r.Month.Format(), "number": o.Number}}
			}
			if i := strings.LastIndexByte(o.Number, '-'); o.Corrects != "" && i > 0 {
				if k, err := strconv.Atoi(o.Number[i+1:]); err == nil && k > n {
					n = k
				}
			}
		}
		if r.Corrects != "" {
			orig, err := readRun(tx, r.Corrects)
			if err != nil {
				return r, app.WithField(err, "payrun.corrects")
			}
			if orig.Status != app.PayRunApproved || orig.Month != r.Month {
				return r, &app.Error{Code: app.ECONFLICT, Field: "payrun.corrects", Key: "err.payrun.corrects",
					Msg: "only an approved pay run of the same month can be corrected", Args: nil}
			}
			n++
		} else {
			n = 0
		}
		c, err := readCompany(tx)
		if err != nil {
			return r, err
		}
		r.ID, r.Branch, r.Number = app.NewID(s.clock.Now()), c.Branch, app.PayRunNumber(r.Month, n)
		if err := tx.Bucket(bPayRunMonths).Put(runMonthKey(r.Month, r.ID), nil); err != nil {
			return r, err
		}
	} else {
		old, err := readRun(tx, r.ID)
		if err != nil {
			return r, err
		}
		if old.Status == app.PayRunApproved {
			return r, errRunLocked(old)
		}
		if old.Month != r.Month || old.Corrects != r.Corrects {
			return r, app.Invalid("payrun.month", "err.payrun.month_fixed", "the month of a saved pay run cannot change; delete the draft and start another", nil)
		}
		r.Branch, r.Number = old.Branch, old.Number
		if err := deletePayslips(tx, r.ID); err != nil {
			return r, err
		}
	}
	if _, err := computeRun(tx, r, rules); err != nil {
		return r, err
	}
	r.Status, r.Payslips, r.EntryID, r.Approved = app.PayRunDraft, nil, "", app.Date{}
	return r, putRun(tx, r)
}

func errRunLocked(r app.PayRun) error {
	return app.Errorf(app.ECONFLICT, "err.payrun.approved", "pay run {{.number}} is approved and locked; correct it by a correcting run", map[string]any{"number": r.Number})
}

// SavePayRunDraft creates or replaces a draft.
func (s *Store) SavePayRunDraft(ctx context.Context, r app.PayRun) (app.PayRun, error) {
	if err := s.allowed(ctx, app.PermPayroll); err != nil {
		return r, err
	}
	var out app.PayRun
	err := s.updateAs(ctx, app.PermPayroll, "saving the pay run", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		action := "update"
		if r.ID == "" {
			action = "create"
		}
		var err error
		if out, err = s.saveDraft(tx, r); err != nil {
			return err
		}
		return a.logKey(action, "payrun", out.ID, "audit.payrun_saved", "{{.number}}, {{.n}} employees", app.AuditArgs{"number": app.AText(out.Number), "n": app.AInt(len(out.Inputs))})
	})
	return out, err
}

// DeletePayRunDraft removes a run that is not approved.
func (s *Store) DeletePayRunDraft(ctx context.Context, id string) error {
	return s.updateAs(ctx, app.PermPayroll, "deleting the pay run", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		r, err := readRun(tx, id)
		if err != nil {
			return err
		}
		if r.Status == app.PayRunApproved {
			return errRunLocked(r)
		}
		if err := deletePayslips(tx, id); err != nil {
			return err
		}
		if err := tx.Bucket(bPayRunMonths).Delete(runMonthKey(r.Month, id)); err != nil {
			return err
		}
		if err := tx.Bucket(bPayRuns).Delete([]byte(id)); err != nil {
			return err
		}
		if err := recordDelete(tx, changePayRun, []byte(id)); err != nil {
			return err
		}
		return a.logKey("delete", "payrun", id, "audit.payrun_deleted", "{{.number}}", app.AuditArgs{"number": app.AText(r.Number)})
	})
}

// ComputePayRun computes and stores a draft's payslips.
func (s *Store) ComputePayRun(ctx context.Context, id string) (app.PayRun, error) {
	var out app.PayRun
	err := s.updateAs(ctx, app.PermPayroll, "computing the pay run", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		r, err := readRun(tx, id)
		if err != nil {
			return err
		}
		if r.Status == app.PayRunApproved {
			return errRunLocked(r)
		}
		rules, err := checkRunMonth(tx, r.Month)
		if err != nil {
			return err
		}
		slips, err := computeRun(tx, r, rules)
		if err != nil {
			return err
		}
		if err := deletePayslips(tx, id); err != nil {
			return err
		}
		for _, p := range slips {
			if err := putLogged(tx, bPayslips, changePayslip, payslipKey(id, p.EmployeeID), p); err != nil {
				return err
			}
		}
		r.Status = app.PayRunComputed
		if err := putRun(tx, r); err != nil {
			return err
		}
		r.Payslips = slips
		out = r
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		return a.logKey("compute", "payrun", id, "audit.payrun_computed", "{{.number}}, {{.n}} payslips, gross {{.gross}}",
			app.AuditArgs{"number": app.AText(r.Number), "n": app.AInt(len(slips)), "gross": app.AMoney(app.M(sumGross(slips), c.BaseCurrency))})
	})
	return out, err
}

func sumGross(ps []app.Payslip) int64 {
	var g int64
	for _, p := range ps {
		g += p.Gross
	}
	return g
}

// effectivePayslip is the approved payslip of employee emp for month m
// (a correction's in place of what it corrected); false when none.
func effectivePayslip(tx *bolt.Tx, emp string, m app.Month) (app.Payslip, ytdRecord, bool, error) {
	var rec ytdRecord
	ok, err := getJSON(tx, bPayYTD, ytdKey(emp, m), &rec)
	if err != nil || !ok {
		return app.Payslip{}, rec, false, err
	}
	var p app.Payslip
	ok, err = getJSON(tx, bPayslips, payslipKey(rec.Run, emp), &p)
	if err == nil && !ok {
		err = app.Internal("reading the approved payslip", errors.New("payslip "+rec.Run+"/"+emp+" is missing"))
	}
	return p, rec, ok, err
}

// ApprovePayRun posts a computed run and locks it, in one transaction. The
// payslips are computed again and must be what was reviewed: an employee's
// terms or an earlier month changed since is ECONFLICT (compute it again).
func (s *Store) ApprovePayRun(ctx context.Context, id string) (app.PayRun, error) {
	var out app.PayRun
	err := s.updateAs(ctx, app.PermPayroll, "approving the pay run", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		r, err := readRun(tx, id)
		if err != nil {
			return err
		}
		switch r.Status {
		case app.PayRunApproved:
			return errRunLocked(r)
		case app.PayRunDraft:
			return app.Errorf(app.ECONFLICT, "err.payrun.not_computed", "compute pay run {{.number}} and review it before approving it", map[string]any{"number": r.Number})
		}
		rules, err := checkRunMonth(tx, r.Month)
		if err != nil {
			return err
		}
		stored, err := readPayslips(tx, r)
		if err != nil {
			return err
		}
		fresh, err := computeRun(tx, r, rules)
		if err != nil {
			return err
		}
		if !samePayslips(stored, fresh) {
			return app.Errorf(app.ECONFLICT, "err.payrun.stale", "the employees' terms or their earlier months changed since pay run {{.number}} was computed; compute it again and review it", map[string]any{"number": r.Number})
		}
		if len(fresh) == 0 {
			return app.Invalid("payrun.payslips", "err.payroll.empty_run", "the pay run has no payslips", nil)
		}
		// What to post, and the running totals each employee's month leaves.
		posted := fresh
		type ytdWrite struct {
			emp   string
			rec   ytdRecord
			delta app.YearToDate // added to the later approved months of the year
		}
		writes := make([]ytdWrite, 0, len(fresh))
		if r.Corrects != "" {
			posted = make([]app.Payslip, len(fresh))
		}
		for i, p := range fresh {
			old, rec, had, err := effectivePayslip(tx, p.EmployeeID, r.Month)
			if err != nil {
				return err
			}
			w := ytdWrite{emp: p.EmployeeID, rec: ytdRecord{Run: r.ID, YTD: p.YTD}}
			if r.Corrects != "" {
				posted[i] = app.PayslipDifference(p, old)
				base := rec.YTD
				if !had {
					if base, err = ytdBefore(tx, p.EmployeeID, r.Month); err != nil {
						return err
					}
				}
				w.delta = p.YTD.Add(base, -1)
			} else if had || laterApproved(tx, p.EmployeeID, r.Month) {
				return app.Errorf(app.ECONFLICT, "err.payrun.later_month", "{{.name}} has a later month of {{.year}} approved; correct the months in order", map[string]any{"name": p.Name, "year": r.Month.Year})
			}
			writes = append(writes, w)
		}
		entry, err := app.PayrollEntry(posted, r.Month.Last(), r.Number, companyPosting(tx))
		if err != nil {
			return err
		}
		if entry != nil {
			pst, err := newPoster(tx, s.clock)
			if err != nil {
				return err
			}
			entry.Branch = r.Branch
			e, err := pst.post(*entry)
			if err != nil {
				return err
			}
			r.EntryID = e.ID
		}
		for _, w := range writes {
			if err := putYTD(tx, w.emp, r.Month, w.rec); err != nil {
				return err
			}
			if r.Corrects != "" {
				if err := shiftLaterYTD(tx, w.emp, r.Month, w.delta); err != nil {
					return err
				}
			}
		}
		r.Status, r.Approved = app.PayRunApproved, app.DateOf(s.clock.Now())
		if err := putRun(tx, r); err != nil {
			return err
		}
		r.Payslips = fresh
		out = r
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		return a.logKey("approve", "payrun", id, "audit.payrun_approved", "{{.number}}, {{.n}} payslips, gross {{.gross}}",
			app.AuditArgs{"number": app.AText(r.Number), "n": app.AInt(len(fresh)), "gross": app.AMoney(app.M(sumGross(fresh), c.BaseCurrency))})
	})
	return out, err
}

func companyPosting(tx *bolt.Tx) app.PostingAccounts {
	c, err := readCompany(tx)
	if err != nil {
		return app.ChartCzech.Posting()
	}
	return c.Chart.Posting()
}

func samePayslips(a, b []app.Payslip) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, err1 := encode(a[i])
		y, err2 := encode(b[i])
		if err1 != nil || err2 != nil || !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

func putYTD(tx *bolt.Tx, emp string, m app.Month, rec ytdRecord) error {
	raw, err := encode(rec)
	if err != nil {
		return err
	}
	return tx.Bucket(bPayYTD).Put(ytdKey(emp, m), raw)
}

// laterApproved reports an approved month of emp after m in m's year.
func laterApproved(tx *bolt.Tx, emp string, m app.Month) bool {
	c := tx.Bucket(bPayYTD).Cursor()
	yearPrefix := cat([]byte(emp), sep, []byte(m.Key()[:4]))
	k, _ := c.Seek(ytdKey(emp, m.Next()))
	return k != nil && bytes.HasPrefix(k, yearPrefix)
}

// shiftLaterYTD adds delta to emp's running totals of the approved months
// of m's year after m.
func shiftLaterYTD(tx *bolt.Tx, emp string, m app.Month, delta app.YearToDate) error {
	if m.Month == 12 || delta == (app.YearToDate{}) {
		return nil
	}
	yearPrefix := cat([]byte(emp), sep, []byte(m.Key()[:4]))
	c := tx.Bucket(bPayYTD).Cursor()
	type kv struct{ k, v []byte }
	var upd []kv
	for k, v := c.Seek(ytdKey(emp, m.Next())); k != nil && bytes.HasPrefix(k, yearPrefix); k, v = c.Next() {
		var rec ytdRecord
		if err := decode(v, &rec); err != nil {
			return err
		}
		rec.YTD = rec.YTD.Add(delta, 1)
		raw, err := encode(rec)
		if err != nil {
			return err
		}
		upd = append(upd, kv{append([]byte(nil), k...), raw})
	}
	for _, u := range upd {
		if err := tx.Bucket(bPayYTD).Put(u.k, u.v); err != nil {
			return err
		}
	}
	return nil
}

// CorrectingPayRun starts a draft correcting approved run id.
func (s *Store) CorrectingPayRun(ctx context.Context, id string) (app.PayRun, error) {
	var out app.PayRun
	err := s.updateAs(ctx, app.PermPayroll, "starting a correcting pay run", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		orig, err := readRun(tx, id)
		if err != nil {
			return err
		}
		if orig.Status != app.PayRunApproved {
			return &app.Error{Code: app.ECONFLICT, Field: "payrun.corrects", Key: "err.payrun.corrects", Msg: "only an approved pay run of the same month can be corrected"}
		}
		inputs := append([]app.PayInput(nil), orig.Inputs...)
		if out, err = s.saveDraft(tx, app.PayRun{Month: orig.Month, Corrects: orig.ID, Inputs: inputs}); err != nil {
			return err
		}
		return a.logKey("create", "payrun", out.ID, "audit.payrun_correcting", "{{.number}} corrects {{.original}}", app.AuditArgs{"number": app.AText(out.Number), "original": app.AText(orig.Number)})
	})
	return out, err
}

// PayRun returns a run with its payslips.
func (s *Store) PayRun(ctx context.Context, id string) (app.PayRun, error) {
	var out app.PayRun
	err := s.readPayroll(ctx, "reading the pay run", func(tx *bolt.Tx, a *auditor) (err error) {
		if out, err = readRun(tx, id); err != nil {
			return err
		}
		if out.Payslips, err = readPayslips(tx, out); err != nil {
			return err
		}
		return a.logKey("read", "payrun", id, "audit.payrun_read", "{{.number}}", app.AuditArgs{"number": app.AText(out.Number)})
	})
	return out, err
}

// PayRuns lists the runs of a year by month and number, without their
// payslips (PayRun has them).
func (s *Store) PayRuns(ctx context.Context, year int) ([]app.PayRun, error) {
	var out []app.PayRun
	err := s.readPayroll(ctx, "listing the pay runs", func(tx *bolt.Tx, a *auditor) error {
		out = nil
		prefix := []byte(strconv.Itoa(year))
		if year < 1000 || year > 9999 {
			return app.Invalid("payrun.year", "err.payrun.year", "{{.year}} is not a year", map[string]any{"year": year})
		}
		c := tx.Bucket(bPayRunMonths).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			r, err := readRun(tx, string(k[7:]))
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return a.logKey("read", "payrun", "", "audit.payruns_read", "the pay runs of {{.year}}", app.AuditArgs{"year": app.AInt(year)})
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Month != out[j].Month {
			return out[i].Month.Key() < out[j].Month.Key()
		}
		return len(out[i].Number) < len(out[j].Number) || len(out[i].Number) == len(out[j].Number) && out[i].Number < out[j].Number
	})
	return out, err
}

// Payslips returns an employee's approved payslips of a year by month.
func (s *Store) Payslips(ctx context.Context, employeeID string, year int) ([]app.Payslip, error) {
	var out []app.Payslip
	err := s.readPayroll(ctx, "reading the payslips", func(tx *bolt.Tx, a *auditor) error {
		out = nil
		e, err := readEmployee(tx, employeeID)
		if err != nil {
			return err
		}
		for mo := 1; mo <= 12; mo++ {
			p, _, ok, err := effectivePayslip(tx, employeeID, app.Month{Year: year, Month: time.Month(mo)})
			if err != nil {
				return err
			}
			if ok {
				out = append(out, p)
			}
		}
		return a.logKey("read", "payslip", employeeID, "audit.payslips_read", "{{.name}}, {{.year}}", app.AuditArgs{"name": app.AText(e.Name), "year": app.AInt(year)})
	})
	return out, err
}

// YearToDate is an employee's totals of the approved months of before's
// year before it.
func (s *Store) YearToDate(ctx context.Context, employeeID string, before app.Month) (app.YearToDate, error) {
	var out app.YearToDate
	err := s.readPayroll(ctx, "reading the year-to-date totals", func(tx *bolt.Tx, a *auditor) error {
		e, err := readEmployee(tx, employeeID)
		if err != nil {
			return err
		}
		if out, err = ytdBefore(tx, employeeID, before); err != nil {
			return err
		}
		return a.logKey("read", "payslip", employeeID, "audit.ytd_read", "{{.name}}, before {{.month}}", app.AuditArgs{"name": app.AText(e.Name), "month": app.AText(before.Format())})
	})
	return out, err
}

// PreviewPayRun computes r's payslips as ComputePayRun would, storing
// nothing but the audit entry of the read (app.PayRunPreviewer).
func (s *Store) PreviewPayRun(ctx context.Context, r app.PayRun) (app.PayRun, error) {
	out := r
	err := s.readPayroll(ctx, "previewing the pay run", func(tx *bolt.Tx, a *auditor) error {
		rules, err := checkRunMonth(tx, out.Month)
		if err != nil {
			return err
		}
		if err := checkInputs(&out); err != nil {
			return err
		}
		if out.ID == "" && out.Corrects == "" {
			runs, err := monthRuns(tx, out.Month)
			if err != nil {
				return err
			}
			for _, o := range runs {
				if o.Corrects == "" {
					return &app.Error{Code: app.ECONFLICT, Field: "payrun.month", Key: "err.payrun.second",
						Msg: "{{.month}} has pay run {{.number}} already; a change of an approved month is a correcting run", Args: map[string]any{"month": out.Month.Format(), "number": o.Number}}
				}
			}
		}
		if out.Payslips, err = computeRun(tx, out, rules); err != nil {
			return err
		}
		return a.logKey("read", "payrun", out.ID, "audit.payrun_preview", "preview of {{.month}}, {{.n}} employees", app.AuditArgs{"month": app.AText(out.Month.Format()), "n": app.AInt(len(out.Inputs))})
	})
	return out, err
}
