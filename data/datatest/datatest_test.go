package datatest_test

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data/datatest"
)

// demoBuilds counts how often the demo company was built in this binary.
var demoBuilds atomic.Int32

func TestMain(m *testing.M) {
	datatest.SetDemoBuilder(func(ctx context.Context, svc app.Services) (string, string, error) {
		demoBuilds.Add(1)
		_, err := demo.Run(ctx, svc, demo.Options{}, demo.All()...)
		return demo.Admin, demo.Password, err
	})
	os.Exit(datatest.Main(m))
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if app.ErrorCode(err) != code {
		t.Fatalf("error %v (%s), want %s", err, app.ErrorCode(err), code)
	}
}

// TestMustOpen: the default store has its admin signed in, the test company
// and the fixed clock, in the test's own directory, and is a healthy real
// store that posts, checks and hashes passwords cheaply.
func TestMustOpen(t *testing.T) {
	if app.PasswordCost.Time != 1 || app.PasswordCost.Memory != 64 {
		t.Errorf("Main left the password cost at %+v", app.PasswordCost)
	}
	db := datatest.MustOpen(t)
	if !filepath.IsAbs(db.Path) || filepath.Base(db.Path) != "kontor.db" || db.Store.Path() != db.Path {
		t.Errorf("path %s (store %s)", db.Path, db.Store.Path())
	}
	if !db.Clock.Now().Equal(datatest.DefaultNow) {
		t.Errorf("clock %v", db.Clock.Now())
	}
	u, ok := app.UserFrom(db.Ctx)
	if !ok || u.Name != datatest.AdminName || db.Admin.Name != u.Name || !app.Can(u.Roles, app.PermUsersManage) {
		t.Fatalf("signed in as %+v (%v)", u, ok)
	}
	c, err := db.Company(db.Ctx)
	if err != nil || c.Name != datatest.TestCompany().Name || c.Chart != app.ChartCzech || !c.VATPayer {
		t.Fatalf("company %+v, %v", c, err)
	}
	e := app.Entry{Date: app.D(2026, 11, 2), Memo: "Nájem listopad", Lines: []app.Line{
		{Account: "518", Debit: 1500000}, {Account: "221", Credit: 1500000}}}
	if e, err = db.PostEntry(db.Ctx, e); err != nil || e.Number == "" {
		t.Fatalf("posting: %+v %v", e, err)
	}
	if _, err := db.Authenticate(context.Background(), datatest.AdminName, datatest.AdminPassword); err != nil {
		t.Errorf("the admin cannot sign in with its password: %v", err)
	}
	if problems, err := db.Check(db.Ctx); err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}

// TestMustOpenOptions: Empty, NoCompany, Admin, Clock and Company each do
// what they say.
func TestMustOpenOptions(t *testing.T) {
	empty := datatest.MustOpen(t, datatest.Empty())
	if has, err := empty.HasUsers(context.Background()); err != nil || has {
		t.Errorf("Empty has users: %v %v", has, err)
	}
	if _, ok := app.UserFrom(empty.Ctx); ok || empty.Admin.Name != "" {
		t.Errorf("Empty is signed in: %+v", empty.Admin)
	}

	noCo := datatest.MustOpen(t, datatest.NoCompany())
	_, err := noCo.Company(noCo.Ctx)
	wantCode(t, err, app.ENOTFOUND)

	when := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	co := datatest.TestCompany()
	co.Name, co.VATPayer, co.DIC = "Kadeřnictví Jana", false, ""
	db := datatest.MustOpen(t, datatest.Admin("jana", "tajné-heslo-1"), datatest.Clock(when), datatest.Company(co))
	if db.Admin.Name != "jana" || db.Password != "tajné-heslo-1" || !db.Clock.Now().Equal(when) {
		t.Errorf("admin %s/%s, clock %v", db.Admin.Name, db.Password, db.Clock.Now())
	}
	if _, err := db.Authenticate(context.Background(), "jana", "tajné-heslo-1"); err != nil {
		t.Error(err)
	}
	if got, err := db.Company(db.Ctx); err != nil || got.Name != co.Name || got.VATPayer {
		t.Errorf("company %+v %v", got, err)
	}
}

// TestAs: a user of exactly the roles asked for, created once, signed in;
// the store enforces its roles.
func TestAs(t *testing.T) {
	db := datatest.MustOpen(t)
	sales := db.As(t, app.RoleSales)
	u, _ := app.UserFrom(sales)
	if len(u.Roles) != 1 || u.Roles[0] != app.RoleSales {
		t.Fatalf("user %+v", u)
	}
	if again := db.User(t, app.RoleSales); again.Name != u.Name {
		t.Errorf("a second As made another user: %s, %s", again.Name, u.Name)
	}
	if _, err := db.SaveCustomer(sales, app.Customer{Name: "Novák s.r.o.", Country: "CZ"}); err != nil {
		t.Errorf("sales may add a customer: %v", err)
	}
	_, err := db.PostEntry(sales, app.Entry{Date: app.D(2026, 11, 2), Lines: []app.Line{{Account: "518", Debit: 100}, {Account: "221", Credit: 100}}})
	wantCode(t, err, app.EUNAUTHORIZED)
	both := db.User(t, app.RoleAccounts, app.RoleSales)
	if both.Name == u.Name || len(both.Roles) != 2 {
		t.Errorf("two roles: %+v", both)
	}
	if _, err := db.Authenticate(context.Background(), u.Name, datatest.UserPassword); err != nil {
		t.Errorf("As's user cannot sign in: %v", err)
	}
}

// TestDemo: the demo company is built once per binary and each test gets
// its own copy, signed in as the demo's admin.
func TestDemo(t *testing.T) {
	a := datatest.MustOpen(t, datatest.Demo())
	b := datatest.MustOpen(t, datatest.Demo())
	if n := demoBuilds.Load(); n != 1 {
		t.Errorf("the demo was built %d times", n)
	}
	if a.Path == b.Path || a.Admin.Name != demo.Admin || a.Password != demo.Password {
		t.Fatalf("copies %s %s, admin %s", a.Path, b.Path, a.Admin.Name)
	}
	invoices := func(db *datatest.DB) int {
		_, n, err := db.Documents(db.Ctx, app.DocFilter{Kind: app.KindInvoice}, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	n := invoices(a)
	if n < 50 {
		t.Fatalf("the demo has %d invoices", n)
	}
	// A write to one copy leaves the other as built.
	inv, _, err := a.Documents(a.Ctx, app.DocFilter{Kind: app.KindInvoice}, 0, 1)
	if err != nil || len(inv) == 0 {
		t.Fatal(err)
	}
	today := app.DateOf(a.Clock.Now())
	if _, err := a.SaveDraft(a.Ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: inv[0].CustomerID, IssueDate: today, TaxDate: today, DueDate: today.AddDays(14),
		Lines: []app.DocLine{{Text: "Oprava", Quantity: app.Q(1), Unit: "ks", UnitPrice: 10000, VATKind: app.VATStandard}}}); err != nil {
		t.Fatal(err)
	}
	if got := invoices(a); got != n+1 {
		t.Errorf("copy a: %d invoices after a draft, want %d", got, n+1)
	}
	if got := invoices(b); got != n {
		t.Errorf("copy b changed with a: %d invoices, want %d", got, n)
	}
	// the demo's users sign in; its accountant reads the ledger
	if _, err := b.Authenticate(context.Background(), "ucetni", demo.Password); err != nil {
		t.Error(err)
	}
	if problems, err := b.Check(b.Ctx); err != nil || len(problems) != 0 {
		t.Errorf("check of the copy: %v %v", problems, err)
	}
}
