package cli

import (
	"context"
	"sort"
	"strings"

	"kontor/app"
)

// The fake store's customers and price list, with data/'s rules.

func (f *fakeStore) Customers(ctx context.Context, search string, limit int) ([]app.Customer, error) {
	var out []app.Customer
	err := f.inLock(ctx, app.PermCustomersRead, func(app.Company) error {
		words := strings.Fields(app.FoldText(search))
	next:
		for _, c := range f.sales.customers {
			hay := app.FoldText(strings.Join([]string{c.Name, c.ICO, c.DIC, c.Email, c.Phone, c.City}, " "))
			for _, w := range words {
				if !strings.Contains(hay, w) {
					continue next
				}
			}
			out = append(out, c)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return app.FoldText(out[i].Name) < app.FoldText(out[j].Name) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, err
}

func (f *fakeStore) Customer(ctx context.Context, id string) (c app.Customer, err error) {
	err = f.inLock(ctx, app.PermCustomersRead, func(app.Company) (err error) {
		c, err = f.customer(id)
		return err
	})
	return c, err
}

func (f *fakeStore) customer(id string) (app.Customer, error) {
	c, ok := f.sales.customers[id]
	if !ok {
		return c, app.Errorf(app.ENOTFOUND, "err.customer.not_found", "the customer does not exist", nil)
	}
	return c, nil
}

func (f *fakeStore) SaveCustomer(ctx context.Context, c app.Customer) (app.Customer, error) {
	err := f.inLock(ctx, app.PermCustomersWrite, func(company app.Company) error {
		c.Normalize(company.BaseCurrency)
		if err := c.Validate(); err != nil {
			return err
		}
		now := f.clock.Now().UTC()
		if c.ID == "" {
			c.ID, c.Branch, c.Created = app.NewID(now), company.Branch, now
		} else {
			old, err := f.customer(c.ID)
			if err != nil {
				return err
			}
			if old.Revision != c.Revision {
				return app.Errorf(app.ECONFLICT, "err.customer.stale", "{{.name}} was changed meanwhile by someone else; open it again", map[string]any{"name": old.Name})
			}
			c.Branch, c.Created, c.Revision = old.Branch, old.Created, old.Revision+1
		}
		c.Updated = now
		f.sales.customers[c.ID] = c
		return nil
	})
	return c, err
}

func (f *fakeStore) Items(ctx context.Context) ([]app.Item, error) {
	var out []app.Item
	err := f.inLock(ctx, app.PermCompanyRead, func(app.Company) error {
		for _, it := range f.sales.items {
			out = append(out, it)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, err
}

func (f *fakeStore) SaveItem(ctx context.Context, it app.Item) (app.Item, error) {
	err := f.inLock(ctx, app.PermItemsWrite, func(company app.Company) error {
		if it.Price.Currency == "" {
			it.Price.Currency = company.BaseCurrency
		}
		if err := it.Validate(); err != nil {
			return err
		}
		for _, o := range f.sales.items {
			if strings.EqualFold(o.Code, it.Code) && o.ID != it.ID {
				return app.Invalid("item.code", "err.item.duplicate", "code {{.code}} is used by another item", map[string]any{"code": it.Code})
			}
		}
		if it.ID == "" {
			it.ID, it.Branch = app.NewID(f.clock.Now()), company.Branch
		}
		f.sales.items[it.ID] = it
		return nil
	})
	return it, err
}
