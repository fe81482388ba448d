package app

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantKey string
	}{
		{"28. 11. 2026", D(2026, 11, 28), ""},
		{"28.11.2026", D(2026, 11, 28), ""},
		{" 1. 1. 2027 ", D(2027, 1, 1), ""},
		{"2026-11-28", D(2026, 11, 28), ""},
		{"29.2.2028", D(2028, 2, 29), ""},
		{"28.\u00a011.\u00a02026", D(2026, 11, 28), ""},
		{"31.2.2026", Date{}, "err.date.invalid"},
		{"29.2.2026", Date{}, "err.date.invalid"},
		{"2026-13-01", Date{}, "err.date.invalid"},
		{"28.11.", Date{}, "err.date.invalid"},
		{"28.11.26", Date{}, "err.date.invalid"},
		{"28 Nov 2026", D(2026, 11, 28), ""},
		{"1 january 2027", D(2027, 1, 1), ""},
		{"31 Feb 2026", Date{}, "err.date.invalid"},
		{"28 Foo 2026", Date{}, "err.date.invalid"},
		{"28/11/2026", Date{}, "err.date.invalid"},
		{"tomorrow", Date{}, "err.date.invalid"},
		{"", Date{}, "err.date.empty"},
		{"  ", Date{}, "err.date.empty"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.wantKey != "" {
			if e, ok := err.(*Error); !ok || e.Code != EINVALID || e.Key != tt.wantKey {
				t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.wantKey)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestDateFormat(t *testing.T) {
	d := D(2026, 11, 28)
	for _, tt := range []struct{ got, want string }{
		{d.Format(Czech), "28.\u00a011.\u00a02026"},
		{d.Format(English), "28 Nov 2026"},
		{D(2027, 1, 5).Format(Czech), "5.\u00a01.\u00a02027"},
		{D(2027, 1, 5).Format(English), "5 Jan 2027"},
		{d.String(), "2026-11-28"},
		{d.Key(), "20261128"},
		{Date{}.Format(Czech), ""},
		{Date{}.String(), ""},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		d    Date
		n    int
		want Date
	}{
		{D(2026, 1, 31), 1, D(2026, 2, 1)},
		{D(2026, 2, 28), 1, D(2026, 3, 1)},
		{D(2028, 2, 28), 1, D(2028, 2, 29)},
		{D(2026, 12, 31), 1, D(2027, 1, 1)},
		{D(2026, 3, 1), -1, D(2026, 2, 28)},
		{D(2026, 11, 28), 14, D(2026, 12, 12)},
		{D(2026, 3, 29), 1, D(2026, 3, 30)}, // across the DST change
		{D(2026, 1, 1), 365, D(2027, 1, 1)},
	}
	for _, tt := range tests {
		if got := tt.d.AddDays(tt.n); got != tt.want {
			t.Errorf("%v + %d = %v, want %v", tt.d, tt.n, got, tt.want)
		}
	}
	a, b := D(2026, 11, 28), D(2026, 12, 1)
	if !a.Before(b) || a.After(b) || a.Compare(a) != 0 || b.Compare(a) != 1 {
		t.Error("Compare")
	}
	if a.MonthOf() != (Month{2026, time.November}) {
		t.Error("MonthOf")
	}
	if !a.Time(time.UTC).Equal(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)) {
		t.Error("Time")
	}
	if _, err := NewDate(2026, 2, 29); ErrorCode(err) != EINVALID {
		t.Error("NewDate accepted 29. 2. 2026")
	}
	if _, err := NewDate(1899, 12, 31); ErrorCode(err) != EINVALID {
		t.Error("NewDate accepted 1899")
	}
	loc := time.FixedZone("CET", 3600)
	if got := DateOf(time.Date(2026, 11, 28, 23, 30, 0, 0, time.UTC).In(loc)); got != D(2026, 11, 29) {
		t.Errorf("DateOf uses the time's zone: %v", got)
	}
}

func TestMonth(t *testing.T) {
	tests := []struct {
		m           Month
		first, last Date
		next        Month
	}{
		{Month{2028, time.February}, D(2028, 2, 1), D(2028, 2, 29), Month{2028, time.March}},
		{Month{2026, time.February}, D(2026, 2, 1), D(2026, 2, 28), Month{2026, time.March}},
		{Month{2026, time.December}, D(2026, 12, 1), D(2026, 12, 31), Month{2027, time.January}},
		{Month{2026, time.April}, D(2026, 4, 1), D(2026, 4, 30), Month{2026, time.May}},
	}
	for _, tt := range tests {
		if tt.m.First() != tt.first || tt.m.Last() != tt.last || tt.m.Next() != tt.next {
			t.Errorf("%v: first %v last %v next %v", tt.m, tt.m.First(), tt.m.Last(), tt.m.Next())
		}
	}
	if got := (Month{2026, time.November}).Key(); got != "202611" {
		t.Errorf("Key = %q", got)
	}
	if got := (Month{2026, time.November}).Format(); got != "11/2026" {
		t.Errorf("Format = %q", got)
	}
}

func TestParseMonth(t *testing.T) {
	tests := []struct {
		in      string
		want    Month
		wantErr bool
	}{
		{"2026-11", Month{2026, time.November}, false},
		{"11/2026", Month{2026, time.November}, false},
		{" 1/2027 ", Month{2027, time.January}, false},
		{"2026-13", Month{}, true},
		{"0/2026", Month{}, true},
		{"2026", Month{}, true},
		{"2026-", Month{}, true},
		{"", Month{}, true},
		{"listopad", Month{}, true},
	}
	for _, tt := range tests {
		got, err := ParseMonth(tt.in)
		if tt.wantErr {
			if ErrorCode(err) != EINVALID {
				t.Errorf("ParseMonth(%q) = %v, %v; want EINVALID", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseMonth(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		D Date `json:"d"`
	}
	for _, d := range []Date{D(2026, 11, 28), {}} {
		b, err := json.Marshal(doc{d})
		if err != nil {
			t.Fatal(err)
		}
		var back doc
		if err := json.Unmarshal(b, &back); err != nil || back.D != d {
			t.Errorf("round trip of %v via %s: %v, %v", d, b, back.D, err)
		}
	}
	var d Date
	if err := json.Unmarshal([]byte(`"2026-02-30"`), &d); err == nil {
		t.Error("bad JSON date accepted")
	}
}

func TestClock(t *testing.T) {
	start := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	c := NewFixedClock(start)
	c.Advance(time.Hour)
	if !c.Now().Equal(start.Add(time.Hour)) {
		t.Error("FixedClock.Advance")
	}
	if Today(c) != DateOf(start.Add(time.Hour).Local()) {
		t.Error("Today")
	}
	if SystemClock.Now(SystemClock{}).IsZero() {
		t.Error("SystemClock")
	}
}
