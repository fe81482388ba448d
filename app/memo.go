package app

import (
	"strings"
)

// Memo is the text of a journal entry the store writes itself (an issued
// invoice, a payment, a year's closing): Czech is what the books say and
// what the entry's Memo keeps (proofs, PDFs and entries posted before memos
// had keys all read it); Key and Args let a reader in another language see
// the same memo translated (Text). The constructors below are the only
// places the Czech wording lives.
type Memo struct {
	Key   string
	Czech string
	Args  AuditArgs
}

// Text returns the memo in the translator's language: its key's template
// with the arguments, or the Czech text when the memo has no key, the
// translator lacks it, or there is no translator.
func (m Memo) Text(t Translator) string {
	if t == nil || m.Key == "" {
		return m.Czech
	}
	// The Czech text is the fallback, not a template: a "{{" a customer's
	// name brings along must print as it is (templates run only with
	// arguments, see AuditEntry.Summary).
	fallback := m.Czech
	if len(m.Args) > 0 {
		fallback = strings.ReplaceAll(fallback, "{{", `{{"{{"}}`)
	}
	return ErrorMessage(&Error{Code: EINVALID, Key: m.Key, Msg: fallback, Args: m.Args.values()}, t)
}

// SetMemo gives e the memo: its Czech text as e.Memo, its key and arguments
// beside it. It does not cut the text; the caller cuts as it did before
// (CutMemos), so stored memos read exactly as they always have.
func (e *Entry) SetMemo(m Memo) {
	e.Memo, e.MemoKey, e.MemoArgs = m.Czech, m.Key, m.Args
}

// EntryMemo is the memo of e as SetMemo gave it (an entry posted by hand or
// before memos had keys has only its text).
func (e Entry) EntryMemo() Memo {
	return Memo{Key: e.MemoKey, Czech: e.Memo, Args: e.MemoArgs}
}

// MemoText is e's memo in the translator's language, cut to MaxMemo
// characters as the stored memo is.
func (e Entry) MemoText(t Translator) string {
	if e.MemoKey == "" {
		return e.Memo
	}
	return CutMemo(e.EntryMemo().Text(t))
}

// memo builds a Memo whose Czech text is czech rendered with args; the
// arguments are plain texts and counts, so the Czech template of key in
// assets/i18n/cs.json renders to exactly the same text.
func memo(key, czech string, args AuditArgs) Memo {
	return Memo{Key: key, Czech: renderTemplate(czech, localArgs(args.values(), Czech, nil)), Args: args}
}

// MemoSalesDoc is the memo of an issued sales document's posting:
// "Faktura FV2026-0001 – Novák s.r.o.", "Opravný doklad … – …".
func MemoSalesDoc(kind DocKind, number, party string) Memo {
	args := AuditArgs{"number": AText(number), "party": AText(party)}
	if kind == KindCreditNote {
		return memo("memo.credit_note", "Opravný doklad {{.number}} – {{.party}}", args)
	}
	return memo("memo.invoice", "Faktura {{.number}} – {{.party}}", args)
}

// MemoPayment is the memo of a customer's payment of an invoice:
// "Úhrada FV2026-0001 – Novák s.r.o.".
func MemoPayment(number, party string) Memo {
	return memo("memo.payment", "Úhrada {{.number}} – {{.party}}", AuditArgs{"number": AText(number), "party": AText(party)})
}

// MemoSupplierPayment is the memo of paying a received invoice:
// "Úhrada PF2026-0001 (2026117) – Dodavatel a.s." (our number, the
// supplier's number, the supplier).
func MemoSupplierPayment(number, supplierNumber, party string) Memo {
	return memo("memo.supplier_payment", "Úhrada {{.number}} ({{.supplier_number}}) – {{.party}}", supplierArgs(number, supplierNumber, party))
}

// MemoSupplierRefund is the memo of money a supplier sent back on a
// received invoice: "Vratka PF2026-0001 (2026117) – Dodavatel a.s.".
func MemoSupplierRefund(number, supplierNumber, party string) Memo {
	return memo("memo.supplier_refund", "Vratka {{.number}} ({{.supplier_number}}) – {{.party}}", supplierArgs(number, supplierNumber, party))
}

// MemoPurchase is the memo of a received invoice's posting:
// "Přijatá faktura PF2026-0001 (2026117) – Dodavatel a.s.".
func MemoPurchase(number, supplierNumber, party string) Memo {
	return memo("memo.purchase", "Přijatá faktura {{.number}} ({{.supplier_number}}) – {{.party}}", supplierArgs(number, supplierNumber, party))
}

func supplierArgs(number, supplierNumber, party string) AuditArgs {
	return AuditArgs{"number": AText(number), "supplier_number": AText(supplierNumber), "party": AText(party)}
}

// MemoFXRounding is the memo of the rounding line a settling payment in a
// foreign currency adds: of's text followed by " – zaokrouhlení kurzu". Its
// key is of's key + "_rounding" (memo.payment_rounding,
// memo.supplier_payment_rounding, memo.supplier_refund_rounding) with of's
// arguments; of without a key gives a memo without one.
func MemoFXRounding(of Memo) Memo {
	m := Memo{Czech: of.Czech + " – zaokrouhlení kurzu", Args: of.Args}
	if of.Key != "" {
		m.Key = of.Key + "_rounding"
	}
	return m
}

// MemoRateRounding is the memo of the entry that clears the haléře of
// conversion rounding a foreign-currency document closed by its credit
// note still carries: "Zaokrouhlení kurzu FV2026-0001".
func MemoRateRounding(number string) Memo {
	return memo("memo.rate_rounding", "Zaokrouhlení kurzu {{.number}}", AuditArgs{"number": AText(number)})
}

// MemoBank is the memo of a bank line posted straight to an account:
// "Banka – " and the line's text (what the accountant wrote, else the
// line's message or counterparty).
func MemoBank(text string) Memo {
	return memo("memo.bank", "Banka – {{.text}}", AuditArgs{"text": AText(text)})
}

// MemoReversal is the memo of the entry that reverses entry number whose
// memo was memo: "Storno 2026-000123 – Faktura FV2026-0001 – Novák s.r.o.".
func MemoReversal(number, memoText string) Memo {
	return memo("memo.reversal", "Storno {{.number}} – {{.memo}}", AuditArgs{"number": AText(number), "memo": AText(memoText)})
}

// MemoYearClose is the memo of a year's closing entry: "Roční uzávěrka 2026".
func MemoYearClose(year int) Memo {
	return memo("memo.year_close", "Roční uzávěrka {{.year}}", AuditArgs{"year": AInt(year)})
}

// MemoYearReopen is the memo of the entry that undoes a year's closing:
// "Zrušení roční uzávěrky 2026".
func MemoYearReopen(year int) Memo {
	return memo("memo.year_reopen", "Zrušení roční uzávěrky {{.year}}", AuditArgs{"year": AInt(year)})
}
