package datatest_test

import (
	"os"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

// TestBench: the benchmark store holds what it says, and the store's own
// check finds nothing wrong with it. It reads 200 MB (and builds the store
// the first time), so it runs only when KONTOR_BENCH_TEST is set.
func TestBench(t *testing.T) {
	if os.Getenv("KONTOR_BENCH_TEST") == "" {
		t.Skip("set KONTOR_BENCH_TEST=1 to check the benchmark store")
	}
	db := datatest.Bench(t)
	rows, n, err := db.DocRows(db.Ctx, app.DocFilter{Kind: app.KindInvoice}, 0, 1)
	if err != nil || n != datatest.BenchInvoices || len(rows) != 1 {
		t.Fatalf("%d invoices, %v", n, err)
	}
	custs, err := db.Customers(db.Ctx, "", 0)
	if err != nil || len(custs) != datatest.BenchCustomers {
		t.Fatalf("%d customers, %v", len(custs), err)
	}
	if _, n, _ := db.DocRows(db.Ctx, app.DocFilter{Search: datatest.BenchTerm}, 0, 50); n < 100 {
		t.Errorf("the term %q finds %d documents", datatest.BenchTerm, n)
	}
	probs, err := db.Check(db.Ctx)
	if err != nil || len(probs) != 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}
