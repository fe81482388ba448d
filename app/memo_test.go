package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
)

// catalogTranslator translates from one of the real assets/i18n files, as
// the front ends do (a missing key gives the fallback).
type catalogTranslator struct {
	lang  Lang
	texts map[string]string
}

func loadCatalog(t *testing.T, lang Lang) catalogTranslator {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "assets", "i18n", string(lang)+".json"))
	if err != nil {
		t.Fatal(err)
	}
	c := catalogTranslator{lang: lang, texts: map[string]string{}}
	if err := json.Unmarshal(raw, &c.texts); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c catalogTranslator) Lang() Lang { return c.lang }

func (c catalogTranslator) Translate(key, fallback string, args map[string]any) string {
	text, ok := c.texts[key]
	if !ok {
		text = fallback
	}
	if !strings.Contains(text, "{{") {
		return text
	}
	tm, err := template.New("").Option("missingkey=zero").Parse(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if err := tm.Execute(&b, args); err != nil {
		return text
	}
	return b.String()
}

// TestMemoConstructors keeps the Czech texts the store has always written
// (the literals of data/issue.go, payments.go, purchases.go, bankpost.go,
// reversal.go, yearclose.go) and proves the Czech catalogue renders each key
// to exactly that text, and English to its translation.
func TestMemoConstructors(t *testing.T) {
	cs, en := loadCatalog(t, Czech), loadCatalog(t, English)
	pay := MemoPayment("FV2026-0001", "Novák s.r.o.")
	sup := MemoSupplierPayment("PF2026-0003", "2026117", "Dřevo a.s.")
	ref := MemoSupplierRefund("PF2026-0003", "2026117", "Dřevo a.s.")
	tests := []struct {
		name      string
		m         Memo
		key       string
		czech     string
		english   string
		argsCount int
	}{
		{"invoice", MemoSalesDoc(KindInvoice, "FV2026-0001", "Novák s.r.o."), "memo.invoice",
			"Faktura FV2026-0001 – Novák s.r.o.", "Invoice FV2026-0001 – Novák s.r.o.", 2},
		{"credit note", MemoSalesDoc(KindCreditNote, "OD2026-0002", "Novák s.r.o."), "memo.credit_note",
			"Opravný doklad OD2026-0002 – Novák s.r.o.", "Credit note OD2026-0002 – Novák s.r.o.", 2},
		{"payment", pay, "memo.payment",
			"Úhrada FV2026-0001 – Novák s.r.o.", "Payment FV2026-0001 – Novák s.r.o.", 2},
		{"payment rounding", MemoFXRounding(pay), "memo.payment_rounding",
			"Úhrada FV2026-0001 – Novák s.r.o. – zaokrouhlení kurzu", "Payment FV2026-0001 – Novák s.r.o. – exchange rate rounding", 2},
		{"supplier payment", sup, "memo.supplier_payment",
			"Úhrada PF2026-0003 (2026117) – Dřevo a.s.", "Payment PF2026-0003 (2026117) – Dřevo a.s.", 3},
		{"supplier payment rounding", MemoFXRounding(sup), "memo.supplier_payment_rounding",
			"Úhrada PF2026-0003 (2026117) – Dřevo a.s. – zaokrouhlení kurzu", "Payment PF2026-0003 (2026117) – Dřevo a.s. – exchange rate rounding", 3},
		{"supplier refund", ref, "memo.supplier_refund",
			"Vratka PF2026-0003 (2026117) – Dřevo a.s.", "Refund PF2026-0003 (2026117) – Dřevo a.s.", 3},
		{"supplier refund rounding", MemoFXRounding(ref), "memo.supplier_refund_rounding",
			"Vratka PF2026-0003 (2026117) – Dřevo a.s. – zaokrouhlení kurzu", "Refund PF2026-0003 (2026117) – Dřevo a.s. – exchange rate rounding", 3},
		{"rate rounding", MemoRateRounding("FV2026-0009"), "memo.rate_rounding",
			"Zaokrouhlení kurzu FV2026-0009", "Exchange rate rounding FV2026-0009", 1},
		{"purchase", MemoPurchase("PF2026-0003", "2026117", "Dřevo a.s."), "memo.purchase",
			"Přijatá faktura PF2026-0003 (2026117) – Dřevo a.s.", "Received invoice PF2026-0003 (2026117) – Dřevo a.s.", 3},
		{"bank", MemoBank("Poplatek za vedení účtu"), "memo.bank",
			"Banka – Poplatek za vedení účtu", "Bank – Poplatek za vedení účtu", 1},
		{"reversal", MemoReversal("2026-000123", "Faktura FV2026-0001 – Novák s.r.o."), "memo.reversal",
			"Storno 2026-000123 – Faktura FV2026-0001 – Novák s.r.o.", "Reversal 2026-000123 – Faktura FV2026-0001 – Novák s.r.o.", 2},
		{"year close", MemoYearClose(2026), "memo.year_close",
			"Roční uzávěrka 2026", "Year-end closing 2026", 1},
		{"year reopen", MemoYearReopen(2026), "memo.year_reopen",
			"Zrušení roční uzávěrky 2026", "Year-end closing 2026 undone", 1},
		// a name that looks like a template prints as it is, in every language
		{"template-like name", MemoPayment("FV2026-0002", "{{.number}} & <Co>"), "memo.payment",
			"Úhrada FV2026-0002 – {{.number}} & <Co>", "Payment FV2026-0002 – {{.number}} & <Co>", 2},
		{"empty party", MemoSalesDoc(KindInvoice, "FV2026-0003", ""), "memo.invoice",
			"Faktura FV2026-0003 – ", "Invoice FV2026-0003 – ", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.m.Key != tt.key || tt.m.Czech != tt.czech || len(tt.m.Args) != tt.argsCount {
				t.Fatalf("memo = %q %q %d args, want %q %q %d args", tt.m.Key, tt.m.Czech, len(tt.m.Args), tt.key, tt.czech, tt.argsCount)
			}
			if got := tt.m.Text(cs); got != tt.czech {
				t.Errorf("Czech catalogue: %q, want %q (cs.json must render the stored text)", got, tt.czech)
			}
			if got := tt.m.Text(en); got != tt.english {
				t.Errorf("English: %q, want %q", got, tt.english)
			}
			if got := tt.m.Text(nil); got != tt.czech {
				t.Errorf("no translator: %q, want the Czech text %q", got, tt.czech)
			}
		})
	}
}

// TestMemoTextFallbacks: a memo without a key (a manual entry, an entry
// posted before memos had keys) reads as written in every language; a key
// the catalogue lacks falls back to the Czech text, escaped.
func TestMemoTextFallbacks(t *testing.T) {
	en := loadCatalog(t, English)
	manual := Memo{Czech: "Nákup {{kancelářských}} potřeb"}
	if got := manual.Text(en); got != manual.Czech {
		t.Errorf("memo without key = %q", got)
	}
	unknown := Memo{Key: "memo.no_such_key", Czech: "Úhrada {{x}} – Novák", Args: AuditArgs{"number": AText("1")}}
	if got := unknown.Text(en); got != unknown.Czech {
		t.Errorf("unknown key = %q, want the Czech text", got)
	}
	if m := MemoFXRounding(Memo{Czech: "Úhrada ručně"}); m.Key != "" || m.Czech != "Úhrada ručně – zaokrouhlení kurzu" {
		t.Errorf("rounding of a memo without key = %+v", m)
	}
}

// TestEntrySetMemo: SetMemo keeps the Czech text as the entry's Memo (what
// proofs, PDFs and old readers see), the key and arguments beside it, and
// MemoText translates it; an entry posted by hand is unchanged.
func TestEntrySetMemo(t *testing.T) {
	en, cs := loadCatalog(t, English), loadCatalog(t, Czech)
	var e Entry
	e.SetMemo(MemoYearClose(2025))
	if e.Memo != "Roční uzávěrka 2025" || e.MemoKey != "memo.year_close" || len(e.MemoArgs) != 1 {
		t.Fatalf("entry = %q %q %v", e.Memo, e.MemoKey, e.MemoArgs)
	}
	if got := e.MemoText(en); got != "Year-end closing 2025" {
		t.Errorf("MemoText(en) = %q", got)
	}
	if got := e.MemoText(cs); got != e.Memo {
		t.Errorf("MemoText(cs) = %q", got)
	}
	if got := e.EntryMemo(); got.Key != e.MemoKey || got.Czech != e.Memo {
		t.Errorf("EntryMemo = %+v", got)
	}

	// A long party name: the caller cuts the stored memo as before; the
	// translated text is cut the same way.
	long := strings.Repeat("Dlouhý název ", 30)
	e = Entry{}
	e.SetMemo(MemoPayment("FV2026-0001", long))
	if e.Memo != "Úhrada FV2026-0001 – "+long {
		t.Errorf("SetMemo cut the memo: %q", e.Memo)
	}
	e.CutMemos()
	if got := e.MemoText(en); len([]rune(got)) > MaxMemo || !strings.HasPrefix(got, "Payment FV2026-0001 – Dlouhý") {
		t.Errorf("MemoText of a long memo = %q (%d characters)", got, len([]rune(got)))
	}

	manual := Entry{Memo: "Nájem listopad"}
	if got := manual.MemoText(en); got != "Nájem listopad" {
		t.Errorf("manual MemoText = %q", got)
	}

	// Entries without a key marshal exactly as before the fields existed.
	raw, err := json.Marshal(Entry{ID: "x", Memo: "Nájem", Date: D(2026, 1, 2)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "memo_key") || strings.Contains(string(raw), "memo_args") {
		t.Errorf("an entry without a memo key marshals its empty fields: %s", raw)
	}
	// and with one, the arguments read back exactly.
	e = Entry{}
	e.SetMemo(MemoSupplierRefund("PF1", "S-1", "Dřevo"))
	raw, _ = json.Marshal(e)
	var back Entry
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if back.MemoText(en) != "Refund PF1 (S-1) – Dřevo" {
		t.Errorf("after a JSON round trip: %q", back.MemoText(en))
	}
}
