package app

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Company is the business that owns the database: who issues the documents,
// where money is paid to, which VAT rates and number series apply.
type Company struct {
	ID       string `json:"id"`
	Branch   string `json:"branch"` // code of this office, e.g. "HQ", "BRNO"
	Name     string `json:"name"`
	Street   string `json:"street"`
	City     string `json:"city"`
	Postcode string `json:"postcode"`
	Country  string `json:"country"` // ISO 3166 alpha-2, "CZ"
	ICO      string `json:"ico"`
	DIC      string `json:"dic"`
	VATPayer bool   `json:"vat_payer"`
	// TaxOffice is the code of the company's tax office (finanční úřad,
	// c_ufo: 451 Prague … 464 Zlín, 13 the specialised office) and
	// TaxOfficeBranch that of its territorial office (územní pracoviště,
	// c_pracufo, 4 digits), as the electronic VAT filings address them.
	TaxOffice       string `json:"tax_office,omitempty"`
	TaxOfficeBranch string `json:"tax_office_branch,omitempty"`
	BankAccount     string `json:"bank_account"` // Czech form, 19-2000145399/0800
	IBAN            string `json:"iban"`
	BIC             string `json:"bic"`
	Email           string `json:"email"`
	Phone           string `json:"phone"`
	// Register is the entry in the public register (spisová značka) that
	// §435 of the Civil Code wants on every business document of a
	// registered company, e.g. "zapsaná v obchodním rejstříku vedeném
	// Městským soudem v Praze, oddíl C, vložka 12345"; "" for a business
	// not registered (a sole trader not in the register).
	Register     string    `json:"register,omitempty"`
	BaseCurrency string    `json:"base_currency"`
	Chart        Chart     `json:"chart"`
	VATRates     []VATRate `json:"vat_rates"`
	Series       []Series  `json:"series"`
	Logo         []byte    `json:"logo,omitempty"` // PNG or JPEG
	Updated      time.Time `json:"updated"`
	// Revision counts saved changes; an update carrying an older revision was
	// made from stale settings and is refused.
	Revision int `json:"revision"`
}

// MaxRegisterLen bounds Company.Register, in characters: the longest
// register courts' wording with a long section and file fits.
const MaxRegisterLen = 250

// MaxLogoBytes bounds the logo kept in the database and printed on documents.
const MaxLogoBytes = 512 << 10

// VAT rate kinds: the rate a line uses is looked up by kind on the DUZP.
const (
	VATStandard = "standard"
	VATReduced  = "reduced"
	VATZero     = "zero"
)

// VATRate is one rate of one kind valid over a range of dates (To zero = open).
type VATRate struct {
	Kind string `json:"kind"`
	Rate Rate   `json:"rate"`
	From Date   `json:"from"`
	To   Date   `json:"to"`
}

// Covers reports whether the rate is valid on d.
func (v VATRate) Covers(d Date) bool {
	return !d.Before(v.From) && (v.To.IsZero() || !d.After(v.To))
}

// Series is a document number series: prefix, year and a gapless counter of a
// given width, FV2026-0001.
type Series struct {
	Code   string `json:"code"`   // what it numbers: "invoice", "journal", …
	Prefix string `json:"prefix"` // "FV"
	Width  int    `json:"width"`  // digits of the counter
}

// Number formats the n-th document of year in the series.
func (s Series) Number(year, n int) string {
	num := uitoa(uint64(n))
	if len(num) < s.Width {
		num = strings.Repeat("0", s.Width-len(num)) + num
	}
	return s.Prefix + uitoa(uint64(year)) + "-" + num
}

// Series codes Kontor numbers documents in.
const (
	SeriesJournal    = "journal"
	SeriesInvoice    = "invoice"
	SeriesCreditNote = "credit_note"
	SeriesQuote      = "quote"
	SeriesOrder      = "order"
	SeriesReceived   = "received_invoice"
)

// DefaultVATRates are the Czech rates in force since 1 January 2024.
func DefaultVATRates() []VATRate {
	from := D(2024, time.January, 1)
	return []VATRate{
		{Kind: VATStandard, Rate: RatePercent(21), From: from},
		{Kind: VATReduced, Rate: RatePercent(12), From: from},
		{Kind: VATZero, Rate: RatePercent(0), From: from},
	}
}

// DefaultSeries are the number series of a new company.
func DefaultSeries() []Series {
	return []Series{
		{SeriesInvoice, "FV", 4}, {SeriesCreditNote, "OD", 4}, {SeriesQuote, "NA", 4},
		{SeriesOrder, "OB", 4}, {SeriesReceived, "FP", 4}, {SeriesJournal, "ID", 5},
	}
}

// SeriesFor returns the series with the code.
func (c Company) SeriesFor(code string) (Series, bool) {
	for _, s := range c.Series {
		if s.Code == code {
			return s, true
		}
	}
	return Series{}, false
}

// VATRateOn returns the rate of kind valid on d.
func (c Company) VATRateOn(kind string, d Date) (Rate, error) {
	for _, v := range c.VATRates {
		if v.Kind == kind && v.Covers(d) {
			return v.Rate, nil
		}
	}
	return Rate{}, Invalid("vat_rate", "err.vat.no_rate", "no {{.kind}} VAT rate is valid on {{.date}}", map[string]any{"kind": VATKindLabel(kind), "date": d})
}

// Normalize trims and canonicalises the identifiers a person typed.
func (c *Company) Normalize() {
	for _, p := range []*string{&c.Name, &c.Street, &c.City, &c.Postcode, &c.Email, &c.Phone, &c.BankAccount, &c.Branch, &c.TaxOffice, &c.TaxOfficeBranch} {
		*p = strings.TrimSpace(*p)
	}
	c.Register = strings.Join(strings.Fields(c.Register), " ")
	c.ICO = NormalizeICO(c.ICO)
	c.DIC = NormalizeDIC(c.DIC)
	c.IBAN = NormalizeIBAN(c.IBAN)
	c.BIC = NormalizeIBAN(c.BIC)
	c.Country = strings.ToUpper(strings.TrimSpace(c.Country))
	c.Branch = strings.ToUpper(c.Branch)
	if c.BaseCurrency == "" {
		c.BaseCurrency = "CZK"
	}
	if c.Country == "" {
		c.Country = "CZ"
	}
	if c.Branch == "" {
		c.Branch = "HQ"
	}
	if ba, err := ParseBankAccount(c.BankAccount); err == nil {
		c.BankAccount = ba.String()
		if c.IBAN == "" && c.Country == "CZ" {
			c.IBAN = ba.IBAN()
		}
	}
}

// Validate checks every field and returns the first problem, naming its field.
func (c Company) Validate() error {
	if err := requireText("company.name", c.Name, 200); err != nil {
		return err
	}
	for _, f := range []struct{ field, v string }{{"company.street", c.Street}, {"company.city", c.City}, {"company.postcode", c.Postcode}, {"company.email", c.Email}, {"company.phone", c.Phone}} {
		if err := maxText(f.field, f.v, 200); err != nil {
			return err
		}
	}
	if err := maxText("company.register", c.Register, MaxRegisterLen); err != nil {
		return err
	}
	if c.Branch == "" || len(c.Branch) > 10 || !isAlnum(c.Branch) {
		return Invalid("company.branch", "err.branch.format", "a branch code is 1 to 10 letters or digits", nil)
	}
	if len(c.Country) != 2 || !isUpperAlpha(c.Country) {
		return Invalid("company.country", "err.country.format", "write the two-letter country code, e.g. CZ", nil)
	}
	if c.ICO == "" && c.Country == "CZ" {
		return Invalid("company.ico", "err.required", "is required", nil)
	}
	if c.ICO != "" {
		if err := ValidateICO(c.ICO); err != nil {
			return WithField(err, "company.ico")
		}
	}
	if c.VATPayer && c.DIC == "" {
		return Invalid("company.dic", "err.dic.required", "a VAT payer must have a DIČ", nil)
	}
	if c.DIC != "" {
		if err := ValidateDIC(c.DIC); err != nil {
			return WithField(err, "company.dic")
		}
	}
	if c.TaxOffice != "" && (len(c.TaxOffice) > 3 || !allDigits(c.TaxOffice)) {
		return Invalid("company.tax_office", "err.tax_office.format", "the tax office code has 1 to 3 digits (e.g. 461)", nil)
	}
	if c.TaxOfficeBranch != "" && (len(c.TaxOfficeBranch) != 4 || !allDigits(c.TaxOfficeBranch)) {
		return Invalid("company.tax_office_branch", "err.tax_office_branch.format", "the territorial office code has 4 digits (e.g. 3002)", nil)
	}
	if c.BankAccount != "" {
		ba, err := ParseBankAccount(c.BankAccount)
		if err != nil {
			return WithField(err, "company.bank_account")
		}
		if c.IBAN != "" && strings.HasPrefix(c.IBAN, "CZ") && ba.IBAN() != c.IBAN {
			return Invalid("company.iban", "err.iban.mismatch", "the IBAN does not belong to account {{.account}} (expected {{.iban}})", map[string]any{"account": ba.String(), "iban": FormatIBAN(ba.IBAN())})
		}
	}
	if c.IBAN != "" {
		if err := ValidateIBAN(c.IBAN); err != nil {
			return WithField(err, "company.iban")
		}
	}
	if c.BIC != "" {
		if err := ValidateBIC(c.BIC); err != nil {
			return WithField(err, "company.bic")
		}
	}
	if !ValidCurrency(c.BaseCurrency) {
		return Invalid("company.base_currency", "err.currency.unknown", "{{.value}} is not a currency Kontor knows", map[string]any{"value": c.BaseCurrency})
	}
	if c.Chart != ChartCzech && c.Chart != ChartInternational {
		return Invalid("company.chart", "err.chart.unknown", "choose a chart of accounts", nil)
	}
	if len(c.Logo) > MaxLogoBytes {
		return Invalid("company.logo", "err.logo.too_large", "the logo is larger than 512 KB", nil)
	}
	if err := validateVATRates(c.VATRates); err != nil {
		return err
	}
	return validateSeries(c.Series)
}

func validateVATRates(rates []VATRate) error {
	for i, v := range rates {
		if v.Kind != VATStandard && v.Kind != VATReduced && v.Kind != VATZero {
			return Invalid("company.vat_rates", "err.vat.kind", "unknown VAT rate kind “{{.kind}}”", map[string]any{"kind": v.Kind})
		}
		if v.Rate.micro < 0 || v.Rate.micro > 100*rateScale {
			return Invalid("company.vat_rates", "err.vat.range", "a VAT rate must be between 0 and 100 % (got {{.rate}} %)", map[string]any{"rate": v.Rate})
		}
		if v.From.IsZero() {
			return Invalid("company.vat_rates", "err.vat.from", "each VAT rate needs the date it is valid from", nil)
		}
		if !v.To.IsZero() && v.To.Before(v.From) {
			return Invalid("company.vat_rates", "err.vat.to_before_from", "the {{.kind}} rate of {{.rate}} % ends before it starts", map[string]any{"kind": VATKindLabel(v.Kind), "rate": v.Rate})
		}
		for _, w := range rates[:i] {
			if w.Kind == v.Kind && overlap(v, w) {
				return Invalid("company.vat_rates", "err.vat.overlap", "two {{.kind}} rates are valid at once ({{.a}} % and {{.b}} % from {{.from}})", map[string]any{"kind": VATKindLabel(v.Kind), "a": w.Rate, "b": v.Rate, "from": later(v.From, w.From)})
			}
		}
	}
	for _, kind := range []string{VATStandard, VATReduced, VATZero} {
		found := false
		for _, v := range rates {
			found = found || v.Kind == kind
		}
		if !found {
			return Invalid("company.vat_rates", "err.vat.missing_kind", "there is no {{.kind}} VAT rate", map[string]any{"kind": VATKindLabel(kind)})
		}
	}
	return nil
}

func overlap(a, b VATRate) bool {
	aEndsBeforeB := !a.To.IsZero() && a.To.Before(b.From)
	bEndsBeforeA := !b.To.IsZero() && b.To.Before(a.From)
	return !aEndsBeforeB && !bEndsBeforeA
}

func later(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

func validateSeries(series []Series) error {
	for i, s := range series {
		if s.Prefix == "" || len(s.Prefix) > 8 || !isAlnum(s.Prefix) {
			return Invalid("company.series", "err.series.prefix", "the prefix of series “{{.code}}” must be 1 to 8 capital letters or digits", map[string]any{"code": s.Code})
		}
		if s.Width < 1 || s.Width > 9 {
			return Invalid("company.series", "err.series.width", "the counter of series “{{.code}}” must have 1 to 9 digits", map[string]any{"code": s.Code})
		}
		for _, o := range series[:i] {
			if o.Code == s.Code {
				return Invalid("company.series", "err.series.duplicate", "series “{{.code}}” is defined twice", map[string]any{"code": s.Code})
			}
			if o.Prefix == s.Prefix {
				return Invalid("company.series", "err.series.prefix_taken", "prefix {{.prefix}} is used by two series", map[string]any{"prefix": s.Prefix})
			}
		}
	}
	if _, ok := (Company{Series: series}).SeriesFor(SeriesJournal); !ok {
		return Invalid("company.series", "err.series.missing", "series “{{.code}}” is missing", map[string]any{"code": SeriesJournal})
	}
	return nil
}

func requireText(field, v string, max int) error {
	if strings.TrimSpace(v) == "" {
		return Invalid(field, "err.required", "is required", nil)
	}
	return maxText(field, v, max)
}

func maxText(field, v string, max int) error {
	if utf8.RuneCountInString(v) > max {
		return Invalid(field, "err.too_long", "is longer than {{.max}} characters", map[string]any{"max": max})
	}
	return nil
}
