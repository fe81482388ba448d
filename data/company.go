package data

import (
	"context"

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
	if len(logo) == 0 {
		return meta.Delete(kLogo)
	}
	return meta.Put(kLogo, logo)
}

// Company returns the company; ENOTFOUND before the first-run wizard.
func (s *Store) Company(ctx context.Context) (app.Company, error) {
	var c app.Company
	err := s.view("reading the company", func(tx *bolt.Tx) (err error) { c, err = readCompany(tx); return err })
	return c, err
}

// CreateCompany stores the company and its chart of accounts in one transaction.
func (s *Store) CreateCompany(ctx context.Context, c app.Company) (app.Company, error) {
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
	err := s.update("creating the company", func(tx *bolt.Tx) error {
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
		return nil
	})
	if err != nil {
		return app.Company{}, err
	}
	return c, nil
}

// UpdateCompany replaces the settings. The ID and the chart of accounts stay.
func (s *Store) UpdateCompany(ctx context.Context, c app.Company) (app.Company, error) {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return app.Company{}, err
	}
	err := s.update("saving the settings", func(tx *bolt.Tx) error {
		old, err := readCompany(tx)
		if err != nil {
			return err
		}
		if c.Chart != old.Chart {
			return app.Invalid("company.chart", "err.chart.fixed", "the chart of accounts cannot change once the company exists", nil)
		}
		c.ID = old.ID
		c.Updated = s.clock.Now().UTC()
		return writeCompany(tx, c)
	})
	if err != nil {
		return app.Company{}, err
	}
	return c, nil
}
