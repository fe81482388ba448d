package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"kontor/app"
)

// The VAT filings of "kontor export vat-return|vat-control|eu-sales": the
// return (DPHDP3), the control statement (DPHKH1) and the EU sales list
// (DPHSHV) of a month or quarter as the XML file the tax portal takes, or
// as the report of the same figures (PDF or CSV), by the extension of --out.

// exportVATCommands are the three filings' commands.
func exportVATCommands() []Command {
	const args = " --period 2026-11|2026-Q4 --out FILE.xml|FILE.pdf|FILE.csv [--lang cs|en] [--force] [--db PATH] --user NAME"
	return []Command{
		{Path: "export vat-return", Args: args, Perm: app.PermLedgerRead, Order: 96, setup: setupExportVAT(app.FormVATReturn),
			Summary: "write the VAT return (přiznání k DPH) of a month or quarter as the DPHDP3 file for the tax portal (EPO), or as a report by its rows, PDF or CSV (accounts or admin)"},
		{Path: "export vat-control", Args: args, Perm: app.PermLedgerRead, Order: 97, setup: setupExportVAT(app.FormVATControl),
			Summary: "write the VAT control statement (kontrolní hlášení) of a month as the DPHKH1 file for the tax portal, or as a report (accounts or admin)"},
		{Path: "export eu-sales", Args: args, Perm: app.PermLedgerRead, Order: 98, setup: setupExportVAT(app.FormEUSales),
			Summary: "write the EU sales list (souhrnné hlášení) of a month as the DPHSHV file for the tax portal, or as a report (accounts or admin)"},
	}
}

// vatFileNames are the filings' names in messages.
var vatFileNames = map[app.VATForm]string{
	app.FormVATReturn:  "VAT return (DPHDP3)",
	app.FormVATControl: "VAT control statement (DPHKH1)",
	app.FormEUSales:    "EU sales list (DPHSHV)",
}

func setupExportVAT(form app.VATForm) func(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	return func(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
		dbp := dbFlag(fs, db)
		user := userFlag(fs)
		period := fs.String("period", "", "the tax `PERIOD`: a month 2026-11, or a quarter 2026-Q4 for a quarterly payer")
		lang := fs.String("lang", "", "the language of a PDF or CSV report, `cs` or en (default: Czech for a Czech company, else English); the XML is the portal's")
		out := fs.String("out", "", "write to `FILE.xml` for the portal, or FILE.pdf or FILE.csv for the report (.xml is added if it has no extension)")
		force := fs.Bool("force", false, "replace FILE if it exists")
		return func([]string) int {
			switch {
			case strings.TrimSpace(*period) == "":
				return r.usageError(c, fs, "--period is required: a month such as 2026-11, or a quarter such as 2026-Q4")
			case *out == "":
				return r.usageError(c, fs, "--out FILE.xml (or FILE.pdf, FILE.csv) is required")
			case *lang != "" && !app.Lang(*lang).Valid():
				return r.usageError(c, fs, "--lang %q: choose cs or en", *lang)
			}
			p, err := app.ParseVATPeriod(*period)
			if err != nil {
				return r.usageError(c, fs, "--period %s", app.ErrorMessage(err, nil))
			}
			dst := *out
			ext := strings.ToLower(filepath.Ext(dst))
			switch ext {
			case ".xml", ".pdf", ".csv":
			case "":
				dst, ext = dst+".xml", ".xml"
			default:
				return r.usageError(c, fs, "--out %s: the file must end in .xml, .pdf or .csv", *out)
			}
			path, err := r.dbPath(*dbp)
			if err != nil {
				return r.fail(err)
			}
			dst = absPath(dst)
			if !*force && exists(dst) {
				return r.fail(errExists(dst))
			}
			var notBegun error
			var summary string
			code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
				company, err := svc.Company.Company(ctx)
				if err != nil {
					return err
				}
				today := app.Today(svc.Clock)
				if err := app.CheckVATPeriod(form, p, today, company, ext == ".xml"); err != nil {
					if e, ok := err.(*app.Error); ok && e.Key == app.ErrVATPeriodNotBegun {
						notBegun = err // a usage error, reported below
						return nil
					}
					return err
				}
				if ext != ".xml" {
					table, err := app.BuildReport(ctx, svc, form.Report(), p.First(), p.Last(), "", translator(reportLang(*lang, company)))
					if err != nil {
						return err
					}
					summary = printable(table.Title) + ", " + printable(table.Period)
					return writeAtomic(dst, *force, true, func(w io.Writer) error {
						if ext == ".pdf" {
							return r.env.Printer.Print(w, table, company)
						}
						if err := table.WriteCSV(w); err != nil {
							return app.Internal("writing the report", err)
						}
						return nil
					})
				}
				filing := app.VATFiling{Company: company, Period: p, Filed: today, Software: "Kontor", Version: r.versionString()}
				if err := filing.Check(); err != nil {
					return err
				}
				f, err := app.LoadVATFilings(ctx, svc, p.First(), p.Last())
				if err != nil {
					return err
				}
				if form == app.FormEUSales {
					if err := f.EUSales.CheckQuarter(p); err != nil {
						return err
					}
				}
				summary = r.vatSummary(form, f)
				return writeAtomic(dst, *force, true, func(w io.Writer) error {
					switch form {
					case app.FormVATControl:
						return app.WriteVATControlXML(w, f.Control, filing)
					case app.FormEUSales:
						return app.WriteEUSalesXML(w, f.EUSales, filing)
					}
					return app.WriteVATReturnXML(w, f.Return, filing)
				})
			})
			if notBegun != nil {
				return r.usageError(c, fs, "--period %s", app.ErrorMessage(notBegun, nil))
			}
			if code == ExitOK {
				r.printf("Wrote the %s of %s to %s: %s\n", vatFileNames[form], p, dst, summary)
			}
			return code
		}
	}
}

// vatSummary says what a filing holds, and warns on stderr about what must
// be looked at before filing it.
func (r *runner) vatSummary(form app.VATForm, f app.VATFilings) string {
	var s string
	switch form {
	case app.FormVATControl:
		c := f.Control
		s = "A.1 " + count(len(c.A1), "document", "documents") + ", A.2 " + count(len(c.A2), "document", "documents") +
			", A.4 " + count(len(c.A4), "document", "documents") + ", B.1 " + count(len(c.B1), "document", "documents") +
			", B.2 " + count(len(c.B2), "document", "documents") + ", A.5 and B.3 summed"
		if n := c.MissingCodes(); n > 0 {
			r.warn(count(n, "document", "documents") + " of A.1 and B.1 lack the code of their §92a supply (kód předmětu plnění): complete it on the portal before filing")
		}
	case app.FormEUSales:
		s = count(len(f.EUSales.Lines), "line", "lines") + ", " + app.FormatMinor(f.EUSales.Total(""), 2, app.English) + " CZK"
	default:
		res := f.Return.Result()
		if res.R65 > 0 {
			s = "excess deduction (ř. 65) " + app.FormatMinor(res.R65, 0, app.English) + " CZK"
		} else {
			s = "tax due (ř. 64) " + app.FormatMinor(res.R64, 0, app.English) + " CZK"
		}
	}
	if n := len(f.Return.Unplaced); n > 0 {
		r.warn(count(n, "tagged posting", "tagged postings") + " of the period fit no row of the return (see the VAT report's notes): correct them before filing")
	}
	return s
}

// warn writes a warning line on stderr.
func (r *runner) warn(msg string) { fmt.Fprintf(r.env.Stderr, "kontor: warning: %s\n", msg) }
