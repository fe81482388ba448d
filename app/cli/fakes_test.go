package cli

import (
	"context"
	"sort"
	"sync"
	"time"

	"kontor/app"
)

// fakeStore is an in-memory database implementing the services the CLI uses,
// with the domain's own validation and the store's role checks (every call
// but HasUsers, CreateFirstAdmin and Authenticate needs a stored user in
// ctx), so the CLI and the demo are tested without bbolt.
type fakeStore struct {
	mu        sync.Mutex
	path      string
	clock     app.Clock
	company   *app.Company
	accounts  map[string]app.Account
	entries   []app.Entry
	byID      map[string]int
	moves     map[fakeKey]*[2]int64 // debit and credit per account and month
	numbers   map[int]int           // journal counter per year
	locked    map[app.Month]bool
	problems  []app.Problem
	checkErr  error
	backups   []string
	lastBkp   time.Time
	closed    bool
	postCalls int
	users     map[string]*fakeUser
	logins    []string // names given to Authenticate
	sales     fakeSales
	reception fakeReception
	accts     fakeAccounts
}

type fakeKey struct {
	code  string
	month app.Month
}

func newFakeStore(path string, clock app.Clock) *fakeStore {
	return &fakeStore{path: path, clock: clock, accounts: map[string]app.Account{}, byID: map[string]int{},
		moves: map[fakeKey]*[2]int64{}, numbers: map[int]int{}, locked: map[app.Month]bool{}, users: map[string]*fakeUser{},
		sales: newFakeSales(), reception: newFakeReception(), accts: newFakeAccounts()}
}

func (f *fakeStore) Services() app.Services {
	return app.Services{Company: f, Ledger: f, Store: f, Users: f, Customers: f, Importer: f, PriceList: f, Sales: f, Reception: f,
		Payables: f, Bank: f, Reports: f, Closer: f, Clock: f.clock}
}

func (f *fakeStore) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

func (f *fakeStore) Company(ctx context.Context) (app.Company, error) {
	if err := f.authorize(ctx, app.PermCompanyRead); err != nil {
		return app.Company{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.company == nil {
		return app.Company{}, app.Errorf(app.ENOTFOUND, "err.company.missing", "the company has not been set up yet", nil)
	}
	return *f.company, nil
}

func (f *fakeStore) CreateCompany(ctx context.Context, c app.Company) (app.Company, error) {
	if err := f.authorize(ctx, app.PermCompanyWrite); err != nil {
		return app.Company{}, err
	}
	c.Normalize()
	if len(c.VATRates) == 0 {
		c.VATRates = app.DefaultVATRates()
	}
	if len(c.Series) == 0 {
		c.Series = app.DefaultSeries()
	}
	if err := c.Validate(); err != nil {
		return app.Company{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.company != nil {
		return app.Company{}, app.Errorf(app.ECONFLICT, "err.company.exists", "this database already has a company", nil)
	}
	c.ID = app.NewID(f.clock.Now())
	f.company = &c
	for _, a := range c.Chart.Preset() {
		a.ID, a.Branch = app.NewID(f.clock.Now()), c.Branch
		f.accounts[a.Code] = a
	}
	return c, nil
}

func (f *fakeStore) UpdateCompany(ctx context.Context, c app.Company) (app.Company, error) {
	if err := f.authorize(ctx, app.PermCompanyWrite); err != nil {
		return app.Company{}, err
	}
	c.Normalize()
	if err := c.Validate(); err != nil {
		return app.Company{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.company == nil {
		return app.Company{}, app.Errorf(app.ENOTFOUND, "err.company.missing", "the company has not been set up yet", nil)
	}
	if c.Chart != f.company.Chart {
		return app.Company{}, app.Invalid("company.chart", "err.chart.fixed", "the chart cannot change", nil)
	}
	f.company = &c
	return c, nil
}

func (f *fakeStore) Accounts(ctx context.Context) ([]app.Account, error) {
	if err := f.authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]app.Account, 0, len(f.accounts))
	for _, a := range f.accounts {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

func (f *fakeStore) SaveAccount(ctx context.Context, a app.Account) (app.Account, error) {
	if err := f.authorize(ctx, app.PermLedgerPost); err != nil {
		return app.Account{}, err
	}
	if err := a.Validate(); err != nil {
		return app.Account{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.accounts[a.Code] = a
	return a, nil
}

// checkEntry refuses what the store refuses beyond Entry.Validate.
func (f *fakeStore) checkEntry(e app.Entry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if f.company == nil {
		return app.Errorf(app.ENOTFOUND, "err.company.missing", "the company has not been set up yet", nil)
	}
	for _, l := range e.Lines {
		if _, ok := f.accounts[l.Account]; !ok {
			return app.Invalid("entry.lines", "err.entry.unknown_account", "account {{.code}} does not exist", map[string]any{"code": l.Account})
		}
	}
	if f.locked[e.Date.MonthOf()] {
		return app.Invalid("entry.date", "err.period.locked", "the period is locked", nil)
	}
	return nil
}

func (f *fakeStore) post(e app.Entry) app.Entry {
	now := f.clock.Now()
	if e.ID == "" {
		e.ID = app.NewID(now)
	}
	if e.Branch == "" {
		e.Branch = f.company.Branch
	}
	e.Created = now
	f.numbers[e.Date.Year()]++
	s, _ := f.company.SeriesFor(app.SeriesJournal)
	e.Number = s.Number(e.Date.Year(), f.numbers[e.Date.Year()])
	e.Lines = append([]app.Line(nil), e.Lines...)
	for _, l := range e.Lines {
		k := fakeKey{l.Account, e.Date.MonthOf()}
		if f.moves[k] == nil {
			f.moves[k] = new([2]int64)
		}
		f.moves[k][0] += l.Debit
		f.moves[k][1] += l.Credit
	}
	f.byID[e.ID] = len(f.entries)
	f.entries = append(f.entries, e)
	return e
}

func (f *fakeStore) PostEntry(ctx context.Context, e app.Entry) (app.Entry, error) {
	if err := f.authorize(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.checkEntry(e); err != nil {
		return app.Entry{}, err
	}
	return f.post(e), nil
}

func (f *fakeStore) PostEntries(ctx context.Context, es []app.Entry) error {
	if err := f.authorize(ctx, app.PermLedgerPost); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.postCalls++
	for _, e := range es {
		if err := f.checkEntry(e); err != nil {
			return err
		}
	}
	for _, e := range es {
		f.post(e)
	}
	return nil
}

func (f *fakeStore) Entry(ctx context.Context, id string) (app.Entry, error) {
	if err := f.authorize(ctx, app.PermLedgerRead); err != nil {
		return app.Entry{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	i, ok := f.byID[id]
	if !ok {
		return app.Entry{}, app.Errorf(app.ENOTFOUND, "err.entry.missing", "no such entry", nil)
	}
	return f.entries[i], nil
}

func (f *fakeStore) journal(flt app.JournalFilter) []app.JournalLine {
	var out []app.JournalLine
	for _, e := range f.entries {
		if !flt.From.IsZero() && e.Date.Before(flt.From) || !flt.To.IsZero() && e.Date.After(flt.To) {
			continue
		}
		for _, l := range e.Lines {
			if flt.Account == "" || l.Account == flt.Account {
				out = append(out, app.JournalLine{EntryID: e.ID, Number: e.Number, Date: e.Date, Memo: e.Memo, Line: l})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

func (f *fakeStore) JournalCount(ctx context.Context, flt app.JournalFilter) (int, error) {
	if err := f.authorize(ctx, app.PermLedgerRead); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.journal(flt)), flt.Validate()
}

func (f *fakeStore) JournalPage(ctx context.Context, flt app.JournalFilter, offset, limit int) ([]app.JournalLine, error) {
	if err := f.authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	all := f.journal(flt)
	if offset > len(all) {
		offset = len(all)
	}
	return all[offset:min(offset+limit, len(all))], nil
}

func (f *fakeStore) Balances(ctx context.Context, from, to app.Month) ([]app.AccountBalance, error) {
	if err := f.authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.AccountBalance
	for _, a := range f.accounts {
		b := app.AccountBalance{Account: a}
		for k, mv := range f.moves {
			switch {
			case k.code != a.Code:
			case k.month.Key() < from.Key():
				b.Opening += mv[0] - mv[1]
			case k.month.Key() <= to.Key():
				b.Debit += mv[0]
				b.Credit += mv[1]
			}
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Account.Code < out[j].Account.Code })
	return out, nil
}

func (f *fakeStore) SetPeriodLock(ctx context.Context, m app.Month, locked bool) error {
	if err := f.authorize(ctx, app.PermPeriodLock); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.locked[m] = locked
	return nil
}

func (f *fakeStore) LockedPeriods(ctx context.Context) ([]app.Month, error) {
	if err := f.authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.Month
	for m, l := range f.locked {
		if l {
			out = append(out, m)
		}
	}
	return out, nil
}

func (f *fakeStore) Path() string { return f.path }

func (f *fakeStore) LastBackup() time.Time { return f.lastBkp }

func (f *fakeStore) Backup(ctx context.Context, dst string, _ app.BackupOptions) error {
	if err := f.authorize(ctx, app.PermStoreAdmin); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.backups = append(f.backups, dst)
	f.lastBkp = f.clock.Now()
	return nil
}

func (f *fakeStore) Check(ctx context.Context) ([]app.Problem, error) {
	if err := f.authorize(ctx, app.PermStoreAdmin); err != nil {
		return nil, err
	}
	return f.problems, f.checkErr
}

func (f *fakeStore) CheckAgainst(ctx context.Context, _ string) ([]app.Problem, error) {
	return f.Check(ctx)
}

// closing returns every account's balance (debit minus credit) over all time.
func (f *fakeStore) closing() map[string]int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int64{}
	for k, mv := range f.moves {
		out[k.code] += mv[0] - mv[1]
	}
	return out
}

func (f *fakeStore) lineCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, e := range f.entries {
		n += len(e.Lines)
	}
	return n
}

var (
	_ app.CompanyService = (*fakeStore)(nil)
	_ app.LedgerService  = (*fakeStore)(nil)
	_ app.StoreService   = (*fakeStore)(nil)
	_ Store              = (*fakeStore)(nil)
)
