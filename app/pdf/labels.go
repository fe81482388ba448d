package pdf

import "kontor/app"

// labels are the fixed words of a document in one language. The PDF keeps its
// own small dictionary rather than the UI translations: these are legal terms
// (§29 of the VAT act) whose wording must not drift with UI copy edits.
type labels struct {
	invoiceTax, invoice, creditNote, creditNotePlain, quote, order     string
	numberPrefix, draft, continued                                     string
	toInvoice, reason                                                  string
	supplier, customer, ico, dic, nonPayer                             string
	issueDate, taxDate, supplyDate, dueDate, validUntil                string
	issueDateCredit                                                    string
	payment, payBank, payCash, bankAccount, iban, bic, vs, currency    string
	qrCZK, qrEUR                                                       string
	colNo, colText, colQty, colUnit, colUnitNet, colUnitGross, colDisc string
	colVAT, colAmountNet, colAmountGross, colAmount                    string
	recap, rate, base, vat, gross, inBase                              string
	reverseCharge, exchangeRate                                        string
	totalNet, totalVAT, rounding, totalDue, total, totalIn             string
	credited, paid, remaining, note, page, of                          string
	trace                                                              string
}

var labelsCS = labels{
	invoiceTax: "Faktura – daňový doklad", invoice: "Faktura",
	creditNote: "Opravný daňový doklad", creditNotePlain: "Opravný doklad",
	quote: "Nabídka", order: "Objednávka",
	numberPrefix: "č.", draft: "koncept", continued: "pokračování",
	toInvoice: "k faktuře", reason: "Důvod opravy",
	supplier: "Dodavatel", customer: "Odběratel", ico: "IČO", dic: "DIČ", nonPayer: "Neplátce DPH",
	issueDate: "Datum vystavení", issueDateCredit: "Datum vystavení opravného dokladu",
	taxDate:    "Datum uskutečnění zdanitelného plnění",
	supplyDate: "Datum plnění", dueDate: "Datum splatnosti", validUntil: "Platnost nabídky do",
	payment: "Způsob úhrady", payBank: "bankovním převodem", payCash: "hotově",
	bankAccount: "Bankovní účet", iban: "IBAN", bic: "BIC (SWIFT)", vs: "Variabilní symbol", currency: "Měna",
	qrCZK: "QR Platba", qrEUR: "EPC QR / SEPA",
	colNo: "#", colText: "Popis", colQty: "Množství", colUnit: "Cena/MJ", colUnitNet: "Cena/MJ bez DPH", colUnitGross: "Cena/MJ s DPH",
	colDisc: "Sleva", colVAT: "DPH", colAmountNet: "Celkem bez DPH", colAmountGross: "Celkem s DPH", colAmount: "Celkem",
	recap: "Rekapitulace DPH", rate: "Sazba", base: "Základ", vat: "DPH", gross: "Celkem", inBase: "v",
	reverseCharge: "Daň odvede zákazník", exchangeRate: "Kurz ČNB",
	totalNet: "Celkem bez DPH", totalVAT: "DPH celkem", rounding: "Zaokrouhlení",
	totalDue: "Celkem k úhradě", total: "Celkem", totalIn: "Celkem v",
	credited: "Dobropisováno", paid: "Uhrazeno", remaining: "Zbývá uhradit", note: "Poznámka",
	page: "Strana", of: "z",
	trace: "Šarže / výr. č.",
}

var labelsEN = labels{
	invoiceTax: "Invoice – tax document", invoice: "Invoice",
	creditNote: "Credit note (corrective tax document)", creditNotePlain: "Credit note",
	quote: "Quotation", order: "Order",
	numberPrefix: "No.", draft: "draft", continued: "continued",
	toInvoice: "to invoice", reason: "Reason for correction",
	supplier: "Supplier", customer: "Customer", ico: "Reg. No. (IČO)", dic: "VAT No. (DIČ)", nonPayer: "Not a VAT payer",
	issueDate: "Issue date", issueDateCredit: "Date of issue of the corrective document",
	taxDate:    "Date of taxable supply (DUZP)",
	supplyDate: "Date of supply", dueDate: "Due date", validUntil: "Valid until",
	payment: "Payment method", payBank: "bank transfer", payCash: "cash",
	bankAccount: "Bank account", iban: "IBAN", bic: "BIC (SWIFT)", vs: "Variable symbol", currency: "Currency",
	qrCZK: "QR Platba", qrEUR: "EPC QR / SEPA",
	colNo: "#", colText: "Description", colQty: "Quantity", colUnit: "Unit price", colUnitNet: "Unit price excl. VAT", colUnitGross: "Unit price incl. VAT",
	colDisc: "Disc.", colVAT: "VAT", colAmountNet: "Amount excl. VAT", colAmountGross: "Amount incl. VAT", colAmount: "Amount",
	recap: "VAT summary", rate: "Rate", base: "Tax base", vat: "VAT", gross: "Total", inBase: "in",
	reverseCharge: "Reverse charge – VAT to be accounted for by the customer", exchangeRate: "CNB exchange rate",
	totalNet: "Total excl. VAT", totalVAT: "VAT total", rounding: "Rounding",
	totalDue: "Total due", total: "Total", totalIn: "Total in",
	credited: "Credited", paid: "Paid", remaining: "Amount remaining", note: "Note",
	page: "Page", of: "of",
	trace: "Lot / serial no.",
}

// labelsFor returns the words of lang, English for anything but Czech.
func labelsFor(lang app.Lang) *labels {
	if lang == app.Czech {
		return &labelsCS
	}
	return &labelsEN
}

// title is the document's heading by kind and whether the supplier pays VAT.
func (l *labels) title(d app.SalesDoc) string {
	switch d.Kind {
	case app.KindCreditNote:
		if d.Supplier.VATPayer {
			return l.creditNote
		}
		return l.creditNotePlain
	case app.KindQuote:
		return l.quote
	case app.KindOrder:
		return l.order
	}
	if d.Supplier.VATPayer {
		return l.invoiceTax
	}
	return l.invoice
}
