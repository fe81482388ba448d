package aftersales

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

func TestMain(m *testing.M) {
	kittest.Setup()
	os.Exit(datatest.Main(m))
}

// asNow is the day the tests work on: Friday 20 November 2026.
var asNow = time.Date(2026, time.November, 20, 10, 0, 0, 0, time.UTC)

// asStore is a store with a consumer customer (no IČO) and an issued
// invoice of 1 coffee grinder sold on 2 November 2026.
type asStore struct {
	db   *datatest.DB
	cust app.Customer
	inv  app.SalesDoc
}

func newASStore(t *testing.T) asStore {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Clock(asNow))
	ctx := db.Ctx
	cust, err := db.SaveCustomer(ctx, app.Customer{Name: "Jiří Dvořák", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00",
		Email: "jiri@example.cz", Phone: "+420 601 234 567"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: app.D(2026, 11, 2), TaxDate: app.D(2026, 11, 2),
		DueDate: app.D(2026, 11, 16), Lines: []app.DocLine{
			{Code: "MLYNEK", Text: "Mlýnek na kávu Šťastná 3000", Quantity: app.Q(1), Unit: "ks", UnitPrice: 249000, VATKind: app.VATStandard, Goods: true},
			{Code: "KAVA", Text: "Káva zrnková 1 kg", Quantity: app.Q(3), Unit: "ks", UnitPrice: 45000, VATKind: app.VATReduced, Goods: true}}})
	if err != nil {
		t.Fatal(err)
	}
	inv, err := db.Issue(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	return asStore{db: db, cust: cust, inv: inv}
}

// complaint is a consumer's complaint of the grinder made on day.
func (s asStore) complaint(subject string, day app.Date) app.Ticket {
	return app.Ticket{Kind: app.TicketComplaint, CustomerID: s.cust.ID, Consumer: true, InvoiceID: s.inv.ID, InvoiceLine: 1,
		Subject: subject, Defect: "Nejde zapnout", Remedy: app.RemedyRepair, Complained: day}
}

// asTab is the After-sales tab for an after-sales user over a real store.
type asTab struct {
	db *datatest.DB
	h  *kittest.Host
	v  *View
	w  fyne.Window
}

func openTab(t *testing.T, db *datatest.DB) *asTab {
	t.Helper()
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := kittest.Deps(db, db.User(t, app.RoleAftersales))
	h := kittest.NewHost(t, d, c, Module())
	v := h.Show("aftersales").(*View)
	return &asTab{db: db, h: h, v: v, w: h.Window()}
}

// tap taps the button with text in the tab.
func (a *asTab) tap(t *testing.T, text string) {
	t.Helper()
	test.Tap(kittest.Button(t, a.v.UI(), text))
}

// pdfText is the text pdftotext extracts from the PDF at path.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// contains fails the test when s lacks any of want.
func contains(t *testing.T, what, s string, want ...string) {
	t.Helper()
	for _, x := range want {
		if !strings.Contains(s, x) {
			t.Errorf("%s lacks %q:\n%s", what, x, s)
		}
	}
}
