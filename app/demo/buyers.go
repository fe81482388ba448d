package demo

import (
	"maps"
	"math/rand/v2"

	"kontor/app"
)

// The Sales step's customers beyond its twelve named ones, so that a larger
// scale has more customers buying, not only more invoices for the same
// twelve.

// demoBuyers is how many business customers the Sales step makes besides
// the named ones: none at scale 1, 20 for each further unit of scale (with
// the front desk's directory, about 5,000 customers at scale 70).
func demoBuyers(scale int) int { return 20 * (scale - 1) }

// demoBuyersSeed keeps the buyers' randomness apart from the documents'.
const demoBuyersSeed = 0x42757965

// demoBuyerBase is where the buyers' numbers start in demoDirectory's
// sequence (and so their IČOs, demoICO): far from the front desk's.
const demoBuyerBase = 5_000_000

// buyers makes n domestic business customers like the front desk's
// directory, each with an IČO none has yet, imported a batch at a time,
// and adds them to those who buy, each one to three times as often as the
// least frequent named customer.
func (s *demoSales) buyers(n int) error {
	if n <= 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(demoBuyersSeed, demoSeed2))
	taken := maps.Clone(s.b.taken)
	for i, sup := range demoSuppliers { // the Payables step saves them later
		if c := sup.customer(i); c.ICO != "" {
			taken[c.ICO] = true
		}
	}
	base := s.g.c.BaseCurrency
	var order []string         // the buyers' IČOs, as made
	weight := map[string]int{} // by IČO
	for start := 0; start < n; start += demoImportBatch {
		rows := demoDirectory(rng, demoBuyerBase+start, demoBuyerBase+min(start+demoImportBatch, n), taken)
		batch := rows[:0]
		for _, r := range rows {
			c := &r.Customer
			if c.ICO == "" {
				c.ICO = demoICO(r.Line - 2)
			}
			if taken[c.ICO] {
				continue // one of the named customers' or suppliers'
			}
			taken[c.ICO] = true
			c.Currency, c.Lang = base, app.Czech
			order = append(order, c.ICO)
			weight[c.ICO] = 1 + rng.IntN(3)
			batch = append(batch, r)
		}
		if _, err := demoImportCustomers(s.ctx, s.svc, batch); err != nil {
			return err
		}
	}
	all, err := s.svc.Customers.Customers(s.ctx, "", 0)
	if err != nil {
		return err
	}
	byICO := make(map[string]app.Customer, len(order))
	for _, c := range all {
		if weight[c.ICO] > 0 {
			byICO[c.ICO] = c
		}
	}
	for _, ico := range order {
		c, ok := byICO[ico]
		if !ok {
			return app.Errorf(app.EINTERNAL, "err.demo.import", "the demo's customer {{.line}} was refused: {{.reason}}", map[string]any{"line": ico, "reason": "not found after the import"})
		}
		s.addCustomer(c, weight[ico])
		s.b.taken[ico] = true
	}
	return nil
}
