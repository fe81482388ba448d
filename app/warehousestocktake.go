package app

import "time"

// Stocktake is an inventurní soupis (§ 30 ZoÚ): the quantities counted in
// one location on one day beside what the books expected, with the
// signature records of who counted (CountedBy) and who is responsible
// (Responsible). Its differences become a difference document
// (StocktakeDifference) that posts the shortages and surpluses.
type Stocktake struct {
	ID          string      `json:"id"`
	Branch      string      `json:"branch"`
	Number      string      `json:"number"`
	Date        Date        `json:"date"` // the day the stock was counted as of
	Location    string      `json:"location"`
	Lines       []CountLine `json:"lines"`
	CountedBy   string      `json:"counted_by"`
	Responsible string      `json:"responsible"`
	Status      StockStatus `json:"status"`
	// DifferenceID is the difference document made from it, once posted.
	DifferenceID string    `json:"difference_id,omitempty"`
	Created      time.Time `json:"created"`
}

// CountLine is one item (one lot, one serial number) of a stocktake.
type CountLine struct {
	ItemID   string `json:"item_id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Unit     string `json:"unit"`
	Lot      string `json:"lot,omitempty"`
	Serial   string `json:"serial,omitempty"`
	Expected Qty    `json:"expected"` // the books' level on Date
	Count    Qty    `json:"count"`
	Counted  bool   `json:"counted"` // Count was entered (zero counts too)
	// Norm is the natural loss the norm allows for the item over the period
	// (norma přirozených úbytků); a shortage beyond it is a loss.
	Norm Qty `json:"norm,omitempty"`
	// UnitCost values a surplus (haléře per unit); zero: the current average.
	UnitCost int64 `json:"unit_cost,omitempty"`
}

// Difference is the line's count less what was expected: negative a
// shortage, positive a surplus.
func (l CountLine) Difference() Qty { return l.Count - l.Expected }

// CountScan is the stocktake after scanning one more unit of item (lot,
// serial): the line's count goes up by qty, or a line is added for an item
// the sheet did not expect (its expectation zero).
func (st Stocktake) CountScan(item StockItem, it Item, lot, serial string, qty Qty) Stocktake {
	st.Lines = append([]CountLine(nil), st.Lines...)
	for i, l := range st.Lines {
		if l.ItemID == item.ItemID && l.Lot == lot && l.Serial == serial {
			st.Lines[i].Count += qty
			st.Lines[i].Counted = true
			return st
		}
	}
	st.Lines = append(st.Lines, CountLine{ItemID: item.ItemID, Code: it.Code, Name: it.Name, Unit: it.Unit, Lot: lot, Serial: serial, Count: qty, Counted: true})
	return st
}

// StocktakeDifference is the difference document of stocktake st: one line
// per counted line whose count differs from what was expected — a shortage
// (negative quantity, the part over the norm in Beyond) or a surplus —
// dated the stocktake's day in its location, linked to it; the lines of a
// lot or serial number carry it. It refuses a stocktake with a line not
// counted or a negative count or norm; with no difference at all it
// returns a document without lines (nothing to post).
func StocktakeDifference(st Stocktake) (StockDoc, error) {
	d := StockDoc{Kind: StockDifference, Date: st.Date, Location: st.Location, Branch: st.Branch,
		SourceKind: "stocktake", SourceID: st.ID, SourceNo: st.Number, Responsible: st.Responsible, Status: StockDraft}
	if st.Status == StockPosted {
		return d, Errorf(ECONFLICT, "err.stock.posted", "{{.number}} is posted; correct it with a new document", map[string]any{"number": st.Number})
	}
	var es Errors
	// One line per item and lot: the serial numbers of a serial-tracked
	// item's shortage (or surplus) go on one line.
	type key struct{ item, lot string }
	at := map[key]int{}
	for i, l := range st.Lines {
		args := map[string]any{"n": i + 1, "item": l.Name}
		switch {
		case !l.Counted:
			es.Add(Invalid("stocktake.lines", "err.stocktake.not_counted", "line {{.n}} ({{.item}}) has not been counted", args))
			continue
		case l.Count < 0 || l.Norm < 0:
			es.Add(Invalid("stocktake.lines", "err.stocktake.negative", "line {{.n}} ({{.item}}): a count cannot be negative", args))
			continue
		}
		diff := l.Difference()
		if diff == 0 {
			continue
		}
		k := key{l.ItemID, l.Lot}
		if l.Serial != "" {
			k.lot += "\x00" + map[bool]string{true: "+", false: "-"}[diff > 0]
		}
		j, ok := at[k]
		if !ok {
			j = len(d.Lines)
			at[k] = j
			d.Lines = append(d.Lines, StockLine{ItemID: l.ItemID, Code: l.Code, Name: l.Name, Unit: l.Unit, Lot: l.Lot, UnitCost: l.UnitCost})
		}
		dl := &d.Lines[j]
		dl.Qty += diff
		if l.Serial != "" {
			dl.Serials = append(dl.Serials, l.Serial)
		}
		if diff < 0 && -diff > l.Norm {
			dl.Beyond += -diff - l.Norm
		}
	}
	return d, es.Err()
}

// ErrStocktakeDrafts is the refusal of a stocktake over a period in which
// n stock documents of its location are still drafts: the expected levels
// would be wrong.
func ErrStocktakeDrafts(n int) error {
	return Invalid("stocktake.date", "err.stocktake.drafts", "{{.n}} stock documents of this location up to the stocktake's day are not posted; post or delete them first", map[string]any{"n": n})
}
