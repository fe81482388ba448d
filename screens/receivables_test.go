package screens

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// agingCustomers are the customers seedAging makes, by name.
type agingCustomers map[string]app.Customer

// seedAging issues invoices of three customers (the clock is 15 March 2026):
//
//	Novák a syn:   1 210,00 due 15. 12. 2025 (61–90), 2 420,00 due 3. 2. (31–60),
//	               3 630,00 due 10. 3. paid 1 000,00 (2 630,00 in 1–30)
//	Dvořák s.r.o.: 4 840,00 due 24. 3. (current), 6 050,00 due 15. 10. 2025 (over 90)
//	Žlutý kůň:     1 210,00 issued 2. 2., paid in full 20. 2.
func seedAging(t *testing.T, d kit.Deps) agingCustomers {
	t.Helper()
	customers, _, sales := salesFakes(d)
	ctx := d.Ctx()
	out := agingCustomers{}
	for _, name := range []string{"Novák a syn", "Dvořák s.r.o.", "Žlutý kůň"} {
		c, err := customers.SaveCustomer(ctx, app.Customer{Name: name, Street: "Dlouhá 1", City: "Praha"})
		if err != nil {
			t.Fatal(err)
		}
		out[name] = c
	}
	issue := func(cust string, issued, due app.Date, qty int64) app.SalesDoc {
		doc, err := sales.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: out[cust].ID, IssueDate: issued, DueDate: due,
			Currency: "CZK", Lines: []app.DocLine{{Text: "Práce", Quantity: app.Q(qty), Unit: "h", UnitPrice: 100000, VATKind: app.VATStandard}}})
		if err == nil {
			doc, err = sales.Issue(ctx, doc.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	pay := func(doc app.SalesDoc, day app.Date, amount int64) {
		if _, err := sales.RecordPayment(ctx, app.Payment{DocID: doc.ID, Date: day, Amount: app.M(amount, "CZK"), Method: app.PayBank}); err != nil {
			t.Fatal(err)
		}
	}
	issue("Novák a syn", app.D(2025, time.December, 1), app.D(2025, time.December, 15), 1)
	issue("Novák a syn", app.D(2026, time.January, 20), app.D(2026, time.February, 3), 2)
	pay(issue("Novák a syn", app.D(2026, time.March, 1), app.D(2026, time.March, 10), 3), app.D(2026, time.March, 12), 100000)
	issue("Dvořák s.r.o.", app.D(2026, time.March, 10), app.D(2026, time.March, 24), 4)
	issue("Dvořák s.r.o.", app.D(2025, time.October, 1), app.D(2025, time.October, 15), 5)
	inv := issue("Žlutý kůň", app.D(2026, time.February, 2), app.D(2026, time.February, 16), 1)
	pay(inv, app.D(2026, time.February, 20), inv.Totals.Total)
	return out
}

// dateText is a date as a date entry shows it in the UI language.
func dateText(y, m, d int) string { return kit.FormatDateInput(app.D(y, time.Month(m), d)) }

// accountsPanesTest opens the Accounts tab over seeded invoices with fake
// statement and report renderers, signed in as an accountant.
func accountsPanesTest(t *testing.T) (*accountsScreen, fyne.Window, kit.Deps, agingCustomers) {
	t.Helper()
	test.NewTempApp(t)
	c := testCompany()
	d, _, l := testDeps(&c)
	custs := seedAging(t, d)
	postTestEntries(t, l)
	users, _ := fakesOf(d)
	d.Sess.User = users.mustAdd(app.NewUser{Name: "ucetni", Roles: []app.Role{app.RoleAccounts}, Password: "kontor-demo"})
	d.Statements = &fakeStatements{}
	d.Reports = &fakeReportPDF{}
	d.Services.Reports = fakeBetween{l}
	w := test.NewTempWindow(t, nil)
	s := newAccountsScreen(d, w, c)
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1366, 850))
	return s, w, d, custs
}

// selectPane brings the Accounts sub-tab titled title to the front.
func selectPane(t *testing.T, w fyne.Window, title string) {
	t.Helper()
	tabs := w.Content().(*container.AppTabs)
	for _, it := range tabs.Items {
		if it.Text == title {
			tabs.Select(it)
			return
		}
	}
	t.Fatalf("no tab %q", title)
}

// snapshotPNG writes what w shows to $TMPDIR/kontor-<name>.png for a look
// at the layout, when KONTOR_SNAPSHOTS is set.
func snapshotPNG(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	if os.Getenv("KONTOR_SNAPSHOTS") == "" {
		return
	}
	f, err := os.Create(filepath.Join(os.TempDir(), "kontor-"+name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func TestAccountsPanesInOrder(t *testing.T) {
	_, w, _, _ := accountsPanesTest(t)
	var got []string
	for _, it := range w.Content().(*container.AppTabs).Items {
		got = append(got, it.Text)
	}
	if want := "Chart of accounts,Journal,Periods,Receivables,"; !strings.HasPrefix(strings.Join(got, ","), want) {
		t.Fatalf("tabs %v", got)
	}
	joined := strings.Join(got, ",")
	if i, j, k := strings.Index(joined, "Receivables"), strings.Index(joined, "Statements"), strings.Index(joined, "Reports"); i < 0 || j < i || k < j {
		t.Errorf("receivables, statements and reports out of order: %v", got)
	}
}

func TestReceivablesAgingTotalsChartAndStatement(t *testing.T) {
	s, w, _, custs := accountsPanesTest(t)
	selectPane(t, w, "Receivables")
	p := linksOf(s).receivables
	if len(p.rows) != 2 {
		t.Fatalf("aging rows %+v", p.rows)
	}
	dvorak, novak := p.rows[0], p.rows[1]
	if dvorak.Customer != "Dvořák s.r.o." || dvorak.Total != 1089000 || dvorak.Buckets != [5]int64{484000, 0, 0, 0, 605000} {
		t.Errorf("Dvořák %+v", dvorak)
	}
	if novak.Customer != "Novák a syn" || novak.Total != 626000 || novak.Buckets != [5]int64{0, 263000, 242000, 121000, 0} {
		t.Errorf("Novák %+v", novak)
	}
	shown := texts(p.table)
	for _, want := range []string{"Dvořák s.r.o.", "4,840.00", "6,050.00", "10,890.00", "Novák a syn", "2,630.00", "Total", "17,150.00"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the table lacks %q:\n%s", want, shown)
		}
	}
	if !strings.Contains(p.info.Text, "2 partners with open documents") || !strings.Contains(p.info.Text, "17,150.00") {
		t.Errorf("info %q", p.info.Text)
	}
	if got := p.chart.series[0].values; len(got) != 5 || got[0] != 484000 || got[1] != 263000 || got[4] != 605000 {
		t.Errorf("chart values %v", got)
	}
	if len(p.chart.labels) != 5 || p.chart.labels[4] != "Over 90 days" {
		t.Errorf("chart labels %v", p.chart.labels)
	}
	snapshotPNG(t, w, "receivables")

	// As of the end of January the March invoices do not exist yet and
	// Novák's December invoice was 47 days overdue.
	p.asOf.SetText(dateText(2026, 1, 31))
	test.Tap(p.showB)
	if len(p.rows) != 2 || p.rows[1].Customer != "Novák a syn" || p.rows[1].Buckets != [5]int64{242000, 0, 121000, 0, 0} {
		t.Errorf("aging as of 31 January: %+v", p.rows)
	}
	p.asOf.SetText("31. 2. 2026")
	test.Tap(p.showB)
	if !strings.Contains(dialogText(w), "As of") {
		t.Errorf("a wrong date says %q", dialogText(w))
	}
	closeDialogs(w)

	// Statement… opens Novák's statement up to the aging day.
	p.asOf.SetText(dateText(2026, 3, 15))
	p.reload()
	if !p.stmtB.Disabled() {
		t.Error("Statement… is enabled with no row selected")
	}
	p.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if p.stmtB.Disabled() {
		t.Fatal("Statement… stays disabled for a selected customer")
	}
	test.Tap(p.stmtB)
	sp := linksOf(s).statements
	tabs := w.Content().(*container.AppTabs)
	if tabs.Selected().Text != "Statements" || sp.cust.ID != custs["Novák a syn"].ID || sp.to.Text != dateText(2026, 3, 15) {
		t.Fatalf("statement pane shows %q for %q to %q", tabs.Selected().Text, sp.cust.Name, sp.to.Text)
	}
	if sp.st == nil || sp.st.ClosingBase() != 626000 || !strings.Contains(sp.summary.Text, "closing balance CZK\u00a06,260.00") {
		t.Errorf("statement preview %+v / %q", sp.st, sp.summary.Text)
	}
	// The totals row cannot open a statement.
	selectPane(t, w, "Receivables")
	p.table.Select(widget.TableCellID{Row: 2, Col: 0})
	if !p.stmtB.Disabled() {
		t.Error("Statement… is enabled on the totals row")
	}
}

func TestPayablesAgingToggle(t *testing.T) {
	test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	pay := &fakeOpenPurchases{}
	d.Services.Payables = pay
	for _, p := range []app.PurchaseInvoice{
		{ID: "P1", SupplierID: "S1", Supplier: app.Party{Name: "Dřevo Hájek"}, IssueDate: app.D(2026, time.January, 5), DueDate: app.D(2026, time.January, 19), Total: 500000, Paid: 100000, ExchangeRate: app.RatePercent(1)},
		{ID: "P2", SupplierID: "S1", Supplier: app.Party{Name: "Dřevo Hájek"}, IssueDate: app.D(2026, time.March, 1), DueDate: app.D(2026, time.March, 31), Total: 200000, ExchangeRate: app.RatePercent(1)},
		{ID: "P3", SupplierID: "S2", Supplier: app.Party{Name: "Elektro Malý"}, IssueDate: app.D(2026, time.March, 2), DueDate: app.D(2026, time.March, 9), Total: 300000, Paid: 300000, ExchangeRate: app.RatePercent(1)},
	} {
		pay.list = append(pay.list, p)
	}
	w := test.NewTempWindow(t, nil)
	s := newAccountsScreen(d, w, c)
	p := newReceivablesPane(s)
	w.SetContent(p.buildUI())
	w.Resize(fyne.NewSize(1200, 700))
	if p.which == nil {
		t.Fatal("no receivables/payables switch with a payables service")
	}
	p.which.SetSelected("Payables")
	if len(p.rows) != 1 || p.rows[0].Customer != "Dřevo Hájek" || p.rows[0].Buckets != [5]int64{200000, 0, 400000, 0, 0} {
		t.Fatalf("payables aging %+v", p.rows)
	}
	if p.stmtB.Visible() {
		t.Error("Statement… is offered for suppliers")
	}
	if !strings.Contains(texts(p.table), "6,000.00") {
		t.Errorf("payables table:\n%s", texts(p.table))
	}

	// Without a payables service there is no switch.
	d.Services.Payables = nil
	s2 := newAccountsScreen(d, w, c)
	p2 := newReceivablesPane(s2)
	w.SetContent(p2.buildUI())
	if p2.which != nil {
		t.Error("a payables switch without payables")
	}
}
