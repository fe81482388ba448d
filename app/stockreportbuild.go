package app

import (
	"context"
	"strings"
	"time"
)

// StockReportQuery asks for one warehouse report (StockReportKinds).
type StockReportQuery struct {
	Kind ReportKind
	// To is the day the report is as of (the stock card's last day); zero
	// is today. From is the stock card's first day; zero is 1 January of
	// To's year. The other reports ignore it.
	From, To Date
	// Item is the stock card's item: its code (any case) or ID.
	Item string
	// Location, a location's code (any case) or ID, keeps the positions of
	// that location only (all reports but the reorder list, which is over
	// all locations); "" is every location.
	Location string
	// Days is the slow movers' days without an issue (0: 90) and the lot
	// expiry's horizon (0: 30).
	Days int
}

// Default days of the slow movers and the lot expiry reports.
const (
	DefaultSlowMoverDays = 90
	DefaultLotExpiryDays = 30
)

// StockPositions is every position's level at the end of day (only
// location's when it is not ""), read one position at a time from the
// running values (WarehouseService.StockLevel); positions with neither
// quantity nor value are left out.
func StockPositions(ctx context.Context, w WarehouseService, cards []StockItem, locs []Location, location string, day Date) (map[PosKey]Position, error) {
	out := map[PosKey]Position{}
	for _, s := range cards {
		for _, l := range locs {
			if location != "" && l.ID != location {
				continue
			}
			q, v, err := w.StockLevel(ctx, s.ItemID, l.ID, day)
			if err != nil {
				return nil, err
			}
			if q != 0 || v != 0 {
				out[PosKey{Item: s.ItemID, Location: l.ID}] = Position{Qty: q, Value: v}
			}
		}
	}
	return out, nil
}

// BuildStockReport gathers what a warehouse report needs from the services
// and lays it out in t's language (English for nil) with the builders of
// warehousereports.go. Unknown items and locations are refused naming the
// field (report.item, report.location).
func BuildStockReport(ctx context.Context, svc Services, q StockReportQuery, t Translator) (ReportTable, error) {
	if svc.Warehouse == nil {
		return ReportTable{}, Errorf(ENOTFOUND, "err.warehouse.off", "the company does not keep stock; set the warehouse up first", nil)
	}
	if q.To.IsZero() {
		q.To = DateOf(svc.Clock.Now())
	}
	cat := StockCatalog{Stock: map[string]StockItem{}, Items: map[string]Item{}, Locations: map[string]Location{}}
	if l, ok := t.(interface{ Lang() Lang }); ok {
		cat.Lang = l.Lang()
	}
	cards, err := svc.Warehouse.StockItems(ctx, "", 0)
	if err != nil {
		return ReportTable{}, err
	}
	for _, s := range cards {
		cat.Stock[s.ItemID] = s
	}
	items, err := svc.PriceList.Items(ctx)
	if err != nil {
		return ReportTable{}, err
	}
	for _, it := range items {
		cat.Items[it.ID] = it
	}
	locs, err := svc.Warehouse.Locations(ctx)
	if err != nil {
		return ReportTable{}, err
	}
	for _, l := range locs {
		cat.Locations[l.ID] = l
	}
	location := ""
	if q.Location != "" {
		l, ok := FindLocation(locs, q.Location)
		if !ok {
			return ReportTable{}, Invalid("report.location", "err.report.location", "no location has the code {{.code}}", map[string]any{"code": q.Location})
		}
		location = l.ID
	}
	switch q.Kind {
	case ReportStockLevels:
		pos, err := StockPositions(ctx, svc.Warehouse, cards, locs, location, q.To)
		if err != nil {
			return ReportTable{}, err
		}
		return StockLevelsReport(cat, pos, q.To, t), nil
	case ReportStockCard:
		id := ""
		for _, it := range items {
			if _, ok := cat.Stock[it.ID]; ok && (strings.EqualFold(it.Code, strings.TrimSpace(q.Item)) || it.ID == q.Item) {
				id = it.ID
			}
		}
		if id == "" {
			return ReportTable{}, Invalid("report.item", "err.report.stock_item", "no stock item has the code {{.code}}", map[string]any{"code": q.Item})
		}
		from := q.From
		if from.IsZero() {
			from = D(q.To.Year(), time.January, 1)
		}
		if err := ValidatePeriod(from, q.To); err != nil {
			return ReportTable{}, err
		}
		moves, err := svc.Warehouse.StockCard(ctx, id, location, Date{}, q.To)
		if err != nil {
			return ReportTable{}, err
		}
		return StockCardReport(cat, id, moves, from, q.To, t), nil
	case ReportReorder:
		levels := map[string]Qty{}
		for _, s := range cards {
			n, _, err := svc.Warehouse.StockLevel(ctx, s.ItemID, "", q.To)
			if err != nil {
				return ReportTable{}, err
			}
			levels[s.ItemID] = n
		}
		return ReorderReport(cat, levels, q.To, t), nil
	case ReportSlowMovers:
		days := q.Days
		if days <= 0 {
			days = DefaultSlowMoverDays
		}
		pos, err := StockPositions(ctx, svc.Warehouse, cards, locs, location, q.To)
		if err != nil {
			return ReportTable{}, err
		}
		issues, _, err := svc.Warehouse.StockDocs(ctx, StockDocFilter{Kind: StockIssue, Status: StockPosted, To: q.To}, 0, 0)
		if err != nil {
			return ReportTable{}, err
		}
		last := map[string]Date{}
		for _, d := range issues {
			if d.Storno || d.ReversedBy != "" {
				continue
			}
			for _, l := range d.Lines {
				if d.Date.After(last[l.ItemID]) {
					last[l.ItemID] = d.Date
				}
			}
		}
		return SlowMoversReport(cat, pos, last, q.To, days, t), nil
	case ReportLotExpiry:
		days := q.Days
		if days <= 0 {
			days = DefaultLotExpiryDays
		}
		var lots []LotLevel
		for _, s := range cards {
			if s.Tracking != TrackLot {
				continue
			}
			moves, err := svc.Warehouse.StockCard(ctx, s.ItemID, location, Date{}, q.To)
			if err != nil {
				return ReportTable{}, err
			}
			lots = append(lots, LotLevels(moves)...)
		}
		return LotExpiryReport(cat, lots, q.To, days, t), nil
	}
	return ReportTable{}, Invalid("report.kind", "err.report.unknown", "unknown report {{.value}}", map[string]any{"value": string(q.Kind)})
}

// LotLevels sums moves (one item's, in posting order) per location and lot:
// the quantity and value of each lot on hand after them, with its expiry
// (the latest a receipt of the lot gave).
func LotLevels(moves []StockMove) []LotLevel {
	type key struct{ item, loc, lot string }
	idx := map[key]int{}
	var out []LotLevel
	for _, m := range moves {
		if m.Lot == "" {
			continue
		}
		k := key{m.Item, m.Location, m.Lot}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, LotLevel{Item: m.Item, Location: m.Location, Lot: m.Lot})
		}
		out[i].Qty += m.Qty
		out[i].Value += m.Value
		if m.Expiry.After(out[i].Expiry) {
			out[i].Expiry = m.Expiry
		}
	}
	return out
}

// FindLocation finds a location by its code (any case) or ID.
func FindLocation(locs []Location, codeOrID string) (Location, bool) {
	v := strings.TrimSpace(codeOrID)
	for _, l := range locs {
		if l.ID == v || strings.EqualFold(l.Code, v) {
			return l, true
		}
	}
	return Location{}, false
}
