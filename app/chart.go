package app

// Chart names the chart of accounts a company was created with.
type Chart string

// The charts Kontor ships.
const (
	ChartCzech         Chart = "cz"   // směrná účtová osnova
	ChartInternational Chart = "intl" // a small international chart in English
)

// PostingAccounts maps what a business event posts to the account code of a
// chart, so sales, payroll and stock post alike whatever chart the company chose.
type PostingAccounts struct {
	Cash, Bank, Receivables, Payables, VAT, Employees, SocialInsurance, WageTax  string
	Goods, Materials, GoodsSold, Services, Wages, SocialCosts, SalesServices     string
	SalesGoods, RoundingLoss, RoundingGain, Equity, RetainedEarnings, ProfitLoss string
}

// Posting returns the posting accounts of the chart.
func (c Chart) Posting() PostingAccounts {
	if c == ChartInternational {
		return PostingAccounts{"1000", "1100", "1200", "2000", "2200", "2300", "2310", "2320",
			"1300", "5100", "5000", "6100", "6200", "6210", "4100",
			"4000", "6900", "4900", "3000", "3100", "3900"}
	}
	return PostingAccounts{"211", "221", "311", "321", "343", "331", "336", "342",
		"132", "501", "504", "518", "521", "524", "602",
		"604", "548", "648", "411", "428", "431"}
}

// Preset returns the chart's accounts.
func (c Chart) Preset() []Account {
	rows := czechChart
	if c == ChartInternational {
		rows = internationalChart
	}
	out := make([]Account, len(rows))
	for i, r := range rows {
		out[i] = Account{Code: r.code, Name: r.name, Type: r.typ}
	}
	return out
}

type chartRow struct {
	code, name string
	typ        AccountType
}

// czechChart is the part of the směrná účtová osnova Kontor posts to, plus the
// accounts a small office commonly needs beside them.
var czechChart = []chartRow{
	{"013", "Software", Asset},
	{"022", "Samostatné hmotné movité věci", Asset},
	{"082", "Oprávky k samostatným hmotným movitým věcem", Asset},
	{"112", "Materiál na skladě", Asset},
	{"132", "Zboží na skladě", Asset},
	{"211", "Pokladna", Asset},
	{"221", "Bankovní účty", Asset},
	{"261", "Peníze na cestě", Asset},
	{"311", "Odběratelé", Asset},
	{"314", "Poskytnuté zálohy", Asset},
	{"321", "Dodavatelé", Liability},
	{"324", "Přijaté zálohy", Liability},
	{"331", "Zaměstnanci", Liability},
	{"336", "Zúčtování s institucemi sociálního a zdravotního pojištění", Liability},
	{"341", "Daň z příjmů", Liability},
	{"342", "Ostatní přímé daně", Liability},
	{"343", "Daň z přidané hodnoty", Liability},
	{"395", "Vnitřní zúčtování", Asset},
	{"411", "Základní kapitál", Equity},
	{"428", "Nerozdělený zisk minulých let", Equity},
	{"429", "Neuhrazená ztráta minulých let", Equity},
	{"431", "Výsledek hospodaření ve schvalovacím řízení", Equity},
	{"501", "Spotřeba materiálu", Expense},
	{"502", "Spotřeba energie", Expense},
	{"504", "Prodané zboží", Expense},
	{"511", "Opravy a udržování", Expense},
	{"512", "Cestovné", Expense},
	{"518", "Ostatní služby", Expense},
	{"521", "Mzdové náklady", Expense},
	{"524", "Zákonné sociální a zdravotní pojištění", Expense},
	{"538", "Ostatní daně a poplatky", Expense},
	{"548", "Ostatní provozní náklady", Expense},
	{"551", "Odpisy dlouhodobého majetku", Expense},
	{"562", "Úroky", Expense},
	{"568", "Ostatní finanční náklady", Expense},
	{"591", "Daň z příjmů – splatná", Expense},
	{"602", "Tržby z prodeje služeb", Revenue},
	{"604", "Tržby za zboží", Revenue},
	{"648", "Ostatní provozní výnosy", Revenue},
	{"662", "Úroky", Revenue},
	{"668", "Ostatní finanční výnosy", Revenue},
	{"701", "Počáteční účet rozvažný", Closing},
	{"702", "Konečný účet rozvažný", Closing},
	{"710", "Účet zisků a ztrát", Closing},
}

// internationalChart is a compact English chart for companies outside the Czech rules.
var internationalChart = []chartRow{
	{"1000", "Cash on hand", Asset},
	{"1100", "Bank accounts", Asset},
	{"1200", "Accounts receivable", Asset},
	{"1300", "Inventory – goods", Asset},
	{"1400", "Prepayments", Asset},
	{"1500", "Fixed assets", Asset},
	{"1590", "Accumulated depreciation", Asset},
	{"2000", "Accounts payable", Liability},
	{"2100", "Customer advances", Liability},
	{"2200", "VAT payable", Liability},
	{"2300", "Wages payable", Liability},
	{"2310", "Social and health insurance payable", Liability},
	{"2320", "Payroll taxes payable", Liability},
	{"2400", "Income tax payable", Liability},
	{"3000", "Share capital", Equity},
	{"3100", "Retained earnings", Equity},
	{"3900", "Current year result", Equity},
	{"4000", "Sales of goods", Revenue},
	{"4100", "Sales of services", Revenue},
	{"4900", "Other operating income", Revenue},
	{"5000", "Cost of goods sold", Expense},
	{"5100", "Materials consumed", Expense},
	{"6100", "Services purchased", Expense},
	{"6200", "Wages and salaries", Expense},
	{"6210", "Social and health insurance", Expense},
	{"6500", "Depreciation", Expense},
	{"6800", "Bank charges and interest", Expense},
	{"6900", "Other operating expenses", Expense},
}
