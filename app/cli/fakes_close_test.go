package cli

import (
	"context"
	"strings"
	"time"

	"kontor/app"
)

// The fakeStore closes years as the store does: the closing entry of all
// history's revenue and expense balances on 31 December, once per year,
// December open; only the last closed year reopens, by a reversal. The
// closings in force are read back from the journal's sources.

// closerStore is a fakeStore whose services include the year closer.
type closerStore struct{ *fakeStore }

func (s closerStore) Services() app.Services {
	svc := s.fakeStore.Services()
	svc.Closer = s.fakeStore
	return svc
}

// withCloser has te's databases offer the year closer.
func (te *testEnv) withCloser() {
	open := te.Env.Open
	te.Env.Open = func(path string) (Store, error) {
		st, err := open(path)
		if err != nil {
			return nil, err
		}
		return closerStore{st.(*fakeStore)}, nil
	}
}

// closingsLocked are the closing entries not reversed, oldest first.
func (f *fakeStore) closingsLocked() []app.Entry {
	var out []app.Entry
	for _, e := range f.entries {
		switch {
		case strings.HasPrefix(e.Source, "yearclose:"):
			out = append(out, e)
		case strings.HasPrefix(e.Source, "reverse:"):
			id := strings.TrimPrefix(e.Source, "reverse:")
			for i, c := range out {
				if c.ID == id {
					out = append(out[:i], out[i+1:]...)
					break
				}
			}
		}
	}
	return out
}

func (f *fakeStore) CloseYear(ctx context.Context, year int) (app.Entry, error) {
	if err := f.authorize(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	dec31 := app.D(year, time.December, 31)
	bals, err := f.BalancesBetween(ctx, app.Date{}, dec31)
	if err != nil {
		return app.Entry{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.company == nil {
		return app.Entry{}, app.Errorf(app.ENOTFOUND, "err.company.missing", "the company has not been set up yet", nil)
	}
	for _, c := range f.closingsLocked() {
		if c.Date.Year() >= year {
			return app.Entry{}, app.Errorf(app.ECONFLICT, "err.yearclose.closed", "{{.year}} is already closed", map[string]any{"year": c.Date.Year()})
		}
	}
	lines := app.YearClosingLines(bals, f.company.Chart.Posting())
	if len(lines) == 0 {
		return app.Entry{}, app.Errorf(app.EINVALID, "err.yearclose.empty", "{{.year}} has nothing to close", map[string]any{"year": year})
	}
	e := app.Entry{Date: dec31, Memo: "Roční uzávěrka", Source: app.YearCloseSource(year), Lines: lines}
	if err := f.checkEntry(e); err != nil {
		return app.Entry{}, err
	}
	return f.post(e), nil
}

func (f *fakeStore) ReopenYear(ctx context.Context, year int) (app.Entry, error) {
	if err := f.authorize(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	cs := f.closingsLocked()
	if len(cs) == 0 || cs[len(cs)-1].Date.Year() != year {
		return app.Entry{}, app.Errorf(app.ECONFLICT, "err.yearclose.not_last", "{{.year}} is not the last closed year", map[string]any{"year": year})
	}
	last := cs[len(cs)-1]
	rev := app.Entry{Date: last.Date, Memo: "Storno uzávěrky " + last.Number, Source: "reverse:" + last.ID}
	for _, l := range last.Lines {
		rev.Lines = append(rev.Lines, app.Line{Account: l.Account, Debit: l.Credit, Credit: l.Debit, Memo: l.Memo})
	}
	if err := f.checkEntry(rev); err != nil {
		return app.Entry{}, err
	}
	return f.post(rev), nil
}

func (f *fakeStore) YearClosings(ctx context.Context) ([]app.Entry, error) {
	if err := f.authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closingsLocked(), nil
}

var _ app.YearCloser = (*fakeStore)(nil)
