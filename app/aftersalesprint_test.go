package app

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestConfirmationOf(t *testing.T) {
	seller := PartyOfCompany(payCompany())
	tk := complaint().WithDeadline(AfterSalesSettings{})
	w, err := CheckWarranty(WarrantyInput{Sale: tk.SaleDate, Consumer: true, Complained: tk.Complained})
	if err != nil {
		t.Fatal(err)
	}
	c, err := ConfirmationOf(tk, seller, w, "")
	if err != nil {
		t.Fatal(err)
	}
	// Complaint Friday 20. 11. 2026: + 30 = Sunday 20. 12. → Monday 21. 12.
	if c.Deadline != D(2026, 12, 21) || c.Complained != D(2026, 11, 20) || !c.Filed.Equal(tk.Filed) || c.Number != "RK2026-0001" {
		t.Errorf("dates: %+v", c)
	}
	// § 19 odst. 1 ZOS: date, content, remedy, contact; and the protocol's product, serial, purchase document.
	if c.Defect != tk.Defect || c.Remedy != RemedyRepair || c.Customer.Email != "jiri@example.cz" || c.Customer.Phone == "" ||
		c.Serial != "SN-1" || c.InvoiceNo != "FV2026-0001" || c.ItemName != "Úhlová bruska" || c.Seller.Name != seller.Name || c.TakenBy != "admin" {
		t.Errorf("contents: %+v", c)
	}
	// Sold 2. 11. 2026, complained 20. 11.: in warranty to 2. 11. 2028
	// (Thursday), presumed (within the year to 2. 11. 2027).
	if !c.Warranty.InWarranty || !c.Warranty.Presumed || c.Warranty.ClaimBy != D(2028, 11, 2) || c.PrintLang() != Czech || c.PrintName() != "RK2026-0001" {
		t.Errorf("warranty %+v", c.Warranty)
	}
	bad := tk
	bad.Kind, bad.Number, bad.Defect, bad.Remedy, bad.Customer.Email, bad.Customer.Phone, bad.Complained = TicketQuestion, "", "", "", "", "", Date{}
	want := []string{"ticket.kind err.ticket.not_complaint", "ticket.number err.ticket.unsaved", "ticket.complained err.ticket.complained",
		"ticket.defect err.ticket.defect", "ticket.remedy err.ticket.remedy", "ticket.contact err.ticket.contact"}
	if _, err := ConfirmationOf(bad, seller, w, Czech); !sameList(errFields(err), want) {
		t.Errorf("bad confirmation:\n got %v\nwant %v", errFields(err), want)
	}
}

func TestOutcomeOf(t *testing.T) {
	seller := PartyOfCompany(payCompany())
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	tk := complaint().WithDeadline(AfterSalesSettings{})
	tk.Status = TicketInProgress
	if _, err := OutcomeOf(tk, nil, "CZK", seller, Czech); err == nil {
		t.Fatal("outcome of an open case")
	}
	tk, err := tk.Move(TicketResolved, D(2026, 12, 1), now)
	if err != nil {
		t.Fatal(err)
	}
	tk.Outcome, tk.Resolution = OutcomeRepaired, "Vyměněn vypínač."
	o, err := OutcomeOf(tk, nil, "CZK", seller, English)
	// 20. 11. → 1. 12.: 10 days to 30. 11., 11 to 1. 12.; deadline 21. 12.
	if err != nil || o.Days != 11 || o.Late || o.ResolvedOn != D(2026, 12, 1) || o.Outcome != OutcomeRepaired || o.Resolution != "Vyměněn vypínač." || o.PrintLang() != English {
		t.Fatalf("%v %+v", err, o)
	}
	// Resolved after the deadline: late.
	late := tk
	late.ResolvedOn = D(2026, 12, 22)
	if o, _ := OutcomeOf(late, nil, "CZK", seller, Czech); !o.Late || o.Days != 32 {
		t.Errorf("late %+v", o)
	}
	// A refusal needs its written reasons.
	ref := tk
	ref.Outcome, ref.Resolution = OutcomeRefused, ""
	if _, err := OutcomeOf(ref, nil, "CZK", seller, Czech); !sameList(errFields(err), []string{"ticket.resolution err.ticket.refusal_reasons"}) {
		t.Errorf("refusal without reasons: %v", errFields(err))
	}
	// A refund names the credit note and the amount.
	fund := tk
	fund.Outcome = OutcomeRefunded
	r := &ReturnDoc{CreditNoteNo: "OD2026-0001", RefundDue: 240790}
	if o, err := OutcomeOf(fund, r, "CZK", seller, Czech); err != nil || o.CreditNote != "OD2026-0001" || o.Refund != M(240790, "CZK") {
		t.Errorf("refund %v %+v", err, o)
	}
}

// A ticket stores its attachments' metadata, never their content.
func TestTicketJSON(t *testing.T) {
	tk := complaint()
	tk.Attachments = []Attachment{{ID: "a1", Name: "vada.png", MIME: "image/png", Size: 4, Data: []byte("data")}}
	b, err := json.Marshal(tk)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "ZGF0YQ") || !strings.Contains(string(b), `"complained":"2026-11-20"`) {
		t.Errorf("%s", b)
	}
	var back Ticket
	if err := json.Unmarshal(b, &back); err != nil || back.Complained != tk.Complained || back.Attachments[0].Data != nil || back.Subject != tk.Subject {
		t.Errorf("%v %+v", err, back)
	}
}
