package pdf

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
)

// TestPrintPayrollKinds: the Printer prints a payslip and an annual account
// as their renderers do, and PrintAll puts payslips (by value or pointer)
// and an annual account into one PDF, a page per payslip.
func TestPrintPayrollKinds(t *testing.T) {
	e := workedEmployee()
	ps := workedPayslip(t, e, app.YearToDate{})
	acc := app.AnnualAccount{Employee: e, Year: 2026, Payslips: yearOf(t, e)}
	c := payCompany

	got, path := printFile(t, ps, c)
	var want bytes.Buffer
	if err := RenderPayslip(&want, ps, c, Options{Lang: app.Czech, Logo: c.Logo, BaseCurrency: c.BaseCurrency, Created: created}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the Printer's payslip differs from RenderPayslip's (%d vs %d bytes)", len(got), len(want.Bytes()))
	}
	mustContain(t, "payslip", strings.Join(pages(t, path), "\f"), "Výplatní páska", "Jiří Šťastný", "36 867,00")

	got, path = printFile(t, &acc, c)
	want.Reset()
	if err := RenderAnnualAccount(&want, acc, c, created); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the Printer's annual account differs from RenderAnnualAccount's (%d vs %d bytes)", len(got), len(want.Bytes()))
	}
	mustContain(t, "annual account", strings.Join(pages(t, path), "\f"), "Mzdový list 2026", "Jiří Šťastný")

	en := ps
	en.Lang = app.English
	docs := []app.Printable{ps, &en, acc}
	i := 0
	next := func() (app.Printable, error) {
		if i == len(docs) {
			return nil, io.EOF
		}
		i++
		return docs[i-1], nil
	}
	var all bytes.Buffer
	if err := testPrinter.PrintAll(context.Background(), &all, next, c, nil); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "all.pdf")
	if err := os.WriteFile(out, all.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pp := pages(t, out)
	if len(pp) != 3 {
		t.Fatalf("PrintAll made %d pages, want 3 (two payslips, one account)", len(pp))
	}
	mustContain(t, "page 1", pp[0], "Výplatní páska")
	mustContain(t, "page 2", pp[1], "Payslip")
	mustContain(t, "page 3", pp[2], "Mzdový list 2026")
}
