package payables

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"

	"kontor/data/datatest"
	"kontor/kittest"
)

// aboRecords is an ABO statement of 1.–10. 3. 2026 with one incoming
// movement of 1 210,00 Kč valued on valueDate (DDMMYY).
func aboRecords(valueDate string) string {
	own := "0000192000145399"
	head := "074" + own + fmt.Sprintf("%-20s", "Pražírna s.r.o.") + "280226" +
		fmt.Sprintf("%014d+%014d+%014d0%014d0%03d", 0, 121000, 0, 121000, 3) + "100326" + strings.Repeat(" ", 14)
	move := "075" + own + "0000002000145399" + fmt.Sprintf("%013d", 4711) + fmt.Sprintf("%012d", 121000) + "2" +
		"0020260001" + "0008000308" + "0000000000" + valueDate + fmt.Sprintf("%-20s", "Kavárna") + "0" + "0203" + valueDate
	return head + "\r\n" + move + "\r\n"
}

// TestBankPaneRefusesImplausible: Accounts → Bank → Import statement on the
// real store shows an accountant (in Czech number and date formats) why an
// implausible statement is refused — the line and what is wrong — and
// stores nothing: an ABO movement valued a year after its statement, a CSV
// line dated 01.12.9999 (once its columns are confirmed), a CSV whose
// movements do not reach its closing balance.
func TestBankPaneRefusesImplausible(t *testing.T) {
	db := datatest.MustOpen(t)
	pt := openPanes(t, db)
	w, v := pt.w, pt.selectPane(t, "bank", "Bank").bank

	if n := utf8.RuneCountInString(aboRecords("100326")); n != 2*130 {
		t.Fatalf("the ABO records are %d characters", n)
	}
	v.importData("vypis.gpc", []byte(aboRecords("100327")))
	if got := kittest.DialogText(w); !strings.Contains(got, "line 2: the movement is dated 10.\u00a03.\u00a02027") || !strings.Contains(got, "outside the statement's period") {
		t.Errorf("ABO a year off:\n%s", got)
	}
	kittest.CloseDialogs(w)

	csv := "Číslo účtu;19-2000145399/0800\n" +
		"Období;01.03.2026 - 10.03.2026\n" +
		"Počáteční stav;0,00\n" +
		"Konečný stav;{{closing}}\n" +
		"ID pohybu;Datum;Objem;Měna;VS\n" +
		"1;02.03.2026;1 210,00;CZK;20260001\n" +
		"2;{{date}};-10,00;CZK;\n"
	for _, tc := range []struct{ name, date, closing, want string }{
		{"a line of 01.12.9999", "01.12.9999", "1 200,00", "line 7: the movement is dated 1.\u00a012.\u00a09999"},
		{"closing balance not reached", "09.03.2026", "1 300,00", "line 4: the opening balance"},
	} {
		data := strings.NewReplacer("{{date}}", tc.date, "{{closing}}", tc.closing).Replace(csv)
		v.importData("vypis.csv", []byte(data))
		top := w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no dialog to confirm the columns in", tc.name)
		}
		test.Tap(kittest.Button(t, top, "Continue")) // the guessed columns are right
		if got := kittest.DialogText(w); !strings.Contains(got, tc.want) {
			t.Errorf("%s:\n%s", tc.name, got)
		}
		kittest.CloseDialogs(w)
	}
	if es, err := db.BankEntries(db.Ctx, false); err != nil || len(es) != 0 {
		t.Fatalf("refused statements stored %d lines (%v)", len(es), err)
	}
}
