package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// gate owns the main window: it shows the first-run screen, the login screen
// or the signed-in content (wizard or shell) and locks it when idle.
type gate struct {
	app   fyne.App
	win   fyne.Window
	deps  kit.Deps
	sess  *kit.Session
	lock  *idleLock
	shell *shell
	// mods are the modules the shell composes.
	mods []kit.Module

	demoHint bool // the demo was just loaded: the login screen lists its users
}

func newGate(a fyne.App, w fyne.Window, d kit.Deps) *gate {
	g := &gate{app: a, win: w, sess: &kit.Session{}}
	d.Sess = g.sess
	g.deps = d
	return g
}

// start decides between the first run and the login screen.
func (g *gate) start() {
	has, err := g.deps.Services.Users.HasUsers(context.Background())
	switch {
	case err != nil:
		g.win.SetContent(widget.NewLabel(app.ErrorMessage(err, kit.Translator())))
		kit.ShowError(err, g.win)
	case has:
		g.showLogin()
	default:
		g.showFirstRun()
	}
}

// showFirstRun offers to create the first administrator or load the demo.
func (g *gate) showFirstRun() {
	// Before any user exists the store may refuse to say whether a company
	// exists; only a definite "exists" hides the demo (LoadDemo refuses a
	// database with a company anyway).
	_, err := g.deps.Services.Company.Company(context.Background())
	demo := g.deps.LoadDemo != nil && err != nil
	f := newFirstRun(g, demo)
	g.win.SetContent(f.buildUI())
	f.focus()
}

// showLogin shows the login screen.
func (g *gate) showLogin() {
	g.resetWindow()
	l := newLogin(g)
	g.win.SetContent(l.buildUI())
	l.focus()
}

// signedIn starts the session of u: the company wizard for an admin of an
// empty database, the shell otherwise.
func (g *gate) signedIn(u app.User) {
	g.sess.User = u
	g.demoHint = false
	g.lock = newIdleLock(g)
	g.lock.start()
	kit.Call(g.deps, kit.To{Err: func(err error) { g.openCompany(app.Company{}, err) }}, g.deps.Services.Company.Company, func(c app.Company) {
		g.openCompany(c, nil)
	})
}

// openCompany shows the shell of c, or what to do when there is no company.
func (g *gate) openCompany(c app.Company, err error) {
	switch {
	case err == nil:
		openShell(g, c)
	case app.ErrorCode(err) == app.ENOTFOUND && g.deps.Can(app.PermCompanyWrite):
		wz := newWizard(g.app, g.win, g.deps, func(c app.Company) { openShell(g, c) })
		g.setContent(wz.buildUI())
		wz.focus()
	case app.ErrorCode(err) == app.ENOTFOUND:
		g.setContent(g.notice(lang.X("session.no_company", "The company has not been set up yet. An administrator must sign in first and set it up.")))
	default:
		g.setContent(g.notice(app.ErrorMessage(err, kit.Translator())))
		kit.ShowError(err, g.win)
	}
}

// notice is a message with a way back to the login screen.
func (g *gate) notice(text string) fyne.CanvasObject {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	out := widget.NewButtonWithIcon(lang.X("action.sign_out", "Sign out"), theme.LogoutIcon(), g.signOut)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(480, 160), container.NewVBox(msg, container.NewCenter(out))))
}

// setContent shows signed-in content, watched by the idle lock.
func (g *gate) setContent(o fyne.CanvasObject) {
	if g.lock != nil {
		o = g.lock.wrap(g.win, o)
	}
	g.win.SetContent(o)
}

// signOut ends the session: unsaved work is dropped and the login screen shows.
func (g *gate) signOut() {
	g.sess.User = app.User{}
	g.showLogin()
}

// resetWindow stops the lock and closes what the signed-in user had open.
func (g *gate) resetWindow() {
	if g.lock != nil {
		g.lock.stop()
		g.lock = nil
	}
	if g.shell != nil {
		g.shell.closeWindows()
		g.shell = nil
	}
	for g.win.Canvas().Overlays().Top() != nil {
		g.win.Canvas().Overlays().Remove(g.win.Canvas().Overlays().Top())
	}
	g.win.SetMainMenu(nil)
	g.win.SetTitle("Kontor")
}
