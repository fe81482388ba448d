// Package cli is Kontor's headless front end: the same binary as the window,
// run with a command (demo, check, backup, restore, compact, user, list,
// import, export, close-year, version): customers and bank statements in, documents,
// statements and financial reports out.
// It sees the database only through app's service interfaces and what main
// injects in Env, so it never imports the store, the screens or Fyne.
// Commands that touch a database's data sign a user in first (--user and a
// password from the terminal or $KONTOR_PASSWORD) and run as that user.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"kontor/app"
	"kontor/app/demo"
)

// Exit codes of Run.
const (
	ExitOK      = 0 // the command did what was asked
	ExitFailure = 1 // the command failed (message on stderr)
	ExitUsage   = 2 // the command line was wrong (usage on stderr)
	ExitInUse   = 3 // the database is open in another Kontor process
	ExitDamaged = 4 // the database file is damaged, or check found problems in it
	// ExitInterrupted: Ctrl-C or SIGTERM stopped the command (its partial
	// output removed), 128 + SIGINT as shells report an interrupt.
	ExitInterrupted = 130
)

// Store is an open database as the CLI sees it.
type Store interface {
	Services() app.Services
	Close() error
}

// Env is what the CLI is given by main. Every func and renderer is
// required except where its comment says what nil means.
type Env struct {
	// Commands are the commands of the command line: Core and each module's
	// (main composes them, one line per module); nil means Core alone.
	Commands       []Command
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	Getenv         func(string) string
	Version        string
	// VersionDetails are the lines "kontor version" prints after
	// "kontor VERSION": the commit, the build date, the database schema.
	// nil prints the version alone.
	VersionDetails []string
	// DefaultDB returns the per-user database, os.UserConfigDir()/Kontor/kontor.db.
	DefaultDB func() (string, error)
	// Open opens the database, creating the file if missing; errors are
	// *app.Error (EINUSE when another process has it open).
	Open func(path string) (Store, error)
	// OpenReads, when set, opens the database for a command that only reads
	// it (Command.Reads): like Open but without the daily backup, so a quick
	// "list" or "export" does not pay for copying the file. nil means Open.
	OpenReads func(path string) (Store, error)
	// OpenNew, when set, creates the database for "kontor demo" when no
	// file is there yet: without an fsync per commit (the demo makes tens
	// of thousands of small transactions; the file is synced once when it
	// is done) and without the daily backup. nil means Open.
	OpenNew func(path string) (Store, error)
	// Compact rewrites the file without free pages and reports its sizes.
	Compact func(path string) (before, after int64, err error)
	// Restore replaces the database at to with the Kontor file from, as user
	// (named in the audit entry it writes into the restored file); it refuses
	// other files, files that fail their check and files in use, and keeps a
	// copy of what it replaces.
	Restore func(from, to, user string) (keptCopy string, err error)
	// RunGUI starts the window on dbPath and returns its exit code; nil in a
	// build without the window ("kontor" alone then says so).
	RunGUI func(dbPath string) int
	// IsTerminal reports whether the CLI may ask for passwords interactively
	// (stdin is a terminal). nil: Stdin is checked with golang.org/x/term when
	// it is an *os.File; anything else is not a terminal.
	IsTerminal func() bool
	// ReadPassword shows prompt (on Stderr) and reads one line from the
	// terminal without echoing it, without the line ending. It is only called
	// when IsTerminal reports true. nil: golang.org/x/term on Stdin.
	ReadPassword func(prompt string) (string, error)
	// Exists reports whether a database file is there; commands that work on
	// existing data refuse a missing file instead of creating an empty one.
	Exists func(path string) bool
	// Printer writes the PDFs of the export commands (sales documents,
	// customer statements, report tables), each in its language; main
	// passes app/pdf.Printer.
	Printer app.Printer
	// DemoSteps returns the demo's steps, one per module, new for each run
	// ("kontor demo"); main composes them. nil: the company, its users and
	// its journal only.
	DemoSteps func() []demo.Step
	// WriteFile saves a file the demo makes next to the database (its bank
	// statements); nil writes it to disk (tests keep them in memory).
	WriteFile func(path string, data []byte) error
}

// Environment variables the CLI reads.
const (
	// EnvDB names the database when --db is not given.
	EnvDB = "KONTOR_DB"
	// EnvUser is the user to sign in as when --user is not given.
	EnvUser = "KONTOR_USER"
	// EnvPassword is the signing-in user's password, for scripts; without it
	// the CLI asks on the terminal.
	EnvPassword = "KONTOR_PASSWORD"
	// EnvNewPassword is the new password for "user add" and "user passwd",
	// for scripts; without it the CLI asks twice on the terminal.
	EnvNewPassword = "KONTOR_NEW_PASSWORD"
)

// runner carries one invocation's context and environment.
type runner struct {
	ctx context.Context
	env Env

	progressShown bool // a progress line waits for its newline
	reads         bool // the running command only reads the store
	tree          []command
}

// Run runs the command line args (without the program name) and returns the exit code:
// 0 ok, 1 failure, 2 usage, 3 database in use (app.EINUSE), 4 database damaged
// (app.EDAMAGED, or check found problems), 130 interrupted (ctx cancelled by
// Ctrl-C or SIGTERM).
func Run(ctx context.Context, args []string, env Env) int {
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if ctx == nil {
		ctx = context.Background()
	}
	r := &runner{ctx: ctx, env: env}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return r.command(args[0], args[1:], "")
	}
	fs := r.flagSet("kontor")
	db := fs.String("db", "", "the database `PATH` (default: $"+EnvDB+", else the per-user database)")
	version := fs.Bool("version", false, "print the version and exit")
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		r.mainUsage(r.env.Stdout, fs)
		return ExitOK
	case err != nil:
		r.mainUsage(r.env.Stderr, fs)
		return ExitUsage
	}
	if *version {
		return r.command("version", nil, *db)
	}
	if fs.NArg() > 0 {
		// "kontor --db PATH check" works like "kontor check --db PATH".
		return r.command(fs.Arg(0), fs.Args()[1:], *db)
	}
	path, err := r.dbPath(*db)
	if err != nil {
		return r.fail(err)
	}
	if r.env.RunGUI == nil {
		return r.fail(app.Errorf(app.EINTERNAL, "err.cli.no_gui", "this build of Kontor has no window; run “kontor help” for the commands", nil))
	}
	return r.env.RunGUI(path)
}

// command parses and runs one command; db is a --db given before it.
func (r *runner) command(name string, args []string, db string) int {
	c, ok := r.lookup(name)
	if !ok {
		fmt.Fprintf(r.env.Stderr, "kontor: unknown command %q\n\n", name)
		r.mainUsage(r.env.Stderr, nil)
		return ExitUsage
	}
	return r.runCommand(c, args, db)
}

// runCommand runs c, or for a group such as "user" the subcommand args name.
func (r *runner) runCommand(c command, args []string, db string) int {
	if len(c.subs) > 0 {
		return r.group(c, args, db)
	}
	fs := r.flagSet("kontor " + c.name)
	r.reads = c.reads
	run := c.setup(r, c, fs, db)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			commandUsage(r.env.Stdout, c, fs)
			return ExitOK
		}
		// The flag package has already said what was wrong.
		commandUsage(r.env.Stderr, c, fs)
		return ExitUsage
	}
	if len(pos) > c.maxArgs {
		return r.usageError(c, fs, "unexpected argument %q", pos[c.maxArgs])
	}
	if len(pos) < c.minArgs {
		return r.usageError(c, fs, "missing %s", strings.Fields(c.args)[len(pos)])
	}
	return run(pos)
}

// group runs the subcommand of c named by args[0].
func (r *runner) group(c command, args []string, db string) int {
	if len(args) == 0 {
		fmt.Fprintf(r.env.Stderr, "kontor %s: which one?\n", c.name)
		groupUsage(r.env.Stderr, c)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		groupUsage(r.env.Stdout, c)
		return ExitOK
	}
	sub, ok := c.sub(args[0])
	if !ok {
		fmt.Fprintf(r.env.Stderr, "kontor %s: unknown command %q\n", c.name, args[0])
		groupUsage(r.env.Stderr, c)
		return ExitUsage
	}
	return r.runCommand(sub, args[1:], db)
}

// parseInterleaved parses flags given before, between and after the
// positional arguments ("user add jana --role sales") and returns the
// positional ones; everything after "--" is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := args[:len(args)-len(rest)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usageError reports a command line mistake found after parsing.
func (r *runner) usageError(c command, fs *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(r.env.Stderr, "kontor %s: %s\n", c.name, fmt.Sprintf(format, args...))
	commandUsage(r.env.Stderr, c, fs)
	return ExitUsage
}

// flagSet returns a FlagSet that reports parse errors on stderr and leaves
// printing the usage to Run, so --help goes to stdout and mistakes to stderr.
func (r *runner) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(r.env.Stderr)
	fs.Usage = func() {}
	return fs
}

// dbPath picks the database: the --db flag, then $KONTOR_DB, then DefaultDB.
func (r *runner) dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if v := strings.TrimSpace(r.env.Getenv(EnvDB)); v != "" {
		return v, nil
	}
	path, err := r.env.DefaultDB()
	if err != nil {
		return "", app.Internal("finding the per-user database folder", err)
	}
	return path, nil
}

// withStore opens the database at path, runs fn and closes it again.
func (r *runner) withStore(path string, fn func(svc app.Services) error) int {
	open := r.env.Open
	if r.reads && r.env.OpenReads != nil {
		open = r.env.OpenReads
	}
	return r.withOpen(open, path, fn)
}

// withOpen is withStore with the database opened by open.
func (r *runner) withOpen(open func(string) (Store, error), path string, fn func(svc app.Services) error) int {
	st, err := open(path)
	if err != nil {
		return r.fail(err)
	}
	err = fn(st.Services())
	if cerr := st.Close(); err == nil && cerr != nil {
		err = app.Internal("closing the database", cerr)
	}
	if err != nil {
		return r.fail(err)
	}
	return ExitOK
}

// fail prints err the one way users read errors and returns its exit code.
func (r *runner) fail(err error) int {
	msg := app.ErrorMessage(err, nil)
	fmt.Fprintf(r.env.Stderr, "kontor: %s\n", msg)
	if r.ctx.Err() != nil {
		return ExitInterrupted // whatever failed, it failed because it was stopped
	}
	if app.ErrorCode(err) == app.EINUSE {
		if !strings.Contains(msg, "another Kontor") {
			fmt.Fprintln(r.env.Stderr, "kontor: the database is open in another Kontor window or process; close it there (or wait for that command to finish) and try again.")
		}
		return ExitInUse
	}
	if app.ErrorCode(err) == app.EDAMAGED {
		return ExitDamaged
	}
	return ExitFailure
}

// printf writes to stdout.
func (r *runner) printf(format string, args ...any) { fmt.Fprintf(r.env.Stdout, format, args...) }
