package sales

import (
	"context"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

func TestMain(m *testing.M) {
	kittest.Setup()
	datatest.SetDemoBuilder(func(ctx context.Context, svc app.Services) (string, string, error) {
		_, err := demo.Run(ctx, svc, demo.Options{}, demo.All()...)
		return demo.Admin, demo.Password, err
	})
	os.Exit(datatest.Main(m))
}

// salesNow is the day the tests work on (15 March 2026).
var salesNow = time.Date(2026, time.March, 15, 10, 0, 0, 0, time.UTC)

// salesTest opens the Sales module for a user with roles (a salesman by
// default) over a real store with one price-list item, in Czech number
// formats.
func salesTest(t *testing.T, roles ...app.Role) (*View, *kittest.Host, *datatest.DB) {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Clock(salesNow))
	if _, err := db.Services().PriceList.SaveItem(db.Ctx, app.Item{Code: "DESKA", Name: "Pracovní deska dub", Unit: "ks",
		Price: app.M(200000, "CZK"), VATKind: app.VATStandard, Stock: true}); err != nil {
		t.Fatal(err)
	}
	if len(roles) == 0 {
		roles = []app.Role{app.RoleSales}
	}
	old := kit.UILang
	kit.UILang = app.Czech
	t.Cleanup(func() { kit.UILang = old })
	d := kittest.Deps(db, db.User(t, roles...))
	c, err := db.Services().Company.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := kittest.NewHost(t, d, c, Module())
	h.Window().Resize(fyne.NewSize(1366, 850))
	v := h.Show("sales").(*View)
	return v, h, db
}

func button(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	return kittest.Button(t, root, text)
}

func texts(o fyne.CanvasObject) string { return kittest.Texts(o) }

// overlayEntry returns the n-th entry of the top dialog.
var overlayEntry = kittest.OverlayEntry

// inputAfter finds the first entry after the label with text.
func inputAfter(t *testing.T, root fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	seen := false
	for _, o := range kittest.Objects(root) {
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

// tapDialog taps the button with text in the top dialog.
var tapDialog = kittest.TapDialog

// retype replaces an entry's text as a user would.
var retype = kittest.Retype

// countDocs is how many documents of kind the store holds.
func countDocs(t *testing.T, db *datatest.DB, kind app.DocKind) int {
	t.Helper()
	_, n, err := db.Services().Sales.DocRows(db.Ctx, app.DocFilter{Kind: kind}, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func countCustomers(t *testing.T, db *datatest.DB) int {
	t.Helper()
	cs, err := db.Services().Customers.Customers(db.Ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}
