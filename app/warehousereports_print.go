package app

// StockDocPrint is a stock document ready to print (příjemka, výdejka,
// převodka, inventurní rozdíly) with what the document itself only names by
// ID: its locations and the people who signed it (§11 ZoÚ: the responsible
// person and who posted it).
type StockDocPrint struct {
	Doc         StockDoc
	From, To    Location // Doc.Location, Doc.ToLocation (a transfer)
	Responsible string   // the name of Doc.Responsible; "" prints the ID
	PostedBy    string   // the name of Doc.PostedBy; "" prints the ID
	Lang        Lang
}

// PrintLang is the document's language, Czech unless English is asked for.
func (p StockDocPrint) PrintLang() Lang { return langOrCzech(p.Lang) }

// PrintName is the document's number, or its kind while a draft has none.
func (p StockDocPrint) PrintName() string {
	if p.Doc.Number != "" {
		return p.Doc.Number
	}
	return string(p.Doc.Kind)
}

// StocktakeSheet is the inventurní soupis printed for counting (§30 odst. 7
// ZoÚ): the lines of a stocktake with a barcode each, the expected quantity
// shown only when ShowExpected, an empty column for the count and lines for
// the signatures of who counted and who is responsible.
type StocktakeSheet struct {
	Take         Stocktake
	Location     Location
	EAN          map[string]string // item ID → EAN; items without one get a Code128 of their code
	ShowExpected bool
	CountedBy    string // names; "" prints the stocktake's IDs
	Responsible  string
	Lang         Lang
}

// PrintLang is the sheet's language, Czech unless English is asked for.
func (s StocktakeSheet) PrintLang() Lang { return langOrCzech(s.Lang) }

// PrintName is the stocktake's number.
func (s StocktakeSheet) PrintName() string {
	if s.Take.Number != "" {
		return s.Take.Number
	}
	return "stocktake"
}
