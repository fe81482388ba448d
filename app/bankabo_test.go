package app

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// The ABO samples are built field by field as a bank writes them, so each
// record's layout can be read off the call: aboHeader074 and aboMove075
// pad every field to its width (numbers with zeros on the left, text with
// spaces on the right), check the record is exactly 128 characters, and the
// file is joined with CRLF and encoded to Windows-1250 as banks send it.

func pad(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s + strings.Repeat(" ", n-len([]rune(s)))
}

func zeros(v int64, n int) string { return fmt.Sprintf("%0*d", n, v) }

func signOf(v int64) string {
	if v < 0 {
		return "-"
	}
	return "+"
}

func absI(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// aboHeader074 builds a 074 record: account "000019" + "2000145399",
// the name, old balance date, balances and turnovers in haléře, statement
// number and date.
func aboHeader074(t testing.TB, oldDate string, opening, closing, debit, credit int64, no int, date string) string {
	rec := "074" + "0000192000145399" + pad("Žluťoučký kůň s.r.o.", 20) + oldDate +
		zeros(absI(opening), 14) + signOf(opening) + zeros(absI(closing), 14) + signOf(closing) +
		zeros(debit, 14) + "0" + zeros(credit, 14) + "0" + zeros(int64(no), 3) + date + strings.Repeat(" ", 14)
	if n := len([]rune(rec)); n != 128 {
		t.Fatalf("074 built with %d characters", n)
	}
	return rec
}

// aboMove075 builds a 075 record; ks10 is the 10-character constant symbol
// field "00" + counter bank code (4) + KS (4).
func aboMove075(t testing.TB, counter, id string, amount int64, code, vs, ks10, ss, valueDate, name, currency, dueDate string) string {
	rec := "075" + "0000192000145399" + counter + pad(id, 13) + zeros(amount, 12) + code +
		vs + ks10 + ss + valueDate + pad(name, 20) + "0" + currency + dueDate
	if n := len([]rune(rec)); n != 128 {
		t.Fatalf("075 built with %d characters", n)
	}
	return rec
}

// cut returns the runes from..to of s; splice overwrites s from rune
// index at with v (positions in the ABO tables are at+1).
func cut(s string, from, to int) string { return string([]rune(s)[from:to]) }

func splice(s string, at int, v string) string {
	r := []rune(s)
	return string(r[:at]) + v + string(r[at+len([]rune(v)):])
}

func win1250(t testing.TB, s string) []byte {
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sampleABO is one daily statement of 19-2000145399: opening 10 000,00 Kč,
// an incoming payment of 12 100,00 from 2000145399/0800 (VS 20260001), an
// outgoing payment of 2 420,50 to 123-4567890123/0100 (VS 4455, KS 0308,
// SS 77), a storno of an earlier debit (+100,00) and a storno of a credit
// (−50,00); closing 19 729,50.
func sampleABO(t testing.TB) []string {
	return []string{
		aboHeader074(t, "271126", 1000000, 1972950, 247050, 1220000, 42, "281126"),
		aboMove075(t, "0000002000145399", "0000012345678", 1210000, "2", "0020260001", "0008000308", "0000000000", "281126", "Žluťoučký kůň", "0203", "281126"),
		"078" + pad("Faktura FV2026-0001 děkujeme", 35) + pad("", 35),
		aboMove075(t, "0001234567890123", "0000012345679", 242050, "1", "0000004455", "0001000308", "0000000077", "281126", "Dodavatel Šťastný", "0203", "281126"),
		aboMove075(t, "0000000000000000", "0000012345680", 10000, "4", "0000000000", "0000000000", "0000000000", "281126", "STORNO", "0203", "281126"),
		aboMove075(t, "0000000000000000", "0000012345681", 5000, "5", "0000000000", "0000000000", "0000000000", "000000", "STORNO KREDITU", "0203", "281126"),
	}
}

func TestParseABO(t *testing.T) {
	recs := sampleABO(t)
	st, err := ParseABO(win1250(t, strings.Join(recs, "\r\n")+"\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Format != "abo" || st.Account != "19-2000145399" || st.Currency != "CZK" {
		t.Errorf("statement = %+v", st)
	}
	if st.From != D(2026, 11, 28) || st.To != D(2026, 11, 28) {
		t.Errorf("period %v–%v", st.From, st.To)
	}
	if st.Opening != M(1000000, "CZK") || st.Closing != M(1972950, "CZK") {
		t.Errorf("balances %v %v", st.Opening, st.Closing)
	}
	want := []BankLine{
		{Line: 2, Date: D(2026, 11, 28), Amount: M(1210000, "CZK"), VariableSymbol: "20260001", ConstantSymbol: "308",
			CounterAccount: "2000145399/0800", CounterName: "Žluťoučký kůň", Message: "Faktura FV2026-0001 děkujeme", BankRef: "0000012345678"},
		{Line: 4, Date: D(2026, 11, 28), Amount: M(-242050, "CZK"), VariableSymbol: "4455", ConstantSymbol: "308", SpecificSymbol: "77",
			CounterAccount: "123-4567890123/0100", CounterName: "Dodavatel Šťastný", BankRef: "0000012345679"},
		{Line: 5, Date: D(2026, 11, 28), Amount: M(10000, "CZK"), CounterName: "STORNO", BankRef: "0000012345680"},
		{Line: 6, Date: D(2026, 11, 28), Amount: M(-5000, "CZK"), CounterName: "STORNO KREDITU", BankRef: "0000012345681"},
	}
	if len(st.Lines) != len(want) {
		t.Fatalf("%d lines, want %d: %+v", len(st.Lines), len(want), st.Lines)
	}
	for i := range want {
		if st.Lines[i] != want[i] {
			t.Errorf("line %d:\n got %+v\nwant %+v", i, st.Lines[i], want[i])
		}
	}
	// LF line ends and UTF-8 read the same; so does ParseBankStatement.
	st2, err := ParseBankStatement([]byte(strings.Join(recs, "\n")))
	if err != nil || len(st2.Lines) != 4 || st2.Lines[0].CounterName != "Žluťoučký kůň" {
		t.Errorf("LF/UTF-8: %v %+v", err, st2)
	}
}

func TestParseABOTwoStatements(t *testing.T) {
	recs := []string{
		aboHeader074(t, "261126", 500000, 1000000, 0, 500000, 41, "271126"),
		aboMove075(t, "0000002000145399", "1", 500000, "2", "0000000001", "0008000000", "0000000000", "271126", "A", "0203", "271126"),
	}
	recs = append(recs, sampleABO(t)...)
	st, err := ParseABO(win1250(t, strings.Join(recs, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lines) != 5 || st.From != D(2026, 11, 27) || st.To != D(2026, 11, 28) || st.Opening.Amount != 500000 || st.Closing.Amount != 1972950 {
		t.Errorf("got %+v", st)
	}
}

func TestParseABORefused(t *testing.T) {
	good := sampleABO(t)
	with := func(i int, rec string) []string {
		out := append([]string(nil), good...)
		if i >= len(out) {
			return append(out, rec)
		}
		out[i] = rec
		return out
	}
	eur := aboMove075(t, "0000000000000000", "X", 0, "2", "0000000000", "0000000000", "0000000000", "281126", "", "0978", "281126")
	tests := []struct {
		name string
		recs []string
		want string
	}{
		{"wrong length", with(1, cut(good[1], 0, 120)), "line 2: a 075 record has 120 characters, not 128"},
		{"too long", with(3, good[3]+"X"), "line 4: a 075 record has 129 characters"},
		{"unknown type", with(2, "077"+good[2][3:]), "line 3: unknown ABO record type “077”"},
		{"bad amount", with(1, splice(good[1], 50, "12x")), "line 2: the amount at position 49 is not valid"},
		{"bad code", with(1, splice(good[1], 60, "7")), "line 2: unknown accounting code “7”"},
		{"bad date", with(1, splice(good[1], 91, "310226")), "line 2: the value date at position 92 is not valid: “310226”"},
		{"bad sign", with(0, splice(good[0], 59, "*")), "line 1: the old balance sign at position 60"},
		{"does not add up", with(0, aboHeader074(t, "271126", 1000000, 1972951, 0, 0, 42, "281126")), "line 1: the movements of this statement do not add up"},
		{"mixed currency", with(6, eur), "line 7: the movement is in EUR but the statement's others are in CZK"},
		{"movement first", good[1:], "line 1: a movement (075) before any statement header (074)"},
		{"no header", []string{"   "}, "no statement header"},
		{"other account", append(append([]string(nil), good...), splice(good[0], 3, "0000000000000019")), "line 7: a statement of another account"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseABO(win1250(t, strings.Join(tc.recs, "\r\n")))
			if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want EINVALID containing %q", err, tc.want)
			}
		})
	}
}
