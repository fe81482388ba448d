package app

import (
	"strings"
	"testing"
)

func TestEntryValidate(t *testing.T) {
	day := D(2026, 11, 28)
	line := func(acct string, dr, cr int64) Line { return Line{Account: acct, Debit: dr, Credit: cr} }
	many := make([]Line, MaxEntryLines+1)
	for i := range many {
		many[i] = line("221", 1, 0)
	}
	tests := []struct {
		name  string
		e     Entry
		field string
		key   string
	}{
		{"balanced", Entry{Date: day, Lines: []Line{line("311", 12100, 0), line("604", 0, 10000), line("343", 0, 2100)}}, "", ""},
		{"no date", Entry{Lines: []Line{line("221", 100, 0), line("311", 0, 100)}}, "entry.date", "err.required"},
		{"empty", Entry{Date: day}, "entry.lines", "err.entry.empty"},
		{"one line", Entry{Date: day, Lines: []Line{line("221", 100, 0)}}, "entry.lines", "err.entry.one_line"},
		{"unbalanced", Entry{Date: day, Lines: []Line{line("221", 100, 0), line("311", 0, 99)}}, "entry.lines", "err.entry.unbalanced"},
		{"negative", Entry{Date: day, Lines: []Line{line("221", -100, 0), line("311", -100, 0)}}, "entry.lines", "err.entry.negative"},
		{"both sides", Entry{Date: day, Lines: []Line{line("221", 100, 100), line("311", 0, 0)}}, "entry.lines", "err.entry.one_side"},
		{"zero line", Entry{Date: day, Lines: []Line{line("221", 100, 0), line("311", 0, 100), line("343", 0, 0)}}, "entry.lines", "err.entry.one_side"},
		{"no account", Entry{Date: day, Lines: []Line{line("221", 100, 0), line(" ", 0, 100)}}, "entry.lines", "err.entry.no_account"},
		{"too many lines", Entry{Date: day, Lines: many}, "entry.lines", "err.entry.too_many"},
		{"long memo", Entry{Date: day, Memo: strings.Repeat("č", 201), Lines: []Line{line("221", 100, 0), line("311", 0, 100)}}, "entry.memo", "err.too_long"},
		{"overflow", Entry{Date: day, Lines: []Line{line("221", 1<<62, 0), line("221", 1<<62, 0), line("311", 0, 1)}}, "entry.lines", "err.money.overflow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.e.Validate()
			if tt.key == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Code != EINVALID || e.Field != tt.field || e.Key != tt.key {
				t.Errorf("Validate = %v, want field %s key %s", err, tt.field, tt.key)
			}
		})
	}
	e := Entry{Date: day, Lines: []Line{line("221", 150, 0), line("311", 0, 100)}}
	if msg := ErrorMessage(e.Validate(), nil); !strings.Contains(msg, "1.50") || !strings.Contains(msg, "0.50") {
		t.Errorf("unbalanced message does not give the sums: %q", msg)
	}
	if dr, cr := e.Totals(); dr != 150 || cr != 100 {
		t.Errorf("Totals = %d, %d", dr, cr)
	}
}

func TestAccountValidate(t *testing.T) {
	tests := []struct {
		a     Account
		field string
	}{
		{Account{Code: "311", Name: "Odběratelé", Type: Asset}, ""},
		{Account{Code: "", Name: "x", Type: Asset}, "account.code"},
		{Account{Code: "3 11", Name: "x", Type: Asset}, "account.code"},
		{Account{Code: "1234567890123", Name: "x", Type: Asset}, "account.code"},
		{Account{Code: "311", Name: " ", Type: Asset}, "account.name"},
		{Account{Code: "311", Name: "x", Type: "other"}, "account.type"},
	}
	for _, tt := range tests {
		err := tt.a.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.a, err)
			}
			continue
		}
		if e, ok := err.(*Error); !ok || e.Field != tt.field {
			t.Errorf("%+v: %v, want field %s", tt.a, err, tt.field)
		}
	}
}

func TestChartPresets(t *testing.T) {
	for _, chart := range []Chart{ChartCzech, ChartInternational} {
		codes := map[string]bool{}
		for _, a := range chart.Preset() {
			if err := a.Validate(); err != nil {
				t.Errorf("%s %s: %v", chart, a.Code, err)
			}
			if codes[a.Code] {
				t.Errorf("%s: %s twice", chart, a.Code)
			}
			codes[a.Code] = true
		}
		p := chart.Posting()
		for _, code := range []string{p.Cash, p.Bank, p.Receivables, p.Payables, p.VAT, p.Employees, p.SocialInsurance, p.WageTax,
			p.Goods, p.Materials, p.GoodsSold, p.Services, p.Wages, p.SocialCosts, p.SalesServices,
			p.SalesGoods, p.RoundingLoss, p.RoundingGain, p.Equity, p.RetainedEarnings, p.ProfitLoss} {
			if !codes[code] {
				t.Errorf("%s: posting account %q is not in the preset", chart, code)
			}
		}
	}
	cz := map[string]bool{}
	for _, a := range ChartCzech.Preset() {
		cz[a.Code] = true
	}
	for _, code := range []string{"211", "221", "311", "321", "331", "336", "342", "343", "501", "504", "518", "521", "524", "602", "604", "132", "411", "428", "431", "701", "702", "710"} {
		if !cz[code] {
			t.Errorf("Czech chart lacks %s", code)
		}
	}
}

func TestJournalFilterAndBalance(t *testing.T) {
	if err := (JournalFilter{From: D(2026, 2, 1), To: D(2026, 1, 31)}).Validate(); ErrorCode(err) != EINVALID {
		t.Error("reversed period accepted")
	}
	if err := (JournalFilter{From: D(2026, 1, 1)}).Validate(); err != nil {
		t.Error(err)
	}
	if got := (AccountBalance{Opening: 1000, Debit: 500, Credit: 200}).Closing(); got != 1300 {
		t.Errorf("Closing = %d", got)
	}
}
