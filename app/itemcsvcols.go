package app

import (
	"strings"
	"sync"
)

// itemColumn is a field of a price-list item or its stock card that a
// column of an item CSV fills.
type itemColumn int

const (
	icolCode itemColumn = iota
	icolName
	icolUnit
	icolVAT
	icolPrice
	icolCurrency
	icolPurchase
	icolEAN
	icolWarranty
	icolReorderPoint
	icolReorderQty
	icolLocation
	icolTracking
	icolKind
	numItemColumns
)

// itemColumns are the columns of an item CSV: the field each fills, the
// header WriteItemsCSV writes, and the headers ReadItemsCSV accepts,
// compared like the customer CSV's (headerKey: no case, diacritics, spaces
// or punctuation).
var itemColumns = [numItemColumns]struct {
	field, header string
	accepted      []string
}{
	icolCode:         {"item.code", "Kód", []string{"Kód", "Kód položky", "Katalogové číslo", "Číslo zboží", "Code", "Item code", "SKU", "Product code"}},
	icolName:         {"item.name", "Název", []string{"Název", "Název položky", "Položka", "Zboží", "Popis", "Name", "Item", "Item name", "Description"}},
	icolUnit:         {"item.unit", "Jednotka", []string{"Jednotka", "MJ", "Měrná jednotka", "Unit", "UoM", "Unit of measure"}},
	icolVAT:          {"item.vat_kind", "Sazba DPH (%)", []string{"Sazba DPH (%)", "Sazba DPH", "DPH", "DPH %", "VAT rate", "VAT", "VAT %", "VAT rate (%)"}},
	icolPrice:        {"item.price", "Prodejní cena", []string{"Prodejní cena", "Prodejní cena bez DPH", "Cena", "Cena bez DPH", "Sale price", "Selling price", "Price", "Unit price"}},
	icolCurrency:     {"item.currency", "Měna", []string{"Měna", "Currency"}},
	icolPurchase:     {"stock_item.purchase_price", "Nákupní cena", []string{"Nákupní cena", "Nákupní cena bez DPH", "Purchase price", "Cost price", "Cost"}},
	icolEAN:          {"stock_item.ean", "EAN", []string{"EAN", "EAN kód", "Čárový kód", "Barcode", "GTIN"}},
	icolWarranty:     {"stock_item.warranty_months", "Záruka (měsíce)", []string{"Záruka (měsíce)", "Záruka", "Záruka měsíců", "Záruční doba", "Warranty", "Warranty months", "Warranty (months)"}},
	icolReorderPoint: {"stock_item.reorder_point", "Minimální zásoba", []string{"Minimální zásoba", "Minimum", "Bod objednání", "Objednací bod", "Reorder point", "Minimum stock", "Min stock"}},
	icolReorderQty:   {"stock_item.reorder_qty", "Objednací množství", []string{"Objednací množství", "Objednat", "Reorder quantity", "Reorder qty", "Order quantity"}},
	icolLocation:     {"stock_item.location", "Umístění", []string{"Umístění", "Výchozí umístění", "Sklad", "Výchozí sklad", "Location", "Default location", "Warehouse"}},
	icolTracking:     {"stock_item.tracking", "Evidence", []string{"Evidence", "Sledování", "Šarže/výrobní čísla", "Tracking"}},
	icolKind:         {"stock_item.kind", "Druh", []string{"Druh", "Druh zásoby", "Kind", "Stock kind"}},
}

// itemHeaderIndex maps a folded header to its item column, made on first
// use (as headerIndex).
var itemHeaderIndex = sync.OnceValue(func() map[string]itemColumn {
	m := map[string]itemColumn{}
	for k, c := range itemColumns {
		for _, a := range c.accepted {
			m[headerKey(a)] = itemColumn(k)
		}
	}
	return m
})

// ItemCSVColumns lists the columns an item CSV may have, in the order
// WriteItemsCSV writes them; the code is the only one required (a row
// without a name, unit or price updates an item on file, or is refused as
// a new one).
func ItemCSVColumns() []CSVColumn {
	out := make([]CSVColumn, numItemColumns)
	for k, c := range itemColumns {
		out[k] = CSVColumn{Field: c.field, Header: c.header, Accepted: append([]string(nil), c.accepted...), Required: k == int(icolCode)}
	}
	return out
}

// mapItemHeader finds each field's column in f.Header (-1: absent) and
// notes the columns it does not know. It refuses a header that names no
// known column, one without the code, and two columns for one field.
func mapItemHeader(f *ItemCSV) error {
	for k := range f.cols {
		f.cols[k] = -1
	}
	known := 0
	for i, h := range f.Header {
		k, ok := itemHeaderIndex()[headerKey(h)]
		if !ok {
			if strings.TrimSpace(h) != "" {
				f.Ignored = append(f.Ignored, strings.TrimSpace(h))
			}
			continue
		}
		if j := f.cols[k]; j >= 0 {
			return Errorf(EINVALID, "err.csv.column_twice", "the columns “{{.a}}” and “{{.b}}” both hold the {{.field}}; rename or delete one of them",
				map[string]any{"a": strings.TrimSpace(f.Header[j]), "b": strings.TrimSpace(h), "field": Label{Key: "field." + itemColumns[k].field, Fallback: strings.ToLower(fieldFallback(itemColumns[k].field))}})
		}
		f.cols[k] = i
		known++
	}
	switch {
	case known == 0 && len(f.Header) == 1:
		return Errorf(EINVALID, "err.csv.items_not_csv", "this is not a CSV file: its first line has no separator (; , or tab) and no column names Kontor knows, such as Kód;Název;Jednotka", nil)
	case known == 0:
		return Errorf(EINVALID, "err.csv.items_no_columns", "this is not an item CSV: its first line names none of the columns Kontor reads (Kód, Název, Jednotka, Sazba DPH, Prodejní cena, EAN…)", nil)
	case f.cols[icolCode] < 0:
		return Errorf(EINVALID, "err.csv.no_code", "the column “Kód” (the item's code, also “Code” or “SKU”) is missing; it is required", nil)
	}
	return nil
}
