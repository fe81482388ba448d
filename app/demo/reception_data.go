package demo

// The demo's front desk: the people and firms of a Czech town's small
// businesses, what they come for and where they meet.

// demoTown is a town with its postcode.
type demoTown struct{ city, postcode string }

var demoTowns = []demoTown{
	{"Praha 1 – Staré Město", "110 00"}, {"Praha 4 – Nusle", "140 00"}, {"Praha 6 – Dejvice", "160 00"}, {"Praha 9 – Vysočany", "190 00"},
	{"Brno – Královo Pole", "612 00"}, {"Brno – Žabovřesky", "616 00"}, {"Ostrava – Poruba", "708 00"}, {"Plzeň – Bory", "301 00"},
	{"Liberec", "460 01"}, {"Olomouc", "779 00"}, {"České Budějovice", "370 01"}, {"Hradec Králové", "500 02"},
	{"Ústí nad Labem", "400 01"}, {"Pardubice", "530 02"}, {"Zlín", "760 01"}, {"Kladno", "272 01"}, {"Jihlava", "586 01"},
	{"Karlovy Vary", "360 01"}, {"Mladá Boleslav", "293 01"}, {"Třebíč", "674 01"}, {"Tábor", "390 02"}, {"Znojmo", "669 02"},
	{"Příbram", "261 01"}, {"Kolín", "280 02"}, {"Písek", "397 01"}, {"Kroměříž", "767 01"}, {"Děčín", "405 02"},
	{"Frýdek-Místek", "738 01"}, {"Jablonec nad Nisou", "466 01"}, {"Český Krumlov", "381 01"},
}

var demoStreets = []string{"Masarykova", "Nádražní", "Husova", "Palackého", "Komenského", "Tyršova", "Jiráskova", "Školní",
	"Zahradní", "Sokolská", "Havlíčkova", "Žižkova", "Riegrova", "Smetanova", "Náměstí Míru", "Dukelská", "Průmyslová",
	"Lidická", "Čs. armády", "U Nádraží", "Třída Svobody", "Křižíkova", "Úzká", "Řeznická", "Šafaříkova"}

// demoTrades are the small businesses a directory is full of; the
// feminine surname reads better after some of them ("Kadeřnictví Nováková").
var demoTrades = []string{"Truhlářství", "Kadeřnictví", "Autoservis", "Pekařství", "Zahradnictví", "Účetní kancelář",
	"Stavební firma", "Elektroinstalace", "Instalatérství", "Květinářství", "Řeznictví", "Cukrárna", "Tiskárna",
	"Projekční kancelář", "Advokátní kancelář", "Zubní ordinace", "Veterinární ordinace", "Autodoprava", "Malířství",
	"Čalounictví", "Fotoateliér", "Kosmetický salon", "Penzion", "Hospoda", "Vinárna", "Pizzerie"}

// demoFirmWords make names of limited companies: "Moravské strojírny a.s.".
var demoFirmWords = [][2]string{
	{"Moravské", "strojírny"}, {"Severočeské", "pekárny"}, {"Jihočeská", "dřevovýroba"}, {"Pražská", "realitní"},
	{"Krkonošská", "stavební"}, {"Šumavské", "pily"}, {"Hanácká", "obchodní"}, {"Slezská", "ocelárna"},
	{"Polabská", "zelenina"}, {"Vysočinská", "mlékárna"}, {"Podkrušnohorská", "doprava"}, {"Valašská", "kovovýroba"},
}

var demoForms = []string{"s.r.o.", "s.r.o.", "s.r.o.", "a.s.", "spol. s r.o.", "v.o.s."}

var demoCustomerNotes = []string{"Stálý zákazník, platí vždy včas.", "Preferuje kontakt e-mailem.", "Dodávky jen dopoledne.",
	"Fakturovat na centrálu.", "Vedoucí: paní Marková.", "Pozor, mění sídlo k 1. 1.", "Sleva 5 % na kávu dohodnuta ústně."}

var demoPurposes = []string{"jednání o dodávkách kávy", "předvedení kávovaru", "pohovor – barista", "baristický kurz",
	"podpis smlouvy", "servis kávovaru", "degustace nové směsi", "dodávka zboží", "kontrola BOZP", "schůzka s účetní"}

var demoPlaces = []string{"zasedačka v 1. patře", "salonek kavárny", "u zákazníka", "pražírna", "online (Teams)", "recepce"}

var demoAppointmentNotes = []string{"", "", "přinést vzorky", "nabídka pro 3 pobočky", "domluveno telefonicky", "vzít katalog", "řeší reklamaci"}

// demoTopics are inquiries as the desk writes them down: topic and text.
var demoTopics = [][2]string{
	{"Káva do kanceláře", "Firma s 40 zaměstnanci hledá pravidelné dodávky zrnkové kávy a zapůjčení kávovaru."},
	{"Baristický kurz pro tým", "Kurz pro 6 lidí z nové kavárny, nejlépe v sobotu."},
	{"Servis kávovaru", "Kávovar netlačí vodu přes páku, prosí o rychlý výjezd technika."},
	{"Degustace na firemní akci", "Degustace kávy pro 80 hostů na výroční akci v březnu."},
	{"Pravidelné dodávky do kavárny", "Nová kavárna chce espresso směs, 20 kg měsíčně, a ceník."},
	{"Reklamace zásilky", "Zásilka dorazila s poškozenými sáčky, chtějí výměnu."},
	{"Catering s kávovým barem", "Svatba v červnu, mobilní kávový bar na 6 hodin."},
	{"Dárkové balíčky", "Vánoční balíčky pro 150 klientů s logem firmy."},
	{"Pronájem kávovaru", "Krátkodobý pronájem na veletrh, 3 dny."},
	{"Velkoobchodní ceník", "Žádost o ceník pro síť čtyř bister."},
}
