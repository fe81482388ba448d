package cli

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"kontor/app"
)

// AfterSales is after-sales' commands (issue 13): the tickets listed with
// their deadlines, and a complaint's confirmation or outcome as a PDF.
func AfterSales() []Command {
	return []Command{
		{Path: "list tickets", Args: "[--status S] [--overdue] [--kind K] [--format text|csv] [--db PATH] --user NAME",
			Summary: "list the after-sales tickets (complaints, paid repairs, questions, returns), newest first — with --overdue the open ones past their deadline, soonest first — with the deadline and the days left (after-sales or admin)",
			Perm:    app.PermAftersales, Reads: true, Order: 78, setup: setupListTickets},
		{Path: "export ticket", Args: "NUMBER --out FILE.pdf [--document confirmation|outcome] [--lang cs|en] [--force] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
			Summary: "write a complaint's confirmation (potvrzení o reklamaci) or the confirmation of its outcome as a PDF; by default the outcome once the ticket is resolved or closed, else the confirmation (after-sales or admin)",
			Perm:    app.PermAftersales, Reads: true, Order: 98, setup: setupExportTicket},
	}
}

// ticketPage is how many tickets list tickets reads in one call: the
// store reads a page from its lists, never the whole bucket at once.
const ticketPage = 500

// ticketStatusFlag reads --status: a status's code, with - or _ or a space
// between its words, any case.
func ticketStatusFlag(v string) (app.TicketStatus, bool) {
	s := strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(strings.TrimSpace(v)))
	if s == "" || s == "all" {
		return "", true
	}
	for _, st := range app.TicketStatuses {
		if string(st) == s {
			return st, true
		}
	}
	return "", false
}

// ticketKindFlag reads --kind.
func ticketKindFlag(v string) (app.TicketKind, bool) {
	s := strings.ToLower(strings.TrimSpace(v))
	if s == "" || s == "all" {
		return "", true
	}
	for _, k := range app.TicketKinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

func choices[T ~string](xs []T) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return strings.Join(out, ", ")
}

func setupListTickets(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	status := fs.String("status", "", "only the tickets in status `S`: "+choices(app.TicketStatuses))
	overdue := fs.Bool("overdue", false, "only the open tickets past their deadline today, soonest deadline first")
	kind := fs.String("kind", "", "only the tickets of kind `K`: "+choices(app.TicketKinds))
	format := formatFlag(fs)
	return func([]string) int {
		st, okStatus := ticketStatusFlag(*status)
		k, okKind := ticketKindFlag(*kind)
		csvOut, okFormat := checkFormat(*format)
		switch {
		case !okStatus:
			return r.usageError(c, fs, "--status %q: choose one of %s", *status, choices(app.TicketStatuses))
		case !okKind:
			return r.usageError(c, fs, "--kind %q: choose one of %s", *kind, choices(app.TicketKinds))
		case !okFormat:
			return r.usageError(c, fs, "--format %q: choose text or csv", *format)
		case *overdue && st != "" && !st.Open():
			return r.usageError(c, fs, "--overdue with --status %s: a %s ticket is never overdue", st, st)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var tickets []app.Ticket
		var today app.Date
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermAftersales); err != nil {
				return err
			}
			today = app.Today(svc.Clock)
			var err error
			tickets, err = listTickets(ctx, svc.AfterSales, app.TicketFilter{Status: st, Kind: k, Overdue: *overdue, Today: today}, ticketPage)
			return err
		})
		if code != ExitOK {
			return code
		}
		if csvOut {
			return r.ticketsCSV(tickets, today)
		}
		if len(tickets) == 0 {
			r.printf("No tickets match.\n")
			return ExitOK
		}
		late := 0
		tw := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "Number\tKind\tStatus\tCustomer\tSubject\tComplained\tDeadline\tDays left\n")
		for _, t := range tickets {
			left := ""
			if n, ok := t.DaysLeft(today); ok {
				left = fmt.Sprintf("%4d", n)
				if t.Overdue(today) {
					left += "  OVERDUE"
					late++
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", printable(t.Number), t.Kind, t.Status, clip(printable(t.Customer.Name), maxCustomerWidth),
				clip(printable(t.Subject), maxCustomerWidth), dateText(t.Complained), dateText(t.Deadline), left)
		}
		_ = tw.Flush()
		r.printf("%s, %d of them open and past the deadline on %s.\n", count(len(tickets), "ticket", "tickets"), late, today)
		return ExitOK
	}
}

// listTickets reads the tickets matching f a page at a time, in the
// store's order.
func listTickets(ctx context.Context, as app.AfterSalesService, f app.TicketFilter, page int) ([]app.Ticket, error) {
	var out []app.Ticket
	for {
		got, total, err := as.Tickets(ctx, f, len(out), page)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
		if len(got) == 0 || len(out) >= total {
			return out, nil
		}
		if err := ctx.Err(); err != nil {
			return nil, cancelled(ctx, err)
		}
	}
}

// ticketsCSV writes the tickets as CSV: ISO dates, days_left empty when
// the ticket has no open deadline, overdue true or false.
func (r *runner) ticketsCSV(tickets []app.Ticket, today app.Date) int {
	cw := csv.NewWriter(r.env.Stdout)
	_ = cw.Write([]string{"number", "kind", "status", "customer", "consumer", "subject", "invoice", "item", "serial",
		"complained", "deadline", "days_left", "overdue", "outcome", "resolved_on", "assignee"})
	for _, t := range tickets {
		left := ""
		if n, ok := t.DaysLeft(today); ok {
			left = strconv.Itoa(n)
		}
		_ = cw.Write([]string{t.Number, string(t.Kind), string(t.Status), t.Customer.Name, strconv.FormatBool(t.Consumer), t.Subject,
			t.InvoiceNo, t.ItemName, t.Serial, dateText(t.Complained), dateText(t.Deadline), left, strconv.FormatBool(t.Overdue(today)),
			string(t.Outcome), dateText(t.ResolvedOn), t.Assignee})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return r.fail(app.Internal("writing the list", err))
	}
	return ExitOK
}

// ticketByNumber finds a ticket by its number (any case): the store's
// search narrows it, the number must then match whole.
func ticketByNumber(ctx context.Context, as app.AfterSalesService, number string) (app.Ticket, error) {
	number = strings.TrimSpace(number)
	if number != "" && !strings.ContainsAny(number, " \t") {
		f := app.TicketFilter{Search: number}
		for offset := 0; ; offset += ticketPage {
			page, total, err := as.Tickets(ctx, f, offset, ticketPage)
			if err != nil {
				return app.Ticket{}, err
			}
			for _, t := range page {
				if strings.EqualFold(t.Number, number) {
					return t, nil
				}
			}
			if len(page) == 0 || offset+len(page) >= total {
				break
			}
		}
	}
	return app.Ticket{}, app.Errorf(app.ENOTFOUND, "err.cli.ticket", "no ticket has the number {{.number}} (see “kontor list tickets”)", map[string]any{"number": number})
}

// Documents of export ticket.
const (
	docConfirmation = "confirmation"
	docOutcome      = "outcome"
)

func setupExportTicket(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	out := fs.String("out", "", "write the PDF to `FILE` (.pdf is added if missing)")
	document := fs.String("document", "", "`DOC`: confirmation (at filing) or outcome (once resolved); default: the outcome of a resolved or closed ticket, else the confirmation")
	lang := langFlag(fs)
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func(args []string) int {
		doc := strings.ToLower(strings.TrimSpace(*document))
		switch {
		case strings.TrimSpace(*out) == "":
			return r.usageError(c, fs, "--out FILE.pdf is required")
		case doc != "" && doc != docConfirmation && doc != docOutcome:
			return r.usageError(c, fs, "--document %q: choose confirmation or outcome", *document)
		case *lang != "" && !app.Lang(*lang).Valid():
			return r.usageError(c, fs, "--lang %q: choose cs or en", *lang)
		}
		dst := absPath(withPDFExt(*out))
		if !*force && exists(dst) {
			return r.fail(errExists(dst))
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var t app.Ticket
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermAftersales); err != nil {
				return err
			}
			var err error
			if t, err = ticketByNumber(ctx, svc.AfterSales, args[0]); err != nil {
				return err
			}
			if doc == "" {
				doc = docConfirmation
				if !t.Status.Open() {
					doc = docOutcome
				}
			}
			var p app.Printable
			switch {
			case t.Kind != app.TicketComplaint:
				// The store would first try the warranty check, which a
				// question without an invoice cannot have.
				return app.Errorf(app.EINVALID, "err.cli.ticket_kind", "ticket {{.number}} is a {{.kind}}: only a complaint has a confirmation and an outcome document",
					map[string]any{"number": t.Number, "kind": strings.ToLower(t.Kind.Label().Fallback)})
			case doc == docOutcome && t.Status.Open():
				return app.Errorf(app.EINVALID, "err.cli.ticket_open", "--document outcome: ticket {{.number}} is {{.status}}, not resolved; resolve it first or export the confirmation",
					map[string]any{"number": t.Number, "status": strings.ToLower(t.Status.Label().Fallback)})
			case doc == docOutcome:
				p, err = svc.AfterSales.TicketOutcome(ctx, t.ID, app.Lang(*lang))
			default:
				p, err = svc.AfterSales.TicketConfirmation(ctx, t.ID, app.Lang(*lang))
			}
			if err != nil {
				return err
			}
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			return writeAtomic(dst, *force, true, func(w io.Writer) error { return r.env.Printer.Print(w, p, company) })
		})
		if code == ExitOK {
			r.printf("Wrote the %s of ticket %s (%s, %s) to %s\n", doc, t.Number, printable(t.Customer.Name), t.Status, dst)
		}
		return code
	}
}
