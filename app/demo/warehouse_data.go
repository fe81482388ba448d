package demo

import "kontor/app"

// The roastery's stock: green coffee in a bin of the Prague warehouse,
// roasted coffee, tea, cups and grinders beside it, a shop in Brno with a
// display case for the electric grinders.

// demoLocation is a warehouse (parent "") or a bin of one.
type demoLocation struct {
	code, name, branch, parent string
}

// Location codes the step uses.
const (
	locPraha  = "PRAHA"
	locGreen  = "PRAHA-ZK"
	locBrno   = "BRNO"
	locVitrin = "BRNO-VITRINA"
)

var demoLocations = []demoLocation{
	{locPraha, "Sklad Praha – Holešovice", "HQ", ""},
	{locGreen, "Regál A – zelená káva", "HQ", locPraha},
	{locBrno, "Prodejna Brno – Veveří", "BRNO", ""},
	{locVitrin, "Vitrína mlýnků", "BRNO", locBrno},
}

// demoStock is a stock card of the demo: an item of the Sales step's price
// list (by code), or one the step adds (name set). purchase is the usual
// purchase price per unit (haléře), opening the units on hand at the start
// per unit of scale, reserve what the Prague warehouse keeps for the
// invoices before it gives the café, the e-shop or Brno anything (per unit
// of the sales volume).
type demoStock struct {
	code, name, unit, vat string
	price                 int64 // sale price of an added item, haléře
	purchase              int64
	tracking              app.Tracking
	warranty              int
	opening, reserve      int64
	location              string
	reorder               int64
}

// The demo's stock cards: green coffee (lots with expiry), the roasted
// coffee made from it, tea, cups and grinders (the electric one by serial
// number, both with a 24-month warranty).
var demoStocks = []demoStock{
	{"ZK-BRA", "Zelená káva Brazílie Santos", "kg", app.VATReduced, 390_00, 160_00, app.TrackLot, 0, 300, 0, locGreen, 120},
	{"ZK-ETI", "Zelená káva Etiopie Yirgacheffe", "kg", app.VATReduced, 520_00, 235_00, app.TrackLot, 0, 200, 0, locGreen, 80},
	{"ZK-KOL", "Zelená káva Kolumbie Huila", "kg", app.VATReduced, 450_00, 205_00, app.TrackLot, 0, 150, 0, locGreen, 60},
	{"KAV-BRA-1KG", "", "", "", 0, 230_00, app.TrackNone, 0, 120, 70, locPraha, 60},
	{"KAV-ETI-1KG", "", "", "", 0, 300_00, app.TrackNone, 0, 100, 70, locPraha, 60},
	{"KAV-ESP-1KG", "", "", "", 0, 250_00, app.TrackNone, 0, 150, 70, locPraha, 60},
	{"KAV-KOL-250", "", "", "", 0, 70_00, app.TrackNone, 0, 200, 60, locPraha, 80},
	{"CAJ-DAR-500", "", "", "", 0, 160_00, app.TrackNone, 0, 120, 40, locPraha, 40},
	{"SALEK-ESP-6", "", "", "", 0, 290_00, app.TrackNone, 0, 80, 40, locPraha, 30},
	{"KELIMEK-250", "", "", "", 0, 55_00, app.TrackNone, 0, 150, 40, locPraha, 50},
	{"MLYNEK-RUC", "", "", "", 0, 720_00, app.TrackNone, 24, 40, 40, locPraha, 20},
	{"MLYNEK-E64", "Elektrický mlýnek na kávu Žlutý Čáp E64", "ks", app.VATStandard, 3_990_00, 2_350_00, app.TrackSerial, 24, 6, 0, locPraha, 4},
}

// demoRoast is what a kilogram of one green coffee roasts into: the
// roasted items and their shares (per cent of the roasted weight), a
// quarter-kilo pack counted four to the kilogram.
var demoRoast = map[string][]struct {
	code  string
	share int64
}{
	"ZK-BRA": {{"KAV-BRA-1KG", 75}, {"KAV-ESP-1KG", 25}},
	"ZK-ETI": {{"KAV-ETI-1KG", 70}, {"KAV-ESP-1KG", 30}},
	"ZK-KOL": {{"KAV-KOL-250", 100}},
}

// roastYield is the roasted weight per cent of the green (the beans lose
// water in the roaster).
const roastYield = 82

// demoDelivery is what a supplier of stock delivers on each invoice: the
// items and the share of the invoice's value each takes (per cent; each
// goes where its card keeps it, a receipt per location), and the
// transport the invoice includes (per cent of its base, spread over the
// goods as an acquisition cost).
type demoDelivery struct {
	items     []demoShare
	transport int64
}

type demoShare struct {
	code  string
	share int64
}

// demoDeliveries are the deliveries by the supplier's invoice prefix: the
// green-coffee importer sends grinders with the coffee, the tea house cups.
var demoDeliveries = map[string]demoDelivery{
	"ZK": {[]demoShare{{"ZK-BRA", 35}, {"ZK-ETI", 30}, {"ZK-KOL", 5}, {"MLYNEK-RUC", 24}, {"MLYNEK-E64", 6}}, 3},
	"CD": {[]demoShare{{"CAJ-DAR-500", 30}, {"SALEK-ESP-6", 45}, {"KELIMEK-250", 25}}, 0},
}

// demoTransfer is what Prague sends Brno at the start of a month (units per
// unit of the sales volume), beside the electric grinders for its case.
var demoTransfer = []struct {
	code string
	qty  int64
}{
	{"KAV-BRA-1KG", 6}, {"KAV-ESP-1KG", 8}, {"KAV-ETI-1KG", 4}, {"KAV-KOL-250", 16},
	{"SALEK-ESP-6", 3}, {"KELIMEK-250", 6}, {"MLYNEK-RUC", 2},
}

// demoCafe is what the café and the e-shop take of Prague's stock above
// its reserve at a month's end, per cent.
var demoCafe = map[string]int64{
	"KAV-BRA-1KG": 30, "KAV-ETI-1KG": 30, "KAV-ESP-1KG": 30, "KAV-KOL-250": 30, "KELIMEK-250": 20,
}
