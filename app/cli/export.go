package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"kontor/app"
	"kontor/app/atomicfile"
)

func setupExportInvoice(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	out := fs.String("out", "", "write the PDF to `FILE` (.pdf is added if missing; default: NUMBER.pdf here)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func(args []string) int {
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var d app.SalesDoc
		var dst string
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := salesReady(ctx); err != nil {
				return err
			}
			var err error
			if d, err = svc.Sales.DocumentByNumber(ctx, args[0]); err != nil {
				return err
			}
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			dst = *out
			if dst == "" {
				dst = fileName(d.Number)
			}
			dst = absPath(withPDFExt(dst))
			if !*force && exists(dst) {
				return errExists(dst)
			}
			return writeAtomic(dst, *force, true, func(w io.Writer) error { return r.env.Printer.Print(w, d, company) })
		})
		if code == ExitOK {
			r.printf("Wrote %s %s (%s, %s) to %s\n", kindSingular(d.Kind), d.Number, printable(d.Customer.Name), app.M(d.Totals.Total, d.Currency).Format(app.English), dst)
		}
		return code
	}
}

func setupExportInvoices(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	flt := addDocFlags(fs)
	out := fs.String("out", "", "one combined PDF when `FILE.pdf|DIR` ends in .pdf, else a folder (created if missing) with one NUMBER.pdf per document")
	force := fs.Bool("force", false, "replace files that exist")
	return func([]string) int {
		q, usage, err := flt.query()
		switch {
		case usage != "":
			return r.usageError(c, fs, "%s", usage)
		case *flt.from == "" || *flt.to == "":
			return r.usageError(c, fs, "--from DATE and --to DATE are required")
		case *out == "":
			return r.usageError(c, fs, "--out FILE.pdf or --out DIR is required")
		case err != nil:
			return r.fail(err)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		dst := absPath(*out)
		combined := strings.EqualFold(filepath.Ext(dst), ".pdf")
		one, many := kindNouns(q.filter.Kind, q.all)
		n := 0
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := salesReady(ctx); err != nil {
				return err
			}
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			refs, err := docRefs(ctx, svc.Sales, q)
			if err != nil {
				return err
			}
			if len(refs) == 0 {
				return app.Errorf(app.ENOTFOUND, "err.cli.export_none", "no {{.what}} match; nothing was written", map[string]any{"what": many})
			}
			n = len(refs)
			fmt.Fprintf(r.env.Stderr, "Exporting %s…\n", count(n, one, many))
			progress := r.exportProgress(n)
			if combined {
				if !*force && exists(dst) {
					return errExists(dst)
				}
				i := 0
				next := func() (app.SalesDoc, error) {
					if i == len(refs) {
						return app.SalesDoc{}, io.EOF
					}
					i++
					return svc.Sales.Document(ctx, refs[i-1].id)
				}
				return cancelled(ctx, writeAtomic(dst, *force, true, func(w io.Writer) error {
					return r.env.Printer.PrintAll(ctx, w, printables(next), company, progress)
				}))
			}
			return cancelled(ctx, exportEach(ctx, svc.Sales, r.env.Printer, company, refs, dst, *force, progress))
		})
		if code == ExitOK {
			r.printf("Wrote %s from %s to %s to %s\n", count(n, one, many), q.filter.From, q.filter.To, dst)
		}
		return code
	}
}

// docRef is what an export keeps of each document before rendering it: the
// documents themselves are read one at a time.
type docRef struct {
	id, number string
	issue      app.Date
}

// docRefs lists the matching documents by issue date and number.
func docRefs(ctx context.Context, sales app.SalesService, q docQuery) ([]docRef, error) {
	var refs []docRef
	err := eachDoc(ctx, sales, q, func(d app.SalesDoc) error {
		if d.Status != app.StatusDraft {
			refs = append(refs, docRef{d.ID, d.Number, d.IssueDate})
		}
		return nil
	})
	sort.SliceStable(refs, func(i, j int) bool {
		if c := refs[i].issue.Compare(refs[j].issue); c != 0 {
			return c < 0
		}
		return refs[i].number < refs[j].number
	})
	return refs, err
}

// exportEach writes one NUMBER.pdf per document into dir. Whatever fails or is
// cancelled, the files this run wrote are removed again, so a folder never
// holds half an export.
func exportEach(ctx context.Context, sales app.SalesService, printer app.Printer, company app.Company, refs []docRef, dir string, force bool, progress func(int)) (err error) {
	names := make([]string, len(refs))
	for i, ref := range refs {
		names[i] = fileName(ref.number)
	}
	out, err := newFolderExport(dir, names, force)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			out.undo()
		}
	}()
	for i, ref := range refs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		d, err := sales.Document(ctx, ref.id)
		if err != nil {
			return err
		}
		if err := out.write(fileName(d.Number), func(w io.Writer) error { return printer.Print(w, d, company) }); err != nil {
			return err
		}
		progress(i + 1)
	}
	return nil
}

// folderExport writes the files of an export into one folder, shared by the
// documents' and the statements' exports.
type folderExport struct {
	dir     string
	force   bool
	created []string // the files this run made, not those it replaced
}

// newFolderExport refuses, before anything is written, an export that would
// replace files (names, in dir) unless force, then creates dir.
func newFolderExport(dir string, names []string, force bool) (*folderExport, error) {
	if !force {
		var taken []string
		for _, name := range names {
			if exists(filepath.Join(dir, name)) {
				taken = append(taken, name)
			}
		}
		if len(taken) > 0 {
			return nil, app.Errorf(app.ECONFLICT, "err.cli.files_exist", "{{.n}} of the files exist already in {{.dir}} ({{.first}}…); nothing was written: add --force to replace them",
				map[string]any{"n": len(taken), "dir": dir, "first": taken[0]})
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, app.Internal("creating the folder "+dir, err)
	}
	return &folderExport{dir: dir, force: force}, nil
}

// write writes the file name in the folder, without a sync (see writeAtomic).
func (f *folderExport) write(name string, render func(w io.Writer) error) error {
	dst := filepath.Join(f.dir, name)
	existed := exists(dst)
	if err := writeAtomic(dst, f.force, false, render); err != nil {
		return err
	}
	if !existed {
		f.created = append(f.created, dst)
	}
	return nil
}

// undo removes the files this run made. A file replaced with --force stays:
// its old content is gone already, and the new one is complete.
func (f *folderExport) undo() {
	for _, path := range f.created {
		_ = os.Remove(path)
	}
	f.created = nil
}

// exportProgress reports on stderr at every tenth of n documents.
func (r *runner) exportProgress(n int) func(done int) {
	last := 0
	return func(done int) {
		if tenth := done * 10 / max(n, 1); tenth > last {
			last = tenth
			fmt.Fprintf(r.env.Stderr, "  %3d %% (%d/%d)\n", tenth*10, done, n)
		}
	}
}

// cancelled turns an export stopped by ctx (Ctrl-C) into one message.
func cancelled(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return app.Errorf(app.ECONFLICT, "err.cli.export_cancelled", "cancelled; the partial output was removed", nil)
	}
	return err
}

// writeAtomic writes a file through a temporary one beside it
// (atomicfile.Write), renamed into place only when write succeeded, so an
// interrupted, killed or failed export never leaves a truncated or empty
// file; what a killed run leaves behind is swept by the next export into
// the same folder. Without replace, an existing file is kept. With sync the
// data reaches the disk before the rename; a folder of many small PDFs
// skips it (they can be made again, and a sync each costs more than
// rendering them).
func writeAtomic(dst string, replace, sync bool, write func(w io.Writer) error) error {
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return app.Internal("creating the folder "+dir, err)
	}
	err := atomicfile.Write(dst, replace, sync, write)
	var ae *app.Error
	switch {
	case err == nil, errors.As(err, &ae), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, atomicfile.ErrExists):
		return errExists(dst)
	}
	return app.Internal("writing "+dst, err)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

func errExists(path string) error {
	return app.Errorf(app.ECONFLICT, "err.cli.file_exists", "{{.path}} exists already; add --force to replace it", map[string]any{"path": path})
}

// withPDFExt adds .pdf to a file name that lacks it.
func withPDFExt(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".pdf") {
		return name
	}
	return name + ".pdf"
}

// fileName is the file a document is exported to: its number, with anything
// a file system might refuse replaced.
func fileName(number string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, number) + ".pdf"
}

func kindSingular(k app.DocKind) string {
	switch k {
	case app.KindCreditNote:
		return "credit note"
	case app.KindQuote:
		return "quote"
	case app.KindOrder:
		return "order"
	}
	return "invoice"
}

// printables hands the documents next pulls to app.Printer.PrintAll.
func printables[T app.Printable](next func() (T, error)) func() (app.Printable, error) {
	return func() (app.Printable, error) {
		d, err := next()
		if err != nil {
			return nil, err
		}
		return d, nil
	}
}
