package cli

import (
	"context"

	"kontor/app"
)

// fakeUser is a stored user: the public User and what only the store sees.
type fakeUser struct {
	app.User
	hash     string
	failures int
}

// The fake's user rules follow data/: the ctx user is looked up by name and
// judged by the roles stored now; failures are counted; the last enabled
// admin cannot lose the role; hashes never leave the store.

// authorize checks ctx's user against the stored users and p.
func (f *fakeStore) authorize(ctx context.Context, p app.Permission) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, err := f.authorizeLocked(ctx, p)
	return err
}

func (f *fakeStore) authorizeLocked(ctx context.Context, p app.Permission) (app.User, error) {
	claimed, ok := app.UserFrom(ctx)
	if !ok {
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.no_user", "sign in first", nil)
	}
	rec, ok := f.users[app.NormalizeUserName(claimed.Name)]
	if !ok {
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.unknown_user", "user {{.name}} does not exist", map[string]any{"name": claimed.Name})
	}
	return rec.User, app.Authorize(app.WithUser(ctx, rec.User), p)
}

// addUser stores a user directly, as a test's starting state.
func (f *fakeStore) addUser(name, fullName, password string, roles ...app.Role) {
	f.mu.Lock()
	defer f.mu.Unlock()
	hash := app.Must(app.HashPassword(password))
	f.users[name] = &fakeUser{User: app.User{ID: app.NewID(f.clock.Now()), Branch: "HQ", Name: name, FullName: fullName, Roles: roles, Created: f.clock.Now()}, hash: hash}
}

// user returns a stored user and whether pw is its password.
func (f *fakeStore) user(name string) (fakeUser, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u, ok := f.users[name]
	if !ok {
		return fakeUser{}, false
	}
	return *u, true
}

func (f *fakeStore) verify(name, pw string) bool {
	u, ok := f.user(name)
	return ok && app.VerifyPassword(u.hash, pw)
}

func (f *fakeStore) record(n app.NewUser) (*fakeUser, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	roles, _ := app.NormalizeRoles(n.Roles)
	hash, err := app.HashPassword(n.Password)
	if err != nil {
		return nil, err
	}
	now := f.clock.Now()
	return &fakeUser{User: app.User{ID: app.NewID(now), Branch: "HQ", Name: app.NormalizeUserName(n.Name), FullName: n.FullName, Roles: roles, Created: now}, hash: hash}, nil
}

func (f *fakeStore) HasUsers(ctx context.Context) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.users) > 0, nil
}

func (f *fakeStore) CreateFirstAdmin(ctx context.Context, n app.NewUser) (app.User, error) {
	n.Roles = []app.Role{app.RoleAdmin}
	r, err := f.record(n)
	if err != nil {
		return app.User{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.users) > 0 {
		return app.User{}, app.Errorf(app.ECONFLICT, "err.user.first_exists", "users exist already; an administrator must add new users", nil)
	}
	f.users[r.Name] = r
	return r.User, nil
}

func (f *fakeStore) Authenticate(ctx context.Context, name, password string) (app.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	name = app.NormalizeUserName(name)
	f.logins = append(f.logins, name)
	r, ok := f.users[name]
	if !ok || !app.VerifyPassword(r.hash, password) {
		if ok {
			r.failures++
		}
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.failed", "wrong user name or password", nil)
	}
	if r.Disabled {
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.disabled", "user {{.name}} is disabled", map[string]any{"name": name})
	}
	r.failures = 0
	return r.User, nil
}

func (f *fakeStore) Users(ctx context.Context) ([]app.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorizeLocked(ctx, app.PermUsersManage); err != nil {
		return nil, err
	}
	var out []app.User
	for _, r := range f.users {
		out = append(out, r.User)
	}
	// Map order, unlike the real store's by-name order: the CLI sorts.
	return out, nil
}

func (f *fakeStore) CreateUser(ctx context.Context, n app.NewUser) (app.User, error) {
	if err := f.authorize(ctx, app.PermUsersManage); err != nil {
		return app.User{}, err
	}
	r, err := f.record(n)
	if err != nil {
		return app.User{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.users[r.Name] != nil {
		return app.User{}, app.Invalid("user.name", "err.user.exists", "user {{.name}} exists already", map[string]any{"name": r.Name})
	}
	f.users[r.Name] = r
	return r.User, nil
}

// change edits a user in place unless that leaves no enabled admin.
func (f *fakeStore) change(ctx context.Context, p app.Permission, name string, edit func(r *fakeUser)) (app.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorizeLocked(ctx, p); err != nil {
		return app.User{}, err
	}
	stored, ok := f.users[app.NormalizeUserName(name)]
	if !ok {
		return app.User{}, app.Errorf(app.ENOTFOUND, "err.user.not_found", "user {{.name}} does not exist", map[string]any{"name": name})
	}
	r := *stored
	r.Roles = append([]app.Role(nil), r.Roles...)
	edit(&r)
	isAdmin := func(u fakeUser) bool { return !u.Disabled && u.Has(app.RoleAdmin) }
	if isAdmin(*stored) && !isAdmin(r) && f.activeAdmins() <= 1 {
		return app.User{}, app.Invalid("user.roles", "err.user.last_admin", "{{.name}} is the last administrator; make someone else an administrator first", map[string]any{"name": r.Name})
	}
	*stored = r
	return r.User, nil
}

func (f *fakeStore) activeAdmins() int {
	n := 0
	for _, u := range f.users {
		if !u.Disabled && u.Has(app.RoleAdmin) {
			n++
		}
	}
	return n
}

func (f *fakeStore) SetRoles(ctx context.Context, name string, roles []app.Role) (app.User, error) {
	roles, err := app.NormalizeRoles(roles)
	if err != nil {
		return app.User{}, err
	}
	return f.change(ctx, app.PermUsersManage, name, func(r *fakeUser) { r.Roles = roles })
}

func (f *fakeStore) SetDisabled(ctx context.Context, name string, disabled bool) (app.User, error) {
	return f.change(ctx, app.PermUsersManage, name, func(r *fakeUser) { r.Disabled = disabled })
}

func (f *fakeStore) ResetPassword(ctx context.Context, name, password string) error {
	if err := f.authorize(ctx, app.PermUsersManage); err != nil {
		return err
	}
	if err := app.ValidatePassword(password); err != nil {
		return err
	}
	hash, err := app.HashPassword(password)
	if err != nil {
		return err
	}
	_, err = f.change(ctx, app.PermUsersManage, name, func(r *fakeUser) { r.hash, r.failures = hash, 0 })
	return err
}

func (f *fakeStore) ChangePassword(ctx context.Context, oldPassword, newPassword string) error {
	me, ok := app.UserFrom(ctx)
	if !ok {
		return app.Errorf(app.EUNAUTHORIZED, "err.auth.no_user", "sign in first", nil)
	}
	if err := app.ValidatePassword(newPassword); err != nil {
		return app.WithField(err, "user.new_password")
	}
	if err := f.authorize(ctx, app.PermCompanyRead); err != nil {
		return err
	}
	if !f.verify(me.Name, oldPassword) {
		return app.Invalid("user.old_password", "err.password.wrong_old", "the current password is not right", nil)
	}
	hash, err := app.HashPassword(newPassword)
	if err != nil {
		return err
	}
	_, err = f.change(ctx, app.PermCompanyRead, me.Name, func(r *fakeUser) { r.hash = hash })
	return err
}

var _ app.UserService = (*fakeStore)(nil)
