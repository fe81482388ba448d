package aftersales

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/kittest"
)

// TestComplaintFromIntakeToOutcome walks a consumer's complaint as a user
// would: the intake form typed in Czech, the confirmation offered at once,
// a comment, the status moves, closing refused without a resolution, the
// resolution, and the outcome PDF with the customer and the outcome.
func TestComplaintFromIntakeToOutcome(t *testing.T) {
	s := newASStore(t)
	a := openTab(t, s.db)
	a.tap(t, "New ticket")
	f := a.v.form
	if f == nil {
		t.Fatal("no ticket form")
	}
	test.Tap(kittest.Button(t, a.w.Canvas().Overlays().Top(), "Choose…"))
	search := kittest.OverlayEntry(t, a.w, 0)
	test.Type(search, "Dvořák")
	search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.t.CustomerID != s.cust.ID || !f.consumer.Checked {
		t.Fatalf("customer %q consumer %v", f.t.CustomerID, f.consumer.Checked)
	}
	if len(f.invLine.Options) != 2 || !strings.Contains(f.invLine.Options[0], "Mlýnek na kávu Šťastná 3000") {
		t.Fatalf("invoice lines %q", f.invLine.Options)
	}
	f.invLine.SetSelectedIndex(0)
	test.Type(f.subject, "Mlýnek nejde zapnout")
	test.Type(f.defect, "Po zapnutí cvakne a zhasne; žluťoučký displej nesvítí")
	f.remedy.SetSelected("Repair")
	test.Type(f.accessories, "krabice, návod")
	f.complained.SetText("")
	test.Type(f.complained, "18. 11. 2026")
	kittest.TapDialog(t, a.w, "Save")

	tickets, n, err := s.db.Tickets(s.db.Ctx, app.TicketFilter{}, 0, 10)
	if err != nil || n != 1 {
		t.Fatalf("tickets %d %v", n, err)
	}
	tk := tickets[0]
	if tk.Subject != "Mlýnek nejde zapnout" || tk.ItemName != "Mlýnek na kávu Šťastná 3000" || tk.Deadline != app.D(2026, 12, 18) || tk.Assignee == "" {
		t.Fatalf("ticket %+v", tk)
	}
	// The confirmation is offered at once; its PDF names the customer.
	contains(t, "offer", kittest.DialogText(a.w), "Complaint "+tk.Number+" is filed")
	kittest.TapDialog(t, a.w, "Save PDF…")
	kittest.CloseDialogs(a.w)
	conf := filepath.Join(t.TempDir(), "potvrzeni.pdf")
	a.v.writeDoc(tk, false, conf, func() {})
	contains(t, "confirmation PDF", pdfText(t, conf), "Jiří Dvořák", tk.Number, "Po zapnutí cvakne a zhasne")

	d := a.v.detail
	if d == nil || d.t.ID != tk.ID {
		t.Fatal("the saved ticket did not open")
	}
	ui := kittest.Texts(a.v.UI())
	contains(t, "detail", ui, "In warranty (24 months) until 2 Nov 2028: 715 days left", "presumed to have existed at the sale", "Deadline 18 Dec 2026 (28 days left)")

	test.Type(d.comment, "Zákazník volal 📞 — čeká na opravu")
	test.Tap(d.addNote)
	contains(t, "comments", kittest.Texts(a.v.UI()), "Zákazník volal 📞 — čeká na opravu")
	if d.comment.Text != "" {
		t.Errorf("comment entry kept %q", d.comment.Text)
	}

	a.tap(t, "Start work")
	a.tap(t, "Wait for supplier")
	if d.t.Status != app.TicketWaitingSupplier {
		t.Fatalf("status %s", d.t.Status)
	}
	a.tap(t, "Resolve…")
	r := a.v.resolve
	r.outcome.SetSelected("Repaired")
	kittest.TapDialog(t, a.w, "Resolve")
	if d.t.Status != app.TicketResolved {
		t.Fatalf("status %s", d.t.Status)
	}
	// Closing without a resolution is refused at its field; nothing moves.
	a.tap(t, "Close…")
	r = a.v.resolve
	kittest.TapDialog(t, a.w, "Close")
	if msg := r.fd.Form.Message("ticket.resolution"); !strings.Contains(msg, "how the case was resolved") {
		t.Errorf("resolution refusal %q", msg)
	}
	if got, _ := s.db.Ticket(s.db.Ctx, tk.ID); got.Status != app.TicketResolved {
		t.Fatalf("closed without a resolution: %s", got.Status)
	}
	test.Type(r.resolution, "Vyměněn spínač, přístroj přezkoušen")
	kittest.TapDialog(t, a.w, "Close")
	if d.t.Status != app.TicketClosed || d.t.Resolution != "Vyměněn spínač, přístroj přezkoušen" {
		t.Fatalf("ticket %s %q", d.t.Status, d.t.Resolution)
	}
	if d.addNote.Disabled() == false || d.outcome.Disabled() {
		t.Error("a closed ticket takes comments, or has no outcome PDF")
	}
	out := filepath.Join(t.TempDir(), "vyrizeni.pdf")
	a.v.writeDoc(d.t, true, out, func() {})
	contains(t, "outcome PDF", pdfText(t, out), "Jiří Dvořák", tk.Number, "Vyměněn spínač, přístroj přezkoušen", "opravenou věc")
}

// TestTicketRefusedAtField: a complaint dated before the sale is refused at
// the complaint date, and nothing is written.
func TestTicketRefusedAtField(t *testing.T) {
	s := newASStore(t)
	a := openTab(t, s.db)
	a.tap(t, "New ticket")
	f := a.v.form
	f.setCustomer(s.cust)
	f.invLine.SetSelectedIndex(0)
	test.Type(f.subject, "Reklamace mlýnku")
	test.Type(f.defect, "Drhne")
	f.remedy.SetSelected("Replacement")
	f.complained.SetText("")
	test.Type(f.complained, "1. 10. 2026")
	kittest.TapDialog(t, a.w, "Save")
	if msg := f.fs.Message("ticket.complained"); !strings.Contains(msg, "cannot be before the sale") {
		t.Errorf("complaint date refusal %q", msg)
	}
	if _, n, _ := s.db.Tickets(s.db.Ctx, app.TicketFilter{}, 0, 1); n != 0 {
		t.Errorf("%d tickets written", n)
	}
	// A serial never sold on the invoice is refused at the serial.
	f.complained.SetText("19. 11. 2026")
	test.Type(f.serial, "SN-NEPRODANÉ-1")
	kittest.TapDialog(t, a.w, "Save")
	if msg := f.fs.Message("ticket.serial"); !strings.Contains(msg, "SN-NEPRODANÉ-1") {
		t.Errorf("serial refusal %q", msg)
	}
	if _, n, _ := s.db.Tickets(s.db.Ctx, app.TicketFilter{}, 0, 1); n != 0 {
		t.Errorf("%d tickets written", n)
	}
}

// TestOverdueMarkedRed: on Tuesday 8 December a complaint of 2 November
// (deadline Wednesday 2 December) is overdue: its deadline is red with the
// days overdue, the overview counts it and "Overdue only" keeps it; the one
// of 10 November (deadline Thursday 10 December) is named in the overview
// as due this week; the one of 19 November (deadline 19 December, a
// Saturday, so Monday 21 December) is neither.
func TestOverdueMarkedRed(t *testing.T) {
	s := newASStore(t)
	ctx := s.db.Ctx
	var tks []app.Ticket
	for _, c := range []struct {
		subject string
		day     app.Date
	}{{"Pozdní reklamace", app.D(2026, 11, 2)}, {"Tento týden", app.D(2026, 11, 10)}, {"Příští měsíc", app.D(2026, 11, 19)}} {
		tk, err := s.db.SaveTicket(ctx, s.complaint(c.subject, c.day))
		if err != nil {
			t.Fatal(err)
		}
		tks = append(tks, tk)
	}
	if tks[2].Deadline != app.D(2026, 12, 21) {
		t.Fatalf("deadline %v", tks[2].Deadline)
	}
	s.db.Clock.Advance(app.D(2026, 12, 8).Time(time.UTC).Sub(app.D(2026, 11, 20).Time(time.UTC)))
	a := openTab(t, s.db)
	p := a.v.list
	if p.rows.Count != 3 {
		t.Fatalf("%d rows", p.rows.Count)
	}
	deadlines := map[string]*widget.Label{}
	for row := 0; row < 3; row++ {
		tk, _ := p.rows.Row(row)
		cell := widget.NewLabel("")
		p.updateCell(widget.TableCellID{Row: row, Col: 7}, cell)
		deadlines[tk.Subject] = cell
	}
	if c := deadlines["Pozdní reklamace"]; c.Importance != widget.DangerImportance || c.Text != "2 Dec 2026 (6 days overdue)" {
		t.Errorf("overdue cell %q importance %v", c.Text, c.Importance)
	}
	for _, subj := range []string{"Tento týden", "Příští měsíc"} {
		if c := deadlines[subj]; c.Importance == widget.DangerImportance {
			t.Errorf("%s marked red: %q", subj, c.Text)
		}
	}
	if c := deadlines["Tento týden"]; c.Text != "10 Dec 2026 (2 days left)" {
		t.Errorf("due this week %q", c.Text)
	}
	contains(t, "overview", p.due.Text, "1 case due this week", "1 overdue")
	contains(t, "overview list", kittest.ButtonsText(p.dueList), tks[1].Number+" · Jiří Dvořák · Tento týden")
	if strings.Contains(kittest.ButtonsText(p.dueList), "Pozdní") {
		t.Error("the overview names an overdue ticket as due this week")
	}
	p.overdue.SetChecked(true)
	if tk, ok := p.rows.Row(0); p.rows.Count != 1 || !ok || tk.ID != tks[0].ID {
		t.Errorf("overdue only: %d rows, first %+v", p.rows.Count, tk)
	}
}
