package main

import (
	"context"
	"io"

	"kontor/app"
	"kontor/app/pdf"
)

// printer is the one PDF maker main hands to the front ends.
var printer app.Printer = pdf.Printer{}

// pdfRenderer is the CLI's and the screens' old shape of the printer for
// sales documents (app.DocumentRenderer), until they take app.Printer
// (issue 11, P3).
type pdfRenderer struct{}

// Document renders d in its customer's language.
func (pdfRenderer) Document(w io.Writer, d app.SalesDoc, c app.Company) error {
	return printer.Print(w, d, c)
}

// Batch renders the documents into one PDF, each in its customer's language.
func (pdfRenderer) Batch(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), c app.Company, progress func(done int)) error {
	return printer.PrintAll(ctx, w, func() (app.Printable, error) {
		d, err := next()
		if err != nil {
			return nil, err
		}
		return d, nil
	}, c, progress)
}

// printerStatements is the old shape of the printer for customer
// statements (app.StatementRenderer).
type printerStatements struct{}

func (printerStatements) Statement(w io.Writer, st app.Statement, c app.Company) error {
	return printer.Print(w, st, c)
}

func (printerStatements) Combined(ctx context.Context, w io.Writer, next func() (app.Statement, error), c app.Company, progress func(done int)) error {
	return printer.PrintAll(ctx, w, func() (app.Printable, error) {
		st, err := next()
		if err != nil {
			return nil, err
		}
		return st, nil
	}, c, progress)
}

// printerReports is the old shape of the printer for report tables
// (app.ReportRenderer).
type printerReports struct{}

func (printerReports) Report(w io.Writer, t app.ReportTable, c app.Company) error {
	return printer.Print(w, t, c)
}

var (
	statementRenderer app.StatementRenderer = printerStatements{}
	reportRenderer    app.ReportRenderer    = printerReports{}
)
