package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"kontor/app"
	"kontor/screens/kit"
)

// changePassword lets the signed-in user change their own password
// (File → Change password…).
func (s *shell) changePassword() {
	fs := kit.NewFieldSet()
	old := kit.PasswordField(fs, "user.old_password", "Current password")
	pw := kit.PasswordField(fs, "user.new_password", "New password")
	again := kit.PasswordField(fs, "user.password_again", "Password again")
	users := s.deps.Services.Users
	kit.ShowFormDialog(lang.X("password.title", "Change password"), lang.X("password.submit", "Change"), fs, nil, s.win, func(fd *kit.FormDialog) {
		switch {
		case old.Text == "":
			fd.Fail(app.Invalid("user.old_password", "err.required", "is required", nil))
			return
		case pw.Text != "" && pw.Text == old.Text:
			fd.Fail(app.Invalid("user.new_password", "err.password.same", "the new password is the same as the current one", nil))
			return
		}
		if err := app.ValidatePassword(pw.Text); err != nil {
			fd.Fail(app.WithField(err, "user.new_password"))
			return
		}
		if again.Text != pw.Text {
			fd.Fail(errPasswordsDiffer("user.password_again"))
			return
		}
		oldPw, newPw := old.Text, pw.Text
		to := fd.To()
		to.Err = func(err error) {
			switch {
			case app.ErrorCode(err) == app.EUNAUTHORIZED:
				// A store may refuse a wrong current password like a wrong login.
				old.SetText("")
				fd.Fail(fieldIfNone(err, "user.old_password"))
			case app.ErrorCode(err) == app.EINVALID:
				if fieldOf(err) == "user.old_password" {
					old.SetText("")
				}
				fd.Fail(fieldIfNone(err, "user.new_password"))
			default:
				fd.Fail(err)
			}
		}
		kit.Run(s.deps, to, func(ctx context.Context) error {
			return users.ChangePassword(ctx, oldPw, newPw)
		}, func() {
			fd.Close()
			dialog.ShowInformation(lang.X("password.title", "Change password"),
				lang.X("password.changed", "Your password is changed. Use the new one next time you sign in."), s.win)
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
