package app

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
)

// The price-list items the warehouse keeps, in and out as CSV: the
// encodings, separators, quoting and formula guards are the customer CSV's
// (customercsv.go); the columns are in itemcsvcols.go.

// ItemRow is one row of an item CSV: the price-list item and its stock
// card as the row gives them, and the code of the default location (the
// card's Location is filled from it by PlanItems).
type ItemRow struct {
	Line     int
	Item     Item
	Stock    StockItem
	Location string // the default location's code, "" for none
}

// ItemCSV is an item file as ReadItemsCSV understood it.
type ItemCSV struct {
	Encoding  string
	Separator rune
	Header    []string
	Ignored   []string   // headers Kontor has no field for
	Rows      []ItemRow  // rows whose cells read, in file order
	Rejected  []RowError // rows with a cell that does not, with the reason
	cols      [numItemColumns]int
	// partial are the rejected rows as far as their cells read (the
	// others zero), for PlanItems to check the rest of them too.
	partial []ItemRow
}

// Has reports whether the file has a column for field ("stock_item.ean").
// PlanItems keeps what is on file for the fields the file has no column for.
func (f ItemCSV) Has(field string) bool {
	for k, c := range itemColumns {
		if c.field == field {
			return f.cols[k] >= 0
		}
	}
	return false
}

// Reason words err about a row the way Rejected does: each wrong field
// named by its column's header in the file ("EAN: …", "Sklad: …").
func (f ItemCSV) Reason(err error) string {
	return ErrorMessage(err, itemColumnNames{header: f.Header, cols: f.cols})
}

// itemColumnNames is the Translator of a row's reason (as columnNames).
type itemColumnNames struct {
	header []string
	cols   [numItemColumns]int
}

// Translate implements Translator.
func (n itemColumnNames) Translate(key, fallback string, args map[string]any) string {
	for k, c := range itemColumns {
		if key == "field."+c.field && n.header != nil && n.cols[k] >= 0 {
			return strings.TrimSpace(n.header[n.cols[k]])
		}
	}
	if key == "field.stock_item.ean" {
		return "EAN"
	}
	return renderTemplate(fallback, args)
}

// ReadItemsCSV reads an item CSV as ReadCustomersCSV reads a customer one
// (encoding, separator, Czech or English headers, apostrophes before
// formulas), then each row's cells: prices as people write them ("1 234,50",
// "1234.5"), the VAT rate as a percentage the company's rates have on day
// (rates nil: DefaultVATRates; day zero: any day) or as its kind
// ("základní", "reduced"), the tracking ("šarže", "serial", empty for none),
// the kind ("zboží", "material"), the warranty in months ("24", "24 měsíců")
// and quantities with up to three decimals. A row with a cell that does not
// read is rejected with every such cell named; blank rows are skipped.
// Rules that need the price list and the locations (and the EAN check
// digit) are PlanItems'.
func ReadItemsCSV(data []byte, rates []VATRate, day Date) (ItemCSV, error) {
	var f ItemCSV
	r, header, err := openCSV(data, &f.Encoding, &f.Separator)
	if err != nil {
		return f, err
	}
	f.Header = header
	if err := mapItemHeader(&f); err != nil {
		return f, err
	}
	if rates == nil {
		rates = DefaultVATRates()
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			f.Rows, f.Rejected = nil, nil
			return f, csvError(err)
		}
		line, _ := r.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		row, err := f.itemFromRecord(rec, rates, day)
		row.Line = line
		if err != nil {
			f.Rejected = append(f.Rejected, RowError{Line: line, Reason: f.Reason(err), Err: err})
			f.partial = append(f.partial, row)
			continue
		}
		f.Rows = append(f.Rows, row)
	}
}

// itemFromRecord reads one row's cells, naming every one that does not read.
func (f ItemCSV) itemFromRecord(rec []string, rates []VATRate, day Date) (ItemRow, error) {
	get := func(k itemColumn) string {
		if i := f.cols[k]; i >= 0 && i < len(rec) {
			return oneLine(cellText(rec[i]))
		}
		return ""
	}
	var es Errors
	var row ItemRow
	it := &row.Item
	it.Code, it.Name, it.Unit, it.Stock = get(icolCode), get(icolName), get(icolUnit), true
	it.Price.Currency = currencyCode(get(icolCurrency))
	if v := get(icolVAT); v != "" {
		kind, err := csvVATKind(v, rates, day)
		es.Add(err)
		it.VATKind = kind
	}
	money := func(k itemColumn, field, cur string) int64 {
		v := get(k)
		if v == "" {
			return 0
		}
		if !ValidCurrency(cur) {
			cur = ""
		}
		if n, ok := plainAmount(v, MinorDigits(cur)); ok {
			return n
		}
		m, err := ParseMoney(v, cur, Czech)
		if err != nil {
			es.Add(WithField(err, field))
		}
		return m.Amount
	}
	it.Price.Amount = money(icolPrice, "item.price", it.Price.Currency)
	s := &row.Stock
	s.PurchasePrice.Amount = money(icolPurchase, "stock_item.purchase_price", "")
	s.EAN = NormalizeEAN(get(icolEAN))
	if strings.ContainsAny(s.EAN, "eE") && strings.ContainsAny(s.EAN, ",.") {
		es.Add(Invalid("stock_item.ean", "err.csv.ean_scientific", "“{{.value}}” is a barcode a spreadsheet turned into a number; format the column as text and type the digits again", map[string]any{"value": s.EAN}))
	}
	if v := get(icolWarranty); v != "" {
		n, err := warrantyMonths(v)
		es.Add(err)
		s.WarrantyMonths = n
	}
	qty := func(k itemColumn, field string) Qty {
		v := get(k)
		if v == "" {
			return 0
		}
		if n, ok := plainAmount(v, 3); ok {
			return Qty(n)
		}
		q, err := ParseQty(v, Czech)
		if err != nil {
			es.Add(WithField(err, field))
		}
		return q
	}
	s.ReorderPoint = qty(icolReorderPoint, "stock_item.reorder_point")
	s.ReorderQty = qty(icolReorderQty, "stock_item.reorder_qty")
	row.Location = get(icolLocation)
	if v := get(icolTracking); v != "" {
		t, err := trackingOf(v)
		es.Add(err)
		s.Tracking = t
	}
	if v := get(icolKind); v != "" {
		k, err := stockKindOf(v)
		es.Add(err)
		s.Kind = k
	}
	return row, es.Err()
}

// csvVATKind reads a VAT rate: a percentage ("21", "21 %", "12,0") that
// one of rates has on day, or a kind's name in Czech or English.
func csvVATKind(v string, rates []VATRate, day Date) (string, error) {
	for _, vr := range rates {
		if (day.IsZero() || vr.Covers(day)) && v == vr.Rate.Format(Czech) {
			return vr.Kind, nil // as WriteItemsCSV writes it
		}
	}
	switch foldWord(v) {
	case "standard", "zakladni", "basic", "z":
		return VATStandard, nil
	case "reduced", "snizena", "s":
		return VATReduced, nil
	case "zero", "nulova", "osvobozeno", "exempt", "n":
		return VATZero, nil
	}
	p := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "%"))
	if r, err := ParseRate(p, Czech); err == nil {
		for _, vr := range rates {
			if vr.Rate.Cmp(r) == 0 && (day.IsZero() || vr.Covers(day)) {
				return vr.Kind, nil
			}
		}
	}
	return "", Invalid("item.vat_kind", "err.csv.vat_rate", "“{{.value}}” is not a VAT rate in force: write its percentage ({{.rates}}) or základní, snížená, nulová", map[string]any{"value": v, "rates": ratesText(rates, day)})
}

// ratesText lists the percentages of rates in force on day: "21 %, 12 %, 0 %".
func ratesText(rates []VATRate, day Date) string {
	var out []string
	for _, vr := range rates {
		if day.IsZero() || vr.Covers(day) {
			out = append(out, vr.Rate.Format(Czech)+" %")
		}
	}
	return strings.Join(out, ", ")
}

// vatPercent is the percentage WriteItemsCSV writes for kind: its rate on
// day ("21"), or the kind itself when no rate covers the day.
func vatPercent(kind string, rates []VATRate, day Date) string {
	for _, vr := range rates {
		if vr.Kind == kind && (day.IsZero() || vr.Covers(day)) {
			return vr.Rate.Format(Czech)
		}
	}
	return kind
}

// warrantyMonths reads "24", "24 měsíců", "24 months".
func warrantyMonths(v string) (int, error) {
	digits := strings.TrimRightFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	unit := strings.TrimSpace(foldWord(v[len(digits):]))
	n, err := strconv.Atoi(strings.TrimSpace(digits))
	switch unit {
	case "", "m", "mes", "mes.", "mesic", "mesice", "mesicu", "month", "months", "mo":
	default:
		err = errors.New("unit")
	}
	if err != nil || n > MaxWarrantyMonths {
		return 0, Invalid("stock_item.warranty_months", "err.csv.warranty", "“{{.value}}” is not a warranty of 0 to {{.max}} months", map[string]any{"value": v, "max": MaxWarrantyMonths})
	}
	return n, nil
}

// trackingOf reads a tracking: none, lots (šarže) or serial numbers.
func trackingOf(v string) (Tracking, error) {
	switch strings.Join(strings.Fields(strings.NewReplacer("-", " ", "_", " ", ".", " ").Replace(foldWord(v))), " ") {
	case "", "none", "no", "ne", "zadna", "zadne", "bez", "nesleduje se":
		return TrackNone, nil
	case "lot", "lots", "batch", "sarze", "sarzi":
		return TrackLot, nil
	case "serial", "serials", "serial number", "serial numbers", "sn", "s n", "vc", "v c", "vyrobni cislo", "vyrobni cisla", "seriove cislo", "seriova cisla":
		return TrackSerial, nil
	}
	return "", Invalid("stock_item.tracking", "err.csv.tracking", "“{{.value}}” is not a tracking: write šarže, výrobní číslo or leave it empty", map[string]any{"value": v})
}

// trackingWord is how WriteItemsCSV writes t.
func trackingWord(t Tracking) string {
	switch t {
	case TrackLot:
		return "šarže"
	case TrackSerial:
		return "výrobní číslo"
	}
	return ""
}

// plainAmount reads what WriteItemsCSV writes, "1234,50" or "1234.5" (at
// most digits decimals, at most 15 digits before them), without the cost
// of ParseMoney, which reads every way people write amounts; ok is false
// for anything else.
func plainAmount(v string, digits int) (int64, bool) {
	var n int64
	whole, frac, dec := 0, 0, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= '0' && c <= '9' && !dec:
			whole++
		case c >= '0' && c <= '9':
			frac++
		case (c == ',' || c == '.') && !dec && whole > 0:
			dec = true
			continue
		default:
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if whole == 0 || whole > 15 || frac > digits || dec && frac == 0 {
		return 0, false
	}
	for ; frac < digits; frac++ {
		n *= 10
	}
	return n, true
}

// stockKindOf reads goods (zboží) or material (materiál).
func stockKindOf(v string) (StockKind, error) {
	switch v {
	case "zboží":
		return StockGoods, nil
	case "materiál":
		return StockMaterial, nil
	}
	switch foldWord(v) {
	case "goods", "zbozi", "z":
		return StockGoods, nil
	case "material", "m":
		return StockMaterial, nil
	}
	return "", Invalid("stock_item.kind", "err.csv.stock_kind", "“{{.value}}” is not a kind of stock: write zboží or materiál", map[string]any{"value": v})
}

func stockKindWord(k StockKind) string {
	if k == StockMaterial {
		return "materiál"
	}
	return "zboží"
}

// plainMinor writes minor units as a spreadsheet reads a number in Czech:
// "-1234,50", no thousands separator; trim drops trailing zeros ("1,5").
func plainMinor(v int64, digits int, trim bool) string {
	s := FormatMinor(v, digits, "")
	if trim && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", ",", 1)
}

// WriteItemsCSV writes items as WriteCustomersCSV writes customers (UTF-8
// with a byte-order mark, ';', CRLF, Czech headers, formulas defused):
// every column, the VAT rate as its percentage on day, amounts and
// quantities as Czech Excel reads numbers ("1234,50"), what ReadItemsCSV
// reads back the same.
func WriteItemsCSV(w io.Writer, rows []ItemRow, rates []VATRate, day Date) error {
	if rates == nil {
		rates = DefaultVATRates()
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	rec := make([]string, numItemColumns)
	for k := range rec {
		rec[k] = itemColumns[k].header
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range rows {
		it, s := r.Item, r.Stock
		rec[icolCode], rec[icolName], rec[icolUnit] = it.Code, it.Name, it.Unit
		rec[icolVAT] = vatPercent(it.VATKind, rates, day)
		rec[icolPrice], rec[icolCurrency] = plainMinor(it.Price.Amount, MinorDigits(it.Price.Currency), false), it.Price.Currency
		rec[icolPurchase] = plainMinor(s.PurchasePrice.Amount, MinorDigits(s.PurchasePrice.Currency), false)
		rec[icolEAN], rec[icolWarranty] = s.EAN, strconv.Itoa(s.WarrantyMonths)
		rec[icolReorderPoint], rec[icolReorderQty] = plainMinor(int64(s.ReorderPoint), 3, true), plainMinor(int64(s.ReorderQty), 3, true)
		rec[icolLocation], rec[icolTracking], rec[icolKind] = r.Location, trackingWord(s.Tracking), stockKindWord(s.Kind)
		for i, v := range rec {
			rec[i] = defuse(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
