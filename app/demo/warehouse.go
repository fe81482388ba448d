package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"kontor/app"
)

// WarehouseCounts counts what the Warehouse step made.
type WarehouseCounts struct {
	Items, Locations int
	// Receipts from the suppliers' invoices (and the opening stock's).
	Receipts int
	// Roastings: each an issue of green coffee and a receipt of what it
	// roasted into.
	Roastings int
	Transfers int
	// Issues are the café's, the e-shop's and the shop's; Shipped the
	// issues the sales invoices shipped.
	Issues, Shipped int
	// Stocktakes at the end, and the difference documents they posted.
	Stocktakes, Differences int
	// Value is the stock's value at the end, haléře.
	Value int64
}

// demoWarehouseSeed keeps the warehouse's randomness apart.
const demoWarehouseSeed = 0x536b6c6164

// demoWarehouse is the roastery's warehouse, kept continuously (method A)
// at weighted average cost through the WarehouseService: the opening stock
// received on the first day; the goods of each supplier's received invoice
// received the next day with the transport on the invoice spread over them
// (ReceivePurchase); green coffee roasted every Monday (an issue of the
// green lots, a receipt of the roasted coffee at their cost); Brno supplied
// by transfer at each month's start; the café, the e-shop and the Brno shop
// issuing what they sold at each month's end; the sales invoices shipping
// their own issues as they are issued; and a stocktake of every location
// on the last day, with a shortage within the norm and a surplus.
type demoWarehouse struct {
	ctx     context.Context
	svc     app.Services
	b       *Book
	g       *demoGen
	rng     *rand.Rand
	started bool
	volume  int64 // the sales volume, whole (docVolume rounded up)
	items   map[string]app.Item
	cards   map[string]demoStock // by item ID
	locs    map[string]app.Location
	// lots are green coffee's lots in the bin, oldest first; serials the
	// electric grinders on hand per location, oldest first.
	lots     map[string][]demoLot
	serials  map[string][]string
	serialNo int
	month    app.Month // the last month Brno was supplied
	counts   WarehouseCounts
}

type demoLot struct {
	name   string
	expiry app.Date
	qty    app.Qty
}

// demoArrival is a received invoice whose goods arrive the next day.
type demoArrival struct {
	inv    app.PurchaseInvoice
	prefix string
}

// Warehouse is the demo's warehouse step (see demoWarehouse). Run sets the
// warehouse up before the opening balances when it is among the steps: the
// opening stock then goes through 131 to the opening receipt, the received
// invoices of goods to 131 and their receipts, and the journal's own goods
// (card purchases, the monthly cost of goods sold) leave 132 to the stock
// documents.
func Warehouse() Step { return &demoWarehouse{} }

func (w *demoWarehouse) Name() string { return "warehouse" }

// setUp switches the warehouse on (weighted average, method A) and makes
// the locations, before the opening balances need 131.
func (w *demoWarehouse) setUp(ctx context.Context, svc app.Services) error {
	if _, err := svc.Warehouse.SaveWarehouseSettings(ctx, app.WarehouseSettings{Method: app.StockContinuous, Costing: app.CostAverage}); err != nil {
		return err
	}
	w.locs = map[string]app.Location{}
	for _, l := range demoLocations {
		loc := app.Location{Code: l.code, Name: l.name, Branch: l.branch}
		if l.parent != "" {
			loc.Parent = w.locs[l.parent].ID
		}
		saved, err := svc.Warehouse.SaveLocation(ctx, loc)
		if err != nil {
			return err
		}
		w.locs[l.code] = saved
	}
	return nil
}

// Start keeps what the days need.
func (w *demoWarehouse) Start(ctx context.Context, b *Book) error {
	locs := w.locs
	*w = demoWarehouse{ctx: ctx, svc: b.Services, b: b, g: b.g, rng: rand.New(rand.NewPCG(demoWarehouseSeed, demoSeed2)), locs: locs,
		volume: int64(docVolume(b.g.scale) + 0.999), items: map[string]app.Item{}, cards: map[string]demoStock{},
		lots: map[string][]demoLot{}, serials: map[string][]string{}}
	if w.locs == nil {
		if err := w.setUp(ctx, b.Services); err != nil {
			return err
		}
	}
	w.g.docs.onHand = w.onHand
	return nil
}

// onHand is what the warehouse has of item where the card says it is kept
// (where an invoice ships it from) at the end of d.
func (w *demoWarehouse) onHand(itemID string, d app.Date) (app.Qty, bool, error) {
	s, ok := w.cards[itemID]
	if !ok {
		return 0, false, nil
	}
	q, _, err := w.svc.Warehouse.StockLevel(w.ctx, itemID, w.locs[s.location].ID, d)
	return q, true, err
}

// Day makes the stock cards and receives the opening stock on the first
// day (the Sales step's price list exists by then); receives what was
// invoiced before d; roasts on Mondays; supplies Brno on a month's first
// working day; and issues what the café, the e-shop and Brno sold on its
// last day.
func (w *demoWarehouse) Day(d app.Date) error {
	if !w.started {
		if err := w.cards_(); err != nil {
			return err
		}
		if err := w.opening(d); err != nil {
			return err
		}
		w.started = true
	}
	if err := w.receive(d, false); err != nil {
		return err
	}
	if weekday(d) == time.Monday && isWorkday(d) {
		if err := w.roast(d); err != nil {
			return err
		}
	}
	if isWorkday(d) && d.MonthOf() != w.month && d != w.b.From {
		w.month = d.MonthOf()
		if err := w.supplyBrno(d); err != nil {
			return err
		}
	}
	if d == d.MonthOf().Last() {
		return w.sold(d)
	}
	return nil
}

// Finish receives the last day's invoices, counts every location, and
// counts the entries of the issues the invoices shipped.
func (w *demoWarehouse) Finish(sum *Summary) error {
	if err := w.receive(w.b.To, true); err != nil {
		return err
	}
	if err := w.stocktakes(w.b.To); err != nil {
		return err
	}
	docs, _, err := w.svc.Warehouse.StockDocs(w.ctx, app.StockDocFilter{Kind: app.StockIssue}, 0, 0)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if d.SourceKind == string(app.KindInvoice) {
			w.counts.Shipped++
			if err := w.b.counted(w.ctx, d.EntryID); err != nil {
				return err
			}
		}
	}
	vals, err := w.svc.Warehouse.StockValuation(w.ctx, w.b.To)
	if err != nil {
		return err
	}
	for _, v := range vals {
		w.counts.Value += v.Value
	}
	sum.Warehouse = w.counts
	c := w.counts
	sum.report("Warehouse: %d stock items in %d locations; %d receipts, %d roastings, %d transfers, %d issues of the café and shops, %d issues shipped with invoices; %d stocktakes with %d difference documents; stock worth %s at the end.",
		c.Items, c.Locations, c.Receipts, c.Roastings, c.Transfers, c.Issues, c.Shipped, c.Stocktakes, c.Differences, app.M(c.Value, w.g.c.BaseCurrency).Format(app.English))
	return nil
}

// cards_ adds the items the price list lacks and the stock cards.
func (w *demoWarehouse) cards_() error {
	list, err := w.svc.PriceList.Items(w.ctx)
	if err != nil {
		return err
	}
	for _, it := range list {
		w.items[it.Code] = it
	}
	for i, s := range demoStocks {
		it, ok := w.items[s.code]
		if !ok {
			if s.name == "" {
				continue // a price list without the Sales step's items
			}
			if it, err = w.svc.PriceList.SaveItem(w.ctx, app.Item{Code: s.code, Name: s.name, Unit: s.unit, Price: app.M(s.price, w.g.c.BaseCurrency), VATKind: s.vat, Stock: true}); err != nil {
				return err
			}
			w.items[s.code] = it
		}
		ean := fmt.Sprintf("859%09d", 412_070_000+i*37)
		ean += string(app.EANCheckDigit(ean))
		card := app.StockItem{ItemID: it.ID, Kind: app.StockGoods, EAN: ean, PurchasePrice: app.M(s.purchase, w.g.c.BaseCurrency), WarrantyMonths: s.warranty,
			ReorderPoint: app.Q(s.reorder * int64(w.g.scale)), Location: w.locs[s.location].ID, Tracking: s.tracking}
		if _, err := w.svc.Warehouse.SaveStockItem(w.ctx, card); err != nil {
			return err
		}
		w.cards[it.ID] = s
	}
	w.counts.Items, w.counts.Locations = len(w.cards), len(w.locs)
	return nil
}

// line is a stock line of the item with code.
func (w *demoWarehouse) line(code string, qty app.Qty) app.StockLine {
	it := w.items[code]
	return app.StockLine{ItemID: it.ID, Code: it.Code, Name: it.Name, Unit: it.Unit, Qty: qty}
}

// newSerials makes n serial numbers of electric grinders made in d's year.
func (w *demoWarehouse) newSerials(n int, d app.Date) []string {
	out := make([]string, n)
	for i := range out {
		w.serialNo++
		out[i] = fmt.Sprintf("E64-%02d-%05d", d.Year()%100, w.serialNo)
	}
	return out
}

// opening receives the opening stock on d, worth exactly what the opening
// balances put on 131 for it: each location's goods at their purchase
// prices, scaled to that sum.
func (w *demoWarehouse) opening(d app.Date) error {
	total := w.g.openingStock()
	scale := int64(w.g.scale)
	byLoc := map[string][]app.StockLine{}
	var order []string
	var weights []int64
	for _, s := range demoStocks {
		if _, ok := w.items[s.code]; !ok {
			continue
		}
		l := w.line(s.code, app.Q(s.opening*scale))
		switch s.tracking {
		case app.TrackLot:
			l.Lot, l.Expiry = fmt.Sprintf("%s-%d-01", s.code, d.Year()), d.AddDays(300)
		case app.TrackSerial:
			l.Serials = w.newSerials(int(s.opening*scale), d)
		}
		if len(byLoc[s.location]) == 0 {
			order = append(order, s.location)
		}
		byLoc[s.location] = append(byLoc[s.location], l)
		weights = append(weights, s.opening*scale*s.purchase)
	}
	values := app.Allocate(total, weights)
	k := 0
	for _, loc := range order {
		lines := byLoc[loc]
		for i := range lines {
			lines[i].Value = values[k]
			k++
		}
		doc, err := w.post(app.StockDoc{Kind: app.StockReceipt, Date: d, Location: w.locs[loc].ID, Text: "Počáteční stav zásob", Lines: lines})
		if err != nil {
			return err
		}
		w.track(doc)
		w.counts.Receipts++
	}
	return nil
}

// post saves d as a draft and posts it, counting its entry.
func (w *demoWarehouse) post(d app.StockDoc) (app.StockDoc, error) {
	d, err := w.svc.Warehouse.SaveStockDraft(w.ctx, d)
	if err != nil {
		return d, err
	}
	return w.postDraft(d.ID)
}

func (w *demoWarehouse) postDraft(id string) (app.StockDoc, error) {
	d, err := w.svc.Warehouse.PostStock(w.ctx, id)
	if err != nil {
		return d, err
	}
	return d, w.b.counted(w.ctx, d.EntryID)
}

// track notes the lots and serial numbers posted document d moved.
func (w *demoWarehouse) track(d app.StockDoc) {
	for _, l := range d.Lines {
		if l.Lot != "" && (d.Kind == app.StockReceipt || d.Kind == app.StockDifference && l.Qty > 0) {
			w.lots[l.ItemID] = append(w.lots[l.ItemID], demoLot{l.Lot, l.Expiry, l.Qty})
		}
		if len(l.Serials) > 0 && d.Kind == app.StockReceipt {
			w.serials[d.Location] = append(w.serials[d.Location], l.Serials...)
		}
	}
}

// receive receives the goods of the received invoices recorded before d
// (all of them on the last day), dated d.
func (w *demoWarehouse) receive(d app.Date, all bool) error {
	queue := w.g.docs.arrivals
	var left []demoArrival
	for _, a := range queue {
		if !all && !a.inv.TaxDate.Before(d) {
			left = append(left, a)
			continue
		}
		if err := w.receiveOne(a, d); err != nil {
			return err
		}
	}
	w.g.docs.arrivals = left
	return nil
}

// receiveOne receives what invoice a delivered, a receipt per location its
// items are kept in: each item its share of the invoice's base (less the
// transport) in units at its purchase price, the transport spread over the
// receipts by value. The last receipt leaves its lines' values to the
// store, which spreads what the invoice has left over them.
func (w *demoWarehouse) receiveOne(a demoArrival, d app.Date) error {
	del, ok := demoDeliveries[a.prefix]
	if !ok {
		return nil
	}
	var base int64
	for _, v := range a.inv.VAT {
		base += v.Base
	}
	transport := base * del.transport / 100 / 100 * 100
	base -= transport
	var weights []int64
	var items []demoShare
	for _, x := range del.items {
		if _, ok := w.items[x.code]; ok {
			items = append(items, x)
			weights = append(weights, x.share)
		}
	}
	values := app.Allocate(base, weights)
	byLoc := map[string][]app.StockLine{}
	locTotal := map[string]int64{}
	var order []string
	for i, x := range items {
		it := w.items[x.code]
		s := w.cards[it.ID]
		units := max(1, values[i]/s.purchase)
		l := w.line(x.code, app.Q(units))
		l.Value = values[i]
		switch s.tracking {
		case app.TrackLot:
			l.Lot, l.Expiry = a.inv.SupplierNumber+"-"+x.code[3:], d.AddDays(300+w.rng.IntN(120))
		case app.TrackSerial:
			l.Serials = w.newSerials(int(units), d)
		}
		if _, ok := byLoc[s.location]; !ok {
			order = append(order, s.location)
		}
		byLoc[s.location] = append(byLoc[s.location], l)
		locTotal[s.location] += values[i]
	}
	var totals []int64
	for _, loc := range order {
		totals = append(totals, locTotal[loc])
	}
	shares := app.Allocate(transport, totals)
	for k, loc := range order {
		lines := byLoc[loc]
		var costs []app.AcquisitionCost
		if shares[k] > 0 {
			costs = []app.AcquisitionCost{{Text: "Doprava dle faktury " + a.inv.SupplierNumber, Amount: shares[k]}}
		}
		if k == len(order)-1 {
			for i := range lines {
				lines[i].Value = 0 // the store spreads what is left
			}
		}
		draft, err := w.svc.Warehouse.ReceivePurchase(w.ctx, a.inv.ID, w.locs[loc].ID, d, lines, costs)
		if err != nil {
			return err
		}
		doc, err := w.postDraft(draft.ID)
		if err != nil {
			return err
		}
		w.track(doc)
		w.counts.Receipts++
	}
	return nil
}

// level is item code's quantity in location code at the end of d.
func (w *demoWarehouse) level(code, loc string, d app.Date) (app.Qty, error) {
	q, _, err := w.svc.Warehouse.StockLevel(w.ctx, w.items[code].ID, w.locs[loc].ID, d)
	return q, err
}

// wholeUnits rounds q down to whole units.
func wholeUnits(q app.Qty) app.Qty { return q / app.QtyScale * app.QtyScale }

// roast roasts 60 % of each green coffee in the bin, oldest lots first:
// one issue of the green lots, one receipt of the roasted coffee into the
// warehouse at the issue's cost, spread by roasted weight.
func (w *demoWarehouse) roast(d app.Date) error {
	issue := app.StockDoc{Kind: app.StockIssue, Date: d, Location: w.locs[locGreen].ID, Text: "Pražení – výdej zelené kávy do pražírny"}
	out := map[string]app.Qty{}
	var outOrder []string
	for _, s := range demoStocks {
		if s.tracking != app.TrackLot {
			continue
		}
		it, ok := w.items[s.code]
		if !ok {
			continue
		}
		var have app.Qty
		for _, l := range w.lots[it.ID] {
			have += l.qty
		}
		take := wholeUnits(have * 6 / 10)
		if take < app.Q(5) {
			continue
		}
		left := take
		lots := w.lots[it.ID]
		for len(lots) > 0 && left > 0 {
			q := min(lots[0].qty, left)
			l := w.line(s.code, q)
			l.Lot = lots[0].name
			issue.Lines = append(issue.Lines, l)
			left -= q
			if lots[0].qty -= q; lots[0].qty == 0 {
				lots = lots[1:]
			}
		}
		w.lots[it.ID] = lots
		for _, r := range demoRoast[s.code] {
			q := take * roastYield / 100 * app.Qty(r.share) / 100
			if w.items[r.code].Unit != "kg" {
				q = q * 4 // quarter-kilo packs
			}
			q = wholeUnits(q)
			if q <= 0 {
				continue
			}
			if _, ok := out[r.code]; !ok {
				outOrder = append(outOrder, r.code)
			}
			out[r.code] += q
		}
	}
	if len(issue.Lines) == 0 || len(outOrder) == 0 {
		return nil
	}
	issued, err := w.post(issue)
	if err != nil {
		return err
	}
	receipt := app.StockDoc{Kind: app.StockReceipt, Date: d, Location: w.locs[locPraha].ID, Counter: app.CounterExpense,
		Text: "Pražení – příjem pražené kávy z dávky " + issued.Number}
	var weights []int64
	for _, code := range outOrder {
		receipt.Lines = append(receipt.Lines, w.line(code, out[code]))
		wt := int64(out[code])
		if w.items[code].Unit != "kg" {
			wt /= 4
		}
		weights = append(weights, wt)
	}
	for i, v := range app.Allocate(issued.Total, weights) {
		receipt.Lines[i].Value = v
	}
	if _, err := w.post(receipt); err != nil {
		return err
	}
	w.counts.Roastings++
	return nil
}

// spare is what Prague can give of item code on d: its level above the
// reserve the invoices need, in whole units.
func (w *demoWarehouse) spare(code string, d app.Date) (app.Qty, error) {
	q, err := w.level(code, locPraha, d)
	if err != nil {
		return 0, err
	}
	var reserve int64
	for _, s := range demoStocks {
		if s.code == code {
			reserve = s.reserve
		}
	}
	return wholeUnits(max(0, q-app.Q(reserve*w.volume))), nil
}

// supplyBrno transfers the month's goods for the Brno shop, and electric
// grinders for its display case.
func (w *demoWarehouse) supplyBrno(d app.Date) error {
	tr := app.StockDoc{Kind: app.StockTransfer, Date: d, Location: w.locs[locPraha].ID, ToLocation: w.locs[locBrno].ID, Text: "Zásobení prodejny Brno"}
	for _, x := range demoTransfer {
		if _, ok := w.items[x.code]; !ok {
			continue
		}
		spare, err := w.spare(x.code, d)
		if err != nil {
			return err
		}
		if q := min(spare, app.Q(x.qty*w.volume)); q > 0 {
			tr.Lines = append(tr.Lines, w.line(x.code, q))
		}
	}
	if len(tr.Lines) > 0 {
		if _, err := w.post(tr); err != nil {
			return err
		}
		w.counts.Transfers++
	}
	prague := w.serials[w.locs[locPraha].ID]
	n := min(len(prague), 2*int(w.volume))
	if n == 0 {
		return nil
	}
	l := w.line("MLYNEK-E64", app.Q(int64(n)))
	l.Serials = append([]string(nil), prague[:n]...)
	doc := app.StockDoc{Kind: app.StockTransfer, Date: d, Location: w.locs[locPraha].ID, ToLocation: w.locs[locVitrin].ID, Text: "Mlýnky do vitríny prodejny Brno", Lines: []app.StockLine{l}}
	if _, err := w.post(doc); err != nil {
		return err
	}
	w.serials[w.locs[locPraha].ID] = prague[n:]
	w.serials[w.locs[locVitrin].ID] = append(w.serials[w.locs[locVitrin].ID], l.Serials...)
	w.counts.Transfers++
	return nil
}

// sold issues at a month's end what the café and the e-shop took of
// Prague's stock above its reserve, and what the Brno shop sold: most of
// its goods and all its electric grinders but one.
func (w *demoWarehouse) sold(d app.Date) error {
	label := d.MonthOf().Format()
	cafe := app.StockDoc{Kind: app.StockIssue, Date: d, Location: w.locs[locPraha].ID, Text: "Spotřeba kavárny a prodej v e-shopu " + label}
	for _, s := range demoStocks {
		pct, ok := demoCafe[s.code]
		if _, have := w.items[s.code]; !ok || !have {
			continue
		}
		spare, err := w.spare(s.code, d)
		if err != nil {
			return err
		}
		if q := wholeUnits(spare * app.Qty(pct) / 100); q > 0 {
			cafe.Lines = append(cafe.Lines, w.line(s.code, q))
		}
	}
	brno := app.StockDoc{Kind: app.StockIssue, Date: d, Location: w.locs[locBrno].ID, Text: "Prodej v prodejně Brno " + label}
	for _, x := range demoTransfer {
		if _, ok := w.items[x.code]; !ok {
			continue
		}
		q, err := w.level(x.code, locBrno, d)
		if err != nil {
			return err
		}
		if q = wholeUnits(q * 7 / 10); q > 0 {
			brno.Lines = append(brno.Lines, w.line(x.code, q))
		}
	}
	vit := w.locs[locVitrin].ID
	var case_ app.StockDoc
	if n := len(w.serials[vit]) - 1; n > 0 {
		l := w.line("MLYNEK-E64", app.Q(int64(n)))
		l.Serials = append([]string(nil), w.serials[vit][:n]...)
		case_ = app.StockDoc{Kind: app.StockIssue, Date: d, Location: vit, Text: "Prodej mlýnků v prodejně Brno " + label, Lines: []app.StockLine{l}}
		w.serials[vit] = w.serials[vit][n:]
	}
	for _, doc := range []app.StockDoc{cafe, brno, case_} {
		if len(doc.Lines) == 0 {
			continue
		}
		if _, err := w.post(doc); err != nil {
			return err
		}
		w.counts.Issues++
	}
	return nil
}

// stocktakes counts every location on d: all as expected, except that the
// espresso blend in Prague is 0.4 kg short (within its 1 kg norm of
// natural loss: 549), a set of espresso cups turns up that no document
// brought (648), and green Brazil in the bin is 0.8 kg short of its lot
// (within a 1.5 kg norm).
func (w *demoWarehouse) stocktakes(d app.Date) error {
	for _, l := range demoLocations {
		st, err := w.svc.Warehouse.StartStocktake(w.ctx, w.locs[l.code].ID, d)
		if err != nil {
			return err
		}
		if len(st.Lines) == 0 {
			continue
		}
		short := false // one lot of green Brazil is short
		for i := range st.Lines {
			cl := &st.Lines[i]
			cl.Count, cl.Counted = cl.Expected, true
			switch {
			case cl.Code == "KAV-ESP-1KG" && l.code == locPraha && cl.Expected > app.Q(1):
				cl.Count, cl.Norm = cl.Expected-400, app.Q(1)
			case cl.Code == "SALEK-ESP-6" && l.code == locPraha:
				cl.Count = cl.Expected + app.Q(1)
			case cl.Code == "ZK-BRA" && l.code == locGreen && cl.Expected > app.Q(1) && !short:
				short = true
				cl.Count, cl.Norm = cl.Expected-800, 1500
				if cl.Lot == "" && len(w.lots[cl.ItemID]) > 0 {
					cl.Lot = w.lots[cl.ItemID][0].name // the sheet lists the item, the counter names the lot
				}
			}
		}
		if st, err = w.svc.Warehouse.SaveStocktake(w.ctx, st); err != nil {
			return err
		}
		_, diff, err := w.svc.Warehouse.CloseStocktake(w.ctx, st.ID)
		if err != nil {
			return err
		}
		w.counts.Stocktakes++
		if diff.ID != "" {
			w.counts.Differences++
			if err := w.b.counted(w.ctx, diff.EntryID); err != nil {
				return err
			}
		}
	}
	return nil
}
