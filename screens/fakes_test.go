package screens

import (
	"context"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

func TestMain(m *testing.M) {
	// Fyne's test driver runs fyne.Do inline; running the work inline too keeps
	// every widget access on the test goroutine.
	kit.SetInline()
	// Cheap password hashes; the idle lock is checked by the tests, not a ticker.
	app.PasswordCost.Time, app.PasswordCost.Memory, app.PasswordCost.Threads = 1, 64, 1
	lockPollEvery = 0
	// Searches run at once; exported PDFs are not opened in a viewer.
	kit.SearchDelay = 0
	kit.OpenFile = func(string) {}
	// English whatever the machine's locale, with the real translation files.
	prefs := test.NewApp().Preferences()
	prefs.SetString(kit.PrefLanguage, "en")
	if kit.SetupLanguage(prefs) != app.English {
		panic("SetupLanguage ignored the preference")
	}
	os.Exit(m.Run())
}

// fakeCompany keeps the company in memory and validates like the store does.
type fakeCompany struct {
	mu      sync.Mutex
	c       *app.Company
	creates int
	updates int
}

func (f *fakeCompany) Company(ctx context.Context) (app.Company, error) {
	if err := app.Authorize(ctx, app.PermCompanyRead); err != nil {
		return app.Company{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.c == nil {
		return app.Company{}, app.Errorf(app.ENOTFOUND, "err.company.missing", "the company has not been set up yet", nil)
	}
	return *f.c, nil
}

func (f *fakeCompany) CreateCompany(ctx context.Context, c app.Company) (app.Company, error) {
	if err := app.Authorize(ctx, app.PermCompanyWrite); err != nil {
		return app.Company{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.c != nil {
		return app.Company{}, app.Errorf(app.ECONFLICT, "err.company.exists", "this database already has a company", nil)
	}
	c.Normalize()
	if err := c.Validate(); err != nil {
		return app.Company{}, err
	}
	c.ID = app.NewID(time.Now())
	f.c = &c
	f.creates++
	return c, nil
}

func (f *fakeCompany) UpdateCompany(ctx context.Context, c app.Company) (app.Company, error) {
	if err := app.Authorize(ctx, app.PermCompanyWrite); err != nil {
		return app.Company{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c.Normalize()
	if err := c.Validate(); err != nil {
		return app.Company{}, err
	}
	if f.c == nil || c.Chart != f.c.Chart {
		return app.Company{}, app.Errorf(app.ECONFLICT, "err.chart.fixed", "the chart of accounts cannot change once the company exists", nil)
	}
	f.c = &c
	f.updates++
	return c, nil
}

// fakeLedger is an in-memory journal that answers from its entries.
type fakeLedger struct {
	mu       sync.Mutex
	accounts []app.Account
	entries  []app.Entry
	locked   map[app.Month]bool
}

func newFakeLedger(chart app.Chart) *fakeLedger {
	return &fakeLedger{accounts: chart.Preset(), locked: map[app.Month]bool{}}
}

func (l *fakeLedger) Accounts(ctx context.Context) ([]app.Account, error) {
	if err := app.Authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]app.Account(nil), l.accounts...), nil
}

func (l *fakeLedger) SaveAccount(_ context.Context, a app.Account) (app.Account, error) {
	if err := a.Validate(); err != nil {
		return a, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.accounts = append(l.accounts, a)
	return a, nil
}

func (l *fakeLedger) PostEntry(_ context.Context, e app.Entry) (app.Entry, error) {
	if err := e.Validate(); err != nil {
		return e, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, ln := range e.Lines {
		if !l.hasAccount(ln.Account) {
			return e, &app.Error{Code: app.EINVALID, Field: "entry.lines", Key: "err.entry.unknown_account", Msg: "line {{.n}}: account {{.code}} is not in the chart of accounts", Args: map[string]any{"n": i + 1, "code": ln.Account}}
		}
	}
	if l.locked[e.Date.MonthOf()] {
		return e, &app.Error{Code: app.EINVALID, Field: "entry.date", Key: "err.period.locked", Msg: "{{.month}} is locked", Args: map[string]any{"month": e.Date.MonthOf().Format()}}
	}
	e.ID = app.NewID(time.Now())
	e.Number = app.Series{Prefix: "ID", Width: 5}.Number(e.Date.Year(), len(l.entries)+1)
	l.entries = append(l.entries, e)
	return e, nil
}

func (l *fakeLedger) hasAccount(code string) bool {
	for _, a := range l.accounts {
		if a.Code == code {
			return true
		}
	}
	return false
}

func (l *fakeLedger) PostEntries(ctx context.Context, es []app.Entry) error {
	for _, e := range es {
		if _, err := l.PostEntry(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

func (l *fakeLedger) Entry(_ context.Context, id string) (app.Entry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.entries {
		if e.ID == id {
			return e, nil
		}
	}
	return app.Entry{}, app.Errorf(app.ENOTFOUND, "err.entry.not_found", "entry {{.id}} does not exist", map[string]any{"id": id})
}

// lines returns the journal lines matching f in date order.
func (l *fakeLedger) lines(f app.JournalFilter) []app.JournalLine {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []app.JournalLine
	for _, e := range l.entries {
		if (!f.From.IsZero() && e.Date.Before(f.From)) || (!f.To.IsZero() && e.Date.After(f.To)) {
			continue
		}
		for _, ln := range e.Lines {
			if f.Account == "" || ln.Account == f.Account {
				out = append(out, app.JournalLine{EntryID: e.ID, Number: e.Number, Date: e.Date, Memo: e.Memo, Line: ln})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

func (l *fakeLedger) JournalCount(ctx context.Context, f app.JournalFilter) (int, error) {
	if err := app.Authorize(ctx, app.PermLedgerRead); err != nil {
		return 0, err
	}
	if err := f.Validate(); err != nil {
		return 0, err
	}
	return len(l.lines(f)), nil
}

func (l *fakeLedger) JournalPage(ctx context.Context, f app.JournalFilter, offset, limit int) ([]app.JournalLine, error) {
	if err := app.Authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	all := l.lines(f)
	if offset >= len(all) {
		return nil, nil
	}
	return all[offset:min(offset+limit, len(all))], nil
}

func (l *fakeLedger) Balances(ctx context.Context, from, to app.Month) ([]app.AccountBalance, error) {
	if err := app.Authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]app.AccountBalance, len(l.accounts))
	for i, a := range l.accounts {
		out[i].Account = a
		for _, e := range l.entries {
			for _, ln := range e.Lines {
				if ln.Account != a.Code {
					continue
				}
				switch {
				case e.Date.Before(from.First()):
					out[i].Opening += ln.Debit - ln.Credit
				case !e.Date.After(to.Last()):
					out[i].Debit += ln.Debit
					out[i].Credit += ln.Credit
					out[i].Lines++
				}
			}
		}
	}
	return out, nil
}

func (l *fakeLedger) SetPeriodLock(ctx context.Context, m app.Month, locked bool) error {
	if err := app.Authorize(ctx, app.PermPeriodLock); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.locked[m] = locked
	return nil
}

func (l *fakeLedger) LockedPeriods(ctx context.Context) ([]app.Month, error) {
	if err := app.Authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []app.Month
	for m, ok := range l.locked {
		if ok {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out, nil
}

// fakeStore is a database file that exists only in name.
type fakeStore struct {
	path     string
	backup   time.Time
	problems []app.Problem
	backups  []string
}

func (s *fakeStore) Path() string          { return s.path }
func (s *fakeStore) LastBackup() time.Time { return s.backup }
func (s *fakeStore) Backup(_ context.Context, dst string, _ app.BackupOptions) error {
	s.backups = append(s.backups, dst)
	s.backup = time.Date(2026, 11, 28, 10, 15, 0, 0, time.Local)
	return nil
}
func (s *fakeStore) Check(context.Context) ([]app.Problem, error) { return s.problems, nil }
func (s *fakeStore) CheckAgainst(context.Context, string) ([]app.Problem, error) {
	return s.problems, nil
}

// testCompany is a valid Czech company.
func testCompany() app.Company {
	c := app.Company{
		Name: "Truhlářství Novák s.r.o.", Street: "Nádražní 12", City: "Brno", Postcode: "602 00",
		ICO: "27082440", DIC: "CZ27082440", VATPayer: true, BankAccount: "19-2000145399/0800",
		Chart: app.ChartCzech, VATRates: app.DefaultVATRates(), Series: app.DefaultSeries(),
	}
	c.Normalize()
	return c
}

// testAdminPassword is the password of the admin "jana" of testDeps.
const testAdminPassword = "tajné-heslo-1"

// testDeps returns services over fakes; company may be nil for an empty
// database (no users either). With a company, the admin "jana" exists and
// the returned Deps are signed in as her.
func testDeps(c *app.Company) (kit.Deps, *fakeCompany, *fakeLedger) {
	fc := &fakeCompany{c: c}
	fl := newFakeLedger(app.ChartCzech)
	clock := app.NewFixedClock(time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC))
	audit := &fakeAudit{clock: clock}
	users := &fakeUsers{audit: audit}
	d := kit.Deps{Services: app.Services{
		Company: fc, Ledger: fl,
		Store: &fakeStore{path: "/home/jana/.config/Kontor/kontor.db"},
		Users: users, Audit: audit,
		Clock: clock,
	}}
	if c != nil {
		admin := users.mustAdd(app.NewUser{Name: "jana", FullName: "Jana Nováková", Roles: []app.Role{app.RoleAdmin}, Password: testAdminPassword})
		d.Sess = &kit.Session{User: admin}
	}
	return d, fc, fl
}

// fakesOf returns the user and audit fakes of testDeps.
func fakesOf(d kit.Deps) (*fakeUsers, *fakeAudit) {
	return d.Services.Users.(*fakeUsers), d.Services.Audit.(*fakeAudit)
}

// testGate is a gate on w signed in as d's user, with an idle lock.
func testGate(a fyne.App, w fyne.Window, d kit.Deps) *gate {
	g := newGate(a, w, d)
	g.mods = testModules()
	g.sess.User = d.User()
	g.lock = newIdleLock(g)
	return g
}

// openTestShell opens the shell of c on w for d's signed-in user.
func openTestShell(a fyne.App, w fyne.Window, d kit.Deps, c app.Company) *shell {
	return openShell(testGate(a, w, d), c)
}

// objects lists every object drawn under o, depth first.
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, objects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			out = append(out, objects(c)...)
		}
	}
	return out
}

// button finds the visible button whose text is text.
func button(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range objects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// buttonsText lists the text of every visible button under root.
func buttonsText(root fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range objects(root) {
		if btn, ok := o.(*widget.Button); ok && btn.Visible() {
			b.WriteString(btn.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// entryAfter finds the first entry that follows the label with text.
func entryAfter(t *testing.T, root fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	seen := false
	for _, o := range objects(root) {
		if l, ok := o.(*widget.Label); ok && l.Text == label {
			seen = true
		}
		if e, ok := o.(*widget.Entry); ok && seen {
			return e
		}
	}
	t.Fatalf("no entry after label %q", label)
	return nil
}

// texts returns the text of every label under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range objects(o) {
		if l, ok := x.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// dialogText returns the labels of the top overlay (a dialog), "" if none.
func dialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return texts(top)
}

// closeDialogs removes every overlay.
func closeDialogs(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}

// fakeYearCloser closes years over a fakeLedger as the store does: the
// closing entry of the year's revenue and expense balances dated 31
// December, once per year, December open; only the last closed year reopens.
type fakeYearCloser struct {
	ledger *fakeLedger
	mu     sync.Mutex
	closed []app.Entry // in force, oldest first
}

func (f *fakeYearCloser) CloseYear(ctx context.Context, year int) (app.Entry, error) {
	if err := app.Authorize(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range f.closed {
		if e.Date.Year() >= year {
			return app.Entry{}, app.Errorf(app.ECONFLICT, "err.yearclose.closed", "{{.year}} is already closed", map[string]any{"year": e.Date.Year()})
		}
	}
	bals, err := f.ledger.Balances(ctx, app.Month{Year: year, Month: time.January}, app.Month{Year: year, Month: time.December})
	if err != nil {
		return app.Entry{}, err
	}
	lines := app.YearClosingLines(bals, app.ChartCzech.Posting())
	if len(lines) == 0 {
		return app.Entry{}, app.Errorf(app.EINVALID, "err.yearclose.empty", "{{.year}} has nothing to close", map[string]any{"year": year})
	}
	e, err := f.ledger.PostEntry(ctx, app.Entry{Date: app.D(year, time.December, 31), Memo: "Roční uzávěrka", Source: app.YearCloseSource(year), Lines: lines})
	if err != nil {
		return app.Entry{}, err
	}
	f.closed = append(f.closed, e)
	return e, nil
}

func (f *fakeYearCloser) ReopenYear(ctx context.Context, year int) (app.Entry, error) {
	if err := app.Authorize(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.closed) == 0 || f.closed[len(f.closed)-1].Date.Year() != year {
		return app.Entry{}, app.Errorf(app.ECONFLICT, "err.yearclose.not_last", "only the last closed year can be reopened", nil)
	}
	last := f.closed[len(f.closed)-1]
	rev := app.Entry{Date: last.Date, Memo: "Storno uzávěrky", Source: "reverse:" + last.ID}
	for _, l := range last.Lines {
		rev.Lines = append(rev.Lines, app.Line{Account: l.Account, Debit: l.Credit, Credit: l.Debit, Memo: l.Memo})
	}
	e, err := f.ledger.PostEntry(ctx, rev)
	if err != nil {
		return app.Entry{}, err
	}
	f.closed = f.closed[:len(f.closed)-1]
	return e, nil
}

func (f *fakeYearCloser) YearClosings(ctx context.Context) ([]app.Entry, error) {
	if err := app.Authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]app.Entry(nil), f.closed...), nil
}

// tapDialog taps the button with text in the top dialog.
func tapDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	test.Tap(button(t, top, text))
}

// retype replaces an entry's text as a user would.
func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}
