package customers

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// ShowForm opens the customer form in a dialog over w: a new customer
// when c.ID is empty, an edit otherwise. The store validates; a wrong field
// is marked where it is and the dialog stays open. onSaved gets the stored
// record. Reception, Sales and Accounts (suppliers: c.Supplier set) share it.
func ShowForm(d kit.Deps, w fyne.Window, c app.Customer, baseCurrency string, onSaved func(app.Customer)) *kit.FormDialog {
	fs := kit.NewFieldSet()
	name := fs.EscEntry("customer.name", "Name", lang.X("customer.name_hint", "Company or person"))
	street := fs.EscEntry("customer.street", "Street", "")
	city := fs.EscEntry("customer.city", "City", "")
	postcode := fs.EscEntry("customer.postcode", "Postcode", "")
	country := fs.EscEntry("customer.country", "Country", "CZ")
	ico := fs.EscEntry("customer.ico", "IČO", "")
	dic := fs.EscEntry("customer.dic", "DIČ", "")
	email := fs.EscEntry("customer.email", "E-mail", "")
	phone := fs.EscEntry("customer.phone", "Phone", "")
	days := fs.EscEntry("customer.payment_days", "Payment term (days)", strconv.Itoa(app.DefaultPaymentDays))
	supplier := widget.NewCheck(lang.X("customer.supplier_check", "We also buy from them (supplier)"), nil)
	fs.Add("customer.supplier", "Supplier", supplier)
	bank := fs.EscEntry("customer.bank_account", "Bank account", "19-2000145399/0800")
	currency := widget.NewSelect(app.Currencies(), nil)
	fs.Add("customer.currency", "Currency", currency)
	docLang := widget.NewSelect([]string{kit.LangName(app.Czech), kit.LangName(app.English)}, nil)
	docLang.PlaceHolder = lang.X("customer.lang_auto", "By country")
	fs.Add("customer.lang", "Language", docLang)
	note := widget.NewMultiLineEntry()
	note.SetMinRowsVisible(2)
	fs.Add("customer.note", "Note", note)

	name.SetText(c.Name)
	street.SetText(c.Street)
	city.SetText(c.City)
	postcode.SetText(c.Postcode)
	country.SetText(c.Country)
	ico.SetText(c.ICO)
	dic.SetText(c.DIC)
	email.SetText(c.Email)
	phone.SetText(c.Phone)
	if c.ID == "" && c.PaymentDays == 0 {
		c.PaymentDays = app.DefaultPaymentDays
	}
	days.SetText(strconv.Itoa(c.PaymentDays))
	supplier.SetChecked(c.Supplier)
	bank.SetText(c.BankAccount)
	cur := c.Currency
	if cur == "" {
		cur = baseCurrency
	}
	currency.SetSelected(cur)
	if c.Lang != "" {
		docLang.SetSelected(kit.LangName(c.Lang))
	}
	note.SetText(c.Note)

	title := lang.X("customer.new_title", "New customer")
	if c.ID == "" && c.Supplier {
		title = lang.X("customer.new_supplier_title", "New supplier")
	}
	if c.ID != "" {
		title = lang.X("customer.edit_title", "Customer {{.name}}", map[string]any{"name": c.Name})
	}
	// read takes the customer off the form and checks it as the store will
	// (the same Normalize and Validate the CSV import runs), naming every
	// wrong field; out is what is sent, check its normalised copy.
	read := func() (out app.Customer, err error) {
		out = c
		out.Name, out.Street, out.City, out.Postcode = name.Text, street.Text, city.Text, postcode.Text
		out.Country, out.ICO, out.DIC, out.Email, out.Phone = country.Text, ico.Text, dic.Text, email.Text, phone.Text
		out.Currency, out.Note = currency.Selected, note.Text
		out.Supplier, out.BankAccount = supplier.Checked, bank.Text
		out.Lang = ""
		switch docLang.Selected {
		case kit.LangName(app.Czech):
			out.Lang = app.Czech
		case kit.LangName(app.English):
			out.Lang = app.English
		}
		var es app.Errors
		n, perr := strconv.Atoi(strings.TrimSpace(days.Text))
		out.PaymentDays = n
		check := out
		check.Normalize(baseCurrency)
		if perr != nil {
			check.PaymentDays = app.DefaultPaymentDays // judged here, not twice
			es.Add(app.Invalid("customer.payment_days", "err.customer.payment_days", "the payment term must be 0 to 365 days", nil))
		}
		es.Add(check.Validate())
		return out, es.Err()
	}
	fs.Live(func() error { _, err := read(); return err })
	return kit.ShowFormDialog(title, lang.X("action.save", "Save"), fs, nil, w, func(fd *kit.FormDialog) {
		// Checking here first marks every wrong field without a round trip;
		// the store checks again.
		out, err := read()
		if err != nil {
			fd.Fail(err)
			return
		}
		saveCustomer(d, fd, out, onSaved)
	})
}

// saveCustomer sends the form's customer to the store. A duplicate IČO is
// refused by the store naming the customer who has it; the user sees that
// customer and may save anyway (a branch of the same company), which resends
// with DuplicateICO.
func saveCustomer(d kit.Deps, fd *kit.FormDialog, out app.Customer, onSaved func(app.Customer)) {
	// saved is the stored customer, or the one that has the IČO already.
	type saved struct {
		c, other app.Customer
		dup      error
	}
	kit.Call(d, fd.To(), func(ctx context.Context) (saved, error) {
		c, err := d.Services.Customers.SaveCustomer(ctx, out)
		dup := duplicateICO(err)
		if dup == nil {
			return saved{c: c}, err
		}
		id, _ := dup.Args["id"].(string)
		other, _ := d.Services.Customers.Customer(ctx, id)
		if other.Name == "" {
			other.Name, _ = dup.Args["name"].(string)
		}
		return saved{other: other, dup: err}, nil
	}, func(r saved) {
		if r.dup != nil {
			fd.Fail(r.dup)
			confirmDuplicateICO(d, fd, out, r.other, onSaved)
			return
		}
		fd.Close()
		if onSaved != nil {
			onSaved(r.c)
		}
	})
}

// duplicateICO returns the store's refusal of an IČO already on file, if err is one.
func duplicateICO(err error) *app.Error {
	var e *app.Error
	if errors.As(err, &e) && e.Code == app.ECONFLICT && e.Key == "err.customer.duplicate_ico" {
		return e
	}
	return nil
}

// confirmDuplicateICO shows the customer who already has the IČO and offers
// to save the new record anyway.
func confirmDuplicateICO(d kit.Deps, fd *kit.FormDialog, out app.Customer, other app.Customer, onSaved func(app.Customer)) {
	msg := widget.NewLabel(lang.X("customer.dup_text", "IČO {{.ico}} is already on file for this customer. Save another customer with the same IČO anyway (for example a branch of the same company)?",
		map[string]any{"ico": out.ICO}))
	msg.Wrapping = fyne.TextWrapWord
	existing := widget.NewLabel(other.Name + "\n" + Details(other))
	existing.TextStyle.Bold = true
	existing.Wrapping = fyne.TextWrapWord
	var dlg *dialog.CustomDialog
	back := widget.NewButtonWithIcon(lang.X("customer.dup_back", "Back to the form"), theme.NavigateBackIcon(), func() { dlg.Hide() })
	anyway := widget.NewButtonWithIcon(lang.X("customer.dup_save", "Save anyway"), theme.ConfirmIcon(), func() {
		dlg.Hide()
		out.DuplicateICO = true
		saveCustomer(d, fd, out, onSaved)
	})
	anyway.Importance = widget.WarningImportance
	dlg = dialog.NewCustomWithoutButtons(lang.X("customer.dup_title", "This IČO is already on file"), container.NewVBox(msg, existing), fd.Win)
	dlg.SetButtons([]fyne.CanvasObject{back, anyway})
	kit.ShowSized(dlg, fyne.NewSize(520, 0))
}
