package app

import (
	"context"
	"io"
)

// Printer makes printable files of Printables: app/pdf.Printer writes PDFs.
// The front ends are given one Printer and print every kind through it;
// a new kind is a new Printable and one case in the printer.
type Printer interface {
	// Print writes doc, one document, to w with c's letterhead (name,
	// address, logo, bank details) in doc's language (PrintLang).
	Print(w io.Writer, doc Printable, c Company) error
	// PrintAll writes many documents into one file, pulling them one at a
	// time from next until it returns io.EOF, so memory stays bounded
	// whatever their number; kinds may be mixed. Each starts on a new page
	// and counts its own pages, in its own language; progress(done) is
	// called after each, ctx cancels between them. When it fails w holds a
	// partial file: write to a temporary file and rename it on success.
	PrintAll(ctx context.Context, w io.Writer, next func() (Printable, error), c Company, progress func(done int)) error
}
