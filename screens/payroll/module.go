// Package payroll is the Payroll module of the screens: the Payroll tab with
// the employees (their terms and history), the monthly pay runs (inputs,
// compute, review, approve, correcting runs) and the printed documents
// (payslips, the register, the payment order, the annual account).
package payroll

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// Module returns the Payroll module: one tab in the back office.
func Module() kit.Module {
	return kit.Module{ID: "payroll", Tabs: []kit.Tab{
		{ID: "payroll", TitleKey: "tab.payroll", Title: "Payroll", Icon: theme.AccountIcon, Group: kit.BackOffice,
			Perm: app.PermPayroll, Order: 200, Build: func(h kit.Host) kit.View { return NewView(h) }},
	}}
}

// View is the Payroll tab: the Employees and Pay runs sub-tabs.
type View struct {
	h    kit.Host
	deps kit.Deps
	win  fyne.Window
	tabs *container.AppTabs

	emps *employeesPane
	runs *runsPane
	// reconcile is the last tax reconciliation dialog opened.
	reconcile *reconcileDialog
}

// NewView builds the Payroll tab for h.
func NewView(h kit.Host) *View {
	v := &View{h: h, deps: h.Deps(), win: h.Window()}
	v.emps = newEmployeesPane(v)
	v.runs = newRunsPane(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.X("payroll.tab.employees", "Employees"), theme.AccountIcon(), v.emps.buildUI()),
		container.NewTabItemWithIcon(lang.X("payroll.tab.runs", "Pay runs"), theme.DocumentIcon(), v.runs.buildUI()),
	)
	v.tabs.OnSelected = func(*container.TabItem) { v.Shown() }
	// Every read of payroll data is audited: the lists load when the tab
	// is shown, not when built — but a user whose only tab this is (the
	// payroll role alone) never selects it, so it loads itself for them.
	if onlyPayroll(v.deps.User()) {
		v.Shown()
	}
	return v
}

// onlyPayroll reports a user whose one tab is Payroll.
func onlyPayroll(u app.User) bool {
	for _, r := range u.Roles {
		if r != app.RolePayroll {
			return false
		}
	}
	return len(u.Roles) > 0
}

// UI is the tab's content.
func (v *View) UI() fyne.CanvasObject { return v.tabs }

// Shown reloads the sub-tab in front.
func (v *View) Shown() {
	if v.tabs.SelectedIndex() == 1 {
		v.runs.reload()
		return
	}
	v.emps.reload()
}

// money writes haléře as an amount without a currency ("1 189,50").
func money(v int64) string { return app.FormatMinor(v, 2, kit.UILang) }

// moneyInput writes haléře for an entry ("" for zero).
func moneyInput(v int64) string {
	if v == 0 {
		return ""
	}
	return app.FormatMinor(v, 2, kit.UILang)
}

// parseMoney reads an amount entry into haléře; empty is zero.
func parseMoney(s, field string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	m, err := app.ParseMoney(s, "CZK", kit.UILang)
	if err != nil {
		return 0, app.WithField(err, field)
	}
	return m.Amount, nil
}

// parseHours reads hours ("7,5") into hundredths; empty is zero.
func parseHours(s, field string) (app.Hours, error) {
	h, err := parseMoney(s, field)
	return app.Hours(h), err
}

// hoursInput writes hours for an entry ("" for zero).
func hoursInput(h app.Hours) string {
	if h == 0 {
		return ""
	}
	if kit.UILang == app.Czech {
		return strings.ReplaceAll(h.String(), ".", ",")
	}
	return h.String()
}

// contractName is "HPP", "DPP", "DPČ".
func contractName(c app.ContractType) string {
	switch c {
	case app.ContractHPP:
		return lang.X("payroll.contract.hpp", "HPP (employment)")
	case app.ContractDPP:
		return lang.X("payroll.contract.dpp", "DPP")
	case app.ContractDPC:
		return lang.X("payroll.contract.dpc", "DPČ")
	}
	return string(c)
}

// statusName names a pay run's status.
func statusName(s app.PayRunStatus) string {
	switch s {
	case app.PayRunDraft:
		return lang.X("payroll.status.draft", "Draft")
	case app.PayRunComputed:
		return lang.X("payroll.status.computed", "Computed")
	case app.PayRunApproved:
		return lang.X("payroll.status.approved", "Approved (posted)")
	}
	return string(s)
}

// dateText writes a date for a list ("" for zero).
func dateText(d app.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(kit.UILang)
}

// bold is a bold label.
func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
