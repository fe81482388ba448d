package data

import (
	"sync"
	"testing"

	"kontor/app"
)

func TestPostEntryUpdatesBalancesAndNumbers(t *testing.T) {
	s, _ := MustCompany(t)
	e, err := s.PostEntry(ctx, sale(app.D(2026, 3, 15)))
	if err != nil {
		t.Fatal(err)
	}
	if e.Number != "ID2026-00001" || e.ID == "" || e.Branch != "HQ" {
		t.Fatalf("posted %+v", e)
	}
	e2, _ := s.PostEntry(ctx, sale(app.D(2026, 4, 1)))
	if e2.Number != "ID2026-00002" {
		t.Fatalf("second number %s", e2.Number)
	}
	got, err := s.Entry(ctx, e.ID)
	if err != nil || got.Number != e.Number || len(got.Lines) != 3 {
		t.Fatalf("Entry: %+v %v", got, err)
	}
	bals, err := s.Balances(ctx, app.Month{Year: 2026, Month: 4}, app.Month{Year: 2026, Month: 12})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		switch b.Account.Code {
		case "311":
			if b.Opening != 121000 || b.Debit != 121000 || b.Closing() != 242000 || b.Lines != 1 {
				t.Errorf("311: %+v", b)
			}
		case "343":
			if b.Opening != -21000 || b.Credit != 21000 {
				t.Errorf("343: %+v", b)
			}
		}
	}
	mustCheckClean(t, s)
}

func TestPostEntryRefusesBadInput(t *testing.T) {
	s, _ := MustCompany(t)
	if err := s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 1}, true); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		e     app.Entry
		field string
	}{
		{"empty", app.Entry{Date: app.D(2026, 3, 1)}, "entry.lines"},
		{"no date", app.Entry{Lines: sale(app.D(2026, 3, 1)).Lines}, "entry.date"},
		{"unbalanced", app.Entry{Date: app.D(2026, 3, 1), Lines: []app.Line{{Account: "311", Debit: 100}, {Account: "604", Credit: 99}}}, "entry.lines"},
		{"unknown account", app.Entry{Date: app.D(2026, 3, 1), Lines: []app.Line{{Account: "999", Debit: 100}, {Account: "604", Credit: 100}}}, "entry.lines"},
		{"locked month", sale(app.D(2026, 1, 31)), "entry.date"},
		{"negative", app.Entry{Date: app.D(2026, 3, 1), Lines: []app.Line{{Account: "311", Debit: -100}, {Account: "604", Credit: -100}}}, "entry.lines"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.PostEntry(ctx, tc.e)
			wantCode(t, err, app.EINVALID, tc.field)
		})
	}
	if n, _ := s.JournalCount(ctx, app.JournalFilter{}); n != 0 {
		t.Fatalf("refused entries wrote %d lines", n)
	}
	// The counter did not move: the next number is still the first.
	e, err := s.PostEntry(ctx, sale(app.D(2026, 3, 1)))
	if err != nil || e.Number != "ID2026-00001" {
		t.Fatalf("after refusals: %s %v", e.Number, err)
	}
	// Unlocking reopens the month.
	_ = s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 1}, false)
	if _, err := s.PostEntry(ctx, sale(app.D(2026, 1, 31))); err != nil {
		t.Fatal(err)
	}
	mustCheckClean(t, s)
}

func TestPostEntriesAllOrNone(t *testing.T) {
	s, _ := MustCompany(t)
	bad := sale(app.D(2026, 5, 1))
	bad.Lines[0].Account = "nope"
	err := s.PostEntries(ctx, []app.Entry{sale(app.D(2026, 5, 1)), bad})
	wantCode(t, err, app.EINVALID, "entry.lines")
	if n, _ := s.JournalCount(ctx, app.JournalFilter{}); n != 0 {
		t.Fatalf("partial batch wrote %d lines", n)
	}
	if err := s.PostEntries(ctx, []app.Entry{sale(app.D(2026, 5, 1)), sale(app.D(2026, 5, 2))}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.JournalCount(ctx, app.JournalFilter{}); n != 6 {
		t.Fatalf("count %d", n)
	}
}

// Two windows posting at once must still get unique, gapless numbers.
func TestConcurrentPostingKeepsNumbersGapless(t *testing.T) {
	s, _ := MustCompany(t)
	var wg sync.WaitGroup
	numbers := make(chan string, 200)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				e, err := s.PostEntry(ctx, sale(app.D(2026, 6, 1+i)))
				if err != nil {
					t.Error(err)
					return
				}
				numbers <- e.Number
			}
		}()
	}
	wg.Wait()
	close(numbers)
	seen := map[string]bool{}
	for n := range numbers {
		if seen[n] {
			t.Fatalf("number %s issued twice", n)
		}
		seen[n] = true
	}
	for i := 1; i <= 200; i++ {
		if n := (app.Series{Prefix: "ID", Width: 5}).Number(2026, i); !seen[n] {
			t.Fatalf("gap: %s missing", n)
		}
	}
	mustCheckClean(t, s)
}

func TestSaveAccount(t *testing.T) {
	s, _ := MustCompany(t)
	if _, err := s.SaveAccount(ctx, app.Account{Code: "221001", Name: "Fio banka", Type: app.Asset}); err != nil {
		t.Fatal(err)
	}
	_, _ = s.PostEntry(ctx, sale(app.D(2026, 2, 2)))
	_, err := s.SaveAccount(ctx, app.Account{Code: "311", Name: "Odběratelé", Type: app.Liability})
	wantCode(t, err, app.EINVALID, "account.type")
	_, err = s.SaveAccount(ctx, app.Account{Code: "", Name: "x", Type: app.Asset})
	wantCode(t, err, app.EINVALID, "account.code")
}
