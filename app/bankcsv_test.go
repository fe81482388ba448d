package app

import (
	"strings"
	"testing"
)

// CSV samples in the style of Czech banks' exports, Windows-1250 with ';':
// Fio (a preamble above the header, "Objem", "Zpráva pro příjemce", "ID
// pohybu"), ČSOB ("datum zaúčtování", "částka", ISO dates), KB ("Datum
// splatnosti", "Protistrana" as the account, short years, decimal dot).

const fioCSV = `"Výpis č. 11/2026 z účtu ""2000145399/2010""";;;
"Období: 01.11.2026 - 30.11.2026";;;
ID pohybu;Datum;Objem;Měna;Protiúčet;Název protiúčtu;Kód banky;KS;VS;SS;Poznámka;Zpráva pro příjemce;ID pokynu
23456789012;28.11.2026;12 100,00;CZK;2000145399;Žluťoučký kůň;0800;0308;0020260001;;Platba;Faktura FV2026-0001;111
23456789013;29.11.2026;-2 420,50;CZK;123-4567890123;Dodavatel Šťastný;0100;;4455;77;Nájem;;112

23456789014;30.11.2026;-1234.5;CZK;;;;;;;Poplatek za vedení;;113
`

const csobCSV = "datum zaúčtování;částka;měna;zůstatek;konstantní symbol;variabilní symbol;specifický symbol;název protiúčtu;protiúčet;poznámka\r\n" +
	"2026-11-28;1 210,00;EUR;5 000,00;;2026007;;Kůň a spol.;19-2000145399/0800;\"Faktura; EUR\"\r\n" +
	"2026-11-27;-10,00;EUR;3 790,00;;;;;;Poplatek\r\n"

const kbCSV = "Datum splatnosti;Protistrana;Název protistrany;Částka;VS;KS;SS;Identifikace transakce;Popis pro mě\r\n" +
	"28.11.26;2000145399/0800;ŽLUŤOUČKÝ KŮŇ;1500.00;20260002;;;KB-1;Úhrada\r\n"

func TestGuessCSVMapping(t *testing.T) {
	m, err := GuessCSVMapping(win1250(t, fioCSV))
	if err != nil {
		t.Fatal(err)
	}
	want := CSVMapping{Date: 1, Amount: 2, Currency: 3, VS: 8, KS: 7, SS: 9, CounterAccount: 4, CounterBank: 6, CounterName: 5, Message: 11, BankRef: 0,
		DateFormat: BankDateDMY, HasHeader: true, Comma: ';', Skip: 2}
	if m != want {
		t.Errorf("fio mapping\n got %+v\nwant %+v", m, want)
	}
	m, err = GuessCSVMapping(win1250(t, kbCSV))
	if err != nil {
		t.Fatal(err)
	}
	if m.Date != 0 || m.CounterAccount != 1 || m.CounterName != 2 || m.Amount != 3 || m.BankRef != 7 || m.DateFormat != BankDateDMYShort || m.Skip != 0 {
		t.Errorf("kb mapping %+v", m)
	}
}

func TestParseBankCSV(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		currency string
		from, to Date
		want     []BankLine
	}{
		{"fio", fioCSV, "CZK", D(2026, 11, 1), D(2026, 11, 30), []BankLine{ // the period its preamble states
			{Line: 4, Date: D(2026, 11, 28), Amount: M(1210000, "CZK"), VariableSymbol: "20260001", ConstantSymbol: "308", CounterAccount: "2000145399/0800", CounterName: "Žluťoučký kůň", Message: "Faktura FV2026-0001", BankRef: "23456789012"},
			{Line: 5, Date: D(2026, 11, 29), Amount: M(-242050, "CZK"), VariableSymbol: "4455", SpecificSymbol: "77", CounterAccount: "123-4567890123/0100", CounterName: "Dodavatel Šťastný", BankRef: "23456789013"},
			{Line: 7, Date: D(2026, 11, 30), Amount: M(-123450, "CZK"), BankRef: "23456789014"},
		}},
		{"csob", csobCSV, "EUR", D(2026, 11, 27), D(2026, 11, 28), []BankLine{
			{Line: 2, Date: D(2026, 11, 28), Amount: M(121000, "EUR"), VariableSymbol: "2026007", CounterAccount: "19-2000145399/0800", CounterName: "Kůň a spol.", Message: "Faktura; EUR"},
			{Line: 3, Date: D(2026, 11, 27), Amount: M(-1000, "EUR"), Message: "Poplatek"},
		}},
		{"kb", kbCSV, "CZK", D(2026, 11, 28), D(2026, 11, 28), []BankLine{
			{Line: 2, Date: D(2026, 11, 28), Amount: M(150000, "CZK"), VariableSymbol: "20260002", CounterAccount: "2000145399/0800", CounterName: "ŽLUŤOUČKÝ KŮŇ", BankRef: "KB-1"},
		}},
		{"english utf-8", "Date,Amount,Currency,Counter account,Message,Transaction ID\n2026-11-28,\"1,234.50\",CZK,2000145399/0800,Invoice 7,T1\n", "CZK", D(2026, 11, 28), D(2026, 11, 28), []BankLine{
			{Line: 2, Date: D(2026, 11, 28), Amount: M(123450, "CZK"), CounterAccount: "2000145399/0800", Message: "Invoice 7", BankRef: "T1"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, err := ParseBankStatement(win1250(t, tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if st.Format != "csv" || st.Currency != tc.currency || st.From != tc.from || st.To != tc.to || st.Opening != M(0, tc.currency) {
				t.Errorf("statement %+v", st)
			}
			if len(st.Lines) != len(tc.want) {
				t.Fatalf("%d lines, want %d: %+v", len(st.Lines), len(tc.want), st.Lines)
			}
			for i := range tc.want {
				if st.Lines[i] != tc.want[i] {
					t.Errorf("line %d\n got %+v\nwant %+v", i, st.Lines[i], tc.want[i])
				}
			}
		})
	}
}

func TestParseBankCSVRefused(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "this is not a text file"},
		{"no amount column", win1250(t, "Datum;Protiúčet;VS\n28.11.2026;2000145399/0800;1\n"), "no amount column"},
		{"no date column", win1250(t, "Částka;VS\n1,00;1\n"), "no date column"},
		{"not a statement", []byte("hello;world\n1;2\n"), "unknown bank statement format"},
		{"bad amount", win1250(t, "Datum;Částka\n28.11.2026;1,00\n29.11.2026;12,3,4\n"), "line 3: “12,3,4” is not a number"},
		{"empty amount", win1250(t, "Datum;Částka\n28.11.2026;\n"), "line 2: the amount is empty"},
		{"bad date", win1250(t, "Datum;Částka\n28.11.2026;1,00\n31.02.2026;1,00\n"), "line 3: “31.02.2026” is not a date"},
		{"bad symbol", win1250(t, "Datum;Částka;VS\n28.11.2026;1,00;FV-1\n"), "line 2: the variable symbol “FV-1” is not up to 10 digits"},
		{"mixed currency", win1250(t, "Datum;Částka;Měna\n28.11.2026;1,00;CZK\n28.11.2026;1,00;EUR\n"), "line 3: the movement is in EUR but the statement's others are in CZK"},
		{"unknown currency", win1250(t, "Datum;Částka;Měna\n28.11.2026;1,00;XYZ\n"), "line 2: unknown currency “XYZ”"},
		{"broken quote", win1250(t, "Datum;Částka\n28.11.2026;\"1,00\n"), "line 2: a quoted field is not closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseBankStatement(tc.data)
			if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want EINVALID containing %q", err, tc.want)
			}
		})
	}
	if _, err := ParseBankCSV([]byte("a;b\n"), CSVMapping{Date: 0, Amount: -1}); ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "no amount column") {
		t.Errorf("mapping without amount: %v", err)
	}
}
