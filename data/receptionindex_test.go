package data

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// TestReceptionListsEqualScan: on random reception data (visits, appointments
// moved between customers and days or cancelled, inquiries moved between
// customers and through their statuses, several at the same second), the
// customer card, the inquiries list and the appointments of all staff read
// through the lists equal what a scan of every record gives.
func TestReceptionListsEqualScan(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) { receptionListsEqualScan(t, seed) })
	}
}

func receptionListsEqualScan(t *testing.T, seed uint64) {
	s, clock := MustCompany(t)
	r := rand.New(rand.NewPCG(seed, 11))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateUser(ctx, app.NewUser{Name: "eva", Password: testPassword, Roles: []app.Role{app.RoleReception}}); err != nil {
		t.Fatal(err)
	}
	staff := []string{"admin", "eva"}
	var custs []string
	for i := range 5 {
		c, err := s.SaveCustomer(ctx, app.Customer{Name: fmt.Sprintf("Zákazník %d s.r.o.", i)})
		must(err)
		custs = append(custs, c.ID)
	}
	customer := func() string { // a fifth of the records have none
		if r.IntN(5) == 0 {
			return ""
		}
		return custs[r.IntN(len(custs))]
	}
	base := testNow.Add(-30 * 24 * time.Hour)
	at := func() time.Time { // on the hour, or within a second of another
		return base.Add(time.Duration(r.IntN(60*24)) * time.Hour).Add(time.Duration(r.IntN(3)) * 300 * time.Millisecond)
	}
	var appts []app.Appointment
	var inqs []app.Inquiry
	for range 150 {
		if r.IntN(3) == 0 {
			clock.Advance(time.Duration(r.IntN(3)) * time.Second) // several records in one second, and some at the same time
		}
		switch op := r.IntN(7); op {
		case 0, 1: // a whole past visit
			in := at()
			if in.After(testNow) {
				in = testNow.Add(-time.Hour)
			}
			_, err := s.CheckIn(ctx, app.Visit{Visitor: "Návštěva", Host: staff[r.IntN(2)], CustomerID: customer(), In: in, Out: in.Add(time.Minute)})
			must(err)
		case 2: // a new appointment (a clash is refused: skipped)
			start := at()
			a, err := s.SaveAppointment(ctx, app.Appointment{Staff: staff[r.IntN(2)], CustomerID: customer(), Customer: "Kontakt", Start: start, End: start.Add(30 * time.Minute)})
			if err == nil {
				appts = append(appts, a)
			}
		case 3: // an appointment moved, given to another customer, or cancelled
			if len(appts) == 0 {
				continue
			}
			i := r.IntN(len(appts))
			a := appts[i]
			if r.IntN(4) == 0 {
				must(s.CancelAppointment(ctx, a.ID))
				a, _ = readApptOf(s, a.ID)
				appts[i] = a
				continue
			}
			a.CustomerID, a.Start = customer(), at()
			a.End = a.Start.Add(45 * time.Minute)
			if a2, err := s.SaveAppointment(ctx, a); err == nil {
				appts[i] = a2
			}
		case 4: // a new inquiry
			cid := customer()
			q, err := s.SaveInquiry(ctx, app.Inquiry{CustomerID: cid, Contact: "Nový kontakt", Channel: app.ChannelPhone, Topic: "Dotaz"})
			must(err)
			inqs = append(inqs, q)
		case 5: // an inquiry given to another customer
			if len(inqs) == 0 {
				continue
			}
			i := r.IntN(len(inqs))
			q := inqs[i]
			q.CustomerID, q.Contact = customer(), "Jiný kontakt"
			q, err := s.SaveInquiry(ctx, q)
			must(err)
			inqs[i] = q
		case 6: // an inquiry moves on (won and lost close it)
			if len(inqs) == 0 {
				continue
			}
			i := r.IntN(len(inqs))
			next := []app.InquiryStatus{app.InquiryInProgress, app.InquiryWon, app.InquiryLost}[r.IntN(3)]
			if q, err := s.SetInquiryStatus(ctx, inqs[i].ID, next, ""); err == nil {
				inqs[i] = q
			}
		}
	}

	// The scan: every record, filtered and sorted the documented way (ties by ID).
	var visits []app.Visit
	var allAppts []app.Appointment
	var allInqs []app.Inquiry
	_ = s.db.View(func(tx *bolt.Tx) error {
		_ = tx.Bucket(bVisits).ForEach(func(_, v []byte) error { var x app.Visit; must(decode(v, &x)); visits = append(visits, x); return nil })
		_ = tx.Bucket(bAppts).ForEach(func(_, v []byte) error {
			var x app.Appointment
			must(decode(v, &x))
			allAppts = append(allAppts, x)
			return nil
		})
		_ = tx.Bucket(bInquiries).ForEach(func(_, v []byte) error {
			var x app.Inquiry
			must(decode(v, &x))
			allInqs = append(allInqs, x)
			return nil
		})
		return nil
	})
	newest := func(a, b time.Time, ida, idb string) int {
		return cmp.Or(b.Compare(a), cmp.Compare(idb, ida))
	}
	for _, id := range custs {
		card, err := s.CustomerCard(ctx, id)
		must(err)
		var wv []app.Visit
		for _, v := range visits {
			if v.CustomerID == id {
				wv = append(wv, v)
			}
		}
		slices.SortFunc(wv, func(a, b app.Visit) int { return newest(a.In, b.In, a.ID, b.ID) })
		var wa []app.Appointment
		for _, a := range allAppts {
			if a.CustomerID == id && !a.Cancelled {
				wa = append(wa, a)
			}
		}
		slices.SortFunc(wa, func(a, b app.Appointment) int { return newest(a.Start, b.Start, a.ID, b.ID) })
		var wq []app.Inquiry
		for _, q := range allInqs {
			if q.CustomerID == id {
				wq = append(wq, q)
			}
		}
		slices.SortFunc(wq, func(a, b app.Inquiry) int { return newest(a.Created, b.Created, a.ID, b.ID) })
		sameIDs(t, "visits of "+id, ids(card.Visits, func(v app.Visit) string { return v.ID }), ids(wv, func(v app.Visit) string { return v.ID }))
		sameIDs(t, "appointments of "+id, ids(card.Appointments, func(a app.Appointment) string { return a.ID }), ids(wa, func(a app.Appointment) string { return a.ID }))
		sameIDs(t, "inquiries of "+id, ids(card.Inquiries, func(q app.Inquiry) string { return q.ID }), ids(wq, func(q app.Inquiry) string { return q.ID }))
		if len(card.Visits) > 0 && card.Visits[0] != wv[0] {
			t.Errorf("card visit %+v, stored %+v", card.Visits[0], wv[0])
		}
	}
	for _, openOnly := range []bool{false, true} {
		got, err := s.Inquiries(ctx, openOnly)
		must(err)
		var want []app.Inquiry
		for _, q := range allInqs {
			if !openOnly || q.Status.Open() {
				want = append(want, q)
			}
		}
		slices.SortFunc(want, func(a, b app.Inquiry) int { return newest(a.Created, b.Created, a.ID, b.ID) })
		sameIDs(t, fmt.Sprint("inquiries, open only ", openOnly), ids(got, func(q app.Inquiry) string { return q.ID }), ids(want, func(q app.Inquiry) string { return q.ID }))
	}
	for range 20 {
		from := at()
		to := from.Add(time.Duration(r.IntN(10*24)) * time.Hour).Add(time.Duration(r.IntN(3)) * 300 * time.Millisecond)
		got, err := s.Appointments(ctx, from, to, "")
		must(err)
		var want []app.Appointment
		for _, a := range allAppts {
			if !a.Cancelled && !a.Start.Before(from) && a.Start.Before(to) {
				want = append(want, a)
			}
		}
		slices.SortFunc(want, func(a, b app.Appointment) int { return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID)) })
		sameIDs(t, fmt.Sprintf("appointments %v – %v", from, to), ids(got, func(a app.Appointment) string { return a.ID }), ids(want, func(a app.Appointment) string { return a.ID }))
	}
	if len(allAppts) < 10 || len(allInqs) < 10 || len(visits) < 20 {
		t.Fatalf("too little data: %d appointments, %d inquiries, %d visits", len(allAppts), len(allInqs), len(visits))
	}
	mustCheckClean(t, s)
}

func readApptOf(s *Store, id string) (a app.Appointment, err error) {
	err = s.db.View(func(tx *bolt.Tx) error { a, err = readAppt(tx, []byte(id)); return err })
	return a, err
}

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

func sameIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: read %v, scan %v", what, got, want)
	}
}

// TestCheckFindsReceptionListDamage: a list key lost, left behind or with
// the wrong open flag is found.
func TestCheckFindsReceptionListDamage(t *testing.T) {
	for _, tc := range []struct {
		name string
		harm func(tx *bolt.Tx) error
		want string
	}{
		{"visit lost from its customer's list", func(tx *bolt.Tx) error {
			k, _ := tx.Bucket(bVisitCust).Cursor().First()
			return tx.Bucket(bVisitCust).Delete(k)
		}, "check.reception_index"},
		{"appointment left behind", func(tx *bolt.Tx) error {
			return tx.Bucket(bApptDays).Put(cat(timeKey(testNow), sep, []byte("gone")), nil)
		}, "check.reception_index_extra"},
		{"inquiry's open flag wrong", func(tx *bolt.Tx) error {
			c := tx.Bucket(bInqDates).Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if v[0] == 0 {
					return tx.Bucket(bInqDates).Put(cat(k), []byte{1})
				}
			}
			return fmt.Errorf("no closed inquiry")
		}, "check.reception_index_value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := receptionStore(t)
			mustCheckClean(t, s)
			if err := s.db.Update(tc.harm); err != nil {
				t.Fatal(err)
			}
			probs, err := s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(probs) != 1 || probs[0].Key != tc.want {
				t.Fatalf("problems %+v, want %s", probs, tc.want)
			}
		})
	}
}
