package reception

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// TestDirectorySearchByPhoneAndEmail: the directory finds a customer by
// phone and e-mail as the real index answers, and Enter opens the card.
func TestDirectorySearchByPhoneAndEmail(t *testing.T) {
	db := datatest.MustOpen(t)
	c, err := db.SaveCustomer(db.Ctx, app.Customer{Name: "Jan Novák s.r.o.", City: "Praha", Country: "CZ", Phone: "+420 777 123 456", Email: "jan@firma.cz", PaymentDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	h := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleReception)), datatest.TestCompany(), Module())
	r := h.Show("reception").(*receptionScreen)
	r.Focus()
	if h.Window().Canvas().Focused() != r.dir.list.Search() {
		t.Fatal("the search field has no focus")
	}
	// The screen answers as the store's index does: the phone as written
	// (with spaces, with or without +420), its digits, a part of them and
	// the e-mail or its domain find the customer.
	for _, q := range []string{"+420 777 123 456", "777 123 456", "777123", "+420777123456", "jan@firma.cz", "firma"} {
		r.dir.list.Search().SetText("")
		test.Type(r.dir.list.Search(), q)
		want, err := db.Customers(db.Ctx, q, 0)
		if err != nil {
			t.Fatal(err)
		}
		if l := r.dir.list.List(); len(l) != len(want) {
			t.Errorf("%q found %d, the store %d", q, len(l), len(want))
		}
		if l := r.dir.list.List(); len(l) != 1 || l[0].ID != c.ID {
			t.Errorf("%q found %+v", q, l)
		}
	}
}
