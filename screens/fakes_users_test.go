package screens

import (
	"context"
	"sort"
	"strings"
	"sync"

	"kontor/app"
)

// fakeUser is a stored user with its password hash.
type fakeUser struct {
	app.User
	hash string
}

// fakeUsers keeps users in memory with the store's rules: argon2id hashes,
// roles checked with app.Authorize, the last admin kept, failures audited.
type fakeUsers struct {
	mu    sync.Mutex
	users []*fakeUser
	audit *fakeAudit
	auths int
}

func (f *fakeUsers) find(name string) *fakeUser {
	name = app.NormalizeUserName(name)
	for _, u := range f.users {
		if u.Name == name {
			return u
		}
	}
	return nil
}

// add creates a user without a permission check (the caller has checked).
func (f *fakeUsers) add(n app.NewUser) (app.User, error) {
	n.Name = app.NormalizeUserName(n.Name)
	if err := n.Validate(); err != nil {
		return app.User{}, err
	}
	roles, _ := app.NormalizeRoles(n.Roles)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.find(n.Name) != nil {
		return app.User{}, app.Invalid("user.name", "err.user.exists", "user {{.name}} exists already", map[string]any{"name": n.Name})
	}
	hash, err := app.HashPassword(n.Password)
	if err != nil {
		return app.User{}, err
	}
	u := &fakeUser{User: app.User{ID: "U" + n.Name, Name: n.Name, FullName: n.FullName, Roles: roles}, hash: hash}
	f.users = append(f.users, u)
	f.audit.log(n.Name, "create", "user", u.ID, "user "+n.Name+" created")
	return u.User, nil
}

func (f *fakeUsers) mustAdd(n app.NewUser) app.User { return app.Must(f.add(n)) }

func (f *fakeUsers) HasUsers(context.Context) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.users) > 0, nil
}

func (f *fakeUsers) CreateFirstAdmin(_ context.Context, n app.NewUser) (app.User, error) {
	if has, _ := f.HasUsers(context.Background()); has {
		return app.User{}, app.Errorf(app.ECONFLICT, "err.user.first_exists", "users exist already; an administrator must add new users", nil)
	}
	n.Roles = []app.Role{app.RoleAdmin}
	return f.add(n)
}

func (f *fakeUsers) Authenticate(_ context.Context, name, password string) (app.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.auths++
	u := f.find(name)
	if u == nil || !app.VerifyPassword(u.hash, password) {
		f.audit.log(app.NormalizeUserName(name), "login.failed", "user", "", "wrong password")
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.failed", "wrong user name or password", nil)
	}
	if u.Disabled {
		return app.User{}, app.Errorf(app.EUNAUTHORIZED, "err.auth.disabled", "user {{.name}} is disabled", map[string]any{"name": u.Name})
	}
	f.audit.log(u.Name, "login", "user", u.ID, "signed in")
	return u.User, nil
}

func (f *fakeUsers) Users(ctx context.Context) ([]app.User, error) {
	if err := app.Authorize(ctx, app.PermUsersManage); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]app.User, len(f.users))
	for i, u := range f.users {
		out[i] = u.User
	}
	return out, nil
}

func (f *fakeUsers) CreateUser(ctx context.Context, n app.NewUser) (app.User, error) {
	if err := app.Authorize(ctx, app.PermUsersManage); err != nil {
		return app.User{}, err
	}
	return f.add(n)
}

// change edits a stored user, refusing to leave no active admin.
func (f *fakeUsers) change(ctx context.Context, name string, edit func(u *fakeUser) error) (app.User, error) {
	if err := app.Authorize(ctx, app.PermUsersManage); err != nil {
		return app.User{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	u := f.find(name)
	if u == nil {
		return app.User{}, app.Errorf(app.ENOTFOUND, "err.user.not_found", "user {{.name}} does not exist", map[string]any{"name": name})
	}
	before := *u
	if err := edit(u); err != nil {
		return app.User{}, err
	}
	admins := 0
	for _, x := range f.users {
		if x.Has(app.RoleAdmin) && !x.Disabled {
			admins++
		}
	}
	if admins == 0 {
		*u = before
		return app.User{}, app.Invalid("user.roles", "err.user.last_admin", "{{.name}} is the last administrator; make someone else an administrator first", map[string]any{"name": u.Name})
	}
	me, _ := app.UserFrom(ctx)
	f.audit.log(me.Name, "update", "user", u.ID, "user "+u.Name+" changed")
	return u.User, nil
}

func (f *fakeUsers) SetRoles(ctx context.Context, name string, roles []app.Role) (app.User, error) {
	rs, err := app.NormalizeRoles(roles)
	if err != nil {
		return app.User{}, err
	}
	return f.change(ctx, name, func(u *fakeUser) error { u.Roles = rs; return nil })
}

func (f *fakeUsers) SetDisabled(ctx context.Context, name string, disabled bool) (app.User, error) {
	return f.change(ctx, name, func(u *fakeUser) error { u.Disabled = disabled; return nil })
}

func (f *fakeUsers) ResetPassword(ctx context.Context, name, password string) error {
	if err := app.ValidatePassword(password); err != nil {
		return err
	}
	hash, err := app.HashPassword(password)
	if err != nil {
		return err
	}
	_, err = f.change(ctx, name, func(u *fakeUser) error { u.hash = hash; return nil })
	return err
}

func (f *fakeUsers) ChangePassword(ctx context.Context, oldPassword, newPassword string) error {
	me, ok := app.UserFrom(ctx)
	if !ok {
		return app.Errorf(app.EUNAUTHORIZED, "err.auth.no_user", "sign in first", nil)
	}
	if err := app.ValidatePassword(newPassword); err != nil {
		return app.WithField(err, "user.new_password")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	u := f.find(me.Name)
	if u == nil || !app.VerifyPassword(u.hash, oldPassword) {
		return app.Invalid("user.old_password", "err.password.wrong_old", "the current password is not right", nil)
	}
	hash, err := app.HashPassword(newPassword)
	if err != nil {
		return err
	}
	u.hash = hash
	f.audit.log(me.Name, "update", "user", u.ID, me.Name+" changed their password")
	return nil
}

// fakeAudit is an in-memory audit trail, newest first when read.
type fakeAudit struct {
	mu      sync.Mutex
	clock   app.Clock
	entries []app.AuditEntry
}

// log appends an entry at the clock's time.
func (a *fakeAudit) log(user, action, entity, id, summary string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.entries = append(a.entries, app.AuditEntry{Seq: uint64(len(a.entries) + 1), Time: a.clock.Now(),
		User: user, Action: action, Entity: entity, EntityID: id, Text: summary, Hash: strings.Repeat("ab", 32)})
}

func (a *fakeAudit) matching(f app.AuditFilter) []app.AuditEntry {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []app.AuditEntry
	for _, e := range a.entries {
		d := app.DateOf(e.Time.Local())
		if (f.User != "" && e.User != f.User) || (f.Entity != "" && e.Entity != f.Entity) ||
			(!f.From.IsZero() && d.Before(f.From)) || (!f.To.IsZero() && d.After(f.To)) {
			continue
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq > out[j].Seq })
	return out
}

func (a *fakeAudit) AuditCount(ctx context.Context, f app.AuditFilter) (int, error) {
	if err := app.Authorize(ctx, app.PermAuditRead); err != nil {
		return 0, err
	}
	return len(a.matching(f)), nil
}

func (a *fakeAudit) AuditPage(ctx context.Context, f app.AuditFilter, offset, limit int) ([]app.AuditEntry, error) {
	if err := app.Authorize(ctx, app.PermAuditRead); err != nil {
		return nil, err
	}
	all := a.matching(f)
	if offset >= len(all) {
		return nil, nil
	}
	return all[offset:min(offset+limit, len(all))], nil
}
