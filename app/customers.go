package app

import (
	"strings"
	"time"
)

// Customer is a business partner the office sells to; Reception and Sales share
// the same records.
type Customer struct {
	ID          string `json:"id"`
	Branch      string `json:"branch"`
	Name        string `json:"name"`
	Street      string `json:"street"`
	City        string `json:"city"`
	Postcode    string `json:"postcode"`
	Country     string `json:"country"`
	ICO         string `json:"ico"`
	DIC         string `json:"dic"`
	Email       string `json:"email"`
	Phone       string `json:"phone"`
	PaymentDays int    `json:"payment_days"` // due date = issue date + this
	Currency    string `json:"currency"`     // default currency of documents
	Lang        Lang   `json:"lang"`         // language of documents sent to them
	Note        string `json:"note"`
	// Supplier marks a party the office also buys from (Accounts' payables);
	// BankAccount is where to pay them: a Czech account "19-2000145399/0800"
	// or an IBAN.
	Supplier    bool      `json:"supplier,omitempty"`
	BankAccount string    `json:"bank_account,omitempty"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
	Revision    int       `json:"revision"`
	// DuplicateICO confirms that a second customer with an IČO already on
	// file is meant (a branch of the same company); without it SaveCustomer
	// refuses with ECONFLICT naming the existing customer. Never stored.
	DuplicateICO bool `json:"-"`
}

// DefaultPaymentDays is the payment term of a new customer.
const DefaultPaymentDays = 14

// Normalize trims what a person typed and fills defaults: the country as
// its ISO code ("Česko" → CZ), a Czech or Slovak postcode as "602 00". The
// form and the CSV import both run it before Validate.
func (c *Customer) Normalize(baseCurrency string) {
	for _, p := range []*string{&c.Name, &c.Street, &c.City, &c.Postcode, &c.Email, &c.Phone, &c.Note, &c.BankAccount} {
		*p = strings.TrimSpace(*p)
	}
	c.ICO = NormalizeICO(c.ICO)
	c.DIC = NormalizeDIC(c.DIC)
	c.Country = NormalizeCountry(c.Country)
	if c.Country == "" {
		c.Country = "CZ"
	}
	c.Postcode = NormalizePostcode(c.Country, c.Postcode)
	if c.Currency == "" {
		c.Currency = baseCurrency
	}
	if c.Lang == "" {
		c.Lang = Czech
		if c.Country != "CZ" && c.Country != "SK" {
			c.Lang = English
		}
	}
}

// HasAddress reports whether the customer has the address a tax document needs.
func (c Customer) HasAddress() bool {
	return c.Street != "" && c.City != ""
}

// Validate checks every field and names each that is wrong (Errors when
// more than one is), so a form marks them all at once.
func (c Customer) Validate() error {
	var es Errors
	es.Add(requireText("customer.name", c.Name, 200))
	for _, f := range []struct{ field, v string }{{"customer.street", c.Street}, {"customer.city", c.City}, {"customer.postcode", c.Postcode}, {"customer.phone", c.Phone}} {
		es.Add(maxText(f.field, f.v, 200))
	}
	es.Add(maxText("customer.note", c.Note, 2000))
	countryErr := ValidateCountry("customer.country", c.Country)
	es.Add(countryErr)
	if countryErr == nil {
		es.Add(ValidatePostcode("customer.postcode", c.Country, c.Postcode))
	}
	if c.ICO != "" {
		es.Add(WithField(ValidateICO(c.ICO), "customer.ico"))
	}
	if c.DIC != "" {
		es.Add(WithField(ValidateDIC(c.DIC), "customer.dic"))
	}
	es.Add(ValidateEmail("customer.email", c.Email))
	if c.BankAccount != "" {
		if _, err := ParseBankAccount(c.BankAccount); err != nil {
			if ValidateIBAN(NormalizeIBAN(c.BankAccount)) != nil {
				es.Add(WithField(err, "customer.bank_account"))
			}
		}
	}
	if c.PaymentDays < 0 || c.PaymentDays > 365 {
		es.Add(Invalid("customer.payment_days", "err.customer.payment_days", "the payment term must be 0 to 365 days", nil))
	}
	if !ValidCurrency(c.Currency) {
		es.Add(Invalid("customer.currency", "err.currency.unknown", "{{.value}} is not a currency Kontor knows", map[string]any{"value": c.Currency}))
	}
	if !c.Lang.Valid() {
		es.Add(Invalid("customer.lang", "err.lang.unknown", "choose Czech or English", nil))
	}
	return es.Err()
}

// Item is a line of the price list: a product or service with its price
// excluding VAT and its VAT rate kind.
type Item struct {
	ID       string `json:"id"`
	Branch   string `json:"branch"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Unit     string `json:"unit"` // "ks", "h", "kg"
	Price    Money  `json:"price"`
	VATKind  string `json:"vat_kind"`
	Stock    bool   `json:"stock"` // goods kept in the warehouse (posted to 604, not 602)
	Disabled bool   `json:"disabled"`
}

// Validate checks the item, naming every wrong field.
func (it Item) Validate() error {
	var es Errors
	if it.Code == "" || len(it.Code) > 32 || strings.ContainsAny(it.Code, " \x00") {
		es.Add(Invalid("item.code", "err.item.code", "a code is 1 to 32 characters without spaces", nil))
	}
	es.Add(requireText("item.name", it.Name, 200))
	es.Add(requireText("item.unit", it.Unit, 10))
	if it.Price.Amount < 0 {
		es.Add(Invalid("item.price", "err.price.negative", "a price cannot be negative", nil))
	}
	if !ValidCurrency(it.Price.Currency) {
		es.Add(Invalid("item.price", "err.currency.unknown", "{{.value}} is not a currency Kontor knows", map[string]any{"value": it.Price.Currency}))
	}
	if it.VATKind != VATStandard && it.VATKind != VATReduced && it.VATKind != VATZero {
		es.Add(Invalid("item.vat_kind", "err.vat.kind", "unknown VAT rate kind “{{.kind}}”", map[string]any{"kind": it.VATKind}))
	}
	return es.Err()
}
