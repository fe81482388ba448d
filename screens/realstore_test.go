package screens

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/app/pdf"
	"kontor/data"
	"kontor/screens/kit"
)

// realStore is a real bbolt store in t.TempDir() with a fixed clock (15 March
// 2026, 10:00 UTC), the test company and its first admin "jana" — the store
// the screens' new tests run on (the fakes are on their way out).
type realStore struct {
	t     testing.TB
	store *data.Store
	clock *app.FixedClock
	admin app.User
}

// mustOpen opens the real store of a test.
func mustOpen(t testing.TB) *realStore {
	t.Helper()
	clock := app.NewFixedClock(time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC))
	s, err := data.Open(filepath.Join(t.TempDir(), "kontor.db"), data.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	admin, err := s.CreateFirstAdmin(context.Background(), app.NewUser{Name: "jana", FullName: "Jana Nováková", Roles: []app.Role{app.RoleAdmin}, Password: testAdminPassword})
	if err != nil {
		t.Fatal(err)
	}
	r := &realStore{t: t, store: s, clock: clock, admin: admin}
	if _, err := s.CreateCompany(r.ctx(), testCompany()); err != nil {
		t.Fatal(err)
	}
	return r
}

// ctx is signed in as the admin.
func (r *realStore) ctx() context.Context { return app.WithUser(context.Background(), r.admin) }

// user adds a user with roles (password "kontor-demo").
func (r *realStore) user(name, fullName string, roles ...app.Role) app.User {
	r.t.Helper()
	u, err := r.store.CreateUser(r.ctx(), app.NewUser{Name: name, FullName: fullName, Roles: roles, Password: "kontor-demo"})
	if err != nil {
		r.t.Fatal(err)
	}
	return u
}

// customer stores a Czech customer.
func (r *realStore) customer(name string) app.Customer {
	r.t.Helper()
	c, err := r.store.SaveCustomer(r.ctx(), app.Customer{Name: name, Street: "Koňská 1", City: "Praha", Postcode: "110 00", Country: "CZ", PaymentDays: 14})
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

// invoice issues an invoice of one line (price in haléře, 21 %) to cust.
func (r *realStore) invoice(cust app.Customer, text string, price int64) app.SalesDoc {
	r.t.Helper()
	today := app.Today(r.clock)
	d, err := r.store.SaveDraft(r.ctx(), app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: today, TaxDate: today, DueDate: today.AddDays(14),
		Lines: []app.DocLine{{Text: text, Quantity: app.Q(1), Unit: "ks", UnitPrice: price, VATKind: app.VATStandard}}})
	if err != nil {
		r.t.Fatal(err)
	}
	if d, err = r.store.Issue(r.ctx(), d.ID); err != nil {
		r.t.Fatal(err)
	}
	return d
}

// company is the stored company.
func (r *realStore) company() app.Company {
	r.t.Helper()
	c, err := r.store.Company(r.ctx())
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

// deps are the screens' dependencies over the store with the real PDF
// renderers, signed in as u.
func (r *realStore) deps(u app.User) kit.Deps {
	return kit.Deps{Services: r.store.Services(), Printer: pdf.Printer{Now: r.clock.Now}, Sess: &kit.Session{User: u}}
}

// shell opens the main window's shell for u in a 1366×850 test window.
func (r *realStore) shell(u app.User) (*shell, fyne.Window) {
	r.t.Helper()
	a := test.NewTempApp(r.t)
	w := test.NewTempWindow(r.t, nil)
	w.Resize(fyne.NewSize(1366, 850))
	return openTestShell(a, w, r.deps(u), r.company()), w
}

// with text.
func fieldAfter(t *testing.T, root fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	seen := false
	for _, o := range objects(root) {
		if l, ok := o.(*widget.Label); ok && l.Text == label {
			seen = true
		}
		if e := kit.EntryOf(o); e != nil && seen {
			return e
		}
	}
	t.Fatalf("no entry after label %q", label)
	return nil
}
