package app

import (
	"testing"
	"time"
)

// rmaInvoice: 2 grinders at 1 990 Kč, 10 kg of coffee at 450 Kč, delivery
// 100 Kč, all at 21 %. Base 3 980 + 4 500 + 100 = 8 580 Kč, VAT 21 % =
// 1 801,80 Kč, total 10 381,80 Kč.
func rmaInvoice() SalesDoc {
	return czInvoice(payCompany(),
		DocLine{ItemID: "grinder", Code: "BR-125", Text: "Úhlová bruska", Quantity: Q(2), Unit: "ks", UnitPrice: 199000, VATKind: VATStandard, Goods: true},
		DocLine{ItemID: "coffee", Code: "KAV-1", Text: "Káva zrnková", Quantity: Q(10), Unit: "kg", UnitPrice: 45000, VATKind: VATStandard, Goods: true},
		DocLine{Text: "Doprava", Quantity: Q(1), Unit: "ks", UnitPrice: 10000, VATKind: VATStandard})
}

func TestRMAInvoiceTotals(t *testing.T) {
	if inv := rmaInvoice(); inv.Totals.Base != 858000 || inv.Totals.VAT != 180180 || inv.Totals.Total != 1038180 {
		t.Fatalf("totals %+v", inv.Totals)
	}
}

func TestNewReturn(t *testing.T) {
	now := time.Date(2026, 11, 10, 10, 0, 0, 0, time.UTC)
	inv := rmaInvoice()
	tk := Ticket{ID: "t1", CustomerID: "c1", InvoiceID: "inv"}
	// Line 1: 2 invoiced, 1 on an earlier return → 1 left. Line 2: 10
	// invoiced, 3 credited → 7 left.
	used := map[int]LineUsage{1: {Returned: Q(1)}, 2: {Credited: Q(3)}}
	r, err := NewReturn(inv, tk, []ReturnPick{{Line: 1, Qty: Q(1), Serials: []string{" SN-7 ", ""}}, {Line: 2, Qty: Q(7), Lot: " L2 "}}, used, " Vlhká káva ", "r1", D(2026, 11, 10), "admin", now)
	if err != nil {
		t.Fatal(err)
	}
	want := []ReturnLine{{InvoiceLine: 1, ItemID: "grinder", Code: "BR-125", Text: "Úhlová bruska", Unit: "ks", Qty: Q(1), Serials: []string{"SN-7"}},
		{InvoiceLine: 2, ItemID: "coffee", Code: "KAV-1", Text: "Káva zrnková", Unit: "kg", Qty: Q(7), Lot: "L2", Serials: []string{}}}
	if len(r.Lines) != 2 || r.Reason != "Vlhká káva" || r.Status != ReturnDraft || r.InvoiceNo != "FV2026-0001" || r.TicketID != "t1" || r.CustomerID != "c1" {
		t.Fatalf("%+v", r)
	}
	for i, l := range r.Lines {
		w := want[i]
		if l.InvoiceLine != w.InvoiceLine || l.ItemID != w.ItemID || l.Qty != w.Qty || l.Lot != w.Lot || len(l.Serials) != len(w.Serials) || (len(w.Serials) > 0 && l.Serials[0] != w.Serials[0]) {
			t.Errorf("line %d: %+v, want %+v", i+1, l, w)
		}
	}
	draft := inv
	draft.Status = StatusDraft
	otherTicket := Ticket{ID: "t2", CustomerID: "c2"}
	cases := []struct {
		name   string
		inv    SalesDoc
		tk     Ticket
		picks  []ReturnPick
		reason string
		day    Date
		want   []string
	}{
		{"more than left on line 1 (2 − 1 returned)", inv, tk, []ReturnPick{{Line: 1, Qty: Q(2)}}, "x", D(2026, 11, 10), []string{"return.lines err.return.too_much"}},
		// 7.001 kg > 10 − 3 credited.
		{"a gram over on line 2", inv, tk, []ReturnPick{{Line: 2, Qty: Q(7) + 1}}, "x", D(2026, 11, 10), []string{"return.lines err.return.too_much"}},
		{"zero", inv, tk, []ReturnPick{{Line: 1, Qty: 0}}, "x", D(2026, 11, 10), []string{"return.lines err.return.qty"}},
		{"negative", inv, tk, []ReturnPick{{Line: 1, Qty: -Q(1)}}, "x", D(2026, 11, 10), []string{"return.lines err.return.qty"}},
		{"line 0 and 4", inv, tk, []ReturnPick{{Line: 0, Qty: Q(1)}, {Line: 4, Qty: Q(1)}}, "x", D(2026, 11, 10), []string{"return.lines err.ticket.unknown_line", "return.lines err.ticket.unknown_line"}},
		{"line twice", inv, tk, []ReturnPick{{Line: 2, Qty: Q(1)}, {Line: 2, Qty: Q(1)}}, "x", D(2026, 11, 10), []string{"return.lines err.return.line_twice"}},
		{"nothing, no reason, before the sale (2. 11.)", inv, tk, nil, " ", D(2026, 11, 1), []string{"return.reason err.return.reason", "return.date err.return.before_sale", "return.lines err.return.no_lines"}},
		{"no day", inv, tk, []ReturnPick{{Line: 3, Qty: Q(1)}}, "x", Date{}, []string{"return.date err.return.date"}},
		{"draft invoice", draft, tk, []ReturnPick{{Line: 1, Qty: Q(1)}}, "x", D(2026, 11, 10), []string{"return.invoice err.return.invoice"}},
		{"another customer's ticket", inv, otherTicket, []ReturnPick{{Line: 1, Qty: Q(1)}}, "x", D(2026, 11, 10), []string{"return.invoice err.return.ticket_invoice"}},
	}
	for _, c := range cases {
		_, err := NewReturn(c.inv, c.tk, c.picks, used, c.reason, "r", c.day, "admin", now)
		if got := errFields(err); !sameList(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	// Everything already back: nothing left on line 1 (1 returned + 1 credited).
	_, err = NewReturn(inv, tk, []ReturnPick{{Line: 1, Qty: 1}}, map[int]LineUsage{1: {Returned: Q(1), Credited: Q(1)}}, "x", "r", D(2026, 11, 10), "admin", now)
	if got := errFields(err); !sameList(got, []string{"return.lines err.return.too_much"}) {
		t.Errorf("nothing left: %v", got)
	}
}

func TestReturnable(t *testing.T) {
	l := DocLine{Quantity: Q(10)}
	for _, c := range []struct {
		u    LineUsage
		want Qty
	}{{LineUsage{}, Q(10)}, {LineUsage{Returned: Q(2), Credited: Q(3)}, Q(5)}, {LineUsage{Returned: Q(6), Credited: Q(6)}, 0}} {
		if got := Returnable(l, c.u); got != c.want {
			t.Errorf("%+v: %d, want %d", c.u, got, c.want)
		}
	}
}

// The issue the invoice shipped with, as posted: 2 grinders for 2 600 Kč
// (1 300 Kč each); coffee from two lots, L1 6 kg for 1 800 Kč (300 Kč/kg)
// and L2 4 kg for 1 280 Kč (320 Kč/kg).
func rmaIssue() StockDoc {
	return StockDoc{ID: "vy1", Number: "VY0001", Kind: StockIssue, Status: StockPosted, Location: "main", SourceID: "inv", SourceNo: "FV2026-0001",
		Lines: []StockLine{{ItemID: "grinder", Qty: Q(2), Value: 260000}, {ItemID: "coffee", Qty: Q(6), Value: 180000, Lot: "L1"}, {ItemID: "coffee", Qty: Q(4), Value: 128000, Lot: "L2"}}}
}

func TestReturnReceipt(t *testing.T) {
	now := time.Date(2026, 11, 12, 9, 0, 0, 0, time.UTC)
	items := map[string]StockItem{"grinder": {ItemID: "grinder"}, "coffee": {ItemID: "coffee", Tracking: TrackLot}}
	r := ReturnDoc{ID: "r1", Number: "RMA0001", InvoiceID: "inv", InvoiceNo: "FV2026-0001", CustomerID: "c1", Customer: Party{Name: "Novák s.r.o."},
		Date: D(2026, 11, 12), Reason: "Vlhká káva", Lines: []ReturnLine{
			{InvoiceLine: 1, ItemID: "grinder", Text: "Úhlová bruska", Unit: "ks", Qty: Q(1), Serials: []string{"SN-7"}},
			{InvoiceLine: 2, ItemID: "coffee", Text: "Káva", Unit: "kg", Qty: Q(5) / 2, Lot: "L2"}, // 2.5 kg of L2
			{InvoiceLine: 2, ItemID: "coffee", Text: "Káva", Unit: "kg", Qty: Q(3)},                // 3 kg, lot not given
			{InvoiceLine: 3, Text: "Doprava", Unit: "ks", Qty: Q(1)}}}
	d, ok, err := ReturnReceipt(r, rmaIssue(), items, "", "pr1", "admin", now)
	if err != nil || !ok {
		t.Fatal(err, ok)
	}
	// Grinder: 2 600 × 1/2 = 1 300 Kč. L2: 1 280 × 2.5/4 = 800 Kč, 320 Kč/kg.
	// Coffee without lot: both lots, 3 080 Kč for 10 kg × 3/10 = 924 Kč,
	// 308 Kč/kg. Delivery is no stock item: left out. Total 3 024 Kč.
	want := []StockLine{{ItemID: "grinder", Qty: Q(1), UnitCost: 130000, Value: 130000, Serials: []string{"SN-7"}},
		{ItemID: "coffee", Qty: Q(5) / 2, UnitCost: 32000, Value: 80000, Lot: "L2"},
		{ItemID: "coffee", Qty: Q(3), UnitCost: 30800, Value: 92400}}
	if len(d.Lines) != len(want) || d.Total != 302400 {
		t.Fatalf("%d lines, total %d: %+v", len(d.Lines), d.Total, d.Lines)
	}
	for i, l := range d.Lines {
		w := want[i]
		if l.ItemID != w.ItemID || l.Qty != w.Qty || l.UnitCost != w.UnitCost || l.Value != w.Value || l.Lot != w.Lot || len(l.Serials) != len(w.Serials) {
			t.Errorf("line %d: %+v, want %+v", i+1, l, w)
		}
	}
	if d.Kind != StockReceipt || d.Status != StockDraft || d.Counter != CounterExpense || d.Location != "main" || d.OriginalID != "vy1" ||
		d.SourceKind != "return" || d.SourceID != "r1" || d.PartnerID != "c1" || d.Date != D(2026, 11, 12) {
		t.Errorf("header %+v", d)
	}
	// Into the defective-goods location.
	if d, _, _ := ReturnReceipt(r, rmaIssue(), items, "def", "pr1", "admin", now); d.Location != "def" {
		t.Errorf("location %s", d.Location)
	}
	// Rounding: 3 units issued for 1 000 Kč; 1 back = 333,333… → 333,33 Kč;
	// 2 back = 666,666… → 666,67 Kč (half up).
	iss := StockDoc{ID: "vy2", Kind: StockIssue, Status: StockPosted, SourceID: "inv", Lines: []StockLine{{ItemID: "grinder", Qty: Q(3), Value: 100000}}}
	for q, v := range map[int64]int64{1: 33333, 2: 66667} {
		rr := r
		rr.Lines = []ReturnLine{{ItemID: "grinder", Qty: Q(q)}}
		if d, _, err := ReturnReceipt(rr, iss, items, "", "p", "u", now); err != nil || d.Lines[0].Value != v {
			t.Errorf("%d of 3: %v %+v, want %d", q, err, d.Lines, v)
		}
	}
	// Only a service back: no receipt.
	svc := r
	svc.Lines = r.Lines[3:]
	if _, ok, err := ReturnReceipt(svc, rmaIssue(), items, "", "p", "u", now); ok || err != nil {
		t.Errorf("service only: %v %v", ok, err)
	}
	// Refusals.
	draftIssue := rmaIssue()
	draftIssue.Status = StockDraft
	otherIssue := rmaIssue()
	otherIssue.SourceID = "inv2"
	tooMuch := r
	tooMuch.Lines = []ReturnLine{{InvoiceLine: 2, ItemID: "coffee", Qty: Q(5), Lot: "L2"}} // 5 kg of L2, 4 shipped
	for name, c := range map[string]struct {
		r    ReturnDoc
		iss  StockDoc
		want string
	}{
		"issue not posted":      {r, draftIssue, "return.receipt err.return.no_issue"},
		"another invoice's":     {r, otherIssue, "return.receipt err.return.no_issue"},
		"more than the lot had": {tooMuch, rmaIssue(), "return.lines err.return.not_issued"},
	} {
		_, _, err := ReturnReceipt(c.r, c.iss, items, "", "p", "u", now)
		if got := errFields(err); !sameList(got, []string{c.want}) {
			t.Errorf("%s: %v", name, got)
		}
	}
}

func TestReturnCreditNote(t *testing.T) {
	c := payCompany()
	now := time.Date(2026, 11, 12, 9, 0, 0, 0, time.UTC)
	inv := rmaInvoice()
	r := ReturnDoc{ID: "r1", InvoiceID: "inv", Reason: "Odstoupení od smlouvy", Lines: []ReturnLine{{InvoiceLine: 1, ItemID: "grinder", Qty: Q(1)}}}
	cn, err := ReturnCreditNote(r, inv, nil, c, "cn1", D(2026, 11, 12), now)
	if err != nil {
		t.Fatal(err)
	}
	// One grinder back: base −1 990 Kč, VAT 21 % −417,90 Kč, total −2 407,90 Kč.
	if len(cn.Lines) != 1 || cn.Lines[0].Quantity != -Q(1) || cn.Lines[0].UnitPrice != 199000 || cn.Totals.Base != -199000 || cn.Totals.VAT != -41790 || cn.Totals.Total != -240790 {
		t.Fatalf("%+v totals %+v", cn.Lines, cn.Totals)
	}
	if cn.Kind != KindCreditNote || cn.Status != StatusDraft || cn.OriginalID != "inv" || cn.Reason != "Odstoupení od smlouvy" || cn.TaxDate != D(2026, 11, 12) || len(inv.Lines) != 3 || inv.Lines[0].Quantity != Q(2) {
		t.Fatalf("header %+v / invoice changed %+v", cn, inv.Lines)
	}
	// Issuing it goes through the credit note rules.
	issued, inv2, err := ApplyCreditNote(cn, inv, nil, "CZK")
	if err != nil || inv2.Credited != 240790 || issued.OriginalNo != "FV2026-0001" {
		t.Fatalf("apply: %v credited %d", err, inv2.Credited)
	}
	// A fully credited invoice: refused by the credit note rules.
	full := inv
	full.Credited = inv.Totals.Total
	if _, err := ReturnCreditNote(r, full, nil, c, "cn2", D(2026, 11, 12), now); ErrorCode(err) != ECONFLICT {
		t.Errorf("fully credited: %v", err)
	}
	other := r
	other.InvoiceID = "inv9"
	if _, err := ReturnCreditNote(other, inv, nil, c, "cn3", D(2026, 11, 12), now); !sameList(errFields(err), []string{"return.invoice err.return.ticket_invoice"}) {
		t.Errorf("another invoice: %v", err)
	}
	bad := r
	bad.Lines = []ReturnLine{{InvoiceLine: 7, Qty: Q(1)}}
	if _, err := ReturnCreditNote(bad, inv, nil, c, "cn4", D(2026, 11, 12), now); !sameList(errFields(err), []string{"return.lines err.ticket.unknown_line"}) {
		t.Errorf("unknown line: %v", err)
	}
}

func TestRefundDue(t *testing.T) {
	cases := []struct {
		name                           string
		total, paid, before, credit, w int64
	}{
		// Paid in full, one grinder credited: all 2 407,90 Kč back (= min(credit, paid)).
		{"paid in full", 1038180, 1038180, 0, 240790, 240790},
		{"unpaid", 1038180, 0, 0, 240790, 0},
		// Paid 400 of 1 000, credit 300: 300 still owed, nothing back.
		{"partly paid, credit within what is owed", 100000, 40000, 0, 30000, 0},
		// Paid 400 of 1 000, credit 700: owes 300, paid 400 → 100 back.
		{"partly paid, credit beyond what is owed", 100000, 40000, 0, 70000, 10000},
		// Paid in full, 300 credited before (refunded then), now 200: 200 back.
		{"second credit note", 100000, 100000, 30000, 20000, 20000},
		// Paid 900 of 1 000, 300 credited before (200 overpaid then), now 100: 100 back.
		{"second credit note, partly paid", 100000, 90000, 30000, 10000, 10000},
		{"nothing credited", 100000, 100000, 0, 0, 0},
	}
	for _, c := range cases {
		if got := RefundDue(c.total, c.paid, c.before, c.credit); got != c.w {
			t.Errorf("%s: %d, want %d", c.name, got, c.w)
		}
	}
}

func TestReturnValidateAndSteps(t *testing.T) {
	ok := ReturnDoc{ID: "r1", Status: ReturnDraft, InvoiceID: "inv", CustomerID: "c1", Date: D(2026, 11, 12), Reason: "Vlhká káva",
		Lines: []ReturnLine{{InvoiceLine: 2, Qty: Q(3)}}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := ReturnDoc{Status: ReturnCredited, Lines: []ReturnLine{{InvoiceLine: 0, Qty: Q(1)}, {InvoiceLine: 1, Qty: 0}}, Credited: 100, RefundDue: 101}
	want := []string{"return.invoice err.return.invoice", "return.date err.return.date", "return.reason err.return.reason",
		"return.lines err.return.qty", "return.lines err.return.qty", "return.credit_note err.return.no_credit_note", "return.refund err.return.refund"}
	if got := errFields(bad.Validate()); !sameList(got, want) {
		t.Errorf("bad return:\n got %v\nwant %v", got, want)
	}
	if got := errFields(ReturnDoc{Status: "lost", InvoiceID: "i", CustomerID: "c", Date: D(2026, 1, 5), Reason: "x", Lines: ok.Lines}.Validate()); !sameList(got, []string{"return.status err.return.status"}) {
		t.Errorf("unknown status: %v", got)
	}
	// The flow: draft → received → credited, nothing else.
	for _, c := range []struct {
		from ReturnStatus
		step ReturnStep
		want ReturnStatus
		ok   bool
	}{
		{ReturnDraft, StepReceive, ReturnReceived, true},
		{ReturnReceived, StepCredit, ReturnCredited, true},
		{ReturnDraft, StepCredit, ReturnDraft, false},
		{ReturnReceived, StepReceive, ReturnReceived, false},
		{ReturnCredited, StepCredit, ReturnCredited, false},
		{ReturnCredited, StepReceive, ReturnCredited, false},
	} {
		got, err := ReturnDoc{Status: c.from}.Next(c.step)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("%s + %s: %s %v", c.from, c.step, got, err)
		}
		if !c.ok && !sameList(errFields(err), []string{"return.status err.return.step"}) {
			t.Errorf("%s + %s: %v", c.from, c.step, errFields(err))
		}
	}
}

func TestLineUsages(t *testing.T) {
	inv := rmaInvoice()
	cn := func(id string, status DocStatus, orig string, qty ...Qty) SalesDoc {
		d := SalesDoc{ID: id, Kind: KindCreditNote, Status: status, OriginalID: orig}
		for i, q := range qty {
			if q != 0 {
				l := inv.Lines[i]
				l.Quantity = -q
				d.Lines = append(d.Lines, l)
			}
		}
		return d
	}
	credits := []SalesDoc{cn("cn1", StatusIssued, "inv", Q(1), Q(3)), cn("cn2", StatusDraft, "inv", Q(1)), cn("cn3", StatusIssued, "inv2", Q(1))}
	returns := []ReturnDoc{
		{InvoiceID: "inv", Status: ReturnDraft, Lines: []ReturnLine{{InvoiceLine: 2, Qty: Q(2)}}},
		{InvoiceID: "inv", Status: ReturnReceived, Lines: []ReturnLine{{InvoiceLine: 2, Qty: Q(1) / 2}}},
		{InvoiceID: "inv", Status: ReturnCredited, Lines: []ReturnLine{{InvoiceLine: 1, Qty: Q(1)}}}, // on cn1 already
		{InvoiceID: "inv2", Status: ReturnDraft, Lines: []ReturnLine{{InvoiceLine: 1, Qty: Q(1)}}},
	}
	// Line 1: 1 credited (cn1). Line 2: 3 credited (cn1), 2 + 0.5 on returns not credited.
	got := LineUsages(inv, credits, returns)
	want := map[int]LineUsage{1: {Credited: Q(1)}, 2: {Credited: Q(3), Returned: Q(5) / 2}}
	if len(got) != len(want) || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("%+v, want %+v", got, want)
	}
	// Two identical lines of 2: a credit of 3 fills the first, then 1 of the second.
	twin := czInvoice(payCompany(), DocLine{ItemID: "x", Text: "Kotouč", Quantity: Q(2), UnitPrice: 5000, VATKind: VATStandard},
		DocLine{ItemID: "x", Text: "Kotouč", Quantity: Q(2), UnitPrice: 5000, VATKind: VATStandard})
	c := SalesDoc{Kind: KindCreditNote, Status: StatusIssued, OriginalID: "inv", Lines: []DocLine{twin.Lines[0]}}
	c.Lines[0].Quantity = -Q(3)
	tw := LineUsages(twin, []SalesDoc{c}, nil)
	if tw[1].Credited != Q(2) || tw[2].Credited != Q(1) {
		t.Errorf("twin lines: %+v", tw)
	}
	// Then line 1 has nothing left, line 2 one piece.
	if Returnable(twin.Lines[0], tw[1]) != 0 || Returnable(twin.Lines[1], tw[2]) != Q(1) {
		t.Error("returnable after the twin credit")
	}
}
