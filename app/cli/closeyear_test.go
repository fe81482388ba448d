package cli

import (
	"strings"
	"testing"
	"time"

	"kontor/app"
	"kontor/data/datatest"
)

// closeYearEnv is a database with a Czech company whose 2025 made a profit
// of 1 234 567,89 Kč and whose 2026 so far a loss of 500 Kč; commands sign
// in as the admin, the accountant jana and the receptionist eva exist too.
func closeYearEnv(t *testing.T) (*testEnv, *datatest.DB) {
	t.Helper()
	db := datatest.MustOpen(t)
	db.AddUser(t, "jana", "Jana Nováková", "jana-heslo-1", app.RoleAccounts)
	db.AddUser(t, "eva", "Eva Žáková", "eva-heslo-12", app.RoleReception)
	db.Post(t,
		app.Entry{Date: app.D(2025, time.March, 3), Memo: "Tržby", Lines: []app.Line{{Account: "221", Debit: 150_000_000}, {Account: "602", Credit: 150_000_000}}},
		app.Entry{Date: app.D(2025, time.June, 9), Memo: "Nájem", Lines: []app.Line{{Account: "518", Debit: 26_543_211}, {Account: "221", Credit: 26_543_211}}},
		app.Entry{Date: app.D(2026, time.February, 2), Memo: "Nájem", Lines: []app.Line{{Account: "518", Debit: 50_000}, {Account: "221", Credit: 50_000}}},
	)
	te := newTestEnv(t, db)
	te.vars[EnvDB] = db.Path
	return te, db
}

// onlyNew is the one entry db has that before (an EntryIDs result) lacks.
func onlyNew(t *testing.T, db *datatest.DB, before []string) app.Entry {
	t.Helper()
	es := db.NewEntries(t, before)
	if len(es) != 1 {
		t.Fatalf("%d entries posted, want 1: %+v", len(es), es)
	}
	return es[0]
}

func TestCloseYearAndReopen(t *testing.T) {
	te, db := closeYearEnv(t)
	before := db.EntryIDs(t)
	if code := te.run("close-year", "2025"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	closing := onlyNew(t, db, before)
	want := "Closed 2025: entry " + closing.Number + ", result 1 234 567,89 Kč profit (431)\n"
	if te.out.String() != want || closing.Date != app.D(2025, time.December, 31) {
		t.Errorf("stdout %q, want %q; entry dated %s", te.out.String(), want, closing.Date)
	}

	t.Run("again", func(t *testing.T) {
		expectFail(t, te, te.run("close-year", "2025"), "2025 is closed already")
		if te.out.Len() != 0 {
			t.Errorf("stdout %q", te.out.String())
		}
	})
	t.Run("a loss, as the accountant", func(t *testing.T) {
		te.as("jana", "jana-heslo-1")
		defer te.as(db.Admin.Name, db.Password)
		if code := te.run("close-year", "2026"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if !strings.Contains(te.out.String(), "Closed 2026: entry ") || !strings.HasSuffix(te.out.String(), ", result 500,00 Kč loss (431)\n") {
			t.Errorf("stdout %q", te.out.String())
		}
	})
	t.Run("reopen only the last", func(t *testing.T) {
		expectFail(t, te, te.run("close-year", "2025", "--reopen"), "2026 is closed already; reopen it before 2025")
	})
	t.Run("reopen", func(t *testing.T) {
		before := db.EntryIDs(t)
		if code := te.run("close-year", "--reopen", "2026"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		rev := onlyNew(t, db, before)
		want := "Reopened 2026: entry " + rev.Number + " reverses its closing, result 500,00 Kč loss (431) taken back\n"
		if te.out.String() != want {
			t.Errorf("stdout %q, want %q", te.out.String(), want)
		}
		if code := te.run("close-year", "2025", "--reopen"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if !strings.Contains(te.out.String(), "result 1 234 567,89 Kč profit (431) taken back") {
			t.Errorf("stdout %q", te.out.String())
		}
	})
	t.Run("receptionist", func(t *testing.T) {
		te.as("eva", "eva-heslo-12")
		defer te.as(db.Admin.Name, db.Password)
		expectFail(t, te, te.run("close-year", "2025"), "user eva may not do this")
	})
	t.Run("december locked", func(t *testing.T) {
		db.LockMonth(t, app.Month{Year: 2025, Month: time.December})
		expectFail(t, te, te.run("close-year", "2025"), "locked")
	})
}

func TestCloseYearUsage(t *testing.T) {
	for _, args := range [][]string{
		{"close-year"},
		{"close-year", "20x5"},
		{"close-year", "25"},
		{"close-year", "2025", "2026"},
		{"close-year", "2025", "--reopen=maybe"},
	} {
		te := newTestEnv(t)
		if code := te.run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
		if !strings.Contains(te.err.String(), "Usage: kontor close-year YEAR") || te.out.Len() != 0 || len(te.opened) != 0 {
			t.Errorf("%v: stdout %q stderr %q opened %v", args, te.out.String(), te.err.String(), te.opened)
		}
	}
	te := newTestEnv(t)
	te.run("close-year", "20x5")
	if !strings.Contains(te.err.String(), `YEAR: "20x5" is not a year`) {
		t.Errorf("stderr %q", te.err.String())
	}
	te.run("help")
	if !strings.Contains(te.out.String(), "  close-year close YEAR's revenue and expense accounts") {
		t.Errorf("help lacks close-year:\n%s", te.out.String())
	}
}
