package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data/datatest"
)

// asEnv is a copy of the demo (its after-sales month included, at
// datatest.DefaultNow) with the servis clerk signed in, and its tickets as
// the store lists them.
func asEnv(t *testing.T) (*testEnv, *datatest.DB, []app.Ticket) {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Demo())
	tickets, _, err := db.Tickets(db.Ctx, app.TicketFilter{}, 0, 0)
	if err != nil || len(tickets) < 9 {
		t.Fatalf("the demo's tickets: %d, %v", len(tickets), err)
	}
	te := newTestEnv(t, db)
	te.vars[EnvDB] = db.Path
	te.as("servis", demo.Password)
	return te, db, tickets
}

// ticketWhere is the first of the tickets ok takes.
func ticketWhere(t *testing.T, tickets []app.Ticket, ok func(app.Ticket) bool) app.Ticket {
	t.Helper()
	for _, tk := range tickets {
		if ok(tk) {
			return tk
		}
	}
	t.Fatal("the demo has no such ticket")
	return app.Ticket{}
}

func TestListTickets(t *testing.T) {
	t.Parallel()
	te, db, tickets := asEnv(t)
	today := app.DateOf(db.Clock.Now().Local())
	late, _, err := db.Tickets(db.Ctx, app.TicketFilter{Overdue: true, Today: today}, 0, 0)
	if err != nil || len(late) != 1 {
		t.Fatalf("overdue in the store: %d, %v", len(late), err)
	}

	t.Run("a table with the deadlines", func(t *testing.T) {
		if code := te.run("list", "tickets"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		lines := strings.Split(strings.TrimSpace(te.out.String()), "\n")
		if len(lines) != len(tickets)+2 || !strings.HasPrefix(lines[0], "Number") || !strings.Contains(lines[0], "Deadline") || !strings.Contains(lines[0], "Days left") {
			t.Fatalf("%d lines for %d tickets:\n%s", len(lines), len(tickets), te.out.String())
		}
		for i, tk := range tickets { // the store's order: newest first
			line := lines[i+1]
			if !strings.HasPrefix(line, tk.Number+" ") || !strings.Contains(line, tk.Customer.Name) {
				t.Errorf("line %d %q, want %s of %s", i+1, line, tk.Number, tk.Customer.Name)
			}
			if strings.Contains(line, "OVERDUE") != tk.Overdue(today) {
				t.Errorf("%s marked overdue: %q", tk.Number, line)
			}
			if n, ok := tk.DaysLeft(today); ok && (!strings.Contains(line, tk.Deadline.String()) || !strings.Contains(line, " "+strconv.Itoa(n))) {
				t.Errorf("%s: deadline %v, %d days left: %q", tk.Number, tk.Deadline, n, line)
			}
		}
		if want := "9 tickets, 1 of them open and past the deadline on 2026-11-28."; lines[len(lines)-1] != want {
			t.Errorf("summary %q, want %q", lines[len(lines)-1], want)
		}
	})

	t.Run("overdue from the due index", func(t *testing.T) {
		if code := te.run("list", "tickets", "--overdue"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		lines := strings.Split(strings.TrimSpace(te.out.String()), "\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[1], late[0].Number+" ") || !strings.Contains(lines[1], "OVERDUE") || !strings.Contains(lines[1], "waiting_supplier") {
			t.Errorf("overdue:\n%s", te.out.String())
		}
	})

	t.Run("csv of the closed ones", func(t *testing.T) {
		if code := te.run("list", "tickets", "--status", "closed", "--format", "csv"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		rows, err := csv.NewReader(strings.NewReader(te.out.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, tk := range tickets {
			if tk.Status == app.TicketClosed {
				want++
			}
		}
		if len(rows) != want+1 || want < 3 || rows[0][0] != "number" || rows[0][11] != "days_left" || rows[0][12] != "overdue" {
			t.Fatalf("%d rows for %d closed: %v", len(rows), want, rows)
		}
		for _, r := range rows[1:] {
			if r[2] != "closed" || r[11] != "" || r[12] != "false" || r[13] == "" || r[14] == "" {
				t.Errorf("closed row %v", r)
			}
		}
	})

	t.Run("by kind, the status written with a hyphen", func(t *testing.T) {
		if code := te.run("list", "tickets", "--kind", "complaint", "--status", "Waiting-Supplier", "--format", "csv"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		rows, _ := csv.NewReader(strings.NewReader(te.out.String())).ReadAll()
		if len(rows) != 2 || rows[1][0] != late[0].Number || rows[1][1] != "complaint" || rows[1][12] != "true" || !strings.HasPrefix(rows[1][11], "-") {
			t.Errorf("waiting complaints %v", rows)
		}
	})

	for _, c := range []struct {
		name string
		args []string
		flag string
	}{
		{"unknown status", []string{"--status", "done"}, "--status"},
		{"unknown kind", []string{"--kind", "reklamace"}, "--kind"},
		{"unknown format", []string{"--format", "xml"}, "--format"},
		{"a closed ticket is never overdue", []string{"--overdue", "--status", "closed"}, "--overdue"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if code := te.run(append([]string{"list", "tickets"}, c.args...)...); code != ExitUsage || !strings.Contains(te.err.String(), c.flag) || te.out.Len() != 0 {
				t.Errorf("exit %d, stderr %q", code, te.err.String())
			}
		})
	}
	t.Run("a salesman may not", func(t *testing.T) {
		te.as("prodej", demo.Password)
		defer te.as("servis", demo.Password)
		if code := te.run("list", "tickets"); code != ExitFailure || !strings.Contains(te.err.String(), "aftersales") || te.out.Len() != 0 {
			t.Errorf("exit %d, stderr %q", code, te.err.String())
		}
	})
}

// TestListTicketsPages reads the demo's tickets two at a time, as list
// tickets does 500 at a time: each ticket once, in the store's order.
func TestListTicketsPages(t *testing.T) {
	t.Parallel()
	_, db, tickets := asEnv(t)
	for _, page := range []int{2, 4, ticketPage} {
		got, err := listTickets(db.Ctx, db.Services().AfterSales, app.TicketFilter{}, page)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(got, tickets, func(a, b app.Ticket) bool { return a.ID == b.ID }) {
			t.Errorf("page %d: %d tickets, want the %d in order", page, len(got), len(tickets))
		}
	}
}

func TestExportTicket(t *testing.T) {
	t.Parallel()
	te, _, tickets := asEnv(t)
	dir := t.TempDir()
	refunded := ticketWhere(t, tickets, func(tk app.Ticket) bool { return tk.Outcome == app.OutcomeRefunded })
	overdue := ticketWhere(t, tickets, func(tk app.Ticket) bool { return tk.Status == app.TicketWaitingSupplier })
	question := ticketWhere(t, tickets, func(tk app.Ticket) bool { return tk.Kind == app.TicketQuestion })

	t.Run("a closed complaint: its outcome", func(t *testing.T) {
		out := filepath.Join(dir, "vyrizeni")
		if code := te.run("export", "ticket", strings.ToLower(refunded.Number), "--out", out); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if !strings.Contains(te.out.String(), "Wrote the outcome of ticket "+refunded.Number) {
			t.Errorf("stdout %q", te.out.String())
		}
		text := payslipText(t, out+".pdf")
		for _, want := range []string{"Vyřízení reklamace", refunded.Number, refunded.Customer.Name, "Opravný daňový doklad", "OD2026-", "zavlhlá", "Kč"} {
			if !strings.Contains(text, want) {
				t.Errorf("the outcome lacks %q:\n%s", want, text)
			}
		}
	})

	t.Run("an open complaint: its confirmation with the deadline", func(t *testing.T) {
		out := filepath.Join(dir, "potvrzení.pdf")
		if code := te.run("export", "ticket", overdue.Number, "--out", out); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		text := payslipText(t, out)
		for _, want := range []string{"Potvrzení o uplatnění reklamace", overdue.Number, overdue.Customer.Name, overdue.Customer.Email, "výměna za novou věc", strings.ReplaceAll(overdue.Deadline.Format(app.Czech), "\u00a0", " ")} {
			if !strings.Contains(text, want) {
				t.Errorf("the confirmation lacks %q:\n%s", want, text)
			}
		}
		// Again in English, over the first one with --force.
		if code := te.run("export", "ticket", overdue.Number, "--out", out, "--lang", "en", "--force", "--document", "confirmation"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if en := payslipText(t, out); en == text || !strings.Contains(en, overdue.Number) || strings.Contains(en, "Potvrzení o uplatnění") {
			t.Errorf("the English confirmation:\n%s", en)
		}
	})

	for _, c := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no --out", []string{overdue.Number}, ExitUsage, "--out FILE.pdf is required"},
		{"an unknown document", []string{overdue.Number, "--out", "x.pdf", "--document", "protokol"}, ExitUsage, "--document"},
		{"an unknown language", []string{overdue.Number, "--out", "x.pdf", "--lang", "de"}, ExitUsage, "--lang"},
		{"an unknown number", []string{"RK2026-9999", "--out", "x.pdf"}, ExitFailure, "no ticket has the number RK2026-9999"},
		{"the outcome of an open case", []string{overdue.Number, "--out", "x.pdf", "--document", "outcome"}, ExitFailure, "--document outcome: ticket " + overdue.Number + " is waiting for supplier, not resolved"},
		{"a question has no documents", []string{question.Number, "--out", "x.pdf"}, ExitFailure, "is a question: only a complaint"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"export", "ticket"}, c.args...)
			for i, a := range args {
				if a == "x.pdf" {
					args[i] = filepath.Join(dir, "x.pdf")
				}
			}
			if code := te.run(args...); code != c.code || !strings.Contains(te.err.String(), c.says) {
				t.Errorf("exit %d, stderr %q", code, te.err.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
				t.Error("a refused export wrote its file")
			}
		})
	}
	t.Run("an existing file is kept", func(t *testing.T) {
		out := filepath.Join(dir, "jiny.pdf")
		if err := os.WriteFile(out, []byte("mine"), 0o600); err != nil {
			t.Fatal(err)
		}
		if code := te.run("export", "ticket", overdue.Number, "--out", out); code != ExitFailure || !strings.Contains(te.err.String(), "--force") {
			t.Errorf("exit %d, stderr %q", code, te.err.String())
		}
		if b, _ := os.ReadFile(out); string(b) != "mine" {
			t.Error("the file was replaced")
		}
	})
}
