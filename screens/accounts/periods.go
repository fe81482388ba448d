package accounts

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// periodsView lists the months of the chosen year and locks or unlocks them;
// a locked month refuses new journal entries. Below the months it closes
// whole years (yearCloseView).
type periodsView struct {
	parent    *accountsScreen
	locked    map[app.Month]bool
	list      *widget.List
	yearClose *yearCloseView
}

func newPeriodsView(p *accountsScreen) *periodsView {
	return &periodsView{parent: p, locked: map[app.Month]bool{}, yearClose: newYearCloseView(p)}
}

func (v *periodsView) month(i int) app.Month {
	return app.Month{Year: v.parent.year, Month: time.Month(i + 1)}
}

func (v *periodsView) buildUI() fyne.CanvasObject {
	v.list = widget.NewList(
		func() int { return 12 },
		func() fyne.CanvasObject {
			return container.NewHBox(
				container.NewGridWrap(fyne.NewSize(110, 36), widget.NewLabel("")),
				container.NewGridWrap(fyne.NewSize(140, 36), widget.NewLabel("")),
				// A fixed width: the row was laid out before its button had text.
				container.NewGridWrap(fyne.NewSize(120, 36), widget.NewButton("", nil)))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container).Objects
			m := v.month(i)
			row[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(m.Format())
			state := row[1].(*fyne.Container).Objects[0].(*widget.Label)
			btn := row[2].(*fyne.Container).Objects[0].(*widget.Button)
			if v.locked[m] {
				state.SetText(lang.X("periods.locked", "Locked"))
				state.Importance = widget.WarningImportance
				btn.SetText(lang.X("periods.unlock", "Unlock"))
			} else {
				state.SetText(lang.X("periods.open", "Open"))
				state.Importance = widget.MediumImportance
				btn.SetText(lang.X("periods.lock", "Lock"))
			}
			state.Refresh()
			btn.OnTapped = func() { v.confirm(m, !v.locked[m]) }
		})
	hint := widget.NewLabel(lang.X("periods.hint", "A locked month accepts no new journal entries. Lock a month once its books are closed."))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewBorder(hint, v.yearClose.buildUI(), nil, nil, v.list)
}

// confirm asks before locking or unlocking m.
func (v *periodsView) confirm(m app.Month, lock bool) {
	args := map[string]any{"month": m.Format()}
	title, msg := lang.X("periods.lock_title", "Lock the month"), lang.X("periods.lock_confirm", "Lock {{.month}}? No entries can be posted into it until it is unlocked.", args)
	if !lock {
		title, msg = lang.X("periods.unlock_title", "Unlock the month"), lang.X("periods.unlock_confirm", "Unlock {{.month}}? Entries can then be posted into it again.", args)
	}
	dialog.ShowConfirm(title, msg, func(ok bool) {
		if ok {
			v.setLock(m, lock)
		}
	}, v.parent.win)
}

// setLock stores the lock and reloads the list.
func (v *periodsView) setLock(m app.Month, lock bool) {
	ledger := v.parent.deps.Services.Ledger
	kit.Run(v.parent.deps, kit.To{Win: v.parent.win}, func(ctx context.Context) error {
		return ledger.SetPeriodLock(ctx, m, lock)
	}, v.reload)
}

// reload fetches the locked months and the closed years.
func (v *periodsView) reload() {
	v.yearClose.reload()
	kit.Call(v.parent.deps, kit.To{Win: v.parent.win}, v.parent.deps.Services.Ledger.LockedPeriods, func(months []app.Month) {
		v.locked = map[app.Month]bool{}
		for _, m := range months {
			v.locked[m] = true
		}
		if v.list != nil {
			v.list.Refresh()
		}
	})
}
