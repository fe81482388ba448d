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

// queryWords are the words of what a user typed into a customer search. A
// query of digits alone, in groups ("+420 777 123 456", "777 123 456",
// "4527 4649"), is one number as the index keeps phones and IČOs: its digits
// run together.
func queryWords(q string) []string {
	words := searchWords(q)
	if len(words) < 2 {
		return words
	}
	for _, w := range words {
		for _, r := range w {
			if r < '0' || r > '9' {
				return words
			}
		}
	}
	return []string{strings.Join(words, "")}
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
	name := []byte(app.FoldText(c.Name))
	for _, t := range customerTokens(c) {
		// The value is the folded name, so a search sorts its hits by name
		// without reading a single record.
		if err := idx.Put(cat([]byte(t), sep, []byte(c.ID)), name); err != nil {
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
	words := queryWords(query)
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
	// Longest words first: they usually match fewest keys, so the set of
	// hits shrinks early and later scans only test membership. IDs are
	// fixed-size UUIDs and names are read in place, so a scan of thousands of
	// keys allocates almost nothing.
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	var hits map[custID][]byte // customer ID → folded name (valid during tx)
	c := tx.Bucket(bCustIdx).Cursor()
	for n, w := range words {
		next := make(map[custID][]byte, min(len(hits), 1024))
		prefix := []byte(w)
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			id := toCustID(k[bytes.LastIndexByte(k, 0)+1:])
			if n == 0 {
				next[id] = v
			} else if name, ok := hits[id]; ok {
				next[id] = name
			}
		}
		hits = next
		if len(hits) == 0 {
			return nil, nil
		}
	}
	top := topByName(hits, limit)
	for _, h := range top {
		cust, err := load(h.id[:h.n])
		if err != nil {
			return nil, err
		}
		out = append(out, cust)
	}
	return out, nil
}

// custID is a customer ID as a map key without allocating (IDs are UUIDs).
type custID struct {
	b [36]byte
	n int
}

func toCustID(b []byte) custID {
	var id custID
	id.n = copy(id.b[:], b)
	return id
}

type nameHit struct {
	name []byte
	id   [36]byte
	n    int
}

// topByName returns the hits ordered by name (then ID), at most limit (0 = all),
// keeping only limit of them in a heap as it goes.
func topByName(hits map[custID][]byte, limit int) []nameHit {
	less := func(a, b nameHit) bool {
		if c := bytes.Compare(a.name, b.name); c != 0 {
			return c < 0
		}
		return bytes.Compare(a.id[:a.n], b.id[:b.n]) < 0
	}
	var h []nameHit
	for id, name := range hits {
		x := nameHit{name, id.b, id.n}
		if limit <= 0 || len(h) < limit {
			h = append(h, x)
			if limit > 0 && len(h) == limit {
				sort.Slice(h, func(i, j int) bool { return less(h[j], h[i]) }) // worst first
			}
			continue
		}
		if less(x, h[0]) { // better than the worst kept: replace and restore order
			h[0] = x
			for i := 0; i+1 < len(h) && less(h[i], h[i+1]); i++ {
				h[i], h[i+1] = h[i+1], h[i]
			}
		}
	}
	sort.Slice(h, func(i, j int) bool { return less(h[i], h[j]) })
	return h
}
