package screens

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

func TestMain(m *testing.M) {
	kittest.Setup()
	// The idle lock is checked by the tests, not a ticker.
	lockPollEvery = 0
	os.Exit(datatest.Main(m))
}

// The shell's tests sign in as the admin "jana" of a real store.
const (
	testAdmin         = "jana"
	testAdminPassword = "tajné-heslo-1"
	// testAdminFullName is the full name datatest gives its first admin.
	testAdminFullName = "Správce Testovací"
)

// openDB opens a real store whose first admin is jana (see datatest.MustOpen
// for opts).
func openDB(t *testing.T, opts ...datatest.Option) *datatest.DB {
	t.Helper()
	return datatest.MustOpen(t, append([]datatest.Option{datatest.Admin(testAdmin, testAdminPassword)}, opts...)...)
}

// storedCompany is db's company as the store holds it.
func storedCompany(t *testing.T, db *datatest.DB) app.Company {
	t.Helper()
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// testGate is a gate on w signed in as d's user, with an idle lock.
func testGate(a fyne.App, w fyne.Window, d kit.Deps) *gate {
	g := newGate(a, w, d)
	g.mods = testModules()
	g.sess.User = d.User()
	g.lock = newIdleLock(g)
	return g
}

// openTestShell opens the shell of c on w for d's signed-in user.
func openTestShell(a fyne.App, w fyne.Window, d kit.Deps, c app.Company) *shell {
	return openShell(testGate(a, w, d), c)
}

// shellFor opens the main window's shell of db's company for u in a
// 1366×850 test window.
func shellFor(t *testing.T, db *datatest.DB, u app.User) (*shell, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := kittest.Window(t)
	return openTestShell(a, w, kittest.Deps(db, u), storedCompany(t, db)), w
}

// customer stores a Czech customer.
func customer(t *testing.T, db *datatest.DB, name string) app.Customer {
	t.Helper()
	c, err := db.SaveCustomer(db.Ctx, app.Customer{Name: name, Street: "Koňská 1", City: "Praha", Postcode: "110 00", Country: "CZ", PaymentDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// invoice issues an invoice of one line (price in haléře, 21 %) to cust.
func invoice(t *testing.T, db *datatest.DB, cust app.Customer, text string, price int64) app.SalesDoc {
	t.Helper()
	today := app.Today(db.Clock)
	d, err := db.SaveDraft(db.Ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: today, TaxDate: today, DueDate: today.AddDays(14),
		Lines: []app.DocLine{{Text: text, Quantity: app.Q(1), Unit: "ks", UnitPrice: price, VATKind: app.VATStandard}}})
	if err != nil {
		t.Fatal(err)
	}
	if d, err = db.Issue(db.Ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	return d
}

func tabTitles(tabs *container.AppTabs) []string {
	var out []string
	for _, it := range tabs.Items {
		out = append(out, it.Text)
	}
	return out
}

// subTab selects the sub-tab titled title of the first tab set under root
// that has one.
func subTab(t *testing.T, root fyne.CanvasObject, title string) {
	t.Helper()
	for _, o := range kittest.Objects(root) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for _, it := range tabs.Items {
				if it.Text == title {
					tabs.Select(it)
					return
				}
			}
		}
	}
	t.Fatalf("no sub-tab %q", title)
}

// tapDialog taps the button text of the top dialog of w.
func tapDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	test.Tap(kittest.Button(t, top, text))
}

// retype replaces an entry's text as a user would.
func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}
