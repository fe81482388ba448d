package data

import (
	"bytes"
	"context"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func timeKey(t time.Time) []byte { return []byte(t.UTC().Format("20060102T150405Z")) }

func apptKey(a app.Appointment) []byte {
	return cat([]byte(a.Staff), sep, timeKey(a.Start), sep, []byte(a.ID))
}

func readAppt(tx *bolt.Tx, id []byte) (app.Appointment, error) {
	var a app.Appointment
	raw := tx.Bucket(bAppts).Get(id)
	if raw == nil {
		return a, app.Errorf(app.ENOTFOUND, "err.appointment.not_found", "the appointment does not exist", nil)
	}
	return a, decode(raw, &a)
}

// collision returns a non-cancelled appointment of a's staff member that
// overlaps a. Appointments last at most a day, so only those starting in the
// day before a's end can reach into it.
func collision(tx *bolt.Tx, a app.Appointment) (app.Appointment, bool) {
	prefix := cat([]byte(a.Staff), sep)
	c := tx.Bucket(bApptStaff).Cursor()
	end := cat(prefix, timeKey(a.End))
	for k, _ := c.Seek(cat(prefix, timeKey(a.Start.Add(-24*time.Hour)))); k != nil && bytes.Compare(k, end) < 0; k, _ = c.Next() {
		o, err := readAppt(tx, k[bytes.LastIndexByte(k, 0)+1:])
		if err == nil && o.ID != a.ID && !o.Cancelled && o.Overlaps(a) {
			return o, true
		}
	}
	return app.Appointment{}, false
}

// SaveAppointment creates or changes an appointment, refusing one that overlaps
// another of the same staff member and naming that one.
func (s *Store) SaveAppointment(ctx context.Context, a app.Appointment) (app.Appointment, error) {
	if err := s.allowed(ctx, app.PermReception); err != nil {
		return app.Appointment{}, err
	}
	if err := a.Validate(); err != nil {
		return app.Appointment{}, err
	}
	err := s.updateAs(ctx, app.PermReception, "saving the appointment", func(tx *bolt.Tx, _ app.User, au *auditor) error {
		if err := requireStaff(tx, "appointment.staff", a.Staff); err != nil {
			return err
		}
		if a.CustomerID != "" {
			cust, err := readCustomer(tx, a.CustomerID)
			if err != nil {
				return app.WithField(err, "appointment.customer")
			}
			a.Customer = cust.Name
		}
		action := "create"
		var oldKeys []indexKV
		if a.ID == "" {
			a.ID, a.Branch = app.NewID(s.clock.Now()), branchOf(tx)
		} else {
			old, err := readAppt(tx, []byte(a.ID))
			if err != nil {
				return err
			}
			if old.Revision != a.Revision {
				return app.Errorf(app.ECONFLICT, "err.appointment.stale", "the appointment was changed meanwhile; open it again", nil)
			}
			if err := tx.Bucket(bApptStaff).Delete(apptKey(old)); err != nil {
				return err
			}
			oldKeys = apptIndexKeys(old)
			a.Branch, a.Revision, action = old.Branch, old.Revision+1, "update"
		}
		if o, clash := collision(tx, a); clash {
			return app.Invalid("appointment.start", "err.appointment.overlap", "{{.staff}} already has an appointment {{.from}}–{{.to}} with {{.customer}}",
				map[string]any{"staff": a.Staff, "from": o.Start, "to": o.End.Local().Format("15:04"), "customer": o.Customer})
		}
		if err := putJSON(tx, bAppts, changeAppointment, a.ID, a); err != nil {
			return err
		}
		if err := reindex(tx, oldKeys, apptIndexKeys(a)); err != nil {
			return err
		}
		if err := tx.Bucket(bApptStaff).Put(apptKey(a), nil); err != nil {
			return err
		}
		return au.logKey(action, "appointment", a.ID, "audit.appointment", "{{.staff}} with {{.customer}} on {{.date}} at {{.time}}", apptArgs(a))
	})
	return a, err
}

// CancelAppointment cancels an appointment; its time is free again.
func (s *Store) CancelAppointment(ctx context.Context, id string) error {
	return s.updateAs(ctx, app.PermReception, "cancelling the appointment", func(tx *bolt.Tx, _ app.User, au *auditor) error {
		a, err := readAppt(tx, []byte(id))
		if err != nil {
			return err
		}
		if a.Cancelled {
			return nil
		}
		a.Cancelled = true
		a.Revision++ // a cancelled appointment stays in the lists; their readers skip it
		if err := putJSON(tx, bAppts, changeAppointment, a.ID, a); err != nil {
			return err
		}
		return au.logKey("cancel", "appointment", a.ID, "audit.appointment", "{{.staff}} with {{.customer}} on {{.date}} at {{.time}}", apptArgs(a))
	})
}

// Appointments lists non-cancelled appointments starting in [from, to), of
// one staff member or of all, by start.
func (s *Store) Appointments(ctx context.Context, from, to time.Time, staff string) ([]app.Appointment, error) {
	var out []app.Appointment
	err := s.viewAs(ctx, app.PermReception, "reading appointments", func(tx *bolt.Tx, _ app.User) error {
		add := func(a app.Appointment) {
			if !a.Cancelled && !a.Start.Before(from) && a.Start.Before(to) {
				out = append(out, a)
			}
		}
		if staff == "" {
			var err error
			out, err = appointmentsBetween(tx, from, to)
			return err
		}
		prefix := cat([]byte(staff), sep)
		c := tx.Bucket(bApptStaff).Cursor()
		end := cat(prefix, timeKey(to))
		for k, _ := c.Seek(cat(prefix, timeKey(from))); k != nil && bytes.Compare(k, end) < 0; k, _ = c.Next() {
			a, err := readAppt(tx, k[bytes.LastIndexByte(k, 0)+1:])
			if err != nil {
				return err
			}
			add(a)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, err
}
