package aftersales

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/kittest"
)

// TestReturnFlow: from a complaint of the coffee (3 invoiced, paid), the
// return dialog shows 3 left; 4 is refused at the lines with nothing
// written; 2 make the return, whose receipt and credit note are each
// confirmed in a dialog; the credit note and the refund due show on the
// ticket, and what came back leaves 1.
func TestReturnFlow(t *testing.T) {
	s := newASStore(t)
	ctx := s.db.Ctx
	if _, err := s.db.RecordPayment(ctx, app.Payment{DocID: s.inv.ID, Date: app.D(2026, 11, 3), Amount: app.M(s.inv.Totals.Total, "CZK"), Method: "bank"}); err != nil {
		t.Fatal(err)
	}
	tk := s.complaint("Káva zavlhlá", app.D(2026, 11, 19))
	tk.InvoiceLine, tk.Remedy = 2, app.RemedyWithdraw
	tk, err := s.db.SaveTicket(ctx, tk)
	if err != nil {
		t.Fatal(err)
	}
	a := openTab(t, s.db)
	a.v.openTicket(tk.ID)
	a.tap(t, "Return goods…")
	f := a.v.ret
	if f == nil || f.fd == nil {
		t.Fatal("no return dialog")
	}
	if f.left[1].Text != "3 ks" || f.qty[1].Text != "1" {
		t.Errorf("left %q, proposed %q", f.left[1].Text, f.qty[1].Text)
	}
	kittest.Retype(f.qty[1], "4")
	kittest.TapDialog(t, a.w, "Create return")
	if msg := f.fd.Form.Message("return.lines"); !strings.Contains(msg, "more than the 3") {
		t.Errorf("too much refused with %q", msg)
	}
	if rs, _ := s.db.Returns(ctx, tk.ID, ""); len(rs) != 0 {
		t.Fatalf("returns written: %+v", rs)
	}
	kittest.Retype(f.qty[1], "2")
	kittest.TapDialog(t, a.w, "Create return")
	rs, err := s.db.Returns(ctx, tk.ID, "")
	if err != nil || len(rs) != 1 || rs[0].Status != app.ReturnDraft || rs[0].Lines[0].Qty != app.Q(2) {
		t.Fatalf("returns %+v %v", rs, err)
	}
	a.tap(t, "Receive the goods…")
	contains(t, "receive dialog", kittest.DialogText(a.w), "2 ks Káva zrnková 1 kg", "back in stock where they left from") // the company names no defective-goods location
	kittest.TapDialog(t, a.w, "Receive")
	a.tap(t, "Issue the credit note…")
	contains(t, "credit dialog", kittest.DialogText(a.w), "against invoice "+s.inv.Number)
	kittest.TapDialog(t, a.w, "Issue credit note")
	r, err := s.db.Return(ctx, rs[0].ID)
	if err != nil || r.Status != app.ReturnCredited || r.CreditNoteNo == "" || r.RefundDue != r.Credited || r.Credited != 2*45000*112/100 {
		t.Fatalf("return %+v %v", r, err)
	}
	contains(t, "ticket", kittest.Texts(a.v.UI()), "Credit note "+r.CreditNoteNo, "refund due")
	used, _ := s.db.ReturnUsage(ctx, s.inv.ID)
	if left := app.Returnable(s.inv.Lines[1], used[2]); left != app.Q(1) {
		t.Errorf("left after the return %v", left)
	}
	test.Tap(kittest.Button(t, a.v.UI(), "Tickets"))
	if a.v.detail != nil {
		t.Error("Tickets did not go back to the list")
	}
}
