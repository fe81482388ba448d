package data

import (
	"testing"

	"kontor/app"
)

// TestImportBankRefusesImplausible: the store holds a statement to the same
// rules as the parsers, whoever built it, and with today's date: the line of
// 01.12.9999 that paid FV2026-0001 and became entry ID9999-00001 is refused
// with its line number, and nothing is stored.
func TestImportBankRefusesImplausible(t *testing.T) {
	f := newBankFixture(t)
	total := f.inv1.Totals.Total
	far := bankLine(10, total, "20260001")
	far.Date = app.D(9999, 12, 1)
	huge := bankLine(11, app.MaxBankAmount+1, "20260002")
	tests := []struct {
		name string
		st   app.BankStatement
		line int
		key  string
	}{
		{"dated 01.12.9999", statement(bankLine(3, 100, ""), far), 3, "err.bank.date_future"},
		{"over 10^12", statement(huge), 2, "err.bank.amount_too_large"},
		{"balances not reached", func() app.BankStatement {
			st := statement(bankLine(3, 100, ""))
			st.Opening, st.Closing, st.BalancesStated, st.BalanceLine = app.M(0, "CZK"), app.M(99, "CZK"), true, 1
			return st
		}(), 1, "err.bank.balance_mismatch"},
	}
	lines0, pays0 := f.counts(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, call := range []func() error{
				func() error { _, err := f.s.PreviewBank(ctx, tc.st); return err },
				func() error { _, err := f.s.ImportBank(ctx, tc.st); return err },
			} {
				err := call()
				e, ok := err.(*app.Error)
				if !ok || e.Code != app.EINVALID || e.Key != "err.bank.line" || e.Args["line"] != tc.line || e.Args["reason"].(app.Label).Key != tc.key {
					t.Fatalf("err = %v, want line %d %s", err, tc.line, tc.key)
				}
			}
		})
	}
	if es, _ := f.s.BankEntries(ctx, false); len(es) != 0 {
		t.Fatalf("refused statements stored %d lines", len(es))
	}
	if lines, pays := f.counts(t); lines != lines0 || pays != pays0 {
		t.Fatalf("journal lines %d→%d, payments %d→%d", lines0, lines, pays0, pays)
	}
}
