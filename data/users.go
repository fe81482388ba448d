package data

import (
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// userRecord is a user as stored: the public User plus what only the store
// sees. The hash never leaves this package.
type userRecord struct {
	app.User
	Hash        string    `json:"hash"`
	Failures    int       `json:"failures"`
	LastFailure time.Time `json:"last_failure"`
}

func readUser(tx *bolt.Tx, name string) (userRecord, error) {
	var r userRecord
	raw := tx.Bucket(bUsers).Get([]byte(app.NormalizeUserName(name)))
	if raw == nil {
		return r, app.Errorf(app.ENOTFOUND, "err.user.not_found", "user {{.name}} does not exist", map[string]any{"name": name})
	}
	return r, decode(raw, &r)
}

func putUser(tx *bolt.Tx, r userRecord) error {
	b, err := encode(r)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bUsers).Put([]byte(r.Name), b); err != nil {
		return err
	}
	return recordChange(tx, changeUser, []byte(r.Name), b)
}

// activeAdmins counts enabled users with the admin role.
func activeAdmins(tx *bolt.Tx) int {
	n := 0
	_ = tx.Bucket(bUsers).ForEach(func(_, v []byte) error {
		var r userRecord
		if decode(v, &r) == nil && !r.Disabled && hasRole(r.Roles, app.RoleAdmin) {
			n++
		}
		return nil
	})
	return n
}

func hasRole(roles []app.Role, r app.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// newRecord validates a NewUser and hashes its password (slow by design, so
// it runs before any transaction is opened).
func (s *Store) newRecord(n app.NewUser) (userRecord, error) {
	if err := n.Validate(); err != nil {
		return userRecord{}, err
	}
	roles, _ := app.NormalizeRoles(n.Roles)
	hash, err := app.HashPassword(n.Password)
	if err != nil {
		return userRecord{}, err
	}
	now := s.clock.Now().UTC()
	return userRecord{User: app.User{ID: app.NewID(now), Name: app.NormalizeUserName(n.Name), FullName: n.FullName, Roles: roles, Created: now}, Hash: hash}, nil
}

// HasUsers reports whether any user exists. It needs no signed-in user.
func (s *Store) HasUsers(ctx context.Context) (bool, error) {
	has := false
	err := s.view("reading users", func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bUsers).Cursor().First()
		has = k != nil
		return nil
	})
	return has, err
}

// CreateFirstAdmin creates the first user, an admin, while there are none.
func (s *Store) CreateFirstAdmin(ctx context.Context, n app.NewUser) (app.User, error) {
	n.Roles = []app.Role{app.RoleAdmin}
	r, err := s.newRecord(n)
	if err != nil {
		return app.User{}, err
	}
	err = s.writeAs("creating the first administrator", r.Name, func(tx *bolt.Tx, a *auditor) error {
		if k, _ := tx.Bucket(bUsers).Cursor().First(); k != nil {
			return app.Errorf(app.ECONFLICT, "err.user.first_exists", "users exist already; an administrator must add new users", nil)
		}
		r.Branch = branchOf(tx)
		if err := putUser(tx, r); err != nil {
			return err
		}
		return a.logKey("create", "user", r.ID, "audit.first_admin", "first administrator {{.name}}", app.AuditArgs{"name": app.AText(r.Name)})
	})
	return r.User, err
}

// branchOf returns the company's branch code, or "HQ" before the company exists.
func branchOf(tx *bolt.Tx) string {
	if c, err := readCompany(tx); err == nil {
		return c.Branch
	}
	return "HQ"
}

// Users lists all users, enabled and disabled, by name.
func (s *Store) Users(ctx context.Context) ([]app.User, error) {
	var out []app.User
	err := s.viewAs(ctx, app.PermUsersManage, "reading users", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bUsers).ForEach(func(_, v []byte) error {
			var r userRecord
			if err := decode(v, &r); err != nil {
				return err
			}
			out = append(out, r.User)
			return nil
		})
	})
	return out, err
}

// CreateUser adds a user (admin).
func (s *Store) CreateUser(ctx context.Context, n app.NewUser) (app.User, error) {
	if err := s.allowed(ctx, app.PermUsersManage); err != nil {
		return app.User{}, err
	}
	r, err := s.newRecord(n)
	if err != nil {
		return app.User{}, err
	}
	err = s.updateAs(ctx, app.PermUsersManage, "adding the user", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		if tx.Bucket(bUsers).Get([]byte(r.Name)) != nil {
			return app.Invalid("user.name", "err.user.exists", "user {{.name}} exists already", map[string]any{"name": r.Name})
		}
		r.Branch = branchOf(tx)
		if err := putUser(tx, r); err != nil {
			return err
		}
		return a.logKey("create", "user", r.ID, "audit.user_created", "user {{.name}} with roles {{.roles}}", app.AuditArgs{"name": app.AText(r.Name), "roles": roleLabels(r.Roles)})
	})
	return r.User, err
}

// changeUser loads name, lets edit change it, refuses leaving no enabled admin,
// stores it and audits summary, all in one transaction.
func (s *Store) changeUser(ctx context.Context, p app.Permission, name, what string, edit func(r *userRecord) (summary auditNote, err error)) (app.User, error) {
	var out app.User
	err := s.updateAs(ctx, p, what, func(tx *bolt.Tx, _ app.User, a *auditor) error {
		r, err := readUser(tx, name)
		if err != nil {
			return err
		}
		wasAdmin := !r.Disabled && hasRole(r.Roles, app.RoleAdmin)
		summary, err := edit(&r)
		if err != nil {
			return err
		}
		isAdmin := !r.Disabled && hasRole(r.Roles, app.RoleAdmin)
		if wasAdmin && !isAdmin && activeAdmins(tx) <= 1 {
			return app.Invalid("user.roles", "err.user.last_admin", "{{.name}} is the last administrator; make someone else an administrator first", map[string]any{"name": r.Name})
		}
		if err := putUser(tx, r); err != nil {
			return err
		}
		out = r.User
		return a.logKey("update", "user", r.ID, summary.key, summary.english, summary.args)
	})
	return out, err
}

// SetRoles replaces a user's roles (admin).
func (s *Store) SetRoles(ctx context.Context, name string, roles []app.Role) (app.User, error) {
	roles, err := app.NormalizeRoles(roles)
	if err != nil {
		return app.User{}, err
	}
	return s.changeUser(ctx, app.PermUsersManage, name, "changing roles", func(r *userRecord) (auditNote, error) {
		old := r.Roles
		r.Roles = roles
		return auditNote{"audit.user_roles", "roles of {{.name}} changed from {{.from}} to {{.to}}",
			app.AuditArgs{"name": app.AText(r.Name), "from": roleLabels(old), "to": roleLabels(roles)}}, nil
	})
}

// SetDisabled disables or enables a user (admin). Disabled users cannot sign in.
func (s *Store) SetDisabled(ctx context.Context, name string, disabled bool) (app.User, error) {
	return s.changeUser(ctx, app.PermUsersManage, name, "disabling the user", func(r *userRecord) (auditNote, error) {
		r.Disabled = disabled
		if disabled {
			return auditNote{"audit.user_disabled", "disabled {{.name}}", app.AuditArgs{"name": app.AText(r.Name)}}, nil
		}
		r.Failures = 0
		return auditNote{"audit.user_enabled", "enabled {{.name}}", app.AuditArgs{"name": app.AText(r.Name)}}, nil
	})
}

// ResetPassword sets another user's password (admin).
func (s *Store) ResetPassword(ctx context.Context, name, password string) error {
	if err := s.allowed(ctx, app.PermUsersManage); err != nil {
		return err
	}
	if err := app.ValidatePassword(password); err != nil {
		return err
	}
	hash, err := app.HashPassword(password)
	if err != nil {
		return err
	}
	_, err = s.changeUser(ctx, app.PermUsersManage, name, "resetting the password", func(r *userRecord) (auditNote, error) {
		r.Hash, r.Failures = hash, 0
		return auditNote{"audit.password_reset", "password of {{.name}} reset", app.AuditArgs{"name": app.AText(r.Name)}}, nil
	})
	return err
}

// ChangePassword changes the signed-in user's own password after checking the old one.
func (s *Store) ChangePassword(ctx context.Context, oldPassword, newPassword string) error {
	me, ok := app.UserFrom(ctx)
	if !ok {
		return app.Errorf(app.EUNAUTHORIZED, "err.auth.no_user", "sign in first", nil)
	}
	if err := app.ValidatePassword(newPassword); err != nil {
		return app.WithField(err, "user.new_password")
	}
	var stored string
	if err := s.view("reading the user", func(tx *bolt.Tx) error {
		if _, err := authorize(tx, ctx, app.PermCompanyRead); err != nil {
			return err
		}
		r, err := readUser(tx, me.Name)
		stored = r.Hash
		return err
	}); err != nil {
		return err
	}
	if !app.VerifyPassword(stored, oldPassword) {
		return app.Invalid("user.old_password", "err.password.wrong_old", "the current password is not right", nil)
	}
	hash, err := app.HashPassword(newPassword)
	if err != nil {
		return err
	}
	_, err = s.changeUser(ctx, app.PermCompanyRead, me.Name, "changing the password", func(r *userRecord) (auditNote, error) {
		if r.Hash != stored {
			return auditNote{}, app.Errorf(app.ECONFLICT, "err.password.changed_meanwhile", "the password was changed meanwhile; try again", nil)
		}
		r.Hash = hash
		return auditNote{"audit.password_changed", "{{.name}} changed their password", app.AuditArgs{"name": app.AText(r.Name)}}, nil
	})
	return err
}
