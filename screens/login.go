package screens

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// login is the sign-in screen. A refusal shows under the form rather than in
// a dialog: a mistyped password is routine, not something that went wrong.
type login struct {
	gate *gate

	name, password *widget.Entry
	submitBtn      *widget.Button
	msg            *widget.Label
	busy           bool
}

func newLogin(g *gate) *login { return &login{gate: g} }

func (l *login) buildUI() fyne.CanvasObject {
	logo := canvas.NewImageFromResource(kit.AppIcon())
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(64, 64))
	title := kit.Heading(lang.X("login.title", "Sign in to Kontor"))
	title.Alignment = fyne.TextAlignCenter

	l.name = widget.NewEntry()
	l.name.SetPlaceHolder(lang.X("login.name_hint", "your user name"))
	l.password = widget.NewPasswordEntry()
	l.name.OnSubmitted = func(string) { l.submit() }
	l.password.OnSubmitted = func(string) { l.submit() }
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.X("field.user.name", "User name")), l.name,
		widget.NewLabel(lang.X("field.user.password", "Password")), l.password)

	l.submitBtn = widget.NewButtonWithIcon(lang.X("login.submit", "Sign in"), theme.LoginIcon(), l.submit)
	l.submitBtn.Importance = widget.HighImportance
	l.msg = widget.NewLabel("")
	l.msg.Importance = widget.DangerImportance
	l.msg.Wrapping = fyne.TextWrapWord
	l.msg.Alignment = fyne.TextAlignCenter
	l.msg.Hide()

	box := container.NewVBox(container.NewCenter(logo), title, form, l.submitBtn, l.msg)
	if l.gate.demoHint {
		hint := widget.NewLabel(lang.X("login.demo_hint", "The demo company is ready. Sign in as one of its users: {{.users}}. The password of each is {{.password}}.",
			map[string]any{"users": demoUsers, "password": demoPassword}))
		hint.Wrapping = fyne.TextWrapWord
		box.Add(widget.NewSeparator())
		box.Add(hint)
	}
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(440, 420), box))
}

// focus puts the cursor in the name field.
func (l *login) focus() { l.gate.win.Canvas().Focus(l.name) }

// submit checks the name and password; Enter in either field sends them.
func (l *login) submit() {
	if l.busy {
		return
	}
	name := app.NormalizeUserName(l.name.Text)
	switch {
	case name == "":
		l.show(lang.X("login.need_name", "Enter your user name."))
		l.gate.win.Canvas().Focus(l.name)
		return
	case l.password.Text == "":
		l.show(lang.X("login.need_password", "Enter your password."))
		l.gate.win.Canvas().Focus(l.password)
		return
	}
	l.note(lang.X("login.checking", "Signing in…"), widget.MediumImportance)
	pw := l.password.Text
	users := l.gate.deps.Services.Users
	busy := kit.BusyFunc(func(on bool) {
		l.busy = on
		if on {
			l.submitBtn.Disable()
		} else {
			l.submitBtn.Enable()
		}
	})
	// nobody is signed in: the call runs without a user
	kit.Call(kit.Deps{}, kit.To{Busy: busy, Err: func(err error) {
		l.show(app.ErrorMessage(err, kit.Translator()))
		l.password.SetText("")
		l.gate.win.Canvas().Focus(l.password)
	}}, func(ctx context.Context) (app.User, error) {
		return users.Authenticate(ctx, name, pw)
	}, func(u app.User) {
		l.msg.Hide()
		l.gate.signedIn(u)
	})
}

// show writes a refusal under the form.
func (l *login) show(text string) { l.note(text, widget.DangerImportance) }

// note writes text under the form.
func (l *login) note(text string, imp widget.Importance) {
	l.msg.Importance = imp
	l.msg.SetText(sentence(text))
	l.msg.Show()
}

// message is the text under the form, "" when hidden; for tests.
func (l *login) message() string {
	if !l.msg.Visible() {
		return ""
	}
	return l.msg.Text
}

// sentence starts a message that stands alone with a capital letter (domain
// messages are written to follow a field name: "Password: must have…").
func sentence(s string) string {
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
