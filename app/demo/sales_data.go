package demo

// The demo's business customers and price list: the café's wholesale side
// (coffee for restaurants and offices, machine service, barista courses),
// with real-looking Czech addresses and identifiers that pass Kontor's checks.

import "kontor/app"

// demoB2B is a customer of the demo's sales documents. ico7 holds the first
// seven digits of the IČO (the check digit is computed); dic "CZ" means the
// customer is a Czech VAT payer (CZ + IČO), "" that it is not one, anything
// else is a foreign VAT ID as written.
type demoB2B struct {
	name, street, city, postcode, country string
	ico7, dic                             string
	email, phone                          string
	days                                  int
	currency                              string
	lang                                  app.Lang
	weight                                int // how often it buys, relative
}

var demoB2BCustomers = []demoB2B{
	{"Bistro Na Růžku s.r.o.", "Korunní 812/24", "Praha 2 – Vinohrady", "120 00", "CZ", "2741536", "CZ", "objednavky@bistronaruzku.cz", "+420 602 318 447", 14, "CZK", app.Czech, 5},
	{"Hotel Zámeček Průhonice a.s.", "Květnové náměstí 3", "Průhonice", "252 43", "CZ", "2619853", "CZ", "nakup@zamecek-pruhonice.cz", "+420 271 083 500", 30, "CZK", app.Czech, 4},
	{"Restaurace U Černého koně s.r.o.", "Vodičkova 728/9", "Praha 1 – Nové Město", "110 00", "CZ", "0547218", "CZ", "provoz@cernykun.cz", "+420 224 946 218", 14, "CZK", app.Czech, 4},
	{"Coworking Karlín Dílna s.r.o.", "Sokolovská 394/17", "Praha 8 – Karlín", "186 00", "CZ", "0681427", "CZ", "ahoj@karlindilna.cz", "+420 733 215 908", 14, "CZK", app.Czech, 3},
	{"Kancelářské centrum Smíchov a.s.", "Plzeňská 3217/16", "Praha 5 – Smíchov", "150 00", "CZ", "2493372", "CZ", "facility@kc-smichov.cz", "+420 257 311 640", 30, "CZK", app.Czech, 3},
	{"Lahůdky Kučerová s.r.o.", "Masarykova 427/31", "Brno – střed", "602 00", "CZ", "0390475", "CZ", "lahudky@kucerova.cz", "+420 543 211 764", 14, "CZK", app.Czech, 3},
	{"Moravská vinotéka Břeclav s.r.o.", "17. listopadu 1a", "Břeclav", "690 02", "CZ", "2936411", "CZ", "info@vinotekabreclav.cz", "+420 519 322 187", 14, "CZK", app.Czech, 2},
	{"IT služby Procházka s.r.o.", "Cejl 504/62", "Brno – Zábrdovice", "602 00", "CZ", "0472361", "CZ", "fakturace@it-prochazka.cz", "+420 608 412 733", 30, "CZK", app.Czech, 2},
	{"Cukrárna Šárka Dvořáková", "Horní náměstí 17", "Olomouc", "779 00", "CZ", "7512880", "", "sarka@cukrarnadvorakova.cz", "+420 604 551 239", 14, "CZK", app.Czech, 2},
	{"Penzion Říčka Český Krumlov", "Latrán 48", "Český Krumlov", "381 01", "CZ", "6843127", "", "recepce@penzionricka.cz", "+420 380 712 455", 14, "CZK", app.Czech, 1},
	// Two foreign customers buy in euros and read their documents in English.
	{"Kaviareň Pod Hradom s.r.o.", "Hlavná 112/45", "Košice", "040 01", "SK", "4631875", "SK2023418771", "objednavky@podhradom.sk", "+421 905 318 224", 30, "EUR", app.English, 1},
	{"Kaffeehaus Zum Goldenen Löwen GmbH", "Mariahilfer Straße 85", "Wien", "1060", "AT", "", "ATU63785915", "einkauf@goldener-loewe.at", "+43 1 526 48 17", 30, "EUR", app.English, 1},
}

// customer turns the row into a record for SaveCustomer.
func (b demoB2B) customer() app.Customer {
	c := app.Customer{Name: b.name, Street: b.street, City: b.city, Postcode: b.postcode, Country: b.country,
		Email: b.email, Phone: b.phone, PaymentDays: b.days, Currency: b.currency, Lang: b.lang}
	if b.ico7 != "" {
		c.ICO = b.ico7 + string(rune('0'+icoCheckDigit(b.ico7)))
	}
	switch b.dic {
	case "":
	case "CZ":
		c.DIC = "CZ" + c.ICO
	default:
		c.DIC = b.dic
	}
	if b.country != "CZ" {
		c.Note = "EU business with a VAT ID: goods exempt under §64, services under reverse charge (§9(1)); listed in the EC sales list."
	}
	return c
}

// demoPriceItem is a line of the demo's price list; en is the text printed
// on documents in English.
type demoPriceItem struct {
	code, name, en, unit string
	price                int64 // CZK in haléře, without VAT
	vat                  string
	stock                bool
}

var demoPriceList = []demoPriceItem{
	{"KAV-BRA-1KG", "Pražená káva Brazílie Santos", "Roasted coffee Brazil Santos", "kg", 520_00, app.VATReduced, true},
	{"KAV-ETI-1KG", "Pražená káva Etiopie Yirgacheffe", "Roasted coffee Ethiopia Yirgacheffe", "kg", 690_00, app.VATReduced, true},
	{"KAV-ESP-1KG", "Espresso směs Žlutý Čáp", "Espresso blend Žlutý Čáp", "kg", 560_00, app.VATReduced, true},
	{"KAV-KOL-250", "Káva Kolumbie Huila 250 g", "Coffee Colombia Huila 250 g", "ks", 209_00, app.VATReduced, true},
	{"CAJ-DAR-500", "Čaj Darjeeling 500 g", "Darjeeling tea 500 g", "ks", 380_00, app.VATReduced, true},
	{"SALEK-ESP-6", "Porcelánové šálky na espresso (6 ks)", "Porcelain espresso cups (set of 6)", "ks", 690_00, app.VATStandard, true},
	{"KELIMEK-250", "Papírové kelímky 250 ml (50 ks)", "Paper cups 250 ml (50 pcs)", "ks", 149_00, app.VATStandard, true},
	{"MLYNEK-RUC", "Ruční mlýnek na kávu", "Hand coffee grinder", "ks", 1_590_00, app.VATStandard, true},
	{"SERVIS-KAV", "Servis a čištění espresso kávovaru", "Espresso machine service and cleaning", "h", 950_00, app.VATStandard, false},
	{"SKOLENI-BAR", "Baristický kurz", "Barista course", "h", 1_450_00, app.VATStandard, false},
	{"DEGUSTACE", "Degustace kávy pro zaměstnance", "Coffee tasting for staff", "h", 1_800_00, app.VATStandard, false},
	{"DOPRAVA", "Doprava a balné", "Delivery and packing", "ks", 190_00, app.VATStandard, false},
}

// demoCreditReasons are why a customer got a credit note, for goods and for
// services, in Czech and English.
var (
	demoGoodsReasons = [][2]string{
		{"Reklamace – poškozené zboží", "Complaint – damaged goods"},
		{"Reklamace – prošlé datum minimální trvanlivosti", "Complaint – best-before date passed"},
		{"Vrácení zboží – chybně dodaná položka", "Return – wrong item delivered"},
	}
	demoServiceReasons = [][2]string{
		{"Sleva – zkrácený rozsah služby", "Discount – service shortened"},
		{"Reklamace – neprovedená část servisu", "Complaint – part of the service not done"},
	}
)
