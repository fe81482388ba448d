package data

import (
	"context"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func errNoCompany() error {
	return app.Errorf(app.ENOTFOUND, "err.company.missing", "the company has not been set up yet", nil)
}

// readCompany loads the company with its logo.
func readCompany(tx *bolt.Tx) (app.Company, error) {
	var c app.Company
	meta := tx.Bucket(bMeta)
	raw := meta.Get(kCompany)
	if raw == nil {
		return c, errNoCompany()
	}
	if err := decode(raw, &c); err != nil {
		return c, err
	}
	if logo := meta.Get(kLogo); logo != nil {
		c.Logo = append([]byte(nil), logo...)
	}
	return c, nil
}

// writeCompany stores the company; the logo is kept apart so posting, which
// reads the company, never decodes an image.
func writeCompany(tx *bolt.Tx, c app.Company) error {
	logo := c.Logo
	c.Logo = nil
	b, err := encode(c)
	if err != nil {
		return err
	}
	meta := tx.Bucket(bMeta)
	if err := meta.Put(kCompany, b); err != nil {
		return err
	}
	if err := recordChange(tx, changeCompany, kCompany, b); err != nil {
		return err
	}
	if len(logo) == 0 {
		if meta.Get(kLogo) == nil {
			return nil
		}
		if err := meta.Delete(kLogo); err != nil {
			return err
		}
		return recordDelete(tx, changeCompany, kLogo)
	}
	if err := meta.Put(kLogo, logo); err != nil {
		return err
	}
	return recordChange(tx, changeCompany, kLogo, logo)
}

// Company returns the company; ENOTFOUND before the first-run wizard. A file
// with no users at all (made before users existed) protects nothing — anyone
// could create its first admin — so its company may be read without signing
// in, which lets the first-run screens and `demo` see what the file holds.
func (s *Store) Company(ctx context.Context) (app.Company, error) {
	var c app.Company
	err := s.view("reading the company", func(tx *bolt.Tx) (err error) {
		if k, _ := tx.Bucket(bUsers).Cursor().First(); k != nil {
			if _, err := authorize(tx, ctx, app.PermCompanyRead); err != nil {
				return err
			}
		}
		c, err = readCompany(tx)
		return err
	})
	return c, err
}

// CreateCompany stores the company and its chart of accounts in one transaction (admin).
func (s *Store) CreateCompany(ctx context.Context, c app.Company) (app.Company, error) {
	if err := s.allowed(ctx, app.PermCompanyWrite); err != nil {
		return app.Company{}, err
	}
	c.Normalize()
	if len(c.VATRates) == 0 {
		c.VATRates = app.DefaultVATRates()
	}
	if len(c.Series) == 0 {
		c.Series = app.DefaultSeries()
	}
	if err := c.Validate(); err != nil {
		return app.Company{}, err
	}
	now := s.clock.Now().UTC()
	c.ID = app.NewID(now)
	c.Updated = now
	err := s.updateAs(ctx, app.PermCompanyWrite, "creating the company", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		if tx.Bucket(bMeta).Get(kCompany) != nil {
			return app.Errorf(app.ECONFLICT, "err.company.exists", "this database already has a company", nil)
		}
		if err := writeCompany(tx, c); err != nil {
			return err
		}
		for _, a := range c.Chart.Preset() {
			a.ID = app.NewID(now)
			a.Branch = c.Branch
			if err := putAccount(tx, a); err != nil {
				return err
			}
		}
		return a.logKey("create", "company", c.ID, "audit.company_created", "{{.name}}, IČO {{.ico}}, chart {{.chart}}",
			app.AuditArgs{"name": app.AText(c.Name), "ico": app.AText(c.ICO), "chart": app.AText(string(c.Chart))})
	})
	if err != nil {
		return app.Company{}, err
	}
	return c, nil
}

// UpdateCompany replaces the settings (admin). The ID and the chart of accounts stay.
func (s *Store) UpdateCompany(ctx context.Context, c app.Company) (app.Company, error) {
	if err := s.allowed(ctx, app.PermCompanyWrite); err != nil {
		return app.Company{}, err
	}
	c.Normalize()
	if err := c.Validate(); err != nil {
		return app.Company{}, err
	}
	err := s.updateAs(ctx, app.PermCompanyWrite, "saving the settings", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		old, err := readCompany(tx)
		if err != nil {
			return err
		}
		if c.Chart != old.Chart {
			return app.Invalid("company.chart", "err.chart.fixed", "the chart of accounts cannot change once the company exists", nil)
		}
		if c.Revision != old.Revision {
			return app.Errorf(app.ECONFLICT, "err.company.stale", "the settings were changed meanwhile (in another window or by another user); close them and open them again", nil)
		}
		if c.BaseCurrency != old.BaseCurrency {
			if k, _ := tx.Bucket(bJournal).Cursor().First(); k != nil {
				return app.Invalid("company.base_currency", "err.currency.fixed", "the base currency cannot change once the journal has entries: every stored amount is in {{.currency}}", map[string]any{"currency": old.BaseCurrency})
			}
		}
		c.ID = old.ID
		c.Updated = s.clock.Now().UTC()
		c.Revision = old.Revision + 1
		if err := writeCompany(tx, c); err != nil {
			return err
		}
		return a.logKey("update", "company", c.ID, "audit.company_changed", "changed: {{.fields}}", app.AuditArgs{"fields": app.ALabels(changedLabels(old, c)...)})
	})
	if err != nil {
		return app.Company{}, err
	}
	return c, nil
}

// changedFields names the settings that differ, for the audit trail.
func changedFields(a, b app.Company) string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("name", a.Name != b.Name)
	add("address", a.Street != b.Street || a.City != b.City || a.Postcode != b.Postcode || a.Country != b.Country)
	add("ico", a.ICO != b.ICO)
	add("dic", a.DIC != b.DIC)
	add("vat_payer", a.VATPayer != b.VATPayer)
	add("bank", a.BankAccount != b.BankAccount || a.IBAN != b.IBAN || a.BIC != b.BIC)
	add("contact", a.Email != b.Email || a.Phone != b.Phone)
	add("branch", a.Branch != b.Branch)
	add("base_currency", a.BaseCurrency != b.BaseCurrency)
	add("vat_rates", fmt.Sprint(a.VATRates) != fmt.Sprint(b.VATRates))
	add("series", fmt.Sprint(a.Series) != fmt.Sprint(b.Series))
	add("logo", string(a.Logo) != string(b.Logo))
	if len(out) == 0 {
		return "nothing"
	}
	return strings.Join(out, ", ")
}

// changedLabels names changedFields' fields in the reader's language.
func changedLabels(a, b app.Company) []app.Label {
	own := map[string]string{"address": "audit.field.address", "bank": "field.company.bank_account", "contact": "audit.field.contact"}
	var out []app.Label
	if f := changedFields(a, b); f != "nothing" {
		for _, id := range strings.Split(f, ", ") {
			key := own[id]
			if key == "" {
				key = "field.company." + id
			}
			out = append(out, app.Label{Key: key, Fallback: id})
		}
	}
	return out
}
