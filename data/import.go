package data

import (
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// ImportCustomers checks every row — its fields, and that its IČO is neither on
// file nor earlier in the file — and writes the accepted rows with their index
// entries in one transaction. Rejected rows change nothing; a dry run writes
// nothing at all.
func (s *Store) ImportCustomers(ctx context.Context, rows []app.ImportRow, dryRun bool) (app.ImportResult, error) {
	res := app.ImportResult{DryRun: dryRun}
	if err := s.allowed(ctx, app.PermCustomersWrite); err != nil {
		return res, err
	}
	work := func(tx *bolt.Tx, a *auditor) error {
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		inFile := map[string]int{}
		for _, r := range rows {
			c := r.Customer
			c.ID, c.Revision = "", 0
			c.Normalize(company.BaseCurrency)
			reject := func(err error) {
				res.Rejected = append(res.Rejected, app.RowError{Line: r.Line, Reason: app.ErrorMessage(err, nil), Err: err})
			}
			if err := c.Validate(); err != nil {
				reject(err)
				continue
			}
			if c.ICO != "" {
				if line, dup := inFile[c.ICO]; dup {
					reject(app.Invalid("customer.ico", "err.import.ico_twice", "IČO {{.ico}} is already on line {{.line}} of the file", map[string]any{"ico": c.ICO, "line": line}))
					continue
				}
				if other, dup := customerByICO(tx, c.ICO, ""); dup {
					reject(app.Invalid("customer.ico", "err.import.ico_on_file", "IČO {{.ico}} belongs to {{.name}}, already on file", map[string]any{"ico": c.ICO, "name": other.Name}))
					continue
				}
				inFile[c.ICO] = r.Line
			}
			res.Accepted++
			if dryRun {
				continue
			}
			c.ID, c.Branch, c.Created, c.Updated = app.NewID(now), company.Branch, now, now
			if err := putCustomer(tx, nil, &c); err != nil {
				return err
			}
		}
		if dryRun || res.Accepted == 0 {
			return nil
		}
		return a.log("import", "customer", "", fmt.Sprintf("%d customers imported, %d rows rejected", res.Accepted, len(res.Rejected)))
	}
	if dryRun {
		err := s.viewAs(ctx, app.PermCustomersWrite, "checking the import", func(tx *bolt.Tx, _ app.User) error { return work(tx, nil) })
		return res, err
	}
	err := s.updateAs(ctx, app.PermCustomersWrite, "importing customers", func(tx *bolt.Tx, _ app.User, a *auditor) error { return work(tx, a) })
	if err != nil {
		return app.ImportResult{}, err
	}
	return res, nil
}
