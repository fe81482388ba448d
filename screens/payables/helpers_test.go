package payables

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/accounts"
	"kontor/screens/kit"
)

// payNow is the day the Payables tests work on (15 March 2026); the Bank
// tests keep datatest.DefaultNow (28 November 2026), the day of their
// statements.
var payNow = time.Date(2026, time.March, 15, 10, 0, 0, 0, time.UTC)

// paneTest is the Accounts tab with the Payables and Bank panes, as the
// shell composes them, for an accountant over a real store, in Czech
// number formats.
type paneTest struct {
	db *datatest.DB
	h  *kittest.Host
	w  fyne.Window
	d  kit.Deps
}

// openPanes opens the Accounts tab (accounts.Module and this module) on db
// for a user with roles (RoleAccounts by default).
func openPanes(t *testing.T, db *datatest.DB, roles ...app.Role) *paneTest {
	t.Helper()
	if len(roles) == 0 {
		roles = []app.Role{app.RoleAccounts}
	}
	old := kit.UILang
	kit.UILang = app.Czech
	t.Cleanup(func() { kit.UILang = old })
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := kittest.Deps(db, db.User(t, roles...))
	h := kittest.NewHost(t, d, c, accounts.Module(), Module())
	h.Window().Resize(fyne.NewSize(1400, 850))
	h.Show("accounts")
	return &paneTest{db: db, h: h, w: h.Window(), d: d}
}

// selectPane brings the Accounts tab's sub-tab with title to the front, as
// the user's click does, and returns its built pane.
func (pt *paneTest) selectPane(t *testing.T, id, title string) *pane {
	t.Helper()
	p, ok := pt.h.View(id).(*pane)
	if !ok {
		t.Fatalf("pane %q is not built", id)
	}
	for _, o := range kittest.Objects(pt.h.View("accounts").UI()) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for _, it := range tabs.Items {
				if it.Text == title {
					tabs.Select(it)
					return p
				}
			}
		}
	}
	t.Fatalf("no %q sub-tab in Accounts", title)
	return nil
}

func button(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	return kittest.Button(t, root, text)
}

func texts(o fyne.CanvasObject) string { return kittest.Texts(o) }

// tapDialog taps the button with text in the top dialog.
var tapDialog = kittest.TapDialog

// overlayEntry returns the n-th entry of the top dialog.
var overlayEntry = kittest.OverlayEntry

// listIn finds the first list under root.
func listIn(t *testing.T, root fyne.CanvasObject) *widget.List {
	t.Helper()
	for _, o := range kittest.Objects(root) {
		if l, ok := o.(*widget.List); ok {
			return l
		}
	}
	t.Fatal("no list")
	return nil
}

// listTexts is what a list shows: the labels of every item, a line each.
func listTexts(l *widget.List) string {
	var s string
	for i := 0; i < l.Length(); i++ {
		o := l.CreateItem()
		l.UpdateItem(i, o)
		s += texts(o)
	}
	return s
}

// retype replaces an entry's text as a user would.
var retype = kittest.Retype

// dangerText is every visible danger-coloured label under root: the
// messages a form shows at its fields.
func dangerText(root fyne.CanvasObject) string {
	msg := ""
	for _, o := range kittest.Objects(root) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Importance == widget.DangerImportance {
			msg += l.Text + "\n"
		}
	}
	return msg
}

// sums is an entry's debit minus credit per account.
func sums(e app.Entry) map[string]int64 {
	out := map[string]int64{}
	for _, ln := range e.Lines {
		out[ln.Account] += ln.Debit - ln.Credit
	}
	return out
}

// balance is account's debit minus credit over the whole journal, read
// from the store as the admin.
func balance(t *testing.T, db *datatest.DB, account string) int64 {
	t.Helper()
	f := app.JournalFilter{Account: account}
	n, err := db.JournalCount(db.Ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := db.JournalPage(db.Ctx, f, 0, n)
	if err != nil {
		t.Fatal(err)
	}
	var b int64
	for _, l := range lines {
		if l.Line.Account == account {
			b += l.Line.Debit - l.Line.Credit
		}
	}
	return b
}

// purchases are the stored received invoices, newest first as the list
// shows them.
func purchases(t *testing.T, db *datatest.DB) []app.PurchaseInvoice {
	t.Helper()
	ps, _, err := db.Purchases(db.Ctx, app.PurchaseFilter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// purchaseNo is the stored received invoice numbered number.
func purchaseNo(t *testing.T, db *datatest.DB, number string) app.PurchaseInvoice {
	t.Helper()
	for _, p := range purchases(t, db) {
		if p.Number == number {
			return p
		}
	}
	t.Fatalf("no received invoice %s stored", number)
	return app.PurchaseInvoice{}
}
