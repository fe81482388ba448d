package app

import (
	"slices"
	"testing"
)

func TestParseTrace(t *testing.T) {
	for in, want := range map[string][]string{
		"":                            nil,
		" , ;\n":                      nil,
		"SN1":                         {"SN1"},
		" SN1, SN2 ;SN3\nSN4\r\nSN5 ": {"SN1", "SN2", "SN3", "SN4", "SN5"},
		"Š-44 😀":                      {"Š-44 😀"},
	} {
		if got := ParseTrace(in); !slices.Equal(got, want) {
			t.Errorf("ParseTrace(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestValidateTrace: a line's lot or serials are 1–64 characters, no spaces
// around, none twice, at most one a unit, only on a price-list item's line.
func TestValidateTrace(t *testing.T) {
	long := string(make([]rune, 65))
	for _, c := range []struct {
		name  string
		line  DocLine
		key   string
		valid bool
	}{
		{"none", DocLine{Quantity: Q(1)}, "", true},
		{"a lot for two", DocLine{ItemID: "i", Quantity: Q(2), Trace: []string{"L1"}}, "", true},
		{"two serials", DocLine{ItemID: "i", Quantity: Q(2), Trace: []string{"S1", "S2"}}, "", true},
		{"a credit note's", DocLine{ItemID: "i", Quantity: -Q(2), Trace: []string{"S1", "S2"}}, "", true},
		{"free text", DocLine{Quantity: Q(1), Trace: []string{"S1"}}, "err.line.trace_free", false},
		{"three for two", DocLine{ItemID: "i", Quantity: Q(2), Trace: []string{"S1", "S2", "S3"}}, "err.line.trace_count", false},
		{"empty", DocLine{ItemID: "i", Quantity: Q(1), Trace: []string{""}}, "err.line.trace_length", false},
		{"spaces", DocLine{ItemID: "i", Quantity: Q(1), Trace: []string{" S1"}}, "err.line.trace_length", false},
		{"65 characters", DocLine{ItemID: "i", Quantity: Q(1), Trace: []string{long}}, "err.line.trace_length", false},
		{"twice", DocLine{ItemID: "i", Quantity: Q(2), Trace: []string{"S1", "S1"}}, "err.line.trace_twice", false},
	} {
		err := validateTrace(3, c.line)
		if c.valid != (err == nil) {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if err != nil {
			if e := err.(*Error); e.Key != c.key || e.Field != "doc.lines" || e.Args["n"] != 3 {
				t.Errorf("%s: %+v", c.name, e)
			}
		}
	}
}

func TestCheckInvoiceTrace(t *testing.T) {
	items := map[string]StockItem{"lot": {ItemID: "lot", Tracking: TrackLot}, "sn": {ItemID: "sn", Tracking: TrackSerial}, "plain": {ItemID: "plain"}}
	inv := func(l DocLine) SalesDoc {
		return SalesDoc{Kind: KindInvoice, Lines: []DocLine{{Text: "Doprava", Quantity: Q(1)}, l}}
	}
	for _, c := range []struct {
		line DocLine
		key  string
	}{
		{DocLine{ItemID: "lot", Quantity: Q(2), Trace: []string{"L1"}}, ""},
		{DocLine{ItemID: "sn", Quantity: Q(2), Trace: []string{"S1", "S2"}}, ""},
		{DocLine{ItemID: "plain", Quantity: Q(2)}, ""},
		{DocLine{ItemID: "lot", Quantity: Q(2), Trace: []string{"L1", "L2"}}, "err.line.trace_lots"},
		{DocLine{ItemID: "plain", Quantity: Q(1), Trace: []string{"X"}}, "err.line.trace_untracked"},
		{DocLine{ItemID: "service", Quantity: Q(1), Trace: []string{"X"}}, "err.line.trace_untracked"},
	} {
		err := CheckInvoiceTrace(inv(c.line), items)
		switch {
		case c.key == "" && err != nil:
			t.Errorf("%+v: %v", c.line, err)
		case c.key != "" && (err == nil || err.(*Error).Key != c.key || err.(*Error).Args["n"] != 2):
			t.Errorf("%+v: %v, want %s at line 2", c.line, err, c.key)
		}
	}
	d, ok := IssueFromInvoice(inv(DocLine{ItemID: "sn", Quantity: Q(2), Trace: []string{"S1", "S2"}}), items, "main", "i", "jana", stockNow)
	if !ok || !slices.Equal(d.Lines[0].Serials, []string{"S1", "S2"}) || d.Lines[0].Lot != "" {
		t.Errorf("serials on the issue: %+v", d.Lines)
	}
	d, _ = IssueFromInvoice(inv(DocLine{ItemID: "lot", Quantity: Q(2), Trace: []string{"L1"}}), items, "main", "i", "jana", stockNow)
	if d.Lines[0].Lot != "L1" || d.Lines[0].Serials != nil {
		t.Errorf("lot on the issue: %+v", d.Lines)
	}
}
