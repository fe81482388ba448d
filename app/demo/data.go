package demo

// The demo's people, partners and goods: plausible Czech names with their
// diacritics, so screens, searches and PDFs meet real-looking text.

import (
	"fmt"
	"hash/fnv"

	"kontor/app"
)

// demoItem is something the café sells or buys, with its price range per unit
// in whole crowns and how many units a document usually has.
type demoItem struct {
	name               string
	vat                string // app.VATStandard, VATReduced or VATZero
	minPrice, maxPrice int64
	minQty, maxQty     int
	kind               int    // what it posts to, see the item kinds
	partner            string // who sells it to the café (purchases only)
}

// Item kinds: which account of the posting accounts an item goes to.
const (
	kindGoods    = iota // sold: 604; bought: 132
	kindService         // sold: 602; bought: 518
	kindMaterial        // bought: 501
)

var demoPurchaseItems = []demoItem{
	{"zelená káva Brazílie, pytel 60 kg", app.VATReduced, 14000, 19000, 1, 3, kindGoods, "Zelená káva Import s.r.o."},
	{"zelená káva Etiopie, pytel 60 kg", app.VATReduced, 21000, 27000, 1, 2, kindGoods, "Zelená káva Import s.r.o."},
	{"sypaný čaj a bylinné směsi", app.VATReduced, 3000, 9000, 1, 2, kindGoods, "Čajový dům Ametyst s.r.o."},
	{"porcelán a příslušenství k prodeji", app.VATStandard, 4000, 15000, 1, 2, kindGoods, "Porcelánka Dubí a.s."},
	{"mléko a smetana", app.VATReduced, 1500, 4500, 1, 3, kindMaterial, "Mlékárna Podhůří a.s."},
	{"kelímky a víčka s sebou", app.VATStandard, 1200, 3800, 1, 3, kindMaterial, "Obaly Šťastný s.r.o."},
	{"sáčky s ventilkem na kávu", app.VATStandard, 2500, 6000, 1, 2, kindMaterial, "Obaly Šťastný s.r.o."},
	{"čisticí prostředky pro kávovary", app.VATStandard, 800, 2400, 1, 2, kindMaterial, "Servis kávovarů Lukeš"},
	{"úklid provozovny", app.VATStandard, 4500, 9000, 1, 1, kindService, "Úklidová služba Jasná"},
	{"oprava a údržba pražičky", app.VATStandard, 3500, 18000, 1, 1, kindService, "Pražírenská technika Müller s.r.o."},
	{"přeprava zásilek zákazníkům", app.VATStandard, 1500, 6500, 1, 1, kindService, "Přeprava Rychlík s.r.o."},
	{"telefon a internet", app.VATStandard, 900, 1600, 1, 1, kindService, "Telefonie a internet Čechy a.s."},
}

var demoShops = []string{"Vinohrady", "Karlín", "Holešovice", "Smíchov", "Letná", "Brno – Veveří", "Olomouc – Horní náměstí", "Plzeň – Slovany"}

var demoFirstNamesF = []string{"Jana", "Lucie", "Markéta", "Zuzana", "Tereza", "Kateřina", "Veronika", "Eliška", "Barbora", "Hana", "Petra", "Klára"}
var demoFirstNamesM = []string{"Petr", "Tomáš", "Jiří", "Ondřej", "Lukáš", "Jakub", "Martin", "Vojtěch", "Jan", "Štěpán", "Matěj", "Radek"}

// demoSurnames holds a surname in its masculine and feminine forms.
var demoSurnames = [][2]string{
	{"Novák", "Nováková"}, {"Dvořák", "Dvořáková"}, {"Černý", "Černá"}, {"Procházka", "Procházková"},
	{"Kučera", "Kučerová"}, {"Veselý", "Veselá"}, {"Horák", "Horáková"}, {"Němec", "Němcová"},
	{"Marek", "Marková"}, {"Pospíšil", "Pospíšilová"}, {"Hájek", "Hájková"}, {"Jelínek", "Jelínková"},
	{"Král", "Králová"}, {"Růžička", "Růžičková"}, {"Beneš", "Benešová"}, {"Fiala", "Fialová"},
	{"Sedláček", "Sedláčková"}, {"Doležal", "Doležalová"}, {"Zeman", "Zemanová"}, {"Kolář", "Kolářová"},
	{"Šimek", "Šimková"}, {"Čermák", "Čermáková"},
}

// demoPartnerDIC is the DIČ of a partner the café buys from by card: the
// IČO of its supplier record when it has one, else one made from its name
// (with a valid check digit), so the control statement can name it.
func demoPartnerDIC(name string) string {
	for _, s := range demoSuppliers {
		if s.name == name {
			return "CZ" + s.ico7 + string(rune('0'+icoCheckDigit(s.ico7)))
		}
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	ico7 := fmt.Sprintf("%07d", h.Sum32()%10_000_000)
	return "CZ" + ico7 + string(rune('0'+icoCheckDigit(ico7)))
}
