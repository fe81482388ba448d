package data

import (
	"context"
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func readBankEntry(tx *bolt.Tx, id string) (app.BankEntry, error) {
	var e app.BankEntry
	raw := tx.Bucket(bBank).Get([]byte(id))
	if raw == nil {
		return e, app.Errorf(app.ENOTFOUND, "err.bank.entry_not_found", "the bank line does not exist", nil)
	}
	return e, decode(raw, &e)
}

func putBankEntry(tx *bolt.Tx, e app.BankEntry) error {
	raw, err := encode(e)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bBank).Put([]byte(e.ID), raw); err != nil {
		return err
	}
	return recordChange(tx, changeBankEntry, []byte(e.ID), raw)
}

// openItems lists what a bank line may pay: issued sales invoices and
// received invoices with something left to pay.
func openItems(tx *bolt.Tx) ([]app.OpenItem, error) {
	var out []app.OpenItem
	// The open sales documents' list holds the invoices with something to pay.
	err := tx.Bucket(bDocOpen).ForEach(func(k, _ []byte) error {
		d, err := readDoc(tx, string(lastPart(k)))
		if err != nil {
			return err
		}
		if d.Kind == app.KindInvoice && d.Status == app.StatusIssued && d.Remaining() > 0 {
			out = append(out, app.OpenItem{Kind: app.PayKindSale, DocID: d.ID, Number: d.Number,
				VS: strings.TrimLeft(d.VariableSymbol, "0"), Party: d.Customer.Name, Remaining: app.M(d.Remaining(), d.Currency)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = tx.Bucket(bPurchDates).ForEach(func(k, v []byte) error {
		if row, ok := parsePurchaseRow(v); !ok || !row.open {
			return nil
		}
		p, err := readPurchase(tx, string(k[8:]))
		if err != nil {
			return err
		}
		out = append(out, app.OpenItem{Kind: app.PayKindPurchase, DocID: p.ID, Number: p.Number,
			VS: strings.TrimLeft(p.VariableSymbol, "0"), Party: p.Supplier.Name, Remaining: app.M(p.Remaining(), p.Currency)})
		return nil
	})
	return out, err
}

// matchStatement pairs each line of st with an open document, as
// MatchBankLine proposes; a line stored before comes back as MatchImported
// with the stored line's ID. Documents proposed for stored lines still
// pending are taken already, so a new statement does not propose them again.
func matchStatement(tx *bolt.Tx, st app.BankStatement) ([]app.BankEntry, error) {
	open, err := openItems(tx)
	if err != nil {
		return nil, err
	}
	taken := map[string]bool{}
	err = tx.Bucket(bBank).ForEach(func(_, v []byte) error {
		var e app.BankEntry
		if err := decode(v, &e); err != nil {
			return err
		}
		if e.State == app.MatchFound {
			taken[e.DocID] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	keys := app.BankLineKeys(st)
	stored := tx.Bucket(bBankKeys)
	seen := map[string]string{}
	out := make([]app.BankEntry, len(st.Lines))
	for i, l := range st.Lines {
		id, dup := seen[keys[i]]
		if v := stored.Get([]byte(keys[i])); v != nil {
			id, dup = string(v), true
		}
		if dup {
			out[i] = app.BankEntry{ID: id, Key: keys[i], Account: st.Account, Line: l, State: app.MatchImported}
			continue
		}
		seen[keys[i]] = ""
		e := app.MatchBankLine(l, open, taken)
		e.Key, e.Account = keys[i], st.Account
		out[i] = e
	}
	return out, nil
}

// PreviewBank matches a statement's lines without writing anything. A
// statement app.CheckBankStatement refuses is refused here too.
func (s *Store) PreviewBank(ctx context.Context, st app.BankStatement) ([]app.BankEntry, error) {
	if err := s.allowed(ctx, app.PermBank); err != nil {
		return nil, err
	}
	if err := app.CheckBankStatement(st, app.Today(s.clock)); err != nil {
		return nil, err
	}
	var out []app.BankEntry
	err := s.viewAs(ctx, app.PermBank, "matching the bank statement", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = matchStatement(tx, st)
		return err
	})
	return out, err
}

// ImportBank stores the lines of st not stored before, each with its proposed
// pairing, in one transaction. Importing the same statement again stores
// nothing and reports every line as skipped. A statement
// app.CheckBankStatement refuses (a movement dated in 9999 or over 10^12, a
// file whose balances its movements do not reach) stores nothing.
func (s *Store) ImportBank(ctx context.Context, st app.BankStatement) (app.BankImportResult, error) {
	if err := s.allowed(ctx, app.PermBank); err != nil {
		return app.BankImportResult{}, err
	}
	if err := app.CheckBankStatement(st, app.Today(s.clock)); err != nil {
		return app.BankImportResult{}, err
	}
	var res app.BankImportResult
	err := s.updateAs(ctx, app.PermBank, "importing the bank statement", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		entries, err := matchStatement(tx, st)
		if err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		res = app.BankImportResult{}
		matched := 0
		for _, e := range entries {
			if e.State == app.MatchImported {
				res.Skipped++
				continue
			}
			e.ID, e.Imported = app.NewID(now), now
			if err := putBankEntry(tx, e); err != nil {
				return err
			}
			if err := tx.Bucket(bBankKeys).Put([]byte(e.Key), []byte(e.ID)); err != nil {
				return err
			}
			if e.State == app.MatchFound {
				matched++
			}
			res.Entries = append(res.Entries, e)
		}
		if len(res.Entries) == 0 {
			return nil
		}
		return a.logKey("import", "bank", st.Account, "audit.bank_imported", "{{.format}} {{.from}} – {{.to}}: {{.n}} lines stored ({{.matched}} matched), {{.before}} imported before",
			app.AuditArgs{"format": app.AText(st.Format), "from": app.ADate(st.From), "to": app.ADate(st.To), "n": app.AInt(len(res.Entries)), "matched": app.AInt(matched), "before": app.AInt(res.Skipped)})
	})
	if err != nil {
		return app.BankImportResult{}, err
	}
	return res, nil
}

// BankEntries lists stored lines, the newest movement first (lines of one
// day in the order of their statement); pending keeps only those not yet
// posted or ignored.
func (s *Store) BankEntries(ctx context.Context, pending bool) ([]app.BankEntry, error) {
	var out []app.BankEntry
	err := s.viewAs(ctx, app.PermBank, "reading bank lines", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bBank).ForEach(func(_, v []byte) error {
			var e app.BankEntry
			if err := decode(v, &e); err != nil {
				return err
			}
			if !pending || e.Pending() {
				out = append(out, e)
			}
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if c := a.Line.Date.Compare(b.Line.Date); c != 0 {
			return c > 0
		}
		if !a.Imported.Equal(b.Imported) {
			return a.Imported.After(b.Imported)
		}
		return a.Line.Line < b.Line.Line
	})
	return out, err
}

// ConfirmBank posts a payment for each pairing, through the same code as
// RecordPayment and PaySupplier, in one transaction: all or none. The line's
// date is the payment's date, its amount the payment's amount.
func (s *Store) ConfirmBank(ctx context.Context, pairs []app.BankPairing) ([]app.BankEntry, error) {
	if err := s.allowed(ctx, app.PermBank); err != nil {
		return nil, err
	}
	var out []app.BankEntry
	err := s.updateAs(ctx, app.PermBank, "posting bank payments", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		out = nil
		if len(pairs) == 0 {
			return nil
		}
		y, err := newPayer(tx, s.clock, a)
		if err != nil {
			return err
		}
		for _, pr := range pairs {
			e, err := readBankEntry(tx, pr.EntryID)
			if err != nil {
				return app.WithField(err, "bank.entry")
			}
			if e, err = confirmEntry(y, e, pr); err != nil {
				return app.BankEntryError(e, err)
			}
			if err := putBankEntry(tx, e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return a.logKey("confirm", "bank", out[0].ID, "audit.bank_confirmed", "{{.n}} bank lines posted as payments", app.AuditArgs{"n": app.AInt(len(out))})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// confirmEntry posts one pending line as the payment of the paired
// document app.PairingPayment makes of it, through the payer.
func confirmEntry(y *payer, e app.BankEntry, pr app.BankPairing) (app.BankEntry, error) {
	p, kind, refund, err := app.PairingPayment(e, pr)
	if err != nil {
		return e, err
	}
	switch {
	case kind == app.PayKindSale:
		paid, d, err := y.paySale(p)
		if err != nil {
			return e, err
		}
		return e.Paired(pr, paid, d.Number, d.Customer.Name), nil
	case refund:
		paid, pi, err := y.refundPurchase(p)
		if err != nil {
			return e, err
		}
		return e.Paired(pr, paid, pi.Number, pi.Supplier.Name), nil
	default:
		paid, pi, err := y.payPurchase(p)
		if err != nil {
			return e, err
		}
		return e.Paired(pr, paid, pi.Number, pi.Supplier.Name), nil
	}
}

// IgnoreBankEntry sets a pending line aside (bank fees, own transfers).
func (s *Store) IgnoreBankEntry(ctx context.Context, id string) error {
	return s.updateAs(ctx, app.PermBank, "setting the bank line aside", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		e, err := readBankEntry(tx, id)
		if err != nil {
			return app.WithField(err, "bank.entry")
		}
		if err := e.CheckPending(); err != nil {
			return app.BankEntryError(e, err)
		}
		e.State = app.MatchIgnored
		if err := putBankEntry(tx, e); err != nil {
			return err
		}
		return a.logKey("ignore", "bank", e.ID, "audit.bank_ignored", "{{.date}} {{.amount}} {{.counter}}", bankLineArgs(e))
	})
}

// bankMapping is a remembered CSV column mapping with the header it was made for.
type bankMapping struct {
	Header  string         `json:"header"`
	Mapping app.CSVMapping `json:"mapping"`
}

// bankMappingKey is the SHA-256 of the header line (without a byte-order
// mark and surrounding spaces): headers can be long, keys stay short.
func bankMappingKey(header string) ([]byte, string) {
	h := strings.TrimSpace(strings.TrimPrefix(header, "\ufeff"))
	sum := sha256.Sum256([]byte(h))
	return sum[:], h
}

// BankMapping returns the mapping remembered for a CSV header line.
func (s *Store) BankMapping(ctx context.Context, header string) (app.CSVMapping, bool, error) {
	var m bankMapping
	found := false
	key, h := bankMappingKey(header)
	err := s.viewAs(ctx, app.PermBank, "reading the CSV mapping", func(tx *bolt.Tx, _ app.User) error {
		raw := tx.Bucket(bBankMaps).Get(key)
		if raw == nil {
			return nil
		}
		if err := decode(raw, &m); err != nil {
			return err
		}
		found = m.Header == h
		return nil
	})
	if err != nil || !found {
		return app.CSVMapping{}, false, err
	}
	return m.Mapping, true, nil
}

// SaveBankMapping remembers the mapping of a CSV header line.
func (s *Store) SaveBankMapping(ctx context.Context, header string, m app.CSVMapping) error {
	if err := s.allowed(ctx, app.PermBank); err != nil {
		return err
	}
	key, h := bankMappingKey(header)
	if h == "" {
		return app.Invalid("bank.header", "err.required", "is required", nil)
	}
	if m.Date < 0 || m.Amount < 0 {
		return app.Invalid("bank.mapping", "err.bank.mapping_incomplete", "choose the column of the date and of the amount", nil)
	}
	return s.updateAs(ctx, app.PermBank, "saving the CSV mapping", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		raw, err := encode(bankMapping{Header: h, Mapping: m})
		if err != nil {
			return err
		}
		if err := tx.Bucket(bBankMaps).Put(key, raw); err != nil {
			return err
		}
		if err := recordChange(tx, changeBankMapping, key, raw); err != nil {
			return err
		}
		return a.logKey("save", "bank_mapping", fmt.Sprintf("%x", key[:8]), "audit.bank_mapping", "{{.header}}", app.AuditArgs{"header": app.AText(h)})
	})
}
