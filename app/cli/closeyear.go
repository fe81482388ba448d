package cli

import (
	"context"
	"flag"
	"strconv"
	"strings"

	"kontor/app"
)

// "kontor close-year" is the year-end closing (roční uzávěrka) of the
// command line: app.YearCloser posts the entry that closes the year's
// revenue and expense accounts to the result account (431), or with
// --reopen reverses the last closing so the year can be changed.

// closeYearCommand is "kontor close-year".
func closeYearCommand() Command {
	return Command{Perm: app.PermLedgerPost, Order: 100, Path: "close-year", Args: "YEAR [--reopen] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
		Summary: "close YEAR's revenue and expense accounts to the result account (431) by an entry dated 31 December, " +
			"which needs December unlocked; --reopen reverses the last closed year's closing (accounts or admin)",
		setup: setupCloseYear}
}

func setupCloseYear(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	reopen := fs.Bool("reopen", false, "reverse the closing of YEAR (the last closed year) instead")
	return func(args []string) int {
		year, err := strconv.Atoi(args[0])
		if err != nil || year < 1900 || year > 9999 {
			return r.usageError(c, fs, "YEAR: %q is not a year such as 2025", args[0])
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var e app.Entry
		var company app.Company
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			var err error
			if company, err = svc.Company.Company(ctx); err != nil {
				return err
			}
			if *reopen {
				e, err = svc.Closer.ReopenYear(ctx, year)
			} else {
				e, err = svc.Closer.CloseYear(ctx, year)
			}
			return err
		})
		if code != ExitOK {
			return code
		}
		result := closingResult(e, company, *reopen)
		if *reopen {
			r.printf("Reopened %d: entry %s reverses its closing, result %s taken back\n", year, e.Number, result)
		} else {
			r.printf("Closed %d: entry %s, result %s\n", year, e.Number, result)
		}
		return ExitOK
	}
}

// closingResult describes the result the entry moves on the company's result
// account: "1 234,50 Kč profit (431)" — a credit is a profit, a debit a loss
// (the other way round for the reversal of a closing). Money is written as
// the company's reports are (Czech for a Czech company), spaced plainly.
func closingResult(e app.Entry, c app.Company, reversal bool) string {
	account := c.Chart.Posting().ProfitLoss
	var net int64 // credit minus debit
	for _, l := range e.Lines {
		if l.Account == account {
			net += l.Credit - l.Debit
		}
	}
	if reversal {
		net = -net
	}
	kind := "profit"
	if net < 0 {
		kind, net = "loss", -net
	}
	if net == 0 {
		kind = "no profit or loss"
	}
	money := app.Money{Amount: net, Currency: c.BaseCurrency}.Format(reportLang("", c))
	// Plain spaces: a terminal or a script's grep has no use for no-break ones.
	return strings.ReplaceAll(money, "\u00a0", " ") + " " + kind + " (" + account + ")"
}
