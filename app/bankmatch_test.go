package app

import (
	"testing"
	"time"
)

func TestMatchBankLine(t *testing.T) {
	open := []OpenItem{
		{Kind: PayKindSale, DocID: "s1", Number: "FV2026-0001", VS: "20260001", Party: "Novák", Remaining: M(1210_00, "CZK")},
		{Kind: PayKindSale, DocID: "s2", Number: "FV2026-0002", VS: "20260002", Party: "Dvořák", Remaining: M(500_00, "CZK")},
		{Kind: PayKindSale, DocID: "s3", Number: "FV2026-0003", VS: "20260002", Party: "Dvořák", Remaining: M(500_00, "CZK")},
		{Kind: PayKindPurchase, DocID: "p1", Number: "FP2026-0001", VS: "20260001", Party: "Dodavatel", Remaining: M(1210_00, "CZK")},
		{Kind: PayKindSale, DocID: "e1", Number: "FV2026-0004", VS: "44", Party: "GmbH", Remaining: M(100_00, "EUR")},
	}
	day := D(2026, time.March, 2)
	line := func(vs string, amount int64, cur string) BankLine {
		return BankLine{Date: day, Amount: M(amount, cur), VariableSymbol: vs}
	}
	for _, tc := range []struct {
		name  string
		line  BankLine
		state BankMatchState
		doc   string
		cands int
	}{
		{"incoming pays the sales invoice", line("20260001", 1210_00, "CZK"), MatchFound, "s1", 0},
		{"outgoing pays the received invoice", line("20260001", -1210_00, "CZK"), MatchFound, "p1", 0},
		{"wrong amount", line("20260001", 1200_00, "CZK"), MatchNone, "", 0},
		{"no symbol", line("", 1210_00, "CZK"), MatchNone, "", 0},
		{"zero", line("20260001", 0, "CZK"), MatchNone, "", 0},
		{"two invoices fit", line("20260002", 500_00, "CZK"), MatchAmbiguous, "", 2},
		{"currency must agree", line("44", 100_00, "CZK"), MatchNone, "", 0},
		{"foreign currency", line("44", 100_00, "EUR"), MatchFound, "e1", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			taken := map[string]bool{}
			e := MatchBankLine(tc.line, open, taken)
			if e.State != tc.state || e.DocID != tc.doc || len(e.Candidates) != tc.cands {
				t.Fatalf("got %+v, want %s %q with %d candidates", e, tc.state, tc.doc, tc.cands)
			}
			if tc.state == MatchFound && (!taken[tc.doc] || e.DocNumber == "" || e.Party == "") {
				t.Errorf("found %+v but not taken or unnamed", e)
			}
			if tc.state != MatchFound && len(taken) != 0 {
				t.Errorf("taken %v without a match", taken)
			}
		})
	}
	// The same invoice is not proposed for two lines of one statement.
	taken := map[string]bool{}
	if e := MatchBankLine(line("20260001", 1210_00, "CZK"), open, taken); e.State != MatchFound {
		t.Fatal(e)
	}
	if e := MatchBankLine(line("20260001", 1210_00, "CZK"), open, taken); e.State != MatchNone {
		t.Errorf("second line %+v, want unmatched", e)
	}
	// Once one of two candidates is taken the other fits alone.
	taken = map[string]bool{"s2": true}
	if e := MatchBankLine(line("20260002", 500_00, "CZK"), open, taken); e.State != MatchFound || e.DocID != "s3" {
		t.Errorf("got %+v, want s3", e)
	}
}

func TestBankLineKeys(t *testing.T) {
	day := D(2026, time.March, 2)
	a := BankLine{Date: day, Amount: M(100_00, "CZK"), VariableSymbol: "1"}
	st := BankStatement{Account: "19-2000145399/0800", Lines: []BankLine{a, a, {Date: day, Amount: M(100_00, "CZK"), VariableSymbol: "2"}}}
	keys := BankLineKeys(st)
	if len(keys) != 3 || keys[0] == keys[1] || keys[1] == keys[2] || keys[0] == keys[2] {
		t.Fatalf("keys %q: two equal payments must stay two", keys)
	}
	// The same file read again gives the same keys: a second import is a no-op.
	again := BankLineKeys(st)
	for i := range keys {
		if keys[i] != again[i] {
			t.Errorf("key %d changed: %q / %q", i, keys[i], again[i])
		}
	}
	// The bank's own reference wins over the line's fields.
	r := a
	r.BankRef = "ABC123"
	if k := BankLineKey(st.Account, r, 1); k != BankLineKey(st.Account, BankLine{BankRef: "ABC123"}, 7) {
		t.Errorf("reference key %q depends on more than the reference", k)
	}
	if BankLineKey("other", a, 1) == keys[0] {
		t.Error("the account is not part of the key")
	}
}

func TestStatementAccountKey(t *testing.T) {
	for in, want := range map[string]string{
		"2801234578":                    "2801234578",
		"2801234578/2010":               "2801234578",
		"0000002801234578":              "2801234578",
		"000019-2000145399":             "19-2000145399",
		"19-2000145399/0800":            "19-2000145399",
		"CZ65 0800 0000 1920 0014 5399": "19-2000145399",
		"DE89370400440532013000":        "DE89370400440532013000",
		"":                              "",
	} {
		if got := StatementAccountKey(in); got != want {
			t.Errorf("StatementAccountKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// The ABO file and the CSV export of one statement give the same keys, so
// importing the second after the first stores nothing.
func TestBankKeysSameAcrossFormats(t *testing.T) {
	l := BankLine{Date: D(2026, 11, 22), Amount: M(2364320, "CZK"), VariableSymbol: "20260217", BankRef: "2026110000003"}
	abo := BankLineKeys(BankStatement{Account: "0000002801234578", Lines: []BankLine{l}})
	csv := BankLineKeys(BankStatement{Account: "2801234578/2010", Lines: []BankLine{l}})
	if abo[0] != csv[0] {
		t.Fatalf("keys differ: %q vs %q", abo[0], csv[0])
	}
}

func TestParseBankCSVReadsPreambleAccount(t *testing.T) {
	data := []byte("Číslo účtu;2801234578/2010\nObdobí;01.11.2026 - 28.11.2026\n\nID pohybu;Datum;Objem;Měna;VS\n1;22.11.2026;23 643,20;CZK;20260217\n")
	m, err := GuessCSVMapping(data)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseBankCSV(data, m)
	if err != nil {
		t.Fatal(err)
	}
	if st.Account != "2801234578/2010" || len(st.Lines) != 1 {
		t.Fatalf("account %q, %d lines", st.Account, len(st.Lines))
	}
}
