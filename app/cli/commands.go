package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"kontor/app"
)

// Core is the command line's own commands: the demo, the database file
// (check, backup, restore, compact), the users, version and help.
func Core() []Command {
	cmds := []Command{
		{Path: "demo", Args: "[--db PATH] [--scale N] [--year Y]", Summary: "create a demo company, its users and a year of sales documents, received invoices and bookkeeping in an empty database, with bank statement files beside it (last month's imported, earlier months locked)", NoSignIn: true, Order: 10, setup: setupDemo},
		{Path: "check", Args: "[--db PATH] --user NAME [--against BACKUP]", Summary: "check the database file, the ledger's invariants, the audit trail and the records it proves (accounts or admin)", Perm: app.PermStoreAdmin, Order: 20, setup: setupCheck},
		{Path: "backup", Args: "[--db PATH] --user NAME --out FILE [--force]", Summary: "write a checked copy of the database to FILE (accounts or admin)", Perm: app.PermStoreAdmin, Order: 30, setup: setupBackup},
		{Path: "restore", Args: "[--db PATH] --user NAME --from FILE", Summary: "replace the database with a backup, keeping a copy of what it replaces (admin)", Perm: permAdmin, Order: 40, setup: setupRestore},
		{Path: "compact", Args: "[--db PATH] --user NAME", Summary: "rewrite the database file without its free space (admin)", Perm: permAdmin, Order: 50, setup: setupCompact},
		{Path: "version", Summary: "print the version", NoSignIn: true, Order: 110, setup: setupVersion},
		{Path: "help", Args: "[COMMAND [SUBCOMMAND]]", Summary: "explain the commands, or one command", MaxArgs: 2, NoSignIn: true, Order: 120, setup: setupHelp},
	}
	return append(cmds, userCommands()...)
}

// commands is the command tree of this run: Env.Commands, or Core alone.
func (r *runner) commands() []command {
	if r.tree == nil {
		cmds := r.env.Commands
		if cmds == nil {
			cmds = Core()
		}
		r.tree = tree(cmds)
	}
	return r.tree
}

func (r *runner) lookup(name string) (command, bool) {
	for _, c := range r.commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// sub finds the subcommand of group c called name ("add" in "user add").
func (c command) sub(name string) (command, bool) {
	for _, s := range c.subs {
		if s.name == c.name+" "+name {
			return s, true
		}
	}
	return command{}, false
}

// dbFlag defines --db with a value given before the command as its default.
func dbFlag(fs *flag.FlagSet, db string) *string {
	return fs.String("db", db, "the database `PATH` (default: $"+EnvDB+", else the per-user database)")
}

func (r *runner) mainUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Kontor %s — an office suite for small businesses.\n\n", r.versionString())
	fmt.Fprintf(w, "Usage:\n  kontor [--db PATH]            open the Kontor window\n  kontor COMMAND [flags]        run a command without the window\n\nCommands:\n")
	for _, c := range r.commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nThe database is --db PATH if given, else $%s, else ", EnvDB)
	if path, err := r.env.DefaultDB(); err == nil {
		fmt.Fprintf(w, "%s.\n", path)
	} else {
		fmt.Fprintln(w, "kontor.db in the per-user configuration folder.")
	}
	fmt.Fprintf(w, "Commands that use a database's data run as a user: --user NAME (or $%s) and\n", EnvUser)
	fmt.Fprintf(w, "the password, typed on the terminal (or $%s in scripts). A new database\n", EnvPassword)
	fmt.Fprintln(w, "has no users: create its first admin with “kontor user add NAME --role admin”.")
	fmt.Fprintln(w, "Run “kontor help COMMAND” or “kontor COMMAND --help” for a command's flags.")
	fmt.Fprintln(w, "Exit codes: 0 ok, 1 failure (also a refused sign-in or a missing role), 2 wrong usage,")
	fmt.Fprintln(w, "3 database open in another Kontor process, 4 database damaged (or check found problems).")
	if fs != nil {
		fmt.Fprintln(w, "\nFlags:")
		printFlags(w, fs)
	}
}

// groupUsage lists a group's subcommands.
func groupUsage(w io.Writer, c command) {
	fmt.Fprintf(w, "Usage: kontor %s %s\n\n%s%s.\n\nCommands:\n", c.name, c.args, strings.ToUpper(c.summary[:1]), c.summary[1:])
	for _, s := range c.subs {
		fmt.Fprintf(w, "  kontor %s %s\n        %s\n", s.name, s.args, s.summary)
	}
	fmt.Fprintf(w, "\nRun “kontor %s COMMAND --help” for a command's flags.\n", c.name)
}

func commandUsage(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: kontor %s %s\n\n%s%s.\n", c.name, c.args, strings.ToUpper(c.summary[:1]), c.summary[1:])
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintln(w, "\nFlags:")
		printFlags(w, fs)
	}
}

// printFlags lists flags GNU-style (--name), which the flag package accepts too.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		if name == "" {
			fmt.Fprintf(w, "  --%s\n", f.Name)
		} else {
			fmt.Fprintf(w, "  --%s %s\n", f.Name, name)
		}
		fmt.Fprintf(w, "        %s\n", usage)
	})
	fmt.Fprintln(w, "  -h, --help\n        show this help")
}

func (r *runner) versionString() string {
	if r.env.Version == "" {
		return "dev"
	}
	return r.env.Version
}

func setupVersion(r *runner, _ command, _ *flag.FlagSet, _ string) func([]string) int {
	return func([]string) int {
		r.printf("kontor %s\n", r.versionString())
		for _, line := range r.env.VersionDetails {
			r.printf("%s\n", line)
		}
		return ExitOK
	}
}

func setupHelp(r *runner, c command, fs *flag.FlagSet, _ string) func([]string) int {
	return func(args []string) int {
		if len(args) == 0 {
			r.mainUsage(r.env.Stdout, nil)
			return ExitOK
		}
		target, ok := r.lookup(args[0])
		if !ok {
			return r.usageError(c, fs, "unknown command %q", args[0])
		}
		if len(args) == 2 {
			if target, ok = target.sub(args[1]); !ok {
				return r.usageError(c, fs, "unknown command %q", strings.Join(args, " "))
			}
		}
		if len(target.subs) > 0 {
			groupUsage(r.env.Stdout, target)
			return ExitOK
		}
		tfs := r.flagSet("kontor " + target.name)
		target.setup(r, target, tfs, "")
		commandUsage(r.env.Stdout, target, tfs)
		return ExitOK
	}
}

func setupCheck(r *runner, _ command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	against := fs.String("against", "", "also prove that the audit trail only grew since the backup `FILE` was made")
	return func([]string) int {
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var problems []app.Problem
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			// The store checks too; asking first keeps the refusal the same
			// whatever the store's Check does before it looks at the user.
			if err := app.Authorize(ctx, app.PermStoreAdmin); err != nil {
				return err
			}
			ctx = app.WithProgress(ctx, r.progress("Checking"))
			if *against != "" {
				problems, err = svc.Store.CheckAgainst(ctx, absPath(*against))
			} else {
				problems, err = svc.Store.Check(ctx)
			}
			r.progressDone()
			return err
		})
		if code != ExitOK {
			return code
		}
		if len(problems) == 0 {
			if *against != "" {
				r.printf("OK: no problems found in %s; its audit trail continues the one of %s\n", path, absPath(*against))
			} else {
				r.printf("OK: no problems found in %s\n", path)
			}
			return ExitOK
		}
		for _, p := range problems {
			r.printf("problem: %s\n", p.Text(nil))
		}
		fmt.Fprintf(r.env.Stderr, "kontor: %s found in %s; restore it from a backup (kontor restore --from FILE) or ask whoever changed it\n", count(len(problems), "problem", "problems"), path)
		return ExitDamaged
	}
}

// progress returns a ProgressFunc that shows "what… N %" on the terminal
// (stderr), at most once per percent; nothing when not run by a person.
func (r *runner) progress(what string) app.ProgressFunc {
	if !r.isTerminal() {
		return nil
	}
	last := int64(-1)
	return func(done, total int64) {
		pct := int64(100)
		if total > 0 {
			pct = min(100, done*100/total)
		}
		if pct != last {
			last = pct
			fmt.Fprintf(r.env.Stderr, "\r%s… %3d %%", what, pct)
			r.progressShown = true
		}
	}
}

// progressDone ends a progress line.
func (r *runner) progressDone() {
	if r.progressShown {
		fmt.Fprintln(r.env.Stderr)
		r.progressShown = false
	}
}

func setupBackup(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	out := fs.String("out", "", "write the backup to `FILE`")
	force := fs.Bool("force", false, "replace FILE even if it is not an earlier Kontor backup")
	return func([]string) int {
		if *out == "" {
			return r.usageError(c, fs, "--out FILE is required")
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		dst := absPath(*out)
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermStoreAdmin); err != nil {
				return err
			}
			return svc.Store.Backup(ctx, dst, app.BackupOptions{Force: *force})
		})
		if code == ExitOK {
			r.printf("Backup of %s written to %s (checked; its audit head is in %s.head)\n", path, dst, dst)
		}
		return code
	}
}

func setupRestore(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	from := fs.String("from", "", "restore from the backup `FILE`")
	return func([]string) int {
		if *from == "" {
			return r.usageError(c, fs, "--from FILE is required")
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		who, err := r.guardFile(path, *user, "replacing the database with a backup", true)
		if err != nil {
			return r.fail(err)
		}
		if who == "" {
			// Nobody could sign in (a damaged file, or one without users):
			// the restored file's audit entry names who said they ran it.
			who = r.userName(*user)
		}
		kept, err := r.env.Restore(absPath(*from), path, who)
		if err != nil {
			return r.fail(err)
		}
		r.printf("Restored %s from %s\n", path, absPath(*from))
		if kept != "" {
			r.printf("The database it replaced was kept as %s\n", kept)
		}
		return ExitOK
	}
}

func setupCompact(r *runner, _ command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	return func([]string) int {
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		if _, err := r.guardFile(path, *user, "compacting the database", false); err != nil {
			return r.fail(err)
		}
		start := time.Now()
		before, after, err := r.env.Compact(path)
		if err != nil {
			return r.fail(err)
		}
		r.printf("Compacted %s: %s → %s (%s) in %s\n", path, formatSize(before), formatSize(after), savedPercent(before, after), time.Since(start).Round(time.Millisecond))
		return ExitOK
	}
}

// absPath makes a path the user typed absolute for messages; it keeps the
// path as typed when the working directory is unknown.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// formatSize writes a byte count for people: "12.3 MB (12,345,678 bytes)".
func formatSize(n int64) string {
	const unit = 1024
	exact := app.FormatMinor(n, 0, app.English) + " bytes"
	if n < unit {
		return exact
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB (%s)", float64(n)/float64(div), "KMGTPE"[exp], exact)
}

func savedPercent(before, after int64) string {
	if before <= 0 {
		return "no change"
	}
	saved := before - after
	if saved < 0 {
		return fmt.Sprintf("%d%% larger", -saved*100/before)
	}
	return fmt.Sprintf("%d%% saved", saved*100/before)
}
