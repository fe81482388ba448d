// Package pdf renders Kontor's printable sales documents — invoices, credit
// notes, quotes and orders — as A4 PDFs with the fields §29 of the Czech VAT
// act asks for, a payment QR code, embedded DejaVu fonts and "page N of M"
// footers. It is the only package that imports the PDF library (fpdf); render
// functions take domain values and an io.Writer and know nothing of storage
// or screens.
package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"io"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"kontor/app"
)

// Options of a rendered document.
type Options struct {
	// Lang is the customer's document language; anything but Czech prints English.
	Lang app.Lang
	// Logo is the company logo, PNG or JPEG; nil prints none. A logo fpdf
	// cannot read (16-bit or interlaced PNG, anything else) is left out.
	Logo []byte
	// BaseCurrency is the company's base currency ("CZK"), in which a
	// foreign-currency document's VAT recap is repeated; "" means CZK.
	BaseCurrency string
	// Created is the creation date written into the PDF; tests fix it for
	// byte-identical output. The zero time means now.
	Created time.Time
}

// ErrNoDocuments is returned by RenderBatch when next yields no document.
var ErrNoDocuments = errors.New("pdf: no documents to render")

// Page geometry in millimetres (A4 portrait).
const (
	pageW      = 210.0
	margin     = 15.0
	contentW   = pageW - 2*margin
	right      = pageW - margin
	bodyBottom = 274.0 // content never goes below; the footer lives under it
	footerY    = 280.0
)

// RenderDocument writes d — an invoice, credit note, quote or order — as one
// PDF to w.
func RenderDocument(w io.Writer, d app.SalesDoc, opt Options) (err error) {
	defer recoverPanic("rendering document "+d.Number, &err)
	r := newRenderer(opt)
	if d.Lang != "" {
		opt.Lang = d.Lang
	}
	l := labelsFor(opt.Lang)
	setInfo(r.f, docTitle(l, d), d.Supplier.Name, "")
	r.document(d)
	return r.output(w)
}

// newRenderer starts a PDF with the house settings: A4, margins, fixed
// dates, sorted catalogs, no automatic page breaks (the layout breaks pages
// itself so a table row or the totals never split).
func newRenderer(opt Options) *renderer {
	if opt.BaseCurrency == "" {
		opt.BaseCurrency = "CZK"
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	if !opt.Created.IsZero() {
		f.SetCreationDate(opt.Created)
		f.SetModificationDate(opt.Created)
	}
	f.SetCreator("Kontor", true)
	f.SetProducer("Kontor", true)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	r := &renderer{f: f, opt: opt, baseLang: opt.Lang}
	r.registerLogo()
	return r
}

// output writes the finished PDF, or the first error fpdf met.
func (r *renderer) output(w io.Writer) error {
	if err := r.f.Error(); err != nil {
		return app.Internal("rendering the PDF", err)
	}
	if err := r.f.Output(w); err != nil {
		return app.Internal("writing the PDF", err)
	}
	return nil
}

// registerLogo adds the logo image once per PDF, when fpdf can read it. A
// logo it cannot read is left out rather than failing the invoice: fpdf's
// PNG parser panics on a truncated file, so the bytes are decoded by the
// standard library first (once per distinct logo, see logoOK).
func (r *renderer) registerLogo() {
	typ := logoType(r.opt.Logo)
	if typ == "" || !logoOK(r.opt.Logo) {
		return
	}
	var info *fpdf.ImageInfoType
	func() {
		defer func() {
			if recover() != nil {
				info = nil
			}
		}()
		info = r.f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(r.opt.Logo))
	}()
	if info == nil || r.f.Error() != nil {
		r.f.ClearError()
		return
	}
	w, h := info.Width(), info.Height()
	if w <= 0 || h <= 0 {
		return
	}
	// Fit into 50 × 20 mm, keeping the aspect ratio.
	s := min(50/w, 20/h)
	r.logo, r.logoW, r.logoH = "logo", w*s, h*s
}

var (
	logoMu    sync.Mutex
	logoCache = map[[sha256.Size]byte]bool{}
)

// logoOK reports whether the standard library decodes b as a whole image.
// The answer is remembered by the bytes' hash: a company prints with one
// logo, and decoding it for every invoice would cost more than the invoice.
func logoOK(b []byte) bool {
	key := sha256.Sum256(b)
	logoMu.Lock()
	ok, known := logoCache[key]
	logoMu.Unlock()
	if known {
		return ok
	}
	_, _, err := image.Decode(bytes.NewReader(b))
	ok = err == nil
	logoMu.Lock()
	if len(logoCache) > 32 {
		clear(logoCache)
	}
	logoCache[key] = ok
	logoMu.Unlock()
	return ok
}

// logoType returns fpdf's image type of b, or "" when it is not an image
// fpdf reads: PNG of at most 8 bits per channel, not interlaced, or JPEG.
func logoType(b []byte) string {
	switch {
	case len(b) > 29 && string(b[:8]) == "\x89PNG\r\n\x1a\n" && string(b[12:16]) == "IHDR":
		if binary.BigEndian.Uint32(b[16:20]) == 0 || b[24] > 8 || b[28] != 0 {
			return ""
		}
		return "PNG"
	case len(b) > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF:
		return "JPG"
	}
	return ""
}
