package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"kontor/app"
)

// TestReportNumbersNeverWrap: in the general ledger and the books the entry
// number ("ID2026-00001") did not fit its column and was broken over two
// lines. A cell without a space (entry and document numbers, account codes,
// VAT IDs) is never wrapped now: its column takes the width from the
// columns whose text can wrap, and the number prints whole on its row.
func TestReportNumbersNeverWrap(t *testing.T) {
	for _, lang := range []app.Lang{app.Czech, app.English} {
		amt := func(v int64) string { return app.FormatMinor(v, 2, lang) }
		r := app.ReportTable{Kind: app.ReportLedger, Title: "Hlavní kniha – účet 221", Period: "2026", Lang: lang,
			Columns: []app.ReportColumn{{Title: "Datum", Weight: 0.9}, {Title: "Doklad", Weight: 1}, {Title: "Popis", Weight: 3},
				{Title: "Má dáti", Numeric: true, Weight: 1.2}, {Title: "Dal", Numeric: true, Weight: 1.2}, {Title: "Zůstatek", Numeric: true, Weight: 1.3}}}
		bal := int64(0)
		for i := range 40 {
			bal += 12345678_90
			r.Rows = append(r.Rows, app.ReportRow{Cells: []string{"28.\u00a011.\u00a02026", fmt.Sprintf("ID2026-%05d", 10000+i),
				"Tržba za zboží dle denní uzávěrky e-shopu, platební karty a hotovost " + fmt.Sprint(i), amt(12345678_90), "", amt(bal)}})
		}
		path, _ := reportFile(t, r)
		all := strings.Join(pages(t, path), "\n")
		for i := range 40 {
			re := regexp.MustCompile(fmt.Sprintf(`ID2026-%05d\s+Tržba`, 10000+i))
			if !re.MatchString(all) {
				t.Fatalf("%s: entry ID2026-%05d is not printed whole on its row:\n%s", lang, 10000+i, all)
			}
		}

		// A landscape table of document numbers and VAT IDs, narrow columns.
		kh := app.ReportTable{Kind: app.ReportVATControl, Title: "Kontrolní hlášení", Period: "11/2026", Lang: lang,
			Columns: []app.ReportColumn{{Title: "DIČ", Weight: 1.3}, {Title: "Doklad", Weight: 1.4}, {Title: "DUZP", Weight: 0.9},
				{Title: "Základ 21 %", Numeric: true, Weight: 1.2}, {Title: "DPH 21 %", Numeric: true, Weight: 1.1},
				{Title: "Základ 12 %", Numeric: true, Weight: 1.2}, {Title: "DPH 12 %", Numeric: true, Weight: 1.1}}}
		for i := range 10 {
			kh.Rows = append(kh.Rows, app.ReportRow{Cells: []string{"CZ699001234", fmt.Sprintf("FP2026-INV-%08d", i), "30.\u00a011.\u00a02026",
				amt(123456789_00), amt(25925925_69), amt(0), amt(0)}})
		}
		path, _ = reportFile(t, kh)
		all = strings.Join(pages(t, path), "\n")
		for i := range 10 {
			if !regexp.MustCompile(fmt.Sprintf(`CZ699001234\s+FP2026-INV-%08d\s`, i)).MatchString(all) {
				t.Fatalf("%s: document FP2026-INV-%08d is not whole:\n%s", lang, i, all)
			}
		}
	}
}
