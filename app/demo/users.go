package demo

import (
	"context"

	"kontor/app"
)

// Password is the password of every demo user. It is published in the
// README and printed by "kontor demo": demo files are for looking around,
// never for real books.
const Password = "kontor-demo"

// Admin is the login name of the demo's first admin.
const Admin = "admin"

// Users returns the users Run creates, the admin first, then one per
// role; each signs in with Password.
func Users() []app.NewUser {
	user := func(name, fullName string, role app.Role) app.NewUser {
		return app.NewUser{Name: name, FullName: fullName, Roles: []app.Role{role}, Password: Password}
	}
	return []app.NewUser{
		user(Admin, "Květoslav Správný", app.RoleAdmin),
		user("recepce", "Jana Růžičková", app.RoleReception),
		user("prodej", "Tomáš Černý", app.RoleSales),
		user("servis", "Lukáš Dvořák", app.RoleAftersales),
		user("ucetni", "Věra Horáková", app.RoleAccounts),
		user("mzdy", "Zdeňka Kučerová", app.RolePayroll),
		user("sklad", "Jiří Šťastný", app.RoleWarehouse),
	}
}

// ErrNotEmpty is the key of Run's refusal of a database that has users
// or a company.
const ErrNotEmpty = "err.demo.not_empty"

// CheckEmpty refuses a database with users or a company before Run
// writes anything. Without users nobody can sign in to look for a company;
// the caller's ctx is asked first (a store may answer while the file has no
// users, and a front end may already carry a user); if it cannot tell,
// demoAdminCheck looks again once the demo admin exists.
func CheckEmpty(ctx context.Context, svc app.Services) error {
	has, err := svc.Users.HasUsers(ctx)
	if err != nil {
		return err
	}
	if has {
		return app.Errorf(app.ECONFLICT, ErrNotEmpty, "the database already has a company or users; the demo needs an empty database", nil)
	}
	switch c, err := svc.Company.Company(ctx); app.ErrorCode(err) {
	case "":
		return errDemoCompany(c)
	case app.ENOTFOUND, app.EUNAUTHORIZED:
		return nil
	default:
		return err
	}
}

func errDemoCompany(c app.Company) error {
	return app.Errorf(app.ECONFLICT, ErrNotEmpty, "the database already has a company ({{.name}}); the demo needs an empty database", map[string]any{"name": c.Name})
}

// demoAdminCheck looks for a company as the new demo admin. Finding one
// means the file is from before Kontor had users (it had a company but
// nobody to sign in as): the demo stops there, and the message says that
// its first admin now exists with the published password, to be changed.
func demoAdminCheck(ctx context.Context, svc app.Services, admin app.User) error {
	c, err := svc.Company.Company(ctx)
	switch app.ErrorCode(err) {
	case "":
		return app.Errorf(app.ECONFLICT, ErrNotEmpty,
			"the database already has a company ({{.company}}); the demo needs an empty database. It had no users, so its first admin {{.name}} now exists with the demo password: change it at once with “kontor user passwd {{.name}} --user {{.name}}”",
			map[string]any{"company": c.Name, "name": admin.Name})
	case app.ENOTFOUND:
		return nil
	default:
		return err
	}
}
