package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"kontor/app"
)

// PayablesCounts counts what the Payables step made for the Accounts tab's
// payables.
type PayablesCounts struct {
	Suppliers, Purchases, Payments int
	CreditNotes                    int // a supplier's credit note for a faulty delivery
	// Open received invoices at the end (Overdue of them past due).
	Open, Overdue int
}

// demoPayablesSeed keeps the received invoices' randomness apart.
const demoPayablesSeed = 0x5061796162

// demoSupplier is one of the café's suppliers and what it bills: acct is
// where the bases go in the Czech chart (518 services, 502 energy, 132
// goods, 501 material; demoPayables.account maps it to the company's chart),
// every is how often (in months; 0 = twice a month), lo–hi the base in whole
// crowns per unit of scale.
type demoSupplier struct {
	name, street, city, postcode, ico7, account string
	bank                                        string // where to pay them, "…/bank code" (the number part is made valid)
	what, acct, vat                             string
	every                                       int
	lo, hi                                      int64
	days                                        int
	prefix                                      string // of the supplier's own invoice numbers
	// A supplier from another member state bills in euros without VAT
	// (country, its VAT ID); regime says how the café accounts for the VAT:
	// RegimeEUServices and RegimeEUGoods for them, RegimeReverseCZ (§92a,
	// with the control statement's code rc) for the builder.
	country, dic, currency string
	regime                 app.VATRegime
	rc                     string
}

var demoSuppliers = []demoSupplier{
	{"Správa nemovitostí Vinohrady s.r.o.", "Blanická 918/21", "Praha 2 – Vinohrady", "120 00", "2653174", "", "0100", "nájemné provozovny Vinohradská 1247/15", "518", app.VATStandard, 1, 45_000, 45_000, 10, "NAJ", "", "", "", "", ""},
	{"Pražská energie Distribuce a.s.", "Na Hroudě 1492/4", "Praha 10 – Vršovice", "100 00", "2740128", "", "0300", "elektřina a plyn – záloha", "502", app.VATStandard, 1, 8_500, 14_500, 14, "EN", "", "", "", "", ""},
	{"Telefonie a internet Čechy a.s.", "Za Brumlovkou 266/2", "Praha 4 – Michle", "140 00", "0463258", "", "2700", "telefon a internet", "518", app.VATStandard, 1, 1_150, 1_650, 14, "TI", "", "", "", "", ""},
	{"Zelená káva Import s.r.o.", "Přístavní 1121/24", "Praha 7 – Holešovice", "170 00", "2815639", "", "0800", "zelená káva – pytle 60 kg, mlýnky na kávu", "132", app.VATReduced, 0, 36_000, 70_000, 21, "ZK", "", "", "", "", ""},
	{"Čajový dům Ametyst s.r.o.", "Údolní 567/33", "Brno – střed", "602 00", "0592314", "", "5500", "sypaný čaj, porcelánové šálky a kelímky", "132", app.VATReduced, 0, 6_000, 14_000, 14, "CD", "", "", "", "", ""},
	{"Mlékárna Podhůří a.s.", "Hlavní 112", "Benešov", "256 01", "4612573", "", "0600", "mléko a smetana", "501", app.VATReduced, 0, 3_500, 7_500, 10, "ML", "", "", "", "", ""},
	{"Papírnictví Havlíček s.r.o.", "Jugoslávská 620/29", "Praha 2 – Vinohrady", "120 00", "2731906", "", "2010", "kancelářské potřeby a tonery", "501", app.VATStandard, 2, 1_200, 4_800, 14, "PH", "", "", "", "", ""},
	// The café's renovation in July: construction work from a Czech
	// builder, which the café self-assesses (§92a, §92e).
	{"Stavby Vinohrady s.r.o.", "Slezská 1540/93", "Praha 3 – Vinohrady", "130 00", "2875413", "", "0100", "stavební úpravy provozovny – rekonstrukce baru", "518", app.VATStandard, 7, 118_000, 164_000, 21, "STA", "", "", "", app.RegimeReverseCZ, "4"},
	// The e-shop's platform, an Irish company: a service received from
	// another member state (§9(1), §24), monthly in euros.
	{"Webshop Platform Ltd.", "Grand Canal Square 3", "Dublin 2", "D02 X285", "", "", "0800", "předplatné platformy e-shopu", "518", app.VATStandard, 1, 89, 89, 14, "WSP", "IE", "IE4829613Q", "EUR", app.RegimeEUServices, ""},
	// Spare parts for the roaster from Germany: an acquisition of goods
	// from another member state (§25), quarterly in euros.
	{"Röstmaschinen Schmidt GmbH", "Billstraße 112", "Hamburg", "20539", "", "", "0800", "náhradní díly a příslušenství k pražičce", "501", app.VATStandard, 3, 380, 1_450, 21, "RS", "DE", "DE814739522", "EUR", app.RegimeEUGoods, ""},
}

// demoBankAccount makes a valid Czech account number (mod 11) at bank from seed.
func demoBankAccount(seed int64, bank string) string {
	for n := seed; ; n++ {
		s := fmt.Sprintf("%d/%s", n, bank)
		if _, err := app.ParseBankAccount(s); err == nil {
			return s
		}
	}
}

func (s demoSupplier) customer(i int) app.Customer {
	c := app.Customer{Name: s.name, Street: s.street, City: s.city, Postcode: s.postcode, Country: "CZ",
		PaymentDays: s.days, Supplier: true, BankAccount: demoBankAccount(int64(1_234_567_000+i*7_919_131), s.bank),
		Note: "Dodavatel: " + s.what}
	if s.country != "" {
		c.Country, c.DIC, c.Currency, c.Lang = s.country, s.dic, s.currency, app.English
		return c
	}
	c.ICO = s.ico7 + string(rune('0'+icoCheckDigit(s.ico7)))
	c.DIC = "CZ" + c.ICO
	return c
}

// demoPayables records the café's received invoices through PayablesService,
// day by day with the sales documents: rent on the 1st, energy and telephone
// monthly, goods and material through the month. Each is paid on its due
// date — except, of the last 75 days, about a third, which stay open (some
// overdue), so the payables aging has something in each bucket. Their input
// VAT and goods go into the journal generator's month-end figures.
type demoPayables struct {
	ctx       context.Context
	svc       app.Services
	g         *demoGen
	rng       *rand.Rand
	to        app.Date
	suppliers []app.Customer
	numbers   map[string]int // supplier's own numbering
	pending   map[app.Date][]app.PurchaseInvoice
	counts    PayablesCounts
	b         *Book
	energy    string              // the chart's energy account, services when it has none
	vatIn     map[app.Month]int64 // the journal generator's figures
	goodsIn   map[app.Month]int64
}

// Payables is the demo's step of received invoices (see demoPayables).
func Payables() Step { return &demoPayables{} }

func (p *demoPayables) Name() string { return "payables" }

// Start saves the suppliers and tells the journal generator to leave the
// rent and the suppliers' invoices to this step.
func (p *demoPayables) Start(ctx context.Context, b *Book) error {
	g := b.g
	*p = demoPayables{ctx: ctx, svc: b.Services, g: g, b: b, rng: rand.New(rand.NewPCG(demoPayablesSeed, demoSeed2)), to: g.to, energy: g.acc.Services,
		numbers: map[string]int{}, pending: map[app.Date][]app.PurchaseInvoice{}, vatIn: g.docs.vatIn, goodsIn: g.docs.goodsIn}
	g.docs.payables = true
	accounts, err := p.svc.Ledger.Accounts(ctx)
	if err != nil {
		return err
	}
	for _, a := range accounts {
		if a.Code == "502" && g.c.Chart == app.ChartCzech {
			p.energy = a.Code
		}
	}
	for i, s := range demoSuppliers {
		c, err := p.svc.Customers.SaveCustomer(ctx, s.customer(i))
		if err != nil {
			return err
		}
		p.suppliers = append(p.suppliers, c)
	}
	p.counts.Suppliers = len(p.suppliers)
	return nil
}

// Finish records a supplier's credit note, counts and reports.
func (p *demoPayables) Finish(sum *Summary) error {
	if err := p.finish(); err != nil {
		return err
	}
	sum.Payables = p.counts
	c := p.counts
	sum.report("Payables: %d suppliers, %d received invoices, %d paid in full; %d open, %d of them overdue; %d credit note (its refund is in this month's bank file).",
		c.Suppliers, c.Purchases, c.Payments, c.Open, c.Overdue, c.CreditNotes)
	return nil
}

// day pays what falls due on d, then records d's received invoices.
func (p *demoPayables) Day(d app.Date) error {
	for _, inv := range p.pending[d] {
		pay, err := p.svc.Payables.PaySupplier(p.ctx, app.Payment{DocID: inv.ID, Date: d, Amount: app.M(inv.Remaining(), inv.Currency), Method: app.PayBank,
			Note: "Úhrada " + inv.SupplierNumber})
		if err != nil {
			return err
		}
		p.counts.Payments++
		if err := p.b.counted(p.ctx, pay.EntryID); err != nil {
			return err
		}
	}
	delete(p.pending, d)
	for i, s := range demoSuppliers {
		if !p.bills(s, d) {
			continue
		}
		for n, j := p.invoices(s), 0; j < n; j++ {
			if err := p.record(i, s, d, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// invoices is how many invoices supplier s sends when it bills: the
// suppliers of goods and material one per unit of scale (each for that
// part of the delivery), the rest one.
func (p *demoPayables) invoices(s demoSupplier) int {
	if s.acct == "132" || s.acct == "501" {
		return p.g.scale
	}
	return 1
}

// bills reports whether supplier s sends an invoice on d.
func (p *demoPayables) bills(s demoSupplier, d app.Date) bool {
	switch {
	case s.every == 0:
		return d.Day() == 3 || d.Day() == 17
	case s.prefix == "NAJ": // the rent, on the 1st
		return d.Day() == 1
	default:
		return d.Day() == 6+len(s.prefix) && int(d.Month())%s.every == 0
	}
}

// record records one of the n invoices supplier s sends on d.
func (p *demoPayables) record(i int, s demoSupplier, d app.Date, n int) error {
	scale := int64(p.g.scale)
	base := (s.lo + p.rng.Int64N(s.hi-s.lo+1)) * 100 * scale / int64(n)
	if s.lo != s.hi {
		base += p.rng.Int64N(100)
	}
	vat := p.g.vat(base, s.vat, d)
	rate, _ := p.g.c.VATRateOn(s.vat, d)
	if s.regime.SelfAssessed() {
		vat = 0 // the supplier charges none: the café self-assesses it, which leaves 343 even
	}
	p.numbers[s.prefix]++
	number := fmt.Sprintf("%s%d%04d", s.prefix, d.Year()%100, p.numbers[s.prefix])
	if s.prefix == "NAJ" || s.prefix == "EN" {
		number = fmt.Sprintf("%d%02d%03d", d.Year(), int(d.Month()), p.numbers[s.prefix])
	}
	inv := app.PurchaseInvoice{SupplierID: p.suppliers[i].ID, SupplierNumber: number, IssueDate: d, TaxDate: d,
		DueDate: d.AddDays(s.days), Account: p.account(s.acct), Memo: s.what, VAT: []app.PurchaseVAT{{Rate: rate, Base: base, VAT: vat}},
		Regime: s.regime, RCCode: s.rc}
	if s.currency == "EUR" {
		// The base is in whole euros and cents; the rate a ČNB-like one of the day.
		inv.Currency, inv.ExchangeRate = "EUR", app.RateMicro(int64(24_200+p.rng.IntN(1_200))*1000)
	}
	inv, err := p.svc.Payables.RecordPurchase(p.ctx, inv)
	if err != nil {
		return err
	}
	if err := p.b.counted(p.ctx, inv.EntryID); err != nil {
		return err
	}
	p.counts.Purchases++
	m := d.MonthOf()
	p.vatIn[m] += vat
	if inv.Account == p.g.acc.Goods {
		p.goodsIn[m] += base
	}
	if p.g.docs.warehouse && s.acct == "132" {
		p.g.docs.arrivals = append(p.g.docs.arrivals, demoArrival{inv, s.prefix})
	}
	pay := nextWorkday(inv.DueDate)
	if daysBetween(inv.DueDate, p.to) < 75 && p.rng.IntN(3) == 0 {
		return nil // left open; the last weeks' are not due yet anyway
	}
	if !pay.After(p.to) {
		p.pending[pay] = append(p.pending[pay], inv)
	}
	return nil
}

// account maps a Czech account of demoSuppliers to the company's chart.
func (p *demoPayables) account(czech string) string {
	switch czech {
	case "132":
		if p.g.docs.warehouse {
			return app.StockAccountsOf(p.g.c.Chart).GoodsAcquisition // the receipt moves it to 132
		}
		return p.g.acc.Goods
	case "501":
		return p.g.acc.Materials
	case "502":
		return p.energy
	}
	return p.g.acc.Services
}

// finish records a supplier's credit note and counts the received invoices
// left open at the end.
func (p *demoPayables) finish() error {
	if err := p.creditNote(); err != nil {
		return err
	}
	open, err := demoOpenPurchases(p.ctx, p.svc)
	if err != nil {
		return err
	}
	p.counts.Open, p.counts.Overdue = 0, 0
	for _, inv := range open {
		if inv.Remaining() < 0 {
			continue // a refund due, not a debt
		}
		p.counts.Open++
		if p.to.After(inv.DueDate) {
			p.counts.Overdue++
		}
	}
	return nil
}

// demoOpenPurchases lists every received invoice with something to pay.
func demoOpenPurchases(ctx context.Context, svc app.Services) ([]app.PurchaseInvoice, error) {
	var out []app.PurchaseInvoice
	for offset := 0; ; offset += 500 {
		ps, total, err := svc.Payables.Purchases(ctx, app.PurchaseFilter{OpenOnly: true}, offset, 500)
		if err != nil {
			return nil, err
		}
		out = append(out, ps...)
		if len(ps) < 500 || offset+500 >= total {
			sortNewestFirst(out, func(p app.PurchaseInvoice) (app.Date, string) { return p.IssueDate, p.Number })
			return out, nil
		}
	}
}

// creditNote has the green-coffee importer credit a tenth of its last paid
// delivery (a faulty batch) a few days before the demo's end: the invoice was
// paid, so the importer owes a refund, which the current month's bank file
// brings back for the user to import.
func (p *demoPayables) creditNote() error {
	var sup app.Customer
	for _, c := range p.suppliers {
		if c.Name == "Zelená káva Import s.r.o." {
			sup = c
		}
	}
	day := p.to.AddDays(-3)
	if sup.ID == "" {
		return nil
	}
	// The newest paid one, 50 at a time: at a large scale the newest
	// deliveries are many and not yet due.
	const page = 50
	for offset := 0; ; offset += page {
		ps, total, err := p.svc.Payables.Purchases(p.ctx, app.PurchaseFilter{SupplierID: sup.ID, To: day}, offset, page)
		if err != nil {
			return err
		}
		if orig, ok := p.creditable(ps); ok {
			return p.credit(sup, orig, day)
		}
		if len(ps) < page || offset+page >= total {
			return nil
		}
	}
}

// creditable returns the first of ps (newest first) that was paid in full
// and has one VAT rate.
func (p *demoPayables) creditable(ps []app.PurchaseInvoice) (app.PurchaseInvoice, bool) {
	for _, orig := range ps {
		if !orig.CreditNote && orig.Paid == orig.Total && len(orig.VAT) == 1 {
			return orig, true
		}
	}
	return app.PurchaseInvoice{}, false
}

// credit records the supplier's credit note of a tenth of orig on day.
func (p *demoPayables) credit(sup app.Customer, orig app.PurchaseInvoice, day app.Date) error {
	v := orig.VAT[0]
	base := v.Base / 10
	vat := p.g.vat(base, app.VATReduced, orig.TaxDate)
	cn := app.PurchaseInvoice{SupplierID: sup.ID, SupplierNumber: "D" + orig.SupplierNumber, IssueDate: day, TaxDate: day,
		CreditNote: true, OriginalID: orig.ID, Account: p.creditAccount(orig), Memo: "reklamace – vlhká šarže zelené kávy",
		VAT: []app.PurchaseVAT{{Rate: v.Rate, Base: -base, VAT: -vat}}}
	cn, err := p.svc.Payables.RecordPurchase(p.ctx, cn)
	if err != nil {
		return err
	}
	p.counts.CreditNotes++
	p.vatIn[day.MonthOf()] -= vat
	if cn.Account == p.g.acc.Goods {
		p.goodsIn[day.MonthOf()] -= base
	}
	return p.b.counted(p.ctx, cn.EntryID)
}

// creditAccount is where a supplier's credit note of orig goes: orig's
// account, or with the warehouse the cost of goods sold, the beans of the
// faulty lot having been roasted and sold by the time it came.
func (p *demoPayables) creditAccount(orig app.PurchaseInvoice) string {
	if p.g.docs.warehouse && orig.Account == app.StockAccountsOf(p.g.c.Chart).GoodsAcquisition {
		return p.g.acc.GoodsSold
	}
	return orig.Account
}
