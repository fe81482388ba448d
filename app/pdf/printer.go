package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"kontor/app"
)

// Printer is app.Printer: it prints every kind of app.Printable as a PDF —
// sales documents (RenderDocument), customer statements (RenderStatement),
// report tables (ReportRenderer), visitor badges (RenderBadge), stock
// documents, stocktake sheets, payslips (RenderPayslip), annual payroll
// accounts (RenderAnnualAccount) and tax reconciliations
// (RenderTaxReconciliation) — with
// the company's logo and base currency, each in its own language. A new
// kind is a case in print and in drawRun.
type Printer struct {
	// Now dates the PDFs; nil means time.Now. Tests fix it for
	// byte-identical output.
	Now func() time.Time
}

var _ app.Printer = Printer{}

func (p Printer) created() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// options are the render options of c's documents in lang.
func (p Printer) options(lang app.Lang, c app.Company) Options {
	return Options{Lang: lang, Logo: c.Logo, BaseCurrency: c.BaseCurrency, Created: p.created()}
}

// Print writes doc as one PDF to w.
func (p Printer) Print(w io.Writer, doc app.Printable, c app.Company) error {
	return p.print(w, deref(doc), c)
}

func (p Printer) print(w io.Writer, doc app.Printable, c app.Company) error {
	if ok, err := p.printComplaint(w, doc, c); ok {
		return err
	}
	switch d := doc.(type) {
	case app.SalesDoc:
		return RenderDocument(w, d, p.options(d.PrintLang(), c))
	case app.Statement:
		return StatementRenderer{Created: p.created()}.Statement(w, d, c)
	case app.ReportTable:
		return ReportRenderer{Created: p.created()}.Report(w, d, c)
	case app.Badge:
		return RenderBadge(w, d.Visit, c, p.options(d.PrintLang(), c))
	case app.StockDocPrint:
		return RenderStockDoc(w, d, c, p.options(d.PrintLang(), c))
	case app.StocktakeSheet:
		return RenderStocktakeSheet(w, d, c, p.options(d.PrintLang(), c))
	case app.PayslipPrint:
		return RenderPayslip(w, d, c, p.options(d.PrintLang(), c))
	case app.AnnualAccount:
		return RenderAnnualAccount(w, d, c, p.created())
	case app.TaxReconciliationPrint:
		return RenderTaxReconciliation(w, d, c, p.created())
	}
	return unknownKind(doc)
}

// PrintAll writes the documents next yields into one PDF, streamed as
// RenderBatch streams: a few at a time, drawn on several cores and merged
// in order, so memory stays bounded. Sales documents that follow each other
// share a drawing (as in RenderBatch), statements likewise; a report or a
// badge is drawn on its own, on pages of its own size. ErrNoDocuments when
// next yields none.
func (p Printer) PrintAll(ctx context.Context, w io.Writer, next func() (app.Printable, error), c app.Company, progress func(done int)) error {
	pull := func() (app.Printable, error) {
		doc, err := next()
		if err != nil {
			return nil, err
		}
		doc = deref(doc)
		if complaintKind(doc) {
			return doc, nil
		}
		switch doc.(type) {
		case app.SalesDoc, app.Statement, app.ReportTable, app.Badge, app.StockDocPrint, app.StocktakeSheet,
			app.PayslipPrint, app.AnnualAccount, app.TaxReconciliationPrint:
			return doc, nil
		}
		return nil, unknownKind(doc)
	}
	draw := func(ctx context.Context, docs []app.Printable) chunkResult {
		var res chunkResult
		for len(docs) > 0 {
			n := runOf(docs)
			part, err := p.drawRun(ctx, docs[:n], c)
			if err != nil {
				return chunkResult{err: err}
			}
			if res.pdf == nil {
				res.pdf = part
			} else {
				res.more = append(res.more, part)
			}
			res.n += n
			docs = docs[n:]
		}
		return res
	}
	return streamChunks(ctx, w, pull, weighPrintable, draw, progress)
}

// runOf is how many documents from the first share one drawing: sales
// documents with sales documents, statements with statements; anything
// else is drawn alone.
func runOf(docs []app.Printable) int {
	same := func(a, b app.Printable) bool {
		switch a.(type) {
		case app.SalesDoc:
			_, ok := b.(app.SalesDoc)
			return ok
		case app.Statement:
			_, ok := b.(app.Statement)
			return ok
		case app.PayslipPrint:
			_, ok := b.(app.PayslipPrint)
			return ok
		}
		return false
	}
	n := 1
	for n < len(docs) && same(docs[0], docs[n]) {
		n++
	}
	return n
}

// drawRun draws a run of documents (see runOf) into one PDF.
func (p Printer) drawRun(ctx context.Context, docs []app.Printable, c app.Company) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, cancelled(err)
	}
	switch docs[0].(type) {
	case app.SalesDoc:
		sales := make([]app.SalesDoc, len(docs))
		for i, d := range docs {
			sales[i] = d.(app.SalesDoc)
		}
		res := renderChunk(ctx, sales, p.options(app.Czech, c))
		return res.pdf, res.err
	case app.Statement:
		opt := p.options(app.Czech, c)
		r := newRenderer(opt)
		setInfo(r.f, "Kontor", c.Name, "")
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return nil, cancelled(err)
			}
			st := d.(app.Statement)
			r.drawStatement(st, c, st.PrintLang())
			if err := r.f.Error(); err != nil {
				return nil, app.Internal("rendering the statement of "+st.Customer.Name, err)
			}
		}
		var b bytes.Buffer
		if err := r.output(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	case app.PayslipPrint:
		// Each payslip draws in its own language (drawPayslip).
		r := newRenderer(p.options(app.Czech, c))
		setInfo(r.f, "Kontor", c.Name, "")
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return nil, cancelled(err)
			}
			ps := d.(app.PayslipPrint)
			r.drawPayslip(ps, c)
			if err := r.f.Error(); err != nil {
				return nil, app.Internal("rendering the payslip of "+ps.PrintName(), err)
			}
		}
		var b bytes.Buffer
		if err := r.output(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	var b bytes.Buffer
	if err := p.print(&b, docs[0], c); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// weighPrintable is what a document weighs in table rows, to bound a chunk.
func weighPrintable(doc app.Printable) int {
	switch d := doc.(type) {
	case app.SalesDoc:
		return len(d.Lines) + docRows
	case app.Statement:
		n := 0
		for _, sec := range d.Sections {
			n += len(sec.Lines) + len(sec.Open) + statementRows
		}
		return n
	case app.ReportTable:
		return len(d.Rows) + docRows
	case app.StockDocPrint:
		return len(d.Doc.Lines) + docRows
	case app.StocktakeSheet:
		return len(d.Take.Lines) + docRows
	case app.PayslipPrint:
		return payslipRows
	case app.AnnualAccount:
		return len(d.Payslips) + docRows
	case app.TaxReconciliationPrint:
		return docRows
	}
	return docRows
}

// deref takes the value a pointer to a Printable kind points to, so
// callers may pass either.
func deref(doc app.Printable) app.Printable {
	if d, ok := derefComplaint(doc); ok {
		return d
	}
	switch d := doc.(type) {
	case *app.SalesDoc:
		if d != nil {
			return *d
		}
	case *app.Statement:
		if d != nil {
			return *d
		}
	case *app.ReportTable:
		if d != nil {
			return *d
		}
	case *app.Badge:
		if d != nil {
			return *d
		}
	case *app.StockDocPrint:
		if d != nil {
			return *d
		}
	case *app.StocktakeSheet:
		if d != nil {
			return *d
		}
	case *app.PayslipPrint:
		if d != nil {
			return *d
		}
	case *app.AnnualAccount:
		if d != nil {
			return *d
		}
	case *app.TaxReconciliationPrint:
		if d != nil {
			return *d
		}
	}
	return doc
}

func unknownKind(doc app.Printable) error {
	return app.Internal("printing", fmt.Errorf("pdf: no way to print a %T", doc))
}
