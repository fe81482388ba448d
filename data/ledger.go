package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// PostEntry validates, numbers and stores one journal entry and updates the
// running balances, all in one transaction.
func (s *Store) PostEntry(ctx context.Context, e app.Entry) (app.Entry, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	if err := e.Validate(); err != nil {
		return app.Entry{}, err
	}
	err := s.updateAs(ctx, app.PermLedgerPost, "posting the entry", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		if e, err = p.post(e); err != nil {
			return err
		}
		dr, _ := e.Totals()
		return a.logKey("post", "entry", e.ID, "audit.entry_posted", "{{.number}} of {{.date}}, {{.amount}}, {{.memo}}",
			app.AuditArgs{"number": app.AText(e.Number), "date": app.ADate(e.Date), "amount": app.AMoney(app.M(dr, p.company.BaseCurrency)), "memo": app.AText(e.Memo)})
	})
	if err != nil {
		return app.Entry{}, err
	}
	return e, nil
}

// PostEntries posts all entries in one transaction, or none of them. A failing
// entry's error says which one it was.
func (s *Store) PostEntries(ctx context.Context, es []app.Entry) error {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return err
	}
	for i, e := range es {
		if err := e.Validate(); err != nil {
			return entryAt(err, i)
		}
	}
	if len(es) == 0 {
		return nil
	}
	return s.updateAs(ctx, app.PermLedgerPost, "posting entries", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		var first, last app.Entry
		for i, e := range es {
			if i%1024 == 0 && ctx.Err() != nil {
				return app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
			}
			if e, err = p.post(e); err != nil {
				return entryAt(err, i)
			}
			if i == 0 {
				first = e
			}
			last = e
		}
		// One audit line per batch: an import of thousands of entries is one act.
		return a.logKey("post.batch", "entry", first.ID, "audit.entries_posted", "{{.n}} entries, {{.first}} … {{.last}}",
			app.AuditArgs{"n": app.AInt(len(es)), "first": app.AText(first.Number), "last": app.AText(last.Number)})
	})
}

func entryAt(err error, i int) error {
	if e, ok := err.(*app.Error); ok && e.Code == app.EINVALID {
		c := *e
		c.Key, c.Msg = "err.entry.at", "entry {{.entry}}: {{.reason}}"
		c.Args = map[string]any{"entry": i + 1, "reason": app.Label{Key: e.Key, Fallback: e.Msg, Args: e.Args}}
		return &c
	}
	return err
}

// poster posts entries within one write transaction, reusing what it looked up.
type poster struct {
	tx       *bolt.Tx
	clock    app.Clock
	company  app.Company
	journal  app.Series
	accounts map[string]bool
	locks    map[string]bool
	// turnover is the journal's turnover (kTurnover) once turnoverRead.
	turnover     int64
	turnoverRead bool
}

func newPoster(tx *bolt.Tx, clock app.Clock) (*poster, error) {
	c, err := readCompany(tx)
	if err != nil {
		return nil, err
	}
	series, err := seriesFor(c, app.SeriesJournal)
	if err != nil {
		return nil, err
	}
	return &poster{tx: tx, clock: clock, company: c, journal: series, accounts: map[string]bool{}, locks: map[string]bool{}}, nil
}

func (p *poster) accountExists(code string) bool {
	ok, seen := p.accounts[code]
	if !seen {
		ok = p.tx.Bucket(bAccounts).Get([]byte(code)) != nil
		p.accounts[code] = ok
	}
	return ok
}

func (p *poster) locked(m app.Month) bool {
	k := m.Key()
	l, seen := p.locks[k]
	if !seen {
		l = p.tx.Bucket(bLocks).Get([]byte(k)) != nil
		p.locks[k] = l
	}
	return l
}

// post writes one validated entry: checks accounts and the period lock, assigns
// ID, branch and number, stores it with its indexes and updates the balances.
func (p *poster) post(e app.Entry) (app.Entry, error) {
	for i, l := range e.Lines {
		if !p.accountExists(l.Account) {
			return e, &app.Error{Code: app.EINVALID, Field: "entry.lines", Key: "err.entry.unknown_account", Msg: "line {{.n}}: account {{.code}} is not in the chart of accounts", Args: map[string]any{"n": i + 1, "code": l.Account}}
		}
	}
	if err := app.ValidateVATLines(e, p.company.Chart.Posting().VAT); err != nil {
		return e, err
	}
	month := e.Date.MonthOf()
	if p.locked(month) {
		return e, &app.Error{Code: app.EINVALID, Field: "entry.date", Key: "err.period.locked", Msg: "{{.month}} is locked; unlock the month or post into an open one", Args: map[string]any{"month": month.Format()}}
	}
	// The turnover bounds every running total, so it is checked first.
	debits, _ := e.Totals()
	if err := p.addTurnover(debits); err != nil {
		return e, err
	}
	now := p.clock.Now().UTC()
	if e.ID == "" {
		e.ID = app.NewID(now)
	} else if p.tx.Bucket(bEntryIDs).Get([]byte(e.ID)) != nil {
		return e, app.Errorf(app.ECONFLICT, "err.entry.duplicate", "entry {{.id}} is already in the journal", map[string]any{"id": e.ID})
	}
	if e.Branch == "" {
		e.Branch = p.company.Branch
	}
	e.Created = now
	number, err := assignNumber(p.tx, p.journal, e.Date.Year(), e.ID)
	if err != nil {
		return e, err
	}
	e.Number = number
	journal := p.tx.Bucket(bJournal)
	seq, err := journal.NextSequence()
	if err != nil {
		return e, err
	}
	raw, err := encode(e)
	if err != nil {
		return e, err
	}
	seqKey := u64(seq)
	dateKey := []byte(e.Date.Key())
	if err := journal.Put(seqKey, raw); err != nil {
		return e, err
	}
	if err := prove(p.tx, proofEntry, seqKey, raw); err != nil {
		return e, err
	}
	if err := recordChange(p.tx, changeEntry, seqKey, raw); err != nil {
		return e, err
	}
	if err := p.tx.Bucket(bEntryIDs).Put([]byte(e.ID), seqKey); err != nil {
		return e, err
	}
	// bolt keeps the key and value slices until commit: each Put gets its own.
	if err := p.tx.Bucket(bJDate).Put(cat(dateKey, seqKey), u16(len(e.Lines))); err != nil {
		return e, err
	}
	acct, months, days := p.tx.Bucket(bJAcct), p.tx.Bucket(bBalances), p.tx.Bucket(bDayBal)
	for i, l := range e.Lines {
		if err := acct.Put(cat([]byte(l.Account), sep, dateKey, seqKey, u16(i)), nil); err != nil {
			return e, err
		}
		if err := addTotals(months, balanceKey(l.Account, month), l.Debit, l.Credit, 1, func() app.Label { return app.AccountMonthLabel(l.Account, month.Format()) }); err != nil {
			return e, err
		}
		if err := addTotals(days, dayBalanceKey(l.Account, e.Date), l.Debit, l.Credit, 1, func() app.Label { return app.AccountMonthLabel(l.Account, e.Date.String()) }); err != nil {
			return e, err
		}
	}
	return e, addMonthLines(p.tx, month, int64(len(e.Lines)))
}

// Entry returns the entry with the ID.
func (s *Store) Entry(ctx context.Context, id string) (app.Entry, error) {
	var e app.Entry
	err := s.viewAs(ctx, app.PermLedgerRead, "reading the entry", func(tx *bolt.Tx, _ app.User) (err error) {
		e, err = readEntry(tx, id)
		return err
	})
	return e, err
}

// readEntry reads a journal entry by its ID.
func readEntry(tx *bolt.Tx, id string) (app.Entry, error) {
	var e app.Entry
	seq := tx.Bucket(bEntryIDs).Get([]byte(id))
	if seq == nil {
		return e, app.Errorf(app.ENOTFOUND, "err.entry.not_found", "entry {{.id}} does not exist", map[string]any{"id": id})
	}
	return e, decode(tx.Bucket(bJournal).Get(seq), &e)
}
