package cli

import (
	"context"
	"testing"
	"time"

	"kontor/app"
)

// TestDemoSalesDocuments checks the demo's sales side: real documents made
// through the services, posted once, dated within the period, and a ledger
// whose receivables are exactly what the documents say is owed.
func TestDemoSalesDocuments(t *testing.T) {
	now := time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local)
	st, sum := runDemo(t, now, DemoOptions{})
	n := sum.Sales
	t.Logf("sales: %+v", n)
	if n.Customers != 12 || n.Items != 12 {
		t.Errorf("%d customers, %d items", n.Customers, n.Items)
	}
	for _, c := range []struct {
		what    string
		got, lo int
		hi      int
	}{{"quotes", n.Quotes, 24, 50}, {"orders", n.Orders, 12, n.Quotes}, {"invoices", n.Invoices, 180, 320}, {"foreign invoices", n.Foreign, 10, 40},
		{"credit notes", n.CreditNotes, 6, 30}, {"payments", n.Payments, n.Invoices * 2 / 3, n.Invoices * 3 / 2}, {"overdue", n.Overdue, 3, 60}} {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%d %s, want %d to %d", c.got, c.what, c.lo, c.hi)
		}
	}
	acc := app.ChartCzech.Posting()
	// The generator never touches the receivables: only documents and their
	// payments do, so nothing is counted twice.
	for _, e := range st.entries {
		for _, l := range e.Lines {
			if l.Account == acc.Receivables && e.Source == "demo" {
				t.Fatalf("journal entry %q posts to %s", e.Memo, acc.Receivables)
			}
		}
	}
	var owed int64
	kinds := map[app.DocKind]int{}
	statuses := map[app.DocStatus]int{}
	today := app.DateOf(now)
	for _, d := range st.sales.docs {
		kinds[d.Kind]++
		if d.Status == app.StatusDraft {
			t.Errorf("a draft %s was left behind", d.Kind)
		}
		if d.IssueDate.Before(sum.From) || d.IssueDate.After(sum.To) || d.TaxDate.Before(sum.From) || d.TaxDate.After(d.IssueDate) {
			t.Errorf("%s dated %v (DUZP %v) outside %v–%v", d.Number, d.IssueDate, d.TaxDate, sum.From, sum.To)
		}
		if d.Kind.Posts() {
			if d.EntryID == "" {
				t.Errorf("%s was not posted", d.Number)
			}
			owed += d.Totals.TotalCZK
		}
		if d.Kind == app.KindInvoice {
			statuses[d.StatusOn(today)]++
			if d.Currency == "EUR" && (d.ExchangeRate.Cmp(app.RateMicro(24_200_000)) < 0 || d.ExchangeRate.Cmp(app.RateMicro(25_400_000)) > 0 || d.Lang != app.English || d.Regime != app.RegimeEUGoods && d.Regime != app.RegimeEUServices) {
				t.Errorf("EUR invoice %s: rate %v, lang %s, regime %q", d.Number, d.ExchangeRate, d.Lang, d.Regime)
			}
		}
		if d.Kind == app.KindCreditNote && (d.OriginalNo == "" || d.Reason == "" || d.Totals.Total >= 0) {
			t.Errorf("credit note %s: original %q, reason %q, total %d", d.Number, d.OriginalNo, d.Reason, d.Totals.Total)
		}
	}
	for _, ps := range st.sales.payments {
		for _, p := range ps {
			if p.Date.After(sum.To) {
				t.Errorf("payment dated %v after %v", p.Date, sum.To)
			}
			e, _ := st.Entry(adminCtx(st), p.EntryID)
			owed -= e.Lines[0].Debit
		}
	}
	if got := st.closing()[acc.Receivables]; got != owed {
		t.Errorf("receivables %d, documents say %d", got, owed)
	}
	if kinds[app.KindQuote] != n.Quotes || kinds[app.KindOrder] != n.Orders || kinds[app.KindInvoice] != n.Invoices || kinds[app.KindCreditNote] != n.CreditNotes {
		t.Errorf("documents %v, summary %+v", kinds, n)
	}
	for _, s := range []app.DocStatus{app.StatusPaid, app.StatusIssued, app.StatusOverdue} {
		if statuses[s] == 0 {
			t.Errorf("no invoice %s; have %v", s, statuses)
		}
	}
	if statuses[app.StatusPartlyPaid]+statuses[app.StatusOverdue] == 0 {
		t.Errorf("no partly paid invoice; have %v", statuses)
	}
	custs, _ := st.Customers(adminCtx(st), "", 0)
	foreign := 0
	for _, c := range custs {
		if c.Validate() != nil || !c.HasAddress() {
			t.Errorf("customer %+v", c)
		}
		if c.Country != "CZ" {
			foreign++
			if c.Currency != "EUR" || c.Lang != app.English || c.DIC == "" {
				t.Errorf("foreign customer %+v", c)
			}
		}
	}
	// The sales customers, and the front desk's directory (all domestic).
	bistro := false
	for _, c := range custs {
		bistro = bistro || c.Name == "Bistro Na Růžku s.r.o."
	}
	// Two foreign customers and the two suppliers from other member states.
	if foreign != 4 || !bistro || len(custs) != 12+len(demoSuppliers)+300 {
		t.Errorf("%d foreign customers of %d; Bistro Na Růžku found: %v", foreign, len(custs), bistro)
	}
}

// adminCtx signs in the demo admin of st.
func adminCtx(st *fakeStore) context.Context {
	u, _ := st.user(DemoAdmin)
	return app.WithUser(context.Background(), u.User)
}
