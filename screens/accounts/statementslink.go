package accounts

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"kontor/app"
	"kontor/screens/kit"
)

// paneLinks are the panes this file set adds to one Accounts screen, so one
// can reach another: the receivables pane opens a customer's statement.
type paneLinks struct {
	owner       *accountsScreen
	receivables *receivablesPane
	statements  *statementsPane
	reports     *reportsPane
}

// paneLinksBy holds the panes of the Accounts screen each window shows; a
// screen built again for the window (after signing in anew) replaces its
// entry, so old screens are not kept alive.
var (
	paneLinksMu sync.Mutex
	paneLinksBy = map[fyne.Window]*paneLinks{}
)

// linksOf returns the panes of s.
func linksOf(s *accountsScreen) *paneLinks {
	paneLinksMu.Lock()
	defer paneLinksMu.Unlock()
	l := paneLinksBy[s.win]
	if l == nil || l.owner != s {
		l = &paneLinks{owner: s}
		paneLinksBy[s.win] = l
	}
	return l
}

// openStatement shows cust's statement up to to in the statements pane of s
// and brings the pane to the front; the receivables pane's "Statement…".
func openStatement(s *accountsScreen, cust app.Customer, to app.Date) {
	p := linksOf(s).statements
	if p == nil {
		return
	}
	if from, err := app.ParseDate(p.from.Text); err != nil || from.After(to) {
		p.from.SetText(kit.FormatDateInput(to.MonthOf().First()))
	}
	p.to.SetText(kit.FormatDateInput(to))
	p.setCustomer(cust)
	selectTabOf(s.win.Content(), p.root)
	p.show()
}

// selectTabOf brings the tab whose content is target to the front, searching
// the containers and tabs under root.
func selectTabOf(root, target fyne.CanvasObject) bool {
	switch v := root.(type) {
	case *container.AppTabs:
		for _, it := range v.Items {
			if it.Content == target {
				v.Select(it)
				return true
			}
			if selectTabOf(it.Content, target) {
				v.Select(it)
				return true
			}
		}
	case *fyne.Container:
		for _, o := range v.Objects {
			if selectTabOf(o, target) {
				return true
			}
		}
	case *container.Split:
		return selectTabOf(v.Leading, target) || selectTabOf(v.Trailing, target)
	case *container.Scroll:
		return selectTabOf(v.Content, target)
	}
	return false
}
