package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kontor/app"
)

// batchDocs are n invoices numbered FV2026-00001…, of 3 to 25 lines; the
// middle one runs over three pages, one needs the full fonts and the last
// is in euros.
func batchDocs(n int) []app.SalesDoc {
	docs := make([]app.SalesDoc, n)
	for i := range docs {
		d := longInvoice(3 + i%23)
		switch {
		case i == n-1:
			d = eurInvoice()
		case i == n/2:
			d = longInvoice(60)
		case i == n/2+7:
			d.Customer.Name = "Երևան Trade LLC ★ Москва"
		}
		d.Number = fmt.Sprintf("FV2026-%05d", i+1)
		d.VariableSymbol = fmt.Sprintf("2026%05d", i+1)
		docs[i] = d
	}
	return docs
}

// pull returns a next function over docs and counts its calls.
func pull(docs []app.SalesDoc, calls *int) func() (app.SalesDoc, error) {
	return func() (app.SalesDoc, error) {
		if *calls == len(docs) {
			return app.SalesDoc{}, io.EOF
		}
		*calls++
		return docs[*calls-1], nil
	}
}

func renderBatchBytes(t *testing.T, ctx context.Context, docs []app.SalesDoc, opt Options, progress func(int)) ([]byte, error) {
	t.Helper()
	var b bytes.Buffer
	calls := 0
	err := RenderBatch(ctx, &b, pull(docs, &calls), opt, progress)
	return b.Bytes(), err
}

func writeTemp(t *testing.T, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "batch.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var pageOf = regexp.MustCompile(`Strana (\d+) z (\d+)`)

// TestBatchMerged renders a batch of many chunks, with a logo, and reads it
// back with poppler: every document's pages in order, each counted on its
// own, the text with its diacritics, a QR code in the middle, the logo and
// the fonts stored once.
func TestBatchMerged(t *testing.T) {
	need(t, "pdfinfo", "pdffonts", "pdfimages")
	const n = 80 // five chunks: the shared fonts take over in the fourth
	docs := batchDocs(n)
	opt := csOpts()
	opt.Logo = testLogo(t)
	var done []int
	out, err := renderBatchBytes(t, context.Background(), docs, opt, func(d int) { done = append(done, d) })
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != n || done[n-1] != n {
		t.Errorf("progress %d calls, last %v", len(done), done[len(done)-1:])
	}
	again, err := renderBatchBytes(t, context.Background(), docs, opt, nil)
	if err != nil || !bytes.Equal(out, again) {
		t.Errorf("two renderings of the same batch differ (err %v)", err)
	}
	path := writeTemp(t, out)

	// poppler reads it without complaint and counts the pages.
	var stderr bytes.Buffer
	cmd := exec.Command("pdfinfo", path)
	cmd.Stderr = &stderr
	info, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdfinfo: %v\n%s", err, stderr.Bytes())
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
	ps := pages(t, path)
	if !strings.Contains(string(info), fmt.Sprintf("Pages:           %d\n", len(ps))) {
		t.Errorf("pdfinfo and pdftotext disagree on the pages (%d):\n%s", len(ps), info)
	}

	// The pages fall into the documents in order, each "Strana k z m".
	first := make([]int, 0, n) // each document's first page, 0-based
	for i, p := range ps {
		m := pageOf.FindStringSubmatch(p)
		if m == nil {
			t.Fatalf("page %d has no page number:\n%s", i+1, p)
		}
		if m[1] == "1" {
			first = append(first, i)
		} else if want := itoa(i - first[len(first)-1] + 1); m[1] != want {
			t.Errorf("page %d says Strana %s, want %s", i+1, m[1], want)
		}
	}
	if len(first) != n {
		t.Fatalf("%d documents found, want %d", len(first), n)
	}
	for i, d := range docs {
		mustContain(t, "first page of "+d.Number, ps[first[i]], d.Number)
	}
	long := ps[first[n/2]:first[n/2+1]]
	if len(long) != 3 {
		t.Errorf("the long invoice has %d pages, want 3", len(long))
	}
	mustContain(t, "first document", strings.Join(ps[:first[1]], "\f"), section29(docs[0], app.Czech, "CZK")...)
	mustContain(t, "first document", ps[0], "Žluťoučký", "Úpěnlivá ódy a.s.", "Ďáblická 12", "Strana 1 z 1")
	last := strings.Join(ps[first[n-1]:], "\f")
	mustContain(t, "last document", last, section29(docs[n-1], app.Czech, "CZK")...)
	mustContain(t, "last document", last, "Kurz ČNB", "EPC QR / SEPA")
	mustContain(t, "full-font document", ps[first[n/2+7]], "Երևան Trade LLC ★ Москва", "Položka 1 – šroubovák", "Kontor Žluťoučký s.r.o.")
	mustContain(t, "long document", strings.Join(long, "\f"), "Položka 60 – šroubovák", "Strana 3 z 3")

	// A QR code well inside the batch, after the shared fonts took over.
	mid := n/2 + 10
	want, _ := app.PaymentQR(docs[mid], docs[mid].Remaining())
	if codes := decodeQRPage(t, path, first[mid]+1); len(codes) != 1 || codes[0] != want {
		t.Errorf("QR of %s: %q, want %q", docs[mid].Number, codes, want)
	}

	// The logo is one image object on every first page.
	img, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(img)), "\n")[2:]
	objs := map[string]bool{}
	for _, r := range rows {
		f := strings.Fields(r)
		objs[f[10]] = true
	}
	if len(rows) != n || len(objs) != 1 {
		t.Errorf("%d images in %d objects, want %d in one", len(rows), len(objs), n)
	}

	// Fonts: each of the first parts has its own subsets (stored once when
	// equal), the rest share one copy; the document that needs the whole
	// DejaVu brings it.
	fonts, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:]
	if max := 2*ownFontParts + 2 + 2; len(lines) > max || !strings.Contains(string(fonts), "utf8dejavufull ") {
		t.Errorf("%d fonts, want at most %d, the full font among them:\n%s", len(lines), max, fonts)
	}
	for _, l := range lines {
		// name type encoding emb sub uni object ID
		if f := strings.Fields(l); f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded or without a Unicode map: %s", l)
		}
	}
	t.Logf("%d documents, %d pages, %d KB", n, len(ps), len(out)>>10)
}

// TestBatchCancelMidway cancels from the progress callback, as the screen's
// Cancel button does: the error says so and the PDF is left without its
// end, so no reader takes it for whole.
func TestBatchCancelMidway(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	docs := batchDocs(200)
	last := 0
	out, err := renderBatchBytes(t, ctx, docs, csOpts(), func(d int) {
		last = d
		if d == 20 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want cancelled", err)
	}
	var ae *app.Error
	if !errors.As(err, &ae) || ae.Key != "err.cancelled" {
		t.Errorf("err = %#v, want the app's cancelled error", err)
	}
	if last >= len(docs) || last < 20 {
		t.Errorf("progress went to %d", last)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Errorf("the documents done before the cancel were not streamed out (%d bytes)", len(out))
	}
	if bytes.Contains(out, []byte("trailer")) || bytes.Contains(out, []byte("%%EOF")) {
		t.Error("a cancelled batch has a trailer")
	}
}

// TestBatchNextFails stops at the failing document with its error, after
// the first chunks have been written out.
func TestBatchNextFails(t *testing.T) {
	docs := batchDocs(100)
	boom := errors.New("disk on fire")
	calls := 0
	next := func() (app.SalesDoc, error) {
		calls++
		if calls == 70 {
			return app.SalesDoc{}, boom
		}
		return docs[calls-1], nil
	}
	var b bytes.Buffer
	err := RenderBatch(context.Background(), &b, next, csOpts(), nil)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if calls != 70 {
		t.Errorf("next called %d times, want 70", calls)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) || bytes.Contains(b.Bytes(), []byte("%%EOF")) {
		t.Error("a failed batch has a trailer")
	}
}

// TestBatchEmpty writes nothing at all.
func TestBatchEmpty(t *testing.T) {
	out, err := renderBatchBytes(t, context.Background(), nil, csOpts(), nil)
	if !errors.Is(err, ErrNoDocuments) || len(out) != 0 {
		t.Errorf("err = %v, %d bytes written", err, len(out))
	}
}

// TestBatchOne is a batch of one document: the same text as the document
// on its own, and no shared fonts, which would only make it bigger.
func TestBatchOne(t *testing.T) {
	opt := csOpts()
	opt.Logo = testLogo(t)
	d := czkInvoice()
	out, err := renderBatchBytes(t, context.Background(), []app.SalesDoc{d}, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	single, err := renderBytes(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) > len(single)+len(single)/10 {
		t.Errorf("batch of one is %d bytes, the document alone %d", len(out), len(single))
	}
	got, want := pages(t, writeTemp(t, out)), pages(t, writeTemp(t, single))
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("batch of one reads\n%s\nwant\n%s", got, want)
	}
}
