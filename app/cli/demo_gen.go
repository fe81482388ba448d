package cli

import (
	"fmt"
	"math/rand/v2"
	"time"

	"kontor/app"
)

// demoEmployee is someone on the demo payroll.
type demoEmployee struct {
	name  string
	gross int64
}

// demoGen makes the demo's journal day by day. It holds only what the coming
// weeks need (payments not yet due, this month's VAT and stock figures), so a
// large scale streams instead of building the year in memory.
type demoGen struct {
	rng                   *rand.Rand
	c                     app.Company
	acc                   demoAccounts
	from, to              app.Date
	scale                 int
	factor                float64 // stretches daily volume when the period is short of a year
	invoice, received     app.Series
	year                  int
	invoiceNo, receivedNo int
	employees             []demoEmployee
	batch                 []app.Entry
	pending               map[app.Date][]app.Entry // payments by the day they are made

	vatOut, vatIn int64 // this month's output and input VAT
	cogs          int64 // cost of this month's goods sold, taken from stock at month end
	stock, cash   int64 // balances of the goods and cash accounts
	bankMoves     int   // this month's bank movements, for the fee
}

func newDemoGen(c app.Company, acc demoAccounts, from, to app.Date, scale int) *demoGen {
	g := &demoGen{
		rng:     rand.New(rand.NewPCG(demoSeed1, demoSeed2)),
		c:       c,
		acc:     acc,
		from:    from,
		to:      to,
		scale:   scale,
		factor:  365 / float64(daysBetween(from, to)+1),
		batch:   make([]app.Entry, 0, demoBatch+64*scale),
		pending: map[app.Date][]app.Entry{},
	}
	g.invoice, _ = c.SeriesFor(app.SeriesInvoice)
	g.received, _ = c.SeriesFor(app.SeriesReceived)
	for i := 0; i < 6*scale; i++ {
		s := demoSurnames[(i*5+i/len(demoSurnames))%len(demoSurnames)]
		name := demoFirstNamesM[(i/2)%len(demoFirstNamesM)] + " " + s[0]
		if i%2 == 0 {
			name = demoFirstNamesF[(i/2)%len(demoFirstNamesF)] + " " + s[1]
		}
		g.employees = append(g.employees, demoEmployee{name, g.between(64, 136) * 500_00})
	}
	return g
}

// between returns a uniform whole number in [lo, hi].
func (g *demoGen) between(lo, hi int64) int64 { return lo + g.rng.Int64N(hi-lo+1) }

// count draws how many documents of a kind a day has, mean per unit of scale.
func (g *demoGen) count(mean float64) int {
	m := mean * float64(g.scale) * g.factor
	return int(m*(0.5+g.rng.Float64()) + g.rng.Float64())
}

func (g *demoGen) add(d app.Date, memo string, lines ...app.Line) {
	g.batch = append(g.batch, app.Entry{Date: d, Memo: memo, Source: "demo", Lines: lines})
}

// schedule posts an entry on the first working day from d, if within the period.
func (g *demoGen) schedule(d app.Date, memo string, lines ...app.Line) {
	d = nextWorkday(d)
	if d.After(g.to) {
		return
	}
	g.pending[d] = append(g.pending[d], app.Entry{Date: d, Memo: memo, Source: "demo", Lines: lines})
}

func (g *demoGen) vat(base int64, kind string, d app.Date) int64 {
	rate, err := g.c.VATRateOn(kind, d)
	if err != nil {
		return 0
	}
	return app.M(base, g.c.BaseCurrency).Percent(rate, app.HalfUp).Amount
}

// day makes one day's entries.
func (g *demoGen) day(d app.Date) {
	if d.Year() != g.year {
		g.year, g.invoiceNo, g.receivedNo = d.Year(), 0, 0
	}
	if d == g.from {
		g.opening(d)
	}
	if due, ok := g.pending[d]; ok {
		g.batch = append(g.batch, due...)
		g.bankMoves += len(due)
		delete(g.pending, d)
	}
	if d.Day() == 1 {
		g.rent(d)
	}
	if isWorkday(d) {
		for n := g.count(5); n > 0; n-- {
			g.salesInvoice(d)
		}
		for n := g.count(1.3); n > 0; n-- {
			g.purchase(d)
		}
	}
	if weekday(d) != time.Sunday && !isHoliday(d) {
		for i, n := 0, g.count(1); i < n; i++ {
			g.cashSale(d, demoShops[i%len(demoShops)])
		}
		if weekday(d) == time.Friday {
			g.cashDeposit(d)
		}
	}
	if d == d.MonthOf().Last() {
		g.monthEnd(d)
	}
}

func (g *demoGen) opening(d app.Date) {
	s := int64(g.scale)
	cash, bank, stock, capital := 45_000_00*s, 850_000_00*s, 380_000_00*s, 200_000_00*s
	total := cash + bank + stock
	if g.acc.Opening != "" {
		g.add(d, "Otevření účtů – počáteční stavy aktiv", dr(g.acc.Cash, cash), dr(g.acc.Bank, bank), dr(g.acc.Goods, stock), cr(g.acc.Opening, total))
		g.add(d, "Otevření účtů – vlastní kapitál", dr(g.acc.Opening, total), cr(g.acc.Equity, capital), cr(g.acc.RetainedEarnings, total-capital))
	} else {
		g.add(d, "Počáteční zůstatky účtů", dr(g.acc.Cash, cash), dr(g.acc.Bank, bank), dr(g.acc.Goods, stock), cr(g.acc.Equity, capital), cr(g.acc.RetainedEarnings, total-capital))
	}
	g.cash, g.stock = cash, stock
}

func (g *demoGen) salesInvoice(d app.Date) {
	customer := demoCustomers[g.rng.IntN(len(demoCustomers))]
	g.invoiceNo++
	number := g.invoice.Number(d.Year(), g.invoiceNo)
	items := 1
	if g.rng.IntN(5) == 0 {
		items = 2
	}
	lines := make([]app.Line, 1, 2+items)
	var gross, vat int64
	what := ""
	for i := 0; i < items; i++ {
		it := demoSalesItems[g.rng.IntN(len(demoSalesItems))]
		base := g.between(it.minPrice, it.maxPrice) * 100 * g.between(int64(it.minQty), int64(it.maxQty))
		v := g.vat(base, it.vat, d)
		account := g.acc.SalesServices
		if it.kind == kindGoods {
			account = g.acc.SalesGoods
			g.cogs += base * 35 / 100
		}
		lines = append(lines, cr(account, base))
		gross, vat = gross+base+v, vat+v
		if i == 0 {
			what = it.name
		}
	}
	if vat > 0 {
		lines = append(lines, cr(g.acc.VAT, vat))
	}
	lines[0] = dr(g.acc.Receivables, gross)
	g.vatOut += vat
	g.add(d, fmt.Sprintf("Faktura %s – %s – %s", number, customer, what), lines...)
	if g.rng.IntN(100) < 95 { // a few customers never pay within the year
		g.schedule(d.AddDays(7+g.rng.IntN(29)), fmt.Sprintf("Úhrada faktury %s – %s", number, customer), dr(g.acc.Bank, gross), cr(g.acc.Receivables, gross))
	}
}

func (g *demoGen) purchase(d app.Date) {
	it := demoPurchaseItems[g.rng.IntN(len(demoPurchaseItems))]
	base := g.between(it.minPrice, it.maxPrice)*100*g.between(int64(it.minQty), int64(it.maxQty)) + g.between(0, 99)
	v := g.vat(base, it.vat, d)
	account := g.acc.Services
	switch it.kind {
	case kindGoods:
		account = g.acc.Goods
		g.stock += base
	case kindMaterial:
		account = g.acc.Materials
	}
	g.receivedNo++
	number := g.received.Number(d.Year(), g.receivedNo)
	lines := []app.Line{dr(account, base)}
	if v > 0 {
		lines = append(lines, dr(g.acc.VAT, v))
	}
	lines = append(lines, cr(g.acc.Payables, base+v))
	g.vatIn += v
	g.add(d, fmt.Sprintf("Přijatá faktura %s – %s – %s", number, it.partner, it.name), lines...)
	g.schedule(d.AddDays(14), fmt.Sprintf("Úhrada přijaté faktury %s – %s", number, it.partner), dr(g.acc.Payables, base+v), cr(g.acc.Bank, base+v))
}

func (g *demoGen) rent(d app.Date) {
	rent := 45_000_00 * int64(g.scale)
	m := d.MonthOf()
	const landlord = "Správa nemovitostí Vinohrady s.r.o."
	g.add(d, fmt.Sprintf("Nájemné %s – Vinohradská 1247/15 – %s", m.Format(), landlord), dr(g.acc.Services, rent), cr(g.acc.Payables, rent))
	g.schedule(d.AddDays(4), fmt.Sprintf("Úhrada nájemného %s – %s", m.Format(), landlord), dr(g.acc.Payables, rent), cr(g.acc.Bank, rent))
}

// cashSale is a café's day at the till: drinks and food at the reduced rate,
// sometimes goods at the standard rate, the total rounded to whole crowns.
func (g *demoGen) cashSale(d app.Date, shop string) {
	base12 := g.between(5_000_00, 16_000_00)
	vat := g.vat(base12, app.VATReduced, d)
	lines := []app.Line{{}, cr(g.acc.SalesGoods, base12)}
	base21 := int64(0)
	if g.rng.IntN(2) == 0 {
		base21 = g.between(300_00, 3_000_00)
		vat += g.vat(base21, app.VATStandard, d)
		lines = append(lines, cr(g.acc.SalesGoods, base21))
		g.cogs += base21 * 40 / 100
	}
	lines = append(lines, cr(g.acc.VAT, vat))
	gross := base12 + base21 + vat
	cash := app.M(gross, g.c.BaseCurrency).RoundCash().Amount
	switch diff := cash - gross; {
	case diff > 0:
		lines = append(lines, cr(g.acc.RoundingGain, diff))
	case diff < 0:
		lines = append(lines, dr(g.acc.RoundingLoss, -diff))
	}
	lines[0] = dr(g.acc.Cash, cash)
	g.cash += cash
	g.vatOut += vat
	g.add(d, "Denní tržba – kavárna "+shop, lines...)
}

// cashDeposit takes the week's takings to the bank, leaving a float in the till.
func (g *demoGen) cashDeposit(d app.Date) {
	float := 20_000_00 * int64(g.scale)
	amount := (g.cash - float) / 1_000_00 * 1_000_00
	if amount <= 0 {
		return
	}
	g.cash -= amount
	g.bankMoves++
	g.add(d, "Odvod hotovosti z pokladny na bankovní účet", dr(g.acc.Bank, amount), cr(g.acc.Cash, amount))
}

// monthEnd books payroll, bank fees, the goods sold and the VAT due, and
// schedules the payments of next month.
func (g *demoGen) monthEnd(d app.Date) {
	m := d.MonthOf()
	next := m.Next()
	label := m.Format()
	var insurance, tax int64
	for _, e := range g.employees {
		p := czechPayroll(e.gross, g.c.BaseCurrency)
		lines := []app.Line{dr(g.acc.Wages, p.gross), cr(g.acc.Employees, p.gross),
			dr(g.acc.Employees, p.employeeInsurance), cr(g.acc.SocialInsurance, p.employeeInsurance)}
		if p.tax > 0 {
			lines = append(lines, dr(g.acc.Employees, p.tax), cr(g.acc.WageTax, p.tax))
		}
		lines = append(lines, dr(g.acc.SocialCosts, p.employerInsurance), cr(g.acc.SocialInsurance, p.employerInsurance))
		g.add(d, fmt.Sprintf("Mzda %s – %s", label, e.name), lines...)
		g.schedule(dayOf(next, 12), fmt.Sprintf("Výplata mzdy %s – %s", label, e.name), dr(g.acc.Employees, p.net), cr(g.acc.Bank, p.net))
		insurance += p.employeeInsurance + p.employerInsurance
		tax += p.tax
	}
	g.schedule(dayOf(next, 20), fmt.Sprintf("Odvod pojistného za %s – ČSSZ a zdravotní pojišťovny", label), dr(g.acc.SocialInsurance, insurance), cr(g.acc.Bank, insurance))
	if tax > 0 {
		g.schedule(dayOf(next, 20), fmt.Sprintf("Odvod zálohové daně ze mzdy za %s – finanční úřad", label), dr(g.acc.WageTax, tax), cr(g.acc.Bank, tax))
	}
	fee := 150_00*int64(g.scale) + int64(g.bankMoves)*2_00
	g.add(d, fmt.Sprintf("Poplatky za vedení účtu a platby %s", label), dr(g.acc.BankFees, fee), cr(g.acc.Bank, fee))
	g.bankMoves = 0
	if sold := min(g.cogs, g.stock); sold > 0 {
		g.add(d, fmt.Sprintf("Vyskladnění prodaného zboží %s", label), dr(g.acc.GoodsSold, sold), cr(g.acc.Goods, sold))
		g.stock -= sold
	}
	g.cogs = 0
	switch net := g.vatOut - g.vatIn; {
	case net > 0:
		g.schedule(dayOf(next, 25), fmt.Sprintf("Odvod DPH za %s – finanční úřad", label), dr(g.acc.VAT, net), cr(g.acc.Bank, net))
	case net < 0:
		g.schedule(dayOf(next, 25), fmt.Sprintf("Nadměrný odpočet DPH za %s – finanční úřad", label), dr(g.acc.Bank, -net), cr(g.acc.VAT, -net))
	}
	g.vatOut, g.vatIn = 0, 0
}
