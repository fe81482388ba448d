package pdf

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
)

func TestClean(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Plain ASCII 123", "Plain ASCII 123"},
		{"Žluťoučký kůň – „ódy“ 1 234,50 €", "Žluťoučký kůň – „ódy“ 1 234,50 €"},
		{"Café ☕ 😀", "Café ☕ □"},
		{"a\x01b\x7fc", "a□b□c"},
		{"tab\there", "tab here"},
		{"one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"},
		{"bad \xff\xfe", "bad □□"},
		{"中", "□"},
		{"😀😀", "□□"},
	}
	for _, c := range cases {
		if got := clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := oneLine("a\r\nb\nc"); got != "a b c" {
		t.Errorf("oneLine = %q", got)
	}
}

// TestUnprintableCharactersInvoice prints an invoice whose customer, lines,
// note and supplier carry emoji, CJK and control characters: it used to
// panic fpdf (index out of range [65536]); now each such character prints
// as □ and the rest of the text is intact.
func TestUnprintableCharactersInvoice(t *testing.T) {
	d := czkInvoice()
	d.Customer.Name = "Kavárna ☕ 😀 Úsměv s.r.o."
	d.Customer.Street = "Ulice\x01 7"
	d.Lines[0].Text = "Dort 🎂 s 中 svíčkami"
	d.Note = "Díky 🙏!"
	d.Supplier.Name = "Kontor 🚀 s.r.o."
	d = finish(d)
	path := render(t, d, csOpts())
	p := pages(t, path)[0]
	mustContain(t, "substitutes", p, "Kavárna ☕ □ Úsměv s.r.o.", "Ulice□ 7", "Dort □ s □ svíčkami", "Díky □!", "Kontor □ s.r.o.")
	mustNotContain(t, "substitutes", p, "😀", "🎂")
}

func TestUnprintableCharactersStatementAndReport(t *testing.T) {
	st := stFixture(2)
	st.Customer.Name = "Emoji 😀 zákazník"
	p := pages(t, renderStatementFile(t, st, csOpts()))[0]
	mustContain(t, "statement", p, "Emoji □ zákazník")

	tb := trialBalanceCS()
	tb.Title = "Rozvaha 📊"
	tb.Rows[1].Cells[1] = "Účet 💰 pokladna"
	path, _ := reportFile(t, tb)
	rp := pages(t, path)[0]
	mustContain(t, "report", rp, "Rozvaha □", "Účet □ pokladna")
}

func TestUnprintableCharactersBadge(t *testing.T) {
	v := app.Visit{Visitor: "Jana 😀 Nováková", Company: "Firma ☕", Host: "Petr \x01", Badge: "B😀1"}
	var b bytes.Buffer
	if err := RenderBadge(&b, v, stCompany(), csOpts()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "badge.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p := strings.Join(strings.Fields(pages(t, path)[0]), " ")
	mustContain(t, "badge", p, "Jana □ Nováková", "Firma ☕", "B□1")
}

// fpdfTextMethods are the methods of *fpdf.Fpdf that take a text to draw,
// measure, wrap or store: only sanitize.go may call them.
var fpdfTextMethods = map[string]bool{
	"Cell": true, "CellFormat": true, "Cellf": true, "MultiCell": true, "Text": true,
	"Write": true, "Writef": true, "WriteAligned": true, "WriteLinkID": true, "WriteLinkString": true,
	"SplitText": true, "SplitLines": true, "GetStringWidth": true, "GetStringSymbolWidth": true,
	"SetTitle": true, "SetAuthor": true, "SetSubject": true, "SetKeywords": true,
}

// TestOneDoorToFpdf fails when a file other than sanitize.go hands fpdf a
// text directly (the package's *fpdf.Fpdf is always named f: r.f, b.f, f),
// bypassing clean.
func TestOneDoorToFpdf(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := gotoken.NewFileSet()
	for _, name := range files {
		if name == "sanitize.go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !fpdfTextMethods[sel.Sel.Name] {
				return true
			}
			recv := sel.X
			if s, ok := recv.(*ast.SelectorExpr); ok {
				recv = s.Sel
			}
			if id, ok := recv.(*ast.Ident); ok && id.Name == "f" {
				t.Errorf("%s: f.%s called outside sanitize.go; use drawCell, drawText, textWidth, splitLines or setInfo", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}

// TestBatchPanicIsAnError: a panic while a chunk is drawn (on its own
// goroutine, where it would end the process) comes back as an error.
func TestBatchPanicIsAnError(t *testing.T) {
	docs := []int{1, 2, 3}
	i := 0
	next := func() (int, error) {
		if i == len(docs) {
			return 0, io.EOF
		}
		i++
		return docs[i-1], nil
	}
	draw := func(context.Context, []int) chunkResult { panic("index out of range [65536]") }
	var b bytes.Buffer
	err := streamChunks(context.Background(), &b, next, func(int) int { return 1 }, draw, nil)
	if err == nil || app.ErrorCode(err) != app.EINTERNAL || !strings.Contains(err.Error(), "65536") {
		t.Fatalf("err = %v, want an internal error naming the panic", err)
	}
}
