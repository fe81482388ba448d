package data

import (
	"bytes"
	"context"
	"sort"

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
		var batch bulkCustomers
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
			if err := batch.add(&c); err != nil {
				return err
			}
		}
		if dryRun || res.Accepted == 0 {
			return nil
		}
		if err := batch.write(tx); err != nil {
			return err
		}
		return a.logKey("import", "customer", "", "audit.customers_imported", "{{.n}} customers imported, {{.rejected}} rows rejected", app.AuditArgs{"n": app.AInt(res.Accepted), "rejected": app.AInt(len(res.Rejected))})
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

// bulkCustomers gathers an import's records and index entries so they can be
// written in key order. bbolt splits nodes only at commit: random-order puts
// into one large transaction make each insert shift an ever larger node
// (quadratic), while sorted puts append.
type bulkCustomers struct {
	records [][2][]byte
	tokens  [][2][]byte // key, folded name
	names   [][]byte
}

func (b *bulkCustomers) add(c *app.Customer) error {
	raw, err := encode(c)
	if err != nil {
		return err
	}
	b.records = append(b.records, [2][]byte{[]byte(c.ID), raw})
	name := []byte(app.FoldText(c.Name))
	for _, t := range customerTokens(c) {
		b.tokens = append(b.tokens, [2][]byte{cat([]byte(t), sep, []byte(c.ID)), name})
	}
	b.names = append(b.names, nameKey(c))
	return nil
}

func (b *bulkCustomers) write(tx *bolt.Tx) error {
	sort.Slice(b.records, func(i, j int) bool { return bytes.Compare(b.records[i][0], b.records[j][0]) < 0 })
	sort.Slice(b.tokens, func(i, j int) bool { return bytes.Compare(b.tokens[i][0], b.tokens[j][0]) < 0 })
	sort.Slice(b.names, func(i, j int) bool { return bytes.Compare(b.names[i], b.names[j]) < 0 })
	for _, set := range []struct {
		bucket []byte
		kvs    [][2][]byte
	}{{bCustomers, b.records}, {bCustIdx, b.tokens}} {
		bk := tx.Bucket(set.bucket)
		for _, kv := range set.kvs {
			if err := bk.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
	}
	for _, kv := range b.records {
		if err := recordChange(tx, changeCustomer, kv[0], kv[1]); err != nil {
			return err
		}
	}
	names := tx.Bucket(bCustName)
	for _, k := range b.names {
		if err := names.Put(k, nil); err != nil {
			return err
		}
	}
	return nil
}
