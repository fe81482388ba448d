package screens

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"kontor/app"
)

// changePassword lets the signed-in user change their own password
// (File → Change password…).
func (s *shell) changePassword() {
	fs := newFieldSet()
	old := passwordField(fs, "user.old_password", "Current password")
	pw := passwordField(fs, "user.new_password", "New password")
	again := passwordField(fs, "user.password_again", "Password again")
	users := s.deps.Services.Users
	showFormDialog(lang.X("password.title", "Change password"), lang.X("password.submit", "Change"), fs, nil, s.win, func(fd *formDialog) {
		switch {
		case old.Text == "":
			fd.fail(app.Invalid("user.old_password", "err.required", "is required", nil))
			return
		case pw.Text != "" && pw.Text == old.Text:
			fd.fail(app.Invalid("user.new_password", "err.password.same", "the new password is the same as the current one", nil))
			return
		}
		if err := app.ValidatePassword(pw.Text); err != nil {
			fd.fail(app.WithField(err, "user.new_password"))
			return
		}
		if again.Text != pw.Text {
			fd.fail(errPasswordsDiffer("user.password_again"))
			return
		}
		fd.busy()
		ctx, oldPw, newPw := s.deps.ctx(), old.Text, pw.Text
		async(func() {
			err := users.ChangePassword(ctx, oldPw, newPw)
			fyne.Do(func() {
				switch {
				case err == nil:
					fd.close()
					dialog.ShowInformation(lang.X("password.title", "Change password"),
						lang.X("password.changed", "Your password is changed. Use the new one next time you sign in."), s.win)
				case app.ErrorCode(err) == app.EUNAUTHORIZED:
					// A store may refuse a wrong current password like a wrong login.
					old.SetText("")
					fd.fail(fieldIfNone(err, "user.old_password"))
				case app.ErrorCode(err) == app.EINVALID:
					if fieldOf(err) == "user.old_password" {
						old.SetText("")
					}
					fd.fail(fieldIfNone(err, "user.new_password"))
				default:
					fd.fail(err)
				}
			})
		})
	})
}

// fieldOf returns the field an *app.Error is about ("" if none).
func fieldOf(err error) string {
	var e *app.Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// fieldIfNone ties err to field unless it names a field already.
func fieldIfNone(err error, field string) error {
	if fieldOf(err) != "" {
		return err
	}
	return app.WithField(err, field)
}
