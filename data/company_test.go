package data

import (
	"testing"

	"kontor/app"
)

func TestCreateCompany(t *testing.T) {
	s, _ := MustOpenDB(t)
	c, err := s.CreateCompany(ctx, testCompany())
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == "" || c.IBAN != "CZ6508000000192000145399" || len(c.VATRates) != 3 {
		t.Fatalf("created %+v", c)
	}
	accts, err := s.Accounts(ctx)
	if err != nil || len(accts) < 40 {
		t.Fatalf("accounts %d, %v", len(accts), err)
	}
	for _, a := range accts {
		if a.ID == "" || a.Branch != "HQ" {
			t.Fatalf("account without ID or branch: %+v", a)
		}
	}
	_, err = s.CreateCompany(ctx, testCompany())
	wantCode(t, err, app.ECONFLICT, "")
}

func TestCreateCompanyRefusesBadInput(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*app.Company)
		field string
	}{
		{"empty name", func(c *app.Company) { c.Name = "  " }, "company.name"},
		{"bad IČO", func(c *app.Company) { c.ICO = "12345678" }, "company.ico"},
		{"bad DIČ", func(c *app.Company) { c.DIC = "CZ12345678" }, "company.dic"},
		{"bad IBAN", func(c *app.Company) { c.BankAccount = ""; c.IBAN = "CZ6508000000192000145398" }, "company.iban"},
		{"rate over 100", func(c *app.Company) {
			c.VATRates = app.DefaultVATRates()
			c.VATRates[0].Rate = app.RatePercent(121)
		}, "company.vat_rates"},
		{"overlapping rates", func(c *app.Company) {
			c.VATRates = append(app.DefaultVATRates(), app.VATRate{Kind: app.VATStandard, Rate: app.RatePercent(23), From: app.D(2026, 1, 1)})
		}, "company.vat_rates"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := MustOpenDB(t)
			c := testCompany()
			tc.edit(&c)
			_, err := s.CreateCompany(ctx, c)
			wantCode(t, err, app.EINVALID, tc.field)
			if _, err := s.Company(ctx); app.ErrorCode(err) != app.ENOTFOUND {
				t.Fatalf("a refused company was written: %v", err)
			}
			if a, _ := s.Accounts(ctx); len(a) != 0 {
				t.Fatalf("a refused company wrote %d accounts", len(a))
			}
		})
	}
}

func TestUpdateCompany(t *testing.T) {
	s, _ := MustCompany(t)
	c, _ := s.Company(ctx)
	c.Name = "Pražírna Žlutý kůň a syn s.r.o."
	c.Logo = []byte("\x89PNG fake")
	if _, err := s.UpdateCompany(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Company(ctx)
	if got.Name != c.Name || string(got.Logo) != string(c.Logo) || got.ID != c.ID {
		t.Fatalf("after update: %+v", got)
	}
	bad := got
	bad.ICO = "12345678"
	_, err := s.UpdateCompany(ctx, bad)
	wantCode(t, err, app.EINVALID, "company.ico")
	bad = got
	bad.Chart = app.ChartInternational
	_, err = s.UpdateCompany(ctx, bad)
	wantCode(t, err, app.EINVALID, "company.chart")
	if again, _ := s.Company(ctx); again.ICO != got.ICO || again.Chart != got.Chart {
		t.Fatal("a refused update was written")
	}
}

func TestUpdateCompanyRefusesStaleAndCurrencyChange(t *testing.T) {
	s, _ := MustCompany(t)
	a, _ := s.Company(ctx)
	b := a // a second settings window opened at the same time
	a.Phone = "+420 777 000 001"
	if _, err := s.UpdateCompany(ctx, a); err != nil {
		t.Fatal(err)
	}
	b.Email = "info@example.cz"
	_, err := s.UpdateCompany(ctx, b)
	wantCode(t, err, app.ECONFLICT, "")

	c, _ := s.Company(ctx)
	c.BaseCurrency = "EUR"
	if _, err := s.UpdateCompany(ctx, c); err != nil {
		t.Fatalf("currency change before any entry: %v", err)
	}
	if _, err := s.PostEntry(ctx, sale(app.D(2026, 3, 1))); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Company(ctx)
	c.BaseCurrency = "JPY"
	_, err = s.UpdateCompany(ctx, c)
	wantCode(t, err, app.EINVALID, "company.base_currency")
}
