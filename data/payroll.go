package data

import (
	"bytes"
	"context"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Payroll's store (issue 14): app's payroll*.go decide, these files load
// what they need and keep what they return. Every call needs PermPayroll;
// every write is one transaction with its audit entry, and so is every
// read: payroll data is personal, so reading it is in the audit trail too
// (a read is a write transaction that stores nothing but its audit entry).

func errPayrollNotFound(what, id string) error {
	return app.Errorf(app.ENOTFOUND, "err.payroll.not_found", "the {{.what}} {{.id}} does not exist", map[string]any{"what": what, "id": id})
}

// readPayroll runs fn as an audited read: fn appends the read's audit
// entry; a refused or failed read rolls back and leaves none.
func (s *Store) readPayroll(ctx context.Context, what string, fn func(tx *bolt.Tx, a *auditor) error) error {
	return s.updateAs(ctx, app.PermPayroll, what, func(tx *bolt.Tx, _ app.User, a *auditor) error { return fn(tx, a) })
}

func readEmployee(tx *bolt.Tx, id string) (app.Employee, error) {
	var e app.Employee
	ok, err := getJSON(tx, bEmployees, []byte(id), &e)
	if err == nil && !ok {
		err = errPayrollNotFound("employee", id)
	}
	return e, err
}

// Employee returns one employee with the whole history of terms.
func (s *Store) Employee(ctx context.Context, id string) (app.Employee, error) {
	var out app.Employee
	err := s.readPayroll(ctx, "reading the employee", func(tx *bolt.Tx, a *auditor) (err error) {
		if out, err = readEmployee(tx, id); err != nil {
			return err
		}
		return a.logKey("read", "employee", id, "audit.employee_read", "{{.name}}", app.AuditArgs{"name": app.AText(out.Name)})
	})
	return out, err
}

// Employees lists the employees f selects by name.
func (s *Store) Employees(ctx context.Context, f app.EmployeeFilter) ([]app.Employee, error) {
	var out []app.Employee
	words := strings.Fields(app.FoldText(f.Search))
	err := s.readPayroll(ctx, "listing the employees", func(tx *bolt.Tx, a *auditor) error {
		out = nil
		err := tx.Bucket(bEmployees).ForEach(func(_, v []byte) error {
			var e app.Employee
			if err := decode(v, &e); err != nil {
				return err
			}
			if employeeMatches(e, words, f.ActiveOn) {
				out = append(out, e)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return a.logKey("read", "employee", "", "audit.employees_read", "{{.n}} employees listed", app.AuditArgs{"n": app.AInt(len(out))})
	})
	sort.SliceStable(out, func(i, j int) bool {
		a, b := app.FoldText(out[i].Name), app.FoldText(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

func employeeMatches(e app.Employee, words []string, on app.Date) bool {
	if !on.IsZero() && !e.Employed(on) {
		return false
	}
	text := app.FoldText(e.Name)
	if bn, err := app.ParseBirthNumber(e.BirthNumber); err == nil {
		text += " " + bn.Born.String() + " " + bn.Born.Format(app.Czech)
	}
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// lastApprovedMonth is the last month of an approved pay run of employee
// id (any year); false when none.
func lastApprovedMonth(tx *bolt.Tx, id string) (app.Month, bool) {
	prefix := cat([]byte(id), sep)
	c := tx.Bucket(bPayYTD).Cursor()
	var last []byte
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		last = k
	}
	if last == nil {
		return app.Month{}, false
	}
	return monthOfKey(string(last[len(prefix):]))
}

// monthOfKey parses a Month.Key ("202611").
func monthOfKey(k string) (app.Month, bool) {
	if len(k) != 6 {
		return app.Month{}, false
	}
	m, err := app.ParseMonth(k[:4] + "-" + k[4:])
	return m, err == nil
}

// SaveEmployee creates or updates an employee. Birth numbers are unique;
// once a month of the employee is approved, the start and the terms in
// force up to its end stay as they were (ECONFLICT): a new salary is new
// terms from a later day.
func (s *Store) SaveEmployee(ctx context.Context, e app.Employee) (app.Employee, error) {
	if err := s.allowed(ctx, app.PermPayroll); err != nil {
		return e, err
	}
	e.Normalize()
	if err := e.Validate(); err != nil {
		return e, err
	}
	bn, _ := app.ParseBirthNumber(e.BirthNumber)
	err := s.updateAs(ctx, app.PermPayroll, "saving the employee", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		action := "create"
		if e.ID == "" {
			c, err := readCompany(tx)
			if err != nil {
				return err
			}
			e.ID, e.Branch = app.NewID(s.clock.Now()), c.Branch
		} else {
			old, err := readEmployee(tx, e.ID)
			if err != nil {
				return err
			}
			e.Branch, action = old.Branch, "update"
			if m, ok := lastApprovedMonth(tx, e.ID); ok {
				if err := keepsApprovedTerms(old, e, m); err != nil {
					return err
				}
			}
			if ob, err := app.ParseBirthNumber(old.BirthNumber); err == nil && ob.Digits != bn.Digits {
				if err := tx.Bucket(bBirthNumbers).Delete([]byte(ob.Digits)); err != nil {
					return err
				}
			}
		}
		if other := tx.Bucket(bBirthNumbers).Get([]byte(bn.Digits)); other != nil && string(other) != e.ID {
			o, _ := readEmployee(tx, string(other))
			return &app.Error{Code: app.ECONFLICT, Field: "employee.birth_number", Key: "err.employee.birth_number_taken",
				Msg: "{{.value}} is the birth number of {{.name}} already", Args: map[string]any{"value": bn.String(), "name": o.Name}}
		}
		if err := tx.Bucket(bBirthNumbers).Put([]byte(bn.Digits), []byte(e.ID)); err != nil {
			return err
		}
		if err := putLogged(tx, bEmployees, changeEmployee, []byte(e.ID), e); err != nil {
			return err
		}
		return a.logKey(action, "employee", e.ID, "audit.employee_saved", "{{.name}}", app.AuditArgs{"name": app.AText(e.Name)})
	})
	return e, err
}

// keepsApprovedTerms refuses an update of old to e that changes what an
// approved month up to m was paid by: the start, the terms in force up to
// m's last day, or an end before it.
func keepsApprovedTerms(old, e app.Employee, m app.Month) error {
	cut := m.Last()
	conflict := func(field, key, msg string) error {
		return &app.Error{Code: app.ECONFLICT, Field: field, Key: key, Msg: msg, Args: map[string]any{"month": m.Format()}}
	}
	if old.Start != e.Start && (!old.Start.After(cut) || !e.Start.After(cut)) {
		return conflict("employee.start", "err.employee.start_approved", "the start cannot change: {{.month}} is paid already")
	}
	if !e.End.IsZero() && e.End != old.End && e.End.Before(m.First()) {
		return conflict("employee.end", "err.employee.end_approved", "the employment cannot end before {{.month}}, which is paid already; correct that pay run first")
	}
	upTo := func(h []app.EmployeeTerms) []string {
		var out []string
		for _, t := range h {
			if !t.From.After(cut) {
				raw, _ := encode(t)
				out = append(out, string(raw))
			}
		}
		return out
	}
	a, b := upTo(old.History), upTo(e.History)
	if len(a) != len(b) {
		return conflict("employee.terms", "err.employee.terms_approved", "the terms in force up to {{.month}} are paid already; add new terms from a later day")
	}
	for i := range a {
		if a[i] != b[i] {
			return conflict("employee.terms", "err.employee.terms_approved", "the terms in force up to {{.month}} are paid already; add new terms from a later day")
		}
	}
	return nil
}

// DeleteEmployee removes an employee no pay run names.
func (s *Store) DeleteEmployee(ctx context.Context, id string) error {
	return s.updateAs(ctx, app.PermPayroll, "deleting the employee", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		e, err := readEmployee(tx, id)
		if err != nil {
			return err
		}
		named := ""
		err = tx.Bucket(bPayRuns).ForEach(func(_, v []byte) error {
			var r app.PayRun
			if err := decode(v, &r); err != nil {
				return err
			}
			for _, in := range r.Inputs {
				if in.EmployeeID == id && named == "" {
					named = r.Number
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if named != "" {
			return app.Errorf(app.ECONFLICT, "err.employee.in_payrun", "{{.name}} is in pay run {{.number}}; end the employment instead", map[string]any{"name": e.Name, "number": named})
		}
		if bn, err := app.ParseBirthNumber(e.BirthNumber); err == nil {
			if err := tx.Bucket(bBirthNumbers).Delete([]byte(bn.Digits)); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bEmployees).Delete([]byte(id)); err != nil {
			return err
		}
		if err := recordDelete(tx, changeEmployee, []byte(id)); err != nil {
			return err
		}
		return a.logKey("delete", "employee", id, "audit.employee_deleted", "{{.name}}", app.AuditArgs{"name": app.AText(e.Name)})
	})
}
