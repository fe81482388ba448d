package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/pdf"
	"kontor/data"
)

// The issue's statement batch: 1,000 customers with a balance or activity,
// each statement read from the store and rendered. The file is built once:
// 1,000 customers, each with 5 invoices over the year, 4 of them paid.

var stmtFile benchFile

func statementsDB(b *testing.B) string { return stmtFile.get(b, "stmt.db", buildStatementsDB) }

func buildStatementsDB(path string) error {
	s, err := data.Open(path, data.Options{NoAutoBackup: true})
	if err != nil {
		return err
	}
	defer s.Close()
	bg := context.Background()
	admin, err := s.CreateFirstAdmin(bg, app.NewUser{Name: "admin", FullName: "Správce", Password: "bench-password-1"})
	if err != nil {
		return err
	}
	ctx := app.WithUser(bg, admin)
	if _, err := s.CreateCompany(ctx, app.Company{Name: "Pražírna Žlutý kůň s.r.o.", Street: "Náměstí Míru 12", City: "Brno", Postcode: "602 00",
		ICO: "27082440", DIC: "CZ27082440", VATPayer: true, BankAccount: "19-2000145399/0800", Chart: app.ChartCzech, Branch: "HQ"}); err != nil {
		return err
	}
	for i := range 1000 {
		c, err := s.SaveCustomer(ctx, app.Customer{Name: fmt.Sprintf("Kavárna č. %04d s.r.o.", i), Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00", PaymentDays: 14})
		if err != nil {
			return err
		}
		for k := range 5 {
			day := app.D(2026, time.Month(1+2*k), 1+i%28)
			d, err := s.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: c.ID, IssueDate: day, TaxDate: day, DueDate: day.AddDays(14),
				Lines: []app.DocLine{{Text: "Káva zrnková 1 kg", Quantity: app.Q(3), Unit: "ks", UnitPrice: 45000, VATKind: app.VATReduced, Goods: true}}})
			if err != nil {
				return err
			}
			if d, err = s.Issue(ctx, d.ID); err != nil {
				return err
			}
			if k < 4 {
				if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: day.AddDays(10), Amount: app.M(d.Totals.Total, "CZK")}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// BenchmarkStatementBatch1000 writes the statements of 1,000 customers, as
// "Export all…" and `kontor export statement --all` do: read each from the
// store, render it (one PDF each; the bytes are discarded). Target ≤ 30 s.
func BenchmarkStatementBatch1000(b *testing.B) {
	path := statementsDB(b)
	s, err := data.Open(path, data.Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	admin, err := s.Authenticate(context.Background(), "admin", "bench-password-1")
	if err != nil {
		b.Fatal(err)
	}
	ctx := app.WithUser(context.Background(), admin)
	svc := s.Services()
	company, err := svc.Company.Company(ctx)
	if err != nil {
		b.Fatal(err)
	}
	r := pdf.StatementRenderer{Created: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)}
	from, to := app.D(2026, 1, 1), app.D(2026, 11, 28)
	var peak uint64
	b.ResetTimer()
	for range b.N {
		custs, err := app.StatementCustomers(ctx, svc, to)
		if err != nil {
			b.Fatal(err)
		}
		written := 0
		for _, c := range custs {
			st, err := app.CustomerStatement(ctx, svc.Sales, c, from, to, company.BaseCurrency)
			if err != nil {
				b.Fatal(err)
			}
			if !st.HasActivity() {
				continue
			}
			if err := r.Statement(io.Discard, st, company); err != nil {
				b.Fatal(err)
			}
			written++
			if written%100 == 0 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
		if written != 1000 {
			b.Fatalf("%d statements written, want 1000", written)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "heap-MB")
}
