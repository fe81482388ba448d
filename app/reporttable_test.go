package app

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestReportCSVForCzechExcel: report CSVs were written with ',' between
// fields and amounts as the table shows them ("500 000,00" with a
// non-breaking space, or "500,000.00"), which Czech Excel opens as text in
// one column. Now: a byte-order mark, ';', CRLF, and amounts as plain
// numbers with a decimal comma, in either language.
func TestReportCSVForCzechExcel(t *testing.T) {
	table := func(lang Lang) ReportTable {
		amt := func(v int64) string { return FormatMinor(v, 2, lang) }
		minus := "-1,000.00"
		if lang == Czech {
			minus = "−1\u00a0000,00" // as a person might type it: a minus sign
		}
		return ReportTable{Lang: lang, Title: "Obratová předvaha",
			Columns: []ReportColumn{{Title: "Účet"}, {Title: "Název; účtu"}, {Title: "Obrat MD", Numeric: true}, {Title: "Sazba", Numeric: true}, {Title: "Zůstatek", Numeric: true}},
			Rows: []ReportRow{
				{Cells: []string{"Aktiva"}, Heading: true},
				{Cells: []string{"221", "Bankovní účty", amt(123456789_50), "21 %", amt(-1234_05)}},
				{Cells: []string{"311", "=HYPERLINK(\"x\")", amt(0), "", amt(5)}},
				{Cells: []string{"", "Celkem", amt(123456789_50), "", minus}, Total: true},
			}}
	}
	const want = "\uFEFFÚčet;\"Název; účtu\";Obrat MD;Sazba;Zůstatek\r\n" +
		"Aktiva\r\n" +
		"221;Bankovní účty;123456789,50;21 %;-1234,05\r\n" +
		"311;\"'=HYPERLINK(\"\"x\"\")\";0,00;;0,05\r\n" +
		";Celkem;123456789,50;;-1000,00\r\n"
	for _, lang := range []Lang{Czech, English} {
		var b strings.Builder
		if err := table(lang).WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		got := b.String()
		if !strings.HasPrefix(got, want) {
			t.Errorf("%s CSV:\n%q\nwant it to start\n%q", lang, got, want)
		}
		if strings.ContainsAny(got, "\u00a0\u202f\u2009") {
			t.Errorf("%s CSV has a non-breaking or thin space: %q", lang, got)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(got, "\uFEFF")))
		r.Comma, r.FieldsPerRecord = ';', -1
		recs, err := r.ReadAll()
		if err != nil || len(recs) != 5 || recs[2][2] != "123456789,50" {
			t.Errorf("%s CSV read back: %v %q", lang, err, recs)
		}
	}
}

func TestCSVNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		lang Lang
		want string
		ok   bool
	}{
		{"1\u00a0234\u00a0567,50", Czech, "1234567,50", true},
		{"1,234,567.50", English, "1234567,50", true},
		{"-0.05", English, "-0,05", true},
		{"12.50", "", "12,50", true},
		{"1 234", Czech, "1234", true},
		{"", Czech, "", false},
		{"21 %", Czech, "", false},
		{"1,5,0", Czech, "", false},
		{"12,", Czech, "", false},
		{"--5", English, "", false},
		{"1.234,50", English, "", false},
		{"Kč", Czech, "", false},
	} {
		got, ok := csvNumber(c.in, c.lang)
		if got != c.want || ok != c.ok {
			t.Errorf("csvNumber(%q, %s) = %q, %v; want %q, %v", c.in, c.lang, got, ok, c.want, c.ok)
		}
	}
}

// TestStockReportKinds: the warehouse's reports are listed apart from the
// Accounts tab's (BuildReport does not build them, BuildStockReport does
// not build the ledger's), each once, and BuildStockReport knows them all.
func TestStockReportKinds(t *testing.T) {
	ledger := map[ReportKind]bool{}
	for _, k := range ReportKinds() {
		ledger[k] = true
	}
	seen := map[ReportKind]bool{}
	for _, k := range StockReportKinds() {
		if ledger[k] || seen[k] {
			t.Errorf("%s listed twice", k)
		}
		seen[k] = true
	}
	want := []ReportKind{ReportStockLevels, ReportStockCard, ReportReorder, ReportSlowMovers, ReportLotExpiry}
	if len(seen) != len(want) {
		t.Errorf("stock reports %v, want %v", StockReportKinds(), want)
	}
	for _, k := range want {
		if !seen[k] {
			t.Errorf("%s is not offered", k)
		}
	}
}
