package data

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// searchWords splits folded text into the words the index keys on: runs of
// letters and digits ("Žluťoučký kůň s.r.o." → zlutoucky, kun, s, r, o).
func searchWords(s string) []string {
	return strings.FieldsFunc(app.FoldText(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// customerTokens are the index terms of a customer: the words of the name and
// city, IČO, DIČ, the e-mail and its parts, the phone's digits.
func customerTokens(c *app.Customer) []string {
	var toks []string
	toks = append(toks, searchWords(c.Name)...)
	toks = append(toks, searchWords(c.City)...)
	if c.ICO != "" {
		toks = append(toks, c.ICO)
	}
	if c.DIC != "" {
		toks = append(toks, strings.ToLower(c.DIC))
	}
	if c.Email != "" {
		toks = append(toks, strings.ToLower(c.Email))
		toks = append(toks, searchWords(c.Email)...)
	}
	var digits strings.Builder
	for _, r := range c.Phone {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		}
	}
	if d := digits.String(); d != "" {
		toks = append(toks, d)
		if len(d) > 9 {
			toks = append(toks, d[len(d)-9:]) // without the +420 prefix
		}
	}
	sort.Strings(toks)
	out := toks[:0]
	for i, t := range toks {
		if t != "" && (i == 0 || t != toks[i-1]) {
			out = append(out, t)
		}
	}
	return out
}

func nameKey(c *app.Customer) []byte { return cat([]byte(app.FoldText(c.Name)), sep, []byte(c.ID)) }

// indexCustomer replaces old's index entries (nil for a new customer) with c's,
// in the transaction that stores c.
func indexCustomer(tx *bolt.Tx, old, c *app.Customer) error {
	idx, names := tx.Bucket(bCustIdx), tx.Bucket(bCustName)
	if old != nil {
		for _, t := range customerTokens(old) {
			if err := idx.Delete(cat([]byte(t), sep, []byte(old.ID))); err != nil {
				return err
			}
		}
		if err := names.Delete(nameKey(old)); err != nil {
			return err
		}
	}
	for _, t := range customerTokens(c) {
		if err := idx.Put(cat([]byte(t), sep, []byte(c.ID)), nil); err != nil {
			return err
		}
	}
	return names.Put(nameKey(c), nil)
}

// searchCustomers finds customers having, for every query word, an index term
// that starts with it. The longest word is looked up in the index; the few
// candidates it yields are checked against the other words from their
// records. With no words it lists by name.
func searchCustomers(tx *bolt.Tx, query string, limit int) ([]app.Customer, error) {
	words := searchWords(query)
	var out []app.Customer
	load := func(id []byte) (app.Customer, error) {
		var c app.Customer
		return c, decode(tx.Bucket(bCustomers).Get(id), &c)
	}
	if len(words) == 0 {
		c := tx.Bucket(bCustName).Cursor()
		for k, _ := c.First(); k != nil && (limit <= 0 || len(out) < limit); k, _ = c.Next() {
			cust, err := load(k[bytes.LastIndexByte(k, 0)+1:])
			if err != nil {
				return nil, err
			}
			out = append(out, cust)
		}
		return out, nil
	}
	// Longest words first: they usually match fewest keys, so the
	// intersection shrinks early and later scans only test membership.
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	var ids map[string]bool
	c := tx.Bucket(bCustIdx).Cursor()
	for _, w := range words {
		next := map[string]bool{}
		prefix := []byte(w)
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			id := string(k[bytes.LastIndexByte(k, 0)+1:])
			if ids == nil || ids[id] {
				next[id] = true
			}
		}
		ids = next
		if len(ids) == 0 {
			return nil, nil
		}
	}
	if limit > 0 && len(ids) > 4*limit {
		// Many matches ("praha"): walk the names in order and stop at limit
		// instead of loading and sorting them all.
		nc := tx.Bucket(bCustName).Cursor()
		for k, _ := nc.First(); k != nil && len(out) < limit; k, _ = nc.Next() {
			id := k[bytes.LastIndexByte(k, 0)+1:]
			if ids[string(id)] {
				cust, err := load(id)
				if err != nil {
					return nil, err
				}
				out = append(out, cust)
			}
		}
		return out, nil
	}
	for id := range ids {
		cust, err := load([]byte(id))
		if err != nil {
			return nil, err
		}
		out = append(out, cust)
	}
	sort.Slice(out, func(i, j int) bool { return app.FoldText(out[i].Name) < app.FoldText(out[j].Name) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
