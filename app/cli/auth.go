package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"kontor/app"
)

// userFlag defines --user, the person a command runs as.
func userFlag(fs *flag.FlagSet) *string {
	return fs.String("user", "", "sign in as `NAME` (default: $"+EnvUser+"); the password is asked on the terminal, or read from $"+EnvPassword+" in scripts")
}

// userName is the --user flag, else $KONTOR_USER.
func (r *runner) userName(flagValue string) string {
	if v := strings.TrimSpace(flagValue); v != "" {
		return v
	}
	return strings.TrimSpace(r.env.Getenv(EnvUser))
}

// errNoUsers tells how to make the first admin of a database without users
// (a new file, or one from before Kontor had users).
func errNoUsers(path string) error {
	return app.Errorf(app.EUNAUTHORIZED, "err.cli.no_users",
		"{{.path}} has no users yet, so nobody can sign in; create its first admin with: kontor user add NAME --role admin --db {{.arg}}",
		map[string]any{"path": path, "arg": shellArg(path)})
}

// errNoUserName is the refusal of a command given no --user.
func errNoUserName() error {
	return app.Errorf(app.EUNAUTHORIZED, "err.cli.no_user", "this command runs as a signed-in user: add --user NAME or set "+EnvUser, nil)
}

// withUser opens the database at path, signs in the user named by flagUser
// (or $KONTOR_USER) and runs fn as that user.
func (r *runner) withUser(path, flagUser string, fn func(ctx context.Context, svc app.Services, u app.User) error) int {
	if !r.env.Exists(path) {
		// A mistyped --db must not create an empty database as a side effect.
		return r.fail(&app.Error{Code: app.ENOTFOUND, Key: "err.db.missing", Msg: "the file {{.path}} does not exist", Args: map[string]any{"path": path}})
	}
	return r.withStore(path, func(svc app.Services) error {
		s, err := r.signIn(svc, path, flagUser, "Password for %s: ")
		if err != nil {
			return err
		}
		return fn(s.ctx, svc, s.user)
	})
}

// session is a signed-in user. password is kept only for ChangePassword,
// which wants the current password again.
type session struct {
	ctx      context.Context
	user     app.User
	password string
}

// signIn authenticates the user named by flagUser or $KONTOR_USER on the open
// database at path, asking for the password with prompt (a format taking
// the name) unless $KONTOR_PASSWORD is set. A database without users is
// refused with how to create its first admin.
func (r *runner) signIn(svc app.Services, path, flagUser, prompt string) (session, error) {
	has, err := svc.Users.HasUsers(r.ctx)
	if err != nil {
		return session{}, err
	}
	if !has {
		return session{}, errNoUsers(path)
	}
	name := r.userName(flagUser)
	if name == "" {
		return session{}, errNoUserName()
	}
	pw, err := r.password(name, prompt)
	if err != nil {
		return session{}, err
	}
	u, err := svc.Users.Authenticate(r.ctx, name, pw)
	if err != nil {
		return session{}, err
	}
	return session{ctx: app.WithUser(r.ctx, u), user: u, password: pw}, nil
}

// password returns $KONTOR_PASSWORD, or asks on the terminal.
func (r *runner) password(name, prompt string) (string, error) {
	if pw := r.env.Getenv(EnvPassword); pw != "" {
		return pw, nil
	}
	if !r.isTerminal() {
		return "", app.Errorf(app.EUNAUTHORIZED, "err.cli.no_password",
			"no password for {{.name}}: run the command in a terminal to type it, or set "+EnvPassword+" in scripts", map[string]any{"name": name})
	}
	return r.readPassword(fmt.Sprintf(prompt, name))
}

// newPassword returns $KONTOR_NEW_PASSWORD, or asks twice on the terminal.
// A password the rules refuse is refused before it is asked again.
func (r *runner) newPassword(name string) (string, error) {
	if pw := r.env.Getenv(EnvNewPassword); pw != "" {
		return pw, nil
	}
	if !r.isTerminal() {
		return "", app.Errorf(app.EINVALID, "err.cli.no_new_password",
			"no new password for {{.name}}: run the command in a terminal to type it, or set "+EnvNewPassword+" in scripts", map[string]any{"name": name})
	}
	pw, err := r.readPassword(fmt.Sprintf("New password for %s (at least %d characters): ", name, app.MinPasswordLength))
	if err != nil {
		return "", err
	}
	if err := app.ValidatePassword(pw); err != nil {
		return "", err
	}
	again, err := r.readPassword("Type it again: ")
	if err != nil {
		return "", err
	}
	if again != pw {
		return "", app.Invalid("user.password", "err.password.mismatch", "the two passwords differ; nothing was changed", nil)
	}
	return pw, nil
}

// guardFile lets only an admin of the database at path replace or rewrite
// the file: when the file exists and has users, it signs flagUser in and
// requires the admin role, then closes the database again so the file can
// be replaced. A missing file or one without users has nobody to protect.
// With openDamaged, a file that cannot be opened (damaged, not Kontor's, from
// a newer Kontor) passes with a note: replacing it is what restoring is for,
// and whoever could damage it could as well replace it by hand.
func (r *runner) guardFile(path, flagUser, what string, openDamaged bool) (signedIn string, err error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	st, err := r.env.Open(path)
	if err != nil {
		if openDamaged && app.ErrorCode(err) != app.EINUSE {
			fmt.Fprintf(r.env.Stderr, "kontor: note: %s\nkontor: going on without signing in (nobody can sign in to this file)\n", app.ErrorMessage(err, nil))
			return "", nil
		}
		return "", err
	}
	signedIn, err = r.requireAdmin(st.Services(), path, flagUser, what)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = app.Internal("closing the database", cerr)
	}
	return signedIn, err
}

// requireAdmin signs flagUser in on a database with users and refuses anyone
// but an admin; a database without users passes (signed in as nobody: "").
func (r *runner) requireAdmin(svc app.Services, path, flagUser, what string) (string, error) {
	has, err := svc.Users.HasUsers(r.ctx)
	if err != nil || !has {
		return "", err
	}
	s, err := r.signIn(svc, path, flagUser, "Password for %s: ")
	if err != nil {
		return "", err
	}
	if !s.user.Has(app.RoleAdmin) {
		return "", app.Errorf(app.EUNAUTHORIZED, "err.cli.admin_only", "user {{.name}} may not do this: {{.what}} needs an admin", map[string]any{"name": s.user.Name, "what": what})
	}
	return s.user.Name, nil
}

// shellArg quotes a path for a command line a person copies.
func shellArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"'$&;|<>()*?`") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}
