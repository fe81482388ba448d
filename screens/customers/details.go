package customers

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"kontor/app"
	"kontor/screens/kit"
)

// Details writes the customer's address and contacts in a few lines.
func Details(c app.Customer) string {
	var lines []string
	if addr := strings.Trim(strings.Join([]string{c.Street, strings.TrimSpace(c.Postcode + " " + c.City), c.Country}, ", "), ", "); addr != "" {
		lines = append(lines, addr)
	}
	var ids []string
	if c.ICO != "" {
		ids = append(ids, lang.X("field.customer.ico", "IČO")+" "+c.ICO)
	}
	if c.DIC != "" {
		ids = append(ids, lang.X("field.customer.dic", "DIČ")+" "+c.DIC)
	}
	ids = append(ids, kit.Plural("reception.card.terms", c.PaymentDays, "payment term {{.n}} day", "payment term {{.n}} days", nil))
	lines = append(lines, strings.Join(ids, " · "))
	var contact []string
	for _, s := range []string{c.Email, c.Phone} {
		if s != "" {
			contact = append(contact, s)
		}
	}
	if len(contact) > 0 {
		lines = append(lines, strings.Join(contact, " · "))
	}
	if c.Supplier || c.BankAccount != "" {
		var sup []string
		if c.Supplier {
			sup = append(sup, lang.X("customer.is_supplier", "supplier"))
		}
		if c.BankAccount != "" {
			sup = append(sup, lang.X("field.customer.bank_account", "Bank account")+" "+c.BankAccount)
		}
		lines = append(lines, strings.Join(sup, " · "))
	}
	if c.Note != "" {
		lines = append(lines, c.Note)
	}
	return strings.Join(lines, "\n")
}
