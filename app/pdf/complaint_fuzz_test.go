package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kontor/app"
)

// fuzzComplaint is the test complaint's confirmation and outcome with s in
// every text a person types and amount as the refund.
func fuzzComplaint(t testing.TB, s string, amount int64) (app.ComplaintConfirmation, app.ComplaintOutcome, app.Company) {
	tk := complaintTicket()
	c := confirmation(t, tk, app.Czech)
	o := resolved(t, tk, app.D(2026, 12, 1), app.OutcomeRefunded, "Vráceno.", &app.ReturnDoc{CreditNoteNo: "DB1", RefundDue: amount}, app.English)
	c.Number, c.ItemCode, c.ItemName, c.Serial, c.Lot, c.InvoiceNo, c.Defect, c.Accessories, c.TakenBy = s, s, s, s, s, s, s, s, s
	c.Seller, c.Customer = fuzzParty(c.Seller, s), fuzzParty(c.Customer, s)
	c.Remedy, c.Channel = app.Remedy(s), app.TicketChannel(s)
	o.Number, o.ItemCode, o.ItemName, o.Serial, o.InvoiceNo, o.Defect, o.Resolution, o.CreditNote = s, s, s, s, s, s, s, s
	o.Seller, o.Customer = fuzzParty(o.Seller, s), fuzzParty(o.Customer, s)
	o.Outcome, o.Refund.Currency = app.Outcome(s), s
	o.Days = int(amount % 100_000)
	co := complaintCompany
	co.Name, co.ICO = s, s
	return c, o, co
}

// FuzzComplaintText renders both complaint documents with random Unicode
// in every text and random refunds; each must be a PDF the package's
// parser reads. Run it with
// `go test ./app/pdf -run '^$' -fuzz '^FuzzComplaintText$' -fuzztime 30s`.
func FuzzComplaintText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		c, o, co := fuzzComplaint(t, s, fuzzAmount(amount))
		var b bytes.Buffer
		if err := RenderComplaintConfirmation(&b, c, co, Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		mustParse(t, "confirmation", b.Bytes())
		b.Reset()
		if err := RenderComplaintOutcome(&b, o, co, Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		mustParse(t, "outcome", b.Bytes())
	})
}

// TestComplaintBadInput: a 200-character customer name with emoji, a
// refund of 10^11 Kč, a 4,000-character defect and resolution, an empty
// seller (the company's is used) and no contact at all: both documents
// render, the name is kept with the emoji replaced, the amount whole, the
// long texts cut with "…" on a second page, the footers counting pages.
func TestComplaintBadInput(t *testing.T) {
	tk := complaintTicket()
	name := "Řehoř " + strings.Repeat("Ž", 186) + " 😀🇨🇿 kůň"
	if n := utf8.RuneCountInString(name); n != 200 {
		t.Fatalf("the name has %d characters", n)
	}
	long := strings.Repeat("Přehřátý motor jiskří 🔥 a kouří. ", 125)
	c := confirmation(t, tk, app.Czech)
	c.Customer.Name, c.Defect, c.Seller = name, long, app.Party{}
	text := printText(t, c)
	wantAll(t, text, "Nářadí Šťastný s.r.o.", "IČO 27074358", strings.Repeat("Ž", 40), "Strana 1 z 2", "Strana 2 z 2", "…", "datum 20. 11. 2026")
	if strings.ContainsAny(text, "😀🔥") {
		t.Errorf("an emoji reached the PDF:\n%s", text)
	}
	c.Customer.Email, c.Customer.Phone = "", ""
	wantAll(t, printText(t, c), "písemně na adresu Úzká 5, 286 01 Čáslav")

	o := resolved(t, tk, app.D(2026, 12, 1), app.OutcomeRefunded, long, &app.ReturnDoc{CreditNoteNo: "DB2026-0001", RefundDue: 100_000_000_000_00}, app.Czech)
	o.Customer.Name, o.Defect = name, long
	text = printText(t, o)
	wantAll(t, text, "100 000 000 000,00 Kč", "DB2026-0001", "Strana 2 z 2", "…")
	o.Refund = app.M(-100_000_000_000_00, "CZK")
	wantAll(t, printText(t, o), "-100 000 000 000,00 Kč")
	var b bytes.Buffer
	if err := (Printer{Now: func() time.Time { return created }}).Print(&b, &o, complaintCompany); err != nil {
		t.Fatal(err)
	}
}
