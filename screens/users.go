package screens

import (
	"context"
	"sort"
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

// usersView is the Users tab (admin): the people who sign in, their roles,
// and the actions on them. Users are disabled, never deleted: the audit trail
// names them.
type usersView struct {
	deps kit.Deps
	win  fyne.Window

	users    []app.User
	selected string // name of the selected user
	table    *widget.Table
	count    *widget.Label

	editRoles, resetPw, toggle *widget.Button
}

func newUsersView(d kit.Deps, w fyne.Window) *usersView { return &usersView{deps: d, win: w} }

// userColumns are the columns of the users table.
var userColumns = []kit.Column{
	{Key: "users.col.name", Fallback: "User name", Width: 150},
	{Key: "users.col.full_name", Fallback: "Full name", Width: 240},
	{Key: "users.col.roles", Fallback: "Roles", Width: 420},
	{Key: "users.col.state", Fallback: "State", Width: 120},
}

func (v *usersView) buildUI() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.X("users.add", "Add user…"), theme.ContentAddIcon(), v.addUser)
	add.Importance = widget.HighImportance
	v.editRoles = widget.NewButtonWithIcon(lang.X("users.edit_roles", "Edit roles…"), theme.DocumentCreateIcon(), v.onEditRoles)
	v.resetPw = widget.NewButtonWithIcon(lang.X("users.reset_password", "Reset password…"), theme.ViewRefreshIcon(), v.onResetPassword)
	v.toggle = widget.NewButtonWithIcon(lang.X("users.disable", "Disable"), theme.CancelIcon(), v.onToggle)
	v.count = widget.NewLabel("")
	v.updateButtons()

	v.table = kit.NewColumnTable(userColumns, func() int { return len(v.users) }, v.updateCell, nil)
	v.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.users) {
			v.selected = v.users[id.Row].Name
			v.updateButtons()
		}
	}
	hint := widget.NewLabel(lang.X("users.hint", "Users are disabled, never deleted: the audit trail refers to them. Admin may do everything, including managing users and settings."))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	bar := container.NewHBox(add, v.editRoles, v.resetPw, v.toggle, v.count)
	v.reload()
	return container.NewBorder(bar, hint, nil, nil, v.table)
}

func (v *usersView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	if id.Row >= len(v.users) {
		l.SetText("")
		return
	}
	u := v.users[id.Row]
	text := ""
	switch id.Col {
	case 0:
		text = u.Name
	case 1:
		text = u.FullName
	case 2:
		text = roleNames(u.Roles)
	case 3:
		text = lang.X("users.active", "Active")
		if u.Disabled {
			text = lang.X("users.disabled", "Disabled")
		}
	}
	l.Importance = widget.MediumImportance
	if u.Disabled {
		l.Importance = widget.LowImportance
	}
	l.SetText(text)
}

// reload fetches the users, keeping the selection.
func (v *usersView) reload() {
	kit.Call(v.deps, kit.To{Win: v.win}, v.deps.Services.Users.Users, func(users []app.User) {
		sort.Slice(users, func(i, j int) bool { return users[i].Name < users[j].Name })
		v.users = users
		v.count.SetText(kit.Plural("users.count", len(users), "{{.n}} user", "{{.n}} users", nil))
		v.table.Refresh()
		v.reselect()
	})
}

// reselect highlights the row of the selected user, wherever the sort put it.
func (v *usersView) reselect() {
	for i, u := range v.users {
		if u.Name == v.selected && v.selected != "" {
			v.table.Select(widget.TableCellID{Row: i, Col: 1})
			v.updateButtons()
			return
		}
	}
	v.selected = ""
	v.table.UnselectAll()
	v.updateButtons()
}

// current returns the selected user.
func (v *usersView) current() (app.User, bool) {
	for _, u := range v.users {
		if u.Name == v.selected && v.selected != "" {
			return u, true
		}
	}
	return app.User{}, false
}

// updateButtons enables the actions on a selected user.
func (v *usersView) updateButtons() {
	u, ok := v.current()
	for _, b := range []*widget.Button{v.editRoles, v.resetPw, v.toggle} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if ok && u.Disabled {
		v.toggle.SetText(lang.X("users.enable", "Enable"))
		v.toggle.SetIcon(theme.ConfirmIcon())
	} else {
		v.toggle.SetText(lang.X("users.disable", "Disable"))
		v.toggle.SetIcon(theme.CancelIcon())
	}
}

// roleChecks is a check box per role, labelled in the user's language.
func roleChecks(selected []app.Role) *widget.CheckGroup {
	var names, on []string
	for _, r := range app.AllRoles() {
		names = append(names, roleName(r))
		for _, s := range selected {
			if s == r {
				on = append(on, roleName(r))
			}
		}
	}
	g := widget.NewCheckGroup(names, nil)
	g.SetSelected(on)
	return g
}

// checkedRoles reads a roleChecks group back into roles.
func checkedRoles(g *widget.CheckGroup) []app.Role {
	var out []app.Role
	for _, r := range app.AllRoles() {
		for _, s := range g.Selected {
			if s == roleName(r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// addUser asks for the new user's name, roles and first password.
func (v *usersView) addUser() {
	fs := kit.NewFieldSet()
	name := fs.Entry("user.name", "User name", "petr")
	full := fs.Entry("user.full_name", "Full name", "Petr Svoboda")
	roles := roleChecks(nil)
	fs.Add("user.roles", "Roles", roles)
	pw := kit.PasswordField(fs, "user.password", "Password")
	again := kit.PasswordField(fs, "user.password_again", "Password again")
	kit.ShowFormDialog(lang.X("users.add_title", "Add user"), lang.X("users.add_submit", "Add"), fs, nil, v.win, func(fd *kit.FormDialog) {
		nu := app.NewUser{Name: app.NormalizeUserName(name.Text), FullName: strings.TrimSpace(full.Text), Roles: checkedRoles(roles), Password: pw.Text}
		if err := nu.Validate(); err != nil {
			fd.Fail(err)
			return
		}
		if again.Text != pw.Text {
			fd.Fail(errPasswordsDiffer("user.password_again"))
			return
		}
		kit.Call(v.deps, fd.To(), func(ctx context.Context) (app.User, error) {
			return v.deps.Services.Users.CreateUser(ctx, nu)
		}, func(u app.User) {
			fd.Close()
			v.selected = u.Name
			v.reload()
		})
	})
}

// onEditRoles changes the selected user's roles; the store refuses taking
// admin from the last admin.
func (v *usersView) onEditRoles() {
	u, ok := v.current()
	if !ok {
		return
	}
	fs := kit.NewFieldSet()
	roles := roleChecks(u.Roles)
	fs.Add("user.roles", "Roles", roles)
	title := lang.X("users.roles_title", "Roles of {{.name}}", map[string]any{"name": u.Name})
	kit.ShowFormDialog(title, lang.X("action.save", "Save"), fs, nil, v.win, func(fd *kit.FormDialog) {
		chosen, err := app.NormalizeRoles(checkedRoles(roles))
		if err != nil {
			fd.Fail(err)
			return
		}
		kit.Run(v.deps, fd.To(), func(ctx context.Context) error {
			_, err := v.deps.Services.Users.SetRoles(ctx, u.Name, chosen)
			return err
		}, func() {
			fd.Close()
			v.reload()
		})
	})
}

// onResetPassword sets a new password for the selected user.
func (v *usersView) onResetPassword() {
	u, ok := v.current()
	if !ok {
		return
	}
	fs := kit.NewFieldSet()
	pw := kit.PasswordField(fs, "user.new_password", "New password")
	again := kit.PasswordField(fs, "user.password_again", "Password again")
	note := widget.NewLabel(lang.X("users.reset_note", "Tell {{.name}} the new password in person; they can change it with Change password… in the File menu.", map[string]any{"name": u.Name}))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	title := lang.X("users.reset_title", "New password for {{.name}}", map[string]any{"name": u.Name})
	kit.ShowFormDialog(title, lang.X("users.reset_submit", "Set password"), fs, note, v.win, func(fd *kit.FormDialog) {
		if err := app.ValidatePassword(pw.Text); err != nil {
			fd.Fail(app.WithField(err, "user.new_password"))
			return
		}
		if again.Text != pw.Text {
			fd.Fail(errPasswordsDiffer("user.password_again"))
			return
		}
		newPw := pw.Text
		kit.Run(v.deps, fd.To(), func(ctx context.Context) error {
			err := v.deps.Services.Users.ResetPassword(ctx, u.Name, newPw)
			if app.ErrorCode(err) == app.EINVALID {
				err = fieldIfNone(err, "user.new_password")
			}
			return err
		}, func() {
			fd.Close()
			dialog.ShowInformation(title, lang.X("users.reset_done", "The password of {{.name}} is changed.", map[string]any{"name": u.Name}), v.win)
		})
	})
}

// onToggle disables or enables the selected user after a confirmation.
func (v *usersView) onToggle() {
	u, ok := v.current()
	if !ok {
		return
	}
	title := lang.X("users.disable_title", "Disable user")
	msg := lang.X("users.disable_confirm", "Disable {{.name}}? They can no longer sign in; their entries in the audit trail stay.", map[string]any{"name": u.Name})
	if u.Disabled {
		title = lang.X("users.enable_title", "Enable user")
		msg = lang.X("users.enable_confirm", "Enable {{.name}}? They can sign in again with their password.", map[string]any{"name": u.Name})
	}
	dialog.ShowConfirm(title, msg, func(yes bool) {
		if yes {
			v.setDisabled(u.Name, !u.Disabled)
		}
	}, v.win)
}

// setDisabled stores the state; refusals (the last admin) go to showError.
func (v *usersView) setDisabled(name string, disabled bool) {
	kit.Run(v.deps, kit.To{Err: func(err error) {
		kit.ShowError(err, v.win)
		v.reload()
	}}, func(ctx context.Context) error {
		_, err := v.deps.Services.Users.SetDisabled(ctx, name, disabled)
		return err
	}, v.reload)
}

// roleName is the translated name of a role.
func roleName(r app.Role) string {
	switch r {
	case app.RoleReception:
		return lang.X("role.reception", "Reception")
	case app.RoleSales:
		return lang.X("role.sales", "Sales")
	case app.RoleAftersales:
		return lang.X("role.aftersales", "After-sales")
	case app.RoleAccounts:
		return lang.X("role.accounts", "Accounts")
	case app.RolePayroll:
		return lang.X("role.payroll", "Payroll")
	case app.RoleWarehouse:
		return lang.X("role.warehouse", "Warehouse")
	case app.RoleAdmin:
		return lang.X("role.admin", "Administrator")
	}
	return string(r)
}

// roleNames lists roles by their translated names.
func roleNames(roles []app.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = roleName(r)
	}
	return strings.Join(s, ", ")
}
