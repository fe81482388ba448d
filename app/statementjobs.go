package app

import (
	"context"
	"sort"
	"strings"
	"unicode"
)

// Gathering what customer statements are made of, shared by the CLI and the
// Accounts tab: one customer's statement from the store, and the customers
// who get one.

// statementPage is how many documents one Documents call returns while gathering.
const statementPage = 500

// EachIssuedDoc calls fn for every issued (non-draft) document matching f, a
// page at a time, so memory stays bounded.
func EachIssuedDoc(ctx context.Context, sales SalesService, f DocFilter, fn func(SalesDoc) error) error {
	for offset := 0; ; offset += statementPage {
		docs, total, err := sales.Documents(ctx, f, offset, statementPage)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if d.Status == StatusDraft {
				continue
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(docs) < statementPage || offset+statementPage >= total {
			return nil
		}
	}
}

// CustomerStatement reads a customer's issued invoices and credit notes up to
// to and the payments of the invoices, and builds the statement of [from, to]
// in the customer's language.
func CustomerStatement(ctx context.Context, sales SalesService, cust Customer, from, to Date, base string) (Statement, error) {
	if err := ValidatePeriod(from, to); err != nil {
		return Statement{}, err
	}
	var docs []SalesDoc
	var pays []Payment
	for _, kind := range []DocKind{KindInvoice, KindCreditNote} {
		err := EachIssuedDoc(ctx, sales, DocFilter{Kind: kind, Customer: cust.ID, To: to}, func(d SalesDoc) error {
			if d.Status != StatusIssued || d.CustomerID != cust.ID {
				return nil
			}
			docs = append(docs, d)
			if d.Kind == KindInvoice && d.Paid != 0 {
				ps, err := sales.Payments(ctx, d.ID)
				if err != nil {
					return err
				}
				pays = append(pays, ps...)
			}
			return nil
		})
		if err != nil {
			return Statement{}, err
		}
	}
	party := PartyOfCustomer(cust)
	if party.Name == "" && len(docs) > 0 {
		party = docs[0].Customer // the newest document's copy
	}
	st := BuildStatement(party, docs, pays, from, to, base)
	st.Lang = cust.Lang
	st.putFirst(cust.Currency)
	return st, nil
}

// StatementCustomers lists the customers with issued invoices or credit notes
// by to, in name order (case- and accent-insensitive). A document's customer
// that is no longer on file is taken from the document's copy. Whether each
// gets a statement (a balance or activity in the period) is decided on the
// built statement, see Statement.HasActivity.
func StatementCustomers(ctx context.Context, svc Services, to Date) ([]Customer, error) {
	seen := map[string]Party{}
	var ids []string
	for _, kind := range []DocKind{KindInvoice, KindCreditNote} {
		err := EachIssuedDoc(ctx, svc.Sales, DocFilter{Kind: kind, To: to}, func(d SalesDoc) error {
			if d.Status != StatusIssued || d.CustomerID == "" {
				return nil
			}
			if _, ok := seen[d.CustomerID]; !ok {
				seen[d.CustomerID] = d.Customer
				ids = append(ids, d.CustomerID)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]Customer, 0, len(ids))
	for _, id := range ids {
		cust, err := svc.Customers.Customer(ctx, id)
		if ErrorCode(err) == ENOTFOUND {
			p := seen[id]
			cust, err = Customer{ID: id, Name: p.Name, Street: p.Street, City: p.City, Postcode: p.Postcode, Country: p.Country,
				ICO: p.ICO, DIC: p.DIC, Email: p.Email, Phone: p.Phone}, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, cust)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if fa, fb := FoldText(out[i].Name), FoldText(out[j].Name); fa != fb {
			return fa < fb
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// StatementFileNames names each customer's statement file for a folder of
// statements (CLI and screens alike), the whole ID where two short names
// would collide (case-insensitively: Windows and macOS folders).
func StatementFileNames(custs []Customer) []string {
	used := map[string]bool{}
	out := make([]string, len(custs))
	for i, c := range custs {
		name := StatementFileName(c.Name, c.ID, false)
		if used[strings.ToLower(name)] {
			name = StatementFileName(c.Name, c.ID, true)
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// StatementFileName is the file of a customer's statement: the name made
// safe for any file system (letters and digits kept, runs of anything else
// one "-", at most 60 characters) and a short form of the ID, the last 8
// characters (IDs are UUIDv7, whose first characters are a timestamp shared
// by customers created together), or the whole ID when full is set (two
// customers' short names collide).
func StatementFileName(name, id string, full bool) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range strings.TrimSpace(name) {
		if n >= 60 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
			n++
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
			n++
		}
	}
	safe := strings.TrimRight(b.String(), "-")
	if safe == "" {
		safe = "customer"
	}
	short := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, id)
	if !full && len(short) > 8 {
		short = short[len(short)-8:]
	}
	return safe + "_" + short + ".pdf"
}
