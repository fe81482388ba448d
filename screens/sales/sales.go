package sales

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// salesScreen is the Sales tab: lists of quotes, orders, invoices and credit
// notes, the customers and the price list; a document opens in place of the
// lists and "Back" returns to them.
type salesScreen struct {
	deps    kit.Deps
	win     fyne.Window
	company app.Company

	root      *fyne.Container
	tabs      *container.AppTabs
	lists     map[app.DocKind]*docList
	customers *customers.View
	prices    *priceListView
	form      *docForm                     // the open document, nil while the lists show
	open      func(tabID, arg string) bool // the host's: opens another tab
}

// openTicket shows an after-sales ticket in its tab.
func (s *salesScreen) openTicket(id string) {
	if s.open != nil {
		s.open("aftersales", kit.ArgDoc(id))
	}
}

// listKinds are the document lists in tab order.
var listKinds = []app.DocKind{app.KindQuote, app.KindOrder, app.KindInvoice, app.KindCreditNote}

func newSalesScreen(d kit.Deps, w fyne.Window, c app.Company) *salesScreen {
	return &salesScreen{deps: d, win: w, company: c, lists: map[app.DocKind]*docList{}}
}

func (s *salesScreen) buildUI() fyne.CanvasObject {
	s.tabs = container.NewAppTabs()
	for _, k := range listKinds {
		l := newDocList(s, k)
		s.lists[k] = l
		s.tabs.Append(container.NewTabItemWithIcon(listTitle(k), theme.DocumentIcon(), l.buildUI()))
	}
	if s.deps.Can(app.PermCustomersRead) {
		s.customers = customers.NewView(s.deps, s.win, s.company.BaseCurrency)
		s.tabs.Append(container.NewTabItemWithIcon(lang.X("sales.tab.customers", "Customers"), theme.AccountIcon(), s.customers.UI()))
	}
	s.prices = newPriceListView(s.deps, s.win, &s.company)
	s.tabs.Append(container.NewTabItemWithIcon(lang.X("sales.tab.prices", "Price list"), theme.ListIcon(), s.prices.buildUI()))
	s.tabs.SelectIndex(2)
	s.root = container.NewStack(s.tabs)
	return s.root
}

// listTitle is the name of a list of documents of kind k.
func listTitle(k app.DocKind) string {
	switch k {
	case app.KindQuote:
		return lang.X("sales.tab.quotes", "Quotes")
	case app.KindOrder:
		return lang.X("sales.tab.orders", "Orders")
	case app.KindCreditNote:
		return lang.X("sales.tab.credit_notes", "Credit notes")
	}
	return lang.X("sales.tab.invoices", "Invoices")
}

// refresh reloads what the lists show (the tab came into view).
func (s *salesScreen) refresh() {
	if s.form != nil {
		return
	}
	for _, l := range s.lists {
		l.reload()
	}
}

// show replaces the lists with o.
func (s *salesScreen) show(o fyne.CanvasObject) {
	s.root.Objects = []fyne.CanvasObject{o}
	s.root.Refresh()
}

// backToLists closes the open document and shows the lists, reloaded.
func (s *salesScreen) backToLists() {
	s.form = nil
	s.show(s.tabs)
	s.refresh()
}

// newDoc opens an empty draft of kind (Ctrl+N makes an invoice).
func (s *salesScreen) newDoc(kind app.DocKind) {
	if !s.deps.Can(app.PermSalesWrite) {
		return
	}
	kit.Call(s.deps, kit.To{Win: s.win}, s.deps.Services.Company.Company, func(c app.Company) {
		s.company = c
		today := app.Today(s.deps.Clock())
		d := app.SalesDoc{Kind: kind, Status: app.StatusDraft, IssueDate: today, TaxDate: today,
			Currency: c.BaseCurrency, PaymentMethod: app.PayBank, Supplier: app.PartyOfCompany(c)}
		if kind == app.KindInvoice {
			d.DueDate = today.AddDays(app.DefaultPaymentDays)
		}
		if kind == app.KindQuote {
			d.ValidUntil = today.AddDays(30)
		}
		s.openForm(d, nil)
	})
}

// openDoc loads a document with the company and the customer record and
// shows it: a draft in the form, an issued document read-only.
func (s *salesScreen) openDoc(id string) {
	type loaded struct {
		d    app.SalesDoc
		c    app.Company
		cust *app.Customer
	}
	kit.Call(s.deps, kit.To{Win: s.win}, func(ctx context.Context) (loaded, error) {
		var r loaded
		var err error
		if r.d, err = s.deps.Services.Sales.Document(ctx, id); err != nil {
			return r, err
		}
		if r.c, err = s.deps.Services.Company.Company(ctx); err != nil {
			return r, err
		}
		if r.d.CustomerID != "" {
			if rec, cerr := s.deps.Services.Customers.Customer(ctx, r.d.CustomerID); cerr == nil {
				r.cust = &rec
			}
		}
		return r, nil
	}, func(r loaded) {
		s.company = r.c
		s.openForm(r.d, r.cust)
	})
}

// openForm shows d in the document form.
func (s *salesScreen) openForm(d app.SalesDoc, cust *app.Customer) {
	s.form = newDocForm(s, d, cust)
	s.show(s.form.buildUI())
	s.form.focus()
}

// save saves the open draft (Ctrl+S).
func (s *salesScreen) save() {
	if s.form != nil && s.form.editable {
		s.form.save(nil)
	}
}

// confirmLeave asks before dropping unsaved changes, then runs leave.
func (s *salesScreen) confirmLeave(leave func()) {
	if s.form == nil || !s.form.dirty {
		leave()
		return
	}
	dialog.ShowConfirm(lang.X("sales.discard_title", "Unsaved changes"),
		lang.X("sales.discard", "The document has unsaved changes. Close it without saving?"),
		func(ok bool) {
			if ok {
				leave()
			}
		}, s.win)
}

// focusSearch puts the cursor in the shown list's search field.
func (s *salesScreen) focusSearch() {
	if s.form != nil || s.win == nil {
		return
	}
	if l := s.lists[app.KindInvoice]; l != nil && l.search != nil {
		s.win.Canvas().Focus(l.search)
	}
}
