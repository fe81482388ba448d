package app

import (
	"strings"
	"testing"
)

// rulesBankLine is a pending stored bank line of amount (minor units) in currency.
func rulesBankLine(amount int64, currency string) BankEntry {
	return BankEntry{ID: "b1", State: MatchNone, Line: BankLine{Date: D(2026, 11, 3), Amount: M(amount, currency), Message: " Poplatek za vedení ", CounterName: "Fio banka"}}
}

func TestBankAccountEntry(t *testing.T) {
	c := rulesCompany()
	acc := c.Chart.Posting()
	posted := rulesBankLine(-5000, "CZK")
	posted.State, posted.DocNumber = MatchPosted, "FV2026-0001"
	ignored := rulesBankLine(-5000, "CZK")
	ignored.State = MatchIgnored
	noMessage := rulesBankLine(-5000, "CZK")
	noMessage.Line.Message = ""
	cases := []struct {
		name            string
		e               BankEntry
		account, memo   string
		known           bool
		code, key       string
		field           string
		reason          string // the key inside a bank line's refusal
		lines           []Line
		memoText, memo2 string
	}{
		{name: "fee out", e: rulesBankLine(-5000, "CZK"), account: " 568 ", known: true,
			lines: []Line{{Account: "568", Debit: 5000}, {Account: acc.Bank, Credit: 5000}}, memoText: "Banka – Poplatek za vedení", memo2: "Poplatek za vedení"},
		{name: "interest in, typed memo", e: rulesBankLine(1234, "CZK"), account: "662", memo: " Úroky ", known: true,
			lines: []Line{{Account: acc.Bank, Debit: 1234}, {Account: "662", Credit: 1234}}, memoText: "Banka – Úroky", memo2: "Úroky"},
		{name: "line without a message: the counterparty", e: noMessage, account: "568", known: true,
			lines: []Line{{Account: "568", Debit: 5000}, {Account: acc.Bank, Credit: 5000}}, memoText: "Banka – Fio banka", memo2: "Fio banka"},
		{name: "VAT paid to the tax office is a settlement", e: rulesBankLine(-700000, "CZK"), account: acc.VAT, known: true,
			lines: []Line{{Account: acc.VAT, Debit: 700000}, {Account: acc.Bank, Credit: 700000}}, memoText: "Banka – Poplatek za vedení", memo2: "Poplatek za vedení"},
		{name: "no account", e: rulesBankLine(-5000, "CZK"), account: "  ", known: true, code: EINVALID, key: "err.required", field: "bank.account"},
		{name: "memo too long", e: rulesBankLine(-5000, "CZK"), account: "568", memo: strings.Repeat("m", 201), known: true, code: EINVALID, key: "err.too_long", field: "bank.memo"},
		{name: "the bank account itself", e: rulesBankLine(-5000, "CZK"), account: acc.Bank, known: true, code: EINVALID, key: "err.bank.account_not_allowed", field: "bank.account"},
		{name: "receivables", e: rulesBankLine(5000, "CZK"), account: acc.Receivables, known: true, code: EINVALID, key: "err.bank.account_not_allowed", field: "bank.account"},
		{name: "payables", e: rulesBankLine(-5000, "CZK"), account: acc.Payables, known: true, code: EINVALID, key: "err.bank.account_not_allowed", field: "bank.account"},
		{name: "unknown account", e: rulesBankLine(-5000, "CZK"), account: "999", code: EINVALID, key: "err.bank.account_unknown", field: "bank.account"},
		{name: "a line in euros", e: rulesBankLine(-5000, "EUR"), account: "568", known: true, code: EINVALID, key: "err.bank.entry", field: "bank.entry", reason: "err.bank.account_currency"},
		{name: "posted already", e: posted, account: "568", known: true, code: ECONFLICT, key: "err.bank.entry", field: "bank.entry", reason: "err.bank.already_posted"},
		{name: "set aside", e: ignored, account: "568", known: true, code: ECONFLICT, key: "err.bank.entry", field: "bank.entry", reason: "err.bank.already_ignored"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			entry, e, err := BankAccountEntry(tc.e, tc.account, tc.memo, c, tc.known)
			code, key, field := refusal(err)
			if tc.key == "" && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if code != tc.code || key != tc.key || field != tc.field {
				t.Fatalf("got %s %q at %q (%v), want %s %q at %q", code, key, field, err, tc.code, tc.key, tc.field)
			}
			if tc.reason != "" {
				var inner *Error
				if !asError(err, &inner) {
					t.Fatalf("not an *Error: %v", err)
				}
				if l, ok := inner.Args["reason"].(Label); !ok || l.Key != tc.reason || inner.Args["id"] != "b1" {
					t.Errorf("reason %+v, want %q", inner.Args, tc.reason)
				}
			}
			if err != nil {
				if e.State != tc.e.State {
					t.Errorf("a refused line changed state to %q", e.State)
				}
				return
			}
			if entry.Memo != tc.memoText || entry.MemoKey != "memo.bank" || entry.Source != "bank:b1" || entry.Date != D(2026, 11, 3) {
				t.Errorf("entry %q %q %q %v", entry.Memo, entry.MemoKey, entry.Source, entry.Date)
			}
			if len(entry.Lines) != 2 {
				t.Fatalf("lines %+v", entry.Lines)
			}
			for i, l := range tc.lines {
				got := entry.Lines[i]
				if got.Account != l.Account || got.Debit != l.Debit || got.Credit != l.Credit || got.Memo != tc.memo2 {
					t.Errorf("line %d: %+v, want %+v", i, got, l)
				}
				if wantTag := l.Account == acc.VAT; (got.VAT != nil) != wantTag {
					t.Errorf("line %d: VAT tag %v", i, got.VAT)
				}
			}
			if e.State != MatchPosted || e.Kind != PayKindAccount || e.Party != tc.memo2 || e.DocID != "" || e.Candidates != nil {
				t.Errorf("line after: %+v", e)
			}
		})
	}

	// "Banka – " and a 200-character memo are cut to the journal's limit.
	entry, _, err := BankAccountEntry(rulesBankLine(-5000, "CZK"), "568", strings.Repeat("ž", 200), c, true)
	if err != nil || len([]rune(entry.Memo)) != MaxMemo || !strings.HasPrefix(entry.Memo, "Banka – žž") {
		t.Errorf("long memo: %v, %q", err, entry.Memo)
	}
}

func asError(err error, target **Error) bool {
	e, ok := err.(*Error)
	*target = e
	return ok
}

func TestPairingPayment(t *testing.T) {
	posted := rulesBankLine(5000, "CZK")
	posted.State = MatchPosted
	cases := []struct {
		name   string
		e      BankEntry
		pr     BankPairing
		amount int64
		refund bool
		key    string
		field  string
	}{
		{name: "money in pays a sales invoice", e: rulesBankLine(121000, "CZK"), pr: BankPairing{Kind: PayKindSale, DocID: "d1"}, amount: 121000},
		{name: "money out pays a received invoice", e: rulesBankLine(-121000, "CZK"), pr: BankPairing{Kind: PayKindPurchase, DocID: "p1"}, amount: 121000},
		{name: "money in on a received invoice is the supplier's refund", e: rulesBankLine(24200, "CZK"), pr: BankPairing{Kind: PayKindPurchase, DocID: "p1"}, amount: 24200, refund: true},
		{name: "money out cannot pay a sales invoice", e: rulesBankLine(-5000, "CZK"), pr: BankPairing{Kind: PayKindSale, DocID: "d1"}, key: "err.bank.not_incoming", field: "bank.kind"},
		{name: "no document", e: rulesBankLine(5000, "CZK"), pr: BankPairing{Kind: PayKindSale}, key: "err.bank.no_doc", field: "bank.doc"},
		{name: "unknown kind", e: rulesBankLine(5000, "CZK"), pr: BankPairing{Kind: "x", DocID: "d1"}, key: "err.bank.kind", field: "bank.kind"},
		{name: "posted already", e: posted, pr: BankPairing{Kind: PayKindSale, DocID: "d1"}, key: "err.bank.already_posted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, kind, refund, err := PairingPayment(tc.e, tc.pr)
			_, key, field := refusal(err)
			if key != tc.key || field != tc.field {
				t.Fatalf("got %q at %q (%v), want %q at %q", key, field, err, tc.key, tc.field)
			}
			if err != nil {
				return
			}
			if kind != tc.pr.Kind || refund != tc.refund || p.Amount != M(tc.amount, "CZK") || p.DocID != tc.pr.DocID ||
				p.Date != tc.e.Line.Date || p.Method != PayBank || p.BankEntry != "b1" || p.Note != tc.e.Line.Message {
				t.Errorf("payment %+v, kind %q, refund %v", p, kind, refund)
			}
			paired := tc.e.Paired(tc.pr, Payment{ID: "pay1"}, "FV2026-0001", "Novák")
			if paired.State != MatchPosted || paired.PaymentID != "pay1" || paired.DocID != tc.pr.DocID || paired.Kind != tc.pr.Kind || paired.DocNumber != "FV2026-0001" || paired.Party != "Novák" {
				t.Errorf("paired %+v", paired)
			}
		})
	}
}
