package pdf

import (
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"kontor/app"
)

// renderer draws documents onto one fpdf document; RenderBatch reuses it
// for a chunk of documents so fonts and the logo are added once per chunk.
type renderer struct {
	f            *fpdf.Fpdf
	opt          Options
	baseLang     app.Lang // Options.Lang, for documents that do not name theirs
	logo         string   // registered image name, "" for none
	logoW, logoH float64

	// The document being drawn.
	d     app.SalesDoc
	l     *labels
	fam   string
	first int             // its first page
	qr    <-chan qrResult // its payment QR code being encoded, nil for none
}

// Colours (grey levels) of the layout.
const (
	inkText  = 25
	inkLabel = 95
	inkRule  = 185
	fillHead = 236
)

// docTitle is the heading with the number: "Faktura – daňový doklad č. 2026001".
func docTitle(l *labels, d app.SalesDoc) string {
	t := l.title(d)
	if d.Number == "" {
		return t + " (" + l.draft + ")"
	}
	return t + " " + l.numberPrefix + " " + d.Number
}

// docStrings are the texts of d that come from people, whose characters
// decide which font family the document needs.
func docStrings(d app.SalesDoc) []string {
	ss := []string{d.Number, d.Note, d.Reason, d.OriginalNo, d.VariableSymbol}
	for _, p := range []app.Party{d.Supplier, d.Customer} {
		ss = append(ss, p.Name, p.Street, p.City, p.Postcode, p.Country, p.ICO, p.DIC, p.Email, p.Phone, p.BankAccount, p.IBAN, p.BIC, p.Register)
	}
	for _, l := range d.Lines {
		ss = append(ss, l.Text, l.Unit)
		ss = append(ss, l.Trace...)
	}
	return ss
}

// font selects the document's family in style ("" or "B") and size (pt).
func (r *renderer) font(style string, size float64) { r.f.SetFont(r.fam, style, size) }

// ink sets the text colour to a grey level, and the fill colour with it:
// fpdf wraps every cell's text in a graphics state save and restore while
// the two differ, which costs more than the text of a table row. Whatever
// fills a shape sets its own fill colour just before.
func (r *renderer) ink(g int) {
	r.f.SetTextColor(g, g, g)
	r.f.SetFillColor(g, g, g)
}

// text writes s in a cell of width w at x, y, aligned "L", "C" or "R".
func (r *renderer) text(x, y, w, h float64, s, align string) {
	r.f.SetXY(x, y)
	drawCell(r.f, w, h, s, align)
}

// para writes s wrapped to width w from x, y and returns the y below it.
func (r *renderer) para(x, y, w, lineH float64, s, align string) float64 {
	for _, line := range r.split(s, w) {
		r.text(x, y, w, lineH, line, align)
		y += lineH
	}
	return y
}

// split wraps s to width w in the current font, keeping the person's own
// line breaks; an empty s is one empty line.
func (r *renderer) split(s string, w float64) []string { return splitLines(r.f, s, w) }

// rule draws a horizontal line at y from x1 to x2.
func (r *renderer) rule(x1, x2, y float64, g int, width float64) {
	r.f.SetDrawColor(g, g, g)
	r.f.SetLineWidth(width)
	r.f.Line(x1, y, x2, y)
}

// money formats an amount of the document's currency.
func (r *renderer) money(v int64) string { return app.M(v, r.d.Currency).Format(r.opt.Lang) }

// number formats an amount of the document's currency without the symbol.
func (r *renderer) number(v int64) string {
	return app.FormatMinor(v, app.MinorDigits(r.d.Currency), r.opt.Lang)
}

// percent formats a rate as "21 %".
func (r *renderer) percent(p app.Rate) string { return p.Format(r.opt.Lang) + "\u00a0%" }

// document draws d from a new page to its last page, footers included.
func (r *renderer) document(d app.SalesDoc) {
	// Each document speaks its customer's language, also inside a batch.
	r.opt.Lang = r.baseLang
	if d.Lang != "" {
		r.opt.Lang = d.Lang
	}
	r.d, r.l = d, labelsFor(r.opt.Lang)
	// The QR code's mask selection is the slowest single step of a page
	// (about 4 ms); it needs nothing from the PDF, so it runs while the
	// fonts are parsed and the page is laid out.
	r.qr = nil
	if d.Kind == app.KindInvoice {
		if text, ok := app.PaymentQR(d, d.Remaining()); ok {
			ch := make(chan qrResult, 1)
			go func() { code, err := encodeQR(text); ch <- qrResult{code, err} }()
			r.qr = ch
		}
	}
	r.fam = useFamily(r.f, !coveredAll(docStrings(d)...))
	r.f.AddPage()
	r.first = r.f.PageCount()
	y := r.header()
	y = r.parties(y)
	y = r.dates(y)
	if d.Kind == app.KindInvoice || d.Kind == app.KindCreditNote {
		y = r.payment(y)
	}
	y = r.lines(y + 4)
	if d.Supplier.VATPayer {
		y = r.recap(y + 5)
	}
	y = r.totals(y + 4)
	r.note(y + 5)
	r.footers()
}

// ensure starts a continuation page when h mm do not fit below y, and
// returns where to draw.
func (r *renderer) ensure(y, h float64) float64 {
	if y+h <= bodyBottom {
		return y
	}
	return r.newPage()
}

// newPage adds a continuation page with a short heading and returns the y
// to go on from.
func (r *renderer) newPage() float64 {
	r.f.AddPage()
	return r.continuedHeading(docTitle(r.l, r.d), contentW, contentW)
}

// continuedHeading writes the short heading of a continuation page just
// added, w mm wide: the title (in titleW mm) on the left, "(continued)" on
// the right, a rule below. It returns the y to go on from.
func (r *renderer) continuedHeading(title string, titleW, w float64) float64 {
	r.font("B", 9)
	r.ink(inkText)
	r.text(margin, margin, titleW, 5, title, "L")
	r.font("", 8)
	r.ink(inkLabel)
	r.text(margin, margin, w, 5, "("+r.l.continued+")", "R")
	r.rule(margin, margin+w, margin+6.5, inkRule, 0.2)
	return margin + 9
}

// header draws the logo, the title with the number and, for a credit note,
// the invoice it corrects and why. It returns the y below.
func (r *renderer) header() float64 {
	y := margin
	bottom := y
	tx := margin
	if r.logo != "" {
		r.f.ImageOptions(r.logo, margin, y, r.logoW, r.logoH, false, fpdf.ImageOptions{}, 0, "")
		bottom = y + r.logoH
		tx = margin + r.logoW + 6
	}
	tw := right - tx
	r.font("B", 15)
	r.ink(inkText)
	y = r.para(tx, y, tw, 7, docTitle(r.l, r.d), "R")
	if r.d.Kind == app.KindCreditNote {
		r.font("", 10)
		y = r.para(tx, y+1, tw, 5, r.l.toInvoice+" "+r.d.OriginalNo, "R")
		if r.d.Reason != "" {
			r.font("", 9)
			r.ink(inkLabel)
			y = r.para(tx, y, tw, 4.5, r.l.reason+": "+r.d.Reason, "R")
		}
	}
	return max(y, bottom) + 6
}

// parties draws the supplier and customer blocks side by side, framed.
func (r *renderer) parties(y float64) float64 {
	const gap, pad = 6.0, 3.0
	w := (contentW - gap) / 2
	sup, cus := r.d.Supplier, r.d.Customer
	supTax := []string{r.l.ico + ": " + sup.ICO}
	if sup.VATPayer && sup.DIC != "" {
		supTax = append(supTax, r.l.dic+": "+sup.DIC)
	} else if !sup.VATPayer {
		supTax = append(supTax, r.l.nonPayer)
	}
	if sup.ICO == "" {
		supTax = supTax[1:]
	}
	var supContact []string
	if sup.Email != "" {
		supContact = append(supContact, sup.Email)
	}
	if sup.Phone != "" {
		supContact = append(supContact, sup.Phone)
	}
	var cusTax []string
	if cus.ICO != "" {
		cusTax = append(cusTax, r.l.ico+": "+cus.ICO)
	}
	if cus.DIC != "" {
		cusTax = append(cusTax, r.l.dic+": "+cus.DIC)
	}
	y1 := r.party(margin, y, w, pad, r.l.supplier, sup, supTax, strings.Join(supContact, "  ·  "))
	y2 := r.party(margin+w+gap, y, w, pad, r.l.customer, cus, cusTax, "")
	h := max(y1, y2) - y + pad
	r.f.SetDrawColor(inkRule, inkRule, inkRule)
	r.f.SetLineWidth(0.25)
	r.f.Rect(margin, y, w, h, "D")
	r.f.Rect(margin+w+gap, y, w, h, "D")
	return y + h + 5
}

// party draws one address block inside a frame of width w and returns the
// y below its last line.
func (r *renderer) party(x, y, w, pad float64, heading string, p app.Party, tax []string, contact string) float64 {
	x, w = x+pad, w-2*pad
	y += pad
	r.font("B", 7.5)
	r.ink(inkLabel)
	r.text(x, y, w, 4, strings.ToUpper(heading), "L")
	y += 5
	r.font("B", 10.5)
	r.ink(inkText)
	y = r.para(x, y, w, 5, p.Name, "L")
	r.font("", 9)
	var addr []string
	if p.Street != "" {
		addr = append(addr, p.Street)
	}
	if pc := strings.TrimSpace(p.Postcode + " " + p.City); pc != "" {
		addr = append(addr, pc)
	}
	if p.Country != "" && p.Country != "CZ" {
		addr = append(addr, p.Country)
	}
	for _, a := range addr {
		y = r.para(x, y, w, 4.4, a, "L")
	}
	y += 1.5
	for _, t := range tax {
		y = r.para(x, y, w, 4.4, t, "L")
	}
	if p.Register != "" {
		// §435 of the Civil Code: the register entry on every document.
		r.font("", 7.5)
		r.ink(inkLabel)
		y = r.para(x, y+0.5, w, 3.6, p.Register, "L")
		r.font("", 9)
		r.ink(inkText)
	}
	if contact != "" {
		r.font("", 8)
		r.ink(inkLabel)
		y = r.para(x, y+1, w, 4, contact, "L")
	}
	return y
}

// dates draws the strip of the document's dates: label above value.
func (r *renderer) dates(y float64) float64 {
	type cell struct{ label, value string }
	var cells []cell
	add := func(label string, d app.Date) {
		if !d.IsZero() {
			cells = append(cells, cell{label, d.Format(r.opt.Lang)})
		}
	}
	if r.d.Kind == app.KindCreditNote {
		add(r.l.issueDateCredit, r.d.IssueDate)
	} else {
		add(r.l.issueDate, r.d.IssueDate)
	}
	switch r.d.Kind {
	case app.KindQuote:
		add(r.l.validUntil, r.d.ValidUntil)
	case app.KindOrder:
		add(r.l.dueDate, r.d.DueDate)
	default:
		if r.d.Supplier.VATPayer {
			add(r.l.taxDate, r.d.TaxDate)
		} else {
			add(r.l.supplyDate, r.d.TaxDate)
		}
		add(r.l.dueDate, r.d.DueDate)
	}
	if len(cells) == 0 {
		return y
	}
	w := contentW / float64(len(cells))
	for i, c := range cells {
		x := margin + float64(i)*w
		r.font("", 7.5)
		r.ink(inkLabel)
		r.text(x, y+1.5, w-2, 4, c.label, "L")
		r.font("B", 10.5)
		r.ink(inkText)
		r.text(x, y+6, w-2, 5, c.value, "L")
	}
	r.rule(margin, right, y+12.5, inkRule, 0.25)
	return y + 15
}

// qrSize is the outer size of the payment QR code, quiet zone included.
const qrSize = 35.0

// payment draws the payment details and, beside them, the payment QR code.
func (r *renderer) payment(y float64) float64 {
	d, l := r.d, r.l
	type row struct{ label, value string }
	method := l.payBank
	if d.PaymentMethod == app.PayCash {
		method = l.payCash
	}
	rows := []row{{l.payment, method}}
	// A credit note that gives the customer money back has no "pay to":
	// the supplier's account is where the customer pays, not the reverse.
	refund := d.Kind == app.KindCreditNote && d.Totals.Total <= 0
	if d.PaymentMethod != app.PayCash && !refund {
		if d.Supplier.BankAccount != "" {
			rows = append(rows, row{l.bankAccount, d.Supplier.BankAccount})
		}
		if d.Supplier.IBAN != "" {
			rows = append(rows, row{l.iban, app.FormatIBAN(app.NormalizeIBAN(d.Supplier.IBAN))})
		}
		if d.Supplier.BIC != "" {
			rows = append(rows, row{l.bic, d.Supplier.BIC})
		}
	}
	if d.VariableSymbol != "" {
		rows = append(rows, row{l.vs, d.VariableSymbol})
	}
	rows = append(rows, row{l.currency, d.Currency})
	const lineH = 5.2
	top := y
	for _, rw := range rows {
		r.font("", 8.5)
		r.ink(inkLabel)
		r.text(margin, y, 40, lineH, rw.label+":", "L")
		bold := ""
		if rw.label == l.vs || rw.label == l.bankAccount {
			bold = "B"
		}
		r.font(bold, 9.5)
		r.ink(inkText)
		r.text(margin+40, y, 80, lineH, rw.value, "L")
		y += lineH
	}
	if r.qr == nil {
		return y + 2
	}
	res := <-r.qr
	if res.err != nil {
		return y + 2 // a string no QR version holds: print the details only
	}
	x := right - qrSize
	drawQR(r.f, res.code, x, top-2, qrSize)
	caption := l.qrCZK
	if d.Currency == "EUR" {
		caption = l.qrEUR
	}
	r.font("B", 8)
	r.ink(inkLabel)
	r.text(x, top-2+qrSize, qrSize, 4, caption, "C")
	return max(y+2, top-2+qrSize+5)
}

// note draws the document's note, if any.
func (r *renderer) note(y float64) {
	if strings.TrimSpace(r.d.Note) == "" {
		return
	}
	r.font("", 8.5)
	lines := r.split(r.l.note+": "+r.d.Note, contentW)
	y = r.ensure(y, float64(len(lines))*4.2)
	r.ink(inkText)
	for _, s := range lines {
		r.text(margin, y, contentW, 4.2, s, "L")
		y += 4.2
	}
}

// footers draws every page's footer once the document's page count is
// known: the supplier and "Strana N z M". Going back over the pages (rather
// than fpdf's AliasNbPages) keeps the count per document in a batch.
func (r *renderer) footers() { r.footersIn(contentW, footerY) }

// footersIn is footers on pages w mm wide (between the margins) whose footer
// rule is at y.
func (r *renderer) footersIn(w, y float64) {
	last := r.f.PageCount()
	n := last - r.first + 1
	sup := r.d.Supplier.Name
	if r.d.Supplier.ICO != "" {
		sup += "  ·  " + r.l.ico + " " + r.d.Supplier.ICO
	}
	for p := r.first; p <= last; p++ {
		r.f.SetPage(p)
		r.rule(margin, margin+w, y, inkRule, 0.2)
		r.font("", 7.5)
		r.ink(inkLabel)
		r.text(margin, y+1.5, w*0.7, 4, sup, "L")
		r.text(margin, y+1.5, w, 4, r.l.page+" "+strconv.Itoa(p-r.first+1)+" "+r.l.of+" "+strconv.Itoa(n), "R")
	}
	r.f.SetPage(last)
}
