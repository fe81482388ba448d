package warehouse

import (
	"strings"

	"kontor/app"
)

// findScanned is the stock item a scanner (or a person) typed: its EAN
// (spaces and dashes dropped), else its item code, case-insensitively.
func (c *catalog) findScanned(text string) (app.StockItem, app.Item, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return app.StockItem{}, app.Item{}, false
	}
	ean := app.NormalizeEAN(text)
	for _, si := range c.stock {
		if si.EAN != "" && si.EAN == ean {
			return si, c.items[si.ItemID], true
		}
	}
	for _, si := range c.stock {
		if it, ok := c.items[si.ItemID]; ok && strings.EqualFold(it.Code, text) {
			return si, it, true
		}
	}
	return app.StockItem{}, app.Item{}, false
}

// addScanned is lines after one more unit of si: the item's last line goes
// up by one, or a new line of one unit is added at the purchase price. It
// returns the lines and the index of the line that changed.
func addScanned(lines []app.StockLine, si app.StockItem, it app.Item, unitCost int64) ([]app.StockLine, int) {
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].ItemID == si.ItemID {
			lines[i].Qty += app.Q(1)
			return lines, i
		}
	}
	lines = append(lines, app.StockLine{ItemID: si.ItemID, Code: it.Code, Name: it.Name, Unit: it.Unit, Qty: app.Q(1), UnitCost: unitCost})
	return lines, len(lines) - 1
}

// countScanned is the stocktake after one more unit of si was counted; the
// index of the line that changed.
func countScanned(st app.Stocktake, si app.StockItem, it app.Item) (app.Stocktake, int) {
	for i, l := range st.Lines {
		if l.ItemID == si.ItemID && l.Serial == "" {
			st.Lines = append([]app.CountLine(nil), st.Lines...)
			st.Lines[i].Count += app.Q(1)
			st.Lines[i].Counted = true
			return st, i
		}
	}
	st = st.CountScan(si, it, "", "", app.Q(1))
	return st, len(st.Lines) - 1
}
