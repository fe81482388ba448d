package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

var complaintCompany = app.Company{Name: "Nářadí Šťastný s.r.o.", ICO: "27074358", DIC: "CZ27074358", Street: "Křižíkova 12",
	City: "Plzeň", Postcode: "301 00", Email: "servis@naradi.cz", Phone: "+420 377 111 222"}

// complaintTicket is a consumer's complaint made on Friday 20. 11. 2026
// about a grinder sold on 2. 11. 2026, its deadline computed by the app.
func complaintTicket() app.Ticket {
	t := app.Ticket{ID: "t1", Number: "RK2026-0007", Kind: app.TicketComplaint, Channel: app.TicketByCounter, Status: app.TicketNew,
		Customer: app.Party{Name: "Jiří Dvořák", Street: "Úzká 5", City: "Čáslav", Postcode: "286 01", Email: "jiri.dvorak@example.cz", Phone: "+420 601 123 456"},
		Consumer: true, InvoiceID: "inv", InvoiceNo: "FV2026-0142", InvoiceLine: 1, SaleDate: app.D(2026, 11, 2),
		ItemCode: "BR-125", ItemName: "Úhlová bruska Žihadlo 125 mm", Serial: "SN-ŘŽ-0042",
		Defect: "Po zapnutí se kotouč neroztočí, vypínač jiskří a je cítit spálenina.", Remedy: app.RemedyRepair,
		Accessories: "kufřík, klíč, boční rukojeť", Complained: app.D(2026, 11, 20),
		Filed: time.Date(2026, 11, 20, 9, 30, 0, 0, time.Local), CreatedBy: "Petra Veselá"}
	return t.WithDeadline(app.AfterSalesSettings{})
}

func confirmation(t testing.TB, tk app.Ticket, lang app.Lang) app.ComplaintConfirmation {
	t.Helper()
	w, err := app.CheckWarranty(app.WarrantyInput{Sale: tk.SaleDate, Consumer: tk.Consumer, Complained: tk.Complained, Shown: tk.DefectShown})
	if err != nil {
		t.Fatal(err)
	}
	c, err := app.ConfirmationOf(tk, app.PartyOfCompany(complaintCompany), w, lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// resolved is tk resolved on day with outcome o and text.
func resolved(t testing.TB, tk app.Ticket, day app.Date, o app.Outcome, text string, r *app.ReturnDoc, lang app.Lang) app.ComplaintOutcome {
	t.Helper()
	tk.Status = app.TicketInProgress
	tk, err := tk.Move(app.TicketResolved, day, time.Date(day.Year(), day.Month(), day.Day(), 15, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	tk.Outcome, tk.Resolution, tk.HandedOver = o, text, day.AddDays(1)
	out, err := app.OutcomeOf(tk, r, "CZK", app.PartyOfCompany(complaintCompany), lang)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// dumped numbers the PDFs KONTOR_PDF_DUMP keeps.
var dumped int

func printText(t *testing.T, doc app.Printable) string {
	t.Helper()
	var b bytes.Buffer
	if err := (Printer{Now: func() time.Time { return created }}).Print(&b, doc, complaintCompany); err != nil {
		t.Fatal(err)
	}
	mustParse(t, doc.PrintName(), b.Bytes())
	path := filepath.Join(t.TempDir(), "complaint.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("KONTOR_PDF_DUMP"); dir != "" {
		dumped++
		_ = os.WriteFile(filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+"-"+strconv.Itoa(dumped)+".pdf"), b.Bytes(), 0o644)
	}
	return strings.Join(pages(t, path), "\n")
}

// flat is s with every run of white space one space, so a sentence
// pdftotext wrapped over lines can be looked for whole.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func wantAll(t *testing.T, text string, want ...string) {
	t.Helper()
	f := flat(text)
	for _, w := range want {
		if !strings.Contains(f, flat(w)) {
			t.Errorf("missing %q in\n%s", w, text)
		}
	}
}

// TestComplaintConfirmationPDF prints a consumer's confirmation and reads
// back what § 19 odst. 1 ZOS and the protocol ask for: the seller with
// IČO, the consumer and contact, date and time, goods, serial, invoice,
// defect, remedy, the 30-day deadline — 20. 11. 2026 + 30 is Sunday
// 20. 12., so Monday 21. 12. (§ 607 OZ) — the warranty with the one-year
// presumption, how the consumer is told, and the signatures.
func TestComplaintConfirmationPDF(t *testing.T) {
	tk := complaintTicket()
	if tk.Deadline != app.D(2026, 12, 21) {
		t.Fatalf("deadline %v, want 21. 12. 2026", tk.Deadline)
	}
	text := printText(t, confirmation(t, tk, app.Czech))
	wantAll(t, text, "Potvrzení o uplatnění reklamace", "č. RK2026-0007", "Nářadí Šťastný s.r.o.", "IČO 27074358", "DIČ CZ27074358",
		"Křižíkova 12, 301 00 Plzeň", "Kupující (spotřebitel)", "Jiří Dvořák", "Úzká 5, 286 01 Čáslav",
		"jiri.dvorak@example.cz", "+420 601 123 456", "Uplatněna dne a v 20. 11. 2026 09:30", "osobně v provozovně",
		"BR-125 – Úhlová bruska Žihadlo 125 mm", "SN-ŘŽ-0042", "FV2026-0142", "2. 11. 2026", "kufřík, klíč, boční rukojeť",
		"Reklamaci přijal Petra Veselá", "Po zapnutí se kotouč neroztočí, vypínač jiskří a je cítit spálenina.",
		"Požadovaný způsob vyřízení", "oprava",
		"nejpozději do 21. 12. 2026, tj. do 30 dnů od jejího uplatnění (§ 19 odst. 3 zákona č. 634/1992 Sb.",
		"máte právo od smlouvy odstoupit nebo požadovat přiměřenou slevu",
		"Zboží je v době reklamace v záruce (24 měsíců, do 2. 11. 2028, ještě 713 dní).",
		"do jednoho roku od převzetí věci (do 2. 11. 2027): má se za to, že věc byla vadná již při převzetí (§ 2161",
		"O vyřízení reklamace Vás vyrozumíme", "e-mailem na adresu jiri.dvorak@example.cz", "telefonicky na čísle +420 601 123 456",
		"Za prodávajícího", "podpis", "datum 20. 11. 2026", "Strana 1 z 1")
	if strings.Contains(text, "Datum uplatnění") {
		t.Errorf("the complaint day repeated though it is the filing day:\n%s", text)
	}

	// English, the defect shown 13 months after the sale: in warranty, no
	// presumption; made by e-mail, taken the next morning.
	late := complaintTicket()
	late.SaleDate, late.Complained, late.DefectShown, late.Channel = app.D(2025, 10, 1), app.D(2026, 11, 20), app.D(2026, 11, 10), app.TicketByEmail
	late.Filed = time.Date(2026, 11, 21, 8, 10, 0, 0, time.Local) // the e-mail of Friday evening, taken on Saturday
	late.Customer.Phone = ""
	text = printText(t, confirmation(t, late, app.English))
	wantAll(t, text, "Confirmation of a complaint", "No. RK2026-0007", "Buyer (consumer)", "by e-mail", "Made on 21 Nov 2026 08:10",
		"Date of the complaint 20 Nov 2026", "Defect showed on 10 Nov 2026", "repair",
		"by 21 Dec 2026 at the latest, i.e. within 30 days", "in warranty on the day of the complaint (24 months, until 1 Oct 2027",
		"presumed to have existed at the takeover (§ 2161 of the Civil Code) ended on 1 Oct 2026.",
		"We will tell you of the resolution", "by e-mail to jiri.dvorak@example.cz", "Page 1 of 1")
	if strings.Contains(flat(text), "by phone at") {
		t.Errorf("a phone promised without a number:\n%s", text)
	}
}

// TestComplaintConfirmationBusiness: a business customer gets the
// company's deadline and the item's own warranty, and no consumer
// sentences; a business with no deadline set and no warranty is told so.
func TestComplaintConfirmationBusiness(t *testing.T) {
	tk := complaintTicket()
	tk.Consumer = false
	tk.Customer = app.Party{Name: "Stavby Říha a.s.", ICO: "12345679", Email: "nakup@riha.cz"}
	tk = tk.WithDeadline(app.AfterSalesSettings{BusinessComplaintDays: 15}) // 20. 11. + 15 = Saturday 5. 12. → Monday 7. 12.
	w, err := app.CheckWarranty(app.WarrantyInput{Sale: tk.SaleDate, ItemMonths: 36, Complained: tk.Complained})
	if err != nil {
		t.Fatal(err)
	}
	c, err := app.ConfirmationOf(tk, app.PartyOfCompany(complaintCompany), w, app.Czech)
	if err != nil {
		t.Fatal(err)
	}
	text := printText(t, c)
	wantAll(t, text, "Kupující (podnikatel)", "Stavby Říha a.s.", "IČO 12345679", "nejpozději do 7. 12. 2026, jak stanoví smluvní podmínky.",
		"(36 měsíců, do 2. 11. 2029")
	for _, no := range []string{"30 dnů", "§ 2161", "odstoupit"} {
		if strings.Contains(flat(text), no) {
			t.Errorf("a consumer's sentence %q on a business confirmation:\n%s", no, text)
		}
	}
	c.Deadline, c.Warranty = app.Date{}, app.Warranty{}
	wantAll(t, printText(t, c), "Lhůtu pro vyřízení stanoví smlouva", "Na zboží nebyla poskytnuta záruka za jakost.")
}

// TestComplaintOutcomePDF prints each outcome: a repair with its duration
// against the deadline, a replacement (a new 24 months for a consumer), a
// refund with its credit note and amount, and a refusal with its reasons.
func TestComplaintOutcomePDF(t *testing.T) {
	tk := complaintTicket()
	rep := resolved(t, tk, app.D(2026, 12, 1), app.OutcomeRepaired, "Vyměněn vypínač a uhlíky; přezkoušeno pod zátěží.", nil, app.Czech)
	text := printText(t, rep)
	wantAll(t, text, "Vyřízení reklamace", "č. RK2026-0007", "Nářadí Šťastný s.r.o.", "IČO 27074358", "Jiří Dvořák",
		"Reklamované zboží", "Datum uplatnění 20. 11. 2026", "Úhlová bruska Žihadlo 125 mm", "SN-ŘŽ-0042", "FV2026-0142",
		"Reklamace uznána – vada odstraněna opravou", "Datum vyřízení 1. 12. 2026",
		"11 dní od uplatnění (lhůta do 21. 12. 2026 – dodržena)", "Datum předání 2. 12. 2026",
		"Popis vyřízení (provedená oprava)", "Vyměněn vypínač a uhlíky; přezkoušeno pod zátěží.",
		"Kupující obdrží", "opravenou věc", "Převzal kupující", "datum 2. 12. 2026")

	text = printText(t, resolved(t, tk, app.D(2026, 12, 22), app.OutcomeReplaced, "Vyměněno za nový kus, v. č. SN-0099.", nil, app.Czech))
	wantAll(t, text, "Reklamace uznána – věc vyměněna za novou", "32 dní od uplatnění (lhůta do 21. 12. 2026 – překročena)",
		"novou věc; záruční doba 24 měsíců běží znovu od jejího převzetí")

	ret := &app.ReturnDoc{CreditNoteNo: "DB2026-0003", RefundDue: 100_000_000_000_00}
	text = printText(t, resolved(t, tk, app.D(2026, 12, 10), app.OutcomeRefunded, "Vráceno zboží, vrácena kupní cena.", ret, app.Czech))
	wantAll(t, text, "Reklamace uznána – kupní cena vrácena", "vrácení kupní ceny", "Částka k vrácení 100 000 000 000,00 Kč",
		"Opravný daňový doklad DB2026-0003", "Popis vyřízení Vráceno zboží")

	text = printText(t, resolved(t, tk, app.D(2026, 11, 27), app.OutcomeRefused,
		"Vada vznikla mechanickým poškozením: kotouč byl zaseknut, kryt je prasklý nárazem. Posudek servisu č. 17/2026.", nil, app.English))
	wantAll(t, text, "Resolution of a complaint", "Complaint refused", "Reasons for the refusal",
		"Vada vznikla mechanickým poškozením: kotouč byl zaseknut, kryt je prasklý nárazem.", "the goods back without repair",
		"7 days from the complaint (deadline 21 Dec 2026 – kept)")
	if strings.Contains(text, "(the repair done)") {
		t.Errorf("a refusal headed as a repair:\n%s", text)
	}
}

// TestPrintAllComplaints: both kinds go through PrintAll among invoices,
// as values or pointers.
func TestPrintAllComplaints(t *testing.T) {
	tk := complaintTicket()
	c := confirmation(t, tk, app.Czech)
	o := resolved(t, tk, app.D(2026, 12, 1), app.OutcomeRepaired, "Opraveno.", nil, app.Czech)
	docs := []app.Printable{&c, czkInvoice(), o, &o, c}
	var b bytes.Buffer
	pr := Printer{Now: func() time.Time { return created }}
	if err := pr.PrintAll(t.Context(), &b, pullPrintables(docs), complaintCompany, nil); err != nil {
		t.Fatal(err)
	}
	mustParse(t, "PrintAll", b.Bytes())
	path := filepath.Join(t.TempDir(), "all.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages(t, path), "\n")
	if strings.Count(text, "Potvrzení o uplatnění reklamace") != 2 || strings.Count(text, "Vyřízení reklamace") != 2 {
		t.Errorf("PrintAll text:\n%s", text)
	}
	var nilC *app.ComplaintConfirmation
	if err := pr.Print(&b, nilC, complaintCompany); err == nil {
		t.Error("a nil confirmation printed")
	}
}

// BenchmarkRenderComplaintConfirmation renders one confirmation.
func BenchmarkRenderComplaintConfirmation(b *testing.B) {
	c := confirmation(b, complaintTicket(), app.Czech)
	opt := csOpts()
	b.ReportAllocs()
	for b.Loop() {
		if err := RenderComplaintConfirmation(&countingWriter{}, c, complaintCompany, opt); err != nil {
			b.Fatal(err)
		}
	}
}
