package screens

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"

	"kontor/app"
)

// fakeStatements writes a line per statement instead of a PDF and records
// what it was given; onStatement runs after each statement written (n counts
// the single ones, or those of the current combined PDF).
type fakeStatements struct {
	mu          sync.Mutex
	single      []app.Statement
	combined    [][]string // customer names per Combined call
	onStatement func(n int)
}

func (r *fakeStatements) Statement(w io.Writer, st app.Statement, _ app.Company) error {
	r.mu.Lock()
	r.single = append(r.single, st)
	n := len(r.single)
	r.mu.Unlock()
	_, err := fmt.Fprintf(w, "%%PDF-fake statement %s closing %d\n", st.Customer.Name, st.ClosingBase())
	if err == nil && r.onStatement != nil {
		r.onStatement(n)
	}
	return err
}

func (r *fakeStatements) Combined(ctx context.Context, w io.Writer, next func() (app.Statement, error), _ app.Company, progress func(int)) error {
	var got []string
	defer func() {
		r.mu.Lock()
		r.combined = append(r.combined, got)
		r.mu.Unlock()
	}()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		st, err := next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		got = append(got, st.Customer.Name)
		if _, err := fmt.Fprintf(w, "%%PDF-fake statement %s closing %d\n", st.Customer.Name, st.ClosingBase()); err != nil {
			return err
		}
		progress(len(got))
		if r.onStatement != nil {
			r.onStatement(len(got))
		}
	}
}

// fakeReportPDF writes the report's title and rows instead of a PDF.
type fakeReportPDF struct{ reports []app.ReportTable }

func (r *fakeReportPDF) Report(w io.Writer, t app.ReportTable, _ app.Company) error {
	r.reports = append(r.reports, t)
	_, err := fmt.Fprintf(w, "%%PDF-fake report %s, %d rows\n", t.Title, len(t.Rows))
	return err
}

// fakeBetween answers BalancesBetween from the fake ledger's entries.
type fakeBetween struct{ l *fakeLedger }

func (f fakeBetween) BalancesBetween(ctx context.Context, from, to app.Date) ([]app.AccountBalance, error) {
	if err := app.Authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	if err := app.ValidatePeriod(from, to); err != nil {
		return nil, err
	}
	f.l.mu.Lock()
	defer f.l.mu.Unlock()
	out := make([]app.AccountBalance, len(f.l.accounts))
	for i, a := range f.l.accounts {
		out[i].Account = a
		for _, e := range f.l.entries {
			for _, ln := range e.Lines {
				if ln.Account != a.Code {
					continue
				}
				switch {
				case !from.IsZero() && e.Date.Before(from):
					out[i].Opening += ln.Debit - ln.Credit
				case to.IsZero() || !e.Date.After(to):
					out[i].Debit += ln.Debit
					out[i].Credit += ln.Credit
					out[i].Lines++
				}
			}
		}
	}
	return out, nil
}

// fakeOpenPurchases is the received invoices the payables aging reads; the
// screens under test only list them.
type fakeOpenPurchases struct {
	list []app.PurchaseInvoice
}

func (f *fakeOpenPurchases) Suppliers(context.Context, string, int) ([]app.Customer, error) {
	return nil, nil
}

func (f *fakeOpenPurchases) RecordPurchase(_ context.Context, p app.PurchaseInvoice) (app.PurchaseInvoice, error) {
	p.ID = fmt.Sprintf("P%03d", len(f.list)+1)
	f.list = append(f.list, p)
	return p, nil
}

func (f *fakeOpenPurchases) Purchase(_ context.Context, id string) (app.PurchaseInvoice, error) {
	for _, p := range f.list {
		if p.ID == id {
			return p, nil
		}
	}
	return app.PurchaseInvoice{}, app.Errorf(app.ENOTFOUND, "err.purchase.not_found", "the received invoice does not exist", nil)
}

func (f *fakeOpenPurchases) Purchases(ctx context.Context, flt app.PurchaseFilter, offset, limit int) ([]app.PurchaseInvoice, int, error) {
	if err := app.Authorize(ctx, app.PermPayables); err != nil {
		return nil, 0, err
	}
	var out []app.PurchaseInvoice
	for _, p := range f.list {
		if flt.OpenOnly && p.Remaining() <= 0 || !flt.To.IsZero() && p.IssueDate.After(flt.To) {
			continue
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].IssueDate.After(out[j].IssueDate) })
	n := len(out)
	if offset >= n {
		return nil, n, nil
	}
	return out[offset:min(offset+limit, n)], n, nil
}

func (f *fakeOpenPurchases) PaySupplier(_ context.Context, p app.Payment) (app.Payment, error) {
	for i := range f.list {
		if f.list[i].ID == p.DocID {
			f.list[i].Paid += p.Amount.Amount
			return p, nil
		}
	}
	return p, app.Errorf(app.ENOTFOUND, "err.purchase.not_found", "the received invoice does not exist", nil)
}

func (f *fakeOpenPurchases) SupplierPayments(context.Context, string) ([]app.Payment, error) {
	return nil, nil
}
