package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"

	"kontor/app"
)

// userCommands are the subcommands of "kontor user". Managing users needs an
// admin (--user), except creating the first admin of a database that has no
// users yet and a user changing their own password.
func userCommands() []Command {
	return []Command{
		{Path: "user add", Args: "NAME --role R[,R…] [--full-name TEXT] [--user ADMIN] [--db PATH]",
			Summary: "add a user; on a database without users, create its first admin (--role admin) without signing in", MinArgs: 1, MaxArgs: 1, Perm: app.PermUsersManage, Order: 61, setup: setupUserAdd},
		{Path: "user list", Args: "[--user ADMIN] [--db PATH]",
			Summary: "list the users with their full names, roles and whether they are disabled", Perm: app.PermUsersManage, Order: 62, setup: setupUserList},
		{Path: "user passwd", Args: "NAME [--user NAME] [--db PATH]",
			Summary: "change your own password (--user is NAME), or as an admin set another user's", MinArgs: 1, MaxArgs: 1, Perm: app.PermUsersManage, Order: 63, setup: setupUserPasswd},
		{Path: "user disable", Args: "NAME [--user ADMIN] [--db PATH]",
			Summary: "stop a user signing in (users are never deleted: the audit trail names them)", MinArgs: 1, MaxArgs: 1, Perm: app.PermUsersManage, Order: 64, setup: setupUserDisable(true)},
		{Path: "user enable", Args: "NAME [--user ADMIN] [--db PATH]",
			Summary: "let a disabled user sign in again", MinArgs: 1, MaxArgs: 1, Perm: app.PermUsersManage, Order: 65, setup: setupUserDisable(false)},
		{Path: "user roles", Args: "NAME R[,R…] [--user ADMIN] [--db PATH]",
			Summary: "replace a user's roles (" + app.RolesText(app.AllRoles()) + ")", MinArgs: 2, MaxArgs: 2, Perm: app.PermUsersManage, Order: 66, setup: setupUserRoles},
	}
}

// describe names a user for messages: "jana (Jana Nováková)".
func describe(u app.User) string {
	if u.FullName == "" {
		return u.Name
	}
	return u.Name + " (" + printable(u.FullName) + ")"
}

// printable keeps a stored text from breaking the table or sending terminal
// escape sequences.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// asAdmin opens the database, signs in --user and runs fn once the user is
// known to manage users, so nobody types a new password only to be refused.
// The store checks again: this is a courtesy, not the control.
func (r *runner) asAdmin(dbFlagValue, flagUser string, fn func(ctx context.Context, users app.UserService) error) int {
	path, err := r.dbPath(dbFlagValue)
	if err != nil {
		return r.fail(err)
	}
	return r.withUser(path, flagUser, func(ctx context.Context, svc app.Services, _ app.User) error {
		if err := app.Authorize(ctx, app.PermUsersManage); err != nil {
			return err
		}
		return fn(ctx, svc.Users)
	})
}

func setupUserAdd(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	roleList := fs.String("role", "", "the new user's `ROLES`, comma-separated: "+app.RolesText(app.AllRoles()))
	fullName := fs.String("full-name", "", "the new user's full `NAME`, as the audit trail and the window show it")
	return func(args []string) int {
		if *roleList == "" {
			return r.usageError(c, fs, "--role is required (roles: %s)", app.RolesText(app.AllRoles()))
		}
		// Wrong names and roles are refused before anyone types a password.
		roles, err := app.ParseRoles(*roleList)
		if err != nil {
			return r.fail(err)
		}
		name := app.NormalizeUserName(args[0])
		if err := app.ValidateUserName(name); err != nil {
			return r.fail(err)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		return r.withStore(path, func(svc app.Services) error {
			has, err := svc.Users.HasUsers(r.ctx)
			if err != nil {
				return err
			}
			if !has {
				return r.addFirstAdmin(svc.Users, path, app.NewUser{Name: name, FullName: *fullName, Roles: roles})
			}
			s, err := r.signIn(svc, path, *user, "Password for %s: ")
			if err != nil {
				return err
			}
			if err := app.Authorize(s.ctx, app.PermUsersManage); err != nil {
				return err
			}
			pw, err := r.newPassword(name)
			if err != nil {
				return err
			}
			u, err := svc.Users.CreateUser(s.ctx, app.NewUser{Name: name, FullName: *fullName, Roles: roles, Password: pw})
			if err != nil {
				return err
			}
			r.printf("Added user %s with the roles: %s.\n", describe(u), app.RolesText(u.Roles))
			return nil
		})
	}
}

// addFirstAdmin creates the first user of a database without users, which
// must be an admin: until then anyone may, so nobody signs in for it.
func (r *runner) addFirstAdmin(users app.UserService, path string, n app.NewUser) error {
	if !slices.Contains(n.Roles, app.RoleAdmin) {
		return app.Invalid("user.roles", "err.cli.first_admin",
			"{{.path}} has no users yet, so its first user is its admin: use --role admin", map[string]any{"path": path})
	}
	pw, err := r.newPassword(n.Name)
	if err != nil {
		return err
	}
	n.Password = pw
	u, err := users.CreateFirstAdmin(r.ctx, n)
	if err != nil {
		return err
	}
	r.printf("Created %s, the first admin of %s.\n", describe(u), path)
	r.printf("Commands on this database now run as a user: add --user %s (or set %s=%s).\n", u.Name, EnvUser, u.Name)
	return nil
}

func setupUserList(r *runner, _ command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	return func([]string) int {
		return r.asAdmin(*dbp, *user, func(ctx context.Context, users app.UserService) error {
			list, err := users.Users(ctx)
			if err != nil {
				return err
			}
			slices.SortFunc(list, func(a, b app.User) int { return strings.Compare(a.Name, b.Name) })
			// Only these fields are printed: hashes never reach app.User,
			// and the list says nothing more about a user than the window does.
			w := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "NAME\tFULL NAME\tROLES\tSTATUS")
			for _, u := range list {
				status := "active"
				if u.Disabled {
					status = "disabled"
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", u.Name, printable(u.FullName), app.RolesText(u.Roles), status)
			}
			return w.Flush()
		})
	}
}

func setupUserPasswd(r *runner, _ command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	return func(args []string) int {
		target := app.NormalizeUserName(args[0])
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		prompt := "Password for %s: "
		if app.NormalizeUserName(r.userName(*user)) == target {
			prompt = "Current password for %s: "
		}
		return r.withStore(path, func(svc app.Services) error {
			s, err := r.signIn(svc, path, *user, prompt)
			if err != nil {
				return err
			}
			if s.user.Name == target {
				// Changing one's own password proves the old one again, so a
				// session left open cannot be taken over by changing it.
				pw, err := r.newPassword(target)
				if err != nil {
					return err
				}
				if err := svc.Users.ChangePassword(s.ctx, s.password, pw); err != nil {
					return err
				}
				r.printf("Your password (%s) has been changed.\n", target)
				return nil
			}
			if err := app.Authorize(s.ctx, app.PermUsersManage); err != nil {
				return err
			}
			pw, err := r.newPassword(target)
			if err != nil {
				return err
			}
			if err := svc.Users.ResetPassword(s.ctx, target, pw); err != nil {
				return err
			}
			r.printf("The password of %s has been set; tell them, and ask them to change it with “kontor user passwd %s --user %s”.\n", target, target, target)
			return nil
		})
	}
}

func setupUserDisable(disable bool) func(r *runner, _ command, fs *flag.FlagSet, db string) func([]string) int {
	return func(r *runner, _ command, fs *flag.FlagSet, db string) func([]string) int {
		dbp := dbFlag(fs, db)
		user := userFlag(fs)
		return func(args []string) int {
			return r.asAdmin(*dbp, *user, func(ctx context.Context, users app.UserService) error {
				u, err := users.SetDisabled(ctx, args[0], disable)
				if err != nil {
					return err
				}
				if disable {
					r.printf("User %s is disabled and can no longer sign in.\n", describe(u))
				} else {
					r.printf("User %s is enabled and can sign in again.\n", describe(u))
				}
				return nil
			})
		}
	}
}

func setupUserRoles(r *runner, _ command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	return func(args []string) int {
		roles, err := app.ParseRoles(args[1])
		if err != nil {
			return r.fail(err)
		}
		return r.asAdmin(*dbp, *user, func(ctx context.Context, users app.UserService) error {
			u, err := users.SetRoles(ctx, args[0], roles)
			if err != nil {
				return err
			}
			r.printf("User %s now has the roles: %s.\n", describe(u), app.RolesText(u.Roles))
			return nil
		})
	}
}
