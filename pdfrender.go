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

// Batch renders the documents into one PDF, each in its customer's language.
func (pdfRenderer) Batch(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), c app.Company, progress func(done int)) error {
	return pdf.RenderBatch(ctx, w, next, pdfOptions(app.Czech, c), progress)
}
