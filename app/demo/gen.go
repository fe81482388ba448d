package demo

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
	docs                  demoFigures              // what the steps' documents add

	vatOut, vatIn int64 // this month's output and input VAT
	cogs          int64 // cost of this month's goods sold, taken from stock at month end
	stock, cash   int64 // balances of the goods and cash accounts
	bankMoves     int   // this month's bank movements, for the fee
	cardNo        int   // receipts of card purchases, for their numbers
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
		docs: demoFigures{vat: map[app.Month]int64{}, cogs: map[app.Month]int64{}, cash: map[app.Date]int64{},
			vatIn: map[app.Month]int64{}, goodsIn: map[app.Month]int64{}},
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

// eshopBatches is the mean number of e-shop settlement batches a day per unit
// of scale: the volume --scale multiplies.
const eshopBatches = 2.2

// day makes one day's entries.
func (g *demoGen) day(d app.Date) {
	if d.Year() != g.year {
		g.year, g.invoiceNo, g.receivedNo = d.Year(), 0, 0
	}
	g.cash += g.docs.cash[d]
	if due, ok := g.pending[d]; ok {
		g.batch = append(g.batch, due...)
		g.bankMoves += len(due)
		delete(g.pending, d)
	}
	if d.Day() == 1 && !g.docs.payables {
		g.rent(d)
	}
	for i, n := 0, g.count(eshopBatches); i < n; i++ {
		g.eshopBatch(d, i+1)
	}
	if isWorkday(d) {
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

// openingStock is the goods on hand at the start.
func (g *demoGen) openingStock() int64 { return 380_000_00 * int64(g.scale) }

// opening posts the opening balances. With the warehouse the goods open on
// the acquisition account (131), which the warehouse's opening receipt
// clears into 132 with the goods themselves.
func (g *demoGen) opening(d app.Date) {
	s := int64(g.scale)
	cash, bank, stock, capital := 45_000_00*s, 850_000_00*s, g.openingStock(), 200_000_00*s
	total := cash + bank + stock
	goods := g.acc.Goods
	if g.docs.warehouse {
		goods = app.StockAccountsOf(g.c.Chart).GoodsAcquisition
	}
	if g.acc.Opening != "" {
		g.add(d, "Otevření účtů – počáteční stavy aktiv", dr(g.acc.Cash, cash), dr(g.acc.Bank, bank), dr(goods, stock), cr(g.acc.Opening, total))
		g.add(d, "Otevření účtů – vlastní kapitál", dr(g.acc.Opening, total), cr(g.acc.Equity, capital), cr(g.acc.RetainedEarnings, total-capital))
	} else {
		g.add(d, "Počáteční zůstatky účtů", dr(g.acc.Cash, cash), dr(g.acc.Bank, bank), dr(goods, stock), cr(g.acc.Equity, capital), cr(g.acc.RetainedEarnings, total-capital))
	}
	g.cash, g.stock = cash, stock
}

// eshopBatch is one settlement batch of the e-shop's card payments: a daily
// summary of takings, not an invoice (the e-shop's shoppers get receipts from
// the shop system; invoices are the sales documents of demoSales). Coffee at
// the reduced rate, sometimes accessories at the standard rate and shipping
// as a service. The payment gateway pays the batch out, less its fee, on the
// second working day — through money in transit (261) where the chart has it.
func (g *demoGen) eshopBatch(d app.Date, batch int) {
	base12 := g.between(4_000_00, 10_000_00)
	vat12 := g.vat(base12, app.VATReduced, d)
	g.cogs += base12 * 22 / 100
	lines := []app.Line{{}, cr(g.acc.SalesGoods, base12)}
	var base21, vat21 int64
	if g.rng.IntN(2) == 0 {
		goods := g.between(500_00, 4_000_00)
		base21, vat21 = goods, g.vat(goods, app.VATStandard, d)
		lines = append(lines, cr(g.acc.SalesGoods, goods))
		g.cogs += goods * 40 / 100
	}
	shipping := g.between(3, 15) * 89_00
	base21 += shipping
	vat21 += g.vat(shipping, app.VATStandard, d)
	lines = append(lines, cr(g.acc.SalesServices, shipping))
	lines = append(lines, g.vatLines(app.VATOut, d, "", "", vatPart{app.VATReduced, base12, vat12}, vatPart{app.VATStandard, base21, vat21})...)
	vat := vat12 + vat21
	gross := int64(0)
	for _, l := range lines {
		gross += l.Credit
	}
	fee := gross * 12 / 1000 // the gateway's 1.2 %
	g.vatOut += vat
	memo := fmt.Sprintf("Tržby e-shop – denní souhrn %s, dávka %d (platby kartou)", d.Format(app.Czech), batch)
	if g.acc.Transit == "" {
		lines[0] = dr(g.acc.Bank, gross-fee)
		lines = append(lines, dr(g.acc.BankFees, fee))
		g.bankMoves++
		g.add(d, memo, lines...)
		return
	}
	lines[0] = dr(g.acc.Transit, gross)
	g.add(d, memo, lines...)
	g.schedule(nextWorkday(d.AddDays(1)).AddDays(1), fmt.Sprintf("Výplata platební brány – e-shop %s, dávka %d", d.Format(app.Czech), batch),
		dr(g.acc.Bank, gross-fee), dr(g.acc.BankFees, fee), cr(g.acc.Transit, gross))
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
		if g.docs.warehouse {
			// Bought at the counter for the café and sold the same day:
			// the warehouse's stock comes through its receipts only.
			account = g.acc.GoodsSold
		}
	case kindMaterial:
		account = g.acc.Materials
	}
	lines := []app.Line{dr(account, base)}
	g.cardNo++
	receipt := fmt.Sprintf("UCT%s-%03d", d.Key(), g.cardNo%1000)
	lines = append(lines, g.vatLines(app.VATIn, d, receipt, demoPartnerDIC(it.partner), vatPart{it.vat, base, v})...)
	g.vatIn += v
	if g.docs.payables {
		// The suppliers who invoice are the received invoices of
		// demoPayables; what is left are purchases paid by card on the spot.
		g.bankMoves++
		g.add(d, fmt.Sprintf("Nákup placený kartou – %s – %s", it.partner, it.name), append(lines, cr(g.acc.Bank, base+v))...)
		return
	}
	g.receivedNo++
	number := g.received.Number(d.Year(), g.receivedNo)
	lines = append(lines, cr(g.acc.Payables, base+v))
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
	vat12 := g.vat(base12, app.VATReduced, d)
	lines := []app.Line{{}, cr(g.acc.SalesGoods, base12)}
	var base21, vat21 int64
	if g.rng.IntN(2) == 0 {
		base21 = g.between(300_00, 3_000_00)
		vat21 = g.vat(base21, app.VATStandard, d)
		lines = append(lines, cr(g.acc.SalesGoods, base21))
		g.cogs += base21 * 40 / 100
	}
	lines = append(lines, g.vatLines(app.VATOut, d, "", "", vatPart{app.VATReduced, base12, vat12}, vatPart{app.VATStandard, base21, vat21})...)
	vat := vat12 + vat21
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
	g.vatOut += g.docs.vat[m]
	g.cogs += g.docs.cogs[m]
	g.vatIn += g.docs.vatIn[m]
	g.stock += g.docs.goodsIn[m]
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
	if insurance > 0 { // none when the Payroll step pays everyone
		g.schedule(dayOf(next, 20), fmt.Sprintf("Odvod pojistného za %s – ČSSZ a zdravotní pojišťovny", label), dr(g.acc.SocialInsurance, insurance), cr(g.acc.Bank, insurance))
	}
	if tax > 0 {
		g.schedule(dayOf(next, 20), fmt.Sprintf("Odvod zálohové daně ze mzdy za %s – finanční úřad", label), dr(g.acc.WageTax, tax), cr(g.acc.Bank, tax))
	}
	fee := 150_00*int64(g.scale) + int64(g.bankMoves)*2_00
	g.add(d, fmt.Sprintf("Poplatky za vedení účtu a platby %s", label), dr(g.acc.BankFees, fee), cr(g.acc.Bank, fee))
	g.bankMoves = 0
	if sold := min(g.cogs, g.stock); sold > 0 && !g.docs.warehouse { // the warehouse issues its own
		g.add(d, fmt.Sprintf("Vyskladnění prodaného zboží %s", label), dr(g.acc.GoodsSold, sold), cr(g.acc.Goods, sold))
		g.stock -= sold
	}
	g.cogs = 0
	switch net := g.vatOut - g.vatIn; {
	case net > 0:
		g.schedule(dayOf(next, 25), fmt.Sprintf("Odvod DPH za %s – finanční úřad", label), settled(dr(g.acc.VAT, net)), cr(g.acc.Bank, net))
	case net < 0:
		g.schedule(dayOf(next, 25), fmt.Sprintf("Nadměrný odpočet DPH za %s – finanční úřad", label), dr(g.acc.Bank, -net), settled(cr(g.acc.VAT, -net)))
	}
	g.vatOut, g.vatIn = 0, 0
}

// vatPart is the base and VAT of one rate kind.
type vatPart struct {
	kind      string
	base, vat int64
}

// vatLines are the VAT lines of a day's takings (VATOut; no document, no
// partner) or of a purchase (VATIn, the supplier's receipt and DIČ): one line
// per rate, tagged as domestic with its base; a part without VAT makes none.
func (g *demoGen) vatLines(side app.VATSide, d app.Date, doc, partner string, parts ...vatPart) []app.Line {
	var total int64
	for _, p := range parts {
		total += p.base + p.vat
	}
	var out []app.Line
	for _, p := range parts {
		if p.vat == 0 {
			continue
		}
		rate, _ := g.c.VATRateOn(p.kind, d)
		tag := &app.VATTag{Side: side, Regime: app.RegimeDomestic, Kind: p.kind, Rate: rate, Base: p.base, Doc: doc, Partner: partner}
		if doc != "" {
			tag.DocTotal = total
		}
		l := cr(g.acc.VAT, p.vat)
		if side == app.VATIn {
			l = dr(g.acc.VAT, p.vat)
		}
		l.VAT = tag
		out = append(out, l)
	}
	return out
}

// settled tags a line on the VAT account as a settlement with the tax office.
func settled(l app.Line) app.Line {
	l.VAT = app.SettlementTag()
	return l
}
