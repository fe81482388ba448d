package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"kontor/app"
)

// "kontor import bank": a bank statement file (ABO/GPC or a bank's CSV
// export) is matched against the open invoices by variable symbol and
// amount. Without --dry-run the new lines are stored and the matched ones
// posted as payments at once — running the command is the user's
// confirmation — while unmatched and ambiguous lines stay pending for the
// Accounts tab. A line imported before is never stored or posted again.

// Payables is the received invoices' and the bank's commands: "kontor
// import bank".
func Payables() []Command {
	return []Command{{Path: "import bank", Args: "FILE [--dry-run] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
		Summary: "import a bank statement (ABO/GPC, or a bank's CSV export read with the column mapping remembered for its header, else found by the column names): " +
			"each incoming payment is paired with the open invoice of the same variable symbol and amount, each outgoing one with a received invoice; " +
			"the pairs are posted as payments, the rest stay pending in the Accounts tab; lines imported before are skipped, so a second import posts nothing; " +
			"--dry-run only shows the pairing (accounts or admin)",
		Perm: app.PermBank, Order: 82, setup: setupImportBank}}
}

func setupImportBank(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	dryRun := fs.Bool("dry-run", false, "show each line with its proposed pairing, without storing or posting anything")
	return func(args []string) int {
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		file := args[0]
		raw, err := readImportFile(file)
		if err != nil {
			return r.fail(err)
		}
		// A file Kontor cannot read is refused before signing in (a CSV
		// export whose header it does not know may still have a remembered
		// mapping, which needs the database).
		if err := precheckBankFile(raw); err != nil {
			return r.fail(bankRefused(file, err))
		}
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			st, mapped, err := parseBankFile(ctx, svc.Bank, raw)
			if err != nil {
				return bankRefused(file, err)
			}
			r.printf("%s: %s statement", file, strings.ToUpper(st.Format))
			if st.Account != "" {
				r.printf(" of account %s", st.Account)
			}
			if !st.From.IsZero() {
				r.printf(", %s – %s", st.From.Format(app.English), st.To.Format(app.English))
			}
			r.printf(", %s", count(len(st.Lines), "line", "lines"))
			if mapped {
				r.printf(" (read with the remembered column mapping)")
			}
			r.printf(".\n")
			if *dryRun {
				entries, err := svc.Bank.PreviewBank(ctx, st)
				if err != nil {
					return err
				}
				r.bankTable(entries)
				r.printf("Dry run: %s. Nothing was stored or posted.\n", bankTally(entries))
				return nil
			}
			return r.importBank(ctx, svc.Bank, st)
		})
		return code
	}
}

// importBank stores the statement's new lines and posts the matched ones.
func (r *runner) importBank(ctx context.Context, bank app.BankService, st app.BankStatement) error {
	res, err := bank.ImportBank(ctx, st)
	if err != nil {
		return err
	}
	var pairs []app.BankPairing
	for _, e := range res.Entries {
		if e.State == app.MatchFound {
			pairs = append(pairs, app.BankPairing{EntryID: e.ID, Kind: e.Kind, DocID: e.DocID})
		}
	}
	posted := map[string]app.BankEntry{}
	if len(pairs) > 0 {
		done, err := bank.ConfirmBank(ctx, pairs)
		if err != nil {
			return app.Errorf(app.ECONFLICT, "err.cli.bank_confirm", "the {{.n}} new lines were stored, but posting their payments failed: {{.err}}; pair them in the Accounts tab",
				map[string]any{"n": len(res.Entries), "err": app.ErrorMessage(err, nil)})
		}
		for _, e := range done {
			posted[e.ID] = e
		}
	}
	shown := make([]app.BankEntry, len(res.Entries))
	sum := app.M(0, st.Currency)
	pending := 0
	for i, e := range res.Entries {
		if p, ok := posted[e.ID]; ok {
			e = p
			if s, err := sum.Add(absMoney(e.Line.Amount)); err == nil {
				sum = s
			}
		} else if e.State != app.MatchPosted && e.State != app.MatchIgnored {
			pending++
		}
		shown[i] = e
	}
	r.bankTable(shown)
	r.printf("Imported %s; skipped %s imported before; posted %s for %s; left %s pending for the Accounts tab.\n",
		count(len(res.Entries), "new line", "new lines"), count(res.Skipped, "line", "lines"),
		count(len(posted), "payment", "payments"), sum.Format(app.English), count(pending, "line", "lines"))
	return nil
}

func absMoney(m app.Money) app.Money {
	if m.Amount < 0 {
		m.Amount = -m.Amount
	}
	return m
}

func bankRefused(file string, err error) error {
	return app.Errorf(app.EINVALID, "err.cli.bank_refused", "{{.path}}: {{.err}}; nothing was imported", map[string]any{"path": file, "err": app.ErrorMessage(err, nil)})
}

// parseBankFile reads the statement: ABO as it is, a CSV export with the
// mapping remembered for its header when there is one (mapped), else with
// the columns found by their names. Like the Accounts tab, a file whose
// header Kontor does not recognise is still read when a mapping was
// remembered for one of its first 30 lines.
func parseBankFile(ctx context.Context, bank app.BankService, data []byte) (st app.BankStatement, mapped bool, err error) {
	if isABO(data) {
		st, err = app.ParseABO(data)
		return st, false, err
	}
	lines := bankFileLines(data)
	m, gerr := app.GuessCSVMapping(data)
	if gerr == nil || m.HasHeader && m.Date >= 0 && m.Amount >= 0 {
		if m.Skip < len(lines) {
			saved, ok, err := bank.BankMapping(ctx, strings.TrimSpace(lines[m.Skip]))
			if err != nil {
				return st, false, err
			}
			if ok {
				m, mapped = saved, true
			}
		}
	} else {
		for i, l := range lines {
			if i >= 30 {
				break
			}
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			saved, ok, err := bank.BankMapping(ctx, l)
			if err != nil {
				return st, false, err
			}
			if ok {
				m, mapped = saved, true
				break
			}
		}
		if !mapped {
			st, err = app.ParseBankStatement(data)
			if err == nil {
				err = gerr
			}
			return st, false, err
		}
	}
	st, err = app.ParseBankCSV(data, m)
	return st, mapped, err
}

// precheckBankFile refuses what no mapping could read: a broken ABO file,
// a file that is not text.
func precheckBankFile(data []byte) error {
	if isABO(data) {
		_, err := app.ParseABO(data)
		return err
	}
	_, _, err := app.DecodeText(data)
	return err
}

// isABO reports whether the file's first record is an ABO statement header.
func isABO(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("074"))
}

// bankFileLines splits a statement's text into lines, as the Accounts tab
// does to find the header line a CSV mapping is remembered by (the line
// CSVMapping.Skip, without surrounding spaces).
func bankFileLines(data []byte) []string {
	text, _, err := app.DecodeText(data)
	if err != nil {
		return nil
	}
	return strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
}

// bankTable lists bank lines: date, amount, variable symbol, counterparty
// and what the matcher proposes or did.
func (r *runner) bankTable(entries []app.BankEntry) {
	if len(entries) == 0 {
		return
	}
	w := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "date\tamount\tVS\t counterparty\t state\t")
	for _, e := range entries {
		party := e.Line.CounterName
		if party == "" {
			party = e.Line.CounterAccount
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t %s\t %s\t\n", e.Line.Date.Format(app.English), e.Line.Amount.Format(app.English), e.Line.VariableSymbol,
			clip(printable(party), 30), bankState(e))
	}
	_ = w.Flush()
}

// bankState says what became of a line, in words.
func bankState(e app.BankEntry) string {
	doc := e.DocNumber
	if e.Party != "" {
		doc += " " + clip(printable(e.Party), 30)
	}
	verb := "pays "
	if e.Kind == app.PayKindPurchase && e.Line.Amount.Amount > 0 {
		verb = "refund of " // money back from a supplier after a credit note
	}
	switch e.State {
	case app.MatchFound:
		return verb + doc
	case app.MatchPosted:
		if e.Kind == app.PayKindAccount {
			return "posted to an account as " + e.DocNumber
		}
		return "posted: " + verb + doc
	case app.MatchAmbiguous:
		return "ambiguous: " + strings.Join(e.Candidates, ", ") + " (pair it in the Accounts tab)"
	case app.MatchImported:
		return "imported before"
	case app.MatchIgnored:
		return "ignored"
	}
	return "unmatched (pair it in the Accounts tab)"
}

// bankTally counts a preview's lines by state.
func bankTally(entries []app.BankEntry) string {
	n := map[app.BankMatchState]int{}
	for _, e := range entries {
		n[e.State]++
	}
	return fmt.Sprintf("%s would be posted, %s would stay pending (%d unmatched, %d ambiguous), %s imported before",
		count(n[app.MatchFound], "line", "lines"), count(n[app.MatchNone]+n[app.MatchAmbiguous], "line", "lines"),
		n[app.MatchNone], n[app.MatchAmbiguous], count(n[app.MatchImported], "line", "lines"))
}
