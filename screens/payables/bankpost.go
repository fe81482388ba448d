package payables

import (
	"context"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// postToAccount books a bank line that pays no document — a bank fee,
// interest, a cash withdrawal — straight to an account, so the bank book
// agrees with the bank's statement. The accounts offered leave out the bank
// account itself and receivables and payables (those lines are paired).
func (v *bankView) postToAccount(e app.BankEntry) {
	kit.Call(v.deps, kit.To{Win: v.win}, v.deps.Services.Ledger.Accounts, func(accounts []app.Account) {
		v.showPostDialog(e, accounts)
	})
}

func (v *bankView) showPostDialog(e app.BankEntry, accounts []app.Account) {
	acc := v.company.Chart.Posting()
	var names []string
	codes := map[string]string{}
	preferred := "568" // Ostatní finanční náklady: bank fees
	if e.Line.Amount.Amount > 0 {
		preferred = "662" // Úroky: interest received
	}
	if v.company.Chart == app.ChartInternational {
		preferred = ""
	}
	def := ""
	for _, a := range accounts {
		switch a.Code {
		case acc.Bank, acc.Receivables, acc.Payables:
			continue
		}
		name := a.Code + " " + a.Name
		names = append(names, name)
		codes[name] = a.Code
		if a.Code == preferred {
			def = name
		}
	}
	fs := kit.NewFieldSet()
	fs.Add("bank.line", "Bank line", widget.NewLabel(e.Line.Date.Format(kit.UILang)+" · "+e.Line.Amount.Format(kit.UILang)))
	sel := widget.NewSelect(names, nil)
	sel.PlaceHolder = lang.X("bank.post.choose", "Choose the account…")
	if def != "" {
		sel.SetSelected(def)
	}
	fs.Add("bank.account", "Account", sel)
	memo := fs.Entry("bank.memo", "Text", e.Line.Message)
	memo.SetText(e.Line.Message)
	if memo.Text == "" {
		memo.SetText(e.Line.CounterName)
	}
	title := lang.X("bank.post.title", "Post the line to an account")
	kit.ShowFormDialog(title, lang.X("bank.post.confirm", "Post"), fs, nil, v.win, func(fd *kit.FormDialog) {
		code, text := codes[sel.Selected], memo.Text
		kit.Run(v.deps, fd.To(), func(ctx context.Context) error {
			_, err := v.deps.Services.Bank.PostBankEntry(ctx, e.ID, code, text)
			return err
		}, func() {
			fd.Close()
			v.reload()
		})
	})
}
