package pdf

import (
	"cmp"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"kontor/app"
)

// stLabels are the words of a customer statement (výpis z účtu odběratele)
// in one language; the party, bank and page words come from labels.
type stLabels struct {
	title, period, opening, closing, turnover, noLines, asOf     string
	colDate, colDoc, colDue, colVS, colDebit, colCredit, colBal  string
	invoice, creditNote, payment                                 string
	aging, current, d1to30, d31to60, d61to90, over90, agingTotal string
	open, openIntro, colRemaining, nothingOpen, amountsIn        string
	section                                                      string
}

var stLabelsCS = stLabels{
	title: "Výpis z účtu odběratele", period: "Období", opening: "Počáteční zůstatek k", closing: "Konečný zůstatek k",
	turnover: "Obraty za období", noLines: "V období nejsou žádné pohyby.", asOf: "k",
	colDate: "Datum", colDoc: "Doklad", colDue: "Splatnost", colVS: "Var. symbol",
	colDebit: "Má dáti", colCredit: "Dal", colBal: "Zůstatek",
	invoice: "Faktura", creditNote: "Dobropis", payment: "Úhrada",
	aging: "Věková struktura pohledávek", current: "Do splatnosti", d1to30: "1–30 dní po spl.", d31to60: "31–60 dní",
	d61to90: "61–90 dní", over90: "Nad 90 dní", agingTotal: "Celkem",
	open: "Neuhrazené doklady", openIntro: "Prosíme o úhradu na účet uvedený níže s variabilním symbolem dokladu.",
	colRemaining: "Zbývá uhradit", nothingOpen: "Ke dni výpisu nejsou žádné neuhrazené doklady.", amountsIn: "Částky v",
	section: "Účet v měně",
}

var stLabelsEN = stLabels{
	title: "Customer statement", period: "Period", opening: "Opening balance on", closing: "Closing balance on",
	turnover: "Period totals", noLines: "No movements in the period.", asOf: "on",
	colDate: "Date", colDoc: "Document", colDue: "Due date", colVS: "Var. symbol",
	colDebit: "Debit", colCredit: "Credit", colBal: "Balance",
	invoice: "Invoice", creditNote: "Credit note", payment: "Payment",
	aging: "Aging of receivables", current: "Not yet due", d1to30: "1–30 days overdue", d31to60: "31–60 days",
	d61to90: "61–90 days", over90: "Over 90 days", agingTotal: "Total",
	open: "Open items", openIntro: "Please pay to the account below, quoting each document's variable symbol.",
	colRemaining: "Amount due", nothingOpen: "Nothing is open on the statement date.", amountsIn: "Amounts in",
	section: "Account in",
}

// statement is what RenderStatement draws besides the shared renderer.
type statement struct {
	*renderer
	st  app.Statement
	sec app.StatementSection // the section being drawn
	sl  *stLabels
}

// RenderStatement writes the customer statement st of company c as one A4
// PDF to w: the company and customer, the period, and for each currency
// section (one per currency the customer's documents are in, amounts in
// that currency) the opening balance, every invoice, credit note (naming
// the invoice it corrects) and payment with the running balance (the column
// header repeated on each page), the closing balance, the aging of what is
// open and the open invoices with the company's bank account and their
// variable symbols. It speaks opt.Lang (Czech, or English for anything
// else).
func RenderStatement(w io.Writer, st app.Statement, c app.Company, opt Options) (err error) {
	defer recoverPanic("rendering the statement of "+st.Customer.Name, &err)
	r := newRenderer(opt)
	s := r.drawStatement(st, c, opt.Lang)
	setInfo(r.f, s.title(), c.Name, "")
	return r.output(w)
}

// drawStatement draws st from a new page to its last page, footers
// included, in lang (English for anything but Czech); a combined PDF draws
// many onto one renderer, each counting its own pages.
func (r *renderer) drawStatement(st app.Statement, c app.Company, lang app.Lang) *statement {
	if len(st.Sections) == 0 {
		st.Sections = []app.StatementSection{{}}
	}
	for i := range st.Sections {
		st.Sections[i].Currency = cmp.Or(st.Sections[i].Currency, r.opt.BaseCurrency, "CZK")
	}
	r.opt.Lang = lang
	s := &statement{renderer: r, st: st, sl: &stLabelsEN}
	if lang == app.Czech {
		s.sl = &stLabelsCS
	}
	r.l = labelsFor(lang)
	// money() and footers() read the document being drawn.
	r.d = app.SalesDoc{Currency: st.Sections[0].Currency, Supplier: app.PartyOfCompany(c)}
	r.fam = useFamily(r.f, !coveredAll(s.strings()...))
	r.f.AddPage()
	r.first = r.f.PageCount()
	y := s.header()
	y = s.parties(y)
	for i, sec := range st.Sections {
		// money() and number() print the section's currency.
		s.sec, r.d.Currency = sec, sec.Currency
		if len(st.Sections) > 1 {
			if i > 0 {
				y += 10
			}
			y = s.sectionHeading(y)
		}
		y = s.table(y)
		y = s.aging(y + 6)
		y = s.open(y + 6)
	}
	r.footers()
	return s
}

// title is the heading with the customer: "Výpis z účtu odběratele – Novák s.r.o.".
func (s *statement) title() string {
	return s.sl.title + " – " + s.st.Customer.Name
}

// strings are the texts that come from people.
func (s *statement) strings() []string {
	var ss []string
	for _, p := range []app.Party{s.d.Supplier, s.st.Customer} {
		ss = append(ss, p.Name, p.Street, p.City, p.Postcode, p.Country, p.ICO, p.DIC, p.Email, p.Phone, p.BankAccount, p.IBAN, p.BIC, p.Register)
	}
	for _, sec := range s.st.Sections {
		for _, l := range sec.Lines {
			ss = append(ss, l.Number, l.VariableSymbol, l.Corrects)
		}
		for _, d := range sec.Open {
			ss = append(ss, d.Number, d.VariableSymbol)
		}
	}
	return ss
}

func (s *statement) date(d app.Date) string { return d.Format(s.opt.Lang) }

// periodText is "1. 3. 2026 – 31. 3. 2026"; an open end is left blank.
func (s *statement) periodText() string {
	return strings.TrimSpace(s.date(s.st.From) + " – " + s.date(s.st.To))
}

// header draws the logo, the title and the period; it returns the y below.
func (s *statement) header() float64 {
	y := margin
	bottom := y
	tx := margin
	if s.logo != "" {
		s.f.ImageOptions(s.logo, margin, y, s.logoW, s.logoH, false, fpdf.ImageOptions{}, 0, "")
		bottom = y + s.logoH
		tx = margin + s.logoW + 6
	}
	tw := right - tx
	s.font("B", 15)
	s.ink(inkText)
	y = s.para(tx, y, tw, 7, s.sl.title, "R")
	s.font("", 10)
	y = s.para(tx, y+1, tw, 5, s.sl.period+": "+s.periodText(), "R")
	s.font("", 8)
	s.ink(inkLabel)
	curs := make([]string, len(s.st.Sections))
	for i, sec := range s.st.Sections {
		curs[i] = sec.Currency
	}
	y = s.para(tx, y, tw, 4.5, s.sl.amountsIn+" "+strings.Join(curs, ", "), "R")
	return max(y, bottom) + 6
}

// sectionHeading names the currency of the section that follows, when a
// statement has more than one; it returns the y below.
func (s *statement) sectionHeading(y float64) float64 {
	y = s.ensureCont(y, 40, nil)
	s.font("B", 11)
	s.ink(inkText)
	s.text(margin, y, contentW, 6, s.sl.section+" "+s.sec.Currency, "L")
	s.rule(margin, right, y+6.5, inkText, 0.4)
	return y + 9
}

// parties draws the company and the customer side by side, framed.
func (s *statement) parties(y float64) float64 {
	const gap, pad = 6.0, 3.0
	w := (contentW - gap) / 2
	sup, cus := s.d.Supplier, s.st.Customer
	var supTax, cusTax []string
	if sup.ICO != "" {
		supTax = append(supTax, s.l.ico+": "+sup.ICO)
	}
	if sup.DIC != "" && sup.VATPayer {
		supTax = append(supTax, s.l.dic+": "+sup.DIC)
	}
	if cus.ICO != "" {
		cusTax = append(cusTax, s.l.ico+": "+cus.ICO)
	}
	if cus.DIC != "" {
		cusTax = append(cusTax, s.l.dic+": "+cus.DIC)
	}
	var contact []string
	for _, c := range []string{sup.Email, sup.Phone} {
		if c != "" {
			contact = append(contact, c)
		}
	}
	y1 := s.party(margin, y, w, pad, s.l.supplier, sup, supTax, strings.Join(contact, "  ·  "))
	y2 := s.party(margin+w+gap, y, w, pad, s.l.customer, cus, cusTax, "")
	h := max(y1, y2) - y + pad
	s.f.SetDrawColor(inkRule, inkRule, inkRule)
	s.f.SetLineWidth(0.25)
	s.f.Rect(margin, y, w, h, "D")
	s.f.Rect(margin+w+gap, y, w, h, "D")
	return y + h + 6
}

// stColumns are the statement table's columns (180 mm).
func (s *statement) stColumns() []column {
	l := s.sl
	return []column{
		{l.colDate, 22, "L"}, {l.colDoc, 41, "L"}, {l.colDue, 22, "L"}, {l.colVS, 25, "L"},
		{l.colDebit, 23, "R"}, {l.colCredit, 23, "R"}, {l.colBal, 24, "R"},
	}
}

// stRowH is the height of a statement table row; a credit note's row is
// stNoteH taller, for the invoice it corrects.
const (
	stRowH  = 5.0
	stNoteH = 3.6
)

// continuation starts a new page with a short heading and the column header.
func (s *statement) continuation(cols []column) float64 {
	s.f.AddPage()
	y := s.continuedHeading(s.title(), contentW, contentW)
	if cols != nil {
		y = s.tableHead(y, cols)
	}
	return y
}

// row writes one table row of texts at y.
func (s *statement) row(y float64, cols []column, cells []string) {
	x := margin
	for i, c := range cols {
		if cells[i] != "" {
			s.text(x+cellGap/2, y, c.w-cellGap, stRowH, cells[i], c.align)
		}
		x += c.w
	}
}

// kindText names a line's kind.
func (s *statement) kindText(kind string) string {
	switch kind {
	case app.StatementCreditNote:
		return s.sl.creditNote
	case app.StatementPayment:
		return s.sl.payment
	}
	return s.sl.invoice
}

// amount formats a non-zero base-currency amount without the symbol; zero is blank.
func (s *statement) amount(v int64) string {
	if v == 0 {
		return ""
	}
	return s.number(v)
}

// table draws the opening balance, the lines with running balances, the
// period's totals and the closing balance.
func (s *statement) table(y float64) float64 {
	cols := s.stColumns()
	y = s.tableHead(y, cols)
	s.font("B", 8.5)
	s.ink(inkText)
	from := s.st.From
	if from.IsZero() && len(s.sec.Lines) > 0 {
		from = s.sec.Lines[0].Date
	}
	s.row(y, cols, []string{s.date(from), s.sl.opening + " " + s.date(from), "", "", "", "", s.number(s.sec.Opening)})
	y += stRowH
	s.rule(margin, right, y, inkRule, 0.15)
	s.font("", 8.5)
	if len(s.sec.Lines) == 0 {
		s.ink(inkLabel)
		s.text(margin+cellGap/2, y+0.5, contentW, stRowH, s.sl.noLines, "L")
		y += stRowH + 0.5
		s.ink(inkText)
	}
	for _, l := range s.sec.Lines {
		h := stRowH
		if l.Corrects != "" {
			h += stNoteH
		}
		if y+h > bodyBottom {
			y = s.continuation(cols)
			s.font("", 8.5)
			s.ink(inkText)
		}
		s.row(y, cols, []string{s.date(l.Date), s.kindText(l.Kind) + " " + l.Number, s.date(l.DueDate), l.VariableSymbol,
			s.amount(l.Debit), s.amount(l.Credit), s.number(l.Balance)})
		if l.Corrects != "" {
			// The invoice a credit note corrects, under its number.
			s.font("", 7.5)
			s.ink(inkLabel)
			s.text(margin+cols[0].w+cellGap/2, y+stRowH-1, cols[1].w+cols[2].w-cellGap, stNoteH, s.l.toInvoice+" "+l.Corrects, "L")
			s.font("", 8.5)
			s.ink(inkText)
		}
		y += h
	}
	y = s.ensureCont(y, 2*stRowH+4, cols)
	s.rule(margin, right, y+0.5, inkRule, 0.3)
	y += 1.5
	s.font("", 8.5)
	s.row(y, cols, []string{"", s.sl.turnover, "", "", s.number(s.sec.Debits()), s.number(s.sec.Credits()), ""})
	y += stRowH + 1
	s.font("B", 10)
	to := s.st.To
	if to.IsZero() && len(s.sec.Lines) > 0 {
		to = s.sec.Lines[len(s.sec.Lines)-1].Date
	}
	s.text(margin, y, contentW-45, 6, s.sl.closing+" "+s.date(to), "R")
	s.text(right-45, y, 45, 6, s.money(s.sec.Closing), "R")
	return y + 6
}

// ensureCont makes room for h mm below y, on a continuation page if need be.
func (s *statement) ensureCont(y, h float64, cols []column) float64 {
	if y+h <= bodyBottom {
		return y
	}
	return s.continuation(cols)
}

// aging draws the aging summary: one column per bucket and the total.
func (s *statement) aging(y float64) float64 {
	l := s.sl
	titles := []string{l.current, l.d1to30, l.d31to60, l.d61to90, l.over90, l.agingTotal}
	w := contentW / float64(len(titles))
	cols := make([]column, len(titles))
	for i, t := range titles {
		cols[i] = column{t, w, "R"}
	}
	y = s.ensureCont(y, 22, nil)
	s.font("B", 10)
	s.ink(inkText)
	heading := l.aging + " " + l.asOf + " " + s.date(s.st.To)
	if len(s.st.Sections) > 1 {
		heading += " (" + s.sec.Currency + ")"
	}
	s.text(margin, y, contentW, 5, heading, "L")
	y = s.tableHead(y+6, cols)
	var total int64
	cells := make([]string, 0, len(titles))
	for _, v := range s.sec.Aging {
		cells = append(cells, s.number(v))
		total += v
	}
	cells = append(cells, s.number(total))
	s.font("", 8.5)
	s.ink(inkText)
	s.row(y+0.5, cols, cells)
	return y + stRowH + 1
}

// open draws the company's bank details and the open invoices with their
// variable symbols and what remains of each, in its own currency.
func (s *statement) open(y float64) float64 {
	l, sup := s.sl, s.d.Supplier
	y = s.ensureCont(y, 30, nil)
	s.font("B", 10)
	s.ink(inkText)
	s.text(margin, y, contentW, 5, l.open, "L")
	y += 6
	if len(s.sec.Open) == 0 {
		s.font("", 9)
		s.text(margin, y, contentW, 5, l.nothingOpen, "L")
		return y + 5
	}
	s.font("", 8.5)
	y = s.para(margin, y, contentW, 4.4, l.openIntro, "L")
	var bank []string
	if sup.BankAccount != "" {
		bank = append(bank, s.l.bankAccount+": "+sup.BankAccount)
	}
	if sup.IBAN != "" {
		bank = append(bank, s.l.iban+": "+sup.IBAN)
	}
	if sup.BIC != "" {
		bank = append(bank, s.l.bic+": "+sup.BIC)
	}
	if len(bank) > 0 {
		s.font("B", 9)
		y++
		for _, b := range bank {
			y = s.para(margin, y, contentW, 4.6, b, "L")
		}
	}
	cols := []column{{l.colDoc, 50, "L"}, {s.l.vs, 40, "L"}, {l.colDue, 40, "L"}, {l.colRemaining, 50, "R"}}
	y = s.tableHead(y+2, cols)
	s.font("", 8.5)
	for _, d := range s.sec.Open {
		if y+stRowH > bodyBottom {
			y = s.continuation(cols)
			s.font("", 8.5)
		}
		s.ink(inkText)
		s.row(y, cols, []string{l.invoice + " " + d.Number, d.VariableSymbol, s.date(d.DueDate), app.M(d.Remaining(), d.Currency).Format(s.opt.Lang)})
		y += stRowH
	}
	return y
}
