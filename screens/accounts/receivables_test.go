package accounts

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// agingCustomers are the customers seedAging makes, by name.
type agingCustomers map[string]app.Customer

// seedAging issues invoices of three customers on the real store (the clock
// is 15 March 2026):
//
//	Novák a syn:   1 210,00 due 15. 12. 2025 (61–90), 2 420,00 due 3. 2. (31–60),
//	               3 630,00 due 10. 3. paid 1 000,00 (2 630,00 in 1–30)
//	Dvořák s.r.o.: 4 840,00 due 24. 3. (current), 6 050,00 due 15. 10. 2025 (over 90)
//	Žlutý kůň:     1 210,00 issued 2. 2., paid in full 20. 2.
func seedAging(t *testing.T, db *datatest.DB) agingCustomers {
	t.Helper()
	ctx := db.Ctx
	out := agingCustomers{}
	for _, name := range []string{"Novák a syn", "Dvořák s.r.o.", "Žlutý kůň"} {
		c, err := db.SaveCustomer(ctx, app.Customer{Name: name, Street: "Dlouhá 1", City: "Praha"})
		if err != nil {
			t.Fatal(err)
		}
		out[name] = c
	}
	issue := func(cust string, issued, due app.Date, qty int64) app.SalesDoc {
		doc, err := db.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: out[cust].ID, IssueDate: issued, TaxDate: issued, DueDate: due,
			Currency: "CZK", Lines: []app.DocLine{{Text: "Práce", Quantity: app.Q(qty), Unit: "h", UnitPrice: 100000, VATKind: app.VATStandard}}})
		if err == nil {
			doc, err = db.Issue(ctx, doc.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	pay := func(doc app.SalesDoc, day app.Date, amount int64) {
		if _, err := db.RecordPayment(ctx, app.Payment{DocID: doc.ID, Date: day, Amount: app.M(amount, "CZK"), Method: app.PayBank}); err != nil {
			t.Fatal(err)
		}
	}
	// Issued in the order of their dates, as the series numbers them.
	issue("Dvořák s.r.o.", app.D(2025, time.October, 1), app.D(2025, time.October, 15), 5)
	issue("Novák a syn", app.D(2025, time.December, 1), app.D(2025, time.December, 15), 1)
	issue("Novák a syn", app.D(2026, time.January, 20), app.D(2026, time.February, 3), 2)
	inv := issue("Žlutý kůň", app.D(2026, time.February, 2), app.D(2026, time.February, 16), 1)
	pay(inv, app.D(2026, time.February, 20), inv.Totals.Total)
	pay(issue("Novák a syn", app.D(2026, time.March, 1), app.D(2026, time.March, 10), 3), app.D(2026, time.March, 12), 100000)
	issue("Dvořák s.r.o.", app.D(2026, time.March, 10), app.D(2026, time.March, 24), 4)
	return out
}

// openInvoices sums what is left to pay of the store's issued invoices,
// per customer.
func openInvoices(t *testing.T, db *datatest.DB) map[string]int64 {
	t.Helper()
	docs, _, err := db.Documents(db.Ctx, app.DocFilter{Kind: app.KindInvoice}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, d := range docs {
		if r := d.Totals.Total - d.Paid; r != 0 {
			out[d.CustomerID] += r
		}
	}
	return out
}

func TestReceivablesAgingTotalsChartAndStatement(t *testing.T) {
	db := openDB(t)
	custs := seedAging(t, db)
	postTestEntries(t, db)
	s, h := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	w := h.Window()
	selectPane(t, s, "Receivables")
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
	// The totals are what the store's invoices leave open.
	open := openInvoices(t, db)
	if len(open) != 2 || open[custs["Dvořák s.r.o."].ID] != dvorak.Total || open[custs["Novák a syn"].ID] != novak.Total {
		t.Errorf("open invoices in the store %v, aging %d / %d", open, dvorak.Total, novak.Total)
	}
	// …and what account 311 carries at the end of the day.
	bal, err := db.BalancesBetween(db.Ctx, app.Date{}, app.D(2026, time.March, 15))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bal {
		if b.Account.Code == "311" && b.Closing() != dvorak.Total+novak.Total {
			t.Errorf("311 carries %d, the aging %d", b.Closing(), dvorak.Total+novak.Total)
		}
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

	// As of the end of January the March invoices do not exist yet and
	// Novák's December invoice was 47 days overdue.
	p.asOf.SetText(dateText(2026, 1, 31))
	test.Tap(p.showB)
	if len(p.rows) != 2 || p.rows[1].Customer != "Novák a syn" || p.rows[1].Buckets != [5]int64{242000, 0, 121000, 0, 0} {
		t.Errorf("aging as of 31 January: %+v", p.rows)
	}
	p.asOf.SetText("31. 2. 2026")
	test.Tap(p.showB)
	if !strings.Contains(kittest.DialogText(w), "As of") {
		t.Errorf("a wrong date says %q", kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)

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
	if s.tabs.Selected().Text != "Statements" || sp.cust.ID != custs["Novák a syn"].ID || sp.to.Text != dateText(2026, 3, 15) {
		t.Fatalf("statement pane shows %q for %q to %q", s.tabs.Selected().Text, sp.cust.Name, sp.to.Text)
	}
	if sp.st == nil || sp.st.ClosingBase() != 626000 || !strings.Contains(sp.summary.Text, "closing balance CZK\u00a06,260.00") {
		t.Errorf("statement preview %+v / %q", sp.st, sp.summary.Text)
	}
	// The totals row cannot open a statement.
	selectPane(t, s, "Receivables")
	p.table.Select(widget.TableCellID{Row: 2, Col: 0})
	if !p.stmtB.Disabled() {
		t.Error("Statement… is enabled on the totals row")
	}
}

func TestPayablesAgingToggle(t *testing.T) {
	db := openDB(t)
	ctx := db.Ctx
	supplier := func(name, ico string) app.Customer {
		c, err := db.SaveCustomer(ctx, app.Customer{Name: name, Street: "Dlouhá 1", City: "Praha", ICO: ico, Supplier: true})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	hajek, maly := supplier("Dřevo Hájek", "45274649"), supplier("Elektro Malý", "")
	record := func(sup app.Customer, number string, issue, due app.Date, base int64) app.PurchaseInvoice {
		p, err := db.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: sup.ID, SupplierNumber: number, IssueDate: issue, TaxDate: issue, DueDate: due,
			VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: base, VAT: base * 21 / 100}}, Memo: "Materiál"})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	paySupplier := func(p app.PurchaseInvoice, amount int64) {
		if _, err := db.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: app.D(2026, time.March, 12), Amount: app.M(amount, "CZK"), Method: app.PayBank}); err != nil {
			t.Fatal(err)
		}
	}
	// Hájek: 4 840,00 due 19 January, 1 000,00 paid (3 840,00 in 31–60),
	// 2 420,00 due 31 March (current); Malý: 3 630,00 paid in full.
	paySupplier(record(hajek, "2026-001", app.D(2026, time.January, 5), app.D(2026, time.January, 19), 400000), 100000)
	record(hajek, "2026-002", app.D(2026, time.March, 1), app.D(2026, time.March, 31), 200000)
	m := record(maly, "E-77", app.D(2026, time.March, 2), app.D(2026, time.March, 9), 300000)
	paySupplier(m, m.Total)

	s, _ := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	selectPane(t, s, "Receivables")
	p := linksOf(s).receivables
	if p.which == nil {
		t.Fatal("no receivables/payables switch for an accountant")
	}
	p.which.SetSelected("Payables")
	if len(p.rows) != 1 || p.rows[0].Customer != "Dřevo Hájek" || p.rows[0].Buckets != [5]int64{242000, 0, 384000, 0, 0} {
		t.Fatalf("payables aging %+v", p.rows)
	}
	// The total is what the store's received invoices leave to pay.
	ps, _, err := db.Purchases(ctx, app.PurchaseFilter{OpenOnly: true}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var left int64
	for _, x := range ps {
		left += x.Remaining()
	}
	if left != p.rows[0].Total || left != 626000 {
		t.Errorf("open received invoices %d, aging %d", left, p.rows[0].Total)
	}
	if p.stmtB.Visible() {
		t.Error("Statement… is offered for suppliers")
	}
	if !strings.Contains(texts(p.table), "6,260.00") {
		t.Errorf("payables table:\n%s", texts(p.table))
	}

	// A user who may not see payables gets no switch (the shell wires the
	// store's payables always; a salesperson reads receivables only).
	w := kittest.Window(t)
	s2 := newAccountsScreen(kittest.Deps(db, db.User(t, app.RoleSales)), w, s.company)
	p2 := newReceivablesPane(s2)
	w.SetContent(p2.buildUI())
	if p2.which != nil {
		t.Error("a payables switch for a salesperson")
	}
}
