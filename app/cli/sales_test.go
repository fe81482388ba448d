package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kontor/app"
	"kontor/app/mock"
	"kontor/data/datatest"
)

// pdfLog records what a test's PDF renderer (a mock) was asked to render:
// a line of text after a PDF header per document, so tests read back what
// was rendered and in which order. The PDFs themselves are app/pdf's, tested
// there and end to end in package main.
type pdfLog struct {
	docs    []string // numbers rendered, in order
	batches int
	// afterDoc, if set, runs after each document of a batch or folder.
	afterDoc func(n int)
}

func (p *pdfLog) renderer() *mock.Printer {
	return &mock.Printer{
		PrintFn: func(w io.Writer, doc app.Printable, c app.Company) error {
			d, ok := doc.(app.SalesDoc)
			if !ok {
				return fmt.Errorf("a sales printer was given a %T", doc)
			}
			p.docs = append(p.docs, d.Number)
			_, err := fmt.Fprintf(w, "%%PDF-1.3 test\n%s %s %s %s\n", d.Number, d.Lang, d.Customer.Name, c.Name)
			if p.afterDoc != nil {
				p.afterDoc(len(p.docs))
			}
			return err
		},
		PrintAllFn: func(ctx context.Context, w io.Writer, next func() (app.Printable, error), c app.Company, progress func(int)) error {
			p.batches++
			fmt.Fprintln(w, "%PDF-1.3 test batch")
			for n := 1; ; n++ {
				if ctx.Err() != nil {
					return app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
				}
				doc, err := next()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
				d, ok := doc.(app.SalesDoc)
				if !ok {
					return fmt.Errorf("a sales batch was given a %T", doc)
				}
				p.docs = append(p.docs, d.Number)
				fmt.Fprintf(w, "%s %s\n", d.Number, d.Lang)
				progress(n)
				if p.afterDoc != nil {
					p.afterDoc(n)
				}
			}
		},
	}
}

// salesEnv is a test environment whose database is a copy of the demo,
// signed in as the demo admin, with a recording PDF renderer.
func salesEnv(t *testing.T) (*testEnv, *pdfLog, *datatest.DB) {
	t.Helper()
	te, db := demoEnv(t)
	p := &pdfLog{}
	te.Printer = p.renderer()
	return te, p, db
}

// allDocs are db's sales documents of every kind, newest first.
func allDocs(t *testing.T, db *datatest.DB) []app.SalesDoc {
	t.Helper()
	docs, _, err := db.Documents(db.Ctx, app.DocFilter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// issuedInvoices returns the numbers of the store's issued invoices issued
// from..to, in number order.
func issuedInvoices(t *testing.T, db *datatest.DB, from, to app.Date) []string {
	t.Helper()
	var out []string
	for _, d := range allDocs(t, db) {
		if d.Kind == app.KindInvoice && d.Status == app.StatusIssued && !d.IssueDate.Before(from) && !d.IssueDate.After(to) {
			out = append(out, d.Number)
		}
	}
	sort.Strings(out)
	return out
}

func TestListInvoices(t *testing.T) {
	t.Parallel()
	te, _, db := salesEnv(t)
	if code := te.run("list", "invoices", "--from", "1.10.2026", "--to", "2026-10-31", "--format", "csv"); code != ExitOK {
		t.Fatalf("csv: exit %d %s", code, te.err.String())
	}
	rows, err := csv.NewReader(strings.NewReader(te.out.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Errorf("header %v", rows[0])
	}
	want := issuedInvoices(t, db, app.D(2026, 10, 1), app.D(2026, 10, 31))
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[0])
		if r[1] != "invoice" || !strings.HasPrefix(r[2], "2026-10-") || !strings.Contains(r[9], ".") || r[10] == "" {
			t.Errorf("row %v", r)
		}
		d, _ := db.DocumentByNumber(db.Ctx, r[0])
		if r[9] != app.FormatMinor(d.Totals.Total, 2, "") || r[5] != d.Customer.Name || r[13] != string(d.StatusOn(app.DateOf(db.Clock.Now()))) {
			t.Errorf("row %v for %+v", r, d.Totals)
		}
	}
	if len(want) < 10 || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("csv lists %v, want %v", got, want)
	}

	if code := te.run("list", "invoices", "--from", "1.10.2026", "--to", "31.10.2026"); code != ExitOK {
		t.Fatalf("text: exit %d %s", code, te.err.String())
	}
	out := te.out.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want)+2 || !strings.HasPrefix(lines[0], "Number") || !strings.Contains(lines[len(lines)-1], fmt.Sprintf("%d invoices, total", len(want))) {
		t.Errorf("text table:\n%s", out)
	}
	// The totals column is right-aligned: every row ends its amount at the same rune.
	col := -1
	for _, l := range lines[1 : len(lines)-1] {
		i := strings.Index(l, " CZK ")
		if i < 0 {
			i = strings.Index(l, " EUR ")
		}
		if n := len([]rune(l[:i])); col >= 0 && n != col {
			t.Errorf("totals not aligned:\n%s", out)
			break
		} else {
			col = n
		}
	}

	// Filters: status, kind.
	te.run("list", "invoices", "--status", "overdue", "--format", "csv")
	rows, _ = csv.NewReader(strings.NewReader(te.out.String())).ReadAll()
	if len(rows) < 4 {
		t.Errorf("overdue: %d rows", len(rows))
	}
	for _, r := range rows[1:] {
		if r[13] != "overdue" || r[12] == "0.00" {
			t.Errorf("overdue row %v", r)
		}
	}
	te.run("list", "invoices", "--kind", "all", "--format", "csv")
	kinds := map[string]bool{}
	rows, _ = csv.NewReader(strings.NewReader(te.out.String())).ReadAll()
	for _, r := range rows[1:] {
		kinds[r[1]] = true
	}
	if len(kinds) != 4 {
		t.Errorf("--kind all lists %v", kinds)
	}
	te.run("list", "invoices", "--kind", "credit_note")
	if !strings.Contains(te.out.String(), "credit notes, total -") {
		t.Errorf("credit notes:\n%s", te.out.String())
	}
	if code := te.run("list", "invoices", "--from", "1.1.2020", "--to", "31.1.2020"); code != ExitOK || !strings.Contains(te.out.String(), "No invoices match.") {
		t.Errorf("empty period: exit %d %q", code, te.out.String())
	}
}

func TestListAndExportRefusals(t *testing.T) {
	t.Parallel()
	te, p, _ := salesEnv(t)
	for _, args := range [][]string{
		{"list", "invoices", "--from", "31.2.2026"},
		{"list", "invoices", "--to", "tomorrow"},
		{"list", "invoices", "--kind", "receipt"},
		{"list", "invoices", "--status", "lost"},
		{"list", "invoices", "--format", "xlsx"},
		{"list", "invoices", "extra"},
		{"list"},
		{"export"},
		{"export", "invoice"},
		{"export", "invoice", "FV2026-0001", "FV2026-0002"},
		{"export", "invoices", "--to", "1.1.2026", "--out", "x.pdf"},
		{"export", "invoices", "--from", "1.1.2026", "--to", "31.1.2026"},
	} {
		if code := te.run(args...); code != ExitUsage || !strings.Contains(te.err.String(), "Usage") {
			t.Errorf("%v: exit %d, stderr %q", args, code, te.err.String())
		}
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "invoices", "--from", "2.1.2026", "--to", "1.1.2026"}, "before its start"},
		{[]string{"export", "invoices", "--from", "2.1.2026", "--to", "1.1.2026", "--out", dir}, "before its start"},
		{[]string{"export", "invoice", "FV1999-0001", "--out", filepath.Join(dir, "x")}, "there is no document FV1999-0001"},
		{[]string{"export", "invoices", "--from", "1.1.2020", "--to", "31.1.2020", "--out", dir}, "no invoices match"},
		{[]string{"list", "invoices", "--user", "sklad"}, "may not do this (sales.read)"},
		{[]string{"export", "invoice", "FV2026-0001", "--user", "recepce", "--out", filepath.Join(dir, "x")}, "may not do this (sales.read)"},
	} {
		if code := te.run(tc.args...); code != ExitFailure || !strings.Contains(te.err.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, te.err.String(), tc.want)
		}
	}
	// The accountant reads sales documents too.
	if code := te.run("list", "invoices", "--user", "ucetni"); code != ExitOK {
		t.Errorf("accounts: exit %d %s", code, te.err.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 || len(p.docs) != 0 {
		t.Errorf("refusals wrote %v, rendered %v", entries, p.docs)
	}
}

func TestExportInvoice(t *testing.T) {
	t.Parallel()
	te, p, db := salesEnv(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "faktura")
	if code := te.run("export", "invoice", "fv2026-0003", "--out", out); code != ExitOK {
		t.Fatalf("exit %d %s", code, te.err.String())
	}
	body, err := os.ReadFile(out + ".pdf")
	if err != nil || !bytes.HasPrefix(body, []byte("%PDF")) || !strings.Contains(string(body), "FV2026-0003 cs") || !strings.Contains(te.out.String(), "Wrote invoice FV2026-0003") {
		t.Fatalf("file %q (%v), stdout %q", body, err, te.out.String())
	}
	if len(p.docs) != 1 || p.docs[0] != "FV2026-0003" {
		t.Errorf("rendered %v", p.docs)
	}
	if code := te.run("export", "invoice", "FV2026-0004", "--out", out+".PDF", "--force"); code != ExitOK || !exists(out+".PDF") {
		t.Errorf(".PDF: exit %d %q", code, te.err.String())
	}
	_ = os.Remove(out + ".PDF")
	if code := te.run("export", "invoice", "FV2026-0004", "--out", out+".pdf"); code != ExitFailure || !strings.Contains(te.err.String(), "--force") {
		t.Errorf("overwrite: exit %d %q", code, te.err.String())
	}
	if body2, _ := os.ReadFile(out + ".pdf"); !bytes.Equal(body, body2) {
		t.Error("a refused export changed the file")
	}
	if code := te.run("export", "invoice", "FV2026-0004", "--out", out+".pdf", "--force"); code != ExitOK {
		t.Errorf("--force: exit %d %q", code, te.err.String())
	}
	// A foreign customer's invoice is rendered in English; a credit note by its number.
	var eur, cn string
	for _, d := range allDocs(t, db) {
		switch {
		case d.Kind == app.KindInvoice && d.Currency == "EUR" && eur == "":
			eur = d.Number
		case d.Kind == app.KindCreditNote && cn == "":
			cn = d.Number
		}
	}
	for _, number := range []string{eur, cn} {
		if code := te.run("export", "invoice", number, "--out", filepath.Join(dir, number)); code != ExitOK {
			t.Errorf("%s: exit %d %s", number, code, te.err.String())
		}
	}
	if body, _ := os.ReadFile(filepath.Join(dir, eur+".pdf")); !strings.Contains(string(body), eur+" en") {
		t.Errorf("EUR invoice rendered %q", body)
	}
	// The render failing leaves nothing behind.
	te.Printer = &mock.Printer{PrintFn: func(io.Writer, app.Printable, app.Company) error { return errors.New("boom") }}
	if code := te.run("export", "invoice", "FV2026-0005", "--out", filepath.Join(dir, "bad.pdf")); code != ExitFailure {
		t.Errorf("failed render: exit %d", code)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{cn + ".pdf", eur + ".pdf", "faktura.pdf"}
	sort.Strings(want)
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("folder holds %v, want %v", names, want)
	}
}

func TestExportInvoicesCombinedAndFolder(t *testing.T) {
	t.Parallel()
	te, p, db := salesEnv(t)
	dir := t.TempDir()
	want := issuedInvoices(t, db, app.D(2026, 9, 1), app.D(2026, 10, 31))
	all := filepath.Join(dir, "zari-rijen.pdf")
	if code := te.run("export", "invoices", "--from", "1.9.2026", "--to", "31.10.2026", "--out", all); code != ExitOK {
		t.Fatalf("combined: exit %d %s", code, te.err.String())
	}
	if p.batches != 1 || strings.Join(p.docs, " ") != strings.Join(want, " ") {
		t.Errorf("batch rendered %v, want %v", p.docs, want)
	}
	if !strings.Contains(te.err.String(), "100 %") || !strings.Contains(te.out.String(), fmt.Sprintf("Wrote %d invoices", len(want))) {
		t.Errorf("stdout %q stderr %q", te.out.String(), te.err.String())
	}
	if body, _ := os.ReadFile(all); !bytes.HasPrefix(body, []byte("%PDF")) {
		t.Errorf("combined file %q", body)
	}
	if code := te.run("export", "invoices", "--from", "1.9.2026", "--to", "31.10.2026", "--out", all); code != ExitFailure {
		t.Errorf("second combined export: exit %d", code)
	}

	p.docs = nil
	folder := filepath.Join(dir, "faktury")
	if code := te.run("export", "invoices", "--from", "1.9.2026", "--to", "31.10.2026", "--out", folder); code != ExitOK {
		t.Fatalf("folder: exit %d %s", code, te.err.String())
	}
	entries, _ := os.ReadDir(folder)
	if len(entries) != len(want) {
		t.Fatalf("folder has %d files, want %d", len(entries), len(want))
	}
	for i, e := range entries {
		if e.Name() != want[i]+".pdf" {
			t.Errorf("file %s, want %s.pdf", e.Name(), want[i])
		}
	}
	if code := te.run("export", "invoices", "--from", "1.9.2026", "--to", "31.10.2026", "--out", folder); code != ExitFailure || !strings.Contains(te.err.String(), "exist already") {
		t.Errorf("second folder export: exit %d %q", code, te.err.String())
	}
	if code := te.run("export", "invoices", "--from", "1.9.2026", "--to", "31.10.2026", "--out", folder, "--force"); code != ExitOK {
		t.Errorf("--force: exit %d %q", code, te.err.String())
	}
}

func TestExportInvoicesCancelled(t *testing.T) {
	t.Parallel()
	for _, combined := range []bool{true, false} {
		te, p, _ := salesEnv(t)
		dir := t.TempDir()
		out := filepath.Join(dir, "out")
		if combined {
			out += ".pdf"
		}
		ctx, cancel := context.WithCancel(context.Background())
		p.afterDoc = func(n int) {
			if n == 3 {
				cancel() // Ctrl-C
			}
		}
		te.out.Reset()
		te.err.Reset()
		code := Run(ctx, []string{"export", "invoices", "--from", "1.1.2026", "--to", "30.6.2026", "--out", out}, te.Env)
		cancel()
		if code != ExitInterrupted || !strings.Contains(te.err.String(), "cancelled") {
			t.Errorf("combined %v: exit %d, stderr %q", combined, code, te.err.String())
		}
		var left []string
		_ = filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				left = append(left, path)
			}
			return nil
		})
		if len(left) != 0 {
			t.Errorf("combined %v: a cancelled export left %v", combined, left)
		}
	}
}

// TestExportInvoicesCancelledKeepsReplaced: a cancelled folder export with
// --force removes the files it made but keeps those it had already replaced
// (their old content is gone; removing them would lose the document).
func TestExportInvoicesCancelledKeepsReplaced(t *testing.T) {
	t.Parallel()
	te, p, _ := salesEnv(t)
	dir := filepath.Join(t.TempDir(), "out")
	args := []string{"export", "invoices", "--from", "1.1.2026", "--to", "30.6.2026", "--out", dir}
	if code := te.run(args...); code != ExitOK {
		t.Fatalf("first export: exit %d %s", code, te.err.String())
	}
	first := append([]string(nil), p.docs...)
	if len(first) < 4 {
		t.Fatalf("only %d documents to export", len(first))
	}
	for _, n := range first[1:] {
		_ = os.Remove(filepath.Join(dir, fileName(n)))
	}
	p.docs = nil
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p.afterDoc = func(n int) {
		if n == 3 {
			cancel() // Ctrl-C
		}
	}
	te.err.Reset()
	if code := Run(ctx, append(args, "--force"), te.Env); code != ExitInterrupted || !strings.Contains(te.err.String(), "cancelled") {
		t.Fatalf("cancelled export: exit %d, stderr %q", code, te.err.String())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != fileName(first[0]) {
		t.Errorf("left %v, want only the replaced %s", entries, fileName(first[0]))
	}
}

// TestEachRowPages lists the demo's documents a few rows a page, as list
// invoices does 500 at a time: every document once, drafts only when asked.
func TestEachRowPages(t *testing.T) {
	t.Parallel()
	db := datatest.MustOpen(t, datatest.Demo())
	all, total, err := db.DocRows(db.Ctx, app.DocFilter{}, 0, 0)
	if err != nil || len(all) != total || total < 100 {
		t.Fatalf("%d rows of %d: %v", len(all), total, err)
	}
	want := map[string]bool{}
	for _, r := range all {
		if r.Status != app.StatusDraft {
			want[r.ID] = true
		}
	}
	for _, page := range []int{7, total, rowPage} {
		got := map[string]int{}
		err := eachRow(db.Ctx, db.Services().Sales, docQuery{all: true}, page, func(r app.DocRow) error {
			got[r.ID]++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for id, n := range got {
			if n != 1 || !want[id] {
				t.Errorf("page %d: %s listed %d times (wanted: %v)", page, id, n, want[id])
			}
		}
		if len(got) != len(want) {
			t.Errorf("page %d: %d documents listed, want %d", page, len(got), len(want))
		}
	}
	// A stop asked for by fn stops the listing with its error.
	stop := errors.New("stop")
	n := 0
	if err := eachRow(db.Ctx, db.Services().Sales, docQuery{all: true}, 7, func(app.DocRow) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("stopped: %v after %d", err, n)
	}
}
