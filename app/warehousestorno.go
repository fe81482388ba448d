package app

import "time"

// StornoStockDoc is the draft that reverses posted document orig, dated
// date, with id: its kind, lines, costs and counter, posted with the sides
// swapped and the stock moving back at the values orig carried (a
// transfer's storno is a transfer back at today's cost). It refuses a
// draft, a storno, and a document already reversed.
func StornoStockDoc(orig StockDoc, id string, date Date, user string, now time.Time) (StockDoc, error) {
	switch {
	case orig.Status != StockPosted:
		return StockDoc{}, Invalid("stock.original", "err.stock.storno_draft", "only a posted document is reversed; a draft is edited or deleted", nil)
	case orig.Storno:
		return StockDoc{}, Invalid("stock.original", "err.stock.storno_of_storno", "{{.number}} is itself a storno", map[string]any{"number": orig.Number})
	case orig.ReversedBy != "":
		return StockDoc{}, Errorf(ECONFLICT, "err.stock.reversed", "{{.number}} has already been reversed", map[string]any{"number": orig.Number})
	}
	d := orig
	d.ID, d.Number, d.Status, d.Date = id, "", StockDraft, date
	d.Storno, d.OriginalID, d.OriginalNo, d.ReversedBy = true, orig.ID, orig.Number, ""
	d.Responsible, d.PostedBy, d.EntryID, d.Created, d.Posted, d.Revision = user, "", "", now, time.Time{}, 0
	d.Lines = append([]StockLine(nil), orig.Lines...)
	d.Costs = append([]AcquisitionCost(nil), orig.Costs...)
	if d.Kind == StockTransfer {
		d.Location, d.ToLocation = orig.ToLocation, orig.Location
	}
	return d, nil
}
