package data

import (
	"bytes"
	"context"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func readCustomer(tx *bolt.Tx, id string) (app.Customer, error) {
	var c app.Customer
	raw := tx.Bucket(bCustomers).Get([]byte(id))
	if raw == nil {
		return c, app.Errorf(app.ENOTFOUND, "err.customer.not_found", "the customer does not exist", nil)
	}
	return c, decode(raw, &c)
}

// Customer returns one customer.
func (s *Store) Customer(ctx context.Context, id string) (app.Customer, error) {
	var c app.Customer
	err := s.viewAs(ctx, app.PermCustomersRead, "reading the customer", func(tx *bolt.Tx, _ app.User) (err error) {
		c, err = readCustomer(tx, id)
		return err
	})
	return c, err
}

// Customers returns up to limit customers (0 = all) whose name, IČO, DIČ,
// e-mail, phone or city has a word starting with each word of search, case
// and diacritics ignored ("zlutou kun" finds "Žluťoučký kůň"), by name. It
// reads the search index kept with the records, never scanning them all.
func (s *Store) Customers(ctx context.Context, search string, limit int) ([]app.Customer, error) {
	var out []app.Customer
	err := s.viewAs(ctx, app.PermCustomersRead, "searching customers", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = searchCustomers(tx, search, limit)
		return err
	})
	return out, err
}

// SaveCustomer creates or updates a customer.
func (s *Store) SaveCustomer(ctx context.Context, c app.Customer) (app.Customer, error) {
	if err := s.allowed(ctx, app.PermCustomersWrite); err != nil {
		return app.Customer{}, err
	}
	err := s.updateAs(ctx, app.PermCustomersWrite, "saving the customer", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		c.Normalize(company.BaseCurrency)
		if err := c.Validate(); err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		action := "create"
		var prev *app.Customer
		if c.ID == "" {
			c.ID, c.Branch, c.Created = app.NewID(now), company.Branch, now
		} else {
			old, err := readCustomer(tx, c.ID)
			if err != nil {
				return err
			}
			if old.Revision != c.Revision {
				return app.Errorf(app.ECONFLICT, "err.customer.stale", "{{.name}} was changed meanwhile by someone else; open it again", map[string]any{"name": old.Name})
			}
			c.Branch, c.Created, action = old.Branch, old.Created, "update"
			c.Revision = old.Revision + 1
			prev = &old
		}
		if c.ICO != "" && !c.DuplicateICO && (prev == nil || prev.ICO != c.ICO) {
			if other, ok := customerByICO(tx, c.ICO, c.ID); ok {
				return &app.Error{Code: app.ECONFLICT, Field: "customer.ico", Key: "err.customer.duplicate_ico",
					Msg: "{{.name}} already has IČO {{.ico}}; confirm to save a second customer with it", Args: map[string]any{"name": other.Name, "id": other.ID, "ico": c.ICO}}
			}
		}
		c.Updated = now
		if err := putCustomer(tx, prev, &c); err != nil {
			return err
		}
		return a.logKey(action, "customer", c.ID, "audit.customer", "{{.name}}, IČO {{.ico}}", app.AuditArgs{"name": app.AText(c.Name), "ico": app.AText(c.ICO)})
	})
	return c, err
}

// putCustomer stores c and its index entries (prev: the stored version, or nil).
func putCustomer(tx *bolt.Tx, prev, c *app.Customer) error {
	raw, err := encode(c)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bCustomers).Put([]byte(c.ID), raw); err != nil {
		return err
	}
	if err := recordChange(tx, changeCustomer, []byte(c.ID), raw); err != nil {
		return err
	}
	return indexCustomer(tx, prev, c)
}

// customerByICO finds another customer with the IČO through the index.
func customerByICO(tx *bolt.Tx, ico, exceptID string) (app.Customer, bool) {
	prefix := cat([]byte(ico), sep)
	c := tx.Bucket(bCustIdx).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		id := string(k[len(prefix):])
		if id == exceptID {
			continue
		}
		if cust, err := readCustomer(tx, id); err == nil && cust.ICO == ico {
			return cust, true
		}
	}
	return app.Customer{}, false
}

// Items returns the price list by code. Everyone signed in may read it.
func (s *Store) Items(ctx context.Context) ([]app.Item, error) {
	var out []app.Item
	err := s.viewAs(ctx, app.PermCompanyRead, "reading the price list", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bItems).ForEach(func(_, v []byte) error {
			var it app.Item
			if err := decode(v, &it); err != nil {
				return err
			}
			out = append(out, it)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, err
}

// SaveItem creates or updates a price-list item; codes are unique.
func (s *Store) SaveItem(ctx context.Context, it app.Item) (app.Item, error) {
	if err := s.allowed(ctx, app.PermItemsWrite); err != nil {
		return app.Item{}, err
	}
	it.Code = strings.TrimSpace(it.Code)
	it.Name = strings.TrimSpace(it.Name)
	it.Unit = strings.TrimSpace(it.Unit)
	err := s.updateAs(ctx, app.PermItemsWrite, "saving the item", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		if it.Price.Currency == "" {
			it.Price.Currency = company.BaseCurrency
		}
		if err := it.Validate(); err != nil {
			return err
		}
		b := tx.Bucket(bItems)
		dup := false
		_ = b.ForEach(func(k, v []byte) error {
			var o app.Item
			if decode(v, &o) == nil && strings.EqualFold(o.Code, it.Code) && o.ID != it.ID {
				dup = true
			}
			return nil
		})
		if dup {
			return app.Invalid("item.code", "err.item.duplicate", "code {{.code}} is used by another item", map[string]any{"code": it.Code})
		}
		if it.ID == "" {
			it.ID, it.Branch = app.NewID(s.clock.Now()), company.Branch
		} else if b.Get([]byte(it.ID)) == nil {
			return app.Errorf(app.ENOTFOUND, "err.item.not_found", "the item does not exist", nil)
		}
		raw, err := encode(it)
		if err != nil {
			return err
		}
		if err := b.Put([]byte(it.ID), raw); err != nil {
			return err
		}
		if err := recordChange(tx, changeItem, []byte(it.ID), raw); err != nil {
			return err
		}
		return a.logKey("save", "item", it.ID, "audit.item", "{{.code}} {{.name}} {{.price}}", app.AuditArgs{"code": app.AText(it.Code), "name": app.AText(it.Name), "price": app.AMoney(it.Price)})
	})
	return it, err
}
