package app

import (
	"errors"
	"strings"
	"testing"
)

// bankRefusal returns the line and the reason's key of a statement refused
// with "line N: …" ("" when err is another error or nil).
func bankRefusal(err error) (line int, key string) {
	var e *Error
	if !errors.As(err, &e) || e.Key != "err.bank.line" {
		return 0, ""
	}
	line, _ = e.Args["line"].(int)
	if l, ok := e.Args["reason"].(Label); ok {
		key = l.Key
	}
	return line, key
}

func TestCheckBankStatement(t *testing.T) {
	nov := func(lines ...BankLine) BankStatement {
		for i := range lines {
			lines[i].Line = i + 5
			if lines[i].Amount.Currency == "" {
				lines[i].Amount.Currency = "CZK"
			}
		}
		return BankStatement{Format: BankFormatCSV, Currency: "CZK", From: D(2026, 11, 1), To: D(2026, 11, 30), PeriodStated: true, Lines: lines}
	}
	at := func(d Date, amount int64) BankLine { return BankLine{Date: d, Amount: M(amount, "CZK")} }
	unstated := func(st BankStatement) BankStatement { st.PeriodStated = false; return st }
	balanced := func(st BankStatement, opening, closing int64) BankStatement {
		st.Opening, st.Closing, st.BalancesStated, st.BalanceLine = M(opening, "CZK"), M(closing, "CZK"), true, 4
		return st
	}
	today := D(2026, 12, 4)
	tests := []struct {
		name  string
		st    BankStatement
		today Date
		line  int
		key   string
	}{
		{"in the period", nov(at(D(2026, 11, 1), 100), at(D(2026, 11, 30), -100)), today, 0, ""},
		{"value dates a month around the period", nov(at(D(2026, 10, 1), 100), at(D(2026, 12, 31), 100)), Date{}, 0, ""},
		{"the demo's 01.12.9999", nov(at(D(2026, 11, 3), 100), at(D(9999, 12, 1), 100)), Date{}, 6, "err.bank.date_outside"},
		{"a day past the slack", nov(at(D(2026, 9, 30), 100)), Date{}, 5, "err.bank.date_outside"},
		{"before 2000", unstated(nov(at(D(1999, 12, 31), 100))), Date{}, 5, "err.bank.date_too_old"},
		{"in the future", nov(at(D(2026, 12, 12), 100)), today, 5, "err.bank.date_future"},
		{"a week ahead is a value date", nov(at(D(2026, 12, 11), 100)), today, 0, ""},
		{"no period: a year of movements", unstated(nov(at(D(2026, 1, 2), 1), at(D(2026, 6, 1), 1), at(D(2026, 12, 1), 1))), today, 0, ""},
		{"no period: one far from the rest", unstated(nov(at(D(2026, 11, 2), 1), at(D(2026, 11, 3), 1), at(D(2029, 11, 3), 1))), Date{}, 7, "err.bank.date_apart"},
		{"no period: the future caught by today", unstated(nov(at(D(9999, 12, 1), 1))), today, 5, "err.bank.date_future"},
		{"no date", nov(BankLine{Amount: M(1, "CZK")}), today, 5, "err.bank.no_date"},
		{"amount at the limit", nov(at(D(2026, 11, 5), MaxBankAmount), at(D(2026, 11, 5), -MaxBankAmount)), today, 0, ""},
		{"amount over 10^12", nov(at(D(2026, 11, 5), 1), at(D(2026, 11, 5), MaxBankAmount+1)), today, 6, "err.bank.amount_too_large"},
		{"outgoing over 10^12", nov(at(D(2026, 11, 5), -9_000_000_000_000_000_000)), today, 5, "err.bank.amount_too_large"},
		{"balances add up", balanced(nov(at(D(2026, 11, 5), 150), at(D(2026, 11, 6), -50)), 1000, 1100), today, 0, ""},
		{"balances do not add up", balanced(nov(at(D(2026, 11, 5), 150), at(D(2026, 11, 6), -50)), 1000, 1101), today, 4, "err.bank.balance_mismatch"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckBankStatement(tc.st, tc.today)
			line, key := bankRefusal(err)
			if tc.key == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if ErrorCode(err) != EINVALID || line != tc.line || key != tc.key {
				t.Fatalf("err = %v (line %d, %s), want line %d %s", err, line, key, tc.line, tc.key)
			}
		})
	}
}

// demoStyleCSV is a statement as the demo and Fio write it: a preamble with
// the account, the period and both balances, then the movements.
const demoStyleCSV = "\ufeffČíslo účtu;19-2000145399/0800\r\n" +
	"Období;01.11.2026 - 30.11.2026\r\n" +
	"Počáteční stav;1 000,00\r\n" +
	"Konečný stav;1 150,00\r\n" +
	"ID pohybu;Datum;Objem;Měna;VS;Zpráva pro příjemce\r\n" +
	"1;03.11.2026;200,00;CZK;20260001;Úhrada faktury\r\n" +
	"2;{{date}};-50,00;CZK;;Poplatek\r\n"

func TestParseBankCSVPlausibility(t *testing.T) {
	csvWith := func(date, closing string) []byte {
		s := strings.Replace(demoStyleCSV, "{{date}}", date, 1)
		return []byte(strings.Replace(s, "Konečný stav;1 150,00", "Konečný stav;"+closing, 1))
	}
	st, err := ParseBankStatement(csvWith("30.11.2026", "1 150,00"))
	if err != nil {
		t.Fatal(err)
	}
	if !st.PeriodStated || st.From != D(2026, 11, 1) || st.To != D(2026, 11, 30) || !st.BalancesStated ||
		st.Opening != M(100000, "CZK") || st.Closing != M(115000, "CZK") || st.Account != "19-2000145399/0800" {
		t.Errorf("statement %+v", st)
	}
	tests := []struct {
		name string
		data []byte
		line int
		key  string
	}{
		{"a line dated 01.12.9999", csvWith("01.12.9999", "1 150,00"), 7, "err.bank.date_outside"},
		{"opening + lines ≠ closing", csvWith("30.11.2026", "1 150,01"), 4, "err.bank.balance_mismatch"},
		{"an amount over 10^12", []byte(strings.Replace(string(csvWith("30.11.2026", "1 150,00")), "-50,00", "-10 000 000 000,01", 1)), 7, "err.bank.amount_too_large"},
		{"no period: 1999", []byte("Datum;Částka\n28.11.2026;1,00\n28.11.1999;1,00\n"), 3, "err.bank.date_too_old"},
		{"no period: a year far off", []byte("Datum;Částka\n28.11.2026;1,00\n29.11.2026;1,00\n28.11.2099;1,00\n"), 4, "err.bank.date_apart"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseBankStatement(tc.data)
			if line, key := bankRefusal(err); ErrorCode(err) != EINVALID || line != tc.line || key != tc.key {
				t.Fatalf("err = %v (line %d, %s), want line %d %s", err, line, key, tc.line, tc.key)
			}
		})
	}
	// "Období: …" in one cell and balances with the currency read alike.
	s := strings.Replace(string(csvWith("30.11.2026", "1 150,00 Kč")), "Období;", "Období: ", 1)
	if st, err := ParseBankStatement([]byte(s)); err != nil || !st.PeriodStated || !st.BalancesStated || st.Closing.Amount != 115000 {
		t.Errorf("one-cell period: %v %+v", err, st)
	}
}

func TestParseABOPlausibility(t *testing.T) {
	good := sampleABO(t)
	with := func(i int, rec string) []byte {
		out := append([]string(nil), good...)
		out[i] = rec
		return win1250(t, strings.Join(out, "\r\n"))
	}
	tests := []struct {
		name string
		data []byte
		line int
		key  string
	}{
		// The balances add up, but the header's turnovers are not the
		// movements': a movement was removed and the closing balance edited.
		{"turnovers disagree", with(0, aboHeader074(t, "271126", 1000000, 1972950, 247050, 1220001, 42, "281126")), 1, "err.bank.abo_turnover"},
		{"debit turnover missing", with(0, aboHeader074(t, "271126", 1000000, 1972950, 0, 1220000, 42, "281126")), 1, "err.bank.abo_turnover"},
		{"a value date a year off", with(1, splice(good[1], 91, "281127")), 2, "err.bank.date_outside"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseABO(tc.data)
			if line, key := bankRefusal(err); ErrorCode(err) != EINVALID || line != tc.line || key != tc.key {
				t.Fatalf("err = %v (line %d, %s), want line %d %s", err, line, key, tc.line, tc.key)
			}
		})
	}
	// Turnovers netted by accounting code (a storno lowers the turnover it
	// undoes) are what some banks write: 242050 − 10000 and 1210000 − 5000.
	if _, err := ParseABO(with(0, aboHeader074(t, "271126", 1000000, 1972950, 232050, 1205000, 42, "281126"))); err != nil {
		t.Errorf("net turnovers refused: %v", err)
	}
}
