package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// lockScreen is the opaque cover of a locked window: it hides the content
// (salaries stay private at an empty desk) and asks the same user for their
// password. Only that user can unlock; anyone else signs out, which drops
// unsaved work.
type lockScreen struct {
	lock *idleLock
	root fyne.CanvasObject

	password *widget.Entry
	unlockB  *widget.Button
	msg      *widget.Label
	busy     bool
}

func newLockScreen(l *idleLock) *lockScreen { return &lockScreen{lock: l} }

func (s *lockScreen) buildUI() fyne.CanvasObject {
	u := s.lock.gate.sess.User
	logo := canvas.NewImageFromResource(theme.NewThemedResource(theme.AccountIcon()))
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(64, 64))
	title := kit.Heading(lang.X("lock.title", "Kontor is locked"))
	title.Alignment = fyne.TextAlignCenter
	who := u.Name
	if u.FullName != "" {
		who = u.FullName + " (" + u.Name + ")"
	}
	intro := widget.NewLabel(lang.X("lock.intro", "{{.user}} is signed in. Enter the password to continue; unsaved work is kept.", map[string]any{"user": who}))
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter

	s.password = widget.NewPasswordEntry()
	s.password.SetPlaceHolder(lang.X("field.user.password", "Password"))
	s.password.OnSubmitted = func(string) { s.submit() }
	s.unlockB = widget.NewButtonWithIcon(lang.X("lock.unlock", "Unlock"), theme.LoginIcon(), s.submit)
	s.unlockB.Importance = widget.HighImportance
	s.msg = widget.NewLabel("")
	s.msg.Importance = widget.DangerImportance
	s.msg.Wrapping = fyne.TextWrapWord
	s.msg.Alignment = fyne.TextAlignCenter
	s.msg.Hide()
	other := widget.NewButtonWithIcon(lang.X("lock.switch", "Sign in as someone else…"), theme.LogoutIcon(), s.switchUser)
	other.Importance = widget.LowImportance

	box := container.NewVBox(container.NewCenter(logo), title, intro, s.password, s.unlockB, s.msg, widget.NewSeparator(), other)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	s.root = container.NewStack(bg, container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 380), box)))
	return s.root
}

// focus puts the cursor in the password field.
func (s *lockScreen) focus() { s.lock.gate.win.Canvas().Focus(s.password) }

// submit checks the password of the signed-in user.
func (s *lockScreen) submit() {
	if s.busy {
		return
	}
	if s.password.Text == "" {
		s.show(lang.X("login.need_password", "Enter your password."))
		return
	}
	name, pw := s.lock.gate.sess.User.Name, s.password.Text
	users := s.lock.gate.deps.Services.Users
	busy := kit.BusyFunc(func(on bool) {
		s.busy = on
		if on {
			s.unlockB.Disable()
		} else {
			s.unlockB.Enable()
		}
	})
	// the password is checked without the session's user, like a sign-in
	kit.Call(kit.Deps{}, kit.To{Busy: busy, Err: func(err error) {
		s.show(app.ErrorMessage(err, kit.Translator()))
		s.password.SetText("")
		s.focus()
	}}, func(ctx context.Context) (app.User, error) {
		return users.Authenticate(ctx, name, pw)
	}, func(u app.User) {
		// Roles may have changed meanwhile; the store checks them anyway.
		s.lock.gate.sess.User = u
		s.lock.unlock()
	})
}

// switchUser signs out after a warning that unsaved work is lost.
func (s *lockScreen) switchUser() {
	w := s.lock.gate.win
	dialog.ShowConfirm(lang.X("lock.switch_title", "Sign out"),
		lang.X("lock.switch_confirm", "Sign out the signed-in user? Work they have not saved will be lost."),
		func(ok bool) {
			if ok {
				s.lock.gate.signOut()
			}
		}, w)
}

func (s *lockScreen) show(text string) {
	s.msg.SetText(sentence(text))
	s.msg.Show()
}

// message is the refusal shown, "" when none; for tests.
func (s *lockScreen) message() string {
	if !s.msg.Visible() {
		return ""
	}
	return s.msg.Text
}
