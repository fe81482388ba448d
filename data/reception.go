package data

import (
	"bytes"
	"context"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Staff lists the enabled users by name: whom visitors see and appointments
// are booked for. Every signed-in user may read it (names only).
func (s *Store) Staff(ctx context.Context) ([]app.Staff, error) {
	var out []app.Staff
	err := s.viewAs(ctx, app.PermCompanyRead, "reading the staff", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bUsers).ForEach(func(_, v []byte) error {
			var r userRecord
			if err := decode(v, &r); err != nil {
				return err
			}
			if !r.Disabled {
				out = append(out, app.Staff{Name: r.Name, FullName: r.FullName})
			}
			return nil
		})
	})
	return out, err
}

// requireStaff refuses a name that is not an enabled user.
func requireStaff(tx *bolt.Tx, field, name string) error {
	r, err := readUser(tx, name)
	if err != nil || r.Disabled {
		return app.Invalid(field, "err.staff.unknown", "{{.name}} is not a member of staff", map[string]any{"name": name})
	}
	return nil
}

func dayKey(t time.Time) []byte { return []byte(app.DateOf(t.Local()).Key()) }

// putJSON stores a record of kind as JSON under id and logs the change.
func putJSON(tx *bolt.Tx, bucket []byte, kind byte, id string, v any) error {
	raw, err := encode(v)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucket).Put([]byte(id), raw); err != nil {
		return err
	}
	return recordChange(tx, kind, []byte(id), raw)
}

// CheckIn logs a visitor in (or a whole past visit, when In and Out are given).
func (s *Store) CheckIn(ctx context.Context, v app.Visit) (app.Visit, error) {
	if err := s.allowed(ctx, app.PermReception); err != nil {
		return app.Visit{}, err
	}
	if err := v.Validate(); err != nil {
		return app.Visit{}, err
	}
	now := s.clock.Now().UTC()
	if v.In.IsZero() {
		v.In = now
	}
	if v.In.After(now.Add(time.Minute)) {
		return app.Visit{}, app.Invalid("visit.in", "err.visit.future", "a check-in cannot be in the future", nil)
	}
	if !v.Out.IsZero() && (!v.Out.After(v.In) || v.Out.After(now.Add(time.Minute))) {
		return app.Visit{}, app.Invalid("visit.out", "err.visit.out", "the check-out must be after the check-in and not in the future", nil)
	}
	err := s.updateAs(ctx, app.PermReception, "checking the visitor in", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		if err := requireStaff(tx, "visit.host", v.Host); err != nil {
			return err
		}
		if v.CustomerID != "" {
			if _, err := readCustomer(tx, v.CustomerID); err != nil {
				return app.WithField(err, "visit.company")
			}
		}
		v.ID, v.Branch = app.NewID(now), branchOf(tx)
		if err := putJSON(tx, bVisits, changeVisit, v.ID, v); err != nil {
			return err
		}
		if err := reindex(tx, nil, visitIndexKeys(v)); err != nil {
			return err
		}
		if err := tx.Bucket(bVisitDay).Put(cat(dayKey(v.In), sep, []byte(v.ID)), nil); err != nil {
			return err
		}
		if v.Inside() {
			if err := tx.Bucket(bInside).Put([]byte(v.ID), nil); err != nil {
				return err
			}
		}
		return a.logKey("check_in", "visit", v.ID, "audit.check_in", "{{.visitor}} ({{.company}}) to see {{.host}}",
			app.AuditArgs{"visitor": app.AText(v.Visitor), "company": app.AText(v.Company), "host": app.AText(v.Host)})
	})
	return v, err
}

// CheckOut logs the visitor out now; a visitor not checked in or already out is refused.
func (s *Store) CheckOut(ctx context.Context, id string) (app.Visit, error) {
	var v app.Visit
	err := s.updateAs(ctx, app.PermReception, "checking the visitor out", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		raw := tx.Bucket(bVisits).Get([]byte(id))
		if raw == nil {
			return app.Errorf(app.ENOTFOUND, "err.visit.not_checked_in", "this visitor was not checked in", nil)
		}
		if err := decode(raw, &v); err != nil {
			return err
		}
		if !v.Inside() {
			return app.Errorf(app.ECONFLICT, "err.visit.already_out", "{{.name}} checked out already at {{.time}}", map[string]any{"name": v.Visitor, "time": v.Out.Local().Format("15:04")})
		}
		v.Out = s.clock.Now().UTC() // In and the customer stay: so do the lists' keys
		if err := putJSON(tx, bVisits, changeVisit, v.ID, v); err != nil {
			return err
		}
		if err := tx.Bucket(bInside).Delete([]byte(v.ID)); err != nil {
			return err
		}
		return a.logKey("check_out", "visit", v.ID, "audit.check_out", "{{.visitor}}", app.AuditArgs{"visitor": app.AText(v.Visitor)})
	})
	return v, err
}

func readVisit(tx *bolt.Tx, id []byte) (app.Visit, error) {
	var v app.Visit
	return v, decode(tx.Bucket(bVisits).Get(id), &v)
}

// Visits lists the visits that began on day, latest first.
func (s *Store) Visits(ctx context.Context, day app.Date) ([]app.Visit, error) {
	var out []app.Visit
	err := s.viewAs(ctx, app.PermReception, "reading visits", func(tx *bolt.Tx, _ app.User) error {
		prefix := cat([]byte(day.Key()), sep)
		c := tx.Bucket(bVisitDay).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			v, err := readVisit(tx, k[len(prefix):])
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].In.After(out[j].In) })
	return out, err
}

// InBuilding lists who has not checked out, the longest-staying first.
func (s *Store) InBuilding(ctx context.Context) ([]app.Visit, error) {
	var out []app.Visit
	err := s.viewAs(ctx, app.PermReception, "reading visits", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bInside).ForEach(func(k, _ []byte) error {
			v, err := readVisit(tx, k)
			if err == nil {
				out = append(out, v)
			}
			return err
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].In.Before(out[j].In) })
	return out, err
}
