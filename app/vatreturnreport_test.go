package app

import (
	"strings"
	"testing"
)

func fixtureServices(extra ...tbEntry) Services {
	var es []tbEntry
	for _, e := range fixtureEntries() {
		es = append(es, tbEntry{date: e.Date, lines: e.Lines})
	}
	return rbServices(append(es, extra...), nil, nil)
}

// rowNo returns the row whose first cell is the row number n.
func rowNo(t *testing.T, r ReportTable, n string) []string {
	t.Helper()
	for _, row := range r.Rows {
		if !row.Heading && row.Cells[0] == n {
			return row.Cells
		}
	}
	t.Fatalf("no row %s in %+v", n, r.Rows)
	return nil
}

func TestBuildVATReturnReport(t *testing.T) {
	r := build(t, fixtureServices(), ReportVAT, nov(1), nov(30), "", nil)
	if r.Title != "VAT return" || len(r.Columns) != 6 {
		t.Errorf("title %q, columns %+v", r.Title, r.Columns)
	}
	for _, tc := range []struct {
		row  string
		want []string
	}{
		{"1", []string{"145,000.28", "30,450.05", "145,000", "30,450"}},
		{"2", []string{"2,004.17", "240.50", "2,004", "241"}},
		{"3", []string{"40,000.00", "8,400.00", "40,000", "8,400"}},
		{"4", []string{"0.00", "0.00", "0", "0"}},
		{"20", []string{"81,000.50", "", "81,001", ""}},
		{"26", []string{"7,000.00", "", "7,000", ""}},
		{"43", []string{"95,000.00", "19,950.00", "95,000", "19,950"}},
		{"46", []string{"", "30,570.00", "", "30,570"}},
		{"50", []string{"3,000.00", "", "3,000", ""}},
		{"62", []string{"", "50,640.55", "", "50,641"}},
		{"63", []string{"", "30,570.00", "", "30,570"}},
		{"64", []string{"", "20,070.55", "", "20,071"}},
	} {
		if got := rowNo(t, r, tc.row)[2:]; strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("ř. %s: %q, want %q", tc.row, got, tc.want)
		}
	}
	var headings []string
	for _, row := range r.Rows {
		if row.Heading {
			headings = append(headings, row.Cells[0])
		}
	}
	if got := strings.Join(headings, "|"); got != "I. Taxable supplies – output tax|II. Supplies without tax, with the right to deduct|IV. Deductions|V. Exempt supplies|VI. Result|Reconciliation with account 343" {
		t.Errorf("sections %q", got)
	}
	// The reconciliation: 343 moved by the tax and the settlement; without
	// the settlement it equals output minus deductions.
	if d := rowNamed(t, r, "Difference"); d.Cells[3] != "0.00" {
		t.Errorf("difference %q", d.Cells)
	}
	if m := rowNamed(t, r, "Account 343: credit minus debit in the period"); m.Cells[3] != "-29,929.45" {
		t.Errorf("343 moved %q", m.Cells)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), "Output tax minus deductions equals the movement of account 343 without the settlements.") {
		t.Errorf("notes %q", r.Notes)
	}

	// VAT on 343 without a tag: the report shows the difference.
	untagged := tbEntry{date: nov(30), lines: []Line{{Account: "211", Debit: 121_00}, {Account: "604", Credit: 100_00}, {Account: "343", Credit: 21_00}}}
	r = build(t, fixtureServices(untagged), ReportVAT, nov(1), nov(30), "", nil)
	if d := rowNamed(t, r, "Difference"); d.Cells[3] != "-21.00" {
		t.Errorf("difference %q", d.Cells)
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), "The return and account 343 differ by -21.00") {
		t.Errorf("notes %q", r.Notes)
	}
	// Czech amounts.
	r = build(t, fixtureServices(), ReportVAT, nov(1), nov(30), "", czechT{})
	if got := rowNo(t, r, "64"); got[5] != "20\u00a0071" || got[3] != "20\u00a0070,55" {
		t.Errorf("czech ř. 64 %q", got)
	}
}

func TestBuildVATControlReport(t *testing.T) {
	r := build(t, fixtureServices(), ReportVATControl, nov(1), nov(30), "", nil)
	if r.Title != "VAT control statement" || len(r.Columns) != 7 {
		t.Errorf("title %q", r.Title)
	}
	var sections []string
	rows := map[string][]string{}
	for _, row := range r.Rows {
		if row.Heading {
			sections = append(sections, row.Cells[0][:3])
			continue
		}
		rows[sections[len(sections)-1]+" "+row.Cells[1]] = row.Cells
	}
	if got := strings.Join(sections, " "); got != "A.1 A.2 A.4 A.5 B.1 B.2 B.3" {
		t.Errorf("sections %q", got)
	}
	for key, want := range map[string]string{
		"A.1 FV2026-0007": "CZ45274649|FV2026-0007|15 Nov 2026|200,000.00|||",
		"A.2 RE-5512":     "DE123456789|RE-5512|9 Nov 2026|40,000.00|8,400.00|0.00|0.00",
		"A.4 OD2026-0001": "CZ45274649|OD2026-0001|5 Nov 2026|-20,000.00|-4,200.00|0.00|0.00",
		"A.4 Total":       "|Total||80,000.00|16,800.00|0.00|0.00",
		"A.5 Summed":      "|Summed||65,000.28|13,650.05|2,004.17|240.50",
		"B.2 2026/1187":   "CZ00006947|2026/1187|7 Nov 2026|30,000.00|6,300.00|0.00|0.00",
		"B.3 Summed":      "|Summed||0.00|0.00|1,000.00|120.00",
	} {
		if got := strings.Join(rows[key], "|"); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), "Some documents of A.1 and B.1 lack the code") {
		t.Errorf("notes %q", r.Notes)
	}
}

func TestBuildEUSalesReport(t *testing.T) {
	r := build(t, fixtureServices(), ReportEUSales, nov(1), nov(30), "", nil)
	if r.Title != "EU sales list" || len(r.Rows) != 3 {
		t.Fatalf("%q %+v", r.Title, r.Rows)
	}
	for i, want := range []string{
		"AT|U12345678|3 – services (§9(1))|1|12,000.00|12,000",
		"SK|2020202020|0 – goods (§64)|2|81,000.50|81,001",
		"|Total||3|93,000.50|93,001",
	} {
		if got := strings.Join(r.Rows[i].Cells, "|"); got != want {
			t.Errorf("row %d %q, want %q", i, got, want)
		}
	}
	// Another month: empty, with its total.
	r = build(t, fixtureServices(), ReportEUSales, D(2026, 12, 1), D(2026, 12, 31), "", nil)
	if len(r.Rows) != 1 || r.Rows[0].Cells[5] != "0" {
		t.Errorf("december %+v", r.Rows)
	}
}
