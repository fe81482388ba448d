package demo

import "kontor/app"

// The after-sales desk's month: who comes back with what, in Czech, as the
// servis clerk writes it.

// demoConsumer is a private customer (a consumer, § 419 OZ) of the
// after-sales stories, made by the step.
type demoConsumer struct {
	name, street, city, postcode, email, phone string
}

var demoConsumers = map[string]demoConsumer{
	"grinder": {"Petra Nováková", "Slezská 1820/64", "Praha 3 – Vinohrady", "130 00", "petra.novakova@seznam.cz", "+420 731 402 118"},
	"refused": {"Martin Šimek", "Táborská 412/18", "Praha 4 – Nusle", "140 00", "m.simek@email.cz", "+420 604 887 215"},
	"overdue": {"Hana Procházková", "Jugoslávských partyzánů 1564/9", "Praha 6 – Dejvice", "160 00", "hana.prochazkova@centrum.cz", "+420 777 315 660"},
	"tea":     {"Tereza Malá", "Údolní 33", "Brno – střed", "602 00", "tereza.mala@gmail.com", "+420 720 541 903"},
}

// The business customers of the stories, by name (the Sales step's; the
// step makes one that is missing).
const (
	demoBistro = "Bistro Na Růžku s.r.o."
	demoHotel  = "Hotel Zámeček Průhonice a.s."
	demoOffice = "Kancelářské centrum Smíchov a.s."
)

// demoAfterSalesText are the tickets' texts: subject, defect (or the
// question), accessories.
var demoAfterSalesText = map[string][3]string{
	"grinder":  {"Ruční mlýnek – mele nerovnoměrně, drhne", "Mlýnek od září mele nerovnoměrně, mlecí kameny drhnou a klika jde ztěžka; vada se projevila při běžném domácím používání.", "Původní krabice, návod"},
	"coffee":   {"Zavlhlá šarže espressa", "Dodaná Espresso směs je zavlhlá a zatuchlá, balení byla při přepravě vystavena vlhku; káva je nepoužitelná pro provoz.", ""},
	"refused":  {"Ruční mlýnek – ulomená klika", "Klika mlýnku se ulomila u osy, mlýnek nelze používat.", "Ulomená klika"},
	"overdue":  {"Prasklé šálky ze sady na espresso", "Dva ze šesti šálků mají vlasové praskliny u ucha; praskliny se objevily po prvním mytí v myčce.", "Celá sada v původním balení"},
	"tea":      {"Čaj Darjeeling – plíseň v balení", "Po otevření balení je na čaji bílý povlak a čaj je cítit plísní; datum minimální trvanlivosti neprošlo.", "Otevřené balení"},
	"decalc":   {"Dotaz: jak odvápnit espresso kávovar", "Jak často a čím odvápňovat kávovar v kuchyňce kanceláře, aby nepřišla o záruku?", ""},
	"ethiopia": {"Dotaz: kdy bude znovu Etiopie Yirgacheffe", "Zákazník se ptá na dodací lhůtu 5 kg pražené Etiopie na konec měsíce.", ""},
	"lever":    {"Servis kávovaru – netěsní páka", "Páka espresso kávovaru v hotelové kavárně netěsní, pod spařovací hlavou kape voda.", ""},
	"burrs":    {"Výměna mlecích kamenů mlýnku (mimo záruku)", "Opotřebené mlecí kameny mlýnku v bistru, placená výměna po záruce.", ""},
}

// The clerk's comments and resolutions.
const (
	demoGrinderTaken    = "Mlýnek převzat na prodejně, zjištěno opotřebení ložiska osy. Odesíláme do dílny, zákaznice souhlasí s opravou."
	demoGrinderDone     = "Vyměněno ložisko osy a horní mlecí kámen v rámci záruky; mlýnek seřízen a vyzkoušen na 250 g kávy bez závad."
	demoGrinderCalled   = "Zákaznice vyrozuměna telefonicky, mlýnek je připraven k vyzvednutí na prodejně."
	demoCoffeeChecked   = "Vzorek ověřen v pražírně: zrna zavlhlá, káva nevhodná k prodeji. Schváleno vrácení celé dodávky a dobropis."
	demoCoffeeDone      = "Zboží převzato zpět do skladu reklamací, vystaven opravný daňový doklad %s na %s; faktura byla uhrazena, částka bude vrácena na účet odběratele."
	demoRefusedChecked  = "Prohlídka technikem: lom kliky s otlaky po pádu na tvrdou podložku, mechanické poškození."
	demoRefusedReasons  = "Reklamace zamítnuta: klika je ulomena v důsledku mechanického poškození (otlaky po pádu na tvrdý povrch), nejde o vadu materiálu ani výrobní vadu, za kterou prodávající odpovídá. Nabízíme výměnu kliky za úhradu 190 Kč."
	demoOverdueTaken    = "Šálky převzaty, praskliny potvrzeny. Zákaznice žádá výměnu celé sady."
	demoOverdueWaiting  = "Náhradní sada objednána u dodavatele porcelánu, dodání se zpožďuje – urgováno e-mailem."
	demoDecalcAnswer    = "Doporučeno odvápňovat jednou měsíčně přípravkem na bázi kyseliny citronové podle návodu výrobce; zasláno e-mailem i s návodem."
	demoLeverTaken      = "Technik objednán, cena podle ceníku servisu 950 Kč/h bez DPH; zaslána cenová nabídka na výměnu těsnění páky."
	demoLeverWaiting    = "Čekáme na potvrzení cenové nabídky hotelem."
	demoBurrsDone       = "Vyměněny mlecí kameny a seřízen mlýnek; práce a díl vyfakturovány podle ceníku."
	demoReturnReason    = "Reklamace – zavlhlá káva, vrácení celé dodávky"
	demoAfterSalesLoc   = "REKLAMACE"
	demoAfterSalesLocNm = "Sklad reklamací – vadné zboží"
)

// demoBusinessComplaintDays is the company's deadline for business
// customers' complaints (§ 19 ZOS binds consumer sales only).
const demoBusinessComplaintDays = 30

// demoConsumerCustomer is the consumer's customer record.
func (c demoConsumer) customer() app.Customer {
	return app.Customer{Name: c.name, Street: c.street, City: c.city, Postcode: c.postcode, Country: "CZ",
		Email: c.email, Phone: c.phone, PaymentDays: 14, Currency: "CZK", Lang: app.Czech, Note: "Soukromá osoba (spotřebitel)."}
}
