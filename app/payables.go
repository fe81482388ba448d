package app

import (
	"context"
	"strings"
	"time"
)

// Payables are the invoices the office receives from its suppliers (přijaté
// faktury). Suppliers are the same kind of record as customers
// (Customer.Supplier marks them), so one directory serves Reception, Sales and
// Accounts.

// PurchaseVAT is one VAT rate's part of a received invoice as the supplier's
// document states it: the tax base and the VAT, in the invoice's currency.
// Rate zero is an exempt or non-VAT part (VAT must then be zero).
type PurchaseVAT struct {
	Rate Rate  `json:"rate"`
	Base int64 `json:"base"`
	VAT  int64 `json:"vat"`
	// Kind is the rate's kind on the DUZP (VATStandard…), which the VAT
	// return's rows go by; the store fills it (FillKinds).
	Kind string `json:"kind,omitempty"`
}

// PurchaseInvoice is a received invoice. It is recorded and posted in one step
// (Dr expense or stock account with the bases, Dr VAT with the input VAT,
// Cr payables with the total) and immutable afterwards, like an issued invoice.
type PurchaseInvoice struct {
	ID     string `json:"id"`
	Branch string `json:"branch"`
	// Number is Kontor's own number from the "FP" series (FP2026-0001),
	// assigned when the invoice is recorded; SupplierNumber is the number on
	// the supplier's document, unique per supplier.
	Number         string `json:"number"`
	SupplierID     string `json:"supplier_id"`
	Supplier       Party  `json:"supplier"` // copied from the supplier's record when recorded
	SupplierNumber string `json:"supplier_number"`
	VariableSymbol string `json:"variable_symbol"` // what to pay with; defaults to the digits of SupplierNumber

	IssueDate Date `json:"issue_date"`
	TaxDate   Date `json:"tax_date"` // DUZP; the input VAT belongs to its month
	DueDate   Date `json:"due_date"`

	Currency     string `json:"currency"`
	ExchangeRate Rate   `json:"exchange_rate"` // base currency per unit of Currency; 1 for the base currency

	// Account is what the bases are debited to: an expense account (5xx,
	// default the chart's services 518) or stock (132 goods, 112 material).
	Account string        `json:"account"`
	VAT     []PurchaseVAT `json:"vat"`
	Memo    string        `json:"memo,omitempty"` // what was bought
	// Regime is how the purchase is taxed (PurchaseRegimes; empty =
	// domestic). In a self-assessed regime (§92a, from another member state)
	// the supplier charges no VAT: the rows have a rate and a base and no
	// VAT, and the posting self-assesses the VAT as output and claims it as
	// input. An import (RegimeExport) records the customs declaration: the
	// base is the customs value, the VAT what customs assessed, and only the
	// VAT is owed (Total). RCCode is the control statement's code of a
	// received §92a supply.
	Regime VATRegime `json:"regime,omitempty"`
	RCCode string    `json:"rc_code,omitempty"`
	// NoDeduction posts the VAT as part of the cost instead of claiming it
	// (the company is not a VAT payer — the store sets it then — or the
	// purchase gives no right to deduct, §72 of the VAT act); such VAT is
	// left out of the input VAT summary.
	NoDeduction bool `json:"no_deduction,omitempty"`

	// CreditNote marks a received credit note (opravný daňový doklad): its
	// bases, VAT and Total are negative, it names the received invoice it
	// corrects (OriginalID, same supplier and currency; OriginalNo is set by
	// the store) and reduces what remains of it (the original's Credited).
	// Recording it posts the original's lines the other way round. When the
	// original was paid already, its Remaining turns negative: the supplier
	// owes a refund, which a bank line pays back.
	CreditNote bool   `json:"credit_note,omitempty"`
	OriginalID string `json:"original_id,omitempty"`
	OriginalNo string `json:"original_no,omitempty"`
	// Credited and CreditedBase are the credit notes recorded against this
	// invoice, positive, in its currency and as posted in the base currency.
	Credited     int64 `json:"credited,omitempty"`
	CreditedBase int64 `json:"credited_base,omitempty"`

	Total int64 `json:"total"` // Σ bases + Σ VAT, invoice currency (set by Normalize)
	Paid  int64 `json:"paid"`  // payments so far, invoice currency
	// Posted is the total as posted to payables in the base currency and
	// PaidBase the payments as posted; Posted - PaidBase is what 321 still
	// carries for the invoice.
	Posted   int64  `json:"posted,omitempty"`
	PaidBase int64  `json:"paid_base,omitempty"`
	EntryID  string `json:"entry_id"` // its posting

	Created time.Time `json:"created"`
}

// PurchaseFilter narrows a list of received invoices.
type PurchaseFilter struct {
	From, To   Date   // issue date, inclusive; zero = open
	SupplierID string // one supplier
	Search     string // Kontor's or the supplier's number, or the supplier's name
	OpenOnly   bool   // only those with something left to pay
	// ByTaxDate makes From and To bound the DUZP instead of the issue date
	// (the input VAT of a period).
	ByTaxDate bool
}

// PayablesService is the cost path: suppliers, received invoices, paying them.
type PayablesService interface {
	// Suppliers lists customers marked as suppliers matching search.
	Suppliers(ctx context.Context, search string, limit int) ([]Customer, error)
	// RecordPurchase validates, numbers and posts a received invoice in one
	// transaction; a second invoice with the same SupplierNumber from the
	// same supplier is refused (ECONFLICT naming the first).
	RecordPurchase(ctx context.Context, p PurchaseInvoice) (PurchaseInvoice, error)
	Purchase(ctx context.Context, id string) (PurchaseInvoice, error)
	// Purchases lists received invoices, newest issue date first, with the total count.
	Purchases(ctx context.Context, f PurchaseFilter, offset, limit int) ([]PurchaseInvoice, int, error)
	// PaySupplier records a payment of a received invoice (Payment.DocID is
	// the purchase's ID) and posts Dr payables, Cr bank or cash.
	PaySupplier(ctx context.Context, p Payment) (Payment, error)
	SupplierPayments(ctx context.Context, purchaseID string) ([]Payment, error)
}

// Remaining is what is still to be paid (invoice currency); negative when
// the supplier owes a refund (a credit note after payment). A credit note
// itself has nothing to pay: it is settled against its original.
func (p PurchaseInvoice) Remaining() int64 {
	if p.CreditNote {
		return 0
	}
	return p.Total - p.Credited - p.Paid
}

// BaseRemaining is Remaining as the ledger's 321 carries it, in the base
// currency.
func (p PurchaseInvoice) BaseRemaining() int64 {
	if p.CreditNote {
		return 0
	}
	return p.Posted - p.CreditedBase - p.PaidBase
}

// StatusOn is the status a person sees on a day: paid, overdue, partly paid,
// credited or issued (open).
func (p PurchaseInvoice) StatusOn(today Date) DocStatus {
	switch {
	case p.CreditNote:
		return StatusIssued
	case p.Credited > 0 && p.Credited >= p.Total:
		return StatusCredited
	case p.Remaining() <= 0:
		return StatusPaid
	case !p.DueDate.IsZero() && today.After(p.DueDate):
		return StatusOverdue
	case p.Paid > 0:
		return StatusPartlyPaid
	}
	return StatusIssued
}

// Bases and VATTotal sum the rate parts.
func (p PurchaseInvoice) Bases() (bases, vat int64) {
	for _, v := range p.VAT {
		bases += v.Base
		vat += v.VAT
	}
	return bases, vat
}

// Normalize trims what a person typed and fills defaults: the variable symbol
// from the supplier's number, the currency and rate, the total.
func (p *PurchaseInvoice) Normalize(baseCurrency string, acc PostingAccounts) {
	p.SupplierNumber = strings.TrimSpace(p.SupplierNumber)
	p.VariableSymbol = strings.TrimSpace(p.VariableSymbol)
	p.Memo = strings.TrimSpace(p.Memo)
	p.Account = strings.TrimSpace(p.Account)
	if p.VariableSymbol == "" {
		var b strings.Builder
		for _, r := range p.SupplierNumber {
			if r >= '0' && r <= '9' && b.Len() < 10 {
				b.WriteRune(r)
			}
		}
		p.VariableSymbol = strings.TrimLeft(b.String(), "0")
	}
	if p.Currency == "" {
		p.Currency = baseCurrency
	}
	if p.Currency == baseCurrency {
		p.ExchangeRate = RatePercent(1)
	}
	if p.Account == "" {
		p.Account = acc.Services
	}
	if p.TaxDate.IsZero() {
		p.TaxDate = p.IssueDate
	}
	if p.CreditNote && p.DueDate.IsZero() {
		p.DueDate = p.IssueDate // nothing to pay: it reduces its invoice
	}
	b, v := p.Bases()
	p.Total = b + v
	if p.Regime == RegimeExport {
		p.Total = v // an import's base is the customs value; customs is owed the VAT
	}
}

// PurchaseVATTolerance is how far (in minor units) a stated VAT may differ
// from base × rate: suppliers round per line, so a few haléře are normal.
const PurchaseVATTolerance = 100

// Validate checks the invoice's own fields and names the first that is wrong.
func (p PurchaseInvoice) Validate() error {
	if p.SupplierID == "" {
		return Invalid("purchase.supplier", "err.required", "is required", nil)
	}
	if err := requireText("purchase.supplier_number", p.SupplierNumber, 40); err != nil {
		return err
	}
	if len(p.VariableSymbol) > 10 || strings.Trim(p.VariableSymbol, "0123456789") != "" {
		return Invalid("purchase.variable_symbol", "err.vs.format", "a variable symbol is up to 10 digits", nil)
	}
	if p.IssueDate.IsZero() {
		return Invalid("purchase.issue_date", "err.required", "is required", nil)
	}
	if p.CreditNote && p.OriginalID == "" {
		return Invalid("purchase.original", "err.required", "is required", nil)
	}
	if p.DueDate.IsZero() {
		return Invalid("purchase.due_date", "err.required", "is required", nil)
	}
	if p.DueDate.Before(p.IssueDate) {
		return Invalid("purchase.due_date", "err.purchase.due_before_issue", "the due date is before the issue date", nil)
	}
	if !ValidCurrency(p.Currency) {
		return Invalid("purchase.currency", "err.currency.unknown", "{{.value}} is not a currency Kontor knows", map[string]any{"value": p.Currency})
	}
	if p.ExchangeRate.Micro() <= 0 {
		return Invalid("purchase.exchange_rate", "err.rate.positive", "the exchange rate must be more than zero", nil)
	}
	if p.Account == "" {
		return Invalid("purchase.account", "err.required", "is required", nil)
	}
	if err := maxText("purchase.memo", p.Memo, 200); err != nil {
		return err
	}
	if len(p.VAT) == 0 {
		return Invalid("purchase.vat", "err.purchase.no_amounts", "enter the tax base of at least one VAT rate", nil)
	}
	seen := map[int64]bool{}
	for _, v := range p.VAT {
		args := map[string]any{"rate": v.Rate.Format("")}
		if seen[v.Rate.Micro()] {
			return Invalid("purchase.vat", "err.purchase.rate_twice", "the {{.rate}} % rate is entered twice", args)
		}
		seen[v.Rate.Micro()] = true
		switch {
		case v.Rate.Micro() < 0:
			return Invalid("purchase.vat", "err.purchase.negative", "amounts of a received invoice cannot be negative (a supplier's credit note is recorded as a credit note)", nil)
		case !p.CreditNote && (v.Base < 0 || v.VAT < 0):
			return Invalid("purchase.vat", "err.purchase.negative", "amounts of a received invoice cannot be negative (a supplier's credit note is recorded as a credit note)", nil)
		case p.CreditNote && (v.Base > 0 || v.VAT > 0):
			return Invalid("purchase.vat", "err.purchase.credit_positive", "the amounts of a credit note are negative: they reduce the invoice", nil)
		}
		if p.Regime.SelfAssessed() {
			if v.VAT != 0 || v.Rate.Micro() == 0 {
				return Invalid("purchase.vat", "err.purchase.vat_self", "under reverse charge the supplier charges no VAT: enter the rate and the base, Kontor computes the VAT you self-assess", nil)
			}
			continue
		}
		if v.Rate.Micro() == 0 && v.VAT != 0 {
			return Invalid("purchase.vat", "err.purchase.vat_exempt", "the exempt part cannot carry VAT", nil)
		}
		if p.Regime == RegimeExport && (v.Rate.Micro() == 0 || v.VAT == 0) {
			return Invalid("purchase.vat", "err.purchase.import_vat", "an import records the VAT customs assessed: enter its rate, the customs value and the VAT", nil)
		}
		want := M(v.Base, p.Currency).Percent(v.Rate, HalfUp).Amount
		if d := v.VAT - want; d > PurchaseVATTolerance || d < -PurchaseVATTolerance {
			args["want"] = FormatMinor(want, MinorDigits(p.Currency), "")
			return Invalid("purchase.vat", "err.purchase.vat_mismatch", "the VAT at {{.rate}} % should be about {{.want}}", args)
		}
	}
	if p.Total <= 0 && !p.CreditNote {
		return Invalid("purchase.vat", "err.purchase.zero", "a received invoice must be for more than zero", nil)
	}
	if p.Total >= 0 && p.CreditNote {
		return Invalid("purchase.vat", "err.purchase.credit_zero", "a credit note must reduce the invoice by more than zero", nil)
	}
	return nil
}

// PurchasePosting returns the ledger lines of a received invoice in the base
// currency: the bases to p.Account, the input VAT to the VAT account (one
// line per rate; to p.Account too when NoDeduction), the total to payables.
// Conversion rounds each part half-up and puts any difference on the
// payables side's total, so the entry balances. A self-assessed purchase
// also posts the VAT it self-assesses to the VAT account as output and
// claims it as input (its payables carry the bases only); an import posts
// the VAT customs assessed against payables and no base. Every line's memo
// names the invoice; the VAT lines carry their VAT tags.
func PurchasePosting(p PurchaseInvoice, baseCurrency string, acc PostingAccounts) []Line {
	var lines []Line
	add := func(account string, debit int64, memo string, tag *VATTag) { // a credit note's negative amounts go to the other side
		switch {
		case debit > 0:
			lines = append(lines, Line{Account: account, Debit: debit, Memo: memo, VAT: tag})
		case debit < 0:
			lines = append(lines, Line{Account: account, Credit: -debit, Memo: memo, VAT: tag})
		}
	}
	regime := p.Regime.Of()
	label := p.Number + " (" + p.SupplierNumber + ")"
	bases, vats := p.baseParts(baseCurrency)
	var docTotal int64
	for i := range p.VAT {
		docTotal += bases[i] + vats[i]
	}
	var total int64
	for i, v := range p.VAT {
		memo := CutMemo(label + " – DPH " + v.Rate.Format(Czech) + " %")
		b, t := bases[i], vats[i]
		tag := func(side VATSide) *VATTag {
			return &VATTag{Side: side, Regime: regime, Kind: v.Kind, Rate: v.Rate, Base: b, RCCode: p.RCCode,
				Doc: p.SupplierNumber, Partner: p.Supplier.DIC, DocTotal: docTotal}
		}
		if regime != RegimeExport {
			add(p.Account, b, memo, nil)
			total += b
		}
		if regime.SelfAssessed() {
			add(acc.VAT, -t, memo, tag(VATOut))
		} else {
			total += t
		}
		if p.NoDeduction {
			add(p.Account, t, memo, nil)
		} else {
			add(acc.VAT, t, memo, tag(VATIn))
		}
	}
	add(acc.Payables, -total, CutMemo(label+" – "+p.Supplier.Name), nil)
	return lines
}

// baseParts are each rate's base and VAT in the base currency as posted:
// converted half-up at the invoice's rate; the VAT of a self-assessed
// purchase computed from the converted base (the supplier charged none).
func (p PurchaseInvoice) baseParts(baseCurrency string) (bases, vats []int64) {
	for _, v := range p.VAT {
		b := toBase(v.Base, p.Currency, p.ExchangeRate, baseCurrency)
		t := toBase(v.VAT, p.Currency, p.ExchangeRate, baseCurrency)
		if p.Regime.SelfAssessed() {
			t = M(b, baseCurrency).Percent(v.Rate, HalfUp).Amount
		}
		bases, vats = append(bases, b), append(vats, t)
	}
	return bases, vats
}

// SelfAssessedVAT is the VAT a self-assessed purchase owes and claims, in
// the base currency (zero in any other regime).
func (p PurchaseInvoice) SelfAssessedVAT(baseCurrency string) int64 {
	if !p.Regime.SelfAssessed() {
		return 0
	}
	_, vats := p.baseParts(baseCurrency)
	var sum int64
	for _, t := range vats {
		sum += t
	}
	return sum
}

// AgePayables is the payables aging as of asOf, in the base currency, by
// supplier: like AgeReceivables, every invoice issued on or before asOf with
// something left to pay, bucketed by days past its due date. Rows are sorted by
// Total descending, then name.
func AgePayables(ps []PurchaseInvoice, asOf Date) []AgingRow {
	idx := map[string]int{}
	var rows []AgingRow
	for _, p := range ps {
		left := p.Remaining()
		if left == 0 || p.IssueDate.After(asOf) {
			continue // a refund due (negative) stays: it reduces the supplier's total
		}
		if p.Posted != 0 && p.ExchangeRate.IsForeign() {
			left = p.BaseRemaining() // exactly what 321 carries
		} else {
			left = toBase(left, p.Currency, p.ExchangeRate, "CZK")
		}
		if left == 0 {
			continue
		}
		key := p.SupplierID
		if key == "" {
			key = "name:" + p.Supplier.Name
		}
		i, ok := idx[key]
		if !ok {
			i = len(rows)
			idx[key] = i
			rows = append(rows, AgingRow{CustomerID: p.SupplierID, Customer: p.Supplier.Name})
		}
		b := Current
		if left > 0 {
			b = dueBucket(p.DueDate, asOf)
		}
		rows[i].Buckets[b] += left
		rows[i].Total += left
	}
	sortAgingRows(rows)
	return rows
}
