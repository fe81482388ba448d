package app

import (
	"strings"
	"testing"
	"time"
)

// validCompany is a company that passes Validate; cases break one field each.
func validCompany() Company {
	c := Company{
		Name:        "Kavárna a pražírna Žlutý Čáp s.r.o.",
		Street:      "Náměstí Míru 1247/15",
		City:        "Praha 2",
		Postcode:    "120 00",
		ICO:         "27082440",
		DIC:         "CZ27082440",
		VATPayer:    true,
		BankAccount: "19-2000145399/0800",
		IBAN:        "CZ6508000000192000145399",
		BIC:         "GIBACZPX",
		Chart:       ChartCzech,
		VATRates:    DefaultVATRates(),
		Series:      DefaultSeries(),
	}
	c.Normalize()
	return c
}

func TestCompanyValidateOK(t *testing.T) {
	c := validCompany()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Branch != "HQ" || c.Country != "CZ" || c.BaseCurrency != "CZK" {
		t.Errorf("Normalize defaults: %q %q %q", c.Branch, c.Country, c.BaseCurrency)
	}
	c.Chart = ChartInternational
	if err := c.Validate(); err != nil {
		t.Errorf("international chart: %v", err)
	}
	nonPayer := validCompany()
	nonPayer.VATPayer, nonPayer.DIC = false, ""
	if err := nonPayer.Validate(); err != nil {
		t.Errorf("non-VAT-payer: %v", err)
	}
}

func TestCompanyNormalizeFillsIBAN(t *testing.T) {
	c := Company{Name: "Test", ICO: " 6947", DIC: "cz 00006947", BankAccount: " 000019-2000145399/0800 ", BIC: "gibaczpx", Branch: "brno", Chart: ChartCzech}
	c.Normalize()
	if c.ICO != "00006947" || c.DIC != "CZ00006947" || c.BankAccount != "19-2000145399/0800" || c.IBAN != "CZ6508000000192000145399" || c.BIC != "GIBACZPX" || c.Branch != "BRNO" {
		t.Errorf("Normalize: %+v", c)
	}
}

func TestCompanyValidateBadInput(t *testing.T) {
	from24 := D(2024, time.January, 1)
	tests := []struct {
		name  string
		edit  func(c *Company)
		field string
		key   string
	}{
		{"empty name", func(c *Company) { c.Name = "  " }, "company.name", "err.required"},
		{"long name", func(c *Company) { c.Name = strings.Repeat("Ž", 201) }, "company.name", "err.too_long"},
		{"long street", func(c *Company) { c.Street = strings.Repeat("x", 201) }, "company.street", "err.too_long"},
		{"bad branch", func(c *Company) { c.Branch = "HQ-1" }, "company.branch", "err.branch.format"},
		{"bad country", func(c *Company) { c.Country = "CZE" }, "company.country", "err.country.format"},
		{"missing IČO", func(c *Company) { c.ICO = "" }, "company.ico", "err.required"},
		{"invalid IČO", func(c *Company) { c.ICO = "12345678" }, "company.ico", "err.ico.checksum"},
		{"short IČO", func(c *Company) { c.ICO = "1234" }, "company.ico", "err.ico.format"},
		{"VAT payer without DIČ", func(c *Company) { c.DIC = "" }, "company.dic", "err.dic.required"},
		{"invalid DIČ", func(c *Company) { c.DIC = "CZ12345678" }, "company.dic", "err.dic.checksum"},
		{"malformed DIČ", func(c *Company) { c.DIC = "27082440" }, "company.dic", "err.dic.format"},
		{"invalid bank account", func(c *Company) { c.BankAccount = "19-2000145398/0800" }, "company.bank_account", "err.bank_account.checksum"},
		{"IBAN of another account", func(c *Company) { c.BankAccount = "2801234578/2010" }, "company.iban", "err.iban.mismatch"},
		{"invalid IBAN", func(c *Company) { c.BankAccount = ""; c.IBAN = "CZ6508000000192000145398" }, "company.iban", "err.iban.checksum"},
		{"IBAN length", func(c *Company) { c.BankAccount = ""; c.IBAN = "DE8937040044053201300" }, "company.iban", "err.iban.length"},
		{"bad BIC", func(c *Company) { c.BIC = "GIBA" }, "company.bic", "err.bic.format"},
		{"unknown currency", func(c *Company) { c.BaseCurrency = "XYZ" }, "company.base_currency", "err.currency.unknown"},
		{"no chart", func(c *Company) { c.Chart = "" }, "company.chart", "err.chart.unknown"},
		{"huge logo", func(c *Company) { c.Logo = make([]byte, MaxLogoBytes+1) }, "company.logo", "err.logo.too_large"},
		{"VAT rate below 0", func(c *Company) { c.VATRates[0].Rate = RatePercent(-1) }, "company.vat_rates", "err.vat.range"},
		{"VAT rate above 100", func(c *Company) { c.VATRates[0].Rate = RateMicro(100_000_001) }, "company.vat_rates", "err.vat.range"},
		{"VAT rate kind", func(c *Company) { c.VATRates[0].Kind = "super" }, "company.vat_rates", "err.vat.kind"},
		{"VAT rate without start", func(c *Company) { c.VATRates[0].From = Date{} }, "company.vat_rates", "err.vat.from"},
		{"VAT rate ends before it starts", func(c *Company) { c.VATRates[0].To = D(2023, 12, 31) }, "company.vat_rates", "err.vat.to_before_from"},
		{"overlapping VAT rates", func(c *Company) {
			c.VATRates = append(c.VATRates, VATRate{Kind: VATStandard, Rate: RatePercent(23), From: D(2026, 1, 1)})
		}, "company.vat_rates", "err.vat.overlap"},
		{"VAT rates touching on one day", func(c *Company) {
			c.VATRates[0].From = D(2025, 1, 1)
			c.VATRates = append(c.VATRates, VATRate{Kind: VATStandard, Rate: RatePercent(20), From: from24, To: D(2025, 1, 1)})
		}, "company.vat_rates", "err.vat.overlap"},
		{"missing VAT kind", func(c *Company) { c.VATRates = c.VATRates[:2] }, "company.vat_rates", "err.vat.missing_kind"},
		{"missing journal series", func(c *Company) { c.Series = c.Series[:len(c.Series)-1] }, "company.series", "err.series.missing"},
		{"duplicate prefix", func(c *Company) { c.Series[1].Prefix = c.Series[0].Prefix }, "company.series", "err.series.prefix_taken"},
		{"duplicate series", func(c *Company) { c.Series[1].Code = c.Series[0].Code }, "company.series", "err.series.duplicate"},
		{"bad prefix", func(c *Company) { c.Series[0].Prefix = "F-V" }, "company.series", "err.series.prefix"},
		{"empty prefix", func(c *Company) { c.Series[0].Prefix = "" }, "company.series", "err.series.prefix"},
		{"zero width", func(c *Company) { c.Series[0].Width = 0 }, "company.series", "err.series.width"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCompany()
			tt.edit(&c)
			err := c.Validate()
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("Validate = %v, want an *Error about %s", err, tt.field)
			}
			if e.Code != EINVALID || e.Field != tt.field || e.Key != tt.key {
				t.Errorf("Validate = {%s %s %s} %q, want field %s key %s", e.Code, e.Field, e.Key, e.Error(), tt.field, tt.key)
			}
		})
	}
}

func TestVATRates(t *testing.T) {
	c := validCompany()
	c.VATRates = append([]VATRate{{Kind: VATReduced, Rate: RatePercent(15), From: D(2013, 1, 1), To: D(2023, 12, 31)}}, c.VATRates...)
	if err := c.Validate(); err != nil {
		t.Fatalf("consecutive rates refused: %v", err)
	}
	for _, tt := range []struct {
		kind string
		d    Date
		want Rate
	}{
		{VATReduced, D(2023, 12, 31), RatePercent(15)},
		{VATReduced, D(2024, 1, 1), RatePercent(12)},
		{VATStandard, D(2026, 11, 28), RatePercent(21)},
		{VATZero, D(2030, 1, 1), RatePercent(0)},
	} {
		if got, err := c.VATRateOn(tt.kind, tt.d); err != nil || got != tt.want {
			t.Errorf("VATRateOn(%s, %v) = %v, %v; want %v", tt.kind, tt.d, got, err, tt.want)
		}
	}
	if _, err := c.VATRateOn(VATStandard, D(2020, 1, 1)); ErrorCode(err) != EINVALID {
		t.Errorf("no rate before 2013: %v", err)
	}
}

func TestSeries(t *testing.T) {
	tests := []struct {
		s    Series
		year int
		n    int
		want string
	}{
		{Series{SeriesInvoice, "FV", 4}, 2026, 1, "FV2026-0001"},
		{Series{SeriesInvoice, "FV", 4}, 2026, 12345, "FV2026-12345"},
		{Series{SeriesJournal, "ID", 5}, 2027, 42, "ID2027-00042"},
		{Series{SeriesQuote, "NA", 1}, 2026, 7, "NA2026-7"},
	}
	for _, tt := range tests {
		if got := tt.s.Number(tt.year, tt.n); got != tt.want {
			t.Errorf("Number(%d, %d) = %q, want %q", tt.year, tt.n, got, tt.want)
		}
	}
	c := validCompany()
	if s, ok := c.SeriesFor(SeriesInvoice); !ok || s.Prefix != "FV" {
		t.Errorf("SeriesFor(invoice) = %v, %v", s, ok)
	}
	if _, ok := c.SeriesFor("nothing"); ok {
		t.Error("SeriesFor(nothing) found a series")
	}
}
