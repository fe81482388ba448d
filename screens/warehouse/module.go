// Package warehouse is the Warehouse module of the screens: the Warehouse
// tab with the stock items, locations, stock documents (receipts, issues,
// transfers) with a barcode scanner, stocktakes, the stock card and the
// warehouse's reports.
package warehouse

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// Module returns the Warehouse module: one tab in the back office.
func Module() kit.Module {
	return kit.Module{ID: "warehouse", Tabs: []kit.Tab{
		{ID: "warehouse", TitleKey: "tab.warehouse", Title: "Warehouse", Icon: theme.StorageIcon, Group: kit.BackOffice,
			Perm: app.PermWarehouse, Order: 300, Build: func(h kit.Host) kit.View { return NewView(h) },
			Actions: []kit.Action{
				{TitleKey: "warehouse.new_receipt", Title: "New goods receipt", Perm: app.PermWarehouse, Arg: kit.ArgNew, Shortcut: kit.ShortcutNew, Here: true},
			}},
	}}
}

// View is the Warehouse tab: the settings form while the company keeps no
// stock, then its sub-tabs.
type View struct {
	h    kit.Host
	deps kit.Deps
	win  fyne.Window

	settings *app.WarehouseSettings // nil: not known yet or not switched on
	root     *fyne.Container
	tabs     *container.AppTabs
	setup    fyne.CanvasObject

	cat *catalog

	items    *itemsPane
	locs     *locationsPane
	docs     *docsPane
	take     *stocktakePane
	reports  *reportsPane
	card     *cardView // the stock card last opened, for tests
	itemForm *itemForm // the item form last opened, for tests
}

// NewView builds the Warehouse tab for h.
func NewView(h kit.Host) *View {
	v := &View{h: h, deps: h.Deps(), win: h.Window()}
	v.cat = &catalog{}
	v.items = newItemsPane(v)
	v.locs = newLocationsPane(v)
	v.docs = newDocsPane(v)
	v.take = newStocktakePane(v)
	v.reports = newReportsPane(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.X("warehouse.tab.items", "Items"), theme.ListIcon(), v.items.buildUI()),
		container.NewTabItemWithIcon(lang.X("warehouse.tab.documents", "Stock documents"), theme.DocumentIcon(), v.docs.buildUI()),
		container.NewTabItemWithIcon(lang.X("warehouse.tab.stocktake", "Stocktake"), theme.ViewRefreshIcon(), v.take.buildUI()),
		container.NewTabItemWithIcon(lang.X("warehouse.tab.locations", "Locations"), theme.HomeIcon(), v.locs.buildUI()),
		container.NewTabItemWithIcon(lang.X("warehouse.tab.reports", "Reports"), theme.GridIcon(), v.reports.buildUI()),
	)
	v.tabs.OnSelected = func(*container.TabItem) { v.reloadCurrent() }
	v.root = container.NewStack(widget.NewLabel(""))
	// The shell tells a tab it is shown when it is selected; a user whose
	// only tab this is never selects it, so the view loads itself once.
	v.Shown()
	return v
}

// UI is the tab's content.
func (v *View) UI() fyne.CanvasObject { return v.root }

// Shown reads the settings and shows the settings form or the sub-tabs.
func (v *View) Shown() {
	kit.Call(v.deps, kit.To{Win: v.win}, func(ctx context.Context) (*app.WarehouseSettings, error) {
		s, err := v.deps.Services.Warehouse.WarehouseSettings(ctx)
		if app.ErrorCode(err) == app.ENOTFOUND {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return &s, nil
	}, func(s *app.WarehouseSettings) {
		v.settings = s
		if s == nil {
			v.showSetup()
			return
		}
		v.showTabs()
	})
}

// Open handles kit.ArgNew: a new goods receipt.
func (v *View) Open(arg string) {
	if arg != kit.ArgNew || v.settings == nil {
		return
	}
	v.tabs.SelectIndex(1)
	v.docs.newDoc(app.StockReceipt)
}

func (v *View) showTabs() {
	v.root.Objects = []fyne.CanvasObject{v.tabs}
	v.root.Refresh()
	v.reloadCurrent()
}

// reloadCurrent reloads the catalog and the sub-tab on show.
func (v *View) reloadCurrent() {
	if v.settings == nil {
		return
	}
	v.loadCatalog(func() {
		switch v.tabs.SelectedIndex() {
		case 0:
			v.items.reload()
		case 1:
			v.docs.reload()
		case 2:
			v.take.reload()
		case 3:
			v.locs.reload()
		case 4:
			v.reports.reload()
		}
	})
}

// selectTab brings the sub-tab i to the front.
func (v *View) selectTab(i int) { v.tabs.SelectIndex(i) }

// catalog is what the screens look items up in: the price list, the stock
// cards and the locations, read on each show.
type catalog struct {
	items  map[string]app.Item
	stock  []app.StockItem
	byID   map[string]app.StockItem
	locs   []app.Location
	locMap map[string]app.Location
}

// loadCatalog reads the price list, the stock cards and the locations, then
// runs done.
func (v *View) loadCatalog(done func()) {
	svc := v.deps.Services
	kit.Call(v.deps, kit.To{Win: v.win}, func(ctx context.Context) (*catalog, error) {
		items, err := svc.PriceList.Items(ctx)
		if err != nil {
			return nil, err
		}
		stock, err := svc.Warehouse.StockItems(ctx, "", 0)
		if err != nil {
			return nil, err
		}
		locs, err := svc.Warehouse.Locations(ctx)
		if err != nil {
			return nil, err
		}
		return newCatalog(items, stock, locs), nil
	}, func(c *catalog) {
		*v.cat = *c
		if done != nil {
			done()
		}
	})
}

func newCatalog(items []app.Item, stock []app.StockItem, locs []app.Location) *catalog {
	c := &catalog{items: map[string]app.Item{}, stock: stock, byID: map[string]app.StockItem{}, locs: locs, locMap: map[string]app.Location{}}
	for _, it := range items {
		c.items[it.ID] = it
	}
	for _, s := range stock {
		c.byID[s.ItemID] = s
	}
	for _, l := range locs {
		c.locMap[l.ID] = l
	}
	return c
}

// locCode is a location's code, its ID when unknown.
func (c *catalog) locCode(id string) string {
	if l, ok := c.locMap[id]; ok {
		return l.Code
	}
	return id
}

// locLabel is "CODE — Name".
func locLabel(l app.Location) string { return l.Code + " — " + l.Name }

// activeLocs are the locations documents may move stock in, each
// warehouse followed by its bins.
func (c *catalog) activeLocs() []app.Location {
	var out []app.Location
	for _, l := range orderLocations(c.locs) {
		if l.Active() {
			out = append(out, l)
		}
	}
	return out
}

// newSelect is a select whose empty state asks, translated, for a choice.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.X("line.pick", "Pick…")
	return s
}

// money writes haléře as an amount without a currency ("1 189,50").
func money(v int64) string { return app.FormatMinor(v, 2, kit.UILang) }
