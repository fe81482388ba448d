package pdf

import (
	"io"
	"strconv"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/code128"
	"github.com/boombuler/barcode/ean"

	"kontor/app"
)

// stockWords are the fixed words of the warehouse documents in one language.
type stockWords struct {
	receipt, issue, transfer, difference, stocktake, storno, no, draft            string
	made, event, posted, location, from, to, partner, ico, source, reverses, text string
	colNo, colCode, colItem, colQty, colUnit, colUnitCost, colValue, colCosts     string
	colBarcode, colExpected, colCounted, lot, serials, expiry                     string
	asOf, costs, total, responsible, postedBy, countedBy, signature, date         string
}

var stockCS = stockWords{
	receipt: "Příjemka", issue: "Výdejka", transfer: "Převodka", difference: "Inventurní rozdíly",
	stocktake: "Inventurní soupis", storno: "Storno", no: "č.", draft: "koncept",
	made: "Datum vyhotovení", event: "Datum účetního případu", posted: "Zaúčtováno",
	location: "Sklad", from: "Ze skladu", to: "Do skladu", partner: "Partner", ico: "IČO",
	source: "Zdrojový doklad", reverses: "Stornuje doklad", text: "Popis",
	colNo: "#", colCode: "Kód", colItem: "Položka", colQty: "Množství", colUnit: "MJ",
	colUnitCost: "Cena/MJ", colValue: "Hodnota", colCosts: "VPN",
	colBarcode: "Čárový kód", colExpected: "Evidence", colCounted: "Skutečnost",
	lot: "šarže", serials: "v. č.", expiry: "exp.",
	asOf: "Stav ke dni", costs: "Vedlejší pořizovací náklady", total: "Celkem",
	responsible: "Odpovědná osoba", postedBy: "Zaúčtoval", countedBy: "Inventuru provedl",
	signature: "podpis", date: "datum",
}

var stockEN = stockWords{
	receipt: "Goods receipt", issue: "Goods issue", transfer: "Stock transfer", difference: "Stocktake differences",
	stocktake: "Stocktake sheet", storno: "Reversal", no: "No.", draft: "draft",
	made: "Date made", event: "Date of the event", posted: "Posted",
	location: "Location", from: "From", to: "To", partner: "Partner", ico: "Reg. No. (IČO)",
	source: "Source document", reverses: "Reverses", text: "Text",
	colNo: "#", colCode: "Code", colItem: "Item", colQty: "Quantity", colUnit: "Unit",
	colUnitCost: "Unit cost", colValue: "Value", colCosts: "Costs",
	colBarcode: "Barcode", colExpected: "Expected", colCounted: "Counted",
	lot: "lot", serials: "s/n", expiry: "exp.",
	asOf: "Stock as of", costs: "Acquisition costs", total: "Total",
	responsible: "Responsible person", postedBy: "Posted by", countedBy: "Counted by",
	signature: "signature", date: "date",
}

func stockWordsFor(l app.Lang) *stockWords {
	if l == app.Czech {
		return &stockCS
	}
	return &stockEN
}

// stockTitle is "Příjemka č. PR2026-0001", "Storno – Výdejka …".
func stockTitle(w *stockWords, d app.StockDoc) string {
	t := w.receipt
	switch d.Kind {
	case app.StockIssue:
		t = w.issue
	case app.StockTransfer:
		t = w.transfer
	case app.StockDifference:
		t = w.difference
	}
	if d.Storno {
		t = w.storno + " – " + t
	}
	if d.Number == "" {
		return t + " (" + w.draft + ")"
	}
	return t + " " + w.no + " " + d.Number
}

// stockPage starts a warehouse document: a renderer whose footer carries
// the company.
func stockPage(c app.Company, lang app.Lang, opt Options, texts []string) *renderer {
	r := newRenderer(opt)
	r.l = labelsFor(lang)
	r.d = app.SalesDoc{Supplier: app.Party{Name: c.Name, ICO: c.ICO}}
	r.fam = useFamily(r.f, !coveredAll(texts...))
	r.f.AddPage()
	r.first = r.f.PageCount()
	return r
}

// fit writes s in a cell w mm wide, shrinking the font down to 5 pt so a
// long amount stays in its column.
func (r *renderer) fit(x, y, w, h float64, s, style string, size float64, align string) {
	r.font(style, size)
	for size > 5 && textWidth(r.f, s) > w {
		size -= 0.5
		r.font(style, size)
	}
	r.text(x, y, w, h, s, align)
}

// stockCol is a table column: its left edge, width and alignment.
type stockCol struct {
	x, w  float64
	align string
}

func stockCols(widths []float64, aligns string) []stockCol {
	cols := make([]stockCol, len(widths))
	x := float64(margin)
	for i, w := range widths {
		cols[i] = stockCol{x, w, aligns[i : i+1]}
		x += w
	}
	return cols
}

func (r *renderer) stockHeader(y float64, cols []stockCol, titles []string) float64 {
	r.ink(fillHead)
	r.f.Rect(margin, y, contentW, 6, "F")
	r.ink(inkText)
	for i, c := range cols {
		r.fit(c.x+0.8, y+0.5, c.w-1.6, 5, titles[i], "B", 8, c.align)
	}
	return y + 7
}

// kv writes a label and its value on one line; an empty value writes nothing.
func (r *renderer) kv(x, y, w float64, label, value string) float64 {
	if value == "" {
		return y
	}
	r.ink(inkLabel)
	r.font("", 8.5)
	r.text(x, y, 45, 4.5, label, "L")
	r.ink(inkText)
	r.fit(x+45, y, w-45, 4.5, value, "", 8.5, "L")
	return y + 4.8
}

// RenderStockDoc writes a stock document as one PDF to w, with the fields
// §11 ZoÚ asks of an accounting document: what it is and its number, what
// happened (lines with quantities, costs and values), the amounts, the
// dates of making it and of the event, and the signature records of the
// person responsible and of who posted it.
func RenderStockDoc(w io.Writer, p app.StockDocPrint, c app.Company, opt Options) (err error) {
	d := p.Doc
	defer recoverPanic("rendering stock document "+d.Number, &err)
	lang := p.PrintLang()
	opt.Lang = lang
	words := stockWordsFor(lang)
	texts := []string{d.Number, d.Text, d.SourceNo, d.OriginalNo, d.Partner.Name, d.Partner.ICO, p.From.Code, p.From.Name, p.To.Code, p.To.Name, p.Responsible, p.PostedBy, d.Responsible, d.PostedBy, c.Name}
	for _, l := range d.Lines {
		texts = append(texts, l.Code, l.Name, l.Unit, l.Lot)
	}
	for _, k := range d.Costs {
		texts = append(texts, k.Text)
	}
	r := stockPage(c, lang, opt, texts)
	title := stockTitle(words, d)
	setInfo(r.f, title, c.Name, "")
	money := func(v int64) string { return app.FormatMinor(v, 2, lang) }
	date := func(dt app.Date) string {
		if dt.IsZero() {
			return ""
		}
		return dt.Format(lang)
	}

	r.ink(inkText)
	r.fit(margin, margin, contentW, 8, title, "B", 15, "L")
	y := float64(margin) + 9
	r.fit(margin, y, contentW, 5, c.Name, "", 9, "L")
	y += 7
	made := ""
	if !d.Created.IsZero() {
		made = app.DateOf(d.Created).Format(lang)
	}
	y = r.kv(margin, y, contentW, words.made, made)
	y = r.kv(margin, y, contentW, words.event, date(d.Date))
	locName := func(l app.Location, id string) string {
		if l.Code == "" {
			return id
		}
		return l.Code + " – " + l.Name
	}
	if d.Kind == app.StockTransfer {
		y = r.kv(margin, y, contentW, words.from, locName(p.From, d.Location))
		y = r.kv(margin, y, contentW, words.to, locName(p.To, d.ToLocation))
	} else {
		y = r.kv(margin, y, contentW, words.location, locName(p.From, d.Location))
	}
	partner := d.Partner.Name
	if d.Partner.ICO != "" {
		partner += ", " + words.ico + " " + d.Partner.ICO
	}
	y = r.kv(margin, y, contentW, words.partner, partner)
	y = r.kv(margin, y, contentW, words.source, d.SourceNo)
	y = r.kv(margin, y, contentW, words.reverses, d.OriginalNo)
	y = r.kv(margin, y, contentW, words.text, d.Text)
	y += 3

	cols := stockCols([]float64{8, 18, 58, 18, 10, 22, 26, 20}, "RLLRLRRR")
	titles := []string{words.colNo, words.colCode, words.colItem, words.colQty, words.colUnit, words.colUnitCost, words.colValue, words.colCosts}
	y = r.stockHeader(y, cols, titles)
	var qtyTotal app.Qty
	for i, l := range d.Lines {
		name := l.Name
		if l.Lot != "" {
			name += " (" + words.lot + " " + l.Lot
			if !l.Expiry.IsZero() {
				name += ", " + words.expiry + " " + date(l.Expiry)
			}
			name += ")"
		}
		if len(l.Serials) > 0 {
			name += " " + words.serials + " " + joinShort(l.Serials, 20)
		}
		r.font("", 8)
		lines := splitLines(r.f, name, cols[2].w-1.6)
		if len(lines) > 40 {
			lines = append(lines[:39], lines[39]+"…")
		}
		h := float64(len(lines))*3.6 + 1.4
		if y+h > bodyBottom {
			r.f.AddPage()
			y = r.stockHeader(margin, cols, titles)
		}
		r.ink(inkText)
		cells := []string{strconv.Itoa(i + 1), l.Code, "", l.Qty.Format(lang), l.Unit, money(l.UnitCost), money(l.Value), ""}
		if l.Costs != 0 {
			cells[7] = money(l.Costs)
		}
		for j, c := range cols {
			if j == 2 {
				continue
			}
			r.fit(c.x+0.8, y, c.w-1.6, 3.6, cells[j], "", 8, c.align)
		}
		r.font("", 8)
		for k, s := range lines {
			r.text(cols[2].x+0.8, y+float64(k)*3.6, cols[2].w-1.6, 3.6, s, "L")
		}
		y += h
		r.rule(margin, right, y-0.7, inkRule, 0.1)
		qtyTotal += l.Qty
	}
	need := 10 + float64(len(d.Costs))*4.8 + 40
	if y+need > bodyBottom {
		r.f.AddPage()
		y = margin
	}
	y += 2
	if len(d.Costs) > 0 {
		r.ink(inkText)
		r.font("B", 9)
		r.text(margin, y, contentW, 5, words.costs, "L")
		y += 5
		for _, k := range d.Costs {
			r.font("", 8.5)
			r.fit(margin+4, y, contentW-50, 4.5, k.Text, "", 8.5, "L")
			r.fit(right-46, y, 46, 4.5, money(k.Amount), "", 8.5, "R")
			y += 4.8
		}
		y += 2
	}
	r.ink(inkText)
	r.font("B", 10)
	r.text(margin, y, 80, 6, words.total, "L")
	r.fit(right-70, y, 70, 6, money(d.Total), "B", 10, "R")
	y += 12
	who := func(name, id string) string {
		if name != "" {
			return name
		}
		return id
	}
	posted := ""
	if !d.Posted.IsZero() {
		posted = app.DateOf(d.Posted).Format(lang)
	}
	r.signature(margin, y, contentW/2-5, words.responsible, who(p.Responsible, d.Responsible), made, words)
	r.signature(margin+contentW/2+5, y, contentW/2-5, words.postedBy, who(p.PostedBy, d.PostedBy), posted, words)
	r.footers()
	return r.output(w)
}

// signature is a signature record: the role, the person and the day, and a
// line to sign on.
func (r *renderer) signature(x, y, w float64, role, person, day string, words *stockWords) {
	r.ink(inkLabel)
	r.font("", 8)
	r.text(x, y, w, 4, role, "L")
	r.ink(inkText)
	r.fit(x, y+4.5, w, 4.5, person, "B", 9, "L")
	r.rule(x, x+w, y+18, inkText, 0.2)
	r.ink(inkLabel)
	r.font("", 7)
	r.text(x, y+18.5, w, 3.5, words.signature, "L")
	r.text(x, y+18.5, w, 3.5, words.date+" "+day, "R")
}

// joinShort joins up to n of ss with ", ", then "…".
func joinShort(ss []string, n int) string {
	out := ""
	for i, s := range ss {
		if i == n {
			return out + ", …"
		}
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

// sheetBarcode encodes the line's barcode: the item's EAN-13 (EAN-8, or a
// UPC-A as EAN-13) when it has a valid one, else a Code128 of its code; nil when neither
// can be encoded (a code with non-ASCII characters).
func sheetBarcode(eanCode, code string) barcode.Barcode {
	if len(eanCode) == 12 && app.ValidateEAN(eanCode) == nil {
		eanCode = "0" + eanCode // a UPC-A is the EAN-13 with a leading zero
	}
	if (len(eanCode) == 13 || len(eanCode) == 8) && app.ValidateEAN(eanCode) == nil {
		if b, err := ean.Encode(eanCode); err == nil {
			return b
		}
	}
	if code == "" || len(code) > 40 {
		return nil
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 0x20 || code[i] > 0x7e {
			return nil
		}
	}
	b, err := code128.Encode(code)
	if err != nil {
		return nil
	}
	return b
}

// drawBars draws a linear barcode into a box w × h mm at x, y, with a
// quiet zone of 10 modules on each side (EAN asks for 7 to 11).
func drawBars(r *renderer, code barcode.Barcode, x, y, w, h float64) {
	n := code.Bounds().Dx()
	m := w / float64(n+20)
	if m > 0.4 {
		m = 0.4
	}
	ox := x + 10*m
	r.f.SetFillColor(0, 0, 0)
	dark := func(i int) bool {
		c, _, _, _ := code.At(i, 0).RGBA()
		return c < 0x8000
	}
	for i := 0; i < n; {
		if !dark(i) {
			i++
			continue
		}
		s := i
		for i < n && dark(i) {
			i++
		}
		r.f.Rect(ox+float64(s)*m, y, float64(i-s)*m, h, "F")
	}
}

// RenderStocktakeSheet writes the inventurní soupis for counting as one
// PDF to w: per line the item, a barcode to scan, the unit, the expected
// quantity (only when ShowExpected) and an empty box for the count; at the
// end the signature lines of who counted and who is responsible (§30 odst.
// 7 ZoÚ).
func RenderStocktakeSheet(w io.Writer, s app.StocktakeSheet, c app.Company, opt Options) (err error) {
	st := s.Take
	defer recoverPanic("rendering stocktake sheet "+st.Number, &err)
	lang := s.PrintLang()
	opt.Lang = lang
	words := stockWordsFor(lang)
	texts := []string{st.Number, s.Location.Code, s.Location.Name, s.CountedBy, s.Responsible, st.CountedBy, st.Responsible, c.Name}
	for _, l := range st.Lines {
		texts = append(texts, l.Code, l.Name, l.Unit, l.Lot, l.Serial)
	}
	r := stockPage(c, lang, opt, texts)
	title := words.stocktake
	if st.Number != "" {
		title += " " + words.no + " " + st.Number
	}
	setInfo(r.f, title, c.Name, "")
	r.ink(inkText)
	r.fit(margin, margin, contentW, 8, title, "B", 15, "L")
	y := float64(margin) + 9
	r.fit(margin, y, contentW, 5, c.Name, "", 9, "L")
	y += 7
	loc := s.Location.Code
	if s.Location.Name != "" {
		loc += " – " + s.Location.Name
	}
	if loc == "" {
		loc = st.Location
	}
	y = r.kv(margin, y, contentW, words.location, loc)
	if !st.Date.IsZero() {
		y = r.kv(margin, y, contentW, words.asOf, st.Date.Format(lang))
	}
	y += 3
	cols := stockCols([]float64{8, 22, 58, 46, 12, 17, 17}, "RLLCLRR")
	titles := []string{words.colNo, words.colCode, words.colItem, words.colBarcode, words.colUnit, words.colExpected, words.colCounted}
	y = r.stockHeader(y, cols, titles)
	const rowH = 14.0
	for i, l := range st.Lines {
		if y+rowH > bodyBottom {
			r.f.AddPage()
			y = r.stockHeader(margin, cols, titles)
		}
		r.ink(inkText)
		r.fit(cols[0].x+0.8, y+1, cols[0].w-1.6, 4, strconv.Itoa(i+1), "", 8, "R")
		r.fit(cols[1].x+0.8, y+1, cols[1].w-1.6, 4, l.Code, "", 8, "L")
		name := l.Name
		if l.Lot != "" {
			name += " (" + words.lot + " " + l.Lot + ")"
		}
		if l.Serial != "" {
			name += " (" + words.serials + " " + l.Serial + ")"
		}
		r.font("", 8)
		lines := splitLines(r.f, name, cols[2].w-1.6)
		if len(lines) > 3 {
			lines = append(lines[:2], lines[2]+"…")
		}
		for k, t := range lines {
			r.text(cols[2].x+0.8, y+1+float64(k)*3.6, cols[2].w-1.6, 3.6, t, "L")
		}
		if b := sheetBarcode(s.EAN[l.ItemID], l.Code); b != nil {
			drawBars(r, b, cols[3].x+1, y+1, cols[3].w-2, 9)
			r.ink(inkText)
			r.fit(cols[3].x+1, y+10, cols[3].w-2, 3, b.Content(), "", 6.5, "C")
		}
		r.ink(inkText)
		r.fit(cols[4].x+0.8, y+1, cols[4].w-1.6, 4, l.Unit, "", 8, "L")
		if s.ShowExpected {
			r.fit(cols[5].x+0.8, y+1, cols[5].w-1.6, 4, l.Expected.Format(lang), "", 8, "R")
		}
		r.f.SetDrawColor(inkLabel, inkLabel, inkLabel)
		r.f.SetLineWidth(0.2)
		r.f.Rect(cols[6].x+1, y+1.5, cols[6].w-2, rowH-4, "D")
		r.rule(margin, right, y+rowH-0.5, inkRule, 0.1)
		y += rowH
	}
	if y+32 > bodyBottom {
		r.f.AddPage()
		y = margin
	}
	y += 8
	who := func(name, id string) string {
		if name != "" {
			return name
		}
		return id
	}
	r.signature(margin, y, contentW/2-5, words.countedBy, who(s.CountedBy, st.CountedBy), "", words)
	r.signature(margin+contentW/2+5, y, contentW/2-5, words.responsible, who(s.Responsible, st.Responsible), "", words)
	r.footers()
	return r.output(w)
}
