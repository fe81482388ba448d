package main

import (
	"context"
	"io"
	"time"

	"kontor/app"
	"kontor/app/pdf"
)

// pdfRenderer hands the CLI's exports to app/pdf, which the CLI may not
// import: it fills the render options from the company and the document.
type pdfRenderer struct{}

func pdfOptions(lang app.Lang, c app.Company) pdf.Options {
	return pdf.Options{Lang: lang, Logo: c.Logo, BaseCurrency: c.BaseCurrency, Created: time.Now()}
}

// Document renders d in its customer's language.
func (pdfRenderer) Document(w io.Writer, d app.SalesDoc, c app.Company) error {
	return pdf.RenderDocument(w, d, pdfOptions(d.Lang, c))
}

// Batch renders the documents into one PDF. RenderBatch prints a whole batch
// in one language: the first document's, which it peeks at.
func (pdfRenderer) Batch(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), c app.Company, progress func(done int)) error {
	first, err := next()
	if err != nil && err != io.EOF {
		return err
	}
	peeked := err == nil
	pull := func() (app.SalesDoc, error) {
		if peeked {
			peeked = false
			return first, nil
		}
		return next()
	}
	lang := first.Lang
	if lang == "" {
		lang = app.Czech
	}
	return pdf.RenderBatch(ctx, w, pull, pdfOptions(lang, c), progress)
}
