package app

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The status machine, every pair: allowed moves marked, everything else
// (staying put, skipping work, leaving closed) refused.
func TestTransitionTable(t *testing.T) {
	allowed := map[[2]TicketStatus]bool{
		{TicketNew, TicketInProgress}:                  true,
		{TicketInProgress, TicketWaitingCustomer}:      true,
		{TicketInProgress, TicketWaitingSupplier}:      true,
		{TicketInProgress, TicketResolved}:             true,
		{TicketWaitingCustomer, TicketInProgress}:      true,
		{TicketWaitingCustomer, TicketWaitingSupplier}: true,
		{TicketWaitingCustomer, TicketResolved}:        true,
		{TicketWaitingSupplier, TicketInProgress}:      true,
		{TicketWaitingSupplier, TicketWaitingCustomer}: true,
		{TicketWaitingSupplier, TicketResolved}:        true,
		{TicketResolved, TicketClosed}:                 true,
		{TicketResolved, TicketInProgress}:             true, // reopened
	}
	all := append(append([]TicketStatus(nil), TicketStatuses...), "bogus")
	n := 0
	for _, from := range all {
		for _, to := range all {
			err := Transition(from, to)
			if allowed[[2]TicketStatus{from, to}] {
				n++
				if err != nil {
					t.Errorf("%s → %s refused: %v", from, to, err)
				}
				continue
			}
			if got := errFields(err); !sameList(got, []string{"ticket.status err.ticket.transition"}) {
				t.Errorf("%s → %s: %v", from, to, got)
			}
		}
	}
	if n != 12 {
		t.Errorf("%d allowed moves checked, want 12", n)
	}
}

func complaint() Ticket {
	return Ticket{ID: "t1", Number: "RK2026-0001", Kind: TicketComplaint, Channel: TicketByCounter, Priority: PriorityNormal, Status: TicketNew,
		CustomerID: "c1", Customer: Party{Name: "Jiří Dvořák", Email: "jiri@example.cz", Phone: "+420 601 123 456"}, Consumer: true,
		InvoiceID: "inv", InvoiceNo: "FV2026-0001", InvoiceLine: 1, SaleDate: D(2026, 11, 2), ItemName: "Úhlová bruska", Serial: "SN-1",
		Subject: "Bruska nejde zapnout 🔌", Defect: "Po zapnutí nic, vypínač nereaguje.", Remedy: RemedyRepair,
		Complained: D(2026, 11, 20), Filed: time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC), CreatedBy: "admin"}
}

func TestTicketValidate(t *testing.T) {
	ok := complaint()
	ok.Normalize()
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	// A question needs no invoice, defect or remedy.
	q := Ticket{Kind: TicketQuestion, CustomerID: "c1", Subject: "Máte náhradní kotouče?", Complained: D(2026, 11, 20)}
	q.Normalize()
	if err := q.Validate(); err != nil || q.Status != TicketNew || q.Channel != TicketByCounter || q.Priority != PriorityNormal {
		t.Fatalf("question: %v %+v", err, q)
	}
	bad := Ticket{Kind: "gripe", Channel: "fax", Priority: "urgent", Status: "lost", Subject: strings.Repeat("ř", 201)}
	want := []string{"ticket.kind err.ticket.kind", "ticket.channel err.ticket.channel", "ticket.priority err.ticket.priority",
		"ticket.status err.ticket.status", "ticket.customer err.ticket.customer", "ticket.subject err.ticket.too_long", "ticket.complained err.ticket.complained"}
	if got := errFields(bad.Validate()); !sameList(got, want) {
		t.Errorf("bad ticket:\n got %v\nwant %v", got, want)
	}
	// A complaint without its invoice line, defect or remedy, dated before the sale.
	c := complaint()
	c.InvoiceLine, c.Defect, c.Remedy, c.Complained = 0, "", "", D(2026, 11, 1)
	want = []string{"ticket.invoice_line err.ticket.invoice_line", "ticket.complained err.ticket.before_sale", "ticket.defect err.ticket.defect", "ticket.remedy err.ticket.remedy"}
	if got := errFields(c.Validate()); !sameList(got, want) {
		t.Errorf("bad complaint:\n got %v\nwant %v", got, want)
	}
	// A business complaint may leave the remedy to the contract; an
	// unknown remedy is refused for anyone.
	b := complaint()
	b.Consumer, b.Remedy = false, ""
	if err := b.Validate(); err != nil {
		t.Errorf("business without remedy: %v", err)
	}
	b.Remedy = "miracle"
	if got := errFields(b.Validate()); !sameList(got, []string{"ticket.remedy err.ticket.remedy"}) {
		t.Errorf("unknown remedy: %v", got)
	}
	// Closed without resolution and outcome.
	cl := complaint()
	cl.Status = TicketClosed
	if got := errFields(cl.Validate()); !sameList(got, []string{"ticket.resolution err.ticket.resolution", "ticket.outcome err.ticket.outcome"}) {
		t.Errorf("closed without resolution: %v", got)
	}
	// The defect showed after the complaint.
	sh := complaint()
	sh.DefectShown = D(2026, 11, 21)
	if got := errFields(sh.Validate()); !sameList(got, []string{"ticket.defect_shown err.ticket.shown"}) {
		t.Errorf("shown after the complaint: %v", got)
	}
	sh.DefectShown = D(2026, 11, 15)
	if err := sh.Validate(); err != nil {
		t.Errorf("shown before the complaint: %v", err)
	}
	// A 4001-character defect.
	long := complaint()
	long.Defect = strings.Repeat("a", MaxTicketText+1)
	if got := errFields(long.Validate()); !sameList(got, []string{"ticket.defect err.ticket.too_long"}) {
		t.Errorf("long defect: %v", got)
	}
}

func TestTicketMove(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	tk := complaint()
	var err error
	for _, to := range []TicketStatus{TicketInProgress, TicketWaitingSupplier, TicketInProgress, TicketResolved} {
		if tk, err = tk.Move(to, D(2026, 12, 1), now); err != nil {
			t.Fatalf("→ %s: %v", to, err)
		}
	}
	if tk.ResolvedOn != D(2026, 12, 1) || tk.Status != TicketResolved || !tk.Updated.Equal(now) {
		t.Fatalf("resolved: %+v", tk)
	}
	// Closing without the resolution text: refused, nothing changed.
	_, err = tk.Move(TicketClosed, D(2026, 12, 3), now)
	if got := errFields(err); !sameList(got, []string{"ticket.resolution err.ticket.resolution", "ticket.outcome err.ticket.outcome"}) {
		t.Errorf("close without resolution: %v", got)
	}
	tk.Resolution, tk.Outcome = "  Vyměněn vypínač, oprava 11 dní.  ", OutcomeRepaired
	closed, err := tk.Move(TicketClosed, D(2026, 12, 3), now)
	if err != nil || closed.Status != TicketClosed || closed.HandedOver != D(2026, 12, 3) || closed.Resolution != "Vyměněn vypínač, oprava 11 dní." {
		t.Fatalf("close: %v %+v", err, closed)
	}
	if _, err := closed.Move(TicketInProgress, D(2026, 12, 4), now); err == nil {
		t.Error("a closed ticket moved")
	}
	// Reopening a resolved ticket clears its resolution day.
	re, err := tk.Move(TicketInProgress, D(2026, 12, 2), now)
	if err != nil || !re.ResolvedOn.IsZero() {
		t.Errorf("reopen: %v %s", err, re.ResolvedOn)
	}
	// Skipping work: new → resolved refused.
	if _, err := complaint().Move(TicketResolved, D(2026, 12, 1), now); err == nil {
		t.Error("new → resolved allowed")
	}
}

func TestTicketComments(t *testing.T) {
	now := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	tk := complaint()
	got, err := tk.AddComment("petra", "  Zákazník volal, přiveze nabíječku 👍 ", now)
	if err != nil || len(got.Comments) != 1 || got.Comments[0] != (TicketComment{User: "petra", Time: now, Text: "Zákazník volal, přiveze nabíječku 👍"}) {
		t.Fatalf("%v %+v", err, got.Comments)
	}
	if len(tk.Comments) != 0 {
		t.Error("AddComment changed the original")
	}
	for name, c := range map[string]struct {
		t    Ticket
		text string
		key  string
	}{
		"empty":  {tk, "   ", "err.ticket.comment_empty"},
		"long":   {tk, strings.Repeat("ž", MaxTicketText+1), "err.ticket.too_long"},
		"closed": {Ticket{Status: TicketClosed}, "late", "err.ticket.closed"},
		"full":   {Ticket{Status: TicketNew, Comments: make([]TicketComment, MaxTicketComments)}, "one more", "err.ticket.comments"},
	} {
		_, err := c.t.AddComment("petra", c.text, now)
		if got := errFields(err); !sameList(got, []string{"ticket.comment " + c.key}) {
			t.Errorf("%s: %v", name, got)
		}
	}
}

// The smallest files the sniffer knows.
var (
	pngHead  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	jpegHead = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")
	pdfHead  = []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")
	gifHead  = []byte("GIF89a\x01\x00\x01\x00")
	webpHead = []byte("RIFF\x24\x00\x00\x00WEBPVP8 ")
)

func TestNewAttachment(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for name, c := range map[string]struct {
		file string
		data []byte
		mime string
	}{
		"png":  {"fotka vady.png", pngHead, "image/png"},
		"jpeg": {"IMG_0001.JPG", jpegHead, "image/jpeg"},
		"pdf":  {"účtenka.pdf", pdfHead, "application/pdf"},
		"gif":  {"a.gif", gifHead, "image/gif"},
		"webp": {"a.webp", webpHead, "image/webp"},
		// The type comes from the content: a PDF named .jpg is a PDF.
		"misnamed": {"scan.jpg", pdfHead, "application/pdf"},
		// A path is cut to its base name, a Windows one too.
		"path": {`C:\Users\jana\Plocha\vada.png`, pngHead, "image/png"},
	} {
		a, err := NewAttachment("a1", c.file, c.data, "jana", now)
		if err != nil || a.MIME != c.mime || a.Size != len(c.data) || a.User != "jana" || strings.ContainsAny(a.Name, `/\`) {
			t.Errorf("%s: %v %+v", name, err, a)
		}
	}
	big := append(append([]byte(nil), pngHead...), make([]byte, MaxAttachmentBytes)...) // 5 MiB + 16 bytes
	exact := append(append([]byte(nil), pngHead...), make([]byte, MaxAttachmentBytes-len(pngHead))...)
	if _, err := NewAttachment("a", "x.png", exact, "u", now); err != nil {
		t.Errorf("exactly 5 MiB refused: %v", err)
	}
	for name, c := range map[string]struct {
		file string
		data []byte
		want []string
	}{
		"over the limit": {"x.png", big, []string{"attachment.file err.attachment.too_large"}},
		"empty":          {"x.png", nil, []string{"attachment.file err.attachment.empty"}},
		"exe":            {"faktura.pdf", []byte("MZ\x90\x00\x03\x00\x00\x00"), []string{"attachment.file err.attachment.type"}},
		"text":           {"poznámka.txt", []byte("Dobrý den, posílám fotku."), []string{"attachment.file err.attachment.type"}},
		"html":           {"x.pdf", []byte("<html><body>hi</body></html>"), []string{"attachment.file err.attachment.type"}},
		"zip":            {"x.zip", []byte("PK\x03\x04\x14\x00"), []string{"attachment.file err.attachment.type"}},
		"no name":        {"  ", pngHead, []string{"attachment.name err.attachment.name"}},
		"long name":      {strings.Repeat("é", 197) + ".png", pngHead, []string{"attachment.name err.ticket.too_long"}},
		"control":        {"a\x00b.png", pngHead, []string{"attachment.name err.attachment.name_control"}},
		"both":           {"", nil, []string{"attachment.name err.attachment.name", "attachment.file err.attachment.empty"}},
	} {
		_, err := NewAttachment("a", c.file, c.data, "u", now)
		if got := errFields(err); !sameList(got, c.want) {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
	}
}

func TestAttachTo(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	a, err := NewAttachment("a1", "vada.png", pngHead, "jana", now)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := complaint().AttachTo(a, now)
	if err != nil || len(tk.Attachments) != 1 || tk.Attachments[0].Data != nil || tk.Attachments[0].MIME != "image/png" {
		t.Fatalf("%v %+v", err, tk.Attachments)
	}
	if !bytes.Equal(a.Data, pngHead) {
		t.Error("the attachment's own content was cleared")
	}
	full := complaint()
	full.Attachments = make([]Attachment, MaxAttachments)
	_, err = full.AttachTo(a, now)
	if got := errFields(err); !sameList(got, []string{"attachment.file err.attachment.count"}) {
		t.Errorf("full: %v", got)
	}
	_, err = Ticket{Status: TicketClosed}.AttachTo(a, now)
	if got := errFields(err); !sameList(got, []string{"attachment.file err.ticket.closed"}) {
		t.Errorf("closed: %v", got)
	}
}

func TestCheckTicketSource(t *testing.T) {
	c := payCompany()
	inv := czInvoice(c, DocLine{ItemID: "grinder", Code: "BR-125", Text: "Úhlová bruska 125 mm", Quantity: Q(1), Unit: "ks", UnitPrice: 199000, VATKind: VATStandard, Goods: true},
		DocLine{Text: "Doprava", Quantity: Q(1), UnitPrice: 10000, VATKind: VATStandard})
	tk := complaint()
	tk.SaleDate, tk.ItemName = Date{}, ""
	got, err := CheckTicketSource(tk, inv, []string{"SN-0", " sn-1 "})
	if err != nil || got.ItemID != "grinder" || got.ItemCode != "BR-125" || got.ItemName != "Úhlová bruska 125 mm" || got.SaleDate != D(2026, 11, 2) || got.InvoiceNo != "FV2026-0001" {
		t.Fatalf("%v %+v", err, got)
	}
	other := inv
	other.CustomerID = "c2"
	draft := inv
	draft.Status = StatusDraft
	line9 := tk
	line9.InvoiceLine = 9
	for name, c := range map[string]struct {
		t    Ticket
		inv  SalesDoc
		sold []string
		want string
	}{
		"another customer's invoice": {tk, other, []string{"SN-1"}, "ticket.invoice_line err.ticket.unknown_invoice"},
		"a draft":                    {tk, draft, []string{"SN-1"}, "ticket.invoice_line err.ticket.unknown_invoice"},
		"unknown line":               {line9, inv, []string{"SN-1"}, "ticket.invoice_line err.ticket.unknown_line"},
		"serial never sold":          {tk, inv, []string{"SN-2"}, "ticket.serial err.ticket.serial_not_sold"},
	} {
		_, err := CheckTicketSource(c.t, c.inv, c.sold)
		if got := errFields(err); !sameList(got, []string{c.want}) {
			t.Errorf("%s: %v", name, got)
		}
	}
	// No serial given: nothing to check against.
	ns := tk
	ns.Serial = ""
	if _, err := CheckTicketSource(ns, inv, nil); err != nil {
		t.Error(err)
	}
}

func TestSerialsSold(t *testing.T) {
	posted := StockDoc{Kind: StockIssue, Status: StockPosted, SourceID: "inv", Lines: []StockLine{
		{ItemID: "grinder", Serials: []string{"SN-1", "SN-2"}}, {ItemID: "drill", Serials: []string{"D-1"}}}}
	reversed := posted
	reversed.ReversedBy, reversed.Lines = "st1", []StockLine{{ItemID: "grinder", Serials: []string{"SN-9"}}}
	draft := StockDoc{Kind: StockIssue, Status: StockDraft, SourceID: "inv", Lines: []StockLine{{ItemID: "grinder", Serials: []string{"SN-8"}}}}
	other := StockDoc{Kind: StockIssue, Status: StockPosted, SourceID: "inv2", Lines: []StockLine{{ItemID: "grinder", Serials: []string{"SN-7"}}}}
	got := SerialsSold([]StockDoc{posted, reversed, draft, other}, "inv", "grinder")
	if !sameList(got, []string{"SN-1", "SN-2"}) {
		t.Errorf("%v", got)
	}
}

func TestTicketLabels(t *testing.T) {
	if l := TicketStatus("bogus").Label(); l.Fallback != "bogus" {
		t.Errorf("unknown status labelled %+v", l)
	}
	if l := TicketWaitingSupplier.Label(); l.Key != "ticket.status.waiting_supplier" {
		t.Errorf("%+v", l)
	}
	err := Transition(TicketNew, TicketClosed)
	if err == nil || err.Error() != "ticket.status: a ticket cannot go from New to Closed" {
		t.Errorf("%v", err)
	}
	for _, k := range TicketKinds {
		if k.Label().Key != "ticket.kind."+string(k) {
			t.Errorf("kind %s: %+v", k, k.Label())
		}
	}
}

// FuzzNewAttachment: any name and content is either refused with a named
// field or accepted as one of the allowed types, within the limit, under
// a base name with no separators.
func FuzzNewAttachment(f *testing.F) {
	f.Add("vada.png", pngHead)
	f.Add("../../etc/passwd", []byte("root:x:0:0"))
	f.Add("scan.pdf", pdfHead)
	f.Add("", []byte{})
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		a, err := NewAttachment("a", name, data, "u", now)
		if err != nil {
			for _, fe := range errFields(err) {
				if !strings.HasPrefix(fe, "attachment.") {
					t.Fatalf("unnamed field %q", fe)
				}
			}
			return
		}
		if SniffAttachment(data) != a.MIME || a.MIME == "" || a.Size != len(data) || a.Size == 0 || a.Size > MaxAttachmentBytes || a.Name == "" || strings.ContainsAny(a.Name, `/\`) || !utf8.ValidString(a.Name) {
			t.Fatalf("accepted %+v", a)
		}
	})
}

// TestSniffAgreesWithNetHTTP: the signatures written out in SniffAttachment
// name what net/http's sniffer names, and refuse what it names otherwise.
func TestSniffAgreesWithNetHTTP(t *testing.T) {
	samples := [][]byte{pngHead, jpegHead, pdfHead, gifHead, webpHead, []byte("GIF87a\x01\x00"),
		[]byte("plain text"), []byte("<html><body>"), []byte("PK\x03\x04zip"), []byte("\x89PNG"), []byte("RIFF\x00\x00\x00\x00WAVEfmt "), nil}
	for _, data := range samples {
		want := http.DetectContentType(data)
		if i := strings.IndexByte(want, ';'); i >= 0 {
			want = want[:i]
		}
		accepted := false
		for _, a := range AttachmentTypes {
			accepted = accepted || a == want
		}
		if !accepted {
			want = ""
		}
		if got := SniffAttachment(data); got != want {
			t.Errorf("%q: %q, net/http says %q", data, got, want)
		}
	}
}
