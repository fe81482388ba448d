package pdf

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	"kontor/app"
)

// TestPrinterPayslips: app.Printer prints a payslip (by value and by
// pointer) and PrintAll a run of them with a report among them, each
// payslip a page in its employee's language — the path the command line's
// "kontor export payslips" takes.
func TestPrinterPayslips(t *testing.T) {
	e := workedEmployee()
	en := e
	en.Name, en.Lang = "John Smith", app.English
	one := workedPayslip(t, e, app.YearToDate{})
	p := Printer{Now: func() time.Time { return created }}

	var b bytes.Buffer
	if err := p.Print(&b, &one, payCompany); err != nil {
		t.Fatal(err)
	}
	ps := pages(t, payWrite(t, "one.pdf", b.Bytes()))
	if len(ps) != 1 {
		t.Fatalf("%d pages", len(ps))
	}
	mustContain(t, "one", ps[0], "Výplatní páska", "Jiří Šťastný", "36 867,00 Kč")

	table := app.ReportTable{Title: "Mzdová rekapitulace", Columns: []app.ReportColumn{{Title: "Zaměstnanec"}}, Rows: []app.ReportRow{{Cells: []string{"Jiří Šťastný"}}}}
	docs := []app.Printable{one, workedPayslip(t, en, app.YearToDate{}), table}
	i := 0
	next := func() (app.Printable, error) {
		if i == len(docs) {
			return nil, io.EOF
		}
		i++
		return docs[i-1], nil
	}
	b.Reset()
	if err := p.PrintAll(context.Background(), &b, next, payCompany, nil); err != nil {
		t.Fatal(err)
	}
	ps = pages(t, payWrite(t, "all.pdf", b.Bytes()))
	if len(ps) != 3 {
		t.Fatalf("%d pages, want 3", len(ps))
	}
	mustContain(t, "page 1", ps[0], "Jiří Šťastný", "36 867,00 Kč")
	mustContain(t, "page 2", ps[1], "John Smith", "CZK 36,867.00")
	mustContain(t, "page 3", ps[2], "Mzdová rekapitulace")
}
