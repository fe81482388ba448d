package pdf

import (
	"io"
	"strconv"
	"strings"

	"kontor/app"
)

// The two documents of a complaint (part C1 of
// ../shared/CZECH-PAYROLL-WAREHOUSE-AFTERSALES.md): the confirmation given
// when it is made (potvrzení o reklamaci, § 19 odst. 1 zákona č. 634/1992
// Sb.) and the confirmation of how it was resolved, or of the reasons it
// was refused (vyřízení reklamace, § 19 odst. 3). Their data are
// app.ComplaintConfirmation and app.ComplaintOutcome.

// complaintWords are the fixed words of the complaint documents in one
// language. Like labels, they are legal wording kept apart from the UI's
// translations.
type complaintWords struct {
	confirmation, outcomeTitle, no, seller, customer, consumer, business, ico, dic       string
	email, phone, complaint, filed, complained, shown, channel, byCounter, byPhone       string
	byEmail, item, serial, lot, invoice, saleDate, accessories, takenBy, defect, remedy  string
	remRepair, remReplace, remDiscount, remWithdraw, deadline, deadlineText              string
	deadlineBusiness, deadlineNone, warranty, inWarranty, outOfWarranty, noWarranty      string
	warrantyUntil, daysLeft, presumed, presumedOver, notify                              string
	notifyEmail, notifyPhone, notifyAddress, afterDeadline, forSeller, forCustomer, date string
	signature, outcome, outRepaired, outReplaced, outRefunded, outDiscount, outRefused   string
	outAnswered, resolution, reasons, resolvedOn, duration, days, deadlineKept           string
	// dayForms are "day" for 1, 2–4 and 5+ (Czech: den, dny, dní).
	dayForms                                                                        [3]string
	deadlineMissed, handedOver, receives, recRepaired, recReplaced, recReplacedNew  string
	recRefunded, recDiscount, recRefused, recAnswered, creditNote, refund, handedBy string
	receivedBy, claim, deadlineBy, repairDone                                       string
}

var complaintCS = complaintWords{
	confirmation: "Potvrzení o uplatnění reklamace", outcomeTitle: "Vyřízení reklamace", no: "č.",
	seller: "Prodávající", customer: "Kupující", consumer: "spotřebitel", business: "podnikatel",
	ico: "IČO", dic: "DIČ", email: "E-mail", phone: "Telefon",
	complaint: "Reklamace", filed: "Uplatněna dne a v", complained: "Datum uplatnění", shown: "Vada se projevila dne",
	channel: "Způsob uplatnění", byCounter: "osobně v provozovně", byPhone: "telefonicky", byEmail: "e-mailem",
	item: "Zboží", serial: "Výrobní číslo", lot: "Šarže", invoice: "Doklad o koupi", saleDate: "Datum prodeje (převzetí)",
	accessories: "Předané příslušenství", takenBy: "Reklamaci přijal",
	defect: "Popis vady (obsah reklamace)", remedy: "Požadovaný způsob vyřízení",
	remRepair: "oprava", remReplace: "výměna za novou věc", remDiscount: "přiměřená sleva z ceny", remWithdraw: "odstoupení od smlouvy",
	deadline:         "Lhůta pro vyřízení",
	deadlineText:     "Reklamace bude vyřízena včetně odstranění vady nejpozději do {d}, tj. do 30 dnů od jejího uplatnění (§ 19 odst. 3 zákona č. 634/1992 Sb., o ochraně spotřebitele); delší lhůtu lze sjednat jen s Vaším souhlasem.",
	deadlineBusiness: "Reklamace bude vyřízena nejpozději do {d}, jak stanoví smluvní podmínky.",
	deadlineNone:     "Lhůtu pro vyřízení stanoví smlouva (§ 19 zákona o ochraně spotřebitele se na podnikatele nevztahuje).",
	warranty:         "Záruka a odpovědnost za vady", inWarranty: "Zboží je v době reklamace v záruce",
	outOfWarranty: "Vada se projevila po uplynutí doby", noWarranty: "Na zboží nebyla poskytnuta záruka za jakost.",
	warrantyUntil: "měsíců, do", daysLeft: "ještě {n} {d}", dayForms: [3]string{"den", "dny", "dní"},
	presumed:     "Vada se projevila do jednoho roku od převzetí věci (do {d}): má se za to, že věc byla vadná již při převzetí (§ 2161 občanského zákoníku).",
	presumedOver: "Jeden rok od převzetí, v němž se má za to, že vada existovala již při převzetí (§ 2161 občanského zákoníku), uplynul {d}.",
	notify:       "O vyřízení reklamace Vás vyrozumíme", notifyEmail: "e-mailem na adresu", notifyPhone: "telefonicky na čísle",
	notifyAddress: "písemně na adresu",
	afterDeadline: "Nebude-li reklamace vyřízena v této lhůtě, máte právo od smlouvy odstoupit nebo požadovat přiměřenou slevu.",
	forSeller:     "Za prodávajícího", forCustomer: "Kupující", date: "datum", signature: "podpis",
	outcome: "Způsob vyřízení", outRepaired: "Reklamace uznána – vada odstraněna opravou",
	outReplaced: "Reklamace uznána – věc vyměněna za novou", outRefunded: "Reklamace uznána – kupní cena vrácena",
	outDiscount: "Reklamace uznána – poskytnuta sleva z ceny", outRefused: "Reklamace zamítnuta",
	outAnswered: "Vyřízeno", resolution: "Popis vyřízení", repairDone: "Popis vyřízení (provedená oprava)", reasons: "Důvody zamítnutí reklamace",
	resolvedOn: "Datum vyřízení", duration: "Doba vyřízení", days: "od uplatnění",
	deadlineKept: "dodržena", deadlineMissed: "překročena", deadlineBy: "lhůta do", handedOver: "Datum předání",
	receives: "Kupující obdrží", recRepaired: "opravenou věc",
	recReplaced: "novou věc", recReplacedNew: "novou věc; záruční doba 24 měsíců běží znovu od jejího převzetí",
	recRefunded: "vrácení kupní ceny", recDiscount: "slevu z kupní ceny", recRefused: "reklamovanou věc zpět bez opravy",
	recAnswered: "vyjádření prodávajícího", creditNote: "Opravný daňový doklad", refund: "Částka k vrácení",
	handedBy: "Vydal za prodávajícího", receivedBy: "Převzal kupující", claim: "Reklamované zboží",
}

var complaintEN = complaintWords{
	confirmation: "Confirmation of a complaint", outcomeTitle: "Resolution of a complaint", no: "No.",
	seller: "Seller", customer: "Buyer", consumer: "consumer", business: "business",
	ico: "Reg. No. (IČO)", dic: "VAT No. (DIČ)", email: "E-mail", phone: "Phone",
	complaint: "Complaint", filed: "Made on", complained: "Date of the complaint", shown: "Defect showed on",
	channel: "Made", byCounter: "in person at the shop", byPhone: "by phone", byEmail: "by e-mail",
	item: "Goods", serial: "Serial number", lot: "Lot", invoice: "Proof of purchase", saleDate: "Date of sale (takeover)",
	accessories: "Accessories handed over", takenBy: "Taken by",
	defect: "Defect described (content of the claim)", remedy: "Remedy asked for",
	remRepair: "repair", remReplace: "replacement with a new item", remDiscount: "reasonable discount", remWithdraw: "withdrawal from the contract",
	deadline:         "Deadline for the resolution",
	deadlineText:     "The complaint will be resolved, the defect removed included, by {d} at the latest, i.e. within 30 days of the complaint (§ 19(3) of Act No. 634/1992 Coll., on consumer protection); a longer period only with your consent.",
	deadlineBusiness: "The complaint will be resolved by {d} at the latest, as the contract's terms set.",
	deadlineNone:     "The contract sets the deadline for the resolution (§ 19 of the Consumer Protection Act does not apply between businesses).",
	warranty:         "Warranty and liability for defects", inWarranty: "The goods are in warranty on the day of the complaint",
	outOfWarranty: "The defect showed after the period of", noWarranty: "No warranty of quality was given for the goods.",
	warrantyUntil: "months, until", daysLeft: "{n} {d} left", dayForms: [3]string{"day", "days", "days"},
	presumed:     "The defect showed within one year of the takeover (until {d}): it is presumed that the goods were defective already at the takeover (§ 2161 of the Civil Code).",
	presumedOver: "The year after the takeover in which a defect is presumed to have existed at the takeover (§ 2161 of the Civil Code) ended on {d}.",
	notify:       "We will tell you of the resolution", notifyEmail: "by e-mail to", notifyPhone: "by phone at",
	notifyAddress: "in writing to",
	afterDeadline: "If the complaint is not resolved within this period, you may withdraw from the contract or ask for a reasonable discount.",
	forSeller:     "For the seller", forCustomer: "Buyer", date: "date", signature: "signature",
	outcome: "Outcome", outRepaired: "Complaint accepted – the defect was repaired",
	outReplaced: "Complaint accepted – the goods were replaced", outRefunded: "Complaint accepted – the price was refunded",
	outDiscount: "Complaint accepted – a discount was given", outRefused: "Complaint refused",
	outAnswered: "Resolved", resolution: "How it was resolved", repairDone: "How it was resolved (the repair done)", reasons: "Reasons for the refusal",
	resolvedOn: "Date of the resolution", duration: "Time taken", days: "from the complaint",
	deadlineKept: "kept", deadlineMissed: "missed", deadlineBy: "deadline", handedOver: "Handed over on",
	receives: "The buyer receives", recRepaired: "the repaired goods",
	recReplaced: "new goods", recReplacedNew: "new goods; the 24-month period runs again from their takeover",
	recRefunded: "a refund of the price", recDiscount: "a discount on the price", recRefused: "the goods back without repair",
	recAnswered: "the seller's answer", creditNote: "Credit note", refund: "Amount refunded",
	handedBy: "Issued for the seller", receivedBy: "Received by the buyer", claim: "Goods complained of",
}

func complaintWordsFor(l app.Lang) *complaintWords {
	if l == app.Czech {
		return &complaintCS
	}
	return &complaintEN
}

func (w *complaintWords) remedyName(r app.Remedy) string {
	switch r {
	case app.RemedyRepair:
		return w.remRepair
	case app.RemedyReplace:
		return w.remReplace
	case app.RemedyDiscount:
		return w.remDiscount
	case app.RemedyWithdraw:
		return w.remWithdraw
	}
	return string(r)
}

func (w *complaintWords) channelName(c app.TicketChannel) string {
	switch c {
	case app.TicketByCounter:
		return w.byCounter
	case app.TicketByPhone:
		return w.byPhone
	case app.TicketByEmail:
		return w.byEmail
	}
	return string(c)
}

// outcomeNames are the outcome's heading and what the buyer receives.
func (w *complaintWords) outcomeNames(o app.Outcome, consumer bool) (string, string) {
	switch o {
	case app.OutcomeRepaired:
		return w.outRepaired, w.recRepaired
	case app.OutcomeReplaced:
		if consumer {
			return w.outReplaced, w.recReplacedNew
		}
		return w.outReplaced, w.recReplaced
	case app.OutcomeRefunded:
		return w.outRefunded, w.recRefunded
	case app.OutcomeDiscount:
		return w.outDiscount, w.recDiscount
	case app.OutcomeRefused:
		return w.outRefused, w.recRefused
	case app.OutcomeAnswered:
		return w.outAnswered, w.recAnswered
	}
	return string(o), ""
}

// maxParaLines bounds a free text on the page (a defect or a resolution
// of up to 4,000 characters fits in a page's worth of lines).
const maxParaLines = 45

// complaintPage starts a complaint document: its renderer (the footer
// carries the seller), the fonts chosen for texts, and the seller's block
// at the top with the title and number on the right. It returns the
// renderer and the y below the heading.
func complaintPage(seller app.Party, lang app.Lang, opt Options, title, number string, texts []string) (*renderer, float64) {
	r := newRenderer(opt)
	r.l = labelsFor(lang)
	r.d = app.SalesDoc{Supplier: app.Party{Name: seller.Name, ICO: seller.ICO}}
	r.fam = useFamily(r.f, !coveredAll(texts...))
	r.f.AddPage()
	r.first = r.f.PageCount()
	setInfo(r.f, title+" "+number, seller.Name, "")
	w := complaintWordsFor(lang)
	r.ink(inkText)
	r.fit(right-95, margin, 95, 8, title, "B", 14, "R")
	if number != "" {
		r.fitCut(right-95, margin+8, 95, 6, w.no+" "+number, "B", 11, "R")
	}
	r.fitCut(margin, margin, contentW-100, 5.5, seller.Name, "B", 11, "L")
	y := margin + 6.0
	r.ink(inkLabel)
	for _, s := range []string{address(seller), joinNonEmpty(", ", prefixed(w.ico, seller.ICO), prefixed(w.dic, seller.DIC)),
		joinNonEmpty(", ", seller.Phone, seller.Email)} {
		if strings.TrimSpace(s) != "" {
			r.fitCut(margin, y, contentW-100, 4.3, s, "", 8.5, "L")
			y += 4.3
		}
	}
	y = max(y, margin+15) + 2
	r.rule(margin, right, y, inkRule, 0.3)
	return r, y + 3
}

// address is a party's street, postcode and city on one line.
func address(p app.Party) string {
	city := strings.TrimSpace(strings.TrimSpace(p.Postcode) + " " + strings.TrimSpace(p.City))
	return joinNonEmpty(", ", strings.TrimSpace(p.Street), city, strings.TrimSpace(p.Country))
}

func prefixed(label, v string) string {
	if strings.TrimSpace(v) == "" {
		return ""
	}
	return label + " " + v
}

func joinNonEmpty(sep string, ss ...string) string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// complaintParties draws the seller and the buyer side by side (the buyer
// with the contact the confirmation must state) and returns the y below.
func (r *renderer) complaintParties(y float64, w *complaintWords, seller, cust app.Party, consumer bool) float64 {
	half := contentW/2 - 3
	kind := w.business
	if consumer {
		kind = w.consumer
	}
	block := func(x float64, heading string, p app.Party, contact bool) float64 {
		r.ink(fillHead)
		r.f.Rect(x, y, half, 5.5, "F")
		r.ink(inkText)
		r.fitCut(x+1, y+0.5, half-2, 4.5, heading, "B", 9, "L")
		yy := y + 7
		r.font("B", 10)
		lines := r.split(oneLine(p.Name), half-2)
		if len(lines) > 2 {
			lines = append(lines[:1], lines[1]+"…")
		}
		for _, s := range lines {
			r.fitCut(x+1, yy, half-2, 5, s, "B", 10, "L")
			yy += 5
		}
		r.ink(inkText)
		for _, s := range []string{address(p), joinNonEmpty(", ", prefixed(w.ico, p.ICO), prefixed(w.dic, p.DIC))} {
			if strings.TrimSpace(s) != "" {
				r.fitCut(x+1, yy, half-2, 4.3, s, "", 8.5, "L")
				yy += 4.5
			}
		}
		if contact {
			yy = r.kvIn(x+1, yy, half-2, w.email, p.Email)
			yy = r.kvIn(x+1, yy, half-2, w.phone, p.Phone)
		}
		return yy
	}
	ly := block(margin, w.seller, seller, false)
	ry := block(margin+half+6, w.customer+" ("+kind+")", cust, true)
	return max(ly, ry) + 3
}

// heading draws a shaded section title across the page.
func (r *renderer) heading(y float64, title string) float64 {
	y = r.room(y, 14)
	r.ink(fillHead)
	r.f.Rect(margin, y, contentW, 5.5, "F")
	r.ink(inkText)
	r.fitCut(margin+1, y+0.5, contentW-2, 4.5, title, "B", 9, "L")
	return y + 7
}

// room starts a new page when h mm do not fit below y.
func (r *renderer) room(y, h float64) float64 {
	if y+h <= bodyBottom {
		return y
	}
	r.f.AddPage()
	return margin
}

// freeText writes a person's text wrapped across the page, at most
// maxParaLines lines, breaking pages between lines.
func (r *renderer) freeText(y float64, s, style string) float64 {
	r.font(style, 9)
	lines := r.split(s, contentW-4)
	if len(lines) > maxParaLines {
		lines = append(lines[:maxParaLines-1], lines[maxParaLines-1]+"…")
	}
	r.ink(inkText)
	for _, l := range lines {
		y = r.room(y, 4.4)
		r.font(style, 9)
		r.text(margin+2, y, contentW-4, 4.4, l, "L")
		y += 4.4
	}
	return y + 2
}

// sentence writes a fixed sentence with "{d}" replaced by a date.
func (r *renderer) sentence(y float64, s, day string) float64 {
	return r.freeText(y, strings.ReplaceAll(s, "{d}", day), "")
}

// kvWide is kvIn across the page: the label in 55 mm, the value beside.
func (r *renderer) kvWide(y float64, label, value string) float64 {
	if strings.TrimSpace(value) == "" {
		return y
	}
	y = r.room(y, 4.8)
	r.ink(inkLabel)
	r.fit(margin+1, y, 54, 4.5, label, "", 8, "L")
	r.ink(inkText)
	r.fitCut(margin+56, y, contentW-57, 4.5, value, "", 8.5, "L")
	return y + 4.8
}

// kvPara is kvWide for a longer text: wrapped beside the label, at most
// n lines.
func (r *renderer) kvPara(y float64, label, value string, n int) float64 {
	if strings.TrimSpace(value) == "" {
		return y
	}
	r.font("", 8.5)
	lines := r.split(value, contentW-57)
	if len(lines) > n {
		lines = append(lines[:n-1], lines[n-1]+"…")
	}
	y = r.room(y, 4.8)
	r.ink(inkLabel)
	r.fit(margin+1, y, 54, 4.5, label, "", 8, "L")
	r.ink(inkText)
	for _, l := range lines {
		y = r.room(y, 4.4)
		r.font("", 8.5)
		r.text(margin+56, y, contentW-57, 4.4, l, "L")
		y += 4.4
	}
	return y + 0.4
}

// itemLine is "code – name".
func itemLine(code, name string) string { return joinNonEmpty(" – ", code, name) }

// complaintSignatures draws the two signature records at the bottom of
// the text, on a new page when they do not fit.
func (r *renderer) complaintSignatures(y float64, w *complaintWords, left, leftName, rightRole, rightName, day string) {
	y = r.room(y+6, 26)
	r.signBox(margin, y, contentW/2-5, left, leftName, day, w)
	r.signBox(margin+contentW/2+5, y, contentW/2-5, rightRole, rightName, day, w)
}

// signBox is a signature record: the role, the person (cut to the box),
// a line to sign on, and the day.
func (r *renderer) signBox(x, y, w float64, role, person, day string, wd *complaintWords) {
	r.ink(inkLabel)
	r.fitCut(x, y, w, 4, role, "", 8, "L")
	r.ink(inkText)
	r.fitCut(x, y+4.5, w, 4.5, person, "B", 9, "L")
	r.rule(x, x+w, y+18, inkText, 0.2)
	r.ink(inkLabel)
	r.font("", 7)
	r.text(x, y+18.5, w, 3.5, wd.signature, "L")
	r.text(x, y+18.5, w, 3.5, wd.date+" "+day, "R")
}

// RenderComplaintConfirmation writes the confirmation of a complaint
// (potvrzení o uplatnění reklamace) as one PDF to w: the seller with IČO,
// the buyer and their contact, the date and time of the complaint and how
// it was made, the goods, serial and purchase document, the defect, the
// remedy asked for (§ 19 odst. 1 ZOS), the deadline of the resolution
// (§ 19 odst. 3), the warranty on the complaint day with the one-year
// presumption for a consumer (§ 2161 OZ), how the buyer will be told, and
// the signatures. c gives the seller when the confirmation names none.
func RenderComplaintConfirmation(w io.Writer, cc app.ComplaintConfirmation, c app.Company, opt Options) (err error) {
	defer recoverPanic("rendering the complaint confirmation "+cc.Number, &err)
	lang := cc.PrintLang()
	opt.Lang = lang
	wd := complaintWordsFor(lang)
	seller := cc.Seller
	if seller.Name == "" {
		seller = app.PartyOfCompany(c)
	}
	cu := cc.Customer
	texts := []string{cc.Number, cc.ItemCode, cc.ItemName, cc.Serial, cc.Lot, cc.InvoiceNo, cc.Defect, cc.Accessories, cc.TakenBy}
	texts = append(texts, partyTexts(seller)...)
	texts = append(texts, partyTexts(cu)...)
	r, y := complaintPage(seller, lang, opt, wd.confirmation, cc.Number, texts)
	date := func(d app.Date) string { return d.Format(lang) }

	y = r.complaintParties(y, wd, seller, cu, cc.Consumer)

	y = r.heading(y, wd.complaint)
	filed := ""
	if !cc.Filed.IsZero() {
		local := cc.Filed.Local()
		filed = app.DateOf(local).Format(lang) + "  " + local.Format("15:04")
	} else {
		filed = date(cc.Complained)
	}
	y = r.kvWide(y, wd.filed, filed)
	if !cc.Filed.IsZero() && app.DateOf(cc.Filed.Local()) != cc.Complained {
		y = r.kvWide(y, wd.complained, date(cc.Complained))
	}
	y = r.kvWide(y, wd.channel, wd.channelName(cc.Channel))
	y = r.kvWide(y, wd.item, itemLine(cc.ItemCode, cc.ItemName))
	y = r.kvWide(y, wd.serial, cc.Serial)
	y = r.kvWide(y, wd.lot, cc.Lot)
	y = r.kvWide(y, wd.invoice, cc.InvoiceNo)
	y = r.kvWide(y, wd.saleDate, date(cc.SaleDate))
	y = r.kvWide(y, wd.shown, date(cc.DefectShown))
	y = r.kvWide(y, wd.accessories, cc.Accessories)
	y = r.kvWide(y, wd.takenBy, cc.TakenBy) + 2

	y = r.heading(y, wd.defect)
	y = r.freeText(y, cc.Defect, "")
	y = r.heading(y, wd.remedy)
	y = r.freeText(y, wd.remedyName(cc.Remedy), "B")

	y = r.heading(y, wd.deadline)
	switch {
	case !cc.Deadline.IsZero() && cc.Consumer:
		y = r.sentence(y, wd.deadlineText, date(cc.Deadline))
		y = r.freeText(y-1, wd.afterDeadline, "")
	case !cc.Deadline.IsZero():
		y = r.sentence(y, wd.deadlineBusiness, date(cc.Deadline))
	default:
		y = r.freeText(y, wd.deadlineNone, "")
	}

	y = r.heading(y, wd.warranty)
	wr := cc.Warranty
	switch {
	case wr.Months == 0:
		y = r.freeText(y, wd.noWarranty, "")
	case wr.InWarranty:
		s := wd.inWarranty + " (" + strconv.Itoa(wr.Months) + " " + wd.warrantyUntil + " " + date(wr.ClaimBy)
		if wr.DaysLeft > 0 {
			s += ", " + strings.NewReplacer("{n}", strconv.Itoa(wr.DaysLeft), "{d}", wd.dayWord(wr.DaysLeft)).Replace(wd.daysLeft)
		}
		y = r.freeText(y, s+").", "B")
	default:
		y = r.freeText(y, wd.outOfWarranty+" "+strconv.Itoa(wr.Months)+" "+wd.warrantyUntil+" "+date(wr.ClaimBy)+".", "B")
	}
	if cc.Consumer && !wr.PresumedUntil.IsZero() {
		if wr.Presumed {
			y = r.sentence(y-1, wd.presumed, date(wr.PresumedUntil))
		} else {
			y = r.sentence(y-1, wd.presumedOver, date(wr.PresumedUntil))
		}
	}

	y = r.heading(y, wd.notify)
	told := y
	y = r.kvWide(y, wd.notifyEmail, cu.Email)
	y = r.kvWide(y, wd.notifyPhone, cu.Phone)
	if y == told {
		y = r.kvWide(y, wd.notifyAddress, address(cu))
	}

	r.complaintSignatures(y, wd, wd.forSeller, cc.TakenBy, wd.forCustomer, cu.Name, date(cc.Complained))
	r.footers()
	return r.output(w)
}

// RenderComplaintOutcome writes the confirmation of a complaint's
// resolution (vyřízení reklamace) as one PDF to w: the complaint it
// answers, the outcome (repaired, replaced, refunded, discount or refused
// with the written reasons, § 19 odst. 3 ZOS), its date and how long it
// took against the deadline, what the buyer receives (the credit note and
// amount of a refund), the handover date, and the signatures.
func RenderComplaintOutcome(w io.Writer, o app.ComplaintOutcome, c app.Company, opt Options) (err error) {
	defer recoverPanic("rendering the complaint outcome "+o.Number, &err)
	lang := o.PrintLang()
	opt.Lang = lang
	wd := complaintWordsFor(lang)
	seller := o.Seller
	if seller.Name == "" {
		seller = app.PartyOfCompany(c)
	}
	cu := o.Customer
	texts := []string{o.Number, o.ItemCode, o.ItemName, o.Serial, o.InvoiceNo, o.Defect, o.Resolution, o.CreditNote}
	texts = append(texts, partyTexts(seller)...)
	texts = append(texts, partyTexts(cu)...)
	r, y := complaintPage(seller, lang, opt, wd.outcomeTitle, o.Number, texts)
	date := func(d app.Date) string { return d.Format(lang) }

	y = r.complaintParties(y, wd, seller, cu, o.Consumer)

	y = r.heading(y, wd.claim)
	y = r.kvWide(y, wd.complained, date(o.Complained))
	y = r.kvWide(y, wd.item, itemLine(o.ItemCode, o.ItemName))
	y = r.kvWide(y, wd.serial, o.Serial)
	y = r.kvWide(y, wd.invoice, o.InvoiceNo)
	y = r.kvWide(y, wd.remedy, wd.remedyName(o.Remedy))
	y = r.kvPara(y, wd.defect, o.Defect, 8) + 2

	head, receives := wd.outcomeNames(o.Outcome, o.Consumer)
	y = r.heading(y, wd.outcome)
	y = r.freeText(y, head, "B")
	y = r.kvWide(y, wd.resolvedOn, date(o.ResolvedOn))
	if !o.ResolvedOn.IsZero() && !o.Complained.IsZero() {
		d := strconv.Itoa(o.Days) + " " + wd.dayWord(o.Days) + " " + wd.days
		if !o.Deadline.IsZero() {
			kept := wd.deadlineKept
			if o.Late {
				kept = wd.deadlineMissed
			}
			d += " (" + wd.deadlineBy + " " + date(o.Deadline) + " – " + kept + ")"
		}
		y = r.kvWide(y, wd.duration, d)
	}
	y = r.kvWide(y, wd.handedOver, date(o.HandedOver)) + 2

	switch o.Outcome {
	case app.OutcomeRefused:
		y = r.heading(y, wd.reasons)
	case app.OutcomeRepaired:
		y = r.heading(y, wd.repairDone)
	default:
		y = r.heading(y, wd.resolution)
	}
	y = r.freeText(y, o.Resolution, "")

	y = r.heading(y, wd.receives)
	y = r.freeText(y, receives, "B")
	if o.Refund.Amount != 0 {
		y = r.kvWide(y, wd.refund, o.Refund.Format(lang))
	}
	y = r.kvWide(y, wd.creditNote, o.CreditNote)

	day := date(o.HandedOver)
	if day == "" {
		day = date(o.ResolvedOn)
	}
	r.complaintSignatures(y, wd, wd.handedBy, "", wd.receivedBy, cu.Name, day)
	r.footers()
	return r.output(w)
}

// partyTexts are a party's texts that come from people.
func partyTexts(p app.Party) []string {
	return []string{p.Name, p.Street, p.City, p.Postcode, p.Country, p.ICO, p.DIC, p.Email, p.Phone}
}

// The Printer's complaint kinds, kept here so printer.go's switches stay
// one line each for them.

// printComplaint prints doc when it is a complaint document; ok is false
// for any other kind.
func (p Printer) printComplaint(w io.Writer, doc app.Printable, c app.Company) (ok bool, err error) {
	switch d := doc.(type) {
	case app.ComplaintConfirmation:
		return true, RenderComplaintConfirmation(w, d, c, p.options(d.PrintLang(), c))
	case app.ComplaintOutcome:
		return true, RenderComplaintOutcome(w, d, c, p.options(d.PrintLang(), c))
	}
	return false, nil
}

// complaintKind reports a complaint document (a value, after deref).
func complaintKind(doc app.Printable) bool {
	switch doc.(type) {
	case app.ComplaintConfirmation, app.ComplaintOutcome:
		return true
	}
	return false
}

// derefComplaint is deref for the complaint kinds.
func derefComplaint(doc app.Printable) (app.Printable, bool) {
	switch d := doc.(type) {
	case *app.ComplaintConfirmation:
		if d != nil {
			return *d, true
		}
	case *app.ComplaintOutcome:
		if d != nil {
			return *d, true
		}
	}
	return nil, false
}

// dayWord is the word for n days: Czech "1 den", "2 dny", "5 dní" (and
// "0 dní"), English "1 day", "2 days".
func (wd *complaintWords) dayWord(n int) string {
	if n < 0 {
		n = -n
	}
	switch {
	case n == 1:
		return wd.dayForms[0]
	case n >= 2 && n <= 4:
		return wd.dayForms[1]
	}
	return wd.dayForms[2]
}
