package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"kontor/app"
	"kontor/app/demo"
)

// "kontor demo": Demo on a new database, with its progress, what it made
// and how to try it printed for the user.

func setupDemo(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	scale := fs.Int("scale", 1, "multiply the volume by `N` (1 ≈ 10,000 journal lines and 240 invoices; 70 ≈ 800,000 lines, 20,000 invoices, 5,000 customers)")
	year := fs.Int("year", 0, "fill the calendar year `Y` (default: the 12 months up to today)")
	return func([]string) int {
		if *scale < 1 || *scale > demo.MaxScale {
			return r.usageError(c, fs, "--scale must be between 1 and %d", demo.MaxScale)
		}
		if *year != 0 && (*year < 2013 || *year > 2100) {
			return r.usageError(c, fs, "--year must be between 2013 and 2100")
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var sum demo.Summary
		lastTenth := 0
		progress := func(done, total int) {
			if tenth := done * 10 / max(total, 1); tenth > lastTenth {
				lastTenth = tenth
				r.printf("  %3d %%\n", tenth*10)
			}
		}
		conflict := false
		// A new file is made without an fsync per commit and synced once
		// at the end: if the demo stops half-way, the file is thrown away
		// anyway. An existing file (which the demo refuses unless it is
		// empty) is opened as always.
		open, synced := r.env.Open, false
		if r.env.OpenNew != nil && !r.env.Exists(path) {
			open, synced = r.env.OpenNew, true
		}
		code := r.withOpen(open, path, func(svc app.Services) (err error) {
			if demo.CheckEmpty(r.ctx, svc) == nil {
				r.printf("Creating the demo company and its users in %s (scale %d)…\n", path, *scale)
			}
			var steps []demo.Step
			if r.env.DemoSteps != nil {
				steps = r.env.DemoSteps()
			}
			sum, err = demo.Run(r.ctx, svc, demo.Options{Scale: *scale, Year: *year, Progress: progress, BankFiles: r.besideDB(path)}, steps...)
			var e *app.Error
			conflict = errors.As(err, &e) && e.Key == demo.ErrNotEmpty
			return err
		})
		if conflict {
			fmt.Fprintln(r.env.Stderr, "kontor: give the demo a new file with --db PATH.")
		}
		if code != ExitOK {
			return code
		}
		if synced {
			if err := syncFile(path); err != nil {
				return r.fail(app.Internal("saving the demo database", err))
			}
		}
		// No compaction afterwards: the demo fills its append-only buckets
		// full, so there is little free space, and compacting a large file
		// took more memory than making it (issue 11).
		perSec := float64(sum.Lines) / max(sum.Elapsed.Seconds(), 1e-9)
		r.printf("Created “%s”: %s journal entries with %s lines from %s to %s (turnover %s) in %s, %s lines/s.\n",
			sum.Company, app.FormatMinor(int64(sum.Entries), 0, app.English), app.FormatMinor(int64(sum.Lines), 0, app.English),
			sum.From.Format(app.English), sum.To.Format(app.English), app.M(sum.Turnover, "CZK").Format(app.English),
			sum.Elapsed.Round(time.Millisecond), app.FormatMinor(int64(perSec), 0, app.English))
		for _, line := range sum.Report {
			r.printf("%s\n", line)
		}
		for _, f := range sum.Bank.Files {
			r.printf("  bank statement file: %s\n", filepath.Join(filepath.Dir(absPath(path)), f))
		}
		r.printDemoUsers(sum.Users, path)
		if len(sum.Bank.Files) > 0 {
			r.printf("     kontor import bank %s --dry-run --user %s --db %s\n", shellArg(filepath.Join(filepath.Dir(absPath(path)), sum.Bank.Files[len(sum.Bank.Files)-2])), demo.Admin, shellArg(path))
		}
		return ExitOK
	}
}

// syncFile flushes the file at path and its folder's entry to disk.
func syncFile(path string) error {
	for _, p := range []string{path, filepath.Dir(absPath(path))} {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil && p == path {
			return err
		}
	}
	return nil
}

// besideDB saves the demo's files in the database's folder, through
// Env.WriteFile when set.
func (r *runner) besideDB(dbPath string) func(name string, data []byte) error {
	dir := filepath.Dir(absPath(dbPath))
	return func(name string, data []byte) error {
		dst := filepath.Join(dir, name)
		if r.env.WriteFile != nil {
			return r.env.WriteFile(dst, data)
		}
		return writeAtomic(dst, true, true, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	}
}

// printDemoUsers lists who may sign in to the demo and how.
func (r *runner) printDemoUsers(users []app.User, path string) {
	r.printf("Users, all with the password “%s”:\n", demo.Password)
	w := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', 0)
	for _, u := range users {
		fmt.Fprintf(w, "  %s\t%s\t%s\n", u.Name, printable(u.FullName), app.RolesText(u.Roles))
	}
	_ = w.Flush()
	r.printf("Try: kontor check --user %s --db %s\n", demo.Admin, shellArg(path))
	r.printf("     kontor list invoices --status overdue --user %s --db %s\n", demo.Admin, shellArg(path))
}
