package pdf

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"kontor/app"
	"kontor/assets"
)

// testPrinter dates its PDFs at the fixtures' fixed time.
var testPrinter = Printer{Now: func() time.Time { return created }}

// printFile prints doc through the Printer and returns the PDF and its path.
func printFile(t *testing.T, doc app.Printable, c app.Company) ([]byte, string) {
	t.Helper()
	var b bytes.Buffer
	if err := testPrinter.Print(&b, doc, c); err != nil {
		t.Fatalf("Print %s: %v", doc.PrintName(), err)
	}
	path := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), path
}

// pageSizes lists each page's size in points as pdfinfo reads it.
func pageSizes(t *testing.T, path string) []string {
	t.Helper()
	need(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "999", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	var sizes []string
	for _, m := range regexp.MustCompile(`Page +\d+ size: +([\d.]+ x [\d.]+)`).FindAllStringSubmatch(string(out), -1) {
		sizes = append(sizes, m[1])
	}
	return sizes
}

const (
	a4Portrait  = "595.28 x 841.89"
	a4Landscape = "841.89 x 595.28"
	badgeSize   = "255.12 x 155.91"
)

// TestPrintEveryKind prints one of each Printable kind: the same bytes as
// the renderer of that kind, the text pdftotext reads in the kind's
// language, on pages of the kind's size; pointers print as their values.
func TestPrintEveryKind(t *testing.T) {
	c := stCompany()
	c.Logo = testLogo(t)
	inv := czkInvoice()
	inv.Lang = app.English
	st := stFixture(2)
	report := trialBalanceCS()
	visit := app.Visit{Visitor: "Zdeňka Šťastná", Company: "Pražírna Žlutý Čáp", Host: "prodej", Badge: "V-07",
		In: time.Date(2026, 11, 2, 8, 45, 0, 0, time.Local)}
	opt := func(lang app.Lang) Options {
		return Options{Lang: lang, Logo: c.Logo, BaseCurrency: c.BaseCurrency, Created: created}
	}
	var want bytes.Buffer
	for _, k := range []struct {
		doc   app.Printable
		lang  app.Lang
		old   func(w io.Writer) error
		texts []string
		size  string
	}{
		{inv, app.English, func(w io.Writer) error { return RenderDocument(w, inv, opt(app.English)) },
			[]string{"Invoice", inv.Number, "Total"}, a4Portrait},
		{&inv, app.English, func(w io.Writer) error { return RenderDocument(w, inv, opt(app.English)) },
			[]string{inv.Number}, a4Portrait},
		{st, app.Czech, func(w io.Writer) error { return StatementRenderer{Created: created}.Statement(w, st, c) },
			[]string{"Výpis", st.Customer.Name, "FV2026-1000"}, a4Portrait},
		{report, app.Czech, func(w io.Writer) error { return ReportRenderer{Created: created}.Report(w, report, c) },
			[]string{"Obratová předvaha", "Strana 1"}, a4Portrait},
		{app.Badge{Visit: visit}, app.Czech, func(w io.Writer) error { return RenderBadge(w, visit, c, opt(app.Czech)) },
			[]string{"NÁVŠTĚVA", "VISITOR", "Zdeňka Šťastná", "V-07"}, badgeSize},
		{app.Badge{Visit: visit, Lang: app.English}, app.English, func(w io.Writer) error { return RenderBadge(w, visit, c, opt(app.English)) },
			[]string{"VISITOR", "Zdeňka Šťastná", "Badge no."}, badgeSize},
	} {
		name := k.doc.PrintName()
		if k.doc.PrintLang() != k.lang {
			t.Errorf("%s: PrintLang %s, want %s", name, k.doc.PrintLang(), k.lang)
		}
		got, path := printFile(t, k.doc, c)
		want.Reset()
		if err := k.old(&want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: the Printer's PDF differs from its renderer's (%d vs %d bytes)", name, len(got), len(want.Bytes()))
		}
		text := strings.Join(pages(t, path), "\f")
		mustContain(t, name, text, k.texts...)
		if sizes := pageSizes(t, path); len(sizes) == 0 || sizes[0] != k.size {
			t.Errorf("%s: page sizes %v, want %s", name, sizes, k.size)
		}
	}
	if strings.Contains(strings.Join(pages(t, func() string { _, p := printFile(t, app.Badge{Visit: visit, Lang: app.English}, c); return p }()), ""), "NÁVŠTĚVA") {
		t.Error("an English badge says NÁVŠTĚVA")
	}
}

// unknownPrintable is a kind the Printer has no case for.
type unknownPrintable struct{}

func (unknownPrintable) PrintLang() app.Lang { return app.Czech }
func (unknownPrintable) PrintName() string   { return "?" }

func TestPrintUnknownKind(t *testing.T) {
	var b bytes.Buffer
	if err := testPrinter.Print(&b, unknownPrintable{}, stCompany()); app.ErrorCode(err) != app.EINTERNAL || b.Len() != 0 {
		t.Errorf("unknown kind: %v, %d bytes", err, b.Len())
	}
	var nilDoc *app.SalesDoc
	if err := testPrinter.Print(&b, nilDoc, stCompany()); app.ErrorCode(err) != app.EINTERNAL {
		t.Errorf("nil document: %v", err)
	}
	err := testPrinter.PrintAll(context.Background(), &b, pullPrintables([]app.Printable{czkInvoice(), unknownPrintable{}}), stCompany(), nil)
	if app.ErrorCode(err) != app.EINTERNAL {
		t.Errorf("PrintAll of an unknown kind: %v", err)
	}
}

// pullPrintables yields docs one by one, then io.EOF.
func pullPrintables(docs []app.Printable) func() (app.Printable, error) {
	return func() (app.Printable, error) {
		if len(docs) == 0 {
			return nil, io.EOF
		}
		d := docs[0]
		docs = docs[1:]
		return d, nil
	}
}

// TestPrintAllMixed prints invoices, statements, a landscape report and
// badges into one PDF: every document in the order given, each on pages of
// its own size, each in its own language, progress after each.
func TestPrintAllMixed(t *testing.T) {
	c := stCompany()
	inv1, inv2 := czkInvoice(), eurInvoice()
	inv2.Lang = app.English
	st := stFixture(2)
	wide := app.ReportTable{Kind: app.ReportLedger, Title: "Hlavní kniha", Period: "2026", Lang: app.Czech}
	for i := 0; i < 8; i++ {
		wide.Columns = append(wide.Columns, app.ReportColumn{Title: "Sloupec " + itoa(i), Numeric: i > 0})
	}
	wide.Rows = []app.ReportRow{{Cells: []string{"221", "1", "2", "3", "4", "5", "6", "7"}}}
	visit := app.Visit{Visitor: "Jan Novák", Company: "Truhlářství", Host: "prodej", Badge: "V-01", In: time.Date(2026, 11, 2, 9, 0, 0, 0, time.Local)}
	docs := []app.Printable{inv1, inv2, st, st, wide, app.Badge{Visit: visit}, &inv1}
	var b bytes.Buffer
	var done []int
	if err := testPrinter.PrintAll(context.Background(), &b, pullPrintables(docs), c, func(n int) { done = append(done, n) }); err != nil {
		t.Fatal(err)
	}
	if len(done) != len(docs) || done[len(done)-1] != len(docs) {
		t.Errorf("progress %v", done)
	}
	path := filepath.Join(t.TempDir(), "all.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ps := pages(t, path)
	sizes := pageSizes(t, path)
	want := []string{a4Portrait, a4Portrait, a4Portrait, a4Portrait, a4Landscape, badgeSize, a4Portrait}
	if len(ps) != len(want) || strings.Join(sizes, ",") != strings.Join(want, ",") {
		t.Fatalf("%d pages of sizes %v, want %v", len(ps), sizes, want)
	}
	mustContain(t, "first invoice (Czech)", ps[0], inv1.Number, "Faktura")
	mustContain(t, "second invoice (English)", ps[1], inv2.Number, "Invoice")
	mustContain(t, "statement", ps[2], "Výpis", st.Customer.Name)
	mustContain(t, "report", ps[4], "Hlavní kniha", "Sloupec 7")
	mustContain(t, "badge", ps[5], "NÁVŠTĚVA", "Jan Novák")
	mustContain(t, "last invoice", ps[6], inv1.Number)

	// Deterministic: the same documents make the same bytes.
	var again bytes.Buffer
	if err := testPrinter.PrintAll(context.Background(), &again, pullPrintables(docs), c, nil); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Errorf("a second PrintAll differs (%v)", err)
	}
	// Nothing to print, a failing source, a cancelled context.
	if err := testPrinter.PrintAll(context.Background(), &again, pullPrintables(nil), c, nil); !errors.Is(err, ErrNoDocuments) {
		t.Errorf("no documents: %v", err)
	}
	boom := errors.New("boom")
	if err := testPrinter.PrintAll(context.Background(), &again, func() (app.Printable, error) { return nil, boom }, c, nil); !errors.Is(err, boom) {
		t.Errorf("failing source: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := testPrinter.PrintAll(ctx, &again, pullPrintables(docs), c, nil); app.ErrorCode(err) != app.ECONFLICT {
		t.Errorf("cancelled: %v", err)
	}
}

// TestPrintAllSameAsBatch: a run of sales documents prints exactly as
// RenderBatch does, statements as StatementRenderer.Combined.
func TestPrintAllSameAsBatch(t *testing.T) {
	c := stCompany()
	docs := []app.SalesDoc{czkInvoice(), eurInvoice(), creditNote(), longInvoice(40)}
	var ps []app.Printable
	for _, d := range docs {
		ps = append(ps, d)
	}
	var got, want bytes.Buffer
	if err := testPrinter.PrintAll(context.Background(), &got, pullPrintables(ps), c, nil); err != nil {
		t.Fatal(err)
	}
	i := 0
	next := func() (app.SalesDoc, error) {
		if i == len(docs) {
			return app.SalesDoc{}, io.EOF
		}
		i++
		return docs[i-1], nil
	}
	if err := RenderBatch(context.Background(), &want, next, Options{Lang: app.Czech, BaseCurrency: c.BaseCurrency, Created: created}, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("PrintAll of sales documents differs from RenderBatch (%d vs %d bytes)", got.Len(), want.Len())
	}
	sts := []app.Statement{stFixture(1), stFixture(3)}
	ps = []app.Printable{sts[0], sts[1]}
	got.Reset()
	want.Reset()
	if err := testPrinter.PrintAll(context.Background(), &got, pullPrintables(ps), c, nil); err != nil {
		t.Fatal(err)
	}
	j := 0
	nextSt := func() (app.Statement, error) {
		if j == len(sts) {
			return app.Statement{}, io.EOF
		}
		j++
		return sts[j-1], nil
	}
	if err := (StatementRenderer{Created: created}).Combined(context.Background(), &want, nextSt, c, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("PrintAll of statements differs from Combined (%d vs %d bytes)", got.Len(), want.Len())
	}
}

// TestCutFontsUpToDate: the fonts cut at build time (go generate in
// assets) are what fpdf's cutter makes of the whole fonts and the ranges
// today, so the build-time cut can never drift from the library or the
// ranges.
func TestCutFontsUpToDate(t *testing.T) {
	for _, f := range []struct {
		name      string
		full, cut []byte
	}{{"regular", assets.FontRegular, assets.FontRegularCut}, {"bold", assets.FontBold, assets.FontBoldCut}} {
		if want := fpdf.UTF8CutFont(f.full, cutSet()); !bytes.Equal(f.cut, want) || len(want) == 0 {
			t.Errorf("the cut %s font (%d bytes) is not what the cutter makes (%d bytes): run go generate ./assets", f.name, len(f.cut), len(want))
		}
	}
}
